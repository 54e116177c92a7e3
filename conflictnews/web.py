"""Saved web pages and crawls as input: HTML files and WARC files become ``Article`` records.

A page as a browser or a crawler saves it holds much besides the article:
navigation, cookie notes, "most read" boxes, footers. The article's body, title,
byline and site name are read by trafilatura (made for this, and measured on
news pages), the publication date by htmldate, which weighs the page's meta tags,
its JSON-LD, its ``<time>`` elements, its own date line and its URL.

The precision of the publication time is kept: a meta tag or JSON-LD value that
gives a time of day (``article:published_time`` = ``2021-03-14T09:45:00+01:00``)
makes a ``minute``, a date alone a ``day``, ``2021-03`` a ``month``. The time is
the wall-clock time the page states (its UTC offset is dropped), as for the
other inputs.

A WARC (or WARC.gz, ARC) file is a crawl: every HTML response (status 2xx, a
``text/html`` or XHTML body; also a ``resource`` record holding HTML) is one
article, its URL kept in the ``url`` column; every other record (``warcinfo``,
requests, metadata, revisits, images, scripts, redirects and errors) is listed
as rejected with what it is, so that the articles read and the records rejected
add up to the records in the file, as for the lines of a JSONL file.

Heavy libraries (trafilatura, htmldate, lxml, warcio) are imported when a page
or a crawl is read, never on ``import conflictnews``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .records import Article
from .text import detect_language

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["HTML_SUFFIXES", "WARC_SUFFIXES", "is_html_path", "is_warc_path", "iter_warc", "parse_html",
           "read_html_file"]

#: File names read as saved web pages.
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: File names read as crawls.
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

_HTML_TYPES = ("text/html", "application/xhtml+xml")

#: Meta tags that name the publication time, strongest first (``property``, ``name`` or ``itemprop``).
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished", "publishdate",
                   "pubdate", "publication_date", "dcterms.created", "dc.date.issued", "dc.date", "date",
                   "sailthru.date", "parsely-pub-date", "og:published_time", "article.published")

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?)?)?"
                  r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?\s*$")


def is_html_path(path: str | os.PathLike[str]) -> bool:
    """Whether a file name is that of a saved web page (``.html``, ``.htm``, ...).

    >>> is_html_path("saved/Page.HTM"), is_html_path("a.txt")
    (True, False)
    """
    return os.fspath(path).lower().endswith(HTML_SUFFIXES)


def is_warc_path(path: str | os.PathLike[str]) -> bool:
    """Whether a file name is that of a crawl (``.warc``, ``.warc.gz``, ``.arc``, ``.arc.gz``).

    >>> is_warc_path("crawl-00001.warc.gz"), is_warc_path("notes.gz")
    (True, False)
    """
    return os.fspath(path).lower().endswith(WARC_SUFFIXES)


# --------------------------------------------------------------------------
# One page
# --------------------------------------------------------------------------

def _stamp(value: str) -> tuple[datetime, str] | None:
    """An ISO 8601 date or time and its precision; None when ``value`` is not one.

    >>> _stamp("2021-03-14T09:45:00+01:00"), _stamp("2021-03")
    ((datetime.datetime(2021, 3, 14, 9, 45), 'minute'), (datetime.datetime(2021, 3, 1, 0, 0), 'month'))
    """
    m = _ISO.match(value)
    if not m:
        return None
    year, month, day, hour, minute = (int(g) if g else None for g in m.groups())
    try:
        if hour is not None and minute is not None:
            return datetime(year or 1, month or 1, day or 1, hour, minute), "minute"
        if day is not None:
            return datetime(year or 1, month or 1, day), "day"
        if month is not None:
            return datetime(year or 1, month, 1), "month"
        return datetime(year or 1, 1, 1), "year"
    except ValueError:
        return None


def _json_ld_dates(text: str) -> Iterator[str]:
    """``datePublished`` (then ``dateCreated``) values of a JSON-LD block, at any depth."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    stack: list[Any] = [data]
    found: dict[str, list[str]] = {"datePublished": [], "dateCreated": []}
    seen = 0
    while stack and seen < 10_000:
        seen += 1
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in found and isinstance(value, str):
                    found[key].append(value)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(reversed(item))
    yield from found["datePublished"]
    yield from found["dateCreated"]


