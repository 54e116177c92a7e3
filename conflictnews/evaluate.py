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
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

__all__ = ["GoldScore", "EventScore", "EventText", "evaluate_gold", "event_layout", "load_gold", "noncombatant_total",
           "read_event_texts", "score_events"]


@dataclass
class GoldScore:
    """Scores of the extractors against a gold file."""

    files: int
    casualties: dict[str, float]
    victim_group_accuracy: float | None
    territory: dict[str, float]
    territory_with_actor: dict[str, float]
    misses: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        """A short text report."""
        c, t, ta = self.casualties, self.territory, self.territory_with_actor
        vg = "n/a" if self.victim_group_accuracy is None else f"{self.victim_group_accuracy:.3f}"
        return "\n".join([
            f"files: {self.files}",
            f"casualties (outcome, count): precision {c['precision']:.3f}  recall {c['recall']:.3f}  "
            f"F1 {c['f1']:.3f}  (gold {c['gold']:.0f}, found {c['found']:.0f}, matched {c['matched']:.0f})",
            f"victim group accuracy on matched facts: {vg}",
            f"territory (place, status): precision {t['precision']:.3f}  recall {t['recall']:.3f}  F1 {t['f1']:.3f}  "
            f"(gold {t['gold']:.0f}, found {t['found']:.0f})",
            f"territory (actor, place, status): precision {ta['precision']:.3f}  recall {ta['recall']:.3f}  "
            f"F1 {ta['f1']:.3f}",
        ])


def load_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a gold file: one JSON object per line, with ``file``, ``casualties`` and ``territory``."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
            if not isinstance(row, dict) or "file" not in row:
                raise ValueError(f"{path}:{number}: a gold line needs a 'file' key")
            rows.append(row)
    return rows


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
    return found[0] if found else name


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
    return GoldScore(
        files=len(gold_rows),
        casualties=_scores(totals["c_gold"], totals["c_found"], totals["c_matched"]),
        victim_group_accuracy=group_hits / group_total if group_total else None,
        territory=_scores(totals["t_gold"], totals["t_found"], totals["t_matched"]),
        territory_with_actor=_scores(totals["ta_gold"], totals["ta_found"], totals["ta_matched"]),
        misses=misses,
    )


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
    """The package's best totals per outcome and victim group in one text, double counting removed."""
    from .aggregate import casualty_totals
    from .casualties import extract_casualties
    from .pipeline import CASUALTY_COLUMNS, frame

    reports = extract_casualties(text, lang=lang, published=published)
    result: dict[str, dict[str, int]] = {}
    for outcome in outcomes:
        chosen = [r for r in reports if r.outcome == outcome]
        totals = casualty_totals(frame(chosen, CASUALTY_COLUMNS), by=["victim_group"]) if chosen else None
        result[outcome] = {} if totals is None else {
            str(group): int(best) for group, best in zip(totals["victim_group"], totals["best"])}
    return result


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


def _number(value: str | None) -> float | None:
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
        value = _number(row.get(killed_column)) if row.get(killed_column) else 0.0
        if not text or value is None:
            continue
        killed[text] = killed.get(text, 0.0) + value
        if injured_column is not None:
            injured[text] = injured.get(text, 0.0) + (_number(row.get(injured_column)) or 0.0)
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
        killed = _number(row.get(deaths))
        if not text or killed is None:
            continue
        injured_raw = (row.get(wounded) or "").strip() if wounded else ""
        injured = _number(injured_raw) if injured_raw else None
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
