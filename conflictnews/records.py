"""The records every extractor returns: one frozen dataclass per kind of fact.

Each record keeps its provenance beside the normalised value: the words in the
text (``surface``), where they stand (``span_start``, ``span_end``) and the
sentence they come from, so that ``text[span_start:span_end] == surface``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

__all__ = [
    "Article",
    "CasualtyReport",
    "Count",
    "TerritoryClaim",
    "TimelineEvent",
    "as_dict",
]

OUTCOMES = ("killed", "injured", "captured", "missing", "displaced")
VICTIM_GROUPS = ("military", "armed_group", "civilian", "unknown")
CERTAINTIES = ("stated", "uncertain", "denied")
ACTOR_GROUPS = ("state", "non_state")
QUALIFIERS = ("exact", "at_least", "more_than", "at_most", "about", "up_to", "range", "vague")
STATUSES = ("controls", "captured", "lost", "contested", "besieged", "seeks_control")
PRECISIONS = ("minute", "day", "week", "month", "year")


class Count(NamedTuple):
    """A number of people as the text states it, with honest bounds.

    ``low`` and ``high`` are ``None`` where the text leaves a bound open
    ("at least 18": low 18, best 18, high open).
    """

    low: int | None
    best: int
    high: int | None
    qualifier: str
    surface: str


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its metadata and its body text."""

    article_id: str
    title: str | None
    published: datetime | None
    published_precision: str | None
    source: str | None
    byline: str | None
    language: str
    text: str
    path: str | None
    url: str | None = None  # the page's address, for a page read from a crawl or a saved web page

    def get(self, field: str, default: Any = None) -> Any:
        """Return a field by name, like ``dict.get``."""
        return getattr(self, field, default)


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    """One statement of a number of people killed, injured, captured, missing or displaced."""

    article_id: str | None
    outcome: str
    victim_group: str
    victim_actor: str | None
    count_low: int | None
    count_best: int
    count_high: int | None
    qualifier: str
    period_start: datetime | None
    period_end: datetime | None
    date_precision: str | None
    cumulative: bool
    subset: bool
    perpetrator: str | None        # who did it, canonical where known, else the words as written
    perpetrator_group: str | None  # military, armed_group, civilian, unknown
    place: str | None
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    place_precision: int | None  # UCDP where_prec: 1 the place, 2 near it, 3 admin2, 4 admin1, 5 region, 6 country
    attributed_to: str | None
    certainty: str                 # stated, uncertain ("feared dead", "unconfirmed") or denied
    from_title: bool
    surface: str
    sentence: str
    span_start: int
    span_end: int


@dataclass(frozen=True, slots=True)
class TerritoryClaim:
    """One claim about who holds, takes, loses, besieges or seeks a place."""

    article_id: str | None
    actor: str | None          # who holds, takes, loses, besieges or seeks the place
    actor_group: str | None    # state or non_state; None when no actor is named
    from_actor: str | None     # who the place was taken (or is to be taken) from
    place: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    place_precision: int | None
    status: str
    past: bool                 # control the text gives as over ("a former stronghold of X")
    since: datetime | None
    as_of: datetime | None
    share_pct: float | None
    population: int | None
    qualifier: str | None
    attributed_to: str | None
    certainty: str             # stated, uncertain ("reportedly retaken, unconfirmed") or denied
    from_title: bool
    surface: str
    sentence: str
    span_start: int
    span_end: int


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated statement of an article, its date resolved against publication."""

    article_id: str | None
    date_start: datetime | None
    date_end: datetime | None
    date_precision: str | None
    kind: str
    summary: str
    place: str | None
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    place_precision: int | None
    actors: str | None  # canonical actors named in the sentence, "|"-separated
    from_title: bool
    surface: str
    sentence: str
    span_start: int
    span_end: int


def as_dict(record: Any) -> dict[str, Any]:
    """Return a record's fields as a plain dict (for building tables)."""
    kind = type(record)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(f.name for f in dataclasses.fields(record))
    return {name: getattr(record, name) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
