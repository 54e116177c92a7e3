"""Robustness: any text in, no exception out; spans, bounds and dates that hold; no runaway patterns.

Three kinds of tests:

- hypothesis property tests of every public extractor, in both languages, on
  arbitrary Unicode and on mixes of real words, numbers and dates;
- a corpus of bad inputs (empty, binary, cp1252, BOM, HTML, 50 MB, one 5 MB
  line, endless digits, a folder named like a file, unreadable, a CSV without
  a text column, a malformed JSONL line), every input accounted for;
- a guard against patterns whose time grows faster than the text: each
  extractor on adversarial strings of size n and 4n, timed in CPU time of this
  process (so that other jobs on the machine do not count). Known super-linear cases
  are ``xfail(strict=True)`` with the place of the bug: a fix shows up as a
  failure to remove the mark.
"""

from __future__ import annotations

import gc
import json
import os
import re
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import conflictnews as cn
from conflictnews import clauses
from conflictnews.corpus import Rejected
from conflictnews.document import documents
from conflictnews.lexicon import StartScanner, language, world
from conflictnews.numbers import _compiled as count_scanner
from conflictnews.temporal import _pattern as time_pattern
from conflictnews.temporal import _starts as time_starts
from tests.conftest import DATA, SHARED, assert_spans, needs_shared
from tests.generate import long_article

LANGUAGES = ("nl", "en")
PUBLISHED = datetime(2018, 4, 24, 18, 25)
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------
# Text strategies
# --------------------------------------------------------------------------

_WORD_LISTS = (
    "numbers.word_morphemes", "numbers.vague", "numbers.approximate", "numbers.multipliers", "numbers.fractions",
    "qualifiers.at_least", "qualifiers.more_than", "qualifiers.about", "qualifiers.at_most", "qualifiers.up_to",
    "casualties.killed", "casualties.injured", "casualties.captured", "casualties.missing", "casualties.displaced",
    "victims.military", "victims.armed_group", "victims.civilian", "victims.unknown",
    "time.months", "time.weekdays", "time.relative_days", "time.named", "time.window_openers", "time.units",
    "time.since", "territory.controls", "territory.captured", "territory.lost", "territory.besieged",
    "attribution.cues",
)


def _vocabulary(lang: str) -> list[str]:
    data = language(lang)
    words = [w for path in _WORD_LISTS for w in data.words(path)]
    names = [name for name in [*world().places, *world().actors, *world().sources]][:300]
    return sorted(set(words)) + names


_FILLER = ["de", "het", "een", "en", "van", "in", "the", "a", "and", "of", "IS", "Syrische", "Syrian", "soldaten",
           "burgers", "civilians", "fighters", ",", ".", ". ", "\n", "\n\n", "-", "–", "’", "'", "(", ")", '"',
           "Dr.", "ca.", "%", "procent", "per cent"]


@st.composite
def _numbers(draw: st.DrawFn) -> str:
    value = draw(st.integers(min_value=0, max_value=12_000_000))
    style = draw(st.sampled_from(["plain", "nl", "en", "decimal", "range", "huge"]))
    if style == "nl":
        return f"{value:,}".replace(",", ".")
    if style == "en":
        return f"{value:,}"
    if style == "decimal":
        return f"{value % 100},{value % 10}"
    if style == "range":
        return f"{value % 50}-{value % 50 + draw(st.integers(0, 40))}"
    if style == "huge":
        return "9" * draw(st.integers(16, 400))
    return str(value)


@st.composite
def _dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(1890, 2030))
    month = draw(st.integers(1, 13))
    day = draw(st.integers(0, 32))
    return draw(st.sampled_from([
        f"{day} april {year}", f"April {day}, {year}", f"{day}/{month}/{year}", f"{year}-{month:02d}-{day:02d}",
        f"{year}-{year + draw(st.integers(-2, 3))}", f"sinds {year}", f"since {year}", f"{day} {month}",
        f"eind september {year}", f"{day}u{month:02d}", f"in {year}",
    ]))


