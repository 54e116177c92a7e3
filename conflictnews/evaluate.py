"""Accuracy, measured: gold annotations and human-coded event data.

``evaluate_gold`` scores the extractors against a gold file (JSON Lines, one
article a line: see ``docs/annotation.md``): precision, recall and F1 on
(outcome, count) for casualties and on (place, status) and (actor, place,
status) for territory, the victim-group accuracy of matched facts, and every
miss with its sentence. ``score_events`` compares the package's total of people
killed (and injured) per text with the numbers human coders gave it (ACLED
``notes`` and ``fatalities``, GTD ``summary``, ``killed`` and ``wounded``, PITF/WAD
``Description``, ``Deaths Number`` and ``Injured Number``), leaving out and
counting the texts whose figure is a coder's rule rather than a fact of the text.
``score_export`` matches the events of an export in ACLED's or UCDP's layout to
ACLED, UCDP GED or GTD events by date and distance and reports the agreement on
fatalities.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["EventScore", "EventText", "ExportScore", "FalseTerritoryScore", "GoldScore", "PlaceScore",
           "TerritoryGainScore", "evaluate_gold", "event_layout", "load_gold", "noncombatant_total", "read_event_texts",
           "read_events", "score_event_places", "score_events", "score_export", "score_false_territory",
           "score_territory_gains", "score_territory_places"]


@dataclass
class GoldScore:
    """Scores of the extractors against a gold file."""

    files: int
    casualties: dict[str, float]
    victim_group_accuracy: float | None
    territory: dict[str, float]
    territory_with_actor: dict[str, float]
    misses: list[dict[str, Any]] = field(default_factory=list)
    #: Per field of a territory claim (from_actor, attributed_to, certainty, past, actor_group): how many gold
    #: claims matched on (actor, place, status) agree with the claim they were paired with, and of how many.
    territory_fields: dict[str, tuple[int, int]] = field(default_factory=dict)

    def summary(self) -> str:
        """A short text report."""
        c, t, ta = self.casualties, self.territory, self.territory_with_actor
        vg = "n/a" if self.victim_group_accuracy is None else f"{self.victim_group_accuracy:.3f}"
        lines = [
            f"files: {self.files}",
            f"casualties (outcome, count): precision {c['precision']:.3f}  recall {c['recall']:.3f}  "
            f"F1 {c['f1']:.3f}  (gold {c['gold']:.0f}, found {c['found']:.0f}, matched {c['matched']:.0f})",
            f"victim group accuracy on matched facts: {vg}",
            f"territory (place, status): precision {t['precision']:.3f}  recall {t['recall']:.3f}  F1 {t['f1']:.3f}  "
            f"(gold {t['gold']:.0f}, found {t['found']:.0f})",
            f"territory (actor, place, status): precision {ta['precision']:.3f}  recall {ta['recall']:.3f}  "
            f"F1 {ta['f1']:.3f}",
        ]
        if self.territory_fields:
            parts = [f"{name} {hits}/{total} ({hits / total:.2f})" if total else f"{name} n/a"
                     for name, (hits, total) in self.territory_fields.items()]
            lines.append("territory fields agreeing on matched claims: " + ", ".join(parts))
        return "\n".join(lines)


def load_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read and check a gold file: one JSON object per line, with ``file``, ``casualties`` and ``territory``.

    A casualty fact's number is ``count_best``, or ``count`` (read as ``count_best``).

    Raises
    ------
    ValueError
        Naming the line and the fact, when a line is not JSON or a fact lacks
        what scoring needs: a ``file`` name, lists of facts, an ``outcome`` and
        a whole number of people.
    """
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{os.fspath(path)}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{where}: not JSON ({error.msg})") from None
            except (RecursionError, ValueError) as error:
                raise ValueError(f"{where}: not read ({type(error).__name__})") from None
            if not isinstance(row, dict) or not isinstance(row.get("file"), str) or not row["file"].strip():
                raise ValueError(f"{where}: a gold line needs a 'file' key naming the article's file")
            rows.append(_checked_gold_row(row, where))
    return rows


def _checked_gold_row(row: dict[str, Any], where: str) -> dict[str, Any]:
    """A gold line with its facts checked; ``count`` is read as ``count_best``."""
    for kind in ("casualties", "territory", "timeline"):
        facts = row.get(kind, [])
        if facts is None:
            facts = row[kind] = []
        if not isinstance(facts, list) or not all(isinstance(f, dict) for f in facts):
            raise ValueError(f"{where}: '{kind}' must be a list of objects, not {json.dumps(facts)[:60]}")
    casualties = []
    for position, fact in enumerate(row.get("casualties", [])):
        label = f"{where}: casualties[{position}]"
        count = fact.get("count_best", fact.get("count"))
        if count is None:
            raise ValueError(f"{label} has no 'count_best' (or 'count')")
        whole = isinstance(count, int) or isinstance(count, float) and math.isfinite(count) and count.is_integer()
        if isinstance(count, bool) or not whole or count < 0:
            raise ValueError(f"{label}: the count must be a whole number of people, not {json.dumps(count)[:40]}")
        if not isinstance(fact.get("outcome"), str):
            raise ValueError(f"{label} has no 'outcome' (killed, injured, captured, missing, displaced)")
        casualties.append({**fact, "count_best": int(count)})
    row["casualties"] = casualties
    return row


def _scores(gold: int, found: int, matched: int) -> dict[str, float]:
    precision = matched / found if found else 1.0 if not gold else 0.0
    recall = matched / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": gold, "found": found, "matched": matched}


def _find_file(name: str, folders: Iterable[Path]) -> Path | None:
    for folder in folders:
        for candidate in (folder / name, *folder.glob(f"*/{name}")):
            if candidate.is_file():
                return candidate
    return None


def _canonical_place(name: str | None) -> str | None:
    """A gold place name as the gazetteer names it (gold files may use another spelling)."""
    from .lexicon import world

    if not name:
        return name
    w = world()
    if name in w.places:
        return name
    found = [e.name for e in w.entities(name) if e.kind == "place" and e.end - e.start >= len(name) - 2]
    if found:
        return found[0]
    # "Hit" is the gazetteer's "Hit, Iraq": a canonical name told apart from a word by its country
    qualified = [place for place in w.places if place.startswith(name + ", ")]
    return qualified[0] if len(qualified) == 1 else name


def _canonical_actor(name: str | None) -> str | None:
    """A gold actor name as the actors table names it (``Al-Rahman Legion`` is ``Faylaq al-Rahman``).

    Names the table does not know (``militants``, ``rebels``) are kept as written.
    """
    from .lexicon import world

    if not name:
        return name
    found = [e.name for e in world().entities(name) if e.kind == "actor" and e.end - e.start >= len(name) - 2]
    return found[0] if found else name


def _within(place: str | None, gold_places: set[str | None]) -> str | None:
    """``place``, or the gold place that contains it."""
    from .lexicon import world

    if place in gold_places or place is None:
        return place
    current = world().places.get(place)
    while current is not None and current.parent:
        if current.parent in gold_places:
            return current.parent
        current = world().places.get(current.parent)
    return place


