"""Clauses with roles: one reading of a sentence, shared by the extractors.

A sentence is read once, on first demand, into its clauses and *frames*: a
verb or marker together with the noun phrase that fills its role and the span
of text it governs.

- ``speech``: who says so. "according to X", "volgens X" govern the whole
  sentence; "X said (that) ..." governs what follows the verb, or what comes
  before it when the verb closes the sentence; "..., said X", "..., aldus X",
  "meldt X" govern what comes before them.
- ``denial``: a speech frame whose verb denies ("Kyiv denied that ...").
- ``assailant``: who attacked the victims told of with it: "aangevallen door X", "shelled by X".
- ``owner``: the doer of an attack named with it: "de bombardementen van het regime", "the attack by IS".
- ``agent``: who did it. "killed by X", "door X gedood"; "in an air strike by
  the coalition", "bij een aanval van de taliban", "in Turkish air strikes"
  (an attack and its agent); the subject of an active killing verb ("Gunmen
  killed ...", "IS-strijders hebben ... gedood").
- ``responsibility``: "X claimed responsibility", a perpetrator for the
  sentence before too.
- hedges: "feared dead", "unconfirmed", "niet bevestigd".

Readers (``speaker``, ``perpetrator``, ``certainty``, ``clause_at``) answer
for a fact at a given span; the casualty and territory extractors call them
instead of searching the sentence again. Every word comes from the
``[clauses]`` and ``[roles]`` tables of ``lexicon/<lang>.toml``.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .lexicon import Language, StartScanner, fold, language, phrase_pattern, phrase_prefixes, world

if TYPE_CHECKING:
    from .document import Document

__all__ = ["Frame", "Mention", "Parse", "agents", "as_speaker", "certainty", "fighting", "clause_at", "doer", "is_attack", "names_other_attack", "parse",
           "perpetrator", "phrase_at", "refers_to_event", "sentence_index", "sentence_words", "speaker",
           "speaker_spans", "subject_before"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A noun phrase that fills a role: who says so, who did it.

    ``name`` is canonical where the tables know the thing named (a source, an
    actor, a state's forces), else the words as written (``surface``).
    """

    start: int
    end: int
    surface: str
    name: str
    group: str | None  # military, armed_group, civilian, unknown; None for a speaker
    kind: str          # source, actor, state, noun, name


@dataclass(frozen=True, slots=True)
class Frame:
    """A verb or marker with its role: ``who`` governs the text from ``scope_start`` to ``scope_end``."""

    kind: str  # speech, denial, agent, assailant, owner, attack, subject, responsibility
    start: int
    end: int
    scope_start: int
    scope_end: int
    who: Mention | None


_REACH = 6  # frames looked at on each side of a fact
_PHRASE_WORDS = 10  # the longest noun phrase read backwards


@dataclass
class Parse:
    """One sentence read into clauses, frames and hedges."""

    start: int
    end: int
    clauses: list[tuple[int, int]]
    frames: list[Frame] = field(default_factory=list)
    hedges: list[tuple[int, int]] = field(default_factory=list)
    _clause_starts: list[int] = field(default_factory=list, repr=False)
    _kinds: dict[tuple[str, ...], tuple[list[int], list[Frame]]] = field(default_factory=dict, repr=False)

    def clause_at(self, position: int) -> tuple[int, int]:
        """The clause that holds ``position``."""
        if not self.clauses:
            return self.start, self.end
        if not self._clause_starts:
            self._clause_starts = [c[0] for c in self.clauses]
        return self.clauses[max(0, bisect.bisect_right(self._clause_starts, position) - 1)]

    def near(self, kinds: tuple[str, ...], position: int, *, reach: int = _REACH) -> list[Frame]:
        """The frames of ``kinds`` with a role, the ``reach`` nearest on each side of ``position`` (a reader
        never looks further: a sentence of a thousand counts is read in linear time)."""
        found = self._kinds.get(kinds)
        if found is None:
            chosen = sorted((f for f in self.frames if f.kind in kinds and f.who is not None), key=lambda f: f.start)
            found = self._kinds[kinds] = ([f.start for f in chosen], chosen)
        starts, frames = found
        if not frames:
            return []
        at = bisect.bisect_left(starts, position)
        return frames[max(0, at - reach):at + reach]


# --------------------------------------------------------------------------
# The language's patterns, compiled once
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Patterns:
    breaks: re.Pattern[str]
    denial: frozenset[str]
    speaker_nouns: frozenset[str]
    speaker_heads: tuple[str, ...]
    adverbs: frozenset[str]
    anaphoric: frozenset[str]
    office: re.Pattern[str]
    definite: frozenset[str]
    pronouns: frozenset[str]
    continuations: frozenset[str]
    articles: frozenset[str]
    agent_before: re.Pattern[str]
    attack: re.Pattern[str]
    attack_nouns: frozenset[str]
    attack_heads: tuple[str, ...]
    group_heads: tuple[str, ...]
    force_nouns: frozenset[str]
    event_anaphora: re.Pattern[str]
    attack_markers: frozenset[str]
    attack_agent: re.Pattern[str]
    weapons: frozenset[str]
    perpetrator_nouns: frozenset[str]
    state_words: frozenset[str]
    groups: dict[str, str]
    english: dict[str, str]
    unverified: re.Pattern[str]
    cues: StartScanner
    fighting: re.Pattern[str]
    casualty: re.Pattern[str]
    stop: frozenset[str]
    perfect: frozenset[str]
    based_opening: re.Pattern[str] | None  # "in Groot-Brittannië gevestigde": a seat before a speaker's noun
    seat_before: re.Pattern[str]  # "in " before a place after a speaker: "het ministerie in Tripoli zei"
    executed: re.Pattern[str]  # "uitgevoerd" before "door X": X carried the attack out
    attacked: re.Pattern[str] | None  # "aangevallen" before "door X": X attacked
    identifying: frozenset[str]  # "om", "was": before "een aanval", the attack told of named again
    locatives: frozenset[str]  # "in", "bij": before a place, where something happened
    monitor_nouns: frozenset[str]  # "a monitor said": the one monitor of the article
    citing: frozenset[str]  # "AFP cites X": X speaks
    pointing_perfect: re.Pattern[str] | None  # "Dat heeft ": the subject of a speech participle at the end follows
    subordinate: re.Pattern[str]  # a clause of time or cause opening: "after", "nadat"
    plain_articles: frozenset[str]  # "the", "a", "de", "een": before a participle, they make it an adjective
    other_attack: frozenset[str]  # "een", "vorige", "another": before an attack noun, an attack not told of yet
    addressees: frozenset[str]  # "tegen", "to": after a speech verb, whom it is said to ("zei tegen AFP")
    split_pairs: frozenset[str]
    split_speech: re.Pattern[str] | None  # "maakte X bekend", "liet X weten": a speech verb around its subject
    carried: re.Pattern[str] | None  # "zouden", "anderen", "onder de doden": a sentence goes on with the report before
    transitive: re.Pattern[str]  # the active killing verbs: "gedood", "killed"
    own_deed: re.Pattern[str] | None  # "te hebben", "to have": a speaker's deed told in the infinitive


