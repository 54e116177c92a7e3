"""The same pipeline on a Dask cluster: a bag of articles in, Dask DataFrames of facts out.

``extract`` maps ``pipeline.extract_article`` over the partitions of a
``dask.bag`` of article paths or ``Article`` records and builds each fact table
with ``pipeline.frame``, so a cluster gives the same rows as
``conflictnews.extract`` on one machine. Dask is imported on first use:
``import conflictnews`` never imports it.

On one machine, the default scheduler runs the partitions in threads; pass a
``dask.distributed.Client`` (or set ``dask.config.set(scheduler="processes")``)
to use processes or a cluster. See ``docs/scale.md``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from .records import Article

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd

    from .pipeline import Extraction

__all__ = ["DaskExtraction", "extract", "read_bag"]

BLOCKSIZE = 256  # articles per partition


@dataclass
class DaskExtraction:
    """The fact tables of a corpus as lazy Dask DataFrames.

    The three tables share one extraction per partition: compute them
    together (``compute()``, ``persist()`` or ``dask.compute(*tables)``), or
    each ``.compute()`` on its own extracts the corpus again.
    """

    casualties: "dask.dataframe.DataFrame"
    territory: "dask.dataframe.DataFrame"
    timeline: "dask.dataframe.DataFrame"
    errors: "dask.dataframe.DataFrame"

    def tables(self) -> dict[str, "dask.dataframe.DataFrame"]:
        """The fact tables by name."""
        return {"casualties": self.casualties, "territory": self.territory, "timeline": self.timeline}

    def compute(self, **kwargs: Any) -> "Extraction":
        """Compute the four tables in one pass; return a pandas ``Extraction``."""
        import dask

        from .pipeline import Extraction

        casualties, territory, timeline, errors = dask.compute(
            self.casualties, self.territory, self.timeline, self.errors, **kwargs)
        return Extraction(casualties=casualties.reset_index(drop=True), territory=territory.reset_index(drop=True),
                          timeline=timeline.reset_index(drop=True), errors=errors.reset_index(drop=True))

    def persist(self, **kwargs: Any) -> "DaskExtraction":
        """Extract once and keep the tables in the cluster's memory."""
        import dask

        persisted = dask.persist(self.casualties, self.territory, self.timeline, self.errors, **kwargs)
        return DaskExtraction(*persisted)


# --------------------------------------------------------------------------
# Work done in a partition (module-level functions: they are pickled to workers)
# --------------------------------------------------------------------------

_TABLES = ("casualties", "territory", "timeline", "errors")


def _articles(items: Iterable[Any]) -> Iterator[Article | tuple[str, str]]:
    """Articles of a partition: records as they are, paths read (a rejected file as ``(path, reason)``)."""
    from .corpus import _article_from_row, iter_corpus

    for item in items:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, (str, os.PathLike)):
            yield from iter_corpus(item)
        elif isinstance(item, dict) and item.get("article_id") and item.get("language"):
            yield Article(**{k: item.get(k) for k in Article.__dataclass_fields__})  # type: ignore[arg-type]
        elif isinstance(item, dict):  # a row of JSON or CSV: read as read_corpus reads a JSONL line
            yield _article_from_row(item, str(item.get("path") or "<record>"), None)
        else:
            yield repr(item)[:200], f"not an article or a path: {type(item).__name__}"


def _extract_partition(items: Iterable[Any]) -> list[tuple[list[Any], list[Any], list[Any], list[dict[str, Any]]]]:
    """All facts of one partition, as one bag element of four lists."""
    from .pipeline import extract_article

    casualties: list[Any] = []
    territory: list[Any] = []
    timeline: list[Any] = []
    errors: list[dict[str, Any]] = []
    for article in _articles(items):
        if isinstance(article, tuple):
            errors.append({"article_id": None, "path": article[0], "reason": article[1]})
            continue
        c, t, e, x = extract_article(article)
        casualties.extend(c)
        territory.extend(t)
        timeline.extend(e)
        errors.extend(x)
    return [(casualties, territory, timeline, errors)]


