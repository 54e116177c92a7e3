"""An incremental DuckDB store of the fact tables: extract once, add what is new.

The store holds five tables, keyed by ``article_id`` (a hash of the title and
body, see ``corpus``, or the id a JSONL or CSV row gave, which names the
article together with its text):

``articles``
    one row per article extracted: its metadata, its body ``text``, its
    ``path`` and ``extracted_at``;
``casualties``, ``territory``, ``timeline``
    the fact tables of ``extract``, with the same columns;
``rejected``
    inputs that could not be read (``stage`` ``read``) and articles whose
    extraction failed (``stage`` ``extract``), with the reason.

``extract_to_store`` reads a corpus, looks up which articles the store already
holds, and extracts only the others. A second run on the same corpus extracts
nothing; a run after adding ten files extracts those ten. A file whose text
changed has a new ``article_id``: the rows of the old text are removed by path
before the new ones go in; an id given by the input with another text than
the stored one is a changed article too, never "already stored". A failed
article is not stored, so it is tried again on the next run. Each batch of
articles is written in one transaction: an interrupted run (Ctrl-C, or kill -9)
leaves a consistent store, and the next run goes on where it stopped.

A store written by another version of the package, whose tables have fewer or
other columns, is never mixed with this version's rows: ``extract_to_store``
empties it and extracts every article again (``StoreResult.rebuilt`` and a
warning say so), and ``read_extraction`` refuses to read it.

Files that have disappeared from the corpus stay in the store (it cannot tell
a deleted file from a file you did not pass this time); delete their rows with
``connect(path).execute("DELETE ...")`` if you need to.

Query the store from a notebook with ``connect(path, read_only=True)``, or
read a corpus's tables back as an ``Extraction`` with ``read_extraction``.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import sys
import time
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from .records import Article, as_dict

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from .corpus import Corpus
    from .pipeline import Extraction

__all__ = ["FACT_TABLES", "StoreResult", "connect", "extract_to_store", "read_extraction", "schema_differences",
           "store_tables"]

FACT_TABLES = ("casualties", "territory", "timeline")
ARTICLE_COLUMNS = ["article_id", "title", "published", "published_precision", "source", "byline", "language",
                   "text", "path", "url", "extracted_at"]
REJECTED_COLUMNS = ["path", "reason", "stage", "article_id", "recorded_at"]
_BATCH = 2000


@dataclass(frozen=True)
class StoreResult:
    """What one run did to the store.

    Attributes
    ----------
    new
        Articles extracted and stored for the first time (``changed`` included).
    changed
        Of those, articles whose path, or whose ``article_id`` (one the input
        gave), held another text before: its rows were replaced.
    skipped
        Articles already in the store: nothing extracted.
    rejected
        Inputs that could not be read (empty, binary, duplicate, ...).
    failed
        Articles whose extraction raised: not stored, tried again next run.
    seconds
        Wall-clock time of the run.
    rebuilt
        Why the store's tables were dropped and every article extracted again
        (a store written by another version of the package, whose tables have
        other columns), or ``None``.
    """

    new: int
    changed: int
    skipped: int
    rejected: int
    failed: int
    seconds: float
    rebuilt: str | None = None

    def __str__(self) -> str:
        text = (f"{self.new} new ({self.changed} changed), {self.skipped} already stored, "
                f"{self.rejected} rejected, {self.failed} failed, {self.seconds:.1f} s")
        return text + (f"; {self.rebuilt}" if self.rebuilt else "")


# --------------------------------------------------------------------------
# Schema
# --------------------------------------------------------------------------

def _sql_type(dtype: Any) -> str:
    name = str(dtype)
    if name in ("Int64", "int64", "Int32", "int32"):
        return "BIGINT"
    if name.startswith(("float", "Float")):
        return "DOUBLE"
    if name in ("bool", "boolean"):
        return "BOOLEAN"
    if name.startswith("datetime64"):
        return "TIMESTAMP"
    return "VARCHAR"


def _fact_columns() -> dict[str, "pd.DataFrame"]:
    """An empty frame per fact table, with the column types of ``pipeline.frame``."""
    from .pipeline import CASUALTY_COLUMNS, TERRITORY_COLUMNS, TIMELINE_COLUMNS, frame

    return {"casualties": frame([], CASUALTY_COLUMNS), "territory": frame([], TERRITORY_COLUMNS),
            "timeline": frame([], TIMELINE_COLUMNS)}


def _schema() -> list[str]:
    statements = [
        ("CREATE TABLE IF NOT EXISTS articles (article_id VARCHAR PRIMARY KEY, title VARCHAR, published TIMESTAMP, "
         "published_precision VARCHAR, source VARCHAR, byline VARCHAR, language VARCHAR, text VARCHAR, "
         "path VARCHAR, url VARCHAR, extracted_at TIMESTAMP)"),
        "ALTER TABLE articles ADD COLUMN IF NOT EXISTS url VARCHAR",  # a store made before pages had addresses
        ("CREATE TABLE IF NOT EXISTS rejected (path VARCHAR, reason VARCHAR, stage VARCHAR, article_id VARCHAR, "
         "recorded_at TIMESTAMP)"),
    ]
    for name, empty in _fact_columns().items():
        columns = ", ".join(f'"{column}" {_sql_type(dtype)}' for column, dtype in empty.dtypes.items())
        statements.append(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    return statements


def _expected_columns() -> dict[str, dict[str, str]]:
    """The columns of each table of the store, and their SQL types, as this version writes them."""
    tables: dict[str, dict[str, str]] = {}
    for statement in _schema():
        if not statement.startswith("CREATE TABLE"):
            continue  # a column added to an older store in place (ALTER TABLE ... ADD COLUMN IF NOT EXISTS)
        name, _, columns = statement.removeprefix("CREATE TABLE IF NOT EXISTS ").partition(" (")
        tables[name] = {}
        for column in columns.rstrip(")").split(", "):
            column_name, sql_type = column.split(" ")[:2]
            tables[name][column_name.strip('"')] = sql_type
    return tables


def schema_differences(connection: "duckdb.DuckDBPyConnection") -> list[str]:
    """How the store's tables differ from the tables this version writes (an empty list: they do not).

    A store written by an older or newer version of the package may have fact
    tables with fewer or other columns; its rows must not be mixed with new ones.
    """
    rows = connection.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = current_schema()").fetchall()
    found: dict[str, dict[str, str]] = {}
    for table, column, sql_type in rows:
        found.setdefault(table, {})[column] = str(sql_type).upper()
    differences = []
    for table, expected in _expected_columns().items():
        if table not in found:
            continue
        have = found[table]
        missing = [c for c in expected if c not in have]
        extra = [c for c in have if c not in expected]
        retyped = [f"{c} ({have[c]}, now {t})" for c, t in expected.items() if c in have and have[c] != t]
        parts = [f"{label} {', '.join(names)}" for label, names in
                 (("lacks", missing), ("has other columns", extra), ("has other types", retyped)) if names]
        if parts:
            differences.append(f"{table} {'; '.join(parts)}")
    return differences


def _rebuild_if_other_version(connection: "duckdb.DuckDBPyConnection", path: str | os.PathLike[str]) -> str | None:
    """Drop the tables of a store written by another version, so that every article is extracted again.

    Returns what was done and why, or ``None`` when the store has this version's tables.
    """
    differences = schema_differences(connection)
    if not differences:
        return None
    connection.execute("BEGIN TRANSACTION")
    try:
        for table in ("articles", "rejected", *FACT_TABLES):
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _schema():
            connection.execute(statement)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    message = (f"the store {os.fspath(path)} was written by another version of conflictnews "
               f"({'; '.join(differences)}): its tables were emptied and every article is extracted again")
    warnings.warn(message, UserWarning, stacklevel=3)
    return message


def connect(db_path: str | os.PathLike[str], *, read_only: bool = False) -> "duckdb.DuckDBPyConnection":
    """Open the store (created with its tables when missing, unless ``read_only``).

    Parameters
    ----------
    db_path
        The DuckDB file.
    read_only
        Open without write access (several notebooks may read at once; a
        writer must wait until they close). The file must exist.

    Returns
    -------
    duckdb.DuckDBPyConnection
        Query it with SQL: ``connect(path, read_only=True).sql("SELECT ...").df()``.
    """
    import duckdb

    path = Path(db_path)
    if read_only:
        if not path.is_file():
            raise FileNotFoundError(f"no store at {path}")
        return duckdb.connect(str(path), read_only=True)
    if path.parent != Path("") and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(path))
    for statement in _schema():
        connection.execute(statement)
    return connection


# --------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------

Item = Article | tuple[str, str]


def _items(source: Any, *, lang: str | None, text_column: str | None) -> Iterator[Item]:
    """Articles and ``(path, reason)`` rejections from a Corpus, a DataFrame, records or paths."""
    from .corpus import Corpus, _article_from_row, iter_corpus

    if isinstance(source, Corpus):
        yield from source.records
        for row in source.errors.itertuples(index=False):
            yield str(row.path), str(row.reason)
        return
    if isinstance(source, (str, os.PathLike)):
        yield from iter_corpus(source, lang=lang, text_column=text_column)
        return
    if hasattr(source, "to_dict") and hasattr(source, "columns"):
        source = source.to_dict("records")
    iterator = iter(source)
    first = next(iterator, None)
    if first is None:
        return
    items = itertools.chain([first], iterator)
    if isinstance(first, (str, os.PathLike)):
        yield from iter_corpus(list(items), lang=lang, text_column=text_column)
        return
    for item in items:
        if isinstance(item, Article):
            yield item
        elif isinstance(item, dict) and item.get("article_id") and item.get("language"):
            yield Article(**{k: item.get(k) for k in Article.__dataclass_fields__})  # type: ignore[arg-type]
        elif isinstance(item, dict):  # a row of JSON or CSV: read as read_corpus reads a JSONL line
            yield _article_from_row(item, str(item.get("path") or "<record>"), text_column)
        else:
            raise TypeError(f"expected Article records, dicts or paths, not {type(item).__name__}")


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------

def _articles_frame(articles: Sequence[Article], stamp: datetime) -> "pd.DataFrame":
    import pandas as pd

    rows = [{**as_dict(a), "extracted_at": stamp} for a in articles]
    table = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    table["published"] = pd.to_datetime(table["published"])
    table["extracted_at"] = pd.to_datetime(table["extracted_at"])
    return table


def _insert(connection: "duckdb.DuckDBPyConnection", table: str, frame: "pd.DataFrame") -> None:
    if frame.empty:
        return
    connection.register("_incoming", frame)
    try:
        connection.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
    finally:
        connection.unregister("_incoming")


def _delete_articles(connection: "duckdb.DuckDBPyConnection", ids: Sequence[str]) -> None:
    if not ids:
        return
    import pandas as pd

    connection.register("_gone", pd.DataFrame({"article_id": list(ids)}))
    try:
        for table in ("articles", *FACT_TABLES):
            connection.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _gone)")
    finally:
        connection.unregister("_gone")


@dataclass
class _Plan:
    """What to do with one batch: which articles are new, which stored rows are stale, which moved."""

    new: list[Article]
    changed: int
    skipped: int
    stale: list[str]
    moved: list[tuple[str | None, str]]


def _plan(connection: "duckdb.DuckDBPyConnection", articles: Sequence[Article], rejected_paths: Sequence[str], *,
          replace: bool) -> _Plan:
    """Compare a batch with the store.

    New articles are those whose id the store lacks. Stored rows are stale when
    their path now holds another text, or an input that was rejected (a file
    emptied or made a duplicate), unless the batch holds their text too.
    """
    import pandas as pd

    batch_ids = [a.article_id for a in articles]
    paths = [a.path for a in articles if a.path] + list(rejected_paths)
    connection.register("_ids", pd.DataFrame({"article_id": batch_ids}, columns=["article_id"], dtype=object))
    connection.register("_paths", pd.DataFrame({"path": paths}, columns=["path"], dtype=object))
    try:
        stored = {article_id: (path, digest) for article_id, path, digest in connection.execute(
            f"SELECT article_id, path, {_TEXT_HASH} FROM articles "
            "WHERE article_id IN (SELECT article_id FROM _ids)").fetchall()}
        stale_rows = connection.execute(
            "SELECT article_id, path FROM articles WHERE path IN (SELECT path FROM _paths) "
            "AND article_id NOT IN (SELECT article_id FROM _ids)").fetchall()
    finally:
        connection.unregister("_ids")
        connection.unregister("_paths")
    stale = [article_id for article_id, _ in stale_rows]
    stale_paths = {path for _, path in stale_rows}
    # An id the input gave (a JSONL or CSV column) names an article together with its text:
    # the same id with another text is a changed article, never "already stored".
    rewritten = {a.article_id for a in articles if a.article_id in stored and stored[a.article_id][1] != _text_hash(a)}
    moved = [(a.path, a.article_id) for a in articles
             if a.article_id in stored and a.article_id not in rewritten and stored[a.article_id][0] != a.path]
    if replace:
        new = list(articles)
        stale.extend(a.article_id for a in articles if a.article_id in stored)
        skipped = 0
        moved = []
    else:
        new = [a for a in articles if a.article_id not in stored or a.article_id in rewritten]
        stale.extend(rewritten)
        skipped = len(articles) - len(new)
    changed = sum(1 for a in new if a.path in stale_paths or a.article_id in rewritten)
    return _Plan(new=new, changed=changed, skipped=skipped, stale=sorted(set(stale)), moved=moved)


# The hash of a stored article's title and body, computed by DuckDB, and the same in Python.
_TEXT_HASH = "md5(coalesce(title, '') || chr(10) || coalesce(text, ''))"


def _text_hash(article: Article) -> str:
    title = article.title if isinstance(article.title, str) else ""
    text = article.text if isinstance(article.text, str) else ""
    return hashlib.md5((title + "\n" + text).encode("utf-8", "surrogatepass")).hexdigest()


def _write(connection: "duckdb.DuckDBPyConnection", plan: _Plan, facts: "Extraction",
           rejected: Sequence[tuple[str, str]], seen_paths: Sequence[str], stamp: datetime) -> int:
    """Write one batch in one transaction; return the number of articles whose extraction failed."""
    import pandas as pd

    failed_ids = {str(i) for i in facts.errors["article_id"].dropna()} if len(facts.errors) else set()
    stored = [a for a in plan.new if a.article_id not in failed_ids]
    kept = {a.article_id for a in stored}
    rows: list[dict[str, Any]] = [
        {"path": path, "reason": reason, "stage": "read", "article_id": None, "recorded_at": stamp}
        for path, reason in rejected]
    rows += [{"path": e.path, "reason": e.reason, "stage": "extract", "article_id": e.article_id,
              "recorded_at": stamp} for e in facts.errors.itertuples(index=False)]
    rejected_frame = pd.DataFrame(rows, columns=REJECTED_COLUMNS)
    rejected_frame["recorded_at"] = pd.to_datetime(rejected_frame["recorded_at"])
    connection.execute("BEGIN TRANSACTION")
    try:
        _delete_articles(connection, plan.stale)
        if plan.moved:
            connection.executemany("UPDATE articles SET path = ? WHERE article_id = ?", plan.moved)
        if seen_paths:
            connection.register("_paths", pd.DataFrame({"path": list(seen_paths)}))
            try:
                connection.execute("DELETE FROM rejected WHERE path IN (SELECT path FROM _paths)")
            finally:
                connection.unregister("_paths")
        _insert(connection, "articles", _articles_frame(stored, stamp))
        for name, table in facts.tables().items():
            if failed_ids:
                table = table[table["article_id"].isin(kept)]
            _insert(connection, name, table)
        _insert(connection, "rejected", rejected_frame)
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return len(plan.new) - len(stored)


def extract_to_store(corpus_or_paths: Any, db_path: str | os.PathLike[str], *, n_jobs: int = 1,
                     progress: bool | None = None, lang: str | None = None, text_column: str | None = None,
                     batch_size: int = _BATCH) -> StoreResult:
    """Extract the articles the store does not hold yet, and store their facts.

    Parameters
    ----------
    corpus_or_paths
        A ``Corpus`` from ``read_corpus`` (its rejected inputs are stored too),
        a DataFrame of articles, an iterable of ``Article`` records, or paths
        (folder, glob, files; streamed from disk, never held in memory whole).
    db_path
        The DuckDB file; created when missing.
    n_jobs
        Worker processes for extraction (``-1``: every core), as in ``extract``.
    progress
        Show a progress bar; ``None`` shows one only on an interactive terminal.
    lang, text_column
        Passed to ``read_corpus`` when reading paths.
    batch_size
        Articles compared, extracted and written together, in one transaction.

    Returns
    -------
    StoreResult
        How many articles were new, changed, skipped, rejected and failed, and
        the time taken.

    Examples
    --------
    >>> import os, tempfile
    >>> from conflictnews import read_article
    >>> store = os.path.join(tempfile.mkdtemp(), "facts.duckdb")
    >>> article = read_article("Bij een aanval zijn gisteren zeker drie burgers gedood.")
    >>> extract_to_store([article], store, progress=False).new
    1
    >>> again = extract_to_store([article], store, progress=False)
    >>> again.new, again.skipped
    (0, 1)
    """
    from .pipeline import extract

    if n_jobs == 0 or n_jobs < -1:
        raise ValueError(f"n_jobs must be a positive number of processes or -1, not {n_jobs}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be positive, not {batch_size}")
    started = time.perf_counter()
    totals = {"new": 0, "changed": 0, "skipped": 0, "rejected": 0, "failed": 0}
    items: Iterable[Item] = _items(corpus_or_paths, lang=lang, text_column=text_column)
    bar = None
    if progress or (progress is None and sys.stderr.isatty()):
        from tqdm.auto import tqdm

        bar = tqdm(desc="storing", unit=" articles")
    seen: dict[str, str] = {}  # article_id -> hash of its title and text
    connection = connect(db_path)
    try:
        rebuilt = _rebuild_if_other_version(connection, db_path)
        for batch in _batches(items, batch_size):
            articles: list[Article] = []
            rejected: list[tuple[str, str]] = []
            for item in batch:
                if isinstance(item, Article):
                    digest = _text_hash(item)
                    if item.article_id in seen:
                        rejected.append((item.path or item.article_id, "duplicate of an earlier article"
                                         if seen[item.article_id] == digest else
                                         f"article_id {item.article_id} is already the id of another text"))
                        continue
                    seen[item.article_id] = digest
                    articles.append(item)
                else:
                    rejected.append(item)
            plan = _plan(connection, articles, [path for path, _ in rejected], replace=False)
            facts = extract(plan.new, n_jobs=n_jobs if len(plan.new) > 1 else 1, progress=False)
            paths = [a.path for a in articles if a.path] + [path for path, _ in rejected]
            failed = _write(connection, plan, facts, rejected, paths, datetime.now())
            totals["new"] += len(plan.new) - failed
            totals["changed"] += plan.changed
            totals["skipped"] += plan.skipped
            totals["rejected"] += len(rejected)
            totals["failed"] += failed
            if bar is not None:
                bar.update(len(batch))
                bar.set_postfix(new=totals["new"], skipped=totals["skipped"])
    finally:
        connection.close()
        if bar is not None:
            bar.close()
    return StoreResult(**totals, seconds=time.perf_counter() - started, rebuilt=rebuilt)


def store_tables(db_path: str | os.PathLike[str], corpus: "Corpus", extraction: "Extraction") -> StoreResult:
    """Store a corpus and the facts already extracted from it (replacing the rows of its articles).

    Use ``extract_to_store`` to extract only what the store lacks; this
    function is for tables you extracted yourself.
    """
    started = time.perf_counter()
    articles = list(corpus.records)
    rejected = [(str(row.path), str(row.reason)) for row in corpus.errors.itertuples(index=False)]
    connection = connect(db_path)
    try:
        rebuilt = _rebuild_if_other_version(connection, db_path)
        plan = _plan(connection, articles, [path for path, _ in rejected], replace=True)
        paths = [a.path for a in articles if a.path] + [path for path, _ in rejected]
        failed = _write(connection, plan, extraction, rejected, paths, datetime.now())
    finally:
        connection.close()
    return StoreResult(new=len(plan.new) - failed, changed=plan.changed, skipped=0, rejected=len(rejected),
                       failed=failed, seconds=time.perf_counter() - started, rebuilt=rebuilt)


# --------------------------------------------------------------------------
# Reading back
# --------------------------------------------------------------------------

def _conform(table: "pd.DataFrame", empty: "pd.DataFrame") -> "pd.DataFrame":
    """Give a table read from DuckDB the column types of ``pipeline.frame``."""
    import pandas as pd

    for column, dtype in empty.dtypes.items():
        if str(dtype).startswith("datetime64"):
            table[column] = pd.to_datetime(table[column]).astype("datetime64[us]")
        elif str(dtype) != "object" and str(table[column].dtype) != str(dtype):
            table[column] = table[column].astype(dtype)
    return table.reset_index(drop=True)


def read_extraction(db_path: str | os.PathLike[str], corpus: Any = None) -> "Extraction":
    """Read fact tables back from the store as an ``Extraction``.

    Parameters
    ----------
    db_path
        The DuckDB file.
    corpus
        Limit the tables to these articles (a ``Corpus``, a DataFrame with an
        ``article_id`` column, or article ids); ``None`` reads every article.

    Returns
    -------
    Extraction
        The same tables ``extract`` gives, ordered by article (in the corpus's
        order), headline first, then by position in the text; ``.errors`` lists
        the articles whose extraction failed.

    Raises
    ------
    ValueError
        If the store was written by another version of the package whose
        tables have other columns (``extract_to_store`` rebuilds such a store).
    """
    import pandas as pd

    from .corpus import Corpus
    from .pipeline import ERROR_COLUMNS, Extraction

    ids: list[str] | None
    if corpus is None:
        ids = None
    elif isinstance(corpus, Corpus):
        ids = [a.article_id for a in corpus.records]
    elif hasattr(corpus, "columns"):
        ids = [str(i) for i in corpus["article_id"]]
    else:
        ids = [str(i) for i in corpus]
    connection = connect(db_path, read_only=True)
    try:
        differences = schema_differences(connection)
        if differences:
            raise ValueError(f"the store {os.fspath(db_path)} was written by another version of conflictnews "
                             f"({'; '.join(differences)}): store the corpus again (extract_to_store, or "
                             f"conflictnews extract --db), which extracts every article again")
        if ids is None:
            order = pd.DataFrame({"article_id": [r[0] for r in connection.execute(
                "SELECT article_id FROM articles ORDER BY path, article_id").fetchall()]})
        else:
            order = pd.DataFrame({"article_id": ids})
        order["position"] = range(len(order))
        connection.register("_order", order)
        tables = {}
        for name, empty in _fact_columns().items():
            columns = ", ".join(f't."{c}"' for c in empty.columns)
            table = connection.execute(
                f"SELECT {columns} FROM {name} t JOIN _order o USING (article_id) "
                "ORDER BY o.position, t.from_title DESC, t.span_start, t.span_end").df()
            tables[name] = _conform(table, empty)
        errors = connection.execute(
            "SELECT r.article_id, r.path, r.reason FROM rejected r JOIN _order o USING (article_id) "
            "WHERE r.stage = 'extract' ORDER BY o.position").df()
    finally:
        connection.close()
    return Extraction(casualties=tables["casualties"], territory=tables["territory"], timeline=tables["timeline"],
                      errors=errors.loc[:, ERROR_COLUMNS])
