"""The incremental DuckDB store: extract once, then only what is new or changed."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import conflictnews as cn
from conflictnews import pipeline
from conflictnews.cli import main
from conflictnews.store import StoreResult, connect, extract_to_store, read_extraction, store_tables
from tests.conftest import DATA
from tests.interrupt import copies_of_the_sample, interruptible, kill_group, process_group, wait_for

SORT = {
    "casualties": ["article_id", "from_title", "span_start", "span_end", "outcome", "count_best"],
    "territory": ["article_id", "from_title", "span_start", "span_end", "place", "status"],
    "timeline": ["article_id", "from_title", "span_start", "span_end"],
}


def same_table(left: pd.DataFrame, right: pd.DataFrame, name: str) -> None:
    """Equal up to row order, with the column types of ``extract``."""
    def order(table: pd.DataFrame) -> pd.DataFrame:
        return table.sort_values(SORT[name], kind="stable", na_position="first").reset_index(drop=True)

    pd.testing.assert_frame_equal(order(left), order(right), check_dtype=True)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A writable copy of the bundled articles."""
    target = tmp_path / "corpus"
    shutil.copytree(DATA / "articles", target)
    return target


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The article ids ``extract_article`` is called with (the work done), in this process."""
    seen: list[str] = []
    original = pipeline.extract_article

    def counting(article: Any) -> Any:
        seen.append(article.article_id)
        return original(article)

    monkeypatch.setattr(pipeline, "extract_article", counting)
    return seen


def stored_ids(db: Path, table: str = "articles") -> set[str]:
    with connect(db, read_only=True) as connection:
        return {row[0] for row in connection.execute(f"SELECT DISTINCT article_id FROM {table}").fetchall()}


def test_first_run_stores_the_tables_extract_gives(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    result = extract_to_store(folder, db, progress=False)
    assert isinstance(result, StoreResult)
    assert (result.new, result.changed, result.skipped, result.rejected, result.failed) == (52, 0, 0, 0, 0)
    assert result.seconds > 0
    corpus = cn.read_corpus(folder, progress=False)
    expected = cn.extract(corpus, progress=False)
    stored = read_extraction(db, corpus)
    for name in SORT:
        same_table(getattr(stored, name), getattr(expected, name), name)
    with connect(db, read_only=True) as connection:
        tables = {row[0] for row in connection.execute("SHOW TABLES").fetchall()}
        assert {"articles", "casualties", "territory", "timeline", "rejected"} <= tables
        articles = connection.sql("SELECT * FROM articles ORDER BY path").df()
    assert len(articles) == 52 and articles.article_id.is_unique
    assert set(articles.article_id) == set(corpus.articles.article_id)
    assert articles.text.str.len().min() > 0 and articles.extracted_at.notna().all()


def test_second_run_does_no_extraction(folder: Path, tmp_path: Path, calls: list[str]) -> None:
    db = tmp_path / "facts.duckdb"
    extract_to_store(folder, db, progress=False)
    assert len(calls) == 52
    calls.clear()
    again = extract_to_store(folder, db, progress=False)
    assert calls == []
    assert (again.new, again.changed, again.skipped) == (0, 0, 52)
    with connect(db, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM articles").fetchone() == (52,)


def test_ten_new_files_extract_ten(folder: Path, tmp_path: Path, calls: list[str]) -> None:
    db = tmp_path / "facts.duckdb"
    extract_to_store(folder, db, progress=False)
    before = stored_ids(db)
    calls.clear()
    sources = sorted(folder.glob("*.txt"))[:10]
    for number, source in enumerate(sources):
        extra = f"\n\nGisteren kwamen nog {number + 2} burgers om het leven bij een luchtaanval.\n"
        (folder / f"new_{number:02d}.txt").write_text(source.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = extract_to_store(folder, db, progress=False)
    assert (result.new, result.changed, result.skipped) == (10, 0, 52)
    assert len(calls) == 10 and not set(calls) & before
    assert len(stored_ids(db)) == 62


def test_changed_file_replaces_its_rows(folder: Path, tmp_path: Path, calls: list[str]) -> None:
    db = tmp_path / "facts.duckdb"
    extract_to_store(folder, db, progress=False)
    path = folder / "nl_018_ghouta_296_doden.txt"
    old = cn.read_article(path).article_id
    assert old in stored_ids(db, "casualties")
    path.write_text(path.read_text(encoding="utf-8") + "\nDaarbij kwamen ook 7 soldaten om het leven.\n",
                    encoding="utf-8")
    new = cn.read_article(path).article_id
    assert new != old
    calls.clear()
    result = extract_to_store(folder, db, progress=False)
    assert (result.new, result.changed, result.skipped) == (1, 1, 51)
    assert calls == [new]
    for table in ("articles", "casualties", "timeline"):
        ids = stored_ids(db, table)
        assert old not in ids and new in ids
    with connect(db, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM articles WHERE path = ?", [str(path)]).fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM casualties WHERE article_id = ? AND count_best = 7",
                                  [new]).fetchone() == (1,)


def test_emptied_file_is_rejected_and_its_rows_go(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    extract_to_store(folder, db, progress=False)
    path = folder / "en_021_ghouta_strikes_kill_45.txt"
    old = cn.read_article(path).article_id
    path.write_bytes(b"")
    result = extract_to_store(folder, db, progress=False)
    assert (result.new, result.skipped, result.rejected) == (0, 51, 1)
    assert old not in stored_ids(db) and old not in stored_ids(db, "casualties")
    with connect(db, read_only=True) as connection:
        rejected = connection.sql("SELECT path, reason, stage FROM rejected").df()
    assert rejected.values.tolist() == [[str(path), "empty file", "read"]]
    path.write_text("Bij een aanval zijn gisteren zeker drie burgers gedood.", encoding="utf-8")
    extract_to_store(folder, db, progress=False)
    with connect(db, read_only=True) as connection:
        assert connection.execute("SELECT count(*) FROM rejected").fetchone() == (0,)


def test_moved_file_is_not_extracted_again(folder: Path, tmp_path: Path, calls: list[str]) -> None:
    db = tmp_path / "facts.duckdb"
    extract_to_store(folder, db, progress=False)
    source = folder / "nl_001_zuid_damascus_offensief.txt"
    target = folder / "renamed.txt"
    source.rename(target)
    calls.clear()
    result = extract_to_store(folder, db, progress=False)
    assert calls == [] and (result.new, result.skipped) == (0, 52)
    with connect(db, read_only=True) as connection:
        paths = {row[0] for row in connection.execute("SELECT path FROM articles").fetchall()}
    assert str(target) in paths and str(source) not in paths


def test_two_processes_store_the_same_tables(folder: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    extract_to_store(folder, one, progress=False)
    result = extract_to_store(folder, two, n_jobs=2, progress=False, batch_size=20)
    assert result.new == 52
    for name in SORT:
        same_table(getattr(read_extraction(two), name), getattr(read_extraction(one), name), name)


def test_records_dataframe_and_paths_are_accepted(folder: Path, tmp_path: Path) -> None:
    corpus = cn.read_corpus(folder, progress=False)
    assert extract_to_store(corpus.records[:5], tmp_path / "a.duckdb", progress=False).new == 5
    assert extract_to_store(corpus.articles.head(5), tmp_path / "b.duckdb", progress=False).new == 5
    paths = [str(p) for p in sorted(folder.glob("*.txt"))[:5]]
    assert extract_to_store(paths, tmp_path / "c.duckdb", progress=False).new == 5
    assert stored_ids(tmp_path / "a.duckdb") == stored_ids(tmp_path / "b.duckdb") == stored_ids(tmp_path / "c.duckdb")


def test_duplicates_in_one_run_are_rejected(tmp_path: Path) -> None:
    article = cn.read_article("Zeker drie burgers zijn gedood.")
    result = extract_to_store([article, article], tmp_path / "facts.duckdb", progress=False)
    assert (result.new, result.rejected) == (1, 1)


def test_a_failed_article_is_not_stored_and_is_tried_again(folder: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "facts.duckdb"
    bad = cn.read_article(folder / "nl_010_damascus_bijna_440_doden.txt").article_id
    original = pipeline.documents

    def failing(article: Any, **kwargs: Any) -> Any:
        if getattr(article, "article_id", None) == bad:
            raise RuntimeError("extractor bug")
        return original(article, **kwargs)

    monkeypatch.setattr(pipeline, "documents", failing)
    result = extract_to_store(folder, db, progress=False)
    assert (result.new, result.failed) == (51, 1)
    assert bad not in stored_ids(db)
    errors = read_extraction(db, cn.read_corpus(folder, progress=False)).errors
    assert errors.article_id.tolist() == [bad] and "extractor bug" in errors.reason.iloc[0]
    monkeypatch.setattr(pipeline, "documents", original)
    again = extract_to_store(folder, db, progress=False)
    assert (again.new, again.failed, again.skipped) == (1, 0, 51)
    assert bad in stored_ids(db) and read_extraction(db).errors.empty


def test_store_tables_stores_given_facts(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    corpus = cn.read_corpus(folder, progress=False)
    facts = cn.extract(corpus, progress=False)
    assert store_tables(db, corpus, facts).new == 52
    assert store_tables(db, corpus, facts).new == 52  # replaces, never duplicates
    stored = read_extraction(db, corpus)
    for name in SORT:
        same_table(getattr(stored, name), getattr(facts, name), name)


def test_connect_read_only(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "facts.duckdb"
    with pytest.raises(FileNotFoundError):
        connect(db, read_only=True)
    extract_to_store([cn.read_article("Zeker drie burgers zijn gedood.")], db, progress=False)
    with connect(db, read_only=True) as connection:
        assert connection.sql("SELECT count_best FROM casualties").fetchall() == [(3,)]
        with pytest.raises(duckdb.Error):
            connection.execute("DELETE FROM casualties")


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="n_jobs"):
        extract_to_store([], tmp_path / "x.duckdb", n_jobs=0)
    with pytest.raises(ValueError, match="batch_size"):
        extract_to_store([], tmp_path / "x.duckdb", batch_size=0)


# --------------------------------------------------------------------------
# The command line: extract --db
# --------------------------------------------------------------------------

def test_cli_db_extracts_only_what_is_new(folder: Path, tmp_path: Path, calls: list[str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "facts.duckdb"
    assert main(["extract", str(folder), "--db", str(db), "--quiet"]) == 0
    assert len(calls) == 52
    calls.clear()
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--db", str(db), "--out", str(out)]) == 0
    assert calls == []
    printed = capsys.readouterr().out
    assert "0 new" in printed and "52 already stored" in printed
    expected = cn.extract(cn.read_corpus(folder, progress=False), progress=False)
    for name in SORT:
        table = pd.read_parquet(out / f"{name}.parquet")
        assert len(table) == len(getattr(expected, name))
    assert sorted(pd.read_parquet(out / "casualties.parquet").count_best) == sorted(expected.casualties.count_best)


def test_cli_db_lists_rejected_inputs(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "empty.txt").write_bytes(b"")
    assert main(["extract", str(folder), "--db", str(tmp_path / "facts.duckdb"), "--quiet"]) == 1
    assert "empty.txt: empty file" in capsys.readouterr().err


def test_cli_db_folder_is_misuse(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(folder), "--db", str(tmp_path), "--quiet"]) == 2
    assert "is a folder" in capsys.readouterr().err


# --------------------------------------------------------------------------
# Ids given by the input, stores of another version, interrupted runs
# --------------------------------------------------------------------------

def test_a_reused_article_id_with_new_text_is_a_changed_article(tmp_path: Path, calls: list[str]) -> None:
    """An id given by the user names the article together with its text: new text under it is a change."""
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"article_id": "a-1", "text": "Zeker drie burgers zijn gedood."}), encoding="utf-8")
    second.write_text(json.dumps({"article_id": "a-1", "text": "Zeker vier soldaten zijn gedood."}), encoding="utf-8")
    db = tmp_path / "facts.duckdb"
    extract_to_store(first, db, progress=False)
    calls.clear()
    result = extract_to_store(second, db, progress=False)
    assert (result.new, result.changed, result.skipped) == (1, 1, 0)
    assert calls == ["a-1"]
    facts = read_extraction(db, ["a-1"])
    assert facts.casualties.count_best.tolist() == [4] and facts.casualties.victim_group.tolist() == ["military"]
    with connect(db, read_only=True) as connection:
        assert connection.execute("SELECT path, text FROM articles").fetchall() == [
            (f"{second}:1", "Zeker vier soldaten zijn gedood.")]
    calls.clear()
    again = extract_to_store(second, db, progress=False)
    assert (again.new, again.skipped) == (0, 1) and calls == []


def test_records_reusing_an_id_for_another_text_in_one_run(tmp_path: Path) -> None:
    one = cn.Article(article_id="x", title=None, published=None, published_precision=None, source=None, byline=None,
                     language="nl", text="Zeker drie burgers zijn gedood.", path="one")
    other = dataclasses.replace(one, text="Zeker vier burgers zijn gedood.", path="other")
    result = extract_to_store([one, other], tmp_path / "facts.duckdb", progress=False)
    assert (result.new, result.rejected) == (1, 1)
    with connect(tmp_path / "facts.duckdb", read_only=True) as connection:
        assert connection.execute("SELECT path, reason FROM rejected").fetchall() == [
            ("other", "article_id x is already the id of another text")]


def _as_another_version(db: Path) -> None:
    """Make a store look written by another version: a fact table without the place columns of the
    gazetteer (an older version), one with a column this version does not write."""
    import duckdb

    with duckdb.connect(str(db)) as connection:
        for column in ("country", "admin1", "place_precision"):
            connection.execute(f"ALTER TABLE casualties DROP COLUMN {column}")
        connection.execute("ALTER TABLE territory ADD COLUMN holder_note VARCHAR")


def test_a_store_of_another_version_is_rebuilt_with_a_message(folder: Path, tmp_path: Path,
                                                              calls: list[str]) -> None:
    db = tmp_path / "facts.duckdb"
    extract_to_store(folder, db, progress=False)
    _as_another_version(db)
    with pytest.raises(ValueError, match=r"another version.*casualties lacks country, admin1, place_precision.*"
                                         r"territory has other columns holder_note"):
        read_extraction(db)
    calls.clear()
    with pytest.warns(UserWarning, match="its tables were emptied and every article is extracted again"):
        result = extract_to_store(folder, db, progress=False)
    assert result.rebuilt is not None and "casualties lacks country" in result.rebuilt
    assert "extracted again" in str(result)
    assert (result.new, result.skipped) == (52, 0) and len(calls) == 52
    expected = cn.extract(cn.read_corpus(folder, progress=False), progress=False)
    for name in SORT:
        same_table(getattr(read_extraction(db), name), getattr(expected, name), name)
    assert extract_to_store(folder, db, progress=False).rebuilt is None


def test_cli_says_when_it_rebuilds_a_store(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "facts.duckdb"
    assert main(["extract", str(folder), "--db", str(db), "--quiet"]) == 0
    _as_another_version(db)
    out = tmp_path / "out"
    assert main(["extract", str(folder), "--db", str(db), "--out", str(out), "--quiet"]) == 0
    assert "written by another version of conflictnews" in capsys.readouterr().err
    assert "place_precision" in pd.read_parquet(out / "casualties.parquet").columns


_INTERRUPTED_RUN = """
import sys