def empty_table(name: str) -> "pd.DataFrame":
    """The empty table ``name`` with the column types every partition is given (the ``meta`` of Dask)."""
    import pandas as pd

    from .pipeline import CASUALTY_COLUMNS, ERROR_COLUMNS, TERRITORY_COLUMNS, TIMELINE_COLUMNS, frame

    if name == "errors":
        return pd.DataFrame({c: pd.Series([], dtype="str") for c in ERROR_COLUMNS})
    columns = {"casualties": CASUALTY_COLUMNS, "territory": TERRITORY_COLUMNS, "timeline": TIMELINE_COLUMNS}[name]
    table = frame([], columns)
    for column, dtype in table.dtypes.items():
        if str(dtype).startswith("datetime64"):
            table[column] = table[column].astype("datetime64[us]")
        elif str(dtype) == "object":
            table[column] = table[column].astype("str")
    return table


def _table(parts: Sequence[tuple[list[Any], list[Any], list[Any], list[dict[str, Any]]]], name: str) -> "pd.DataFrame":
    """One fact table of a partition, typed as ``empty_table(name)``."""
    import pandas as pd

    from .pipeline import frame

    index = _TABLES.index(name)
    records = [record for part in parts for record in part[index]]
    meta = empty_table(name)
    if name == "errors":
        table = pd.DataFrame(records, columns=list(meta.columns))
    else:
        table = frame(records, list(meta.columns))
    return table.astype(meta.dtypes.to_dict())


# --------------------------------------------------------------------------
# The public functions
# --------------------------------------------------------------------------

def read_bag(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *,
             blocksize: int = BLOCKSIZE) -> "dask.bag.Bag":
    """A bag of the article files of a folder, a glob or a list of paths, ``blocksize`` files a partition.

    The paths are listed here, on the client; the files are read by the
    workers, which must see them at the same paths (a shared file system).
    """
    import dask.bag as db

    from .corpus import _expand

    files = [path for path, problem in _expand(paths) if problem is None]
    missing = [path for path, problem in _expand(paths) if problem is not None]
    if missing and not files:
        raise FileNotFoundError(f"no input files: {', '.join(missing)}")
    return db.from_sequence(files or [], partition_size=max(1, blocksize))


def extract(paths_or_bag: Any, *, blocksize: int = BLOCKSIZE) -> DaskExtraction:
    """Extract casualties, territory claims and timeline events on Dask.

    Parameters
    ----------
    paths_or_bag
        A ``dask.bag.Bag`` of article paths, ``Article`` records or dicts (JSON
        rows with a ``text`` field, read as ``read_corpus`` reads a JSONL line:
        build such a bag yourself to read from object storage or a database),
        a folder, a glob, a list of paths, or a list of records.
    blocksize
        Articles per partition when the bag is built here (ignored for a bag):
        a few hundred keeps the scheduler's overhead small next to the work.

    Returns
    -------
    DaskExtraction
        Lazy ``casualties``, ``territory``, ``timeline`` and ``errors`` Dask
        DataFrames with the columns and types of ``conflictnews.extract``.

    Examples
    --------
    >>> from conflictnews.dask import extract
    >>> tables = extract("data/articles", blocksize=16).compute()  # doctest: +SKIP
    """
    import dask
    import dask.bag as db
    import dask.dataframe as dd

    if blocksize < 1:
        raise ValueError(f"blocksize must be a positive number of articles, not {blocksize}")
    if isinstance(paths_or_bag, db.Bag):
        bag = paths_or_bag
    elif isinstance(paths_or_bag, (str, os.PathLike)):
        bag = read_bag(paths_or_bag, blocksize=blocksize)
    else:
        items = list(paths_or_bag)
        if items and all(isinstance(i, (str, os.PathLike)) for i in items):
            bag = read_bag(items, blocksize=blocksize)
        else:
            bag = db.from_sequence(items, partition_size=blocksize)
    facts = bag.map_partitions(_extract_partition)
    parts = facts.to_delayed()
    tables = {}
    for name in _TABLES:
        meta = empty_table(name)
        delayed_tables = [dask.delayed(_table)(part, name) for part in parts]
        tables[name] = dd.from_delayed(delayed_tables, meta=meta, verify_meta=False) if delayed_tables \
            else dd.from_pandas(meta, npartitions=1)
    return DaskExtraction(**tables)
