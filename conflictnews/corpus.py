"""Files, JSONL and CSV in; ``Article`` records out; every rejected input kept with its reason.

The crawl format of news pages is read as such: the ``date YYYY-MM`` prefix
(the crawl month: a fallback date only), the HLN-style header (title with the
byline at the end of the line, a date line ``24 april 2018``, a time line
``18u25``, ``Bron: <agency> <n>``) and the body. The publication time is taken
from the most precise evidence in the file, and its precision is kept.

Input from crawls, feeds and other people's exports is read defensively, and
nothing is lost without a word: every input is an article or a rejection with
its reason. Files are UTF-8 (with or without a BOM), UTF-16 (with a BOM, or
without one in a Latin script), cp1252 or latin-1. A JSONL line that cannot
be read (not JSON, nested too deep, a number of thousands of digits) is one
rejected line; invalid Unicode in it (a lone surrogate) is replaced. A CSV
file that is not well-formed (a quote left open) is rejected whole, because
its rows cannot be told apart; a row with the wrong number of fields is
rejected alone. A row, like a file, is capped at ``max_bytes``. Folders are
walked following links, each folder once (a loop of links is listed); files
and folders named in a folder's ``.conflictnewsignore`` are left out.
"""

from __future__ import annotations

import csv
import fnmatch
import glob as globbing
import hashlib
import html.parser
import io
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from . import web
from .lexicon import check_language, language, world
from .records import Article, as_dict
from .text import detect_language

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Corpus", "Rejected", "iter_corpus", "parse_article_text", "read_article", "read_corpus"]

MAX_BYTES = 10_000_000
TEXT_COLUMNS = ("text", "body", "content", "article", "notes", "summary", "description")
TITLE_COLUMNS = ("title", "headline")
DATE_COLUMNS = ("published", "publication_date", "date", "event_date", "pubdate")
SOURCE_COLUMNS = ("source", "outlet", "agency")
ARTICLE_COLUMNS = ["article_id", "title", "published", "published_precision", "source",
                   "byline", "language", "text", "path", "url"]


class Rejected(ValueError):
    """An input that cannot be read as an article, with the reason why."""


@dataclass
class Corpus:
    """Articles read from files, and the inputs that were rejected."""

    articles: "pd.DataFrame"
    errors: "pd.DataFrame"
    records: list[Article] = field(default_factory=list, repr=False)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.records)


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------

def decode(data: bytes) -> str:
    """Decode file bytes as text: NFC, ``\\n`` line ends.

    UTF-8 with or without a BOM; UTF-16 with a BOM, or without one in a Latin
    script; UTF-32 with a BOM; else cp1252, else latin-1.

    >>> decode("café".encode("cp1252")), decode(b"\\xef\\xbb\\xbfIS\\r\\n"), decode("IS\\n".encode("utf-16"))
    ('café', 'IS\\n', 'IS\\n')
    """
    return _normalise(_decode_bytes(data, _utf16(data)))


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))


