"""Accuracy, measured: gold annotations and human-coded event data.

``evaluate_gold`` scores the extractors against a gold file (JSON Lines, one
article a line: see ``docs/annotation.md``): precision, recall and F1 on
(outcome, count) for casualties and on (place, status) and (actor, place,
status) for territory, the victim-group accuracy of matched facts, and every
miss with its sentence. ``score_events`` compares the package's total of people
killed per text with the number human coders gave it (ACLED ``notes`` and
``fatalities``, GTD ``summary`` and ``killed``).
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

__all__ = ["EventScore", "FalseTerritoryScore", "GoldScore", "TerritoryGainScore", "evaluate_gold", "load_gold",
           "score_events", "score_false_territory", "score_territory_gains"]


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


@dataclass
class EventScore:
    """Agreement of the package's killed totals with human-coded event data."""

    dataset: str
    texts: int
    excluded_conventions: int
    with_deaths: int
    exact_with_deaths: float
    without_deaths: int
    zero_without_deaths: float
    misses: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        """A short text report."""
        return (f"{self.dataset}: {self.texts} texts ({self.excluded_conventions} left out: the note states a "
                f"coding convention, or one figure for several coded events)\n"
                f"  texts with deaths: {self.with_deaths}, exact total killed: {self.exact_with_deaths:.3f}\n"
                f"  texts without deaths: {self.without_deaths}, total 0: {self.zero_without_deaths:.3f}")


def killed_total(text: str, *, lang: str = "en", published: Any = None) -> int:
    """The package's best total of people killed in one text, double counting removed."""
    from .aggregate import casualty_totals
    from .casualties import extract_casualties
    from .pipeline import CASUALTY_COLUMNS, frame

    reports = [r for r in extract_casualties(text, lang=lang, published=published) if r.outcome == "killed"]
    if not reports:
        return 0
    totals = casualty_totals(frame(reports, CASUALTY_COLUMNS), by=["victim_group"])
    return int(totals["best"].sum()) if len(totals) else 0


def score_events(path: str | os.PathLike[str], *, limit: int | None = None) -> EventScore:
    """Score killed totals against an ACLED (``notes``, ``fatalities``) or GTD (``summary``, ``killed``) file.

    ACLED rows that share the same ``notes`` split one report's deaths between
    them: they are summed. Notes stating a coding convention ("fatalities coded
    as 0", "split between 3 events") are left out and counted.
    """
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows:
        raise ValueError(f"{path}: no rows")
    if "notes" in rows[0] and "fatalities" in rows[0]:
        text_column, gold_column, dataset = "notes", "fatalities", "ACLED"
    elif "summary" in rows[0] and "killed" in rows[0]:
        text_column, gold_column, dataset = "summary", "killed", "GTD"
    else:
        raise ValueError(f"{path}: neither ACLED (notes, fatalities) nor GTD (summary, killed) columns")
    gold: dict[str, float] = {}
    dates: dict[str, str] = {}
    for row in rows:
        text = (row.get(text_column) or "").strip()
        if not text:
            continue
        try:
            value = float(row.get(gold_column) or 0)
        except ValueError:
            continue
        gold[text] = gold.get(text, 0.0) + value
        dates.setdefault(text, row.get("event_date") or row.get("date") or "")
    texts = list(gold)[:limit] if limit else list(gold)
    excluded = [t for t in texts if _CONVENTION.search(t)]
    kept = [t for t in texts if not _CONVENTION.search(t)]
    with_deaths = exact = without = zero = 0
    misses = []
    for text in kept:
        predicted = killed_total(text, lang="en")
        expected = int(round(gold[text]))
        if expected > 0:
            with_deaths += 1
            exact += int(predicted == expected)
        else:
            without += 1
            zero += int(predicted == 0)
        if predicted != expected:
            misses.append({"text": text, "expected": expected, "predicted": predicted})
    return EventScore(dataset=f"{dataset} {Path(path).name}", texts=len(texts), excluded_conventions=len(excluded),
                      with_deaths=with_deaths, exact_with_deaths=exact / with_deaths if with_deaths else 0.0,
                      without_deaths=without, zero_without_deaths=zero / without if without else 0.0, misses=misses)


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
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


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
