"""Territorial-control claims: who holds, takes, loses, besieges or seeks which place, by whose account.

A claim is read from the clause of a status phrase of the language (``in handen van``,
``recaptured``, ``fell to``, ``withdrew from``, ``wil heroveren``), with the roles the clause layer
(:mod:`conflictnews.clauses`) and the readers of :mod:`conflictnews.territory_roles` give:

- the taker or holder is the subject of an active verb ("Iraqi forces recaptured ..."), the agent
  of a passive ("recaptured by X", "door X heroverd"), or the side named right after a phrase that
  introduces it ("fell to X", "in handen van X", "held by X", "under X control");
- the place is the verb's object ("retook Ramadi", "overtook Milimani village"), or the subject
  the clause is about ("Bakhmut fell to ...", "Douma, dat in handen is van ..."); never a speaker,
  a place named as a bearing or a base, or a country in a modifier ("a U.S.-backed offensive");
- an object that is not ground (people, vehicles, weapons, goods: "seized four motorbikes",
  "captured 2 operatives") makes no claim, and movement ("entered", "reached") is no capture;
- the loser stands after "from", "op" or "van" ("retook Tikrit from IS", "bevrijd van IS"), or is
  the object of a verb that expels ("drove IS out of Fallujah"): ``from_actor``;
- who says so (``attributed_to``) and how sure the text is (``certainty``: stated, uncertain,
  denied) come from the speech frames of the sentence; control the text gives as over ("a
  former stronghold of X", "was in X's hands until ...") is ``past``; an intent ("wil Idlib
  heroveren") is ``seeks_control``.

Shares of territory and populations under control are read from the counts beside the phrase.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, Iterable

from . import territory_roles as roles
from .document import Document, documents
from .lexicon import world
from .gazetteer import gazetteer
from .places import PlaceRef, _country_name, _geo_ref, ref_for_name
from .records import TerritoryClaim
from .territory_roles import Claim
from .text import Sentence

__all__ = ["extract_territory", "territory_from_documents"]

STATUSES = ("controls", "captured", "lost", "contested", "besieged", "seeks_control")


def extract_territory(article_or_text: Any, *, lang: str | None = None,
                      published: datetime | str | None = None) -> list[TerritoryClaim]:
    """Return one ``TerritoryClaim`` per claim of control over a place.

    >>> [(c.actor, c.place, c.status) for c in extract_territory(
    ...     "Gebieden in het zuiden van Damascus zijn sinds 2015 in de handen van IS.", lang="nl")]
    [('Islamic State', 'Damascus', 'controls')]
    >>> [(c.actor, c.place, c.status, c.certainty, c.attributed_to) for c in extract_territory(
    ...     "Kyiv denied that Russian troops had taken Krynky.", lang="en")]
    [('Russian government', 'Krynky', 'captured', 'denied', 'Ukrainian government')]
    """
    return territory_from_documents(documents(article_or_text, lang=lang, published=published))


def territory_from_documents(docs: Iterable[Document]) -> list[TerritoryClaim]:
    """Territory claims of analysed documents (the headline first, then the body).

    The headline's places and actors are remembered for the body: "de stad" of the lead is the
    city of the headline.
    """
    claims: list[TerritoryClaim] = []
    memory = roles.Memory()
    for doc in docs:
        claims.extend(_read(doc, memory))
    return claims


# --------------------------------------------------------------------------
# Reading a document
# --------------------------------------------------------------------------

def _read(doc: Document, memory: roles.Memory) -> list[TerritoryClaim]:
    p = roles.patterns(doc.lang)
    claims: list[TerritoryClaim] = []
    seen: set[tuple[Any, ...]] = set()
    reader = roles.Reader(doc, p, memory)
    for index, cues in sorted(roles.cues(doc, p).items()):
        context = reader.context(index)
        found: list[Claim] = []
        covering = []
        for held in cues.held:
            claims_of_held = reader.held_claims(context, held)
            found.extend(claims_of_held)
            if claims_of_held or doc.text[held.suffix:held.suffix + 1] == "-":
                covering.append(held)  # "IS-held": the suffix is not a verb of its own
        for hit in cues.hits:
            if any(h.start <= hit.start < h.end for h in covering):
                continue
            found.extend(reader.claims_of(context, hit))
        for claim in _without_qualifiers(roles.merge_strongholds(found), doc):
            _add(claims, seen, doc, context.sentence, index, claim, reader)
    reader.remember()
    return claims


def _without_qualifiers(found: list[Claim], doc: Document) -> list[Claim]:
    """"took control of Mubi, Adamawa State": a division or country right after a place, a comma between,
    says where the place lies; it is not a second place taken."""
    if len(found) < 2:
        return found
    dropped = set()
    for first in found:
        ref = _place_ref(doc, first.place)
        if ref is None:
            continue
        for second in found:
            if second is not first and second.status == first.status \
                    and doc.text[first.place.end:second.place.start].strip() == "," \
                    and not world().names_of(second.place.name).isdisjoint(
                        n.casefold() for n in (ref.admin1, ref.country) if n):
                dropped.add(id(second))
    return [claim for claim in found if id(claim) not in dropped]


def _add(claims: list[TerritoryClaim], seen: set[tuple[Any, ...]], doc: Document, sentence: Sentence,
         index: int, claim: Claim, reader: roles.Reader) -> None:
    actor = claim.actor.name if claim.actor is not None else None
    from_actor = claim.loser.name if claim.loser is not None else None
    if actor is None and from_actor is None:
        return  # "strijd om Mosul": a claim names who holds, takes, loses or seeks the place
    if actor is not None and actor == from_actor:
        from_actor = None
    sides = [s for s in (claim.actor, claim.loser) if s is not None]
    attributed_to, certainty = reader.account(index, claim.start, claim.end, sides=sides)
    if claim.uncertain and certainty == "stated":
        certainty = "uncertain"
    key = (actor, claim.place.name, claim.status, from_actor, attributed_to, certainty, claim.past)
    if key in seen and claim.share is None and claim.population is None:
        return
    seen.add(key)
    since, as_of = _when(doc, sentence)
    place, ref = _placed(doc, claim)
    group = claim.actor.group if claim.actor is not None else None
    claims.append(TerritoryClaim(
        article_id=doc.article_id, actor=actor, actor_group=group, from_actor=from_actor, place=place.name,
        country=ref.country if ref else None, admin1=ref.admin1 if ref else None,
        latitude=place.latitude if place.latitude is not None else ref.latitude if ref else None,
        longitude=place.longitude if place.longitude is not None else ref.longitude if ref else None,
        place_precision=ref.precision if ref else None, status=claim.status, past=claim.past,
        since=since, as_of=as_of, share_pct=claim.share, population=claim.population, qualifier=claim.qualifier,
        attributed_to=attributed_to, certainty=certainty, from_title=doc.from_title,
        surface=doc.text[claim.start:claim.end], sentence=sentence.text, span_start=claim.start,
        span_end=claim.end))


def _placed(doc: Document, claim: Claim) -> tuple[roles.Place, PlaceRef | None]:
    """A claim's place and where it is. A name the gazetteer reads in another country than the place the text says
    it lies in ("Lassa town in Askira/Uba local government council, Borno State", read as Lhasa) is that other
    country's place no longer: it keeps its name as written and is placed by the place it lies in."""
    place = claim.place
    sides = (claim.actor, claim.loser)
    ref = _place_ref(doc, place, sides)
    written = doc.text[place.start:place.end]
    if ref is None or not ref.country or written == place.name or not written[:1].isupper():
        return place, ref
    as_written = replace(place, name=written, latitude=None, longitude=None, ref=None)
    parent = _parent_ref(doc, as_written)
    if parent is None or parent.country == ref.country or parent.precision >= _COUNTRY:
        return place, ref
    return as_written, _named_in_country(doc, as_written, sides, countries=[parent.country]) or parent


