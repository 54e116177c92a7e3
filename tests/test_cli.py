"""The command line: what it writes, and its exit status."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from conflictnews.cli import main
from conflictnews.corpus import read_corpus
from conflictnews.pipeline import extract
from tests.conftest import DATA
from tests.interrupt import copies_of_the_sample, interruptible, kill_group, process_group, wait_for


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "conflictnews.cli", *args], capture_output=True, text=True,
                          timeout=600)


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("extract", "report", "evaluate"):
        assert command in result.stdout


def test_no_command_is_misuse(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2


def test_missing_corpus_is_misuse_without_traceback() -> None:
    result = run("extract", "no/such/folder", "--out", "x")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr and "Traceback" not in result.stderr


def test_bad_option_is_misuse() -> None:
    result = run("extract", "--jobs", "many", str(DATA))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_extract_writes_tables(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bij een aanval zijn gisteren zeker drie burgers gedood.", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--quiet"]) == 0
    casualties = pd.read_csv(out / "casualties.csv")
    assert casualties.count_best.tolist() == [3]
    assert (out / "casualties.parquet").exists() and (out / "articles.csv").exists()


def test_rejected_inputs_exit_1(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Zeker drie burgers zijn gedood.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    result = run("extract", str(corpus), "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 1
    assert "empty.txt: empty file" in result.stderr


def test_evaluate_gold(tmp_path: Path) -> None:
    result = run("evaluate", str(DATA / "gold.jsonl"), "--misses", "3")
    assert result.returncode == 0
    assert "precision" in result.stdout and "F1" in result.stdout


def test_evaluate_missing_gold_is_misuse() -> None:
    result = run("evaluate", "nothing.jsonl")
    assert result.returncode == 2 and "no such gold file" in result.stderr


# --------------------------------------------------------------------------
# Ctrl-C, checks before the work, spreadsheets, bad gold, the bundled folder
# --------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process table in /proc")
@pytest.mark.parametrize("with_store", [False, True], ids=["jobs-2", "jobs-2-db"])
def test_ctrl_c_during_jobs_2_stops_every_process(tmp_path: Path, with_store: bool) -> None:
    """Ctrl-C reaches the whole process group: the workers ignore it, the main process stops them and exits 130."""
    corpus = copies_of_the_sample(tmp_path / "corpus", 20)  # 1,040 articles
    db, out = tmp_path / "facts.duckdb", tmp_path / "out"
    args = ["extract", str(corpus), "--jobs", "2", "--quiet", "--out", str(out)] + (["--db", str(db)] * with_store)
    run = subprocess.Popen([sys.executable, "-m", "conflictnews.cli", *args], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=interruptible)
    try:
        assert wait_for(lambda: len(process_group(run.pid)) >= 3 or run.poll() is not None, 120)
        assert run.poll() is None, "the run ended before Ctrl-C could be sent"
        os.killpg(run.pid, signal.SIGINT)
        started = time.monotonic()
        _, stderr = run.communicate(timeout=30)
        assert run.returncode == 130 and time.monotonic() - started < 10
        assert "interrupted" in stderr and "Traceback" not in stderr
        assert wait_for(lambda: not process_group(run.pid), 10), process_group(run.pid)
    finally:
        kill_group(run.pid)
    assert not out.exists()  # nothing half-written
    if with_store:  # the store is free and consistent: a rerun gives the tables of a clean run
        assert main(["extract", str(corpus), "--db", str(db), "--out", str(out), "--quiet"]) == 0
        expected = extract(read_corpus(corpus, progress=False), progress=False)
        for name in ("casualties", "territory", "timeline"):
            stored = pd.read_parquet(out / f"{name}.parquet")
            assert len(stored) == len(getattr(expected, name))
            columns = ["article_id", "from_title", "span_start", "span_end"]
            assert (stored[columns].sort_values(columns).values.tolist()
                    == getattr(expected, name)[columns].sort_values(columns).values.tolist())


def test_extract_csv_does_not_run_titles_or_sentences_as_formulas(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(json.dumps({
        "title": '=HYPERLINK("http://example.org","klik")',
        "text": "-5 graden. @bron: zeker drie burgers zijn gedood.\n\n+ Zeker vier soldaten zijn gedood."}),
        encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--quiet"]) == 0
    for table, column in (("articles", "title"), ("casualties", "sentence")):
        cells = pd.read_csv(out / f"{table}.csv", dtype=str)[column].tolist()
        assert cells and not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert pd.read_parquet(out / "articles.parquet").title.tolist() == ['=HYPERLINK("http://example.org","klik")']
    assert pd.read_parquet(out / "casualties.parquet").sentence.str.startswith(("-", "+")).all()


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the command line read and extracted, in this process."""
    from conflictnews import corpus, pipeline

    done: list[str] = []
    read, work = corpus.read_corpus, pipeline.extract

    def reading(*args: Any, **kwargs: Any) -> Any:
        done.append("read")
        return read(*args, **kwargs)

    def extracting(*args: Any, **kwargs: Any) -> Any:
        done.append("extract")
        return work(*args, **kwargs)

    monkeypatch.setattr(corpus, "read_corpus", reading)
    monkeypatch.setattr(pipeline, "extract", extracting)
    return done


