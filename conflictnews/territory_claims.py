"""The claims a status phrase makes, by the kind of phrase.

- a verb of taking, holding or besieging ("recaptured", "controls", "omsingeld"): its subject and its
  object, or, in the passive, its agent and its subject;
- a phrase whose holder follows it ("held by X", "fell to X", "in handen van X", "under X control"):
  that side and the place the clause is about;
- a verb of losing ("lost", "withdrew from", "zich teruggetrokken uit"): the subject loses the object,
  or, with a taker ("lost X to Y"), the taker captures it from the subject;
- a verb that expels ("drove IS out of X", "IS werd uit X verdreven"): a capture from the side driven
  out, or its loss when no one is named who drove it;
- a transfer ("handed X over to Y"): a capture by the side it was handed to, from the subject;
- an intent ("offensive to retake X", "wil X heroveren"): ``seeks_control``, unless the clause says it
  succeeded ("managed to retake");
- a noun of a gain ("the recapture of X", "de herovering van X"): the place after it, the taker the
  clause's subject or "by X";
- a stronghold ("X, the last stronghold of Y", "het Houthi-bolwerk"): Y's control of X.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Sequence

from .lexicon import fold, world
from .territory_roles import Claim, Context, Held, Hit, Place, Reader, Side

__all__ = ["held", "read"]


def read(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """The claims of the status phrase ``hit``."""
    p = r.p
    phrase = hit.phrase
    first = phrase.split()[0] if phrase.split() else ""
    before = context.word_before(hit.start)
    if len(phrase.split()) == 1 and before is not None and before[1] in p.articles \
            and hit.status in ("captured", "expel", "lost", "besieged") and phrase not in p.words["stronghold_nouns"]:
        return []  # "de verdreven president", "the recaptured town": a participle as an adjective
    if _hypothetical(r, context, hit):
        return []
    found = _read(r, context, hit)
    if hit.status == "captured" and _background(r, context, hit):
        found = [replace(c, status="controls") for c in found if c.status == "captured" and c.actor is not None]
    if _nearly(r, context, hit) and hit.status in ("captured", "lost", "besieged", "expel"):
        found = [replace(c, status="contested") for c in found if c.actor is not None]  # "bijna omsingeld"
    return found


def _read(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    p = r.p
    phrase = hit.phrase
    first = phrase.split()[0] if phrase.split() else ""
    if hit.status == "expel":
        return _expel(r, context, hit)
    if phrase in p.words["capture_nouns"] and hit.status == "seeks_control":
        return [replace(c, status="seeks_control") for c in _noun(r, context, hit)]
    if hit.status == "transfer":
        return _transfer(r, context, hit)
    if phrase in p.words["capture_nouns"]:
        return _noun(r, context, hit)
    if first in p.words["stronghold_nouns"]:
        return _stronghold(r, context, hit)
    if hit.status == "seeks_control":
        return _seek(r, context, hit)
    if hit.status == "contested":
        return _contest(r, context, hit)
    if phrase in p.words["holder_after"]:
        return _holder_after(r, context, hit)
    if hit.status == "lost":
        return _lose(r, context, hit)
    return _verb(r, context, hit)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def _claims(r: Reader, context: Context, hit: Hit, actors: Sequence[Side | None], places: list[Place],
            status: str, **extra: object) -> list[Claim]:
    """One claim per actor and place, its span from the phrase to the place (when the place is in the sentence)."""
    sentence = context.sentence
    found = []
    for place in places:
        inside = sentence.start <= place.start and place.end <= sentence.end and place.end > place.start
        start = min(hit.start, place.start) if inside else hit.start
        end = max(hit.end, place.end) if inside else hit.end
        for actor in actors:
            found.append(Claim(actor, place, status, start, end, **extra))  # type: ignore[arg-type]
    return found


def _uncertain(r: Reader, context: Context, hit: Hit) -> bool:
    """A hedge on the claim itself: in its clause before the phrase or right after it ("have reportedly retaken",
    "wil daar blijkbaar komaf mee maken"), not on something else in the sentence."""
    clause_start, clause_end = context.clause(hit.start)
    floor = r.main_clause_start(context, hit.start)
    return r.p.phrases["hedges"].search(r.text, floor, min(clause_end, hit.end + 30)) is not None


def _past(r: Reader, context: Context, hit: Hit) -> bool:
    """Control the text gives as over: "a former stronghold", "was in X's hands", "held by X until"."""
    p, text = r.p, r.text
    clause_start, clause_end = context.clause(hit.start)
    i = context.index_at(hit.start) - 1
    steps = 0
    while i >= 0 and steps < 4:
        word = context.words[i]
        if word in p.words["past_words"] and word not in p.words["until_words"]:
            return True
        if context.is_word(i, p.words["past_auxiliaries"], text) and context.tokens[i][0] >= clause_start:
            return True
        i -= 1
        steps += 1
    if p.verb_final:
        j = context.index_at(clause_start)
        while j < len(context.tokens) and context.tokens[j][0] < hit.start:
            if context.is_word(j, p.words["past_auxiliaries"], text):
                return True
            j += 1
    after = context.index_at(hit.end)
    for k in range(after, min(len(context.words), after + 8)):
        if context.tokens[k][0] >= clause_end:
            break
        if context.words[k] in p.words["until_words"] and r.time_end(context.tokens[k + 1][0] if k + 1 < len(context.tokens) else -1):
            return True
    return False


def _nearly(r: Reader, context: Context, hit: Hit) -> bool:
    """Whether the clause says the deed is not done yet: "IS bijna uit Mosul verdreven" (not "bijna alle
    plekken veroverd": nearly all of them, taken)."""
    floor = r.main_clause_start(context, hit.start)
    for k in range(context.index_at(floor), context.index_at(hit.start)):
        if context.words[k] in r.p.words["nearly"]:
            following = context.words[k + 1] if k + 1 < len(context.words) else ""
            if following not in r.p.words["object_skip"] and not following.isdigit():
                return True
    return False


def _hypothetical(r: Reader, context: Context, hit: Hit) -> bool:
    """Whether the claim is a supposition: "Als de Russen Bachmoet kunnen veroveren", "if the army retakes X"."""
    floor = r.main_clause_start(context, hit.start)
    first = r.first_word(context, floor)
    words = r.p.words["hypothetical"]
    if first < len(context.words) and context.is_word(first, words, r.text) and context.words[first] in r.p.words["condition_words"]:
        return True
    clause_start, _ = context.clause(hit.start)
    if any(context.is_word(k, words, r.text) and context.words[k] not in r.p.words["condition_words"]
           for k in range(context.index_at(clause_start), context.index_at(hit.start))):
        return True
    # "it is not clear if the army regained X": a condition word after a word of knowing asks a question
    return any(context.words[k] in r.p.words["condition_words"] and context.words[k - 1] in r.p.words["question_words"]
               for k in range(max(1, context.index_at(floor)), context.index_at(hit.start)))


def _background(r: Reader, context: Context, hit: Hit) -> bool:
    """Whether a capture is told in the past perfect inside a relative clause ("Baga, which had been captured by
    Boko Haram the day before"): the state the event starts from, not the event."""
    clause_start, _ = context.clause(hit.start)
    if clause_start <= context.sentence.start or not r.opens_relative(context, clause_start) \
            or not r.text[context.sentence.start:clause_start].rstrip().endswith(","):
        return False  # a relative clause set off by a comma, not "officials said that X had taken Y"
    return any(context.words[k] in r.p.words["pluperfect_auxiliaries"]
               for k in range(context.index_at(clause_start), context.index_at(hit.start)))


def _intent(r: Reader, context: Context, hit: Hit) -> bool:
    clause_start, _ = context.clause(hit.start)
    return r.p.phrases["intent_words"].search(r.text, clause_start, hit.start) is not None


def _succeeded(r: Reader, context: Context, hit: Hit) -> bool:
    sentence = context.sentence
    return r.p.phrases["success_words"].search(r.text, sentence.start, hit.start) is not None


def _subject_places(r: Reader, context: Context, hit: Hit) -> list[Place]:
    """The place the clause is about: before the phrase in its clause, the noun before a relative clause, a
    description ("de stad"), a name the gazetteer does not know ("Abadam is captured"), or the places a plural
    subject lists ("several villages were recaptured, including X and Y")."""
    p, text = r.p, r.text
    sentence = context.sentence
    clause_start, _ = context.clause(hit.start)
    places = r.places_before(context, hit.start, clause_start)
    if places:
        head = _head_description(r, context, places[0], clause_start)
        return [head] if head is not None else places
    if clause_start > sentence.start and r.opens_relative(context, clause_start):
        antecedent = _relative_antecedent(r, context, clause_start)
        if antecedent:
            return antecedent
    described = _description_in(r, context, clause_start, hit.start)
    if described is not None:
        return [described]
    previous = r.previous_clause(context, clause_start)
    if previous < clause_start and previous > sentence.start and r.opens_relative(context, previous):
        # "Monguno, which houses a military barracks, is attacked and taken over": the subject stands before
        places = r.places_before(context, previous, r.previous_clause(context, previous))
        if places:
            return places
    i = context.index_at(clause_start)
    while i < len(context.words) and context.words[i] in p.articles:
        i += 1
    if i < len(context.tokens) and context.tokens[i][0] < hit.start:
        names, end = r.name_list(context, i, hit.start)
        between = [context.words[k] for k in range(context.index_at(end), context.index_at(hit.start))]
        if names and len(between) <= 5 and all(
                w in p.words["passive_auxiliaries"] or w in p.words["adverbs"] or w in p.words["coordinators"]
                or p.status_of.get(w) is not None for w in between):
            return names  # "Abadam is captured", "Maiha had been overrun and captured by Boko Haram"
    plural = any(r.ground_word(w) and w.endswith(tuple(p.words["plural_endings"])) for w in context.words[context.index_at(clause_start):
                                                                                 context.index_at(hit.start)])
    if plural:
        listing = p.phrases["list_words"].search(text, hit.end, sentence.end)
        if listing is not None:
            after = re.match(r"[\s:,]*", text[listing.end():])
            start = listing.end() + (after.end() if after else 0)
            found, _ = r.place_list(context, start, sentence.end, names=True)
            return found
    return []


def _head_description(r: Reader, context: Context, place: Place, floor: int) -> Place | None:
    """The place a definite description is, when the named place only sits in a phrase after it: "De regio in het
    noordwesten van Syrië" is the region named before (Idlib), not Syria."""
    p = r.p
    k = context.index_at(place.start) - 1
    steps = 0
    seen_preposition = False
    while k >= 0 and context.tokens[k][0] >= floor and steps < 7:
        word = context.words[k]
        kind = p.descriptions.get(word)
        if kind is not None and seen_preposition and r.definite(context, k):
            found = r.described(context, context.tokens[k][0], kind, noun=word, allow_same_sentence=False)
            if found is not None:
                a, b = context.tokens[k]
                return Place(a, b, found.name, found.latitude, found.longitude)
            return None
        if word in p.words["near_prepositions"]:
            seen_preposition = True
        elif not (word in p.articles or word in p.words["object_skip"] or word in p.words["ground_nouns"]):
            return None
        k -= 1
        steps += 1
    return None


def _relative_antecedent(r: Reader, context: Context, clause_start: int) -> list[Place]:
    """The place a relative clause is about: the noun right before it ("Douma, dat ...", "Palmyra, waaruit ...",
    also a place named as a bearing), or the description a place only modifies ("de laatste grote stad in de
    provincie Homs die ...": the town, not the province)."""
    text = r.text
    floor = r.previous_clause(context, clause_start)
    entities = [e for e in context.entities if e.kind == "place" and floor <= e.start and e.end <= clause_start
                and e.name in world().places and not context.in_speaker(e.start, e.end)]
    nearest = entities[-1] if entities else None
    if nearest is not None:
        headed = _phrase_head(r, context, nearest.start)
        if headed is not None:
            return [headed]
    if nearest is not None and not any(pl.start == nearest.start for pl in context.places):
        entry = world().places[nearest.name]  # "ten noordoosten van Palmyra, waaruit ...": a bearing, yet the antecedent
        return [Place(nearest.start, nearest.end, nearest.name, entry.latitude, entry.longitude)]
    places = r.places_before(context, clause_start, floor)
    if places:
        return places
    named = r.name_before(context, clause_start, floor)
    if named:
        return named
    described = _description_in(r, context, floor, clause_start)
    return [described] if described is not None else []


def _phrase_head(r: Reader, context: Context, position: int) -> Place | None:
    """The place a noun phrase means when the place named at ``position`` only sits in a phrase after its head:
    "de laatste grote stad in de provincie Homs" is a town (the one named before), "Oost-Ghouta, een regio aan
    de rand van de Syrische hoofdstad Damascus" is Oost-Ghouta (an indefinite head in apposition to a place)."""
    p, text = r.p, r.text
    k = context.index_at(position) - 1

    def skippable(i: int) -> bool:
        word = context.words[i]
        return word in p.articles or word in p.words["object_skip"] or any(
            e.kind == "adjective" and e.start == context.tokens[i][0] for e in context.entities)

    while k >= 0 and (skippable(k) or p.descriptions.get(context.words[k]) is not None and k + 1 < len(context.words)
                      and context.tokens[k + 1][0] >= position):
        k -= 1  # the place's own words: "de Syrische hoofdstad Damascus"
    passed = False
    steps = 0
    while k >= 0 and steps < 10:
        word = context.words[k]
        if word in p.words["place_prepositions"]:
            passed = True
        elif passed and p.descriptions.get(word) is not None:
            kind = p.descriptions[word]
            j = k - 1
            while j >= 0 and (context.words[j] in p.words["object_skip"] or any(
                    e.kind == "adjective" and e.start == context.tokens[j][0] for e in context.entities)):
                j -= 1
            if j >= 0 and context.words[j] in p.words["indefinite_articles"]:
                before = r.text[:context.tokens[j][0]].rstrip()
                if before.endswith(","):
                    apposed = [pl for pl in context.places if pl.end <= len(before) - 1 and pl.end >= len(before) - 2]
                    if apposed:
                        return apposed[-1]  # "Oost-Ghouta, een regio aan de rand van ..."
                return None
            if r.definite(context, k):
                found = r.described(context, context.tokens[k][0], "city" if kind == "city" else kind, noun=word,
                                    allow_same_sentence=kind == "city")
                if found is not None:
                    a, b = context.tokens[k]
                    return Place(a, b, found.name, found.latitude, found.longitude)
            return None
        elif not (skippable(k) or word in p.words["ground_nouns"] or not text[context.tokens[k][0]].isalnum()):
            return None
        k -= 1
        steps += 1
    return None


def _description_in(r: Reader, context: Context, start: int, end: int) -> Place | None:
    """A definite description of a place between ``start`` and ``end``: "de stad", "the town"."""
    for i in range(context.index_at(start), context.index_at(end)):
        kind = r.p.descriptions.get(context.words[i])
        if kind is not None and r.definite(context, i):
            place = r.described(context, context.tokens[i][0], kind)
            if place is not None:
                a, b = context.tokens[i]
                return Place(a, b, place.name, place.latitude, place.longitude)
    return None


def _before_verb(r: Reader, context: Context, hit: Hit, subjects: list[Side], *, assault: bool = False) -> list[Place]:
    """In a language that puts the object before the verb ("het leger heeft Tikrit heroverd"): the places
    between the subject and the verb, or a description there; none when a verb of assault has a building
    there ("heeft het politiebureau van X overrompeld")."""
    if not r.p.verb_final:
        return []
    clause_start, _ = context.clause(hit.start)
    floor = max(clause_start, subjects[-1].end if subjects and subjects[-1].end <= hit.start else clause_start)
    if assault and any(r.building(context, k) for k in range(context.index_at(floor), context.index_at(hit.start))):
        return []
    places = [pl for pl in r.places_before(context, hit.start, floor)
              if not any(s.start <= pl.start < s.end for s in context.sides if not s.country or s in subjects)]
    if places:
        return places
    described = _description_in(r, context, floor, hit.start)
    if described is not None:
        return [described]
    return _name_before_verb(r, context, hit, floor)


def _name_before_verb(r: Reader, context: Context, hit: Hit, floor: int) -> list[Place]:
    """A name the gazetteer does not know as the object before the verb, as a name after the verb is read in a
    language that puts it there ("Al-Shabaab heeft Bacaadley ingenomen" as "Al-Shabaab veroverde Bacaadley"):
    only auxiliaries, adverbs, articles and times between the subject and the name, only adverbs between the
    name and the verb; for a verb that also takes people, a single name of more than one word is a person (as
    after the verb)."""
    p = r.p
    if r.title_case(context):
        return []
    skip = p.words["adverbs"] | p.words["object_skip"] | p.articles
    brackets = dict(context.brackets())
    n = len(context.tokens)
    i = context.index_at(floor)
    while i < n and context.tokens[i][0] < hit.start:
        time_end = r.time_end(context.tokens[i][0])
        if time_end is not None:
            i = context.index_at(time_end)
        elif context.tokens[i][0] in brackets:
            i = context.index_at(brackets[context.tokens[i][0]])  # "Het leger (gesteund door de AU) heeft X heroverd"
        elif context.words[i] in skip or context.words[i] in (",", ")"):
            i += 1  # the close of an insertion: "heeft, met steun van de AU, Bacaadley heroverd"
        else:
            break
    if i >= n or context.tokens[i][0] >= hit.start:
        return []
    names, end = r.name_list(context, i, hit.start)
    between = [context.words[k] for k in range(context.index_at(end), context.index_at(hit.start))]
    if not names or any(w not in p.words["adverbs"] and w not in p.words["object_skip"] for w in between):
        return []
    if r.verb_in(hit, "people_verbs") and len(names) == 1 and " " in names[0].name:
        return []  # "heeft Abu Bakr gevangengenomen": a person
    return names


def _object_places(r: Reader, context: Context, hit: Hit, subjects: list[Side], *, people: bool,
                   assault: bool = False, start: int | None = None) -> tuple[list[Place], Any, bool]:
    """The places a verb takes, its object's owner, and whether the object is something else than ground (for
    a verb of assault, a building is not ground)."""
    clause_start, clause_end = context.clause(hit.start)
    split = hit.tail_start > hit.head_end
    if split and hit.phrase.split()[-1] in r.p.words["opening_particles"] and hit.status != "transfer":
        split = False  # "trokken zich gisteren terug uit Aleppo": the place follows the particle
    begin = start if start is not None else hit.head_end if split else hit.end
    if not split and start is not None and start < hit.end:
        begin = hit.end
    limit = hit.tail_start if split else max(clause_end, r.object_limit(context, begin))
    if len(hit.phrase.split()) > 1 and hit.phrase.split()[-1] in r.p.words["ground_nouns"]:
        # "gain territory from UNITA in Bambi": the place follows the noun of ground
        found = r.places_after_head(context, hit.end, clause_end)
        if found:
            return found[0], None, False
        before = _before_verb(r, context, hit, subjects, assault=assault)
        return before or _located_after(r, context, hit.end, clause_end), None, False
    if _counted_before(r, context, hit, subjects):
        return [], None, True
    obj = r.object(context, begin, limit, people_verb=people, assault_verb=assault)
    if obj.kind in ("not_ground", "side"):
        return [], None, True
    places = list(obj.places)
    if not places and split:
        obj = r.object(context, hit.end, clause_end, people_verb=people, assault_verb=assault)
        if obj.kind == "places":
            places = list(obj.places)
    if not places and obj.kind == "ground" and r.p.verb_final and not split:
        found = r.places_after_head(context, hit.end, clause_end, inside=True)
        places = found[0] if found else []  # "de meeste bolwerken ... hebben overgenomen in de provincies X en Y"
    if not places and obj.kind in ("none", "ground"):
        places = _before_verb(r, context, hit, subjects, assault=assault)
    if not places and r.opens_relative(context, clause_start) and clause_start > context.sentence.start:
        places = _relative_antecedent(r, context, clause_start)
    if not places and obj.share is not None:
        country = r.country_place(hit.start)
        places = [country] if country else []
    return places, obj, False


def _located_after(r: Reader, context: Context, start: int, limit: int) -> list[Place]:
    """The first place the clause names after ``start`` with a preposition of place before it: where ground with
    no name of its own was gained ("gain territory following a clash with UNITA in Ambuila")."""
    for place in context.places:
        if start <= place.start < limit:
            before = context.word_before(place.start)
            if before is not None and before[1] in r.p.words["near_prepositions"]:
                return [place]
    return []


def _counted_before(r: Reader, context: Context, hit: Hit, subjects: list[Side]) -> bool:
    """In a language that puts the object before the verb: a count of people or things there ("heeft in Afrin
    veertien militairen verloren") is the object, and it is not ground."""
    if not r.p.verb_final or hit.tail_start > hit.head_end:
        return False
    clause_start, _ = context.clause(hit.start)
    floor = max(clause_start, subjects[-1].end if subjects and subjects[-1].end <= hit.start else clause_start)
    for count in r.doc.within(r.doc.counts, floor, hit.start, "counts"):
        unit = re.match(r"\s*(%|[\w’'-]+)", r.text[count.end:count.end + 30])
        word = fold(unit.group(1)) if unit else ""
        if word.startswith("%") or word in r.p.words["percent_words"] or r.ground_word(word) \
                or r.time_end(count.start) is not None or word in r.p.words["time_units"]:
            continue
        if any(t[0] <= count.start < t[1] for t in r.time_spans):
            continue
        return True
    return False


def _share(obj: object | None) -> dict[str, object]:
    share = getattr(obj, "share", None)
    return {"share": share, "qualifier": getattr(obj, "qualifier", None)} if share is not None else {}


def _subjects(r: Reader, context: Context, hit: Hit, *, allow_speaker: bool = False) -> list[Side]:
    return r.subjects(context, hit.start, allow_speaker=allow_speaker, invert_from=hit.head_end)


# --------------------------------------------------------------------------
# The kinds of phrase
# --------------------------------------------------------------------------

def _verb(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "Iraqi forces recaptured Tikrit from IS", "Tikrit was recaptured by Iraqi forces", "IS controls Raqqa"."""
    p = r.p
    status = hit.status
    clause_start, clause_end = context.clause(hit.start)
    if status in ("captured", "controls") and _intent(r, context, hit):
        status = "seeks_control"  # "wants to retake X", "would give X full control of Y": not done
    people = r.verb_in(hit, "people_verbs")
    assault = r.verb_in(hit, "assault_verbs")
    uncertain = _uncertain(r, context, hit)
    if r.is_passive(context, hit):
        agent = r.agent(context, hit)
        if agent is not None and agent.end <= hit.start and not r.text[agent.end:hit.start].strip() \
                and re.match(r"\s+\w", r.text[hit.end:hit.end + 3]):
            # "de door Russische troepen veroverde havenstad Marioepol": the participle before its noun
            obj = r.object(context, hit.end, max(clause_end, r.object_limit(context, hit.end)), people_verb=False)
            if obj.kind == "places":
                return _claims(r, context, hit, [agent], list(obj.places), status,
                               uncertain=_uncertain(r, context, hit))
            return []
        places = _subject_places(r, context, hit)
        loser = r.losers(context, clause_start, clause_end, [agent] if agent else [])
        past = status == "controls" and _past(r, context, hit)
        return _claims(r, context, hit, [agent] if agent else [None], places, status, loser=loser, past=past,
                       uncertain=uncertain)
    subjects = _subjects(r, context, hit)
    if not subjects:
        # "Mosul volledig bevrijd van IS", "Tikrit recaptured by Iraqi forces": a participle with no auxiliary
        agent = r.agent(context, hit)
        loser = r.losers(context, hit.end, clause_end, [agent] if agent else [])
        places = _subject_places(r, context, hit)
        if places and (agent is not None or loser is not None) and status == "captured":
            return _claims(r, context, hit, [agent], places, status, loser=loser, uncertain=uncertain)
        return []
    inverted = subjects[0].start >= hit.head_end
    places, obj, other = _object_places(r, context, hit, subjects, people=people, assault=assault,
                                        start=subjects[-1].end if inverted else None)
    if other:
        return []
    loser = r.losers(context, hit.start if not p.verb_final else clause_start, clause_end, subjects) \
        or getattr(obj, "owner", None)
    if loser is not None and any(loser.start == s.start for s in subjects):
        loser = None
    past = status == "controls" and _past(r, context, hit)
    return _claims(r, context, hit, subjects, places, status, loser=loser, past=past, uncertain=uncertain,
                   **_share(obj))


def _holder_after(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "Douma is held by Jaish al-Islam", "Bakhmut fell to Russian forces", "in handen van IS"."""
    holder = r.side_after(context, hit.end)
    if holder is None:
        return []
    places = _subject_places(r, context, hit)
    share, population, qualifier = r.measures(context, hit.start, hit.end)
    if not places and (share is not None or population is not None):
        country = r.country_place(hit.start)
        places = [country] if country else []
    past = hit.status == "controls" and _past(r, context, hit)
    extra: dict[str, object] = {}
    if share is not None or population is not None:
        extra = {"share": share, "population": population, "qualifier": qualifier}
    return _claims(r, context, hit, [holder], places, hit.status, past=past, uncertain=_uncertain(r, context, hit),
                   **extra)


def _lose(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "IS lost Mosul", "Rebels withdrew from Aleppo", "IS is Mosul kwijtgespeeld"; "lost X to Y"."""
    p = r.p
    _, clause_end = context.clause(hit.start)
    subjects = _subjects(r, context, hit)
    if not subjects:
        return []
    people = r.verb_in(hit, "people_verbs")
    inverted = subjects[0].start >= hit.head_end
    places, obj, other = _object_places(r, context, hit, subjects, people=people,
                                        start=subjects[-1].end if inverted else None)
    if other:
        return []
    uncertain = _uncertain(r, context, hit)
    taker = next((s for s in context.sides if s.start >= hit.end and s.start < clause_end
                  and s.prep in p.words["taker_words"]), None)
    if taker is not None:
        return _claims(r, context, hit, [taker], places, "captured", loser=subjects[0], uncertain=uncertain)
    if hit.phrase in p.words["withdrawal_phrases"] and _raided_before(r, context, hit, subjects):
        return []  # "militants attacked the base in X ... and withdrew from the area": a raid, no ground held
    return _claims(r, context, hit, subjects, places, "lost", uncertain=uncertain, **_share(obj))


def _raided_before(r: Reader, context: Context, hit: Hit, subjects: list[Side]) -> bool:
    """Whether a side that leaves a place raided before, in this sentence or one before it: the side named and a
    verb of a raid within a few words after it ("Al Shabaab militants attacked ...")."""
    names = {s.name for s in subjects}
    for index in range(max(0, context.index - 3), context.index + 1):
        earlier = r.context(index)
        for side in earlier.sides:
            if side.name not in names or side.prep is not None or side.end > hit.start:
                continue
            following = earlier.index_at(side.end)
            raids = [k for k in range(following, min(len(earlier.words), following + 3))
                     if earlier.words[k] in r.p.words["raid_verbs"] and earlier.tokens[k][0] < hit.start]
            if raids and not _held_between(r, earlier.tokens[raids[0]][1], hit.start):
                return True
    return False


def _held_between(r: Reader, start: int, end: int) -> bool:
    """Whether a phrase of capture or control stands between ``start`` and ``end`` ("attacked X and took it")."""
    return any(r.p.status_of.get(fold(m.group())) in ("captured", "controls")
               for m in r.p.status.finditer(r.text, start, end))


def _expel(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "The army drove IS out of Fallujah" (a capture from IS), "IS was driven out of Fallujah" (a loss),
    "cleared Goniri of Boko Haram", "IS werd uit Palmyra verdreven", "waaruit IS werd verdreven"."""
    p, text = r.p, r.text
    sentence = context.sentence
    clause_start, clause_end = context.clause(hit.start)
    if _intent(r, context, hit):
        return _seek(r, context, hit)
    passive = r.is_passive(context, hit)
    taker_sides: list[Side] = []
    loser: Side | None = None
    places: list[Place] = []
    ends_from = hit.phrase.split()[-1] in p.words["expel_from"]
    if passive:
        agent = r.agent(context, hit)
        taker_sides = [agent] if agent else []
        floor = r.main_clause_start(context, hit.start)
        before = [s for s in context.sides if s.prep is None and floor <= s.start < hit.start and s is not agent]
        loser = before[0] if before else None
        places = _from_places(r, context, hit.end, clause_end, opened=True) if ends_from \
            else _from_places(r, context, clause_start, clause_end)
        if not places and loser is not None and p.verb_final:
            places = r.places_before(context, hit.start, loser.end)  # "is IS in Irak en Syrië verdreven"
        if loser is None:
            places = _subject_places(r, context, hit)
            loser = next((s for s in context.sides if s.start >= hit.end and s.start < clause_end
                          and s.prep in p.words["expel_from"]), None)
    else:
        taker_sides = _subjects(r, context, hit)
        begin = taker_sides[-1].end if taker_sides and taker_sides[0].start >= hit.end else hit.end
        if ends_from:
            places = _from_places(r, context, hit.end, clause_end, opened=True)
        else:
            obj = r.object(context, begin, clause_end, people_verb=True)
            if obj.kind == "side" and obj.side is not None and _attackers(r, obj.side):
                return []  # "expelled the attackers from the city": an attack repelled, no ground they held
            if obj.kind == "side":
                loser = obj.side
            elif obj.kind == "places":
                places = list(obj.places)
                loser = next((s for s in context.sides if obj.end <= s.start < clause_end
                              and s.prep in p.words["expel_from"]), None) or obj.owner
            elif obj.kind == "none" or obj.kind == "not_ground":
                pronoun = re.match(r"\s*([\w’']+)", text[hit.end:hit.end + 20])
                if pronoun and fold(pronoun.group(1)) in p.words["people_pronouns"]:
                    earlier = [s for s in context.sides if s.end <= hit.start and s not in taker_sides]
                    loser = earlier[-1] if earlier else None
                    obj_end = hit.end + pronoun.end()
                    places = _from_places(r, context, obj_end, clause_end)
            if loser is not None and not places:
                places = _from_places(r, context, loser.end, clause_end)
        if loser is None and p.verb_final:
            floor = taker_sides[-1].end if taker_sides else clause_start
            between = [s for s in context.sides if s.prep is None and floor <= s.start < hit.start]
            loser = between[0] if between else None
            if not places:
                places = _from_places(r, context, floor, hit.start) or _from_places(r, context, hit.end, clause_end)
    if not places and ends_from:
        places = _from_places(r, context, hit.end, clause_end, opened=True)
    if not places and clause_start > sentence.start and r.opens_relative_from(context, clause_start):
        places = _relative_antecedent(r, context, clause_start)
    if loser is not None and any(loser.start == s.start for s in taker_sides):
        loser = None
    uncertain = _uncertain(r, context, hit)
    if taker_sides:
        return _claims(r, context, hit, taker_sides, places, "captured", loser=loser, uncertain=uncertain)
    if loser is not None:
        return _claims(r, context, hit, [loser], places, "lost", uncertain=uncertain)
    return []


def _attackers(r: Reader, side: Side) -> bool:
    """Whether a side is named by its attack ("the attackers", "the assailants")."""
    words = r.text[side.start:side.end].split()
    return bool(words) and fold(words[-1]) in r.p.words["attacker_nouns"]


def _from_places(r: Reader, context: Context, start: int, limit: int, *, opened: bool = False) -> list[Place]:
    """The places after a word of leaving ("out of X", "from X", "uit X") between ``start`` and ``limit``; with
    ``opened``, the phrase before ``start`` ended with that word ("driven out of")."""
    p, text = r.p, r.text
    if opened:
        obj = r.object(context, start, limit, people_verb=False)
        return list(obj.places) if obj.kind == "places" else []
    for m in p.phrases["expel_from"].finditer(text, start, limit):
        after = m.end()
        obj = r.object(context, after, limit, people_verb=False)
        if obj.kind == "places":
            return list(obj.places)
        if obj.kind == "not_ground":
            continue
    return []


def _transfer(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "UNITA handed Cuango over to the army": a capture by the army from UNITA."""
    p = r.p
    _, clause_end = context.clause(hit.start)
    subjects = _subjects(r, context, hit)
    places, obj, other = _object_places(r, context, hit, subjects, people=True)
    if other:
        return []
    taker = next((s for s in context.sides if hit.end <= s.start < clause_end and s.prep in p.words["taker_words"]),
                 None)
    if taker is not None:
        return _claims(r, context, hit, [taker], places, "captured", loser=subjects[0] if subjects else None)
    return _claims(r, context, hit, subjects, places, "lost") if subjects else []


def _seek(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "Iraqi forces launched an offensive to retake Mosul", "Het Syrische leger wil Idlib heroveren",
    "to drive IS out of X" (from IS); "managed to retake X" is a capture."""
    p, text = r.p, r.text
    sentence = context.sentence
    _, clause_end = context.clause(hit.start)
    status = "captured" if _succeeded(r, context, hit) else "seeks_control"
    seekers = r.subjects(context, hit.start, allow_speaker=True, invert_from=hit.end)
    if not seekers:
        before = [s for s in context.sides if s.prep is None and sentence.start <= s.start and s.end <= hit.start]
        seekers = before[:1]
    if not seekers:
        agent = r.attack_agent(context, hit.start)
        seekers = [agent] if agent is not None else []
    verb = hit.phrase.split()[-1]
    loser: Side | None = None
    places: list[Place] = []
    if verb in p.words["expel"]:
        obj = r.object(context, hit.end, clause_end, people_verb=False)
        if obj.kind == "side":
            loser = obj.side
            places = _from_places(r, context, obj.end, clause_end)
        elif obj.kind == "places":
            places = list(obj.places)
        if not places and p.verb_final:
            floor = seekers[-1].end if seekers else context.clause(hit.start)[0]
            between = [s for s in context.sides if s.prep is None and floor <= s.start < hit.start]
            loser = loser or (between[0] if between else None)
            places = _from_places(r, context, floor, hit.start)  # "wil de Koerden uit Afrin verdrijven"
    else:
        obj = r.object(context, hit.end, clause_end, people_verb=verb in p.words["people_verbs"])
        if obj.kind == "places":
            places = list(obj.places)
        elif obj.kind in ("not_ground", "side"):
            return []
        if not places:
            places = _before_verb(r, context, hit, seekers)
        if not places and p.verb_final:
            floor = seekers[-1].end if seekers else sentence.start
            places = r.places_before(context, hit.start, floor)
        loser = r.losers(context, hit.end, clause_end, seekers)
    if not seekers:
        return []
    extra = {"loser": loser} if status == "seeks_control" else {"loser": loser}
    return _claims(r, context, hit, seekers, places, status, uncertain=_uncertain(r, context, hit),
                   **extra)


def _contest(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "Russian forces are fighting for Bakhmut", "strijden de troepen van Assad met jihadisten om Ouqayribat"."""
    _, clause_end = context.clause(hit.start)
    subjects = _subjects(r, context, hit)
    if not subjects:
        return []
    if hit.tail_start <= hit.head_end and subjects[-1].end <= hit.start:
        gap = [w for w in re.findall(r"[\w’']+", r.text[subjects[-1].end:hit.start])]
        if len(gap) > 3 or any(fold(w) not in r.p.words["adverbs"] and fold(w) not in r.p.words["continue_words"]
                               for w in gap):
            return []  # "IS lost 57 fighters in the clashes in X": the clashes are not the subject's claim
    obj = r.object(context, hit.end, max(clause_end, r.object_limit(context, hit.end)), people_verb=False)
    places = list(obj.places) if obj.kind == "places" else []
    return _claims(r, context, hit, subjects, places, "contested", uncertain=_uncertain(r, context, hit))


def _noun(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "Military forces report the recapture of Maiha", "the fall of X to Y", "Met het verlies van de stad
    hebben de jihadisten ..."."""
    p = r.p
    sentence = context.sentence
    _, clause_end = context.clause(hit.start)
    words = hit.phrase.split()
    status = "lost" if any(w in p.words["loss_nouns"] for w in words) else \
        "besieged" if any(w.startswith(tuple(p.words["siege_nouns"])) for w in words) \
        else "captured"
    obj = r.object(context, hit.end, sentence.end, people_verb=False)
    if obj.kind != "places":
        return []
    places = list(obj.places)
    limit = r.object_limit(context, obj.end)
    actor = next((s for s in context.sides if obj.end <= s.start < limit
                  and (s.prep in p.words["passive_words"] and not _verb_between(r, obj.end, s.start)
                       or s.prep in p.words["taker_words"]
                       and len(re.findall(r"[\w’']+", r.text[obj.end:s.start])) <= 2)), None)
    actors = [actor] if actor is not None else r.subjects(context, hit.start, allow_speaker=True)
    if actor is None and actors and _attacked(r, context, hit):
        return []  # "troops on a clearance operation in X were ambushed": the subject was attacked, took nothing
    if not actors:
        after = [s for s in context.sides if s.prep is None and s.start >= obj.end]
        actors = after[:1]
    if not actors and hit.status == "seeks_control":
        return _claims(r, context, hit, [None], places, "seeks_control", uncertain=_uncertain(r, context, hit))
    if not actors:
        earlier = r.previous_subject(context)
        actors = [earlier] if earlier is not None else []  # "Unita has taken ... The capture of Luau ..."
    if not actors:
        return []
    loser = r.losers(context, obj.end, sentence.end, actors) if status == "captured" else None
    return _claims(r, context, hit, actors, places, status, loser=loser, uncertain=_uncertain(r, context, hit))


def _attacked(r: Reader, context: Context, hit: Hit) -> bool:
    """Whether the clause of a noun of a gain says its subject was attacked: a passive auxiliary right before a
    verb of attack ("were ambushed", "was attacked")."""
    clause_start, clause_end = context.clause(hit.start)
    words = [(k, context.words[k]) for k in range(context.index_at(clause_start), context.index_at(clause_end))]
    return any(word in r.p.words["attack_verbs"] and k > 0 and context.words[k - 1] in r.p.words["passive_auxiliaries"]
               for k, word in words)


def _verb_between(r: Reader, start: int, end: int) -> bool:
    """Whether a passive auxiliary stands between ``start`` and ``end``: "by X" after it is the agent of another
    verb ("troops on a clearance operation in X were ambushed by Y"), not of the noun of a gain."""
    return any(fold(w) in r.p.words["passive_auxiliaries"] for w in re.findall(r"[\w’']+", r.text[start:end]))


def _stronghold(r: Reader, context: Context, hit: Hit) -> list[Claim]:
    """ "Raqqa, the main stronghold of IS", "the Boko Haram stronghold of Alagarno", "Mosul gold als een
    belangrijk bolwerk van de IS", "een voormalig bolwerk van de taliban" (past)."""
    p, text = r.p, r.text
    clause_start, clause_end = context.clause(hit.start)
    holder = None
    places: list[Place] = []
    phrase_words = hit.phrase.split()
    ends_with_of = len(phrase_words) > 1 and phrase_words[-1] in p.words["of_words"]  # "stronghold of"
    after = None if ends_with_of else re.match(
        rf"\s*(?:[\w’']+\s+){{0,4}}?{p.forms['stronghold_prepositions']}\s+", text[hit.end:hit.end + 40])
    position = hit.end if ends_with_of else (hit.end + after.end() if after else None)
    if position is not None:
        holder = r.side_after(context, position)
        if holder is None:
            found, _ = r.place_list(context, position, clause_end, names=True)
            places = found
    if holder is None:
        i = context.index_at(hit.start) - 1
        while i >= 0 and context.words[i] in p.words["object_skip"] | p.words["past_words"]:
            i -= 1
        modifier = next((pl for pl in context.places if i >= 0 and pl.end == context.tokens[i][1]), None)
        if modifier is not None:
            places = [modifier]  # "its last Damascus bastion"
            i = context.index_at(modifier.start) - 1
            while i >= 0 and context.words[i] in p.words["object_skip"] | p.words["past_words"]:
                i -= 1
        before = [s for s in context.sides if i >= 0 and s.end == context.tokens[i][1]]
        if before:
            holder = before[0]
        elif i >= 0 and context.words[i] in p.words["possessives"]:
            earlier = [s for s in context.sides if s.end <= hit.start and s.group == "non_state"]
            holder = earlier[-1] if earlier else None
    if holder is None:
        return []
    containing = [pl for pl in places if world().places.get(pl.name) is not None
                  and world().places[pl.name].kind in ("country", "province", "region")]
    if places and len(containing) == len(places):
        places = []  # "het laatste bolwerk van IS in het noorden van Irak": the country holds the stronghold
    if not places:
        places = _subject_places(r, context, hit)
    if not places and clause_start > context.sentence.start:
        floor = r.previous_clause(context, clause_start)
        places = r.places_before(context, clause_start, floor)
    if not places:
        antecedent = r.described(context, context.sentence.start, "city", allow_same_sentence=False)
        places = [antecedent] if antecedent is not None else containing
    past = _past(r, context, hit)
    return _claims(r, context, hit, [holder], places, "controls", past=past, stronghold=True)


def held(r: Reader, context: Context, compound: Held) -> list[Claim]:
    """ "the IS-held district of Hajar al-Aswad", "de door IS gecontroleerde stad Mosul", "het Houthi-bolwerk"."""
    p, text = r.p, r.text
    holder = _compound_holder(r, context, compound)
    if holder is None:
        return []
    clause_start, clause_end = context.clause(compound.start)
    hit = Hit(compound.start, compound.end, "controls", "", compound.end, compound.start)
    obj = r.object(context, compound.end, max(clause_end, r.object_limit(context, compound.end)), people_verb=False,
                   depth=1)  # the compound holds its own noun phrase, not the ones coordinated with it
    places: list[Place] = list(obj.places) if obj.kind == "places" else []
    if not places and compound.stronghold:
        places = _subject_places(r, context, hit) or [d for d in [r.described(context, compound.start, "any")] if d]
    return _claims(r, context, hit, [holder], places, "controls", past=_past(r, context, hit),
                   stronghold=compound.stronghold)


def _compound_holder(r: Reader, context: Context, compound: Held) -> Side | None:
    """The holder a compound names before its suffix: an actor ("IS-held", "(IS) gecontroleerde"), a state's
    forces ("regime-held"), or a group noun ("rebellenenclave")."""
    p, text = r.p, r.text
    before = [s for s in context.sides if s.start < compound.suffix and (
        s.end >= compound.suffix or not text[s.end:compound.suffix].strip(" )-"))]
    if before:
        side = before[-1]
        return Side(side.start, side.end, side.name, side.group, None)
    prefix = text[compound.start:compound.suffix].strip(" -")
    for entity in world().entities(prefix):
        if entity.kind == "actor":
            name = r.territorial(entity.name)
            from .territory_roles import actor_group

            return Side(compound.start, compound.suffix, name, actor_group(name), None)
        if entity.kind == "adjective":
            government = world().government(entity.name)
            if government:
                return Side(compound.start, compound.suffix, government, "state", None)
    word = fold(prefix)
    for noun, name in p.group_names.items():
        if word == noun or any(word == noun + e or noun == word + e for e in p.words["plural_endings"]):
            if noun in p.words["state_nouns"]:
                government = world().government(r.doc.country)
                return Side(compound.start, compound.suffix, government or name, "state", None)
            return Side(compound.start, compound.suffix, name, "non_state", None)
    return None