def _place_ref(doc: Document, place: roles.Place, sides: Iterable[roles.Side | None] = ()) -> PlaceRef | None:
    """Where a claim's place is: the gazetteer's reading of it in the text, else of its name in the tables, else
    GeoNames' entry of its name in a country the text is about (unless the place it is said to lie in is in
    another country), else where the place it is said to lie in is."""
    if place.ref is not None:
        ref: PlaceRef = place.ref
        return ref
    for entity in doc.within(doc.entities, place.start, place.end, "entities"):
        if entity.kind == "place" and entity.place is not None and entity.name == place.name:
            return entity.place
    known = ref_for_name(place.name)
    if known is not None:
        return known
    parent = _parent_ref(doc, place)
    found = _named_in_country(doc, place, sides)
    if found is not None and (parent is None or parent.country == found.country):
        return found
    return parent


def _context_countries(doc: Document, sides: Iterable[roles.Side | None]) -> list[str]:
    """The countries a text is about, most telling first: the country it names most, the home countries of the
    claim's sides ("Boko Haram": Nigeria; "the Nigerian government"), then the countries of its other places."""
    w = world()
    found: list[str] = []
    if doc.country:
        found.append(doc.country)
    for side in sides:
        if side is None:
            continue
        row = w.actors.get(side.name)
        country = row.get("country") if row is not None else next(
            (name for name, entry in w.countries.items()
             if side.name in (entry.get("government"), entry.get("state_forces"))), None)
        if country:
            found.append(country)
    for entity in doc.entities:
        if entity.kind == "place" and entity.place is not None and entity.place.country:
            found.append(entity.place.country)
    return list(dict.fromkeys(found))


