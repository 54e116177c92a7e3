"""Reading corpora: formats, metadata, and nothing lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

import conflictnews as cn
from tests.conftest import DATA, SHARED, needs_shared

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


# --------------------------------------------------------------------------
# Hostile or broken input: one bad line, row or file never takes others with it
# --------------------------------------------------------------------------

def _reasons(corpus: cn.Corpus) -> dict[str, str]:
    return {Path(p).name: r for p, r in zip(corpus.errors.path, corpus.errors.reason)}


def test_a_jsonl_line_nested_too_deep_or_with_a_huge_number_is_one_rejected_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "Five civilians were killed."}),
             '{"text": "Three soldiers died.", "x": ' + "[" * 5000 + "]" * 5000 + "}",
             '{"text": "Four soldiers died.", "x": ' + "9" * 5000 + "}",
             json.dumps({"text": "Seven soldiers were killed."})]
    (tmp_path / "rows.jsonl").write_text("\n".join(lines), encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert corpus.articles.text.tolist() == ["Five civilians were killed.", "Seven soldiers were killed."]
    reasons = _reasons(corpus)
    assert set(reasons) == {"rows.jsonl:2", "rows.jsonl:3"}
    assert "nested too deep" in reasons["rows.jsonl:2"]
    assert "4300 digits" in reasons["rows.jsonl:3"]


def test_a_lone_surrogate_does_not_take_the_rest_of_the_file(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "Five civilians were killed."}),
             '{"title": "Aanval \\udc00", "text": "Zeker drie burgers \\ud800 gedood."}',
             json.dumps({"text": "Seven soldiers were killed."})]
    (tmp_path / "rows.jsonl").write_text("\n".join(lines), encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert corpus.errors.empty, corpus.errors.values.tolist()
    assert len(corpus.articles) == 3
    second = corpus.articles.iloc[1]
    assert second.text == "Zeker drie burgers \ufffd gedood." and second.title == "Aanval \ufffd"
    facts = cn.extract(corpus, progress=False)
    assert sorted(facts.casualties.count_best) == [3, 5, 7]


@pytest.mark.parametrize("rows, bad_line", [
    ('1,"Two soldiers were killed.\n2,Three civilians were killed.\n3,Four people were killed.\n', 2),
    ('1,Two soldiers were killed.\n2,"Three civilians" were killed.\n3,Four people were killed.\n', 3),
    ('1,"Two soldiers were killed.\n2,Three civilians were killed.\n3,"Four" people,x\n4,Five.\n', 2),
], ids=["unterminated-quote", "stray-quote", "quote-closed-rows-later"])
def test_a_csv_with_a_broken_quote_is_rejected_whole_with_the_line(tmp_path: Path, rows: str, bad_line: int) -> None:
    """Read leniently, the open quote swallows the later rows and gives their casualties to one article."""
    (tmp_path / "notes.csv").write_text("id,notes\n" + rows, encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert corpus.articles.empty
    assert corpus.errors.path.tolist() == [str(tmp_path / "notes.csv")]
    assert corpus.errors.reason[0].startswith(f"malformed CSV, not read: the row from line {bad_line}:")


def test_a_csv_row_with_too_many_or_too_few_fields_is_rejected_alone(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text(
        "id,notes\n1,Two soldiers were killed.\n2,Three civilians were killed.,8\n3\n4,Four people were killed.\n",
        encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert [Path(p).name for p in corpus.articles.path] == ["notes.csv:2", "notes.csv:5"]
    assert _reasons(corpus) == {"notes.csv:3": "malformed row: 3 fields where the header has 2",
                                "notes.csv:4": "malformed row: 1 field where the header has 2"}


def test_a_csv_row_over_several_lines_is_named_by_its_first_line(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text('id,notes\n1,"Two soldiers\nwere killed."\n2,\n', encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert corpus.articles.text.tolist() == ["Two soldiers\nwere killed."]
    assert _reasons(corpus) == {"notes.csv:4": "no text in column notes"}


def test_jsonl_and_csv_rows_are_capped_as_files_are(tmp_path: Path) -> None:
    big = "Drie burgers gedood. " * 60  # 1,260 characters
    (tmp_path / "rows.jsonl").write_text("\n".join([json.dumps({"text": "Vijf doden."}), json.dumps({"text": big}),
                                                    json.dumps({"text": "Zes doden."})]), encoding="utf-8")
    (tmp_path / "rows.csv").write_text(f"notes\nVier doden.\n{big}\n", encoding="utf-8")
    (tmp_path / "file.txt").write_text(big, encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False, max_bytes=1000)
    assert sorted(corpus.articles.text) == ["Vier doden.", "Vijf doden.", "Zes doden."]
    reasons = _reasons(corpus)
    assert set(reasons) == {"rows.jsonl:2", "rows.csv:3", "file.txt"}
    assert all(reason.startswith("too large: 0.0 MB") for reason in reasons.values())


def test_utf16_with_and_without_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    body = "Aanval op café in Idlib\n\nBij een aanval zijn gisteren zeker drie burgers gedood.\n"
    (tmp_path / "bom-le.txt").write_bytes(body.encode("utf-16"))
    (tmp_path / "bom-be.txt").write_bytes(b"\xfe\xff" + body.replace("drie", "vier").encode("utf-16-be"))
    (tmp_path / "le.txt").write_bytes(body.replace("drie", "vijf").encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(body.replace("drie", "zes").encode("utf-16-be"))
    (tmp_path / "rows.jsonl").write_bytes(json.dumps({"text": "Zeven doden."}, ensure_ascii=False).encode("utf-16"))
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 16)
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert _reasons(corpus) == {"binary.bin": "binary file, not text"}
    assert len(corpus.articles) == 5 and set(corpus.articles.title.dropna()) == {"Aanval op café in Idlib"}
    assert sorted(cn.extract(corpus, progress=False).casualties.count_best) == [3, 4, 5, 6, 7]


def test_a_linked_folder_is_read_and_a_loop_of_links_is_listed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("Bij een aanval zijn zeker drie burgers gedood.", encoding="utf-8")
    corpus_folder = tmp_path / "corpus"
    corpus_folder.mkdir()
    (corpus_folder / "b.txt").write_text("Bij een aanval zijn zeker vier burgers gedood.", encoding="utf-8")
    (corpus_folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "back").symlink_to(corpus_folder, target_is_directory=True)  # a loop
    (corpus_folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    corpus = cn.read_corpus(corpus_folder, progress=False)
    assert sorted(Path(p).name for p in corpus.articles.path) == ["a.txt", "b.txt"]
    reasons = _reasons(corpus)
    assert set(reasons) == {"back", "gone.txt"}
    assert reasons["back"].startswith("a folder already read") and reasons["gone.txt"].startswith("unreadable")


def test_an_ignore_file_leaves_files_and_folders_out(tmp_path: Path) -> None:
    (tmp_path / ".conflictnewsignore").write_text("# not articles\nREADME.md\ngold.jsonl\nnotes/\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About this folder\n\nThree soldiers were killed, it says.", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"file": "a.txt", "casualties": []}), encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.txt").write_text("Vier doden.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "README.md").write_text("Vijf doden.", encoding="utf-8")  # a name matches at any depth
    (tmp_path / "sub" / "a.txt").write_text("Zeker drie burgers zijn gedood.", encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert corpus.errors.empty and [Path(p).name for p in corpus.articles.path] == ["a.txt"]
    explicit = cn.read_corpus(tmp_path / "README.md", progress=False)  # a file named on purpose is read
    assert len(explicit.articles) == 1


def test_the_bundled_data_folder_reads_as_its_articles_alone() -> None:
    corpus = cn.read_corpus(DATA, progress=False)
    assert corpus.errors.empty, corpus.errors.values.tolist()[:3]
    assert len(corpus.articles) == 52
    assert all(Path(p).parent == DATA / "articles" for p in corpus.articles.path)


def test_a_reused_article_id_with_another_text_is_rejected_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n".join([
        json.dumps({"article_id": "7", "text": "Zeker drie burgers zijn gedood."}),
        json.dumps({"article_id": "7", "text": "Zeker drie burgers zijn gedood."}),
        json.dumps({"article_id": 7, "text": "Zeker vier burgers zijn gedood."})]), encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert corpus.articles.article_id.tolist() == ["7"]
    assert _reasons(corpus) == {"a.jsonl:2": f"duplicate of {tmp_path / 'a.jsonl'}:1",
                                "a.jsonl:3": f"article_id 7 is already the id of another text, in {tmp_path / 'a.jsonl'}:1"}


def test_a_year_or_a_month_keeps_its_precision_in_a_row(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("\n".join(
        json.dumps({"text": f"Op donderdag zijn {n} burgers gedood.", "published": published})
        for n, published in (("drie", "2021"), ("vier", "2021-09"), ("vijf", 2021))), encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert corpus.articles.published_precision.tolist() == ["year", "month", "year"]
    casualties = cn.extract(corpus, progress=False).casualties
    assert casualties.date_precision.fillna("none").tolist() == ["none", "month", "none"]  # no Thursday guessed