def _words(lang: str, *paths: str) -> st.SearchStrategy[str]:
    data = language(lang)
    return st.sampled_from(sorted({w for path in paths for w in data.words(path)}) or [""])


def _sentences(lang: str) -> st.SearchStrategy[str]:
    """Sentence-shaped word salad: qualifier, count, victims, verb, place, time, source, in that order or not."""
    parts = [
        _words(lang, "qualifiers.at_least", "qualifiers.more_than", "qualifiers.about", "qualifiers.up_to"),
        st.one_of(_numbers(), _words(lang, "numbers.word_morphemes", "numbers.vague")),
        _words(lang, "victims.military", "victims.armed_group", "victims.civilian", "victims.unknown"),
        _words(lang, "casualties.killed", "casualties.injured", "casualties.captured", "casualties.displaced",
               "territory.controls", "territory.captured", "territory.lost", "territory.besieged"),
        st.sampled_from(sorted(world().places)[:200]),
        st.one_of(_dates(), _words(lang, "time.relative_days", "time.weekdays", "time.named")),
        st.sampled_from(sorted(world().sources)[:50] + sorted(world().actors)[:50]),
    ]
    shuffled = st.tuples(*parts).flatmap(lambda words: st.permutations(list(words)))
    return st.one_of(st.tuples(*parts).map(list), shuffled).map(lambda words: " ".join(words) + ".")


def newsy(lang: str) -> st.SearchStrategy[str]:
    """Texts of real words of ``lang``, numbers and dates, in any order, and sentence-shaped salad."""
    token = st.one_of(st.sampled_from(_vocabulary(lang)), st.sampled_from(_FILLER), _numbers(), _dates(),
                      _sentences(lang))
    return st.lists(token, max_size=30).map(" ".join)


ANY_TEXT = st.text(max_size=300)
TEXTS = {lang: st.one_of(ANY_TEXT, newsy(lang)) for lang in LANGUAGES}

EXTRACTORS: dict[str, Callable[..., list[Any]]] = {
    "casualties": cn.extract_casualties, "territory": cn.extract_territory, "timeline": cn.extract_timeline,
}
_ABSOLUTE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)|\d{1,2}[/.]\d{1,2}[/.]\d{2}")


def check_records(records: list[Any], text: str, title: str | None, published: datetime | None) -> None:
    """The span invariant, honest bounds, and no relative date after publication."""
    assert_spans(records, text, title)
    for record in records:
        bounds = [getattr(record, name, None) for name in ("count_low", "count_best", "count_high")]
        present = [b for b in bounds if b is not None]
        assert present == sorted(present), record
        if published is None:
            continue
        # Months and days written without a year are the latest on or just after publication;
        # only a year (or a numeric date) may take a date past it.
        latest = published + timedelta(days=1)
        start = getattr(record, "date_start", None)
        if start is not None and not _ABSOLUTE.search(record.surface):
            assert start <= latest, record
        if not _ABSOLUTE.search(text) and not (title and _ABSOLUTE.search(title)):
            for name in ("period_start", "since"):
                value = getattr(record, name, None)
                assert value is None or value <= latest, record


# --------------------------------------------------------------------------
# Properties of the extractors
# --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", sorted(EXTRACTORS))
@PROPERTY
@given(data=st.data())
def test_extractor_on_any_text(name: str, lang: str, data: st.DataObject) -> None:
    text = data.draw(TEXTS[lang])
    records = EXTRACTORS[name](text, lang=lang, published=PUBLISHED)
    check_records(records, text, None, PUBLISHED)


