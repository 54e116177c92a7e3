"""Time to draw and write the maps of a corpus, and the size of what is written.

    python benchmarks/maps.py [CORPUS] [--repeats N]

Extracts the corpus once (default: the sample articles in ``data/articles``),
then, per map, the median of N runs of: drawing it (``plot_map``, including the
counting rules for casualties), writing PNG, SVG and PDF (``save_figure``), and
writing the four layout files (``write_layouts``); the first run, which reads
the outlines and loads matplotlib, is reported apart. Prints file sizes too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT / "data" / "articles"))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from conflictnews import extract, read_corpus
    from conflictnews.export import save_figure
    from conflictnews.layouts import write_layouts
    from conflictnews.maps import plot_map

    corpus = read_corpus(args.corpus, progress=False)
    facts = extract(corpus, progress=False)
    print(f"corpus {args.corpus}: {len(corpus.articles)} articles, {len(facts.casualties)} casualty reports, "
          f"{len(facts.territory)} territory claims")
    with tempfile.TemporaryDirectory() as folder:
        for kind, data in (("casualties", facts.casualties), ("control", facts.territory)):
            draws, saves = [], []
            files: list[Path] = []
            for _ in range(args.repeats + 1):
                start = time.perf_counter()
                ax = plot_map(data, kind=kind)
                drawn = time.perf_counter()
                files = save_figure(ax, Path(folder) / f"{kind}_map")
                saved = time.perf_counter()
                plt.close(ax.get_figure())  # type: ignore[arg-type]
                draws.append(drawn - start)
                saves.append(saved - drawn)
            sizes = ", ".join(f"{p.suffix[1:].upper()} {p.stat().st_size / 1024:.0f} KB" for p in files)
            print(f"{kind} map: first draw {draws[0]:.2f} s; then draw {statistics.median(draws[1:]):.2f} s, "
                  f"write PNG+SVG+PDF {statistics.median(saves[1:]):.2f} s (median of {args.repeats}); {sizes}")
        times = []
        written: list[Path] = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            written = write_layouts(facts.casualties, facts.territory, folder, articles=corpus.articles)
            times.append(time.perf_counter() - start)
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1024:.0f} KB" for p in written)
        print(f"layouts: {statistics.median(times):.2f} s (median of {args.repeats}); {sizes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
