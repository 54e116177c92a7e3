"""Tests of the charts: seaborn's contract, empty input, bands, legends, notes."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.dates

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.container import ErrorbarContainer
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from conflictnews import plots
from conflictnews.plots import (
    NO_DATA,
    add_source_note,
    group_styles,
    plot_casualties,
    plot_casualties_by,
    plot_running_toll,
    plot_sources,
    plot_territory,
    plot_timeline,
    report_style,
)

T = pd.Timestamp
NA = pd.NA


def ints(*values: Any) -> pd.arrays.IntegerArray:
    return pd.array(values, dtype="Int64")


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


# ---------------------------------------------------------------------------
# Small realistic tables
# ---------------------------------------------------------------------------


@pytest.fixture
def totals() -> pd.DataFrame:
    """``casualty_totals(casualties, by=["victim_group"], freq="MS")``."""
    months = [T("2016-01-01"), T("2016-02-01"), T("2016-03-01")]
    return pd.DataFrame(
        {
            "victim_group": ["civilian"] * 3 + ["military"] * 3 + ["armed_group"] * 2,
            "period": months + months + months[:2],
            "low": ints(40, 55, 20, 12, 30, 8, 50, 80),
            "best": ints(45, 60, 22, 12, 35, 9, 60, 80),
            "high": ints(52, 75, NA, 12, 41, 9, 75, NA),
            "reports": [5, 7, 2, 3, 4, 1, 6, 5],
            "articles": [4, 5, 2, 3, 3, 1, 4, 4],
        }
    )


@pytest.fixture
def totals_by_place() -> pd.DataFrame:
    """``casualty_totals(casualties, by=["place"])``."""
    return pd.DataFrame(
        {
            "place": ["Raqqa", "Aleppo", "Eastern Ghouta", None, "Kobani"],
            "low": ints(80, 210, 150, 25, 10),
            "best": ints(85, 240, 180, 25, 12),
            "high": ints(96, 300, NA, 31, NA),
            "reports": [6, 14, 11, 3, 2],
            "articles": [5, 9, 8, 3, 2],
        }
    )


@pytest.fixture
def tolls() -> pd.DataFrame:
    """Cumulative reports ("since 2011, at least 270,000 people ...")."""
    published = [
        T("2015-03-15 10:00"),
        T("2015-09-01"),
        T("2016-03-14 08:30"),
        T("2016-06-01"),
    ]
    return pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4"],
            "published": published,
            "period_start": [T("2011-03-15")] * 4,
            "period_end": [p.normalize() for p in published],
            "victim_group": ["unknown", "unknown", "unknown", "civilian"],
            "place": ["Syria"] * 4,
            "attributed_to": ["SOHR", "UN", "SOHR", "SOHR"],
            "count_low": ints(215000, 220000, 270000, 78000),
            "count_best": ints(215000, 240000, 270000, 78000),
            "count_high": ints(NA, 250000, NA, 80000),
            "qualifier": ["more_than", "about", "at_least", "about"],
            "surface": [
                "meer dan 215.000",
                "about 240,000",
                "at least 270,000",
                "some 78,000",
            ],
            "sentence": ["..."] * 4,
        }
    )


@pytest.fixture
def claims() -> pd.DataFrame:
    """The ``territory`` table."""
    n = 5
    return pd.DataFrame(
        {
            "article_id": ["t1", "t2", "t3", "t4", "t5"],
            "actor": [
                "Islamic State",
                "Syrian Democratic Forces",
                "Syrian government forces",
                "Islamic State",
                "Syrian government forces",
            ],
            "place": ["Raqqa", "Raqqa", "Aleppo", "Palmyra", "Palmyra"],
            "status": ["controls", "captured", "besieged", "lost", "captured"],
            "since": [T("2014-01-01"), pd.NaT, T("2016-07-17"), pd.NaT, pd.NaT],
            "as_of": [
                T("2016-06-01"),
                T("2017-10-17"),
                pd.NaT,
                T("2016-03-27"),
                T("2016-03-27"),
            ],
            "share_pct": [np.nan] * n,
            "population": ints(*([NA] * n)),
            "qualifier": [None] * n,
            "attributed_to": ["SOHR", "SDF", "SANA", None, "SANA"],
            "surface": ["..."] * n,
            "sentence": ["..."] * n,
            "span_start": [0] * n,
            "span_end": [3] * n,
        }
    )


@pytest.fixture
def timeline() -> pd.DataFrame:
    """The ``timeline`` table."""
    n = 4
    return pd.DataFrame(
        {
            "article_id": ["e1", "e2", "e3", "e4"],
            "date_start": [
                T("2016-02-27"),
                T("2016-03-27"),
                T("2016-07-01"),
                T("2016-11-15"),
            ],
            "date_end": [pd.NaT, pd.NaT, pd.NaT, T("2016-12-22")],
            "date_precision": ["day", "day", "month", "day"],
            "kind": ["event", "territory", "casualties", "casualties"],
            "summary": [
                "Cessation of hostilities takes effect across Syria",
                "Government forces retake Palmyra from Islamic State",
                "Heavy fighting in Aleppo",
                "Offensive on eastern Aleppo kills hundreds of civilians, "
                "the United Nations says",
            ],
            "sentence": ["..."] * n,
            "span_start": [0] * n,
            "span_end": [3] * n,
        }
    )


@pytest.fixture
def casualties() -> pd.DataFrame:
    """The ``casualties`` table (the columns plot_sources reads, and some)."""
    return pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a3", "a3", "a4"],
            "outcome": ["killed"] * 6,
            "victim_group": [
                "civilian",
                "military",
                "civilian",
                "armed_group",
                "civilian",
                "civilian",
            ],
            "count_low": ints(12, 18, 5, 30, 7, 120),
            "count_best": ints(12, 18, 5, 30, 7, 120),
            "count_high": ints(12, NA, 5, 30, 7, 150),
            "attributed_to": ["SOHR", "SOHR", "SANA", None, "SOHR", "UN"],
        }
    )


@pytest.fixture
def weekly() -> pd.DataFrame:
    """``casualty_totals(..., freq="W")``: weeks start on Mondays, with gaps."""
    weeks = pd.to_datetime(
        [
            "2016-10-17",
            "2016-10-24",
            "2017-12-25",
            "2018-01-01",
            "2018-01-08",
            "2018-03-19",
            "2018-05-28",
        ]
    )
    n = len(weeks)
    return pd.DataFrame(
        {
            "outcome": ["killed"] * (n + 2),
            "victim_group": ["civilian"] * n + ["military"] * 2,
            "period": list(weeks) + [weeks[3], weeks[4]],
            "low": ints(10, 20, 30, 40, 50, 60, 70, 5, 6),
            "best": ints(12, 22, 33, 44, 55, 66, 77, 5, 7),
            "high": ints(15, 25, 35, 45, 60, 70, 80, 5, 8),
            "reports": [1] * (n + 2),
            "articles": [1] * (n + 2),
        }
    )


@pytest.fixture
def many_claims() -> pd.DataFrame:
    """Thirty claims in spring 2018, one "since 2013" and one without a date."""
    dates = list(pd.date_range("2018-02-01", "2018-05-21", periods=30))
    n = len(dates) + 2
    return pd.DataFrame(
        {
            "article_id": [f"t{i % 12}" for i in range(n)],
            "actor": ["Syrian government", "Islamic State"] * (n // 2),
            "place": ["Yarmouk", "Hajar al-Aswad", "Qadam"] * (n // 3)
            + ["Tadamon"] * (n % 3),
            "status": ["controls"] * n,
            "as_of": dates + [pd.NaT, pd.NaT],
            "since": [pd.NaT] * len(dates) + [T("2013-01-01"), pd.NaT],
        }
    )


PlotCase = tuple[Callable[..., Axes], str]

CASES: list[PlotCase] = [
    (plot_casualties, "totals"),
    (plot_casualties_by, "totals_by_place"),
    (plot_running_toll, "tolls"),
    (plot_territory, "claims"),
    (plot_timeline, "timeline"),
    (plot_sources, "casualties"),
]
IDS = [function.__name__ for function, _ in CASES]


def texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def legend_texts(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None, "the chart has no legend"
    return [t.get_text() for t in legend.get_texts()]


def source_note(ax: Axes) -> str:
    notes = [
        t.get_text() for t in ax.texts if t.get_gid() == "conflictnews-source-note"
    ]
    assert len(notes) == 1, notes
    return notes[0]


def bands(ax: Axes) -> list[Any]:
    """Shaded ranges: fill_between areas and lone-point strokes."""
    return [
        c for c in ax.collections if isinstance(c, (PolyCollection, LineCollection))
    ]


#: How every date on an axis is written: "2 Apr 2018", "Apr 2018" or "2018".
DATE_LABEL = re.compile(r"^(\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]{2} \d{4}|\d{4})$")


def date_number(value: Any) -> float:
    mdates: Any = matplotlib.dates  # not annotated
    return float(mdates.date2num(pd.Timestamp(value)))


def drawn_date_ticks(ax: Axes) -> list[tuple[float, str, Any]]:
    """The x ticks of a drawn chart: (date number, label, label's extent)."""
    ax.figure.canvas.draw()
    low, high = ax.get_xlim()
    ticks = []
    for tick in ax.xaxis.get_major_ticks():
        label = tick.label1
        if low <= tick.get_loc() <= high and label.get_visible() and label.get_text():
            ticks.append((tick.get_loc(), label.get_text(), label.get_window_extent()))
    return ticks


def assert_readable_dates(ax: Axes, first: Any, last: Any) -> list[str]:
    """One date format, no overlaps, ticks on the data, limits fitted to it."""
    ticks = drawn_date_ticks(ax)
    labels = [text for _, text, _ in ticks]
    assert labels, "no date ticks"
    assert all(DATE_LABEL.match(text) for text in labels), labels
    assert len({text.count(" ") for text in labels}) == 1, labels  # one precision
    assert ax.xaxis.get_major_formatter().get_offset() == ""  # no "2018-May" aside
    for (_, a, box_a), (_, b, box_b) in itertools.pairwise(ticks):
        assert box_a.x1 < box_b.x0, f"{a!r} overlaps {b!r}"
    low, high = date_number(first), date_number(last)
    assert ticks[0][0] >= low - 1e-6, "a tick lies before the data"
    assert ticks[-1][0] <= high + 1e-6, "a tick lies after the data"
    margin = max(0.05 * (high - low), 16.0)
    left, right = ax.get_xlim()
    assert low - margin <= left <= low and high <= right <= high + margin
    return labels



# ---------------------------------------------------------------------------
# The contract every plot function keeps
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(("plot", "fixture"), CASES, ids=IDS)
def test_draws_on_the_given_axes(
    plot: Callable[..., Axes], fixture: str, request: pytest.FixtureRequest
) -> None:
    fig, ax = plt.subplots()
    data = request.getfixturevalue(fixture)
    assert plot(data, ax=ax) is ax
    assert plt.get_fignums() == [fig.number]
    assert ax.get_title()
    assert NO_DATA not in texts(ax)
    assert source_note(ax).startswith("Source: ")
    assert source_note(ax).endswith("; conflictnews")


@pytest.mark.parametrize(("plot", "fixture"), CASES, ids=IDS)
def test_makes_a_figure_when_no_axes_given(
    plot: Callable[..., Axes], fixture: str, request: pytest.FixtureRequest
) -> None:
    ax = plot(request.getfixturevalue(fixture))
    assert isinstance(ax, Axes)
    assert len(plt.get_fignums()) == 1


@pytest.mark.parametrize(("plot", "fixture"), CASES, ids=IDS)
def test_does_not_change_its_input(
    plot: Callable[..., Axes], fixture: str, request: pytest.FixtureRequest
) -> None:
    data = request.getfixturevalue(fixture)
    before = data.copy()
    plot(data)
    pd.testing.assert_frame_equal(data, before)


@pytest.mark.parametrize(("plot", "fixture"), CASES, ids=IDS)
@pytest.mark.parametrize("how", ["no rows", "no columns", "all missing"])
def test_empty_input_gives_a_no_data_chart(
    plot: Callable[..., Axes], fixture: str, how: str, request: pytest.FixtureRequest
) -> None:
    data = request.getfixturevalue(fixture)
    if how == "no rows":
        data = data.iloc[0:0]
    elif how == "no columns":
        data = pd.DataFrame()
    else:
        # Every number and every date missing: nothing can be placed.
        data = data.copy()
        for column in data.columns:
            if column in {"best", "count_best", "as_of", "since", "date_start"}:
                data[column] = None
        if plot is plot_sources:
            data = data.iloc[0:0]
    fig, ax = plt.subplots()
    assert plot(data, ax=ax) is ax
    assert NO_DATA in texts(ax)
    assert source_note(ax).startswith("Source: ")
    fig.canvas.draw()


def test_plots_do_not_leak_the_report_style() -> None:
    before = dict(matplotlib.rcParams)
    with report_style():
        assert matplotlib.rcParams["axes.spines.right"] is False
    plot_casualties(pd.DataFrame())
    assert dict(matplotlib.rcParams) == before


def test_axes_made_outside_the_style_get_it(totals: pd.DataFrame) -> None:
    _fig, ax = plt.subplots()
    plot_casualties(totals, ax=ax)
    assert not ax.spines["top"].get_visible()
    assert not ax.spines["right"].get_visible()
    assert ax.spines["left"].get_visible()


def test_importing_the_modules_does_not_import_matplotlib() -> None:
    code = (
        "import sys, conflictnews.plots, conflictnews.export; "
        "print(sorted(m for m in ('matplotlib', 'seaborn') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={"PYTHONPATH": str(root)},
    )
    assert out.stdout.strip() == "[]"


# ---------------------------------------------------------------------------
# Report style and notes
# ---------------------------------------------------------------------------


def test_groups_differ_in_more_than_colour() -> None:
    styles = group_styles(["military", "armed_group", "civilian", "unknown"])
    for attribute in ("color", "marker", "linestyle", "hatch"):
        values = [getattr(style, attribute) for style in styles.values()]
        assert len(set(map(str, values))) == 4, attribute


def test_source_note_is_under_the_axis_and_kept_by_a_tight_bbox(
    totals: pd.DataFrame,
) -> None:
    ax = plot_casualties(totals)
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    note = next(t for t in ax.texts if t.get_gid() == "conflictnews-source-note")
    note_box = note.get_window_extent(renderer)
    label_box = ax.xaxis.label.get_window_extent(renderer)
    assert note_box.y1 <= label_box.y0 + 0.5, "the note overlaps the x label"
    tight = fig.get_tightbbox(renderer)  # inches
    assert tight.y0 * fig.dpi <= note_box.y0 + 0.5
    assert note_box.x1 <= tight.x1 * fig.dpi + 0.5


def test_add_source_note_replaces_the_previous_note() -> None:
    _fig, ax = plt.subplots()
    add_source_note(ax, "Source: 1 report in 1 article; conflictnews")
    add_source_note(ax, "Source: 2 reports in 1 article; conflictnews")
    assert source_note(ax) == "Source: 2 reports in 1 article; conflictnews"


# ---------------------------------------------------------------------------
# plot_casualties
# ---------------------------------------------------------------------------


def test_casualties_legend_names_the_groups(totals: pd.DataFrame) -> None:
    ax = plot_casualties(totals)
    names = legend_texts(ax)
    assert names[:3] == ["military", "armed group", "civilian"]
    assert "range (low\N{EN DASH}high)" in names
    assert "open upper bound (at least)" in names
    assert ax.get_legend().get_title().get_text() == "victim group"  # type: ignore[union-attr]


def test_casualties_one_line_per_group_with_best_values(totals: pd.DataFrame) -> None:
    ax = plot_casualties(totals)
    lines = {line.get_label(): line for line in ax.get_lines()}
    civilian = lines["civilian"]
    assert list(civilian.get_ydata()) == [45, 60, 22]  # type: ignore[arg-type]
    assert civilian.get_marker() != lines["military"].get_marker()
    assert civilian.get_linestyle() != lines["military"].get_linestyle()


def test_casualties_band_where_low_and_high_exist(totals: pd.DataFrame) -> None:
    ax = plot_casualties(totals)
    assert any(isinstance(c, PolyCollection) for c in ax.collections)


def test_casualties_no_band_when_asked(totals: pd.DataFrame) -> None:
    ax = plot_casualties(totals, band=False)
    assert bands(ax) == []


def test_casualties_without_bounds_or_counts(totals: pd.DataFrame) -> None:
    ax = plot_casualties(totals[["victim_group", "period", "best"]])
    assert bands(ax) == []
    assert "open upper bound (at least)" not in legend_texts(ax)
    assert source_note(ax) == "Source: 8 rows; conflictnews"


def test_casualties_without_hue_column(totals: pd.DataFrame) -> None:
    ax = plot_casualties(totals.drop(columns="victim_group"))
    line = next(line for line in ax.get_lines() if line.get_label() == "all reports")
    # The three groups are added up per month.
    assert list(line.get_ydata()) == [117, 175, 31]  # type: ignore[arg-type]


def test_casualties_rows_split_by_more_keys_are_added(totals: pd.DataFrame) -> None:
    split = pd.concat([totals.assign(place="Aleppo"), totals.assign(place="Idlib")])
    ax = plot_casualties(split)
    line = next(line for line in ax.get_lines() if line.get_label() == "civilian")
    assert list(line.get_ydata()) == [90, 120, 44]  # type: ignore[arg-type]


def test_casualties_without_period_draws_bars_per_group(totals: pd.DataFrame) -> None:
    by_group = totals.groupby("victim_group", as_index=False)[["best", "reports"]].sum()
    ax = plot_casualties(by_group)
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["military", "armed group", "civilian"]
    heights = [p.get_height() for p in ax.patches if isinstance(p, Rectangle)]
    assert heights == [56, 140, 127]


def test_casualties_stacked(totals: pd.DataFrame) -> None:
    ax = plot_casualties(totals, stacked=True)
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bars) == 8
    assert len({p.get_hatch() for p in bars}) == 3
    # The bars of March stack up to the month's total.
    tops = max(p.get_y() + p.get_height() for p in bars)
    assert tops == 175
    assert legend_texts(ax)[:3] == ["military", "armed group", "civilian"]