@pytest.mark.parametrize("lang", LANGUAGES)
@PROPERTY
@given(data=st.data())
def test_extractors_on_articles_with_headlines(lang: str, data: st.DataObject) -> None:
    """A headline's rows carry the headline's offsets (``from_title``)."""
    title = data.draw(newsy(lang).filter(lambda t: 3 <= len(t.strip()) <= 150 and "\n" not in t))
    body = data.draw(newsy(lang))
    try:
        article = cn.read_article(f"date 2018-04 {title.strip()}\n24 april 2018\n18u25\nBron: Belga 1\n\n{body}")
    except Rejected:
        return
    for extract in EXTRACTORS.values():
        check_records(extract(article), article.text, article.title, article.published)
    facts = cn.extract([article], progress=False)
    assert facts.errors.empty, facts.errors.reason.tolist()


@pytest.mark.parametrize("lang", LANGUAGES)
@PROPERTY
@given(data=st.data())
def test_parse_count_on_any_text(lang: str, data: st.DataObject) -> None:
    text = data.draw(TEXTS[lang])
    count = cn.parse_count(text, lang=lang)
    if count is not None:
        assert count.surface and count.surface in text
        present = [b for b in (count.low, count.best, count.high) if b is not None]
        assert present == sorted(present)


@pytest.mark.parametrize("lang", LANGUAGES)
@PROPERTY
@given(data=st.data())
def test_read_article_on_any_text(lang: str, data: st.DataObject) -> None:
    text = data.draw(TEXTS[lang])
    try:
        article = cn.read_article(text)
    except Rejected:
        return
    assert article.text.strip() and article.language in LANGUAGES
    assert len(article.article_id) == 16


def test_unsupported_language_is_a_value_error() -> None:
    for extract in EXTRACTORS.values():
        with pytest.raises(ValueError, match="supported are"):
            extract("Zeker 5 doden.", lang="fr")
    with pytest.raises(ValueError, match="supported are"):
        cn.parse_count("5", lang="xx")


def test_numbers_too_long_to_be_counts() -> None:
    """Thousands of digits are not a count (they used to raise OverflowError and ValueError)."""
    for lang in LANGUAGES:
        assert cn.parse_count("9" * 5000, lang=lang) is None
        assert cn.parse_count("9" * 400 + " doden", lang=lang) is None
        assert cn.extract_casualties("Er vielen " + "9" * 5000 + " doden.", lang=lang) == []


@pytest.mark.parametrize("published, precision", [("2021", None), ("2021-09", "month"), ("2021-09-30", "day"),
                                                  ("2021-09-30T10:00", "day")])
def test_published_as_text_keeps_its_precision_in_the_python_api(published: str, precision: str | None) -> None:
    """A month or a year invents no day ("donderdag" is not 26 August 2021 in an article of September)."""
    text = "Op donderdag zijn zeker drie burgers gedood."
    (report,) = cn.extract_casualties(text, lang="nl", published=published)
    (event,) = cn.extract_timeline(text, lang="nl", published=published)
    assert report.date_precision == precision  # a fact of a month-dated page is dated to the month, no closer
    if precision == "day":
        assert report.period_start == event.date_start == datetime(2021, 9, 30)
    else:
        assert event.date_start is None and event.date_precision is None
        assert report.period_start in (None, datetime(2021, 9, 1))


def test_articles_dataframe_with_missing_dates() -> None:
    """``extract(corpus.articles)``: a missing date is NaT there (it used to fail every such article)."""
    corpus = cn.read_corpus(DATA / "articles", progress=False)
    assert corpus.articles.published.isna().any()
    from_frame = cn.extract(corpus.articles, progress=False)
    from_corpus = cn.extract(corpus, progress=False)
    assert from_frame.errors.empty
    assert len(from_frame.casualties) == len(from_corpus.casualties)


# --------------------------------------------------------------------------
# The start scanners find what the full patterns find
# --------------------------------------------------------------------------