def _stated_times(tree: HtmlElement) -> list[tuple[datetime, str]]:
    """Publication times the page states in machine-readable form, strongest first, with their precision."""
    by_name: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if name and content:
            by_name.setdefault(name, []).append(content)
    values = [v for name in _PUBLISHED_META for v in by_name.get(name, [])]
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            values.extend(_json_ld_dates(script.text))
    for element in tree.iter("time"):
        if element.get("datetime"):
            values.append(str(element.get("datetime")))
    return [s for s in map(_stamp, values) if s is not None]


def _published(markup: str, url: str | None) -> tuple[datetime | None, str | None]:
    """The publication time of a page and its precision.

    htmldate chooses the date (original, not last modified); the precision is that of the meta tag,
    JSON-LD value or ``<time>`` element that states this date, else ``day`` (a date read from the page's
    own date line or URL).
    """
    from htmldate import find_date
    from lxml.html import fromstring

    try:
        tree = fromstring(markup)
        # not the extensive search: it takes the year of a copyright line for a date (YYYY-01-01)
        found = find_date(tree, original_date=True, extensive_search=False, url=url)
    except (ValueError, TypeError, LookupError, RecursionError):
        return None, None
    try:
        stated = _stated_times(fromstring(markup))
    except (ValueError, TypeError, LookupError, RecursionError):
        stated = []
    if found is None:
        return stated[0] if stated else (None, None)
    day = datetime.strptime(found, "%Y-%m-%d")
    for stamp, precision in stated:
        same = {"year": (stamp.year,) == (day.year,),
                "month": (stamp.year, stamp.month) == (day.year, day.month)}.get(precision, stamp.date() == day.date())
        if same:
            return stamp, precision
    return day, "day"


def _paragraphs(text: str) -> str:
    """Trafilatura's lines (one a paragraph, heading or list item) as paragraphs apart by a blank line."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def parse_html(markup: str, *, path: str | None = None, url: str | None = None) -> Article:
    """Read one saved web page into an ``Article``.

    Parameters
    ----------
    markup
        The page's HTML, decoded.
    path
        Where it was read (the file, or ``crawl.warc.gz:7`` for the 7th record of a crawl).
    url
        The page's address, when known (a crawl's record); else the page's canonical address, if it states one.

    Returns
    -------
    Article
        Title, publication time and precision, site name as ``source``, author as ``byline``,
        the article's body without navigation, cookie notes, boxes and footers, and ``url``.

    Raises
    ------
    conflictnews.corpus.Rejected
        When the page holds no article text.

    Examples
    --------
    >>> page = ('<html><head><title>Talks resume | Ledger</title>'
    ...         '<meta property="article:published_time" content="2020-05-02T08:10:00Z"></head>'
    ...         '<body><nav><a href="/">Home</a></nav><article><h1>Talks resume</h1>'
    ...         '<p>Negotiators met again in the capital on Saturday, officials said.</p></article>'
    ...         '<footer>All rights reserved.</footer></body></html>')
    >>> article = parse_html(page)
    >>> article.text, article.published, article.published_precision
    ('Negotiators met again in the capital on Saturday, officials said.', datetime.datetime(2020, 5, 2, 8, 10), 'minute')
    """
    import trafilatura

    from .corpus import Rejected

    markup = unicodedata.normalize("NFC", markup.replace("\x00", ""))
    if not markup.strip():
        raise Rejected("empty page")
    try:
        document = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                               include_tables=True, favor_precision=True)
    except (ValueError, TypeError, LookupError, RecursionError) as error:
        raise Rejected(f"not a readable HTML page: {error}") from None
    found: dict[str, Any] = {}
    if isinstance(document, dict):
        found = document
    elif document is not None:
        found = document.as_dict()
    body = _paragraphs(str(found.get("text") or ""))
    if not re.search(r"\w", body):
        raise Rejected("no body text in the page")
    title = " ".join(str(found.get("title") or "").split()) or None
    first, _, rest = body.partition("\n\n")
    if title and first == title and re.search(r"\w", rest):  # the page's heading, read again as a paragraph
        body = rest
    url = url or (str(found["url"]) if found.get("url") else None)
    published, precision = _published(markup, url)
    source = " ".join(str(found.get("sitename") or "").split()) or _host(url)
    byline = " ".join(str(found.get("author") or "").split()) or None
    digest = hashlib.sha1(((title or "") + "\n" + body).encode("utf-8")).hexdigest()[:16]
    return Article(article_id=digest, title=title, published=published, published_precision=precision,
                   source=source, byline=byline, language=detect_language((title or "") + "\n" + body),
                   text=body, path=path, url=url)


def read_html_file(path: str | os.PathLike[str], *, max_bytes: int) -> Article:
    """Read a saved web page from disk (size, emptiness and encoding checked as for every text file).

    Raises ``Rejected`` with the reason when it cannot be read.
    """
    from .corpus import _read_text_file

    return parse_html(_read_text_file(Path(path), max_bytes), path=os.fspath(path))


# --------------------------------------------------------------------------
# A crawl
# --------------------------------------------------------------------------

def _decode(data: bytes, charset: str | None) -> str:
    """A response body as text: the charset its headers name, else UTF-8, else the corpus's fallbacks."""
    from .corpus import decode

    if charset:
        try:
            return data.decode(charset).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def _media_type(value: str | None) -> tuple[str, str | None]:
    """``("text/html", "utf-8")`` of ``text/html; charset=UTF-8``."""
    if not value:
        return "", None
    kind, _, rest = value.partition(";")
    charset = re.search(r"charset\s*=\s*\"?([\w.:-]+)", rest, re.IGNORECASE)
    return kind.strip().lower(), (charset.group(1) if charset else None)


