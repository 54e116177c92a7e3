"""The report folder: tables, charts and an index page that shows the evidence of every number.

:func:`write_report` writes, under one folder::

    index.html                  what was read, the charts, the key tables, the counting rules
    articles/<article_id>.html  one page per article, every extracted span highlighted
    charts/<name>.png|svg|pdf   every chart of :mod:`conflictnews.plots`
    tables/<name>.csv|parquet|excel.csv

Every figure in a table of ``index.html`` leads to its evidence in at most two
clicks: a total links to the incidents it adds up, an incident shows the
sentence of each report behind it (the counted words marked) and links to the
article page, where the sentence is marked in the body under an anchor named
after the fact: ``#c12`` for row 12 (counting from 0) of ``tables/casualties``,
``#t3`` for a territory claim, ``#e7`` for a timeline event.

The pages are self-contained HTML: inline CSS, no scripts, no external assets;
every piece of text read from the corpus is escaped.
"""

from __future__ import annotations

import html
import re
import struct
import sys
import urllib.parse
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from .pipeline import Extraction

__all__ = ["COUNTING_RULES", "write_report"]

#: The counting rules of ``aggregate.casualty_totals``, in an analyst's words,
#: as the report shows them.
COUNTING_RULES: tuple[tuple[str, str], ...] = (
    ("The headline repeats the lead.",
     "A figure read in a headline is dropped when the article's body reports the same outcome."),
    ("A report inside another report's window is part of it.",
     ("For the same outcome, victims and place, a report whose period lies within another report's period "
      "(\"18 soldiers in the past 24 hours\" inside \"52 soldiers in six days\") is not added to it, "
      "across articles too.")),
    ("Running tolls stand apart.",
     ("Cumulative tolls (\"since 2011 more than 350,000 dead\") never enter incident totals; they are shown "
      "as reported, in their own chart and table.")),
    ("Several sources give a range.",
     ("When accounts of one incident disagree, low is the lowest figure, high the highest, and best the "
      "lowest reliable one (ACLED's conservative rule). An open upper bound (\"at least 18\") leaves high open.")),
    ("Unknown victims beside known ones are the rest.",
     ("Within one article and the same days, a figure for victims of unknown side restates the figures for "
      "known sides (dropped) or adds the rest (\"15 killed, 10 of them soldiers\": 5 of unknown side).")),
    ("Parts are inside their total.",
     "\"Among them five children\" is part of the figure it belongs to and is not added again."),
)

_OUTCOME_ORDER = ("killed", "injured", "captured", "missing", "displaced")
_GROUP_ORDER = ("military", "armed_group", "civilian", "unknown")
_GROUP_LABELS = {"military": "military (state forces)", "armed_group": "armed group (non-state fighters)",
                 "civilian": "civilian", "unknown": "unknown"}
_ARTICLE_COLUMNS = ["article_id", "title", "published", "published_precision", "source", "byline", "language",
                    "text", "path"]
_INCIDENT_KEYS = ["outcome", "victim_group", "victim_actor", "place"]
_LANGUAGES = {"nl": "Dutch", "en": "English"}
_FORMAT_LABELS = {"csv": "CSV", "parquet": "Parquet", "excel.csv": "Excel CSV"}
_DISPLAY_SCALE = 0.6  # CSS pixels per PNG pixel: charts saved at 200 dpi are shown at 120 pixels per inch
_MAX_WIDTH = 1134  # the width of a figure's box on the page


# --------------------------------------------------------------------------
# Small helpers: missing values, numbers, dates, escaping
# --------------------------------------------------------------------------

def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value: Any, default: str = "") -> str:
    """Text of a cell; ``default`` when it is missing."""
    return default if _missing(value) else str(value)


def _e(value: Any, default: str = "") -> str:
    """Escaped text of a cell."""
    return html.escape(_text(value, default))


def _int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _number(value: Any, *, open_text: str = "") -> str:
    """``1,234``; ``open_text`` for a missing (open) bound."""
    number = _int(value)
    return open_text if number is None else f"{number:,}"


def _timestamp(value: Any) -> pd.Timestamp | None:
    if _missing(value):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if _missing(stamp) else stamp


def _date(value: Any, precision: Any = None) -> str:
    """A date as an analyst reads it: ``2018-04-24``, ``2018-04-24 18:25``, ``2018-04``, ``2018``."""
    stamp = _timestamp(value)
    if stamp is None:
        return ""
    precision = _text(precision)
    if precision == "year":
        return stamp.strftime("%Y")
    if precision == "month":
        return stamp.strftime("%Y-%m")
    if precision == "minute" or (stamp.hour, stamp.minute) != (0, 0):
        return stamp.strftime("%Y-%m-%d %H:%M")
    return stamp.strftime("%Y-%m-%d")


def _period(start: Any, end: Any, precision: Any = None) -> str:
    """``2018-04-18 – 2018-04-24``; one date for one day, ``2018-03`` for a whole month; empty when unknown.

    >>> _period(pd.Timestamp("2018-04-18"), pd.Timestamp("2018-04-24 18:25"))
    '2018-04-18 – 2018-04-24 18:25'
    >>> _period(pd.Timestamp("2018-03-01"), pd.Timestamp("2018-03-31"), "month")
    '2018-03'
    """
    first, last = _timestamp(start), _timestamp(end)
    if first is None and last is None:
        return ""
    precision = _text(precision)
    if first is not None and (last is None or last.year == first.year):
        if precision == "year" and (first.month, first.day) == (1, 1):
            return first.strftime("%Y")
        if precision == "month" and first.day == 1 and (last is None or last.month == first.month):
            return first.strftime("%Y-%m")
    a, b = _date(first), _date(last)
    if a[:10] == b[:10]:
        return a if len(a) >= len(b) else b
    return f"{a or '?'} – {b or '?'}"


def _label(value: Any, missing: str = "not stated") -> str:
    return _text(value, missing).replace("_", " ")


def _group_label(value: Any) -> str:
    return _GROUP_LABELS.get(_text(value), _label(value))


def _group_order(outcome: str, group: str) -> tuple[int, int, str, str]:
    """Outcomes and victim groups in the order of SPEC.md, others after them by name."""
    return (_OUTCOME_ORDER.index(outcome) if outcome in _OUTCOME_ORDER else len(_OUTCOME_ORDER),
            _GROUP_ORDER.index(group) if group in _GROUP_ORDER else len(_GROUP_ORDER), outcome, group)


def _slug(*parts: Any) -> str:
    raw = "-".join(_text(p, "none") for p in parts).lower()
    return re.sub(r"[^a-z0-9]+", "-", raw).strip("-") or "none"


def _order(values: Iterable[Any], known: Sequence[str]) -> list[Any]:
    present = list(dict.fromkeys(values))
    first = [v for v in known if v in present]
    return first + sorted((v for v in present if v not in known), key=lambda v: _text(v, "~"))


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a table as dicts keyed by column name."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]


def _record(frame: pd.DataFrame, position: int) -> dict[str, Any]:
    """Row ``position`` (counting from 0) of a table as a dict keyed by column name."""
    return {str(k): v for k, v in frame.iloc[position].items()}


