"""Load the language data and the world tables, once, and compile their matchers.

Everything the extractors know about a language comes from ``<lang>.toml``;
everything they know about places, countries, actors and sources comes from
the CSV tables beside it. Both are read lazily, on first use, and cached.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    from ..places import PlaceRef

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Entity",
    "Language",
    "Place",
    "StartScanner",
    "World",
    "check_language",
    "language",
    "phrase_alternation",
    "phrase_pattern",
    "phrase_prefixes",
    "world",
]

SUPPORTED_LANGUAGES = ("nl", "en")


def check_language(lang: str | None) -> str:
    """Return ``lang`` if supported, else raise ``ValueError`` naming the supported ones.

    >>> check_language("nl")
    'nl'
    >>> check_language("fr")
    Traceback (most recent call last):
    ...
    ValueError: unsupported language 'fr': supported are 'nl', 'en'
    """
    if lang not in SUPPORTED_LANGUAGES:
        supported = ", ".join(repr(code) for code in SUPPORTED_LANGUAGES)
        raise ValueError(f"unsupported language {lang!r}: supported are {supported}")
    return lang


# --------------------------------------------------------------------------
# Phrase patterns
# --------------------------------------------------------------------------

def _trie_regex(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words`` shaped as a trie (fast on large lists).

    Longer words win over their prefixes because each branch tries to go on
    before it ends.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def walk(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [_escape_char(ch) + walk(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        alternation = "(?:" + "|".join(branches) + ")"
        return alternation + "?" if ends else alternation

    return walk(trie)


def _escape_char(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char in "'’":
        return "['’]"
    return re.escape(char)


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Return a regex alternation of ``phrases`` without word boundaries (to embed in a larger pattern)."""
    cleaned = sorted({p.strip() for p in phrases if p and p.strip()})
    return "(?:" + _trie_regex(cleaned) + ")" if cleaned else r"(?!x)x"


def phrase_pattern(phrases: Iterable[str]) -> str:
    """Return a regex source matching any of ``phrases`` as whole words.

    Spaces match any run of white space; both apostrophes match each other.

    >>> re.search(phrase_pattern(["om het leven", "om"]), "kwamen om het  leven").group()
    'om het  leven'
    """
    cleaned = sorted({p.strip() for p in phrases if p and p.strip()})
    if not cleaned:
        return r"(?!x)x"
    return r"(?<![\w])" + _trie_regex(cleaned) + r"(?![\w])"