def evaluate_gold(gold_path: str | os.PathLike[str], *, corpus: str | os.PathLike[str] | Iterable[str] | None = None
                  ) -> GoldScore:
    """Score the extractors against a gold file.

    Parameters
    ----------
    gold_path
        The gold JSONL file.
    corpus
        Where the articles named in it are (folders searched one level deep);
        default: the gold file's folder and its ``articles`` subfolder.
    """
    from .casualties import casualties_from_documents
    from .corpus import read_article
    from .document import documents
    from .territory import territory_from_documents

    gold_rows = load_gold(gold_path)
    base = Path(gold_path).parent
    folders = [Path(corpus)] if isinstance(corpus, (str, os.PathLike)) else \
        [Path(c) for c in corpus] if corpus is not None else [base, base / "articles"]
    totals = Counter()  # type: Counter[str]
    fields: dict[str, list[int]] = {name: [0, 0] for name in _TERRITORY_FIELDS}
    group_hits = group_total = 0
    misses: list[dict[str, Any]] = []
    for row in gold_rows:
        path = _find_file(row["file"], folders)
        if path is None:
            raise FileNotFoundError(f"{row['file']} (named in {gold_path}) is in none of: "
                                    + ", ".join(str(f) for f in folders))
        docs = documents(read_article(path))
        found = casualties_from_documents(docs)
        claims = territory_from_documents(docs)
        # Casualties: (headline?, outcome, count) as multisets.
        expected = Counter((bool(f.get("from_title")), f["outcome"], int(f["count_best"])) for f in row.get("casualties", []))
        got = Counter((r.from_title, r.outcome, r.count_best) for r in found)
        matched = expected & got
        totals["c_gold"] += sum(expected.values())
        totals["c_found"] += sum(got.values())
        totals["c_matched"] += sum(matched.values())
        used: Counter[tuple[bool, str, int]] = Counter()
        for fact in row.get("casualties", []):
            key = (bool(fact.get("from_title")), fact["outcome"], int(fact["count_best"]))
            report = next((r for r in found if (r.from_title, r.outcome, r.count_best) == key), None)
            if report is not None and used[key] < matched[key]:
                used[key] += 1
                group_total += 1
                group_hits += int(report.victim_group == fact.get("victim_group"))
        for key, n in (expected - got).items():
            misses.append({"file": row["file"], "kind": "missed", "from_title": key[0], "outcome": key[1],
                           "count": key[2], "sentence": None, "times": n})
        for key, n in (got - expected).items():
            report = next(r for r in found if (r.from_title, r.outcome, r.count_best) == key)
            misses.append({"file": row["file"], "kind": "spurious", "from_title": key[0], "outcome": key[1],
                           "count": key[2], "sentence": report.sentence, "times": n})
        # Territory: (place, status) and (actor, place, status) as sets, places through the gazetteer
        # (a claim on a district matches a gold claim on its city: "East Mosul" is in "Mosul") and
        # actors through the actors table (the annotators' "Al-Rahman Legion" is "Faylaq al-Rahman").
        expected_t = {(_canonical_place(t.get("place")), t.get("status")) for t in row.get("territory", [])}
        got_t = {(_within(c.place, {p for p, _ in expected_t}), c.status) for c in claims}
        expected_ta = {(_canonical_actor(t.get("actor")), _canonical_place(t.get("place")), t.get("status"))
                       for t in row.get("territory", [])}
        got_ta = {(c.actor, _within(c.place, {p for _, p, _ in expected_ta}), c.status) for c in claims}
        totals["t_gold"] += len(expected_t)
        totals["t_found"] += len(got_t)
        totals["t_matched"] += len(expected_t & got_t)
        totals["ta_gold"] += len(expected_ta)
        totals["ta_found"] += len(got_ta)
        totals["ta_matched"] += len(expected_ta & got_ta)
        _agree(row.get("territory", []), claims, expected_ta & got_ta, {p for _, p, _ in expected_ta}, fields)
    return GoldScore(
        files=len(gold_rows),
        casualties=_scores(totals["c_gold"], totals["c_found"], totals["c_matched"]),
        victim_group_accuracy=group_hits / group_total if group_total else None,
        territory=_scores(totals["t_gold"], totals["t_found"], totals["t_matched"]),
        territory_with_actor=_scores(totals["ta_gold"], totals["ta_found"], totals["ta_matched"]),
        misses=misses,
        territory_fields={name: (hits, total) for name, (hits, total) in fields.items()},
    )


_TERRITORY_FIELDS = ("from_actor", "attributed_to", "certainty", "past", "actor_group")


def _canonical_source(name: str | None) -> str | None:
    """A gold source as the sources table names it (its aliases), else as written."""
    from .lexicon import world

    if not name:
        return None
    found = [e.name for e in world().entities(name) if e.kind == "source" and e.end - e.start >= len(name) - 2]
    return found[0] if found else name


def _agree(gold: list[dict[str, Any]], claims: list[Any], matched: set[tuple[Any, ...]], gold_places: set[Any],
           fields: dict[str, list[int]]) -> None:
    """Pair each gold claim matched on (actor, place, status) with the claim that agrees with it best, and
    count the fields they agree on."""
    def value(fact: Any, name: str, *, gold_side: bool) -> Any:
        raw = fact.get(name) if gold_side else getattr(fact, name, None)
        if name == "from_actor":
            return _canonical_actor(raw) if gold_side else raw
        if name == "attributed_to":
            return _canonical_source(raw)
        if name == "past":
            return bool(raw)
        if name == "certainty":
            return raw or "stated"
        return raw

    for key in matched:
        facts = [t for t in gold if (_canonical_actor(t.get("actor")), _canonical_place(t.get("place")),
                                     t.get("status")) == key]
        found = [c for c in claims if (c.actor, _within(c.place, gold_places), c.status) == key]
        used: set[int] = set()
        for fact in facts:
            choices = [i for i in range(len(found)) if i not in used] or list(range(len(found)))
            best = max(choices, key=lambda i: sum(value(fact, n, gold_side=True) == value(found[i], n, gold_side=False)
                                                  for n in _TERRITORY_FIELDS))
            used.add(best)
            for name in _TERRITORY_FIELDS:
                if name not in fact:
                    continue  # a gold file that does not code the field (the bundled sample)
                fields[name][1] += 1
                fields[name][0] += int(value(fact, name, gold_side=True) == value(found[best], name, gold_side=False))


# --------------------------------------------------------------------------
# Event data
# --------------------------------------------------------------------------

# Notes that state a coder's convention rather than a fact of the text, or give one figure for several
# coded events ("killed across all four attacks"): the row's number is then the coder's split.
_CONVENTION = re.compile(
    r"(?:across|in|during|from) (?:all|both|these|the|this and)\b[^.]{0,40}\b(?:attacks|incidents|events|assaults|blasts|bombings"
    r"|raids|executions|explosions|strikes)|"
    r"fatalit(?:y|ies)\s+(?:were\s+|was\s+)?(?:coded|split|divided)|coded as \d|split (?:up )?(?:between|across|among)"
    r"|fatalities (?:are|were) (?:distributed|divided)|fatality (?:coded|split)", re.IGNORECASE)

