#!/usr/bin/env python3
"""How the time of one article grows with its length: generated articles of 10 KB to 10 MB.

Each stage is timed on one article of each size, in CPU time of this process
(``time.process_time``: other jobs on the machine do not count), and printed
as milliseconds per KB. Linear code costs the same per KB at every size.

Stages: ``read_article`` (header, source, language), the shared analysis
(``document.documents``: sentences, counts, times, names), then each reader on
that analysis (``casualties_from_documents``, ``territory_from_documents``,
``timeline_from_documents``; the timeline is given the casualties and claims,
as ``extract`` does).

``--casualty-limit`` leaves the casualty reader and the timeline out above a
size (to time the other stages of a reader that is not linear).

Usage::

    python benchmarks/long_article.py                              # 10 KB to 10 MB, both languages
    python benchmarks/long_article.py --sizes 10000,100000 --lang en
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.generate import long_article  # noqa: E402


def _cpu(run: Callable[[], Any]) -> tuple[float, Any]:
    started = time.process_time()
    result = run()
    return time.process_time() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000,10000000", help="article sizes in characters")
    parser.add_argument("--lang", default="nl,en")
    parser.add_argument("--casualty-limit", type=int, default=0,
                        help="largest article the casualty reader (and the timeline) is run on (0: every size)")
    args = parser.parse_args()

    import conflictnews as cn
    from conflictnews.casualties import casualties_from_documents
    from conflictnews.document import documents
    from conflictnews.territory import territory_from_documents
    from conflictnews.timeline import timeline_from_documents

    limit = args.casualty_limit or float("inf")
    for lang in ("nl", "en"):  # load the lexicons
        cn.read_article(long_article(2000, lang=lang))
        cn.extract_timeline(long_article(2000, lang=lang), lang=lang)
    print(f"{'lang':<5}{'size':>11}  " + "".join(f"{name:>13}" for name in
          ("read", "analysis", "casualties", "territory", "timeline", "total")) + "   (ms per KB, CPU)")
    for lang in args.lang.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            text = long_article(size, lang=lang)
            kb = len(text.encode("utf-8")) / 1000
            read, _ = _cpu(lambda: cn.read_article(text))
            analysis, docs = _cpu(lambda: documents(text, lang=lang))
            territory, claims = _cpu(lambda: territory_from_documents(docs))
            if size <= limit:
                casualties, reports = _cpu(lambda: casualties_from_documents(docs))
                timeline, _ = _cpu(lambda: timeline_from_documents(docs, reports, claims))
                total = f"{1000 * (analysis + casualties + territory + timeline) / kb:13.2f}"
                rest = f"{1000 * casualties / kb:13.2f}{1000 * territory / kb:13.2f}{1000 * timeline / kb:13.2f}"
            else:
                rest = f"{'-':>13}{1000 * territory / kb:13.2f}{'-':>13}"
                total = f"{'-':>13}"
            print(f"{lang:<5}{kb:>9,.0f}KB  {1000 * read / kb:13.3f}{1000 * analysis / kb:13.2f}{rest}{total}",
                  flush=True)


if __name__ == "__main__":
    main()