@pytest.mark.parametrize("command", ["extract", "report"])
def test_a_bad_out_is_reported_before_any_work(tmp_path: Path, counted: list[str], command: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert main([command, str(DATA / "articles"), "--out", str(tmp_path / "a-file" / "out"), "--quiet"]) == 2
    assert "cannot be created" in capsys.readouterr().err
    assert counted == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DuckDB's file lock between processes")
def test_a_locked_store_is_reported_before_any_work(tmp_path: Path, counted: list[str],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "facts.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('locked', flush=True); time.sleep(120)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert main(["extract", str(DATA / "articles"), "--db", str(db), "--quiet"]) == 2
    finally:
        holder.kill()
        holder.wait()
    assert "cannot use the store" in capsys.readouterr().err
    assert counted == []


GOLD_LINE = {"file": "nl_018_ghouta_296_doden.txt", "language": "nl", "territory": []}


@pytest.mark.parametrize("casualties, message", [
    ("oops", "'casualties' must be a list of objects"),
    ([{"outcome": "killed", "qualifier": "exact"}], "casualties[0] has no 'count_best' (or 'count')"),
    ([{"outcome": "killed", "count_best": "many"}], "the count must be a whole number of people"),
    ([{"count_best": 3}], "casualties[0] has no 'outcome'"),
], ids=["not-a-list", "no-count", "count-not-a-number", "no-outcome"])
def test_evaluate_bad_gold_is_a_message_and_exit_2(tmp_path: Path, casualties: Any, message: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({**GOLD_LINE, "casualties": casualties}) + "\n", encoding="utf-8")
    result = run("evaluate", str(gold), "--corpus", str(DATA / "articles"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{gold}:1" in result.stderr and message in result.stderr


def test_evaluate_reads_count_as_count_best(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The layout of docs/annotation.md with ``count`` scores as with ``count_best``."""
    line = next(json.loads(line) for line in (DATA / "gold.jsonl").read_text(encoding="utf-8").splitlines()
                if json.loads(line)["file"] == GOLD_LINE["file"])
    scores = []
    for name in ("count_best", "count"):
        facts = [{**{k: v for k, v in fact.items() if k != "count_best"}, name: fact["count_best"]}
                 for fact in line["casualties"]]
        gold = tmp_path / f"{name}.jsonl"
        gold.write_text(json.dumps({**line, "casualties": facts}) + "\n", encoding="utf-8")
        assert main(["evaluate", str(gold), "--corpus", str(DATA / "articles")]) == 0
        scores.append(capsys.readouterr().out.splitlines()[1])
    assert scores[0] == scores[1] and "gold 7" in scores[0]


def test_report_on_the_bundled_data_folder_reads_its_articles_alone(tmp_path: Path) -> None:
    """``conflictnews report data --out r``, as data/README.md says: the 52 articles, nothing rejected."""
    result = run("report", str(DATA), "--out", str(tmp_path / "r"), "--quiet")
    assert result.returncode == 0, result.stderr
    articles = pd.read_csv(tmp_path / "r" / "tables" / "articles.csv")
    assert len(articles) == 52 and not articles.path.str.endswith(("README.md", ".jsonl")).any()


def test_the_readme_commands_are_the_ones_that_work() -> None:
    """Every ``conflictnews`` command the README and data/README.md show names inputs that exist."""
    root = DATA.parent
    shown = re.findall(r"conflictnews (?:report|extract) ([^\s`)]+)",
                       (root / "README.md").read_text(encoding="utf-8")
                       + (DATA / "README.md").read_text(encoding="utf-8"))
    corpora = [c for c in shown if c.startswith("data")]
    assert corpora
    for corpus in corpora:
        read = read_corpus(root / corpus, progress=False)
        assert len(read.articles) == 52 and read.errors.empty, corpus