import conflictnews as cn
from conflictnews.store import extract_to_store

folder, db = sys.argv[1], sys.argv[2]
records = cn.read_corpus(folder, progress=False).records


def articles():
    for number, article in enumerate(records):
        if number == 80:  # asked for the first article of the third batch: two batches are stored
            print("two batches stored", flush=True)
        yield article


try:
    extract_to_store(articles(), db, n_jobs=2, batch_size=40, progress=False)
except KeyboardInterrupt:
    sys.exit(130)
print("finished", flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process table in /proc")
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_an_interrupted_store_run_resumes_to_the_tables_of_a_clean_run(tmp_path: Path, signum: int) -> None:
    """Ctrl-C (to the process group, as a terminal sends it) or kill -9 (to the main process) in the
    middle of a run with two workers: every process ends, whole batches are stored, and the next run
    completes the store to the tables of a clean run."""
    corpus = copies_of_the_sample(tmp_path / "corpus", 10)  # 520 articles, 13 batches of 40
    db = tmp_path / "facts.duckdb"
    run = subprocess.Popen([sys.executable, "-c", _INTERRUPTED_RUN, str(corpus), str(db)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=interruptible)
    try:
        assert run.stdout is not None and run.stdout.readline().strip() == "two batches stored"
        # Wait until a batch is being extracted: the main process and its two workers.
        assert wait_for(lambda: len(process_group(run.pid)) >= 3 or run.poll() is not None, 60)
        assert run.poll() is None, "the run ended before it could be interrupted"
        if signum == signal.SIGINT:
            os.killpg(run.pid, signum)
        else:
            os.kill(run.pid, signum)
        started = time.monotonic()
        status = run.wait(timeout=30)
        assert status == (130 if signum == signal.SIGINT else -signal.SIGKILL), run.stderr.read()[-2000:]
        assert time.monotonic() - started < 10
        assert wait_for(lambda: not process_group(run.pid), 10), process_group(run.pid)
    finally:
        kill_group(run.pid)
    with connect(db, read_only=True) as connection:
        stored = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        orphans = [connection.execute(f"SELECT count(*) FROM {name} WHERE article_id NOT IN "
                                      "(SELECT article_id FROM articles)").fetchone()[0] for name in SORT]
    assert stored % 40 == 0 and 80 <= stored < 520, stored  # whole batches only
    assert orphans == [0, 0, 0]
    resumed = extract_to_store(corpus, db, progress=False)
    assert (resumed.skipped, resumed.new, resumed.failed) == (stored, 520 - stored, 0)
    clean = cn.read_corpus(corpus, progress=False)
    expected = cn.extract(clean, progress=False)
    for name in SORT:
        same_table(getattr(read_extraction(db, clean), name), getattr(expected, name), name)