def test_casualties_without_a_period_are_counted(totals: pd.DataFrame) -> None:
    undated = totals.copy()
    undated.loc[0, "period"] = pd.NaT
    ax = plot_casualties(undated)
    assert "5 reports without a period not shown" in source_note(ax)
    undated["period"] = pd.NaT
    assert NO_DATA in texts(plot_casualties(undated))


def test_casualties_periods_as_pandas_periods(totals: pd.DataFrame) -> None:
    periods = totals.assign(period=totals["period"].dt.to_period("M"))
    line = next(
        line
        for line in plot_casualties(periods).get_lines()
        if line.get_label() == "civilian"
    )
    assert list(line.get_ydata()) == [45, 60, 22]  # type: ignore[arg-type]


def test_casualties_label_names_the_outcome(totals: pd.DataFrame) -> None:
    ax = plot_casualties(totals.assign(outcome="killed"))
    assert ax.get_ylabel() == "people killed"
    assert ax.get_title().startswith("People killed")


def test_casualties_dates_with_a_time_zone_and_as_text(totals: pd.DataFrame) -> None:
    aware = totals.assign(period=totals["period"].dt.tz_localize("Europe/Brussels"))
    assert plot_casualties(aware).get_lines()
    text = totals.assign(period=totals["period"].dt.strftime("%Y-%m-%d"))
    ax = plot_casualties(text)
    assert [t.get_text() for t in ax.get_xticklabels()][:3] == [
        "2016-01-01",
        "2016-02-01",
        "2016-03-01",
    ]