# The same, in the older and the country files of ACLED: one figure spread over several coded rows
# ("fatalities spread across two locations", "Split into 4 events across 4 weeks", "coded separately",
# "previously coded", "An estimated 120,000 fatalities over the entire operation"), the coder's choice
# stated in the note ("coded as lowest estimate", the old notes' "FATALITIES: estimate only"), or a
# figure the note says is not known ("an unspecified number", "Numbers not known", "Fatalities are
# unclear", "The fatalities were not confirmed"): ACLED then codes 3, 10 or its own estimate.
_ACLED_CONVENTION = re.compile(
    r"fatalities\s+(?:are\s+|were\s+|have\s+been\s+)?(?:spread|split)"
    r"|spread\s+(?:across|between|over)\s+(?:\w+\s+)?(?:locations|events|days)"
    r"|split\s+(?:in)?to\s+\w+\s+events|\bevents?\s+coded\b|coded\s+(?:as\s+)?(?:\w+\s+){0,2}events"
    r"|coded\s+(?:separately|seperately|elsewhere|in\s+(?:an)?other\s+events?|at\s+(?:the\s+)?low|as\s+(?:the\s+)?low)"
    r"|previously\s+coded|lowest\s+esti?mate|fatalities\s*:"
    r"|over\s+the\s+(?:entire|whole)\s+(?:operation|campaign|period)"
    r"|(?:killed|killing|kills|kill|dead|died|deaths?|fatalities|casualties|causalities)\s+(?:of\s+)?(?:an?\s+)?"
    r"(?:unknown|unspecified|undetermined|indeterminate|undisclosed)\s+number"
    r"|(?:unknown|unspecified|undetermined|indeterminate|undisclosed)\s+number\s+of\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?:were|was|are|have\s+been|had\s+been)\s+)?(?:killed|dead|died|deaths|fatalities|casualties|causalities)"
    r"|(?:fatalit(?:y|ies)|fatalaties|casualties|causalities|numbers?|figures?|death\s+toll)[^.;]{0,25}?\b"
    r"(?:(?:are|is|were|was)\s+)?"
    r"(?:not\s+(?:known|confirmed|reported|verified|specified|clear)|unknown|unclear)"
    r"|no\s+(?:specific|exact)\s+(?:numbers?|figures?)", re.IGNORECASE)

# A WAD coder's comment that states a rule of coding rather than a fact of the text: a figure lowered,
# rounded or revised, deaths omitted or not counted, the one event of a text split into several.
_WAD_CODER_RULE = re.compile(
    r"\b(?:lowered|rounded\s+(?:down|downward)|revised\s+(?:down|downward)|adjusted|omitted|minus|derived"
    r"|conservative|not\s+(?:counted|included|recorded|coded|used)|(?:is|are|were)\s+(?:not\s+)?included"
    r"|excludes?|only\s+(?:the\s+)?[^.]{0,60}\b(?:recorded|coded|counted)"
    r"|recorded\s+(?:here|separately|as\s+a\s+separate)"
    r"|related\s+to\s+(?:the\s+)?(?:other|separately)|treated\s+as|underestimates?|overestimates?|overstated"
    r"|(?:other|some)\s+(?:reports?|accounts?|stories)\s+(?:say|said|indicate|reported)|reports?\s+variously"
    r"|highest\s+casualty|no\s+separate|not\s+distinguish|does\s+not\s+break\s+down|may\s+(?:also\s+)?include"
    r"|(?:probably|possibly)\s+includ|includes?\s+(?:some|an\s+unspecified|militiamen|soldiers|combatants)"
    r"|no\s+breakdown|may\s+(?:also\s+)?(?:be\s+included|contain)|in\s+the\s+total|totals?\s+from"
    r"|separate\s+statistics)",
    re.IGNORECASE)


@dataclass(frozen=True)
class EventText:
    """One text of an event file with the figures its coders gave it.

    ``injured`` is missing where the data has no injured figure for the text or a vague one
    (``injured_vague``: "several", "dozens"); ``left_out`` says why the coded number is the
    coder's choice rather than a fact of the text (then the text is not scored, only counted).
    """

    text: str
    killed: int
    injured: int | None = None
    injured_vague: bool = False
    left_out: str | None = None


@dataclass
class EventScore:
    """Agreement of the package's killed (and injured) totals with human-coded event data."""

    dataset: str
    texts: int
    excluded_conventions: int
    with_deaths: int
    exact_with_deaths: float
    without_deaths: int
    zero_without_deaths: float
    misses: list[dict[str, Any]] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)
    with_injured: int = 0
    exact_with_injured: float | None = None
    without_injured: int = 0
    zero_without_injured: float | None = None
    injured_vague: int = 0
    exact_all_victims: float | None = None  # WAD: killed of every side, beside its own definition

    def summary(self) -> str:
        """A short text report."""
        reasons = "; ".join(f"{n} {reason}" for reason, n in sorted(self.left_out.items(), key=lambda kv: -kv[1]))
        lines = [f"{self.dataset}: {self.texts} texts ({self.excluded_conventions} left out"
                 + (f": {reasons})" if reasons else ")"),
                 f"  texts with deaths: {self.with_deaths}, exact total killed: {self.exact_with_deaths:.3f}"
                 + ("" if self.exact_all_victims is None else
                    f" (WAD's noncombatant victims; all victims: {self.exact_all_victims:.3f})"),
                 f"  texts without deaths: {self.without_deaths}, total 0: {self.zero_without_deaths:.3f}"]
        if not self.without_deaths:
            lines.pop()
        if self.exact_with_injured is not None:
            lines.append(f"  texts with injured: {self.with_injured}, "
                         f"exact total injured: {self.exact_with_injured:.3f}")
        if self.zero_without_injured is not None:
            lines.append(f"  texts coded 0 injured: {self.without_injured}, total 0: {self.zero_without_injured:.3f}")
        if self.injured_vague:
            lines.append(f"  texts with a vague injured figure (not scored): {self.injured_vague}")
        return "\n".join(lines)


def _group_totals(text: str, *, lang: str = "en", published: Any = None,
                  outcomes: tuple[str, ...] = ("killed", "injured")) -> dict[str, dict[str, int]]:
    """The package's best totals per outcome and victim group in one text, double counting removed.

    Tolls the text doubts ("feared dead") count here, as event-data coders count them (ACLED and GTD code
    "at least eight people are feared dead" as eight); a toll a party denies does not.
    """
    from .aggregate import casualty_totals
    from .casualties import extract_casualties
    from .pipeline import CASUALTY_COLUMNS, frame

    reports = extract_casualties(text, lang=lang, published=published)
    result: dict[str, dict[str, int]] = {}
    for outcome in outcomes:
        chosen = [r for r in reports if r.outcome == outcome]
        totals = casualty_totals(frame(chosen, CASUALTY_COLUMNS), by=["victim_group"],
                                 certainty=("stated", "uncertain")) if chosen else None
        result[outcome] = {} if totals is None else {
            str(group): int(best) for group, best in zip(totals["victim_group"], totals["best"])}
        _combatants_apart(result[outcome], chosen)
    return result


def _combatants_apart(by_group: dict[str, int], reports: list[Any]) -> None:
    """Move the combatants a total of unknown side names as its parts to their own side, in place.

    "At least 20 people, including 15 security personnel, were killed": 5 of unknown side and 15 of the
    security forces, not 20 of unknown side, so that a count of noncombatants (WAD's) leaves the 15 out.
    """
    counted = ("stated", "uncertain")
    parts: dict[str, int] = {}
    for part in reports:
        if not part.subset or part.victim_group not in _COMBATANTS or part.certainty not in counted:
            continue
        if any(not whole.subset and whole.victim_group == "unknown" and whole.sentence == part.sentence
               and whole.certainty in counted and whole.count_best >= part.count_best for whole in reports):
            parts[part.victim_group] = parts.get(part.victim_group, 0) + part.count_best
    if parts and by_group.get("unknown", 0) >= sum(parts.values()):
        by_group["unknown"] -= sum(parts.values())
        for group, n in parts.items():
            by_group[group] = by_group.get(group, 0) + n


