"""Saved web pages and crawls as input: the article without the page around it, every WARC record accounted for."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import conflictnews as cn
from conflictnews.corpus import Rejected
from conflictnews.web import iter_warc, parse_html

# A news page as a browser saves it: a cookie note, navigation, a "most read" box, a footer around the article.
BODY = ["Shells hit the covered market of Oudeveld early on Sunday and killed at least seven civilians, "
        "the provincial governor told reporters.",
        "Hospital staff said fourteen people were treated for wounds, two of them in a critical state.",
        "The defence ministry said its troops had retaken the grain silos north of the town by nightfall."]
NOISE = ["We use cookies to give you the best experience", "Accept all cookies", "Home", "World news",
         "Weather", "Most read today", "Ten ways to keep your garden green", "Subscribe to our newsletter",
         "Copyright 2022 The Valley Courier", "Privacy policy"]


def page(title: str, body: list[str], *, head: str = "", dateline: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">{head}
<script>window.tracking = {{"section": "world"}};</script><style>body {{ font-family: serif }}</style></head>
<body>
<div id="cookie-consent" class="cookie-banner"><p>{NOISE[0]} on our website.</p><button>{NOISE[1]}</button></div>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">{NOISE[2]}</a></li>
<li><a href="/world">{NOISE[3]}</a></li><li><a href="/weather">{NOISE[4]}</a></li></ul></nav></header>
<main><article><h1>{title}</h1>{dateline}<div class="article-body">{paragraphs}</div></article>
<aside class="most-read"><h2>{NOISE[5]}</h2><ul><li><a href="/g">{NOISE[6]}</a></li></ul></aside></main>
<footer class="site-footer"><p><a href="/newsletter">{NOISE[7]}</a></p><p>{NOISE[8]}</p>
<p><a href="/privacy">{NOISE[9]}</a></p></footer>
</body></html>"""


META = '<meta property="article:published_time" content="2022-06-12T07:35:00+02:00">'
TITLE = "Market shelled in Oudeveld"


def test_saved_page_gives_the_article_without_the_page_around_it(tmp_path: Path) -> None:
    (tmp_path / "saved.html").write_text(page(TITLE, BODY, head=META), encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert corpus.errors.empty and len(corpus.articles) == 1
    article = corpus.articles.iloc[0]
    assert article.title == TITLE
    assert article.published == datetime(2022, 6, 12, 7, 35) and article.published_precision == "minute"
    assert article.text == "\n\n".join(BODY)
    for noise in NOISE:
        assert noise not in article.text
    assert article.source == "The Valley Courier" and article.language == "en"
    assert article.path == str(tmp_path / "saved.html")
    facts = cn.extract(corpus, progress=False)
    assert 7 in set(facts.casualties["count_best"])


@pytest.mark.parametrize(("head", "dateline", "expected", "precision"), [
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
     '"headline": "x", "datePublished": "2022-06-11T21:05:00Z", "dateModified": "2022-06-13T10:00:00Z"}]}</script>',
     "", datetime(2022, 6, 11, 21, 5), "minute"),
    ('<meta name="pubdate" content="2022-06-10">', "", datetime(2022, 6, 10), "day"),
    ("", '<p class="dateline">Published on 9 June 2022</p>', datetime(2022, 6, 9), "day"),
    ('<meta property="article:published_time" content="2022-06">', "", datetime(2022, 6, 1), "month"),
    ("", "", None, None),
], ids=["json-ld-time", "meta-date", "date-line", "month", "no-date"])
def test_publication_time_and_its_precision(head: str, dateline: str, expected: datetime | None,
                                            precision: str | None) -> None:
    article = parse_html(page(TITLE, BODY, head=head, dateline=dateline))
    assert (article.published, article.published_precision) == (expected, precision)


def test_original_date_not_the_last_update() -> None:
    head = (META + '<meta property="article:modified_time" content="2022-07-01T12:00:00+02:00">'
            '<meta property="og:updated_time" content="2022-07-01T12:00:00+02:00">')
    article = parse_html(page(TITLE, BODY, head=head))
    assert article.published == datetime(2022, 6, 12, 7, 35)


def test_page_without_text_is_rejected() -> None:
    with pytest.raises(Rejected, match="no body text"):
        parse_html("<html><head><title>Only a title</title><style>p { margin: 0 }</style></head><body>"
                   "<img src='photo.jpg' alt=''><script>var a = 1;</script></body></html>")
    with pytest.raises(Rejected):
        parse_html("   ")


# --------------------------------------------------------------------------
# A crawl
# --------------------------------------------------------------------------

