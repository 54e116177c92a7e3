"""Every field of a casualty record, measured against gold annotations.

An analyst defends a number by its whole record: whose dead, killed by whom,
where, when, who says so. ``score_records`` matches each gold casualty fact to
an extracted report with the same headline flag, outcome and count (choosing,
among reports with that key, the one that agrees on most fields), then checks
every field the gold states:

- ``victim_group``, ``qualifier``, ``cumulative``, ``certainty``: equal;
- ``victim_actor``, ``perpetrator``: equal through the actors table (state
  forces by their canonical name), or, for names the table does not know, the
  same words (articles and case aside; one may hold the other: "provincial
  governor" and "governor");
- ``attributed_to``: the same through the sources table, else as above;
- ``perpetrator_group``: equal;
- ``place``: the same place, or the extracted place lies inside the gold one
  (a district of the city); skipped when the gold gives none;
- the period (``period_start``, ``period_end``): equal at the gold's
  ``date_precision`` (the day, the month or the year); skipped when the gold
  gives none (the text states no time).

A gold fact is whole when it is matched and every field it states, the place aside (measured on its own,
and against coded coordinates), is right;
``whole`` is the share of gold facts that are whole (recall-based: a missed
fact is never whole).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

__all__ = ["FIELDS", "WHOLE", "RecordScore", "score_records"]

FIELDS = ("victim_group", "victim_actor", "qualifier", "cumulative", "place", "attributed_to",
          "perpetrator", "perpetrator_group", "period", "certainty")
# The place is measured on its own (against coded coordinates as well); a whole record is every other field.
WHOLE = tuple(name for name in FIELDS if name != "place")


@dataclass
class RecordScore:
    """Per-field agreement on matched facts, and whole-record accuracy."""

    gold: int
    matched: int
    whole: int
    whole_with_place: int
    fields: dict[str, tuple[int, int]]  # field -> (right, stated on matched facts)
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def whole_accuracy(self) -> float:
        """The share of gold facts found with every stated field right."""
        return self.whole / self.gold if self.gold else 1.0

    def agreement(self, name: str) -> float | None:
        """The share of matched facts stating ``name`` whose extracted value is right."""
        right, stated = self.fields.get(name, (0, 0))
        return right / stated if stated else None

    def summary(self) -> str:
        """A short text report."""
        share = self.whole_with_place / self.gold if self.gold else 1.0
        lines = [f"whole records: {self.whole_accuracy:.3f} ({self.whole} of {self.gold} gold facts found with "
                 f"every stated field right, the place aside; {self.matched} found by outcome and count; "
                 f"with the place too: {share:.3f})"]
        for name in FIELDS:
            right, stated = self.fields.get(name, (0, 0))
            if stated:
                lines.append(f"  {name:<18} {right / stated:.3f}  ({right} of {stated})")
        return "\n".join(lines)


_ARTICLES = re.compile(r"^(?:the|a|an|de|het|een)\s+", re.IGNORECASE)


def _words(value: str) -> str:
    return " ".join(_ARTICLES.sub("", value.strip().lower().replace("’", "'")).split())


def _canonical(value: str, kinds: tuple[str, ...]) -> str:
    from .lexicon import world

    found = [e for e in world().entities(value) if e.kind in kinds and e.end - e.start >= len(value.strip()) - 4]
    if found:
        return found[0].name
    if "adjective" in kinds or "actor" in kinds:
        forces = {row.get("state_forces") for row in world().countries.values()}
        if value in forces:
            return value
    return value


def _same_name(gold: Any, found: Any, kinds: tuple[str, ...]) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    g, f = _canonical(str(gold), kinds), _canonical(str(found), kinds)
    if g == f:
        return True
    g, f = _words(g), _words(f)
    return bool(g and f) and (g == f or re.search(rf"\b{re.escape(f)}\b", g) is not None
                              or re.search(rf"\b{re.escape(g)}\b", f) is not None)


def _same_place(gold: Any, found: Any) -> bool:
    from .evaluate import _canonical_place, _within

    canonical = _canonical_place(gold)
    return _within(found, {canonical}) == canonical


def _date(value: Any) -> datetime | None:
    if value is None or value != value:
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


_CUT = {"day": 10, "week": 10, "minute": 10, "month": 7, "year": 4}


def _same_period(fact: dict[str, Any], report: Any) -> bool:
    cut = _CUT.get(fact.get("date_precision") or "day", 10)
    for gold_key, value in (("period_start", report.period_start), ("period_end", report.period_end)):
        gold, found = _date(fact.get(gold_key)), _date(value)
        if gold is None:
            continue
        if found is None or gold.isoformat()[:cut] != found.isoformat()[:cut]:
            return False
    return True


def _checks(fact: dict[str, Any], report: Any) -> dict[str, bool]:
    """The fields the gold fact states, each right or wrong."""
    checks: dict[str, bool] = {}
    for name in ("victim_group", "qualifier", "perpetrator_group", "certainty"):
        if name in fact:
            checks[name] = fact[name] == getattr(report, name, None)
    if "cumulative" in fact:
        checks["cumulative"] = bool(fact["cumulative"]) == bool(report.cumulative)
    if "victim_actor" in fact:
        checks["victim_actor"] = _same_name(fact["victim_actor"], report.victim_actor, ("actor",))
    if "perpetrator" in fact:
        checks["perpetrator"] = _same_name(fact["perpetrator"], getattr(report, "perpetrator", None),
                                           ("actor", "adjective", "source"))
    if "attributed_to" in fact:
        checks["attributed_to"] = _same_name(fact["attributed_to"], report.attributed_to, ("source", "actor"))
    if fact.get("place"):
        checks["place"] = _same_place(fact["place"], report.place)
    if fact.get("period_start") or fact.get("period_end"):
        checks["period"] = _same_period(fact, report)
    return checks


def score_records(gold_path: str | os.PathLike[str], *,
                  corpus: str | os.PathLike[str] | Iterable[str] | None = None) -> RecordScore:
    """Score every field of the casualty records against a gold file (see the module's docstring)."""
    from .casualties import casualties_from_documents
    from .corpus import read_article
    from .document import documents
    from .evaluate import _find_file, load_gold

    rows = load_gold(gold_path)
    base = Path(gold_path).parent
    folders = [Path(corpus)] if isinstance(corpus, (str, os.PathLike)) else \
        [Path(c) for c in corpus] if corpus is not None else [base, base / "articles"]
    gold_total = matched_total = whole_total = whole_place = 0
    tally: Counter[str] = Counter()
    stated: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for row in rows:
        path = _find_file(row["file"], folders)
        if path is None:
            raise FileNotFoundError(f"{row['file']} (named in {gold_path}) is in none of: "
                                    + ", ".join(str(f) for f in folders))
        reports = casualties_from_documents(documents(read_article(path)))
        free = list(range(len(reports)))
        for fact in row.get("casualties", []):
            gold_total += 1
            count = fact.get("count_best", fact.get("count"))
            key = (bool(fact.get("from_title")), fact.get("outcome"), int(count) if count is not None else None)
            options = [i for i in free if (reports[i].from_title, reports[i].outcome, reports[i].count_best) == key]
            if not options:
                continue
            scored = [(sum(_checks(fact, reports[i]).values()), -i, i) for i in options]
            best = max(scored)[2]
            free.remove(best)
            matched_total += 1
            checks = _checks(fact, reports[best])
            for name, right in checks.items():
                stated[name] += 1
                tally[name] += int(right)
            whole_total += all(right for name, right in checks.items() if name in WHOLE)
            whole_place += all(checks.values())
            if not all(checks.values()):
                misses.append({"file": row["file"], "outcome": key[1], "count": key[2],
                               "wrong": {n: (fact.get(n) if n != "period" else
                                             (fact.get("period_start"), fact.get("period_end")),
                                             _found(reports[best], n))
                                         for n, ok in checks.items() if not ok},
                               "sentence": reports[best].sentence})
    return RecordScore(gold_total, matched_total, whole_total, whole_place,
                       {name: (tally[name], stated[name]) for name in FIELDS}, misses)


def _found(report: Any, name: str) -> Any:
    if name == "period":
        start, end = report.period_start, report.period_end
        return (start.isoformat()[:16] if start else None, end.isoformat()[:16] if end else None)
    return getattr(report, name, None)

