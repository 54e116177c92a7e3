"""``extract``: one pass per article, all facts, on one core or several.

Each article is analysed once (``document.documents``) and the three
extractors read that analysis. Articles stream through in chunks: a corpus on
disk never has to fit in memory, and ``n_jobs`` processes give the same tables,
in the same order, as one.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from .casualties import casualties_from_documents
from .document import documents
from .records import Article, CasualtyReport, TerritoryClaim, TimelineEvent, as_dict
from .territory import territory_from_documents
from .timeline import timeline_from_documents

if TYPE_CHECKING:
    import multiprocessing.pool

    import pandas as pd

__all__ = ["CASUALTY_COLUMNS", "TERRITORY_COLUMNS", "TIMELINE_COLUMNS", "Extraction", "extract",
           "extract_article", "frame"]

CASUALTY_COLUMNS = list(CasualtyReport.__dataclass_fields__)
TERRITORY_COLUMNS = list(TerritoryClaim.__dataclass_fields__)
TIMELINE_COLUMNS = list(TimelineEvent.__dataclass_fields__)
ERROR_COLUMNS = ["article_id", "path", "reason"]

_DTYPES = {
    "count_low": "Int64", "count_best": "Int64", "count_high": "Int64", "population": "Int64",
    "span_start": "int64", "span_end": "int64", "share_pct": "float64",
    "latitude": "float64", "longitude": "float64", "place_precision": "Int64",
    "cumulative": "bool", "subset": "bool", "from_title": "bool", "past": "bool",
}
_DATES = ("period_start", "period_end", "since", "as_of", "date_start", "date_end", "published")


@dataclass
class Extraction:
    """The fact tables of a corpus: casualties, territory, timeline, and articles that failed."""

    casualties: "pd.DataFrame"
    territory: "pd.DataFrame"
    timeline: "pd.DataFrame"
    errors: "pd.DataFrame"

    def tables(self) -> dict[str, "pd.DataFrame"]:
        """The tables by name, for export."""
        return {"casualties": self.casualties, "territory": self.territory, "timeline": self.timeline}


Facts = tuple[list[CasualtyReport], list[TerritoryClaim], list[TimelineEvent], list[dict[str, str | None]]]


def extract_article(article: Article | Any) -> Facts:
    """All facts of one article; a failure is returned as an error row, never raised."""
    try:
        docs = documents(article)
        casualties = casualties_from_documents(docs)
        territory = territory_from_documents(docs)
        timeline = timeline_from_documents(docs, casualties, territory)
        return casualties, territory, timeline, []
    except Exception as error:  # an extractor bug must not lose the rest of the corpus
        get = getattr(article, "get", None)
        article_id = get("article_id") if callable(get) else None
        path = get("path") if callable(get) else None
        return [], [], [], [{"article_id": article_id, "path": path, "reason": f"{type(error).__name__}: {error}"}]


def _extract_chunk(chunk: Sequence[Article]) -> Facts:
    casualties: list[CasualtyReport] = []
    territory: list[TerritoryClaim] = []
    timeline: list[TimelineEvent] = []
    errors: list[dict[str, str | None]] = []
    for article in chunk:
        c, t, e, x = extract_article(article)
        casualties.extend(c)
        territory.extend(t)
        timeline.extend(e)
        errors.extend(x)
    return casualties, territory, timeline, errors


def _articles(source: Any) -> Iterator[Article]:
    """Articles from a Corpus, a DataFrame of articles, an iterable of records, or paths on disk."""
    from .corpus import Corpus, iter_corpus

    if isinstance(source, Corpus):
        yield from source.records
        return
    if isinstance(source, (str, os.PathLike)):
        for item in iter_corpus(source):
            if isinstance(item, Article):
                yield item
        return
    if hasattr(source, "to_dict") and hasattr(source, "columns"):
        for row in source.to_dict("records"):
            yield Article(**{str(k): row.get(k) for k in Article.__dataclass_fields__})
        return
    for item in source:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, (str, os.PathLike)):
            yield from _articles(item)
        elif isinstance(item, dict):
            yield Article(**{k: item.get(k) for k in Article.__dataclass_fields__})  # type: ignore[arg-type]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _start_worker(table: Any) -> None:
    """Run in each worker process: Ctrl-C is the parent's to handle (it stops the workers); the user's places."""
    from .places import set_user_places

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    set_user_places(table)


def _pool(n_jobs: int, table: Any) -> "multiprocessing.pool.Pool":
    """A pool of worker processes that ignore Ctrl-C.

    Left to itself, a worker dies of the ``KeyboardInterrupt`` that Ctrl-C
    sends to the whole process group, the pool starts a new one, and the
    parent waits for ever. Here only the parent reads Ctrl-C, and ``extract``
    terminates the pool. While the workers are forked, a Ctrl-C is held back
    (a worker that gets it before its initializer runs only notes it) and is
    raised in the parent once the pool exists.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    if threading.current_thread() is not threading.main_thread():  # signals are the main thread's
        return context.Pool(n_jobs, initializer=_start_worker, initargs=(table,))
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        pool = context.Pool(n_jobs, initializer=_start_worker, initargs=(table,))
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
    if held:
        pool.terminate()
        pool.join()
        raise KeyboardInterrupt
    return pool


