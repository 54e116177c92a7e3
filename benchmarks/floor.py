"""How long the shared scans alone take on the seed article, next to the yardstick.

``python benchmarks/floor.py`` prints, per seed article and in CPU time of one
core, the time of each of the three large patterns every extractor depends on
(counts, time expressions, names), run bare (no Python work on the matches),
next to the bare yardstick scan of ``benchmark.py``, then full extraction and
its stages. It shows how much of the budget of a target speed the regex engine
alone takes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.benchmark import YARDSTICK, _sources  # noqa: E402
from conflictnews import numbers, temporal  # noqa: E402
from conflictnews.lexicon import language, world  # noqa: E402
from conflictnews.casualties import casualties_from_documents  # noqa: E402
from conflictnews.document import documents  # noqa: E402
from conflictnews.pipeline import extract_article  # noqa: E402
from conflictnews.territory import territory_from_documents  # noqa: E402
from conflictnews.timeline import timeline_from_documents  # noqa: E402
from conflictnews.text import split_sentences  # noqa: E402


def per_call(run: Callable[[], Any], repeats: int) -> float:
    """Best CPU milliseconds of one call over three rounds of ``repeats`` calls."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        for _ in range(repeats):
            run()
        best = min(best, time.process_time() - started)
    return best / repeats * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=300)
    args = parser.parse_args(argv)
    article = _sources(seed_only=True)[0]
    text, lang = article.text, "nl"
    data = language(lang)
    counts = numbers._compiled(lang)
    times = data.memo("time_scanner", lambda: temporal.StartScanner(temporal._pattern(data), temporal._starts(data)))
    names = world()._matcher
    extract_article(article)
    rows = [
        ("yardstick: the four bare patterns", lambda: [p.findall(text) for p in YARDSTICK]),
        ("counts pattern, bare", lambda: list(counts.finditer(text))),
        ("time pattern, bare", lambda: list(times.finditer(text))),
        ("names patterns, bare", lambda: list(names.finditer(text))),
        ("sentence split", lambda: split_sentences(text, lang=lang)),
        ("full extraction", lambda: extract_article(article)),
    ]
    docs = documents(article)
    casualties = casualties_from_documents(docs)
    territory = territory_from_documents(docs)
    rows += [
        ("  stage: analysis (documents)", lambda: documents(article)),
        ("  stage: casualties", lambda: casualties_from_documents(docs)),
        ("  stage: territory", lambda: territory_from_documents(docs)),
        ("  stage: timeline", lambda: timeline_from_documents(docs, casualties, territory)),
    ]
    print(f"seed article: {len(text):,} characters; CPU ms per article, best of 3 x {args.repeats}")
    budget = 1000 / 2000
    for name, run in rows:
        ms = per_call(run, args.repeats)
        print(f"  {name:36s} {ms:7.3f} ms  {ms / budget:6.1%} of the 0.5 ms budget of 2,000 articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