def _patterns(data: Language) -> _Patterns:
    words = data.words
    folded = lambda path: frozenset(fold(w) for w in words(path))  # noqa: E731
    groups: dict[str, str] = dict(data.table("roles.groups"))
    for group in ("military", "armed_group", "civilian", "unknown"):
        for noun in words(f"victims.{group}"):
            groups.setdefault(fold(noun), group)
    openers = phrase_pattern(words("clauses.openers"))
    stop = {*folded("victims.breakers"), *folded("clauses.openers"), *folded("attribution.cues"),
            *folded("roles.speech"), *folded("casualties.auxiliaries")}
    return _Patterns(
        # A clause ends at a semicolon, colon, bracket or spaced dash, and before an opening word.
        breaks=re.compile(rf"[;:()\[\]]|\s[–—-]\s|,(?=\s)|(?={openers})", re.IGNORECASE),
        denial=folded("roles.denial"),
        speaker_nouns=folded("roles.speaker_nouns"),
        speaker_heads=tuple(sorted((fold(w) for w in words("roles.speaker_nouns") if " " not in w and len(w) >= 5),
                                   key=len, reverse=True)),
        adverbs=folded("roles.adverbs"),
        anaphoric=folded("roles.anaphoric_speakers"),
        # An office before a name, with its owner: a possessive, a genitive of a definite description
        # ("the monitor's"), or a named source ("SOHR director").
        office=re.compile(
            r"(?:(?P<owner>" + phrase_pattern(words("clauses.possessives")) + r"|(?:" + phrase_pattern(
                words("roles.definite")) + r")\s+[\w-]+['’]s)\s+)?(?:[\w-]+\s+)?"
            + phrase_pattern(words("roles.offices")) + r"\s*,?\s*$", re.IGNORECASE),
        definite=folded("roles.definite"),
        pronouns=folded("roles.pronouns"),
        continuations=folded("clauses.continuations"),
        articles=frozenset({*folded("clauses.articles"), *folded("clauses.possessives")}),
        agent_before=re.compile(phrase_pattern(words("roles.agent_before")), re.IGNORECASE),
        # no word start before the noun: compounds hold it ("zelfmoordaanslag", "IS-aanval")
        attack=re.compile(phrase_pattern(words("roles.attack_nouns")).replace(r"(?<![\w])", ""), re.IGNORECASE),
        attack_nouns=folded("roles.attack_nouns"),
        force_nouns=folded("victims.military"),
        group_heads=tuple(sorted((g for g in groups if " " not in g and len(g) >= 5), key=len, reverse=True)),
        # Compounds ending in an attack noun: "zelfmoordaanslag", "raketaanvallen".
        attack_heads=tuple(sorted((fold(w) for w in words("roles.attack_nouns") if " " not in w and len(w) >= 5),
                                  key=len, reverse=True)),
        attack_markers=folded("roles.attack_markers"),
        event_anaphora=re.compile(phrase_pattern(words("roles.event_anaphora")), re.IGNORECASE),
        attack_agent=re.compile(r"\s*" + phrase_pattern(words("roles.attack_agent")), re.IGNORECASE),
        weapons=folded("roles.weapon_nouns"),
        perpetrator_nouns=folded("roles.perpetrator_nouns"),
        state_words=folded("victims.state_forces"),
        groups=groups,
        english=dict(data.table("roles.english")),
        unverified=re.compile(phrase_pattern(words("roles.unverified")), re.IGNORECASE),
        # Every cue of a sentence in one scan, its kind the name of its group; at one position the first kind
        # listed wins ("claimed responsibility" is a claim, not a speech verb).
        cues=_cue_scanner(data),
        fighting=re.compile(phrase_pattern(words("roles.fighting")), re.IGNORECASE),
        casualty=re.compile(phrase_pattern([*words("casualties.killed"), *words("casualties.injured"),
                                            *words("casualties.captured")]), re.IGNORECASE),
        stop=frozenset(stop),
        perfect=folded("clauses.perfect_auxiliaries"),
        citing=folded("roles.citing"),
        monitor_nouns=folded("roles.monitor_nouns"),
        executed=re.compile(phrase_pattern(words("roles.executed")) + r"\s*$", re.IGNORECASE),
        attacked=re.compile(phrase_pattern(words("roles.attacked")) + r"\s*$", re.IGNORECASE)
        if words("roles.attacked") else None,
        identifying=folded("roles.identifying"),
        locatives=folded("places.locatives"),
        seat_before=re.compile(r"(?<![\w])(?:" + phrase_pattern(words("places.source_seats")) + r")\s+$", re.IGNORECASE),
        based_opening=re.compile(r"(?:" + phrase_pattern(words("places.source_seats")) + r")\s+(?:[^\s,.;:]+\s+){1,4}?(?:"
                                 + "|".join(re.escape(w.strip(" -")) for w in words("places.based_suffixes")
                                            if w.strip(" -").endswith("e")) + r")\s+", re.IGNORECASE)
        if any(w.strip(" -").endswith("e") for w in words("places.based_suffixes")) else None,
        pointing_perfect=re.compile(r"\s*(?:" + phrase_pattern(words("clauses.pointing_openers")) + r")\s+(?:"
                                    + phrase_pattern(words("clauses.perfect_auxiliaries")) + r")\s+", re.IGNORECASE)
        if words("clauses.pointing_openers") and words("clauses.perfect_auxiliaries") else None,
        plain_articles=folded("victims.definite_articles") | folded("numbers.singular_articles"),
        other_attack=folded("roles.other_attack"),
        addressees=folded("roles.addressees"),
        split_pairs=frozenset(fold(w.split()[0] + " " + w.split()[-1]) for w in words("roles.split_speech")),
        split_speech=re.compile(
            r"(?<![\w])(?P<verb>" + "|".join(sorted({re.escape(w.split()[0]) for w in words("roles.split_speech")},
                                                 key=len, reverse=True))
            + r")(?P<gap>(?:\s+[^\s,.;:!?\"“”]+){1,8}?)\s+(?P<particle>"
            + "|".join(sorted({re.escape(w.split()[-1]) for w in words("roles.split_speech")}, key=len, reverse=True))
            + r")(?![\w])", re.IGNORECASE) if words("roles.split_speech") else None,
        carried=re.compile(phrase_pattern(words("attribution.carried")), re.IGNORECASE)
        if words("attribution.carried") else None,
        transitive=re.compile(phrase_pattern(words("casualties.transitive")), re.IGNORECASE),
        own_deed=re.compile(phrase_pattern(words("roles.own_deed")), re.IGNORECASE) if words("roles.own_deed") else None,
        subordinate=re.compile(r"[\s,;:–—-]*" + phrase_pattern(words("clauses.subordinators")), re.IGNORECASE),
    )


def _cue_scanner(data: Language) -> StartScanner:
    """Every cue of a sentence in one scan, its kind the name of its group; at one position the first kind
    listed wins ("claimed responsibility" is a claim, not a speech verb). The scan tries the large pattern
    only where a cue's first letters stand: at a word's start, or anywhere for an attack noun, which
    compounds hold ("zelfmoordaanslag", "IS-aanval")."""
    words = data.words
    kinds = (
        ("claim", _claims(words("roles.claim_verbs"), words("roles.claim_objects")).pattern
         + ("|" + phrase_pattern(words("roles.claimed_by")) if words("roles.claimed_by") else ""),
         words("roles.claim_verbs") + words("roles.claim_objects") + words("roles.claimed_by")),
        ("source", phrase_pattern(words("roles.source_before")), words("roles.source_before")),
        ("speech", phrase_pattern([*words("roles.speech"), *words("roles.denial")]),
         [*words("roles.speech"), *words("roles.denial")]),
        ("hedge", phrase_pattern(words("roles.uncertain")), words("roles.uncertain")),
        ("attacking", phrase_pattern(words("roles.attack_verbs")), words("roles.attack_verbs")),
        ("killing", phrase_pattern([*words("casualties.transitive"), *words("roles.result_verbs")]),
         [*words("casualties.transitive"), *words("roles.result_verbs")]),
        ("agent", phrase_pattern(words("roles.agent_before")), words("roles.agent_before")),
    )
    attacks = words("roles.attack_nouns")
    pattern = re.compile("|".join(f"(?P<{kind}>{source})" for kind, source, _ in kinds)
                         + "|(?P<attack>" + phrase_pattern(attacks).replace(r"(?<![\w])", "") + ")", re.IGNORECASE)
    starts = re.compile(r"(?<![\w])(?=" + phrase_prefixes(w for _, _, phrases in kinds for w in phrases) + ")|(?="
                        + phrase_prefixes(attacks) + ")", re.IGNORECASE)
    return StartScanner(pattern, starts)


def _claims(verbs: list[str], objects: list[str]) -> re.Pattern[str]:
    """A claim of responsibility: a claim verb and its object within six words, in either order."""
    verb, thing = phrase_pattern(verbs), phrase_pattern(objects)
    gap = r"(?:\W+[\w’'-]+){0,6}?\W+"
    return re.compile(rf"{verb}{gap}{thing}|{thing}{gap}{verb}", re.IGNORECASE)


def _get(lang: str) -> _Patterns:
    data = language(lang)
    found: _Patterns = data.memo("clause_patterns", lambda: _patterns(data))
    return found


_TOKEN = re.compile(r"[^\W_][\w’'.-]*[\w]|[^\W_]|[^\w\s]")
_CAPITAL = re.compile(r"[A-ZÀ-ÞĀ-Ž]")


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


# --------------------------------------------------------------------------
# Noun phrases
# --------------------------------------------------------------------------

