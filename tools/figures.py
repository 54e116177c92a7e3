"""Print every accuracy figure of docs/accuracy.md, measured now, as Markdown tables.

Reads the gold annotations of this repository and the real articles and event
data of ``../shared`` (skipped with a note when absent). Nothing is written:
the output is pasted into the docs by hand, so that a figure changes only with
a commit that says why.

Usage::

    python tools/figures.py            # everything (about 6 minutes on 2 cores)
    python tools/figures.py gold       # one part: gold, fields, events, places, territory

The parts are independent; each prints the command of the package that gives
the same figures one file at a time.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
GOLD = [
    ("Dutch dev corpus", ROOT / "tests" / "gold" / "dev_nl.jsonl", SHARED / "corpus" / "nl"),
    ("English dev corpus", ROOT / "tests" / "gold" / "dev_en.jsonl", SHARED / "corpus" / "en"),
    ("bundled sample corpus", ROOT / "data" / "gold.jsonl", None),
    ("seed", ROOT / "tests" / "gold" / "seed.jsonl", SHARED / "seed"),
]
EVENTS = ["acled_2020_global_dev.csv", "acled_2016_africa_dev.csv", "gtd_iraq_dev.csv", "wad_2016-2020_dev.csv",
          "acled_kenya_2004-2019_dev.csv", "acled_uganda_1997-2020_dev.csv", "acled_angola_1997-2020_dev.csv",
          "acled_nigeria_2014-2016_dev.csv"]
PLACES = ["acled_kenya_2004-2019_dev.csv", "acled_uganda_1997-2020_dev.csv", "acled_angola_1997-2020_dev.csv",
          "acled_2020_global_dev.csv", "acled_2016_africa_dev.csv"]


def _available(corpus: Path | None) -> bool:
    return corpus is None or corpus.exists()


def gold() -> None:
    from conflictnews.evaluate import evaluate_gold

    print("| gold | facts | precision | recall | F1 | victim group | territory (actor, place, status) P / R / F1 |")
    print("|---|---|---|---|---|---|---|")
    for name, path, corpus in GOLD:
        if not _available(corpus):
            print(f"| {name} | (../shared absent) | | | | | |")
            continue
        score = evaluate_gold(path, corpus=corpus)
        c, t = score.casualties, score.territory_with_actor or score.territory
        group = score.victim_group_accuracy
        print(f"| {name} | {c['gold']} | {c['precision']:.3f} | {c['recall']:.3f} | **{c['f1']:.3f}** | "
              f"{'' if group is None else f'{group:.3f}'} | "
              f"{t['precision']:.3f} / {t['recall']:.3f} / **{t['f1']:.3f}** |")


def fields() -> None:
    from conflictnews.records_score import FIELDS, score_records

    scores = [(name, score_records(path, corpus=corpus)) for name, path, corpus in GOLD[:3] if _available(corpus)]
    print("| field | " + " | ".join(name for name, _ in scores) + " |")
    print("|---|" + "---|" * len(scores))
    for field in FIELDS:
        cells = []
        for _, score in scores:
            right, stated = score.fields.get(field, (0, 0))
            cells.append(f"{right / stated:.3f} ({right} of {stated})" if stated else "")
        print(f"| `{field}` | " + " | ".join(cells) + " |")
    print("| found by (outcome, count) | " + " | ".join(f"{s.matched} of {s.gold}" for _, s in scores) + " |")
    print("| **whole record**, the place aside | " + " | ".join(
        f"**{s.whole_accuracy:.3f}** ({s.whole} of {s.gold})" for _, s in scores) + " |")
    print("| whole record with the place | " + " | ".join(
        f"{s.whole_with_place / s.gold:.3f}" for _, s in scores) + " |")


def events() -> None:
    from conflictnews.evaluate import score_events

    print("| file | texts | left out | with deaths | exact total killed | every side | total 0 (texts without) "
          "| exact total injured |")
    print("|---|---|---|---|---|---|---|---|")
    for name in EVENTS:
        path = SHARED / "events" / name
        if not path.exists():
            continue
        s = score_events(path)
        every = "" if s.exact_all_victims is None else f"{s.exact_all_victims:.3f}"
        zero = "" if not s.without_deaths else f"{s.zero_without_deaths:.3f} ({s.without_deaths})"
        injured = "" if s.exact_with_injured is None else f"{s.exact_with_injured:.3f} ({s.with_injured})"
        print(f"| `{name}` | {s.texts:,} | {s.excluded_conventions} | {s.with_deaths:,} | "
              f"**{s.exact_with_deaths:.3f}** | {every} | {zero} | {injured} |")


def places() -> None:
    from conflictnews.evaluate import score_event_places
    from conflictnews.records_score import score_records

    print("| file | notes with deaths | placed | within 50 km of the coded point, of placed | of all |")
    print("|---|---|---|---|---|")
    for name in PLACES:
        path = SHARED / "events" / name
        if path.exists():
            s = score_event_places(path)
            print(f"| `{name}` | {s.units} | {s.placed} | **{s.rate:.3f}** | {s.rate_of_all:.3f} |")
    for name, path, corpus in GOLD[:3]:
        if _available(corpus):
            right, stated = score_records(path, corpus=corpus).fields.get("place", (0, 0))
            print(f"gold place agreement, {name}: {right / stated:.3f} ({right} of {stated})")


def territory() -> None:
    from conflictnews.evaluate import score_false_territory, score_territory_gains

    path = SHARED / "events" / "acled_territory_africa_dev.csv"
    if path.exists():
        print(score_territory_gains(path).summary())
    for name in ("acled_territory_africa_dev.csv", "acled_2020_global_dev.csv", "acled_kenya_2004-2019_dev.csv"):
        if (SHARED / "events" / name).exists():
            print(name, score_false_territory(SHARED / "events" / name).summary())


PARTS = {"gold": gold, "fields": fields, "events": events, "places": places, "territory": territory}

if __name__ == "__main__":
    chosen = sys.argv[1:] or list(PARTS)
    unknown = [name for name in chosen if name not in PARTS]
    if unknown:
        sys.exit(f"unknown part(s): {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    for name in chosen:
        print(f"\n## {name}\n")
        PARTS[name]()