def test_casualties_weekly_lines_break_where_weeks_are_missing(
    weekly: pd.DataFrame,
) -> None:
    ax = plot_casualties(weekly)
    line = next(line for line in ax.get_lines() if line.get_label() == "civilian")
    ys = np.asarray(line.get_ydata(), dtype="float64")
    # Gaps after 24 Oct 2016, 8 Jan 2018 and 19 Mar 2018: a break in each.
    assert [v for v in ys if np.isfinite(v)] == [12, 22, 33, 44, 55, 66, 77]
    assert list(np.flatnonzero(np.isnan(ys))) == [2, 6, 8]
    military = next(line for line in ax.get_lines() if line.get_label() == "military")
    assert list(military.get_ydata()) == [5, 7]  # type: ignore[arg-type]
    # No shaded range reaches across a gap either.
    gap = (date_number("2016-10-24"), date_number("2017-12-25"))
    for band in (c for c in ax.collections if isinstance(c, PolyCollection)):
        for path in band.get_paths():
            xs = path.vertices[:, 0]
            assert not (xs.min() <= gap[0] and xs.max() >= gap[1])


def test_casualties_monthly_lines_break_over_missing_months(
    totals: pd.DataFrame,
) -> None:
    months = totals.assign(
        period=totals["period"].map(
            {
                T("2016-01-01"): T("2016-11-01"),
                T("2016-02-01"): T("2016-12-01"),
                T("2016-03-01"): T("2017-12-01"),
            }
        )
    )
    ax = plot_casualties(months)
    line = next(line for line in ax.get_lines() if line.get_label() == "civilian")
    ys = np.asarray(line.get_ydata(), dtype="float64")
    assert ys[:2].tolist() == [45, 60] and np.isnan(ys[2]) and ys[3] == 22


