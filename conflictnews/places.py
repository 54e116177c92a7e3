"""Places: which words of a text name places, what they resolve to, and where a fact took place.

Three steps, each one pass over a document:

1. ``find_places`` reads the names of a text as an analyst does: the places of
   the curated tables (``lexicon/places.csv``, and a user's table, see
   ``use_places``), GeoNames names (``gazetteer``) where the text says they are
   places (after "in", "near", "the village of", before "district", in ACLED's
   "X (Admin2, Admin1)" bracket, in a list with another place) or where the
   gazetteer is sure (a large city, or a place of the article's country), and
   capitalised names that no gazetteer knows but whose context says they are
   places ("the village of Nassougou", "het dorp Nassougou").
2. Namesakes are chosen by the article's context: the divisions named in a
   bracket, the countries the article names (through places, countries,
   adjectives and actors), then population and kind.
3. ``event_place`` chooses the place of one fact (a count, a claim, a date):
   the most specific place near it in its sentence that is not a point of
   reference (a dateline, a base, a bearing: ``document.is_reference_place``),
   nor a speaker ("according to Kyiv", "Washington said"), nor the start or the
   end of a journey or a side of a border ("a bus bound for Mandera", "along the
   Isiolo-Garissa border"); else a bearing at a stated distance ("12 km north of
   Garissa": near Garissa); else the last place named before it.

Each place is a ``PlaceRef`` with its coordinates and a precision in the codes
of UCDP GED's ``where_prec``: 1 the place itself, 2 within about 25 km of a
named point ("near Bakhmut", or an unknown village near it), 3 a second-order
division, 4 a first-order division, 5 a larger region, 6 the country.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import functools
import io
import itertools
import math
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from .gazetteer import ADMIN1, ADMIN2, CITY, GeoPlace, distance_km, fold_key, gazetteer
from .lexicon import Entity, Place, fold, language, phrase_alternation, phrase_pattern, world

if TYPE_CHECKING:
    from .document import Document
    from .text import Sentence

__all__ = ["PlaceRef", "PlacesTable", "PRECISION", "common_place", "event_place", "find_places", "load_places",
           "place_named_after", "ref_for_name", "set_user_places", "use_places"]

# UCDP GED where_prec codes.
EXACT, NEAR, ADMIN2_PRECISION, ADMIN1_PRECISION, REGION_PRECISION, COUNTRY_PRECISION = 1, 2, 3, 4, 5, 6
PRECISION = {"exact": EXACT, "near": NEAR, "admin2": ADMIN2_PRECISION, "admin1": ADMIN1_PRECISION,
             "region": REGION_PRECISION, "country": COUNTRY_PRECISION}

# Precision of a place by its kind (curated kinds, GeoNames kinds, the kinds of place nouns).
_KIND_PRECISION = {"camp": EXACT, "village": EXACT, "neighbourhood": EXACT, "town": EXACT, "city": EXACT,
                   "district": EXACT, CITY: EXACT, "area": NEAR, ADMIN2: ADMIN2_PRECISION,
                   ADMIN1: ADMIN1_PRECISION, "province": ADMIN1_PRECISION, "region": REGION_PRECISION,
                   "country": COUNTRY_PRECISION}
# How specific a place is, for choosing among the places of a sentence (lower is more specific): the ranks
# of ``lexicon.Place`` for the curated kinds.
_KIND_RANK = {"camp": 0, "district": 0, "village": 0, "neighbourhood": 0, "town": 1, "city": 1, CITY: 1,
              "area": 1, ADMIN2: 2, ADMIN1: 2, "province": 2, "region": 2, "country": 4}


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """Where a place is: its name, country, first-order division, coordinates and precision (UCDP ``where_prec``)."""

    name: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    precision: int
    kind: str = "city"

    @property
    def rank(self) -> int:
        """How specific the place is: lower is more specific."""
        return _KIND_RANK.get(self.kind, 3)


# --------------------------------------------------------------------------
# A user's places
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class PlacesTable:
    """A user's places: the entries (as ``lexicon.Place``) and their aliases, by canonical name."""

    places: tuple[Place, ...]
    aliases: tuple[tuple[str, tuple[str, ...]], ...]


_EMPTY = PlacesTable((), ())
_user: PlacesTable = _EMPTY
_user_version = 0


