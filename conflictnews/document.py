"""One scan of an article, shared by every extractor.

``analyse`` splits the text into sentences and finds, in one pass each, its
counts, its time expressions and its named entities (places, actors, sources,
country adjectives). The casualty, territory and timeline extractors read
these lists; none of them scans the text for the same thing again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Sequence, TypeVar

from .lexicon import Entity, check_language, language, phrase_alternation, phrase_pattern, world
from .numbers import CountMatch, find_counts
from .records import Article
from .temporal import Reference, TimeExpression, find_times
from .text import Sentence, detect_language, split_sentences

__all__ = ["Document", "analyse", "documents"]

T = TypeVar("T")


@dataclass
class Document:
    """An analysed text: the body or the headline of one article."""

    article_id: str | None
    text: str
    lang: str
    reference: Reference
    from_title: bool
    sentences: list[Sentence]
    counts: list[CountMatch]
    times: list[TimeExpression]
    entities: list[Entity]
    country: str | None = None  # the country the article is mostly about
    publisher: str | None = None  # the article's source (outlet or agency), as the corpus reader found it
    _starts: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _reference_places: dict[tuple[int, int], bool] = field(default_factory=dict, repr=False)
    _clauses: dict[Any, Any] = field(default_factory=dict, repr=False)  # sentence index -> clauses.Parse

    def within(self, items: Sequence[T], start: int, end: int, name: str) -> list[T]:
        """Return the items (sorted by ``.start``) that start in ``[start, end)``."""
        if name not in self._starts:
            self._starts[name] = [getattr(item, "start") for item in items]
        starts = self._starts[name]
        return list(items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])

    def sentence_at(self, index: int) -> Sentence | None:
        """Return the sentence at ``index`` or None."""
        return self.sentences[index] if 0 <= index < len(self.sentences) else None


def _article_fields(article_or_text: Article | str | Any) -> tuple[str | None, str | None, str, str | None,
                                                                   datetime | None, str | None]:
    if isinstance(article_or_text, str):
        return None, None, article_or_text, None, None, None
    get = article_or_text.get if hasattr(article_or_text, "get") else lambda k, d=None: getattr(article_or_text, k, d)
    published = get("published")
    if _is_missing_time(published):
        published = None
    elif published is not None and not isinstance(published, datetime):
        try:
            import pandas as pd

            published = None if pd.isna(published) else pd.Timestamp(published).to_pydatetime()
        except (TypeError, ValueError):
            published = None
    precision = get("published_precision")
    if not isinstance(precision, str):
        precision = None
    title = get("title")
    return (get("article_id"), title if isinstance(title, str) and title.strip() else None,
            str(get("text") or ""), get("language") if isinstance(get("language"), str) else None,
            published, precision)


def documents(article_or_text: Article | str | Any, *, lang: str | None = None,
              published: datetime | str | None = None) -> list[Document]:
    """Analyse an article's headline (if any) and body; return ``[title, body]`` or ``[body]``.

    ``lang`` and ``published`` override what the article says; a bare string is a body
    without a headline. ``published`` written as text keeps its precision: ``"2021"``
    is a year, ``"2021-09"`` a month (no day is guessed in them), ``"2021-09-30"`` a day.
    An unsupported language raises ``ValueError``.
    """
    article_id, title, text, article_lang, article_published, precision = _article_fields(article_or_text)
    code = lang or article_lang or detect_language(((title or "") + "\n" + text))
    check_language(code)
    if published is not None:
        stamp, precision = published_with_precision(published) if isinstance(published, str) else (None, None)
        if stamp is None:
            stamp = _as_datetime(published)
            precision = "minute" if stamp and (stamp.hour or stamp.minute) else "day"
        article_published = stamp
    elif article_published is not None and precision is None:
        precision = "minute" if (article_published.hour or article_published.minute) else "day"
    reference = Reference(article_published, precision if article_published else None)
    body = analyse(text, lang=code, reference=reference, article_id=article_id)
    body.publisher = _publisher(article_or_text)
    if not title:
        return [body]
    head = analyse(title, lang=code, reference=reference, article_id=article_id, from_title=True)
    head.publisher = body.publisher
    body.country = head.country = _main_country([*head.entities, *body.entities])
    return [head, body]


_PUBLISHED_FORMATS = (("%Y-%m-%dT%H:%M:%S", "minute"), ("%Y-%m-%d %H:%M:%S", "minute"), ("%Y-%m-%dT%H:%M", "minute"),
                      ("%Y-%m-%d %H:%M", "minute"), ("%Y-%m-%d", "day"), ("%d-%b-%y", "day"), ("%d %B %Y", "day"),
                      ("%d-%B-%Y", "day"), ("%m/%d/%Y", "day"), ("%Y-%m", "month"))
_YEAR = re.compile(r"\d{4}")


def published_with_precision(value: str) -> tuple[datetime | None, str | None]:
    """A publication time written as text, and the precision it is written to (``None, None`` if unknown).

    >>> published_with_precision("2021-09")
    (datetime.datetime(2021, 9, 1, 0, 0), 'month')
    >>> [published_with_precision(v)[1] for v in ("2021", "2021-09-30", "2021-09-30 14:05", "soon")]
    ['year', 'day', 'minute', None]
    """
    value = value.strip()
    if _YEAR.fullmatch(value):
        return datetime(int(value), 1, 1), "year"
    for fmt, precision in _PUBLISHED_FORMATS:
        try:
            return datetime.strptime(value, fmt), precision
        except ValueError:
            continue
    return None, None
def _publisher(article_or_text: Article | str | Any) -> str | None:
    if isinstance(article_or_text, str):
        return None
    source = article_or_text.get("source") if hasattr(article_or_text, "get") else getattr(article_or_text, "source", None)
    return source if isinstance(source, str) and source.strip() else None


def _is_missing_time(value: Any) -> bool:
    """``NaT`` (a ``datetime`` without a year: what a DataFrame of articles holds for a missing date)."""
    return isinstance(value, datetime) and value != value


def _as_datetime(value: datetime | str) -> datetime | None:
    if isinstance(value, datetime):
        return None if _is_missing_time(value) else value
    try:
        import pandas as pd

        stamp = pd.Timestamp(value)
        return None if pd.isna(stamp) else stamp.to_pydatetime()
    except (TypeError, ValueError):
        return None


_WHITESPACE_ONLY = re.compile(r"\S")


def analyse(text: str, *, lang: str, reference: Reference, article_id: str | None = None,
            from_title: bool = False) -> Document:
    """Split ``text`` into sentences and find its counts, times and entities."""
    if not _WHITESPACE_ONLY.search(text):
        return Document(article_id, text, lang, reference, from_title, [], [], [], [])
    from .places import find_places

    entities = find_places(text, lang, world().entities(text))
    doc = Document(
        article_id=article_id, text=text, lang=lang, reference=reference, from_title=from_title,
        sentences=split_sentences(text, lang=lang), counts=find_counts(text, lang=lang),
        times=find_times(text, lang=lang, reference=reference), entities=entities,
    )
    doc.country = _main_country(entities)
    return doc


def is_reference_place(doc: Document, entity: Entity) -> bool:
    """Whether a place is named as a point of reference rather than where something happened.

    A dateline ("BEIROET - ", "BEIRUT (AFP) -", "Baghdad — "), a base ("Britain-based",
    "in Londen gevestigde") or a bearing ("120 km northeast of the Iraqi capital Baghdad").
    """
    key = (entity.start, entity.end)
    known = doc._reference_places.get(key)
    if known is None:
        known = doc._reference_places[key] = _is_reference_place(doc, entity)
    return known


def _reference_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The base after a place ("-based", " gevestigde", across any white space), the bearing before it, the
    word between a source and its seat ("the Observatory in London"), and a backer named by its capital
    ("backed by Washington")."""
    data = language(lang)
    found: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]] = data.memo("reference_places", lambda: (
        re.compile(r"(?:-|\s*)" + phrase_alternation(w.strip(" -") for w in data.words("places.based_suffixes"))
                   + r"(?![\w])", re.IGNORECASE),
        re.compile(phrase_pattern(data.words("places.reference_words")) + r"(?:\s+\S+){0,4}\s*$", re.IGNORECASE),
        re.compile(r"\s*,?\s*" + phrase_pattern(data.words("places.source_seats")) + r"\s+$", re.IGNORECASE),
        re.compile(phrase_pattern(data.words("places.backers")) + r"(?:\s+[\w-]+)?\s+$", re.IGNORECASE)))
    return found


_DATELINE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:[-–—]|,\s*\w+\s*[-–—])")


def _is_reference_place(doc: Document, entity: Entity) -> bool:
    text = doc.text
    based, reference, seat, backer = _reference_patterns(doc.lang)
    if based.match(text, entity.end, entity.end + 24):
        return True
    if any(e.kind == "source" and e.end <= entity.start and seat.fullmatch(text, e.end, entity.start)
           for e in doc.within(doc.entities, entity.start - 80, entity.start, "entities")):
        return True  # "het Syrische Observatorium voor de Mensenrechten in Londen": where the source sits
    line_start = text.rfind("\n", 0, entity.start) + 1
    if not text[line_start:entity.start].strip() and _DATELINE.match(text[entity.end:entity.end + 24]):
        return True  # a dateline at the start of a line
    return reference.search(text, max(0, entity.start - 60), entity.start) is not None \
        or backer.search(text, max(0, entity.start - 40), entity.start) is not None


def _main_country(entities: Sequence[Entity]) -> str | None:
    """The country named most often, through its places, adjectives and demonyms."""
    from .places import main_country

    return main_country(entities)