def _utf16(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec of ``data``: by its byte-order mark, or, without one, by its zero bytes.

    Text in a Latin script written as UTF-16 without a BOM has a zero byte in
    every other position (the odd ones little-endian, the even ones big-endian)
    and none in the others; binary data does not.

    >>> _utf16("Zeker drie doden.".encode("utf-16-le")), _utf16("Zeker".encode("utf-16-be")), _utf16(bytes(range(256)))
    ('utf-16-le', 'utf-16-be', None)
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    head = data[:8192]
    head = head[:len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    if zeros_odd >= 0.5 * len(odd) and zeros_even <= 0.01 * len(even):
        return "utf-16-le"
    if zeros_even >= 0.5 * len(even) and zeros_odd <= 0.01 * len(odd):
        return "utf-16-be"
    return None


def _decode_bytes(data: bytes, wide: str | None) -> str:
    if wide is not None:
        text = data.decode(wide)  # UnicodeDecodeError: not text in that encoding
        return text[1:] if text.startswith("\ufeff") else text
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def _looks_binary(data: bytes | str) -> bool:
    head = data[:8192]
    if isinstance(head, str):
        return "\x00" in head or sum(1 for c in head if c < "\t" or "\r" < c < " ") > len(head) * 0.1
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.1


_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_unicode(text: str) -> str:
    """``text`` with lone surrogates (invalid Unicode, which JSON escapes can carry) replaced by U+FFFD.

    >>> _valid_unicode("a\\ud800b")
    'a\\ufffdb'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def content_hash(title: str | None, text: str) -> str:
    """The hash of an article's title and body: its ``article_id`` unless the input gave one.

    >>> content_hash("Aanval", "Drie doden.")
    '0ce3661b6116ea96'
    """
    return hashlib.sha1(((title or "") + "\n" + text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _HTMLText(html.parser.HTMLParser):
    _SKIP = {"script", "style", "noscript", "head", "nav", "footer"}
    _BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "li", "tr", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def _html_to_text(markup: str) -> tuple[str | None, str]:
    parser = _HTMLText()
    parser.feed(markup)
    body = re.sub(r"[ \t]+", " ", "".join(parser.parts))
    body = re.sub(r"\n\s*\n\s*", "\n\n", body).strip()
    title = " ".join("".join(parser.title).split()) or None
    return title, body


_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<p[ >]|<div[ >])", re.IGNORECASE)


# --------------------------------------------------------------------------
# The crawl format
# --------------------------------------------------------------------------

_PREFIX = re.compile(r"^\s*date (\d{4})-(\d{2})(?:[ \t]+|\n|$)")
_DATE_LINE = re.compile(r"^(\d{1,2}) ([a-z]+) (\d{4})$", re.IGNORECASE)
_TIME_LINE = re.compile(r"^(\d{1,2})u(\d{2})$")
_DATE_TIME_LINE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\s*-\s*(\d{1,2})u(\d{2})\s*(.*)$")
_BRON = re.compile(r"^Bron:\s*(.*)$")
_BYLINE_LINE = re.compile(r"^(?:Bewerkt door|Door):\s*(.+)$")
_BYLINE_TOKEN = re.compile(r"^(?:[A-Z]{2,4}|[Rr]edactie)$")
_DATELINE_SOURCE = re.compile(r"^[A-ZÀ-Ý' ]{3,}\s*\(([A-Za-z][\w .-]{0,20})\)\s*[-–]\s*")
_TRAILING_SOURCE = re.compile(r"\n\s*Bron:\s*([^\n]+?)\s*$")


def parse_article_text(raw: str, *, path: str | None = None) -> Article:
    """Parse one article's text in the crawl format (or plain text) into an ``Article``.

    Raises ``Rejected`` when there is no body.
    """
    text = _valid_unicode(raw.replace("\ufeff", ""))
    crawl: datetime | None = None
    prefix = _PREFIX.match(text)
    if prefix:
        try:
            crawl = datetime(int(prefix.group(1)), int(prefix.group(2)), 1)
        except ValueError:
            crawl = None
        text = text[prefix.end():]
    html_title = None
    if _HTML.match(text):
        html_title, text = _html_to_text(text)
    header = _read_header(text)
    body = header.body
    source = header.source
    tail_start = max(0, len(body.rstrip()) - 300)
    trailing = _TRAILING_SOURCE.search(body.rstrip(), tail_start)
    if trailing:
        source = source or trailing.group(1).strip()
        body = body[:trailing.start()].rstrip()
    body = body.strip()
    dateline = _DATELINE_SOURCE.match(body)
    if dateline and not source:
        source = dateline.group(1).strip()
    body = body.strip()
    if not body or not re.search(r"\w", body):
        raise Rejected("no body text")
    title = header.title or html_title
    published, precision = header.published, header.precision
    if published is None or precision == "month":
        lead = _lead_date(body, crawl)
        if lead is not None:
            published, precision = lead, "day"
    if published is None and crawl is not None:
        published, precision = crawl, "month"
    lang = detect_language((title or "") + "\n" + body)
    return Article(article_id=content_hash(title, body), title=title, published=published, published_precision=precision,
                   source=source, byline=header.byline, language=lang, text=body, path=path)


@dataclass
class _Header:
    title: str | None = None
    byline: str | None = None
    source: str | None = None
    published: datetime | None = None
    precision: str | None = None
    body: str = ""


def _lead_date(body: str, crawl: datetime | None) -> datetime | None:
    """A full date in the dateline or the first sentence ("BEIRUT, April 27 (Reuters)", "on 24 April 2018").

    Wire copy dates its lead to the day of the report; a date outside the crawl month is not taken.
    """
    from .temporal import Reference, find_times
    from .text import detect_language, split_sentences

    lang = detect_language(body[:600])
    sentences = split_sentences(body[:600], lang=lang)
    if not sentences:
        return None
    reference = Reference(crawl, "month" if crawl else None)
    for time in find_times(sentences[0].text, lang=lang, reference=reference):
        if time.resolved and time.precision == "day" and not time.since and time.date_start is not None \
                and re.search(r"\b(?:19|20)\d{2}\b", time.surface) \
                and (crawl is None or (time.date_start.year, time.date_start.month) == (crawl.year, crawl.month)):
            return time.date_start
    return None


def _read_header(text: str) -> _Header:
    """Read the HLN-style header at the top of ``text``, if there is one."""
    header = _Header(body=text)
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]*", text)]
    lines = [(s, e, t) for s, e, t in lines if t][:9]
    day: tuple[int, int, int] | None = None
    clock: tuple[int, int] | None = None
    body_start: int | None = None
    structured = False
    title_line: str | None = None
    for index, (start, end, line) in enumerate(lines):
        if m := _DATE_LINE.match(line):
            month = _dutch_month(m.group(2))
            if month:
                day, structured = (int(m.group(3)), month, int(m.group(1))), True
                continue
        if m := _TIME_LINE.match(line):
            clock, structured = (int(m.group(1)), int(m.group(2))), True
            continue
        if m := _DATE_TIME_LINE.match(line):
            year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
            day, clock, structured = (year, int(m.group(2)), int(m.group(1))), (int(m.group(4)), int(m.group(5))), True
            line = m.group(6).strip()
            start = end - len(line)
            if not line:
                continue
        if m := _BYLINE_LINE.match(line):
            header.byline, structured = m.group(1).strip(), True
            continue
        if m := _BRON.match(line):
            structured = True
            tokens = m.group(1).split()
            source_tokens: list[str] = []
            rest_index = len(tokens)
            for position, token in enumerate(tokens):
                if token.isdigit():
                    rest_index = position + 1
                    break
                source_tokens.append(token)
            header.source = " ".join(source_tokens) or None
            rest = tokens[rest_index:]
            if rest and _is_credit(rest[0]) and len(rest) > 1:
                rest = rest[1:]
            if rest:
                body_start = end - len(" ".join(rest)) if text[start:end].endswith(" ".join(rest)) else None
                if body_start is None:
                    body_start = text.index(rest[0], start + 5)
            else:
                body_start = _next_body_line(lines, index)
            break
        if index == 0 and not structured:
            title_line = line
            continue
        if index == 1 and len(line) <= 12 and line.isalpha() and line.islower() and header.byline is None:
            header.byline = line
            continue
        if structured:
            body_start = start
            break
        break
    if not structured:
        return _plain_header(text)
    if title_line:
        words = title_line.split()
        if len(words) > 1 and _BYLINE_TOKEN.match(words[-1]) and not _is_name(words[-1]):
            header.byline = header.byline or words[-1]
            words = words[:-1]
        header.title = " ".join(words)
    if day is not None:
        try:
            if clock is not None:
                header.published, header.precision = datetime(*day, *clock), "minute"
            else:
                header.published, header.precision = datetime(*day), "day"
        except ValueError:
            pass
    if body_start is None:
        body_start = lines[-1][1] if lines else len(text)
    header.body = text[body_start:]
    return header


def _next_body_line(lines: list[tuple[int, int, str]], index: int) -> int | None:
    for start, _end, line in lines[index + 1:]:
        if line.isdigit():
            continue
        return start
    return None


def _plain_header(text: str) -> _Header:
    """A headline: a short first line without a full stop, before a blank line or a paragraph.

    A first line that only names the outlet (a masthead) is skipped.
    """
    m = re.match(r"\s*([^\n]{3,160})\n", text)
    masthead = None
    if m and _is_masthead(m.group(1)):
        masthead = next(e.name for e in world().entities(m.group(1)) if e.kind == "source")
        text = text[m.end():]
        m = re.match(r"\s*([^\n]{3,160})\n", text)
    if m:
        line = m.group(1).strip()
        rest = text[m.end():]
        blank_line = re.match(r"[ \t]*\n", rest) is not None
        next_line = re.match(r"\s*([^\n]+)", rest)
        paragraph_follows = next_line is not None and next_line.group(1).rstrip().endswith((".", "”", '"')) \
            and len(next_line.group(1)) > len(line) and len(line.split()) <= 16
        if line and line[-1] not in ".!?:;,…" and "©" not in line and "Ⓒ" not in line and re.search(r"\w{3}", rest) \
                and (blank_line or paragraph_follows):
            return _Header(title=line, source=masthead, body=rest)
    return _Header(source=masthead, body=text)


def _is_masthead(line: str) -> bool:
    """Whether a line is only the name of a news source ("The Syrian Observatory For Human Rights")."""
    entities = world().entities(line)
    covered = sum(e.end - e.start for e in entities if e.kind == "source")
    return covered > 0 and covered >= len(re.sub(r"^(?:the|de|het)\s+", "", line.strip(), flags=re.IGNORECASE)) - 1


def _dutch_month(name: str) -> int | None:
    months = [m.lower() for m in language("nl").words("time.months")]
    return months.index(name.lower()) + 1 if name.lower() in months else None


def _is_credit(token: str) -> bool:
    """A photo credit standing between the header and the body: a news agency's name."""
    sources = world().sources
    return token in sources and sources[token].get("kind") == "agency"


def _is_name(token: str) -> bool:
    """Whether a title's last word is a name (IS, VN) rather than a byline."""
    return any(entity.kind in ("actor", "place", "source") for entity in world().entities(token))


# --------------------------------------------------------------------------
# Reading files and corpora
# --------------------------------------------------------------------------

def read_article(path_or_text: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Article:
    """Read one article from a file path, or parse it from text.

    Raises ``Rejected`` (a ``ValueError``) with the reason when it cannot be read.
    """
    if isinstance(path_or_text, os.PathLike) or (
            isinstance(path_or_text, str) and "\n" not in path_or_text and len(path_or_text) < 4096
            and os.path.isfile(path_or_text)):
        path = Path(path_or_text)
        return parse_article_text(_read_text_file(path, max_bytes), path=str(path))
    return parse_article_text(unicodedata.normalize("NFC", str(path_or_text)))


def _read_text_file(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise Rejected(f"unreadable: {error.strerror or error}") from None
    if size == 0:
        raise Rejected("empty file")
    if size > max_bytes:
        raise Rejected(f"too large: {size / 1e6:.1f} MB (limit {max_bytes / 1e6:.0f} MB, see max_bytes)")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise Rejected(f"unreadable: {error.strerror or error}") from None
    wide = _utf16(data)
    if wide is None and _looks_binary(data):
        raise Rejected("binary file, not text")
    try:
        text = _decode_bytes(data, wide)
    except UnicodeDecodeError:
        raise Rejected(f"binary file, not text (it looks like {str(wide).upper()} but does not decode)") from None
    if wide is not None and _looks_binary(text):
        raise Rejected("binary file, not text")
    return _normalise(text)


IGNORE_FILE = ".conflictnewsignore"


def _ignored_patterns(folder: str) -> list[str]:
    """The patterns of a folder's ``.conflictnewsignore``: files and folders that are not part of the corpus."""
    try:
        with open(os.path.join(folder, IGNORE_FILE), encoding="utf-8", errors="replace") as handle:
            lines = [line.strip() for line in handle]
    except OSError:
        return []
    return [line.rstrip("/") for line in lines if line and not line.startswith("#")]


def _is_ignored(relative: str, patterns: Sequence[tuple[str, str]]) -> bool:
    """Whether a path (relative to the folder walked, ``/``-separated) matches an ignore pattern.

    Each pattern is relative to the folder of its ignore file; one without a
    ``/`` matches a name at any depth below it.
    """
    name = relative.rsplit("/", 1)[-1]
    for base, pattern in patterns:
        if base and not relative.startswith(base + "/"):
            continue
        inside = relative[len(base) + 1:] if base else relative
        if fnmatch.fnmatchcase(inside, pattern) or ("/" not in pattern and fnmatch.fnmatchcase(name, pattern)):
            return True
    return False


def _walk(folder: str, visited: set[str]) -> Iterator[tuple[str, str | None]]:
    """Yield the files of a folder and its subfolders, following links to folders once each.

    A folder reached again (a link into a folder already read, or a loop of
    links) is listed with the reason, never read twice. Files and folders named
    in a ``.conflictnewsignore`` file are left out, and so is that file.
    """
    patterns: list[tuple[str, str]] = []
    for root, dirs, files in os.walk(folder, followlinks=True):
        relative_root = os.path.relpath(root, folder).replace(os.sep, "/")
        relative_root = "" if relative_root == "." else relative_root
        if IGNORE_FILE in files:
            patterns.extend((relative_root, pattern) for pattern in _ignored_patterns(root))

        def relative(name: str) -> str:
            return f"{relative_root}/{name}" if relative_root else name

        kept = []
        for name in sorted(dirs):
            if _is_ignored(relative(name), patterns):
                continue
            path = os.path.join(root, name)
            real = os.path.realpath(path)
            if real in visited:
                yield path, f"a folder already read ({real}): a link to it, or a loop of links"
                continue
            visited.add(real)
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name != IGNORE_FILE and not _is_ignored(relative(name), patterns):
                yield os.path.join(root, name), None


def _expand(path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, problem)`` for each input file; a missing input is a problem, not an exception."""
    items: Iterable[Any] = [path_or_paths] if isinstance(path_or_paths, (str, os.PathLike)) else path_or_paths
    for item in items:
        name = os.fspath(item)
        if os.path.isdir(name):
            yield from _walk(name, {os.path.realpath(name)})
        elif os.path.isfile(name):
            yield name, None
        elif any(ch in name for ch in "*?["):
            matches = sorted(globbing.glob(name, recursive=True))
            if not matches:
                yield name, "no file matches this pattern"
            for match in matches:
                if os.path.isfile(match):
                    yield match, None
        elif os.path.islink(name):
            yield name, "a link to nothing (its target is missing)"
        else:
            yield name, "no such file or folder"


def iter_corpus(path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                lang: str | None = None, text_column: str | None = None,
                max_bytes: int = MAX_BYTES) -> Iterator[Article | tuple[str, str]]:
    """Stream a corpus from disk: yield ``Article`` records, and ``(path, reason)`` for rejected inputs.

    Nothing is held in memory beyond one file (one row of a CSV or JSONL file).
    Duplicates (the same title and body twice) are rejected with the path of the
    first; so is a second text under an ``article_id`` the input already gave
    to another text.
    """
    if lang is not None:
        check_language(lang)
    seen: dict[str, tuple[str, str]] = {}  # article_id -> (where it was read, hash of its title and body)
    for path, problem in _expand(path_or_paths):
        if problem:
            yield path, problem
            continue
        suffix = Path(path).suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson"):
                items: Iterator[Article | tuple[str, str]] = _read_jsonl(path, text_column, max_bytes)
            elif suffix in (".csv", ".tsv"):
                items = _read_table(path, text_column, max_bytes)
            elif web.is_warc_path(path):
                items = web.iter_warc(path, max_bytes=max_bytes)
            elif web.is_html_path(path):
                items = iter([web.read_html_file(path, max_bytes=max_bytes)])
            else:
                items = iter([read_article(Path(path), max_bytes=max_bytes)])
            for item in items:
                if isinstance(item, Article):
                    if lang is not None and item.language != lang:
                        item = Article(**{**as_dict(item), "language": lang})
                    digest = content_hash(item.title, item.text)
                    first = seen.get(item.article_id)
                    if first is not None:
                        if first[1] == digest:
                            yield item.path or path, f"duplicate of {first[0]}"
                        else:
                            yield item.path or path, (f"article_id {item.article_id} is already the id of another "
                                                      f"text, in {first[0]}")
                        continue
                    seen[item.article_id] = (item.path or path, digest)
                yield item
        except Rejected as error:
            yield path, str(error)
        except (OSError, UnicodeError, csv.Error, json.JSONDecodeError) as error:
            yield path, f"unreadable: {error}"


def _too_large(size: int, max_bytes: int) -> str | None:
    if size <= max_bytes:
        return None
    return f"too large: {size / 1e6:.1f} MB (limit {max_bytes / 1e6:.0f} MB, see max_bytes)"


def _utf8_size(text: str) -> int:
    """The size of ``text`` in UTF-8 (counted only when it may pass a limit: 4 bytes a character at most)."""
    return len(text.encode("utf-8", "surrogatepass"))


def _read_jsonl(path: str, text_column: str | None, max_bytes: int) -> Iterator[Article | tuple[str, str]]:
    """One article per JSON line; a line that cannot be read is rejected alone, with its line number.

    A line is capped at ``max_bytes``, as a file is.
    """
    text = _read_text_file(Path(path), max_bytes * 10)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        if len(line) * 4 > max_bytes and (too_large := _too_large(_utf8_size(line), max_bytes)):
            yield where, too_large
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield where, f"not JSON: {error.msg}"
            continue
        except RecursionError:
            yield where, "not read: JSON nested too deep"
            continue
        except ValueError as error:  # an integer of more than 4,300 digits
            yield where, f"not read: {str(error).split(';')[0]}"
            continue
        if not isinstance(row, dict):
            yield where, "not a JSON object"
            continue
        yield _article_from_row(row, where, text_column)


_CSV_HINTS = {"unexpected end of data": " (a quote opened and never closed)",
              "expected after": " (a quote inside a quoted field must be doubled)"}


def _read_table(path: str, text_column: str | None, max_bytes: int) -> Iterator[Article | tuple[str, str]]:
    """One article per CSV (or TSV) row.

    A file that is not well-formed CSV (a quote left open, a stray quote) is
    rejected whole, with the line of the row where it goes wrong: read
    leniently, such a row swallows the rows after it and gives their text to
    one article. A row with more or fewer fields than the header is rejected
    alone, and so is a row larger than ``max_bytes``.
    """
    text = _read_text_file(Path(path), max_bytes * 10)
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        hint = next((h for key, h in _CSV_HINTS.items() if key in str(error)), "")
        yield path, f"malformed CSV, not read: the row from line {line}: {error}{hint}"
        return
    if not rows:
        yield path, "no header and no rows"
        return
    header = rows[0][1]
    columns = [c for c in header if c]
    chosen = text_column or next((c for c in TEXT_COLUMNS if c in columns), None)
    if chosen is None or chosen not in columns:
        wanted = text_column or " or ".join(TEXT_COLUMNS)
        yield path, f"no text column ({wanted}) among the columns {', '.join(columns[:12])}"
        return
    for line, row in rows[1:]:
        if not row:
            continue
        where = f"{path}:{line}"
        if len(row) != len(header):
            yield where, f"malformed row: {len(row)} field{'s' * (len(row) != 1)} where the header has {len(header)}"
            continue
        size = sum(len(value) for value in row)
        if size * 4 > max_bytes and (too_large := _too_large(sum(_utf8_size(v) for v in row), max_bytes)):
            yield where, too_large
            continue
        yield _article_from_row(dict(zip(header, row)), where, chosen)


def _article_from_row(row: dict[str, Any], where: str, text_column: str | None) -> Article | tuple[str, str]:
    """An article from one row of JSON or CSV, or ``(where, reason)``: a row never raises."""
    try:
        return _row_article(row, where, text_column)
    except (TypeError, ValueError, UnicodeError, RecursionError) as error:
        return where, f"not read: {type(error).__name__}: {error}"


def _row_article(row: dict[str, Any], where: str, text_column: str | None) -> Article | tuple[str, str]:
    row = {str(key): _valid_unicode(value) if isinstance(value, str) else value for key, value in row.items()}
    column = text_column or next((c for c in TEXT_COLUMNS if isinstance(row.get(c), str)), None)
    body = row.get(column) if column else None
    if not isinstance(body, str) or not body.strip():
        return where, f"no text in column {column or '/'.join(TEXT_COLUMNS)}"
    given = row.get("article_id")
    if isinstance(given, bool) or not isinstance(given, (str, int, type(None))):
        return where, f"article_id is not text or a whole number: {type(given).__name__}"
    title = next((row[c] for c in TITLE_COLUMNS if isinstance(row.get(c), str) and row[c].strip()), None)
    published, precision = None, None
    for c in DATE_COLUMNS:
        value = row.get(c)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # a year
        if isinstance(value, str) and value.strip():
            published, precision = _parse_row_date(value.strip())
            if published is not None:
                break
    source = next((row[c] for c in SOURCE_COLUMNS if isinstance(row.get(c), str) and row[c].strip()), None)
    body = unicodedata.normalize("NFC", body.replace("\r\n", "\n")).strip()
    title = unicodedata.normalize("NFC", title).strip() if title else None
    lang = row.get("language") if row.get("language") in ("nl", "en") else detect_language(body)
    byline = row.get("byline") if isinstance(row.get("byline"), str) and row["byline"].strip() else None
    article_id = str(given).strip() if given is not None and str(given).strip() else content_hash(title, body)
    return Article(article_id=article_id, title=title, published=published, published_precision=precision,
                   source=source, byline=byline, language=str(lang), text=body, path=where)


def _parse_row_date(value: str) -> tuple[datetime | None, str | None]:
    """A date of a JSON or CSV row, with its precision: ``2021`` is a year, ``2021-09`` a month."""
    from .document import published_with_precision

    return published_with_precision(value)


def read_corpus(path_or_paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]], *,
                lang: str | None = None, errors: str = "collect", progress: bool | None = None,
                text_column: str | None = None, max_bytes: int = MAX_BYTES) -> Corpus:
    """Read a folder, a glob, a list of paths, a JSONL file or a CSV with a text column.

    Parameters
    ----------
    path_or_paths
        What to read. A CSV needs a text column (``text``, ``notes``, ``summary``, ...
        or ``text_column=``), so that event data can be read as a corpus.
    lang
        Force every article's language (``"nl"`` or ``"en"``); ``None`` detects it.
    errors
        ``"collect"`` lists rejected inputs in ``.errors``; ``"raise"`` raises
        ``ValueError`` at the first.
    progress
        Show a progress bar; ``None`` shows one only on an interactive terminal.

    Returns
    -------
    Corpus
        ``.articles`` (one row per article) and ``.errors`` (``path``, ``reason``).
    """
    import pandas as pd

    if errors not in ("collect", "raise"):
        raise ValueError(f"errors must be 'collect' or 'raise', not {errors!r}")
    records: list[Article] = []
    rejected: list[dict[str, str]] = []
    items: Iterable[Article | tuple[str, str]] = iter_corpus(path_or_paths, lang=lang, text_column=text_column,
                                                             max_bytes=max_bytes)
    if progress or (progress is None and sys.stderr.isatty()):
        from tqdm.auto import tqdm

        items = tqdm(items, desc="reading", unit=" articles", disable=False)
    for item in items:
        if isinstance(item, Article):
            records.append(item)
        else:
            if errors == "raise":
                raise Rejected(f"{item[0]}: {item[1]}")
            rejected.append({"path": item[0], "reason": item[1]})
    return Corpus(articles=articles_frame(records), errors=pd.DataFrame(rejected, columns=["path", "reason"]),
                  records=records)


def articles_frame(records: Sequence[Article]) -> "pd.DataFrame":
    """The ``articles`` table of a list of ``Article`` records."""
    import pandas as pd

    frame = pd.DataFrame([as_dict(r) for r in records], columns=ARTICLE_COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"])
    return frame