def _scanners(lang: str) -> dict[str, StartScanner]:
    data = language(lang)
    return {"counts": count_scanner(lang), "times": StartScanner(time_pattern(data), time_starts(data))}


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_start_scanners_match_the_full_patterns(lang: str, data: st.DataObject) -> None:
    text = data.draw(TEXTS[lang])
    for scanner in _scanners(lang).values():
        expected = [(m.span(), m.lastgroup) for m in scanner.pattern.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in scanner.finditer(text)] == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_scanners_on_the_bundled_articles(lang: str) -> None:
    corpus = cn.read_corpus(DATA / "articles", progress=False)
    for text in [*corpus.articles.text, *corpus.articles.title.dropna()]:
        for scanner in _scanners(lang).values():
            assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in scanner.pattern.finditer(text)]


# --------------------------------------------------------------------------
# Each sentence's cues are those a scan of the sentence alone finds
# --------------------------------------------------------------------------

def _assert_sentence_cues(text: str, lang: str) -> None:
    """The clause layer takes a sentence's cues from one scan of the whole document (``clauses._cues``):
    they must be the matches of a scan of that sentence alone, edge cases included."""
    for doc in documents(text, lang=lang):
        scanner = clauses._get(lang).cues
        for index, sentence in enumerate(doc.sentences):
            alone = [(m.span(), m.lastgroup) for m in scanner.finditer(doc.text, sentence.start, sentence.end)]
            assert [(m.span(), m.lastgroup) for m in clauses._sentence_cues(doc, index)] == alone, sentence.text


# A claim of responsibility whose words run across a full stop ("claimed it yet. Responsibility"): the scan of
# the whole text finds a claim there, the scan of the first sentence alone a speech verb ("has claimed").
# A run-on sentence cut inside a word, and one that ends on a cue.
SENTENCE_EDGES = [
    ("en", "Nobody has claimed it yet. Responsibility lies with the army, said a local official."),
    ("en", "Gunmen killed three villagers. Police said"),
    ("nl", "Niemand heeft de aanslag opgeëist. De aanval\n\nkostte vier burgers het leven, meldt de politie."),
    ("nl", "x" * 1996 + "aanvallen" + "y" * 20 + " door IS gedood."),
    ("en", "a" * 1997 + "attacks" + " by the rebels killed 12."),
]