def _fold_text(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


_fold_short = functools.lru_cache(maxsize=32768)(_fold_text)


def _fold(text: str) -> str:
    """Fold a matched phrase for dictionary look-up: lower case, single spaces, one apostrophe.

    The extractors fold the same few thousand words over and over: short
    phrases are looked up in a cache.

    >>> _fold("Om  het ’Leven")
    "om het 'leven"
    """
    return _fold_short(text) if len(text) <= 64 else _fold_text(text)


# --------------------------------------------------------------------------
# Scanning a text with a large alternation
# --------------------------------------------------------------------------

def phrase_prefixes(phrases: Iterable[str], *, length: int = 3, source: bool = False) -> str:
    """Return a regex alternation of the first ``length`` characters of ``phrases``.

    Each prefix is escaped as ``phrase_pattern`` escapes the phrase itself
    (spaces match runs of white space, both apostrophes match), so a text
    position where a phrase matches is always a position where its prefix
    matches. With ``source=True`` the phrases are taken to be regex source
    joined unescaped into a pattern: only their leading letters are used, and
    a phrase that does not start with a letter gives a prefix that matches
    everywhere.

    >>> re.match(phrase_prefixes(["om het leven", "omgekomen"]), "Om  Het", re.IGNORECASE).group()
    'Om  '
    >>> phrase_prefixes(["twee", "(?:drie)"], source=True)
    '(?:)'
    """
    cleaned: set[str] = set()
    for phrase in phrases:
        phrase = phrase.strip() if phrase else ""
        if not phrase:
            continue
        if source:
            letters = re.match(r"[^\W\d_]{0,%d}" % length, phrase)
            if not letters or not letters.group():
                return "(?:)"
            cleaned.add(letters.group())
        else:
            cleaned.add(phrase[:length])
    return "(?:" + _trie_regex(sorted(cleaned)) + ")" if cleaned else r"(?!x)x"


class StartScanner:
    """``pattern.finditer(text)``, with ``pattern`` tried only where ``starts`` says a match can begin.

    A large alternation of phrases (every count, every time expression) costs
    the regex engine a try of each branch at every character of a text.
    ``starts`` is a small zero-width pattern that finds the positions where a
    match can begin (a digit, the first letters of a phrase); the large
    pattern is then matched there only (the start pattern guards the large
    one inside a single compiled pattern). The matches are those of
    ``pattern.finditer`` as long as ``starts`` finds every position where
    ``pattern`` can match (a superset is fine): ``tests/test_robustness.py``
    checks this on real and generated texts.
    """

    def __init__(self, pattern: re.Pattern[str], starts: re.Pattern[str]):
        self.pattern = pattern
        self.starts = starts
        # The start pattern is zero-width: as a guard in front of the large one it
        # lets the regex engine skip every other position without a Python loop.
        self._guarded = re.compile(f"(?:{starts.pattern})(?:{pattern.pattern})", pattern.flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """Yield the matches of ``pattern`` in ``text[pos:endpos]``, left to right, without overlaps."""
        return self._guarded.finditer(text, pos, len(text) if endpos is None else endpos)


# --------------------------------------------------------------------------
# Languages
# --------------------------------------------------------------------------

@dataclass
class Language:
    """One language's data, with its phrase lists compiled to regexes."""

    code: str
    data: dict[str, Any]
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def get(self, path: str, default: Any = None) -> Any:
        """Return the value at a dotted ``path`` of the data (``"numbers.vague"``)."""
        node: Any = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def words(self, path: str) -> list[str]:
        """Return the phrase list at ``path`` (keys, for a table)."""
        value = self.get(path, [])
        return list(value.keys()) if isinstance(value, dict) else list(value)

    def table(self, path: str) -> dict[str, Any]:
        """Return the table at ``path`` with folded keys (built once and shared: do not change it)."""
        key = "table:" + path
        if key not in self._cache:
            value = self.get(path, {})
            self._cache[key] = {_fold(k): v for k, v in value.items()}
        found: dict[str, Any] = self._cache[key]
        return found

    def regex(self, *paths: str) -> re.Pattern[str]:
        """Return a compiled, case-insensitive regex matching any phrase of ``paths``."""
        key = "|".join(paths)
        if key not in self._cache:
            phrases = [p for path in paths for p in self.words(path)]
            self._cache[key] = re.compile(phrase_pattern(phrases), re.IGNORECASE)
        compiled: re.Pattern[str] = self._cache[key]
        return compiled

    def lookup(self, *paths: str) -> dict[str, str]:
        """Return folded phrase -> the last path segment it was listed under."""
        key = "lookup:" + "|".join(paths)
        if key not in self._cache:
            table: dict[str, str] = {}
            for path in paths:
                name = path.rsplit(".", 1)[-1]
                for phrase in self.words(path):
                    table.setdefault(_fold(phrase), name)
            self._cache[key] = table
        found: dict[str, str] = self._cache[key]
        return found

    def memo(self, key: str, build: Any) -> Any:
        """Return a derived object cached on this language, built once by ``build()``."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]


@functools.cache
def language(code: str) -> Language:
    """Return the data of language ``code``, read once.

    >>> language("nl").table("numbers.vague")["tientallen"]
    12
    """
    check_language(code)
    raw = resources.files(__package__).joinpath(f"{code}.toml").read_text(encoding="utf-8")
    return Language(code=code, data=tomllib.loads(raw))


fold = _fold


# --------------------------------------------------------------------------
# The world: places, countries, actors and sources
# --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    name: str
    kind: str
    country: str | None
    parent: str | None
    latitude: float | None
    longitude: float | None

    @property
    def rank(self) -> int:
        """How specific the place is: lower is more specific."""
        return _KIND_RANK.get(self.kind, 3)


_KIND_RANK = {"camp": 0, "district": 0, "village": 0, "neighbourhood": 0, "town": 1,
              "city": 1, "province": 2, "region": 2, "country": 4}


@dataclass(frozen=True, slots=True)
class Entity:
    """A named thing found in a text: a place, an actor, a source or a country adjective."""

    start: int
    end: int
    kind: str  # place | actor | source | adjective | demonym
    name: str  # canonical name (for adjectives and demonyms: the country)
    place: "PlaceRef | None" = None  # for places: where it is (set by ``places.find_places``)


class _AliasMatcher:
    """Find aliases of canonical names in text: short capitals exactly, the rest without case.

    One Aho-Corasick pass (``gazetteer.Matcher``) over a folded copy of the text
    finds every candidate; each is then checked as the regular expressions of
    ``_RegexAliasMatcher`` would match it (an exact alias letter for letter, any
    other alias without case, its spaces any run of white space, both
    apostrophes alike, whole words), and each kind of alias is read left to right
    without overlaps, longest first, as ``re.finditer`` reads an alternation.
    ``tests/test_lexicon_tables.py`` checks that both find the same.
    """

    def __init__(self, aliases: dict[str, tuple[str, str]]):
        from ..gazetteer import Matcher, fold_text

        exact = {a: v for a, v in aliases.items() if _is_exact_alias(a)}
        loose = {_fold(a): v for a, v in aliases.items() if not _is_exact_alias(a)}
        self._exact = exact
        self._loose = loose
        keys: dict[str, list[tuple[bool, str]]] = {}
        for alias in exact:
            keys.setdefault(fold_text(alias.strip())[0], []).append((True, alias))
        for alias in loose:
            keys.setdefault(fold_text(alias.strip())[0], []).append((False, alias))
        ordered = sorted(keys)
        self._keys = [keys[k] for k in ordered]
        self._matcher = Matcher(ordered)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """Yield ``(start, end, kind, canonical)`` for every alias in ``text``."""
        exact: list[tuple[int, int, str, str]] = []
        loose: list[tuple[int, int, str, str]] = []
        for start, end, number in self._matcher.finditer(text):
            surface = text[start:end]
            for is_exact, alias in self._keys[number]:
                if is_exact:
                    if surface == alias:
                        kind, name = self._exact[alias]
                        exact.append((start, end, kind, name))
                else:
                    hit = self._loose.get(_fold(surface))
                    if hit is not None:
                        loose.append((start, end, hit[0], hit[1]))
                        break
        yield from _leftmost_longest(exact)
        yield from _leftmost_longest(loose)


def _leftmost_longest(hits: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The hits ``re.finditer`` over their alternation would give: left to right, the longest at each start."""
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, str, str]] = []
    last_end = -1
    for hit in hits:
        if hit[0] >= last_end:
            kept.append(hit)
            last_end = hit[1]
    return kept