def iter_warc(path: str | os.PathLike[str], *, max_bytes: int) -> Iterator[Article | tuple[str, str]]:
    """Stream a crawl: an ``Article`` per HTML response, ``(where, reason)`` for every other record.

    Parameters
    ----------
    path
        A WARC, WARC.gz, ARC or ARC.gz file (gzipped per record or whole).
    max_bytes
        The largest response body read; a larger one is rejected.

    Yields
    ------
    Article or tuple of (str, str)
        ``where`` is ``<path>:<n>``, the n-th record of the file (from 1). A file that breaks off
        gives the records before the break and one rejection for the rest.
    """
    import zlib

    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from .corpus import Rejected

    name = os.fspath(path)
    number = 0
    try:
        with open(name, "rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                number += 1
                where = f"{name}:{number}"
                kind = record.rec_type or "unknown"
                url = record.rec_headers.get_header("WARC-Target-URI") if record.rec_headers else None
                about = f" ({url})" if url else ""
                if kind not in ("response", "resource"):
                    yield where, f"WARC {kind} record, not an HTML response{about}"
                    continue
                if kind == "response" and record.http_headers is None:
                    yield where, f"response without HTTP headers, not an HTML response{about}"
                    continue
                headers = record.http_headers if kind == "response" else record.rec_headers
                media, charset = _media_type(headers.get_header("Content-Type") if headers else None)
                status = record.http_headers.get_statuscode() if kind == "response" and record.http_headers else "200"
                if not str(status).startswith("2"):
                    yield where, f"HTTP {status} response, not a page{about}"
                    continue
                if media not in _HTML_TYPES:
                    yield where, f"{media or 'untyped'} {kind}, not HTML{about}"
                    continue
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield where, f"too large: more than {max_bytes / 1e6:.0f} MB (see max_bytes){about}"
                    continue
                try:
                    yield parse_html(_decode(data, charset), path=where, url=url)
                except Rejected as error:
                    yield where, f"{error}{about}"
    except ArchiveLoadFailed as error:
        reason = str(error.msg if hasattr(error, "msg") else error).strip()
        yield name if number == 0 else f"{name}:{number + 1}", (
            f"not a WARC file: {reason}" if number == 0 else f"unreadable after record {number}: {reason}")
    except Exception as error:  # noqa: BLE001 - warcio fails on broken input in many ways (AttributeError too)
        what = "unreadable" if number == 0 else f"unreadable after record {number}"
        detail = f"{type(error).__name__}: {error}" if not isinstance(error, (OSError, zlib.error)) else str(error)
        yield name if number == 0 else f"{name}:{number + 1}", f"{what}: {detail}"
