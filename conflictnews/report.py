"""The report folder: tables, charts and an index page that shows the evidence of every number.

:func:`write_report` writes, under one folder::

    index.html                  what was read, the charts, the key tables, the counting rules
    articles/<article_id>.html  one page per article, every extracted span highlighted
    charts/<name>.png|svg|pdf   every chart of :mod:`conflictnews.plots`, and the maps of :mod:`conflictnews.maps`
    tables/<name>.csv|parquet|excel.csv
    exports/                    the incidents in other tools' layouts (:func:`conflictnews.layouts.write_layouts`):
                                events_acled.csv, events_ucdp_ged.csv, incidents.geojson, places.geojson

Every figure in a table of ``index.html`` leads to its evidence in at most two
clicks: a total links to the incidents it adds up, an incident shows the
sentence of each report behind it (the counted words marked) and links to the
article page, where the sentence is marked in the body under an anchor named
after the fact: ``#c12`` for row 12 (counting from 0) of ``tables/casualties``,
``#t3`` for a territory claim, ``#e7`` for a timeline event.

The pages are self-contained HTML made from the Jinja2 templates of
``conflictnews/templates`` (autoescaped: every piece of text read from the corpus
is escaped): inline CSS, no external assets, no request to the network. The
index carries one small inline script of its own (``tables.js``) that sorts,
filters (by date, place, actor, source, outcome) and searches its tables; the
article pages have none.

Writing into a folder that holds an earlier report removes the files that
report wrote and this one does not (the pages of articles no longer read),
when they are as it left them; nothing else in the folder is touched.
"""

from __future__ import annotations

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
_FORMAT_LABELS = {"csv": "CSV", "parquet": "Parquet", "excel.csv": "Excel CSV", "geojson": "GeoJSON"}
_DISPLAY_SCALE = 0.6  # CSS pixels per PNG pixel: charts saved at 200 dpi are shown at 120 pixels per inch
_MAX_WIDTH = 1106  # the width of an image in a figure's box: main 1200 px less 2 x 32 padding, 2 x 15 of the box


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
    """Fallback: rows with the incident's keys, from its articles, whose window lies inside its window (or
    overlaps it with the incident's figure: the same report repeated)."""
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
                inside = row_start is not None and row_end is not None and (
                    first <= row_start and row_end <= last
                    # the same figure in overlapping days: the same report repeated (``incidents``, rule 5)
                    or row_start <= last and first <= row_end and _same(row.get("count_best"), incident["best"]))
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
    located: pd.DataFrame
    incident_of: dict[int, int] = field(default_factory=dict)
    charts: list[_Chart] = field(default_factory=list)


def _frame(value: Any, columns: Sequence[str] = ()) -> pd.DataFrame:
    if isinstance(value, pd.DataFrame):
        return value.reset_index(drop=True)
    return pd.DataFrame(columns=list(columns))


def _prepare(corpus: Any, extraction: Extraction) -> _Report:
    from .aggregate import casualty_totals, merge_timelines, running_tolls, territory_control
    from .layouts import located_incidents
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
                   merged_rows=merged_rows, located=located_incidents(casualties), incident_of=incident_of)


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
    from .maps import map_specs
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

    # The maps (drawn from the located incidents, so the counting rules are not applied again): each only when
    # there is something of its kind to place; the index shows them in a section of their own.
    drawn = {"casualties_map": bool((outcome == "killed").any()), "control_map": len(report.territory) > 0}
    specs.extend(spec for spec in map_specs(report.located, report.territory) if drawn.get(spec.name, True))

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
#
# report.py assembles the data of each page (plain values, tables of cells, pieces of marked text); the
# Jinja2 templates in ``conflictnews/templates`` hold the markup and escape every value.

#: Columns others may add to the fact tables, shown in the tables (index and article pages) when present.
_OPTIONAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("country", "country"), ("admin1", "region"), ("place_precision", "place precision"),
    ("perpetrator", "perpetrator"), ("perpetrator_group", "perpetrator group"), ("from_actor", "from"),
    ("to_actor", "to"),
)
#: Fact columns never shown as a column of their own (provenance, coordinates, what other cells show).
_INTERNAL_COLUMNS = frozenset({
    "article_id", "surface", "sentence", "span_start", "span_end", "from_title", "latitude", "longitude",
    "cumulative", "subset", "qualifier", "date_precision", "summary", "kind", "actors", "count_low", "count_best",
    "count_high", "period_start", "period_end", "outcome", "victim_group", "victim_actor", "place",
    "attributed_to", "actor", "status", "since", "as_of", "share_pct", "population", "date_start", "date_end",
    "reports", "articles", "sources", "low", "best", "high", "published", "incident", "evidence", "date",
    "summaries", "count", "period", "n_reports",
})


@dataclass
class _Cell:
    """One cell: its text (escaped by the template), or pieces for the other kinds.

    ``kind``: ``text``; ``best`` (bold); ``evidence`` (``items`` of evidence); ``marked`` (``items``
    of (text, marked) pieces); ``links`` (``items`` of ``{"text", "href"}``); ``lines`` (``items`` of text).
    """

    text: str = ""
    cls: str = ""
    sort: str | None = None
    href: str | None = None
    kind: str = "text"
    items: list[Any] = field(default_factory=list)
    note: str = ""
    tip: str = ""


@dataclass
class _Column:
    label: str
    cls: str = ""
    sortable: bool = True