class _Reader:
    """Reads noun phrases of one sentence: forwards after a marker, backwards before a verb."""

    def __init__(self, doc: Document, start: int, end: int, p: _Patterns):
        self.doc = doc
        self.text = doc.text
        self.start = start
        self.end = end
        self.p = p
        self.tokens = _tokens(doc.text, start, end)
        self.entities = doc.within(doc.entities, start, end, "entities")
        self._entity_at = {e.start: e for e in self.entities}
        self._entity_ending = {e.end: e for e in self.entities}
        self._count_starts = {c.start for c in doc.within(doc.counts, start, end, "counts")}

    def word(self, index: int) -> str:
        start, end = self.tokens[index]
        return fold(self.text[start:end])

    def index_at(self, position: int) -> int:
        """The index of the first token that starts at or after ``position``."""
        return bisect.bisect_left(self.tokens, (position, -1))

    def forward(self, position: int, *, limit: int = 8) -> Mention | None:
        """The noun phrase that starts at ``position`` (articles skipped), up to its head noun or name."""
        i = self.index_at(position)
        n = len(self.tokens)
        while i < n and self.text[self.tokens[i][0]] in ",;:–—-" and self.tokens[i][0] - position < 3:
            i += 1  # a clause that opens with its comma or dash
        while i < n and self.word(i) in self.p.articles:
            i += 1
        if i < n and self.p.based_opening is not None:
            based = self.p.based_opening.match(self.text, self.tokens[i][0])
            if based is not None:  # "het in Groot-Brittannië gevestigde Observatorium": the seat is no speaker
                i = self.index_at(based.end())
        first, last = i, None
        while i < n and i - first < limit:
            start, _ = self.tokens[i]
            entity = self._entity_at.get(start)
            if entity is not None:
                last = self.index_at(entity.end) - 1
                i = last + 1
                if i < n and (self._head(self.word(i)) or self.tokens[i][0] in self._entity_at):
                    continue  # "IS fighters", "the Britain-based Syrian Observatory"
                break
            word = self.word(i)
            if not self.text[start].isalnum() or i > first and start in self._count_starts:
                break  # a count opens a phrase of its own: "door de gevechten dertig militairen"
            if word in ("of", "van"):
                if last is None or i + 1 >= n:
                    break
                i += 1  # "the governor of Kandahar", "woordvoerder van het leger"
                continue
            if i > first and (word in self.p.stop or word in self.p.attack_markers):
                break
            if self._head(word):
                last = i
                i += 1
                if i < n and self._continues(i):
                    continue
                break
            if _CAPITAL.match(self.text[start]) or word in _PARTICLES and last is not None:
                last = i  # a name: "Murad Ali Murad"
            elif last is not None and _CAPITAL.match(self.text[self.tokens[last][0]]):
                break  # a lower-case word after a name ends it
            i += 1
        if last is None:
            return None
        while last > first and (self.word(last) in ("of", "van") or self.word(last) in self.p.articles):
            last -= 1
        return self._mention(first, last)

    def backward(self, position: int, floor: int) -> Mention | None:
        """The noun phrase that ends before ``position`` (adverbs and auxiliaries between skipped)."""
        i = self.index_at(position) - 1
        while i >= 0 and self.tokens[i][0] >= floor and self.word(i) in self.p.adverbs \
                and self.tokens[i][1] not in self._entity_ending:
            i -= 1
        if i < 0 or self.tokens[i][0] < floor:
            return None
        last = i
        floor = max(floor, self.tokens[max(0, i - _PHRASE_WORDS)][0])  # a noun phrase is a few words
        # A person's name ends the phrase at its first word: "the monitor's head Rami Abdel Rahman".
        name = self._entity_ending.get(self.tokens[i][1]) is None and _CAPITAL.match(self.text[self.tokens[i][0]]) \
            is not None and self.word(i) not in self.p.speaker_nouns
        while i >= 0 and self.tokens[i][0] >= floor:
            start, _ = self.tokens[i]
            entity = self._entity_ending.get(self.tokens[i][1])
            if entity is not None:
                if name and i < last:
                    break
                # a name is one piece, whatever its words ("IS"); always a step back, even when it starts
                # inside a word ("pro-IS")
                i = min(i, self.index_at(entity.start)) - 1
                continue
            word = self.word(i)
            if not self.text[self.tokens[i][0]].isalnum():
                break
            if word in self.p.stop or word in self.p.articles:
                break
            if name and not _CAPITAL.match(self.text[start]) and word not in _PARTICLES:
                break
            if i < last and word in self.p.attack_markers and word not in ("of", "van"):
                break
            i -= 1
        first = i + 1
        while first <= last and self.word(first) in self.p.articles:
            first += 1
        if first > last:
            return None
        return self._mention(first, last)

    def _english(self, words: str) -> str:
        """A noun phrase as written, in English words where the language's table knows them."""
        table = self.p.english
        if not table:
            return words
        if fold(words) in table:
            return table[fold(words)]
        adjectives = _english_adjectives(self.doc.lang)
        return " ".join(table.get(fold(w)) or adjectives.get(fold(w), w) for w in words.split())

    def _glued_actor(self, word: str) -> str | None:
        return _glued(self.doc.lang, word)

    def _head(self, word: str) -> bool:
        p = self.p
        return word in p.speaker_nouns or word in p.perpetrator_nouns or word in p.weapons \
            or word in p.attack_nouns or word in p.groups or word.endswith(p.speaker_heads) \
            or word.endswith(p.attack_heads) or word.endswith(p.group_heads)

    def _continues(self, index: int) -> bool:
        """Whether the phrase goes on after a head noun: a second noun ("police officers"), "of X", or a
        name in apposition ("terreurgroep IS")."""
        word = self.word(index)
        entity = self._entity_at.get(self.tokens[index][0])
        return word in ("of", "van") or self._head(word) and word not in self.p.attack_nouns \
            or entity is not None and entity.kind in ("actor", "source")

    def _mention(self, first: int, last: int) -> Mention | None:
        start, end = self.tokens[first][0], self.tokens[last][1]
        surface = self.text[start:end].strip(" ,.;:")
        if not surface or not any(map(str.isalpha, surface)):
            return None
        inside = [e for e in self.entities if start <= e.start and e.end <= end]
        w = world()
        for kind in ("source", "actor"):
            found = [e for e in inside if e.kind == kind]
            if found:
                entity = found[0]
                group = w.actor_group(entity.name) if kind == "actor" else None
                return Mention(start, end, surface, entity.name, group or ("armed_group" if kind == "actor" else None),
                               kind)
        words = [fold(self.text[a:b]) for a, b in self.tokens[first:last + 1]]
        head = words[-1]
        glued = self._glued_actor(head)
        if glued is not None:  # "talibanstrijders", "Houthi-rebellen": an actor glued to its noun
            return Mention(start, end, surface, glued, w.actor_group(glued) or "armed_group", "actor")
        country = next((e.name for e in inside if e.kind in ("adjective", "demonym")), None)
        place = next((e for e in inside if e.kind == "place"), None)
        if country is None and place is not None and w.places.get(place.name) and \
                w.places[place.name].kind == "country":
            country = place.name
        stateish = head in self.p.state_words or any(" ".join(words[i:]) in self.p.state_words
                                                      for i in range(len(words)))
        if country and (stateish or head in self.p.weapons or head in self.p.attack_nouns
                        or self.p.groups.get(head) == "military" or len(inside) == 1 and len(words) == 1):
            forces = w.state_forces(country)
            if forces:
                return Mention(start, end, surface, forces, "military", "state")
        if place is not None and len(words) == len(place.name.split()) or \
                place is not None and inside and inside[0] is place and end == place.end:
            return Mention(start, end, surface, surface, None, "name")
        if stateish or head in self.p.force_nouns:
            # "the army", "troops", "soldiers", "the air force": a state's forces, of the article's country
            forces = w.state_forces(self.doc.country)
            return Mention(start, end, _as_written(surface, self.text, start), forces or surface, "military",
                           "state" if forces else "noun")
        if head in self.p.perpetrator_nouns or head in self.p.groups or head in self.p.weapons \
                or head in self.p.speaker_nouns or head.endswith(self.p.speaker_heads) \
                or head in self.p.attack_nouns or head.endswith(self.p.attack_heads):
            group = self.p.groups.get(head)
            if head in self.p.perpetrator_nouns and group is None:
                group = "unknown"
            written = self._english(_as_written(surface, self.text, start))
            return Mention(start, end, written, written, group, "noun")
        if all(_CAPITAL.match(self.text[a]) or fold(self.text[a:b]) in _PARTICLES
               for a, b in self.tokens[first:last + 1]) and _CAPITAL.match(surface):
            return Mention(start, end, surface, surface, None, "name")
        return None


@functools.lru_cache(maxsize=8)
def _english_adjectives(lang: str) -> dict[str, str]:
    """A language's country adjectives in English ("Oekraïense": "Ukrainian"), folded, from ``countries.csv``."""
    found: dict[str, str] = {}
    for row in world().countries.values():
        english = (row.get("adjectives_en") or "").split("|")[0]
        if english and lang != "en":
            for adjective in (row.get(f"adjectives_{lang}") or "").split("|"):
                if adjective:
                    found.setdefault(fold(adjective), english)
    return found


@functools.lru_cache(maxsize=16384)
def _glued(lang: str, word: str) -> str | None:
    """An actor glued to a group noun: "talibanstrijders", "houthi-rebellen" (the word folded)."""
    for noun in _get(lang).group_heads:
        if word.endswith(noun) and len(word) > len(noun) + 1:
            prefix = word[:len(word) - len(noun)].rstrip("-")
            found = [e for e in world().entities(prefix) if e.kind == "actor" and e.start == 0
                     and e.end >= len(prefix) - 1]
            if found:
                return found[0].name
    return None


_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "der", "den", "de", "du", "la", "le"})


