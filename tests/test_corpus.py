"""Reading corpora: formats, metadata, and nothing lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

import conflictnews as cn
from tests.conftest import SHARED, needs_shared

HLN = (" date 2018-05 Twaalf doden bij aanval op dorp in Syrië KVE\n\n7 mei 2018\n\n09u15\n\n"
       "Bron: Belga 0 Bij een aanval op een dorp zijn gisteren zeker twaalf burgers omgekomen.\n")


def test_hln_page(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(HLN, encoding="utf-8")
    article = cn.read_article(path)
    assert article.title == "Twaalf doden bij aanval op dorp in Syrië"
    assert article.byline == "KVE"
    assert article.published == pd.Timestamp("2018-05-07 09:15")
    assert article.published_precision == "minute"
    assert article.source == "Belga"
    assert article.text.startswith("Bij een aanval")
    assert article.language == "nl"


def test_crawl_month_is_only_a_fallback(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(" date 2019-07 Bij een aanval kwamen gisteren drie burgers om.", encoding="utf-8")
    article = cn.read_article(path)
    assert article.published == pd.Timestamp("2019-07-01") and article.published_precision == "month"
    reports = cn.extract_casualties(article)
    assert reports[0].count_best == 3
    # never guess a day: "gisteren" on a page known only to its month lies somewhere in that month
    assert reports[0].date_precision == "month"
    assert (reports[0].period_start, reports[0].period_end) == (pd.Timestamp("2019-07-01"), pd.Timestamp("2019-07-31"))


def test_article_id_is_stable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HLN, encoding="utf-8")
    first = cn.read_article(tmp_path / "a.txt").article_id
    assert first == cn.read_article(tmp_path / "a.txt").article_id
    (tmp_path / "a.txt").write_text(HLN.replace("twaalf", "dertien"), encoding="utf-8")
    assert cn.read_article(tmp_path / "a.txt").article_id != first


def test_headline_without_prefix() -> None:
    article = cn.read_article("Zeven doden bij aanslag in Syrië\n\nBij een aanslag zijn zeven mensen omgekomen.")
    assert article.title == "Zeven doden bij aanslag in Syrië"
    assert [r.from_title for r in cn.extract_casualties(article)] == [True, False]


def test_english_dateline_source() -> None:
    article = cn.read_article("Strikes kill 12\n\nBEIRUT (AFP) - Air strikes killed 12 civilians on Sunday.")
    assert article.source == "AFP" and article.language == "en"


def test_jsonl_and_csv(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n".join([
        json.dumps({"title": "T", "text": "Zeker vijf burgers zijn gedood.", "published": "2018-04-24"}),
        "not json",
        json.dumps({"title": "empty", "text": ""}),
    ]), encoding="utf-8")
    (tmp_path / "b.csv").write_text("event_date,notes,fatalities\n2020-05-01,Three soldiers were killed.,3\n",
                                    encoding="utf-8")
    corpus = cn.read_corpus(tmp_path)
    assert len(corpus.articles) == 2
    assert sorted(corpus.articles.language) == ["en", "nl"]
    assert corpus.articles.published.notna().all()
    assert len(corpus.errors) == 2
    assert {reason.split(":")[0] for reason in corpus.errors.reason} == {"not JSON", "no text in column text"}


def test_csv_without_text_column(tmp_path: Path) -> None:
    (tmp_path / "c.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    corpus = cn.read_corpus(tmp_path / "c.csv")
    assert corpus.articles.empty and "no text column" in corpus.errors.reason[0]


def test_bad_files_nothing_lost(tmp_path: Path) -> None:
    """Empty, binary, cp1252, BOM, HTML, too large, a folder, a missing path: every input accounted for."""
    body = "Bij een aanval zijn gisteren zeker drie burgers gedood. "
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "cp1252.txt").write_bytes(("Café-aanval: " + body).encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    (tmp_path / "page.html").write_text(f"<html><head><title>Aanval</title><script>x=1</script></head>"
                                        f"<body><p>{body}</p></body></html>", encoding="utf-8")
    (tmp_path / "large.txt").write_bytes(b"a " * 10_500_000)
    (tmp_path / "only-space.txt").write_text("   \n\n ", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "copy.txt").write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    inputs = [tmp_path, tmp_path / "missing.txt"]
    corpus = cn.read_corpus(inputs)
    reasons = dict(zip(corpus.errors.path.map(lambda p: Path(p).name), corpus.errors.reason))
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.bin"] == "binary file, not text"
    assert reasons["large.txt"].startswith("too large")
    assert reasons["only-space.txt"] == "no body text"
    assert reasons["missing.txt"] == "no such file or folder"
    assert reasons["copy.txt"].startswith("duplicate of")
    read = set(corpus.articles.path.map(lambda p: Path(p).name))
    assert read == {"cp1252.txt", "bom.txt", "page.html"}
    assert len(read) + len(reasons) == 9  # 8 files and a missing path: every one accounted for
    html = corpus.articles.set_index(corpus.articles.path.map(lambda p: Path(p).name)).loc["page.html"]
    assert html.title == "Aanval" and "x=1" not in html.text
    assert corpus.articles.text.str.contains("Café").any()


def test_errors_raise(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(ValueError, match="empty file"):
        cn.read_corpus(tmp_path, errors="raise")


def test_unsupported_language() -> None:
    with pytest.raises(ValueError, match="supported are 'nl', 'en'"):
        cn.read_corpus([], lang="fr")
    with pytest.raises(ValueError, match="supported are"):
        cn.extract_casualties("tekst", lang="de")


@needs_shared("corpus")
def test_shared_corpus_every_file_accounted_for() -> None:
    files = [p for p in (SHARED / "corpus").rglob("*.txt")]
    corpus = cn.read_corpus([*files, SHARED / "seed" / "000_d6b52ef17356cc05.txt"])
    assert len(files) == 80
    assert len(corpus.articles) + len(corpus.errors) == 81
    assert corpus.errors.empty
    assert corpus.articles.article_id.is_unique
    assert set(corpus.articles.language) == {"nl", "en"}
    by_name = corpus.articles.set_index(corpus.articles.path.map(lambda p: Path(p).name))
    assert by_name.loc["nl0007_hln.txt"].published == pd.Timestamp("2019-06-02 23:34")
    assert by_name.loc["nl0002_telegraaf.txt"].published_precision == "month"
    assert (by_name.language.str.startswith("nl") == by_name.index.str.startswith(("nl", "000"))).all()
