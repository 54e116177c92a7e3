"""Charts of casualties, territorial control, timelines and sources.

Every ``plot_*`` function follows seaborn's contract for axes-level plots: it
takes a tidy table, keyword-only options and an optional ``ax``; it draws on
that ``ax`` (or on a new figure when ``ax`` is None) and returns the
:class:`~matplotlib.axes.Axes`. Nothing here calls ``savefig`` or ``show``;
use :func:`conflictnews.export.save_figure` to write PNG, SVG and PDF.

All charts share one report style (:func:`report_style`): seaborn's
"colorblind" palette, and a distinct marker, line style or hatch per group so
that a chart still reads when printed in grey. Each chart carries a title,
axis labels with units and a source note under it that says how many reports
and articles were counted, and what was left out and why
(:func:`add_source_note`). Date axes are fitted to the dates of the data, with
ticks on calendar dates within them, all written in one style ("2 Apr 2018",
"Apr 2018" or "2018", as the spacing allows) and never overlapping.

Empty input gives an empty chart with a centred "No data" note, never an
exception; optional columns that are absent are simply not drawn (no band
without ``low``/``high``, one series without the ``hue`` column, ...).

matplotlib and seaborn are imported inside the functions, so that importing
this module (and the package) stays cheap.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, cast

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure, SubFigure
    from matplotlib.text import Annotation
    from matplotlib.ticker import Formatter, Locator
    from matplotlib.transforms import Bbox, Transform
    from matplotlib.typing import LineStyleType

__all__ = [
    "NO_DATA",
    "PALETTE",
    "GroupStyle",
    "add_source_note",
    "group_styles",
    "plot_casualties",
    "plot_casualties_by",
    "plot_running_toll",
    "plot_sources",
    "plot_territory",
    "plot_timeline",
    "report_rc",
    "report_style",
]

#: The note drawn in the middle of a chart that has nothing to show.
NO_DATA = "No data"

#: seaborn palette used for every group colour.
PALETTE = "colorblind"

#: Markers, line styles and hatches handed out per group, in this order, so
#: that groups stay apart in grey print.
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "<", ">", "*")
LINESTYLES: tuple[LineStyleType, ...] = (
    "-",
    "--",
    ":",
    "-.",
    (0, (6, 1.5)),
    (0, (3, 1, 1, 1, 1, 1)),
    (0, (1, 3)),
    (0, (8, 2, 1, 2)),
)
HATCHES: tuple[str, ...] = ("", "//", "..", "xx", "\\\\", "oo", "++", "--", "**", "||")

#: Orders of the coded values of SPEC.md; the same value keeps the same colour
#: and marker in every chart.
VICTIM_GROUPS: tuple[str, ...] = ("military", "armed_group", "civilian", "unknown")
OUTCOMES: tuple[str, ...] = ("killed", "injured", "captured", "missing", "displaced")
STATUSES: tuple[str, ...] = (
    "controls",
    "captured",
    "lost",
    "contested",
    "besieged",
    "seeks_control",
)
KINDS: tuple[str, ...] = ("casualties", "territory", "event")

#: One marker per territorial status (filled shapes, readable in grey).
STATUS_MARKERS: dict[str, str] = {
    "controls": "s",
    "captured": "^",
    "lost": "v",
    "contested": "D",
    "besieged": "o",
    "seeks_control": "P",
}
_OTHER_STATUS_MARKER = "X"

#: Marker fills per actor on the territory chart (the marker shows the
#: status), so that actors stay apart in grey print.
FILLSTYLES: tuple[Literal["full", "none", "left", "bottom", "right", "top"], ...] = (
    "full",
    "none",
    "left",
    "bottom",
    "right",
    "top",
)

_KNOWN_ORDERS: dict[str, tuple[str, ...]] = {
    "victim_group": VICTIM_GROUPS,
    "outcome": OUTCOMES,
    "status": STATUSES,
    "kind": KINDS,
}
#: Columns holding codes (``armed_group``) shown to readers with spaces.
_CODED_COLUMNS = frozenset(
    {"victim_group", "outcome", "status", "kind", "qualifier", "date_precision"}
)
#: How a missing key is shown, per column.
_MISSING_LABELS: dict[str, str] = {
    "attributed_to": "not attributed",
    "place": "place not stated",
    "victim_group": "unknown",
    "victim_actor": "actor not named",
    "actor": "actor not named",
    "outcome": "outcome not stated",
    "kind": "event",
}
_MISSING_LABEL = "not stated"

_SOURCE_NOTE_GID = "conflictnews-source-note"
_NO_DATA_GID = "conflictnews-no-data"
_TOOL = "conflictnews"

_NOTE_COLOR = "0.35"
_RANGE_ALPHA = 0.18
_OPEN_BOUND_LABEL = "open upper bound (at least)"
_OPEN_UP = r"$\uparrow$"
_OPEN_RIGHT = r"$\rightarrow$"

_BASE_FONT = 10.0


# ---------------------------------------------------------------------------
# Report style
# ---------------------------------------------------------------------------


def report_rc() -> dict[str, Any]:
    """Return the matplotlib settings of the report style.

    seaborn's "whitegrid" style and "notebook" context, the "colorblind"
    palette, a light grid, no top or right spines, readable font sizes, white
    backgrounds and fonts embedded as text in PDF and PostScript.

    Returns
    -------
    dict
        ``rcParams`` keys and values, for :func:`matplotlib.rc_context`.

    See Also
    --------
    report_style : apply these settings inside a ``with`` block.
    """
    import seaborn as sns
    from cycler import cycler

    rc: dict[str, Any] = {}
    rc.update(sns.axes_style("whitegrid"))
    rc.update(sns.plotting_context("notebook"))
    rc.update(
        {
            "axes.prop_cycle": cycler(color=list(sns.color_palette(PALETTE))),
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": "0.3",
            "axes.linewidth": 0.8,
            "axes.grid": True,
            "axes.axisbelow": True,
            "grid.color": "0.9",
            "grid.linewidth": 0.8,
            "axes.titlesize": 13.0,
            "axes.titleweight": "bold",
            "axes.titlepad": 10.0,
            "axes.labelsize": 11.0,
            "axes.labelcolor": "0.15",
            "font.size": _BASE_FONT,
            "xtick.labelsize": _BASE_FONT,
            "ytick.labelsize": _BASE_FONT,
            "xtick.color": "0.15",
            "ytick.color": "0.15",
            "legend.fontsize": _BASE_FONT,
            "legend.title_fontsize": _BASE_FONT,
            "legend.frameon": False,
            "lines.linewidth": 1.8,
            "lines.markersize": 6.5,
            "patch.linewidth": 0.6,
            "figure.facecolor": "white",
            "axes.facecolor": "white",
            "savefig.facecolor": "white",
            "savefig.dpi": 200,
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            "svg.hashsalt": _TOOL,
        }
    )
    return rc


@contextlib.contextmanager
def report_style() -> Iterator[None]:
    """Apply the report style for the duration of a ``with`` block.

    Every ``plot_*`` function of this module draws inside it; use it around
    your own matplotlib code to get charts that match.

    Yields
    ------
    None

    Examples
    --------
    >>> import matplotlib
    >>> with report_style():
    ...     matplotlib.rcParams["axes.spines.top"]
    False
    """
    import matplotlib as mpl

    with mpl.rc_context(cast(Any, report_rc())):
        yield


@dataclass(frozen=True)
class GroupStyle:
    """How one group is drawn: colour, marker, line style and hatch.

    Attributes
    ----------
    color : tuple of float
        RGB colour from the "colorblind" palette.
    marker : str
        Matplotlib marker.
    linestyle : str or tuple
        Matplotlib line style.
    hatch : str
        Matplotlib hatch pattern for bars ("" for plain).
    """

    color: tuple[float, float, float]
    marker: str
    linestyle: LineStyleType
    hatch: str


def group_styles(groups: Iterable[str]) -> dict[str, GroupStyle]:
    """Give each group its colour, marker, line style and hatch.

    Parameters
    ----------
    groups : iterable of str
        Group names in drawing order; the n-th group gets the n-th colour,
        marker, line style and hatch.

    Returns
    -------
    dict of str to GroupStyle
        One style per group, in the order given.

    Examples
    --------
    >>> styles = group_styles(["military", "civilian"])
    >>> styles["military"].marker, styles["civilian"].marker
    ('o', 's')
    """
    import seaborn as sns

    colors = [(float(r), float(g), float(b)) for r, g, b in sns.color_palette(PALETTE)]
    return {
        group: GroupStyle(
            color=colors[i % len(colors)],
            marker=MARKERS[i % len(MARKERS)],
            linestyle=LINESTYLES[i % len(LINESTYLES)],
            hatch=HATCHES[i % len(HATCHES)],
        )
        for i, group in enumerate(dict.fromkeys(groups))
    }


# ---------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------


def _note_class() -> type[Annotation]:
    """An annotation that wraps its lines at the width of its axes.

    A note wider than its chart would reach into the legend's margin, and a
    constrained layout would then shrink the axes to make room for it, which
    makes the note wider still: the plot area ends up a strip at the left of
    the figure. Wrapped at the axes' width, the note only adds lines.
    """
    global _NOTE_CLASS
    if _NOTE_CLASS is None:
        from matplotlib.text import Annotation

        class SourceNote(Annotation):
            def _get_wrap_line_width(self) -> float:
                axes = self.axes
                if axes is None:
                    return float(super()._get_wrap_line_width())  # type: ignore[misc]
                return float(axes.get_window_extent().width)

        _NOTE_CLASS = SourceNote
    return _NOTE_CLASS


_NOTE_CLASS: type[Annotation] | None = None


def _Note(text: str, **kwargs: Any) -> Annotation:
    return _note_class()(text, **kwargs)


def add_source_note(ax: Axes, text: str) -> Annotation:
    """Write a source note under a chart.

    The note sits under the x axis (below its tick labels and label, wherever
    they end up), left-aligned with the axes. It belongs to the axes, so a
    figure saved with ``bbox_inches="tight"`` or laid out with
    ``layout="constrained"`` keeps it in view. A second call replaces the
    note.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The chart.
    text : str
        The note, e.g. ``"Source: 12 reports in 7 articles; conflictnews"``.

    Returns
    -------
    matplotlib.text.Annotation
        The note.
    """
    from matplotlib.transforms import Bbox, IdentityTransform

    for old in [t for t in ax.texts if t.get_gid() == _SOURCE_NOTE_GID]:
        old.remove()

    def below_x_axis(renderer: RendererBase) -> Bbox:
        box = ax.get_window_extent(renderer)
        axis_box = ax.xaxis.get_tightbbox(renderer)
        if axis_box is not None and axis_box.height > 0:
            box = Bbox.union([box, axis_box])
        return box

    note = _Note(
        text,
        xy=(0.0, 0.0),
        xycoords=("axes fraction", below_x_axis),
        xytext=(0.0, -6.0),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=_BASE_FONT * 0.85,
        color=_NOTE_COLOR,
        annotation_clip=False,
        wrap=True,
    )
    note.set_transform(IdentityTransform())
    ax._add_text(note)  # type: ignore[attr-defined]  # as Axes.annotate adds its annotations
    note.set_gid(_SOURCE_NOTE_GID)
    return note


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _source_text(
    reports: int,
    *,
    articles: tuple[int, int] | None = None,
    noun: str = "report",
    extra: Sequence[str] = (),
) -> str:
    """Compose ``"Source: 12 reports in 7 articles; conflictnews"``.

    ``articles`` is a (lowest, highest) pair: when rows come from a table of
    totals, the articles behind different rows may overlap, and only the
    lowest number is sure ("in at least 7 articles").
    """
    text = "Source: " + _plural(reports, noun)
    if articles is not None:
        low, high = articles
        if low == high:
            text += " in " + _plural(low, "article")
        else:
            text += " in at least " + _plural(low, "article")
    parts = [text, *extra, _TOOL]
    return "; ".join(parts)


def _with_clauses(note: str, clauses: Sequence[str]) -> str:
    """A caller's note with ``clauses`` added before the closing tool name.

    Nothing is added when the note already says so: when it holds the
    clause, or already speaks of what is left out "without a date".

    Examples
    --------
    >>> _with_clauses("Source: 3 reports; conflictnews", ["1 report not shown"])
    'Source: 3 reports; 1 report not shown; conflictnews'
    """
    missing = [c for c in clauses if c not in note and "without a date" not in note]
    if not missing:
        return note
    suffix = "; " + _TOOL
    if note.endswith(suffix):
        return "; ".join([note[: -len(suffix)], *missing]) + suffix
    return "; ".join([note, *missing])


def _articles_in(frame: pd.DataFrame) -> tuple[int, int] | None:
    """Distinct articles: ``article_id``, or lists of ids in ``articles``.

    Merged tables (``merge_timelines``) keep the ids of each row's articles
    as a list in ``articles``.
    """
    if "article_id" in frame.columns:
        n = int(frame["article_id"].nunique(dropna=True))
        return (n, n)
    if "articles" in frame.columns:
        values = [v for v in frame["articles"] if isinstance(v, (list, tuple, set))]
        if values and len(values) == int(frame["articles"].notna().sum()):
            n = len({str(a) for ids in values for a in ids})
            return (n, n)
    return None


def _no_data(
    ax: Axes,
    *,
    title: str | None,
    xlabel: str = "",
    ylabel: str = "",
    note: str | None = None,
) -> Axes:
    ax.text(
        0.5,
        0.5,
        NO_DATA,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=_BASE_FONT * 1.4,
        color=_NOTE_COLOR,
        gid=_NO_DATA_GID,
    )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    add_source_note(ax, note if note is not None else _source_text(0))
    return ax


# ---------------------------------------------------------------------------
# Axes helpers
# ---------------------------------------------------------------------------


def _root_figure(artist: Axes | Figure | SubFigure) -> Figure:
    """The top-level figure of an Axes or subfigure (matplotlib 3.8 and up)."""
    from matplotlib.figure import Figure

    figure: Any = artist
    while not isinstance(figure, Figure):
        if figure is None:
            raise ValueError("the Axes belongs to no figure")
        figure = figure.figure
    return figure


def _new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=figsize, layout="constrained")
    return fig.add_subplot()


def _style_axes(ax: Axes, *, grid: Literal["x", "y", "both", "none"]) -> None:
    """Apply the parts of the report style that live on an existing Axes.

    ``rc_context`` only reaches artists created inside it; an ``ax`` made
    beforehand by the caller gets its spines, grid and tick labels here.
    """
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("0.3")
        ax.spines[side].set_linewidth(0.8)
    ax.grid(False)
    if grid in ("x", "both"):
        ax.xaxis.grid(True, color="0.9", linewidth=0.8)
    if grid in ("y", "both"):
        ax.yaxis.grid(True, color="0.9", linewidth=0.8)
    ax.tick_params(labelsize=_BASE_FONT, colors="0.15")
    ax.set_facecolor("white")


#: Steps between the ticks of a date axis, finest first: (unit, how many).
#: The finest step whose labels fit side by side is used.
_DATE_STEPS: tuple[tuple[str, int], ...] = (
    ("day", 1),
    ("day", 2),
    ("week", 1),
    ("week", 2),
    ("half-month", 1),
    ("month", 1),
    ("month", 2),
    ("month", 3),
    ("month", 6),
    ("year", 1),
    ("year", 2),
    ("year", 5),
    ("year", 10),
    ("year", 20),
    ("year", 50),
    ("year", 100),
    ("year", 200),
    ("year", 500),
    ("year", 1000),
)
_UNIT_DAYS: dict[str, float] = {
    "day": 1.0,
    "week": 7.0,
    "half-month": 15.2,
    "month": 30.4,
    "year": 365.25,
}
_MAX_DATE_TICKS = 8
_DATE_TICK_GAP = 14.0  # least room between two date labels, in points
#: Month names as printed on date axes, whatever the locale.
_MONTH_NAMES: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_MONDAY = datetime.datetime(1970, 1, 5)


def _date_label(when: datetime.datetime, unit: str) -> str:
    """A date as a tick label: its year, its month, or its day, in full.

    Every label names its year, so that no label needs another to be read.

    Examples
    --------
    >>> when = datetime.datetime(2018, 4, 2)
    >>> [_date_label(when, unit) for unit in ("day", "week", "month", "year")]
    ['2 Apr 2018', '2 Apr 2018', 'Apr 2018', '2018']
    """
    if unit == "year":
        return f"{when.year}"
    month = _MONTH_NAMES[when.month - 1]
    if unit == "month":
        return f"{month} {when.year}"
    return f"{when.day} {month} {when.year}"


def _naive_date(value: float) -> datetime.datetime:
    """A matplotlib date number as a naive datetime."""
    import matplotlib.dates

    mdates: Any = matplotlib.dates  # not annotated
    return cast(datetime.datetime, mdates.num2date(value)).replace(tzinfo=None)


def _calendar_ticks(
    first: datetime.datetime, last: datetime.datetime, unit: str, count: int
) -> list[datetime.datetime]:
    """Calendar dates from ``first`` to ``last``: every ``count`` days, weeks, ...

    Days and weeks (Mondays) are counted from 1970, months and years from
    year 0, so that the ticks do not move when the limits do.

    Examples
    --------
    >>> from datetime import datetime as d
    >>> ticks = _calendar_ticks(d(2018, 3, 20), d(2018, 5, 2), "month", 1)
    >>> [t.date().isoformat() for t in ticks]
    ['2018-04-01', '2018-05-01']
    >>> ticks = _calendar_ticks(d(2018, 3, 20), d(2018, 4, 20), "half-month", 1)
    >>> [t.day for t in ticks]
    [1, 15]
    >>> [t.year for t in _calendar_ticks(d(2012, 6, 1), d(2018, 5, 1), "year", 2)]
    [2014, 2016, 2018]
    """
    if unit in ("day", "week"):
        step = datetime.timedelta(days=count * (7 if unit == "week" else 1))
        anchor = _MONDAY if unit == "week" else datetime.datetime(1970, 1, 1)
        low = -((anchor - first) // step)  # ceiling division
        high = (last - anchor) // step
        return [anchor + n * step for n in range(low, high + 1)]
    if unit == "year":
        years = range(first.year, last.year + 1)
        stamps = [datetime.datetime(y, 1, 1) for y in years if y % count == 0]
    else:
        months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        days = (1, 15) if unit == "half-month" else (1,)
        stamps = [
            datetime.datetime(m // 12, m % 12 + 1, day)
            for m in months
            if m % count == 0
            for day in days
        ]
    return [s for s in stamps if first <= s <= last]


def _calendar_locator(
    bounds: tuple[float, float] | None, fontsize: float
) -> tuple[Locator, Formatter]:
    """A locator and formatter of dates whose labels never overlap.

    At each draw the locator takes the finest calendar step (days, weeks,
    half months, months, years) whose labels fit side by side in the axes'
    width, at most eight ticks, within ``bounds`` (the dates of the data, so
    that no tick lies in the margin before or after them). A single date
    gets one tick. The formatter writes each tick in the precision of that
    step: "2 Apr 2018", "Apr 2018" or "2018".
    """
    import matplotlib.dates
    from matplotlib.ticker import FuncFormatter
    from matplotlib.ticker import Locator as LocatorBase

    mdates: Any = matplotlib.dates  # not annotated

    class CalendarLocator(LocatorBase):
        unit = "day"

        def __call__(self) -> Sequence[float]:
            if self.axis is None:
                return []
            low, high = self.axis.get_view_interval()
            return self.tick_values(float(low), float(high))

        def tick_values(self, vmin: float, vmax: float) -> Sequence[float]:
            low, high = sorted((float(vmin), float(vmax)))
            if not (np.isfinite(low) and np.isfinite(high)) or high <= low:
                return []
            first, last = low, high
            if bounds is not None:
                first, last = max(low, bounds[0]), min(high, bounds[1])
                if first > last:
                    first, last = low, high
            points = self._width_points() / (high - low)  # points per day
            try:
                start, stop = _naive_date(first), _naive_date(last)
            except ValueError:  # beyond the years 1 to 9999
                return []
            fallback: tuple[str, list[float]] | None = None
            for unit, count in _DATE_STEPS:
                if (last - first) / (_UNIT_DAYS[unit] * count) > 3 * _MAX_DATE_TICKS:
                    continue
                stamps = _calendar_ticks(start, stop, unit, count)
                if not stamps:
                    break
                fallback = (unit, [float(mdates.date2num(stamps[len(stamps) // 2]))])
                if len(stamps) > _MAX_DATE_TICKS:
                    continue
                widths = [
                    _label_points(_date_label(s, unit), fontsize) for s in stamps
                ]
                places = [
                    (float(mdates.date2num(s)) - low) * points for s in stamps
                ]
                if all(
                    b - a >= (wa + wb) / 2 + _DATE_TICK_GAP
                    for a, b, wa, wb in zip(
                        places, places[1:], widths, widths[1:], strict=False
                    )
                ):
                    self.unit = unit
                    return [float(mdates.date2num(s)) for s in stamps]
            if fallback is not None:
                # Nothing fits: one tick in the middle.
                self.unit, ticks = fallback
                return ticks
            # No calendar date within less than a day (a single date): one
            # tick on it.
            self.unit = "day"
            return [first]

        def _width_points(self) -> float:
            axes = getattr(self.axis, "axes", None)
            if axes is None or axes.figure is None:
                return 0.0
            return float(axes.bbox.width) * 72.0 / float(axes.figure.dpi)

    locator = CalendarLocator()

    def label(value: float, _position: int | None = None) -> str:
        return _date_label(_naive_date(value), locator.unit)

    return locator, FuncFormatter(label)


def _date_axis(
    ax: Axes,
    first: float,
    last: float,
    *,
    limits: tuple[float, float] | None = None,
) -> None:
    """Dates on the x axis, from ``first`` to ``last`` (the data's dates).

    Ticks lie between ``first`` and ``last`` and never overlap (see
    :func:`_calendar_locator`); the limits are the data's with a small
    margin (a month around a single date) unless ``limits`` are given.
    """
    if limits is None:
        span = last - first
        pad = 15.0 if span < 1.0 else max(0.03 * span, 0.5)
        limits = (first - pad, last + pad)
    ax.set_xlim(*limits)
    locator, formatter = _calendar_locator((first, last), _BASE_FONT)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)


@functools.lru_cache(maxsize=4096)
def _label_points(text: str, fontsize: float) -> float:
    """Width of a tick label in points (cached: axes are drawn often)."""
    return _text_points(text, fontsize)


def _count_axis(axis: Axis, *, nbins: int | Literal["auto"] = "auto") -> None:
    """Whole numbers with thousands separators (``12,000``)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis.set_major_locator(MaxNLocator(nbins=nbins, integer=True, min_n_ticks=3))
    axis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:,.0f}"))