def _as_written(surface: str, text: str, start: int) -> str:
    """The words of a noun phrase, a capital that only opens the sentence lowered ("Gunmen" -> "gunmen")."""
    line_start = start == 0 or text[start - 1] in "\n" or text[max(0, start - 2):start].rstrip().endswith(
        (".", "!", "?", '"', "“"))
    first, _, rest = surface.partition(" ")
    if line_start and first[1:].islower():
        return (first.lower() + (" " + rest if rest else "")).strip()
    return surface


# --------------------------------------------------------------------------
# Reading a sentence
# --------------------------------------------------------------------------

def parse(doc: Document, index: int) -> Parse:
    """The clauses and frames of sentence ``index`` of ``doc`` (read once, then cached)."""
    cache = doc._clauses
    found = cache.get(index)
    if found is None:
        found = cache[index] = _parse(doc, index)
    return found


def _reader(doc: Document, index: int) -> _Reader:
    """The noun phrase reader of sentence ``index`` (built once: the parse and every side the territory
    reader looks up read the same sentence's tokens)."""
    key = ("reader", index)
    found: _Reader | None = doc._clauses.get(key)
    if found is None:
        sentence = doc.sentences[index]
        found = doc._clauses[key] = _Reader(doc, sentence.start, sentence.end, _get(doc.lang))
    return found


def sentence_words(doc: Document, index: int) -> tuple[list[tuple[int, int]], list[str]]:
    """The tokens of sentence ``index`` (their spans) and their words folded, read once per sentence for
    every reader of its words. The lists are shared: read them, do not change them."""
    reader = _reader(doc, index)
    key = ("words", index)
    words: list[str] | None = doc._clauses.get(key)
    if words is None:
        words = doc._clauses[key] = [fold(doc.text[a:b]) for a, b in reader.tokens]
    return reader.tokens, words


def _parse(doc: Document, index: int) -> Parse:
    sentence = doc.sentences[index]
    p = _get(doc.lang)
    text = doc.text
    cuts = [sentence.start]
    for m in p.breaks.finditer(text, sentence.start, sentence.end):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
    cuts.append(sentence.end)
    clauses = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
    result = Parse(sentence.start, sentence.end, clauses)
    cues: dict[str, list[re.Match[str]]] = {}
    for m in _sentence_cues(doc, index):
        cues.setdefault(m.lastgroup or "", []).append(m)
    if not cues and (p.split_speech is None or p.split_speech.search(text, sentence.start, sentence.end) is None):
        return result
    reader = _reader(doc, index)
    _speech_frames(result, reader, p, cues)
    _agent_frames(result, reader, p, cues)
    for m in cues.get("claim", []):
        agent = p.agent_before.search(text, m.start(), m.end())
        who = reader.forward(agent.end()) if agent is not None else None
        if who is None or who.kind not in ("actor", "state", "noun"):
            who = reader.backward(m.start(), sentence.start)
        if who is None:
            # "IS heeft de aanslag opgeëist": the object first; the subject, a named side, opens a clause before it
            for clause_start in sorted((a for a, _ in result.clauses if a < m.start()), reverse=True):
                opening = reader.forward(clause_start)
                if opening is not None and opening.end <= m.start() and opening.kind == "actor":
                    who = opening
                    break
        result.frames.append(Frame("responsibility", m.start(), m.end(), sentence.start, sentence.end, who))
    result.hedges = [(m.start(), m.end()) for m in cues.get("hedge", [])]
    return result


def _cues(doc: Document) -> list[re.Match[str]]:
    """Every cue of the document, from one scan of its text (read once: ``agents`` needs them all, and each
    sentence's parse takes its own from them)."""
    found: list[re.Match[str]] | None = doc._clauses.get("cues")
    if found is None:
        found = doc._clauses["cues"] = list(_get(doc.lang).cues.finditer(doc.text))
        doc._clauses["cue starts"] = [m.start() for m in found]
    return found


def _sentence_cues(doc: Document, index: int) -> list[re.Match[str]]:
    """The cues of sentence ``index``: what a scan of the sentence alone would find.

    They are the document scan's matches inside the sentence when none of that scan's matches runs
    across either edge of the sentence and white space (or the end of the text) follows it: then no
    match inside could have read beyond the sentence's end. Otherwise (a sentence cut inside a word, a
    phrase that runs on into the next sentence) the sentence is scanned on its own.
    """
    sentence = doc.sentences[index]
    matches = _cues(doc)
    starts: list[int] = doc._clauses["cue starts"]
    first = bisect.bisect_left(starts, sentence.start)
    last = bisect.bisect_left(starts, sentence.end, first)
    following = doc.text[sentence.end:sentence.end + 1]
    if first > 0 and matches[first - 1].end() > sentence.start or last > first and matches[last - 1].end() > \
            sentence.end or following and not following.isspace():
        return list(_get(doc.lang).cues.finditer(doc.text, sentence.start, sentence.end))
    return matches[first:last]


def _speech_frames(result: Parse, reader: _Reader, p: _Patterns, cues: dict[str, list[re.Match[str]]]) -> None:
    text = reader.text
    start, end = result.start, result.end
    for marker in cues.get("source", []):
        who = reader.forward(marker.end())
        if who is not None:
            result.frames.append(Frame("speech", marker.start(), marker.end(), start, end, who))
    colon = text.find(":", start, min(end, start + 120))
    if colon != -1:
        # "UN: Yarmouk fighting displaced 6,000", "Irak: '36 IS-strijders gedood'": a lead that names who speaks.
        clause_start = max([c for c, _ in result.clauses if c < colon] or [start])
        who = reader.backward(colon, clause_start)
        preceding = reader.index_at(who.start) - 1 if who is not None else -1
        if preceding >= 0 and reader.tokens[preceding][0] >= clause_start and reader.word(preceding) in p.locatives:
            who = None  # "Oprukkend geweld in Syrië: 15 burgers komen om": where, not who speaks
        if who is not None and who.kind in ("source", "actor", "state"):
            result.frames.append(Frame("speech", colon, colon + 1, colon + 1, end, who))
    claims = [(m.start(), m.end()) for m in cues.get("claim", [])]
    speech: list[re.Match[str] | _Cue] = list(cues.get("speech", []))
    if p.split_speech is not None:
        # "Dat maakte het leger maandag bekend", "..., liet de politie weten": the verb and its particle around
        # the subject; read as the verb alone, its subject after it
        taken = {m.start() for m in speech}
        for split in p.split_speech.finditer(text, start, end):
            if split.start() not in taken and fold(split.group("verb") + " " + split.group("particle")) in p.split_pairs:
                speech.append(_Cue(split.start("verb"), split.end("verb"), split.group("verb")))
        speech.sort(key=lambda m: m.start())
    for m in speech:
        if any(f.start <= m.start() < f.who.end for f in result.frames if f.who is not None) \
                or any(a <= m.start() < b for a, b in claims):
            continue  # inside "according to X", or "claimed responsibility"
        kind = "denial" if fold(m.group()) in p.denial else "speech"
        previous_word = re.search(r"([\w’'-]+)\s+$", text[max(start, m.start() - 20):m.start()])
        if previous_word is not None and fold(previous_word.group(1)) in p.plain_articles:
            continue  # "the disputed region", "het ontkende bericht": a participle before a noun
        clause_start, _ = result.clause_at(m.start())
        if p.subordinate.match(text, clause_start) and clause_start > start:
            continue  # "..., after the insurgents rejected the ransom": it speaks of its own clause only
        if fold(m.group()) in p.citing:
            # "AFP citeert bronnen binnen de veiligheidsdiensten, die spreken van acht doden": the sources cited
            # speak, the agency passes their word on
            cited = reader.forward(m.end())
            if cited is not None:
                result.frames.append(Frame(kind, m.start(), m.end(), start, end, cited))
                continue
        pointing = p.pointing_perfect.match(text, clause_start) if p.pointing_perfect is not None else None
        if pointing is not None and pointing.end() < m.start():
            # "Dat heeft het VN-bureau vrijdag in Genève gezegd": the subject follows the auxiliary, not the
            # place before the participle; what came before is theirs, as with "Dat meldt X".
            who = reader.forward(pointing.end())
            if who is not None and who.end <= m.start():
                result.frames.append(Frame(kind, m.start(), m.end(), start, m.start(), who))
                continue
        before = text[clause_start:m.start()].strip(" \"'“”‘’")
        opens_clause = not before or before in (",",) or text[max(start, m.start() - 3):m.start()].rstrip().endswith(
            (",", '"', "”", "’"))
        subject = None if opens_clause and before == "" and clause_start > start else reader.backward(m.start(), clause_start)
        if subject is None and not opens_clause:
            # "Lokale autoriteiten hebben dat gezegd": the subject stands before the object that points back
            subject = reader.backward(_before_pointing_object(reader, m.start(), start, p), start)
        if subject is None and not opens_clause:
            subject = _pronoun_before(reader, m.start(), clause_start, p)  # "..., he said."
        if subject is None and not opens_clause and clause_start > start:
            # "..., a police chief of the town told Xinhua": the phrase that opens a closing clause, read forwards
            opening = reader.forward(clause_start)
            subject = opening if opening is not None and opening.end <= m.start() and (
                opening.kind == "source" or fold(opening.surface.split()[-1]) in p.speaker_nouns) \
                and not _has_count(reader, opening.start, opening.end) else None
        if subject is not None and subject.kind in ("state", "name"):
            seat = p.seat_before.search(text, max(clause_start, subject.start - 12), subject.start)
            if seat is not None:
                # "Het ministerie van Volksgezondheid in Tripoli zei": the place is where the speaker sits
                subject = reader.backward(seat.start(), clause_start) or subject
        addressed = re.match(r"\s*([\w’'-]+)", text[m.end():m.end() + 20])
        inverted = reader.forward(m.end()) if (subject is None or opens_clause) and not (
            addressed and fold(addressed.group(1)) in p.addressees) else None  # "zei tegen AFP": whom it is told
        if inverted is not None and (subject is None or opens_clause):
            # "..., said the governor", "..., aldus X", "Dat meldt X": what came before is theirs.
            result.frames.append(Frame(kind, m.start(), m.end(), start, m.start(), inverted))
        elif subject is not None:
            # "X said 20 soldiers were killed": what follows is theirs; "..., X said on Tuesday." closes the
            # sentence: what came before is theirs.
            reports = _has_people_count(reader, m.end(), end) or p.casualty.search(text, m.end(), end) is not None
            scope: tuple[int, int] = (m.end(), end) if reports else (start, subject.start)
            result.frames.append(Frame(kind, m.start(), m.end(), *scope, subject))