@pytest.mark.parametrize("figsize", [(9.0, 5.0), (4.5, 3.0)], ids=["wide", "narrow"])
def test_casualties_date_axis_is_readable(
    weekly: pd.DataFrame, figsize: tuple[float, float]
) -> None:
    fig = plt.figure(figsize=figsize, layout="constrained")
    ax = plot_casualties(weekly, ax=fig.add_subplot())
    labels = assert_readable_dates(ax, "2016-10-17", "2018-05-28")
    assert labels[0] in ("Jan 2017", "2017")


def test_casualties_date_axis_of_a_few_weeks(weekly: pd.DataFrame) -> None:
    recent = weekly[weekly["period"] >= T("2017-12-25")]
    ax = plot_casualties(recent, stacked=True)
    labels = assert_readable_dates(ax, "2017-12-25", "2018-05-28")
    assert all(label.endswith("2018") for label in labels)
    one_week = plot_casualties(weekly[weekly["period"] == T("2018-01-08")])
    assert assert_readable_dates(one_week, "2018-01-08", "2018-01-08") == [
        "8 Jan 2018"
    ]


def test_casualties_label_without_an_outcome_is_neutral(totals: pd.DataFrame) -> None:
    assert plot_casualties(totals).get_ylabel() == "people"
    assert plot_casualties(pd.DataFrame()).get_ylabel() == "people"
    assert plot_casualties(totals.assign(outcome="killed").iloc[0:0]).get_ylabel() == (
        "people"
    )
    assert plot_casualties_by(pd.DataFrame()).get_xlabel() == "people"
    assert plot_running_toll(pd.DataFrame()).get_ylabel() == "people (cumulative)"