def _legend_outside(
    ax: Axes,
    handles: Sequence[Artist],
    labels: Sequence[str],
    *,
    title: str | None = None,
) -> None:
    """A legend beside the axes, or inside it when nothing makes room.

    Beside the axes when the figure has a layout engine (the figures made
    here are "constrained"), which shrinks the axes to fit it; on a caller's
    figure without one, a legend beside the axes could cover the next
    subplot, so it goes inside, where it covers least.
    """
    if not handles:
        return
    beside = _root_figure(ax).get_layout_engine() is not None
    placement: dict[str, Any] = (
        {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "borderaxespad": 0.0}
        if beside
        else {
            "loc": "best",
            "frameon": True,
            "facecolor": "white",
            "edgecolor": "0.85",
            "framealpha": 0.9,
        }
    )
    placement.setdefault("frameon", False)
    ax.legend(
        handles,
        labels,
        title=title,
        **placement,
        fontsize=_BASE_FONT,
        title_fontsize=_BASE_FONT,
        alignment="left",
    )


def _up_offset(ax: Axes, points: float) -> Transform:
    from matplotlib.transforms import ScaledTranslation

    return ax.transData + ScaledTranslation(
        0.0, points / 72.0, ax.figure.dpi_scale_trans
    )


def _right_offset(ax: Axes, points: float) -> Transform:
    from matplotlib.transforms import ScaledTranslation

    return ax.transData + ScaledTranslation(
        points / 72.0, 0.0, ax.figure.dpi_scale_trans
    )