def _png_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a PNG file, read from its header."""
    with open(path, "rb") as file:
        head = file.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


# --------------------------------------------------------------------------
# Articles: file names and the evidence of a fact
# --------------------------------------------------------------------------

class _Articles:
    """The corpus's articles by id, with the file name of each article's page."""

    def __init__(self, articles: pd.DataFrame) -> None:
        frame = articles.reindex(columns=list(dict.fromkeys([*_ARTICLE_COLUMNS, *articles.columns])))
        frame = frame[frame["article_id"].notna()].drop_duplicates("article_id")
        self.frame = frame.reset_index(drop=True)
        self.rows: dict[str, dict[str, Any]] = {str(r["article_id"]): r for r in _records(self.frame)}
        self.files: dict[str, str] = {}
        taken: set[str] = set()
        for article_id in self.rows:
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", article_id).strip("._")[:80] or "article"
            candidate, n = name, 1
            while candidate.lower() in taken:
                n += 1
                candidate = f"{name}-{n}"
            taken.add(candidate.lower())
            self.files[article_id] = candidate + ".html"

    def href(self, article_id: Any, anchor: str | None = None, *, prefix: str = "articles/") -> str | None:
        """Link to an article's page (from ``index.html`` by default); None when there is no page."""
        name = self.files.get(_text(article_id))
        if name is None:
            return None
        return prefix + urllib.parse.quote(name) + (f"#{anchor}" if anchor else "")

    def title(self, article_id: Any) -> str:
        row = self.rows.get(_text(article_id))
        if row is None:
            return _text(article_id, "unknown article")
        path = _text(row.get("path"))
        return _text(row.get("title")) or (Path(path).name if path else "") or _text(article_id)

    def source_text(self, article_id: Any, from_title: Any) -> str | None:
        """The text the spans of a fact refer to: the title for headline facts, else the body."""
        row = self.rows.get(_text(article_id))
        if row is None:
            return None
        value = row.get("title") if bool(from_title) and not _missing(from_title) else row.get("text")
        return None if _missing(value) else str(value)


def _sentence_html(fact: Mapping[str, Any], articles: _Articles) -> str:
    """The fact's sentence, escaped, with its surface marked where the span says it is."""
    sentence = _text(fact.get("sentence"))
    surface = _text(fact.get("surface"))
    start, end = _int(fact.get("span_start")), _int(fact.get("span_end"))
    source = articles.source_text(fact.get("article_id"), fact.get("from_title"))
    offset: int | None = None
    if source is not None and sentence and start is not None and end is not None:
        at = source.find(sentence)
        while at != -1:
            if at <= start and end <= at + len(sentence):
                offset = start - at
                break
            at = source.find(sentence, at + 1)
    if offset is None and surface:
        found = sentence.find(surface)
        offset = found if found != -1 else None
    if not sentence:
        return f"<mark>{html.escape(surface)}</mark>" if surface else ""
    if offset is None or not surface:
        return html.escape(sentence)
    return (html.escape(sentence[:offset]) + "<mark>" + html.escape(sentence[offset:offset + len(surface)])
            + "</mark>" + html.escape(sentence[offset + len(surface):]))


# --------------------------------------------------------------------------
# Which casualty reports make up which incident
# --------------------------------------------------------------------------

def _same(a: Any, b: Any) -> bool:
    if _missing(a) and _missing(b):
        return True
    if _missing(a) or _missing(b):
        return False
    return bool(a == b)


def _incidents_with_members(casualties: pd.DataFrame) -> tuple[pd.DataFrame, list[list[int]]]:
    """``aggregate.incidents`` and, per incident, the positions of the casualty rows it is made of.

    The rows are traced by running ``incidents`` a second time with each row's
    position in place of ``attributed_to`` (which the counting rules do not
    read); if that ever gives other incidents, rows are matched on the
    incident's keys, articles and window instead.
    """
    from .aggregate import incidents

    found = incidents(casualties)
    if len(found) == 0:
        return found.reset_index(drop=True), []
    table = casualties.reset_index(drop=True)
    traced = incidents(table.assign(attributed_to=[str(i) for i in range(len(table))]))
    compare = ["low", "best", "high", "reports"]
    if len(traced) == len(found) and all(
            traced[c].reset_index(drop=True).equals(found[c].reset_index(drop=True)) for c in compare):
        members = [sorted(int(s) for s in sources) for sources in traced["sources"]]
        if all(len(m) == int(r) for m, r in zip(members, found["reports"])):
            return found.reset_index(drop=True), members
    return found.reset_index(drop=True), _match_members(found, table)


def _match_members(found: pd.DataFrame, table: pd.DataFrame) -> list[list[int]]:
    """Fallback: rows with the incident's keys, from its articles, whose window lies inside its window."""
    flags = {c: (table[c].fillna(False).astype(bool).tolist() if c in table else [False] * len(table))
             for c in ("cumulative", "subset", "from_title")}
    body = {(a, o) for a, o, t in zip(table["article_id"], table["outcome"], flags["from_title"]) if not t}
    start = [_timestamp(t) for t in pd.to_datetime(table["period_start"]).dt.normalize()]
    end = [_timestamp(t) for t in pd.to_datetime(table["period_end"]).dt.normalize()]
    members: list[list[int]] = []
    facts = _records(table)
    for incident in _records(found):
        rows = []
        articles = {str(a) for a in incident["articles"]}
        for i, row in enumerate(facts):
            if flags["cumulative"][i] or flags["subset"][i]:
                continue
            if flags["from_title"][i] and (row["article_id"], row["outcome"]) in body:
                continue
            if str(row["article_id"]) not in articles or not all(_same(row[k], incident[k]) for k in _INCIDENT_KEYS):
                continue
            first, last = _timestamp(incident["period_start"]), _timestamp(incident["period_end"])
            row_start, row_end = start[i], end[i]
            if first is None or last is None:
                inside = row_start is None or row_end is None
            else:
                inside = row_start is not None and row_end is not None and first <= row_start and row_end <= last
            if inside:
                rows.append(i)
        members.append(rows)
    return members


def _match_rows(rows: pd.DataFrame, facts: pd.DataFrame, keys: Sequence[str]) -> list[int | None]:
    """For each row of a derived table, the position of the fact row it was made from."""
    keys = [k for k in keys if k in rows.columns and k in facts.columns]
    pool: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, values in enumerate(zip(*(facts[k] for k in keys))):
        pool[tuple(_text(v) for v in values)].append(i)
    matched: list[int | None] = []
    for values in zip(*(rows[k] for k in keys)):
        candidates = pool.get(tuple(_text(v) for v in values))
        matched.append(candidates.pop(0) if candidates else None)
    return matched


# --------------------------------------------------------------------------
# Everything the report shows, computed once
# --------------------------------------------------------------------------

@dataclass
class _Chart:
    name: str
    title: str
    caption: str
    files: list[Path] = field(default_factory=list)
    size: tuple[int, int] | None = None
    empty: bool = False


@dataclass
class _Report:
    articles: _Articles
    rejected: pd.DataFrame
    failed: pd.DataFrame
    casualties: pd.DataFrame
    territory: pd.DataFrame
    timeline: pd.DataFrame
    incidents: pd.DataFrame
    members: list[list[int]]
    totals: pd.DataFrame
    tolls: pd.DataFrame
    toll_rows: list[int | None]
    control: pd.DataFrame
    control_rows: list[int | None]
    merged: pd.DataFrame
    merged_rows: list[list[int]]
    incident_of: dict[int, int] = field(default_factory=dict)
    charts: list[_Chart] = field(default_factory=list)


def _frame(value: Any, columns: Sequence[str] = ()) -> pd.DataFrame:
    if isinstance(value, pd.DataFrame):
        return value.reset_index(drop=True)
    return pd.DataFrame(columns=list(columns))


def _prepare(corpus: Any, extraction: Extraction) -> _Report:
    from .aggregate import casualty_totals, merge_timelines, running_tolls, territory_control
    from .pipeline import CASUALTY_COLUMNS, ERROR_COLUMNS, TERRITORY_COLUMNS, TIMELINE_COLUMNS

    articles = _Articles(_frame(getattr(corpus, "articles", None), _ARTICLE_COLUMNS))
    casualties = _frame(extraction.casualties, CASUALTY_COLUMNS)
    territory = _frame(extraction.territory, TERRITORY_COLUMNS)
    timeline = _frame(extraction.timeline, TIMELINE_COLUMNS)
    found, members = _incidents_with_members(casualties)
    incident_of = {row: number for number, rows in enumerate(members) for row in rows}
    tolls = running_tolls(casualties, articles.frame).reset_index(drop=True)
    toll_rows = _match_rows(tolls, casualties, ["article_id", "outcome", "surface", "sentence", "count_best",
                                                 "place", "victim_group"])
    control = territory_control(territory)
    control = control[~control["carried"].astype(bool)].reset_index(drop=True)  # the claims, not repeated standings
    control_rows = _match_rows(control, territory, ["article_id", "place", "actor", "status", "surface",
                                                    "sentence"])
    merged = merge_timelines(timeline).reset_index(drop=True)
    merged_rows = _timeline_members(merged, timeline)
    return _Report(articles=articles, rejected=_frame(getattr(corpus, "errors", None), ["path", "reason"]),
                   failed=_frame(extraction.errors, ERROR_COLUMNS), casualties=casualties, territory=territory,
                   timeline=timeline, incidents=found, members=members,
                   totals=casualty_totals(casualties, by=["outcome", "victim_group"]), tolls=tolls,
                   toll_rows=toll_rows, control=control, control_rows=control_rows, merged=merged,
                   merged_rows=merged_rows, incident_of=incident_of)