@dataclass
class _Row:
    cells: list[_Cell]
    id: str = ""
    facets: dict[str, str] = field(default_factory=dict)


@dataclass
class _Group:
    rows: list[_Row]
    heading: str = ""
    id: str = ""
    note: str = ""


@dataclass
class _Table:
    """A table of a page; ``facets`` (key, label) make it interactive: sorted, filtered and searched."""

    columns: list[_Column]
    groups: list[_Group]
    empty: str = "None."
    cls: str = ""
    id: str = ""
    facets: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rows_count(self) -> int:
        return sum(len(g.rows) for g in self.groups)

    @property
    def interactive(self) -> bool:
        return bool(self.facets) and self.rows_count > 1


def _columns(*specs: str | tuple[str, str]) -> list[_Column]:
    """Columns from names or (name, css class)."""
    return [_Column(s[0], s[1]) if isinstance(s, tuple) else _Column(s) for s in specs]


def _simple(columns: Sequence[str | tuple[str, str]], rows: Iterable[_Row], **options: Any) -> _Table:
    return _Table(columns=_columns(*columns), groups=[_Group(rows=list(rows))], **options)


def _optional(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """The optional columns (``_OPTIONAL_COLUMNS``) a table has, with a value in at least one row."""
    return [(key, label) for key, label in _OPTIONAL_COLUMNS
            if key in frame.columns and frame[key].map(lambda v: not _missing(v) and v != "").any()]


def _extra_columns(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """Optional columns, then any other column the table has that no cell shows (for the article pages)."""
    known = {key for key, _ in _OPTIONAL_COLUMNS}
    others = [(str(c), str(c).replace("_", " ")) for c in frame.columns
              if c not in known and c not in _INTERNAL_COLUMNS
              and frame[c].map(lambda v: not _missing(v) and v != "" and not isinstance(v, (list, dict))).any()]
    return _optional(frame) + others


def _value_cell(value: Any) -> _Cell:
    if isinstance(value, bool) or _missing(value):
        return _Cell(_text(value, "—") if not isinstance(value, bool) else ("yes" if value else "no"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _Cell(f"{value:,}" if float(value).is_integer() else f"{value:g}", cls="n", sort=str(value))
    if isinstance(value, (pd.Timestamp,)):
        return _Cell(_date(value), cls="nowrap", sort=_iso(value))
    return _Cell(_label(value, "—"))


def _iso(value: Any) -> str:
    """``2018-04-24`` for sorting and date filters; empty when unknown."""
    stamp = _timestamp(value)
    return stamp.strftime("%Y-%m-%d") if stamp is not None else ""


def _date_facets(start: Any, end: Any) -> dict[str, str]:
    first, last = _iso(start), _iso(end)
    if not first and not last:
        return {}
    return {"date-start": first or last, "date-end": last or first}


def _facet(*values: Any) -> str:
    """Values of a facet (``|`` between several), as the filter lists show them."""
    out = []
    for value in values:
        for item in (value if isinstance(value, (list, tuple, set)) else [value]):
            text = _text(item).replace("|", "/").strip()
            if text and text not in out:
                out.append(text)
    return "|".join(out)


def _num_cells(low: Any, best: Any, high: Any) -> list[_Cell]:
    high_cell = (_Cell(_number(high), cls="n", sort=str(_int(high))) if not _missing(high)
                 else _Cell("open", cls="n open", sort="", tip="open upper bound: at least the best figure"))
    return [_Cell(_number(low), cls="n", sort=str(_int(low)) if not _missing(low) else ""),
            _Cell(_number(best), cls="n", sort=str(_int(best)) if not _missing(best) else "", kind="best"),
            high_cell]


def _sentence_pieces(fact: Mapping[str, Any], articles: _Articles) -> list[tuple[str, bool]]:
    """The fact's sentence as (text, marked) pieces, its surface marked where the span says it is."""
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
        return [(surface, True)] if surface else []
    if offset is None or not surface:
        return [(sentence, False)]
    pieces = [(sentence[:offset], False), (sentence[offset:offset + len(surface)], True),
              (sentence[offset + len(surface):], False)]
    return [(text, mark) for text, mark in pieces if text]


def _sentence_html(fact: Mapping[str, Any], articles: _Articles) -> str:
    """The fact's sentence, escaped, with its surface marked where the span says it is."""
    return str(_macros().marked(_sentence_pieces(fact, articles)))


def _evidence_item(report: _Report, kind: str, position: int, facts: pd.DataFrame, *,
                   detail: str = "") -> dict[str, Any]:
    """One piece of evidence: fact id, details, the sentence with its surface marked, the article link."""
    fact = _record(facts, position)
    anchor = f"{kind}{position}"
    where = "headline" if bool(fact.get("from_title")) and not _missing(fact.get("from_title")) else ""
    return {"anchor": anchor, "href": report.articles.href(fact.get("article_id"), anchor),
            "title": report.articles.title(fact.get("article_id")), "meta": " · ".join(x for x in (detail, where) if x),
            "sentence": _sentence_pieces(fact, report.articles)}


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


def _lead(report: _Report) -> str:
    articles = report.articles.frame
    n = len(articles)
    if not n:
        return "No articles were read."
    languages = articles["language"].value_counts(dropna=False)
    lang_text = ", ".join(f"{count:,} in {_LANGUAGES.get(_text(lang), _text(lang, 'unknown language'))}"
                          for lang, count in languages.items())
    dated = pd.to_datetime(articles["published"], errors="coerce").dropna()
    if len(dated):
        span = f"published {_date(dated.min())[:10]} to {_date(dated.max())[:10]}"
        if len(dated) < n:
            span += f" ({_plural(n - len(dated), 'article')} without a publication date)"
    else:
        span = "no publication dates"
    outlets = f"from {_plural(int(articles['source'].nunique()), 'named outlet')}"
    unnamed = int(articles["source"].isna().sum())
    if unnamed:
        outlets += f" ({_plural(unnamed, 'article')} without one)"
    return f"{_plural(n, 'article')} read" + (f" ({lang_text})" if lang_text else "") + f" {outlets}, {span}."


def _count_table(header: str, counts: pd.Series, label: Callable[[Any], str] = _text) -> _Table:
    return _simple([header, ("articles" if header != "attributed to" else "reports", "n")],
                   [_Row([_Cell(label(k)), _Cell(f"{v:,}", cls="n", sort=str(v))]) for k, v in counts.items()],
                   empty="No casualty reports." if header == "attributed to" else "None.")


def _read_boxes(report: _Report) -> list[dict[str, Any]]:
    articles = report.articles.frame
    if not len(articles):
        return []
    langs = articles["language"].value_counts(dropna=False)
    lang_table = _simple(["language", ("articles", "n")], [
        _Row([_Cell(f"{_LANGUAGES.get(_text(k), _text(k, 'unknown'))} ({_text(k, '?')})"),
              _Cell(f"{v:,}", cls="n", sort=str(v))]) for k, v in langs.items()])
    return [{"heading": "Languages", "table": lang_table},
            {"heading": "Outlets and agencies",
             "table": _count_table("source", articles["source"].fillna("(not stated)").value_counts())},
            {"heading": "Who the casualty figures are attributed to",
             "table": _count_table("attributed to",
                                   report.casualties["attributed_to"].fillna("(not attributed)").value_counts())}]


def _rejected_table(report: _Report) -> _Table:
    return _simple(["input", "reason"], [_Row([_Cell(_text(r.get("path"), "(no path)")), _Cell(_text(r.get("reason")))])
                                          for r in _records(report.rejected)], empty="No input was rejected.")


def _failed_table(report: _Report) -> _Table:
    return _simple(["article", "error"], [
        _Row([_Cell(_text(r.get("path") if not _missing(r.get("path")) else r.get("article_id"))),
              _Cell(_text(r.get("reason")))]) for r in _records(report.failed)])


def _chart_view(chart: _Chart) -> dict[str, Any]:
    by_format = {f.suffix.lstrip("."): f for f in chart.files}
    png = by_format.get("png")
    view: dict[str, Any] = {"name": chart.name, "title": chart.title, "caption": chart.caption,
                            "png": f"charts/{urllib.parse.quote(png.name)}" if png is not None else None,
                            "files": [(fmt.upper(), f"charts/{urllib.parse.quote(f.name)}") for fmt, f in by_format.items()],
                            "width": None, "height": None}
    if chart.size is not None:
        scale = _DISPLAY_SCALE * 0.75 if chart.empty else _DISPLAY_SCALE  # "No data" needs less room
        width = max(1, min(round(chart.size[0] * scale), _MAX_WIDTH))
        view["width"], view["height"] = width, round(chart.size[1] * width / chart.size[0])
    return view


def _totals_table(report: _Report) -> _Table:
    totals = report.totals
    rows = []
    if len(totals):
        keys = [(_text(o, "unknown"), _text(g, "unknown")) for o, g in zip(totals["outcome"], totals["victim_group"])]
        order = sorted(range(len(totals)), key=lambda i: _group_order(*keys[i]))
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for outcome, group in zip(report.incidents["outcome"], report.incidents["victim_group"]):
            counts[(_text(outcome, "unknown"), _text(group, "unknown"))] += 1
        for i in order:
            row = totals.iloc[i]
            rows.append(_Row([_Cell(_text(row["outcome"])), _Cell(_group_label(row["victim_group"])),
                              *_num_cells(row["low"], row["best"], row["high"]),
                              _Cell(_number(row["reports"]), cls="n"), _Cell(_number(row["articles"]), cls="n"),
                              _Cell(_plural(counts.get(keys[i], 0), "incident"), cls="nowrap",
                                    href="#inc-" + _slug(*keys[i]))]))
    return _simple(["outcome", "victim group", ("low", "n"), ("best", "n"), ("high", "n"), ("reports", "n"),
                    ("articles", "n"), "evidence"], rows, empty="No casualty figures were read.")


_FACETS_CASUALTY = [("date", "date"), ("place", "place"), ("actor", "victims"), ("source", "source"),
                    ("outcome", "outcome")]


def _incidents_table(report: _Report) -> _Table:
    found = report.incidents
    extra = _optional(found)
    columns = _columns("#", "victims", "place", *(label for _, label in extra), "period", ("low", "n"),
                       ("best", "n"), ("high", "n"), "sources", "evidence")
    columns[-1].sortable = False
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, (outcome, group) in enumerate(zip(found["outcome"], found["victim_group"])):
        groups[(_text(outcome, "unknown"), _text(group, "unknown"))].append(number)
    out = []
    for (outcome, group), index in sorted(groups.items(), key=lambda item: _group_order(*item[0])):
        ordered = sorted(index, key=lambda i: (_timestamp(found.at[i, "period_end"]) is None,
                                               _timestamp(found.at[i, "period_end"]) or pd.Timestamp(0),
                                               -(_int(found.at[i, "best"]) or 0)))
        rows = []
        for number in ordered:
            row = found.loc[number]
            items = [_evidence_item(report, "c", p, report.casualties,
                                    detail=_casualty_detail(_record(report.casualties, p)))
                     for p in report.members[number]]
            victims = _text(row["victim_actor"]) or _group_label(row["victim_group"])
            sources = list(map(str, row["sources"])) if isinstance(row["sources"], list) else []
            rows.append(_Row(
                id=f"i{number}",
                cells=[_Cell(f"i{number}", cls="nowrap", href=f"#i{number}", sort=str(number)),
                       _Cell(victims, note=_net_note(found.iloc[number], report.casualties, report.members[number])),
                       _Cell(_label(row["place"])), *(_value_cell(row.get(key)) for key, _ in extra),
                       _Cell(_period(row["period_start"], row["period_end"]) or "not stated", cls="period", kind="period",
                             sort=_iso(row["period_start"]) or _iso(row["period_end"])),
                       *_num_cells(row["low"], row["best"], row["high"]),
                       _Cell(", ".join(sources) or "—"), _Cell(kind="evidence", cls="evidence-cell", items=items)],
                facets={"place": _facet(row["place"]), "actor": _facet(victims), "source": _facet(sources),
                        "outcome": _facet(row["outcome"]), **_date_facets(row["period_start"], row["period_end"])}))
        out.append(_Group(rows=rows, heading=f"{_label(outcome)}: {_group_label(group)}",
                          id=f"inc-{_slug(outcome, group)}", note=_plural(len(index), "incident")))
    return _Table(columns=columns, groups=out, empty="No incidents.", id="incidents-table", facets=_FACETS_CASUALTY)


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


def _evidence_cell(report: _Report, kind: str, position: int | None, facts: pd.DataFrame,
                   row: Mapping[str, Any]) -> _Cell:
    if position is not None:
        return _Cell(kind="evidence", cls="evidence-cell", items=[_evidence_item(report, kind, position, facts)])
    return _Cell(kind="marked", cls="evidence-cell", items=_sentence_pieces(row, report.articles))


def _tolls_table(report: _Report) -> _Table:
    tolls = report.tolls
    extra = _optional(tolls)
    rows = []
    for i, row in enumerate(_records(tolls)):
        position = report.toll_rows[i] if i < len(report.toll_rows) else None
        rows.append(_Row(
            id=f"toll-{i}",
            cells=[_Cell(_date(row["published"])[:10], cls="nowrap", sort=_iso(row["published"])),
                   _Cell(_text(row["outcome"])), _Cell(_group_label(row["victim_group"])),
                   _Cell(_label(row["place"])), *(_value_cell(row.get(key)) for key, _ in extra),
                   _Cell(_period(row["period_start"], row["period_end"]), cls="period", kind="period",
                         sort=_iso(row["period_start"])),
                   *_num_cells(row["count_low"], row["count_best"], row["count_high"]),
                   _Cell(_text(row["attributed_to"], "—")), _evidence_cell(report, "c", position, report.casualties, row)],
            facets={"place": _facet(row["place"]), "actor": _facet(_group_label(row["victim_group"])),
                    "source": _facet(row["attributed_to"]), "outcome": _facet(row["outcome"]),
                    **_date_facets(row["published"], row["published"])}))
    columns = _columns("reported", "outcome", "victims", "place", *(label for _, label in extra), "period",
                       ("low", "n"), ("best", "n"), ("high", "n"), "attributed to", "evidence")
    columns[-1].sortable = False
    return _Table(columns=columns, groups=[_Group(rows=rows)], empty="No running tolls were read.", id="tolls-table",
                  cls="tolls", facets=_FACETS_CASUALTY)


def _territory_table(report: _Report) -> _Table:
    control = report.control
    extra = _optional(control)
    rows = []
    place_seen: set[str] = set()
    for i, row in enumerate(_records(control)):
        position = report.control_rows[i] if i < len(report.control_rows) else None
        place = _label(row["place"])
        anchor = "" if place in place_seen else f"place-{_slug(place)}"
        place_seen.add(place)
        extra_text = []
        if not _missing(row.get("share_pct")):
            extra_text.append(f"{float(row['share_pct']):g}% of the area")
        if not _missing(row.get("population")):
            extra_text.append(f"{int(row['population']):,} people")
        rows.append(_Row(
            id=anchor,
            cells=[_Cell(place), *(_value_cell(row.get(key)) for key, _ in extra),
                   _Cell(_date(row["date"]) or "no date", cls="nowrap", sort=_iso(row["date"])),
                   _Cell(_text(row["actor"], "not stated")), _Cell(_label(row["status"]), note=", ".join(extra_text)),
                   _Cell(_text(row["attributed_to"], "—")),
                   _evidence_cell(report, "t", position, report.territory, row)],
            facets={"place": _facet(row["place"]), "actor": _facet(row["actor"]),
                    "source": _facet(row["attributed_to"]), "outcome": _facet(_label(row["status"])),
                    **_date_facets(row["date"], row["date"])}))
    columns = _columns("place", *(label for _, label in extra), "date", "actor", "status", "attributed to",
                       "evidence")
    columns[-1].sortable = False
    return _Table(columns=columns, groups=[_Group(rows=rows)], empty="No territorial claims were read.",
                  id="territory-table", facets=[("date", "date"), ("place", "place"), ("actor", "actor"),
                                                ("source", "source"), ("outcome", "status")])


def _timeline_table(report: _Report) -> _Table:
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
            links.append({"text": report.articles.title(article_id), "href": report.articles.href(article_id, f"e{p}")})
        summaries = row["summaries"] if isinstance(row["summaries"], list) else []
        actors = row.get("actors")
        rows.append(_Row(
            cells=[_Cell(_period(row["date_start"], row["date_end"], row["date_precision"]), cls="nowrap",
                         sort=_iso(row["date_start"])),
                   _Cell(_text(row["kind"])), _Cell(_label(row["place"])),
                   _Cell(kind="lines", items=[str(s) for s in summaries[:3]]),
                   _Cell(kind="links", cls="small", items=links)],
            facets={"place": _facet(row["place"]), "outcome": _facet(row["kind"]),
                    "actor": _facet(*(_text(actors).split("|") if isinstance(actors, str) else [actors])),
                    **_date_facets(row["date_start"], row["date_end"])}))
    return _simple(["date", "kind", "place", "in the articles' words", "articles"], rows,
                   empty="No dated statements were read.", id="timeline-table",
                   facets=[("date", "date"), ("place", "place"), ("actor", "actor"), ("outcome", "kind")])


def _articles_table(report: _Report, counts: Mapping[str, tuple[int, int, int]]) -> _Table:
    frame = report.articles.frame
    order = frame.assign(_when=pd.to_datetime(frame["published"], errors="coerce")).sort_values(
        ["_when", "title"], na_position="last") if len(frame) else frame
    rows = []
    for row in _records(order):
        article_id = _text(row["article_id"])
        c, t, e = counts.get(article_id, (0, 0, 0))
        rows.append(_Row(
            cells=[_Cell(_date(row["published"], row["published_precision"]), cls="nowrap", sort=_iso(row["published"])),
                   _Cell(report.articles.title(article_id), href=report.articles.href(article_id) or "#"),
                   _Cell(_text(row["source"], "—")), _Cell(_text(row["language"])),
                   *(_Cell(f"{n:,}", cls="n", sort=str(n)) for n in (c, t, e))],
            facets={"source": _facet(row["source"]), "outcome": _facet(_LANGUAGES.get(_text(row["language"]))),
                    **_date_facets(row["published"], row["published"])}))
    return _simple(["published", "title", "source", "lang", ("casualty reports", "n"), ("territory claims", "n"),
                    ("dated statements", "n")], rows, empty="No articles.", id="articles-table",
                   facets=[("date", "published"), ("source", "source"), ("outcome", "language")])


def _tables_table(written: Sequence[Path], out_dir: Path, tables: Mapping[str, pd.DataFrame]) -> _Table:
    by_table: dict[str, list[Path]] = defaultdict(list)
    for path in written:
        by_table[path.name.split(".")[0]].append(path)
    rows = []
    for name, frame in tables.items():
        links = [{"text": _FORMAT_LABELS.get(p.name.split(".", 1)[1], p.suffix),
                  "href": urllib.parse.quote(p.relative_to(out_dir).as_posix())} for p in by_table.get(name, [])]
        rows.append(_Row([_Cell(name), _Cell(f"{len(frame):,}", cls="n"), _Cell(kind="links", items=links)]))
    table = _simple(["table", ("rows", "n"), "files"], rows, cls="narrow")
    for row in table.groups[0].rows:  # the files of a table side by side
        row.cells[2].kind = "inline-links"
    return table


@dataclass
class _Export:
    """A file (or files) in another tool's layout, listed under the tables: label, what it is, its size, files."""

    label: str
    description: str
    files: list[Path]
    size: str = ""


#: The exports in other tools' layouts, by layout (the keys of ``layouts.LAYOUT_FILES``): label, what one row or
#: feature is, and what it holds (the mapping column by column is in docs/api.md).
_EXPORT_LAYOUTS: tuple[tuple[str, str, tuple[str, str], str], ...] = (
    ("acled", "ACLED-shaped events", ("event", "events"),
     "One row per event (the incidents of one place and window of days) of people killed, injured, captured or "
     "missing, and one per capture of a place, in ACLED's columns: event_date, event_type, sub_event_type, actor1, "
     "actor2, location, latitude, longitude, geo_precision, fatalities, the sentences as notes and who says so as "
     "source"),
    ("ucdp", "UCDP GED-shaped events", ("event", "events"),
     "One row per event with people killed, in GED's columns: date_start, date_end, date_prec, best, low, high, "
     "deaths_a, deaths_b, deaths_civilians, deaths_unknown, side_a, side_b, where_prec, latitude, longitude, "
     "source_article"),
    ("incidents", "Incidents as GeoJSON", ("incident", "incidents"),
     "One point per incident after the counting rules (a null geometry when it has no place), with its outcome, "
     "victims, counts, period, sources and sentences; opens in QGIS, geopandas or Leaflet"),
    ("places", "Places of the control ledger as GeoJSON", ("place", "places"),
     "One point per place with a dated claim: who holds it, whether it is contested and whether it changed hands, "
     "by the last claims"),
)


def _export_count(path: Path) -> tuple[int, int | None, str]:
    """Rows of an exported CSV, or features of a GeoJSON file (and how many have a point), and its ``as_of``."""
    import json

    if path.suffix == ".csv":
        return len(pd.read_csv(path)), None, ""
    collection = json.loads(path.read_text(encoding="utf-8"))
    features = collection.get("features") or []
    return len(features), sum(1 for f in features if f.get("geometry")), _text(collection.get("as_of"))[:10]


def _exports(report: _Report, out: Path) -> list[_Export]:
    """Write the exports in other tools' layouts (ACLED- and UCDP-shaped CSV, GeoJSON) and list them.

    The files go to ``exports/`` (:func:`conflictnews.layouts.write_layouts`, from the incidents already located
    for the map); each is listed under "Tables" with what its layout is and how many rows or features it has.
    """
    from .layouts import LAYOUT_FILES, write_layouts

    folder = out / "exports"
    written = {p.name: p for p in write_layouts(report.casualties, report.territory, folder,
                                                articles=report.articles.frame, located=report.located)}
    exports = []
    for layout, label, (one, many), what in _EXPORT_LAYOUTS:
        path = written.get(LAYOUT_FILES[layout])
        if path is None:
            continue
        count, placed, as_of = _export_count(path)
        size = f"{count:,} {one if count == 1 else many}"
        if placed is not None and placed != count:
            size += f", {placed:,} with a point"
        if as_of:
            size += f", as of {as_of}"
        exports.append(_Export(label=label, description=what, files=[path], size=size))
    return exports


def _index_context(report: _Report, out_dir: Path, written: Sequence[Path], tables: Mapping[str, pd.DataFrame],
                   counts: Mapping[str, tuple[int, int, int]], exports: Sequence[_Export]) -> dict[str, Any]:
    cards = [(len(report.articles.frame), "articles read", "#articles"), (len(report.rejected), "inputs rejected", "#read"),
             (len(report.casualties), "casualty reports", "tables/casualties.csv"),
             (len(report.incidents), "incidents", "#incidents"), (len(report.tolls), "running tolls", "#tolls"),
             (len(report.territory), "territory claims", "#territory"),
             (len(report.timeline), "dated statements", "#timeline")]
    views = [_chart_view(chart) for chart in report.charts]
    maps = [v for v in views if "map" in v["name"]]
    toc = [("read", "What was read"), ("rules", "Counting rules"), *([("map", "Map")] if maps else []),
           ("charts", "Charts"), ("totals", "Totals"), ("incidents", "Incidents"), ("tolls", "Running tolls"),
           ("territory", "Territory"), ("timeline", "Timeline"), ("articles", "Articles"), ("tables", "Tables"),
           *([("exports", "Exports")] if exports else [])]
    return {
        "title": "Conflict news report", "lead": _lead(report), "toc": toc,
        "cards": [{"value": f"{value:,}", "label": label, "href": href} for value, label, href in cards],
        "articles_read": len(report.articles.frame) > 0, "read_boxes": _read_boxes(report),
        "rejected": _rejected_table(report), "failed": _failed_table(report), "rules": COUNTING_RULES,
        "maps": maps, "charts": [v for v in views if "map" not in v["name"]],
        "totals": _totals_table(report), "incidents": _incidents_table(report), "tolls": _tolls_table(report),
        "territory": _territory_table(report), "timeline": _timeline_table(report),
        "timeline_events": _plural(len(report.merged), "event"), "articles": _articles_table(report, counts),
        "tables": _tables_table(written, out_dir, tables),
        "exports": [{"label": e.label, "description": e.description, "size": e.size,
                     "files": [(f.name, _FORMAT_LABELS.get(f.name.split(".", 1)[-1], f.suffix.lstrip(".").upper()),
                                urllib.parse.quote(f.relative_to(out_dir).as_posix())) for f in e.files]}
                    for e in exports],
        "script": _asset("tables.js"),
    }


# --------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------

_ENVIRONMENT: Any = None


def _environment() -> Any:
    """The Jinja2 environment of the report's templates (package data), autoescaping every value."""
    global _ENVIRONMENT
    if _ENVIRONMENT is None:
        import jinja2

        _ENVIRONMENT = jinja2.Environment(loader=jinja2.PackageLoader("conflictnews", "templates"),
                                          autoescape=True, undefined=jinja2.StrictUndefined,
                                          trim_blocks=False, lstrip_blocks=False)
        _ENVIRONMENT.filters["thousands"] = lambda n: f"{int(n):,}"
    return _ENVIRONMENT


def _asset(name: str) -> Any:
    """A file of the templates folder, inline in a page as it is (our own CSS and script, not data)."""
    from markupsafe import Markup

    source = _environment().loader.get_source(_environment(), name)[0]
    return Markup(source)  # noqa: S704 - shipped with the package, holds no text of the corpus


def _macros() -> Any:
    return _environment().get_template("macros.html").module


def _render(template: str, **context: Any) -> str:
    from . import __version__

    context.setdefault("script", None)
    return str(_environment().get_template(template).render(css=_asset("report.css"), version=__version__,
                                                            **context))


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


def _highlight_pieces(text: str, spans: Sequence[_Span]) -> list[dict[str, Any]]:
    """``text`` cut where spans start and end: each piece with the anchors starting there, its kinds and tips."""
    usable = [s for s in spans if 0 <= s.start <= s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    anchors: dict[int, list[str]] = defaultdict(list)
    for span in sorted(usable, key=lambda s: (s.start, s.anchor)):
        anchors[span.start].append(span.anchor)
    pieces: list[dict[str, Any]] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        piece: dict[str, Any] = {"anchors": anchors.get(a, []), "text": "", "kinds": "", "tip": ""}
        if b is not None:
            covering = [s for s in usable if s.start <= a and b <= s.end and s.start < s.end]
            piece["text"] = text[a:b]
            if covering:
                piece["kinds"] = " ".join("k-" + k for k in sorted({s.kind for s in covering}, key="etc".index))
                piece["tip"] = "\n".join(s.tip for s in covering)
        if piece["anchors"] or piece["text"]:
            pieces.append(piece)
    return pieces


def _highlight(text: str, spans: Sequence[_Span]) -> str:
    """``text`` escaped, each span in a ``<mark>`` (split where spans overlap), an anchor at each span's start."""
    return str(_macros().highlight(_highlight_pieces(text, spans)))


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
    count = _count_phrase(fact.get("count_low"), fact.get("count_best"), fact.get("count_high"), fact.get("qualifier"))
    parts = [f"{_text(fact.get('outcome'))}: {count}", who, _text(fact.get("place")),
             _period(fact.get("period_start"), fact.get("period_end")),
             "according to " + _text(fact.get("attributed_to")) if not _missing(fact.get("attributed_to")) else "",
             "running toll" if bool(fact.get("cumulative")) and not _missing(fact.get("cumulative")) else ""]
    return " · ".join(p for p in parts if p)


def _territory_tip(fact: Mapping[str, Any]) -> str:
    parts = [_text(fact.get("actor"), "someone"), _label(fact.get("status")), _text(fact.get("place")),
             _date(fact.get("as_of")) or _date(fact.get("since"))]
    return " · ".join(p for p in parts if p)


def _timeline_tip(fact: Mapping[str, Any]) -> str:
    return f"{_text(fact.get('kind'))} · {_period(fact.get('date_start'), fact.get('date_end'), fact.get('date_precision'))}"


def _casualty_status(report: _Report, position: int) -> _Cell:
    """Where a casualty report went in the totals, linked from its article page."""
    fact = report.casualties.iloc[position]
    if position in report.incident_of:
        number = report.incident_of[position]
        return _Cell(f"counted in incident i{number}", cls="small", href=f"../index.html#i{number}")
    if not _missing(fact.get("cumulative")) and bool(fact.get("cumulative")):
        toll = next((i for i, p in enumerate(report.toll_rows) if p == position), None)
        return _Cell("running toll, not added to totals", cls="small",
                     href=f"../index.html#toll-{toll}" if toll is not None else None)
    if not _missing(fact.get("subset")) and bool(fact.get("subset")):
        return _Cell("part of a total given beside it, not added again", cls="small")
    if not _missing(fact.get("from_title")) and bool(fact.get("from_title")):
        return _Cell("headline repeats the lead, not added again", cls="small")
    return _Cell("not counted", cls="small")


def _web_address(value: Any) -> tuple[str, bool]:
    """A page's address, and whether it may be a link (http and https only: never ``javascript:``)."""
    url = _text(value).strip()
    return url, urllib.parse.urlsplit(url).scheme.lower() in ("http", "https")


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
    published = _date(row.get("published"), row.get("published_precision"))
    precision = _text(row.get("published_precision"))
    meta = [("Published", published + (f" (to the {precision})" if published and precision else "") or "not stated"),
            ("Source", _text(row.get("source"), "not stated")), ("Byline", _text(row.get("byline"), "—")),
            ("Language", _LANGUAGES.get(_text(row.get("language")), _text(row.get("language"), "?"))),
            ("File", _text(row.get("path"), "—")), ("Article id", article_id)]
    url, url_link = _web_address(row.get("url"))

    def rows_of(facts: pd.DataFrame, chosen: Sequence[int], kind: str,
                cells: Callable[[int, Mapping[str, Any]], list[_Cell]]) -> tuple[list[_Row], list[tuple[str, str]]]:
        extra = _extra_columns(facts.iloc[list(chosen)]) if len(chosen) else []
        rows = []
        for p in chosen:
            fact = _record(facts, p)
            rows.append(_Row([_Cell(f"{kind}{p}", href=f"#{kind}{p}", sort=str(p)), *cells(p, fact),
                              *(_value_cell(fact.get(key)) for key, _ in extra)]))
        return rows, extra

    def casualty_cells(p: int, fact: Mapping[str, Any]) -> list[_Cell]:
        return [_Cell(_text(fact.get("outcome"))),
                _Cell(_text(fact.get("victim_actor")) or _group_label(fact.get("victim_group"))),
                *_num_cells(fact.get("count_low"), fact.get("count_best"), fact.get("count_high")),
                _Cell(_period(fact.get("period_start"), fact.get("period_end")), cls="nowrap",
                      sort=_iso(fact.get("period_start"))),
                _Cell(_label(fact.get("place"))), _Cell(_text(fact.get("attributed_to"), "—")),
                _casualty_status(report, p)]

    def territory_cells(p: int, fact: Mapping[str, Any]) -> list[_Cell]:
        return [_Cell(_text(fact.get("actor"), "not stated")), _Cell(_label(fact.get("status"))),
                _Cell(_text(fact.get("place"))),
                _Cell(_date(fact.get("as_of")) or _date(fact.get("since")), cls="nowrap"),
                _Cell(_text(fact.get("attributed_to"), "—"))]

    def timeline_cells(p: int, fact: Mapping[str, Any]) -> list[_Cell]:
        return [_Cell(_period(fact.get("date_start"), fact.get("date_end"), fact.get("date_precision")),
                      cls="nowrap", sort=_iso(fact.get("date_start"))),
                _Cell(_text(fact.get("kind"))), _Cell(_text(fact.get("surface"))), _Cell(_text(fact.get("summary")))]

    sections = []
    for heading, facts, chosen, kind, cells, columns, empty in (
            ("Casualty reports", report.casualties, casualties, "c", casualty_cells,
             ["id", "outcome", "victims", ("low", "n"), ("best", "n"), ("high", "n"), "period", "place",
              "attributed to", "in the totals"], "No casualty figures were read in this article."),
            ("Territory claims", report.territory, territory, "t", territory_cells,
             ["id", "actor", "status", "place", "date", "attributed to"],
             "No territorial claims were read in this article."),
            ("Dated statements", report.timeline, timeline, "e", timeline_cells,
             ["id", "date", "kind", "words", "summary"], "No dated statements.")):
        rows, extra = rows_of(facts, chosen, kind, cells)
        sections.append({"heading": heading,
                         "table": _simple([*columns, *(label for _, label in extra)], rows, empty=empty)})
    return _render("article.html", title=title or article_id,
                   heading=_highlight_pieces(title, title_spans) if title else None,
                   fallback_heading=_text(row.get("path"), article_id), meta=meta, url=url, url_link=url_link,
                   body=_highlight_pieces(_text(row.get("text")), body_spans), sections=sections)


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
# Files of an earlier report
# --------------------------------------------------------------------------

#: The list of files a report wrote, with their hashes, kept in the report folder.
MANIFEST = ".conflictnews-report.json"


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def _earlier_files(out: Path) -> dict[str, str]:
    """The files an earlier report in ``out`` wrote (relative path: hash), from its manifest."""
    import json

    try:
        listed = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = listed.get("files") if isinstance(listed, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _remove_stale(out: Path, earlier: Mapping[str, str], written: Iterable[Path]) -> list[Path]:
    """Remove the files an earlier report wrote that this one did not, if they are as that report left them.

    A file the user changed or put there (not in the manifest, or with another hash) is left alone.
    """
    root = out.resolve()
    now = {p.resolve() for p in written}
    removed = []
    for name, digest in earlier.items():
        path = out / name
        try:
            resolved = path.resolve()
            if resolved in now or root not in resolved.parents or path.is_symlink() or not path.is_file():
                continue
            if _digest(path) == digest:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    for folder in sorted({p.parent for p in removed}, key=lambda p: len(p.parts), reverse=True):
        if folder != out and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed


def _write_manifest(out: Path, written: Iterable[Path]) -> Path:
    import json

    from . import __version__

    files = {p.relative_to(out).as_posix(): _digest(p) for p in sorted(set(written)) if p.is_file()}
    path = out / MANIFEST
    path.write_text(json.dumps({"written_by": f"conflictnews {__version__}", "files": files}, indent=1) + "\n",
                    encoding="utf-8")
    return path


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
        The report folder; created when missing. Files of an earlier report are overwritten, and those it
        wrote that this one does not (the pages of articles no longer read) are removed when they are as it
        left them (``.conflictnews-report.json`` lists them); anything else in the folder is left alone.
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
    timeline, rejected inputs and extraction errors), ``charts/`` (every chart in PNG, SVG and PDF; the
    maps ``casualties_map`` and ``control_map`` when there are people killed or territory claims to place),
    ``exports/`` (``events_acled.csv``, ``events_ucdp_ged.csv``, ``incidents.geojson`` and ``places.geojson``,
    as :func:`conflictnews.layouts.write_layouts` writes them), ``articles/<article_id>.html`` and
    ``index.html``. Every number of the page links to the sentence it was read in; an empty corpus gives a
    page that says so, with "No data" charts.

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

    bar = tqdm(total=2 + len(specs) + len(page_ids) + 1, desc="report", unit=" files", disable=not show)
    begun = False

    def step(what: str) -> None:
        """Count the previous piece of work as done, and show what comes next."""
        nonlocal begun
        if begun:
            bar.update(1)
        begun = True
        bar.set_postfix_str(what, refresh=False)

    earlier = _earlier_files(out)
    try:
        from .export import write_tables

        step("tables")
        tables = _tables(report)
        written = write_tables(tables, out / "tables")
        _draw_charts(report, specs, out / "charts", step)
        step("exports")
        exports = _exports(report, out)
        pages = out / "articles"
        pages.mkdir(exist_ok=True)
        counts: dict[str, tuple[int, int, int]] = {}
        files = [*written, *(f for chart in report.charts for f in chart.files),
                 *(f for export in exports for f in export.files)]
        for article_id in page_ids:
            step("articles")
            positions = by_article.get(article_id, {})
            counts[article_id] = (len(positions.get("c", [])), len(positions.get("t", [])),
                                  len(positions.get("e", [])))
            page = pages / report.articles.files[article_id]
            page.write_text(_article_page(report, article_id, positions), encoding="utf-8")
            files.append(page)
        step("index.html")
        index = out / "index.html"
        index.write_text(_render("index.html", **_index_context(report, out, written, tables, counts, exports)),
                         encoding="utf-8")
        files.append(index)
        _remove_stale(out, earlier, files)
        _write_manifest(out, files)
        bar.update(1)
    finally:
        bar.close()
    return index