class _RegexAliasMatcher:
    """The same aliases as one regular expression (a trie) per kind: the yardstick of ``_AliasMatcher``."""

    def __init__(self, aliases: dict[str, tuple[str, str]]):
        exact = {a: v for a, v in aliases.items() if _is_exact_alias(a)}
        loose = {_fold(a): v for a, v in aliases.items() if not _is_exact_alias(a)}
        self._exact = exact
        self._loose = loose
        self._exact_re = re.compile(phrase_pattern(exact)) if exact else None
        self._loose_re = re.compile(phrase_pattern(loose), re.IGNORECASE) if loose else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str, str]]:
        """Yield ``(start, end, kind, canonical)`` for every alias in ``text``."""
        if self._exact_re is not None:
            for m in self._exact_re.finditer(text):
                kind, name = self._exact[m.group()]
                yield m.start(), m.end(), kind, name
        if self._loose_re is not None:
            for m in self._loose_re.finditer(text):
                hit = self._loose.get(_fold(m.group()))
                if hit is not None:
                    yield m.start(), m.end(), hit[0], hit[1]


def _is_exact_alias(alias: str) -> bool:
    return len(alias) <= 4 and alias.upper() == alias and any(c.isalpha() for c in alias)


def _split(cell: str | None) -> list[str]:
    return [a.strip() for a in (cell or "").split("|") if a.strip()]