# ---------------------------------------------------------------------------
# plot_casualties_by
# ---------------------------------------------------------------------------


def test_casualties_by_sorted_largest_on_top(totals_by_place: pd.DataFrame) -> None:
    ax = plot_casualties_by(totals_by_place, by="place")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[::-1] == [
        "Aleppo",
        "Eastern Ghouta",
        "Raqqa",
        "place not stated",
        "Kobani",
    ]
    widths = [p.get_width() for p in ax.patches if isinstance(p, Rectangle)]
    assert widths == sorted(widths)
    assert [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert "open upper bound (at least)" in legend_texts(ax)


def test_casualties_by_top(totals_by_place: pd.DataFrame) -> None:
    ax = plot_casualties_by(totals_by_place, top=2)
    assert len(ax.get_yticks()) == 2
    assert "top 2 of 5 places shown" in source_note(ax)


def test_casualties_by_a_missing_column_is_an_error(
    totals_by_place: pd.DataFrame,
) -> None:
    with pytest.raises(ValueError, match="victim_actor"):
        plot_casualties_by(totals_by_place, by="victim_actor")


def test_casualties_by_without_bounds(totals_by_place: pd.DataFrame) -> None:
    ax = plot_casualties_by(totals_by_place[["place", "best"]])
    assert not [c for c in ax.containers if isinstance(c, ErrorbarContainer)]
    assert ax.get_legend() is None


@pytest.mark.parametrize("layout", ["constrained", None])
@pytest.mark.parametrize("largest_open", [False, True], ids=["range", "open"])
def test_casualties_by_value_labels_stay_clear_of_the_legend(
    totals_by_place: pd.DataFrame, layout: str | None, largest_open: bool
) -> None:
    data = totals_by_place.copy()
    for column in ("low", "best", "high"):
        data[column] = data[column] * 100  # wide labels: "24,000"
    if largest_open:
        data["high"] = ints(9600, NA, NA, 3100, NA)  # Aleppo: "at least 24,000"
    fig = plt.figure(figsize=(8.0, 3.5), layout=layout)
    ax = plot_casualties_by(data, ax=fig.add_subplot())
    fig.canvas.draw()
    axes_box = ax.get_window_extent()
    legend = ax.get_legend()
    assert legend is not None
    legend_box = legend.get_window_extent()
    values = [t for t in ax.texts if t.get_text().replace(",", "").isdigit()]
    assert [t.get_text() for t in values][-1] == "24,000"  # the longest bar, on top
    for value in values:
        box = value.get_window_extent()
        assert box.x1 <= axes_box.x1 + 0.5, f"{value.get_text()} runs out of the axes"
        assert not box.overlaps(legend_box), f"{value.get_text()} is under the legend"


# ---------------------------------------------------------------------------
# plot_running_toll
# ---------------------------------------------------------------------------


def test_running_toll_lines_and_marks(tolls: pd.DataFrame) -> None:
    ax = plot_running_toll(tolls)
    names = legend_texts(ax)
    assert "Syria \N{MIDDLE DOT} unknown" in names
    assert "Syria \N{MIDDLE DOT} civilian" in names
    assert "open upper bound (at least)" in names
    assert bands(ax)
    assert source_note(ax) == "Source: 4 reports in 4 articles; conflictnews"


def test_running_toll_keeps_outcomes_apart(tolls: pd.DataFrame) -> None:
    mixed = tolls.assign(outcome=["killed", "killed", "killed", "captured"], place=None)
    ax = plot_running_toll(mixed)
    names = legend_texts(ax)
    assert "unknown \N{MIDDLE DOT} killed" in names
    assert "civilian \N{MIDDLE DOT} captured" in names
    assert ax.get_ylabel() == "people killed or captured (cumulative)"


def test_running_toll_falls_back_on_period_end(tolls: pd.DataFrame) -> None:
    ax = plot_running_toll(
        tolls.drop(columns=["published", "place", "victim_group", "count_high"])
    )
    # every toll placed (by its period's end), in one line per series (source): SOHR's three, the UN's one
    lines = [line for line in ax.get_lines() if line.get_label() == "reported toll"]
    assert sorted(len(line.get_xdata()) for line in lines) == [1, 3]  # type: ignore[arg-type]


def test_running_toll_counts_undated_tolls_in_the_note(tolls: pd.DataFrame) -> None:
    undated = tolls.copy()
    undated.loc[0, ["published", "period_end"]] = pd.NaT
    ax = plot_running_toll(undated)
    assert source_note(ax) == (
        "Source: 3 reports in 3 articles; 1 report without a date not shown; "
        "conflictnews"
    )
    # A caller's note is kept, and told what the chart leaves out.
    given = "Source: 4 reports in 4 articles; conflictnews"
    assert source_note(plot_running_toll(undated, source_note=given)) == (
        "Source: 4 reports in 4 articles; 1 report without a date not shown; "
        "conflictnews"
    )
    said = "Source: 4 reports, 1 without a date; conflictnews"
    assert source_note(plot_running_toll(undated, source_note=said)) == said
    undated[["published", "period_end"]] = pd.NaT
    ax = plot_running_toll(undated)
    assert NO_DATA in texts(ax)
    assert "4 reports without a date not shown" in source_note(ax)


@pytest.mark.parametrize(
    ("rows", "first", "last"),
    [
        (slice(None), "2015-03-15 10:00", "2016-06-01"),
        (slice(1, 2), "2015-09-01", "2015-09-01"),
    ],
    ids=["several dates", "one date"],
)
def test_running_toll_date_axis_is_readable(
    tolls: pd.DataFrame, rows: slice, first: str, last: str
) -> None:
    labels = assert_readable_dates(plot_running_toll(tolls.iloc[rows]), first, last)
    if first == last:
        assert labels == ["1 Sep 2015"]


# ---------------------------------------------------------------------------
# plot_territory
# ---------------------------------------------------------------------------


def test_territory_legend_names_actors_and_statuses(claims: pd.DataFrame) -> None:
    ax = plot_territory(claims)
    names = legend_texts(ax)
    for actor in claims["actor"]:
        assert actor in names
    for status in ("controls", "captured", "lost", "besieged"):
        assert status in names
    assert names.index("actor") < names.index("status")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Aleppo",
        "Palmyra",
        "Raqqa",
    ]