@dataclass(frozen=True, slots=True)
class _Cue:
    """A speech verb found apart from the document's cue scan (the verb of "maakte X bekend")."""

    begin: int
    finish: int
    words: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.words


def _pronoun_before(reader: _Reader, position: int, floor: int, p: _Patterns) -> Mention | None:
    """A personal pronoun right before ``position`` (adverbs between): the subject of a speech verb."""
    i = reader.index_at(position) - 1
    while i >= 0 and reader.tokens[i][0] >= floor and reader.word(i) in p.adverbs:
        i -= 1
    if i < 0 or reader.tokens[i][0] < floor or reader.word(i) not in p.pronouns:
        return None
    a, b = reader.tokens[i]
    return Mention(a, b, reader.text[a:b], reader.text[a:b], None, "noun")


def _before_pointing_object(reader: _Reader, position: int, floor: int, p: _Patterns) -> int:
    """Where the subject of a speech verb ends when an object that points back and auxiliaries stand between
    ("Lokale autoriteiten hebben dat gezegd": before "hebben")."""
    i = reader.index_at(position) - 1
    pointing = False
    while i >= 0 and reader.tokens[i][0] >= floor and position - reader.tokens[i][0] < 40:
        word = reader.word(i)
        if word in _back_reference(reader.doc.lang) and not pointing:
            pointing = True
        elif word not in p.adverbs:
            break
        i -= 1
    return reader.tokens[i + 1][0] if pointing and i + 1 < len(reader.tokens) else position


def _agent_frames(result: Parse, reader: _Reader, p: _Patterns, cues: dict[str, list[re.Match[str]]]) -> None:
    text = reader.text
    start, end = result.start, result.end
    speech = [(f.start, f.end) for f in result.frames if f.kind in ("speech", "denial")]
    for m in cues.get("agent", []):
        if any(a <= m.start() < b for a, b in speech):
            continue  # "reported by X": a speaker, not an agent
        who = reader.forward(m.end())
        if who is None:
            continue
        attack = is_attack(reader.doc, who)
        clause_start = result.clause_at(m.start())[0]
        carried_out = p.executed.search(text, max(start, m.start() - 25), m.start()) is not None \
            and p.attack.search(text, clause_start, m.start()) is not None
        # "aangevallen door terroristen", "a tank was shelled by militants of the YPG": who attacked, the doer of
        # the casualties told of with it, but not the doer of every casualty of the article
        attacked = not carried_out and (p.attacked is not None and p.attacked.search(
            text, max(start, m.start() - 25), m.start()) is not None or any(
            not text[a.end():m.start()].strip() for a in cues.get("attack", []) if a.end() <= m.start()))
        # ... and "een aanval door terroristen", "a suicide attack by al-Shabaab": the attack's doer
        if not attack and not carried_out and not attacked \
                and not p.casualty.search(text, max(start, m.start() - 30), m.start()) \
                and not p.casualty.match(text, who.end + 1, min(end, who.end + 30)):
            continue  # "door Russische troepen veroverde": the agent of another verb ("De luchtaanval werd
            # uitgevoerd door de coalitie", "the strike was carried out by X": the doer of the attack)
        who = _attack_agent(reader, who, p) if attack else who
        if attacked and who is not None and who.kind not in ("actor", "state") and who.group is None:
            continue  # "raids by warplanes": a doer has a side, as in ``_attack_agent``
        clause = result.clause_at(m.start())
        if who is not None and who.kind != "source":
            result.frames.append(Frame("assailant" if attacked and not attack else "agent", m.start(), m.end(),
                                       clause[0], clause[1], who))
    for m in cues.get("attack", []):
        noun_start = m.start()
        marker = _marker_before(reader, noun_start, p)
        if marker is None:
            # "De bombardementen van het regime op Oost-Ghouta zijn toegenomen", "the attack by IS": an attack
            # named with its doer as the subject of its clause
            owner = _owned_attack(reader, m, p)
            if owner is not None:
                clause = result.clause_at(m.start())
                result.frames.append(Frame("owner", m.start(), m.end(), clause[0], clause[1], owner))
            continue
        phrase = reader.forward(marker)
        if phrase is not None and phrase.end < m.start() and phrase.kind != "actor":
            phrase = None  # "In Somalië vinden geregeld bomaanslagen plaats": a place, not the attack's doer
        who = _attack_agent(reader, phrase, p) if phrase is not None else None
        if who is None:
            who = _compound_agent(reader, m.start(), m.end())
        if who is None:
            continue
        clause = result.clause_at(m.start())
        result.frames.append(Frame("attack", marker, m.end(), clause[0], clause[1], who))
    for m in cues.get("attacking", []):
        # "A suicide bomber blew himself up", "Gunmen stormed the village": their subject is a doer.
        clause_start, clause_end = result.clause_at(m.start())
        subject = reader.backward(m.start(), clause_start)
        if subject is not None and subject.kind in ("actor", "state", "noun") and subject.group is not None \
                and not _has_count(reader, subject.start, subject.end):
            result.frames.append(Frame("subject", m.start(), m.end(), clause_start, clause_end, subject))
    for m in cues.get("killing", []):
        clause_start, clause_end = result.clause_at(m.start())
        following = _TOKEN.search(text, m.end(), end)
        counted = any(m.end() <= c.start <= m.end() + 2 for c in reader.doc.within(reader.doc.counts, m.end(),
                                                                                  m.end() + 3, "counts"))
        if not counted and (following is None or fold(following.group()) in p.stop and following.group()[:1].isalpha()
                            or not following.group()[:1].isalnum()):
            # "the number of soldiers killed since ...": a participle of the victims, no object after it;
            # only an active verb with its object ("Gunmen killed 12", "doodde twaalf burgers") has a subject.
            if not _has_count(reader, clause_start, m.start()):
                continue
        subject = reader.backward(m.start(), clause_start)
        if subject is not None and _has_count(reader, subject.start, subject.end):
            # "12 civilians killed": the victims, not a subject; unless a perfect auxiliary stands before
            # them ("IS-strijders hebben 12 burgers gedood"): its subject is the agent.
            auxiliary = reader.index_at(subject.start) - 1
            while auxiliary >= 0 and reader.word(auxiliary) in p.adverbs and reader.word(auxiliary) not in p.perfect:
                auxiliary -= 1
            subject = None
            if auxiliary >= 0 and reader.word(auxiliary) in p.perfect:
                subject = reader.backward(reader.tokens[auxiliary][0], clause_start)
        if subject is None and not text[clause_start:m.start()].strip(" ,") and clause_start > start:
            subject = _main_subject(result, reader, clause_start, p)  # "IS stormed the village, killing 12"
        if subject is None or subject.group is None and subject.kind == "noun" \
                or _has_count(reader, subject.start, subject.end):
            continue
        result.frames.append(Frame("subject", m.start(), m.end(), clause_start, clause_end, subject))


def _main_subject(result: Parse, reader: _Reader, before: int, p: _Patterns) -> Mention | None:
    """The subject of the clauses before a participle: the first noun phrase of one of them that names a
    doer, or of what a speaker reports in it ("Police said gunmen stormed the village, killing 12":
    gunmen; "Also in the province, a suicide car bomber blew up his car ..., killing 5": the bomber)."""
    for clause_start, _ in reversed([c for c in result.clauses if c[1] <= before][-4:]):
        base = clause_start
        for frame in result.frames:
            if frame.kind in ("speech", "denial") and base <= frame.start < before:
                base = frame.end
        subject = reader.forward(base)
        if subject is not None and is_attack(reader.doc, subject):
            subject = _attack_agent(reader, subject, p)
        if subject is not None and subject.kind in ("actor", "state", "noun") and subject.group is not None \
                and not _has_count(reader, subject.start, subject.end):
            return subject
    return None