def _outcome_totals(text: str, *, lang: str = "en", published: Any = None,
                    outcomes: tuple[str, ...] = ("killed", "injured")) -> dict[str, int]:
    """The package's best total per outcome in one text, double counting removed (one extraction)."""
    groups = _group_totals(text, lang=lang, published=published, outcomes=outcomes)
    return {outcome: sum(groups[outcome].values()) for outcome in outcomes}


_COMBATANTS = ("military", "armed_group")


def noncombatant_total(by_group: dict[str, int]) -> int:
    """Killed as PITF/WAD counts them: the noncombatant victims of an atrocity.

    WAD records the deaths of noncombatants; its coders leave out the attackers who died and the
    security forces or fighters killed beside the victims ("Number killed was lowered by 8 ...
    8 of the dead were police", in its comments). Where a text names deaths of both kinds, the
    total is that of victims of civilian or unknown side; where it names only combatants (bandits
    killed by police, soldiers in a massacre), those are WAD's victims and count.
    """
    noncombatants = sum(n for group, n in by_group.items() if group not in _COMBATANTS)
    combatants = sum(n for group, n in by_group.items() if group in _COMBATANTS)
    return noncombatants if noncombatants and combatants else noncombatants + combatants


def killed_total(text: str, *, lang: str = "en", published: Any = None) -> int:
    """The package's best total of people killed in one text, double counting removed."""
    return _outcome_totals(text, lang=lang, published=published, outcomes=("killed",))["killed"]


def injured_total(text: str, *, lang: str = "en", published: Any = None) -> int:
    """The package's best total of people injured in one text, double counting removed."""
    return _outcome_totals(text, lang=lang, published=published, outcomes=("injured",))["injured"]


def _column(columns: Iterable[str], *names: str) -> str | None:
    """The first of ``names`` among ``columns``, without regard to case (ACLED's old schema is upper-case)."""
    lowered = {c.strip().lower(): c for c in columns if c}
    return next((lowered[n.lower()] for n in names if n.lower() in lowered), None)


def event_layout(columns: Iterable[str]) -> str | None:
    """Which event data a CSV header is: ``"ACLED"``, ``"GTD"``, ``"WAD"`` (PITF atrocities), or None."""
    columns = list(columns)
    if _column(columns, "notes") and _column(columns, "fatalities"):
        return "ACLED"
    if _column(columns, "summary") and _column(columns, "killed"):
        return "GTD"
    if _column(columns, "Description") and _column(columns, "Deaths Number"):
        return "WAD"
    return None


def _figure(value: str | None) -> float | None:
    """A coded figure, or None when it is empty or not a number ("several", "dozens")."""
    try:
        return float((value or "").replace(",", "").strip())
    except ValueError:
        return None


def _note_convention(text: str, coded: float, *, acled: bool) -> str | None:
    """Why an ACLED or GTD note's figure is the coder's rule, or None when the note states a fact.

    The conventions of ACLED's coding (``_ACLED_CONVENTION``) are looked for in ACLED notes only.
    An ACLED note that gives no figure at all (no digits, no number word, no vague quantity) cannot
    state three deaths or more: such a figure is ACLED's number for an unknown toll ("Raiders attack
    village, kill civilians" coded 3; "attacked a refugee camp" coded 41).
    """
    from .numbers import find_counts

    if _CONVENTION.search(text) or acled and _ACLED_CONVENTION.search(text):
        return "the note states a coding convention, or one figure for several coded events"
    if acled and coded >= 3 and not find_counts(text, lang="en"):
        return "the note gives no figure"
    return None


def _summed_texts(rows: list[dict[str, str]], layout: str) -> list[EventText]:
    """ACLED and GTD: rows that share a text split one report's figures between them, so they are summed."""
    text_column = _column(rows[0], "notes" if layout == "ACLED" else "summary") or ""
    killed_column = _column(rows[0], "fatalities" if layout == "ACLED" else "killed") or ""
    injured_column = _column(rows[0], "wounded") if layout == "GTD" else None
    killed: dict[str, float] = {}
    injured: dict[str, float] = {}
    for row in rows:
        text = (row.get(text_column) or "").strip()
        value = _figure(row.get(killed_column)) if row.get(killed_column) else 0.0
        if not text or value is None:
            continue
        killed[text] = killed.get(text, 0.0) + value
        if injured_column is not None:
            injured[text] = injured.get(text, 0.0) + (_figure(row.get(injured_column)) or 0.0)
    return [EventText(text, int(round(value)), int(round(injured[text])) if text in injured else None,
                      left_out=_note_convention(text, value, acled=layout == "ACLED"))
            for text, value in killed.items()]


def _unquote(text: str) -> str:
    """Quotes written as backslashes in some exports (``\\"apostates\\"``, ``\\apostates\\``) read as quotes."""
    return text.replace('\\"', '"').replace("\\", '"') if "\\" in text else text


def _wad_texts(rows: list[dict[str, str]]) -> list[EventText]:
    """PITF/WAD: one event per row, ``Description`` with ``Deaths Number`` and ``Injured Number``.

    Left out (and counted): rows whose coders flagged several figures or a range for the deaths
    (``Deaths Ambiguity``: the coded one is their choice), rows whose ``Comments`` state a rule of
    coding (a figure lowered, rounded down, revised, deaths omitted or recorded elsewhere), and rows
    that share one description (one text split into several coded events).
    """
    description = _column(rows[0], "Description") or "Description"
    deaths = _column(rows[0], "Deaths Number") or "Deaths Number"
    wounded = _column(rows[0], "Injured Number")
    ambiguity = _column(rows[0], "Deaths Ambiguity")
    comments = _column(rows[0], "Comments")
    shared = Counter(_unquote((row.get(description) or "").strip()) for row in rows)
    texts = []
    for row in rows:
        text = _unquote((row.get(description) or "").strip())
        killed = _figure(row.get(deaths))
        if not text or killed is None:
            continue
        injured_raw = (row.get(wounded) or "").strip() if wounded else ""
        injured = _figure(injured_raw) if injured_raw else None
        reason = None
        if ambiguity and (row.get(ambiguity) or "").strip() not in ("", "Single Number Reported"):
            reason = "the coders flag several figures or a range for the deaths"
        elif comments and _WAD_CODER_RULE.search(row.get(comments) or ""):
            reason = "the coder's comment states a rule of coding"
        elif shared[text] > 1:
            reason = "one text split into several coded events"
        texts.append(EventText(text, int(round(killed)), None if injured is None else int(round(injured)),
                               injured_vague=bool(injured_raw) and injured is None, left_out=reason))
    return texts


def read_event_texts(path: str | os.PathLike[str]) -> tuple[str, list[EventText]]:
    """The texts of an ACLED, GTD or PITF/WAD file with their coded figures: ``(layout, texts)``.

    ACLED: ``notes`` and ``fatalities`` (the old schema's ``NOTES``, ``FATALITIES`` too); GTD:
    ``summary``, ``killed`` and ``wounded``; WAD: ``Description``, ``Deaths Number`` and
    ``Injured Number``. Raises ``ValueError`` for a file of none of these layouts.
    """
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        raise ValueError(f"{path}: no rows")
    layout = event_layout(rows[0])
    if layout == "WAD":
        return layout, _wad_texts(rows)
    if layout in ("ACLED", "GTD"):
        return layout, _summed_texts(rows, layout)
    raise ValueError(f"{path}: none of the layouts ACLED (notes, fatalities), GTD (summary, killed) or "
                     f"PITF/WAD (Description, Deaths Number)")