def test_territory_status_markers_differ(claims: pd.DataFrame) -> None:
    ax = plot_territory(claims)
    legend = ax.get_legend()
    assert legend is not None
    # Status entries are markers without a line; actor entries have lines.
    markers = {
        h.get_marker()
        for h in legend.legend_handles
        if isinstance(h, Line2D) and h.get_linestyle() in ("None", "none", "")
    }
    assert markers == {"s", "^", "v", "o"}


def test_territory_undated_claims_are_counted_in_the_note(claims: pd.DataFrame) -> None:
    undated = claims.copy()
    undated.loc[0, ["since", "as_of"]] = pd.NaT
    ax = plot_territory(undated)
    assert "1 claim without a date not shown" in source_note(ax)


def test_territory_with_only_the_needed_columns(claims: pd.DataFrame) -> None:
    ax = plot_territory(claims[["place", "actor", "as_of"]])
    assert ax.get_legend() is not None
    assert "status not stated" in legend_texts(ax)


def test_territory_fits_the_window_to_most_claims(many_claims: pd.DataFrame) -> None:
    ax = plot_territory(many_claims)
    assert source_note(ax) == (
        "Source: 30 of 32 claims shown (in 12 articles); 1 claim without a date "
        "and 1 claim dated before 1 Feb 2018 not shown; conflictnews"
    )
    assert ax.get_xlim()[0] > date_number("2018-01-01")
    assert "Tadamon" not in [t.get_text() for t in ax.get_yticklabels()]
    assert_readable_dates(ax, "2018-02-01", "2018-05-21")