def _warc(path: Path, *, gzipped: bool = True) -> dict[str, int]:
    """Write a small crawl; return how many records of each sort it holds."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = {
        "https://courier.example/world/market-shelled": page(TITLE, BODY, head=META),
        "https://courier.example/world/ceasefire-talks": page(
            "Ceasefire talks open in the capital",
            ["Delegations of the government and the rebel council sat down for a first round of talks on "
             "Monday, the mediators said.", "No agreement on prisoners was expected before the weekend."],
            head='<meta property="article:published_time" content="2022-06-13T16:20:00+02:00">'),
    }
    sorts = {"html": 0, "other": 0}
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "a test"}))
        sorts["other"] += 1

        def response(url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            request = StatusAndHeaders(f"GET {url.split('example', 1)[1] or '/'} HTTP/1.1",
                                       [("Host", "courier.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))

        for url, markup in pages.items():
            response(url, markup.encode("utf-8"), "text/html; charset=utf-8")
            sorts["html"] += 1
            sorts["other"] += 1  # its request
        response("https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        response("https://courier.example/app.js", b"console.log('hi');", "application/javascript")
        response("https://courier.example/old", b"<html><body>Moved</body></html>", "text/html",
                 status="301 Moved Permanently")
        sorts["other"] += 6
        writer.write_record(writer.create_warc_record("https://courier.example/world/market-shelled", "metadata",
                                                      payload=io.BytesIO(b"outlinks: 12"),
                                                      warc_content_type="application/warc-fields"))
        sorts["other"] += 1
    return sorts


def test_gzipped_warc_gives_one_article_per_html_response(tmp_path: Path) -> None:
    sorts = _warc(tmp_path / "crawl.warc.gz")
    with gzip.open(tmp_path / "crawl.warc.gz", "rb") as check:  # really gzipped
        assert check.read(8) == b"WARC/1.0"
    corpus = cn.read_corpus(tmp_path, progress=False)
    articles = corpus.articles
    assert len(articles) == sorts["html"] == 2
    assert len(articles) + len(corpus.errors) == sum(sorts.values())  # every record read or listed
    assert list(articles["url"]) == ["https://courier.example/world/market-shelled",
                                     "https://courier.example/world/ceasefire-talks"]
    first = articles.iloc[0]
    assert first.title == TITLE and first.text == "\n\n".join(BODY)
    assert first.published == datetime(2022, 6, 12, 7, 35) and first.published_precision == "minute"
    assert all(noise not in text for noise in NOISE for text in articles["text"])
    reasons = " ".join(corpus.errors["reason"])
    for sort in ("warcinfo", "request", "image/png", "application/javascript", "HTTP 301", "metadata"):
        assert sort in reasons, sort
    assert all(p.startswith(str(tmp_path / "crawl.warc.gz") + ":") for p in corpus.errors["path"])
    assert len(set(corpus.errors["path"]) | set(articles["path"])) == sum(sorts.values())  # one place each


def test_plain_warc_and_a_broken_one(tmp_path: Path) -> None:
    sorts = _warc(tmp_path / "plain.warc", gzipped=False)
    whole = (tmp_path / "plain.warc").read_bytes()
    (tmp_path / "cut.warc").write_bytes(whole[: len(whole) * 2 // 3])
    (tmp_path / "not-a-crawl.warc.gz").write_bytes(b"just some bytes\n" * 4)
    items = list(iter_warc(tmp_path / "plain.warc", max_bytes=10_000_000))
    assert len(items) == sum(sorts.values()) and sum(isinstance(i, cn.Article) for i in items) == 2
    cut = list(iter_warc(tmp_path / "cut.warc", max_bytes=10_000_000))
    assert 0 < len(cut) < len(items)
    bad = list(iter_warc(tmp_path / "not-a-crawl.warc.gz", max_bytes=10_000_000))
    assert len(bad) == 1 and not isinstance(bad[0], cn.Article) and bad[0][1].startswith("not a WARC file")
    small = list(iter_warc(tmp_path / "plain.warc", max_bytes=500))
    assert not any(isinstance(i, cn.Article) for i in small)
    assert sum(1 for i in small if isinstance(i, tuple) and i[1].startswith("too large")) == 2


def test_urls_are_kept_through_the_report(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    corpus = cn.read_corpus(tmp_path / "crawl.warc.gz", progress=False)
    index = cn.write_report(corpus, cn.extract(corpus, progress=False), tmp_path / "report", progress=False)
    import pandas as pd

    table = pd.read_csv(index.parent / "tables" / "articles.csv")
    assert list(table["url"]) == list(corpus.articles["url"])
    pages = sorted((index.parent / "articles").glob("*.html"))
    assert any('href="https://courier.example/world/market-shelled"' in p.read_text(encoding="utf-8")
               for p in pages)


def test_web_libraries_load_only_when_used() -> None:
    code = ("import sys, conflictnews; heavy = {'trafilatura', 'htmldate', 'lxml', 'warcio', 'jinja2'}; "
            "print(sorted(heavy & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_urls_are_kept_in_the_store(tmp_path: Path) -> None:
    from conflictnews.store import connect, extract_to_store

    _warc(tmp_path / "crawl.warc.gz")
    db = tmp_path / "facts.duckdb"
    extract_to_store(tmp_path / "crawl.warc.gz", db)
    connection = connect(db, read_only=True)
    try:
        urls = sorted(r[0] for r in connection.execute("SELECT url FROM articles").fetchall())
    finally:
        connection.close()
    assert urls == ["https://courier.example/world/ceasefire-talks", "https://courier.example/world/market-shelled"]


def test_a_store_made_before_urls_gains_the_column(tmp_path: Path) -> None:
    import duckdb

    from conflictnews.store import connect

    db = tmp_path / "old.duckdb"
    old = duckdb.connect(str(db))
    old.execute("CREATE TABLE articles (article_id VARCHAR PRIMARY KEY, title VARCHAR, published TIMESTAMP, "
                "published_precision VARCHAR, source VARCHAR, byline VARCHAR, language VARCHAR, text VARCHAR, "
                "path VARCHAR, extracted_at TIMESTAMP)")
    old.execute("INSERT INTO articles (article_id, text) VALUES ('a1', 'x')")
    old.close()
    connection = connect(db)
    try:
        assert connection.execute("SELECT article_id, url FROM articles").fetchall() == [("a1", None)]
    finally:
        connection.close()