def score_events(path: str | os.PathLike[str], *, limit: int | None = None) -> EventScore:
    """Score killed (and injured) totals against ACLED, GTD or PITF/WAD event data.

    ACLED rows that share the same ``notes`` split one report's deaths between
    them: they are summed. Texts whose figure is the coder's rule rather than a
    fact of the text (see ``read_event_texts``: a note stating a coding convention,
    "fatalities coded as 0", "split between 3 events"; a WAD row flagged with
    several figures, or whose comment states a rule of coding) are left out and
    counted by reason. Injured are scored where the data has them (GTD ``wounded``,
    WAD ``Injured Number``). WAD's deaths are those of an atrocity's noncombatant
    victims: its texts are scored by ``noncombatant_total`` (and, beside it, by
    the total of every side, ``exact_all_victims``).
    """
    layout, texts = read_event_texts(path)
    if limit:
        texts = texts[:limit]
    left_out = Counter(t.left_out for t in texts if t.left_out)
    kept = [t for t in texts if not t.left_out]
    with_deaths = exact = exact_all = without = zero = 0
    with_injured = exact_injured = without_injured = zero_injured = 0
    misses = []
    for item in kept:
        groups = _group_totals(item.text, lang="en")
        predicted = {outcome: sum(by_group.values()) for outcome, by_group in groups.items()}
        all_victims = predicted["killed"]
        if layout == "WAD":
            predicted["killed"] = noncombatant_total(groups["killed"])
        expected = item.killed
        if expected > 0:
            with_deaths += 1
            exact += int(predicted["killed"] == expected)
            exact_all += int(all_victims == expected)
        else:
            without += 1
            zero += int(predicted["killed"] == 0)
        if item.injured is not None and item.injured > 0:
            with_injured += 1
            exact_injured += int(predicted["injured"] == item.injured)
        elif item.injured is not None:
            without_injured += 1
            zero_injured += int(predicted["injured"] == 0)
        if predicted["killed"] != expected:
            misses.append({"text": item.text, "expected": expected, "predicted": predicted["killed"]})
    scores_injured = layout != "ACLED"
    return EventScore(dataset=f"{layout} {Path(path).name}", texts=len(texts),
                      excluded_conventions=sum(left_out.values()),
                      with_deaths=with_deaths, exact_with_deaths=exact / with_deaths if with_deaths else 0.0,
                      without_deaths=without, zero_without_deaths=zero / without if without else 0.0, misses=misses,
                      left_out=dict(left_out), with_injured=with_injured,
                      exact_with_injured=exact_injured / with_injured if scores_injured and with_injured else None,
                      without_injured=without_injured,
                      zero_without_injured=(zero_injured / without_injured
                                            if scores_injured and without_injured else None),
                      injured_vague=sum(t.injured_vague for t in kept),
                      exact_all_victims=exact_all / with_deaths if layout == "WAD" and with_deaths else None)


# --------------------------------------------------------------------------
# Territory event data
# --------------------------------------------------------------------------

_TERRITORY_GAINS = {"government regains territory": "government", "non-state actor overtakes territory": "non-state"}


