"""Sort the misses of ``score_events`` on an event file into kinds, with counts and examples.

Each text scored (the texts ``read_event_texts`` leaves out are not) whose total
differs from the coders' number is put under the first kind it fits, judged from
the figures the package read and the numbers written in the text:

- ``one victim, no number``: the coders' 1, and nothing read;
- ``figure in the text not read``: nothing or too little read, and the coders'
  number is written in the text;
- ``nothing read``: nothing read, and the coders' number is not in the text;
- ``figure stated twice``: one figure read twice, and once is the coders';
- ``parts beside their total``: the coders' figure was read, and the other
  figures read add up to it (a breakdown, a toll that updates the figures before);
- ``other figures added``: the coders' figure was read, with others that are not
  its parts (an agent or a speaker read as victims, an earlier death, another
  incident, a vague figure);
- ``too little read``: less than the coders' number, which is not in the text
  (several figures the coders summed, a victim named without a number);
- ``coded figure not in the text``: anything else (a sum across places, a figure
  from other sources, the coders' own count).

Usage::

    python tools/event_misses.py ../shared/events/wad_2016-2020_dev.csv [--examples 3]

The kinds are a reading aid, not a measurement of the extractor: read the
examples before trusting a count.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from conflictnews.casualties import extract_casualties  # noqa: E402
from conflictnews.evaluate import _group_totals, noncombatant_total, read_event_texts  # noqa: E402
from conflictnews.numbers import find_counts  # noqa: E402


def kind(expected: int, predicted: int, figures: list[int], numbers: list[int]) -> str:
    """The kind of one miss (see the module's docstring)."""
    if predicted == 0:
        if expected == 1 and 1 not in numbers:
            return "one victim, no number"
        return "figure in the text not read" if expected in numbers else "nothing read"
    if predicted < expected:
        return "figure in the text not read" if expected in numbers and expected not in figures else "too little read"
    if expected in figures:
        rest = list(figures)
        rest.remove(expected)
        if expected in rest:
            return "figure stated twice"
        return "parts beside their total" if sum(rest) == expected else "other figures added"
    return "coded figure not in the text"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=Path)
    parser.add_argument("--examples", type=int, default=0, help="texts shown per kind")
    args = parser.parse_args()
    layout, texts = read_event_texts(args.events)
    kinds: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    scored = 0
    for item in texts:
        if item.left_out or item.killed <= 0:
            continue
        scored += 1
        groups = _group_totals(item.text)["killed"]
        predicted = noncombatant_total(groups) if layout == "WAD" else sum(groups.values())
        if predicted == item.killed:
            continue
        figures = [r.count_best for r in extract_casualties(item.text, lang="en")
                   if r.outcome == "killed" and not r.subset and not r.cumulative]
        numbers = [c.count.best for c in find_counts(item.text, lang="en")]
        found = kind(item.killed, predicted, figures, numbers)
        kinds[found] += 1
        if len(examples[found]) < args.examples:
            examples[found].append(f"coded {item.killed}, read {predicted}: {item.text[:160]}")
    print(f"{args.events.name}: {scored} texts with deaths scored, {sum(kinds.values())} misses")
    for name, n in kinds.most_common():
        print(f"  {n:5d}  {name}")
        for example in examples[name]:
            print(f"         {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