def _has_people_count(reader: _Reader, start: int, end: int) -> bool:
    """Whether a count that is not part of a date or time stands in ``[start, end)``."""
    doc = reader.doc
    times = doc.within(doc.times, max(0, start - 40), end, "times")
    return any(not any(t.start <= c.start < t.end for t in times) for c in doc.within(doc.counts, start, end, "counts"))


def _has_count(reader: _Reader, start: int, end: int) -> bool:
    """Whether a count (a number of people) overlaps ``[start, end)``."""
    return any(c.end > start for c in reader.doc.within(reader.doc.counts, max(0, start - 40), end, "counts"))


def _marker_before(reader: _Reader, position: int, p: _Patterns) -> int | None:
    """Where the attack phrase ending at an attack noun begins, when a marker opens it: "in an air strike"."""
    i = reader.index_at(position) - 1
    steps = 0
    while i >= 0 and steps < 5:
        word = reader.word(i)
        if word in p.attack_markers:
            return reader.tokens[i][1]
        if not reader.text[reader.tokens[i][0]].isalnum():
            return None
        i -= 1
        steps += 1
    return None


def _attack_agent(reader: _Reader, phrase: Mention, p: _Patterns) -> Mention | None:
    """The agent of an attack: "an air strike by the coalition", "Turkish air strikes", "een IS-aanval"."""
    if phrase.kind in ("actor", "state"):
        return phrase
    after = p.attack_agent.match(reader.text, phrase.end)
    if after is not None:
        who = reader.forward(after.end())
        # a doer has a side: not "raids by warplanes" whose owner the text does not name
        if who is not None and (who.kind in ("actor", "state") or who.kind == "noun" and who.group is not None):
            return who
    return None


def _owned_attack(reader: _Reader, m: re.Match[str], p: _Patterns) -> Mention | None:
    """The doer of an attack noun after a definite article, named after it: "de bombardementen van het
    regime", "the attack by IS" (a whole word, not a compound: "zelfmoordaanslag" has no article of its own)."""
    i = reader.index_at(m.start())
    if i >= len(reader.tokens) or reader.tokens[i][0] != m.start() or i == 0 or reader.word(i - 1) not in p.definite:
        return None
    phrase = reader.forward(reader.tokens[i - 1][0])
    if phrase is None or phrase.end < m.end():
        return None
    return _attack_agent(reader, phrase, p)


def _compound_agent(reader: _Reader, start: int, end: int) -> Mention | None:
    """An actor glued to an attack noun: "IS-aanval", "Taliban attack"."""
    word_start = start
    while word_start > 0 and (reader.text[word_start - 1].isalnum() or reader.text[word_start - 1] in "-’'"):
        word_start -= 1
    for entity in reader.entities:
        if entity.kind == "actor" and word_start <= entity.start < end:
            return Mention(entity.start, entity.end, reader.text[entity.start:entity.end], entity.name,
                           world().actor_group(entity.name) or "armed_group", "actor")
    prefix = reader.text[word_start:start].rstrip("-’'")
    if len(prefix) >= 2:  # "Talibanaanval": the actor written as one word with the noun
        found = [e for e in world().entities(prefix) if e.kind == "actor" and e.start == 0 and e.end >= len(prefix) - 1]
        if found:
            return Mention(word_start, word_start + len(prefix), prefix, found[0].name,
                           world().actor_group(found[0].name) or "armed_group", "actor")
    return None


# --------------------------------------------------------------------------
# Readers for a fact
# --------------------------------------------------------------------------

def clause_at(doc: Document, index: int, position: int) -> tuple[int, int]:
    """The clause of sentence ``index`` that holds ``position``."""
    return parse(doc, index).clause_at(position)


def speaker(doc: Document, index: int, start: int, end: int) -> Mention | None:
    """Who says so, for a fact at ``[start, end)`` of sentence ``index``.

    1. The nearest speech frame of the sentence that governs the fact.
    2. Else an attribution that closes the report, later in the same paragraph: a sentence that points
       back ("Dat meldt X", "This was reported by X") or ends on its speaker ("50 anderen raakten gewond,
       zo melden ziekenhuisbronnen"), with no other speaker between.
    3. Else the speaker of the sentence before, in the same paragraph, when this sentence goes on with its
       report ("According to X, 12 died. Also, 20 were hurt.").
    """
    frames = _speech(doc, index)
    governing = _inner([f for f in parse(doc, index).near(("speech", "denial"), start)
                        if f.scope_start <= start and end <= f.scope_end])
    if governing:
        return _as_speaker(doc, min(governing, key=lambda f: min(abs(f.start - start), abs(f.start - end))).who)
    if frames:
        return None
    paragraph = doc.sentences[index].paragraph
    for later in range(index + 1, min(len(doc.sentences), index + 4)):
        following = doc.sentences[later]
        if following.paragraph != paragraph:
            break
        closing = [f for f in _speech(doc, later) if f.scope_start == following.start and f.scope_end <= f.start]
        first = re.match(r"\W*(\w+)", following.text)
        pointing = first is not None and fold(first.group(1)) in _back_reference(doc.lang)
        if closing or pointing and _speech(doc, later):
            return _as_speaker(doc, _inner(closing or _speech(doc, later))[0].who)
        if _speech(doc, later):
            break
    previous = doc.sentence_at(index - 1)
    if previous is not None and previous.paragraph == paragraph and _goes_on(doc, index):
        before = _inner(_speech(doc, index - 1))
        if before:
            return _as_speaker(doc, before[-1].who)
    return None


_MEDIA = frozenset({"agency", "newspaper", "broadcaster"})


def _inner(frames: list[Frame]) -> list[Frame]:
    """The frames of who speaks, without the news media that pass another speaker's word on ("Volgens het
    ministerie zijn 13 mensen omgekomen, meldt Reuters", "Dat maakte het leger bekend, aldus ANP": the
    ministry, the army)."""
    if len(frames) < 2:
        return frames
    sources = world().sources
    inner = [f for f in frames if f.who is None or f.who.kind != "source"
             or (sources.get(f.who.name) or {}).get("kind") not in _MEDIA]
    return inner or frames