def _timeline_members(merged: pd.DataFrame, timeline: pd.DataFrame) -> list[list[int]]:
    keys = ["date_start", "date_end", "date_precision", "kind", "place"]
    if merged.empty:
        return []
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, values in enumerate(zip(*(timeline[k] for k in keys))):
        index[tuple(_text(v) for v in values)].append(i)
    return [index.get(tuple(_text(v) for v in values), []) for values in zip(*(merged[k] for k in keys))]


# --------------------------------------------------------------------------
# Tables on disk
# --------------------------------------------------------------------------

def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """List cells (the articles of an incident) as ``|``-separated text, the same in every format."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(lambda v: isinstance(v, (list, tuple, set))).any():
            out[column] = out[column].map(
                lambda v: "|".join(map(str, v)) if isinstance(v, (list, tuple, set)) else v)
    return out


def _tables(report: _Report) -> dict[str, pd.DataFrame]:
    incidents = report.incidents.copy()
    incidents.insert(0, "incident", [f"i{n}" for n in range(len(incidents))])
    incidents["evidence"] = ["|".join(f"c{i}" for i in rows) for rows in report.members] if len(incidents) else []
    articles = report.articles.frame.drop(columns=["text"])
    return {name: _flat(frame) for name, frame in {
        "articles": articles,
        "casualties": report.casualties,
        "territory": report.territory,
        "timeline": report.timeline,
        "incidents": incidents,
        "totals": report.totals,
        "running_tolls": report.tolls,
        "territory_control": report.control,
        "timeline_merged": report.merged,
        "rejected": report.rejected,
        "errors": report.failed,
    }.items()}


# --------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------

def _incident_scope(report: _Report, outcome: str) -> tuple[int, set[str], int]:
    """Reports and articles behind the incidents of one outcome, and the reports without a date."""
    chosen = report.incidents["outcome"] == outcome if len(report.incidents) else pd.Series(dtype=bool)
    reports, undated = 0, 0
    articles: set[str] = set()
    for number in (chosen[chosen].index if len(chosen) else []):
        row = report.incidents.loc[number]
        reports += int(row["reports"])
        articles.update(map(str, row["articles"]))
        if _missing(row["period_end"]):
            undated += int(row["reports"])
    return reports, articles, undated


def _note(reports: int, articles: int, *extra: str) -> str:
    """The source note under a chart, as ``plots`` writes it, with exact counts."""
    parts = [f"Source: {_plural(reports, 'report')} in {_plural(articles, 'article')}", *extra, "conflictnews"]
    return "; ".join(p for p in parts if p)


def _chart_specs(report: _Report) -> list[tuple[str, str, Callable[[], Axes], str]]:
    """(file name, heading, drawing function, caption) of every chart, in the order of the page."""
    from .aggregate import casualty_totals
    from .plots import (
        plot_casualties,
        plot_casualties_by,
        plot_running_toll,
        plot_sources,
        plot_territory,
        plot_timeline,
    )

    casualties = report.casualties
    outcome = casualties["outcome"]
    specs: list[tuple[str, str, Callable[[], Axes], str]] = []

    def over_time(name: str, verb: str, rows: pd.DataFrame) -> None:
        reports, articles, undated = _incident_scope(report, verb)
        left_out = f"{_plural(undated, 'report')} without a date not shown" if undated else ""
        caption = ("Weekly totals of incidents (weeks start on Monday), double counting removed; the band is the "
                   "range from low to high, an arrow an open upper bound (\"at least\"). "
                   f"Counted: {_plural(reports, 'report')} in {_plural(len(articles), 'article')}."
                   + (f" {_plural(undated, 'report')} without a date {'is' if undated == 1 else 'are'} in the "
                      "totals but not on the time axis." if undated else ""))
        specs.append((name, f"People {verb} over time, by victim group",
                      lambda: plot_casualties(casualty_totals(rows, by=["outcome", "victim_group"], freq="W"),
                                              x="period", hue="victim_group",
                                              title=f"People {verb} per week, by victim group",
                                              source_note=_note(reports, len(articles), left_out)),
                      caption))

    def by_column(name: str, column: str, heading: str, things: str, rows: pd.DataFrame, explain: str) -> None:
        reports, articles, _ = _incident_scope(report, "killed")
        totals = casualty_totals(rows, by=["outcome", column])
        shown = int(totals[column].nunique(dropna=False)) if len(totals) else 0
        extra = f"top 15 of {shown} {things} shown" if shown > 15 else ""
        specs.append((name, heading,
                      lambda: plot_casualties_by(totals, by=column, top=15, title=heading,
                                                 source_note=_note(reports, len(articles), extra)),
                      f"{explain} Counted: {_plural(reports, 'report')} in {_plural(len(articles), 'article')}."))

    killed = casualties[outcome == "killed"]
    over_time("killed_over_time", "killed", killed)
    by_column("killed_by_actor", "victim_actor", "People killed, by the side they belonged to", "actors", killed,
              "Totals of incidents per victim actor (whose dead they were, where the text says so).")
    by_column("killed_by_place", "place", "People killed, by place", "places", killed,
              "Totals of incidents per place named in the report.")
    for other in ("injured", "displaced"):
        rows = casualties[outcome == other]
        if len(rows):
            over_time(f"{other}_over_time", other, rows)

    tolls = report.tolls
    toll_outcomes = _order(tolls["outcome"].dropna(), _OUTCOME_ORDER) if len(tolls) else []
    for n, toll_outcome in enumerate(toll_outcomes or ["killed"]):
        chosen = tolls[tolls["outcome"] == toll_outcome] if len(tolls) else tolls
        articles = int(chosen["article_id"].nunique())
        heading = f"Running tolls of people {toll_outcome}, as reported"
        specs.append(("running_tolls" if n == 0 else f"running_tolls_{_slug(toll_outcome)}", heading,
                      lambda chosen=chosen, heading=heading, articles=articles: plot_running_toll(  # type: ignore[misc]
                          chosen, title=heading, source_note=_note(len(chosen), articles)),
                      ("Cumulative tolls (\"since 2011 ...\") by the date they were reported, one line per place and "
                       "victim group; they are never added to the incident totals. "
                       f"Counted: {_plural(len(chosen), 'report')} in {_plural(articles, 'article')}.")))
    territory = report.territory
    claim_articles = int(territory["article_id"].nunique())
    specs.append(("territory_control", "Territorial control claims, per place",
                  lambda: plot_territory(territory, title="Territorial control claims, per place"),
                  ("Who was said to hold, take, lose or besiege which place, and when; claims without a date are "
                   f"in the territory table only. Counted: {_plural(len(territory), 'claim')} in "
                   f"{_plural(claim_articles, 'article')}.")))
    merged = report.merged
    timeline_articles = int(report.timeline["article_id"].nunique())
    specs.append(("timeline", "Timeline of events",
                  lambda: plot_timeline(merged, title="Timeline of reported events"),
                  (f"Dated statements of all articles, merged by date, kind and place: {_plural(len(merged), 'event')} "
                   f"from {_plural(len(report.timeline), 'statement')} in {_plural(timeline_articles, 'article')}.")))
    source_articles = int(casualties["article_id"].nunique())
    specs.append(("sources", "Sources behind the figures",
                  lambda: plot_sources(casualties, title="Casualty reports per source"),
                  ("How many casualty reports each source (who says so) gave, labelled with the sum of their best "
                   "figures as reported (running tolls and repeats included: not a total). Counted: "
                   f"{_plural(len(casualties), 'report')} in {_plural(source_articles, 'article')}.")))
    return specs


def _draw_charts(report: _Report, specs: Sequence[tuple[str, str, Callable[[], Axes], str]], folder: Path,
                 step: Callable[[str], None]) -> None:
    import matplotlib.pyplot as plt

    from .export import save_figure
    from .plots import NO_DATA

    for name, heading, draw, caption in specs:
        step(f"chart {name}")
        ax = draw()
        figure = ax.get_figure()
        empty = any(text.get_text() == NO_DATA for text in ax.texts)
        try:
            files = save_figure(ax, folder / name)
        finally:
            if figure is not None:
                plt.close(figure)  # type: ignore[arg-type]
        chart = _Chart(name=name, title=heading, caption=caption, files=files, empty=empty)
        png = next((f for f in files if f.suffix == ".png"), None)
        chart.size = _png_size(png) if png is not None else None
        report.charts.append(chart)


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------

_CSS = """
:root{--ink:#1f2328;--muted:#57606a;--line:#d0d7de;--soft:#f6f8fa;--accent:#0b5cad;--mark:#ffe26a}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);
 font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
main{max-width:1200px;margin:0 auto;padding:28px 32px 72px}
a{color:var(--accent)} a:hover{text-decoration:none}
h1{font-size:28px;line-height:1.25;margin:0 0 6px}
h2{font-size:21px;margin:44px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:16.5px;margin:26px 0 8px}
p{margin:8px 0}
.lead{font-size:16.5px;color:#333;max-width:80ch}
.muted{color:var(--muted)} .small{font-size:13px}
nav.toc{margin:14px 0 0;padding:10px 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line);
 font-size:14px}
nav.toc a{margin-right:16px;white-space:nowrap}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;background:var(--soft);min-width:140px}
.card b{display:block;font-size:24px;font-variant-numeric:tabular-nums}
.card span{font-size:13px;color:var(--muted)}
.rules{border:1px solid #b6d4f2;border-left:5px solid var(--accent);background:#f1f7fd;border-radius:6px;
 padding:12px 20px;margin:22px 0;max-width:95ch}
