"""The pipeline on Dask gives the tables of ``conflictnews.extract``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import conflictnews as cn
from tests.conftest import DATA

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
cnd = pytest.importorskip("conflictnews.dask")

SORT = {
    "casualties": ["article_id", "from_title", "span_start", "span_end", "outcome", "count_best"],
    "territory": ["article_id", "from_title", "span_start", "span_end", "place", "status"],
    "timeline": ["article_id", "from_title", "span_start", "span_end"],
}


def same_tables(got: cn.Extraction, expected: cn.Extraction) -> None:
    for name, keys in SORT.items():
        left = getattr(got, name).sort_values(keys, kind="stable").reset_index(drop=True)
        right = getattr(expected, name).sort_values(keys, kind="stable").reset_index(drop=True)
        pd.testing.assert_frame_equal(left, right, check_dtype=True)


@pytest.fixture(scope="module")
def expected() -> cn.Extraction:
    return cn.extract(DATA / "articles", progress=False)


def test_import_conflictnews_does_not_import_dask() -> None:
    code = "import sys, conflictnews, conflictnews.dask; print(any(m.split('.')[0] in ('dask', 'distributed') " \
           "for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_threads_give_the_same_tables(expected: cn.Extraction) -> None:
    lazy = cnd.extract(DATA / "articles", blocksize=8)
    assert lazy.casualties.npartitions == 7
    same_tables(lazy.compute(scheduler="threads"), expected)


def test_a_bag_of_records(expected: cn.Extraction) -> None:
    corpus = cn.read_corpus(DATA / "articles", progress=False)
    bag = db.from_sequence(corpus.records, npartitions=3)
    result = cnd.extract(bag).compute(scheduler="sync")
    same_tables(result, expected)
    assert result.errors.empty


def test_meta_is_the_type_of_every_partition(expected: cn.Extraction) -> None:
    lazy = cnd.extract(sorted(str(p) for p in (DATA / "articles").glob("*.txt")), blocksize=20)
    for name in SORT:
        table = getattr(lazy, name)
        computed = table.compute(scheduler="sync")
        assert list(table.columns) == list(getattr(expected, name).columns)
        assert table.dtypes.to_dict() == computed.dtypes.to_dict() == getattr(expected, name).dtypes.to_dict()


def test_rejected_files_are_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Bij een aanval zijn gisteren zeker drie burgers gedood.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cnd.extract(tmp_path, blocksize=1).compute(scheduler="sync")
    assert result.casualties.count_best.tolist() == [3]
    assert result.errors.reason.tolist() == ["empty file"]
    assert result.errors.path.tolist() == [str(tmp_path / "empty.txt")]


def test_empty_input() -> None:
    result = cnd.extract([]).compute(scheduler="sync")
    assert result.casualties.empty and list(result.casualties.columns) == list(cnd.empty_table("casualties").columns)


def test_persist_then_compute(expected: cn.Extraction) -> None:
    lazy = cnd.extract(DATA / "articles", blocksize=26).persist(scheduler="threads")
    same_tables(lazy.compute(scheduler="threads"), expected)


@pytest.mark.slow
def test_local_cluster_of_two_processes(expected: cn.Extraction) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) \
            as cluster, distributed.Client(cluster):
        result = cnd.extract(DATA / "articles", blocksize=13).compute()
    same_tables(result, expected)


def test_a_bag_of_json_rows() -> None:
    """What ``db.read_text("s3://.../*.jsonl").map(json.loads)`` gives: dicts read as JSONL lines are."""
    rows = [{"title": "Aanval", "text": "Bij een aanval zijn gisteren zeker drie burgers gedood.",
             "published": "2018-04-24"}, {"text": "Five soldiers were killed on Monday."}, {"title": "no text"}]
    result = cnd.extract(db.from_sequence(rows, npartitions=2)).compute(scheduler="sync")
    assert sorted(result.casualties.count_best) == [3, 5]
    assert result.casualties.article_id.notna().all()
    assert result.errors.reason.str.startswith("no text").tolist() == [True]