def _goes_on(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` goes on with the report of the sentence before: it opens with a word of
    continuing ("Ook", "Also"), speaks as reported speech ("zouden"), or points back at its figures or its
    attack ("anderen", "onder de doden", "bij de aanval", "de bombardementen")."""
    p = _get(doc.lang)
    opening = re.match(r"\W*(\w+)", doc.sentences[index].text)
    if opening is not None and fold(opening.group(1)) in p.continuations:
        return True
    if p.carried is not None and _sentence_has(doc, index, "carried"):
        return True
    return _names_told_attack(doc, index)


def _names_told_attack(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` names an attack as one told of: an attack noun after a definite article or a
    demonstrative ("bij de aanval", "die bombardementen", "in the attack")."""
    attacks = [m for m in _sentence_cues(doc, index) if m.lastgroup == "attack"]
    if not attacks:
        return False
    p = _get(doc.lang)
    reader = _reader(doc, index)
    for m in attacks:
        i = reader.index_at(m.start())
        if i < len(reader.tokens) and reader.tokens[i][0] > m.start():
            continue  # inside a compound: "zelfmoordaanslag" names it by itself
        i -= 1
        if i >= 0 and reader.word(i) in p.definite:
            return True
    return False


def sentence_index(doc: Document, position: int) -> int:
    """The index of the sentence that holds ``position``."""
    if "sentences" not in doc._starts:
        doc._starts["sentences"] = [s.start for s in doc.sentences]
    return max(0, bisect.bisect_right(doc._starts["sentences"], position) - 1)


def subject_before(doc: Document, position: int) -> Mention | None:
    """The noun phrase before ``position`` in its clause: the subject of a verb there ("IS has lost")."""
    index = sentence_index(doc, position)
    clause_start, _ = parse(doc, index).clause_at(position)
    return _reader(doc, index).backward(position, clause_start)


_DOER_CUES = frozenset({"claim", "attacking", "killing", "agent", "attack"})


def agents(doc: Document) -> list[Mention]:
    """Every doer the document names: agents of killings and attacks, subjects of killing verbs, claims of
    responsibility (read only in the sentences that hold such words, found in one scan of the text)."""
    p = _get(doc.lang)
    found = []
    seen: set[int] = set()
    for m in _cues(doc):
        if m.lastgroup not in _DOER_CUES:
            continue
        index = sentence_index(doc, m.start())
        if index in seen or not doc.sentences:
            continue
        seen.add(index)
        for frame in parse(doc, index).frames:
            who = frame.who
            if frame.kind in ("agent", "attack", "subject", "responsibility") and who is not None \
                    and who.kind in ("actor", "state", "noun") and who.group in ("armed_group", "military"):
                found.append(who)
    return found


def doer(doc: Document, index: int, *, owners: bool = True) -> Mention | None:
    """The first doer sentence ``index`` names (as ``agents`` reads them, and who attacked), if it names one;
    with ``owners`` false, not the owner of an attack only named ("de bombardementen van het regime")."""
    if not any(m.lastgroup in _DOER_CUES for m in _sentence_cues(doc, index)):
        return None
    kinds = ("agent", "attack", "subject", "responsibility", "assailant") + (("owner",) if owners else ())
    for frame in parse(doc, index).frames:
        who = frame.who
        if frame.kind in kinds and who is not None \
                and who.kind in ("actor", "state", "noun") and who.group in ("armed_group", "military"):
            return who
    return None


def fighting(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` speaks of fighting between sides ("clashes", "gevechten"): no one side
    is the doer of its casualties unless the clause says so."""
    return _sentence_has(doc, index, "fighting")


def refers_to_event(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` speaks of an attack, named ("the attack", "een zelfmoordaanslag") or
    pointed back at ("daarbij", "in which"), and not of fighting between sides ("killed in clashes"):
    its casualties are that attack's."""
    if _sentence_has(doc, index, "fighting"):
        return False
    return _sentence_has(doc, index, "attack") or _sentence_has(doc, index, "event_anaphora")


def _sentence_has(doc: Document, index: int, name: str) -> bool:
    """Whether sentence ``index`` holds a phrase of the pattern ``name`` (searched once per sentence)."""
    key = (name, index)
    found: bool | None = doc._clauses.get(key)
    if found is None:
        sentence = doc.sentences[index]
        found = doc._clauses[key] = getattr(_get(doc.lang), name).search(doc.text, sentence.start,
                                                                         sentence.end) is not None
    return found


def names_other_attack(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` names an attack as one not told of yet: an attack noun opened by an
    indefinite article or a word of another ("door een mortieraanval", "de vorige aanslag", "another
    bombing"). Its casualties are not those of an attack whose doer the article named before."""
    key = ("other attack", index)
    found: bool | None = doc._clauses.get(key)
    if found is None:
        found = doc._clauses[key] = _names_other_attack(doc, index)
    return found


def _names_other_attack(doc: Document, index: int) -> bool:
    attacks = [m for m in _sentence_cues(doc, index) if m.lastgroup == "attack"]
    if not attacks:
        return False
    p = _get(doc.lang)
    reader = _reader(doc, index)
    text = doc.text
    for m in attacks:
        word_start = m.start()
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "-’'"):
            word_start -= 1  # the compound that holds the noun: "zelfmoordaanslag"
        i = reader.index_at(word_start) - 1
        for _ in range(3):  # an article and up to two adjectives: "een zware bomaanslag"
            if i < 0 or not text[reader.tokens[i][0]].isalnum():
                break
            word = reader.word(i)
            if word in p.other_attack:
                # "Het zou gaan om een aanval door ...", "It was a suicide attack": the attack told of, named again
                return i == 0 or reader.word(i - 1) not in p.identifying
            if word in p.articles or word in p.attack_markers:
                break
            i -= 1
    return False


def is_attack(doc: Document, who: Mention) -> bool:
    """Whether a noun phrase names an attack ("IS-aanslag", "aanvallen van de Taliban", "een mortieraanval"),
    not a side."""
    p = _get(doc.lang)
    attacks = p.attack_nouns
    return any(fold(w) in attacks or fold(w.rsplit("-", 1)[-1]) in attacks or fold(w).endswith(p.attack_heads)
               for w in who.surface.split())


def phrase_at(doc: Document, position: int) -> Mention | None:
    """The noun phrase that starts at ``position``: who a side marker names ("aan de kant van IS")."""
    return _reader(doc, sentence_index(doc, position)).forward(position)


def as_speaker(doc: Document, who: Mention | None) -> Mention | None:
    """The speaker a noun phrase names, as ``speaker`` gives it: a source or actor by its canonical name, a
    government speaking for itself by its country, capital or people ("Kyiv denied" is the Ukrainian
    government), a pronoun or definite description by the source named before it."""
    return _as_speaker(doc, who)


def _speech(doc: Document, index: int) -> list[Frame]:
    return parse(doc, index).near(("speech", "denial"), 0, reach=1_000_000)


def _as_speaker(doc: Document, who: Mention | None) -> Mention | None:
    """A speaker keeps a source's or an actor's canonical name; a speaker named by a pronoun or a definite
    description ("It said", "the Britain-based monitor", "aldus de organisatie", "volgens dezelfde bron") is
    the source named last before it; any other keeps the words as written ("Russia", not its forces)."""
    if who is None or who.kind in ("source", "actor"):
        return who
    covering = [e for e in doc.within(doc.entities, max(0, who.start - 8), who.end, "entities")
                if e.kind == "source" and e.start < who.start and who.end <= e.end]
    if covering:  # a source whose name holds its article ("meldt de politie", "het leger"), read without it
        return Mention(who.start, who.end, who.surface, covering[0].name, None, "source")
    p = _get(doc.lang)
    if who.kind == "name":
        # "its head Rami Abdel Rahman", "the monitor's spokesman X", "SOHR-directeur X": a person named
        # through an office of an organisation speaks for it.
        office = p.office.search(doc.text, max(0, who.start - 60), who.start)
        if office is not None:
            inside = [e for e in doc.within(doc.entities, max(0, office.start() - 40), who.start, "entities")
                      if e.kind == "source" and e.end >= office.start() - 3]
            if inside:
                return Mention(who.start, who.end, who.surface, inside[-1].name, None, "source")
            antecedent = _antecedent(doc, who.start, "")
            if antecedent is not None and office.group("owner") is not None:
                return Mention(who.start, who.end, who.surface, antecedent, None, "source")
        introduced = _introduced(doc, who)
        if introduced is not None:
            return Mention(who.start, who.end, who.surface, introduced, None, "source")
    if who.kind in ("state", "name"):
        # "Turkey says", "De Turken zeggen", "Irak claimt", "according to Kyiv", "Washington said": a
        # government speaking for itself, by its country, its people or its capital
        w = world()
        inside = doc.within(doc.entities, who.start, who.end, "entities")
        country = next((e.name for e in inside if e.kind in ("adjective", "demonym")), None) if who.kind == "state" \
            else None
        for entity in inside:
            place = w.places.get(entity.name) if entity.kind == "place" else None
            if place is not None and entity.end - entity.start >= len(who.surface) - 1 and (
                    place.kind == "country" or place.country and w.capital(place.country) == place.name):
                country = place.country
        government = w.government(country) if country else None
        if government and len(re.findall(r"[\w’']+", who.surface)) <= 2:
            return Mention(who.start, who.end, who.surface, government, None, "state")
    words = [fold(w) for w in re.findall(r"[\w’']+", doc.text[who.start:who.end])]  # as written, not in English
    before = re.search(r"([\w’']+)\s*$", doc.text[max(0, who.start - 24):who.start])
    definite = len(words) == 1 and words[0] in p.pronouns or bool(words) and words[0] in p.definite \
        or before is not None and fold(before.group(1)) in p.definite
    if words and words[-1] in p.anaphoric and definite:
        antecedent = _antecedent(doc, who.start, words[-1])
        if antecedent is not None:
            return Mention(who.start, who.end, who.surface, antecedent, None, "source")
    if words and words[-1] in p.monitor_nouns:
        # "a monitor said": the one monitor the article names ("... according to the Britain-based Syrian
        # Observatory for Human Rights")
        monitors = {e.name for e in _sources(doc) if (world().sources.get(e.name) or {}).get("kind") == "monitor"}
        if len(monitors) == 1:
            return Mention(who.start, who.end, who.surface, monitors.pop(), None, "source")
    return Mention(who.start, who.end, who.surface, who.surface, who.group, who.kind)


_LOOK_BACK = 12  # sentences searched for the antecedent of "the source", "the monitor", "it"


def _antecedent(doc: Document, position: int, head: str) -> str | None:
    """The source a definite speaker points back to: the last earlier speaker with the same head noun
    ("a security source told ..." ... "the source said"), else the last source named before (not in a
    dateline: "BEIRUT (AFP) -" names the publisher)."""
    index = sentence_index(doc, position)
    p = _get(doc.lang)
    for earlier in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1):
        for frame in reversed(_speech(doc, earlier)):
            who = frame.who
            if head and who is not None and fold(who.surface.split()[-1]) == head and not _definite(doc, who, p):
                return who.name if who.kind in ("actor", "source") else who.surface
            if who is not None and head in p.pronouns and fold(who.surface.split()[-1]) not in p.pronouns \
                    and not _definite(doc, who, p):
                # "State television said ... It said two children were killed": the speaker before
                resolved = _as_speaker(doc, who)
                return resolved.name if resolved is not None else who.surface
        if head in p.pronouns and _speech(doc, earlier):
            break  # a pronoun points back at the last speaker, not further
    sources = _sources(doc)
    at = bisect.bisect_left([e.start for e in sources], position) if len(sources) < 64 else \
        bisect.bisect_left(doc._clauses.setdefault("source starts", [e.start for e in sources]), position)
    if at:
        return sources[at - 1].name
    # "the monitor said ... the Syrian Observatory, which ...": named only after
    return sources[at].name if at < len(sources) else None


def _introduced(doc: Document, who: Mention) -> str | None:
    """The source a person speaks for, as the article introduced the person before: "een woordvoerder van de
    politie van Kandahar, Matiullah Hilal" ... "zei Hilal"; "its head Rami Abdel Rahman" ... "Abdel Rahman
    said". The office stands right before the name's first mention, or in apposition before it."""
    last = who.surface.split()[-1]
    if len(last) < 3 or not last[:1].isupper():
        return None
    p = _get(doc.lang)
    for found in re.compile(r"(?<![\w’'-])" + re.escape(last) + r"(?![\w’'-])").finditer(doc.text, 0, who.start):
        start = found.start()
        while True:  # back to the name's first word: "Matiullah Hilal"
            previous = re.search(r"([A-ZÀ-Þ][\w’'-]*)\s+$", doc.text[max(0, start - 30):start])
            if previous is None:
                break
            start -= len(previous.group(0))
        window = doc.text[max(0, start - 80):start]
        if p.office.search(window) is None and not window.rstrip().endswith(","):
            continue
        sources = [e for e in doc.within(doc.entities, max(0, start - 80), start, "entities") if e.kind == "source"]
        if sources and doc.text[sources[-1].end:start].count(".") == 0:
            return str(sources[-1].name)
        return None
    return None


def _definite(doc: Document, who: Mention, p: _Patterns) -> bool:
    """Whether a speaker is named by a definite description ("the Britain-based monitor"): it points back
    itself, and names no one a later description could point back to."""
    before = re.search(r"([\w’']+)\s*$", doc.text[max(0, who.start - 24):who.start])
    first = fold(who.surface.split()[0])
    return first in p.definite or before is not None and fold(before.group(1)) in p.definite


def _sources(doc: Document) -> list[Any]:
    """The sources named in a document, in order, datelines left out (read once)."""
    found: list[Any] | None = doc._clauses.get("sources")
    if found is None:
        found = doc._clauses["sources"] = [e for e in doc.entities if e.kind == "source"
                                           and not _in_dateline(doc.text, e)]
    return found


_DATELINE = re.compile(r"^[^\S\n]*[A-ZÀ-Þ][A-ZÀ-Þ' .,-]*\($")


def _in_dateline(text: str, entity: Any) -> bool:
    """A source in a dateline, "BEIRUT (AFP) -": the agency that wrote the report, not a speaker in it."""
    line_start = text.rfind("\n", 0, entity.start) + 1
    return _DATELINE.match(text[line_start:entity.start]) is not None


def speaker_spans(doc: Document, index: int) -> list[tuple[int, int]]:
    """Where the speakers of sentence ``index`` are named: a place there is not where anything happened."""
    return [(f.who.start, f.who.end) for f in parse(doc, index).frames
            if f.kind in ("speech", "denial") and f.who is not None]


def perpetrator(doc: Document, index: int, start: int, end: int) -> Mention | None:
    """Who did it, for victims at ``[start, end)`` of sentence ``index``.

    In order: the agent of a passive in the victims' clause ("killed by X"), the subject of an active
    killing verb whose object they are ("Gunmen killed 12"), an attack with its agent in their clause
    ("in an air strike by the coalition"), then one elsewhere in the sentence, then a claim of
    responsibility in this sentence or the next.
    """
    result = parse(doc, index)
    clause = result.clause_at(start)
    for kind, same_clause in (("agent", True), ("subject", True), ("attack", True), ("assailant", True),
                              ("owner", True), ("subject", False), ("attack", False), ("agent", False),
                              ("assailant", False), ("owner", False), ("responsibility", False)):
        candidates = [f for f in result.near((kind,), start) if f.who is not None
                      and not (f.who.start < end and start < f.who.end)
                      and (not same_clause or f.scope_start <= start < f.scope_end or clause[0] <= f.start < clause[1])]
        if kind == "subject":
            candidates = [f for f in candidates if f.who is not None and f.who.end <= start]
        if candidates:
            chosen = min(candidates, key=lambda f: abs(f.start - start))
            return chosen.who
    own = _speaker_as_doer(doc, index, start, end)
    if own is not None:
        return own
    following = doc.sentence_at(index + 1)
    if following is not None:
        frames = [f for f in parse(doc, index + 1).frames if f.kind == "responsibility" and f.who is not None]
        if frames:
            return frames[0].who
    return None


_OPENING_WORDS = re.compile(r"[\W_]*([\w’']+)(?:\s+([\w’']+))?")


def _speaker_as_doer(doc: Document, index: int, start: int, end: int) -> Mention | None:
    """A speaker who tells of its own killing: "Irak claimt dat het 36 strijders heeft gedood", "Turkey says it
    killed 900 fighters", "De Turken zeggen 900 strijders te hebben gedood". The speaker is the doer: a state
    speaking for itself by its forces, a named side by its name."""
    p = _get(doc.lang)
    result = parse(doc, index)
    for f in result.near(("speech",), start):
        if f.who is None or not (f.scope_start <= start and end <= f.scope_end) or f.who.end > f.start \
                or f.end > start:
            continue  # the subject before its verb, the figure after it: "X says it killed 12"
        if p.transitive.search(doc.text, f.end, result.end) is None:
            continue
        opening = _OPENING_WORDS.match(doc.text, f.end, result.end)
        words = [fold(w) for w in opening.groups() if w] if opening else []
        if words and words[0] in _back_reference(doc.lang) | p.articles:
            words = words[1:]  # "claimt dat het ...", "says that it ..."
        pronoun = bool(words) and words[0] in p.pronouns
        infinitive = p.own_deed is not None and p.own_deed.search(doc.text, f.end, result.end) is not None
        if not (pronoun or infinitive):
            continue
        if f.who.group == "military" and f.who.kind in ("state", "noun"):
            return f.who  # "The army said it killed 20 militants": the army's forces
        speaker = _as_speaker(doc, f.who)
        if speaker is None:
            return None
        w = world()
        if speaker.kind == "state":
            country = next((c for c, row in w.countries.items() if row.get("government") == speaker.name), None)
            forces = w.state_forces(country)
            return Mention(speaker.start, speaker.end, speaker.surface, forces, "military", "state") if forces else None
        if speaker.kind == "actor":
            return speaker
        return None
    return None


def claimant(doc: Document, index: int) -> Mention | None:
    """Who claims the attack in sentence ``index`` ("IS heeft de aanslag opgeëist"), if the sentence claims one.

    A sentence that claims an attack without a casualty of its own names the doer of the attack the
    article's casualties are told of ("IS heeft de dubbele zelfmoordaanslag opgeëist. Bij die aanslag
    vielen 32 doden").
    """
    if not any(m.lastgroup == "claim" for m in _sentence_cues(doc, index)):
        return None  # the document's one cue scan says whether the sentence claims an attack
    frames = [f for f in parse(doc, index).frames if f.kind == "responsibility" and f.who is not None]
    return frames[0].who if frames else None


def certainty(doc: Document, index: int, start: int, end: int) -> str:
    """How sure the text is of a fact at ``[start, end)``: ``stated``, ``uncertain`` or ``denied``."""
    result = parse(doc, index)
    if any(f.scope_start <= start and end <= f.scope_end for f in result.near(("denial",), start)):
        return "denied"
    clause = result.clause_at(start)
    window = (min(clause[0], start), max(clause[1], end))
    at = bisect.bisect_left(result.hedges, (start, start))
    if any(window[0] <= a < window[1] or a <= start < b for a, b in result.hedges[max(0, at - _REACH):at + _REACH]):
        return "uncertain"
    p = _get(doc.lang)
    sentence = doc.sentences[index]
    if _sentence_has(doc, index, "unverified"):
        return "uncertain"  # "..., but this could not be verified"
    following = doc.sentence_at(index + 1)
    if following is not None and following.paragraph == sentence.paragraph \
            and _sentence_has(doc, index + 1, "unverified"):
        first = re.match(r"\W*(\w+)", following.text)
        if first and fold(first.group(1)) in _back_reference(doc.lang) | p.definite:
            return "uncertain"  # "Die informatie kon niet onafhankelijk bevestigd worden."
    return "stated"


def _back_reference(lang: str) -> frozenset[str]:
    data = language(lang)
    found: frozenset[str] = data.memo("back_reference", lambda: frozenset(fold(w) for w in
                                                                          data.words("attribution.back_reference")))
    return found

