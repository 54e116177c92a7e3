"""Territory readers on the clause layer: who takes or holds which place, from whom, by whose account.

:mod:`conflictnews.territory` finds the status phrases of a sentence; this module reads the roles
around each one:

- sides (``Side``): named actors and state forces as the clause layer reads their noun phrases
  (``clauses.phrase_at``), a country or capital that speaks or acts, and sides named by a noun
  ("the militants", "de jihadisten": the armed group the article named before them, else the noun in
  English); each with the preposition it stands after, so that a subject is told from a complement;
- places (``Place``): the gazetteer's places that are not a bearing, a base, a speaker or a modifier
  ("U.S.-backed"), places named by a name the gazetteer does not know where the clause asks for a
  place ("overtook Milimani village"), and places named by description ("de stad", "the capital",
  "het noorden van het land");
- the object of a verb (``Reader.object``): ground, a side, or something that is not ground (people,
  vehicles, weapons, goods), which makes no claim;
- who says so and how sure the text is (``Reader.account``), from the speech and denial frames.

Every word comes from the ``[territory]`` table of ``lexicon/<lang>.toml``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from . import clauses
from .document import Document, is_reference_place
from .lexicon import Entity, Language, fold, language, phrase_alternation, phrase_pattern, world
from .text import Sentence

__all__ = ["Claim", "Context", "Cues", "Hit", "Memory", "Patterns", "Place", "Reader", "Side", "cues",
           "merge_strongholds", "patterns"]


# --------------------------------------------------------------------------
# Records of the reading
# --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Side:
    """A side named in a sentence: who holds, takes, loses or seeks a place."""

    start: int
    end: int
    name: str
    group: str | None      # state, non_state
    prep: str | None       # the preposition before the phrase ("by", "from", "op"); None for a subject
    country: bool = False  # a country named as a side ("Turkey captured ..."): its government


@dataclass(frozen=True, slots=True)
class Place:
    """A place of a claim: canonical when the gazetteer knows it, else its name as written."""

    start: int
    end: int
    name: str
    latitude: float | None = None
    longitude: float | None = None
    ref: Any = None  # the gazetteer's PlaceRef (country, first-order division, precision), when known


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim before it becomes a record."""

    actor: Side | None
    place: Place
    status: str
    start: int
    end: int
    loser: Side | None = None
    past: bool = False
    uncertain: bool = False
    share: float | None = None
    population: int | None = None
    qualifier: str | None = None
    stronghold: bool = False  # the holder named with the place ("the last stronghold of Y", "held by Y", "Y-held")


@dataclass(frozen=True, slots=True)
class Hit:
    """A status phrase: contiguous, or a finite verb and its particle ("namen ... in")."""

    start: int
    end: int
    status: str
    phrase: str
    head_end: int    # end of the first part (``end`` for a contiguous phrase)
    tail_start: int  # start of the last part (``start`` for a contiguous phrase)


@dataclass(frozen=True, slots=True)
class Held:
    """A compound that names the holder before the place ("IS-held", "door IS gecontroleerde", "Houthi-bolwerk")."""

    start: int
    end: int
    suffix: int      # where the suffix starts
    stronghold: bool


@dataclass
class Cues:
    """The status phrases and held compounds of one sentence."""

    hits: list[Hit] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)


@dataclass
class Memory:
    """What the headline named: the body's "de stad" and "the group" may point back to it."""

    places: list[Place] = field(default_factory=list)
    actors: list[Side] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Object:
    """What a verb takes: places, a side, ground without a name, nothing, or what is not ground."""

    kind: str  # places, side, ground, none, not_ground
    end: int
    places: tuple[Place, ...] = ()
    side: Side | None = None
    owner: Side | None = None  # "the Boko Haram camps at X": whose ground it was
    share: float | None = None
    qualifier: str | None = None


# --------------------------------------------------------------------------
# The language's words, compiled once
# --------------------------------------------------------------------------

#: The kinds of a first-order division or more (``PlaceRef.kind``): a bracket naming one after a place says where
#: the place lies.
def _geonames_in(name: str, countries: list[str | None] | None) -> Any:
    """GeoNames' most populous entry named ``name`` in the first of ``countries`` that has one (any country when
    ``countries`` is None), as a ``PlaceRef``."""
    from .gazetteer import gazetteer
    from .places import _country_name, _geo_ref

    entries = gazetteer().lookup(name)
    if countries is None:
        return _geo_ref(entries[0]) if entries else None
    for country in countries:
        inside = [entry for entry in entries if _country_name(entry.country_code) == country]
        if inside:
            return _geo_ref(inside[0])
    return None


#: A bracket of a place and the divisions it lies in: "(Dioura, Tenenkou, Mopti)".
_PLACE_BRACKET = re.compile(r"\(\s*([A-ZÀ-Þ][\w’'-]*(?:\s[A-ZÀ-Þ][\w’'-]*){0,2})\s*,\s*[A-ZÀ-Þ][^()\n,]{1,40}"
                            r"(?:,\s*[A-ZÀ-Þ][^()\n,]{1,40})?\)")
_ACRONYM = re.compile(r"[A-Z]{2,6}")  # an armed force's acronym ("FARDC", "SNA"), not a place's name
_DIVISIONS = frozenset({"admin1", "province", "region", "country"})

#: The kinds of the gazetteer's places (``PlaceRef.kind``) in the words of the curated places table.
_REF_KINDS = {"admin2": "district", "admin1": "province"}

_KINDS = ("controls", "captured", "lost", "contested", "besieged", "seeks_control", "expel", "transfer",
          "not_claims")


@dataclass(frozen=True)
class Patterns:
    """The compiled ``[territory]`` table of one language."""

    lang: str
    status: re.Pattern[str]  # the status phrases and the verbs that open a discontinuous one
    status_of: dict[str, str]
    splits: dict[str, tuple[tuple[re.Pattern[str], str, int], ...]]  # by head: pattern, status, particle's words

    held: re.Pattern[str]
    glued: re.Pattern[str]
    words: dict[str, frozenset[str]]
    phrases: dict[str, re.Pattern[str]]
    descriptions: dict[str, str]
    group_names: dict[str, str]
    articles: frozenset[str]
    forms: dict[str, str]  # regex alternations of the function-word lists (``and_words`` ...), to embed
    cues: re.Pattern[str]
    verb_final: bool


_WORD_LISTS = ("agent_words", "passive_words", "loser_words", "taker_words", "expel_from", "passive_auxiliaries",
               "past_auxiliaries", "past_words", "object_skip", "ground_nouns", "facility_nouns", "people_verbs",
               "prepositions", "relative_words", "place_pronouns", "possessives", "coordinators",
               "antecedent_nouns", "stronghold_nouns", "expel", "capture_nouns", "percent_words",
               "population_nouns", "territory_nouns", "state_nouns", "modifier_suffixes", "intent_words",
               "seeks_control", "held_suffixes", "holder_after", "success_words", "opening_particles", "adverbs",
               "name_modifiers", "side_pronouns", "nearly", "hypothetical", "member_nouns", "plural_nouns",
               "until_words", "condition_words", "near_prepositions", "place_prepositions", "of_words", "from_words",
               "member_prepositions", "indefinite_articles", "indefinite_words", "definite_words", "people_pronouns",
               "continue_words", "passive_gap_words", "and_words", "list_joiners", "clause_joiners",
               "list_place_nouns", "stronghold_prepositions", "plural_endings", "name_particles",
               "head_prepositions", "adjective_endings", "possessive_endings", "progressive_endings", "loss_nouns",
               "siege_nouns", "assault_verbs", "building_nouns",
               "question_words", "pluperfect_auxiliaries", "attacker_nouns", "withdrawal_phrases", "raid_verbs",
               "victim_words", "conjunction_prepositions", "date_prepositions")
_PHRASE_LISTS = ("intent_words", "hedges", "success_words", "list_words", "relative_from", "coordinators", "expel_from",
                 "percent_words", "population_nouns", "territory_nouns", "capture_nouns", "past_words",
                 "modifier_suffixes")


_LIST_RESTS: dict[str, re.Pattern[str]] = {}


def _name_list_rest(p: Patterns) -> re.Pattern[str]:
    """The rest of a list of capitalised names after its first: ", Izge Yamteke and Uba"."""
    found = _LIST_RESTS.get(p.lang)
    if found is None:
        name = r"[A-ZÀ-Þ][\w’'/-]*(?:\s+[A-ZÀ-Þ][\w’'/-]*){0,3}"
        found = _LIST_RESTS[p.lang] = re.compile(
            rf",\s+{name}(?:,\s+{name})*,?\s+(?:{p.forms['list_joiners']})\s+{name}")
    return found


def _compile(data: Language) -> Patterns:
    words = data.words
    status_paths = [f"territory.{kind}" for kind in _KINDS]
    splits: dict[str, list[tuple[re.Pattern[str], str, int]]] = {}
    joiners = phrase_alternation(words("territory.clause_joiners"))
    opening = {fold(w) for w in words("territory.opening_particles")}
    for status in ("captured", "controls", "lost", "contested", "seeks_control", "transfer"):
        for phrase in words(f"territory.split_{status}"):
            head, _, tail = (part.strip() for part in phrase.partition("..."))
            tail_words = fold(tail).split()
            opens = tail_words[-1] in opening or len(tail_words) >= 2 and tail_words[-1] in {
                fold(w) for w in words("territory.prepositions")}
            # The particle ends the clause ("namen gisteren Palmyra in."), unless it opens the place ("om X"); a
            # bracket in between is one word of the gap ("namen Bacaadley (Bacaadweyne, Mudug) in").
            end = "" if opens else r"(?=\s*(?:[,.;:!?)\"”]|$|\b" + joiners + r"\b))"
            splits.setdefault(fold(head), []).append((
                re.compile(phrase_pattern([head]) + r"(?:,?\s+(?:[^\s,;:.!?()\"“”]+|\([^()\n]{1,60}\)))"
                           r"{1,8}?\s+" + phrase_pattern([tail]) + end,
                           re.IGNORECASE), status, len(tail.split())))
    held = phrase_pattern(words("territory.held_suffixes")).replace(r"(?<![\w])", "")
    glued = phrase_alternation(words("territory.stronghold_nouns"))
    folded = {key: frozenset(fold(w) for w in words(f"territory.{key}")) for key in _WORD_LISTS}
    folded["articles"] = frozenset(fold(w) for w in [*words("clauses.articles"), *words("clauses.possessives")])
    folded["openers"] = frozenset(fold(w) for w in words("clauses.openers"))
    folded["time_units"] = frozenset(fold(w) for w in words("time.units"))
    folded["perfect"] = frozenset(fold(w) for w in words("clauses.perfect_auxiliaries"))
    folded["bearings"] = frozenset(fold(w) for w in words("places.reference_words"))
    folded["attack_verbs"] = frozenset(fold(w) for w in words("roles.attack_verbs"))
    folded["attack_nouns"] = frozenset(fold(w) for w in words("roles.attack_nouns"))
    folded["offices"] = frozenset(fold(w) for w in words("roles.offices"))
    return Patterns(
        lang=data.code,
        status=re.compile(phrase_pattern([w for path in status_paths for w in words(path)] + list(splits)),
                          re.IGNORECASE),
        status_of=data.lookup(*status_paths),
        splits={head: tuple(found) for head, found in splits.items()},

        held=re.compile(rf"(?<=[\w’')])[-\s]{held}", re.IGNORECASE),
        glued=re.compile(rf"(?<=[\w’'-]){glued}(?![\w])", re.IGNORECASE),
        words=folded,
        phrases={key: re.compile(phrase_pattern(words(f"territory.{key}")), re.IGNORECASE) for key in _PHRASE_LISTS},
        descriptions={fold(k): v for k, v in (data.get("territory.description_nouns") or {}).items()},
        group_names={fold(k): v for k, v in (data.get("territory.group_names") or {}).items()},
        articles=folded["articles"],
        forms={key: phrase_alternation(words(f"territory.{key}")) for key in _WORD_LISTS},
        cues=data.regex("attribution.cues"),
        verb_final=bool(words("territory.split_captured")),
    )