@pytest.mark.parametrize("lang,text", SENTENCE_EDGES, ids=[f"edge{i}" for i in range(len(SENTENCE_EDGES))])
def test_sentence_cues_at_sentence_edges(lang: str, text: str) -> None:
    _assert_sentence_cues(text, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_sentence_cues_on_any_text(lang: str, data: st.DataObject) -> None:
    _assert_sentence_cues(data.draw(TEXTS[lang]), lang)


def test_sentence_cues_on_the_bundled_articles() -> None:
    for article in cn.read_corpus(DATA / "articles", progress=False).records:
        _assert_sentence_cues(article.text, article.language)


@needs_shared("corpus")
def test_sentence_cues_on_the_real_articles() -> None:
    for article in cn.read_corpus(SHARED / "corpus", progress=False).records:
        _assert_sentence_cues(article.text, article.language)


# --------------------------------------------------------------------------
# A corpus of bad inputs
# --------------------------------------------------------------------------

BODY = "Bij een aanval zijn gisteren zeker drie burgers gedood, meldt het Syrisch Observatorium. "


def test_bad_input_corpus_every_input_accounted_for(tmp_path: Path) -> None:
    files: dict[str, int] = {}  # file -> how many articles or errors it must give

    def write(name: str, data: bytes | str, inputs: int = 1) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        files[name] = inputs
        return path

    write("empty.txt", b"")
    write("binary.dat", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    write("cp1252.txt", ("Aanval op café in Idlib\n\n" + BODY + "Één van hen was 23 jaar.").encode("cp1252"))
    write("bom.txt", b"\xef\xbb\xbf" + ("Aanval in Douma\r\n\r\n" + BODY).encode("utf-8"))
    write("page.html", f"<!doctype html><html><head><title>Aanval</title><style>p{{}}</style></head>"
                       f"<body><nav>menu</nav><p>{BODY}</p><p>Tweede alinea.</p></body></html>")
    with open(tmp_path / "fifty-mb.txt", "wb") as handle:  # sparse: cheap to write, 50 MB to the reader
        handle.truncate(50_000_000)
    files["fifty-mb.txt"] = 1
    write("one-line.txt", ("Het leger rukte op en 12 strijders kwamen om. " * 110_000)[:5_000_000])
    write("digit-dots.txt", "1." * 500_000)
    write("nines.txt", "9" * 1_000_000)
    (tmp_path / "folder.txt").mkdir()  # a folder named like a file: walked, not read
    write("folder.txt/inside.txt", BODY.replace("drie", "vier"))
    write("no-text-column.csv", "date,fatalities\n2018-04-24,3\n2018-04-25,4\n")
    write("rows.jsonl", "\n".join([json.dumps({"text": BODY.replace("drie", "vijf"), "title": "Aanval"}),
                                   '{"text": "unterminated', json.dumps({"text": "Five civilians were killed."})]),
          inputs=3)
    unreadable = write("unreadable.txt", BODY.replace("drie", "zes"))
    unreadable.chmod(0)
    try:
        readable_anyway = os.access(unreadable, os.R_OK)  # root reads it anyway
        started = time.perf_counter()
        corpus = cn.read_corpus([tmp_path, tmp_path / "missing.txt"], progress=False)
        seconds = time.perf_counter() - started
    finally:
        unreadable.chmod(0o644)
    reasons = {str(Path(p).relative_to(tmp_path)) if p.startswith(str(tmp_path)) else p: r
               for p, r in zip(corpus.errors.path, corpus.errors.reason)}
    read = [str(Path(p.split(".jsonl:")[0] + ".jsonl" if ".jsonl:" in p else p).relative_to(tmp_path))
            for p in corpus.articles.path]
    assert len(corpus.articles) + len(corpus.errors) == sum(files.values()) + 1  # and the missing path
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.dat"] == "binary file, not text"
    assert reasons["fifty-mb.txt"].startswith("too large")
    assert reasons["no-text-column.csv"].startswith("no text column")
    assert reasons["missing.txt"] == "no such file or folder"
    assert any(k.startswith("rows.jsonl:2") and v.startswith("not JSON") for k, v in reasons.items())
    assert read.count("rows.jsonl") == 2
    for name in ("cp1252.txt", "bom.txt", "page.html", "one-line.txt", "digit-dots.txt", "nines.txt",
                 "folder.txt/inside.txt"):
        assert name in read, reasons.get(name)
    if readable_anyway:
        assert "unreadable.txt" in read
    else:
        assert reasons["unreadable.txt"].startswith("unreadable")
    articles = corpus.articles.set_index(corpus.articles.path.map(lambda p: Path(p).name))
    assert articles.loc["cp1252.txt", "title"] == "Aanval op café in Idlib"
    assert articles.loc["cp1252.txt", "text"].endswith("Één van hen was 23 jaar.")
    assert articles.loc["bom.txt", "title"] == "Aanval in Douma" and "\ufeff" not in articles.loc["bom.txt", "text"]
    assert articles.loc["page.html", "title"] == "Aanval" and "menu" not in articles.loc["page.html", "text"]
    assert seconds < 30


def test_small_bad_inputs_extract_without_errors(tmp_path: Path) -> None:
    (tmp_path / "cp1252.txt").write_bytes(("Aanval op café\n\n" + BODY).encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + BODY.replace("drie", "vier").encode("utf-8"))
    (tmp_path / "page.html").write_text(f"<html><body><p>{BODY.replace('drie', 'vijf')}</p></body></html>",
                                        encoding="utf-8")
    (tmp_path / "digits.txt").write_text("1." * 2000 + " en " + "9" * 3000 + " doden.", encoding="utf-8")
    corpus = cn.read_corpus(tmp_path, progress=False)
    assert len(corpus.articles) == 4 and corpus.errors.empty
    facts = cn.extract(corpus, progress=False)
    assert facts.errors.empty, facts.errors.reason.tolist()
    assert sorted(facts.casualties.count_best) == [3, 4, 5]


# --------------------------------------------------------------------------
# Runaway patterns: time on n and 4n characters
# --------------------------------------------------------------------------

ADVERSARIAL: dict[str, tuple[str, Callable[[int], str]]] = {  # name: (language, n -> a text of about n characters)
    "digit-dot-run": ("nl", lambda n: "1." * (n // 2)),
    "nines": ("en", lambda n: "9" * n),
    "number-words-nl": ("nl", lambda n: "twintig " * (n // 8)),
    "number-words-en": ("en", lambda n: "twenty " * (n // 7)),
    "glued-number-words": ("nl", lambda n: "drieëntwintig" * (n // 13)),
    "zeker-zeker": ("nl", lambda n: "zeker " * (n // 6)),
    "at-least-at-least": ("en", lambda n: "at least " * (n // 9)),
    "en-en-en": ("nl", lambda n: "en " * (n // 3)),
    "and-and-and": ("en", lambda n: "and " * (n // 4)),
    "hyphenated-word": ("nl", lambda n: "IS-" * (n // 3) + "strijders zijn gedood."),
    "abbreviations": ("en", lambda n: "Dr. " * (n // 4) + "Five soldiers were killed."),
    "long-word": ("nl", lambda n: "a" * n + ", 5 doden."),
    "counts-in-one-sentence-nl": ("nl", lambda n: "5 doden " * (n // 8)),
    "counts-in-one-sentence-en": ("en", lambda n: "killed 5 " * (n // 9)),
    "dates-in-one-sentence": ("nl", lambda n: "24 april 2018 " * (n // 14)),
    "places-and-counts-in-sentences": ("nl", lambda n: "Vijf soldaten kwamen om in Bachmoet en drie bij Avdiivka. "
                                                       * (n // 60)),
    "blank-lines": ("nl", lambda n: "\n" * n + "Zeker 5 doden."),
    "leading-spaces": ("nl", lambda n: " " * n + "Zeker 5 doden."),
    "held-compounds": ("en", lambda n: "the IS-held " * (n // 12)),
    "held-compounds-and-places": ("en", lambda n: "the IS-held Raqqa " * (n // 18)),
    "held-compounds-nl": ("nl", lambda n: "de door IS gecontroleerde stad Raqqa " * (n // 37)),
    "ranges-in-one-sentence": ("en", lambda n: "between 5 and 10 killed " * (n // 24)),
    "ranges-with-verbs": ("en", lambda n: "between 5 and 10 people were killed, " * (n // 37)),
    "ranges-nl": ("nl", lambda n: "tussen 5 en 10 doden, " * (n // 22)),
    "claims-in-one-sentence": ("en", lambda n: "IS captured Raqqa and " * (n // 22)),
    "counts-and-places-in-one-sentence": ("en", lambda n: "5 soldiers were killed in Bakhmut and 3 near Avdiivka, "
                                                          * (n // 56)),
    "places-then-counts": ("en", lambda n: "Raqqa was shelled. Five people were killed. " * (n // 44)),
    "generated-article-nl": ("nl", lambda n: long_article(n, lang="nl")),
    "generated-article-en": ("en", lambda n: long_article(n, lang="en")),
}
SIZES = {"blank-lines": 4000, "leading-spaces": 4000, "dates-in-one-sentence": 2000,  # else 1000 characters, and 4000
         "places-and-counts-in-sentences": 4000,
         "held-compounds": 5000, "held-compounds-and-places": 5000, "held-compounds-nl": 5000,
         "ranges-in-one-sentence": 10_000, "ranges-with-verbs": 10_000, "ranges-nl": 10_000,
         "claims-in-one-sentence": 5000, "counts-and-places-in-one-sentence": 4000,
         # A place looked up over the whole document for each count grows with the square of the text,
         # but slowly: it shows plainly only in long texts.
         "places-then-counts": 50_000, "generated-article-nl": 100_000, "generated-article-en": 100_000}

RUNNERS: dict[str, Callable[[str, str], Any]] = {
    "extract_casualties": lambda text, lang: cn.extract_casualties(text, lang=lang, published=PUBLISHED),
    "extract_territory": lambda text, lang: cn.extract_territory(text, lang=lang, published=PUBLISHED),
    "extract_timeline": lambda text, lang: cn.extract_timeline(text, lang=lang, published=PUBLISHED),
    "parse_count": lambda text, lang: cn.parse_count(text, lang=lang),
    "read_article": lambda text, lang: cn.read_article(text),
}

# (input, extractor) -> where the super-linear time comes from; none are known now.
KNOWN_SUPERLINEAR: dict[tuple[str, str], str] = {}
RATIO = 8.0  # linear growth gives 4; a quadratic one 16
FLOOR = 0.05  # seconds: below this on 4n characters, any ratio passes (timer noise)


def _seconds(run: Callable[[str, str], Any], text: str, lang: str, repeats: int) -> float:
    """The best CPU time of this process over ``repeats`` runs (other processes on the machine do not count).

    The cyclic garbage collector is paused while a run is timed: a full collection falls into one run or
    another depending on how many objects earlier tests left, and is not the extractor's growth.
    """
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            try:
                run(text, lang)
            except Rejected:
                pass
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
        if best > 3.0:
            break
    return best


def _cases() -> list[Any]:
    cases = []
    for name in ADVERSARIAL:
        for runner in RUNNERS:
            marks = []
            if (name, runner) in KNOWN_SUPERLINEAR:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_SUPERLINEAR[(name, runner)]))
            cases.append(pytest.param(name, runner, marks=marks, id=f"{runner}-{name}"))
    return cases


@pytest.mark.slow
@pytest.mark.parametrize("name, runner", _cases())
def test_time_grows_linearly(name: str, runner: str) -> None:
    lang, make = ADVERSARIAL[name]
    run = RUNNERS[runner]
    n = SIZES.get(name, 1000)
    small, large = make(n), make(4 * n)
    run(small, lang)  # warm the caches
    first = _seconds(run, small, lang, 3)
    second = _seconds(run, large, lang, 2)
    ratio = second / max(first, 1e-6)
    assert second < FLOOR or ratio < RATIO, f"{n} chars: {first:.4f} s, {4 * n} chars: {second:.4f} s (x{ratio:.1f})"


PLACES_AND_COUNTS = ("5 soldiers were killed in Bakhmut and 3 near Avdiivka, 7 in the village of Ndogo "
                     "(Kramatorsk, Donetsk) and 2 in Kyiv, ")


@pytest.mark.slow
def test_the_place_of_each_count_grows_linearly() -> None:
    """``places.event_place`` for every count of one long sentence full of places: n and 4n characters.

    (The casualty reader around it is not timed here: its subset and outcome cues are searched from the
    start of the sentence for each count, which is quadratic in one sentence of thousands of counts.)
    """
    from conflictnews.document import documents
    from conflictnews.places import event_place

    def run(text: str, lang: str) -> None:
        doc = documents(text, lang=lang)[0]
        for sentence in doc.sentences:
            for count in doc.within(doc.counts, sentence.start, sentence.end, "counts"):
                event_place(doc, count.start, count.end, sentence=sentence)

    small, large = PLACES_AND_COUNTS * 33, PLACES_AND_COUNTS * 132
    run(small, "en")
    first = _seconds(run, small, "en", 3)
    second = _seconds(run, large, "en", 2)
    ratio = second / max(first, 1e-6)
    assert second < FLOOR or ratio < RATIO, f"{len(small)} chars: {first:.4f} s, {len(large)} chars: {second:.4f} s"