def _open_bound_handle() -> Artist:
    from matplotlib.lines import Line2D

    return Line2D(
        [],
        [],
        marker=_OPEN_UP,
        markersize=11,
        linestyle="none",
        color="0.25",
    )


def _range_handle() -> Artist:
    from matplotlib.patches import Patch

    return Patch(facecolor="0.5", alpha=_RANGE_ALPHA * 2, edgecolor="none")


# ---------------------------------------------------------------------------
# Data helpers
# ---------------------------------------------------------------------------


def _float(frame: pd.DataFrame, column: str) -> np.ndarray[Any, np.dtype[np.float64]]:
    """A column as float64 (missing: NaN); all NaN when the column is absent."""
    if column not in frame.columns:
        return np.full(len(frame), np.nan)
    values = pd.to_numeric(frame[column], errors="coerce")
    return np.asarray(values.to_numpy(dtype="float64", na_value=np.nan))


def _dates(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as naive datetime64 (wall time as printed); NaT when absent."""
    if column not in frame.columns:
        return pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    values = frame[column]
    if isinstance(values.dtype, pd.PeriodDtype):
        # A period stands for its start, as in casualty_totals.
        values = pd.Series(
            pd.PeriodIndex(values).to_timestamp(how="start"), index=frame.index
        )
    elif not isinstance(
        values.dtype, pd.DatetimeTZDtype
    ) and not pd.api.types.is_datetime64_dtype(values):
        values = pd.to_datetime(values, errors="coerce")
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    return values


def _date_numbers(values: pd.Series) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Datetimes as matplotlib date numbers (days; NaT: NaN)."""
    import matplotlib.dates

    mdates: Any = matplotlib.dates  # not annotated (see _date_axis)
    array = values.to_numpy(dtype="datetime64[us]")
    return np.asarray(mdates.date2num(array), dtype="float64")


def _date_number(value: Any) -> float:
    """One date (anything pandas.Timestamp accepts) as a matplotlib number."""
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return float(_date_numbers(pd.Series([stamp]))[0])


def _is_dates(values: pd.Series) -> bool:
    return bool(
        pd.api.types.is_datetime64_any_dtype(values)
        or isinstance(values.dtype, pd.PeriodDtype)
        or (
            values.dtype == object
            and len(values.dropna()) > 0
            and all(isinstance(v, pd.Timestamp) for v in values.dropna())
        )
    )


def _display(value: str, column: str | None) -> str:
    """How a value is shown: codes such as ``armed_group`` get spaces."""
    if column in _CODED_COLUMNS:
        return value.replace("_", " ")
    return value


def _heading(column: str) -> str:
    return column.replace("_", " ")


def _labels(frame: pd.DataFrame, column: str | None, *, default: str) -> pd.Series:
    """A key column as text, missing values named (``"not attributed"``)."""
    if column is None or column not in frame.columns:
        return pd.Series(default, index=frame.index, dtype=object)
    values = frame[column]
    missing = values.isna()
    text = values.astype(object).where(
        ~missing, _MISSING_LABELS.get(column, _MISSING_LABEL)
    )
    return text.map(str).astype(object)


def _ordered(values: Iterable[str], column: str | None) -> list[str]:
    """Known codes in their SPEC.md order, then the rest alphabetically."""
    present = list(dict.fromkeys(values))
    known = _KNOWN_ORDERS.get(column or "", ())
    first = [v for v in known if v in present]
    return first + sorted(v for v in present if v not in known)


def _nanmax(*columns: pd.Series | None) -> float:
    """The largest number in some columns (0 when there is none)."""
    values = [
        pd.to_numeric(c, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
        for c in columns
        if c is not None
    ]
    joined = np.concatenate(values) if values else np.array([], dtype="float64")
    joined = joined[np.isfinite(joined)]
    return float(joined.max()) if joined.size else 0.0


def _headroom(top: float) -> float:
    """Upper limit of a count axis: room above the tallest mark for arrows."""
    return top * 1.12 if top > 0 else 1.0


def _outcome_title(frame: pd.DataFrame | None) -> str:
    """``"People killed"`` when the outcome is known, else ``"Casualties"``."""
    label = _outcome_label(frame)
    if label == "people":
        return "Casualties"
    return label[0].upper() + label[1:]


def _outcome_label(frame: pd.DataFrame | None) -> str:
    """The unit of the counts: ``"people killed"``, or just ``"people"``.

    Examples
    --------
    >>> _outcome_label(pd.DataFrame({"outcome": ["injured", "killed"]}))
    'people killed or injured'
    >>> _outcome_label(pd.DataFrame())
    'people'
    """
    if frame is not None and "outcome" in frame.columns:
        outcomes = _ordered(
            (str(v) for v in frame["outcome"].dropna().unique()), "outcome"
        )
        if outcomes:
            return "people " + " or ".join(outcomes)
    return "people"


def _usable(frame: pd.DataFrame | None, column: str) -> pd.DataFrame:
    """Rows that have a number in ``column``; empty when it is absent."""
    if frame is None or column not in frame.columns or frame.empty:
        return pd.DataFrame()
    return frame.loc[pd.to_numeric(frame[column], errors="coerce").notna()]


def _reports_and_articles(
    frame: pd.DataFrame,
) -> tuple[int, tuple[int, int] | None, str]:
    """Reports counted in a table of totals, and bounds on its articles."""
    if "reports" in frame.columns:
        reports = int(np.nansum(_float(frame, "reports")))
        noun = "report"
    else:
        reports = len(frame)
        noun = "row"
    if "articles" not in frame.columns:
        return reports, _articles_in(frame), noun
    articles = _float(frame, "articles")
    articles = articles[np.isfinite(articles)]
    if not articles.size:
        return reports, None, noun
    low = int(articles.max())
    high = int(articles.sum())
    if noun == "report":
        high = max(low, min(high, reports))
    return reports, (low, high), noun


def _combine(frame: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """Add up ``low``, ``best``, ``high`` over the rows of each key.

    A sum of lows (highs) is known only where every row has one; a missing
    ``high`` in any row makes the sum an open upper bound (``open_high``).
    """
    work = pd.DataFrame({key: frame[key] for key in keys}, index=frame.index)
    best = _float(frame, "best")
    low = _float(frame, "low")
    high = _float(frame, "high")
    work["best"] = best
    work["low"] = low
    work["high"] = high
    work["low_missing"] = np.isnan(low)
    work["high_missing"] = np.isnan(high)
    work["open_high"] = np.isnan(high) & ("high" in frame.columns)
    work["reports"] = _float(frame, "reports")
    work["articles"] = _float(frame, "articles")
    grouped = work.groupby(list(keys), sort=False, dropna=False)
    out = pd.DataFrame(
        {
            "best": grouped["best"].sum(min_count=1),
            "low": grouped["low"].sum(min_count=1),
            "high": grouped["high"].sum(min_count=1),
            "low_missing": grouped["low_missing"].any(),
            "high_missing": grouped["high_missing"].any(),
            "open_high": grouped["open_high"].any(),
            "reports": grouped["reports"].sum(min_count=1),
            "articles": grouped["articles"].max(),
        }
    )
    out.loc[out["low_missing"], "low"] = np.nan
    out.loc[out["high_missing"], "high"] = np.nan
    return out.reset_index()


def _range_errors(
    best: np.ndarray[Any, np.dtype[np.float64]],
    low: np.ndarray[Any, np.dtype[np.float64]],
    high: np.ndarray[Any, np.dtype[np.float64]],
) -> tuple[np.ndarray[Any, np.dtype[np.bool_]], np.ndarray[Any, np.dtype[np.float64]]]:
    """Where both bounds exist, and the (2, n) error-bar lengths there."""
    both = np.isfinite(low) & np.isfinite(high) & np.isfinite(best)
    below = np.clip(best - low, 0.0, None)
    above = np.clip(high - best, 0.0, None)
    return both, np.vstack([below[both], above[both]])


def _gap_rule(periods: np.ndarray[Any, Any]) -> Callable[[float, float], bool]:
    """Whether two period starts (date numbers) are more than one period apart.

    The period is read from all the periods of a chart: months (every start
    on the 1st; quarters and years when all starts are that far apart), weeks
    (every start a Monday, as pandas' weekly periods) or else the shortest
    step between two starts.

    Examples
    --------
    >>> import matplotlib.dates as mdates
    >>> starts = pd.to_datetime(["2016-11-01", "2016-12-01", "2017-12-01"])
    >>> months = mdates.date2num(starts)
    >>> gap = _gap_rule(months)
    >>> gap(months[0], months[1]), gap(months[1], months[2])
    (False, True)
    """
    values = np.unique(periods[np.isfinite(periods)])
    if values.size < 2:
        return lambda _a, _b: False
    stamps = [_naive_date(float(v)) for v in values]
    midnight = all(s.hour == s.minute == s.second == s.microsecond == 0 for s in stamps)
    if midnight and all(s.day == 1 for s in stamps):
        months = np.array([s.year * 12 + s.month - 1 for s in stamps])
        steps = np.diff(months)
        every = 1
        for candidate in (12, 6, 3):
            if bool((steps % candidate == 0).all()):
                every = candidate
                break

        def months_apart(a: float, b: float) -> bool:
            first, second = _naive_date(a), _naive_date(b)
            apart = (second.year - first.year) * 12 + second.month - first.month
            return abs(apart) > every

        return months_apart
    if midnight and all(s.weekday() == 0 for s in stamps):
        step = 7.0
    else:
        step = float(np.diff(values).min())
    return lambda a, b: abs(b - a) > 1.5 * step


def _break_at_gaps(
    xs: np.ndarray[Any, np.dtype[np.float64]],
    columns: Sequence[np.ndarray[Any, np.dtype[np.float64]]],
    is_gap: Callable[[float, float], bool],
) -> list[np.ndarray[Any, np.dtype[np.float64]]]:
    """``xs`` and ``columns`` with a NaN row inserted in every gap.

    Matplotlib breaks a line (and a shaded band) at a NaN, so points on
    either side of a gap are not joined.

    Examples
    --------
    >>> def far(a, b):
    ...     return b - a > 1
    >>> xs, ys = _break_at_gaps(np.array([1.0, 2.0, 9.0]), [np.array([5.0, 6, 7])], far)
    >>> xs.tolist(), ys.tolist()
    ([1.0, 2.0, 5.5, 9.0], [5.0, 6.0, nan, 7.0])
    """
    gaps = [i for i in range(1, len(xs)) if is_gap(float(xs[i - 1]), float(xs[i]))]
    if not gaps:
        return [xs, *columns]
    middles = np.array([(xs[i - 1] + xs[i]) / 2 for i in gaps], dtype="float64")
    out = [np.insert(xs, gaps, middles)]
    out.extend(np.insert(c.astype("float64"), gaps, np.nan) for c in columns)
    return out


# ---------------------------------------------------------------------------
# Casualties
# ---------------------------------------------------------------------------


def plot_casualties(
    totals: pd.DataFrame,
    *,
    x: str = "period",
    hue: str | None = "victim_group",
    band: bool = True,
    stacked: bool = False,
    title: str | None = None,
    source_note: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Plot casualties over time, one series per group.

    The best estimate is drawn as a line with markers per group (or as
    stacked bars), the range from ``low`` to ``high`` shaded where both
    exist, and an open upper bound (missing ``high``: "at least") as an
    upward arrow above the point. Lines and ranges are broken where periods
    are missing (weeks or months without reports), so that they suggest no
    trend across them. Without an ``x`` column, one bar per group
    is drawn with its range as an error bar.

    Parameters
    ----------
    totals : pandas.DataFrame
        Output of ``casualty_totals``: key columns, ``period`` (when
        aggregated by time), ``low``, ``best``, ``high``, ``reports``,
        ``articles``. Rows that share the ``x`` and ``hue`` values (because
        the totals were split by more keys) are added up.
    x : str, default "period"
        Column of the time axis. When it is absent, bars per ``hue``; when it
        holds text rather than dates, grouped bars per value.
    hue : str or None, default "victim_group"
        Column that separates the series; None or absent: one series.
    band : bool, default True
        Shade the ``low``-``high`` range (error bars on bar charts).
    stacked : bool, default False
        Stacked bars instead of lines. Ranges of stacked bars are shown for
        the stack's total, where every group has both bounds.
    title : str, optional
        Chart title; a default names the outcome and the grouping.
    source_note : str, optional
        Text under the chart; by default the number of reports and articles.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.plot` (lines) or
        :meth:`~matplotlib.axes.Axes.bar` (bars).

    Returns
    -------
    matplotlib.axes.Axes
        The chart.

    See Also
    --------
    plot_casualties_by : totals per place, actor or source.
    plot_running_toll : cumulative tolls as reported.
    """
    with report_style():
        ax = _new_axes(ax, (9.0, 5.0))
        _style_axes(ax, grid="y")
        unit = _outcome_label(totals)
        frame = _usable(totals, "best")
        hue_col = hue if hue is not None and hue in frame.columns else None
        has_x = x in frame.columns
        default_title = _outcome_title(totals)
        if has_x:
            default_title += " over time" + (", " if hue_col is not None else "")
        if hue_col is not None:
            default_title += (
                f" by {_heading(hue_col)}".lstrip(" ")
                if has_x
                else f" by {_heading(hue_col)}"
            )
        if frame.empty:
            return _no_data(
                ax,
                title=title or default_title,
                xlabel=_heading(x),
                ylabel=unit,
                note=source_note,
            )

        reports, articles, noun = _reports_and_articles(frame)
        note = source_note or _source_text(reports, articles=articles, noun=noun)
        work = pd.DataFrame(index=frame.index)
        work["group"] = _labels(frame, hue_col, default="all reports")
        for column in ("low", "best", "high", "reports", "articles"):
            if column in frame.columns:
                work[column] = frame[column]

        if has_x and _is_dates(frame[x]):
            dates = _dates(frame, x)
            work["x"] = _date_numbers(dates)
            dated = np.isfinite(work["x"].to_numpy(dtype="float64"))
            if not dated.all() and source_note is None:
                undated = frame.loc[~dated]
                count = (
                    int(np.nansum(_float(undated, "reports")))
                    if "reports" in undated.columns
                    else len(undated)
                )
                note = _source_text(
                    reports,
                    articles=articles,
                    noun=noun,
                    extra=[f"{_plural(count, noun)} without a {_heading(x)} not shown"],
                )
            work = work.loc[dated]
            if work.empty:
                return _no_data(
                    ax,
                    title=title or default_title,
                    xlabel=_heading(x),
                    ylabel=unit,
                    note=note,
                )
            table = _combine(work, ["group", "x"])
            if stacked:
                top = _casualty_bars(
                    ax, table, hue_col, band=band, stacked=True, dates=True, **kwargs
                )
            else:
                top = _casualty_lines(ax, table, hue_col, band=band, **kwargs)
            periods = np.unique(table["x"].to_numpy(dtype="float64"))
            first, last = float(periods[0]), float(periods[-1])
            limits = None
            if stacked:
                # Room for half a bar (0.8 of the shortest step) at each end.
                steps = np.diff(periods)
                half = 0.4 * float(steps.min()) if steps.size else 10.0
                span = last - first + 2 * half
                limits = (first - half - 0.02 * span, last + half + 0.02 * span)
            _date_axis(ax, first, last, limits=limits)
            ax.set_xlabel("period start" if x == "period" else _heading(x))
        elif has_x:
            work["x"] = _labels(frame, x, default="")
            table = _combine(work, ["group", "x"])
            top = _casualty_bars(
                ax,
                table,
                hue_col,
                band=band,
                stacked=stacked,
                dates=False,
                x_column=x,
                **kwargs,
            )
            ax.set_xlabel(_heading(x))
        else:
            table = _combine(work, ["group"])
            table["x"] = table["group"]
            top = _casualty_bars(
                ax,
                table,
                hue_col,
                band=band,
                stacked=False,
                dates=False,
                x_column=hue_col,
                per_group=True,
                **kwargs,
            )
            ax.set_xlabel(_heading(hue_col) if hue_col else "")

        ax.set_ylabel(unit)
        _count_axis(ax.yaxis)
        ax.set_ylim(0, _headroom(top))
        ax.set_title(title or default_title)
        add_source_note(ax, note)
    return ax


def _casualty_lines(
    ax: Axes,
    table: pd.DataFrame,
    hue_col: str | None,
    *,
    band: bool,
    **kwargs: Any,
) -> float:
    groups = _ordered(table["group"], hue_col)
    styles = group_styles(groups)
    handles: list[Artist] = []
    labels: list[str] = []
    any_range = False
    any_open = False
    is_gap = _gap_rule(table["x"].to_numpy(dtype="float64"))
    for group in groups:
        style = styles[group]
        sub = table.loc[table["group"] == group].sort_values("x")
        # A line is broken where periods are missing (NaN between them), so
        # that it does not suggest a trend across weeks without reports.
        xs, best, low, high = _break_at_gaps(
            sub["x"].to_numpy(dtype="float64"),
            [
                sub["best"].to_numpy(dtype="float64"),
                sub["low"].to_numpy(dtype="float64"),
                sub["high"].to_numpy(dtype="float64"),
            ],
            is_gap,
        )
        options: dict[str, Any] = {
            "color": style.color,
            "marker": style.marker,
            "linestyle": style.linestyle,
            "markeredgecolor": "white",
            "markeredgewidth": 0.8,
        }
        options.update(kwargs)
        (line,) = ax.plot(xs, best, label=_display(group, hue_col), **options)
        handles.append(line)
        labels.append(_display(group, hue_col))
        if band:
            both = np.isfinite(low) & np.isfinite(high)
            if both.any():
                any_range = True
                ax.fill_between(
                    xs,
                    low,
                    high,
                    where=both,
                    color=style.color,
                    alpha=_RANGE_ALPHA,
                    linewidth=0,
                    interpolate=False,
                )
                # A point whose neighbours have no range gets no area from
                # fill_between: show its range as a vertical stroke.
                left = np.concatenate([[False], both[:-1]])
                right = np.concatenate([both[1:], [False]])
                alone = both & ~left & ~right
                if alone.any():
                    ax.vlines(
                        xs[alone],
                        low[alone],
                        high[alone],
                        color=style.color,
                        alpha=0.5,
                        linewidth=6,
                    )
        reported = sub["best"].to_numpy(dtype="float64")
        open_high = sub["open_high"].to_numpy(dtype=bool) & np.isfinite(reported)
        if open_high.any():
            any_open = True
            ax.plot(
                sub["x"].to_numpy(dtype="float64")[open_high],
                reported[open_high],
                linestyle="none",
                marker=_OPEN_UP,
                markersize=11,
                color=style.color,
                transform=_up_offset(ax, 10.0),
                clip_on=False,
            )
    if any_range:
        handles.append(_range_handle())
        labels.append("range (low\N{EN DASH}high)")
    if any_open:
        handles.append(_open_bound_handle())
        labels.append(_OPEN_BOUND_LABEL)
    _legend_outside(ax, handles, labels, title=_heading(hue_col) if hue_col else None)
    return _nanmax(table["best"], table["high"] if band else None)


def _casualty_bars(
    ax: Axes,
    table: pd.DataFrame,
    hue_col: str | None,
    *,
    band: bool,
    stacked: bool,
    dates: bool,
    x_column: str | None = None,
    per_group: bool = False,
    **kwargs: Any,
) -> float:
    groups = _ordered(table["group"], hue_col)
    styles = group_styles(groups)
    if dates:
        positions_of = {
            v: float(v) for v in sorted(set(table["x"].to_numpy(dtype="float64")))
        }
        values = np.array(sorted(positions_of), dtype="float64")
        steps = np.diff(values)
        width_total = 0.8 * float(steps.min()) if steps.size else 20.0
    else:
        categories = groups if per_group else _ordered(table["x"], x_column)
        positions_of = {c: float(i) for i, c in enumerate(categories)}
        width_total = 0.8
    dodge = not stacked and not per_group and len(groups) > 1
    width = width_total / len(groups) if dodge else width_total
    bottoms: dict[Any, float] = {key: 0.0 for key in positions_of}
    totals_low: dict[Any, float] = {key: 0.0 for key in positions_of}
    totals_high: dict[Any, float] = {key: 0.0 for key in positions_of}
    handles: list[Artist] = []
    labels: list[str] = []
    any_range = False
    any_open = False
    for g, group in enumerate(groups):
        style = styles[group]
        sub = table.loc[table["group"] == group]
        keys = list(sub["x"])
        xs = np.array([positions_of[k] for k in keys], dtype="float64")
        if dodge:
            xs = xs - width_total / 2 + width * (g + 0.5)
        best = sub["best"].to_numpy(dtype="float64")
        low = sub["low"].to_numpy(dtype="float64")
        high = sub["high"].to_numpy(dtype="float64")
        bottom = np.array([bottoms[k] for k in keys], dtype="float64")
        options: dict[str, Any] = {
            "color": style.color,
            "hatch": style.hatch,
            "edgecolor": "white",
            "linewidth": 0.6,
        }
        options.update(kwargs)
        ax.bar(
            xs,
            np.nan_to_num(best),
            width=width,
            bottom=bottom if stacked else None,
            label=_display(group, hue_col),
            **options,
        )
        handles.append(_bar_handle(style))
        labels.append(_display(group, hue_col))
        for k, b, lo, hi in zip(keys, best, low, high, strict=True):
            if stacked:
                bottoms[k] += float(np.nan_to_num(b))
            totals_low[k] += lo
            totals_high[k] += hi
        if band and not stacked:
            both, errors = _range_errors(best, low, high)
            if both.any():
                any_range = True
                ax.errorbar(
                    xs[both],
                    best[both],
                    yerr=errors,
                    fmt="none",
                    ecolor="0.2",
                    elinewidth=1.2,
                    capsize=4,
                )
        open_high = sub["open_high"].to_numpy(dtype=bool) & np.isfinite(best)
        if open_high.any() and not stacked:
            any_open = True
            ax.plot(
                xs[open_high],
                best[open_high],
                linestyle="none",
                marker=_OPEN_UP,
                markersize=11,
                color="0.25",
                transform=_up_offset(ax, 9.0),
                clip_on=False,
            )
    if stacked and band:
        keys = [
            k
            for k in positions_of
            if np.isfinite(totals_low[k]) and np.isfinite(totals_high[k])
        ]
        if keys:
            any_range = True
            tops = np.array([bottoms[k] for k in keys])
            lows = np.array([totals_low[k] for k in keys])
            highs = np.array([totals_high[k] for k in keys])
            ax.errorbar(
                [positions_of[k] for k in keys],
                tops,
                yerr=np.vstack(
                    [np.clip(tops - lows, 0, None), np.clip(highs - tops, 0, None)]
                ),
                fmt="none",
                ecolor="0.2",
                elinewidth=1.2,
                capsize=4,
            )
    if not dates:
        ticks = list(positions_of)
        ax.set_xticks([positions_of[k] for k in ticks])
        ax.set_xticklabels([_display(str(k), x_column) for k in ticks])
        ax.grid(False, axis="x")
    if per_group:
        # The groups are named under their bars; a legend is only needed
        # for the range and open-bound marks.
        handles, labels = [], []
    if any_range:
        handles.append(_errorbar_handle())
        labels.append(
            "range (low\N{EN DASH}high)" + (" of the total" if stacked else "")
        )
    if any_open:
        handles.append(_open_bound_handle())
        labels.append(_OPEN_BOUND_LABEL)
    _legend_outside(
        ax,
        handles,
        labels,
        title=_heading(hue_col) if hue_col and not per_group else None,
    )
    if stacked:
        return _nanmax(
            pd.Series(list(bottoms.values()), dtype="float64"),
            pd.Series(list(totals_high.values()), dtype="float64") if band else None,
        )
    return _nanmax(table["best"], table["high"] if band else None)


def _bar_handle(style: GroupStyle) -> Artist:
    from matplotlib.patches import Patch

    return Patch(
        facecolor=style.color, hatch=style.hatch, edgecolor="white", linewidth=0.6
    )


def _errorbar_handle() -> Artist:
    from matplotlib.lines import Line2D

    return Line2D([], [], color="0.2", linewidth=1.2, marker="_", markersize=8)


def plot_casualties_by(
    totals: pd.DataFrame,
    *,
    by: str = "place",
    top: int = 15,
    title: str | None = None,
    source_note: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Plot casualty totals per place, actor or source, largest first.

    Horizontal bars of the best estimate with the ``low``-``high`` range as
    error bars; an open upper bound is marked with an arrow to the right.
    Rows that share a ``by`` value (totals split by more keys or by period)
    are added up.

    Parameters
    ----------
    totals : pandas.DataFrame
        Output of ``casualty_totals`` with a ``by`` column.
    by : str, default "place"
        Column to compare (``place``, ``victim_actor``, ``attributed_to``,
        ``victim_group``, ...). Missing values are shown as such ("place not
        stated").
    top : int, default 15
        Show at most this many bars; the note says how many were left out.
    title : str, optional
        Chart title.
    source_note : str, optional
        Text under the chart; by default the number of reports and articles.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes
        The chart.

    Raises
    ------
    ValueError
        If the table has rows but no ``by`` column, or ``top`` < 1.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    with report_style():
        frame = _usable(totals, "best")
        unit = _outcome_label(totals)
        default_title = _outcome_title(totals) + f" by {_heading(by)}"
        if not frame.empty and by not in frame.columns:
            raise ValueError(
                f"the totals have no column {by!r}; they have: "
                + ", ".join(map(str, frame.columns))
            )
        n_bars = 0 if frame.empty else min(top, int(frame[by].nunique(dropna=False)))
        ax = _new_axes(ax, (8.0, max(2.6, 0.38 * n_bars + 1.6)))
        _style_axes(ax, grid="x")
        if frame.empty:
            return _no_data(
                ax,
                title=title or default_title,
                xlabel=unit,
                ylabel=_heading(by),
                note=source_note,
            )

        reports, articles, noun = _reports_and_articles(frame)
        work = pd.DataFrame(index=frame.index)
        work["group"] = _labels(frame, by, default="")
        for column in ("low", "best", "high", "reports", "articles"):
            if column in frame.columns:
                work[column] = frame[column]
        table = _combine(work, ["group"]).sort_values(
            ["best", "group"], ascending=[False, True], kind="stable"
        )
        shown = table.head(top).iloc[::-1]
        extra = []
        if len(table) > len(shown):
            things = "sources" if by == "attributed_to" else _heading(by) + "s"
            extra.append(f"top {len(shown)} of {len(table)} {things} shown")
        note = source_note or _source_text(
            reports, articles=articles, noun=noun, extra=extra
        )

        ys = np.arange(len(shown), dtype="float64")
        best = shown["best"].to_numpy(dtype="float64")
        low = shown["low"].to_numpy(dtype="float64")
        high = shown["high"].to_numpy(dtype="float64")
        color = group_styles(["first"])["first"].color
        options: dict[str, Any] = {"color": color, "height": 0.65, "edgecolor": "white"}
        options.update(kwargs)
        ax.barh(ys, best, **options)
        handles: list[Artist] = []
        labels: list[str] = []
        both, errors = _range_errors(best, low, high)
        if both.any():
            ax.errorbar(
                best[both],
                ys[both],
                xerr=errors,
                fmt="none",
                ecolor="0.2",
                elinewidth=1.2,
                capsize=3,
            )
            handles.append(_errorbar_handle())
            labels.append("range (low\N{EN DASH}high)")
        open_high = shown["open_high"].to_numpy(dtype=bool)
        if open_high.any():
            ax.plot(
                best[open_high],
                ys[open_high],
                linestyle="none",
                marker=_OPEN_RIGHT,
                markersize=12,
                color="0.25",
                transform=_right_offset(ax, 9.0),
                clip_on=False,
            )
            handles.append(_open_bound_handle_right())
            labels.append(_OPEN_BOUND_LABEL)
        ends = np.where(np.isfinite(high) & both, np.fmax(high, best), best)
        value_labels: list[Annotation] = []
        for y, end, value, is_open in zip(ys, ends, best, open_high, strict=True):
            label = ax.annotate(
                f"{value:,.0f}",
                xy=(end, y),
                xytext=(20.0 if is_open else 5.0, 0.0),
                textcoords="offset points",
                va="center",
                ha="left",
                fontsize=_BASE_FONT * 0.9,
                color="0.2",
            )
            value_labels.append(label)
        ax.set_yticks(ys)
        ax.set_yticklabels([_display(str(g), by) for g in shown["group"]])
        ax.set_ylim(-0.6, len(shown) - 0.4)
        ax.set_xlim(0, float(np.nanmax(np.concatenate([ends, [1.0]]))) * 1.15)
        _count_axis(ax.xaxis, nbins=5)
        ax.set_xlabel(unit)
        ax.set_ylabel(_heading(by))
        ax.set_title(title or default_title)
        _legend_outside(ax, handles, labels)
        add_source_note(ax, note)
        _room_for_labels(ax, value_labels, ends)
    return ax


def _room_for_labels(
    ax: Axes,
    labels: Sequence[Annotation],
    ends: np.ndarray[Any, np.dtype[np.float64]],
) -> None:
    """Widen a bar chart's x axis until the labels at the bars' ends fit in.

    A label is written a few points right of its bar (and of its range or
    arrow); the longest bar's label would otherwise run out of the axes,
    under a legend beside them. The room is measured on the laid-out figure
    (a constrained figure shrinks the axes for the legend first).
    """
    figure = _root_figure(ax)
    engine = figure.get_layout_engine()
    margin = 4.0 * figure.dpi / 72.0
    for _ in range(3):
        if engine is not None:
            engine.execute(figure)
        width = float(ax.get_window_extent().width)
        upper = float(ax.get_xlim()[1])
        needed = upper
        for label, end in zip(labels, ends, strict=True):
            if not np.isfinite(end) or end <= 0:
                continue
            start = float(ax.transData.transform((float(end), 0.0))[0])
            beyond = float(label.get_window_extent().x1) - start + margin
            if beyond >= 0.8 * width:
                continue  # axes too narrow for any bar and label
            needed = max(needed, float(end) * width / (width - beyond))
        if needed <= upper * 1.001:
            return
        ax.set_xlim(0, needed)


def _part_handle() -> Artist:
    """Legend entry for a part of a toll: a hollow marker."""
    from matplotlib.lines import Line2D

    return Line2D([], [], linestyle="none", marker="o", markersize=7, markerfacecolor="white",
                  markeredgecolor="0.25", markeredgewidth=1.4)


def _open_bound_handle_right() -> Artist:
    from matplotlib.lines import Line2D

    return Line2D(
        [], [], marker=_OPEN_RIGHT, markersize=12, linestyle="none", color="0.25"
    )


def plot_running_toll(
    tolls: pd.DataFrame,
    *,
    title: str | None = None,
    source_note: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Plot cumulative tolls as they were reported over time.

    One line per place and victim group: x is the publication time (or the
    end of the reported period when it is missing), y the best figure of each
    report. Ranges are shaded where reports give both bounds; an open upper
    bound ("at least") is marked with an upward arrow. These are reports of
    running totals, not sums: they must not be added to incident totals.

    Parameters
    ----------
    tolls : pandas.DataFrame
        Cumulative reports: ``published`` and/or ``period_end``,
        ``count_low``, ``count_best``, ``count_high``; optional ``place``,
        ``victim_group``, ``article_id``.
    title : str, optional
        Chart title.
    source_note : str, optional
        Text under the chart; by default the number of reports and articles.
        Tolls without any date cannot be placed; how many were left out is
        added to the note in either case (unless it already says so).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.plot`.

    Returns
    -------
    matplotlib.axes.Axes
        The chart.
    """
    with report_style():
        ax = _new_axes(ax, (9.0, 5.0))
        _style_axes(ax, grid="y")
        default_title = "Running tolls as reported"
        unit = _outcome_label(tolls) + " (cumulative)"
        frame = _usable(tolls, "count_best")
        extra: list[str] = []
        if not frame.empty:
            when = _dates(frame, "published").fillna(_dates(frame, "period_end"))
            frame = frame.assign(_when=_date_numbers(when))
            dated = np.isfinite(frame["_when"].to_numpy(dtype="float64"))
            if not dated.all():
                extra.append(
                    f"{_plural(int((~dated).sum()), 'report')} without a date not shown"
                )
            frame = frame.loc[dated]
        if frame.empty:
            return _no_data(
                ax,
                title=title or default_title,
                xlabel="date reported",
                ylabel=unit,
                note=_with_clauses(source_note, extra)
                if source_note
                else _source_text(0, extra=extra),
            )

        note = (
            _with_clauses(source_note, extra)
            if source_note
            else _source_text(len(frame), articles=_articles_in(frame), extra=extra)
        )
        # One line per place and victim group (and outcome, when the tolls
        # mix them: killed and captured never share a line); a column that
        # is missing throughout names nothing and is left out of the labels.
        keys = [
            c
            for c in ("place", "victim_group")
            if c in frame.columns and frame[c].notna().any()
        ]
        if "outcome" in frame.columns and frame["outcome"].nunique(dropna=True) > 1:
            keys.append("outcome")
        if keys:
            parts = [
                _labels(frame, c, default="").map(lambda v, c=c: _display(v, c))
                for c in keys
            ]
            group = parts[0]
            for part in parts[1:]:
                group = group + " \N{MIDDLE DOT} " + part
        else:
            group = pd.Series("reported toll", index=frame.index, dtype=object)
        frame = frame.assign(_group=group)
        groups = sorted(dict.fromkeys(frame["_group"]))
        styles = group_styles(groups)
        handles: list[Artist] = []
        labels: list[str] = []
        any_range = False
        any_open = False
        # A line joins the tolls of one series only: the same outcome, victims
        # (group and actor), place, source and start of the count ("since
        # 2011" and "since 19 April" are two counts), one toll per date. A part
        # given beside its total ("among them 71 children") is a point of its
        # own, never joined to the total.
        series_keys = [
            c
            for c in ("outcome", "victim_group", "victim_actor", "place", "attributed_to", "period_start")
            if c in frame.columns
        ]
        is_part = (
            frame["subset"].astype("boolean").fillna(False).to_numpy(dtype=bool)
            if "subset" in frame.columns
            else np.zeros(len(frame), dtype=bool)
        )
        frame = frame.assign(
            _series=[
                "\x1f".join(map(str, values))
                for values in zip(*(frame[c].astype(object).where(frame[c].notna(), "") for c in series_keys))
            ]
            if series_keys
            else "",
            _part=is_part,
        )
        any_part = False
        for name in groups:
            style = styles[name]
            sub = frame.loc[frame["_group"] == name].sort_values(
                ["_when"], kind="stable"
            )
            options: dict[str, Any] = {
                "color": style.color,
                "marker": style.marker,
                "linestyle": style.linestyle,
                "markeredgecolor": "white",
                "markeredgewidth": 0.8,
            }
            options.update(kwargs)
            first = True
            for (_key, part), points in sub.groupby(["_series", "_part"], sort=False):
                xs_series = points["_when"].to_numpy(dtype="float64")
                joined = not part and 1 < len(xs_series) == len(np.unique(xs_series))
                drawn = dict(options)
                if not joined:
                    drawn["linestyle"] = "none"
                if part:
                    any_part = True
                    drawn.update(markerfacecolor="white", markeredgecolor=style.color, markeredgewidth=1.4)
                ax.plot(xs_series, _float(points, "count_best"), label=name, **drawn)
                if first:
                    from matplotlib.lines import Line2D

                    handles.append(Line2D([], [], label=name, **options))
                    labels.append(name)
                    first = False
            xs = sub["_when"].to_numpy(dtype="float64")
            best = _float(sub, "count_best")
            low = _float(sub, "count_low")
            high = _float(sub, "count_high")
            both = np.isfinite(low) & np.isfinite(high) & (high > low)
            if both.any():
                any_range = True
                # a band between the tolls of one series, a bar for a toll alone
                for (_key, part), points in sub.assign(_both=both).groupby(["_series", "_part"], sort=False):
                    pxs = points["_when"].to_numpy(dtype="float64")
                    plow = _float(points, "count_low")
                    phigh = _float(points, "count_high")
                    pboth = points["_both"].to_numpy(dtype=bool)
                    if not pboth.any():
                        continue
                    joined = not part and len(np.unique(pxs)) == len(pxs)
                    if joined:
                        ax.fill_between(pxs, plow, phigh, where=pboth, color=style.color,
                                        alpha=_RANGE_ALPHA, linewidth=0)
                        left = np.concatenate([[False], pboth[:-1]])
                        right = np.concatenate([pboth[1:], [False]])
                        alone = pboth & ~left & ~right
                    else:
                        alone = pboth
                    if alone.any():
                        ax.vlines(pxs[alone], plow[alone], phigh[alone], color=style.color, alpha=0.5,
                                  linewidth=6)
            if "count_high" in sub.columns:
                open_high = np.isnan(high) & np.isfinite(best)
                if open_high.any():
                    any_open = True
                    ax.plot(
                        xs[open_high],
                        best[open_high],
                        linestyle="none",
                        marker=_OPEN_UP,
                        markersize=11,
                        color=style.color,
                        transform=_up_offset(ax, 10.0),
                        clip_on=False,
                    )
        if any_part:
            handles.append(_part_handle())
            labels.append("part of a toll, given beside it")
        if any_range:
            handles.append(_range_handle())
            labels.append("range (low\N{EN DASH}high)")
        if any_open:
            handles.append(_open_bound_handle())
            labels.append(_OPEN_BOUND_LABEL)
        legend_title = " \N{MIDDLE DOT} ".join(_heading(k) for k in keys) or None
        _legend_outside(ax, handles, labels, title=legend_title)
        reported = frame["_when"].to_numpy(dtype="float64")
        _date_axis(ax, float(reported.min()), float(reported.max()))
        _count_axis(ax.yaxis)
        ax.set_ylim(0, _headroom(_nanmax(frame["count_best"], frame.get("count_high"))))
        ax.set_xlabel("date reported")
        ax.set_ylabel(unit)
        ax.set_title(title or default_title)
        add_source_note(ax, note)
    return ax


# ---------------------------------------------------------------------------
# Territory
# ---------------------------------------------------------------------------


def plot_territory(
    claims: pd.DataFrame,
    *,
    start: Any = None,
    end: Any = None,
    title: str | None = None,
    source_note: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Plot territorial-control claims per place over time.

    One row per place; each claim is a point at its ``as_of`` date (its
    ``since`` date when ``as_of`` is missing), shaped by status and coloured
    and filled (full, hollow, half) by actor, so that it reads in grey too.
    Claims of one actor about one place are joined by a thin line in the
    actor's line style, and a claim with both dates is drawn as a bar from
    ``since`` to ``as_of``.

    The chart shows the window where most claims are: a lone claim about
    the distant past ("held since 2013") would otherwise squeeze all the
    others together. Claims without any date, and claims dated outside the
    window, are left out; the note says how many claims are shown and how
    many are not, and why.

    Parameters
    ----------
    claims : pandas.DataFrame
        The ``territory`` table: ``place``, ``actor``, ``status``, ``as_of``,
        ``since``, ``article_id``.
    start, end : date-like, optional
        Show only claims dated in this window (anything
        :class:`pandas.Timestamp` accepts, e.g. ``"2018-01-01"``). A bound
        that is not given is fitted to the claims: the 5th (95th) percentile
        of their dates, widened by a tenth of the distance between the two
        (at least a week), so that only outlying claims are left out (and
        none of twenty claims or fewer). To show every dated claim, pass the
        earliest and latest dates.
    title : str, optional
        Chart title.
    source_note : str, optional
        Text under the chart; by default the number of claims and articles.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.plot` (the claims' markers).

    Returns
    -------
    matplotlib.axes.Axes
        The chart, with one legend naming the actors (colours, line styles)
        and the statuses (markers).
    """
    from matplotlib.lines import Line2D

    default_title = "Territorial control claims"
    n_places = 0
    frame = pd.DataFrame() if claims is None else claims
    total = len(frame)
    undated = 0
    outside: list[str] = []
    window = (np.nan, np.nan)
    if not frame.empty:
        as_of = _dates(frame, "as_of")
        since = _dates(frame, "since")
        when = as_of.fillna(since)
        frame = frame.assign(
            _when=_date_numbers(when),
            _since=_date_numbers(since),
            _as_of=_date_numbers(as_of),
        )
        dates = frame["_when"].to_numpy(dtype="float64")
        dated = np.isfinite(dates)
        undated = int((~dated).sum())
        frame = frame.loc[dated]
        window = _claim_window(dates[dated], start=start, end=end)
        dates = frame["_when"].to_numpy(dtype="float64")
        before = dates < window[0]
        after = dates > window[1]
        frame = frame.loc[~before & ~after]
        # Claims left out are dated before the window's start, as given, or
        # (fitted) before the first claim shown; likewise after its end.
        shown = frame["_when"].to_numpy(dtype="float64")
        edges = (float(shown.min()), float(shown.max())) if shown.size else window
        if start is not None:
            edges = (window[0], edges[1])
        if end is not None:
            edges = (edges[0], window[1])
        for count, side, edge in (
            (int(before.sum()), "before", edges[0]),
            (int(after.sum()), "after", edges[1]),
        ):
            if count:
                day = _date_label(_naive_date(edge), "day")
                outside.append(f"{_plural(count, 'claim')} dated {side} {day}")
        n_places = int(_labels(frame, "place", default="").nunique())
    left_out = [f"{_plural(undated, 'claim')} without a date"] if undated else []
    left_out.extend(outside)
    extra = [" and ".join(left_out) + " not shown"] if left_out else []
    with report_style():
        ax = _new_axes(ax, (9.0, max(2.8, 0.45 * n_places + 1.8)))
        _style_axes(ax, grid="x")
        if frame.empty:
            return _no_data(
                ax,
                title=title or default_title,
                xlabel="date of claim",
                note=source_note or _claims_note(0, total, None, extra),
            )
        note = source_note or _claims_note(
            len(frame), total, _articles_in(frame), extra
        )
        frame = frame.assign(
            _place=_labels(frame, "place", default="place not stated"),
            _actor=_labels(frame, "actor", default="actor not named"),
            _status=_labels(frame, "status", default="status not stated"),
        )
        places = sorted(dict.fromkeys(frame["_place"]), key=str.casefold)
        row_of = {p: float(len(places) - 1 - i) for i, p in enumerate(places)}
        actors = sorted(dict.fromkeys(frame["_actor"]), key=str.casefold)
        styles = group_styles(actors)
        statuses = _ordered(frame["_status"], "status")
        spread = 0.22 if len(actors) > 1 else 0.0
        offset_of = {
            a: (spread * (2 * i / (len(actors) - 1) - 1) if len(actors) > 1 else 0.0)
            for i, a in enumerate(actors)
        }
        frame = frame.assign(
            _y=[
                row_of[p] + offset_of[a]
                for p, a in zip(frame["_place"], frame["_actor"], strict=True)
            ]
        )
        for (actor, _place), sub in frame.groupby(["_actor", "_place"], sort=False):
            style = styles[str(actor)]
            sub = sub.sort_values("_when")
            if len(sub) > 1:
                ax.plot(
                    sub["_when"].to_numpy(dtype="float64"),
                    sub["_y"].to_numpy(dtype="float64"),
                    color=style.color,
                    linestyle=style.linestyle,
                    linewidth=1.2,
                    alpha=0.8,
                    zorder=2,
                )
            spans = sub.loc[
                np.isfinite(sub["_since"].to_numpy(dtype="float64"))
                & np.isfinite(sub["_as_of"].to_numpy(dtype="float64"))
                & (sub["_since"] < sub["_as_of"]).to_numpy(dtype=bool)
            ]
            if not spans.empty:
                ax.hlines(
                    spans["_y"].to_numpy(dtype="float64"),
                    spans["_since"].to_numpy(dtype="float64"),
                    spans["_as_of"].to_numpy(dtype="float64"),
                    color=style.color,
                    linewidth=5,
                    alpha=0.35,
                    zorder=1,
                )
        fills = {a: FILLSTYLES[i % len(FILLSTYLES)] for i, a in enumerate(actors)}
        for (actor, status), sub in frame.groupby(["_actor", "_status"], sort=False):
            style = styles[str(actor)]
            options: dict[str, Any] = {
                "linestyle": "none",
                "marker": STATUS_MARKERS.get(str(status), _OTHER_STATUS_MARKER),
                "markersize": 9,
                "fillstyle": fills[str(actor)],
                "color": style.color,
                "markeredgecolor": style.color,
                "markerfacecoloralt": "white",
                "markeredgewidth": 1.6,
                "zorder": 3,
            }
            options.update(kwargs)
            ax.plot(
                sub["_when"].to_numpy(dtype="float64"),
                sub["_y"].to_numpy(dtype="float64"),
                **options,
            )
        handles: list[Artist] = [_legend_heading()]
        labels: list[str] = ["actor"]
        for actor in actors:
            style = styles[actor]
            handles.append(
                Line2D(
                    [],
                    [],
                    color=style.color,
                    linestyle=style.linestyle,
                    linewidth=1.5,
                    marker="o",
                    markersize=8,
                    fillstyle=fills[actor],
                    markeredgecolor=style.color,
                    markerfacecoloralt="white",
                    markeredgewidth=1.6,
                )
            )
            labels.append(actor)
        handles.append(_legend_heading())
        labels.append("status")
        for status in statuses:
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker=STATUS_MARKERS.get(status, _OTHER_STATUS_MARKER),
                    markersize=8,
                    markerfacecolor="0.6",
                    markeredgecolor="0.1",
                    markeredgewidth=0.7,
                )
            )
            labels.append(_display(status, "status"))
        _legend_outside(ax, handles, labels)
        legend = ax.get_legend()
        if legend is not None:
            for text in legend.get_texts():
                if text.get_text() in ("actor", "status"):
                    text.set_fontweight("bold")
        ax.set_yticks([row_of[p] for p in places])
        ax.set_yticklabels(places)
        ax.set_ylim(-0.6, len(places) - 0.4)
        for y in row_of.values():
            ax.axhline(y, color="0.92", linewidth=0.8, zorder=0)
        shown = frame["_when"].to_numpy(dtype="float64")
        _date_axis(ax, float(shown.min()), float(shown.max()))
        ax.set_xlabel("date of claim (as of; since when no as-of date)")
        ax.set_ylabel("")
        ax.set_title(title or default_title)
        add_source_note(ax, note)
    return ax


def _claim_window(
    dates: np.ndarray[Any, np.dtype[np.float64]], *, start: Any, end: Any
) -> tuple[float, float]:
    """The window of dates where most claims are (date numbers).

    A bound that is given is kept; one that is not is the 5th (95th)
    percentile of the dates (the nearest date of a claim on the outer side),
    widened by a tenth of the distance between the two percentiles and at
    least a week. Claims spread evenly are all kept (the widening is larger
    than the 5% cut off at each end), and so are twenty claims or fewer:
    their 5th percentile is the first date. Only outliers of larger sets are
    left out.

    Examples
    --------
    One claim about the distant past, forty about six weeks: the window
    leaves the first out.

    >>> days = np.array([0.0] + [1000.0 + d for d in range(40)])
    >>> _claim_window(days, start=None, end=None)
    (994.0, 1044.0)
    """
    low = _date_number(start) if start is not None else -np.inf
    high = _date_number(end) if end is not None else np.inf
    if dates.size and (start is None or end is None):
        first = float(np.quantile(dates, 0.05, method="lower"))
        last = float(np.quantile(dates, 0.95, method="higher"))
        margin = max(0.1 * (last - first), 7.0)
        if start is None:
            low = first - margin
        if end is None:
            high = last + margin
    return (float(low), float(high))


def _claims_note(
    shown: int, total: int, articles: tuple[int, int] | None, extra: Sequence[str]
) -> str:
    """``"Source: 78 of 91 claims shown (in 36 articles); ... not shown"``."""
    if shown == total:
        return _source_text(shown, articles=articles, noun="claim", extra=extra)
    text = f"Source: {shown:,} of {_plural(total, 'claim')} shown"
    if articles is not None:
        low, high = articles
        text += f" (in {'' if low == high else 'at least '}{_plural(low, 'article')})"
    return "; ".join([text, *extra, _TOOL])


def _legend_heading() -> Artist:
    from matplotlib.patches import Rectangle

    return Rectangle((0, 0), 1, 1, fill=False, edgecolor="none", visible=False)


# ---------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------


def _period_end(start: pd.Timestamp, precision: str) -> pd.Timestamp:
    if precision == "week":
        return start + pd.Timedelta(days=7)
    if precision == "month":
        return start + pd.offsets.MonthBegin(1)
    if precision == "year":
        return start + pd.offsets.YearBegin(1)
    return start


def plot_timeline(
    timeline: pd.DataFrame,
    *,
    y: Literal["auto", "event", "kind"] = "auto",
    start: Any = None,
    end: Any = None,
    label_width: int = 60,
    title: str | None = None,
    source_note: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Plot dated events as points (one day) or spans (longer periods).

    Colour and marker follow the event's ``kind`` (casualties, territory,
    event). With one row per event, each event is labelled with its summary;
    with one lane per kind, summaries are written where they do not overlap.
    Identical events (same dates, kind and summary, read in several articles)
    are drawn once.

    Parameters
    ----------
    timeline : pandas.DataFrame
        The ``timeline`` table: ``date_start``, ``date_end``,
        ``date_precision``, ``kind``, ``summary``, ``article_id``. The
        output of ``merge_timelines`` works too (the first of its
        ``summaries`` is the label; ``articles`` lists are counted).
    y : {"auto", "event", "kind"}, default "auto"
        One row per event, one lane per kind, or rows up to 30 events and
        lanes beyond.
    start, end : date-like, optional
        Show only events that overlap this window (anything
        :class:`pandas.Timestamp` accepts, e.g. ``"2016-01-01"``); the note
        counts the events left out. Useful when articles recall the distant
        past ("in 1969 ...").
    label_width : int, default 60
        The longest label, in characters (in lanes, at most 30 a line, three
        lines). A label is a whole phrase: the summary, or its part up to where
        a clause ends; an event whose phrases are all too long is not labelled.
    title : str, optional
        Chart title.
    source_note : str, optional
        Text under the chart; by default the number of events and articles.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.scatter` (the points).

    Returns
    -------
    matplotlib.axes.Axes
        The chart.
    """
    from matplotlib.lines import Line2D

    default_title = "Timeline of reported events"
    frame = pd.DataFrame() if timeline is None else timeline
    window = (
        _date_number(start) if start is not None else -np.inf,
        _date_number(end) if end is not None else np.inf,
    )
    left_out: list[str] = []
    text_col = next(
        (c for c in ("summary", "summaries", "sentence") if c in frame.columns), None
    )
    n_articles: tuple[int, int] | None = None
    if not frame.empty:
        start_dates = _dates(frame, "date_start")
        precision = _labels(frame, "date_precision", default="day")
        # A period without an end date lasts its precision (a week, a month).
        filled = [
            e if not pd.isna(e) else (_period_end(s, p) if not pd.isna(s) else pd.NaT)
            for s, e, p in zip(
                start_dates, _dates(frame, "date_end"), precision, strict=True
            )
        ]
        end_dates = pd.Series(
            pd.to_datetime(pd.Series(filled, index=frame.index, dtype=object)),
            index=frame.index,
        )
        frame = frame.assign(
            _start=_date_numbers(start_dates), _end=_date_numbers(end_dates)
        )
        first = frame["_start"].to_numpy(dtype="float64")
        last = np.fmax(first, frame["_end"].to_numpy(dtype="float64"))
        dated = np.isfinite(first)
        inside = dated & (last >= window[0]) & (first <= window[1])
        if (~dated).sum():
            left_out.append(f"{_plural(int((~dated).sum()), 'event')} without a date")
        if (dated & ~inside).sum():
            left_out.append(
                f"{_plural(int((dated & ~inside).sum()), 'event')} outside the period"
            )
        frame = frame.loc[inside]
        frame = frame.assign(
            _kind=_labels(frame, "kind", default="event"),
            _text=_event_texts(frame, text_col),
        )
        n_articles = _articles_in(frame)
        frame = frame.drop_duplicates(["_start", "_end", "_kind", "_text"]).sort_values(
            ["_start", "_end"], kind="stable"
        )
    extra = [" and ".join(left_out) + " not shown"] if left_out else []
    rows_mode = y == "event" or (y == "auto" and len(frame) <= 30)
    n_rows = len(frame) if rows_mode else 3
    with report_style():
        ax = _new_axes(
            ax, (10.0, max(2.8, (0.32 * n_rows + 1.6) if rows_mode else 3.6))
        )
        _style_axes(ax, grid="x")
        if frame.empty:
            return _no_data(
                ax,
                title=title or default_title,
                xlabel="date",
                note=source_note or _source_text(0, noun="event", extra=extra),
            )
        note = source_note or _source_text(
            len(frame), articles=n_articles, noun="event", extra=extra
        )
        kinds = _ordered(frame["_kind"], "kind")
        styles = group_styles(kinds)
        if rows_mode:
            ys = np.arange(len(frame), dtype="float64")[::-1]
        else:
            lane = {k: float(len(kinds) - 1 - i) for i, k in enumerate(kinds)}
            ys = np.array([lane[k] for k in frame["_kind"]], dtype="float64")
        frame = frame.assign(_y=ys)
        starts = frame["_start"].to_numpy(dtype="float64")
        ends = frame["_end"].to_numpy(dtype="float64")
        is_span = np.isfinite(ends) & (ends - starts >= 1.5)
        frame = frame.assign(_span=is_span)
        lo = max(float(np.nanmin(starts)), window[0])
        hi = min(float(np.nanmax(np.where(is_span, ends, starts))), window[1])
        shown_from, shown_to = lo, hi
        if hi - lo < 1.0:
            lo, hi = lo - 15.0, hi + 15.0
        pad = (hi - lo) * 0.04
        ax.set_xlim(lo - pad, hi + pad)
        for kind in kinds:
            style = styles[kind]
            sub = frame.loc[frame["_kind"] == kind]
            spans = sub.loc[sub["_span"]]
            if not spans.empty:
                ax.barh(
                    spans["_y"].to_numpy(dtype="float64"),
                    (spans["_end"] - spans["_start"]).to_numpy(dtype="float64"),
                    left=spans["_start"].to_numpy(dtype="float64"),
                    height=0.5 if rows_mode else 0.3,
                    color=style.color,
                    alpha=0.75,
                    hatch=style.hatch,
                    edgecolor="white",
                    linewidth=0.6,
                    zorder=2,
                )
            points = sub.loc[~sub["_span"]]
            if not points.empty:
                options: dict[str, Any] = {
                    "s": 55,
                    "edgecolors": "white",
                    "linewidths": 0.8,
                    "zorder": 3,
                }
                options.update(kwargs)
                ax.scatter(
                    points["_start"].to_numpy(dtype="float64"),
                    points["_y"].to_numpy(dtype="float64"),
                    color=style.color,
                    marker=style.marker,
                    **options,
                )
        handles: list[Artist] = []
        labels: list[str] = []
        for kind in kinds:
            style = styles[kind]
            handles.append(
                Line2D(
                    [],
                    [],
                    color=style.color,
                    marker=style.marker,
                    linestyle="none",
                    markersize=8,
                )
            )
            labels.append(_display(kind, "kind"))
        if frame["_span"].any():
            from matplotlib.patches import Patch

            handles.append(Patch(facecolor="0.6", edgecolor="white", hatch="//"))
            labels.append("period (bar)")
        _legend_outside(ax, handles, labels, title="kind")
        if rows_mode:
            ax.set_yticks([])
            ax.set_ylim(-0.7, len(frame) - 0.3)
            ax.spines["left"].set_visible(False)
        else:
            ax.set_yticks([lane[k] for k in kinds])
            ax.set_yticklabels([_display(k, "kind") for k in kinds])
            ax.set_ylim(-0.7, len(kinds) - 0.3)
        _date_axis(ax, shown_from, shown_to, limits=(lo - pad, hi + pad))
        ax.set_xlabel("date")
        ax.set_title(title or default_title)
        add_source_note(ax, note)
        if text_col is not None:
            # Labels are fitted to the axes' final width: lay the figure out
            # first (a constrained figure shrinks the axes for the legend).
            figure = _root_figure(ax)
            engine = figure.get_layout_engine()
            if engine is not None:
                engine.execute(figure)
            _label_events(
                ax,
                frame,
                rows_mode=rows_mode,
                width=label_width,
                limits=(lo - pad, hi + pad),
            )
    return ax


def _event_texts(frame: pd.DataFrame, column: str | None) -> pd.Series:
    """One text per event; the first of a list (``summaries`` of merged rows)."""
    if column is None:
        return pd.Series("", index=frame.index, dtype=object)

    def first(value: object) -> str:
        if isinstance(value, (list, tuple)):
            value = next((v for v in value if isinstance(v, str) and v.strip()), "")
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return ""
        return "" if value is pd.NA else str(value)

    return frame[column].map(first).astype(object)


def _text_points(text: str, fontsize: float) -> float:
    """Width of a line of text in points, as matplotlib's default font sets it."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    width, _height, _descent = TextToPath().get_text_width_height_descent(
        text, FontProperties(size=fontsize), ismath=False
    )
    return float(width)


def _phrases(text: str) -> list[str]:
    """Whole phrases of ``text`` to label an event with, longest first.

    The text itself, then each part of it that ends where a clause does (at
    a comma, semicolon, colon, dash or bracket); never a piece cut inside a
    clause, nor one the summary already cut (ending in an ellipsis).

    >>> _phrases("Mosul fell in June 2014, the army said")
    ['Mosul fell in June 2014, the army said', 'Mosul fell in June 2014']
    >>> _phrases("between October and December more than 160,000, the UN said…")
    ['between October and December more than 160,000']
    """
    import re

    text = " ".join(text.split())
    found = [] if not text or text.endswith("\N{HORIZONTAL ELLIPSIS}") else [text]
    for match in reversed(list(re.finditer(r"\s*(?:[,;:](?=\s)|[(\[]|\s[\N{EN DASH}\N{EM DASH}-]\s)", text))):
        phrase = text[: match.start()].strip().rstrip(")]")
        if len(phrase.split()) >= 2 and phrase not in found:
            found.append(phrase)
    return found


def _fit_label(text: str, *, max_chars: int, max_points: float, fontsize: float) -> str:
    """The longest whole phrase of ``text`` (``_phrases``) that fits ``max_points``; "" if none does."""
    for phrase in _phrases(text):
        if len(phrase) <= max_chars and _text_points(phrase, fontsize) <= max_points:
            return phrase
    return ""


def _wrap_label(text: str, *, line_chars: int, max_lines: int) -> str:
    """The longest whole phrase of ``text`` that wraps into ``max_lines`` lines of ``line_chars``; "" if none."""
    import textwrap

    for phrase in _phrases(text):
        lines = textwrap.wrap(phrase, line_chars, break_long_words=False, break_on_hyphens=False)
        if lines and len(lines) <= max_lines and all(len(line) <= line_chars for line in lines):
            return "\n".join(lines)
    return ""


def _label_events(
    ax: Axes,
    frame: pd.DataFrame,
    *,
    rows_mode: bool,
    width: int,
    limits: tuple[float, float],
) -> None:
    """Write summaries beside events, inside the axes, without overlaps.

    With one row per event, a label goes right of its event, or where there
    is more room: left of it, or inside a span's bar (on a white ground), so
    that a span covering the whole window keeps its label; it is the longest
    whole phrase that fits (``_phrases``). With lanes per kind, a label is a
    whole phrase wrapped on up to three lines, above or below its lane, right
    or left of its event (of the part of a span inside the window), where it
    overlaps no other label (a label above a lane and one below the lane over
    it share that gap); labels that fit nowhere are left out.
    """
    lo, hi = limits
    fontsize = _BASE_FONT * (0.85 if rows_mode else 0.8)
    axes_points = ax.get_window_extent().width * 72.0 / ax.figure.dpi
    days_per_point = (hi - lo) / max(axes_points, 1.0)
    offset = 7.0  # points between an event and its label
    taken: dict[tuple[float, int], list[tuple[float, float]]] = {}
    # A label above one lane and a label below the lane over it share the gap between the two lanes.
    lanes = sorted(set(map(float, frame["_y"])), key=lambda v: float(ax.transData.transform((lo, v))[1]))
    gap_of = {(lane, side): float(i + (1 if side == 0 else 0)) for i, lane in enumerate(lanes) for side in (0, 1)}

    def free(key: tuple[float, int], start: float, stop: float) -> bool:
        if start < lo or stop > hi:
            return False
        return all(stop <= a or start >= b for a, b in taken.get(key, []))

    for _, row in frame.iterrows():
        text = str(row["_text"])
        if not text:
            continue
        # A span may reach beyond the window: its label goes by the part shown.
        start = max(float(row["_start"]), lo)
        end = min(float(row["_end"]), hi) if bool(row["_span"]) else start
        y = float(row["_y"])
        if rows_mode:
            rooms = {
                "right": (hi - end) / days_per_point - offset - 4.0,
                "left": (start - lo) / days_per_point - offset - 4.0,
            }
            if bool(row["_span"]):
                # Inside the bar, on a white ground: the only room left to
                # a span that covers the whole window.
                rooms["inside"] = (end - start) / days_per_point - 2 * offset
            full = (_phrases(text) or [""])[0]
            place = "right"
            if len(full) > width or _text_points(full, fontsize) > rooms["right"]:
                place = max(rooms, key=lambda p: rooms[p])
            label = _fit_label(
                text, max_chars=width, max_points=rooms[place], fontsize=fontsize
            )
            if not label:
                continue
            ax.annotate(
                label,
                xy=(end if place == "right" else start, y),
                xytext=(-offset if place == "left" else offset, 0.0),
                textcoords="offset points",
                ha="right" if place == "left" else "left",
                va="center",
                fontsize=fontsize,
                color="0.15",
                annotation_clip=False,
                parse_math=False,
                bbox=(
                    {
                        "boxstyle": "round,pad=0.2",
                        "facecolor": "white",
                        "edgecolor": "none",
                        "alpha": 0.85,
                    }
                    if place == "inside"
                    else None
                ),
            )
            continue
        label = _wrap_label(text, line_chars=min(width, 30), max_lines=3)
        if not label:
            continue
        length = (max(_text_points(line, fontsize) for line in label.split("\n")) + 10.0) * days_per_point
        for side in (0, 1):
            key = (gap_of[(y, side)], 0)
            if free(key, start, start + length):
                span, x, ha = (start, start + length), start, "left"
            elif free(key, end - length, end):
                span, x, ha = (end - length, end), end, "right"
            else:
                continue
            taken.setdefault(key, []).append(span)
            ax.annotate(
                label,
                xy=(x, y),
                xytext=(0.0, 9.0 if side == 0 else -9.0),
                textcoords="offset points",
                ha=ha,
                va="bottom" if side == 0 else "top",
                fontsize=fontsize,
                color="0.15",
                annotation_clip=False,
                parse_math=False,
            )
            break


# ---------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------


def plot_sources(
    casualties: pd.DataFrame,
    *,
    top: int = 20,
    title: str | None = None,
    source_note: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Axes:
    """Plot how many casualty reports each source gave.

    Horizontal bars of the number of reports per ``attributed_to`` (missing:
    "not attributed", hatched), largest first, each labelled with the sum of
    the best figures it reported. That sum is as reported: reports of one
    incident by one source, and running tolls, are not removed.

    Parameters
    ----------
    casualties : pandas.DataFrame
        The ``casualties`` table: ``attributed_to``, ``count_best``,
        ``article_id``.
    top : int, default 20
        Show at most this many sources; the note says how many were left out.
    title : str, optional
        Chart title.
    source_note : str, optional
        Text under the chart; by default the number of reports and articles.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    **kwargs
        Passed to :meth:`~matplotlib.axes.Axes.barh`.

    Returns
    -------
    matplotlib.axes.Axes
        The chart.

    Raises
    ------
    ValueError
        If ``top`` < 1.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    default_title = "Casualty reports by source"
    frame = pd.DataFrame() if casualties is None else casualties
    source = _labels(frame, "attributed_to", default="not attributed")
    n_sources = min(top, int(source.nunique()))
    with report_style():
        ax = _new_axes(ax, (8.0, max(2.6, 0.38 * n_sources + 1.6)))
        _style_axes(ax, grid="x")
        if frame.empty:
            return _no_data(
                ax,
                title=title or default_title,
                xlabel="reports (casualty figures)",
                ylabel="source",
                note=source_note,
            )
        best = _float(frame, "count_best")
        table = (
            pd.DataFrame({"source": source.to_numpy(), "best": best})
            .groupby("source", sort=False)
            .agg(reports=("best", "size"), best=("best", lambda s: s.sum(min_count=1)))
            .reset_index()
            .sort_values(["reports", "source"], ascending=[False, True], kind="stable")
        )
        shown = table.head(top).iloc[::-1]
        extra = ["bar labels: sum of best figures as reported, not deduplicated"]
        if len(table) > len(shown):
            extra.insert(0, f"top {len(shown)} of {len(table)} sources shown")
        note = source_note or _source_text(
            len(frame), articles=_articles_in(frame), extra=extra
        )
        ys = np.arange(len(shown), dtype="float64")
        counts = shown["reports"].to_numpy(dtype="float64")
        unattributed = (shown["source"] == _MISSING_LABELS["attributed_to"]).to_numpy(
            dtype=bool
        )
        color = group_styles(["first"])["first"].color
        options: dict[str, Any] = {
            "height": 0.65,
            "edgecolor": "white",
            "linewidth": 0.6,
        }
        options.update(kwargs)
        bars = ax.barh(
            ys,
            counts,
            color=[("0.65" if u else color) for u in unattributed],
            **options,
        )
        for bar, u in zip(bars, unattributed, strict=True):
            if u:
                bar.set_hatch("//")
        for y, n, total in zip(
            ys, counts, shown["best"].to_numpy(dtype="float64"), strict=True
        ):
            text = f"{total:,.0f} people" if np.isfinite(total) else "no figures"
            ax.annotate(
                text,
                xy=(n, y),
                xytext=(5.0, 0.0),
                textcoords="offset points",
                va="center",
                ha="left",
                fontsize=_BASE_FONT * 0.9,
                color="0.2",
            )
        ax.set_yticks(ys)
        ax.set_yticklabels(list(shown["source"]))
        ax.set_ylim(-0.6, len(shown) - 0.4)
        ax.set_xlim(0, float(counts.max()) * 1.3)
        _count_axis(ax.xaxis, nbins=5)
        ax.set_xlabel("reports (casualty figures)")
        ax.set_ylabel("source")
        ax.set_title(title or default_title)
        add_source_note(ax, note)
    return ax