def patterns(lang: str) -> Patterns:
    """The compiled territory words of ``lang`` (built once)."""
    data = language(lang)
    found: Patterns = data.memo("territory_roles", lambda: _compile(data))
    return found


# --------------------------------------------------------------------------
# Finding the status phrases of a document
# --------------------------------------------------------------------------

_QUOTES_AS_SPACES = str.maketrans({'"': " ", "“": " ", "”": " "})


def cues(doc: Document, p: Patterns) -> dict[int, Cues]:
    """The status phrases and held compounds of a document, by sentence index (sentences without any left out).

    The text is scanned once per pattern (sentences lie within lines, so a match never spans two of them);
    most sentences hold no territory wording at all and are skipped.
    """
    found: dict[int, Cues] = {}
    if not doc.sentences:
        return found
    starts = [s.start for s in doc.sentences]
    text = doc.text

    def bucket(start: int, end: int) -> Cues | None:
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or end > doc.sentences[index].end:
            return None
        return found.setdefault(index, Cues())

    splits: list[Hit] = []
    contiguous = []
    # double quotes inside a phrase do not break it ('troops were now in "full control" of Mafa'): the phrases are
    # looked for in the text with its double quotes as spaces, offsets unchanged
    scan = text.translate(_QUOTES_AS_SPACES)
    for m in p.status.finditer(scan):
        # one scan: the status phrases, and the finite verbs that open a discontinuous one ("namen ... in"),
        # whose particles are then tried there only
        for pattern, status, tail_words in p.splits.get(fold(m.group()), ()):
            whole = pattern.match(text, m.start())
            if whole is None:
                continue
            head = re.match(r"\S+", whole.group())
            tail = re.search(r"(?:\S+\s+){%d}\S+$" % max(0, tail_words - 1), whole.group())
            head_end = whole.start() + (head.end() if head else 0)
            tail_start = whole.start() + (tail.start() if tail else whole.end() - whole.start())
            splits.append(Hit(whole.start(), whole.end(), status, fold(whole.group()), head_end, tail_start))
            break
        contiguous.append(m)
    for hit in splits:
        lists = bucket(hit.start, hit.end)
        if lists is not None:
            lists.hits.append(hit)
    for m in contiguous:
        kind = p.status_of.get(fold(m.group()))
        if kind is None or kind == "not_claims":
            continue  # "took place", "doden gevallen": the words of a status, not a claim
        if any(h.tail_start <= m.start() < h.end or h.start <= m.start() < h.head_end for h in splits):
            continue  # the particle or verb of a discontinuous phrase
        lists = bucket(m.start(), m.end())
        if lists is not None:
            lists.hits.append(Hit(m.start(), m.end(), kind, fold(m.group()), m.end(), m.start()))
    for m in p.held.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_’'"):
            start -= 1  # the word before the suffix: "IS" of "IS-held" (the scan finds the suffix alone)
        lists = bucket(start, m.end())
        if lists is not None:
            lists.held.append(Held(start, m.end(), m.start(), False))
    for m in p.glued.finditer(text):
        suffix = m.start() - 1 if text[m.start() - 1] == "-" else m.start()
        start = suffix
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'"):
            start -= 1  # "Houthi-bolwerk", "rebellenenclave": the holder glued before the noun
        if suffix - start >= 2:
            lists = bucket(start, m.end())
            if lists is not None:
                lists.held.append(Held(start, m.end(), suffix, True))
    for lists in found.values():
        lists.hits.sort(key=lambda h: h.start)
    return found


# --------------------------------------------------------------------------
# Sentences read for roles
# --------------------------------------------------------------------------

_CAPITAL = re.compile(r"[A-ZÀ-ÞĀ-Ž]")