def extract(corpus_or_articles: Any, *, n_jobs: int = 1, progress: bool | None = None,
            chunksize: int = 64, places: Any = None) -> Extraction:
    """Extract casualties, territory claims and timeline events from every article.

    Parameters
    ----------
    corpus_or_articles
        A ``Corpus`` from ``read_corpus``, its ``articles`` DataFrame, an iterable of
        ``Article`` records, or a path (folder, glob, file) streamed from disk.
    n_jobs
        Worker processes; ``-1`` uses every core. The tables are the same as with 1.
    progress
        Show a progress bar; ``None`` shows one only on an interactive terminal.
    places
        A user's places, merged over the built-in tables: a CSV file (the columns of
        ``lexicon/places.csv``), a DataFrame or rows (see ``places.load_places``).

    Returns
    -------
    Extraction
        ``.casualties``, ``.territory``, ``.timeline`` and ``.errors`` DataFrames.
    """
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    if n_jobs < 1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1, not {n_jobs}")
    from .places import load_places, use_places

    table = load_places(places) if places is not None else None
    with use_places(table):
        return _extract(corpus_or_articles, n_jobs, progress, chunksize, table)


def _extract(corpus_or_articles: Any, n_jobs: int, progress: bool | None, chunksize: int, table: Any) -> Extraction:
    chunks: Iterable[list[Article]] = _chunks(_articles(corpus_or_articles), chunksize)
    results: Iterable[Facts]
    pool = None
    if n_jobs > 1:
        pool = _pool(n_jobs, table)
        results = pool.imap(_extract_chunk, chunks)
    else:
        results = map(_extract_chunk, chunks)
    if progress or (progress is None and sys.stderr.isatty()):
        from tqdm.auto import tqdm

        results = tqdm(results, desc="extracting", unit=" chunks")
    casualties: list[CasualtyReport] = []
    territory: list[TerritoryClaim] = []
    timeline: list[TimelineEvent] = []
    errors: list[dict[str, str | None]] = []
    try:
        for c, t, e, x in results:
            casualties.extend(c)
            territory.extend(t)
            timeline.extend(e)
            errors.extend(x)
    except BaseException:  # Ctrl-C (KeyboardInterrupt) or an error: stop the workers now, do not wait for them
        if pool is not None:
            pool.terminate()
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    import pandas as pd

    return Extraction(casualties=frame(casualties, CASUALTY_COLUMNS), territory=frame(territory, TERRITORY_COLUMNS),
                      timeline=frame(timeline, TIMELINE_COLUMNS),
                      errors=pd.DataFrame(errors, columns=ERROR_COLUMNS))


def frame(records: Iterable[Any], columns: Sequence[str]) -> "pd.DataFrame":
    """A table of records with the package's column types (nullable integers, datetimes, booleans)."""
    import pandas as pd

    table = pd.DataFrame([as_dict(r) for r in records], columns=list(columns))
    for column in columns:
        if column in _DATES:
            table[column] = pd.to_datetime(table[column])
        elif column in _DTYPES:
            table[column] = table[column].astype(_DTYPES[column])  # type: ignore[call-overload]
    return table