.rules h2{border:0;margin:4px 0 6px;font-size:18px;padding:0}
.rules ol{margin:6px 0 6px;padding-left:22px} .rules li{margin:4px 0}
.warn{border-left:5px solid #bf8700;background:#fff8e5;padding:8px 16px;border-radius:6px}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:8px 32px}
table{border-collapse:collapse;width:100%;font-size:13.5px;margin:8px 0 18px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:var(--soft);font-weight:600;border-bottom:2px solid var(--line);position:sticky;top:0}
tbody tr:nth-child(even){background:#fbfcfd}
tbody.group th{background:#eef2f6;font-size:14px;border-top:2px solid var(--line)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.nowrap{white-space:nowrap}
table.narrow{width:auto;min-width:50%}
.wide{overflow-x:auto;margin:8px 0 18px} .wide table{margin:0}
td.evidence-cell{width:48%;min-width:360px}
.open{color:var(--muted);font-style:italic}
tr:target,tbody:target th{outline:3px solid #e8590c;outline-offset:-3px}
mark{background:var(--mark);color:inherit;padding:0 2px;border-radius:2px}
ul.evidence{list-style:none;margin:0;padding:0}
ul.evidence li{margin:0 0 6px;padding-left:10px;border-left:3px solid var(--line)}
.fact{font-size:12px;color:var(--muted);white-space:nowrap}
.fact a{font-weight:600}
figure{margin:18px 0 34px;padding:14px;border:1px solid var(--line);border-radius:8px}
figure h3{margin:0 0 10px}
figure img{display:block;max-width:100%;height:auto;margin:0 auto}
figcaption{font-size:13.5px;color:#444;margin-top:10px;max-width:100ch}
figcaption .files a{margin-right:10px}
details{margin:8px 0 18px} summary{cursor:pointer;font-weight:600;margin:6px 0}
footer{margin-top:48px;padding-top:12px;border-top:1px solid var(--line);font-size:13px;color:var(--muted)}
article .body{white-space:pre-wrap;font-size:16.5px;line-height:1.7;max-width:78ch;font-family:Georgia,
 "Times New Roman",serif;margin:18px 0}
article h1 mark,article .body mark{cursor:help}
mark.k-t{background:#c9e3ff} mark.k-e{background:#e3f4d7;border-bottom:2px dotted #2f7a1f}
mark.k-c{background:var(--mark)}
.anchor{scroll-margin-top:35vh}
.anchor:target::before{content:"\\25B6";color:#d9480f;font-weight:700;font-family:sans-serif;padding-right:2px}
.legend mark{margin-right:12px}
dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 16px;font-size:14px;margin:12px 0}
dl.meta dt{color:var(--muted)} dl.meta dd{margin:0}
@media print{thead th{position:static} nav.toc{display:none}}
"""


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n{body}\n"
            "</main>\n</body>\n</html>\n")


def _table(headers: Sequence[str | tuple[str, str]], rows: Iterable[str], *, cls: str = "",
           empty: str = "None.") -> str:
    """A table; ``headers`` are names or (name, css class); ``rows`` are ready ``<tr>`` strings."""
    rows = list(rows)
    if not rows:
        return f"<p class=\"muted\">{html.escape(empty)}</p>"
    head = "".join(f"<th class=\"{h[1]}\">{html.escape(h[0])}</th>" if isinstance(h, tuple)
                   else f"<th>{html.escape(h)}</th>" for h in headers)
    attr = f" class=\"{cls}\"" if cls else ""
    return (f"<div class=\"wide\"><table{attr}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody>\n</table></div>")


def _num_cells(low: Any, best: Any, high: Any) -> str:
    high_cell = (f"<td class=\"n\">{_number(high)}</td>" if not _missing(high)
                 else "<td class=\"n open\" title=\"open upper bound: at least the best figure\">open</td>")
    return f"<td class=\"n\">{_number(low)}</td><td class=\"n\"><b>{_number(best)}</b></td>{high_cell}"


def _evidence_item(report: _Report, kind: str, position: int, facts: pd.DataFrame, *,
                   detail: str = "") -> str:
    """One piece of evidence: fact id, details, the sentence with its surface marked, the article link."""
    fact = _record(facts, position)
    anchor = f"{kind}{position}"
    href = report.articles.href(fact.get("article_id"), anchor)
    title = report.articles.title(fact.get("article_id"))
    where = "headline" if bool(fact.get("from_title")) and not _missing(fact.get("from_title")) else ""
    link = (f"<a href=\"{html.escape(href)}\">{html.escape(title)}</a>" if href
            else html.escape(title))
    meta = " · ".join(x for x in (detail, where) if x)
    return (f"<li id=\"ev-{anchor}\"><span class=\"fact\"><a href=\"{html.escape(href or '#')}\">{anchor}</a>"
            f"{' · ' + html.escape(meta) if meta else ''}</span> {_sentence_html(fact, report.articles)} "
            f"<span class=\"small\">— {link}</span></li>")


def _casualty_detail(fact: Mapping[str, Any]) -> str:
    count = _count_phrase(fact.get("count_low"), fact.get("count_best"), fact.get("count_high"),
                          fact.get("qualifier"))
    parts = [count, _period(fact.get("period_start"), fact.get("period_end"), fact.get("date_precision")),
             _text(fact.get("attributed_to"))]
    return " · ".join(p for p in parts if p)


def _count_phrase(low: Any, best: Any, high: Any, qualifier: Any = None) -> str:
    lo, be, hi = _int(low), _int(best), _int(high)
    if be is None:
        return ""
    if lo is None and hi is not None:
        return f"up to {hi:,}" + (f" (best {be:,})" if be != hi else "")
    if hi is None:
        return f"at least {lo if lo is not None else be:,}" + (f" (best {be:,})" if lo is not None and lo != be
                                                               else "")
    if lo == hi == be:
        return f"{be:,}" + (f" ({_label(qualifier)})" if _text(qualifier) not in ("", "exact") else "")
    return f"{_number(lo, open_text='?')}–{hi:,} (best {be:,})"


def _header_html(report: _Report, out_dir: Path) -> str:
    articles = report.articles.frame
    n = len(articles)
    languages = articles["language"].value_counts(dropna=False) if n else pd.Series(dtype=int)
    lang_text = ", ".join(f"{count:,} in {_LANGUAGES.get(_text(lang), _text(lang, 'unknown language'))}"
                          for lang, count in languages.items())
    published = pd.to_datetime(articles["published"], errors="coerce") if n else pd.Series(dtype="datetime64[ns]")
    dated = published.dropna()
    if len(dated):
        span = f"published {_date(dated.min())[:10]} to {_date(dated.max())[:10]}"
        if len(dated) < n:
            span += f" ({_plural(n - len(dated), 'article')} without a publication date)"
    else:
        span = "no publication dates" if n else "no articles"
    outlets = f"from {_plural(int(articles['source'].nunique()), 'named outlet')}" if n else ""
    unnamed = int(articles["source"].isna().sum()) if n else 0
    if unnamed:
        outlets += f" ({_plural(unnamed, 'article')} without one)"
    lead = (f"{_plural(n, 'article')} read" + (f" ({lang_text})" if lang_text else "") +
            f" {outlets}, {span}.") if n else "No articles were read."
    cards = [(n, "articles read", "#articles"), (len(report.rejected), "inputs rejected", "#read"),
             (len(report.casualties), "casualty reports", "tables/casualties.csv"),
             (len(report.incidents), "incidents", "#incidents"),
             (len(report.tolls), "running tolls", "#tolls"),
             (len(report.territory), "territory claims", "#territory"),
             (len(report.timeline), "dated statements", "#timeline")]
    card_html = "".join(f"<a class=\"card\" href=\"{href}\" style=\"text-decoration:none;color:inherit\">"
                        f"<b>{value:,}</b><span>{html.escape(label)}</span></a>" for value, label, href in cards)
    toc = "".join(f"<a href=\"#{a}\">{html.escape(t)}</a>" for a, t in (
        ("read", "What was read"), ("rules", "Counting rules"), ("charts", "Charts"), ("totals", "Totals"),
        ("incidents", "Incidents"), ("tolls", "Running tolls"), ("territory", "Territory"),
        ("timeline", "Timeline"), ("articles", "Articles"), ("tables", "Tables")))
    return (f"<header>\n<h1>Conflict news report</h1>\n<p class=\"lead\">{html.escape(lead)}</p>\n"
            f"<div class=\"cards\">{card_html}</div>\n<nav class=\"toc\">{toc}</nav>\n</header>")


def _read_html(report: _Report) -> str:
    articles = report.articles.frame
    n = len(articles)
    parts = ["<section id=\"read\">\n<h2>What was read</h2>"]
    if n:
        langs = articles["language"].value_counts(dropna=False)
        lang_rows = [f"<tr><td>{html.escape(_LANGUAGES.get(_text(k), _text(k, 'unknown')))} "
                     f"<span class=\"muted\">({_e(k, '?')})</span></td><td class=\"n\">{v:,}</td></tr>"
                     for k, v in langs.items()]
        sources = articles["source"].fillna("(not stated)").value_counts()
        source_rows = [f"<tr><td>{_e(k)}</td><td class=\"n\">{v:,}</td></tr>" for k, v in sources.items()]
        attributed = report.casualties["attributed_to"].fillna("(not attributed)").value_counts()
        attributed_rows = [f"<tr><td>{_e(k)}</td><td class=\"n\">{v:,}</td></tr>" for k, v in attributed.items()]
        parts.append("<div class=\"grid2\">")
        parts.append("<div><h3>Languages</h3>" + _table(["language", ("articles", "n")], lang_rows) + "</div>")
        parts.append("<div><h3>Outlets and agencies</h3>" + _table(["source", ("articles", "n")], source_rows)
                     + "</div>")
        parts.append("<div><h3>Who the casualty figures are attributed to</h3>" +
                     _table(["attributed to", ("reports", "n")], attributed_rows,
                            empty="No casualty reports.") + "</div>")
        parts.append("</div>")
    else:
        parts.append("<p class=\"warn\">No articles were read: there is no data to show.</p>")
    rejected_rows = [f"<tr><td>{_e(r.get('path'), '(no path)')}</td><td>{_e(r.get('reason'))}</td></tr>"
                     for r in _records(report.rejected)]
    parts.append(f"<h3>Rejected inputs ({len(rejected_rows):,})</h3>")
    parts.append(_table(["input", "reason"], rejected_rows, empty="No input was rejected."))
    if len(report.failed):
        failed_rows = [f"<tr><td>{_e(r.get('path') if not _missing(r.get('path')) else r.get('article_id'))}</td>"
                       f"<td>{_e(r.get('reason'))}</td></tr>" for r in _records(report.failed)]
        parts.append(f"<h3>Articles the extractors failed on ({len(failed_rows):,})</h3>")
        parts.append(_table(["article", "error"], failed_rows))
    parts.append("</section>")
    return "\n".join(parts)


def _rules_html() -> str:
    items = "".join(f"<li><b>{html.escape(head)}</b> {html.escape(text)}</li>" for head, text in COUNTING_RULES)
    return ("<aside class=\"rules\" id=\"rules\">\n<h2>How these numbers are counted</h2>\n"
            f"<ol>{items}</ol>\n<p class=\"small\">Low, best and high: the range of an incident; "
            "<span class=\"open\">open</span> means no upper bound was given. Each report is an extracted "
            "statement; <code>c12</code> names row 12 (from 0) of <code>tables/casualties.csv</code> and is the "
            "anchor of its sentence in the article page.</p>\n</aside>")


def _charts_html(report: _Report) -> str:
    parts = ["<section id=\"charts\">\n<h2>Charts</h2>"]
    for chart in report.charts:
        by_format = {f.suffix.lstrip("."): f for f in chart.files}
        png = by_format.get("png")
        size = ""
        if chart.size is not None:
            scale = _DISPLAY_SCALE * 0.75 if chart.empty else _DISPLAY_SCALE  # "No data" needs less room
            width = max(1, min(round(chart.size[0] * scale), _MAX_WIDTH))
            size = f" width=\"{width}\" height=\"{round(chart.size[1] * width / chart.size[0])}\""
        image = (f"<img src=\"charts/{urllib.parse.quote(png.name)}\" alt=\"{html.escape(chart.title)}\"{size}>"
                 if png is not None else "")
        links = " ".join(f"<a href=\"charts/{urllib.parse.quote(f.name)}\">{fmt.upper()}</a>"
                         for fmt, f in by_format.items())
        parts.append(f"<figure id=\"chart-{chart.name}\">\n<h3>{html.escape(chart.title)}</h3>\n{image}\n"
                     f"<figcaption>{html.escape(chart.caption)} <span class=\"files\">Download: {links}</span>"
                     "</figcaption>\n</figure>")
    parts.append("</section>")
    return "\n".join(parts)


def _totals_html(report: _Report) -> str:
    totals = report.totals
    parts = ["<section id=\"totals\">\n<h2>Totals by victim group</h2>",
             ("<p>Incidents added up per outcome and victim group, without double counting (see the rules above); "
              "running tolls are not included. Each row links to its incidents, and each incident to the "
              "sentences behind it.</p>")]
    rows = []
    if len(totals):
        keys = [(_text(o, "unknown"), _text(g, "unknown")) for o, g in zip(totals["outcome"], totals["victim_group"])]
        order = sorted(range(len(totals)), key=lambda i: _group_order(*keys[i]))
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for outcome, group in zip(report.incidents["outcome"], report.incidents["victim_group"]):
            counts[(_text(outcome, "unknown"), _text(group, "unknown"))] += 1
        for i in order:
            row = totals.iloc[i]
            anchor = "inc-" + _slug(*keys[i])
            n_incidents = counts.get(keys[i], 0)
            rows.append(f"<tr><td>{_e(row['outcome'])}</td><td>{html.escape(_group_label(row['victim_group']))}"
                        f"</td>{_num_cells(row['low'], row['best'], row['high'])}"
                        f"<td class=\"n\">{_number(row['reports'])}</td><td class=\"n\">{_number(row['articles'])}"
                        f"</td><td class=\"nowrap\"><a href=\"#{anchor}\">{_plural(n_incidents, 'incident')}</a>"
                        "</td></tr>")
    parts.append(_table(["outcome", "victim group", ("low", "n"), ("best", "n"), ("high", "n"),
                         ("reports", "n"), ("articles", "n"), "evidence"], rows,
                        empty="No casualty figures were read."))
    parts.append("</section>")
    return "\n".join(parts)


def _incidents_html(report: _Report) -> str:
    found = report.incidents
    parts = ["<section id=\"incidents\">\n<h2>Incidents and the reports behind them</h2>",
             ("<p>One row per incident: reports of the same outcome, victims and place whose periods nest are "
              "one incident. Under <i>evidence</i>, each report's sentence with the counted words marked, and "
              "the article it was read in.</p>")]
    if found.empty:
        parts.append("<p class=\"muted\">No incidents.</p>\n</section>")
        return "\n".join(parts)
    head = ("<div class=\"wide\"><table>\n<thead><tr><th>#</th><th>victims</th><th>place</th><th>period</th><th class=\"n\">low</th>"
            "<th class=\"n\">best</th><th class=\"n\">high</th><th>sources</th><th>evidence</th></tr></thead>")
    body = [head]
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, (outcome, group) in enumerate(zip(found["outcome"], found["victim_group"])):
        groups[(_text(outcome, "unknown"), _text(group, "unknown"))].append(number)
    for (outcome, group), index in sorted(groups.items(), key=lambda item: _group_order(*item[0])):
        body.append(f"<tbody class=\"group\" id=\"inc-{_slug(outcome, group)}\"><tr><th colspan=\"9\">"
                    f"{html.escape(_label(outcome))}: {html.escape(_group_label(group))} "
                    f"<span class=\"muted\">({_plural(len(index), 'incident')})</span></th></tr></tbody>\n<tbody>")
        ordered = sorted(index, key=lambda i: (_timestamp(found.at[i, "period_end"]) is None,
                                               _timestamp(found.at[i, "period_end"]) or pd.Timestamp(0),
                                               -(_int(found.at[i, "best"]) or 0)))
        for number in ordered:
            row = found.loc[number]
            items = "".join(_evidence_item(report, "c", p, report.casualties,
                                           detail=_casualty_detail(_record(report.casualties, p)))
                            for p in report.members[number])
            victims = html.escape(_text(row["victim_actor"]) or _group_label(row["victim_group"]))
            note = _net_note(found.iloc[number], report.casualties, report.members[number])
            if note:
                victims += f"<br><span class=\"small muted\">{html.escape(note)}</span>"
            sources = ", ".join(map(str, row["sources"])) if isinstance(row["sources"], list) else ""
            body.append(f"<tr id=\"i{number}\"><td class=\"nowrap\"><a href=\"#i{number}\">i{number}</a></td>"
                        f"<td>{victims}</td><td>{html.escape(_label(row['place']))}</td>"
                        f"<td class=\"nowrap\">{html.escape(_period(row['period_start'], row['period_end']) or 'not stated')}"
                        f"</td>{_num_cells(row['low'], row['best'], row['high'])}"
                        f"<td>{html.escape(sources or '—')}</td><td class=\"evidence-cell\"><ul class=\"evidence\">{items}</ul></td></tr>")
        body.append("</tbody>")
    body.append("</table></div>")
    parts.append("\n".join(body))
    parts.append("</section>")
    return "\n".join(parts)


def _net_note(incident: pd.Series, casualties: pd.DataFrame, members: Sequence[int]) -> str:
    """Why an incident's best figure is none of its reports' figures, when the rules explain it."""
    best = _int(incident["best"])
    facts = casualties.iloc[list(members)]
    counts = [c for c in (_int(v) for v in facts["count_best"]) if c is not None]
    if best is None or not counts or best in counts:
        return ""
    sums = facts.groupby(["article_id", "sentence"], dropna=False)["count_best"].sum()
    if best in {int(v) for v in sums}:
        return "figures of one sentence added up"
    if best < min(counts) and _text(incident["victim_group"]) == "unknown":
        return "the rest, after the victims of known sides named in the same article"
    return ""


def _tolls_html(report: _Report) -> str:
    tolls = report.tolls
    rows = []
    for i, row in enumerate(_records(tolls)):
        position = report.toll_rows[i] if i < len(report.toll_rows) else None
        evidence = (f"<ul class=\"evidence\">{_evidence_item(report, 'c', position, report.casualties)}</ul>"
                    if position is not None else _sentence_html(row, report.articles))
        rows.append(f"<tr id=\"toll-{i}\"><td class=\"nowrap\">{html.escape(_date(row['published'])[:10])}</td>"
                    f"<td>{_e(row['outcome'])}</td><td>{html.escape(_group_label(row['victim_group']))}</td>"
                    f"<td>{html.escape(_label(row['place']))}</td>"
                    f"<td class=\"nowrap\">{html.escape(_period(row['period_start'], row['period_end']))}</td>"
                    f"{_num_cells(row['count_low'], row['count_best'], row['count_high'])}"
                    f"<td>{_e(row['attributed_to'], '—')}</td><td class=\"evidence-cell\">{evidence}</td></tr>")
    return ("<section id=\"tolls\">\n<h2>Running tolls</h2>\n<p>Cumulative tolls as they were reported, by date "
            "reported. They are never added to the incident totals.</p>\n" +
            _table(["reported", "outcome", "victims", "place", "period", ("low", "n"), ("best", "n"),
                    ("high", "n"), "attributed to", "evidence"], rows, empty="No running tolls were read.")
            + "\n</section>")


def _territory_html(report: _Report) -> str:
    control = report.control
    rows = []
    place_seen: set[str] = set()
    for i, row in enumerate(_records(control)):
        position = report.control_rows[i] if i < len(report.control_rows) else None
        evidence = (f"<ul class=\"evidence\">{_evidence_item(report, 't', position, report.territory)}</ul>"
                    if position is not None else _sentence_html(row, report.articles))
        place = _label(row["place"])
        anchor = "" if place in place_seen else f" id=\"place-{_slug(place)}\""
        place_seen.add(place)
        extra = []
        if not _missing(row.get("share_pct")):
            extra.append(f"{float(row['share_pct']):g}% of the area")
        if not _missing(row.get("population")):
            extra.append(f"{int(row['population']):,} people")
        rows.append(f"<tr{anchor}><td>{html.escape(place)}</td>"
                    f"<td class=\"nowrap\">{html.escape(_date(row['date']) or 'no date')}</td>"
                    f"<td>{_e(row['actor'], 'not stated')}</td><td>{html.escape(_label(row['status']))}"
                    f"{'<br><span class=small>' + html.escape(', '.join(extra)) + '</span>' if extra else ''}</td>"
                    f"<td>{_e(row['attributed_to'], '—')}</td><td class=\"evidence-cell\">{evidence}</td></tr>")
    return ("<section id=\"territory\">\n<h2>Territory claims</h2>\n<p>Who was said to hold, take, lose, contest or "
            "besiege each place, by date (the date the claim refers to, else the date since when).</p>\n" +
            _table(["place", "date", "actor", "status", "attributed to", "evidence"], rows,
                   empty="No territorial claims were read.") + "\n</section>")


def _timeline_html(report: _Report) -> str:
    merged = report.merged
    rows = []
    for i, row in enumerate(_records(merged)):
        positions = report.merged_rows[i] if i < len(report.merged_rows) else []
        links = []
        seen: set[str] = set()
        for p in positions:
            article_id = _text(report.timeline.at[p, "article_id"])
            if article_id in seen:
                continue
            seen.add(article_id)
            href = report.articles.href(article_id, f"e{p}")
            title = report.articles.title(article_id)
            links.append(f"<a href=\"{html.escape(href)}\">{html.escape(title)}</a>" if href else html.escape(title))
        summaries = row["summaries"] if isinstance(row["summaries"], list) else []
        rows.append(f"<tr><td class=\"nowrap\">{html.escape(_period(row['date_start'], row['date_end'], row['date_precision']))}"
                    f"</td><td>{_e(row['kind'])}</td><td>{html.escape(_label(row['place']))}</td>"
                    f"<td>{'<br>'.join(html.escape(s) for s in map(str, summaries[:3]))}</td>"
                    f"<td class=\"small\">{'<br>'.join(links)}</td></tr>")
    table = _table(["date", "kind", "place", "in the articles' words", "articles"], rows,
                   empty="No dated statements were read.")
    return ("<section id=\"timeline\">\n<h2>Timeline</h2>\n<p>Dated statements merged by date, kind and place "
            f"({_plural(len(merged), 'event')}).</p>\n<details><summary>Show the timeline table</summary>\n{table}\n"
            "</details>\n</section>")


def _articles_html(report: _Report, counts: Mapping[str, tuple[int, int, int]]) -> str:
    rows = []
    frame = report.articles.frame
    order = frame.assign(_when=pd.to_datetime(frame["published"], errors="coerce")).sort_values(
        ["_when", "title"], na_position="last") if len(frame) else frame
    for row in _records(order):
        article_id = _text(row["article_id"])
        href = report.articles.href(article_id)
        c, t, e = counts.get(article_id, (0, 0, 0))
        rows.append(f"<tr><td class=\"nowrap\">{html.escape(_date(row['published'], row['published_precision']))}"
                    f"</td><td><a href=\"{html.escape(href or '#')}\">{html.escape(report.articles.title(article_id))}"
                    f"</a></td><td>{_e(row['source'], '—')}</td><td>{_e(row['language'])}</td>"
                    f"<td class=\"n\">{c:,}</td><td class=\"n\">{t:,}</td><td class=\"n\">{e:,}</td></tr>")
    return ("<section id=\"articles\">\n<h2>Articles</h2>\n<p>Every article read, with its facts highlighted on "
            "its own page.</p>\n" +
            _table(["published", "title", "source", "lang", ("casualty reports", "n"), ("territory claims", "n"),
                    ("dated statements", "n")], rows, empty="No articles.") + "\n</section>")


def _tables_html(written: Sequence[Path], out_dir: Path, tables: Mapping[str, pd.DataFrame]) -> str:
    by_table: dict[str, list[Path]] = defaultdict(list)
    for path in written:
        name = path.name.split(".")[0]
        by_table[name].append(path)
    rows = []
    for name, frame in tables.items():
        links = " ".join(
            f"<a href=\"{html.escape(urllib.parse.quote(p.relative_to(out_dir).as_posix()))}\">"
            f"{_FORMAT_LABELS.get(p.name.split('.', 1)[1], p.suffix)}</a>"
            for p in by_table.get(name, []))
        rows.append(f"<tr><td>{html.escape(name)}</td><td class=\"n\">{len(frame):,}</td><td>{links}</td></tr>")
    return ("<section id=\"tables\">\n<h2>Tables</h2>\n<p>All tables as CSV (UTF-8), Parquet, and a CSV for "
            "Excel with Dutch settings (<code>;</code> separator, decimal comma). Lists of articles or facts "
            "are separated by <code>|</code>.</p>\n" +
            _table(["table", ("rows", "n"), "files"], rows, cls="narrow") + "\n</section>")


def _index_html(report: _Report, out_dir: Path, written: Sequence[Path], tables: Mapping[str, pd.DataFrame],
                counts: Mapping[str, tuple[int, int, int]]) -> str:
    from . import __version__

    sections = [_header_html(report, out_dir), _read_html(report), _rules_html(), _charts_html(report),
                _totals_html(report), _incidents_html(report), _tolls_html(report), _territory_html(report),
                _timeline_html(report), _articles_html(report, counts), _tables_html(written, out_dir, tables),
                (f"<footer>Made with conflictnews {html.escape(str(__version__))}. Figures are read automatically "
                 "from news text: check the evidence before citing one.</footer>")]
    return _page("Conflict news report", "\n".join(sections))


# --------------------------------------------------------------------------
# Article pages
# --------------------------------------------------------------------------

@dataclass
class _Span:
    start: int
    end: int
    anchor: str
    kind: str  # "c", "t", "e"
    tip: str


def _highlight(text: str, spans: Sequence[_Span]) -> str:
    """``text`` escaped, each span in a ``<mark>`` (split where spans overlap), an anchor at each span's start."""
    usable = [s for s in spans if 0 <= s.start <= s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    anchors: dict[int, list[str]] = defaultdict(list)
    for span in sorted(usable, key=lambda s: (s.start, s.anchor)):
        anchors[span.start].append(span.anchor)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        out.extend(f"<span class=\"anchor\" id=\"{html.escape(x)}\"></span>" for x in anchors.get(a, []))
        if b is None:
            break
        piece = html.escape(text[a:b])
        covering = [s for s in usable if s.start <= a and b <= s.end and s.start < s.end]
        if covering:
            kinds = sorted({s.kind for s in covering}, key="etc".index)
            tip = "\n".join(s.tip for s in covering)
            out.append(f"<mark class=\"{' '.join('k-' + k for k in kinds)}\" title=\"{html.escape(tip)}\">"
                       f"{piece}</mark>")
        else:
            out.append(piece)
    return "".join(out)


def _fact_spans(kind: str, facts: pd.DataFrame, positions: Sequence[int],
                tip: Callable[[Mapping[str, Any]], str]) -> tuple[list[_Span], list[_Span]]:
    """Spans of the facts at ``positions``: (in the title, in the body)."""
    title: list[_Span] = []
    body: list[_Span] = []
    for p in positions:
        fact = _record(facts, p)
        start, end = _int(fact.get("span_start")), _int(fact.get("span_end"))
        if start is None or end is None:
            continue
        span = _Span(start, end, f"{kind}{p}", kind, f"{kind}{p}: {tip(fact)}")
        from_title = fact.get("from_title")
        (title if not _missing(from_title) and bool(from_title) else body).append(span)
    return title, body


def _casualty_tip(fact: Mapping[str, Any]) -> str:
    who = _text(fact.get("victim_actor")) or _group_label(fact.get("victim_group"))
    parts = [f"{_text(fact.get('outcome'))}: {_count_phrase(fact.get('count_low'), fact.get('count_best'), fact.get('count_high'), fact.get('qualifier'))}",
             who, _text(fact.get("place")), _period(fact.get("period_start"), fact.get("period_end")),
             "according to " + _text(fact.get("attributed_to")) if not _missing(fact.get("attributed_to")) else "",
             "running toll" if bool(fact.get("cumulative")) and not _missing(fact.get("cumulative")) else ""]
    return " · ".join(p for p in parts if p)


def _territory_tip(fact: Mapping[str, Any]) -> str:
    parts = [_text(fact.get("actor"), "someone"), _label(fact.get("status")), _text(fact.get("place")),
             _date(fact.get("as_of")) or _date(fact.get("since"))]
    return " · ".join(p for p in parts if p)


def _timeline_tip(fact: Mapping[str, Any]) -> str:
    return f"{_text(fact.get('kind'))} · {_period(fact.get('date_start'), fact.get('date_end'), fact.get('date_precision'))}"


def _casualty_status(report: _Report, position: int) -> str:
    """Where a casualty report went in the totals, linked from its article page."""
    fact = report.casualties.iloc[position]
    if position in report.incident_of:
        number = report.incident_of[position]
        return f"counted in <a href=\"../index.html#i{number}\">incident i{number}</a>"
    if not _missing(fact.get("cumulative")) and bool(fact.get("cumulative")):
        toll = next((i for i, p in enumerate(report.toll_rows) if p == position), None)
        link = f"<a href=\"../index.html#toll-{toll}\">running toll</a>" if toll is not None else "running toll"
        return f"{link}, not added to totals"
    if not _missing(fact.get("subset")) and bool(fact.get("subset")):
        return "part of a total given beside it, not added again"
    if not _missing(fact.get("from_title")) and bool(fact.get("from_title")):
        return "headline repeats the lead, not added again"
    return "not counted"


def _article_page(report: _Report, article_id: str, positions: Mapping[str, list[int]]) -> str:
    row = report.articles.rows[article_id]
    casualties = positions.get("c", [])
    territory = positions.get("t", [])
    timeline = positions.get("e", [])
    title_spans: list[_Span] = []
    body_spans: list[_Span] = []
    for kind, facts, chosen, tip in (("c", report.casualties, casualties, _casualty_tip),
                                     ("t", report.territory, territory, _territory_tip),
                                     ("e", report.timeline, timeline, _timeline_tip)):
        t, b = _fact_spans(kind, facts, chosen, tip)
        title_spans.extend(t)
        body_spans.extend(b)
    title = _text(row.get("title"))
    heading = _highlight(title, title_spans) if title else html.escape(_text(row.get("path"), article_id))
    published = _date(row.get("published"), row.get("published_precision"))
    precision = _text(row.get("published_precision"))
    meta = [("Published", published + (f" (to the {precision})" if published and precision else "") or "not stated"),
            ("Source", _text(row.get("source"), "not stated")), ("Byline", _text(row.get("byline"), "—")),
            ("Language", _LANGUAGES.get(_text(row.get("language")), _text(row.get("language"), "?"))),
            ("File", _text(row.get("path"), "—")), ("Article id", article_id)]
    meta_html = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in meta)

    casualty_rows = []
    for p in casualties:
        fact = _record(report.casualties, p)
        who = _text(fact.get("victim_actor")) or _group_label(fact.get("victim_group"))
        casualty_rows.append(
            f"<tr><td><a href=\"#c{p}\">c{p}</a></td><td>{_e(fact.get('outcome'))}</td><td>{html.escape(who)}</td>"
            f"{_num_cells(fact.get('count_low'), fact.get('count_best'), fact.get('count_high'))}"
            f"<td class=\"nowrap\">{html.escape(_period(fact.get('period_start'), fact.get('period_end')))}</td>"
            f"<td>{html.escape(_label(fact.get('place')))}</td><td>{_e(fact.get('attributed_to'), '—')}</td>"
            f"<td class=\"small\">{_casualty_status(report, p)}</td></tr>")
    territory_rows = []
    for p in territory:
        fact = _record(report.territory, p)
        territory_rows.append(
            f"<tr><td><a href=\"#t{p}\">t{p}</a></td><td>{_e(fact.get('actor'), 'not stated')}</td>"
            f"<td>{html.escape(_label(fact.get('status')))}</td><td>{_e(fact.get('place'))}</td>"
            f"<td class=\"nowrap\">{html.escape(_date(fact.get('as_of')) or _date(fact.get('since')))}</td>"
            f"<td>{_e(fact.get('attributed_to'), '—')}</td></tr>")
    timeline_rows = []
    for p in timeline:
        fact = _record(report.timeline, p)
        timeline_rows.append(
            f"<tr><td><a href=\"#e{p}\">e{p}</a></td>"
            f"<td class=\"nowrap\">{html.escape(_period(fact.get('date_start'), fact.get('date_end'), fact.get('date_precision')))}"
            f"</td><td>{_e(fact.get('kind'))}</td><td>{_e(fact.get('surface'))}</td><td>{_e(fact.get('summary'))}</td>"
            "</tr>")
    text = _text(row.get("text"))
    body = f"""<nav class="toc"><a href="../index.html">&larr; Report</a><a href="../index.html#articles">All articles</a>
<a href="#text">Text</a><a href="#facts">Facts</a></nav>
<article>
<h1>{heading}</h1>
<dl class="meta">{meta_html}</dl>
<p class="legend small"><mark class="k-c">casualty figure</mark><mark class="k-t">territorial claim</mark>
<mark class="k-e">date</mark> Hover a marked passage for what was read; <code>c12</code> links lead here.</p>
<div class="body" id="text">{_highlight(text, body_spans)}</div>
</article>
<section id="facts">
<h2>Casualty reports ({len(casualty_rows):,})</h2>
{_table(["id", "outcome", "victims", ("low", "n"), ("best", "n"), ("high", "n"), "period", "place", "attributed to",
         "in the totals"], casualty_rows, empty="No casualty figures were read in this article.")}
<h2>Territory claims ({len(territory_rows):,})</h2>
{_table(["id", "actor", "status", "place", "date", "attributed to"], territory_rows,
        empty="No territorial claims were read in this article.")}
<h2>Dated statements ({len(timeline_rows):,})</h2>
{_table(["id", "date", "kind", "words", "summary"], timeline_rows, empty="No dated statements.")}
</section>"""
    return _page(title or article_id, body)


def _positions_by_article(report: _Report) -> dict[str, dict[str, list[int]]]:
    found: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for kind, facts in (("c", report.casualties), ("t", report.territory), ("e", report.timeline)):
        if "article_id" not in facts:
            continue
        for p, article_id in enumerate(facts["article_id"]):
            if not _missing(article_id):
                found[str(article_id)][kind].append(p)
    return found


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------

def write_report(corpus: Any, extraction: Extraction, out_dir: str | Path, *,
                 progress: bool | None = None) -> Path:
    """Write the report folder: tables, charts, ``index.html`` and one page per article.

    Parameters
    ----------
    corpus
        The ``Corpus`` of ``read_corpus`` (its ``articles`` and the rejected inputs, ``errors``).
    extraction
        The ``Extraction`` of ``extract`` on that corpus.
    out_dir
        The report folder; created when missing. Files of an earlier report are overwritten.
    progress
        Show a progress bar; ``None`` shows one only on an interactive terminal.

    Returns
    -------
    pathlib.Path
        The path of ``index.html``.

    Notes
    -----
    The folder holds ``tables/`` (CSV, Parquet and a CSV for Excel of the articles without their text,
    casualties, territory, timeline, incidents, totals, running tolls, territorial control, the merged
    timeline, rejected inputs and extraction errors), ``charts/`` (every chart in PNG, SVG and PDF),
    ``articles/<article_id>.html`` and ``index.html``. Every number of the page links to the sentence it
    was read in; an empty corpus gives a page that says so, with "No data" charts.

    Examples
    --------
    >>> from conflictnews import read_corpus, extract
    >>> corpus = read_corpus("data/articles")  # doctest: +SKIP
    >>> write_report(corpus, extract(corpus), "report").name  # doctest: +SKIP
    'index.html'
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = _prepare(corpus, extraction)
    by_article = _positions_by_article(report)
    page_ids = list(report.articles.rows)
    specs = _chart_specs(report)
    show = progress if progress is not None else sys.stderr.isatty()
    from tqdm.auto import tqdm

    bar = tqdm(total=1 + len(specs) + len(page_ids) + 1, desc="report", unit=" files", disable=not show)
    begun = False

    def step(what: str) -> None:
        """Count the previous piece of work as done, and show what comes next."""
        nonlocal begun
        if begun:
            bar.update(1)
        begun = True
        bar.set_postfix_str(what, refresh=False)

    try:
        from .export import write_tables

        step("tables")
        tables = _tables(report)
        written = write_tables(tables, out / "tables")
        _draw_charts(report, specs, out / "charts", step)
        pages = out / "articles"
        pages.mkdir(exist_ok=True)
        counts: dict[str, tuple[int, int, int]] = {}
        for article_id in page_ids:
            step("articles")
            positions = by_article.get(article_id, {})
            counts[article_id] = (len(positions.get("c", [])), len(positions.get("t", [])),
                                  len(positions.get("e", [])))
            (pages / report.articles.files[article_id]).write_text(
                _article_page(report, article_id, positions), encoding="utf-8")
        step("index.html")
        index = out / "index.html"
        index.write_text(_index_html(report, out, written, tables, counts), encoding="utf-8")
        bar.update(1)
    finally:
        bar.close()
    return index
