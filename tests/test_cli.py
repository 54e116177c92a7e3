"""The command line: what it writes, and its exit status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conflictnews.cli import main
from tests.conftest import DATA


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