@dataclass
class TerritoryEventScore:
    """How often a ``captured`` claim names the coded place and the coded side."""

    dataset: str
    rows: int
    matched: int
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Share of rows with a matching claim."""
        return self.matched / self.rows if self.rows else 0.0

    def summary(self) -> str:
        """A short text report."""
        return (f"{self.dataset}: {self.rows} rows of territory gained; a captured claim with the coded place "
                f"(or a place containing it, or inside it) and the coded side: {self.matched} ({self.rate:.3f})")


def _related_places(name: str) -> set[str]:
    """A place, the places containing it and the places directly inside it."""
    from .lexicon import world

    places = world().places
    related = {name}
    current = places.get(name)
    while current is not None and current.parent and current.parent not in related:
        related.add(current.parent)
        current = places.get(current.parent)
    related.update(p.name for p in places.values() if p.parent == name)
    return related


def _is_state(actor: str | None) -> bool:
    from .lexicon import world

    w = world()
    if actor is None:
        return False
    if any(row.get("government") == actor or row.get("state_forces") == actor for row in w.countries.values()):
        return True
    return w.actor_group(actor) == "military"


def score_territory_events(path: str | os.PathLike[str]) -> TerritoryEventScore:
    """Score ``captured`` claims against ACLED rows coded as territory gained by a government or a non-state actor.

    A row matches when one claim read from its ``notes`` is ``captured``, its place is the coded
    ``location`` (through the gazetteer's aliases) or a place containing it or inside it, and its
    actor is on the coded side (a state or its forces for "Government regains territory") or is
    the coded ``actor1`` itself (read through the actors table). The second rule follows ACLED's
    own coding of de facto authorities as state forces: the Houthis' Supreme Political Council is
    "Military Forces of Yemen (2016-)", so a Houthi gain is coded as a government regaining territory.
    """
    from .lexicon import world
    from .territory import extract_territory

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    matched, misses, counted = 0, [], 0
    for row in rows:
        kind = (row.get("sub_event_type") or row.get("event_type") or "").lower().replace("battle-", "")
        side = _TERRITORY_GAINS.get(kind.strip())
        if side is None:
            continue
        counted += 1
        location = next((e.name for e in world().entities(row.get("location", "")) if e.kind == "place"),
                        row.get("location"))
        related = _related_places(location or "")
        claims = extract_territory(row.get("notes", ""), lang="en")
        coded_actor = next((e.name for e in world().entities(row.get("actor1", "")) if e.kind == "actor"), None)
        hit = any(c.status == "captured" and c.place in related
                  and (_is_state(c.actor) == (side == "government") or c.actor == coded_actor)
                  for c in claims)
        matched += int(hit)
        if not hit:
            misses.append({"location": row.get("location"), "side": side, "notes": row.get("notes", ""),
                           "claims": [(c.actor, c.place, c.status) for c in claims]})
    return TerritoryEventScore(dataset=f"ACLED {Path(path).name}", rows=counted, matched=matched, misses=misses)


# --------------------------------------------------------------------------
# An export in the field's layouts, scored against ACLED or UCDP event data
# --------------------------------------------------------------------------

#: Column names of each layout, as (start, end, deaths); ``end`` may be the start's column.
_EVENT_LAYOUTS: dict[str, tuple[str, str, str]] = {
    "UCDP GED": ("date_start", "date_end", "best"),
    "ACLED": ("event_date", "event_date", "fatalities"),
    "GTD": ("date", "date", "killed"),
}


@dataclass
class ExportScore:
    """How an export's events agree with human-coded events matched by date and distance."""

    export: str
    reference: str
    days: int
    km: float
    events: int
    placed: int
    reference_events: int
    reference_in_reach: int
    matched: int
    fatalities_exact: int
    fatalities_within_10pct: int
    fatalities_export: int
    fatalities_reference: int
    pairs: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of the export's dated events, located finer than a country, that match a reference event."""
        return self.matched / self.placed if self.placed else 0.0

    @property
    def recall(self) -> float:
        """Share of the reference events in reach (same days and place as some export event) that are matched."""
        return self.matched / self.reference_in_reach if self.reference_in_reach else 0.0

    def summary(self) -> str:
        """A short text report."""
        exact = self.fatalities_exact / self.matched if self.matched else 0.0
        near = self.fatalities_within_10pct / self.matched if self.matched else 0.0
        return "\n".join([
            f"{self.export} against {self.reference} (same event: dates within {self.days} days, "
            f"places within {self.km:g} km)",
            f"  export events: {self.events} ({self.placed} with a date and a place finer than a country)",
            f"  reference events: {self.reference_events} ({self.reference_in_reach} in reach of an export event)",
            f"  matched: {self.matched}  precision {self.precision:.3f}  recall in reach {self.recall:.3f}",
            f"  fatalities on matched events: equal {self.fatalities_exact} ({exact:.3f}), within 10% "
            f"{self.fatalities_within_10pct} ({near:.3f}); total export {self.fatalities_export:,}, "
            f"reference {self.fatalities_reference:,}",
        ])


def read_events(path: str | os.PathLike[str]) -> tuple[str, "pd.DataFrame"]:
    """Read an ACLED, UCDP GED or GTD file (or an export in those layouts) as one table of events.

    Column names are matched without regard to case (old ACLED files write
    them in capitals); dates in any of ACLED's formats (``2016-06-29``,
    ``29 June 2016``, ``1-May-20``, ``31-12-19``, ``01/01/2014``; day before
    month) are read.

    Returns
    -------
    (str, DataFrame)
        The layout's name and a table with ``start``, ``end``, ``latitude``,
        ``longitude``, ``deaths``, ``location`` and ``country_only`` (the
        point stands for a whole country: ``where_prec`` 6 or 7, or a
        ``location`` that is the ``country``).
    """
    import pandas as pd

    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: not a readable CSV file ({error})") from None
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    for name, (start, end, deaths) in _EVENT_LAYOUTS.items():
        if {start, end, deaths} <= set(raw.columns):
            break
    else:
        raise ValueError(f"{path}: neither UCDP GED (date_start, date_end, best), ACLED (event_date, fatalities) "
                         "nor GTD (date, killed) columns")

    def dates(column: str) -> "pd.Series":
        text = raw[column].str.strip().str.lstrip("'")
        return pd.to_datetime(text.where(text != ""), format="mixed", dayfirst=True, errors="coerce").dt.normalize()

    def numbers(column: str) -> "pd.Series":
        if column not in raw.columns:
            return pd.Series(float("nan"), index=raw.index)
        return pd.to_numeric(raw[column].str.strip().str.lstrip("'"), errors="coerce")

    location = next((c for c in ("location", "where_coordinates", "city") if c in raw.columns), None)
    places = raw[location] if location else pd.Series("", index=raw.index)
    # A point that stands for a whole country (UCDP where_prec 6 or 7, or a location named as the country)
    # says nothing about where an event was.
    country_only = numbers("where_prec") >= 6
    if "country" in raw.columns:
        country_only |= (places.str.strip() != "") & (places.str.strip() == raw["country"].str.strip())
    events = pd.DataFrame({
        "start": dates(start), "end": dates(end), "latitude": numbers("latitude"),
        "longitude": numbers("longitude"), "deaths": numbers(deaths), "location": places,
        "country_only": country_only.to_numpy(dtype=bool),
    })
    return name, events


def score_export(export: str | os.PathLike[str], against: str | os.PathLike[str], *, days: int = 3,
                 km: float = 25.0) -> ExportScore:
    """Score an ACLED- or UCDP-shaped export against ACLED, UCDP GED or GTD events.

    Two events are the same when their date windows come within ``days`` of
    each other and their places within ``km`` kilometres. Each export event is
    matched to at most one reference event and the other way round, nearest
    first (in distance, then in days). Reported: how many export events match
    (precision), how many reference events in reach of the export are matched
    (recall: a reference file covering more days or places than the corpus does
    not lower it), and the agreement of fatalities on matched events.

    Parameters
    ----------
    export : path
        A file written by ``write_layouts`` (``events_acled.csv`` or
        ``events_ucdp_ged.csv``), or any file in those layouts.
    against : path
        ACLED, UCDP GED or GTD events (CSV).
    days, km : int, float
        How near in time and space two events must be to be the same.

    Raises
    ------
    ValueError
        If a file is in none of the layouts.
    """
    import numpy as np

    from .geography import distance_km

    _, mine = read_events(export)
    layout, theirs = read_events(against)
    slack = np.timedelta64(int(days), "D")
    placed = mine[~mine["country_only"]].dropna(subset=["start", "latitude", "longitude"]).reset_index(drop=True)
    placed["end"] = placed["end"].fillna(placed["start"])
    known = theirs[~theirs["country_only"]].dropna(subset=["start", "latitude", "longitude"]).reset_index(drop=True)
    known["end"] = known["end"].fillna(known["start"])
    candidates: list[tuple[float, int, int, int]] = []
    in_reach: set[int] = set()
    their_start = known["start"].to_numpy()
    their_end = known["end"].to_numpy()
    their_lat = known["latitude"].to_numpy(dtype="float64")
    their_lon = known["longitude"].to_numpy(dtype="float64")
    event: Any
    for i, event in enumerate(placed.itertuples(index=False)):
        near_in_time = (their_start <= np.datetime64(event.end) + slack) & (their_end >= np.datetime64(event.start)
                                                                            - slack)
        if not near_in_time.any():
            continue
        index = np.flatnonzero(near_in_time)
        distance = distance_km(event.latitude, event.longitude, their_lat[index], their_lon[index])
        distance = np.atleast_1d(distance)
        for j, d in zip(index.tolist(), distance.tolist()):
            if d <= km:
                gap = abs(int((their_start[j] - np.datetime64(event.start)) / np.timedelta64(1, "D")))
                candidates.append((float(d), gap, i, int(j)))
                in_reach.add(int(j))
    used_mine: set[int] = set()
    used_theirs: set[int] = set()
    pairs = []
    for d, gap, i, j in sorted(candidates):
        if i in used_mine or j in used_theirs:
            continue
        used_mine.add(i)
        used_theirs.add(j)
        ours, coded = placed.iloc[i], known.iloc[j]
        pairs.append({"export_date": ours["start"], "export_location": ours["location"],
                      "export_deaths": None if np.isnan(ours["deaths"]) else int(ours["deaths"]),
                      "reference_date": coded["start"], "reference_location": coded["location"],
                      "reference_deaths": None if np.isnan(coded["deaths"]) else int(coded["deaths"]),
                      "km": round(d, 1), "days": gap})
    exact = near = total_mine = total_theirs = 0
    for pair in pairs:
        a, b = pair["export_deaths"] or 0, pair["reference_deaths"] or 0
        total_mine += a
        total_theirs += b
        exact += int(a == b)
        near += int(abs(a - b) <= 0.1 * max(a, b))
    return ExportScore(export=Path(export).name, reference=f"{layout} {Path(against).name}", days=days, km=km,
                       events=len(mine), placed=len(placed), reference_events=len(theirs),
                       reference_in_reach=len(in_reach), matched=len(pairs), fatalities_exact=exact,
                       fatalities_within_10pct=near, fatalities_export=total_mine, fatalities_reference=total_theirs,
                       pairs=pairs)


# --------------------------------------------------------------------------
# Places against the coordinates of event data
# --------------------------------------------------------------------------

_TERRITORY_TYPES = ("government regains territory", "non-state actor overtakes territory",
                    "non-violent transfer of territory")


@dataclass
class PlaceScore:
    """How far the package's places lie from the coordinates coders gave the same texts."""

    dataset: str
    what: str  # "killed reports" or "territory claims"
    radius_km: float
    units: int  # notes with deaths, or territorial rows with notes
    with_facts: int  # of these, with at least one fact read
    placed: int  # of these, every fact placed at a named place (precision 1 to 5)
    within: int  # of these, every fact within ``radius_km`` of a coded point
    misses: list[dict[str, Any]] = field(default_factory=list)
    placed_fine: int = 0  # units whose facts are all placed at a place or a second-order division (precision 1-3)
    within_fine: int = 0  # of these, within ``radius_km``

    @property
    def rate(self) -> float:
        """Share of placed units within the radius."""
        return self.within / self.placed if self.placed else 0.0

    @property
    def rate_of_all(self) -> float:
        """Share of all units within the radius (no fact, or no place named, counts as outside)."""
        return self.within / self.units if self.units else 0.0

    def summary(self) -> str:
        """A short text report."""
        unit = "notes with deaths" if self.what == "killed reports" else "territorial rows with notes"
        return (f"{self.dataset}: {self.what} within {self.radius_km:.0f} km of the coded point: "
                f"{self.within} of {self.placed} placed ({self.rate:.3f}); "
                f"{unit}: {self.units}, with {self.what}: {self.with_facts}, placed at a named place: {self.placed}, "
                f"within {self.radius_km:.0f} km of all {unit}: {self.rate_of_all:.3f}; placed at a place or a "
                f"second-order division (precision 1-3): {self.placed_fine}, within {self.radius_km:.0f} km: "
                f"{self.within_fine} ({self.within_fine / self.placed_fine if self.placed_fine else 0.0:.3f})")


def _coordinates(row: dict[str, str]) -> tuple[float, float] | None:
    try:
        return float(row["latitude"]), float(row["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def _event_rows(path: str | os.PathLike[str]) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = [{(k or "").lower(): v for k, v in row.items()} for row in csv.DictReader(handle)]
    if not rows or "notes" not in rows[0] or "latitude" not in rows[0] or "longitude" not in rows[0]:
        raise ValueError(f"{path}: not ACLED data with coordinates (notes, latitude, longitude)")
    return rows


def has_coordinates(path: str | os.PathLike[str]) -> bool:
    """Whether a CSV file holds ACLED-style notes with coordinates."""
    with open(path, encoding="utf-8", newline="") as handle:
        header = {(name or "").lower() for name in next(csv.reader(handle), [])}
    return {"notes", "latitude", "longitude"} <= header


def _placed_within(facts: list[Any], points: list[tuple[float, float]], radius_km: float) -> tuple[bool, bool]:
    from .gazetteer import distance_km

    placed = bool(facts) and all(f.latitude is not None and f.latitude == f.latitude and f.place_precision is not None
                                 and f.place_precision <= 5 for f in facts)
    within = placed and all(min(distance_km(f.latitude, f.longitude, lat, lon) for lat, lon in points) <= radius_km
                            for f in facts)
    return placed, within


def score_event_places(path: str | os.PathLike[str], *, radius_km: float = 50.0,
                       limit: int | None = None) -> PlaceScore:
    """Share of ACLED notes with deaths whose killed reports lie within ``radius_km`` of a coded point.

    Rows that share a note are one note with several coded points (one report's deaths split
    between places). A note counts as placed when every killed report read from it has
    coordinates of a named place (precision 1 to 5: a report placed only at the country, or not
    at all, says the note names no place); it counts as within when every one of them lies within
    ``radius_km`` of one of the note's coded points. ``rate`` is within / placed;
    ``rate_of_all`` is within / notes with deaths.
    """
    from .casualties import extract_casualties

    rows = _event_rows(path)
    notes: dict[str, list[tuple[float, float]]] = {}
    deaths: dict[str, float] = {}
    for row in rows:
        text = (row.get("notes") or "").strip()
        point = _coordinates(row)
        if not text or point is None or "fatalities" not in row:
            continue
        notes.setdefault(text, []).append(point)
        try:
            deaths[text] = deaths.get(text, 0.0) + float(row.get("fatalities") or 0)
        except ValueError:
            continue
    texts = [t for t in notes if deaths.get(t, 0.0) > 0][:limit] if limit else [t for t in notes if deaths.get(t, 0.0) > 0]
    with_facts = placed = within = placed_fine = within_fine = 0
    misses = []
    for text in texts:
        killed = [r for r in extract_casualties(text, lang="en") if r.outcome == "killed"]
        with_facts += bool(killed)
        is_placed, is_within = _placed_within(killed, notes[text], radius_km)
        placed += is_placed
        within += is_within
        fine = is_placed and all((r.place_precision or 9) <= 3 for r in killed)
        placed_fine += fine
        within_fine += fine and is_within
        if is_placed and not is_within:
            misses.append({"text": text, "places": [(r.place, r.place_precision) for r in killed],
                           "coded": notes[text][0]})
    return PlaceScore(f"ACLED {Path(path).name}", "killed reports", radius_km, len(texts), with_facts, placed, within,
                      misses, placed_fine, within_fine)


def score_territory_places(path: str | os.PathLike[str], *, radius_km: float = 25.0) -> PlaceScore:
    """Share of ACLED territorial rows whose claims lie within ``radius_km`` of the row's coded point.

    The rows are those of a territorial sub-event ("Government regains territory", "Non-state actor
    overtakes territory", "Non-violent transfer of territory") with a note. A row counts as placed when
    the claims read from its note have coordinates of a named place (precision 1 to 5), and as within
    when one of them lies within ``radius_km`` of the coded point.
    """
    from .gazetteer import distance_km
    from .territory import extract_territory

    rows = _event_rows(path)
    units = with_facts = placed = within = placed_fine = within_fine = 0
    misses = []
    for row in rows:
        kind = (row.get("sub_event_type") or row.get("event_type") or "").lower().replace("battle-", "").strip()
        text = (row.get("notes") or "").strip()
        point = _coordinates(row)
        if kind not in _TERRITORY_TYPES or not text or point is None:
            continue
        units += 1
        claims = extract_territory(text, lang="en")
        with_facts += bool(claims)
        located = [c for c in claims if c.latitude is not None and c.place_precision is not None
                   and c.place_precision <= 5]
        if not located:
            continue
        placed += 1
        hit = any(distance_km(c.latitude, c.longitude, *point) <= radius_km for c in located)  # type: ignore[arg-type]
        within += hit
        if all((c.place_precision or 9) <= 3 for c in located):
            placed_fine += 1
            within_fine += hit
        if not hit:
            misses.append({"text": text, "places": [(c.place, c.place_precision) for c in located],
                           "coded": point, "location": row.get("location")})
    return PlaceScore(f"ACLED {Path(path).name}", "territory claims", radius_km, units, with_facts, placed, within,
                      misses, placed_fine, within_fine)


# --------------------------------------------------------------------------
# Territory gains and false captures in ACLED notes
# --------------------------------------------------------------------------

#: ACLED's territorial sub-event types (old and new schema) and the side that gains: ``None`` for a
#: transfer without fighting, whose coding does not say which of its actors gained.
_GAIN_SIDES: dict[str, str | None] = {"government regains territory": "state",
                                      "non-state actor overtakes territory": "non_state",
                                      "non-violent transfer of territory": None}
_NO_CHANGE = "no change of territory"
_STATE_PREFIXES = ("military forces of", "police forces of", "government of")


@dataclass
class TerritoryGainScore:
    """How often a note coded as a gain of territory reads as that gain: side, place and status."""

    dataset: str
    rows: int
    matched: int
    named: int          # rows whose note names the coded place at all
    matched_named: int
    radius_km: float
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Share of gain rows read right."""
        return self.matched / self.rows if self.rows else 0.0

    @property
    def named_rate(self) -> float:
        """Share of gain rows read right among those whose note names the coded place."""
        return self.matched_named / self.named if self.named else 0.0

    def summary(self) -> str:
        """A short text report."""
        return (f"{self.dataset}: {self.rows} rows coded as territory gained or transferred; read right (the "
                f"gaining side, the coded place by name or within {self.radius_km:g} km, status captured or "
                f"controls): {self.matched} ({self.rate:.3f}); the note names the coded place in {self.named} "
                f"rows, of which {self.matched_named} read right ({self.named_rate:.3f})")


@dataclass
class FalseTerritoryScore:
    """How often notes that code no change of territory give a capture or a loss."""

    dataset: str
    notes: int
    flagged: int
    examples: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Share of notes with a capture or a loss."""
        return self.flagged / self.notes if self.notes else 0.0

    def summary(self) -> str:
        """A short text report."""
        return (f"{self.dataset}: {self.notes} notes without a change of territory; with a captured or lost "
                f"claim: {self.flagged} ({self.rate:.2%})")


def _read_rows(path: str | os.PathLike[str]) -> list[dict[str, str]]:
    """An ACLED file's rows with lower-case column names (the old schema writes them in capitals)."""
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return [{(k or "").lower(): (v or "") for k, v in row.items()} for row in csv.DictReader(handle)]


def _territory_kind(row: dict[str, str]) -> str:
    """The territorial coding of a row: its sub-event type, else its event type without "Battle-"."""
    kind = (row.get("sub_event_type") or "").strip().lower()
    if kind:
        return kind
    return (row.get("event_type") or "").strip().lower().replace("battle-", "")


def _folded_name(name: str | None) -> str:
    """A place name for comparison: no accents, no case, punctuation and hyphens as spaces."""
    import unicodedata

    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    import math

    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _number(value: Any) -> float | None:
    from .aggregate import number_of

    return number_of(value)


def _coded_place(claim: Any, location: str, latitude: float | None, longitude: float | None,
                 radius_km: float) -> bool:
    """Whether a claim's place is the coded location: by name (through the gazetteer's aliases, or as
    written), a place containing it or inside it, or within ``radius_km`` of its coordinates when both
    carry them."""
    from .lexicon import world

    if not claim.place:
        return False
    if _folded_name(claim.place) == _folded_name(location):
        return True
    canonical = next((e.name for e in world().entities(location) if e.kind == "place"
                      and e.end - e.start >= len(location) - 2), None)
    if canonical is not None and claim.place in _related_places(canonical):
        return True
    lat, lon = _number(getattr(claim, "latitude", None)), _number(getattr(claim, "longitude", None))
    if None not in (lat, lon, latitude, longitude):
        return _distance_km(lat, lon, latitude, longitude) <= radius_km  # type: ignore[arg-type]
    return False


def _acled_side(actor: str) -> str | None:
    """The side of an ACLED actor name: ``state`` for the military and police forces of a state."""
    actor = actor.strip().lower()
    if not actor:
        return None
    return "state" if actor.startswith(_STATE_PREFIXES) else "non_state"


def _claim_side(claim: Any) -> str | None:
    group = getattr(claim, "actor_group", None)
    if group:
        return str(group)
    if claim.actor is None:
        return None
    return "state" if _is_state(claim.actor) else "non_state"


def _names_place(note: str, location: str) -> bool:
    """Whether a note names the coded location (as written, or by a gazetteer alias)."""
    from .lexicon import world

    folded = f" {_folded_name(note)} "
    if f" {_folded_name(location)} " in folded:
        return True
    canonical = next((e.name for e in world().entities(location) if e.kind == "place"), None)
    return canonical is not None and any(e.kind == "place" and e.name == canonical for e in world().entities(note))


def score_territory_gains(path: str | os.PathLike[str], *, radius_km: float = 25.0) -> TerritoryGainScore:
    """Score territory claims against ACLED rows coded as territory gained or transferred.

    A row is read right when one claim read from its note has status ``captured`` or ``controls``,
    the gaining side (a state for "Government regains territory", a non-state actor for "Non-state
    actor overtakes territory", either coded actor's side for a "Non-violent transfer of territory",
    which does not say who gained; or the coded ``actor1`` itself), and the coded place: by name
    through the gazetteer or as written, a place containing it or inside it, or a place within
    ``radius_km`` of the row's coordinates when the claim carries coordinates. Every row counts
    (rows that share a note each need their own place).
    """
    from .lexicon import world
    from .territory import extract_territory

    rows = _read_rows(path)
    cache: dict[str, list[Any]] = {}
    counted = matched = named = matched_named = 0
    misses: list[dict[str, Any]] = []
    for row in rows:
        kind = _territory_kind(row)
        if kind not in _GAIN_SIDES:
            continue
        counted += 1
        note = row.get("notes", "")
        claims = cache.get(note)
        if claims is None:
            claims = cache[note] = extract_territory(note, lang="en")
        side = _GAIN_SIDES[kind]
        sides = {side} if side else {_acled_side(row.get("actor1", "")), _acled_side(row.get("actor2", ""))} - {None}
        coded_actor = next((e.name for e in world().entities(row.get("actor1", "")) if e.kind == "actor"), None)
        location = row.get("location", "")
        latitude, longitude = _number(row.get("latitude")), _number(row.get("longitude"))
        hit = any(c.status in ("captured", "controls") and c.actor is not None
                  and (_claim_side(c) in sides or c.actor == coded_actor)
                  and _coded_place(c, location, latitude, longitude, radius_km) for c in claims)
        names = _names_place(note, location)
        matched += int(hit)
        named += int(names)
        matched_named += int(hit and names)
        if not hit:
            misses.append({"location": location, "kind": kind, "actor1": row.get("actor1"), "names_place": names,
                           "notes": note, "claims": [(c.actor, c.place, c.status) for c in claims]})
    return TerritoryGainScore(dataset=f"ACLED {Path(path).name}", rows=counted, matched=matched, named=named,
                              matched_named=matched_named, radius_km=radius_km, misses=misses)


def score_false_territory(path: str | os.PathLike[str]) -> FalseTerritoryScore:
    """How many notes that code no change of territory give a ``captured`` or ``lost`` claim.

    The notes are those of rows coded "no change of territory" (the old schema's battles) when the file
    has any, else those of rows with no territorial sub-event type; a note that is also the note of a
    territorial row is left out. Each distinct note counts once.
    """
    from .territory import extract_territory

    rows = _read_rows(path)
    kinds = [_territory_kind(row) for row in rows]
    territorial = {row.get("notes", "") for row, kind in zip(rows, kinds) if kind in _GAIN_SIDES}
    no_change = any(kind == _NO_CHANGE for kind in kinds)
    notes = list(dict.fromkeys(
        row.get("notes", "") for row, kind in zip(rows, kinds)
        if (kind == _NO_CHANGE if no_change else kind not in _GAIN_SIDES) and row.get("notes", "").strip()
        and row.get("notes", "") not in territorial))
    examples = []
    for note in notes:
        found = [c for c in extract_territory(note, lang="en") if c.status in ("captured", "lost")]
        if found:
            examples.append({"notes": note, "claims": [(c.actor, c.place, c.status) for c in found]})
    return FalseTerritoryScore(dataset=f"ACLED {Path(path).name}", notes=len(notes), flagged=len(examples),
                               examples=examples)