def test_territory_start_and_end(many_claims: pd.DataFrame) -> None:
    ax = plot_territory(many_claims, start="2012-06-01")
    assert source_note(ax).startswith("Source: 31 of 32 claims shown")
    assert "1 claim without a date not shown" in source_note(ax)
    assert ax.get_xlim()[0] < date_number("2013-01-01")
    _fig, ax = plt.subplots()
    window = plot_territory(many_claims, start="2018-03-01", end="2018-04-30", ax=ax)
    assert window is ax
    note = source_note(ax)
    before = int(((many_claims["as_of"] < T("2018-03-01")).sum()) + 1)  # and 2013
    after = int((many_claims["as_of"] > T("2018-04-30")).sum())
    shown = 30 - before + 1 - after
    assert note.startswith(f"Source: {shown} of 32 claims shown")
    assert (
        f"1 claim without a date and {before} claims dated before 1 Mar 2018 and "
        f"{after} claims dated after 30 Apr 2018 not shown"
    ) in note
    low, high = ax.get_xlim()
    assert date_number("2018-02-20") < low and high < date_number("2018-05-10")


def test_territory_small_sets_are_not_cut(claims: pd.DataFrame) -> None:
    # Five claims over nineteen months: nothing is an outlier among so few.
    ax = plot_territory(claims)
    assert source_note(ax) == "Source: 5 claims in 5 articles; conflictnews"
    assert_readable_dates(ax, "2016-03-27", "2017-10-17")


def test_territory_note_says_what_is_shown_and_what_not(claims: pd.DataFrame) -> None:
    undated = claims.copy()
    undated.loc[[0, 1], ["since", "as_of"]] = pd.NaT
    assert source_note(plot_territory(undated)) == (
        "Source: 3 of 5 claims shown (in 3 articles); 2 claims without a date not "
        "shown; conflictnews"
    )
    undated[["since", "as_of"]] = pd.NaT
    assert source_note(plot_territory(undated)) == (
        "Source: 0 of 5 claims shown; 5 claims without a date not shown; conflictnews"
    )


# ---------------------------------------------------------------------------
# plot_timeline
# ---------------------------------------------------------------------------


def test_timeline_points_spans_and_labels(timeline: pd.DataFrame) -> None:
    ax = plot_timeline(timeline, label_width=30)
    spans = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(spans) == 2  # the month of July and the offensive
    assert len(ax.collections) == 2  # points: event, territory
    labels = [t for t in texts(ax) if not t.startswith("Source")]
    assert labels and all(len(t) <= 30 for t in labels)
    # whole phrases, never a fragment: a summary, or its part before a clause ends (the UN's offensive
    # is too long: "Offensive on eastern Aleppo kills hundreds of civilians" is 55 characters)
    assert not any(t.endswith("\N{HORIZONTAL ELLIPSIS}") for t in labels)
    summaries = set(timeline["summary"])
    assert all(t in summaries for t in labels)
    assert "Heavy fighting in Aleppo" in labels
    assert legend_texts(ax)[:3] == ["casualties", "territory", "event"]


def test_timeline_in_lanes_per_kind(timeline: pd.DataFrame) -> None:
    ax = plot_timeline(timeline, y="kind")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "casualties",
        "territory",
        "event",
    ]


def test_timeline_without_summary_or_kind(timeline: pd.DataFrame) -> None:
    ax = plot_timeline(timeline[["date_start", "date_end"]])
    assert legend_texts(ax)[0] == "event"


def test_timeline_duplicate_events_are_drawn_once(timeline: pd.DataFrame) -> None:
    doubled = pd.concat([timeline, timeline.assign(article_id="other")])
    ax = plot_timeline(doubled)
    # Four events, read in the four articles and in one more.
    assert source_note(ax) == "Source: 4 events in 5 articles; conflictnews"


def test_timeline_window_leaves_out_and_counts(timeline: pd.DataFrame) -> None:
    recalled = pd.DataFrame(
        {"date_start": [T("1969-09-01"), pd.NaT], "kind": ["event", "event"]}
    )
    ax = plot_timeline(pd.concat([timeline, recalled]), start="2016-01-01")
    assert len([p for p in ax.patches if isinstance(p, Rectangle)]) == 2
    assert "1 event without a date and 1 event outside the period not shown" in (
        source_note(ax)
    )
    mdates: Any = matplotlib.dates  # not annotated
    december = mdates.date2num(T("2015-12-01"))
    assert ax.get_xlim()[0] > december


def test_timeline_of_merged_events(timeline: pd.DataFrame) -> None:
    # The shape of ``merge_timelines``: ids and summaries as lists per event.
    merged = timeline.drop(columns=["article_id", "summary"])
    merged["articles"] = pd.Series(
        [["e1", "e2"], ["e2"], ["e3"], ["e3", "e4"]], index=merged.index, dtype=object
    )
    merged["n_articles"] = [2, 1, 1, 2]
    merged["summaries"] = pd.Series(
        [[s] for s in timeline["summary"]], index=merged.index, dtype=object
    )
    ax = plot_timeline(merged)
    assert source_note(ax) == "Source: 4 events in 4 articles; conflictnews"
    assert any(t.startswith("Heavy fighting in Aleppo") for t in texts(ax))


