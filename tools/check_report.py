"""Look at the report in a real browser: headless Chromium screenshots of index.html and one article page.

Usage::

    python tools/check_report.py                 # runs `conflictnews report data/articles --out <tmp>`
    python tools/check_report.py REPORT_FOLDER   # an existing report folder (with index.html)
    python tools/check_report.py --corpus DIR    # another corpus

Prints where the screenshots are. Without ``/usr/bin/chromium`` (Debian: ``apt-get install chromium``)
it says so and exits 0: the check is optional.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")


def _conflictnews() -> list[str]:
    """The command line of this checkout's interpreter (the venv's script if it is beside it)."""
    script = Path(sys.executable).with_name("conflictnews")
    return [str(script)] if script.exists() else [sys.executable, "-m", "conflictnews.cli"]


def make_report(corpus: Path, out: Path) -> Path:
    """Run ``conflictnews report CORPUS --out OUT``; return the index page."""
    command = [*_conflictnews(), "report", str(corpus), "--out", str(out), "--quiet"]
    result = subprocess.run(command, check=False, cwd=ROOT, capture_output=True, text=True)
    if result.returncode not in (0, 1):  # 1: some inputs were rejected, the report is still written
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"check_report: `{' '.join(command)}` failed with status {result.returncode}")
    return out / "index.html"


def chromium() -> str | None:
    """The Chromium to use: /usr/bin/chromium, else one on the PATH; None when there is none."""
    return str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")


def screenshot(page: Path, png: Path, *, width: int = 1400, height: int = 4000) -> Path:
    """One headless Chromium screenshot of a local page, with a fresh profile."""
    browser = chromium()
    if browser is None:
        raise SystemExit("check_report: chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
                   f"--screenshot={png}", f"--window-size={width},{height}", page.resolve().as_uri()]
        result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or not png.exists():
        sys.stderr.write(result.stderr[-2000:])
        raise SystemExit(f"check_report: chromium could not take a screenshot of {page}")
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path, help="an existing report folder (default: make one)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "articles",
                        help="corpus to report on when no folder is given (default: data/articles)")
    parser.add_argument("--out", type=Path, help="where to put the screenshots (default: a new temporary folder)")
    parser.add_argument("--height", type=int, default=4000, help="window height in pixels (default 4000)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="conflictnews-check-"))
    if args.report is not None:
        index = args.report / "index.html"
        if not index.is_file():
            parser.error(f"{args.report} has no index.html")
    else:
        index = make_report(args.corpus, work / "report")
        print(f"report: {index}")
    if chromium() is None:
        print("chromium is not installed (/usr/bin/chromium): no screenshots taken. "
              "On Debian: apt-get install -y chromium")
        return 0
    shots = args.out or work / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    pages = sorted((index.parent / "articles").glob("*.html"))
    # The article with the most marked passages shows the most.
    article = max(pages, key=lambda p: p.read_text(encoding="utf-8").count("<mark"), default=None)
    taken = [screenshot(index, shots / "index.png", height=args.height)]
    if article is not None:
        taken.append(screenshot(article, shots / "article.png", height=min(args.height, 2400)))
    for png in taken:
        print(f"screenshot: {png}")
    if article is not None:
        print(f"article page: {article}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