@dataclass
class Context:
    """One sentence with its tokens, clauses, speakers, places and sides."""

    index: int
    sentence: Sentence
    parse: clauses.Parse
    tokens: list[tuple[int, int]]
    words: list[str]
    speakers: list[tuple[int, int]]
    places: list[Place]
    sides: list[Side]
    entities: list[Entity]
    title: bool | None = None  # written in title case (read once)
    _brackets: list[tuple[int, int]] | None = field(default=None, repr=False)

    def index_at(self, position: int) -> int:
        """The index of the first token that starts at or after ``position``."""
        return bisect.bisect_left(self.tokens, (position, -1))

    def is_word(self, i: int, words: frozenset[str], text: str) -> bool:
        """Whether token ``i`` is one of ``words`` as a word, not an acronym that folds to it ("IS" is not "is")."""
        start, end = self.tokens[i]
        token = text[start:end]
        return self.words[i] in words and not (len(token) > 1 and token.isupper())

    def word_before(self, position: int) -> tuple[int, str] | None:
        """The token that ends at or before ``position``."""
        i = self.index_at(position) - 1
        return (i, self.words[i]) if i >= 0 else None

    def clause(self, position: int) -> tuple[int, int]:
        """The clause that holds ``position``; a bracket inside the clause is an insertion that does not end it
        ("Al-Shabaab heeft Bacaadley (Bacaadweyne, Mudug) ingenomen"), while a position inside the bracket
        keeps the bracket's own clause."""
        start, end = self.parse.clause_at(position)
        brackets = self.brackets()
        if not brackets or any(a <= position < b for a, b in brackets):
            return start, end
        grown = True
        while grown:
            grown = False
            for a, b in brackets:
                if start == b - 1 and a > self.sentence.start:
                    start, grown = self.parse.clause_at(a - 1)[0], True
                if end == a and b < self.sentence.end:
                    end, grown = self.parse.clause_at(b)[1], True
        return start, end

    def brackets(self) -> list[tuple[int, int]]:
        """The balanced round and square brackets of the sentence, each from its opening to after its closing."""
        if self._brackets is None:
            found: list[tuple[int, int]] = []
            opened: list[tuple[int, str]] = []
            closing = {")": "(", "]": "["}
            for m in re.finditer(r"[()\[\]]", self.sentence.text):
                char, at = m.group(), self.sentence.start + m.start()
                if char in "([":
                    opened.append((at, char))
                elif opened and opened[-1][1] == closing[char]:
                    found.append((opened.pop()[0], at + 1))
                else:
                    opened.clear()
            self._brackets = sorted(found)
        return self._brackets

    def in_speaker(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies in a speaker's name."""
        return any(a <= start and end <= b for a, b in self.speakers)


def _as_written(surface: str) -> str:
    """A noun phrase as written, a capital that only opens it kept ("Kurdish forces")."""
    return " ".join(surface.split())


@functools.cache
def _forces_of() -> dict[str, str]:
    """State forces (as actors) -> the state as a territorial actor."""
    return {row["state_forces"]: row.get("government") or row["state_forces"]
            for row in world().countries.values() if row.get("state_forces")}


@functools.cache
def _state_names() -> frozenset[str]:
    """Governments and state forces: state sides."""
    names: set[str] = set()
    for row in world().countries.values():
        names.update(n for n in (row.get("government"), row.get("state_forces")) if n)
    return frozenset(names)


def actor_group(name: str | None) -> str | None:
    """``state`` for a government, its forces and state actors of the actors table, else ``non_state``."""
    if name is None:
        return None
    if name in _state_names():
        return "state"
    row = world().actors.get(name)
    if row is not None:
        return "state" if row.get("victim_group") == "military" else "non_state"
    return "non_state"


class Reader:
    """Reads the claims of one document, sentence by sentence."""

    def __init__(self, doc: Document, p: Patterns, memory: Memory):
        self.doc = doc
        self.p = p
        self.memory = memory
        self.text = doc.text
        self.world = world()
        self._contexts: dict[int, Context] = {}
        self._count_at = {c.start: c for c in doc.counts}
        self.time_spans = [(t.start, t.end) for t in doc.times]

    # -- the sentence ----------------------------------------------------

    def context(self, index: int) -> Context:
        """Sentence ``index`` read for roles (once)."""
        found = self._contexts.get(index)
        if found is None:
            found = self._contexts[index] = self._context(index)
        return found

    def _context(self, index: int) -> Context:
        doc = self.doc
        sentence = doc.sentences[index]
        parse = clauses.parse(doc, index)
        tokens, words = clauses.sentence_words(doc, index)
        speakers = [(f.who.start, f.who.end) for f in parse.frames if f.kind in ("speech", "denial") and f.who is not None]
        entities = doc.within(doc.entities, sentence.start, sentence.end, "entities")
        context = Context(index, sentence, parse, tokens, words, speakers, [], [], entities)
        context.places = self._places(context)
        context.sides = self._sides(context)
        return context

    def remember(self) -> None:
        """Keep the headline's places and actors for the body."""
        if not self.doc.from_title:
            return
        for entity in self.doc.entities:
            place = self._gazetteer_place(entity)
            if place is not None:
                self.memory.places.append(place)
            elif entity.kind == "actor" and actor_group(self.territorial(entity.name)) == "non_state":
                self.memory.actors.append(Side(entity.start, entity.end, entity.name, "non_state", None))

    # -- places ------------------------------------------------------------

    def _gazetteer_place(self, entity: Entity) -> Place | None:
        """A place the gazetteer resolved (the tables' or GeoNames'), not a reference place."""
        if entity.kind != "place" or entity.place is None and entity.name not in self.world.places \
                or is_reference_place(self.doc, entity):
            return None
        if self.p.phrases["modifier_suffixes"].match(self.text, entity.end + 1) and self.text[entity.end:entity.end + 1] == "-":
            return None  # "U.S.-backed": a country in a modifier
        ref = entity.place
        if ref is not None:
            return Place(entity.start, entity.end, entity.name, ref.latitude, ref.longitude, ref)
        entry = self.world.places[entity.name]
        return Place(entity.start, entity.end, entity.name, entry.latitude, entry.longitude)

    def _places(self, context: Context) -> list[Place]:
        """The places of the sentence: the gazetteer's, a country's territory ("het Syrisch grondgebied") and a
        country's capital ("de Syrische hoofdstad"); not a speaker's, a bearing's or a base's."""
        found = []
        for entity in context.entities:
            if context.in_speaker(entity.start, entity.end):
                continue
            place = self._gazetteer_place(entity)
            if place is not None:
                found.append(place)
            elif entity.kind == "adjective":
                noun = re.match(r"\s+(\S+)", self.text[entity.end:entity.end + 30])
                word = fold(noun.group(1).rstrip(".,;")) if noun else ""
                following = re.match(r"\s+", self.text[entity.end + noun.end():entity.end + noun.end() + 3]) if noun else None
                named_after = noun is not None and any(
                    e.kind == "place" and e.start in (entity.end + noun.end() + (following.end() if following else 0),
                                                      entity.end + noun.start(1))
                    for e in context.entities)
                if word in self.p.words["territory_nouns"] and not named_after and noun is not None:
                    found.append(self._named(entity.start, entity.end + noun.end(), entity.name))
                elif self.p.descriptions.get(word) == "capital" and noun:
                    capital = self.world.capital(entity.name)
                    if capital:
                        found.append(self._named(entity.start, entity.end + noun.end(), capital))
        return [p for p in found if p is not None]

    def _named(self, start: int, end: int, name: str) -> Place:
        entry = self.world.places.get(name)
        return Place(start, end, name, entry.latitude if entry else None, entry.longitude if entry else None)

    def place_at(self, context: Context, position: int) -> Place | None:
        """A place of the sentence that starts at ``position``."""
        return next((pl for pl in context.places if pl.start == position), None)

    # -- sides -------------------------------------------------------------

    def _sides(self, context: Context) -> list[Side]:
        """The sides the sentence names, each once, in order."""
        doc, text, p = self.doc, self.text, self.p
        starts: set[int] = set()
        for entity in context.entities:
            if entity.kind in ("actor", "adjective", "demonym"):
                starts.add(entity.start)
            elif entity.kind == "place" and self._is_country(entity.name):
                starts.add(entity.start)
            elif entity.kind == "place" and self._capital_speaking(entity):
                starts.add(entity.start)
        for i, word in enumerate(context.words):
            if word in p.words["state_nouns"] or word in p.group_names or word in p.words["antecedent_nouns"]:
                starts.add(context.tokens[i][0])
        sides: list[Side] = []
        covered_to = -1
        for start in sorted(starts):
            if start < covered_to:
                continue
            side = self._side_at(context, start)
            if side is not None and sides and side.start - sides[-1].end <= 24 and side.name == sides[-1].name \
                    and re.findall(r"[\w’']+", self.text[sides[-1].end:side.start]) \
                    and all(_CAPITAL.match(w) for w in re.findall(r"[\w’']+", self.text[sides[-1].end:side.start])):
                continue  # "Boko Haram Islamic Sect": one name
            if side is not None:
                if side.prep is None and sides and sides[-1].prep is not None \
                        and self._is_coordination(self.text[sides[-1].end:side.start]):
                    side = replace(side, prep=sides[-1].prep)  # "backed by militias and Kurdish forces"
                sides.append(side)
                covered_to = side.end
        return sides

    def _is_country(self, name: str) -> bool:
        entry = self.world.places.get(name)
        return entry is not None and entry.kind == "country"

    def _capital_speaking(self, entity: Entity) -> bool:
        """A capital that speaks or acts for its state: "Damascus announced", "Kyiv denied"."""
        country = self.world.country_of(entity.name)
        return bool(country and self.world.capital(country) == entity.name and self.p.cues.match(self.text, entity.end + 1))

    def territorial(self, name: str) -> str:
        """An actor as a territorial side: a state's forces are its government."""
        return _forces_of().get(name, name)

    def _side_at(self, context: Context, start: int) -> Side | None:
        doc, p = self.doc, self.p
        mention = clauses.phrase_at(doc, start)
        entity = next((e for e in context.entities if e.start == start), None)
        if entity is not None and entity.kind == "place":
            country = entity.name if self._is_country(entity.name) else self.world.country_of(entity.name)
            government = self.world.government(country)
            if mention is not None and mention.kind == "state" and mention.end > entity.end:
                return self._side(context, mention.start, mention.end, self.territorial(mention.name), "state")
            if government is None:
                return None
            return self._side(context, entity.start, entity.end, government, "state", country=True)
        if entity is not None and entity.kind in ("adjective", "demonym"):
            following = re.match(r"\s+([\w’'-]+)", self.text[entity.end:entity.end + 40])
            noun = fold(following.group(1)) if following else ""
            if following is not None and noun and (noun in p.words["state_nouns"] or len(noun) > 6 and any(
                    noun.endswith(n) for n in p.words["state_nouns"] if len(n) >= 5)):
                government = self.world.government(entity.name)  # "De Russische invasietroepen"
                if government and (mention is None or mention.kind != "actor"):
                    return self._side(context, start, entity.end + following.end(), government, "state")
        if mention is None or mention.start < start - 1 or mention.start > start + 4 \
                or mention.kind not in ("actor", "state") and self._word_side(context, start) is not None \
                and fold(mention.surface.split()[0]) not in p.words["state_nouns"]:
            return self._word_side(context, start)
        if clauses.is_attack(doc, mention):
            before = context.word_before(start)
            if entity is None or entity.kind != "actor" or before is not None and before[1] in p.articles:
                return None  # "an IS attack": an event, not a side
            name = self.territorial(entity.name)  # "Boko Haram attacks and overtakes Banki": the side, then its verb
            return self._side(context, entity.start, entity.end, name, actor_group(name))
        glued = re.match(r"[\w’']*-([\w’']+)", self.text[start:mention.end + 20])
        if glued is not None and self.ground_word(fold(glued.group(1))) and mention.kind == "actor":
            return None  # "IS-stad", "IS-bolwerk": a place of the side, not the side
        head = fold(mention.surface.split()[-1]) if mention.surface.split() else ""
        following = re.match(r"\s+([\w’']+)", self.text[mention.end:mention.end + 40])
        after = fold(following.group(1)) if following else ""
        if any(w in p.words["territory_nouns"] or w in p.words["ground_nouns"] or w in p.descriptions
               for w in (head, after if entity is not None and entity.kind == "adjective" and mention.end == entity.end
                         else "")):
            return None  # "het Iraakse grondgebied": ground, not a side
        opening = fold(mention.surface.split()[0]) if mention.surface.split() else ""
        if opening in p.words["state_nouns"] and mention.kind not in ("actor", "state"):
            head = opening  # "de troepen van Bachar al-Assad": the forces, whoever leads them
        if mention.kind == "actor":
            name = self.territorial(mention.name)
            return self._side(context, mention.start, mention.end, name, actor_group(name))
        if mention.kind in ("state", "noun", "source") and (head in p.words["state_nouns"] or fold(
                mention.surface) in p.words["state_nouns"]) and not any(
                e.kind in ("adjective", "demonym", "place") for e in context.entities
                if mention.start <= e.start < mention.end):
            i = context.index_at(mention.start) - 1
            modifier = context.words[i] if i >= 0 else ""
            capital = i >= 0 and _CAPITAL.match(self.text[context.tokens[i][0]]) is not None \
                and context.tokens[i][0] != context.sentence.start and not self._is_entity(context.tokens[i][0])
            if modifier in p.words["name_modifiers"] or capital and modifier not in p.words["state_nouns"]:
                # "Kurdish forces", "Shi'ite paramilitary forces": forces of no state the tables know
                a = context.tokens[i][0]
                return self._side(context, a, mention.end, _as_written(self.text[a:mention.end]), "non_state")

        if mention.kind == "state":
            name = self.territorial(mention.name)
            owner = self._possessor(context, mention.start)
            if owner is not None and fold(mention.surface) == head:
                name = owner.name  # "Russia said its forces ...": the forces of the state named before
                return self._side(context, mention.start, mention.end, name, owner.group)
            before = context.word_before(mention.start)
            if before is not None and before[1] in p.words["possessives"] and fold(mention.surface) == head:
                return None  # "Haftar ... met zijn troepen": forces of someone who is no state of the tables
            return self._side(context, mention.start, mention.end, name, "state")
        adjective = next((e for e in context.entities if e.start == start and e.kind in ("adjective", "demonym")), None)
        if adjective is not None and len(head) > 6 and any(head.endswith(noun) for noun in p.words["state_nouns"]
                                                            if len(noun) >= 5):
            government = self.world.government(adjective.name)  # "De Russische invasietroepen"
            if government:
                return self._side(context, mention.start, mention.end, government, "state")
        if head in p.words["state_nouns"] or fold(mention.surface) in p.words["state_nouns"]:
            government = self.world.government(doc.country)
            name = government or p.group_names.get(fold(mention.surface)) or p.group_names.get(head) or head
            return self._side(context, mention.start, mention.end, name, "state")
        if mention.kind == "noun" and mention.group in ("armed_group", "military"):
            group = "state" if mention.group == "military" else "non_state"
            if group == "state":
                government = self.world.government(doc.country)
                name = government or p.group_names.get(head) or mention.surface
                return self._side(context, mention.start, mention.end, name, group)
            return self._group_side(context, mention.start, mention.end, head, fold(mention.surface))
        if head in p.words["antecedent_nouns"] or fold(mention.surface) in p.words["antecedent_nouns"] \
                or head in p.group_names:
            return self._group_side(context, mention.start, mention.end, head, fold(mention.surface))
        return None

    def _word_side(self, context: Context, start: int) -> Side | None:
        """A side named by one noun that the clause layer does not read as a phrase: "de terroristische
        groepering", "de troepen van Bachar al-Assad"."""
        p = self.p
        i = context.index_at(start)
        if i >= len(context.tokens) or context.tokens[i][0] != start:
            return None
        word = context.words[i]
        end = context.tokens[i][1]
        if word in p.words["state_nouns"]:
            government = self.world.government(self.doc.country)
            return self._side(context, start, end, government or p.group_names.get(word) or word, "state")
        if word in p.group_names or word in p.words["antecedent_nouns"]:
            return self._group_side(context, start, end, word, word)
        return None

    def _group_side(self, context: Context, start: int, end: int, head: str, surface: str) -> Side | None:
        """A non-state side named by a noun: the group named with it ("fighters from the Islamic State group"),
        the armed group named before ("the militants"), else its noun."""
        p = self.p
        member = re.match(rf"\s+{p.forms['member_prepositions']}\s+(?:{p.forms['definite_words']}\s+)?",
                          self.text[end:end + 30], re.IGNORECASE)
        if member is not None:
            entity = next((e for e in context.entities if e.start == end + member.end() and e.kind == "actor"), None)
            if entity is not None:
                name = self.territorial(entity.name)
                return self._side(context, start, entity.end, name, actor_group(name))
        if head in p.words["antecedent_nouns"] or surface in p.words["antecedent_nouns"]:
            cutoff = start
            i = context.index_at(start) - 1
            while i >= 0 and context.index_at(start) - i <= 6 and context.tokens[i][0] >= context.sentence.start:
                if context.words[i] in p.words["definite_words"]:
                    cutoff = context.tokens[i][0]  # "De aan al-Qaeda gelieerde fundamentalisten": not al-Qaeda
                    break
                i -= 1
            antecedent = self._antecedent_actor(cutoff)
            if antecedent is not None:
                return self._side(context, start, end, antecedent, "non_state")
        english = p.group_names.get(surface) or p.group_names.get(head)
        if english is None:
            return None
        before = context.word_before(start)
        if before is not None and before[1] in p.words["definite_words"]:
            named = self._named_as(start, english)
            if named is not None:
                return self._side(context, start, end, named, "non_state")  # "Houthi-rebellen ... de opstandelingen"
        return self._side(context, start, end, english, "non_state")

    def _named_as(self, position: int, name: str) -> str | None:
        """The actor named earlier with the same group noun: "Houthi rebels" for "the rebels"."""
        text = self.text
        for entity in reversed(self.doc.within(self.doc.entities, 0, position, "entities")):
            if entity.kind != "actor":
                continue
            around = text[entity.start:min(len(text), entity.end + 24)]
            words = re.findall(r"[\w’']+", around.replace("-", " "))
            if any(self.p.group_names.get(fold(w)) == name for w in words[:4]):
                return self.territorial(entity.name)
        return None

    def _side(self, context: Context, start: int, end: int, name: str, group: str | None, *,
              country: bool = False) -> Side:
        return Side(start, end, name, group, self._preposition(context, start), country)

    def _preposition(self, context: Context, start: int) -> str | None:
        """The preposition the phrase at ``start`` stands after (articles and up to two adjectives skipped:
        "van militante milities"), or None."""
        i = context.index_at(start) - 1
        skipped = 0
        while i >= 0 and (context.words[i] in self.p.articles or skipped < 2 and (
                context.words[i] in self.p.words["object_skip"]
                or any(e.kind == "adjective" and e.start == context.tokens[i][0] for e in context.entities)
                or context.words[i].endswith(tuple(self.p.words["adjective_endings"])) and context.words[i].islower()
                and context.words[i] not in self.p.words["prepositions"]
                or context.words[i].endswith(tuple(self.p.words["possessive_endings"])))):  # "the country's government"
            if context.words[i] not in self.p.articles:
                skipped += 1
            i -= 1
        if i < 0:
            return None
        word = context.words[i]
        if word in self.p.words["of_words"] and i > 0 and context.words[i - 1] in self.p.words["member_nouns"]:
            # "500 members of Boko Haram": the members stand where their group stands
            j = i - 2
            while j >= 0 and (context.words[j] in self.p.articles or context.tokens[j][0] in self._count_at
                              or context.words[j] in self.p.words["object_skip"] or context.words[j].isdigit()):
                j -= 1
            return context.words[j] if j >= 0 and context.words[j] in self.p.words["prepositions"] else None
        if word in self.p.words["prepositions"] or word in self.p.words["expel_from"]:
            if i > 0 and f"{context.words[i - 1]} {word}" in self.p.words["expel_from"]:
                return f"{context.words[i - 1]} {word}"  # "out of"
            return word
        return None

    def _possessor(self, context: Context, start: int) -> Side | None:
        """The state a possessive points back to: "Russia said its forces"."""
        before = context.word_before(start)
        if before is None or before[1] not in self.p.words["possessives"]:
            return None
        for entity in reversed([e for e in context.entities if e.end <= start]):
            if entity.kind == "place" and self._is_country(entity.name):
                government = self.world.government(entity.name)
                if government:
                    return Side(entity.start, entity.end, government, "state", None, True)
            if entity.kind in ("adjective", "demonym"):
                government = self.world.government(entity.name)
                if government:
                    return Side(entity.start, entity.end, government, "state", None)
            if entity.kind == "actor":
                name = self.territorial(entity.name)
                return Side(entity.start, entity.end, name, actor_group(name), None)
        return None

    def _antecedent_actor(self, position: int) -> str | None:
        """The last non-state actor named before ``position`` in the document, else in the headline."""
        for entity in reversed(self.doc.within(self.doc.entities, 0, position, "entities")):
            if entity.kind == "actor":
                name = self.territorial(entity.name)
                if actor_group(name) == "non_state":
                    return name
        return self.memory.actors[-1].name if self.memory.actors else None

    # -- roles ---------------------------------------------------------------

    def subjects(self, context: Context, position: int, *, allow_speaker: bool = False,
                 invert_from: int | None = None) -> list[Side]:
        """Who does what the verb at ``position`` says: the first side of its clause before it that stands after
        no preposition (with the sides coordinated with it); in a relative clause without one, the noun before
        it; else the sentence's first such side (a clause that goes on after a comma: ", retaking X"); in a
        language that inverts, the side right after the verb ("In 2014 veroverde IS ...")."""
        clause_start, _ = context.clause(position)
        floor = context.sentence.start
        going_on: list[tuple[int, int]] = []  # speakers who go on as the subject
        if not allow_speaker:
            for frame in context.parse.frames:
                if frame.kind not in ("speech", "denial") or frame.who is None or frame.who.end > frame.start \
                        or frame.end > position:
                    continue
                if re.match(r"\s+to\s", self.text[frame.end:frame.end + 5]):
                    # "X claimed to have killed 3 soldiers and withdrew from Y": X withdrew (a verb coordinated
                    # after what X claimed, not one inside the claim: "X claimed to have overrun Y" stays X's word)
                    if re.search(rf"\b(?:{self.p.forms['and_words']})\b", self.text[frame.end:position]):
                        going_on.append((frame.who.start, frame.who.end))
                else:
                    floor = max(floor, frame.end)  # "Russia said its forces had taken ...": after the speech verb
        candidates = [s for s in context.sides if s.prep is None and floor <= s.start and s.end <= position
                      and (allow_speaker or not context.in_speaker(s.start, s.end)
                           or any(a <= s.start and s.end <= b for a, b in going_on))
                      and not self._victims(context, s)]
        inside = [s for s in candidates if s.start >= clause_start]
        # "after SNA forces withdrew": a side after a preposition that opens a clause of time, right before the verb
        timed = [s for s in context.sides if s.prep in self.p.words["conjunction_prepositions"]
                 and floor <= s.start and s.end <= position and not self._victims(context, s)]
        first: Side | None = None if self.p.verb_final else \
            self._adjacent_subject(context, position, candidates + timed)
        if first is not None:
            pass
        elif inside:
            first = inside[0]
        elif self.opens_relative(context, clause_start):
            before = [s for s in candidates if s.end <= clause_start]
            first = before[-1] if before else None
        elif candidates:
            first = candidates[0]
        if first is None and invert_from is not None and self.p.verb_final:
            after = [s for s in context.sides if s.prep is None and invert_from <= s.start <= invert_from + 24
                     and all(fold(w) in self.p.articles or context.is_word(context.index_at(m.start()),
                                                                          self.p.words["adverbs"], self.text)
                             for m in re.finditer(r"[\w’']+", self.text[invert_from:s.start])
                             for w in [m.group()])]
            first = after[0] if after else None
        if first is None:
            first = self._pronoun_subject(context, position, clause_start)
        if first is None:
            return []
        chosen = [first]
        for side in reversed([s for s in context.sides if s.end <= first.start]):
            if self._is_coordination(self.text[side.end:chosen[0].start]) and side.prep is None:
                chosen.insert(0, side)  # "Iraqi forces and Kurdish Peshmerga forces retook Bashir"
            else:
                break
        for side in context.sides:
            if side.start <= chosen[-1].end or side.start >= position:
                continue
            gap = self.text[chosen[-1].end:side.start]
            if self._is_coordination(gap):
                chosen.append(side)
            else:
                break
        return chosen

    def _victims(self, context: Context, side: Side) -> bool:
        """Whether a side is named as the dead or wounded ("12 Boko Haram dead"): a word of harm right after it."""
        after = context.index_at(side.end)
        return after < len(context.words) and context.tokens[after][0] >= side.end \
            and context.words[after] in self.p.words["victim_words"]

    def previous_subject(self, context: Context) -> Side | None:
        """The first subject side of the sentence before, in the same paragraph: who a noun of a gain with no
        taker of its own belongs to ("Unita has taken ... The capture of Luau opens ...")."""
        previous = self.doc.sentence_at(context.index - 1)
        if previous is None or previous.paragraph != context.sentence.paragraph:
            return None
        before = self.context(context.index - 1)
        subjects = [s for s in before.sides if s.prep is None and not before.in_speaker(s.start, s.end)]
        return subjects[0] if subjects else None

    def _pronoun_subject(self, context: Context, position: int, clause_start: int) -> Side | None:
        """A pronoun as the subject ("they retook", "zijn ze erin geslaagd"): the side the sentence before had as
        its first subject, in the same paragraph."""
        i = context.index_at(clause_start)
        end = context.index_at(position)
        if not any(context.is_word(k, self.p.words["side_pronouns"], self.text) for k in range(i, end)):
            return None
        k = next(k for k in range(i, end) if context.is_word(k, self.p.words["side_pronouns"], self.text))
        a, b = context.tokens[k]
        for frame in context.parse.frames:
            if frame.kind in ("speech", "denial") and frame.who is not None and frame.who.end <= frame.start <= a:
                speaker = next((s for s in context.sides if s.start <= frame.who.start < s.end
                                or frame.who.start <= s.start < frame.who.end), None)
                if speaker is not None:
                    return Side(a, b, speaker.name, speaker.group, None)  # "The LNA reported that it had ..."
                if frame.who.kind == "source" and fold(frame.who.name) in self.p.words["state_nouns"]:
                    # "Military leaders report they have regained ...": the state's forces
                    name = self.world.government(self.doc.country) or self.p.group_names.get(fold(frame.who.name)) \
                        or frame.who.name
                    return Side(a, b, name, "state", None)
        previous = self.doc.sentence_at(context.index - 1)
        if previous is None or previous.paragraph != context.sentence.paragraph:
            return None
        before = self.context(context.index - 1)
        subjects = [s for s in before.sides if s.prep is None and not before.in_speaker(s.start, s.end)]
        if not subjects:
            return None
        side = subjects[0]
        return Side(a, b, side.name, side.group, None)

    def attack_agent(self, context: Context, position: int) -> Side | None:
        """The side an attack belongs to, before ``position``: "een grondoffensief van het Syrische leger ... om X
        te heroveren", "an offensive by Iraqi forces to retake X"."""
        for side in reversed([s for s in context.sides if s.end <= position and s.prep is not None and (
                s.prep in self.p.words["of_words"] or s.prep in self.p.words["passive_words"])]):
            before = self.text[max(context.sentence.start, side.start - 40):side.start]
            words = [fold(w) for w in re.findall(r"[\w’'-]+", before)][-4:]
            if any(w in self.p.words["attack_nouns"] or any(w.endswith(n) for n in self.p.words["attack_nouns"]
                                                            if len(n) >= 6) for w in words):
                return side
        return None

    def _adjacent_subject(self, context: Context, position: int, candidates: list[Side]) -> Side | None:
        """The side right before the verb, with auxiliaries, adverbs and times between ("Iraqi forces on Tuesday
        completed", "regime forces push"), or before the verb it is coordinated with ("Military forces attack
        and liberate X")."""
        ends = {s.end: s for s in candidates}
        i = context.index_at(position) - 1
        hops = 0
        while i >= 0:
            start, end = context.tokens[i]
            if end in ends:
                return ends[end]
            word = context.words[i]
            inside_time = any(a <= start < b for a, b in self.time_spans)
            if inside_time or context.is_word(i, self.p.words["adverbs"], self.text) \
                    or word in self.p.words["object_skip"] and word not in self.p.articles:
                i -= 1
                continue
            if word in self.p.words["prepositions"] and i + 1 < len(context.tokens) \
                    and any(a <= context.tokens[i + 1][0] < b for a, b in self.time_spans):
                i -= 1
                continue
            if word in self.p.words["coordinators"] and hops < 2 and i > 0 and context.words[i - 1][:1].isalpha() \
                    and context.tokens[i - 1][1] not in ends:
                hops += 1
                i -= 2  # "attack and liberate": past the first verb
                continue
            return None
        return None

    def _is_coordination(self, gap: str) -> bool:
        words = [fold(w) for w in re.findall(r"[\w’'&]+", gap)]
        rest = [w for w in words if w not in self.p.articles]
        return bool(re.fullmatch(r"[\s,]*", re.sub(r"[\w’'&]+", "", gap))) and 1 <= len(rest) <= 3 \
            and self.p.phrases["coordinators"].fullmatch(" ".join(rest)) is not None

    def previous_clause(self, context: Context, clause_start: int) -> int:
        """Where the clause before the one at ``clause_start`` begins (clauses of punctuation alone skipped)."""
        position = clause_start
        while position > context.sentence.start:
            start, end = context.clause(position - 1)
            if re.search(r"\w", self.text[start:end]):
                return start
            position = start
        return context.sentence.start

    def opens_relative(self, context: Context, clause_start: int) -> bool:
        """Whether the clause opens with a relative word ("which", "dat"), also after a part ("parts of which")."""
        i = self.first_word(context, clause_start)
        if i < len(context.words) and self.p.phrases["relative_from"].match(self.text, context.tokens[i][0]):
            return True
        for k in range(i, min(i + 3, len(context.words))):
            if context.words[k] in self.p.words["relative_words"]:
                return k == i or context.words[k - 1] in self.p.words["of_words"]
        return False

    def opens_relative_from(self, context: Context, clause_start: int) -> bool:
        """Whether the clause opens with "from which" ("waaruit IS werd verdreven")."""
        i = self.first_word(context, clause_start)
        return i < len(context.words) and self.p.phrases["relative_from"].match(self.text, context.tokens[i][0]) is not None

    def main_clause_start(self, context: Context, position: int) -> int:
        """Where the clause of ``position`` begins when commas that set off an insertion do not end it ("IS werd,
        na een maandenlange strijd, verdreven uit Mosul"): back to a clause opened by a subordinating word."""
        start = context.clause(position)[0]
        while start > context.sentence.start:
            i = self.first_word(context, start)
            if i < len(context.words) and (context.words[i] in self.p.words["openers"]
                                           or context.words[i] in self.p.words["relative_words"]
                                           or self.p.phrases["relative_from"].match(self.text, context.tokens[i][0])):
                return start
            start = context.clause(start - 1)[0]
        return context.sentence.start

    def first_word(self, context: Context, position: int) -> int:
        """The index of the first word token at or after ``position``."""
        i = context.index_at(position)
        while i < len(context.tokens) and not self.text[context.tokens[i][0]].isalnum():
            i += 1
        return i

    def object_limit(self, context: Context, position: int) -> int:
        """Where an object after ``position`` must end: the next break of punctuation (a clause opened by a word
        alone, "nog maar 3 procent", does not end it: the noun phrase reader stops at such words itself)."""
        sentence = context.sentence
        breaks = re.compile(r"[;:()\[\]]|\s[–—-]\s|,(?=\s)")
        found = breaks.search(self.text, position, sentence.end)
        while found is not None and found.group() == ",":
            # "recaptured Bita, Izge Yamteke and Uba": a comma inside a list of names ending in "and" is no break
            listed = _name_list_rest(self.p).match(self.text, found.start(), sentence.end)
            if listed is None:
                break
            found = breaks.search(self.text, listed.end(), sentence.end)
        return found.start() if found else sentence.end

    def side_after(self, context: Context, position: int, *, limit: int = 24) -> Side | None:
        """The side that starts right after ``position`` (articles between): "held by X", "fell to X"."""
        for side in context.sides:
            if position <= side.start <= position + limit:
                gap = [fold(w) for w in re.findall(r"[\w’']+", self.text[position:side.start])]
                if all(w in self.p.articles for w in gap):
                    return side
                return None
        return None

    def agent(self, context: Context, hit: Hit) -> Side | None:
        """The agent of a passive: "recaptured by X", "door X heroverd" (not "door X gesteunde": a modifier)."""
        clause_start, clause_end = context.clause(hit.start)
        for side in context.sides:
            if side.prep not in self.p.words["passive_words"] or not clause_start <= side.start < clause_end:
                continue
            if not self.p.verb_final and side.start < hit.start:
                continue
            following = re.match(r"\s*([\w’']+)", self.text[side.end:side.end + 30])
            if following and (fold(following.group(1)) in self.p.words["modifier_suffixes"]
                              or fold(following.group(1)) in self.p.words["held_suffixes"]):
                continue
            return side
        return None

    def is_passive(self, context: Context, hit: Hit) -> bool:
        """Whether the verb is passive: an auxiliary of the passive before it ("was recaptured", "werd ...
        heroverd"), or its agent after it ("seized by IS")."""
        p = self.p
        words = hit.phrase.split()
        if len(words) > 1 and words[0] in p.words["place_prepositions"] and not p.verb_final:
            return False  # "troops are in full control of X": a phrase of holding after "are", no passive verb
        i = context.index_at(hit.start) - 1
        clause_start, _ = context.clause(hit.start)
        if p.verb_final:
            floor = self.main_clause_start(context, hit.start)
            j = i
            while j >= 0 and context.tokens[j][0] >= floor:
                if context.is_word(j, p.words["perfect"], self.text):
                    break  # "en heeft de stad ... omsingeld": an active perfect
                if context.is_word(j, p.words["passive_auxiliaries"], self.text):
                    return True
                j -= 1
            return self.agent(context, hit) is not None
        if context.words[context.index_at(hit.start)].endswith(tuple(p.words["progressive_endings"])):
            return False  # "have been regaining ground": progressive, not passive
        steps = 0
        while i >= 0 and steps < 4 and context.tokens[i][0] >= clause_start:
            word = context.words[i]
            if context.is_word(i, p.words["passive_auxiliaries"], self.text):
                return True
            if word not in p.words["object_skip"] and word not in p.words["passive_gap_words"]:
                break
            i -= 1
            steps += 1
        after = re.match(r"\s*(?:[\w’']+\s+){0,2}?(by)\b", self.text[hit.end:hit.end + 40], re.IGNORECASE)
        return after is not None and self.agent(context, hit) is not None

    def losers(self, context: Context, start: int, end: int, exclude: list[Side]) -> Side | None:
        """The side a place is taken from: "retook Tikrit from IS", "heroverd op IS", "bevrijd van IS"."""
        for side in context.sides:
            if start <= side.start < end and side.prep in self.p.words["loser_words"] and side not in exclude:
                return side
        return None

    # -- objects -------------------------------------------------------------

    def object(self, context: Context, position: int, limit: int, *, people_verb: bool, assault_verb: bool = False,
               depth: int = 0) -> _Object:
        """What the verb ending at ``position`` takes, up to ``limit`` (the end of its clause), with the places
        coordinated with it ("grote delen van het noorden van het land en de hoofdstad Sanaa"). For a verb of
        assault (``assault_verb``: "overran"), a building ("the police station") is not ground: the verb says the
        building was overwhelmed in an attack, not that the place around it changed hands."""
        found = self._object(context, position, limit, people_verb=people_verb, assault_verb=assault_verb,
                             depth=depth)
        if found.kind != "places" or depth > 0:
            return found
        places = list(found.places)
        end = found.end
        for _ in range(2):
            trailing = re.match(rf"(?:\s+[\w’'-]+){{1,3}}?(?=\s*(?:,\s*)?{self.p.forms['and_words']}\s)",
                                self.text[end:limit], re.IGNORECASE)
            if trailing is not None and all(fold(w) in self.p.words["object_skip"] or self.ground_word(fold(w))
                                            for w in trailing.group().split()):
                end += trailing.end()  # "Al Hummah strategic position and Al Yasbil checkpoint"
            joined = re.match(rf"\s*(?:,\s*)?{self.p.forms['and_words']}\s+", self.text[end:limit], re.IGNORECASE)
            if joined is None:
                break
            more = self._object(context, end + joined.end(), limit, people_verb=people_verb,
                                assault_verb=assault_verb, depth=1)
            if more.kind != "places":
                break
            places.extend(pl for pl in more.places if pl.name not in {p.name for p in places})
            end = more.end
        return replace(found, places=tuple(places), end=end)

    def _object(self, context: Context, position: int, limit: int, *, people_verb: bool, assault_verb: bool = False,
                depth: int = 0) -> _Object:
        p, text = self.p, self.text
        n = len(context.tokens)
        i = context.index_at(position)
        while i < n and context.tokens[i][0] < limit:
            word = context.words[i]
            start = context.tokens[i][0]
            time_end = self.time_end(start)
            if time_end is None and word in p.words["prepositions"] and i + 1 < n:
                following = self.time_end(context.tokens[i + 1][0])
                if following is not None:
                    time_end = following
            if time_end is not None:
                i = context.index_at(time_end)
                continue
            if self.place_at(context, start) is not None or start in self._count_at \
                    or any(s.start == start for s in context.sides):
                break
            if word in p.words["object_skip"] or word in p.articles or text[start] in "\"“”‘’'`":
                i += 1
                continue
            break
        if i >= n or context.tokens[i][0] >= limit:
            return _Object("none", position)
        start = context.tokens[i][0]
        word = context.words[i]
        if not text[start].isalnum() or word in p.words["prepositions"] and self.place_at(context, start) is None \
                and start not in self._count_at:
            return _Object("none", start)  # the clause ends, or a complement follows: no object after the verb
        place = self.place_at(context, start)
        if place is not None:
            places, end = self.place_list(context, start, max(limit, context.sentence.end), names=True)
            if assault_verb and self.building_ahead(context, context.index_at(end), limit):
                return _Object("not_ground", end)  # "overran Kanamma police station"
            owner = self._stronghold_owner(context, end, limit)
            k = context.index_at(end)
            while k < n and context.tokens[k][0] < limit and k - context.index_at(end) < 3 and (
                    context.words[k] in p.words["object_skip"] or self.ground_word(context.words[k])):
                k += 1  # "Al Hummah strategic position": the place with its noun
            if k > context.index_at(end) and self.ground_word(context.words[k - 1]):
                if len(places) == 1 and context.words[k - 1] in p.words["plural_nouns"]:
                    listed = self.places_after_head(context, context.tokens[k - 1][1], limit, inside=False,
                                                    depth=depth + 1)
                    if listed is not None and len(listed[0]) >= 2:
                        return _Object("places", listed[1], tuple(listed[0]), owner=owner)  # "the Bama communities of"
                end = context.tokens[k - 1][1]
            return _Object("places", end, tuple(places), owner=owner)
        side = next((s for s in context.sides if s.start == start), None)
        if side is not None and not side.country and not self._modifies(side):
            return _Object("side", side.end, side=side)
        count = self._count_at.get(start)
        if count is not None:
            return self._counted(context, count, limit, depth=depth)
        if word in p.words["place_pronouns"]:
            antecedent = self.described(context, start, "any", allow_same_sentence=True)
            return _Object("places", context.tokens[i][1], (antecedent,)) if antecedent else _Object("none", start)
        return self._noun_phrase(context, i, limit, people_verb=people_verb, assault_verb=assault_verb, depth=depth)

    def building(self, context: Context, head: int) -> bool:
        """Whether token ``head`` ends a noun of a building that a side attacks rather than holds ("station",
        "police station", "politiebureau")."""
        words = self.p.words["building_nouns"]
        return context.words[head] in words or head > 0 and f"{context.words[head - 1]} {context.words[head]}" in words

    def building_ahead(self, context: Context, i: int, limit: int) -> bool:
        """Whether the first noun of ground within three tokens from ``i`` is a building ("Kapchorwa Central Police
        Station")."""
        for k in range(i, min(i + 3, len(context.tokens))):
            if context.tokens[k][0] >= limit:
                break
            if self.ground_word(context.words[k]):
                return self.building(context, k)
        return False

    def _modifies(self, side: Side) -> bool:
        """Whether a side names whose ground a noun is, not the object itself: "IS-held enclaves", "Boko Haram
        camps"."""
        text = self.text
        if self.p.held.search(text, side.start, side.end + 12) is not None:
            return True
        if re.match(r"[’']s?\s", text[side.end:side.end + 3]) or re.search(r"\w[’']s$", text[side.start:side.end]):
            return True  # "Boko Haram's Dalori camp": the side owns the ground named after it
        following = re.match(r"[\s-]*([\w’']+)(?:\s+([\w’']+))?", text[side.end:side.end + 40])
        if following is None:
            return False
        first = fold(following.group(1))
        second = fold(following.group(2)) if following.group(2) is not None else None
        # "Boko Haram camps", "the police training camp": a noun of ground, alone or as the second of two words;
        # "the Boko Haram Dalori camp": a name, then its noun of ground
        return self.ground_word(first) or second is not None and (
            f"{first} {second}" in self.p.words["facility_nouns"]
            or _CAPITAL.match(following.group(1)) is not None and self.ground_word(second))

    def time_end(self, position: int) -> int | None:
        """Where the time expression that starts at ``position`` ends, or None."""
        index = bisect.bisect_left(self.time_spans, (position, -1))
        if index < len(self.time_spans) and self.time_spans[index][0] == position:
            return self.time_spans[index][1]
        return None

    def _counted(self, context: Context, count: Any, limit: int, depth: int = 0) -> _Object:
        """A count as the object: a share ("60 percent of X"), numbered ground ("five areas, including X"), or
        people and things ("four motorbikes", "2 operatives")."""
        p, text = self.p, self.text
        following = re.match(r"\s*(%|[\w’'-]+)", text[count.end:count.end + 30])
        unit = fold(following.group(1)) if following else ""
        if unit.startswith("%") or unit in p.words["percent_words"] \
                or p.phrases["percent_words"].match(text, count.end + (following.start(1) if following else 0)):
            percent = p.phrases["percent_words"].match(text, count.end + (following.start(1) if following else 0))
            after = percent.end() if percent else count.end + (following.end() if following else 0)
            found = self.places_after_head(context, after, limit, inside=True, depth=depth)
            if not found:
                return _Object("ground", after, share=float(count.count.best), qualifier=count.count.qualifier)
            return _Object("places", found[1], tuple(found[0]), share=float(count.count.best),
                           qualifier=count.count.qualifier)
        i = context.index_at(count.end)
        for j in range(i, min(i + 4, len(context.words))):
            word = context.words[j]
            if self.ground_word(word):
                while j + 1 < len(context.words) and self.ground_word(context.words[j + 1]):
                    j += 1
                return self._ground(context, j, limit, owner=None, depth=depth)
            if word in p.words["prepositions"] or not context.words[j][:1].isalnum():
                break
        return _Object("not_ground", count.end)

    def ground_word(self, word: str) -> bool:
        """Whether a word names ground: a place described ("town"), ground ("territory"), a facility, a stronghold."""
        p = self.p
        return word in p.descriptions or word in p.words["ground_nouns"] or word in p.words["facility_nouns"] \
            or word in p.words["stronghold_nouns"] or self._facility_compound(word)

    def _facility_compound(self, word: str) -> bool:
        """A compound that ends in a noun of a facility: "universiteitscomplex", "legerbasis"."""
        return len(word) > 8 and "-" not in word and " " not in word and any(
            word.endswith(noun) and len(word) - len(noun) >= 4 for noun in self.p.words["facility_nouns"] if len(noun) >= 4)

    def _noun_phrase(self, context: Context, i: int, limit: int, *, people_verb: bool, assault_verb: bool = False,
                     depth: int = 0) -> _Object:
        """The object as a noun phrase: ground by its head noun, a place by a name the gazetteer does not know,
        or what is not ground."""
        p, text = self.p, self.text
        n = len(context.tokens)
        owner: Side | None = None
        j = i
        while j < n and context.tokens[j][0] < limit and j - i < 6:
            word = context.words[j]
            start, end = context.tokens[j]
            if text[start] in "\"“”‘’'`" and j + 1 < n:
                j += 1  # 'the "spiritual" Boko Haram stronghold of Alagarno'
                continue
            if not text[start].isalnum():
                break
            side = next((s for s in context.sides if s.start == start), None)
            if side is not None:
                owner = side
                j = context.index_at(side.end)
                continue
            if self.ground_word(word):
                while j + 1 < n and context.tokens[j + 1][0] < limit and self.ground_word(context.words[j + 1]):
                    j += 1  # "lappen gebied", "stuk grondgebied": the last noun heads the phrase
                if assault_verb and self.building(context, j):
                    return _Object("not_ground", context.tokens[j][1])  # "overran the station"
                return self._ground(context, j, limit, owner=owner, name_before=(i, j), depth=depth)
            two = f"{word} {context.words[j + 1]}" if j + 1 < n else ""
            if two and self.ground_word(two):
                if assault_verb and self.building(context, j + 1):
                    return _Object("not_ground", context.tokens[j + 1][1])  # "overran the police station"
                return self._ground(context, j + 1, limit, owner=owner, name_before=(i, j), depth=depth)
            if _CAPITAL.match(text[start]) and not self._is_entity(start) and not self.title_case(context) \
                    and word not in p.words["name_modifiers"]:
                if j > 0 and context.words[j - 1] in p.words["offices"]:
                    return _Object("not_ground", end)  # "president Hadi": a person
                names, name_end = self.name_list(context, j, limit)
                if names and assault_verb and self.building_ahead(context, context.index_at(name_end), limit):
                    return _Object("not_ground", name_end)  # "overran Kapchorwa Central Police Station"
                if names:
                    after = context.index_at(name_end)
                    if after < n and context.tokens[after][0] < limit and self.ground_word(context.words[after]):
                        return self._ground(context, after, limit, owner=owner, name_before=(j, after), depth=depth)
                    ahead = [k for k in range(after, min(n, after + 3)) if context.tokens[k][0] < limit
                             and self.ground_word(context.words[k])]
                    between = range(after, ahead[0]) if ahead else range(0)
                    if ahead and all(text[context.tokens[k][0]].islower() for k in between) \
                            and not any(context.words[k] in p.words["and_words"] for k in between) \
                            and not all(context.words[k] in p.words["object_skip"] for k in between):
                        # "crucial Kogang rebel positions": the name only qualifies the ground
                        return self._ground(context, ahead[0], limit, owner=owner, name_before=(j, ahead[0]),
                                            depth=depth)
                    single = len(names) == 1 and " " not in names[0].name
                    if not people_verb or len(names) > 1 or single \
                            or self._from_side_follows(context, name_end, limit) \
                            or self._ground_follows(context, name_end, limit, depth=depth):
                        # a person is named by more than one word ("captured Mustapha Busuru"); "seizes Damasak"
                        other = self._alternative(context, names[-1], context.sentence.end)
                        if other is not None:
                            return _Object("places", other.end + 1, (*names, other), owner=owner)  # "Badam (Abadam)"
                        return _Object("places", name_end, tuple(names), owner=owner)
                    return _Object("not_ground", name_end)
            if word in p.words["prepositions"] or word in p.articles and j > i:
                break
            j += 1
        return _Object("not_ground", context.tokens[min(j, n - 1)][1] if n else i)

    def title_case(self, context: Context) -> bool:
        """Whether the sentence is written in title case ("Iraqi Forces Retake Town From Islamic State"): its
        capitals then name nothing."""
        if context.title is None:
            words = [self.text[a:b] for a, b in context.tokens if self.text[a].isalpha()]
            long = [w for w in words if len(w) > 3]
            small = [w for w in words[1:] if fold(w) in self.p.words["prepositions"] or fold(w) in self.p.articles]
            context.title = len(long) >= 4 and (sum(1 for w in long if w[0].isupper()) >= 0.8 * len(long)
                                                or any(w[0].isupper() for w in small))
        return context.title

    def _is_entity(self, position: int) -> bool:
        return any(e.start <= position < e.end for e in self.doc.within(self.doc.entities, max(0, position - 60),
                                                                       position + 1, "entities"))

    def _ground_follows(self, context: Context, position: int, limit: int, *, depth: int) -> bool:
        """Whether ground or a place is coordinated right after a name ("captures Mararaba Hildi and the whole of
        Uba LGA"): the name is a place like it, not a person."""
        joined = re.match(rf"\s*(?:,\s*)?{self.p.forms['and_words']}\s+", self.text[position:limit], re.IGNORECASE)
        if joined is None or depth > 0:
            return False
        more = self._object(context, position + joined.end(), limit, people_verb=False, depth=depth + 1)
        return more.kind in ("places", "ground")

    def _from_side_follows(self, context: Context, position: int, limit: int) -> bool:
        return any(position <= s.start < limit and s.prep in self.p.words["loser_words"]
                   and not self.text[position:s.start].strip(" ,").count(" ") > 3 for s in context.sides)

    def _ground(self, context: Context, head: int, limit: int, *, owner: Side | None,
                name_before: tuple[int, int] | None = None, depth: int = 0) -> _Object:
        """Ground named by a noun: its place is named with it ("the town of X", "de stad Mosul", "a camp at X",
        "several villages, including X", "Milimani village"), or pointed back to ("the town", "de stad"), or
        not named."""
        p, text = self.p, self.text
        word = context.words[head]
        end = context.tokens[head][1]
        kind = p.descriptions.get(word)
        # a name right before the head: "Milimani village", "Al Yasbil checkpoint" (not "a Sunni town")
        if name_before is not None and not self.title_case(context):
            first, last = name_before
            for k in range(first, last):
                if _CAPITAL.match(text[context.tokens[k][0]]) and not self._is_entity(context.tokens[k][0]):
                    a, b = context.tokens[k]
                    if context.words[k] in p.words["name_modifiers"] or any(
                            e.kind == "adjective" and a < e.start < b for e in context.entities):
                        continue  # "a Sunni town", "de Noord-Iraakse stad": an adjective, not a name
                    if _ACRONYM.fullmatch(text[a:b]):
                        continue  # "the FARDC position in X": a force's acronym says whose the ground is
                    names, name_end = self.name_list(context, k, context.tokens[last][0] + 1)
                    between = re.findall(r"[\w’']+", text[name_end:context.tokens[head][0]])
                    if names and name_end <= context.tokens[head][0] and all(
                            fold(w) in p.words["object_skip"] for w in between):
                        return _Object("places", end, tuple(names), owner=owner)
                    break
        # what follows the head: a name ("de stad Mosul"), "of X", "at X", ", including X", "(X, Y)"
        following = self.places_after_head(context, end, limit, inside=kind not in ("city", "country", "capital"),
                                            depth=depth)
        plural = word in p.words["plural_nouns"]
        if following is not None:
            places, place_end = following
            members = self._list_ahead(context, place_end, limit) if plural and len(places) == 1 else []
            if members:
                # "the last neighbourhoods of southern Damascus held by IS, including Yarmouk and Hajar al-Aswad":
                # the places listed are the ground taken, the one after "of" is where it lies
                return _Object("places", members[-1].end, tuple(members), owner=owner)
            return _Object("places", place_end, tuple(places), owner=owner)
        if plural:
            listed = self._list_ahead(context, end, limit)
            if listed:
                return _Object("places", listed[-1].end, tuple(listed), owner=owner)
            if self.definite(context, head):
                earlier = self._recent_list(context, context.tokens[head][0])
                if earlier:
                    return _Object("places", end, tuple(replace(pl, start=context.tokens[head][0], end=end)
                                                        for pl in earlier), owner=owner)
        if kind is not None and self.definite(context, head):
            place = self.described(context, context.tokens[head][0], kind, noun=word)
            if place is not None:
                return _Object("places", end, (replace(place, start=context.tokens[head][0], end=end),), owner=owner)
        if word in p.words["facility_nouns"] or self._facility_compound(word):
            before = [pl for pl in context.places if pl.end <= context.tokens[head][0]
                      and not any(s.start <= pl.start < s.end for s in context.sides if not s.country)
                      and not self._is_country(pl.name)]
            if before and depth == 0:
                return _Object("places", end, (replace(before[-1], start=context.tokens[head][0], end=end),),
                               owner=owner)  # "Unita closes in around Uige, taking over airport"
        return _Object("ground", end, owner=owner)

    def _list_ahead(self, context: Context, end: int, limit: int) -> list[Place]:
        """The places a plural noun lists after it: "several towns in Adamawa State, including: Hong, Mubi",
        "two towns, Gujba and Gulani", "three areas lost to Boko Haram the previous week: Gombi, Pelia and Hong"."""
        text = self.text
        window = text[end:min(context.sentence.end, end + 120)]
        marker = re.search(r"(?:,?\s*(?:" + self.p.phrases["list_words"].pattern + r")\s*:?|:|\()\s*", window,
                           re.IGNORECASE)
        if marker is None:
            apposed = re.match(r",\s*(?=[A-ZÀ-Þ])", window)
            if apposed is None:
                return []
            start = end + apposed.end()
        else:
            if len(re.findall(r"[\w’']+", window[:marker.start()])) > 9:
                return []
            start = end + marker.end()
        found, _ = self.place_list(context, start, context.sentence.end, names=True)
        return found if len(found) >= 2 or marker is not None and found else []

    def _recent_list(self, context: Context, position: int) -> list[Place]:
        """The places last listed before ``position`` (two or more, after "including" or a colon, in this sentence
        or the three before it): what "the affected areas" point back to."""
        for index in range(context.index, max(-1, context.index - 4), -1):
            earlier = self.context(index)
            stop = position if index == context.index else earlier.sentence.end
            found: list[Place] = []
            for marker in re.finditer(r"(?:" + self.p.phrases["list_words"].pattern + r")\s*:?\s*|:\s*",
                                      self.text[earlier.sentence.start:stop], re.IGNORECASE):
                start = earlier.sentence.start + marker.end()
                listed, _ = self.place_list(earlier, start, stop, names=True)
                if len(listed) >= 2:
                    found = listed
            if found:
                return found
        return []

    def places_after_head(self, context: Context, end: int, limit: int, *, inside: bool = True,
                           depth: int = 0) -> tuple[list[Place], int] | None:
        """The places named after a noun of ground: directly ("de stad Mosul"), in a list ("several villages,
        including X and Y", "(X, Y and Z)"), after "of" ("the town of X", "control of the town of X"), or, for
        ground that is not a town (``inside``), after a preposition of place ("territory from UNITA in Bambi",
        "a camp at X"): a town "in" a country is not that country."""
        p, text = self.p, self.text
        window = min(limit, end + 100)
        # an apposition after the owner stands past the comma that ends the object ("the main base of Boko Haram,
        # Alagarno"): looked for up to the sentence's end
        wide = min(context.sentence.end, end + 100)
        apposition: int | None = None
        position = end
        aside = re.match(rf"\s*(?:[-–—]\s[^-–—]{{1,50}}\s[-–—]|,\s*{p.forms['indefinite_articles']}\s[^,]{{1,50}},)",
                         text[position:wide])
        if aside is not None:
            position += aside.end()  # "the camp - a police academy - in Limankara village"
            limit = max(limit, min(context.sentence.end, position + 100))  # the dash closes no clause of its own
            window = min(limit, position + 100)
        time = re.match(r"\s*", text[position:window])
        after_space = position + (time.end() if time else 0)
        time_end = self.time_end(after_space)
        if time_end is not None and time_end <= window:
            position = time_end  # "gained control Friday of the towns of ..."
        listed = re.match(r"\s*(?:\(|,?\s*(?:" + p.phrases["list_words"].pattern + r")\s*:?|:)\s*",
                          text[position:window], re.IGNORECASE)
        direct = re.match(r"\s*", text[position:window])
        at = position + (direct.end() if direct else 0)
        candidates: list[int] = []
        if listed is not None:
            candidates.append(position + listed.end())
        elif self.place_at(context, at) is not None or (
                _CAPITAL.match(text[at:at + 1]) and not self._is_entity(at) and not self.title_case(context)):
            candidates.append(at)
        owner_skipped = False
        for _ in range(3):
            preposition = re.match(rf"[\s\"“”‘’'`]*({p.forms['head_prepositions']})\s+", text[position:window],
                                   re.IGNORECASE)
            if preposition is None:
                apposed = re.match(r",\s*(?=[A-ZÀ-Þ])", text[position:wide]) if owner_skipped else None
                if apposed is not None:
                    apposition = position + apposed.end()  # "the main base of Boko Haram, Alagarno"
                break
            if inside:
                bearing = re.match(r"\s*(?:" + "|".join(re.escape(b) for b in sorted(p.words["bearings"], key=len, reverse=True))
                                   + rf")\s+(?:{p.forms['definite_words']}\s+)?", text[position:window], re.IGNORECASE) if p.words["bearings"] else None
                if bearing is not None and len(bearing.group().split()) >= 2:
                    candidates.append(position + bearing.end())  # "ten westen van de stad": the town's surroundings
                    break
            word = fold(preposition.group(1))
            if word in p.words["from_words"] or word in p.words["of_words"] \
                    and self.side_after(context, position + preposition.end()):
                side = self.side_after(context, position + preposition.end())
                if side is None:
                    break
                position = side.end  # "territory from UNITA in Bambi": past the loser
                owner_skipped = True
                continue
            if word in p.words["of_words"] or inside:
                candidates.append(position + preposition.end())
            break
        if apposition is not None:
            named = self.place_at(context, apposition)
            if named is not None:
                return [named], named.end
            if _CAPITAL.match(text[apposition:apposition + 1]) and not self._is_entity(apposition) \
                    and not self.title_case(context):
                names, name_end = self.name_list(context, context.index_at(apposition), context.sentence.end,
                                                 single=True)
                if names and (re.match(r"\s*(?:[,.;:)]|$)", text[name_end:name_end + 2])
                              or self.p.phrases["coordinators"].match(text, name_end + 1)):
                    return names, name_end  # a name, then punctuation or "as well as": not "X, Ahmed said"
        for at in candidates:
            if at >= limit:
                continue
            if self.place_at(context, at) is not None or (
                    _CAPITAL.match(text[at:at + 1]) and not self._is_entity(at) and not self.title_case(context)):
                places, place_end = self.place_list(context, at, max(limit, context.sentence.end), names=True)
                if places:
                    if text[place_end:place_end + 1] == ")":
                        place_end += 1
                    return places, place_end
            if depth < 4:
                obj = self.object(context, at, limit, people_verb=False, depth=depth + 1)
                if obj.kind == "places":
                    return list(obj.places), obj.end
        return None

    def definite(self, context: Context, head: int) -> bool:
        """Whether the noun at ``head`` is definite ("the town", "de stad", "this area"), not "a town"."""
        k = head - 1
        while k >= 0 and head - k <= 3:
            word = context.words[k]
            if word in self.p.words["definite_words"]:
                return True
            if word in self.p.words["indefinite_words"] or not context.words[k][:1].isalpha():
                return False
            k -= 1
        return False

    def _stronghold_owner(self, context: Context, position: int, limit: int) -> Side | None:
        """ "X, the last stronghold of Y": the side whose ground the place was."""
        match = re.match(r"\s*,?\s*(?:[\w’']+\s+){0,3}?(?:" + "|".join(map(re.escape, self.p.words["stronghold_nouns"]))
                         + rf")\s+{self.p.forms['of_words']}\b", self.text[position:min(limit, position + 60)], re.IGNORECASE)
        if match is None:
            return None
        return self.side_after(context, position + match.end())

    # -- places by name ------------------------------------------------------

    def place_list(self, context: Context, start: int, limit: int, *, names: bool) -> tuple[list[Place], int]:
        """The place at ``start`` and the places listed with it ("Dikwa and Marte", "Raqqa en Tabqa")."""
        places: list[Place] = []
        position = start
        while position < limit:
            elliptic = re.match(rf"[A-ZÀ-Þ][\w’']*-\s+{self.p.forms['list_joiners']}\s+", self.text[position:limit])
            if elliptic is not None:
                position += elliptic.end()  # "Oost- en Zuid-Syrië": the place is the last compound's
            place = self.place_at(context, position)
            if place is None:
                token = re.match(r"[\w’'-]+", self.text[position:limit])
                inner = [e for e in context.entities if e.kind == "place" and token is not None
                         and position < e.start < position + token.end() and self.text[e.start - 1] == "-"
                         and e.end == position + token.end()]
                if inner:
                    entry = self.world.places.get(inner[0].name)
                    place = Place(position, inner[0].end, inner[0].name, entry.latitude if entry else None,
                                  entry.longitude if entry else None)  # "Zuid-Syrië": Syria
            if place is None and names and _CAPITAL.match(self.text[position:position + 1]) \
                    and not self._is_entity(position):
                found, end = self.name_list(context, context.index_at(position), limit, single=True)
                place = found[0] if found else None
            if place is None:
                break
            places.append(place)
            other = self._alternative(context, place, limit)
            if other is not None:
                places.append(other)  # "Badam (Abadam)"
            apposition = re.match(r",[^,;:()]{3,60},", self.text[place.end:min(limit, place.end + 64)])
            if apposition is not None and any(
                    e.kind == "place" and is_reference_place(self.doc, e)
                    for e in self.doc.within(self.doc.entities, place.end, place.end + apposition.end(), "entities")):
                place = replace(place, end=place.end + apposition.end() - 1)  # ", 80 miles northeast of Baghdad,"
                places[-1] = Place(places[-1].start, places[-1].end, places[-1].name, places[-1].latitude,
                                   places[-1].longitude)
                position = place.end
            forms = self.p.forms
            gap = re.match(rf"(?:\s*\([^)]{{1,40}}\))?\s*(?:,\s*(?:{forms['list_joiners']}\s+)?|{forms['list_joiners']}\s+)"
                           rf"(?:{forms['definite_words']}\s+)?(?:{forms['list_place_nouns']}\s+(?:{forms['of_words']}\s+)?)?",
                           self.text[place.end:min(limit, place.end + 40)], re.IGNORECASE)
            if gap is None or not gap.group().strip(" ("):
                break
            position = place.end + gap.end()
        end = places[-1].end if places else start
        return places, end

    def _alternative(self, context: Context, place: Place, limit: int) -> Place | None:
        """Another name of a place in brackets right after it ("Badam (Abadam)"), not a country or a first-order
        division it lies in."""
        alternative = re.match(r"\s*\(((?:[A-ZÀ-Þ][\w’'-]*)(?:\s[A-ZÀ-Þ][\w’'-]*){0,2})\)",
                               self.text[place.end:min(limit, place.end + 40)])
        if alternative is None or self._is_country(alternative.group(1)) or any(
                e.kind == "place" and self._is_country(e.name)
                for e in self.doc.within(self.doc.entities, place.end, place.end + alternative.end(), "entities")):
            return None
        a = place.end + alternative.start(1)
        known = self.place_at(context, a)
        if known is not None and known.ref is not None and known.ref.kind in _DIVISIONS:
            return None  # "Kolbio (Lower Juba)": the province the place lies in
        return known or Place(a, place.end + alternative.end(1), alternative.group(1))

    def name_list(self, context: Context, i: int, limit: int, *, single: bool = False) -> tuple[list[Place], int]:
        """Names the gazetteer does not know, read as places: "Buni Yadi and Buni Gari", "Kala-Balge"."""
        text = self.text
        found: list[Place] = []
        n = len(context.tokens)
        end = context.tokens[i][0] if i < n else limit
        while i < n and context.tokens[i][0] < limit:
            start = context.tokens[i][0]
            if not _CAPITAL.match(text[start]) or self._is_entity(start) or self.time_end(start) is not None:
                break
            j = i
            while j < n and context.tokens[j][0] < limit and (
                    _CAPITAL.match(text[context.tokens[j][0]]) and not self._is_entity(context.tokens[j][0])
                    or context.words[j] in self.p.words["name_particles"]
                    and j + 1 < n and _CAPITAL.match(text[context.tokens[j + 1][0]])):
                j += 1
            name = text[start:context.tokens[j - 1][1]]
            found.append(Place(start, context.tokens[j - 1][1], name.strip(".")))
            end = context.tokens[j - 1][1]
            if single:
                break
            gap = re.match(rf"\s*(?:,\s*{self.p.forms['and_words']}?|{self.p.forms['and_words']}|&)\s*",
                           text[end:min(limit, end + 8)], re.IGNORECASE)
            if gap is None or j >= n:
                break
            i = context.index_at(end + gap.end())
        return found, end

    def name_before(self, context: Context, position: int, floor: int) -> list[Place]:
        """A place the gazetteer does not know, named right before ``position`` with a noun of place:
        "al-Qeba village", "the village of Damase"."""
        text = self.text
        i = context.index_at(position) - 1
        while i >= 0 and not text[context.tokens[i][0]].isalnum():
            i -= 1
        if i < 0 or context.tokens[i][0] < floor:
            return []
        if self.p.descriptions.get(context.words[i]) == "city":
            k = i - 1
            while k >= 0 and _CAPITAL.match(text[context.tokens[k][0]]) and not self._is_entity(context.tokens[k][0]) \
                    and context.tokens[k][0] >= floor:
                k -= 1
            if k < i - 1:
                a, b = context.tokens[k + 1][0], context.tokens[i - 1][1]
                return [Place(a, b, text[a:b])]
        k = i
        while k >= 0 and _CAPITAL.match(text[context.tokens[k][0]]) and not self._is_entity(context.tokens[k][0]):
            k -= 1
        if k < i and k >= 1 and context.words[k] in ("of", "van") and self.p.descriptions.get(context.words[k - 1]) == "city":
            a, b = context.tokens[k + 1][0], context.tokens[i][1]
            return [Place(a, b, text[a:b])]
        return []

    def places_before(self, context: Context, position: int, floor: int) -> list[Place]:
        """The place that ends right before ``position`` (after ``floor``) and the places listed before it."""
        text = self.text
        every = [pl for pl in context.places if pl.end <= position
                 and not any(s.start <= pl.start < s.end for s in context.sides if not s.country)]
        before = [pl for pl in every if floor <= pl.start]
        if not before:
            return []
        chosen = [before[-1]]
        for place in reversed(every[:every.index(before[-1])]):
            gap = [fold(w) for w in re.findall(r"[\w’']+", text[place.end:chosen[-1].start])]
            if len(gap) <= 5 and all(w in self.p.words["list_joiners"] or w in self.p.articles
                                     or self.p.phrases["list_words"].fullmatch(w) or w in self.p.words["object_skip"]
                                     or self.ground_word(w) for w in gap) \
                    and not re.search(r"[;:()]", text[place.end:chosen[-1].start]):
                chosen.append(place)
            else:
                break
        return list(reversed(chosen))

    def described(self, context: Context, position: int, kind: str, *, noun: str | None = None,
                  allow_same_sentence: bool = True) -> Place | None:
        """The place a description points back to: the article's capital or country; else a place named before
        with the same noun ("the Tallat Bahouta area ... the area"); else the last place of its kind named before
        it (in the sentence, the article, then the headline)."""
        w = self.world
        country = self.doc.country
        if kind == "capital":
            capital = w.capital(country)
            return self._named(position, position, capital) if capital else None
        if kind == "country":
            return self._named(position, position, country) if country else None
        fits = {"city": ("city", "town", "village", "camp", "district", "neighbourhood"),
                "province": ("province", "region"), "any": ("city", "town", "village", "camp", "district",
                                                          "neighbourhood", "province", "region")}[kind]
        earlier = [pl for pl in (self._place_of(e) for e in self.doc.within(self.doc.entities, 0, position, "entities"))
                   if pl is not None]
        if not allow_same_sentence:
            earlier = [pl for pl in earlier if pl.end <= context.sentence.start]
        if noun is not None:
            same = [pl for pl in earlier if fold(self.text[pl.end:pl.end + 40].split(None, 1)[0] if
                                                 self.text[pl.end:pl.end + 40].split() else "") == noun]
            if same:
                return same[-1]
        candidates = [pl for pl in earlier if self._kind_of(pl) in fits]
        if candidates and candidates[-1].start < self._recent_floor(context):
            # nothing of the kind in this sentence or the one before: the place of the headline or the lead
            lead = [pl for pl in self.memory.places if self._kind_of(pl) in fits] or \
                [pl for pl in candidates if pl.start < (self.doc.sentences[0].end if self.doc.sentences else 0)]
            if lead:
                return lead[0]
        if kind == "province":
            for pl in earlier:
                entry = w.places.get(pl.name)
                parent = entry.parent if entry is not None else None
                if entry is not None and entry.kind not in fits and parent in w.places and w.places[parent].kind in fits:
                    candidates.append(self._named(pl.start, pl.end, parent))  # "Idlib ... de regio": the province
            candidates.sort(key=lambda pl: pl.start)
        named = self._named_places(context, position)
        if named and (not candidates or named[-1].start > candidates[-1].start):
            return named[-1]
        if candidates:
            return candidates[-1]
        bracketed = self._bracket_after(context, position) if kind in ("city", "any") else None
        if bracketed is not None:
            return bracketed
        remembered = [pl for pl in self.memory.places if self._kind_of(pl) in fits]
        return remembered[0] if remembered else None

    def _bracket_after(self, context: Context, position: int) -> Place | None:
        """The place a bracket later in the sentence names first, before the divisions it lies in, when no place
        was named before the description: "took control of the village after clashes with the army (Dioura,
        Tenenkou, Mopti)"."""
        found = _PLACE_BRACKET.search(self.text, position, context.sentence.end)
        if found is None:
            return None
        start, end = found.span(1)
        known = self.place_at(context, start)
        if known is not None:
            return known
        if self._is_entity(start):
            return None  # "(Reuters, AP)": sources or sides, not a place
        items = [item.strip() for item in self.text[end:found.end() - 1].split(",") if item.strip()]
        countries = list(dict.fromkeys([self.doc.country] + [ref.country for item in items
                                                              for ref in [_geonames_in(item, None)] if ref]))
        ref = _geonames_in(found.group(1), countries)
        if ref is None and items:
            parent = _geonames_in(items[0], countries)  # "(Dioura, Tenenkou, Mopti)": near Tenenkou
            if parent is not None:
                ref = replace(parent, name=found.group(1), precision=max(parent.precision, 2), kind="village")
        return Place(start, end, found.group(1), ref=ref)

    def _recent_floor(self, context: Context) -> int:
        """Where the sentence before this one starts: a description points back at most that far before it
        points to the headline or the lead."""
        previous = self.doc.sentence_at(context.index - 1)
        return previous.start if previous is not None else context.sentence.start

    def _kind_of(self, place: Place) -> str | None:
        """What kind of place it is: the curated table's kind, else the kind the gazetteer gave it."""
        entry = self.world.places.get(place.name)
        if entry is not None:
            return str(entry.kind)
        ref = place.ref
        return _REF_KINDS.get(ref.kind, ref.kind) if ref is not None else None

    def _place_of(self, entity: Entity) -> Place | None:
        if entity.kind != "place" or entity.name not in self.world.places and entity.place is None:
            return None
        if any(a <= entity.start < b for index in self._contexts for a, b in self._contexts[index].speakers):
            return None
        return self._gazetteer_place(entity)

    def _named_places(self, context: Context, position: int) -> list[Place]:
        """Places named by a name and a place noun earlier in the sentence: "the village of Damase"."""
        found = []
        nouns = [w for w, k in self.p.descriptions.items() if k == "city" and " " not in w]
        pattern = re.compile(r"\b(?i:" + "|".join(map(re.escape, nouns)) + r")\s+(?i:of|van)\s+((?:[A-ZÀ-Þ][\w’'-]*\s?){1,3})")
        for m in pattern.finditer(self.text, context.sentence.start, position):
            if not _CAPITAL.match(m.group(1)) or self._is_entity(m.start(1)):
                continue
            found.append(Place(m.start(1), m.start(1) + len(m.group(1).rstrip()), m.group(1).strip()))
        before = re.compile(r"\b((?:[A-ZÀ-Þ][\w’'-]*\s){1,3})(?:" + "|".join(map(re.escape, nouns)) + r")\b")
        for m in before.finditer(self.text, context.sentence.start, position):
            if not self._is_entity(m.start(1)) and fold(m.group(1).split()[0]) not in self.p.words["name_modifiers"] \
                    and m.start(1) != context.sentence.start:
                found.append(Place(m.start(1), m.start(1) + len(m.group(1).rstrip()), m.group(1).strip()))
        if self.p.words["attack_verbs"]:
            attacked = re.compile(r"\b(?i:" + "|".join(map(re.escape, sorted(self.p.words["attack_verbs"], key=len,
                                                                            reverse=True)))
                                  + r"|attack|attacks)\s+((?:[A-ZÀ-Þ][\w’'-]*\s?){1,3})")
            for m in attacked.finditer(self.text, context.sentence.start, position):
                if _CAPITAL.match(m.group(1)) and not self._is_entity(m.start(1)):
                    found.append(Place(m.start(1), m.start(1) + len(m.group(1).rstrip()), m.group(1).strip()))
        found.sort(key=lambda pl: pl.start)
        return found

    # -- who says so ---------------------------------------------------------

    def account(self, index: int, start: int, end: int, *, sides: list[Side] | None = None) -> tuple[str | None, str]:
        """Who says so and how sure: the speech or denial frame that governs the claim ("X said ...", "...,
        X said", "X denied that ..."), else the clause layer's speaker; ``stated``, ``uncertain`` or ``denied``."""
        doc = self.doc
        parse = clauses.parse(doc, index)
        frames = [f for f in parse.frames if f.kind in ("speech", "denial") and f.who is not None
                  and not any(s.start < f.who.end and f.who.start < s.end for s in sides or [])]
        governing = [f for f in frames if (f.scope_start <= start and end <= f.scope_end and f.scope_end > f.scope_start)
                     or (f.who is not None and f.who.end <= f.start and f.end <= start)]
        certainty = clauses.certainty(doc, index, start, end)
        name: str | None = None
        if governing:
            chosen = min(governing, key=lambda f: min(abs(f.start - start), abs(f.start - end)))
            who = clauses.as_speaker(doc, chosen.who)
            if chosen.kind == "denial":
                certainty = "denied"
        else:
            who = clauses.speaker(doc, index, start, end)
        if who is not None and (who.kind not in ("source", "actor", "state") or who.name == who.surface):
            # "Dat meldt het vanuit Groot-Brittannië opererend Observatorium": the source the phrase goes on to name
            named = [e for e in doc.within(doc.entities, max(0, who.start - 8), who.end + 80, "entities")
                     if e.kind == "source" and e.end > who.start]
            gap = [fold(w) for w in re.findall(r"[\w’']+", self.text[who.end:max(who.end, named[0].start)])] if named else []
            if named and not re.search(r"[.;:]", self.text[who.end:max(who.end, named[0].start)]) \
                    and not any(w in self.p.words["prepositions"] and w not in self.p.words["of_words"] for w in gap):
                who = clauses.Mention(who.start, max(who.end, named[0].end),
                                      self.text[who.start:max(who.end, named[0].end)], named[0].name, None, "source")
        name = who.name if who is not None else None
        if name is None:
            name = self._source(index)
        return name, certainty

    def _source(self, index: int) -> str | None:
        """A monitor's own bulletin is its account; else a source named beside a cue of the sentence."""
        doc = self.doc
        row = self.world.sources.get(doc.publisher or "")
        if row is not None and row.get("kind") in ("monitor", "official", "international"):
            return doc.publisher
        sentence = doc.sentences[index]
        if self.p.cues.search(sentence.text):
            sources = [e for e in doc.within(doc.entities, sentence.start, sentence.end, "entities") if e.kind == "source"]
            return sources[0].name if sources else None
        return None

    # -- claims ----------------------------------------------------------------

    def verb_in(self, hit: Hit, key: str) -> bool:
        """Whether the status phrase is one of the lexicon's ``key`` list, a discontinuous one by its parts
        ("liep ... onder de voet")."""
        words = self.p.words[key]
        if hit.phrase in words:
            return True
        if hit.tail_start <= hit.head_end:
            return False
        return f"{fold(self.text[hit.start:hit.head_end])} ... {fold(self.text[hit.tail_start:hit.end])}" in words

    def claims_of(self, context: Context, hit: Hit) -> list[Claim]:
        """The claims a status phrase makes."""
        from . import territory_claims

        return territory_claims.read(self, context, hit)

    def held_claims(self, context: Context, held: Held) -> list[Claim]:
        """The claims of a held compound ("IS-held X", "de door IS gecontroleerde stad X", "het Houthi-bolwerk")."""
        from . import territory_claims

        return territory_claims.held(self, context, held)

    def measures(self, context: Context, start: int, end: int) -> tuple[float | None, int | None, str | None]:
        """A share of territory (5 procent) or a population (10 miljoen mensen) stated beside the phrase."""
        share = population = None
        qualifier = None
        sentence = context.sentence
        for match in self.doc.within(self.doc.counts, sentence.start, sentence.end, "counts"):
            if abs(match.start - start) > 120 and abs(match.start - end) > 120:
                continue
            following = self.text[match.end:match.end + 25]
            word = re.match(r"\s*([^\s,;:.!?()\"“”]+)", following)
            unit = fold(word.group(1)) if word else ""
            if unit in self.p.words["percent_words"] or following.startswith("%"):
                share, qualifier = float(match.count.best), match.count.qualifier
            elif unit in self.p.words["population_nouns"] and match.count.best >= 1000:
                population, qualifier = match.count.best, match.count.qualifier
        return share, population, qualifier

    def country_place(self, position: int) -> Place | None:
        """The article's country, for a share or population stated without a place."""
        country = self.doc.country
        return self._named(position, position, country) if country else None


def merge_strongholds(found: list[Claim]) -> list[Claim]:
    """A holder named with a place beside its capture names the loser: "they retook the town, the last
    stronghold of Y", "recaptured the last neighbourhoods held by Y", "retook the Y-held town" are captures
    from Y, not claims of Y's control. Beside an intent to take it, the place stays Y's and names whom it is
    to be taken from."""
    captured = {c.place.name for c in found if c.status == "captured"}
    result = []
    losers = {c.place.name: c.actor for c in found if c.stronghold}
    for claim in found:
        if claim.stronghold and claim.place.name in captured:
            continue
        if claim.status in ("captured", "seeks_control") and claim.loser is None \
                and losers.get(claim.place.name) is not None:
            claim = replace(claim, loser=losers[claim.place.name])
        result.append(claim)
    return result