@pytest.mark.parametrize("y", ["event", "kind"])
def test_timeline_span_covering_the_window_keeps_its_label(
    timeline: pd.DataFrame, y: str
) -> None:
    held = pd.DataFrame(
        {
            "article_id": ["e9"],
            "date_start": [T("2012-07-01")],
            "date_end": [T("2018-05-01")],
            "date_precision": ["day"],
            "kind": ["territory"],
            "summary": ["Held by the government since 2012"],
        }
    )
    fig = plt.figure(figsize=(10.0, 4.0), layout="constrained")
    ax = plot_timeline(
        pd.concat([timeline, held]),
        start="2016-01-01",
        end="2016-12-31",
        y=y,  # type: ignore[arg-type]
        ax=fig.add_subplot(),
    )
    fig.canvas.draw()
    label = next(
        (t for t in ax.texts if t.get_text().startswith("Held by the government")),
        None,
    )
    assert label is not None, texts(ax)
    box, axes_box = label.get_window_extent(), ax.get_window_extent()
    assert axes_box.x0 - 0.5 <= box.x0 and box.x1 <= axes_box.x1 + 0.5


def test_timeline_date_axis_is_readable(timeline: pd.DataFrame) -> None:
    assert_readable_dates(plot_timeline(timeline), "2016-02-27", "2016-12-22")
    # The events inside the window: Palmyra (27 March) to the end of July.
    ax = plot_timeline(timeline, start="2016-03-01", end="2016-08-31")
    assert_readable_dates(ax, "2016-03-27", "2016-08-01")


# ---------------------------------------------------------------------------
# plot_sources
# ---------------------------------------------------------------------------


def test_sources_counts_reports_per_source(casualties: pd.DataFrame) -> None:
    ax = plot_sources(casualties)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[::-1] == ["SOHR", "SANA", "UN", "not attributed"]
    widths = [p.get_width() for p in ax.patches if isinstance(p, Rectangle)]
    assert widths[::-1] == [3, 1, 1, 1]
    assert "37 people" in texts(ax)  # 12 + 18 + 7 by SOHR
    assert source_note(ax).startswith("Source: 6 reports in 4 articles")


def test_sources_without_figures(casualties: pd.DataFrame) -> None:
    ax = plot_sources(casualties[["attributed_to"]])
    assert "no figures" in texts(ax)


def test_plot_functions_are_exported() -> None:
    for name in ("plot_casualties", "plot_territory", "plot_timeline", "report_style"):
        assert name in plots.__all__


def test_running_toll_joins_one_series_only(tolls: pd.DataFrame) -> None:
    """A line joins the tolls of one source, victims, place and start; never a total with its parts."""
    frame = pd.concat([tolls.iloc[[0, 2]], tolls.iloc[[2, 2]], tolls.iloc[[1]]], ignore_index=True)
    frame["article_id"] = ["a1", "a3", "a3", "a3", "a2"]
    frame["subset"] = [False, False, True, True, False]  # rows 2-3: "among them 60,000 children", "and 20,000 women"
    frame.loc[2:3, "count_best"] = [60000, 20000]
    frame.loc[4, ["attributed_to", "period_start"]] = ["SOHR", T("2014-01-01")]  # same source, another count
    ax = plot_running_toll(frame)
    drawn = [(len(line.get_xdata()), line.get_linestyle(), line.get_markerfacecolor())  # type: ignore[arg-type]
             for line in ax.get_lines() if line.get_label() == "Syria \N{MIDDLE DOT} unknown"]
    joined = [n for n, style, _ in drawn if style != "None"]
    assert joined == [2]  # SOHR since 2011: 215,000 then 270,000
    parts = [n for n, style, face in drawn if style == "None" and face == "white"]
    assert parts == [2]  # the parts: points of their own, hollow
    assert sum(n for n, _, _ in drawn) == len(frame)
    assert "part of a toll, given beside it" in legend_texts(ax)


def test_timeline_lane_labels_are_whole_phrases(timeline: pd.DataFrame) -> None:
    long = timeline.assign(summary=[
        "Cessation of hostilities takes effect across Syria at midnight, both sides say",
        "Government forces retake Palmyra from Islamic State after three weeks of fighting in the desert, "
        "state media report",
        "Heavy fighting in Aleppo",
        "Offensive on eastern Aleppo kills hundreds of civilians in five weeks of air strikes and shelling of "
        "hospitals, schools and markets…",
    ])
    ax = plot_timeline(long, y="kind")
    labels = [t.replace("\n", " ") for t in texts(ax) if not t.startswith("Source")]
    assert labels
    for label in labels:
        assert not label.endswith("\N{HORIZONTAL ELLIPSIS}")
        summary = next(s for s in long["summary"] if s.startswith(label))
        rest = summary[len(label):]
        assert rest == "" or rest[0] in ",;:(", (label, rest)  # the whole summary, or a clause of it
