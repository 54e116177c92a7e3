"""Territorial-control claims: who holds, takes, loses, besieges or seeks which place.

A claim is read around a status phrase of the language (``in handen van``,
``onder controle van``, ``heroverd``, ``recaptured``, ``besieged``, ``wil
heroveren``): the actor stands after it when the phrase introduces its agent
(``onder controle van IS``, ``held by``), else before it as the subject (``IS
bezit``, ``Iraqi forces recaptured``); the places are those of the clause,
one claim each. Shares of territory and populations under control are read
from the counts beside the phrase.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable

from .document import Document, documents, is_reference_place
from .lexicon import Entity, Language, fold, language, phrase_alternation, phrase_pattern, world
from .places import event_place, ref_for_name
from .records import TerritoryClaim
from .text import Sentence

__all__ = ["extract_territory", "territory_from_documents"]

STATUSES = ("controls", "captured", "lost", "contested", "besieged", "seeks_control")


def extract_territory(article_or_text: Any, *, lang: str | None = None,
                      published: datetime | str | None = None) -> list[TerritoryClaim]:
    """Return one ``TerritoryClaim`` per claim of control over a place.

    >>> [(c.actor, c.place, c.status) for c in extract_territory(
    ...     "Gebieden in het zuiden van Damascus zijn sinds 2015 in de handen van IS.", lang="nl")]
    [('Islamic State', 'Damascus', 'controls')]
    """
    return territory_from_documents(documents(article_or_text, lang=lang, published=published))


@dataclass(frozen=True)
class _Patterns:
    status: re.Pattern[str]
    status_of: dict[str, str]
    held: re.Pattern[str]
    agent_words: frozenset[str]
    loser_words: frozenset[str]
    state_nouns: re.Pattern[str]
    state_words: re.Pattern[str]
    rebels: re.Pattern[str]
    percent: re.Pattern[str]
    territory_nouns: re.Pattern[str]
    population_nouns: re.Pattern[str]
    cues: re.Pattern[str]
    clause_words: re.Pattern[str]
    intent: re.Pattern[str]
    passive_words: frozenset[str]


def _patterns(data: Language) -> _Patterns:
    paths = [f"territory.{s}" for s in (*STATUSES, "not_claims")]
    state_nouns = phrase_alternation(data.words("territory.state_nouns"))
    held = phrase_pattern(data.words("territory.held_suffixes")).replace(r"(?<![\w])", "")
    return _Patterns(
        status=data.regex(*paths),
        status_of=data.lookup(*paths),
        held=re.compile(rf"(?<=[\w’')])[-\s]{held}", re.IGNORECASE),
        agent_words=frozenset(fold(w) for w in data.words("territory.agent_words")),
        loser_words=frozenset(fold(w) for w in data.words("territory.loser_words")),
        state_nouns=re.compile(rf"\s*[\w-]*{state_nouns}(?![\w])", re.IGNORECASE),
        state_words=data.regex("victims.state_forces"),
        rebels=data.regex("territory.rebels"),
        percent=data.regex("territory.percent_words"),
        territory_nouns=data.regex("territory.territory_nouns"),
        population_nouns=data.regex("territory.population_nouns"),
        cues=data.regex("attribution.cues"),
        clause_words=data.regex("territory.clause_words"),
        intent=data.regex("territory.intent_words"),
        passive_words=frozenset(fold(w) for w in data.words("territory.passive_words")),
    )


def _get(lang: str) -> _Patterns:
    data = language(lang)
    found: _Patterns = data.memo("territory_patterns", lambda: _patterns(data))
    return found


def territory_from_documents(docs: Iterable[Document]) -> list[TerritoryClaim]:
    """Territory claims of analysed documents (the headline first, then the body)."""
    claims: list[TerritoryClaim] = []
    for doc in docs:
        claims.extend(_read(doc))
    return claims


_WORD = re.compile(r"\s*([^\s,;:.!?()\"“”]+)")


Cues = tuple[list[tuple[int, int, str]], list[tuple[int, int, int]]]


def _cues(doc: Document, p: _Patterns) -> dict[int, Cues]:
    """The status phrases and held compounds of a document, by sentence index (sentences without any left out).

    The text is scanned once (sentences lie within lines and end at white space, so a match
    never spans two of them); most sentences hold no territory wording at all and are skipped.
    """
    found: dict[int, Cues] = {}
    if not doc.sentences:
        return found
    starts = [s.start for s in doc.sentences]

    def bucket(start: int, end: int) -> Cues | None:
        index = bisect.bisect_right(starts, start) - 1
        if index < 0 or end > doc.sentences[index].end:
            return None
        return found.setdefault(index, ([], []))

    status_of = p.status_of
    for m in p.status.finditer(doc.text):
        status = status_of.get(fold(m.group()))
        if status is None or status == "not_claims":
            continue  # "took place", "doden gevallen": the words of a status, not a claim
        lists = bucket(m.start(), m.end())
        if lists is not None:
            lists[0].append((m.start(), m.end(), status))
    text = doc.text
    for m in p.held.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_’'"):
            start -= 1  # the word before the suffix: "IS" of "IS-held" (the scan finds the suffix alone)
        lists = bucket(start, m.end())
        if lists is not None:
            lists[1].append((start, m.end(), m.start()))
    return found


def _read(doc: Document) -> list[TerritoryClaim]:
    p = _get(doc.lang)
    claims: list[TerritoryClaim] = []
    seen: set[tuple[str | None, str, str]] = set()
    for index, (hits, held) in sorted(_cues(doc, p).items()):
        sentence = doc.sentences[index]
        entities = doc.within(doc.entities, sentence.start, sentence.end, "entities")
        places = _places(doc, entities, p)
        actors = _actors(doc, sentence, entities, p)
        actor_starts = {a[0] for a in actors}
        places = [pl for pl in places if pl[0] not in actor_starts]
        # A held suffix without a holder before it ("is held by") leaves the claim to its status phrase.
        actor_ends = sorted((a[1], position) for position, a in enumerate(actors))
        holders = [(h, _holder(doc, actors, h, actor_ends)) for h in held]
        held = [h for h, holder in holders if holder is not None]
        place_starts = [pl[0] for pl in places]
        for (_, end, _), holder in holders:
            if holder is None:
                continue
            start, holder_name = holder
            after = _listed(doc, _unbroken_after(doc, places, place_starts, end))
            for place_start, place_end, place in after:
                _add(claims, seen, doc, sentence, start, place_end, holder_name, place, "controls", p,
                     place_span=(place_start, place_end))
        held_starts, held_reach = _reach(held)
        for start, end, status in hits:
            inside = bisect.bisect_right(held_starts, start) - 1
            if inside >= 0 and held_reach[inside] > start:
                continue  # the status word is part of a held compound
            if status == "lost" and _counts_people(doc, sentence, start, end, p, places):
                continue  # "lost 57 fighters", "veertien militairen verloren": people, not a place
            if status == "captured" and p.intent.search(doc.text, _clause_start(doc, sentence, start, p), start):
                status = "seeks_control"  # "wil Idlib heroveren": an intent, not a deed
            actor, agentive = _actor_for(doc, sentence, start, end, actors, p, status)
            clause_places = _clause_places(doc, sentence, places, start, end, agentive, status)
            share, population, qualifier = _measures(doc, sentence, start, end, p)
            if not clause_places and (share is not None or population is not None) and doc.country:
                clause_places = [(start, end, doc.country)]
            for place_start, place_end, place in clause_places:
                span_start, span_end = min(start, place_start), max(end, place_end)
                _add(claims, seen, doc, sentence, span_start, span_end, actor, place, status, p,
                     share=share, population=population, qualifier=qualifier, place_span=(place_start, place_end))
    return claims


def _holder(doc: Document, actors: list[tuple[int, int, str]], held: tuple[int, int, int],
            actor_ends: list[tuple[int, int]]) -> tuple[int, str] | None:
    """The actor named before a held suffix ("Faylaq al-Rahman-held", "(IS) gecontroleerde"), or None.

    Returns where the claim starts (the actor's name, or the word before the suffix) and the actor.
    The holder is the last of the ``actors`` that ends right before the suffix, with only spaces and
    closing brackets between; ``actor_ends`` holds their ends, sorted, with their positions in
    ``actors``, so that it is found by bisection (a sentence of many held compounds stays linear).
    """
    start, _, suffix = held
    gap = suffix
    while gap > 0 and doc.text[gap - 1] in " )":
        gap -= 1
    low = bisect.bisect_left(actor_ends, (gap, -1))
    high = bisect.bisect_right(actor_ends, (suffix, len(actors)))
    if low < high:
        holder = actors[max(position for _, position in actor_ends[low:high])]
        return min(start, holder[0]), holder[2]
    actor = _canonical_actor(doc.text[start:suffix], doc)
    return (start, actor) if actor else None


def _unbroken_after(doc: Document, places: list[tuple[int, int, str]], place_starts: list[int],
                    end: int) -> list[tuple[int, int, str]]:
    """The places (sorted, with their starts) from ``end`` on, up to a clause break: the first four, all
    that ``_listed`` reads."""
    found: list[tuple[int, int, str]] = []
    for place in places[bisect.bisect_left(place_starts, end):]:
        if len(found) == 4 or _breaks(doc.text, end, place[0]):
            break
        found.append(place)
    return found


def _reach(spans: list[tuple[int, int, int]]) -> tuple[list[int], list[int]]:
    """The starts of spans sorted by start, and the furthest end of each span and those before it."""
    ordered = sorted(spans)
    reach: list[int] = []
    for span in ordered:
        reach.append(max(span[1], reach[-1]) if reach else span[1])
    return [span[0] for span in ordered], reach


def _places(doc: Document, entities: list[Entity], p: _Patterns) -> list[tuple[int, int, str]]:
    w = world()
    found = []
    for entity in entities:
        if entity.kind == "place" and (entity.place is not None or entity.name in w.places) \
                and not is_reference_place(doc, entity):
            found.append((entity.start, entity.end, entity.name))
        elif entity.kind == "adjective":
            noun = re.match(r"\s+(\S+)", doc.text[entity.end:entity.end + 30])
            if noun and p.territory_nouns.fullmatch(noun.group(1).rstrip(".,;")):
                found.append((entity.start, entity.end + noun.end(), entity.name))
            elif noun and fold(noun.group(1).rstrip(".,;")) in ("hoofdstad", "capital"):
                capital = w.capital(entity.name)
                if capital:
                    found.append((entity.start, entity.end + noun.end(), capital))
    return found


def _canonical_actor(text: str, doc: Document) -> str | None:
    w = world()
    for entity in w.entities(text):
        if entity.kind == "actor":
            return entity.name
        if entity.kind == "adjective":
            return w.government(entity.name)
    return None


@functools.cache
def _forces_of() -> dict[str, str]:
    """State forces (as actors) -> the state as a territorial actor."""
    return {row["state_forces"]: row.get("government") or row["state_forces"]
            for row in world().countries.values() if row.get("state_forces")}


def _actors(doc: Document, sentence: Sentence, entities: list[Entity], p: _Patterns) -> list[tuple[int, int, str]]:
    """Actors named in the sentence: named groups, and states through their forces (het Syrische leger)."""
    w = world()
    found: list[tuple[int, int, str]] = []
    forces_of = _forces_of()
    for entity in entities:
        if entity.kind == "actor":
            found.append((entity.start, entity.end, forces_of.get(entity.name) or entity.name))
        elif entity.kind == "place" and w.places.get(entity.name) and w.places[entity.name].kind == "country" \
                and p.state_nouns.match(doc.text, entity.end) and w.government(entity.name):
            near = p.state_nouns.match(doc.text, entity.end)
            found.append((entity.start, near.end() if near else entity.end, w.government(entity.name) or ""))
        elif entity.kind in ("adjective", "demonym"):
            near = p.state_nouns.match(doc.text, entity.end) if entity.end + 1 < len(doc.text) else None
            government = w.government(entity.name)
            if government and (entity.kind == "demonym" or near):
                found.append((entity.start, near.end() if near else entity.end, government))
    for entity in entities:
        if entity.kind == "place":
            country = w.country_of(entity.name)
            if country and w.capital(country) == entity.name and p.cues.match(doc.text, entity.end + 1):
                government = w.government(country)
                if government:
                    found.append((entity.start, entity.end, government))
    for m in p.state_words.finditer(sentence.text):
        start = sentence.start + m.start()
        if not any(a[0] <= start < a[1] + 2 for a in found):
            government = w.government(doc.country)
            if government:
                found.append((start, sentence.start + m.end(), government))
    for m in p.rebels.finditer(sentence.text):
        found.append((sentence.start + m.start(), sentence.start + m.end(), "rebels"))
    found.sort()
    return found


def _clause_start(doc: Document, sentence: Sentence, position: int, p: _Patterns) -> int:
    """Where the clause holding ``position`` begins: after the last comma or subordinating word."""
    start = sentence.start
    comma = doc.text.rfind(",", sentence.start, position)
    while comma != -1 and _list_comma(doc, comma):
        comma = doc.text.rfind(",", sentence.start, comma)  # "Jarmoek, Hajar al-Aswad en Qadam in handen"
    if comma != -1:
        start = comma + 1
    for m in p.clause_words.finditer(doc.text, start, position):
        start = m.end()
    return start


_PLACE_AFTER_COMMA = re.compile(r",\s*(?:de |het |the )?", re.IGNORECASE)


def _list_comma(doc: Document, comma: int) -> bool:
    """Whether the comma at ``comma`` separates two places of a list rather than two clauses."""
    entities = doc.within(doc.entities, max(0, comma - 80), comma + 12, "entities")
    gap = _PLACE_AFTER_COMMA.match(doc.text, comma)
    before = any(e.kind == "place" and e.end == comma for e in entities)
    return before and gap is not None and any(e.kind == "place" and e.start == gap.end() for e in entities)


def _actor_for(doc: Document, sentence: Sentence, start: int, end: int, actors: list[tuple[int, int, str]],
               p: _Patterns, status: str) -> tuple[str | None, bool]:
    """The actor of a status phrase, and whether it stood after the phrase as its agent."""
    following = _WORD.match(doc.text, end)
    phrase_words = fold(doc.text[start:end]).split()
    agentive = bool(phrase_words and phrase_words[-1] in p.agent_words)
    if agentive and status in ("captured", "seeks_control") and phrase_words[-1] not in p.passive_words:
        agentive = False  # "retook control of a town": the object follows, not the agent
    if not agentive and following and fold(following.group(1)) in p.agent_words:
        agentive = True
    after = [a for a in actors if a[0] >= end and a[0] - end < 40]
    if agentive and after:
        return after[0][2], True
    loser_after = following is not None and fold(following.group(1)) in p.loser_words
    before = [a for a in actors if a[1] <= start]
    clause = _clause_start(doc, sentence, start, p)
    subject = [a for a in before if a[0] >= clause]
    if subject and not agentive:
        return subject[0][2], agentive
    if before and not agentive and clause > sentence.start:
        return before[0][2], agentive  # "AMISOM forces clash with al Shabaab, retake Goof Guduud"
    if before:
        return before[-1][2], agentive
    if after and not loser_after and status in ("controls", "lost"):
        return after[0][2], agentive
    if status in ("captured", "seeks_control", "besieged"):
        return world().government(doc.country), agentive
    return None, agentive


def _clause_places(doc: Document, sentence: Sentence, places: list[tuple[int, int, str]], start: int, end: int,
                   agentive: bool, status: str) -> list[tuple[int, int, str]]:
    before = [pl for pl in places if pl[1] <= start]
    after = [pl for pl in places if pl[0] >= end]
    # The clause: back to the previous clause break for places before, up to the next for places after.
    text = doc.text
    clause_start = max(sentence.start, text.rfind(";", sentence.start, start) + 1)
    if not agentive:
        clause_start = max(clause_start, _clause_start(doc, sentence, start, _get(doc.lang)))
    semicolon = text.find(";", end, sentence.end)
    clause_end = semicolon if semicolon != -1 else sentence.end
    before = [pl for pl in before if pl[0] >= clause_start]
    after = [pl for pl in after if pl[1] <= clause_end]
    if agentive:
        return _specific(_dedupe(before or after))
    chosen = _listed(doc, after) or before[-3:]
    if not chosen:
        earlier = [pl for pl in places if pl[1] <= start and (status in ("controls", "lost") or not _is_country(pl[2]))]
        if earlier:
            chosen = [min(earlier, key=lambda pl: world().places[pl[2]].rank if pl[2] in world().places else 9)]
    return _specific(_dedupe(chosen))


_BREAK = re.compile(r"[,;:()]")


def _breaks(text: str, start: int, end: int) -> bool:
    """Whether a clause break (comma, semicolon, colon, bracket) stands between ``start`` and ``end``."""
    return _BREAK.search(text, start, end) is not None


_LIST_GAP = re.compile(r"^\s*(?:,|\ben\b|\band\b|\bof\b|\bor\b|&)?\s*(?:de |het |the )?"
                       r"(?:stad |dorp |plaats |town of |city of |village of |towns of |villages of )?$", re.IGNORECASE)


def _listed(doc: Document, after: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The first place after the verb and the places listed with it ("Saadiya en Jalula")."""
    if not after:
        return []
    chosen = [after[0]]
    for place in after[1:4]:
        if not _LIST_GAP.match(doc.text[chosen[-1][1]:place[0]]):
            break
        chosen.append(place)
    return chosen


def _is_country(place: str) -> bool:
    entry = world().places.get(place)
    return entry is not None and entry.kind == "country"


def _specific(places: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A country is only the place of a claim when the clause names nothing more specific."""
    gazetteer = world().places
    specific = [p for p in places if p[2] not in gazetteer or gazetteer[p[2]].kind != "country"]
    return specific or places


def _dedupe(places: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    seen, result = set(), []
    for place in places:
        if place[2] not in seen:
            seen.add(place[2])
            result.append(place)
    return result


def _counts_people(doc: Document, sentence: Sentence, start: int, end: int, p: _Patterns,
                   places: list[tuple[int, int, str]]) -> bool:
    """Whether a loss counts people: a number as the verb's object ("lost 57 fighters", "veertien
    militairen verloren"), with no place between it and the verb; a share ("30 percent") is territory."""
    for match in doc.within(doc.counts, max(sentence.start, start - 40), min(sentence.end, end + 20), "counts"):
        following = _WORD.match(doc.text, match.end)
        if following and p.percent.fullmatch(following.group(1)) or doc.text.startswith("%", match.end):
            continue
        low, high = (end, match.start) if match.start >= end else (match.end, start)
        if low > high or any(low <= pl[0] < high for pl in places):
            continue
        if len(doc.text[low:high].split()) <= 3:
            return True
    return False


def _measures(doc: Document, sentence: Sentence, start: int, end: int,
              p: _Patterns) -> tuple[float | None, int | None, str | None]:
    """A share of territory (5 procent) or a population (10 miljoen mensen) stated beside the phrase."""
    share = population = None
    qualifier = None
    for match in doc.within(doc.counts, sentence.start, sentence.end, "counts"):
        if abs(match.start - start) > 120 and abs(match.start - end) > 120:
            continue
        following = doc.text[match.end:match.end + 25]
        word = _WORD.match(following)
        if word and p.percent.fullmatch(word.group(1)) or following.startswith("%"):
            share, qualifier = float(match.count.best), match.count.qualifier
        elif word and p.population_nouns.fullmatch(word.group(1)) and match.count.best >= 1000:
            population, qualifier = match.count.best, match.count.qualifier
    return share, population, qualifier


def _add(claims: list[TerritoryClaim], seen: set[tuple[str | None, str, str]], doc: Document, sentence: Sentence,
         start: int, end: int, actor: str | None, place: str, status: str, p: _Patterns, *,
         share: float | None = None, population: int | None = None, qualifier: str | None = None,
         place_span: tuple[int, int] | None = None) -> None:
    if actor is None:
        return  # "strijd om Mosul": a claim names who holds, takes, loses or seeks the place
    key = (actor, place, status)
    if key in seen and share is None and population is None:
        return
    seen.add(key)
    since, as_of = _when(doc, sentence, p)
    where = event_place(doc, *(place_span or (start, end)), sentence=sentence) if place_span else None
    if where is None or where.name != place:
        where = ref_for_name(place)
    source = None
    if p.cues.search(sentence.text):
        sources = [e for e in doc.within(doc.entities, sentence.start, sentence.end, "entities") if e.kind == "source"]
        source = sources[0].name if sources else None
    claims.append(TerritoryClaim(
        article_id=doc.article_id, actor=actor, place=place,
        country=where.country if where else None, admin1=where.admin1 if where else None,
        latitude=where.latitude if where else None, longitude=where.longitude if where else None,
        place_precision=where.precision if where else None,
        status=status, since=since, as_of=as_of, share_pct=share, population=population,
        qualifier=qualifier, attributed_to=source, from_title=doc.from_title,
        surface=doc.text[start:end], sentence=sentence.text, span_start=start, span_end=end))


def _when(doc: Document, sentence: Sentence, p: _Patterns) -> tuple[datetime | None, datetime | None]:
    since = as_of = None
    for time in doc.within(doc.times, sentence.start, sentence.end, "times"):
        if not time.resolved:
            continue
        if time.since:
            since = time.date_start
        elif since is None and time.precision == "year" and time.date_start and time.date_end \
                and time.date_start.year != time.date_end.year:
            since, as_of = time.date_start, time.date_end
        else:
            as_of = time.date_end
    if as_of is None and doc.reference.published is not None and doc.reference.precision:
        as_of = doc.reference.published
    return since, as_of
