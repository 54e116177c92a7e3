"""Timelines: every dated statement of an article, its date resolved against publication.

Each time expression the temporal module finds becomes one ``TimelineEvent``:
its period and precision, a short summary in the article's own words (the
clause around the expression), and its kind: ``casualties`` when the sentence
reports casualties, ``territory`` when it claims control of a place, else
``event``. A relative day that cannot be resolved (the publication known only
to the month) stays in the timeline with a missing date: it is never guessed.
"""

from __future__ import annotations

import bisect
import functools
import re
from datetime import datetime
from typing import Any, Iterable

from .document import Document, documents
from .places import event_place
from .records import CasualtyReport, TerritoryClaim, TimelineEvent

__all__ = ["extract_timeline", "timeline_from_documents", "summarise"]

_CLAUSE = re.compile(r"[,;:–—]\s+|\s+[-–—]\s+")


def extract_timeline(article_or_text: Any, *, lang: str | None = None,
                     published: datetime | str | None = None) -> list[TimelineEvent]:
    """Return one ``TimelineEvent`` per dated statement of an article or a text.

    >>> [(str(e.date_start.date()), e.date_precision, e.kind) for e in extract_timeline(
    ...     "Het gevecht startte donderdag.", lang="nl", published="2018-04-24 18:25")]
    [('2018-04-19', 'day', 'event')]
    """
    from .casualties import casualties_from_documents
    from .territory import territory_from_documents

    docs = documents(article_or_text, lang=lang, published=published)
    return timeline_from_documents(docs, casualties_from_documents(docs), territory_from_documents(docs))


def timeline_from_documents(docs: Iterable[Document], casualties: Iterable[CasualtyReport] = (),
                            territory: Iterable[TerritoryClaim] = ()) -> list[TimelineEvent]:
    """Timeline events of analysed documents, each typed by the facts read from its sentence."""
    casualty_sentences = {(r.from_title, r.sentence) for r in casualties}
    territory_sentences = {(c.from_title, c.sentence) for c in territory}
    events: list[TimelineEvent] = []
    for doc in docs:
        for sentence in doc.sentences:
            times = doc.within(doc.times, sentence.start, sentence.end, "times")
            if not times:
                continue
            actors = _actors(doc, sentence.start, sentence.end)
            # The place of the sentence's first date stands for all its dates: the places are the sentence's.
            where = event_place(doc, times[0].start, times[0].end, sentence=sentence)
            for time in times:
                key = (doc.from_title, sentence.text)
                kind = "casualties" if key in casualty_sentences else "territory" if key in territory_sentences \
                    else "event"
                events.append(TimelineEvent(
                    article_id=doc.article_id, date_start=time.date_start, date_end=time.date_end,
                    date_precision=time.precision if time.resolved else None, kind=kind,
                    summary=summarise(sentence.text, time.start - sentence.start, time.end - sentence.start),
                    place=where.name if where else None, country=where.country if where else None,
                    admin1=where.admin1 if where else None, latitude=where.latitude if where else None,
                    longitude=where.longitude if where else None,
                    place_precision=where.precision if where else None, actors=actors, from_title=doc.from_title, surface=time.surface, sentence=sentence.text, span_start=time.start, span_end=time.end))
    return events


@functools.lru_cache(maxsize=256)
def _clause_breaks(sentence: str) -> tuple[list[int], list[int]]:
    """Where the clause breaks of a sentence start, and where they end (cached: a sentence may hold many dates).

    The breaks do not overlap, so both lists are sorted.
    """
    spans = [m.span() for m in _CLAUSE.finditer(sentence)]
    return [a for a, _ in spans], [b for _, b in spans]


# At least four words: ``len(text.split()) >= 4`` without splitting a long text.
_FOUR_WORDS = re.compile(r"\s*\S+\s+\S+\s+\S+\s+\S")


def _actors(doc: Document, start: int, end: int) -> str | None:
    """The actors named between ``start`` and ``end``, "|"-separated."""
    actors = sorted({e.name for e in doc.within(doc.entities, start, end, "entities") if e.kind == "actor"})
    return "|".join(actors) or None


def summarise(sentence: str, start: int, end: int, *, limit: int = 110) -> str:
    """The clause around ``sentence[start:end]``, in the article's words, at most ``limit`` characters.

    >>> summarise("Sinds 2015 in handen van IS, aldus de krant.", 0, 10)
    'Sinds 2015 in handen van IS'
    """
    starts, ends = _clause_breaks(sentence)
    before = bisect.bisect_right(ends, start)  # the last break ending at or before the expression
    after = bisect.bisect_left(starts, end)  # the first break starting at or after it
    clause_start = ends[before - 1] if before else 0
    clause_end = starts[after] if after < len(starts) else len(sentence)
    text = sentence[clause_start:clause_end].strip().rstrip(".")
    if _FOUR_WORDS.match(text) is None:
        text = sentence.strip().rstrip(".")
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit - 1)
        text = text[: cut if cut > limit // 2 else limit - 1].rstrip(",;:") + "…"
    return text