def _read_csv(name: str) -> list[dict[str, str]]:
    path = resources.files(__package__).joinpath(name)
    if not path.is_file():
        return []
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


class World:
    """The gazetteer, the countries, the actors and the sources, with one matcher over all."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.countries: dict[str, dict[str, str]] = {}
        self.actors: dict[str, dict[str, str]] = {}
        self.sources: dict[str, dict[str, str]] = {}
        self._place_names: dict[str, set[str]] | None = None
        aliases: dict[str, tuple[str, str]] = {}

        def add(alias: str, kind: str, name: str) -> None:
            # Earlier tables win: a source named like a place stays a source.
            aliases.setdefault(alias, (kind, name))

        for row in _read_csv("sources.csv"):
            self.sources[row["source"]] = row
            for alias in [row["source"], *_split(row.get("aliases"))]:
                add(alias, "source", row["source"])
        for row in _read_csv("actors.csv"):
            self.actors[row["actor"]] = row
            for alias in [row["actor"], *_split(row.get("aliases"))]:
                add(alias, "actor", row["actor"])
        for row in _read_csv("places.csv"):
            self.places[row["place"]] = Place(
                name=row["place"], kind=row.get("kind") or "city",
                country=row.get("country") or None, parent=row.get("parent") or None,
                latitude=_float(row.get("latitude")), longitude=_float(row.get("longitude")))
            for alias in [row["place"], *_split(row.get("aliases"))]:
                add(alias, "place", row["place"])
        for row in _read_csv("countries.csv"):
            self.countries[row["country"]] = row
            for column, value in row.items():
                if column.startswith("adjectives_"):
                    for alias in _split(value):
                        add(alias, "adjective", row["country"])
                elif column.startswith("demonyms_"):
                    for alias in _split(value):
                        add(alias, "demonym", row["country"])
        self.aliases = aliases
        self._matcher = _AliasMatcher(aliases)

    def entities(self, text: str) -> list[Entity]:
        """Return every place, actor, source and country adjective in ``text``, in order.

        Where two overlap, the longer wins (``Syrisch Observatorium`` over ``Syrisch``).
        """
        found = sorted(self._matcher.finditer(text), key=lambda h: (h[0], -(h[1] - h[0])))
        result: list[Entity] = []
        last_end = -1
        for start, end, kind, name in found:
            if start < last_end:
                continue
            result.append(Entity(start, end, kind, name))
            last_end = end
        return result

    def state_forces(self, country: str | None) -> str | None:
        """Return the canonical actor for ``country``'s armed forces."""
        row = self.countries.get(country or "")
        return (row.get("state_forces") or None) if row else None

    def government(self, country: str | None) -> str | None:
        """Return the canonical territorial actor for ``country``'s state."""
        row = self.countries.get(country or "")
        return (row.get("government") or None) if row else None

    def capital(self, country: str | None) -> str | None:
        """Return the canonical capital of ``country``."""
        row = self.countries.get(country or "")
        return (row.get("capital") or None) if row else None

    def actor_group(self, actor: str | None) -> str | None:
        """Return the victim group of a named actor (state forces are ``military``)."""
        if actor is None:
            return None
        row = self.actors.get(actor)
        if row is not None:
            return row.get("victim_group") or "armed_group"
        if any(c.get("state_forces") == actor for c in self.countries.values()):
            return "military"
        return None

    def country_of(self, place: str | None) -> str | None:
        """Return the country a canonical place lies in."""
        entry = self.places.get(place or "")
        return entry.country if entry else None

    def names_of(self, place: str) -> frozenset[str]:
        """A place's name and its other names in the tables, case-folded ("Oromia Region": "oromia", "oromiya").

        >>> sorted(world().names_of("Adamawa State"))[:2]
        ['adamawa', 'adamawa state']
        """
        if self._place_names is None:
            self._place_names = {}
            for alias, (kind, name) in self.aliases.items():
                if kind == "place":
                    self._place_names.setdefault(name, set()).add(alias.casefold())
        return frozenset({place.casefold(), *self._place_names.get(place, ())})


@functools.cache
def world() -> World:
    """Return the world tables, read once."""
    return World()