def load_places(source: Any) -> PlacesTable:
    """Read a table of places: a CSV path, a CSV text, a DataFrame, or rows (dicts).

    The columns are those of ``lexicon/places.csv``: ``place`` (required),
    ``kind``, ``country``, ``parent``, ``latitude``, ``longitude``, ``aliases``
    (``|``-separated). Rows without a ``place`` are skipped; a table without a
    ``place`` column raises ``ValueError``; a missing file raises ``OSError``.

    >>> table = load_places("place,kind,country,latitude,longitude,aliases\\nKamuge,village,Kenya,1.9,35.9,Kamunge\\n")
    >>> [(p.name, p.kind, p.country) for p in table.places], table.aliases
    ([('Kamuge', 'village', 'Kenya')], (('Kamuge', ('Kamunge',)),))
    """
    if isinstance(source, PlacesTable):
        return source
    rows: list[dict[str, Any]]
    if isinstance(source, (str, os.PathLike)) and not (isinstance(source, str) and "\n" in source):
        with open(source, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    elif isinstance(source, str):
        rows = list(csv.DictReader(io.StringIO(source.lstrip("\ufeff"), newline="")))
    elif hasattr(source, "to_dict") and hasattr(source, "columns"):
        rows = source.to_dict("records")
    else:
        rows = [dict(row) for row in source]
    if rows and "place" not in rows[0]:
        raise ValueError("a places table needs a 'place' column (and optionally kind, country, parent, latitude, "
                         "longitude, aliases)")
    places = []
    aliases = []
    for row in rows:
        name = _text(row.get("place"))
        if not name:
            continue
        places.append(Place(name=name, kind=_text(row.get("kind")) or "town", country=_text(row.get("country")),
                            parent=_text(row.get("parent")), latitude=_number(row.get("latitude")),
                            longitude=_number(row.get("longitude"))))
        aliases.append((name, tuple(a.strip() for a in str(_text(row.get("aliases")) or "").split("|") if a.strip())))
    return PlacesTable(tuple(places), tuple(aliases))


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


@contextlib.contextmanager
def use_places(source: Any) -> Iterator[None]:
    """Within the block, read texts with a user's places merged over the built-in tables (``None``: none).

    A user's place wins over a built-in place or a GeoNames place named by the same words.
    """
    previous = _user
    set_user_places(load_places(source) if source is not None else _EMPTY)
    try:
        yield
    finally:
        set_user_places(previous)


def set_user_places(table: PlacesTable | None) -> None:
    """Use ``table`` (from ``load_places``) for every text read from now on (``None``: none)."""
    global _user, _user_version
    table = table or _EMPTY
    if table != _user:  # the tables' references are cached per version of the user's table
        _user = table
        _user_version += 1


@functools.lru_cache(maxsize=4)
def _user_matcher(version: int) -> tuple[Any, dict[str, Place]]:
    from .lexicon import _AliasMatcher

    aliases: dict[str, tuple[str, str]] = {}
    names = dict(_user.aliases)
    table: dict[str, Place] = {}
    for place in _user.places:
        table[place.name] = place
        for alias in [place.name, *names.get(place.name, ())]:
            aliases.setdefault(alias, ("place", place.name))
    return _AliasMatcher(aliases), table


# --------------------------------------------------------------------------
# Language patterns
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Patterns:
    before: re.Pattern[str]  # a locative phrase or a place noun just before a name
    leaving: re.Pattern[str] | None  # a verb of leaving just before a name: "after leaving Kabo"
    street_after: re.Pattern[str] | None  # after a name, a street's noun: "Sanaa Street"
    noun_before: re.Pattern[str]  # a place noun (and its link) just before a name: "the village of"
    noun_after: re.Pattern[str] | None  # a place noun just after a name: "Kitgum district"
    near: re.Pattern[str]  # words that place an event near a point
    speaker_before: re.Pattern[str]
    speaker_after: re.Pattern[str]
    doer_after: re.Pattern[str] | None  # "Turkey launched the offensive": a state named as who acts
    nouns: dict[str, str]  # folded noun -> kind
    not_places: frozenset[str]
    peoples: frozenset[str]  # names of peoples: places only where the text says so
    list_gap: re.Pattern[str]
    capital: re.Pattern[str]
    capital_named: re.Pattern[str]  # "Somalia's capital" (after the country's name)
    capital_of: re.Pattern[str]  # "the capital of Somalia", "de hoofdstad van Somalië" (before it)
    country_nouns: re.Pattern[str]
    people_after: re.Pattern[str]  # "Pokot raiders": a people, not a place
    count_before: re.Pattern[str]  # "6 Kikuyu were killed": a count of people, not a place
    indefinite_before: re.Pattern[str]  # "a Sunni town": an adjective before a place noun
    link_after: re.Pattern[str] | None  # "the Shiite city of Karbala": the noun introduces the next name
    article_before: re.Pattern[str]  # "al-" of "al-Qeba"
    openers: frozenset[str]  # capitalised words that open a sentence before a name: "In", "Near", "The"
    names: re.Pattern[str]  # runs of capitalised words, with the particles of names between them
    lang: str
    openers_and_not_places: frozenset[str]
    parent_gap: re.Pattern[str]  # between an unknown name and a known parent: ", ", " (", " in "
    route_before: re.Pattern[str] | None  # "bound for", "from X to": where a journey began or ended
    distance_before: re.Pattern[str] | None  # "11 km north of", "7km from": a bearing with its distance
    distance_units: dict[str, float]
    border_after: re.Pattern[str] | None  # "-Garissa border", " county border": a side of a border
    border_before: re.Pattern[str] | None  # "the border of Isiolo and ": a side of a border
    parent_after: re.Pattern[str]  # between a name and its parent: ", ", " (", " in ", " in the province of "
    list_after: re.Pattern[str]  # after a name, another of a list: ", Kandahar", " and Herat"
    list_between: re.Pattern[str]  # between two places of a list: ", ", " and the eastern province of ", "-"
    apposition: re.Pattern[str]  # between a place and words about it: " district ", ", een regio "


def _patterns(lang: str) -> _Patterns:
    data = language(lang)

    def build() -> _Patterns:
        nouns = data.table("places.nouns")
        units = data.table("places.distance_units")
        borders = phrase_alternation(data.words("places.border_words")) if data.words("places.border_words") else ""
        links = data.words("places.noun_links")
        noun = phrase_alternation(nouns)
        link = rf"(?:\s+{phrase_alternation(links)})" if links else ""
        articles = phrase_alternation(data.words("victims.definite_articles") + data.words("victims.determiners"))
        locatives = phrase_alternation(data.words("places.locatives"))
        auxiliaries = phrase_alternation(data.words("casualties.auxiliaries"))
        # A report verb after a place makes it the speaker ("Kyiv said"); "according to" after it does not.
        speaker_before = {fold(w) for w in data.words("places.speaker_before")}
        cues = phrase_alternation([w for w in data.words("attribution.cues") if fold(w) not in speaker_before])
        coordinators = phrase_alternation(data.words("casualties.coordinators"))
        not_places = {fold_key(w) for code in ("en", "nl") for w in language(code).words("places.not_places")}
        parent_links = phrase_alternation(data.words("places.parent_links")) if data.words("places.parent_links") \
            else "(?!x)x"
        noun_link = rf"(?:{noun}{link}\s+)?"
        # "Islamabad area of Alishing": a name's area in a parent (not "the Sinai town of Arish", which names a town)
        areas = [name for name, kind in nouns.items() if kind == "area"]
        noun_then_link = rf"|[ \t]+{phrase_alternation(areas)}{link}\s+" if links and areas else ""
        singular_articles = phrase_alternation(data.words("numbers.singular_articles"))
        streets = [w for code in ("en", "nl") for w in language(code).words("places.street_nouns")]
        return _Patterns(
            parent_after=re.compile(
                rf"(?:(?:[ \t]+{noun}){{0,2}}(?:\s*[,(]\s*(?:{articles}\s+)?{noun_link}"
                rf"|\s+{parent_links}\s+(?:{articles}\s+)?{noun_link}){noun_then_link})$", re.IGNORECASE),
            apposition=re.compile(
                rf"(?:[ \t]+{noun})?\s*"
                rf"|\s*,\s+(?:(?:{articles}|{singular_articles})\s+)?(?:[\w-]+\s+){{0,2}}?{noun}\s+",
                re.IGNORECASE),
            list_between=re.compile(
                rf"(?:(?:[ \t]+{noun})?(?:\s*,\s*(?:{articles}\s+)?(?:{noun}{link}\s+)?|(?:\s*,)?\s+{coordinators}\s+"
                rf"(?:{articles}\s+)?(?:(?-i:[a-z])[\w-]*\s+)?(?:{noun}{link}\s+)?)|-)$", re.IGNORECASE),
            list_after=re.compile(
                rf"(?:[ \t]+{noun})?(?:\s*,)?\s+{coordinators}\s+(?-i:[{_UPPER}])|"
                rf"(?:[ \t]+{noun})?\s*,\s*(?-i:[{_UPPER}])[\w'’-]*(?:[ \t]+(?-i:[{_UPPER}])[\w'’-]*)*"
                rf"(?:[ \t]+{noun})?(?:\s*,\s*(?:{coordinators}\s+)?|\s+{coordinators}\s+)(?-i:[{_UPPER}])",
                re.IGNORECASE),
            before=re.compile(rf"(?<![\w])(?:{locatives}(?:\s+{articles})?|(?:{articles}\s+)?{noun}{link})\s+$",
                              re.IGNORECASE),
            street_after=re.compile(rf"[ \t]+(?:{'|'.join(re.escape(w) for w in streets)})(?![\w])")
            if streets else None,
            leaving=re.compile(rf"(?<![\w]){phrase_alternation(data.words('places.leaving_words'))}\s+$",
                               re.IGNORECASE) if data.words("places.leaving_words") else None,
            noun_before=re.compile(rf"(?<![\w]){noun}{link}\s+$", re.IGNORECASE),
            noun_after=re.compile(rf"[\s-]+(?P<noun>{noun})(?![\w])", re.IGNORECASE)
            if data.get("places.nouns_after_name") else None,
            near=re.compile(rf"(?<![\w]){phrase_alternation(data.words('places.near_words'))}"
                            rf"(?:\s+{articles})?(?:\s+{noun}{link})?\s+$", re.IGNORECASE),
            speaker_before=re.compile(rf"(?<![\w]){phrase_alternation(data.words('places.speaker_before'))}\s+$",
                                      re.IGNORECASE),
            speaker_after=re.compile(rf"\s+(?:(?:{auxiliaries}|also|ook)\s+)?{cues}(?![\w])", re.IGNORECASE),
            doer_after=re.compile(rf"\s+(?:(?:{auxiliaries})\s+)?{phrase_alternation(data.words('places.doer_verbs'))}"
                                  r"(?![\w])", re.IGNORECASE) if data.words("places.doer_verbs") else None,
            nouns=nouns,
            not_places=frozenset(not_places),
            peoples=frozenset(fold_key(w) for code in ("en", "nl") for w in language(code).words("places.peoples")),
            list_gap=re.compile(rf"\s*(?:,\s*(?:{coordinators}\s+)?|\s+{coordinators}\s+|\s*&\s*)$", re.IGNORECASE),
            capital=data.regex("places.capital_nouns"),
            capital_named=re.compile(r"['’]s?\s+" + phrase_pattern(data.words("places.capital_nouns")), re.IGNORECASE),
            capital_of=re.compile(phrase_pattern(data.words("places.capital_nouns")) + r"(?:\s+city)?\s+"
                                  + phrase_pattern(data.words("victims.of")[:1]) + r"\s+$", re.IGNORECASE),
            country_nouns=data.regex("places.country_nouns"),
            people_after=re.compile(rf"\s+{phrase_pattern(data.words('places.not_before_nouns') + _people_nouns(data))}",
                                    re.IGNORECASE),
            count_before=re.compile(r"(?<![\w.,])\d+\s+$|" + rf"(?<![\w]){phrase_alternation(data.words('numbers.word_morphemes'))}\s+$",
                                    re.IGNORECASE),
            indefinite_before=re.compile(rf"(?<![\w]){phrase_alternation(data.words('numbers.singular_articles'))}"
                                         rf"(?:\s+\w+)?\s+$", re.IGNORECASE),
            link_after=re.compile(rf"\s+{phrase_alternation(links)}(?![\w])", re.IGNORECASE) if links else None,
            names=_name_pattern([*data.words("places.name_articles"), *data.words("places.name_particles")]),
            lang=lang,
            parent_gap=re.compile(rf"\s*(?:,|\(|\s+(?:{locatives}|{noun}{link})\s)", re.IGNORECASE),
            openers_and_not_places=frozenset(not_places | {fold_key(w) for code in ("en", "nl") for w in [
                *language(code).words("places.locatives"), *language(code).words("victims.definite_articles"),
                *language(code).words("numbers.singular_articles")] if " " not in w}),
            openers=frozenset({fold_key(w) for code in ("en", "nl") for w in [
                *language(code).words("places.locatives"), *language(code).words("victims.definite_articles"),
                *language(code).words("numbers.singular_articles")] if " " not in w}),
            article_before=re.compile(rf"(?<![\w]){phrase_alternation(data.words('places.name_articles'))}[-’']$",
                                      re.IGNORECASE),
            route_before=_route_pattern(data.words("places.route_words"), data.words("places.route_from"),
                                        data.words("places.route_to"), noun),
            distance_before=re.compile(
                rf"(?<![\w.,])(?P<number>\d+(?:[.,]\d+)?)\s*-?\s*(?P<unit>{phrase_alternation(units)})(?![\w])"
                rf"(?:\s+[\w-]+){{0,3}}?\s+{phrase_alternation(sorted({w.split()[-1] for w in data.words('places.reference_words')}))}"
                r"(?:\s+\S+){0,4}?\s*$", re.IGNORECASE) if units else None,
            distance_units=units,
            border_after=re.compile(
                rf"(?:\s*[-–/]\s*[{_UPPER}][\w'’]*(?:[ \t]+[{_UPPER}][\w'’]*)?)?(?:\s+{noun})?\s+{borders}(?![\w])",
                re.IGNORECASE) if borders else None,
            border_before=re.compile(
                rf"(?<![\w]){borders}\s+{phrase_alternation(data.words('places.border_links'))}\s+"
                rf"(?:{articles}\s+)?(?:[{_UPPER}][\w'’-]*\s+(?:{coordinators}\s+)?){{0,3}}$",
                re.IGNORECASE) if borders else None,
        )

    found: _Patterns = data.memo("place_patterns", build)
    return found


def _route_pattern(phrases: list[str], starts: list[str], ends: list[str], nouns: str) -> re.Pattern[str] | None:
    """The words before a place that make it the start or the end of a journey: a phrase ("bound for"; a few
    lower-case words may stand between it and the place), and the end of a journey "from X to Y" (X a name,
    a place noun after it at most: "riders from Murang'a County rode to Meru" went to where it happened)."""
    parts = []
    if phrases:
        parts.append(rf"(?<![\w]){phrase_alternation(phrases)}(?:\s+(?-i:[a-z])[\w-]*){{0,3}}?\s+$")
    if starts and ends:
        parts.append(rf"(?<![\w]){phrase_alternation(starts)}\s+(?-i:[{_UPPER}])[\w'’-]*"
                     rf"(?:[ \t]+(?-i:[{_UPPER}])[\w'’-]*){{0,3}}(?:[ \t]+{nouns})?\s+{phrase_alternation(ends)}\s+$")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


# Capitalised names: a capital letter, then words joined by spaces or hyphens, with short lower-case
# particles between capitalised words ("Hajar al-Aswad", "Dar es Salaam", "Kafr Nabl").
_UPPER = "A-Z\u00C0-\u00D6\u00D8-\u00DE\u0100-\u017F\u1E00-\u1EFF"


def _people_nouns(data: Any) -> list[str]:
    """The victims' head nouns of a language, without the state's forces ("Kikuyu businessmen", "Turkana herders")."""
    return [w for group in ("civilian", "armed_group", "unknown", "military") for w in data.words(f"victims.{group}")
            if w.islower() and " " not in w]


def _name_pattern(particles: list[str]) -> re.Pattern[str]:
    joined = "|".join(sorted((re.escape(w) for w in particles), key=len, reverse=True)) or "(?!x)x"
    return re.compile(rf"(?<![\w'’])[{_UPPER}][\w'’]*(?:(?:[ \t]+|[ \t]*-[ \t]*)(?:(?:{joined})(?:[ \t]+|-))?"
                      rf"[{_UPPER}][\w'’]*)*")
_WORD = re.compile(r"[\w'’]+")
_BRACKET = re.compile(r"\s*\(\s*([^()\n]{2,80}?)\s*\)")


# --------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------

@functools.cache
def _countries() -> tuple[dict[str, str], dict[str, Place]]:
    """ISO code -> the tables' name of the country, and the tables' country entries by name."""
    w = world()
    table = {name: place for name, place in w.places.items() if place.kind == "country"}
    names: dict[str, str] = {}
    for code, name in gazetteer().countries.items():
        found = [e.name for e in w.entities(name) if e.kind == "place" and e.end - e.start == len(name)
                 and e.name in table]
        names[code] = found[0] if found else name
    return names, table


def _country_name(code: str) -> str:
    return _countries()[0].get(code, code)


def _country_ref(country: str | None) -> PlaceRef | None:
    if not country:
        return None
    entry = _countries()[1].get(country)
    return PlaceRef(country, country, None, entry.latitude if entry else None, entry.longitude if entry else None,
                    COUNTRY_PRECISION, "country")


# --------------------------------------------------------------------------
# References for the tables' places and GeoNames entries
# --------------------------------------------------------------------------

def _curated_ref(place: Place, table: dict[str, Place]) -> PlaceRef:
    admin1 = None
    current: Place | None = place
    seen = 0
    while current is not None and seen < 8:
        if current.kind in ("province",) and current is not place:
            admin1 = current.name
            break
        current = table.get(current.parent or "")
        seen += 1
    latitude, longitude = place.latitude, place.longitude
    if place.kind != "country" and (admin1 is None or latitude is None) and len(gazetteer()):
        twin = _geonames_twin(place)
        if twin is not None:
            admin1 = admin1 or twin.admin1
            if latitude is None:
                latitude, longitude = twin.latitude, twin.longitude
    precision = _KIND_PRECISION.get(place.kind, EXACT)
    if latitude is None and place.kind != "country":
        parent = table.get(place.parent or "")
        if parent is not None and parent.latitude is not None:
            latitude, longitude = parent.latitude, parent.longitude
            precision = max(precision, _KIND_PRECISION.get(parent.kind, EXACT), NEAR)
    return PlaceRef(place.name, place.country, admin1, latitude, longitude, precision, place.kind)


def _geonames_twin(place: Place) -> GeoPlace | None:
    """The GeoNames entry of a table's place: same name, same country, nearest (within 50 km when both are known)."""
    found = [p for p in gazetteer().lookup(place.name) if _country_name(p.country_code) == place.country]
    if place.latitude is not None and place.longitude is not None:
        found = [p for p in found if distance_km(p.latitude, p.longitude, place.latitude, place.longitude) <= 50]
    return found[0] if found else None


@functools.lru_cache(maxsize=4096)
def _table_ref(name: str, version: int) -> PlaceRef | None:
    user = _user_matcher(version)[1] if _user.places else {}
    if name in user:
        return _curated_ref(user[name], {**world().places, **user})
    place = world().places.get(name)
    return _curated_ref(place, world().places) if place is not None else None


def ref_for_name(name: str | None) -> PlaceRef | None:
    """The reference of a place of the tables (a user's, then the built-in ones), by its canonical name."""
    return _table_ref(name, _user_version) if name else None


def _geo_ref(place: GeoPlace, *, precision: int | None = None) -> PlaceRef:
    kind = place.kind
    return PlaceRef(place.name, _country_name(place.country_code), place.admin1, place.latitude, place.longitude,
                    precision or _KIND_PRECISION[kind], kind)


# --------------------------------------------------------------------------
# Finding the places of a text
# --------------------------------------------------------------------------

@dataclass
class _Hit:
    start: int
    end: int
    entries: tuple[int, ...]  # GeoNames entries
    evidence: str = ""  # why it is a place: locative, noun, bracket, list, sure
    noun_kind: str | None = None
    parents: tuple[str, ...] = ()


def find_places(text: str, lang: str, entities: list[Entity]) -> list[Entity]:
    """The entities of ``text`` with its places found and resolved (each place entity carries its ``PlaceRef``).

    ``entities`` are those of the built-in tables (``lexicon.World.entities``); the
    result holds them (their places resolved), a user's places, GeoNames places and
    unknown places named in a locative context, sorted and without overlaps.
    """
    p = _patterns(lang)
    table_entities = _with_user_places(text, entities)
    taken = _Spans([(e.start, e.end) for e in table_entities if e.kind != "place"])
    place_entities = [e for e in table_entities if e.kind == "place"]
    place_ends = [e.end for e in place_entities]
    g = gazetteer()
    hits: list[_Hit] = []
    unknown: list[tuple[int, int, str]] = []  # start, end, evidence
    covered: list[tuple[int, int]] = []  # a table's places inside a longer GeoNames name ("North Darfur")
    names_in = _names_cache(p.lang, id(g))
    overlaps = taken.overlaps
    for m in p.names.finditer(text):
        found = names_in(m.group())
        if not found:
            continue  # "The", "On", "Police": capitalised words that name no place
        offset = m.start()
        for a, b, entries in found:
            start, end = offset + a, offset + b
            if overlaps(start, end):
                continue
            first = bisect.bisect_right(place_ends, start)
            if first < len(place_entities) and place_entities[first].start < end:
                inner = list(itertools.takewhile(lambda e: e.start < end, place_entities[first:first + 8]))
                if entries and all(start <= e.start and e.end <= end for e in inner) and \
                        end - start > max(e.end - e.start for e in inner):
                    covered.extend((e.start, e.end) for e in inner)
                    hits.append(_Hit(start, end, entries))
                continue
            if entries:
                hits.append(_Hit(start, end, entries))
            else:
                unknown.append((start, end, ""))
    if covered:
        dropped = set(covered)
        table_entities = [e for e in table_entities if (e.start, e.end) not in dropped]
    _gather_evidence(text, p, hits, table_entities)
    context, strong = _country_context(table_entities, hits)
    result: list[Entity] = []
    for entity in table_entities:
        if entity.kind == "place" and entity.place is None:
            ref = ref_for_name(entity.name)
            if ref is not None:
                ref = _as_division(text, p, entity, ref)
                entity = Entity(entity.start, entity.end, entity.kind, entity.name, ref)
        result.append(entity)
    accepted = _accept(text, p, hits, context)
    resolved = _resolve(accepted, context, strong, text, p,
                        [e for e in result if e.kind == "place" and e.place is not None and e.place.kind != "country"])
    for hit, ref in zip(accepted, resolved):
        if ref is not None:
            result.append(Entity(_with_article(text, p, hit.start), hit.end, "place", ref.name, ref))
        else:
            unknown.append((hit.start, hit.end, "namesake"))  # a namesake of another country: a place unknown here
    known = sorted([e for e in result if e.kind == "place" and e.place is not None], key=lambda e: e.start)
    known_starts = [e.start for e in known]
    unknown.sort()
    for start, end in _unknown_places(text, p, unknown, known):
        start = _with_article(text, p, start)
        ref = _unknown_ref(text, p, start, end, known, known_starts, context)
        if ref is not None:
            result.append(Entity(start, end, "place", ref.name, ref))
    result.sort(key=lambda e: (e.start, -(e.end - e.start)))
    result = _one_place_per_name(text, _outside_their_parents(text, p, result, context))
    if p.street_after is not None:  # "Sanaa Street": a street, not the city
        result = [e for e in result if e.kind != "place" or not p.street_after.match(text, e.end, e.end + 16)]
    cleaned: list[Entity] = []
    last_end = -1
    head: Entity | None = None  # the last place before a bracket of its divisions
    for entity in result:
        if entity.start < last_end:
            continue
        if entity.kind == "place" and head is not None and _in_brackets_of(text, head, entity):
            continue  # "Bacaadley (Bacaadweyne, Mudug)": one place, its divisions in brackets
        cleaned.append(entity)
        last_end = entity.end
        if entity.kind == "place":
            head = entity
    return cleaned


def _outside_their_parents(text: str, p: _Patterns, entities: list[Entity],
                           context: dict[str, float]) -> list[Entity]:
    """The entities with the towns named in a parent they do not lie in ("Islamabad area of Alishing district,
    Laghman": a place of Laghman that shares the capital's name) made unknown places of that parent. Only a
    name of several towns is so read: a name of one town is that town, the parent perhaps a namesake itself."""
    places = [e for e in entities if e.kind == "place" and e.place is not None]
    following = [(e.start, e.end, e.place) for e in places]
    starts = [e.start for e in places]
    changed = False
    result = []
    for entity in entities:
        ref = entity.place
        if entity.kind == "place" and ref is not None and ref.kind in ("city", "town", "village") \
                and ref.precision == EXACT and _namesakes(text[entity.start:entity.end]) > 1:
            bracket = _BRACKET.match(text, entity.end, entity.end + 90)
            parents = tuple(bracket.group(1).split(",")) if bracket and "," in bracket.group(1) else ()
            parent = _parent_after(text, p, _Hit(entity.start, entity.end, (), parents=parents), following, starts)
            if parent is not None and not _inside(ref, parent):
                index = bisect.bisect_left(starts, entity.end)
                unknown = _unknown_ref(text, p, entity.start, entity.end, places[index:], starts[index:], context)
                if unknown is not None:
                    entity = Entity(entity.start, entity.end, "place", unknown.name, unknown)
                    changed = True
        result.append(entity)
    return result if changed else entities


_TOWN_KINDS = frozenset({CITY, "city", "town", "village", "neighbourhood", "camp"})


def _one_place_per_name(text: str, entities: list[Entity]) -> list[Entity]:
    """The entities with a town named again taken for the place its first mention was read as ("near Kamyanka,
    Donetsk. ... near Kamyanka": the Kamyanka of Donetsk both times, not a namesake the second time)."""
    first: dict[str, PlaceRef] = {}
    result = []
    for entity in entities:
        ref = entity.place
        if entity.kind == "place" and ref is not None and ref.kind in _TOWN_KINDS:
            key = fold_key(text[entity.start:entity.end])
            earlier = first.setdefault(key, ref)
            if earlier is not ref and earlier != ref:
                entity = Entity(entity.start, entity.end, "place", earlier.name, earlier)
        result.append(entity)
    return result


def _namesakes(name: str) -> int:
    """How many towns GeoNames knows by a name."""
    g = gazetteer()
    return sum(1 for number in g.entries(fold_key(name)) if g.place(number).kind == CITY)


def _in_brackets_of(text: str, head: Entity, entity: Entity) -> bool:
    """Whether ``entity`` is one of the divisions in the bracket right after the place ``head``."""
    gap = text[head.end:entity.start]
    alone = re.match(r"\s*\)", text[entity.end:entity.end + 4]) is not None and "," not in gap  # "Kankara LGA (Katsina)"
    return (alone or _bracket_slot(text, entity.start, entity.end) is not None) and ")" not in gap and len(gap) < 80 \
        and re.match(r"\s*(?:[\w-]+\s*)?\(\s*$", gap if alone else gap[:gap.find("(") + 1]) is not None


def _as_division(text: str, p: _Patterns, entity: Entity, ref: PlaceRef) -> PlaceRef:
    """A town of the tables named as a division ("Garissa County", "de provincie Idlib"): the division of that
    name in GeoNames, else the town's coordinates with the division's precision."""
    if ref.kind not in ("city", "town", "village", "district", "camp"):
        return ref
    after = _noun_after(text, p, entity.start, entity.end, known=True)
    before = p.noun_before.search(text, max(0, entity.start - 48), entity.start)
    kind = p.nouns.get(fold(after.group("noun"))) if after else _noun_kind(p, before.group()) if before else None
    if kind not in (ADMIN1, ADMIN2):
        return ref
    # A division named after its town is placed at the town, as ACLED places it at a province's capital.
    admin1 = next((place.admin1 for place in gazetteer().lookup(entity.name)
                   if place.kind == kind and _country_name(place.country_code) == ref.country), ref.admin1)
    return PlaceRef(ref.name, ref.country, admin1, ref.latitude, ref.longitude,
                    max(ref.precision, _KIND_PRECISION[kind]), kind)


def _with_article(text: str, p: _Patterns, start: int) -> int:
    """Where a name starts with the article written before it: "al-Qeba", not "Qeba"."""
    found = p.article_before.search(text, max(0, start - 4), start)
    return found.start() if found else start


class _Spans:
    """Sorted, non-overlapping spans, asked whether a span overlaps one of them (bisect)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.ends, start + 1)
        return index < len(self.starts) and self.starts[index] < end


def _with_user_places(text: str, entities: list[Entity]) -> list[Entity]:
    """The tables' entities with a user's places merged over them (a user's place wins where they overlap)."""
    if not _user.places:
        return entities
    matcher, _ = _user_matcher(_user_version)
    found = sorted(matcher.finditer(text), key=lambda h: (h[0], -(h[1] - h[0])))
    user: list[Entity] = []
    last_end = -1
    for start, end, _, name in found:
        if start >= last_end:
            ref = ref_for_name(name)
            user.append(Entity(start, end, "place", name, ref))
            last_end = end
    if not user:
        return entities
    spans = _Spans([(e.start, e.end) for e in user])
    merged = user + [e for e in entities if not spans.overlaps(e.start, e.end)]
    merged.sort(key=lambda e: e.start)
    return merged


@functools.lru_cache(maxsize=8)
def _names_cache(lang: str, _index: int) -> Any:
    """``_names_in`` for a run of capitalised words, cached: the same names recur from article to article."""
    p = _patterns(lang)
    g = gazetteer()

    @functools.lru_cache(maxsize=65536)
    def names(run: str) -> tuple[tuple[int, int, tuple[int, ...]], ...]:
        if " " not in run and "-" not in run and fold_key(run) in p.openers_and_not_places:
            return ()
        found = []
        for start, end in _names_in(run, 0, len(run), g, p):
            key = fold_key(run[start:end])
            if key not in p.not_places:
                found.append((start, end, _entries(g, key)))
        return tuple(found)

    return names


def _entries(g: Any, key: str) -> tuple[int, ...]:
    """The GeoNames entries of a folded name; for a name of several words GeoNames does not know, those of the
    words written as one ("Ceel Buur": GeoNames' "Ceelbuur")."""
    found: tuple[int, ...] = g.entries(key)
    if not found and " " in key and len(key) >= 7:
        found = g.entries(key.replace(" ", ""))
    return found


def _names_in(text: str, start: int, end: int, g: Any, p: _Patterns) -> Iterator[tuple[int, int]]:
    """The names within a capitalised run: its GeoNames names when they cover every capitalised word of the
    run ("Lira-Kotido": two names), else the whole run as one name ("Shirin Tagab" is not "Shirin")."""
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    while len(words) > 1 and fold_key(text[words[0][0]:words[0][1]]) in p.openers:
        words.pop(0)  # "In Bomet county": the preposition opens the sentence, the name follows
    longest = max(1, min(getattr(g, "longest", 1) or 1, 6))
    index = 0
    found: list[tuple[int, int]] = []
    uncovered = False
    while index < len(words):
        if not text[words[index][0]].isupper():
            index += 1
            continue
        match = None
        for last in range(min(len(words), index + longest) - 1, index - 1, -1):
            if not text[words[last][0]].isupper():
                continue
            if _entries(g, fold_key(text[words[index][0]:words[last][1]])):
                match = last
                break
        if match is not None:
            found.append((words[index][0], words[match][1]))
            index = match + 1
        else:
            word = fold_key(text[words[index][0]:words[index][1]])
            # A place noun of several words after a name ("Mafa Local Government Area") is one noun.
            phrase = next((k for k in (4, 3, 2) if index + k <= len(words) and found
                           and fold_key(text[words[index][0]:words[index + k - 1][1]]) in p.nouns), 0)
            if phrase:
                index += phrase
                continue
            # A place noun or a common word after a name leaves it one name ("Mandera County"); before it,
            # it makes another name of it ("Lake Turkana").
            uncovered = uncovered or not found or not (word in p.nouns or word in p.not_places)
            index += 1
    # Names side by side in one run are two names only where a hyphen joins them ("Lira-Kotido"): words
    # joined by spaces are one name ("Vila da Graca" is not "Vila" and "Graca").
    apart = all("-" in text[a[1]:b[0]] for a, b in zip(found, found[1:]))
    if found and not uncovered and apart:
        yield from found
    elif words:
        yield words[0][0], words[-1][1]


_ARABIC_ARTICLE = re.compile(r"(?<![\w])(?:al|el|ad|an|ar|as|ash|at|az|ath|adh)[-‑’']$", re.IGNORECASE)


def _gather_evidence(text: str, p: _Patterns, hits: list[_Hit], entities: list[Entity]) -> None:
    """Why each GeoNames name is a place: the words before and after it, a bracket, a list."""
    for hit in hits:
        # the words before the name, its Arabic article aside ("de wijk al-Jadida")
        before = _ARABIC_ARTICLE.sub("", text[max(0, hit.start - 48):hit.start])
        if p.noun_before.search(before):
            hit.evidence = "noun"
            hit.noun_kind = _noun_kind(p, p.noun_before.search(before).group())  # type: ignore[union-attr]
        elif p.before.search(before):
            hit.evidence = "locative"
        elif p.leaving is not None and p.leaving.search(before):
            hit.evidence = "leaving"
        if p.noun_after is not None:
            after = _noun_after(text, p, hit.start, hit.end, known=True)
            if after:
                hit.evidence = hit.evidence or "noun"
                hit.noun_kind = p.nouns.get(fold(after.group("noun")))
        bracket = _BRACKET.match(text, hit.end, hit.end + 90)
        if bracket and "," in bracket.group(1):
            hit.evidence = hit.evidence or "bracket"
            hit.parents = tuple(part.strip() for part in bracket.group(1).split(",") if part.strip())
        slot = _bracket_slot(text, hit.start, hit.end)
        if slot is not None and not (bracket and "," in bracket.group(1)):
            hit.evidence = hit.evidence or "bracket"
            hit.noun_kind = hit.noun_kind or slot


def _noun_after(text: str, p: _Patterns, start: int, end: int, *, known: bool = False) -> re.Match[str] | None:
    """A place noun after a name ("Kitgum district"), unless the name is an adjective before it ("a Sunni town",
    "the Shiite city of Karbala")."""
    if p.noun_after is None:
        return None
    found = p.noun_after.match(text, end, end + 40)
    if found is None:
        return None
    if not known and p.link_after is not None and p.link_after.match(text, found.end(), found.end() + 12):
        return None
    if p.indefinite_before.search(text, max(0, start - 24), start):
        return None
    return found


def _noun_kind(p: _Patterns, phrase: str) -> str | None:
    for word in reversed(fold(phrase).split()):
        if word in p.nouns:
            return p.nouns[word]
    folded = fold(phrase)
    for noun, kind in p.nouns.items():
        if noun in folded:
            return kind
    return None


def _inside_bracket(text: str, start: int, end: int) -> bool:
    """"Bacaadweyne" of "Bacaadley (Bacaadweyne, Mudug)": a name in a bracket of names after a name."""
    return _bracket_slot(text, start, end) is not None


def _bracket_slot(text: str, start: int, end: int) -> str | None:
    """Which division a name in ACLED's bracket of parents is: the last one the first-order, the others the second."""
    opening = text.rfind("(", max(0, start - 60), start)
    if opening == -1 or ")" in text[opening:start] or "\n" in text[opening:start]:
        return None
    closing = text.find(")", end, end + 60)
    if closing == -1 or "(" in text[end:closing] or "," not in text[opening:closing] \
            or not re.search(r"\w\s*$", text[max(0, opening - 40):opening]):
        return None
    return ADMIN1 if "," not in text[end:closing] else ADMIN2


def _country_context(entities: list[Entity], hits: list[_Hit]) -> tuple[dict[str, float], dict[str, float]]:
    """How strongly the text points at each country: through its countries, adjectives, actors and places;
    and through the tables' entries alone (without GeoNames names, whose country is itself a guess)."""
    w = world()
    tally: dict[str, float] = {}

    def add(country: str | None, weight: float) -> None:
        if country:
            tally[country] = tally.get(country, 0.0) + weight

    for entity in entities:
        if entity.kind in ("adjective", "demonym"):
            add(entity.name, 1.0)
        elif entity.kind == "place":
            ref = entity.place or ref_for_name(entity.name)
            add(ref.country if ref else w.country_of(entity.name), 1.0)
        elif entity.kind == "actor":
            row = w.actors.get(entity.name)
            add(row.get("country") if row else None, 0.5)
    g = gazetteer()
    strong = dict(tally)  # what the tables alone say
    for hit in hits:
        countries = {g.place(i).country_code for i in hit.entries}
        if len(countries) == 1 and hit.evidence:
            add(_country_name(countries.pop()), 0.5)
    return tally, strong


def _accept(text: str, p: _Patterns, hits: list[_Hit], context: dict[str, float]) -> list[_Hit]:
    """The GeoNames names that are places here: with evidence, sure, or listed with an accepted place."""
    g = gazetteer()
    accepted: list[_Hit] = []
    for hit in hits:
        surface = text[hit.start:hit.end]
        if surface.isupper() and len(surface) <= 5:
            continue  # an acronym: UPDF, LRA
        if p.people_after.match(text, hit.end, hit.end + 30) or _before_and_people(text, p, hit.end) \
                or p.count_before.search(text, max(0, hit.start - 16), hit.start):
            continue  # "Pokot raiders", "Borana and Gabra communities", "6 Kikuyu"
        if hit.evidence:
            accepted.append(hit)
            continue
        if fold_key(surface) in p.peoples and not _parent_of_a_name(text, p, hit.start):
            continue  # "clashes between Kikuyu and Maasai": a people, not the town of that name
        if accepted and p.list_gap.match(text[accepted[-1].end:hit.start]) and hit.start - accepted[-1].end < 12:
            hit.evidence = "list"
            accepted.append(hit)
            continue
        best = max((g.place(i) for i in hit.entries), key=lambda e: e.population)
        in_context = any(context.get(_country_name(g.place(i).country_code), 0) >= 1 for i in hit.entries)
        initial = _sentence_initial(text, hit.start)
        if best.population >= 100_000 and not initial or (in_context and best.population >= 20_000 and not initial):
            hit.evidence = "sure"
            accepted.append(hit)
    return accepted


_NAME_THEN_PARENT = re.compile(rf"([{_UPPER}][\w'’-]*)(?:[ \t]+[\w'’-]+)?\s*[,(]\s*$")


def _parent_of_a_name(text: str, p: _Patterns, start: int) -> bool:
    """Whether a name stands as the parent of the name before it ("Marti, Samburu", "Kaakong (Turkana)"), that
    name not itself a people ("the Pokot, Turkana and Samburu")."""
    found = _NAME_THEN_PARENT.search(text, max(0, start - 40), start)
    return found is not None and fold_key(found.group(1)) not in p.peoples \
        and fold_key(found.group(1)) not in p.openers_and_not_places


def _before_and_people(text: str, p: _Patterns, end: int) -> bool:
    """"Borana and Gabra communities": a name coordinated with another before a people noun."""
    m = re.match(r"\s+\w+\s+[A-Z][\w'’-]*(?=\s)", text[end:end + 40])
    if m is None:
        return False
    return p.list_gap.match(" " + m.group().split()[0] + " ") is not None \
        and p.people_after.match(text, end + m.end(), end + m.end() + 30) is not None


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _variants_of(name: str) -> list[str]:
    """A GeoNames main name and its forms without a leading article (see ``gazetteer``)."""
    from .gazetteer import _variants

    return list(_variants(name, _words_cached()))


@functools.cache
def _words_cached() -> Any:
    from .gazetteer import _words

    return _words()


NEIGHBOURS = 6  # places either side whose choice helps choose a namesake
NEAR_KM = 150.0
FAR_KM = 1000.0


def _resolve(hits: list[_Hit], context: dict[str, float], strong: dict[str, float], text: str, p: _Patterns,
             table: list[Entity]) -> list[PlaceRef | None]:
    """Each accepted name's namesake: chosen alone first, then again beside its neighbours' first choices
    and the tables' places named near it."""
    table_starts = [e.start for e in table]
    first = []
    for hit in hits:
        index = bisect.bisect_left(table_starts, hit.start)
        near = [e.place for e in table[max(0, index - NEIGHBOURS):index + NEIGHBOURS]
                if e.place is not None and abs(e.start - hit.start) < 300]
        first.append((_choose(hit, context, strong, text, p, near), near))
    # The parent named right after a name ("Kamyanka, Donetsk", "Islamabad area of Alishing district"): the
    # next place, a table's or another name's first choice.
    following = sorted([(e.start, e.end, e.place) for e in table] +
                       [(h.start, h.end, place) for h, (place, _) in zip(hits, first)], key=lambda item: item[0])
    following_starts = [item[0] for item in following]
    result: list[PlaceRef | None] = []
    for index, hit in enumerate(hits):
        parent = _parent_after(text, p, hit, following, following_starts)
        around = [(other, place) for other, (place, _) in zip(hits[max(0, index - NEIGHBOURS):index + NEIGHBOURS + 1],
                                                              first[max(0, index - NEIGHBOURS):index + NEIGHBOURS + 1])
                  if other is not hit and place is not None and abs(other.start - hit.start) < 300]
        neighbours = [place for _, place in around]
        # A name taken for a place on its population alone ("Tana" of "the Tana delta" read as Antananarivo)
        # helps choose its neighbours' namesakes but does not rule one out by its distance.
        firm = [place for other, place in around if other.evidence != "sure"] + first[index][1]
        result.append(_choose(hit, context, strong, text, p, neighbours + first[index][1], firm, parent))
    return result


_PARENT_KINDS = frozenset({CITY, ADMIN1, ADMIN2, "city", "town", "district", "province", "region"})


def _parent_after(text: str, p: _Patterns, hit: _Hit, following: list[tuple[int, int, PlaceRef | None]],
                  starts: list[int]) -> PlaceRef | None:
    """The parent named right after a name: "Kamyanka, Donetsk", "Cawayan, Masbate.", "Deh-e Now area of
    Mohammad Agha district, Logar" (the first place after it), not the next place of a list ("Kabul, Kandahar
    and Herat") nor a bracket's divisions (read as such), nor a country."""
    if hit.parents:
        return None
    index = bisect.bisect_left(starts, hit.end)
    if index >= len(following):
        return None
    start, end, ref = following[index]
    if ref is None or start - hit.end > 40 or ref.kind not in _PARENT_KINDS or ref.latitude is None \
            or p.parent_after.match(text[hit.end:start]) is None or p.list_after.match(text, end, end + 40):
        return None
    return ref


_DIVISION_LINKS = frozenset({"of", "de", "du", "la", "the"})


def _same_division(a: str, b: str) -> bool:
    """Whether two folded division names name one division: equal, or one is the other with its generic words
    ("kitgum" and "kitgum district", "hadramawt" and "muhafazat hadramawt"), not a longer name that starts
    with a shorter one ("tana" is not "tana river").

    >>> _same_division("kitgum", "kitgum district"), _same_division("tana", "tana river")
    (True, False)
    """
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    if not short or len(short) == len(long):
        return False
    words = _words_cached()
    generic = words.affixes | words.articles | _DIVISION_LINKS
    for first in range(len(long) - len(short) + 1):
        if long[first:first + len(short)] == short:
            rest = " ".join(long[:first] + long[first + len(short):])
            if all(w in generic for w in long[:first] + long[first + len(short):]) or rest in generic:
                return True
    return False


def _choose(hit: _Hit, context: dict[str, float], strong: dict[str, float], text: str, p: _Patterns,
            neighbours: list[PlaceRef], firm: list[PlaceRef] | None = None,
            parent: PlaceRef | None = None) -> PlaceRef | None:
    """The namesake a text means: by the divisions named with it (a bracket, its neighbours), its neighbours'
    positions, the text's countries, the noun, the countries of the tables, the population (a town's own, or
    that of the division it names). None when every namesake lies in a country
    the text does not speak of while it speaks of another (a village unknown to GeoNames that shares a
    city's name)."""
    g = gazetteer()
    parents = {fold_key(part) for part in hit.parents} | {fold_key(n.name) for n in neighbours
                                                         if n.kind in (ADMIN1, ADMIN2, "province", "region")}
    if parent is not None:
        parents |= {fold_key(name) for name in (parent.name, parent.admin1) if name}
    best: tuple[Any, ...] | None = None
    chosen: GeoPlace | None = None
    key = fold_key(text[hit.start:hit.end])
    known_countries = _countries()[1]
    for number in hit.entries:
        place = g.place(number)
        country = _country_name(place.country_code)
        divisions = {fold_key(d) for d in (place.admin1, place.admin2) if d}
        named = sum(1 for part in parents if any(_same_division(part, d) for d in divisions))
        closest = min((distance_km(place.latitude, place.longitude, n.latitude, n.longitude) for n in neighbours
                       if n.latitude is not None and n.longitude is not None), default=math.inf)
        near = 2 if closest <= NEAR_KM / 3 else 1 if closest <= NEAR_KM else 0
        wanted = hit.noun_kind
        # "the X area" is a town's surroundings or a division: either fits ("the Samburu area": the county)
        kind_fits = (wanted in (ADMIN1, ADMIN2) and place.kind == wanted) or \
            (wanted not in (ADMIN1, ADMIN2) and place.kind == CITY) or (wanted == "area" and place.kind != CITY)
        weight = context.get(country, 0.0)
        # A place called so by its main name before one that has the name among its alternate names
        # ("Kuito" of Angola, not Quito, which some languages write "Kuito").
        main = key in {fold_key(v) for v in _variants_of(place.name)}
        # Without a country in the text, a namesake in a country of the tables (the countries whose conflicts
        # the package reads) before one elsewhere: "Kithimu (Embu county)" is in Kenya, not Embu of Brazil.
        known = country in known_countries
        # A town that gives its name to its division weighs as much as the division ("in Kwale": the seat of
        # Kwale county of Kenya, not a larger Kwale of another country).
        population = max((g.place(other).population for other in hit.entries if other != number
                          and g.place(other).kind in (ADMIN1, ADMIN2) and g.place(other).country_code ==
                          place.country_code and place.kind == CITY
                          and (place.admin1 is None or g.place(other).admin1 == place.admin1)),
                         default=place.population)
        score = (named, near, weight > 0, kind_fits, main, known, weight, max(population, place.population))
        if best is None or score > best:
            best, chosen = score, place
    if chosen is None or best is None:
        return None
    country = _country_name(chosen.country_code)
    others = max((w for c, w in context.items() if c != country), default=0.0)
    # A large city is named by its main name; a village of the text may share an alternate name with it
    # ("Kom, Isiolo County" is not Qom).
    # A neighbourhood, camp or village is never a city of another country ("de wijk al-Jadida" of Mosul is not
    # El Jadida of Morocco).
    weak = chosen.population < 100_000 or not best[4] or hit.noun_kind in ("neighbourhood", "camp", "village")
    # A name taken for a place on a large namesake's population is sure of that namesake only: "Turan" (an
    # old name of Da Nang) in a text on Nigeria is not the village Turan of Russia.
    sure = hit.evidence == "sure" and (chosen.population >= 100_000 or context.get(country, 0.0) >= 1
                                       and chosen.population >= 20_000)
    # The namesake's country may be supported by nothing but this name itself (0.5 in the context).
    if not best[0] and not best[1] and (context.get(country, 0.0) <= 0 and others >= 0.5
                                        or context.get(country, 0.0) <= 0.5 and others >= 1.0) \
            and not sure and hit.evidence != "list" and weak:
        return None  # a namesake in a country the text does not speak of, while it speaks of another
    if parent is not None and len(hit.entries) > 1 and not _inside(chosen, parent):
        return None  # "Kamyanka, Donetsk": not the Kamyanka of Cherkasy; a village of Donetsk GeoNames does not know
    firm = neighbours if firm is None else firm
    if hit.evidence != "sure" and firm and not best[0] and not best[1] and all(
            n.latitude is not None and n.longitude is not None
            and distance_km(chosen.latitude, chosen.longitude, n.latitude, n.longitude) > FAR_KM for n in firm):
        return None  # "(Mifi, Ouest)" after a town of Cameroon: not the Ouest of Haiti; "Fino, Mandera county"
    precision = NEAR if p.near.search(text[max(0, hit.start - 48):hit.start]) and chosen.kind == CITY else None
    if chosen.kind in (ADMIN1, ADMIN2):
        # A division named after its town is placed at the town (as ACLED places it at a province's capital),
        # with the division's precision.
        town = max((g.place(i) for i in hit.entries if g.place(i).kind == CITY
                    and g.place(i).country_code == chosen.country_code and g.place(i).admin1 == chosen.admin1),
                   key=lambda t: t.population, default=None)
        if town is not None:
            return PlaceRef(chosen.name, _country_name(chosen.country_code), chosen.admin1, town.latitude,
                            town.longitude, _KIND_PRECISION[chosen.kind], chosen.kind)
    return _geo_ref(chosen, precision=precision)


def _inside(place: GeoPlace | PlaceRef, parent: PlaceRef) -> bool:
    """Whether a place lies in the parent named after it: within ``NEAR_KM / 3`` of its point; else, for a
    division, in its first-order division (where the place's is unknown, in its country); for a town, within
    ``NEAR_KM`` of it and in its first-order division.

    >>> kabul = PlaceRef("Kabul", "Afghanistan", "Kabul Province", 34.53, 69.17, 1, "city")
    >>> _inside(PlaceRef("Paghman", "Afghanistan", "Kabul", 34.59, 68.95, 1, "city"), kabul)
    True
    >>> _inside(PlaceRef("Islamabad", "Pakistan", "Islamabad", 33.72, 73.04, 1, "city"), kabul)
    False
    """
    if place.latitude is None or place.longitude is None or parent.latitude is None or parent.longitude is None:
        return True
    distance = distance_km(place.latitude, place.longitude, parent.latitude, parent.longitude)
    if distance <= NEAR_KM / 3:
        return True
    region = parent.name if parent.kind in (ADMIN1, "province") else parent.admin1
    same = _same_division(fold_key(place.admin1), fold_key(region)) if place.admin1 and region else None
    if parent.kind in (CITY, "city", "town"):
        return distance <= NEAR_KM and same is not False
    if same is not None:
        return same
    country = place.country if isinstance(place, PlaceRef) else _country_name(place.country_code)
    return distance <= NEAR_KM or country == parent.country


def _unknown_places(text: str, p: _Patterns, unknown: list[tuple[int, int, str]],
                    known: list[Entity]) -> Iterator[tuple[int, int]]:
    """Capitalised names no gazetteer knows, in a context that makes them places."""
    starts = [e.start for e in known]
    for start, end, evidence in unknown:
        if evidence == "namesake":
            yield start, end
            continue
        surface = text[start:end]
        if not surface.strip() or surface.isupper() and len(surface) <= 5:
            continue
        before = text[max(0, start - 48):start]
        strong = p.noun_before.search(before) is not None or _noun_after(text, p, start, end) is not None
        if not strong:
            bracket = _BRACKET.match(text, end, end + 90)
            strong = bool(bracket and "," in bracket.group(1)) or _inside_bracket(text, start, end)
        if not strong and not _sentence_initial(text, start):
            if p.near.search(before):
                strong = True
            elif p.before.search(before):
                # "in Kamuge, Turkana" or "in Kamuge in Turkana East": a known place follows as its parent.
                index = bisect.bisect_left(starts, end)
                strong = index < len(known) and known[index].start - end < 30 and \
                    p.parent_gap.match(text, end, end + 30) is not None
        if strong and not (p.people_after.match(text, end, end + 30) or _before_and_people(text, p, end)
                           or p.count_before.search(text, max(0, start - 16), start)):
            yield start, end


# Between a name and its parent: "Surobi district, Kabul", "Kamuge village in Turkana", "Nacutuco (Mucojo, ...".
_PARENT_GAP = re.compile(r"(?:[\s-]+[\w-]+)?\s*(?:,|\(|\s+\w{2,3}\s+(?:\w+\s+)?)\s*$")


def _unknown_ref(text: str, p: _Patterns, start: int, end: int, known: list[Entity], starts: list[int],
                 context: dict[str, float]) -> PlaceRef | None:
    """An unknown place: the coordinates of its parent (the next place named after it, else the one before,
    else the text's country) and a precision saying so."""
    name = text[start:end].strip()
    noun = _noun_after(text, p, start, end)
    kind = p.nouns.get(fold(noun.group("noun"))) if noun else None
    if kind is None:
        before = p.noun_before.search(text[max(0, start - 48):start])
        kind = _noun_kind(p, before.group()) if before else None
    kind = kind or _bracket_slot(text, start, end) or "village"
    index = bisect.bisect_left(starts, end)
    parent: PlaceRef | None = None
    for position, entity in enumerate(known[index:index + 3]):
        if entity.start - end > 120:
            break
        joined = position == 0 and (_PARENT_GAP.match(text, end, entity.start) is not None
                                    or p.parent_after.match(text[end:entity.start]) is not None)
        if entity.place is not None and (entity.place.rank >= _KIND_RANK.get(kind, 1) or joined):
            parent = entity.place
            break
    if parent is None:
        for entity in reversed(known[max(0, index - 4):index]):
            if start - entity.end > 1000:
                break
            if entity.place is not None and entity.place.kind == "country":
                continue  # a country named in passing is no parent while a place of it stands before
            # a province before a village; a city before a neighbourhood of it ("Mosul ... in de wijk al-Jadida")
            if entity.place is not None and entity.place.rank >= max(2 if kind != "neighbourhood" else 0,
                                                                     _KIND_RANK.get(kind, 1)):
                parent = entity.place
                break
    if parent is None and context:
        parent = _country_ref(max(context.items(), key=lambda item: item[1])[0])
    if parent is None:
        return PlaceRef(name, None, None, None, None, COUNTRY_PRECISION, kind)
    precision = max(NEAR if parent.precision == EXACT else parent.precision, _KIND_PRECISION.get(kind, EXACT))
    if kind in (ADMIN1, ADMIN2) and parent.kind not in (ADMIN1, ADMIN2, "province", "region", "country"):
        precision = max(precision, ADMIN1_PRECISION)  # "Surobi district, Kabul": the province of that name
    admin1 = parent.admin1 if parent.kind != ADMIN1 else parent.name
    if parent.kind == "province":
        admin1 = parent.name
    if parent.rank <= _KIND_RANK.get(kind, 1) and kind not in (ADMIN1, ADMIN2):
        kind = "village"  # "the town of Kawlin in Sagaing": inside its parent, so more specific than it
    return PlaceRef(name, parent.country, admin1, parent.latitude, parent.longitude, precision, kind)


# --------------------------------------------------------------------------
# The place of a fact
# --------------------------------------------------------------------------

WINDOW = 400  # characters either side of a fact within which its places are looked for
LOOK_BACK = 24  # place entities looked at before a sentence, at most


def event_place(doc: "Document", start: int, end: int, *, sentence: "Sentence",
                fallback: PlaceRef | None = None) -> PlaceRef | None:
    """The place of the fact at ``doc.text[start:end]``, or None.

    A place named within ``[start, end)`` is the fact's place (a territory claim
    passes the span of its place). Else the most specific place of the sentence
    near the fact (within ``WINDOW`` characters), then the nearest: not a point of
    reference (a dateline, a base, a bearing) and not a speaker ("according to
    Kyiv", "Washington said"); a capital named as "de Syrische hoofdstad" counts,
    and a country named as "het Syrische conflict". Without one, the last place
    named before the sentence (up to ``LOOK_BACK`` places back), else
    ``fallback``. Time and memory are bounded per call: the entities are found by
    bisection and only a bounded number are looked at.
    """
    entities = doc.within(doc.entities, max(sentence.start, start - WINDOW), min(sentence.end, end + WINDOW),
                          "entities")
    inside = [e for e in entities if e.kind == "place" and start <= e.start and e.end <= end and e.place is not None]
    if inside:
        return min(inside, key=lambda e: e.place.rank if e.place else 9).place
    p = _patterns(doc.lang)
    candidates: list[tuple[int, bool, int, PlaceRef, Entity | None]] = []
    child: Entity | None = None  # the last usable place, whose parent may follow it
    for entity in entities:
        if entity.kind == "place":
            usable, locative, ref = _read_place(doc, entity, p)
            if not usable or ref is None:
                continue
            if child is not None and (_names_parent_of(doc.text, p, child, entity)
                                      or _near_reference_of(doc.text, p, child, entity)):
                child = entity
                continue  # "in Surobi district, Kabul": the district is the place, Kabul the province it lies in
            child = entity
            capital = _capital_named(doc, entity, ref, p)
            if capital is not None:
                candidates.append((capital.rank, False, abs(entity.start - start), capital, None))
                continue
            # Of places equally specific, one named where something happened ("in Nairobi") before one
            # named otherwise ("a bus that left for Kampala").
            candidates.append((ref.rank, not locative, abs(entity.start - start), ref, entity))
        elif entity.kind == "adjective":
            ref = _described(doc, entity, p)
            if ref is not None and not (child is not None and _near_reference_of(doc.text, p, child, entity)):
                candidates.append((ref.rank, False, abs(entity.start - start), ref, None))
    if candidates:
        best = min(candidates, key=lambda c: c[:3])
        return (_common_place(doc, best[4], best[3], p) if best[4] is not None else None) or best[3]
    return _bearing(doc, entities, start, p) or _earlier(doc, sentence.start, p) or fallback


def _common_place(doc: "Document", entity: Entity, ref: PlaceRef, p: _Patterns) -> PlaceRef | None:
    """The place of a fact named with a list of places ("in Urozgan and Paktiya", "in the deserts of Deir Ezzor,
    Homs, and Al-Suwaidaa", "the triangle of Aleppo-Hama-Raqqa"): the one country they lie in (their
    first-order division where they share one the tables know); None when the place is no member of a list,
    or its members lie in several countries."""
    if "entities" not in doc._starts:
        doc._starts["entities"] = [e.start for e in doc.entities]
    index = bisect.bisect_left(doc._starts["entities"], entity.start)
    refs = [ref]
    joined = False  # a coordinator or a hyphen joins two of them: "A, B" alone is a place and its parent
    for step in (1, -1):
        current, position = entity, index + step
        while 0 <= position < len(doc.entities):
            other = doc.entities[position]
            left, right = (current, other) if step == 1 else (other, current)
            if other.kind != "place" or p.list_between.match(doc.text[left.end:right.start]) is None \
                    or right.start - left.end > 60 or _names_parent_of(doc.text, p, left, right):
                break  # not a list, or a place and its parent ("Ghoryan district center, Herat")
            usable, _, other_ref = _read_place(doc, other, p)
            if not usable or other_ref is None or (other_ref.rank >= 2) != (ref.rank >= 2) \
                    or other_ref.kind == "country":
                break
            refs.append(other_ref)
            joined = joined or re.fullmatch(r"[\s,]*", doc.text[left.end:right.start]) is None
            current, position = other, position + step
    if not joined or len(refs) < 2 or len({r.name for r in refs}) < 2 or len({r.country for r in refs}) != 1:
        return None
    shared = common_place(refs)
    if shared is not None and shared.kind not in (ADMIN1, "province", "region"):
        return shared  # "de wijken Hajar al-Aswad en Qadam": Damascus
    if ref.latitude is not None and ref.longitude is not None and all(
            r.latitude is not None and r.longitude is not None for r in refs):
        # "from Ngoshe and Guva", "in Kitgum and Pader": places of one area, placed at the one nearest the fact
        # with the precision of their spread (UCDP 2 within 25 km, 3 within a second-order division's size)
        spread = max(distance_km(r.latitude, r.longitude, ref.latitude, ref.longitude)  # type: ignore[arg-type]
                     for r in refs)
        if spread <= LIST_AREA_KM:
            precision = NEAR if spread <= NEAR_BEARING_KM else ADMIN2_PRECISION
            return PlaceRef(ref.name, ref.country, ref.admin1, ref.latitude, ref.longitude,
                            max(ref.precision, precision), ref.kind)
    return shared or _country_ref(ref.country)


def common_place(refs: Sequence[PlaceRef]) -> PlaceRef | None:
    """The most specific place that holds every one of ``refs`` (one of them, or a place of the tables they lie
    in: "Hallalé" and "Soum" are in Soum), below their country; None when there is none.

    >>> [common_place([ref_for_name("Kabul"), ref_for_name("Kabul Province")]).name]
    ['Kabul Province']
    """
    if not refs or len({r.country for r in refs}) != 1:
        return None
    lines = [_ancestors(r) for r in refs]
    for name in lines[0]:
        if all(name in line for line in lines[1:]):
            shared = next((r for r in refs if r.name == name), None) or \
                (ref_for_name(name) if name in world().places else _division_ref(name, refs[0].country))
            return shared if shared is not None and shared.kind != "country" else None
    return None


def _division_ref(name: str, country: str | None) -> PlaceRef | None:
    """A first-order division of GeoNames by its name, placed as ``_choose`` places one (at its town of that
    name, else at the mean of its places)."""
    g = gazetteer()
    found = [place for place in g.lookup(name) if _country_name(place.country_code) == country]
    division = next((place for place in found if place.kind == ADMIN1), None)
    if division is None:
        return None
    town = next((place for place in found if place.kind == CITY and place.admin1 == division.admin1), None)
    point = town or division
    return PlaceRef(division.name, country, division.admin1, point.latitude, point.longitude, ADMIN1_PRECISION,
                    ADMIN1)


def _ancestors(ref: PlaceRef) -> list[str]:
    """A place and the places it lies in, the most specific first: the tables' parents, then its first-order
    division."""
    places = world().places
    line: list[str] = []
    current = places.get(ref.name) if ref.kind not in (ADMIN1, ADMIN2) else None
    while current is not None and current.name not in line and len(line) < 8:
        line.append(current.name)
        current = places.get(current.parent or "")
    if not line:
        line.append(ref.name)
    if ref.admin1 and ref.admin1 not in line:
        line.append(ref.admin1)
    return line


def _near_reference_of(text: str, p: _Patterns, child: Entity, entity: Entity) -> bool:
    """Whether ``entity`` is named as the point a place just before it lies near ("the Hajar al-Aswad district on
    the outskirts of Damascus", "Oost-Ghouta, een regio aan de rand van de Syrische hoofdstad"): a reference,
    not the place."""
    # the near words, an adjective and a noun at most between them and the name ("de Syrische hoofdstad Damascus")
    near = None
    position = entity.start
    for _ in range(3):
        near = p.near.search(text, max(child.end, position - 48), position)
        if near is not None:
            break
        word = re.search(r"[\w'’-]+\s+$", text[max(child.end, position - 30):position])
        if word is None:
            break
        position -= len(word.group())
    if near is None:
        return False
    # between them the place's noun or an apposition ("Oost-Ghouta, een regio aan de rand van"), not a clause
    # ("Puntland forces ambushed a base near") nor a bare comma ("in Garissa, near Hagadera refugee camp")
    return p.apposition.fullmatch(text[child.end:near.start()]) is not None


def _names_parent_of(text: str, p: _Patterns, child: Entity, entity: Entity) -> bool:
    """Whether ``entity`` is named as the parent of the place just before it ("Surobi district, Kabul", "Zardana
    in Idlib"), not as the next place of a list ("Kabul, Kandahar and Herat")."""
    return 0 <= entity.start - child.end <= 40 and p.parent_after.match(text[child.end:entity.start]) is not None \
        and p.list_after.match(text, child.end, child.end + 60) is None


LIST_AREA_KM = 100.0  # places of a list this close are one area: the fact is placed at one of them
NEAR_BEARING_KM = 25.0  # UCDP precision 2: within about 25 km of the named point
FAR_BEARING_KM = 50.0  # farther than this, a bearing's point is no place of the fact


def _bearing(doc: "Document", entities: Sequence[Entity], start: int, p: _Patterns) -> PlaceRef | None:
    """A fact whose only place is a point of reference at a stated distance ("11 km north of Garba Tula"):
    near that point, with precision 2 within 25 km, 3 within 50 km; None for a farther point or none."""
    if p.distance_before is None:
        return None
    found: list[tuple[int, PlaceRef]] = []
    for entity in entities:
        if entity.kind != "place":
            continue
        m = p.distance_before.search(doc.text, max(0, entity.start - 90), entity.start)
        if m is None:
            continue
        ref = entity.place or ref_for_name(entity.name)
        if ref is None or ref.latitude is None or _is_speaker(doc, entity, p):
            continue
        try:
            km = float(m.group("number").replace(",", ".")) * float(p.distance_units.get(fold(m.group("unit")), 1.0))
        except ValueError:
            continue
        if km > FAR_BEARING_KM:
            continue
        precision = NEAR if km <= NEAR_BEARING_KM else ADMIN2_PRECISION
        found.append((abs(entity.start - start), PlaceRef(ref.name, ref.country, ref.admin1, ref.latitude,
                                                           ref.longitude, max(ref.precision, precision), ref.kind)))
    return min(found, key=lambda item: item[0])[1] if found else None


def _read_place(doc: "Document", entity: Entity, p: _Patterns) -> tuple[bool, bool, PlaceRef | None]:
    """Whether a place entity may be a fact's place (not a reference, not a speaker), whether it is named in a
    locative context, and its reference: read once per entity and document."""
    from .document import is_reference_place

    notes: dict[tuple[int, int], tuple[bool, bool, PlaceRef | None]] = doc.__dict__.setdefault("_place_notes", {})
    key = (entity.start, entity.end)
    found = notes.get(key)
    if found is None:
        ref = entity.place or ref_for_name(entity.name)
        usable = ref is not None and not is_reference_place(doc, entity) and not _is_speaker(doc, entity, p) \
            and not _on_a_route(doc, entity, p)
        locative = usable and p.before.search(doc.text, max(0, entity.start - 48), entity.start) is not None
        found = notes[key] = (usable, locative, ref)
    return found


def _on_a_route(doc: "Document", entity: Entity, p: _Patterns) -> bool:
    """A place named as the start or the end of a journey ("a bus bound for Mandera", "travelling from Merti
    to Isiolo"), or as a side of a border ("along the Isiolo-Garissa border"), not where the event was."""
    text = doc.text
    line = max(0, text.rfind("\n", 0, entity.start) + 1, entity.start - 60)
    if p.route_before is not None and p.route_before.search(text, line, entity.start) is not None:
        return True
    if p.border_after is not None and p.border_after.match(text, entity.end, entity.end + 60) is not None:
        return True
    return p.border_before is not None and p.border_before.search(text, line, entity.start) is not None


def _capital_named(doc: "Document", entity: Entity, ref: PlaceRef, p: _Patterns) -> PlaceRef | None:
    """"Somalia's capital", "the capital of Somalia", "de hoofdstad van Somalië": the country's capital."""
    if ref.precision != 6 or not ref.country:
        return None
    if not (p.capital_named.match(doc.text, entity.end)
            or p.capital_of.search(doc.text, max(0, entity.start - 30), entity.start)):
        return None
    return ref_for_name(world().capital(ref.country))


def _described(doc: "Document", entity: Entity, p: _Patterns) -> PlaceRef | None:
    """"de Syrische hoofdstad" (the capital of Syria), "het Syrische conflict" (Syria)."""
    noun = re.match(r"\s+(\S+)", doc.text[entity.end:entity.end + 30])
    if not noun:
        return None
    word = noun.group(1).rstrip(".,;")
    if p.capital.fullmatch(word):
        return ref_for_name(world().capital(entity.name))
    if p.country_nouns.fullmatch(word):
        return ref_for_name(entity.name) or _country_ref(entity.name)
    return None


def _is_speaker(doc: "Document", entity: Entity, p: _Patterns) -> bool:
    """A place named as who speaks: "according to Kyiv", "Washington said", "Ankara has announced"."""
    text = doc.text
    if p.speaker_before.search(text, max(0, entity.start - 24), entity.start):
        return True
    if p.speaker_after.match(text, entity.end, entity.end + 40) is not None:
        return True
    # "since Turkey launched the offensive", "Rusland bombardeerde": a country or its capital that acts is a
    # side, not the place of the event (a town that "attacked" is not read so: its fighters may have)
    if p.doer_after is None or p.doer_after.match(text, entity.end, entity.end + 40) is None:
        return False
    w = world()
    place = w.places.get(entity.name)
    return place is not None and (place.kind == "country" or bool(place.country)
                                  and w.capital(place.country) == place.name)


def _earlier(doc: "Document", position: int, p: _Patterns) -> PlaceRef | None:
    """The place of the last sentence before ``position`` that names one: its most specific place, the one
    named where something happened first, the last one last (at most ``LOOK_BACK`` places back)."""
    if "entities" not in doc._starts:
        doc._starts["entities"] = [e.start for e in doc.entities]
    index = bisect.bisect_left(doc._starts["entities"], position)
    found: list[tuple[int, bool, int, PlaceRef, Entity]] = []
    boundary: int | None = None
    for entity in reversed(doc.entities[max(0, index - LOOK_BACK):index]):
        if entity.kind != "place" or entity.end > position:
            continue
        if boundary is not None and entity.end <= boundary:
            break  # an earlier sentence than the one that named a place
        usable, locative, ref = _read_place(doc, entity, p)
        if not usable or ref is None:
            continue
        if boundary is None:
            boundary = _sentence_start(doc, entity.start)
        found.append((ref.rank, not locative, position - entity.end, ref, entity))
    if not found:
        return None
    found.sort(key=lambda c: c[4].start)
    kept = found[:1] + [c for before, c in zip(found, found[1:])
                        if not (_names_parent_of(doc.text, p, before[4], c[4])
                                or _near_reference_of(doc.text, p, before[4], c[4]))]
    best = min(kept, key=lambda c: c[:3])
    return _common_place(doc, best[4], best[3], p) or best[3]


AFTER_SENTENCES = 5  # sentences after a figure within which a place of its event is looked for


def place_named_after(doc: "Document", position: int, country: str | None) -> PlaceRef | None:
    """The one place of ``country`` named after ``position``, in the rest of its paragraph and the next (at most
    ``AFTER_SENTENCES`` sentences), where a fact placed only in its country took place: "In het noorden van
    Afghanistan zijn twaalf agenten omgekomen. ... De aanval vond plaats in Pol-e Chomri in de provincie
    Baghlan". Places that hold another of them (the province of the town) give way to it; None when none, or
    when several places are named (the text is then no more specific than the country).
    """
    if not country or not doc.sentences:
        return None
    p = _patterns(doc.lang)
    starts = doc._starts.get("sentences")
    if starts is None:
        starts = doc._starts["sentences"] = [s.start for s in doc.sentences]
    first = bisect.bisect_right(starts, position)
    if first >= len(doc.sentences):
        return None
    paragraphs = {doc.sentences[max(0, first - 1)].paragraph}
    end = position
    for sentence in doc.sentences[first:first + AFTER_SENTENCES]:
        if sentence.paragraph not in paragraphs:
            if len(paragraphs) > 1:
                break
            paragraphs.add(sentence.paragraph)
        end = sentence.end
    refs: list[PlaceRef] = []
    for entity in doc.within(doc.entities, position, end, "entities"):
        if entity.kind != "place":
            continue
        usable, _, ref = _read_place(doc, entity, p)
        if usable and ref is not None and ref.country == country and ref.kind != "country" \
                and ref.latitude is not None:
            refs.append(ref)
    if not refs:
        return None
    finest = {ref.name: ref for ref in refs if not any(_holds(ref, other) for other in refs if other.name != ref.name)}
    return next(iter(finest.values())) if len(finest) == 1 else None


def _holds(outer: PlaceRef, inner: PlaceRef) -> bool:
    """Whether ``outer`` holds ``inner``: a place of the tables it lies in, or its first-order division."""
    if outer.name in _ancestors(inner)[1:]:
        return True
    return outer.kind in (ADMIN1, "province") and inner.admin1 is not None \
        and _same_division(fold_key(outer.name), fold_key(inner.admin1))


def _sentence_start(doc: "Document", position: int) -> int:
    starts = doc._starts.get("sentences")
    if starts is None:
        starts = doc._starts["sentences"] = [s.start for s in doc.sentences]
    index = bisect.bisect_right(starts, position) - 1
    return doc.sentences[index].start if index >= 0 else 0


def main_country(entities: Sequence[Entity]) -> str | None:
    """The country named most often, through its places, adjectives and demonyms."""
    tally: dict[str, int] = {}
    for entity in entities:
        country: str | None = None
        if entity.kind in ("adjective", "demonym"):
            country = entity.name
        elif entity.kind == "place":
            country = entity.place.country if entity.place is not None else world().country_of(entity.name)
        if country:
            tally[country] = tally.get(country, 0) + 1
    return max(tally.items(), key=lambda item: item[1])[0] if tally else None