def _named_in_country(doc: Document, place: roles.Place, sides: Iterable[roles.Side | None], *,
                      countries: list[str | None] | None = None) -> PlaceRef | None:
    """A name the place reader left unplaced, which the clause reads as ground taken or held ("regained three
    areas: Gombi, Pelia and Hong"): GeoNames' most populous entry of that name in the first country the text is
    about (or of ``countries``) that has one. A name with no entry in those countries stays unplaced."""
    if place.end <= place.start or place.name != doc.text[place.start:place.end]:
        return None  # a place pointed to by a description
    if not len(gazetteer()):
        return None
    entries = gazetteer().lookup(place.name)
    if not entries:
        return None
    for country in countries if countries is not None else _context_countries(doc, sides):
        inside = [entry for entry in entries if _country_name(entry.country_code) == country]
        if inside:
            return _geo_ref(inside[0])
    return None


#: How far after an unknown place the place it lies in may be named.
_PARENT_WINDOW = 90


def _parent_ref(doc: Document, place: roles.Place) -> PlaceRef | None:
    """A place no gazetteer knows, located by the known place it is said to lie in, right after it or after the
    list it ends: "Bula Golol in Garissa County", "Coxe Commune, Dembo municipality", "a camp at Kerenoa Area of
    Monguno", "Wumbi, Tunish and Tilem in Kala/Balge". The coordinates are the parent's; the precision says so
    (never finer than "near")."""
    if place.end <= place.start or place.name != doc.text[place.start:place.end]:
        return None  # a place pointed to by a description: its own reading stands
    p = roles.patterns(doc.lang)
    following = [e for e in doc.within(doc.entities, place.end, place.end + _PARENT_WINDOW, "entities")
                 if e.start >= place.end]
    # the first known place the gap allows: a known place inside the list is passed over ("Bita, Izge Yamteke and
    # Uba towns in Askira Uba": Askira, not Uba)
    parent = next((e for e in following if e.kind == "place" and e.place is not None and e.place.latitude is not None
                   and not any(o.kind != "place" and o.start < e.start for o in following)
                   and _parent_gap(p).fullmatch(doc.text, place.end, e.start)), None)
    if parent is None or parent.place is None:
        # "the Bama communities of Kyare, Kadawu and Ajiri": a known place before the noun that heads the list
        preceding = [e for e in doc.within(doc.entities, max(0, place.start - _PARENT_WINDOW), place.start,
                                           "entities") if e.end <= place.start]
        parent = preceding[-1] if preceding and preceding[-1].kind == "place" else None
        if parent is None or parent.place is None or parent.place.latitude is None \
                or not _parent_before(p).fullmatch(doc.text, parent.end, place.start):
            return None
    ref = parent.place
    return PlaceRef(place.name, ref.country, ref.admin1 if ref.kind != "admin1" else ref.name, ref.latitude,
                    ref.longitude, max(ref.precision, _NEAR), "village")


