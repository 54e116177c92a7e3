"""Tests of the report folder: files, a page that parses, links that resolve, evidence marked in the articles."""

from __future__ import annotations

import html.parser
import json
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import chromium
import pandas as pd
import pytest

from conflictnews import extract, read_corpus
from conflictnews import report as report_module
from conflictnews.aggregate import casualty_totals
from conflictnews.corpus import Corpus
from conflictnews.aggregate import control_as_of
from conflictnews.layouts import ACLED_COLUMNS, LAYOUT_FILES, UCDP_COLUMNS
from conflictnews.maps import map_specs
from conflictnews.pipeline import Extraction
from conflictnews.plots import NO_DATA
from conflictnews.report import (
    _highlight,
    _incidents_with_members,
    _match_members,
    _period,
    _Span,
    _web_address,
    write_report,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"

CHARTS = ["killed_over_time", "killed_by_actor", "killed_by_place", "running_tolls", "territory_control",
          "timeline", "sources"]
MAPS = ["casualties_map", "control_map"]
EXPORTS = [f"exports/{name}" for name in LAYOUT_FILES.values()]
TABLES = ["articles", "casualties", "territory", "timeline", "incidents", "totals", "running_tolls",
          "territory_control", "rejected", "errors"]


# --------------------------------------------------------------------------
# Reading the pages back
# --------------------------------------------------------------------------

@dataclass
class Page:
    """A page as a browser would show it: its text, what is marked, where the anchors are, what it links to."""

    text: str = ""
    marked: list[tuple[int, int]] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def is_marked(self, start: int, end: int) -> bool:
        covered = set()
        for a, b in self.marked:
            covered.update(range(max(a, start), min(b, end)))
        return covered == set(range(start, end))


class _Reader(html.parser.HTMLParser):
    _HIDDEN = frozenset({"style", "title", "script", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._parts: list[str] = []
        self._length = 0
        self._hidden = 0
        self._marks: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.page.tags.append(tag)
        if tag in self._HIDDEN:
            self._hidden += 1
        if values.get("id"):
            assert values["id"] not in self.page.ids, f"duplicate id {values['id']}"
            self.page.ids[str(values["id"])] = self._length
        if tag == "a" and values.get("href"):
            self.page.links.append(str(values["href"]))
        if tag == "img":
            self.page.images.append(str(values.get("src")))
        if tag == "mark":
            self._marks.append(self._length)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden -= 1
        if tag == "mark":
            self.page.marked.append((self._marks.pop(), self._length))

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._parts.append(data)
            self._length += len(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._parts)
        assert not self._marks, "a <mark> is not closed"


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.page


def local_target(page: Path, link: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points to; None for external or in-page-only links."""
    parts = urllib.parse.urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    target = page if not parts.path else (page.parent / urllib.parse.unquote(parts.path)).resolve()
    return target, urllib.parse.unquote(parts.fragment)


# --------------------------------------------------------------------------
# The sample corpus, reported once
# --------------------------------------------------------------------------

@dataclass
class Sample:
    corpus: Corpus
    facts: Extraction
    index: Path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    corpus = read_corpus(DATA, progress=False)
    facts = extract(corpus, progress=False)
    index = write_report(corpus, facts, tmp_path_factory.mktemp("report"), progress=False)
    return Sample(corpus, facts, index)


@pytest.mark.slow
def test_every_file_is_written(sample: Sample) -> None:
    out = sample.index.parent
    assert sample.index.name == "index.html" and sample.index.is_file()
    charts = {p.stem for p in (out / "charts").iterdir()}
    assert set(CHARTS) <= charts
    outcomes = set(sample.facts.casualties["outcome"])
    assert ("injured_over_time" in charts) == ("injured" in outcomes)
    assert ("displaced_over_time" in charts) == ("displaced" in outcomes)
    for name in charts:
        for suffix in ("png", "svg", "pdf"):
            path = out / "charts" / f"{name}.{suffix}"
            assert path.is_file() and path.stat().st_size > 1000, path
    for name in TABLES:
        for suffix in (".csv", ".parquet", ".excel.csv"):
            assert (out / "tables" / f"{name}{suffix}").is_file(), (name, suffix)
    pages = {p.stem for p in (out / "articles").glob("*.html")}
    assert pages == set(sample.corpus.articles["article_id"])


@pytest.mark.slow
def test_index_shows_every_chart_with_its_files(sample: Sample) -> None:
    page = read_page(sample.index)
    shown = {Path(src).stem for src in page.images}
    assert shown == {p.stem for p in (sample.index.parent / "charts").glob("*.png")}
    for name in shown:
        for suffix in ("svg", "pdf"):
            assert f"charts/{name}.{suffix}" in page.links
    assert "How these numbers are counted" in page.text
    assert "headline repeats the lead" in page.text.lower()


@pytest.mark.slow
def test_every_relative_link_and_image_resolves(sample: Sample) -> None:
    pages = [sample.index, *sorted((sample.index.parent / "articles").glob("*.html"))]
    read = {p.resolve(): read_page(p) for p in pages}
    checked = 0
    for path in pages:
        page = read[path.resolve()]
        for link in [*page.links, *page.images]:
            target = local_target(path, link)
            if target is None:
                continue
            file, fragment = target
            assert file.is_file(), f"{path.name}: {link} does not exist"
            if fragment:
                assert fragment in read[file.resolve()].ids, f"{path.name}: {link} has no anchor {fragment!r}"
            checked += 1
    assert checked > 500


@pytest.mark.slow
def test_every_casualty_sentence_is_marked_in_its_article(sample: Sample) -> None:
    casualties = sample.facts.casualties
    assert len(casualties)
    pages: dict[str, Page] = {}
    for position, row in enumerate(casualties.itertuples(index=False)):
        path = sample.index.parent / "articles" / f"{row.article_id}.html"
        page = pages.setdefault(row.article_id, read_page(path))
        anchor = f"c{position}"
        assert anchor in page.ids, f"{path.name} has no anchor {anchor}"
        start = page.ids[anchor]
        end = start + len(row.surface)
        assert page.text[start:end] == row.surface, anchor
        assert page.is_marked(start, end), f"{anchor}: {row.surface!r} is not inside <mark>"
        at = page.text.find(row.sentence)
        while at != -1 and not at <= start < at + len(row.sentence):
            at = page.text.find(row.sentence, at + 1)
        assert at != -1, f"{anchor}: the sentence is not around the marked words"


@pytest.mark.slow
def test_anchors_name_the_rows_of_the_tables(sample: Sample) -> None:
    out = sample.index.parent / "tables"
    written = pd.read_parquet(out / "casualties.parquet")
    assert list(written["surface"]) == list(sample.facts.casualties["surface"])
    incidents = pd.read_parquet(out / "incidents.parquet")
    evidence = incidents["evidence"].str.split("|")
    assert (evidence.map(len) == incidents["reports"]).all()
    casualties = sample.facts.casualties
    for rows, incident in zip(evidence, incidents.itertuples(index=False)):
        for row in rows:
            fact = casualties.iloc[int(row.removeprefix("c"))]
            assert (fact["outcome"], fact["victim_group"]) == (incident.outcome, incident.victim_group)
            assert fact["article_id"] in incident.articles.split("|")


@pytest.mark.slow
def test_totals_are_those_of_casualty_totals(sample: Sample) -> None:
    written = pd.read_parquet(sample.index.parent / "tables" / "totals.parquet")
    expected = casualty_totals(sample.facts.casualties, by=["outcome", "victim_group"])
    pd.testing.assert_frame_equal(written.reset_index(drop=True), expected.reset_index(drop=True),
                                  check_dtype=False)
    page = read_page(sample.index)
    for best in expected["best"]:
        assert f"{int(best):,}" in page.text


@pytest.mark.slow
def test_incident_members_found_by_both_ways(sample: Sample) -> None:
    """The fallback (keys, articles, windows) finds at least the reports that ``incidents`` counted."""
    found, traced = _incidents_with_members(sample.facts.casualties)
    assert len(traced) == len(found) and sum(map(len, traced)) == found["reports"].sum()
    matched = _match_members(found, sample.facts.casualties.reset_index(drop=True))
    assert all(set(t) <= set(m) for t, m in zip(traced, matched))


def _section(source: str, anchor: str) -> str:
    """The markup of ``<section id=anchor>`` of a page."""
    start = source.index(f'<section id="{anchor}">')
    return source[start:source.index("</section>", start)]


@pytest.mark.slow
def test_maps_are_shown_in_their_section_in_three_formats(sample: Sample) -> None:
    out = sample.index.parent
    source = sample.index.read_text(encoding="utf-8")
    section = _section(source, "map")
    page = read_page(sample.index)
    assert "#map" in page.links
    captions = {spec.name: spec.caption for spec in map_specs(pd.DataFrame(), pd.DataFrame())}
    assert set(captions) == set(MAPS)
    for name in MAPS:
        for suffix in ("png", "svg", "pdf"):
            path = out / "charts" / f"{name}.{suffix}"
            assert path.is_file() and path.stat().st_size > 10_000, path
            assert f'href="charts/{name}.{suffix}"' in section
        assert f'src="charts/{name}.png"' in section
        assert captions[name] in page.text
        shown = read_page_image(section, f"charts/{name}.png")
        width, height = report_module._png_size(out / "charts" / f"{name}.png") or (0, 0)
        assert shown[0] <= report_module._MAX_WIDTH and abs(shown[0] / shown[1] - width / height) < 0.01
    assert "map" not in _section(source, "charts")  # the other charts, without the maps


def read_page_image(markup: str, src: str) -> tuple[int, int]:
    """Width and height an ``<img>`` of ``markup`` is shown at."""
    class Images(html.parser.HTMLParser):
        size: tuple[int, int] = (0, 0)

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "img" and found.get("src") == src:
                self.size = (int(found.get("width") or 0), int(found.get("height") or 0))

    parser = Images()
    parser.feed(markup)
    assert parser.size[0] > 0, src
    return parser.size


@pytest.mark.slow
def test_exports_are_written_read_back_and_linked(sample: Sample) -> None:
    out = sample.index.parent
    acled = pd.read_csv(out / "exports" / "events_acled.csv")
    ucdp = pd.read_csv(out / "exports" / "events_ucdp_ged.csv")
    assert list(acled.columns) == list(ACLED_COLUMNS) and len(acled) > 0
    assert list(ucdp.columns) == list(UCDP_COLUMNS) and len(ucdp) > 0
    incidents = pd.read_parquet(out / "tables" / "incidents.parquet")
    killed = int(incidents.loc[incidents["outcome"] == "killed", "best"].sum())
    assert int(ucdp["best"].sum()) == int(acled["fatalities"].sum()) == killed > 0  # nothing counted twice
    collection = json.loads((out / "exports" / "incidents.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(incidents) > 0
    points = [f["geometry"]["coordinates"] for f in collection["features"] if f["geometry"] is not None]
    assert points and all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points)
    places = json.loads((out / "exports" / "places.geojson").read_text(encoding="utf-8"))
    assert len(places["features"]) == len(control_as_of(sample.facts.territory)) > 0
    assert {f["properties"]["place"] for f in places["features"]} <= set(sample.facts.territory["place"])
    page = read_page(sample.index)
    assert set(EXPORTS) <= set(page.links) and "#exports" in page.links
    assert f"ACLED-shaped events ({len(acled):,} events)" in page.text
    assert f"UCDP GED-shaped events ({len(ucdp):,} events)" in page.text
    assert f"({len(places['features']):,} places, as of {places['as_of'][:10]})" in page.text
    assert "deaths_civilians" in page.text and "Government regains territory" not in page.text


# --------------------------------------------------------------------------
# Small and empty corpora
# --------------------------------------------------------------------------

def _no_data_charts(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """Record, per chart written, whether it says "No data"."""
    from conflictnews import export

    seen: dict[str, bool] = {}
    original = export.save_figure

    def recording(fig, path, **kwargs):  # type: ignore[no-untyped-def]
        figure = fig.get_figure() if hasattr(fig, "get_figure") and fig.get_figure() is not None else fig
        texts = [t.get_text() for ax in figure.axes for t in ax.texts]
        seen[Path(path).name] = NO_DATA in texts
        return original(fig, path, **kwargs)

    monkeypatch.setattr(export, "save_figure", recording)
    return seen


@pytest.mark.slow
def test_empty_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _no_data_charts(monkeypatch)
    (tmp_path / "corpus").mkdir()
    corpus = read_corpus(tmp_path / "corpus", progress=False)
    index = write_report(corpus, extract(corpus, progress=False), tmp_path / "report", progress=False)
    page = read_page(index)
    assert "No articles were read" in page.text
    assert set(seen) >= set(CHARTS) and all(seen.values()), seen
    for src in page.images:
        assert (index.parent / src).stat().st_size > 0
    for name in TABLES:
        assert (index.parent / "tables" / f"{name}.csv").is_file()


@pytest.mark.slow
def test_corpus_without_casualties(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Two articles without a casualty figure, one input rejected, markup in a title; progress shown."""
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text(
        "Rebels <script>alert(1)</script> & the army in Aleppo\n\n"
        "The army said on Monday, 24 April 2018, that it controls the city of Aleppo. "
        "Talks will resume next week in Geneva.\n", encoding="utf-8")
    (corpus_dir / "b.txt").write_text(
        "Gesprekken over Damascus\n\nDe onderhandelingen over het zuiden van Damascus gaan volgende week "
        "verder, meldt het staatspersbureau SANA vandaag, vrijdag 20 april.\n", encoding="utf-8")
    (corpus_dir / "empty.txt").write_text("", encoding="utf-8")
    seen = _no_data_charts(monkeypatch)
    corpus = read_corpus(corpus_dir, progress=False)
    facts = extract(corpus, progress=False)
    assert len(corpus.articles) == 2 and len(corpus.errors) == 1
    assert facts.casualties.empty
    index = write_report(corpus, facts, tmp_path / "report", progress=True)
    assert "report" in capsys.readouterr().err
    source = index.read_text(encoding="utf-8")
    # the one script of the index is the report's own table tool, exactly as shipped; the title's is text
    own = (Path(report_module.__file__).parent / "templates" / "tables.js").read_text(encoding="utf-8")
    assert source.count("<script") == 1 and source.count("</script>") == 1
    assert f"<script>{own}</script>" in source
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; the army" in source
    page = read_page(index)
    assert page.tags.count("script") == 1
    for article_page in (index.parent / "articles").glob("*.html"):
        assert "<script" not in article_page.read_text(encoding="utf-8")
    assert "empty.txt" in page.text and str(corpus.errors["reason"].iloc[0]) in page.text
    assert seen["killed_over_time"] and seen["killed_by_place"] and seen["running_tolls"]
    article = read_page(index.parent / "articles" / f"{corpus.articles['article_id'].iloc[0]}.html")
    assert "Rebels <script>alert(1)</script> & the army in Aleppo" in article.text
    for position, row in enumerate(facts.territory.itertuples(index=False)):
        page = read_page(index.parent / "articles" / f"{row.article_id}.html")
        start = page.ids[f"t{position}"]
        assert page.text[start:start + len(row.surface)] == row.surface


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def test_highlight_overlapping_spans() -> None:
    text = "At least 18 <soldiers> died on Tuesday"
    spans = [_Span(0, 11, "c0", "c", "killed: at least 18"), _Span(3, 22, "t1", "t", "x & y"),
             _Span(31, 38, "e2", "e", "day")]
    out = _highlight(text, spans)
    reader = _Reader()
    reader.feed(out)
    reader.close()
    page = reader.page
    assert page.text == text
    assert page.is_marked(0, 22) and page.is_marked(31, 38) and not page.is_marked(22, 31)
    assert page.ids == {"c0": 0, "t1": 3, "e2": 31}
    assert "&lt;soldiers&gt;" in out and 'title="x &amp; y"' in out


def test_highlight_ignores_spans_outside_the_text() -> None:
    assert _highlight("abc", [_Span(2, 9, "c0", "c", "")]) == "abc"


@pytest.mark.parametrize(("start", "end", "precision", "expected"), [
    ("2018-04-18", "2018-04-24", "day", "2018-04-18 – 2018-04-24"),
    ("2018-04-24 18:25", "2018-04-24 18:25", "minute", "2018-04-24 18:25"),
    ("2018-03-01", "2018-03-31", "month", "2018-03"),
    ("2018-03-25", "2018-04-30", "month", "2018-03-25 – 2018-04-30"),
    ("2011-01-01", "2011-12-31", "year", "2011"),
    (None, None, None, ""),
], ids=["days", "minute", "month", "not-a-month", "year", "unknown"])
def test_period(start: str | None, end: str | None, precision: str | None, expected: str) -> None:
    stamp = lambda v: pd.Timestamp(v) if v else None
    assert _period(stamp(start), stamp(end), precision) == expected


# --------------------------------------------------------------------------
# In a real browser: the index's tables sort, filter and search, with no request to the network
# --------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(chromium.executable() is None,
                                    reason="needs Chromium (Debian: apt-get install chromium)")

_VISIBLE = """(() => Array.from(document.querySelectorAll('#incidents-table tbody:not(.group) tr'))
  .filter(r => !r.hidden).map(r => ({place: r.dataset.place || '', source: r.dataset.source || '',
    start: r.dataset.dateStart || '', end: r.dataset.dateEnd || '', text: r.textContent,
    best: r.cells[5].dataset.sort, group: r.parentElement.previousElementSibling.id})))()"""


def _set(browser: chromium.Browser, selector: str, value: str) -> None:
    browser.evaluate(f"""(() => {{ const e = document.querySelector({selector!r}); e.value = {value!r};
        e.dispatchEvent(new Event('input', {{bubbles: true}})); e.dispatchEvent(new Event('change', {{bubbles: true}}));
        }})()""")


@pytest.mark.slow
@needs_chromium
def test_index_tables_sort_filter_and_search_in_chromium(sample: Sample, tmp_path: Path) -> None:
    with chromium.Browser() as browser:
        browser.open(sample.index)
        assert browser.evaluate("document.querySelectorAll('.tools').length") >= 4
        total = len(sample.facts.casualties) and browser.evaluate(
            "document.querySelectorAll('#incidents-table tbody:not(.group) tr').length")
        assert total == len(pd.read_parquet(sample.index.parent / "tables" / "incidents.parquet"))
        tools = "#incidents .tools"
        assert browser.evaluate(f"document.querySelector('{tools} .count').textContent") == f"{total:,} rows"

        # sort by best, up then down, within each victim group
        for direction in ("ascending", "descending"):
            browser.evaluate("document.querySelector('#incidents-table thead th:nth-child(6)').click()")
            rows = browser.evaluate(_VISIBLE)
            by_group: dict[str, list[int]] = {}
            for row in rows:
                by_group.setdefault(row["group"], []).append(int(row["best"]))
            for values in by_group.values():
                assert values == sorted(values, reverse=direction == "descending")
            assert browser.evaluate("document.querySelector('#incidents-table thead th:nth-child(6)')"
                                    ".getAttribute('aria-sort')") == direction

        # filter by place: every row shown is of that place, and no other row is
        places = pd.read_parquet(sample.index.parent / "tables" / "incidents.parquet")["place"].value_counts()
        place = str(places.index[0])
        _set(browser, f"{tools} select[data-tool=place]", place)
        rows = browser.evaluate(_VISIBLE)
        assert len(rows) == places.iloc[0] and all(place in r["place"].split("|") for r in rows)
        assert browser.evaluate(f"document.querySelector('{tools} .count').textContent") == \
            f"{len(rows):,} of {total:,} rows"
        _set(browser, f"{tools} select[data-tool=place]", "")

        # a date range keeps the incidents whose period overlaps it
        _set(browser, f"{tools} input[data-tool=date-from]", "2018-04-01")
        _set(browser, f"{tools} input[data-tool=date-to]", "2018-04-30")
        rows = browser.evaluate(_VISIBLE)
        assert 0 < len(rows) < total
        assert all(r["start"] and r["start"] <= "2018-04-30" and r["end"] >= "2018-04-01" for r in rows)

        # search within that range: every word must occur in the row
        word = "SOHR"
        _set(browser, f"{tools} input[data-tool=search]", word.lower())
        searched = browser.evaluate(_VISIBLE)
        assert 0 < len(searched) <= len(rows) and all(word.lower() in r["text"].lower() for r in searched)
        hidden_groups = browser.evaluate("document.querySelectorAll('#incidents-table tbody.group[hidden]').length")
        assert hidden_groups > 0  # a group without a row shown loses its heading too

        browser.evaluate(f"document.querySelector('{tools} button[data-tool=reset]').click()")
        assert len(browser.evaluate(_VISIBLE)) == total
        browser.screenshot(tmp_path / "incidents.png", selector="#incidents")
        browser.open(sample.index.parent / "articles" / f"{sample.facts.casualties['article_id'].iloc[0]}.html")
        assert browser.evaluate("document.querySelectorAll('mark').length") > 0
    # data: is the date input's calendar icon, drawn by Chromium itself
    elsewhere = [url for url in browser.requests if not url.startswith(("file:", "data:"))]
    assert browser.requests and not elsewhere, elsewhere


# --------------------------------------------------------------------------
# A report written over an older one
# --------------------------------------------------------------------------

def _write_corpus(folder: Path, articles: dict[str, str]) -> Corpus:
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return read_corpus(folder, progress=False)


@pytest.mark.slow
def test_report_over_an_older_one_leaves_no_stale_pages(tmp_path: Path) -> None:
    older = _write_corpus(tmp_path / "older", {
        "market.txt": "Shells hit market in Aleppo\n\nFive civilians were killed and twelve were injured when shells "
                      "hit a market in Aleppo on Monday, 24 April 2018, the civil defence said.\n",
        "convoy.txt": "Convoy ambushed near Homs\n\nSeven soldiers were killed when their convoy was ambushed near "
                      "Homs on Tuesday, 25 April 2018, the army said.\n",
        "talks.txt": "Talks resume in Geneva\n\nDelegations met again in Geneva on Wednesday, 26 April 2018.\n",
    })
    out = tmp_path / "report"
    write_report(older, extract(older, progress=False), out, progress=False)
    old_pages = {p.name for p in (out / "articles").glob("*.html")}
    assert len(old_pages) == 3 and (out / "charts" / "injured_over_time.png").is_file()
    # what the user put there, and an old page the user changed, stay
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    (out / "articles" / "my-page.html").write_text("<p>mine</p>", encoding="utf-8")
    convoy_id = older.articles.set_index(older.articles["path"].map(lambda p: Path(p).name)).loc["convoy.txt",
                                                                                                  "article_id"]
    edited = out / "articles" / f"{convoy_id}.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- checked by me -->", encoding="utf-8")

    newer = _write_corpus(tmp_path / "newer", {
        "bridge.txt": "Bridge retaken\n\nThe army said on Friday, 28 April 2018, that its troops control the bridge "
                      "at Raqqa again after three soldiers were killed.\n"})
    index = write_report(newer, extract(newer, progress=False), out, progress=False)
    new_id = str(newer.articles["article_id"].iloc[0])
    pages = {p.name for p in (out / "articles").glob("*.html")}
    assert pages == {f"{new_id}.html", "my-page.html", edited.name}
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert "checked by me" in edited.read_text(encoding="utf-8")
    assert not list((out / "charts").glob("injured_over_time.*"))  # the older report's chart, unchanged: removed
    page = read_page(index)
    linked = {urllib.parse.unquote(link.split("#")[0]) for link in page.links if link.startswith("articles/")}
    assert linked == {f"articles/{new_id}.html"}
    assert "1 article read" in page.text and "Convoy ambushed" not in page.text
    for link in [*page.links, *page.images]:  # nothing of the index points at a file that is not there
        target = local_target(index, link)
        assert target is None or target[0].is_file(), link


@pytest.mark.slow
def test_maps_and_exports_of_an_older_report_are_removed_or_rewritten(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A report over an older one: a map it no longer draws is removed, the exports hold the new incidents.

    Each map is drawn once per report, and the incidents are located once for the map and the exports.
    """
    from conflictnews import layouts, maps

    calls: dict[str, list[str]] = {"plot_map": [], "located_incidents": []}

    def counted(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name].append(str(kwargs.get("kind", "")))
            return function(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(maps, "plot_map", counted("plot_map", maps.plot_map))
    monkeypatch.setattr(layouts, "located_incidents", counted("located_incidents", layouts.located_incidents))
    out = tmp_path / "report"
    older = _write_corpus(tmp_path / "older", {
        "market.txt": "Shells hit market in Aleppo\n\nFive civilians were killed when shells hit a market in Aleppo "
                      "on Monday, 24 April 2018, the civil defence said.\n",
        "town.txt": "Rebels take Manbij\n\nRebels captured the town of Manbij on Tuesday, 25 April 2018, after two "
                    "days of fighting, a monitoring group said.\n"})
    write_report(older, extract(older, progress=False), out, progress=False)
    assert sorted(calls["plot_map"]) == ["casualties", "control"] and len(calls["located_incidents"]) == 1
    monkeypatch.undo()
    for name in MAPS:
        assert all((out / "charts" / f"{name}.{suffix}").is_file() for suffix in ("png", "svg", "pdf")), name
    assert len(json.loads((out / "exports" / "places.geojson").read_text(encoding="utf-8"))["features"]) == 1
    old_acled = (out / "exports" / "events_acled.csv").read_bytes()

    # no territory claim: the control map goes; the casualty map and the exports are of the new incidents
    newer = _write_corpus(tmp_path / "newer", {
        "convoy.txt": "Convoy ambushed near Homs\n\nSeven soldiers were killed when their convoy was ambushed near "
                      "Homs on Tuesday, 25 April 2018, the army said.\n"})
    index = write_report(newer, extract(newer, progress=False), out, progress=False)
    assert not list((out / "charts").glob("control_map.*"))
    assert (out / "charts" / "casualties_map.png").is_file()
    page = read_page(index)
    assert {Path(src).stem for src in page.images if "map" in src} == {"casualties_map"}
    assert not [link for link in page.links if "control_map" in link]
    acled = pd.read_csv(out / "exports" / "events_acled.csv")
    assert (out / "exports" / "events_acled.csv").read_bytes() != old_acled
    assert acled["location"].tolist() == ["Homs"] and acled["fatalities"].tolist() == [7]
    incidents = json.loads((out / "exports" / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["place"] for f in incidents] == ["Homs"]
    assert json.loads((out / "exports" / "places.geojson").read_text(encoding="utf-8"))["features"] == []
    assert set(EXPORTS) <= set(page.links)
    manifest = json.loads((out / report_module.MANIFEST).read_text(encoding="utf-8"))["files"]
    assert set(EXPORTS) <= set(manifest) and not [name for name in manifest if "control_map" in name]

    # nothing to map: no map section, no map files; the exports are written empty, with their columns
    quiet = _write_corpus(tmp_path / "quiet", {
        "talks.txt": "Talks resume in Geneva\n\nDelegations met again in Geneva on Wednesday, 26 April 2018.\n"})
    index = write_report(quiet, extract(quiet, progress=False), out, progress=False)
    source = index.read_text(encoding="utf-8")
    assert '<section id="map">' not in source and 'href="#map"' not in source
    assert not list((out / "charts").glob("*map*"))
    assert list(pd.read_csv(out / "exports" / "events_ucdp_ged.csv").columns) == list(UCDP_COLUMNS)
    assert len(pd.read_csv(out / "exports" / "events_ucdp_ged.csv")) == 0
    page = read_page(index)
    assert set(EXPORTS) <= set(page.links) and "ACLED-shaped events (0 events)" in page.text
    for link in [*page.links, *page.images]:
        target = local_target(index, link)
        assert target is None or target[0].is_file(), link


@pytest.mark.parametrize(("url", "linked"), [
    ("https://news.example/a?b=1&c=2", True), ("http://news.example/", True), ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False), ("data:text/html,<b>x</b>", False), ("file:///etc/passwd", False), ("", False),
])
def test_only_web_addresses_are_links(url: str, linked: bool) -> None:
    assert _web_address(url)[1] is linked


@pytest.mark.slow
def test_new_fact_columns_are_shown_and_break_nothing(tmp_path: Path) -> None:
    corpus = _write_corpus(tmp_path / "corpus", {
        "market.txt": "Shells hit market in Aleppo\n\nFive civilians were killed when shells hit a market in Aleppo "
                      "on Monday, 24 April 2018, the civil defence said. Rebels still hold the old city of Aleppo, "
                      "the army said.\n"})
    facts = extract(corpus, progress=False)
    assert len(facts.casualties)
    more = Extraction(
        casualties=facts.casualties.assign(country="Syria", perpetrator="<b>artillery</b>", brand_new_column=7),
        territory=facts.territory.assign(admin1="Aleppo Governorate"), timeline=facts.timeline, errors=facts.errors)
    index = write_report(corpus, more, tmp_path / "report", progress=False)
    article_id = str(corpus.articles["article_id"].iloc[0])
    source = (index.parent / "articles" / f"{article_id}.html").read_text(encoding="utf-8")
    page = read_page(index.parent / "articles" / f"{article_id}.html")
    for header in ("country", "perpetrator", "brand new column"):
        assert f"<th>{header}</th>" in source
    assert "Syria" in page.text and "<b>artillery</b>" in page.text and "&lt;b&gt;artillery" in source
    if len(facts.territory):
        assert "<th>region</th>" in source and "Aleppo Governorate" in page.text
    assert read_page(index).text  # the index still renders
