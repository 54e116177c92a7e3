"""Casualty reports: who was killed, injured, captured, missing or displaced, how many, when, where, by whose account.

For each count in a sentence (see ``numbers``) the extractor reads the noun
phrase that follows it (``achttien Syrische soldaten``, ``35 jihadisten van
IS``), ties the count to the casualty verb or noun that governs it in its
clause (``om het leven gekomen``, ``killed``), and resolves the period, place
and source from the same sentence (or, for the source, from a sentence that
points back at it: ``Dat meldt het Syrisch Observatorium``). Every rule is a
rule of the language, with its words in ``lexicon/<lang>.toml``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Iterable

from . import clauses
from .document import Document, documents, is_reference_place
from .lexicon import Entity, Language, fold, language, phrase_alternation, phrase_pattern, world
from .numbers import CountMatch
from .places import PlaceRef, common_place, event_place, place_named_after
from .records import CasualtyReport, Count
from .temporal import TimeExpression
from .text import Sentence

__all__ = ["extract_casualties", "casualties_from_documents"]

_TOKEN = re.compile(r"\s*([^\s,;:.!?()\"“”„«»]+)")
# An age after a name: "Valmir de Campos, 48, on ...", "Jan Smit (52)": a capitalised word, then a number
# closed by a comma or a bracket.
_AGE_BEFORE = re.compile(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]*[a-zà-ÿ][\w’'-]*(?:,\s*|\s*\()$")
_AGE_AFTER = re.compile(r"\s*[,)]")
# Between a casualty word and a count that is its part: "died (13 civilians)", "killed (including 13 ...)".
_BRACKET_OPENS = re.compile(r"\s*\(\s*(?:[^\W\d_]+\s+)?")
_TRIPLED = re.compile(r"\b\w*([^\W\d_])\1\1\w*\b")
_TRIPLED_LETTER = re.compile(r"([^\W\d_])\1\1+")
_SPACES = re.compile(r"\s*")


def extract_casualties(article_or_text: Any, *, lang: str | None = None,
                       published: datetime | str | None = None) -> list[CasualtyReport]:
    """Return one ``CasualtyReport`` per casualty statement of an article or a text.

    Parameters
    ----------
    article_or_text
        An ``Article`` (its headline is read too, flagged ``from_title``), a
        mapping with the same fields, or a plain string.
    lang
        ``"nl"`` or ``"en"``; ``None`` detects it. Anything else raises ``ValueError``.
    published
        The publication time relative dates are resolved against (default: the article's).

    Examples
    --------
    >>> [(r.count_best, r.outcome, r.victim_group, r.qualifier) for r in
    ...  extract_casualties("Daarbij kwamen zeker 13 burgers om het leven en raakten 50 mensen gewond.", lang="nl")]
    [(13, 'killed', 'civilian', 'at_least'), (50, 'injured', 'unknown', 'exact')]
    """
    return casualties_from_documents(documents(article_or_text, lang=lang, published=published))


def casualties_from_documents(docs: Iterable[Document]) -> list[CasualtyReport]:
    """Casualty reports of analysed documents (the headline first, then the body)."""
    reports: list[CasualtyReport] = []
    memory = _Memory()
    docs = list(docs)
    for doc in docs:
        found = _Reader(doc, memory).read()
        reports.extend(_mark_breakdowns(found, doc))
    return _one_place(_one_doer(_headline_periods(reports), docs, memory.other_attack), docs)


def _one_doer(reports: list[CasualtyReport], docs: list[Document], other_attack: int | None = None) -> list[CasualtyReport]:
    """An article that names one doer tells of one attack: its casualties whose own clause names no doer
    are that doer's, unless they are the doer's own side ("IS attacked ..., killing five soldiers. Three
    militants died too": the militants are not IS's victims). From where the article tells of another
    attack (``other_attack``, a position in the body), it tells of more than one."""
    from dataclasses import replace

    if other_attack is not None:
        before = [r for r in reports if r.from_title or r.span_start < other_attack]
        return _one_doer(before, docs) + [r for r in reports if not (r.from_title or r.span_start < other_attack)]
    waiting = {r.sentence for r in reports if r.perpetrator is None}
    if not waiting:
        return reports
    fights = {sentence.text for doc in docs for i, sentence in enumerate(doc.sentences)
              if sentence.text in waiting and clauses.fighting(doc, i)}
    if not waiting - fights:
        return reports
    named = {(who.name, who.group) for doc in docs for who in clauses.agents(doc)}
    if len({name for name, _ in named}) != 1:
        return reports
    (name, group), = named if len(named) == 1 else (sorted(named, key=lambda n: n[1] or "")[:1])
    return [replace(r, perpetrator=name, perpetrator_group=group or "unknown")
            if r.perpetrator is None and r.victim_actor != name and r.victim_group != group
            and r.sentence not in fights else r
            for r in reports]


_PLACE_FIELDS = ("place", "country", "admin1", "latitude", "longitude", "place_precision")


def _one_place(reports: list[CasualtyReport], docs: list[Document] | None = None) -> list[CasualtyReport]:
    """A figure placed only in its country ("in het noordwesten van Syrië", "in Somalië") is placed where the
    article's other figures in that country are, when they are all at one place (a town, a district): the
    text is as specific as its most specific place of the event, and no more. A named region ("the western
    Qalamoun") keeps its name, and so does a running toll (the war's dead since 2011 are the country's).
    Without such figures, the one place of that country the next sentences name (``places.place_named_after``;
    for a headline figure, the body's first sentences)."""
    from dataclasses import replace

    fine: dict[str, set[tuple[Any, ...]]] = {}
    for r in reports:
        if r.place and r.country and r.place_precision is not None and r.place_precision <= 4:
            fine.setdefault(r.country, set()).add(tuple(getattr(r, name) for name in _PLACE_FIELDS))
    result = []
    for r in reports:
        places = fine.get(r.country or "", set()) if r.place == r.country and not r.cumulative else set()
        if not places and r.place == r.country and not r.cumulative and docs:
            body = next((d for d in docs if not d.from_title), None)
            doc = body if r.from_title else next((d for d in docs if d.from_title == r.from_title), None)
            later = place_named_after(doc, -1 if r.from_title else r.span_end, r.country) if doc else None
            if later is not None:
                r = replace(r, place=later.name, country=later.country, admin1=later.admin1,
                            latitude=later.latitude, longitude=later.longitude, place_precision=later.precision)
        if len({p[0] for p in places}) == 1:
            r = replace(r, **dict(zip(_PLACE_FIELDS, next(iter(places)))))
        elif places:  # places nested in one ("Hallalé" and the province Soum): the one that holds them all
            shared = common_place([PlaceRef(p[0], p[1], p[2], p[3], p[4], p[5]) for p in places])
            if shared is not None:
                r = replace(r, place=shared.name, country=shared.country, admin1=shared.admin1,
                            latitude=shared.latitude, longitude=shared.longitude, place_precision=shared.precision)
        result.append(r)
    return result


def _headline_periods(reports: list[CasualtyReport]) -> list[CasualtyReport]:
    """A headline repeats the lead: a headline figure takes the period of the first body report with the
    same outcome and count (the headline itself seldom says when)."""
    from dataclasses import replace

    body: dict[tuple[str, int], CasualtyReport] = {}
    for report in reports:
        if not report.from_title:
            body.setdefault((report.outcome, report.count_best), report)
    result = []
    for report in reports:
        lead = body.get((report.outcome, report.count_best)) if report.from_title else None
        if lead is not None and not report.cumulative:
            report = replace(report, period_start=lead.period_start, period_end=lead.period_end,
                             date_precision=lead.date_precision, cumulative=lead.cumulative)
            if report.perpetrator is None:
                report = replace(report, perpetrator=lead.perpetrator, perpetrator_group=lead.perpetrator_group)
        result.append(report)
    return result


# --------------------------------------------------------------------------
# Language patterns, compiled once per language
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Patterns:
    triggers: re.Pattern[str]
    trigger_outcome: dict[str, str]
    heads: dict[str, str]
    head_max_words: int
    compound_heads: list[tuple[str, str]]
    compound_index: dict[str, list[tuple[str, str]]]  # the compound heads by their last four letters
    members: frozenset[str]
    of: frozenset[str]
    breakers: frozenset[str]
    state_prefixes: tuple[str, ...]
    state_forces: re.Pattern[str]
    anaphora: re.Pattern[str]
    subset_cues: re.Pattern[str]
    cumulative_cues: re.Pattern[str]
    so_far_cues: re.Pattern[str]
    same_period: re.Pattern[str]  # "in the same period": the period of the figure before
    habitual_cues: re.Pattern[str]  # "herhaaldelijk", "repeatedly": a repeated event
    campaign_words: re.Pattern[str]  # a campaign or a total: what makes a toll "so far" a running toll
    negations: frozenset[str]
    toll: re.Pattern[str]
    toll_noun: re.Pattern[str]
    skip: re.Pattern[str]
    cues: re.Pattern[str]
    back_reference: frozenset[str]
    separable: list[tuple[re.Pattern[str], re.Pattern[str], str]]
    separable_verbs: re.Pattern[str]  # any verb of ``separable``: most sentences have none
    separable_particles: re.Pattern[str]  # any particle of ``separable``: rarer still, so looked for first
    singular: re.Pattern[str]
    capital: re.Pattern[str]
    country_nouns: re.Pattern[str]
    determiners: frozenset[str]
    auxiliaries: frozenset[str]
    agent_markers: frozenset[str]
    object_singular: re.Pattern[str]
    object_bare: re.Pattern[str]
    subject_singular: re.Pattern[str]
    plural_suffixes: tuple[str, ...]
    plural_words: frozenset[str]
    vague_words: frozenset[str]
    possessives: frozenset[str]
    not_people: frozenset[str]
    singular_auxiliaries: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    transitive: re.Pattern[str]
    clause_breaks: frozenset[str]
    collectives: re.Pattern[str]  # "a family of", at the end of a gap before a count
    totals: re.Pattern[str]
    toll_rises: re.Pattern[str]
    among: re.Pattern[str]
    additive: frozenset[str]
    background: re.Pattern[str]  # "in retaliation for", "the anniversary of": before a death named as a cause
    background_any: re.Pattern[str]
    distance: re.Pattern[str]  # "30 km from Mosul": a distance after a number, not people
    self_killers: re.Pattern[str]  # "two women ... blew themselves up": the count names the attackers
    speaker_nouns: frozenset[str]  # "witness", "officials": the nouns of a count that speaks ("One witness said")
    earlier: re.Pattern[str]  # "a day after at least 18 people died": a clause of an earlier time, up to its word
    perpetrators: re.Pattern[str]
    part_of_them: re.Pattern[str]
    outcome_groups: dict[str, str]
    number_of: re.Pattern[str]
    more: frozenset[str]
    perpetrators_included: re.Pattern[str]
    captives: re.Pattern[str]
    victim_pronoun: re.Pattern[str]  # "shot him dead", "killed her on Sunday": one victim named by a pronoun
    victim_pronoun_ends: re.Pattern[str]
    singular_pronoun: re.Pattern[str]  # a sentence opening with "He", "She": one person named before
    subject_appositive: re.Pattern[str]
    singular_passive: re.Pattern[str]   # "was killed", "has been shot dead": one person, whoever the subject
    object_name: re.Pattern[str]        # "killed Ahmed Salah, a cameraman": a name as the object
    object_and: re.Pattern[str]         # "killed a mayor and his secretary": the second of two objects
    companion: re.Pattern[str]          # "was killed along with his driver": one more victim
    name_and: re.Pattern[str]           # "Abdul Razzak and his brother were killed": the name is one victim
    object_split: re.Pattern[str]       # "hacked an elderly priest to death"
    possessive_words: re.Pattern[str]   # the possessives that open a coordinated victim, anywhere
    subject_possessive: re.Pattern[str]
    not_a_count: re.Pattern[str]
    no_count: re.Pattern[str]  # the words of ``not_a_count`` anywhere
    later_cues: frozenset[str]
    coordinators: frozenset[str]
    object_pronouns: frozenset[str]
    verb_suffixes: tuple[str, ...]
    linking_verbs: frozenset[str]
    short_anchor: re.Pattern[str]
    campaign_toll: re.Pattern[str]
    opponent_markers: frozenset[str]
    reflexives: frozenset[str]
    state_modifiers: frozenset[str]
    loss_verbs: re.Pattern[str]
    side_before: re.Pattern[str]
    side_state: re.Pattern[str]
    own_side: re.Pattern[str]  # "in eigen gelederen": the victims are of the speaker's side
    fights: frozenset[str]  # "gevechten", "clashes": a phrase naming a fight names no side
    of_them: re.Pattern[str]  # "21 van hen", "12 of them": a part of people named before
    attack_on: re.Pattern[str]  # "een aanval op burgers": the people attacked
    rebel_nouns: re.Pattern[str]  # "rebels", "rebellen": a side of their own, unless a movement is called so
    side_both: re.Pattern[str]


_OUTCOMES = ("killed", "injured", "captured", "missing", "displaced", "mixed")
_GROUPS = ("military", "armed_group", "civilian", "unknown")


def _patterns(data: Language) -> _Patterns:
    trigger_paths = [f"casualties.{o}" for o in _OUTCOMES]
    heads: dict[str, str] = {}
    for group in _GROUPS:
        for head in data.words(f"victims.{group}"):
            heads.setdefault(fold(head), group)
    compound = sorted(((h, g) for h, g in heads.items() if " " not in h and len(h) >= 5),
                      key=lambda item: -len(item[0]))
    separable = []
    breakers_after = phrase_pattern([*data.words("victims.breakers"), *data.words("casualties.coordinators")])
    for rule in data.get("casualties.separable", []):
        verb = re.compile(phrase_pattern(rule["verb"]), re.IGNORECASE)
        words = rule["particle"].split()
        # A one-word particle ends its clause: punctuation or a word that opens the next phrase follows it.
        end = rf"(?=\s*(?:[,.;:]|$)|\s+{breakers_after})" if len(words) == 1 else r"(?![\w])"
        particle = re.compile(rf"(?<![\w]){phrase_alternation([rule['particle']])}{end}", re.IGNORECASE)
        separable.append((verb, particle, rule["outcome"]))
    killing = phrase_pattern(data.words("casualties.transitive"))
    casualty_words = phrase_pattern([*data.words("casualties.killed"), *data.words("casualties.injured")])
    articles_definite = phrase_pattern(data.words("victims.definite_articles"))
    singular_heads = phrase_pattern(heads)
    articles = phrase_pattern(data.words("numbers.singular_articles"))
    # Adjectives and names may stand between the article and the head: een Nederlandse IS-strijder.
    modifier = r"(?:(?-i:[a-zà-ÿ][\w’'-]*e)|(?-i:[A-Z][\w’'-]+)|(?-i:[a-z][\w’'-]*(?:ish|an|ic|al|ed|ary|ese|i))|\d+-[\w-]+)"
    head_words = phrase_alternation(heads)
    definite = phrase_pattern(data.words("victims.determiners"))
    of = phrase_pattern(data.words("victims.of"))
    singular = re.compile(
        rf"(?:{articles}\s+{of}\s+{definite}\s+|(?:{articles}|{articles_definite})\s+(?:{modifier}\s+){{0,3}}?"
        rf"|^(?:{modifier}\s+){{0,2}}?)"
        rf"(?P<head>{singular_heads}|[\w’'-]+-{head_words}(?![\w]))", re.IGNORECASE)
    auxiliaries = phrase_pattern(data.words("casualties.auxiliaries"))
    indefinite = phrase_pattern(data.words("numbers.singular_articles"))
    object_singular = re.compile(rf"{killing}\s+(?P<art>{indefinite}|{articles_definite})\s+(?=\S)", re.IGNORECASE)
    # Headline style, without an article: "Unidentified gunmen kill NISS officer".
    members = phrase_pattern(data.words("victims.members"))
    object_bare = re.compile(rf"{killing}\s+(?:[\w’'-]+\s+){{0,2}}?(?P<head>{singular_heads}|{members})", re.IGNORECASE)
    # A singular subject before its passive verb, at a clause's start ("when a soldier was shot dead"): up to
    # six words, or up to a dozen when a person noun opens it ("a man who tried to rob a shop was killed").
    # Only the article is consumed, so that coordinated subjects are each found: "a widow and a man were killed".
    reported = phrase_pattern(data.words("casualties.report_verbs"))
    openers = "|".join(rf"(?<=\b{re.escape(w)}\s)" for w in data.words("casualties.clause_openers"))
    word = r"[^\s,;:.()]+\s+"
    # The passive verb after a singular subject: "was killed", "was reportedly killed", "was confirmed
    # dead", and with a first verb coordinated to the casualty word, "was shot and killed", "werd
    # ontvoerd en vermoord".
    # Up to four words may complete the first verb: "was shot in the head and killed", "was ambushed by gunmen
    # and killed".
    chained = (rf"{phrase_pattern(data.words('casualties.chained_verbs'))}(?:\s+[^\s,;:.()]+){{0,4}}?\s+"
               rf"{phrase_pattern(data.words('casualties.coordinators'))}")
    # A perfect auxiliary right before the casualty word is the active voice ("a bomb has killed eight"): the
    # subject is the agent, not a victim.
    # The check follows a perfect auxiliary only, so that it costs nothing elsewhere.
    perfect_words = [fold(w) for w in data.words("casualties.perfect_auxiliaries")]
    not_active = rf"(?!\s+(?:\w+ly\s+)?(?:{chained}\s+)?{killing})"

    def passive_auxiliary(words: list[str]) -> str:
        plain = [w for w in words if fold(w) not in perfect_words]
        perfect = [w for w in words if fold(w) in perfect_words]
        return rf"(?:{phrase_pattern(plain)}|{phrase_pattern(perfect)}{not_active})"

    passive = (rf"{passive_auxiliary(data.words('casualties.auxiliaries'))}\s+"
               rf"(?:(?:{auxiliaries}|{reported}|\w+ly)\s+)?(?:{chained}\s+)?{casualty_words}")
    subject_singular = re.compile(
        rf"(?:^|(?<=[,;:]\s)|{openers})(?P<art>{indefinite})\s+(?=(?:(?:{word}){{1,6}}?"
        rf"|(?:{word}){{0,2}}?{singular_heads}\s+(?:{word}){{1,12}}?){passive})", re.IGNORECASE)
    # "a farmer and his brother were killed": a possessive coordinated to a subject names one more victim.
    possessive = phrase_pattern(data.words("victims.coordinated_possessives"))
    subject_possessive = re.compile(
        rf"(?:{openers})(?P<art>{possessive})\s+(?=(?:{word}){{0,2}}?{singular_heads}\s+{passive})", re.IGNORECASE)
    # An apposition names one victim: "Hamid, a police colonel, was killed".
    subject_appositive = re.compile(
        rf",\s+(?P<art>{indefinite})\s+(?=[^,;:.()]{{1,80}},\s+{passive})", re.IGNORECASE)
    # A singular auxiliary before a casualty word says one person, whatever the subject: "The secretary of
    # the governor has been killed", "Pedro X, a reporter, was shot dead", "the chief is reported to have
    # been killed". Between them: other auxiliaries, report verbs, adverbs and the infinitive's particles.
    infinitive = phrase_pattern(data.words("casualties.infinitive_particles"))
    singular_passive = re.compile(
        rf"(?P<aux>{passive_auxiliary(data.words('casualties.singular_auxiliaries'))})\s+"
        rf"(?:(?:{auxiliaries}|{reported}|{infinitive}|\w+ly)\s+){{0,4}}?"
        rf"(?:{chained}\s+)?(?P<verb>{casualty_words})", re.IGNORECASE)
    # A name after a killing verb: capitalised words, after an age at most ("killed 68-year-old Hossain Ali").
    breakers = phrase_pattern(data.words("victims.breakers"))
    object_name = re.compile(
        rf"{killing}\s+(?:\d+-[\w-]+\s+)?(?P<art>(?-i:[A-Z][\w’'-]+)(?:\s+(?-i:[A-Z][\w’'-]+)){{0,3}})"
        rf"(?=\s*(?:[,;:.()]|$)|\s+{breakers})", re.IGNORECASE)
    # Coordinated singular victims: the second object of a killing verb ("killed a mayor and his secretary",
    # "killed a scholar and an imam"), a companion after "along with" ("along with his wife"), and a name
    # coordinated to a possessive subject ("Abdul Razzak and his brother were killed").
    coordinators = phrase_pattern(data.words("casualties.coordinators"))
    second = rf"(?:{possessive}|{indefinite})"
    head_soon = rf"(?=(?:[^\s,;:.()]+\s+){{0,3}}?(?P<head>{singular_heads})(?![\w]))"
    object_and = re.compile(
        rf"{killing}\s+(?:{indefinite}|{articles_definite})\s+(?:[^\s,;:.()]+\s+){{1,8}}?,?\s*{coordinators}\s+"
        rf"(?P<art>{second})\s+{head_soon}", re.IGNORECASE)
    companion = re.compile(
        rf"{phrase_pattern(data.words('casualties.accompaniment'))}\s+(?P<art>{possessive})\s+{head_soon}",
        re.IGNORECASE)
    name_and = re.compile(
        rf"(?<![\w’'-])(?P<art>(?-i:[A-Z][\w’'-]++)(?:\s+(?-i:[A-Z][\w’'-]++)){{0,3}})\s+{coordinators}\s+"
        rf"{possessive}\s+"
        rf"(?=(?:{word}){{0,2}}?{singular_heads}[\s,]+(?:[^,;:.()]{{1,60}},\s+)?{passive})", re.IGNORECASE)
    # One victim between a separable verb and its particle: "hacked an elderly priest to death", "kostte een agent
    # het leven".
    object_split = re.compile("|".join(
        rf"(?:{phrase_pattern(rule['verb'])})\s+(?P<art{n}>{indefinite}|{articles_definite})\s+"
        rf"(?=[^,;:.()]{{1,50}}?\s+{phrase_alternation([rule['particle']])}(?![\w]))"
        for n, rule in enumerate(data.get("casualties.separable", []))) or r"(?!x)x", re.IGNORECASE)
    return _Patterns(
        triggers=data.regex(*trigger_paths),
        trigger_outcome=data.lookup(*trigger_paths),
        heads=heads,
        head_max_words=max(len(h.split()) for h in heads),
        compound_heads=compound,
        compound_index=_by_ending(compound),
        members=frozenset(fold(w) for w in data.words("victims.members")),
        of=frozenset(fold(w) for w in data.words("victims.of")),
        breakers=frozenset(fold(w) for w in data.words("victims.breakers")),
        state_prefixes=tuple(fold(w) for w in data.words("victims.state_prefixes")),
        state_forces=data.regex("victims.state_forces"),
        anaphora=data.regex("casualties.anaphora"),
        subset_cues=data.regex("casualties.subset_cues"),
        cumulative_cues=data.regex("casualties.cumulative_cues"),
        so_far_cues=data.regex("casualties.so_far_cues"),
        habitual_cues=re.compile(phrase_pattern(data.words("casualties.habitual_cues")), re.IGNORECASE),
        same_period=re.compile(phrase_pattern(data.words("casualties.same_period")), re.IGNORECASE),
        campaign_words=re.compile(phrase_pattern([*data.words("time.campaign_nouns"), *data.words("casualties.totals")]),
                                  re.IGNORECASE),
        negations=frozenset(fold(w) for w in data.words("casualties.negations")),
        toll=re.compile(phrase_pattern(data.words("casualties.toll_nouns")) + r"[^.;]{0,150}?$", re.IGNORECASE),
        toll_noun=data.regex("casualties.toll_nouns"),
        skip=re.compile(r"\W*" + phrase_pattern(data.words("text.cross_links")), re.IGNORECASE),
        cues=data.regex("attribution.cues"),
        back_reference=frozenset(fold(w) for w in data.words("attribution.back_reference")),
        separable=separable,
        separable_verbs=re.compile(phrase_pattern([v for rule in data.get("casualties.separable", [])
                                                   for v in rule["verb"]]), re.IGNORECASE),
        separable_particles=re.compile(
            phrase_pattern([rule["particle"] for rule in data.get("casualties.separable", [])]), re.IGNORECASE),
        singular=singular,
        capital=data.regex("places.capital_nouns"),
        country_nouns=data.regex("places.country_nouns"),
        determiners=frozenset(fold(w) for w in data.words("victims.determiners")),
        auxiliaries=frozenset(fold(w) for w in data.words("casualties.auxiliaries")),
        agent_markers=frozenset(fold(w) for w in data.words("casualties.agent_markers")),
        object_singular=object_singular,
        object_bare=object_bare,
        subject_singular=subject_singular,
        plural_suffixes=tuple(fold(w) for w in data.words("victims.plural_suffixes")),
        plural_words=frozenset(fold(w) for w in data.words("victims.plural_words")),
        possessives=frozenset(fold(w) for w in data.words("victims.possessives")),
        not_people=frozenset(fold(w) for w in data.words("victims.not_people")),
        singular_auxiliaries=frozenset(fold(w) for w in data.words("casualties.singular_auxiliaries")),
        perfect_auxiliaries=frozenset(fold(w) for w in data.words("casualties.perfect_auxiliaries")),
        transitive=re.compile(killing, re.IGNORECASE),
        clause_breaks=frozenset(fold(w) for w in data.words("casualties.clause_breaks")),
        collectives=re.compile(phrase_pattern(data.words("casualties.collectives")) + r"\s*$", re.IGNORECASE),
        totals=data.regex("casualties.totals"),
        toll_rises=data.regex("casualties.toll_rises"),
        among=re.compile(rf"\s*(?:{coordinators}\s+[^,;:.()]{{0,50}}?)?"
                         + phrase_pattern(data.words("casualties.among")), re.IGNORECASE),
        additive=frozenset(fold(w) for w in data.words("casualties.additive")),
        background=re.compile(phrase_pattern([*data.words("casualties.background_cues"),
                                              *data.words("casualties.intent_cues")]) + r"\s+(?:\w+\s+){0,2}$",
                              re.IGNORECASE),
        background_any=data.regex("casualties.background_cues"),
        speaker_nouns=frozenset(fold(w) for w in data.words("roles.speaker_nouns")),
        self_killers=re.compile(r"[^,;:.()]{0,80}?" + phrase_pattern(data.words("casualties.self_killers")), re.IGNORECASE),
        distance=re.compile(r"\s*(?:" + phrase_pattern(list(dict(data.table("places.distance_units")))) + ")",
                            re.IGNORECASE),
        # up to ten words of the clause between the cue and the casualty word, no comma or colon between
        earlier=re.compile(phrase_pattern(data.words("casualties.earlier_cues")) + r"\s+(?:[^\s,;:()]+\s+){0,10}$",
                           re.IGNORECASE),
        perpetrators=re.compile(r"(?<![\w])(?:" + "|".join(phrase_alternation([p]) for p in [
            *data.words("casualties.perpetrators_killed"), *data.words("casualties.perpetrators_included")])
            + r")(?![\w])", re.IGNORECASE),
        number_of=re.compile(r"\s+" + phrase_pattern(data.words("casualties.number_of")), re.IGNORECASE),
        more=frozenset(fold(w) for w in data.words("casualties.more")),
        outcome_groups=data.table("casualties.outcome_groups"),
        part_of_them=re.compile(r"\s+" + phrase_pattern(data.words("casualties.part_of_them")), re.IGNORECASE),
        perpetrators_included=re.compile(phrase_alternation(data.words("casualties.perpetrators_included")),
                                         re.IGNORECASE),
        captives=re.compile(phrase_pattern(data.words("casualties.captives")), re.IGNORECASE),
        victim_pronoun=re.compile(phrase_pattern(data.words("casualties.victim_pronouns")), re.IGNORECASE),
        victim_pronoun_ends=re.compile(r"\s*(?:[,.;:!?)]|$)|\s+" + phrase_pattern(data.words("casualties.victim_pronoun_ends")),
                                       re.IGNORECASE),
        singular_pronoun=re.compile(rf"\W*(?P<pronoun>{phrase_pattern(data.words('casualties.singular_pronouns'))})",
                                    re.IGNORECASE),
        subject_appositive=subject_appositive,
        singular_passive=singular_passive,
        object_name=object_name,
        object_and=object_and,
        companion=companion,
        name_and=name_and,
        object_split=object_split,
        possessive_words=re.compile(possessive, re.IGNORECASE),
        subject_possessive=subject_possessive,
        not_a_count=re.compile(r"\s*" + phrase_pattern(data.words("casualties.not_a_count")), re.IGNORECASE),
        no_count=re.compile(phrase_pattern(data.words("casualties.not_a_count")), re.IGNORECASE),
        later_cues=frozenset(fold(w) for w in data.words("casualties.later_cues")),
        coordinators=frozenset(fold(w) for w in data.words("casualties.coordinators")),
        object_pronouns=frozenset(fold(w) for w in data.words("casualties.object_pronouns")),
        verb_suffixes=tuple(data.words("casualties.verb_suffixes")),
        linking_verbs=frozenset(fold(w) for w in data.words("casualties.linking_verbs")),
        campaign_toll=_campaign_toll(data),
        short_anchor=re.compile(phrase_pattern([*data.words("time.weekdays"), *data.words("time.relative_days"),
                                                *data.words("time.named")]), re.IGNORECASE),
        vague_words=frozenset(fold(w).split()[0] for w in [*data.words("numbers.vague"), *data.words("numbers.approximate")]),
        opponent_markers=frozenset(fold(w) for w in data.words("victims.opponent_markers")),
        reflexives=frozenset(fold(w) for w in data.words("victims.reflexives")),
        state_modifiers=frozenset(fold(w) for w in data.words("victims.state_modifiers")),
        loss_verbs=re.compile(phrase_pattern(data.words("victims.loss_verbs")) + r"\s*$", re.IGNORECASE),
        side_before=re.compile(phrase_pattern(data.words("victims.side_markers")) + r"\s+", re.IGNORECASE),
        side_state=re.compile(phrase_pattern(data.words("victims.state_side")), re.IGNORECASE),
        own_side=re.compile(phrase_pattern(data.words("victims.own_side")), re.IGNORECASE),
        rebel_nouns=re.compile(phrase_pattern(data.words("victims.rebel_nouns")).replace(r"(?![\w])", ""),
                               re.IGNORECASE),
        attack_on=re.compile(
            rf"{phrase_pattern(data.words('roles.attack_nouns'))}\s+{phrase_pattern(data.words('victims.attack_targets'))}"
            rf"\s+(?:[^\W\d_][\w’'-]*\s+){{0,2}}?(?P<who>[^\W\d_][\w’'-]*)", re.IGNORECASE),
        of_them=re.compile(phrase_pattern(data.words("victims.of_them")), re.IGNORECASE),
        fights=frozenset(fold(w) for w in [*data.words("time.campaign_nouns"), *data.words("victims.fight_nouns")]),
        side_both=re.compile(phrase_pattern(data.words("victims.both_sides")), re.IGNORECASE),
    )


def _by_ending(heads: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """Heads grouped by their last four letters, longest first within each group (they are five or longer)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for head, group in heads:
        index.setdefault(head[-4:], []).append((head, group))
    return index


def _get_patterns(lang: str) -> _Patterns:
    data = language(lang)
    found: _Patterns = data.memo("casualty_patterns", lambda: _patterns(data))
    return found


# --------------------------------------------------------------------------
# Noun phrases
# --------------------------------------------------------------------------

@dataclass
class _Phrase:
    end: int                 # where the phrase ends (absolute offset)
    group: str | None        # victim group of the head, None when the head is an outcome noun
    outcome: str | None      # when the head itself says what happened (doden, wounded)
    actor: str | None
    country: str | None      # a country adjective before the head (Syrische soldaten)
    state: bool              # the head names the state's forces (regeringssoldaten, regime forces)
    anaphoric: bool          # "anderen", "others": the group of the count before
    mixed: bool              # "burgers en strijders": two groups under one number


@dataclass
class _Trigger:
    start: int
    end: int
    outcome: str
    verb_end: int | None = None  # a separable particle's verb ("shot ... to death"): its object stands between


class _Memory:
    """What the article has said so far: the last actor of each victim group."""

    def __init__(self) -> None:
        self.actor: dict[str, str] = {}
        self.period: tuple[datetime | None, datetime | None, str | None] | None = None
        self.period_at = -1  # where the time expression of ``period`` stands
        self.place: PlaceRef | None = None
        # The victims of the last report: (document, sentence index, group, actor); "Zes anderen raakten
        # gewond" in the next sentence of the paragraph points back at them.
        self.victims: tuple[int, int, str, str | None] | None = None
        # The last perpetrator named: the doer of "the attack" a later sentence speaks of.
        self.perpetrator: clauses.Mention | None = None
        # Where the body first names another attack after a casualty: the article's one doer is not its doer.
        self.other_attack: int | None = None


class _Reader:
    def __init__(self, doc: Document, memory: _Memory):
        self.doc = doc
        self.p = _get_patterns(doc.lang)
        self.memory = memory
        self.world = world()
        self._licensed: set[int] = set()
        self._seen: dict[tuple[int, int], bool] = {}
        self._count_starts: set[int] = set()
        self._reports_so_far: list[CasualtyReport] = []
        self._pending: set[int] = set()  # reports of an attack whose doer the article names only later
        self._carried: tuple[str, str | None] | None = None  # the victims of the sentence before
        self._cue_starts: dict[tuple[int, int], list[int]] = {}
        self._named_objects: set[int] = set()  # names read as the object of the killing verb before them

    # -- the sentence loop ---------------------------------------------------

    def read(self) -> list[CasualtyReport]:
        """The reports of the document, sentence by sentence. The reports of an attack whose doer is named only
        later take the first doer that a sentence without casualties of its own names after them (a claim,
        "De aanslagen werden uitgevoerd door ..."), unless another attack is told of first."""
        reports: list[CasualtyReport] = []
        self._reports_so_far = reports
        for index, sentence in enumerate(self.doc.sentences):
            if reports and clauses.names_other_attack(self.doc, index):
                # "Door een aanslag met twee autobommen vielen vrijdag ook al tientallen doden": an attack other
                # than the one told of; its doer is not that one's (its own clause may name it)
                self.memory.perpetrator = None
                self._pending.clear()
                if not self.doc.from_title and self.memory.other_attack is None:
                    self.memory.other_attack = sentence.start
            found = len(reports)
            self._read_sentence(index, sentence, reports)
            doer = clauses.claimant(self.doc, index) or clauses.doer(self.doc, index)
            if len(reports) == found and doer is not None and not self.doc.from_title:
                # "De aanslagen werden uitgevoerd door twee zelfmoordterroristen", "IS heeft de aanslag opgeëist":
                # a sentence that tells who carried out the attack, without casualties of its own; an attack only
                # named with its owner ("het offensief van de SDF") is the doer of what follows, not of what came
                self.memory.perpetrator = doer
                told = clauses.claimant(self.doc, index) or clauses.doer(self.doc, index, owners=False)
                if told is not None:
                    self._resolve_pending(reports, told)
        return reports

    def _resolve_pending(self, reports: list[CasualtyReport], doer: clauses.Mention) -> None:
        """The reports of an attack whose doer the article names only after them take that doer."""
        from dataclasses import replace

        for i in sorted(self._pending):
            if reports[i].perpetrator is None and reports[i].victim_actor != doer.name:
                reports[i] = replace(reports[i], perpetrator=doer.name, perpetrator_group=doer.group or "unknown")
        self._pending.clear()

    def _read_sentence(self, index: int, sentence: Sentence, reports: list[CasualtyReport]) -> None:
        doc = self.doc
        entities = doc.within(doc.entities, sentence.start, sentence.end, "entities")
        self._remember_actors(entities, before=sentence.start)
        # Nothing is a casualty without a casualty word or a death toll: most sentences stop here.
        claimed = clauses.claimant(doc, index)
        if claimed is not None:
            self.memory.perpetrator = claimed  # "IS heeft de aanslag opgeëist": the doer of the attack told of
        triggers = self._triggers(sentence)
        if not triggers and not self.p.toll_noun.search(sentence.text) or self.p.skip.match(sentence.text):
            return
        counts = self._counts(sentence)
        captives = self._captives_killed(sentence, reports, entities, index, triggers) \
            or self._pronoun_died(sentence, reports, entities, index, triggers) \
            or self._pronoun_object(sentence, reports, entities, index, triggers, counts)
        if captives is not None:
            reports.append(captives)
            return
        if not counts and not self._names_a_victim(sentence):
            return
        counts = counts + self._perpetrators(sentence, counts)
        counts = counts + self._singulars(sentence, counts, triggers)
        verb_singulars = [s for s in self._verb_singulars(sentence, counts, triggers)
                          if not any(c.start <= s.start < c.end + 2 for c in counts)]
        self._licensed = {s.start for s in verb_singulars}
        counts = counts + verb_singulars
        counts.sort(key=lambda c: c.start)
        previous: _Phrase | None = None
        previous_group: tuple[str, str | None] | None = None
        last = self.memory.victims
        before = doc.sentence_at(index - 1)
        self._carried = (last[2], last[3]) if last is not None and last[0] == id(doc) and last[1] == index - 1 \
            and before is not None and before.paragraph == sentence.paragraph else None
        self._count_starts = {c.start for c in counts}
        last_outcome: str | None = None
        reported_counts: list[CountMatch] = []  # a part is a part of a figure reported, not of any number
        after_among = False
        for position, match in enumerate(counts):
            if self.p.perpetrators.fullmatch(match.count.surface):
                included = bool(self.p.perpetrators_included.fullmatch(match.count.surface))
                reports.append(self._report(match, "killed", "armed_group", self.memory.actor.get("armed_group"),
                                            sentence, index, entities, subset=included))
                continue
            phrase = self._phrase(match, sentence, entities)
            if self._is_agent(match, phrase, triggers, counts) or self._is_speaker(match, index):
                continue
            outcome = self._outcome(match, phrase, sentence, triggers, counts)
            bracketed = self._bracketed_part(match, triggers) if reported_counts else None
            if bracketed is not None:
                outcome = bracketed  # "15 persons died (13 civilians) and 53 were injured": a part of the 15
            if outcome is None and phrase is not None and phrase.anaphoric and last_outcome and \
                    fold(text_after(self.doc.text, match.end)) in self.p.more:
                outcome = last_outcome  # "13 people on Sunday and seven more on Monday"
            if outcome is None:
                outcome = self._outcome_of_part(match, reports)  # "Ten of those killed were children"
            continued = outcome is None and phrase is None and bool(last_outcome) \
                and self._continues_list(match, counts, position)
            if continued:
                outcome = last_outcome  # "50 doden, zeker 27 aan de kant van de regering en 22 ..."
            if outcome is None or outcome == "mixed" or self._negated(match, sentence):
                previous = phrase or previous
                continue
            if self._repeats(match, outcome, reports):
                continue
            if self._is_agent_of_passive(match, sentence):
                continue
            group, actor = (self._side(match, None) or ("unknown", None)) if continued \
                else self._victims(phrase, match, previous_group)
            if group == "unknown" and actor is None and (phrase is None or phrase.group in (None, "unknown")) \
                    and self._civilians_attacked(match, sentence):
                group = "civilian"  # "na weer een aanval op burgers, met twintig doden als gevolg"
            if group != "armed_group" and self.p.self_killers.match(self.doc.text, phrase.end if phrase else match.end) \
                    and not any(match.end < c.start < (phrase.end if phrase else match.end) + 80 for c in counts):
                group, actor = "armed_group", None  # "two women ... blew themselves up": the attackers
            previous_group = (group, actor)
            previous = phrase
            last_outcome = outcome
            among = self._part_of_later(match, phrase)
            if among:
                self._coordinated_parts(match, reports, triggers)
            subset = among or bracketed is not None or self._is_subset(match, reported_counts, sentence) \
                or self._part_of_earlier(match, outcome, reports) or (
                bool(reports) and reports[-1].subset and reports[-1].sentence == sentence.text
                and reports[-1].from_title == self.doc.from_title and not after_among
                and ")" not in self.doc.text[reports[-1].span_end:match.start])  # a bracket of parts closed
            after_among = among  # the count after "were among" is the whole, not one more part
            if subset and group == "unknown" and phrase is not None and phrase.country and not among:
                group, actor = self._side_of_part(phrase.country, reports, sentence, group, actor)
            reported_counts.append(match)
            reports.append(self._report(match, outcome, group, actor, sentence, index, entities, subset=subset))
            self.memory.victims = (id(doc), index, group, actor)

    def _civilians_attacked(self, match: CountMatch, sentence: Sentence) -> bool:
        """Whether the figure follows, in its sentence, an attack on civilians ("een aanval op burgers", "the
        attack on villagers"): its dead are the people attacked."""
        if not self._sentence_has(self.p.attack_on, sentence):
            return False
        found = list(self.p.attack_on.finditer(self.doc.text, sentence.start, match.start))
        return bool(found) and self.p.heads.get(fold(found[-1].group("who"))) == "civilian"

    def _group_named_before(self, match: CountMatch) -> tuple[str, str | None] | None:
        """The people "of them" points back at: the last noun of a group in the sentence before, same paragraph."""
        index = clauses.sentence_index(self.doc, match.start)
        before = self.doc.sentence_at(index - 1)
        if before is None or before.paragraph != self.doc.sentences[index].paragraph:
            return None
        groups = [self.p.heads.get(fold(w)) for w in re.findall(r"[^\W\d_][\w’'-]*", before.text)]
        named = [g for g in groups if g in ("civilian", "military", "armed_group")]
        if not named:
            return None
        if named[-1] == "military":
            return "military", self.memory.actor.get("military") or self.world.state_forces(self.doc.country)
        return named[-1], self.memory.actor.get(named[-1]) if named[-1] == "armed_group" else None

    def _side_of_part(self, country: str, reports: list[CasualtyReport], sentence: Sentence, group: str,
                      actor: str | None) -> tuple[str, str | None]:
        """People of a country among a total of soldiers ("601 regime soldiers ..., including at least two
        Russians") are soldiers too, of that country's forces."""
        totals = [r for r in reports if not r.subset and r.sentence == sentence.text
                  and r.from_title == self.doc.from_title]
        if totals and totals[-1].victim_group == "military":
            return "military", self.world.state_forces(country) or actor
        return group, actor

    def _bracketed_part(self, match: CountMatch, triggers: list[_Trigger]) -> str | None:
        """The outcome of a count in brackets right after a casualty word: "15 persons died (13 civilians)"."""
        before = [t for t in triggers if t.end <= match.start]
        if before and _BRACKET_OPENS.fullmatch(self.doc.text, before[-1].end, match.start):
            return before[-1].outcome
        return None

    def _is_speaker(self, match: CountMatch, index: int) -> bool:
        """"One witness said most deaths occurred ...": a count inside the subject of a speech verb is who speaks."""
        for f in clauses.parse(self.doc, index).frames:
            if f.kind in ("speech", "denial") and f.who is not None and f.who.start <= match.start < f.who.end \
                    and f.who.end <= f.start:  # a subject before its verb: "One witness said", not "say that five"
                before = self.doc.text[max(0, f.start - 12):f.start].split()
                if before and fold(before[-1]) in self.p.auxiliaries \
                        or self.p.triggers.search(self.doc.text, match.end, f.start):
                    continue  # "were reported killed", "one police death reported"
                # a noun of who speaks beside the count: "One witness said", not "Four reported dead"
                if any(fold(w) in self.p.speaker_nouns for w in re.findall(r"[\w’'-]+", f.who.surface)):
                    return True
        return False

    def _part_of_later(self, match: CountMatch, phrase: _Phrase | None) -> bool:
        """"Twelve migrants were among the 17 civilians killed": a count before "among" is a part of the next.

        So is a count joined to another subject before it: "Three traders and a driver were among ...".
        """
        return self.p.among.match(self.doc.text, phrase.end if phrase is not None else match.end) is not None

    def _outcome_of_part(self, match: CountMatch, reports: list[CasualtyReport]) -> str | None:
        """The outcome of a part of a figure reported before: the casualty word in "of those killed", else the last."""
        cue = self.p.part_of_them.match(self.doc.text, match.end)
        if cue is None:
            return None
        earlier = [r for r in reports if not r.subset and r.from_title == self.doc.from_title]
        if not earlier:
            return None
        word = self.p.triggers.search(cue.group())
        return self.p.trigger_outcome.get(fold(word.group())) if word else earlier[-1].outcome

    def _coordinated_parts(self, match: CountMatch, reports: list[CasualtyReport], triggers: list[_Trigger]) -> None:
        """"Three traders and a driver were among five people killed": the figures joined to a part are parts too."""
        from dataclasses import replace

        end = match.start
        for i in range(len(reports) - 1, -1, -1):
            earlier = reports[i]
            gap = self.doc.text[earlier.span_end:end]
            if earlier.from_title != self.doc.from_title or earlier.span_end > end or len(gap) > 80 \
                    or any(earlier.span_end <= t.start < end for t in triggers) \
                    or not (re.search(r",", gap) or any(fold(w) in self.p.coordinators for w in gap.split())):
                break
            reports[i] = replace(earlier, subset=True)
            end = earlier.span_start

    def _part_of_earlier(self, match: CountMatch, outcome: str, reports: list[CasualtyReport]) -> bool:
        """"Many of those killed were lawyers", "ten of them were children": a part of a figure reported before."""
        return self.p.part_of_them.match(self.doc.text, match.end) is not None and any(
            r.outcome == outcome and not r.subset and r.from_title == self.doc.from_title for r in reports)

    def _names_a_victim(self, sentence: Sentence) -> bool:
        """Whether a sentence without a number may still name a victim: "a soldier", "the attacker"."""
        text = sentence.text
        if any(pattern.search(text) for pattern in (
                self.p.singular, self.p.singular_passive, self.p.object_singular, self.p.object_name,
                self.p.object_bare, self.p.subject_singular, self.p.perpetrators, self.p.subject_appositive,
                self.p.object_and)):
            return True
        # The slower patterns only where their words are: a possessive ("and his brother"), a separable verb.
        return bool(self.p.possessive_words.search(text)
                    and (self.p.companion.search(text) or self.p.name_and.search(text))
                    or self.p.separable_particles.search(text) and self.p.object_split.search(text))

    def _plural(self, head: str) -> bool:
        word = fold(head.split()[-1].split("-")[-1])
        return word in self.p.plural_words or word.endswith(self.p.plural_suffixes)

    def _is_agent_of_passive(self, match: CountMatch, sentence: Sentence) -> bool:
        word = re.search(r"(\w+)\s*$", self.doc.text[max(sentence.start, match.start - 12):match.start])
        return bool(word and fold(word.group(1)) in self.p.agent_markers)

    def _repeats(self, match: CountMatch, outcome: str, reports: list[CasualtyReport]) -> bool:
        """"de 23 slachtoffers": a figure with a definite article repeats one already reported."""
        word = re.search(r"(\w+)\s*$", self.doc.text[max(0, match.start - 12):match.start])
        if not word or fold(word.group(1)) not in self.p.determiners or match.count.qualifier != "exact" \
                or fold(word.group(1)) in self.p.additive:
            return False  # "another nine were killed": nine more, not the nine again
        return any(r.count_best == match.count.best and r.outcome == outcome for r in reports)

    def _continues_list(self, match: CountMatch, counts: list[CountMatch], position: int) -> bool:
        """A bare figure after a comma or "en" that follows a reported figure of the same sentence."""
        if position == 0:
            return False
        gap = self.doc.text[counts[position - 1].end:match.start]
        noun = self.p.triggers.match(gap.lstrip())
        if noun is not None:  # "52 doden, aan de kant van IS 35": the outcome noun of the figure before
            gap = gap.lstrip()[noun.end():]
        if not (re.search(r"[,:]|\b(?:en|and)\b", gap) and len(gap) < 80) or self.p.triggers.search(gap):
            return False
        following = _TOKEN.match(self.doc.text, match.end)
        if following is None or re.match(r"\s*[,.;:)]", self.doc.text[match.end:match.end + 3]):
            return True
        # "zeker 27 aan de kant van ...": a preposition may follow, a noun may not ("five of their vehicles")
        return fold(following.group(1)) in self.p.breakers and fold(following.group(1)) not in self.p.of

    def _is_agent(self, match: CountMatch, phrase: _Phrase | None, triggers: list[_Trigger],
                  counts: list[CountMatch]) -> bool:
        """"A suicide bomber killed nine worshippers": the first noun phrase is the agent, not a victim."""
        if phrase is None or phrase.outcome is not None:
            return False
        before = [t for t in triggers if t.end <= match.start]
        if before and not self.doc.text[before[-1].end:match.start].strip(" \t\"“”'") \
                or before and all(fold(w) in self.p.determiners for w in self.doc.text[before[-1].end:match.start].split()):
            return False  # "killed at least three people and injured ...": the object of the verb before
        after = [t for t in triggers if t.start >= phrase.end]
        gap = self.doc.text[phrase.end:after[0].start] if after else ""
        if not after or re.search(r"[,;:.]", gap) or len(gap.split()) > 4 \
                or any(fold(w) in self.p.auxiliaries and fold(w) not in self.p.perfect_auxiliaries
                       or fold(w) in ("and", "en", "or", "of") for w in gap.split()):
            return False  # "were killed": a passive; but "have killed 12 people" is active, its subject the agent
        return any(after[0].end <= c.start <= after[0].end + 2 and not self.doc.text[after[0].end:c.start].strip()
                   for c in counts)

    def _counts(self, sentence: Sentence) -> list[CountMatch]:
        doc = self.doc
        found = []
        times = doc.within(doc.times, sentence.start - 40, sentence.end, "times")
        # A count overlaps a time when some time starts before the count ends and ends after it
        # starts: the times are sorted by start, so the furthest end so far answers it (linear).
        starts = [t.start for t in times]
        furthest = list(itertools.accumulate((t.end for t in times), max))
        for match in doc.within(doc.counts, sentence.start, sentence.end, "counts"):
            before = bisect.bisect_left(starts, match.end)
            if before and furthest[before - 1] > match.start:
                continue  # "de voorbije zes dagen", "sinds 2011": a time, not people
            if match.count.best <= 0 or match.count.best > 50_000_000:
                continue
            if doc.text[match.end:match.end + 1] == "-" and doc.text[match.end + 1:match.end + 2].isalpha():
                continue  # "a four-month-old baby", "a three-member team": a modifier, not people
            if self.p.distance.match(doc.text, match.end):
                continue  # "killed 30 km from Mosul": a distance
            if match.count.surface.isdigit() and len(match.count.surface) == 4 and 1900 <= match.count.best <= 2100 \
                    and self.p.triggers.match(doc.text, match.end + 1):
                continue  # "the 2011 killing of five women": a year
            if match.count.surface.isdigit() and len(match.count.surface) <= 3 \
                    and _AGE_BEFORE.search(doc.text, max(0, match.start - 40), match.start) \
                    and _AGE_AFTER.match(doc.text, match.end):
                continue  # "killed Valmir de Campos, 48, on 19 November", "Jan Smit (52)": an age after a name
            found.append(match)
        return found

    def _singulars(self, sentence: Sentence, counts: list[CountMatch], triggers: list[_Trigger]) -> list[CountMatch]:
        """A singular victim: "een Nederlandse IS-strijder", "de bewakingsagent", "een van de rebellen" count as 1.

        The casualty word must follow within a few words, with no other count between:
        "een militair detachement" or "the police said two assailants..." are not victims.
        """
        found = []
        for m in self.p.singular.finditer(sentence.text):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if any(c.start <= start < c.end or start <= c.start < end for c in counts):
                continue
            if fold(m.group().split()[0]) in self.p.negations:
                continue  # "no soldier was hurt", "no reported combatant dead"
            partitive = len(m.group().split()) >= 4 and fold(m.group().split()[1]) in self.p.of
            if self._plural(m.group("head")) != partitive:
                continue  # "een soldaat", "een van de rebellen"
            before = [t for t in triggers if t.end <= start]
            object_of_verb = bool(before) and len(self.doc.text[before[-1].end:start].strip()) == 0
            after = [t for t in triggers if t.start >= end]
            subject_of_verb = bool(after) and len(self.doc.text[end:after[0].start].split()) <= 5 \
                and not any(end <= c.start < after[0].start for c in counts)
            if not (object_of_verb or subject_of_verb):
                continue
            following = _TOKEN.match(self.doc.text, end, sentence.end)
            if following is not None and not self._ends_phrase(end, sentence) \
                    and fold(following.group(1)) not in self.p.of \
                    and not any(t.start == following.start(1) for t in after):
                continue  # "een militair detachement": the head is an adjective here
            words = m.group().split()
            surface_words = 3 if partitive else 1  # "een van de" rebellen, "een" soldaat
            surface_end = start + len(m.group()) - len(m.group().split(maxsplit=surface_words)[-1]) \
                if len(words) > surface_words else end
            surface = self.doc.text[start:surface_end].rstrip()
            found.append(CountMatch(start, start + len(surface), Count(1, 1, 1, "exact", surface)))
        return found

    def _captives_killed(self, sentence: Sentence, reports: list[CasualtyReport], entities: list[Entity],
                         index: int, triggers: list[_Trigger]) -> CasualtyReport | None:
        """"The captives were executed": the people captured before in the article were killed."""
        m = self.p.captives.search(sentence.text)
        if m is None:  # before the reports are listed: once per sentence, that would cost the square of the text
            return None
        captured = [r for r in reports if r.outcome == "captured" and not r.subset]
        if not captured:
            return None
        after = [t for t in triggers if t.start >= sentence.start + m.end()]
        if not after or after[0].outcome != "killed" or len(sentence.text[m.end():after[0].start - sentence.start].split()) > 2:
            return None
        last = captured[-1]
        start, end = sentence.start + m.start(), sentence.start + m.end()
        match = CountMatch(start, end, Count(last.count_low, last.count_best, last.count_high, last.qualifier,
                                             self.doc.text[start:end]))
        return self._report(match, "killed", last.victim_group, last.victim_actor, sentence, index, entities,
                            subset=False)

    def _pronoun_died(self, sentence: Sentence, reports: list[CasualtyReport], entities: list[Entity],
                      index: int, triggers: list[_Trigger]) -> CasualtyReport | None:
        """"Gunmen wounded a boy. He died the next day.": the one person of the sentence before was killed.

        The sentence opens with a singular pronoun whose verb is a killed word, with at most
        auxiliaries and words such as "later" between; the sentence before reported exactly one
        person injured or captured.
        """
        m = self.p.singular_pronoun.match(sentence.text)
        previous = self.doc.sentence_at(index - 1)
        if m is None or previous is None or not reports:
            return None
        last = reports[-1]
        if last.sentence != previous.text or last.outcome not in ("injured", "captured") \
                or last.count_best != 1 or last.subset or last.from_title != self.doc.from_title:
            return None
        after = [t for t in triggers if t.start >= sentence.start + m.end()]
        between = [fold(w) for w in sentence.text[m.end():after[0].start - sentence.start].split()] if after else []
        if not after or after[0].outcome != "killed" or len(between) > 3 \
                or any(w not in self.p.auxiliaries and w not in self.p.later_cues for w in between):
            return None  # "He later died", "Hij is later overleden"; not "She said he died"
        start, end = sentence.start + m.start("pronoun"), sentence.start + m.end("pronoun")
        match = CountMatch(start, end, Count(1, 1, 1, "exact", self.doc.text[start:end]))
        return self._report(match, "killed", last.victim_group, last.victim_actor, sentence, index, entities,
                            subset=False)

    def _pronoun_object(self, sentence: Sentence, reports: list[CasualtyReport], entities: list[Entity],
                        index: int, triggers: list[_Trigger], counts: list[CountMatch]) -> CasualtyReport | None:
        """"Gunmen broke into the politician's home and shot him dead": an object pronoun next to a killed word.

        One victim, when the article has reported no death before it (else the pronoun points back at a
        victim already counted) and the sentence has no count of its own. The pronoun stands right before
        the killed word ("shot him dead", "schoten hem dood") or right after it, followed by a stop or a word
        of ``casualties.victim_pronoun_ends`` ("killed her on Sunday", not "killed her husband").
        """
        if counts or any(r.outcome == "killed" for r in reports):
            return None
        text = self.doc.text
        for trigger in triggers:
            if trigger.outcome != "killed":
                continue
            before = re.search(r"(\S+)\s+$", text[max(sentence.start, trigger.start - 12):trigger.start])
            after = _TOKEN.match(text, trigger.end, sentence.end)
            pronoun: tuple[int, int] | None = None
            if before is not None and self.p.victim_pronoun.fullmatch(before.group(1)):
                start = trigger.start - len(before.group(0))
                pronoun = (start, start + len(before.group(1)))
            elif after is not None and self.p.victim_pronoun.fullmatch(after.group(1)) \
                    and self.p.victim_pronoun_ends.match(text, after.end(1)):
                pronoun = (after.start(1), after.end(1))
            if pronoun is not None:
                match = CountMatch(*pronoun, Count(1, 1, 1, "exact", text[pronoun[0]:pronoun[1]]))
                return self._report(match, "killed", "unknown", None, sentence, index, entities, subset=False)
        return None

    def _perpetrators(self, sentence: Sentence, counts: list[CountMatch]) -> list[CountMatch]:
        """"In addition to the assailant, ...", "killing himself": the attacker died too (one person)."""
        found = []
        for m in self.p.perpetrators.finditer(sentence.text):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if not any(start <= c.start < end for c in counts):
                found.append(CountMatch(start, end, Count(1, 1, 1, "exact", self.doc.text[start:end])))
        return found

    def _verb_singulars(self, sentence: Sentence, counts: list[CountMatch],
                        triggers: list[_Trigger]) -> list[CountMatch]:
        """One person named only through the verb: "killed a revenue collector", "a drug suspect was killed"."""
        found: list[CountMatch] = []
        times = self.doc.within(self.doc.times, sentence.start, sentence.end, "times")
        possessives = self.p.possessive_words.search(sentence.text) is not None
        for pattern in (self.p.object_singular, self.p.subject_singular, self.p.subject_appositive,
                        self.p.subject_possessive):
            if pattern is self.p.subject_possessive and not possessives:
                continue  # "a farmer and his son": only where such a possessive is
            matches = self._at_verbs(pattern, sentence, triggers) if pattern is self.p.object_singular \
                else pattern.finditer(sentence.text)
            for m in matches:
                start = sentence.start + m.start("art")
                end = sentence.start + m.end("art")
                if any(c.start <= start < c.end + 1 for c in counts) or self.p.not_a_count.match(self.doc.text, end):
                    continue  # "an unknown number of assailants" is not one person
                if pattern is self.p.subject_appositive and any(c.start < start for c in [*counts, *found]):
                    continue  # "five people, a child among them, were killed": the apposition is a part
                if pattern is not self.p.object_singular and any(f.start == start for f in found):
                    continue
                if pattern is not self.p.object_singular and not self._subject_before_count(end, counts, sentence):
                    continue  # "a clash broke out and two militants were killed": the count is the subject
                verb = next((t.start for t in triggers if t.start >= end), sentence.end)
                if pattern is not self.p.object_singular and any(
                        end <= c.start < verb and not self._coordinated(self.doc.text[end:c.start]) for c in counts):
                    continue  # "a politician said that 100 people had died": the verb has its own count
                next_word = _TOKEN.match(self.doc.text, end, sentence.end)
                if next_word is not None and any(t.start <= start < t.end or start <= t.start <= next_word.start(1)
                                                 for t in times):
                    continue  # "killed a fortnight ago", "were killed the following day": a time, not a person
                second = _TOKEN.match(self.doc.text, next_word.end(), sentence.end) if next_word is not None else None
                if any(w is not None and fold(w.group(1)) in self.p.not_people for w in (next_word, second)):
                    continue  # the same, when no time was read: "the following day"
                if next_word is None or re.fullmatch(r"[\d.,]+", next_word.group(1)) or \
                        fold(next_word.group(1)) in self.p.vague_words or self._plural(next_word.group(1)) and \
                        pattern is self.p.object_singular and fold(m.group("art")) in self.p.determiners:
                    continue
                found.append(CountMatch(start, end, Count(1, 1, 1, "exact", self.doc.text[start:end])))
        found.extend(self._named_singulars(sentence, [*counts, *found], triggers))
        for m in self._at_verbs(self.p.object_bare, sentence, triggers):
            start, end = sentence.start + m.start("head"), sentence.start + m.end("head")
            verb_start = sentence.start + m.start()
            if self._plural(m.group("head")) or any(c.start <= start < c.end + 1 or verb_start <= c.start < end
                                                    for c in [*counts, *found]):
                continue
            found.append(CountMatch(start, end, Count(1, 1, 1, "exact", self.doc.text[start:end])))
        return found

    @staticmethod
    def _at_verbs(pattern: re.Pattern[str], sentence: Sentence, triggers: list[_Trigger]) -> list[re.Match[str]]:
        """The matches of a pattern that opens with a killing verb, tried only where a casualty word starts."""
        found: list[re.Match[str]] = []
        for start in sorted({t.start - sentence.start for t in triggers}):
            m = pattern.match(sentence.text, start)
            if m is not None and not (found and m.start() < found[-1].end()):
                found.append(m)
        return found

    def _named_singulars(self, sentence: Sentence, counts: list[CountMatch],
                         triggers: list[_Trigger]) -> list[CountMatch]:
        """One person named without a number: "The governor's secretary was killed", "gunmen killed X, a cameraman".

        A singular auxiliary before a casualty word names one victim when no count and no negation stands
        in its clause (from the last casualty word, semicolon or the sentence's start up to the casualty
        word: in Dutch the subject may follow the auxiliary, "Daarbij is een soldaat gedood"). The first head
        noun of the subject is the surface, so that it gives the group ("the paramount chief of the
        district"); without one, the word before the auxiliary is.
        A name (capitalised words that are no actor, place, people, source or time) after a killing verb
        is one victim too; one capitalised plural is a people ("killed Christians"), not a name.
        """
        text = self.doc.text
        found: list[CountMatch] = []
        if not any(t.outcome in ("killed", "injured") for t in triggers):
            return found  # every rule here names someone killed or injured
        passives: list[re.Match[str]] = []
        for t in triggers:  # the casualty word closes the pattern: look just before each one
            if t.outcome in ("killed", "injured"):
                m = next((m for m in self.p.singular_passive.finditer(self.doc.text, max(sentence.start, t.start - 80),
                                                                      t.end) if m.end() > t.start), None)
                if m is not None and not any(p.start() == m.start() for p in passives):
                    passives.append(m)
        for m in passives:
            aux, verb = m.start("aux"), m.start("verb")
            semicolon = sentence.text.rfind(";", 0, aux - sentence.start)
            opening = max([sentence.start, *(t.end for t in triggers if t.end <= aux),
                           sentence.start + semicolon + 1 if semicolon >= 0 else sentence.start])
            if any(opening <= c.start < verb and (c.count.best == 1 or not self._apposition_between(c.end, aux))
                   for c in counts) \
                    or any(fold(w) in self.p.negations for w in re.findall(r"[\w’'-]+", text[opening:verb])) \
                    or self.p.no_count.search(text, opening, verb):
                continue  # "no one was killed", "een onbekend aantal strijders is gedood"
            cue = None
            for cue in self.p.cues.finditer(text, opening, aux):
                pass
            if cue is not None:
                opening = cue.end()  # "another official confirmed Ford was strangled": Ford, not the speaker
            words = list(re.finditer(r"[^\W_][\w’'-]*", text[opening:aux]))
            if not words or fold(words[-1].group()) in self.p.coordinators:
                continue  # "... and was killed": the subject of the clause before, counted there
            # The surface is the first head noun of the subject ("the paramount chief of the district"), else its
            # last word ("Pedro Ramos, a reporter, was killed").
            word = next((w for w in words if fold(w.group()) in self.p.heads), words[-1])
            start, end = opening + word.start(), opening + word.end()
            found.append(CountMatch(start, end, Count(1, 1, 1, "exact", text[start:end])))
        names = self._at_verbs(self.p.object_name, sentence, triggers)
        entities = self.doc.within(self.doc.entities, sentence.start, sentence.end, "entities") if names else []
        times = self.doc.within(self.doc.times, sentence.start, sentence.end, "times") if names else []
        for m in names:
            start, end = sentence.start + m.start("art"), sentence.start + m.end("art")
            name = m.group("art")
            if any(start < e.end and e.start < end for e in entities) \
                    or any(start < t.end and t.start < end for t in times) \
                    or any(start <= c.start < end or c.start <= start < c.end for c in [*counts, *found]) \
                    or " " not in name and self._plural(name):
                continue
            found.append(CountMatch(start, end, Count(1, 1, 1, "exact", text[start:end])))
            self._named_objects.add(start)
        killing = any(t.outcome == "killed" for t in triggers)
        splits = self.p.object_split.finditer(sentence.text) if self.p.separable_particles.search(sentence.text) else ()
        for m in splits:
            group = next(g for g, v in m.groupdict().items() if v is not None)
            start, end = sentence.start + m.start(group), sentence.start + m.end(group)
            if not any(c.start <= start < c.end + 1 or start <= c.start < end for c in [*counts, *found]) \
                    and not self.p.not_a_count.match(text, end):
                found.append(CountMatch(start, end, Count(1, 1, 1, "exact", text[start:end])))
        possessives = self.p.possessive_words.search(sentence.text) is not None
        for pattern in (self.p.object_and, self.p.companion, self.p.name_and):
            if pattern is not self.p.object_and and not possessives:
                continue
            for m in self._at_verbs(pattern, sentence, triggers) if pattern is self.p.object_and \
                    else pattern.finditer(sentence.text):
                start, end = sentence.start + m.start("art"), sentence.start + m.end("art")
                if any(c.start <= start < c.end + 1 or start <= c.start < end for c in [*counts, *found]) \
                        or pattern is self.p.companion and not killing \
                        or pattern is not self.p.name_and and self._plural(m.group("head")) \
                        or pattern is self.p.name_and and (
                            any(start < e.end and e.start < end
                                for e in self.doc.within(self.doc.entities, sentence.start, sentence.end, "entities"))
                            or " " not in m.group("art")
                            and self._plural(m.group("art"))):
                    continue
                found.append(CountMatch(start, end, Count(1, 1, 1, "exact", text[start:end])))
                if pattern is not self.p.name_and:
                    self._named_objects.add(start)  # its verb is the one before it
        return found

    def _apposition_between(self, start: int, end: int) -> bool:
        """Whether a comma or a relative clause stands between a count and a later verb: the count is not its subject.

        "Pedro Ramos, a reporter who covered crime for two dailies, was killed": the two are dailies.
        """
        gap = self.doc.text[start:end]
        return "," in gap or any(fold(w) in self.p.clause_breaks for w in re.findall(r"[^\W\d_][\w’'-]*", gap))

    def _subject_before_count(self, position: int, counts: list[CountMatch], sentence: Sentence) -> bool:
        """Whether a person noun follows an article before the next count: "a soldier and three civilians"."""
        following = [c.start for c in counts if c.start >= position]
        if not following:
            return True
        cursor = position
        while cursor < following[0]:
            if self._head_at(cursor, sentence) is not None:
                return True
            token = _TOKEN.match(self.doc.text, cursor, following[0])
            if token is None:
                break
            cursor = token.end()
        return False

    def _triggers(self, sentence: Sentence) -> list[_Trigger]:
        found = []
        for m in self.p.triggers.finditer(sentence.text):
            outcome = self.p.trigger_outcome.get(fold(m.group()))
            if outcome:
                found.append(_Trigger(sentence.start + m.start(), sentence.start + m.end(), outcome))
        for m in _TRIPLED.finditer(sentence.text) if _TRIPLED_LETTER.search(sentence.text) else ():
            # "killling": a letter typed three times is a typo of the word with two.
            outcome = self.p.trigger_outcome.get(fold(_TRIPLED_LETTER.sub(r"\1\1", m.group())))
            if outcome:
                found.append(_Trigger(sentence.start + m.start(), sentence.start + m.end(), outcome))
        separable = self.p.separable if self.p.separable_particles.search(sentence.text) \
            and self.p.separable_verbs.search(sentence.text) else ()
        for verb, particle, outcome in separable:
            v = verb.search(sentence.text) if particle.search(sentence.text) else None  # the particle is the rarer
            if v:
                for m in particle.finditer(sentence.text, v.end()):
                    start, end = sentence.start + m.start(), sentence.start + m.end()
                    if not any(t.start <= start < t.end for t in found):
                        # the particle replaces a casualty word inside it ("death" in "to death")
                        found = [t for t in found if not start <= t.start < end]
                        found.append(_Trigger(start, end, outcome, sentence.start + v.end()))
        found.sort(key=lambda t: t.start)
        # "in retaliation for the killing of a herdsman", "the anniversary of the death of an imam": an earlier
        # death named as a cause, not a casualty of this report; "threatened to kill hundreds", "an attempt to
        # kill the governor": a death intended, not one that happened (looked for just before each casualty word).
        found = [t for t in found if not self.p.background.search(
            self.doc.text, max(sentence.start, t.start - 40), t.start)]
        # "Eleven people were killed ..., a day after at least 18 people died in an attack on a church",
        # "Hours after a lawyer was gunned down, at least 74 people were killed": a death in a clause of an
        # earlier time is the background of the report when the sentence or the article before it reports
        # deaths outside such clauses; alone ("two days after militants killed 20 villagers, troops ..."), it is
        # the report.
        earlier = [t for t in found if self.p.earlier.search(self.doc.text, max(sentence.start, t.start - 120), t.start)]
        if earlier and (len(earlier) < len(found) or self._reports_so_far):
            found = [t for t in found if t not in earlier]
        return found

    # -- the noun phrase after a count -------------------------------------

    def _phrase(self, match: CountMatch, sentence: Sentence, entities: list[Entity]) -> _Phrase | None:
        text = self.doc.text
        position = match.end
        if match.count.best == 1 and not any(ch.isdigit() for ch in match.count.surface) \
                and fold(match.count.surface) in self.p.heads:
            position = match.start  # "Farmer killed in Selea": the head itself was the count
        actor: str | None = None
        country: str | None = None
        state = False
        modifier: str | None = None  # the side of a singular noun before the head: "two militant leaders"
        for step in range(6):
            spaces = _SPACES.match(text, position)  # not text[position:].lstrip(): a copy of the rest of the text
            anaphor = self.p.anaphora.match(text, spaces.end() if spaces else position)
            if step == 0 and anaphor and anaphor.end() <= sentence.end:
                after = self._head_at(anaphor.end(), sentence)
                if after is None or after[1] not in _GROUPS:
                    return _Phrase(anaphor.end(), None, None, None, None, False, True, False)
            head = self._head_at(position, sentence)
            if head is not None:
                head_end, group, head_actor, head_state = head
                if group in _OUTCOMES:
                    following = self._head_at(_skip_spaces(text, head_end), sentence)
                    entity = self._entity_at(entities, _skip_spaces(text, head_end))
                    if (following is not None and following[1] in _GROUPS or entity is not None
                            and entity.kind in ("demonym", "adjective")) and group not in ("killed", "injured"):
                        position = head_end  # "nine displaced persons were killed": the outcome word is a modifier
                        continue
                    if following is not None and following[1] in _GROUPS and following[1] != "unknown" \
                            and step == 0 and self._plural(text[_skip_spaces(text, head_end):following[0]]) \
                            == (match.count.best > 1):
                        # "veertien omgekomen militairen", "three wounded soldiers": the participle says what
                        # happened, the head who they were
                        end, of_actor, of_state = self._of_phrase(following[0], sentence, entities)
                        return _Phrase(end, following[1], group, following[2] or of_actor or actor, country,
                                       state or following[3] or of_state, False, False)
                    return _Phrase(head_end, None, group, actor, country, state, False, False)
                if match.count.best > 1 and position != match.start and not self._plural(text[position:head_end]) \
                        and not self._ends_phrase(head_end, sentence) \
                        and fold(text_after(text, head_end)) not in self.p.of:
                    position = head_end  # "two farmer groups": the singular noun is a modifier here
                    modifier = group
                    continue
                if group == "unknown" and modifier in _GROUPS and modifier != "unknown":
                    group = modifier  # "two militant leaders", "two rebel commanders": the modifier's side
                end, of_actor, of_state = self._of_phrase(head_end, sentence, entities)
                mixed = self._mixed(end, sentence, group)
                return _Phrase(end, group, None, head_actor or of_actor or actor, country,
                               state or head_state or of_state, False, mixed)
            number_of = self.p.number_of.match(text, position) if step == 0 else None
            if number_of is not None:
                position = number_of.end()  # "brings to 52 the number of soldiers killed"
                continue
            token = _TOKEN.match(text, position, sentence.end)
            if token is None or token.start(1) in self._count_starts and token.start(1) != match.start:
                return None  # "two farmer groups left three people dead": the next count has its own phrase
            word = fold(token.group(1))
            entity = self._entity_at(entities, token.start(1))
            if entity is not None and entity.kind == "actor":
                actor = entity.name
                if text[entity.end:entity.end + 1] == "-":  # "Boko Haram-leden": the actor glued to its head
                    glued = _TOKEN.match(text, entity.end + 1, sentence.end)
                    head_word = fold(glued.group(1)) if glued else ""
                    if glued and (head_word in self.p.heads or head_word in self.p.members):
                        group = self.p.heads.get(head_word) or self.world.actor_group(actor) or "armed_group"
                        if self.world.actor_group(actor):
                            group = self.world.actor_group(actor) or group
                        return _Phrase(glued.end(), group, None, actor, None, False, False, False)
                if step == 0 and self._ends_phrase(entity.end, sentence):
                    return _Phrase(entity.end, self.world.actor_group(actor) or "armed_group", None, actor,
                                   None, False, False, False)
                position = max(entity.end, token.end())
                continue
            if entity is not None and entity.kind == "adjective":
                country = entity.name
                position = max(entity.end, token.end())
                continue
            if entity is not None and entity.kind == "demonym":
                end, of_actor, of_state = self._of_phrase(entity.end, sentence, entities)
                return _Phrase(end, "unknown", None, of_actor or actor, entity.name, of_state, False, False)
            if word in self.p.state_modifiers:
                state = True  # "pro-government fighters", "regeringsgezinde milities": the state's side
                position = token.end()
                continue
            if word in self.p.members:
                end, of_actor, of_state = self._of_phrase(token.end(), sentence, entities)
                group = "military" if of_state else self.world.actor_group(of_actor or actor) or "unknown"
                return _Phrase(end, group, None, of_actor or actor, country, of_state, False, False)
            if step == 0 and word in self.p.of and match.count.qualifier in ("vague", "about"):
                position = token.end()  # "dozens of civilians", "a number of people"
                continue
            if word in self.p.not_people and (self._head_at(token.end(), sentence) or ("", ""))[1] not in _GROUPS:
                return None  # "45 sheep", "five vehicles"; but "a cattle herder"
            if step > 0 and word in self.p.auxiliaries and self._people_verb_follows(token.end(), sentence) \
                    and not (match.count.best > 1 and word in self.p.singular_auxiliaries) \
                    and not (word in self.p.perfect_auxiliaries and self.p.transitive.match(text, token.end() + 1)):
                # "two volunteers were killed": the verb says these are people, whatever the noun
                return _Phrase(token.start(1), "unknown", None, actor, country, False, False, False)
            if step == 0 and word in self.p.of:
                possessive = _TOKEN.match(text, token.end(), sentence.end)
                if possessive and fold(possessive.group(1)) in self.p.possessives:
                    position = possessive.end()  # "four of his family members"
                    continue
            if word in self.p.breakers or word in self.p.of or re.fullmatch(r"[\d.,]+", token.group(1)):
                return None
            if self.p.trigger_outcome.get(word):
                outcome = self.p.trigger_outcome[word]
                following = self._head_at(_skip_spaces(text, token.end()), sentence)
                if step == 0 and outcome in _OUTCOMES and following is not None and following[1] in _GROUPS \
                        and (match.count.best == 1 or self._plural(text[token.end():following[0]])):
                    # "veertien omgekomen militairen", "three wounded soldiers": a participle before the head says
                    # what happened, the head who they were
                    end, of_actor, of_state = self._of_phrase(following[0], sentence, entities)
                    return _Phrase(end, following[1], outcome, following[2] or of_actor or actor, country,
                                   state or following[3] or of_state, False, False)
                return None
            position = token.end()
        return None

    def _people_verb_follows(self, position: int, sentence: Sentence) -> bool:
        """Whether a killed or injured verb follows within two words (after an auxiliary)."""
        window = self.doc.text[position:min(sentence.end, position + 40)]
        m = self.p.triggers.match(window.lstrip()) or None
        if m is None:
            first = _TOKEN.match(window)
            m = self.p.triggers.match(window[first.end():].lstrip()) if first else None
        return m is not None and self.p.trigger_outcome.get(fold(m.group())) in ("killed", "injured")

    def _head_at(self, position: int, sentence: Sentence) -> tuple[int, str, str | None, bool] | None:
        """A head noun (or an outcome noun) starting at ``position``: its end, group, actor and state flag."""
        text = self.doc.text
        tokens = []
        cursor = position
        for _ in range(self.p.head_max_words):
            token = _TOKEN.match(text, cursor, sentence.end)
            if token is None:
                break
            tokens.append(token)
            cursor = token.end()
        for size in range(len(tokens), 0, -1):
            phrase = fold(" ".join(t.group(1) for t in tokens[:size]))
            outcome = self.p.trigger_outcome.get(phrase)
            if outcome in _OUTCOMES and phrase not in self.p.heads:
                return tokens[size - 1].end(), outcome, None, False
            group = self.p.heads.get(phrase)
            if group:
                return tokens[size - 1].end(), group, None, False
        if not tokens:
            return None
        word = tokens[0].group(1)
        lowered = word.lower()
        if "-" in word:
            prefix, _, last = word.rpartition("-")
            group = self.p.heads.get(fold(last))
            if group:
                actor = self._actor_name(prefix)
                state = fold(prefix) in self.p.state_prefixes or fold(prefix) in ("regime", "pro-regime")
                return tokens[0].end(), group, actor, state
        for head, group in self.p.compound_index.get(lowered[-4:], ()):
            if lowered.endswith(head) and len(lowered) > len(head) + 1:
                prefix = word[: len(word) - len(head)].rstrip("s-") if lowered[:-len(head)].endswith("s") \
                    and fold(word[: len(word) - len(head)]) in self.p.state_prefixes else word[: len(word) - len(head)]
                prefix_fold = fold(prefix)
                if prefix_fold in self.p.state_prefixes or fold(prefix + "s") in self.p.state_prefixes:
                    return tokens[0].end(), "military", None, True
                actor = self._actor_name(prefix)
                if actor:
                    return tokens[0].end(), group, actor, False
                return None
        return None

    def _actor_name(self, text: str) -> str | None:
        for entity in self.world.entities(text):
            if entity.kind == "actor" and entity.start == 0:
                return entity.name
        return None

    def _of_phrase(self, position: int, sentence: Sentence, entities: list[Entity]) -> tuple[int, str | None, bool]:
        """"jihadisten van IS", "members of the Islamic State": the actor the victims belong to."""
        text = self.doc.text
        token = _TOKEN.match(text, position, sentence.end)
        if token is None or fold(token.group(1)) not in self.p.of:
            return position, None, False
        window_end = min(sentence.end, token.end() + 60)
        verb = self.p.triggers.search(text, token.end(), window_end)
        if verb is not None:
            window_end = verb.start()  # "a fighter of the factions died by IS fire": the actor is not theirs
        state = self.p.state_forces.search(text, token.end(), window_end)
        named = [e for e in entities if token.end() <= e.start < window_end and e.kind == "actor"]
        if named and not (state and state.start() < named[0].start):
            return named[0].end, named[0].name, False
        for entity in entities:
            if token.end() <= entity.start < window_end and entity.kind in ("actor", "adjective"):
                if state and state.start() < entity.start and entity.kind == "actor":
                    break
                if entity.kind == "actor":
                    return entity.end, entity.name, False
                if entity.kind == "adjective":
                    return entity.end, self.world.state_forces(entity.name), True
        if state and state.start() - token.end() < 12:
            return state.end(), None, True
        return position, None, False

    def _mixed(self, position: int, sentence: Sentence, group: str) -> bool:
        """"burgers en strijders": a second head joined to the first under the same number."""
        text = self.doc.text
        token = _TOKEN.match(text, position, sentence.end)
        if token is None or fold(token.group(1)) not in ("en", "and", "of", "or"):
            return False
        cursor = token.end()
        for _ in range(3):
            nxt = _TOKEN.match(text, cursor, sentence.end)
            if nxt is None or nxt.start(1) in self._count_starts:
                return False
            head = self._head_at(cursor, sentence)
            if head is not None:
                return head[1] in _GROUPS and head[1] != group
            if nxt.group(1)[:1].isdigit() or fold(nxt.group(1)) in self.p.breakers:
                return False
            cursor = nxt.end()
        return False

    def _ends_phrase(self, position: int, sentence: Sentence) -> bool:
        token = _TOKEN.match(self.doc.text, position, sentence.end)
        return token is None or fold(token.group(1)) in self.p.breakers or bool(self.p.trigger_outcome.get(
            fold(token.group(1))))

    @staticmethod
    def _entity_at(entities: list[Entity], position: int) -> Entity | None:
        for entity in entities:
            if entity.start == position:
                return entity
            if entity.start > position:
                break
        return None

    # -- what happened -------------------------------------------------------

    def _outcome(self, match: CountMatch, phrase: _Phrase | None, sentence: Sentence,
                 triggers: list[_Trigger], counts: list[CountMatch]) -> str | None:
        text = self.doc.text
        if phrase is not None and phrase.outcome:
            return phrase.outcome
        if phrase is not None and phrase.group is not None:
            head = self.p.trigger_outcome.get(fold(text[match.end:phrase.end].split()[-1])) \
                if text[match.end:phrase.end].split() else None
            if head in _OUTCOMES and not [t for t in triggers if t.start >= phrase.end]:
                return head
        before = [t for t in triggers if t.end <= match.start]
        if match.start in self._licensed:
            # "assassinate an army colonel", "a drug suspect was killed": the verb names the victim
            near_before = [t for t in before if self._governs(t, match)]
            after_verb = self._verbs_of(match, [t for t in triggers if t.start >= match.end])
            return near_before[-1].outcome if near_before else self._settled(after_verb) if after_verb else None
        if before:
            gap = text[before[-1].end:match.start]
            collective = self.p.collectives.search(gap)
            gap = gap[:collective.start()] if collective else gap  # "killed a family of six": the six
            adjacent = len(gap) <= 12 and all(fold(w) in self.p.determiners for w in gap.strip(" \"“”'").split()) \
                and "," not in gap
            if adjacent and (phrase is not None or self._ends_phrase(match.end, sentence)
                             or self._one_noun_follows(match.end, sentence)):
                return before[-1].outcome
        if phrase is None:
            # A bare number: the toll ("dodental opgelopen naar 65") or an ellipsis ("en negen gewond").
            if self.p.toll.search(text, sentence.start, match.start):
                return "killed"
            if before and self.p.side_before.match(text, _skip_spaces(text, match.end)) \
                    and not self._clause_between(before[-1].end, match.start):
                return before[-1].outcome  # "50 doden, 27 aan de kant van het leger", "12 on the side of the rebels"
            token = _TOKEN.match(text, match.end, sentence.end)
            if token is not None:
                following = [t for t in triggers if t.start >= match.end]
                if following and following[0].start == token.start(1):
                    return following[0].outcome  # "en negen gewond", "and two wounded"
                between = text[match.end:following[0].start].split() if following else []
                if following and between and len(between) <= 2 and all(fold(w) in self.p.auxiliaries for w in between):
                    return following[0].outcome  # "many were wounded", "2 zijn gewond geraakt"
            return None
        speaker = _TOKEN.match(text, phrase.end, sentence.end)
        if speaker is not None and self.p.cues.match(text, speaker.start(1)):
            return None  # "two relatives said five children were killed": the count names the speakers
        after = self._verbs_of(match, [t for t in triggers if t.start >= phrase.end])
        if after:
            return self._settled(after)
        if before and not self._object_of_other_verb(match) and not self._clause_between(before[-1].end, match.start):
            return before[-1].outcome
        if self.p.toll.search(text, sentence.start, match.start):
            return "killed"  # "the count since 19 April stands at 203 government fighters"
        return None

    def _verbs_of(self, match: CountMatch, after: list[_Trigger]) -> list[_Trigger]:
        """The casualty words after a subject that may be its verbs: not those with their own object pronoun.

        "Four militants stormed his home and killed him": the four are the killers, not the killed.
        """
        text = self.doc.text
        return [t for t in after if (fold(text_after(text, t.end)) not in self.p.object_pronouns
                                     or text[t.end:t.end + 1] not in (" ", "\n")) and not self._has_object(t, match)]

    def _has_object(self, trigger: _Trigger, match: CountMatch) -> bool:
        """Whether a count (or one victim) follows the casualty word as its object: "stormed in and killed 12 people".

        Such a verb has its victims after it, so a count before it is its agent or belongs to another verb:
        "Five armed men burst into the hospital and shot dead an activist" does not kill the five.
        """
        if trigger.verb_end is not None:
            # "two men shot Mr. Garcia to death": a victim between verb and particle; a count there is that
            # victim ("kwamen 12 mensen om"), a count before the verb its agent
            return match.start < trigger.verb_end and bool(self.doc.text[trigger.verb_end:trigger.start].strip())
        cursor = trigger.end
        for _ in range(3):
            gap = len(self.doc.text[cursor:cursor + 3]) - len(self.doc.text[cursor:cursor + 3].lstrip(" "))
            if cursor + gap in self._count_starts:
                return True
            token = _TOKEN.match(self.doc.text, cursor)
            if token is None or token.start() != cursor or fold(token.group(1)) not in self.p.determiners:
                return False
            cursor = token.end()
        return False

    def _settled(self, after: list[_Trigger]) -> str:
        """What finally happened to one subject: "was kidnapped and killed", "injured in the raid, later died".

        A casualty word is followed by a killed word of the same subject when only "and" and auxiliaries stand
        between them, or a word of later time ("later", "subsequently"); no other count may stand between.
        """
        first = after[0]
        if first.outcome not in ("injured", "captured", "missing"):
            return first.outcome
        text = self.doc.text
        for later in after[1:]:
            gap = text[first.end:later.start]
            if re.search(r"[.;:()]", gap) or any(first.end <= c < later.start for c in self._count_starts):
                break
            if later.outcome != "killed":
                continue
            words = [fold(w) for w in re.findall(r"[^\W\d_][\w'’-]*", gap)]
            joined = bool(words) and all(w in self.p.coordinators or w in self.p.auxiliaries for w in words)
            if joined or any(w in self.p.later_cues for w in words):
                return later.outcome
            break
        return first.outcome

    def _one_noun_follows(self, position: int, sentence: Sentence) -> bool:
        """"killing 1 pastoralist", "killed four Fulanis": one word after the count, then the phrase ends."""
        token = _TOKEN.match(self.doc.text, position, sentence.end)
        if token is None or not token.group(1).isalpha():
            return False
        word = fold(token.group(1))
        if word in self.p.not_people or word in self.p.breakers or word in self.p.of or self.p.trigger_outcome.get(word):
            return False
        return self._ends_phrase(token.end(), sentence)

    def _coordinated(self, gap: str) -> bool:
        """Whether a count is joined to the subject before it: "a soldier and three civilians", "a mother and her 2"."""
        words = [fold(w) for w in gap.split()]
        while words and words[-1] in self.p.possessives:
            words.pop()
        return bool(words) and words[-1] in self.p.coordinators

    def _clause_between(self, start: int, end: int) -> bool:
        """Whether a new clause or a speaker stands between a casualty word and a later count.

        "was shot dead as tensions mount over the repatriation of some 750,000 refugees", "killed 11
        people ..., two military officials (said)": the casualty word is not the later count's.
        """
        gap = self.doc.text[start:end]
        if self.p.subset_cues.search(gap):
            return False  # "80 doden, onder wie 19 kinderen": a part listed after its total
        return any(fold(w) in self.p.clause_breaks for w in re.findall(r"[^\W\d_][\w’'-]*", gap)) \
            or self.p.cues.search(gap) is not None

    def _object_of_other_verb(self, match: CountMatch) -> bool:
        """"killing several and rescuing 16 of their hostages": another verb stands just before the count."""
        if not self.p.verb_suffixes:
            return False
        words = re.findall(r"[\w'’-]+", self.doc.text[max(0, match.start - 40):match.start])
        while words and fold(words[-1]) in self.p.possessives:
            words.pop()
        if not words:
            return False
        word = fold(words[-1])
        return word.endswith(self.p.verb_suffixes) and len(word) > 4 and word not in self.p.linking_verbs \
            and not self.p.trigger_outcome.get(word) and word not in self.p.vague_words

    def _governs(self, trigger: _Trigger, match: CountMatch) -> bool:
        """The verb before a singular victim is its verb: "killed a cattle herder" (a few words, no punctuation)."""
        gap = self.doc.text[trigger.end:match.start]
        if not gap.strip() or match.start in self._named_objects:
            return True
        return match.count.surface[:1].isalpha() and not match.count.surface.istitle() and len(gap.split()) <= 3 \
            and not re.search(r"[,;:.()]", gap) and not any(fold(w) in self.p.breakers for w in gap.split())

    def _negated(self, match: CountMatch, sentence: Sentence) -> bool:
        token = re.search(r"(\w+)\s*$", self.doc.text[max(sentence.start, match.start - 30):match.start])
        return bool(token and fold(token.group(1)) in self.p.negations)

    def _victims(self, phrase: _Phrase | None, match: CountMatch,
                 previous: tuple[str, str | None] | None) -> tuple[str, str | None]:
        side = self._side(match, phrase)
        if side is not None:
            return side
        if phrase is None or phrase.anaphoric or phrase.group is None and phrase.outcome is None:
            before = self.doc.text[max(0, match.start - 24):match.start]
            if previous is None and phrase is not None and phrase.anaphoric:
                previous = self._carried  # "Zes anderen raakten gewond": the others of the sentence before
            if previous is None and phrase is not None and phrase.anaphoric \
                    and self.p.of_them.match(self.doc.text, _skip_spaces(self.doc.text, match.end)):
                previous = self._group_named_before(match)  # "een groep dorpelingen (...). 21 van hen kwamen om"
            if previous is not None and (phrase is None or phrase.anaphoric) \
                    and not any(fold(w) in self.p.reflexives for w in before.split()):
                return previous  # not "killed himself and 14 others": the others are his victims
            return "unknown", None
        if phrase.outcome is not None and phrase.group in (None, "unknown"):  # not "veertien omgekomen militairen"
            named = self.p.outcome_groups.get(fold(self.doc.text[match.end:phrase.end]).split()[-1]
                                              if self.doc.text[match.end:phrase.end].split() else "")
            if named:
                return named, None  # "47 burgerdoden": civilians, whatever came before
            actor = phrase.actor
            if actor:
                return self.world.actor_group(actor) or "unknown", actor
            if phrase.end - match.end < 16 and previous is not None:
                return previous  # "zes IS-strijders gedood en twee gewonden"
            return "unknown", None
        if phrase.mixed:
            return "unknown", None
        group = phrase.group
        actor = phrase.actor
        if previous is not None and previous[0] == group and actor is None and phrase.country is None \
                and self.p.anaphora.match(self.doc.text, _skip_spaces(self.doc.text, match.end)):
            return previous  # "zeven doden bij de Russen, drie andere soldaten raakten gewond": of the same side
        if group in ("unknown",) and actor is None and phrase.state:
            group = "military"
        if phrase.group == "unknown" and actor is None and previous is None:
            pass
        if actor is not None and group != "civilian":
            group = self.world.actor_group(actor) or group
        if group in ("armed_group",) and actor is None and phrase.state:
            group = "military"
        if group == "military" and actor is None:
            country = phrase.country
            actor = self.world.state_forces(country) if country else None
            if actor is None and phrase.state:
                actor = self.world.state_forces(self.doc.country)
            if actor is None:
                actor = self.memory.actor.get("military") or self.world.state_forces(self.doc.country)
        elif group == "armed_group" and actor is None and phrase.country is None:
            actor = self.memory.actor.get("armed_group")
            if self._rebels(match, phrase) and not self._rebel_movement(actor):
                return "armed_group", "rebels"  # "a fighter of the rebel factions" in a report on IS: not IS's
        if group in ("civilian", "unknown"):
            actor = None
        if group == "unknown" and phrase.group == "unknown" and actor is None:
            return "unknown", None
        if actor and group in ("military", "armed_group"):
            self.memory.actor[group] = actor
        return group or "unknown", actor

    def _rebels(self, match: CountMatch, phrase: _Phrase) -> bool:
        """Whether the victims are named as rebels: "rebels", "a fighter of the rebel factions"."""
        text = self.doc.text
        if self.p.rebel_nouns.search(text, match.end, phrase.end):
            return True
        of = _TOKEN.match(text, phrase.end)
        if of is None or fold(of.group(1)) not in self.p.of:
            return False
        noun = re.match(r"\s*(?:[\w’'-]+\s+)?", text[of.end():of.end() + 40])
        return self.p.rebel_nouns.match(text, of.end() + (noun.end() if noun else 0)) is not None \
            or self.p.rebel_nouns.match(text, _skip_spaces(text, of.end())) is not None

    def _rebel_movement(self, actor: str | None) -> bool:
        """Whether an actor is itself called rebels ("Houthi rebels", "M23-rebellen"): its fighters' "rebels"."""
        row = self.world.actors.get(actor or "")
        return row is not None and self.p.rebel_nouns.search(row.get("aliases") or "") is not None

    def _side(self, match: CountMatch, phrase: _Phrase | None) -> tuple[str, str | None] | None:
        """The victims' side as the clause names it, for victims whose own words do not.

        "IS has lost 57 men" (the subject of a loss verb), "52 doden aan regeringszijde", "aan de kant van IS
        minstens 35" (a side marker before or after the figure), "strijders aan beide kanten" (both sides).
        """
        text = self.doc.text
        end = phrase.end if phrase is not None else match.end
        if self.p.side_both.match(text, end, end + 40) or self.p.side_both.match(text, end + 1, end + 40):
            return "unknown", None
        own = self.p.own_side.search(text, end, min(len(text), end + 40))
        if own is not None and "." not in text[end:own.start()]:
            # "veertien omgekomen militairen in eigen gelederen", "lost 12 men in its own ranks": the speaker's side
            index = clauses.sentence_index(self.doc, match.start)
            side = self._side_of(clauses.speaker(self.doc, index, match.start, match.end))
            if side is not None:
                return side
            sentence = self.doc.sentences[index]
            actors = [e for e in self.doc.within(self.doc.entities, sentence.start, match.start, "entities")
                      if e.kind == "actor"]
            if actors:  # the first actor of the sentence: its subject ("Een woordvoerder van X sprak van ...")
                return self.world.actor_group(actors[0].name) or "armed_group", actors[0].name
        if phrase is not None and phrase.group not in (None, "unknown") and not phrase.anaphoric:
            return None
        if phrase is not None and phrase.actor is not None:
            return None
        loss = self.p.loss_verbs.search(text, max(0, match.start - 30), match.start)
        if loss is not None:
            who = clauses.subject_before(self.doc, loss.start())
            side = self._side_of(who)
            if side is not None:
                return side
        clause_start, clause_end = clauses.clause_at(self.doc, clauses.sentence_index(self.doc, match.start),
                                                     match.start)
        # a side is named near its figure: after it, or before it in its clause ("Aan regeringszijde vielen
        # sinds vrijdag zeker 52 doden")
        for start, stop in ((end, min(clause_end, end + 60)), (max(clause_start, match.start - 120), match.start)):
            if self.p.side_state.search(text, start, stop):
                return "military", self.world.state_forces(self.doc.country)
            marker = self.p.side_before.search(text, start, stop)
            if marker is not None:
                side = self._side_of(clauses.phrase_at(self.doc, marker.end()))
                if side is not None:
                    return side
                # a name that holds the marker's last words: "onder de troepen van Haftar" ("troepen van Haftar")
                covering = [e for e in self.doc.within(self.doc.entities, marker.start(), marker.end() + 40, "entities")
                            if e.kind == "actor" and marker.start() < e.start < marker.end() < e.end]
                if covering:
                    return self.world.actor_group(covering[0].name) or "armed_group", covering[0].name
        return None

    def _side_of(self, who: clauses.Mention | None) -> tuple[str, str | None] | None:
        """The side a noun phrase names: an actor, a state's forces, or a group noun ("the jihadists")."""
        if who is None or clauses.is_attack(self.doc, who) \
                or any(fold(w) in self.p.fights for w in who.surface.split()):
            return None  # "bij zware gevechten tussen IS en het leger": a fight names both sides, not one
        if who.kind in ("actor", "state"):
            return who.group or "armed_group", who.name
        if who.kind == "noun" and who.group in ("armed_group", "military"):
            actor = self.memory.actor.get(who.group) if who.group == "armed_group" \
                else self.world.state_forces(self.doc.country)
            return who.group, actor
        return None

    def _remember_actors(self, entities: list[Entity], *, before: int) -> None:
        """The last actor of each side, for victims named only by a noun ("jihadisten"); an actor named as
        the other side ("fought against IS", "gevechten met IS", "killed by IS") is not theirs."""
        for entity in entities:
            if entity.kind == "actor":
                group = self.world.actor_group(entity.name)
                marker = re.search(r"([\w’']+)\W*(?:[\w’']+\W+)?$", self.doc.text[max(0, entity.start - 30):entity.start])
                if marker and fold(marker.group(1)) in self.p.opponent_markers:
                    continue
                if group in ("armed_group", "military"):
                    self.memory.actor[group] = entity.name

    def _is_subset(self, match: CountMatch, earlier: list[CountMatch], sentence: Sentence) -> bool:
        if earlier and self.p.part_of_them.match(self.doc.text, match.end):
            return True  # "killed 17 civilians, seven of them children"
        if not earlier:
            cue = self.p.subset_cues.search(self.doc.text, sentence.start, match.start)
            return bool(cue and cue.group().lower().startswith(("onder de", "among the")))
        # A cue since the count before, or since the first (once a cue has opened a list of parts, the rest
        # of the sentence stays in it): the sentence's cues are found once and looked up.
        key = (id(self.p.subset_cues), -sentence.start)
        if key not in self._cue_starts:
            self._cue_starts[key] = [m.start() for m in self.p.subset_cues.finditer(self.doc.text, sentence.start,
                                                                                      sentence.end)]
        starts = self._cue_starts[key]
        first = bisect.bisect_left(starts, earlier[0].end)
        return first < len(starts) and starts[first] < match.start

    # -- when, where, who says so -------------------------------------------

    def _report(self, match: CountMatch, outcome: str, group: str, actor: str | None, sentence: Sentence,
                index: int, entities: list[Entity], *, subset: bool) -> CasualtyReport:
        doc = self.doc
        count = match.count
        period_start, period_end, precision, cumulative = self._period(match, sentence, index)
        place = self._place(match, sentence, entities)
        if place and not self.doc.from_title:
            self.memory.place = place
        perpetrator = clauses.perpetrator(doc, index, match.start, match.end)
        if perpetrator is not None and perpetrator.name != actor:
            self.memory.perpetrator = perpetrator
            self._pending.clear()  # the article tells of an attack with its doer: the ones before stay unnamed
        elif perpetrator is None and clauses.refers_to_event(doc, index):
            # "Daarbij kwamen 15 mensen om", "in the attack": the attack the article has named the doer of
            earlier = self.memory.perpetrator
            perpetrator = earlier if earlier is not None and earlier.name != actor else None
            if perpetrator is None:
                self._pending.add(len(self._reports_so_far))
        return CasualtyReport(
            article_id=doc.article_id, outcome=outcome, victim_group=group, victim_actor=actor,
            count_low=count.low, count_best=count.best, count_high=count.high, qualifier=count.qualifier,
            period_start=period_start, period_end=period_end, date_precision=precision,
            cumulative=cumulative, subset=subset,
            perpetrator=perpetrator.name if perpetrator else None,
            perpetrator_group=(perpetrator.group or "unknown") if perpetrator else None,
            place=place.name if place else None,
            country=place.country if place else None, admin1=place.admin1 if place else None,
            latitude=place.latitude if place else None, longitude=place.longitude if place else None,
            place_precision=place.precision if place else None,
            attributed_to=self._source(match, sentence, index, entities),
            certainty=clauses.certainty(doc, index, match.start, match.end), from_title=doc.from_title,
            surface=doc.text[match.start:match.end], sentence=sentence.text,
            span_start=match.start, span_end=match.end,
        )

    def _period(self, match: CountMatch, sentence: Sentence,
                index: int) -> tuple[datetime | None, datetime | None, str | None, bool]:
        """When: the sentence's time expression nearest the figure, else the last one the article gave (in a
        sentence of the paragraph before, or for a figure before), else the days before publication (a week
        when it is known to the day, its month when only the month is).

        A day word on a page dated only to the month ("zaterdag", "over the past 24 hours", "sinds donderdag")
        cannot be resolved to a day: the fact lies in the publication month. A figure "in the same period"
        takes the period of the figure before (of the time before the phrase when its sentence has one).
        """
        doc = self.doc
        times = [t for t in doc.within(doc.times, sentence.start, sentence.end, "times")]
        same = self.p.same_period.search(doc.text, sentence.start, sentence.end) if times or self._reports_so_far \
            else None
        if same is not None:
            times = [t for t in times if t.end <= same.start()]
            if not times:
                last = next((r for r in reversed(self._reports_so_far) if r.span_start < sentence.start), None)
                if last is not None:
                    return last.period_start, last.period_end, last.date_precision, last.cumulative
        cumulative_cue = self._sentence_has(self.p.cumulative_cues, sentence) or self._habitual(match, sentence, index) or (
            self._sentence_has(self.p.so_far_cues, sentence) and self._speaks_of_campaign(sentence, index))
        month = self._publication_month()
        if times:
            chosen = min(times, key=lambda t: min(abs(t.start - match.start), abs(t.end - match.end)))
            if chosen.since and chosen.date_start is not None and chosen.date_end is not None:
                cumulative = _is_running(chosen, self.p.short_anchor)  # a dated anchor decides: "sinds het
                # begin van het offensief op 19 april" is a running toll only once that is more than a month back
            else:
                cumulative = cumulative_cue or _is_running(chosen, self.p.short_anchor)
            period = (chosen.date_start, chosen.date_end, chosen.precision)
            if not chosen.resolved and month is not None and (not chosen.since or chosen.precision is None):
                period = month  # a day word, "since" one too; not a "since" after publication
            if period[0] is not None and not cumulative:
                self.memory.period, self.memory.period_at = period, chosen.start
            return (*period, cumulative)
        cumulative_cue = cumulative_cue or self._campaign_toll(match, sentence, index)
        earlier = self._time_before(sentence, index, running=cumulative_cue)
        if earlier is not None and (self.memory.period is None or earlier.start > self.memory.period_at):
            period = (earlier.date_start, earlier.date_end, earlier.precision)
            if not cumulative_cue:
                self.memory.period, self.memory.period_at = period, earlier.start
            return (*period, cumulative_cue)
        if self.memory.period is not None:
            return (*self.memory.period, cumulative_cue)
        later = self._time_of_attack_after(index) if not cumulative_cue else None
        if later is not None:
            period = (later.date_start, later.date_end, later.precision)
            self.memory.period, self.memory.period_at = period, later.start
            return (*period, cumulative_cue)
        ref = doc.reference
        if ref.day is not None:
            day = datetime(ref.day.year, ref.day.month, ref.day.day)
            return day - timedelta(days=6), day, "week", cumulative_cue
        if month is not None:
            return (*month, cumulative_cue)
        return None, None, None, cumulative_cue

    def _habitual(self, match: CountMatch, sentence: Sentence, index: int) -> bool:
        """A repeated event: "komen herhaaldelijk burgers om het leven", "civilians have repeatedly been killed";
        the adverb stands in the figure's clause before its casualty word."""
        if not self._sentence_has(self.p.habitual_cues, sentence):
            return False
        start, _ = clauses.clause_at(self.doc, index, match.start)
        trigger = self.p.triggers.search(self.doc.text, match.end, sentence.end)
        return self.p.habitual_cues.search(self.doc.text, start, trigger.start() if trigger else match.end) is not None

    def _campaign_toll(self, match: CountMatch, sentence: Sentence, index: int) -> bool:
        """Whether the figure's clause names a campaign its people died in ("died in the offensive"); a
        campaign named in another clause is not where they died ("Na een aanval met twintig doden als gevolg,
        heeft het land besloten burgers te bewapenen in de strijd tegen ...")."""
        if not self._sentence_has(self.p.campaign_toll, sentence):
            return False
        start, end = clauses.clause_at(self.doc, index, match.start)
        return self.p.campaign_toll.search(self.doc.text, start, end) is not None

    def _time_of_attack_after(self, index: int) -> TimeExpression | None:
        """The day an attack took place, told in the two sentences after the first report of it: "41 strijders
        zijn gedood bij een tegenaanval van IS. (...) De jihadisten lanceerden gisteren hun tegenaanval"."""
        doc = self.doc
        if not clauses.refers_to_event(doc, index):
            return None
        for ahead in (index + 1, index + 2):
            following = doc.sentence_at(ahead)
            if following is None:
                return None
            days = [t for t in doc.within(doc.times, following.start, following.end, "times")
                    if t.resolved and not t.since and t.precision == "day"]
            if days and clauses.refers_to_event(doc, ahead):
                return days[0]
        return None

    def _time_before(self, sentence: Sentence, index: int, *, running: bool) -> TimeExpression | None:
        """The last dated time of the paragraph before ``sentence``: "Mogadishu werd vandaag opgeschrikt door
        twee bomaanslagen. Daarbij kwamen 15 mensen om"; "De vorige aanslag was in januari 2018. Er vielen
        toen 27 doden". A running toll takes the last running period ("sinds het begin van het offensief op
        20 januari"), any other figure the last time that is not one."""
        doc = self.doc
        start = sentence.start
        for back in range(index - 1, max(-1, index - 4), -1):
            before = doc.sentence_at(back)
            if before is None or before.paragraph != sentence.paragraph:
                return None
            times = doc.within(doc.times, before.start, before.end, "times")
            for time in reversed(times):
                if time.start < start and time.resolved and time.since == running:
                    return time
            start = before.start
        return None
    def _speaks_of_campaign(self, sentence: Sentence, index: int) -> bool:
        """Whether a toll "so far" in ``sentence`` is a running toll: a campaign or a total named in it or just before.

        "In totaal zijn tot dusverre veertien soldaten gesneuveld" after "sinds de start van het offensief" is
        the toll of a campaign; "At least 292 have been killed so far in the bombing" is the latest toll of one.
        """
        if self._sentence_has(self.p.campaign_words, sentence):
            return True
        before = self.doc.sentence_at(index - 1)
        return before is not None and before.paragraph == sentence.paragraph \
            and self._sentence_has(self.p.campaign_words, before)

    def _publication_month(self) -> tuple[datetime, datetime, str] | None:
        """The publication month, when the publication is known to the month only."""
        ref = self.doc.reference
        if ref.day is not None or ref.month is None:
            return None
        first = datetime(ref.month.year, ref.month.month, 1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1), "month"

    def _place(self, match: CountMatch, sentence: Sentence, entities: list[Entity]) -> PlaceRef | None:
        return event_place(self.doc, match.start, match.end, sentence=sentence, fallback=self.memory.place)

    def _not_a_location(self, entity: Entity) -> bool:
        return is_reference_place(self.doc, entity)

    def _sentence_has(self, pattern: re.Pattern[str], sentence: Sentence) -> bool:
        """Whether ``pattern`` occurs in ``sentence`` (searched once per sentence and pattern)."""
        key = (id(pattern), sentence.start)
        if key not in self._seen:
            self._seen[key] = pattern.search(sentence.text) is not None
        return self._seen[key]

    def _source(self, match: CountMatch, sentence: Sentence, index: int, entities: list[Entity]) -> str | None:
        """Who says so: the speaker of the clause layer, else a source named beside a cue of the sentence."""
        doc = self.doc
        speaker = clauses.speaker(doc, index, match.start, match.end)
        if speaker is not None:
            return speaker.name
        if _publishes_counts(doc.publisher):
            return doc.publisher  # a monitor's own bulletin: every figure in it is the monitor's
        if self._sentence_has(self.p.cues, sentence):
            sources = [e for e in entities if e.kind == "source"]
            if sources:
                return min(sources, key=lambda e: abs(e.start - match.start)).name
        following = doc.sentence_at(index + 1)
        if following is not None:
            first = re.match(r"\W*(\w+)", following.text)
            if first and fold(first.group(1)) in self.p.back_reference and self.p.cues.search(following.text):
                sources = [e for e in doc.within(doc.entities, following.start, following.end, "entities")
                           if e.kind == "source"]
                if sources:
                    return sources[0].name
        return None


def _publishes_counts(source: str | None) -> bool:
    """Whether a source publishes counts of its own (a monitor, an official body), not only news."""
    row = world().sources.get(source or "")
    return row is not None and row.get("kind") in ("monitor", "official", "international")


def _skip_spaces(text: str, position: int) -> int:
    """The first position at or after ``position`` that is not white space."""
    return position + len(text[position:position + 20]) - len(text[position:position + 20].lstrip())


def text_after(text: str, position: int) -> str:
    """The word after ``position``."""
    m = _TOKEN.match(text, position)
    return m.group(1) if m else ""


def _campaign_toll(data: Language) -> re.Pattern[str]:
    """A toll of a whole campaign, named without a date: "died in the offensive", "killed in the Afrin operation",
    "Mosul battle killed", "Strijd om Mosul kostte" (``casualties.campaign_nouns``): the campaign is where the
    figure's people died, not a word elsewhere in the sentence ("the war-torn region")."""
    nouns = phrase_pattern(data.words("casualties.campaign_nouns")).replace(r"(?![\w])", r"(?![\w-])")
    determiners = phrase_pattern(data.words("casualties.campaign_determiners"))
    within = phrase_pattern(data.words("casualties.campaign_within"))
    of = phrase_pattern(data.words("casualties.campaign_of"))
    verbs = phrase_pattern(data.words("casualties.campaign_verbs"))
    # the lists are matched in any case, a name by its capital
    return re.compile(rf"(?i:{within})\s+(?:(?i:{determiners})\s+(?:[\w-]+\s+){{0,2}}?(?i:{nouns})"
                      rf"|[A-Z][\w-]+\s+(?i:{nouns}))|(?:^|[:\s])(?:[A-Z][\w-]+\s+(?i:{nouns})"
                      rf"|(?i:{nouns})\s+(?i:{of})\s+[A-Z][\w-]+)\s+(?i:{verbs})")


def _is_running(time: TimeExpression, short_anchor: re.Pattern[str]) -> bool:
    """A toll since an anchor more than a calendar month back (or undated) is a running toll: 19 April is more
    than a month before 20 May, not before 19 May.

    An anchor of days ("since Monday", "sinds gisteren") opens a window of days, dated or not.
    """
    if not time.since:
        return False
    if time.date_start is None or time.date_end is None:
        return short_anchor.search(time.surface) is None
    if time.precision in ("month", "year"):
        return True
    start, end = time.date_start, time.date_end
    month_later = (start.replace(day=1) + timedelta(days=32)).replace(day=1)  # the first of the next month
    last_day = ((month_later + timedelta(days=32)).replace(day=1) - timedelta(days=1)).day
    return month_later.replace(day=min(start.day, last_day), hour=start.hour, minute=start.minute) < end


def _mark_breakdowns(reports: list[CasualtyReport], doc: Document) -> list[CasualtyReport]:
    """Parts of a total are subsets, so that totals count each person once. Four rules:

    1. Parts that add up to a total given before them: "42 doden, 35 burgers en zeven soldaten"; "Eight
       people were killed ... Four cattle thieves and four members of the team were killed" (8, not 12).
       Figures of other outcomes between them are passed over ("killed five ... killing one and wounding
       another ... killed four": 5). The total must be complete before its parts: its casualty word stands
       between them, so that "3 policemen, 2 militiamen and 1 soldier were killed" is a list (6), not
       3 = 2 + 1; except for a total of unknown side whose parts follow it in an apposition: "Six
       people, two traders and four farmers, were killed" is 6.
    2. A toll that updates the article's figures: a killed figure whose sentence, before it, has a toll
       noun with a word of rising ("raising the toll to 16", "the toll now stands at 17") or a word of
       total ("altogether", "bringing the total to"; ``casualties.toll_rises``, ``casualties.totals``)
       holds the smaller killed figures before it: 13 identified, then the toll raised to 16, is 16.
    3. The same figure (above one) stated twice in one sentence, each with its casualty word, across a
       comma: "Five people were killed when gunmen attacked the town, killing five people" is 5. Without
       a casualty word of its own the second figure adds ("five on Monday and five on Tuesday"), and so
       does one that says so ("three others", "also").
    4. Parts marked in the sentence itself are found by the reader (``subset``): "including", "of
       them", "12 migrants were among the 17 civilians killed".
    """
    from dataclasses import replace

    result = list(reports)
    patterns = _get_patterns(doc.lang)
    for i, total in enumerate(result):
        if total.subset or total.cumulative:
            continue
        if i + 1 < len(result) \
                and result[i + 1].sentence == total.sentence and result[i + 1].span_start > total.span_end \
                and not patterns.triggers.search(doc.text, total.span_end, result[i + 1].span_start) \
                and not (total.victim_group == "unknown"
                         and re.search(r"[,:(–—]|\s-", doc.text[total.span_end:result[i + 1].span_start])):
            continue  # a list of its own, unless the parts stand in an apposition to a total of unknown side
        running, members = 0, []
        for j in range(i + 1, len(result)):
            part = result[j]
            if part.cumulative and part.outcome == total.outcome:
                break
            if part.subset or part.outcome != total.outcome:
                continue
            running += part.count_best
            members.append(j)
            if running == total.count_best and len(members) >= 2:
                for k in members:
                    result[k] = replace(result[k], subset=True)
                break
            if running > total.count_best:
                break
    nearest: dict[tuple[str, str, int], int] = {}  # the last report of each sentence, outcome and figure
    for j, later in enumerate(result):
        key = (later.sentence, later.outcome, later.count_best)
        last = nearest.get(key)
        nearest[key] = j
        if last is None or later.subset or later.cumulative or later.count_best < 2:
            continue
        earlier = result[last]
        after = doc.text[later.span_end:later.span_end + 25]
        if patterns.anaphora.match(after.lstrip()) or any(
                fold(w) in patterns.additive for w in re.findall(r"\w+", doc.text[max(0, later.span_start - 15):
                                                                             later.span_end + 25])):
            continue  # one person each, "three others", "also": one more figure
        if not earlier.subset and earlier.span_end < later.span_start \
                and (earlier.victim_group == later.victim_group or "unknown" in (earlier.victim_group,
                                                                                 later.victim_group)) \
                and patterns.triggers.search(doc.text, earlier.span_end, later.span_start) \
                and re.search(r"[,;(]", doc.text[earlier.span_end:later.span_start]):
            result[j] = replace(later, subset=True)  # the same figure again, with its own verb
    starts = [sentence.start for sentence in doc.sentences]
    cues: dict[int, tuple[int, int]] = {}  # per sentence: where a word of total, and a rising toll, first stand
    smallest: int | None = None  # the smallest killed figure so far
    for j, toll in enumerate(result):
        counted = toll.outcome == "killed" and not toll.subset and not toll.cumulative
        below = smallest is not None and smallest < toll.count_best
        if counted and toll.from_title == doc.from_title:
            smallest = toll.count_best if smallest is None else min(smallest, toll.count_best)
        if not counted or toll.from_title != doc.from_title or not below:
            continue
        index = bisect.bisect_right(starts, toll.span_start) - 1
        if index not in cues:
            opening = starts[index] if index >= 0 else 0
            closing = doc.sentences[index].end if index >= 0 else len(doc.text)
            word = patterns.totals.search(doc.text, opening, closing)
            noun = patterns.toll_noun.search(doc.text, opening, closing)
            rise = patterns.toll_rises.search(doc.text, opening, closing) if noun else None
            cues[index] = (word.start() if word else len(doc.text),
                           max(noun.start(), rise.start()) if noun and rise else len(doc.text))
        if min(cues[index]) >= toll.span_start:
            continue
        for k in range(j):
            earlier = result[k]
            if earlier.outcome == "killed" and not earlier.subset and not earlier.cumulative \
                    and earlier.count_best < toll.count_best and earlier.from_title == toll.from_title:
                result[k] = replace(earlier, subset=True)
    return result