_NEAR = 2  # the precision of a place near given coordinates (UCDP where_prec 2)
_COUNTRY = 6  # the precision of a place known only by its country
_GAPS: dict[str, Any] = {}


_BEFORE: dict[str, Any] = {}


def _parent_before(p: roles.Patterns) -> Any:
    """Between a known place and an unknown one it qualifies: a noun of places (and a date: "on 03/04"), then "of",
    "in", a colon or "including", then the names listed before it ("Bama communities of Kyare, Kadawu and " before
    "Ajiri")."""
    found = _BEFORE.get(p.lang)
    if found is None:
        import re

        name = r"[A-ZÀ-Þ][\w’'/-]*(?:\s+[A-ZÀ-Þ][\w’'/-]*)*"
        joiners = "|".join(re.escape(w) for w in sorted(p.words["and_words"] | p.words["list_joiners"]))
        nouns = "|".join(re.escape(w) for w in sorted(set(p.descriptions) | p.words["ground_nouns"], key=len,
                                                        reverse=True))
        prepositions = "|".join(re.escape(w) for w in sorted(p.words["near_prepositions"]))
        listing = p.phrases["list_words"].pattern
        days = "|".join(re.escape(w) for w in sorted(p.words["date_prepositions"]))
        found = _BEFORE[p.lang] = re.compile(
            rf"\s+(?i:{nouns})(?:\s+(?i:{days})\s+\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)?"  # "localities on 03/04"
            rf"\s*(?:(?i:{prepositions})\s+|:\s*|,?\s*(?:{listing})\s*:?\s*)"
            rf"(?:{name}\s*,?\s*(?:(?:{joiners})\s+)?)*", re.UNICODE)
    return found


def _parent_gap(p: roles.Patterns) -> Any:
    """Between an unknown place and the place it lies in: the rest of a list of names, a noun of a place
    ("village", "area"), then a comma, a bracket or a preposition of place ("in", "of", "at", "near")."""
    found = _GAPS.get(p.lang)
    if found is None:
        import re

        name = r"[A-ZÀ-Þ][\w’'/-]*(?:\s+[A-ZÀ-Þ][\w’'/-]*)*"
        joiners = "|".join(re.escape(w) for w in sorted(p.words["and_words"] | p.words["list_joiners"]))
        nouns = "|".join(re.escape(w) for w in sorted(p.descriptions, key=len, reverse=True))
        prepositions = "|".join(re.escape(w) for w in sorted(p.words["near_prepositions"]))
        articles = "|".join(re.escape(w) for w in sorted(p.articles))
        found = _GAPS[p.lang] = re.compile(
            rf"(?:\s*,?\s*(?:(?:{joiners})\s+)?{name})*"      # the rest of a list: ", Tunish and Tilem"
            rf"(?:\s+(?i:{nouns}))?"                         # "village", "area"
            rf"\s*(?:,|\(|\s(?i:{prepositions})\s)\s*(?:(?i:{articles})\s+)?", re.UNICODE)
    return found


def _when(doc: Document, sentence: Sentence) -> tuple[datetime | None, datetime | None]:
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
