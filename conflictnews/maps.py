"""Maps: casualty incidents by place, and who holds each place on a date.

:func:`plot_map` keeps seaborn's contract like every ``plot_*`` function: a
table in, keyword-only options, ``ax=None`` in, the
:class:`~matplotlib.axes.Axes` out; it never saves or shows, and empty input
gives a "No data" chart. :func:`save_maps` draws the maps of a corpus and
writes them with :func:`conflictnews.export.save_figure` (for the report).

Places are drawn where the gazetteer puts them. A place known only to the
country ("Syria") is not a point on a map: it is left out and counted in the
note under the map; a district or province is drawn hollow (only the area is
known). When most places crowd into a small part of the map (the districts of
one city), an inset shows that part enlarged, with the labels that would not
fit on the whole map.

matplotlib is imported inside the functions, so that importing this module (and
the package) stays cheap.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

    from .cartography import Extent

__all__ = ["MAP_KINDS", "MapSpec", "SavedMap", "map_specs", "map_table", "plot_map", "save_maps"]

#: What :func:`plot_map` can draw.
MAP_KINDS: tuple[str, ...] = ("casualties", "control")

_MAX_AREA = 900.0  # points squared of the largest marker
_MIN_AREA = 16.0
_AREA_PRECISIONS = (3, 4, 5)  # drawn hollow: only the district or province is known
_UNMAPPED_PRECISIONS = (6, 7)  # country only, international waters: not a point on a map
_CONTROL_SIZE = 10.0  # marker size (points) on the control map
_LABEL_ZORDER = 8.0
_NO_PLACE = "place not stated"


# --------------------------------------------------------------------------
# Tables to draw
# --------------------------------------------------------------------------


def map_table(data: "pd.DataFrame", *, kind: str = "casualties", outcome: str | None = "killed", start: Any = None,
              end: Any = None, as_of: Any = None, since: Any = None) -> tuple["pd.DataFrame", dict[str, Any]]:
    """The rows a map draws, and what was left out.

    For ``kind="casualties"``: one row per place and victim group with
    ``best``, ``low`` and ``high`` summed over the incidents (after the
    counting rules), ``incidents``, ``reports``, ``articles`` (ids) and the
    place columns. For ``kind="control"``: the rows of
    :func:`conflictnews.aggregate.control_as_of` (one per place).

    Returns
    -------
    (DataFrame, dict)
        The rows with coordinates and a precision finer than a country, and a
        dict with ``total`` (rows before), ``unmapped`` (a Counter of places
        known only to the country, or without coordinates), ``undated`` and
        ``outside`` (incidents left out by the window), ``articles``,
        ``reports``, ``as_of`` and ``since``.
    """
    import pandas as pd

    _check_kind(kind)
    info: dict[str, Any] = {"total": 0, "unmapped": {}, "undated": 0, "outside": 0, "articles": 0, "reports": 0,
                            "as_of": None, "since": None}
    frame = pd.DataFrame() if data is None else data
    if kind == "control":
        from .aggregate import control_as_of

        places = control_as_of(frame, as_of, since=since)
        info["total"] = len(places)
        if len(places):
            info["as_of"] = pd.Timestamp(as_of) if as_of is not None else pd.Timestamp(places["last_claim"].max())
            info["since"] = pd.Timestamp(since) if since is not None else None
            info["reports"] = int(places["claims"].sum())
            if "article_id" in frame.columns:
                info["articles"] = int(frame["article_id"].nunique())
        mapped, info["unmapped"] = _mappable(places)
        return mapped.reset_index(drop=True), info
    found = _incidents(frame)
    if outcome is not None and "outcome" in found.columns:
        found = found[found["outcome"] == outcome]
    info["total"] = len(found)
    if len(found) and (start is not None or end is not None):
        when = pd.to_datetime(found["period_end"])
        keep = when.notna()
        info["undated"] = int((~keep).sum())
        if start is not None:
            keep &= when >= pd.Timestamp(start)
        if end is not None:
            keep &= pd.to_datetime(found["period_start"]) <= pd.Timestamp(end)
        info["outside"] = int((~keep).sum()) - info["undated"]
        found = found[keep]
    found = found[pd.to_numeric(found["best"], errors="coerce").fillna(0) > 0] if len(found) else found
    mapped, info["unmapped"] = _mappable(found, count="best")
    columns = ["place", "victim_group", "best", "low", "high", "incidents", "reports", "articles", "latitude",
               "longitude", "place_precision", "country"]
    if mapped.empty:
        return pd.DataFrame(columns=columns), info
    rows = []
    for (place, group), rows_of in mapped.groupby(["place", "victim_group"], dropna=False, sort=False):
        highs = list(rows_of["high"])
        articles = sorted({str(a) for ids in rows_of["articles"] for a in ids})
        rows.append({"place": place, "victim_group": group if isinstance(group, str) else "unknown",
                     "best": int(rows_of["best"].sum()), "low": int(rows_of["low"].fillna(0).sum()),
                     "high": None if any(_missing(h) for h in highs) else int(sum(int(h) for h in highs)),
                     "incidents": len(rows_of), "reports": int(rows_of["reports"].sum()), "articles": articles,
                     "latitude": float(rows_of["latitude"].iloc[0]), "longitude": float(rows_of["longitude"].iloc[0]),
                     "place_precision": rows_of["place_precision"].iloc[0], "country": rows_of["country"].iloc[0]})
    table = pd.DataFrame(rows, columns=columns)
    info["articles"] = len({a for ids in mapped["articles"] for a in ids})
    info["reports"] = int(mapped["reports"].sum())
    return table, info


def _check_kind(kind: str) -> None:
    if kind not in MAP_KINDS:
        raise ValueError(f"unknown map kind {kind!r}; supported: " + ", ".join(repr(k) for k in MAP_KINDS))


def _missing(value: Any) -> bool:
    import pandas as pd

    if isinstance(value, (list, tuple)):
        return False
    return value is None or bool(pd.isna(value))


def _incidents(frame: "pd.DataFrame") -> "pd.DataFrame":
    """Incidents with their places: from the casualties table (counting rules applied) or an incidents table."""
    import pandas as pd

    from .geography import locate
    from .layouts import located_incidents

    if frame.empty or "place" not in frame.columns:
        return pd.DataFrame(columns=["outcome", "place", "victim_group", "best", "low", "high", "reports",
                                     "articles", "period_start", "period_end", "latitude", "longitude",
                                     "place_precision", "country"])
    if "count_best" in frame.columns:
        return located_incidents(frame)
    if "best" not in frame.columns:
        return _incidents(pd.DataFrame())
    found = locate(frame)
    for column, default in (("reports", 1), ("low", None), ("high", None), ("victim_group", "unknown"),
                            ("period_start", None), ("period_end", None)):
        if column not in found.columns:
            found[column] = default
    if "articles" not in found.columns:
        found["articles"] = [[str(a)] for a in found["article_id"]] if "article_id" in found.columns else [
            [] for _ in range(len(found))]
    return found


def _mappable(frame: "pd.DataFrame", *, count: str | None = None) -> tuple["pd.DataFrame", dict[str, int]]:
    """Rows that can be points on a map, and the others counted by place."""
    import pandas as pd

    if frame.empty:
        return frame, {}
    precision = pd.to_numeric(frame["place_precision"], errors="coerce")
    placed = frame["latitude"].notna() & frame["longitude"].notna() & ~precision.isin(_UNMAPPED_PRECISIONS)
    unmapped: dict[str, int] = {}
    for row in frame[~placed].itertuples(index=False):
        name = row.place if isinstance(row.place, str) else _NO_PLACE
        unmapped[name] = unmapped.get(name, 0) + (int(getattr(row, count)) if count else 1)
    return frame[placed], unmapped


# --------------------------------------------------------------------------
# The map
# --------------------------------------------------------------------------


def plot_map(data: "pd.DataFrame", *, kind: str = "casualties", outcome: str | None = "killed", start: Any = None,
             end: Any = None, as_of: Any = None, since: Any = None, inset: bool = True, labels: bool = True,
             title: str | None = None, source_note: str | None = None, ax: Axes | None = None,
             **kwargs: Any) -> Axes:
    """Draw a map of casualty incidents or of territorial control.

    Parameters
    ----------
    data : pandas.DataFrame
        For ``kind="casualties"``: the ``casualties`` table (its incidents
        are counted by :func:`conflictnews.aggregate.incidents`, nothing
        twice) or a table of incidents (``place``, ``victim_group``,
        ``best``, optional ``low``, ``high``, ``latitude``, ``longitude``).
        For ``kind="control"``: the ``territory`` table or its control
        ledger (:func:`conflictnews.aggregate.territory_control`).
    kind : {"casualties", "control"}
        Casualties: one marker per place and victim group, its area
        proportional to the best count, an inner ring at the low count and
        an outer ring at the high count (a dotted ring: open upper bound);
        colour and shape by victim group. Control: one marker per place,
        colour and shape by holder on ``as_of``; a dashed ring marks a
        contested place, a thick black ring a place that changed hands since
        ``since``.
    outcome : str or None, default "killed"
        Casualties of this outcome only (None: all outcomes added up).
    start, end : date-like, optional
        Casualties: only incidents in this window (undated ones are then
        left out, and counted in the note).
    as_of, since : date-like, optional
        Control: the date of the map (default: the last claim) and the date
        to show changes since (default: none shown).
    inset : bool, default True
        Enlarge the part of the map where places crowd together.
    labels : bool, default True
        Label places (labels that find no room are left out).
    title, source_note : str, optional
        Chart title and the note under it (by default the counts, what is
        not shown and why, and the outlines' attribution).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when None.
    **kwargs
        Passed to the markers (:meth:`~matplotlib.axes.Axes.plot`).

    Returns
    -------
    matplotlib.axes.Axes
        The map (an inset, when drawn, is a child of it).
    """
    from .plots import _new_axes, _no_data, report_style

    _check_kind(kind)
    table, info = map_table(data, kind=kind, outcome=outcome, start=start, end=end, as_of=as_of, since=since)
    default_title = _default_title(kind, outcome, info)
    note = source_note or _note(kind, table, info)
    with report_style():
        if table.empty:
            ax = _new_axes(ax, (8.0, 5.5))
            return _no_data(ax, title=title or default_title, note=note)
        from .cartography import fit_extent

        extent = fit_extent(table["longitude"].tolist(), table["latitude"].tolist())
        places = _places(table, value="best") if kind == "casualties" else _places(
            table.assign(weight=table["claims"]), value="weight")
        layout = _layout(places, extent, inset=inset)
        if ax is None:
            ax = _new_axes(None, (min(11.5, max(7.0, 5.4 * layout.extent.shape + 3.4)), 6.2))
        if kind == "casualties":
            _draw_casualties(ax, table, places, layout, labels=labels, **kwargs)
        else:
            _draw_control(ax, table, places, layout, info, labels=labels, **kwargs)
        ax.set_title(title or default_title)
        ax.set_xlabel("")
        ax.set_ylabel("")
        from .plots import add_source_note

        add_source_note(ax, note)
    return ax


def _default_title(kind: str, outcome: str | None, info: dict[str, Any]) -> str:
    if kind == "control":
        if info.get("as_of") is not None:
            return f"Who holds each place, as of {_day(info['as_of'])}"
        return "Who holds each place"
    return f"People {outcome}, by place" if outcome else "Casualties, by place"


def _day(value: Any) -> str:
    import pandas as pd

    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%b %Y}"


def _note(kind: str, table: "pd.DataFrame", info: dict[str, Any]) -> str:
    from .cartography import OUTLINES_NOTE
    from .plots import _plural

    unmapped = info["unmapped"]
    if kind == "control":
        text = f"Source: {_plural(int(info['reports']), 'claim')} about {_plural(int(info['total']), 'place')}"
        if info["articles"]:
            text += f" in {_plural(int(info['articles']), 'article')}"
        parts = [text]
        wide = {name: n for name, n in unmapped.items() if name != _NO_PLACE}
        if wide:
            parts.append(f"{_plural(len(wide), 'place')} known only as a country or a wider area not shown "
                         f"({', '.join(sorted(wide))})")
        if _NO_PLACE in unmapped:
            parts.append(f"{_plural(unmapped[_NO_PLACE], 'claim')} without a place not shown")
    else:
        incidents = int(table["incidents"].sum()) if len(table) else 0
        text = (f"Source: {_plural(incidents, 'incident')} ({_plural(int(info['reports']), 'report')} in "
                f"{_plural(int(info['articles']), 'article')}), double counting removed")
        parts = [text]
        wide = {name: n for name, n in unmapped.items() if name != _NO_PLACE}
        if wide:
            where = ", ".join(f"{name} {count:,}" for name, count in sorted(wide.items()))
            parts.append(f"{sum(wide.values()):,} people located only to a country or a wider area not shown "
                         f"({where})")
        if unmapped.get(_NO_PLACE):
            parts.append(f"{unmapped[_NO_PLACE]:,} people without a place not shown")
        left_out = []
        if info["undated"]:
            left_out.append(f"{_plural(int(info['undated']), 'incident')} without a date")
        if info["outside"]:
            left_out.append(f"{_plural(int(info['outside']), 'incident')} outside the window")
        if left_out:
            parts.append(" and ".join(left_out) + " not shown")
    parts.extend([OUTLINES_NOTE, "conflictnews"])
    # One line: add_source_note wraps it at the width of the map (a note wrapped here at a fixed number of
    # characters was wrapped again on a narrower map, leaving a word alone on a line).
    return "; ".join(parts)


# --------------------------------------------------------------------------
# Casualties
# --------------------------------------------------------------------------


def _area(count: float, scale: float) -> float:
    return max(_MIN_AREA, count * scale)


def _radius(area: float) -> float:
    """Radius in points of a marker of ``area`` square points (``markersize`` is its diameter)."""
    return math.sqrt(area) / 2


def _draw_casualties(ax: Axes, table: "pd.DataFrame", places: list[_Place], layout: _Layout, *, labels: bool,
                     **kwargs: Any) -> None:
    from .plots import VICTIM_GROUPS, group_styles

    styles = group_styles(VICTIM_GROUPS)
    largest = float(max(table["best"].max(), table["high"].dropna().max() if table["high"].notna().any() else 0))
    scale = _MAX_AREA / max(largest, 1.0)

    def draw_place(target: Axes, rows: "pd.DataFrame") -> float:
        return _draw_place(target, rows, styles, scale, **kwargs)

    _draw_layers(ax, table, places, layout, draw_place, labels=labels)
    _casualty_legend(ax, table, styles, scale)


def _draw_layers(ax: Axes, table: "pd.DataFrame", places: list[_Place], layout: _Layout, draw_place: Any, *,
                 labels: bool) -> None:
    """Outlines, places, labels and scale bar of a map, and of its inset when places crowd together."""
    from .cartography import add_label_placer, add_scale_bar, draw_countries, set_map_axes

    def draw(target: Axes, target_extent: Extent, shown: set[str] | None, ticks: bool,
             blocked: list[tuple[float, float, float, float]], corner: str) -> None:
        set_map_axes(target, target_extent, ticks=ticks)
        countries = draw_countries(target, target_extent, labels=True)
        obstacles, anchors = [], []
        for place in places:
            radius = draw_place(target, table[table["place"] == place.name])
            obstacles.append((place.lon, place.lat, radius))
            if shown is None or place.name in shown:
                anchors.append((place, radius))
        blocked = [*blocked, add_scale_bar(target, target_extent, corner=corner)]
        if labels:
            annotations = [_annotation(target, p.name, p.lon, p.lat) for p, _ in anchors]
            add_label_placer(target, annotations, [r for _, r in anchors], obstacles, countries, blocked)

    cluster, bounds = layout.cluster, layout.inset
    if cluster is None or bounds is None:
        draw(ax, layout.extent, None, True, [], _scale_corner(places, layout.extent))
        return
    outside = {p.name for p in places} - cluster.names
    x0, y0, width, height = bounds
    corner = _scale_corner(places, layout.extent, taken=(x0, y0, x0 + width, y0 + height))
    draw(ax, layout.extent, outside, True, [(x0 - 0.01, y0 - 0.01, x0 + width + 0.01, y0 + height + 0.01)], corner)
    child = ax.inset_axes(bounds, zorder=_LABEL_ZORDER + 1)
    zoom = cluster.extent
    draw(child, zoom, None, False, [], "lower left")
    child.set_xlim(zoom.west, zoom.east)
    child.set_ylim(zoom.south, zoom.north)
    indicator = ax.indicate_inset_zoom(child, edgecolor="0.2", linewidth=0.9, alpha=0.9)
    indicator.set_gid("conflictnews-inset-frame")
    # matplotlib picks the two connecting lines before the layout is known; pick them from the layout instead,
    # by its own rule (inset corners lower left, upper left, lower right, upper right).
    main = layout.extent
    rect_x0 = (zoom.west - main.west) / (main.east - main.west)
    rect_x1 = (zoom.east - main.west) / (main.east - main.west)
    rect_y0 = (zoom.south - main.south) / (main.north - main.south)
    rect_y1 = (zoom.north - main.south) / (main.north - main.south)
    a, b = rect_x0 < x0, rect_x1 < x0 + width
    c, d = rect_y0 < y0, rect_y1 < y0 + height
    for connector, visible in zip(indicator.connectors or (), (a ^ c, a == d, b == c, b ^ d)):
        connector.set_visible(visible)
    child.set_gid("conflictnews-inset")


@dataclass
class _Layout:
    extent: Extent
    cluster: _Cluster | None
    inset: tuple[float, float, float, float] | None  # x0, y0, width, height in the map's axes fraction


def _layout(places: list[_Place], extent: Extent, *, inset: bool) -> _Layout:
    """The map's extent and, when places crowd together, the inset and the corner it takes.

    The inset goes in the corner of the map that covers no place; when every
    corner covers one, the map is widened (or heightened) on the side that
    needs the least to free a corner.
    """
    from .cartography import Extent as _Extent

    cluster = _cluster(places, extent) if inset else None
    if cluster is None:
        return _Layout(extent, None, None)
    centre = _Place("", sum(p.lon for p in cluster.members) / len(cluster.members),
                    sum(p.lat for p in cluster.members) / len(cluster.members), 0.0)
    area = (extent.east - extent.west) * (extent.north - extent.south)
    best: tuple[float, Extent, tuple[float, float, float, float]] | None = None
    for wanted in (0.5, 0.42, 0.36):
        for corner in ("upper right", "lower right", "upper left", "lower left"):
            tries = [extent]
            box = _inset_box(extent, cluster, wanted, corner)
            if _covered(places, extent, box):
                tries = _grow(places, extent, box, corner)
            for option in tries:
                box = _inset_box(option, cluster, wanted, corner)
                if _covered(places, option, box):
                    continue
                growth = (option.east - option.west) * (option.north - option.south) / area - 1.0
                x, y = _fraction(centre, option)
                distance = math.hypot((box[0] + box[2]) / 2 - x, (box[1] + box[3]) / 2 - y)
                # A larger inset, a map grown little, an inset near the places it enlarges.
                score = growth + 0.8 * distance + 1.5 * (0.5 - wanted)
                if best is None or score < best[0]:
                    best = (score, option, box)
    if best is None:
        return _Layout(extent, None, None)
    _, chosen, (x0, y0, x1, y1) = best
    return _Layout(chosen, cluster, (x0, y0, x1 - x0, y1 - y0))


def _inset_box(extent: Extent, cluster: _Cluster, wanted: float, corner: str) -> tuple[float, float, float, float]:
    """The inset's box in a corner of the map (axes fraction), about ``wanted`` wide, shaped like its extent."""
    height = min(0.62, wanted * extent.shape / cluster.extent.shape)
    width = min(wanted, height * cluster.extent.shape / extent.shape)
    return _corners(width, height)[corner]


def _scale_corner(places: list[_Place], extent: Extent, *,
                  taken: tuple[float, float, float, float] | None = None) -> str:
    """The lower corner of the map for the scale bar: the one with fewer places, not taken by the inset."""
    boxes = {"lower left": (0.0, 0.0, 0.27, 0.11), "lower right": (0.73, 0.0, 1.0, 0.11),
             "lower center": (0.36, 0.0, 0.64, 0.11), "upper left": (0.0, 0.82, 0.27, 0.96),
             "upper right": (0.73, 0.82, 1.0, 0.96), "upper center": (0.36, 0.82, 0.64, 0.96)}

    def clash(box: tuple[float, float, float, float]) -> bool:
        return taken is not None and not (box[2] <= taken[0] or taken[2] <= box[0] or box[3] <= taken[1]
                                          or taken[3] <= box[1])

    return min(boxes, key=lambda name: (clash(boxes[name]), _covered(places, extent, boxes[name]),
                                        list(boxes).index(name)))


def _corners(width: float, height: float) -> dict[str, tuple[float, float, float, float]]:
    margin = 0.015
    return {"upper right": (1 - margin - width, 1 - margin - height, 1 - margin, 1 - margin),
            "lower right": (1 - margin - width, margin, 1 - margin, margin + height),
            "upper left": (margin, 1 - margin - height, margin + width, 1 - margin),
            "lower left": (margin, margin, margin + width, margin + height)}


def _fraction(place: _Place, extent: Extent) -> tuple[float, float]:
    return ((place.lon - extent.west) / (extent.east - extent.west),
            (place.lat - extent.south) / (extent.north - extent.south))


def _covered(places: list[_Place], extent: Extent, box: tuple[float, float, float, float]) -> int:
    pad = 0.03
    count = 0
    for place in places:
        x, y = _fraction(place, extent)
        count += int(box[0] - pad <= x <= box[2] + pad and box[1] - pad <= y <= box[3] + pad)
    return count


def _grow(places: list[_Place], extent: Extent, box: tuple[float, float, float, float], corner: str) -> list[Extent]:
    """Extents that free a corner: widened towards it, or heightened towards it."""
    from .cartography import Extent as _Extent

    pad = 0.05
    west, east, south, north = extent.west, extent.east, extent.south, extent.north
    span_x, span_y = east - west, north - south
    x0, y0, x1, y1 = box
    in_band_y = [p for p in places if y0 - pad <= _fraction(p, extent)[1] <= y1 + pad]
    in_band_x = [p for p in places if x0 - pad <= _fraction(p, extent)[0] <= x1 + pad]
    grown = []
    if "right" in corner and in_band_y:
        # every place of the corner's rows must end left of the inset: lon - west <= (1 - width - pad) * span
        limit = max(p.lon for p in in_band_y)
        new_east = west + (limit - west) / max(x0 - pad, 0.2)
        grown.append(_Extent(west, max(east, new_east), south, north))
    if "left" in corner and in_band_y:
        limit = min(p.lon for p in in_band_y)
        new_west = east - (east - limit) / max(1 - x1 - pad, 0.2)
        grown.append(_Extent(min(west, new_west), east, south, north))
    if "upper" in corner and in_band_x:
        limit = max(p.lat for p in in_band_x)
        new_north = south + (limit - south) / max(y0 - pad, 0.2)
        grown.append(_Extent(west, east, south, min(max(north, new_north), 89.0)))
    if "lower" in corner and in_band_x:
        limit = min(p.lat for p in in_band_x)
        new_south = north - (north - limit) / max(1 - y1 - pad, 0.2)
        grown.append(_Extent(west, east, max(min(south, new_south), -89.0), north))
    return [g for g in grown if g != extent and span_x > 0 and span_y > 0]


@dataclass
class _Place:
    name: str
    lon: float
    lat: float
    weight: float


@dataclass
class _Cluster:
    names: set[str]
    extent: Extent
    members: list[_Place] = field(default_factory=list)


def _places(table: "pd.DataFrame", *, value: str | None) -> list[_Place]:
    """One entry per place, heaviest first (labels are placed in this order)."""
    places = []
    for place, rows in table.groupby("place", sort=False):
        weight = float(rows[value].sum()) if value else float(len(rows))
        places.append(_Place(str(place), float(rows["longitude"].iloc[0]), float(rows["latitude"].iloc[0]), weight))
    return sorted(places, key=lambda p: (-p.weight, p.name.casefold()))


def _cluster(places: Sequence[_Place], extent: Extent) -> _Cluster | None:
    """The largest group of places too close together to read on the whole map (three or more), if any."""
    from .cartography import fit_extent

    if len(places) < 4 or len(places) > 500:
        return None
    width = extent.east - extent.west
    height = extent.north - extent.south
    near = 0.05 * max(width, height * extent.aspect)
    parent = list(range(len(places)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(places):
        for j in range(i + 1, len(places)):
            b = places[j]
            if abs(a.lon - b.lon) <= near and abs(a.lat - b.lat) * extent.aspect <= near:
                parent[root(i)] = root(j)
    groups: dict[int, list[_Place]] = {}
    for i, place in enumerate(places):
        groups.setdefault(root(i), []).append(place)
    biggest = max(groups.values(), key=lambda g: (len(g), sum(p.weight for p in g)))
    if len(biggest) < 3 or len(biggest) == len(places):
        return None
    lons = [p.lon for p in biggest]
    lats = [p.lat for p in biggest]
    if max(lons) - min(lons) > 0.2 * width or max(lats) - min(lats) > 0.2 * height:
        return None
    zoom = fit_extent(lons, lats, margin=0.3, min_span=0.06, min_shape=0.9, max_shape=1.6)
    return _Cluster(names={p.name for p in biggest}, extent=zoom, members=biggest)


def _offsets(count: int, radius: float) -> list[tuple[float, float]]:
    """Where the markers of several victim groups of one place sit around it, in points."""
    if count <= 1:
        return [(0.0, 0.0)]
    return [(radius * math.cos(math.pi / 2 + 2 * math.pi * k / count),
             radius * math.sin(math.pi / 2 + 2 * math.pi * k / count)) for k in range(count)]


def _draw_place(ax: Axes, rows: "pd.DataFrame", styles: dict[str, Any], scale: float, **kwargs: Any) -> float:
    """The markers of one place, one per victim group; returns the radius (points) they cover."""
    from matplotlib.transforms import ScaledTranslation

    from .plots import VICTIM_GROUPS

    order = {g: i for i, g in enumerate(VICTIM_GROUPS)}
    rows = rows.sort_values("victim_group", key=lambda s: s.map(lambda g: order.get(g, 99)))
    radii = sorted((_radius(_area(float(r), scale)) for r in rows["best"]), reverse=True)
    # Markers of one place sit around it, as far apart as the smaller ones need, the larger ones underneath.
    spread = 0.0 if len(rows) == 1 else min(radii[1] * 0.9 + 2.0, 12.0)
    layer = {index: rank for rank, index in enumerate(rows.sort_values("best", ascending=False).index)}
    covered = 0.0
    figure = ax.get_figure()
    assert figure is not None
    hollow = _precision(rows) in _AREA_PRECISIONS
    row: Any
    for (dx, dy), (index, row) in zip(_offsets(len(rows), spread), zip(rows.index, rows.itertuples(index=False))):
        lift = 0.01 * layer[index]
        style = styles.get(str(row.victim_group), styles["unknown"])
        where = ax.transData + ScaledTranslation(dx / 72, dy / 72, figure.dpi_scale_trans)
        best_area = _area(float(row.best), scale)
        size = math.sqrt(best_area)
        options: dict[str, Any] = {
            "marker": style.marker, "markersize": size, "linestyle": "none", "color": style.color,
            "markerfacecolor": "none" if hollow else (*style.color, 0.78), "markeredgecolor": style.color,
            "markeredgewidth": 1.6 if hollow else 0.8, "zorder": 4 + lift, "transform": where,
        }
        options.update(kwargs)
        ax.plot([row.longitude], [row.latitude], **options)
        outer = size
        if not _missing(row.high) and int(row.high) > int(row.best):
            outer = math.sqrt(_area(float(row.high), scale))
            _ring(ax, row.longitude, row.latitude, marker=style.marker, size=outer, color=style.color,
                  transform=where, zorder=3.9 + lift)
        elif _missing(row.high):
            outer = size + 7
            _ring(ax, row.longitude, row.latitude, marker=style.marker, size=outer, color=style.color,
                  transform=where, linestyle=_OPEN_RING, zorder=3.9 + lift)
        if not _missing(row.low) and 0 < int(row.low) < int(row.best):
            inner = math.sqrt(_area(float(row.low), scale))
            _ring(ax, row.longitude, row.latitude, marker=style.marker, size=inner, color="white",
                  transform=where, zorder=4.005 + lift)
        covered = max(covered, math.hypot(dx, dy) + outer / 2)
    return covered


_OPEN_RING = (0, (1.0, 1.6))
_CONTESTED_RING = (0, (3.0, 2.0))


def _ring(ax: Axes, lon: float, lat: float, *, marker: str, size: float, color: Any, transform: Any = None,
          linestyle: Any = "solid", linewidth: float = 0.9, zorder: float = 3.9) -> Any:
    """A ring (an unfilled marker of ``size`` points across) whose edge can be dotted or dashed."""
    options: dict[str, Any] = {"s": size**2, "marker": marker, "facecolors": "none", "edgecolors": [color],
                               "linewidths": linewidth, "linestyles": linestyle, "zorder": zorder}
    if transform is not None:
        options["transform"] = transform
    return ax.scatter([lon], [lat], **options)


def _ring_handle(ax: Axes, *, size: float, linestyle: Any = "solid", linewidth: float = 0.9,
                 color: Any = "0.35", marker: str = "o") -> Any:
    """A legend handle for a ring (a scatter that is not left on the axes)."""
    handle = ax.scatter([], [], s=size**2, marker=marker, facecolors="none", edgecolors=[color],
                        linewidths=linewidth, linestyles=linestyle)
    handle.remove()
    return handle


def _precision(rows: "pd.DataFrame") -> int | None:
    value: Any = rows["place_precision"].iloc[0] if "place_precision" in rows.columns and len(rows) else None
    return None if _missing(value) else int(value)


def _annotation(ax: Axes, text: str, lon: float, lat: float) -> Any:
    from matplotlib.patheffects import withStroke

    label = ax.annotate(text, xy=(lon, lat), xytext=(6, 0), textcoords="offset points", fontsize=8.5,
                        color="0.1", zorder=_LABEL_ZORDER, annotation_clip=False,
                        path_effects=[withStroke(linewidth=2.6, foreground="white")],
                        arrowprops={"arrowstyle": "-", "color": "0.35", "linewidth": 0.6, "shrinkA": 0,
                                    "shrinkB": 0})
    if label.arrow_patch is not None:
        label.arrow_patch.set_visible(False)
    label.set_gid("conflictnews-place-label")
    label.set_in_layout(False)  # always inside the map: the placer sees to it
    return label


def _nice(value: float) -> int:
    """A round number (1, 2 or 5 times a power of ten) near ``value``, not above it."""
    if value < 1:
        return 1
    power = 10 ** int(math.floor(math.log10(value)))
    return int(max(step * power for step in (1, 2, 5) if step * power <= value))


def _casualty_legend(ax: Axes, table: "pd.DataFrame", styles: dict[str, Any], scale: float) -> None:
    from matplotlib.lines import Line2D

    from .plots import VICTIM_GROUPS, _display, _legend_heading, _legend_outside

    handles: list[Artist] = [_legend_heading()]
    labels = ["victims"]
    present = [g for g in VICTIM_GROUPS if g in set(table["victim_group"])]
    for group in present:
        style = styles[group]
        handles.append(Line2D([], [], marker=style.marker, markersize=9, linestyle="none", color=style.color,
                              markerfacecolor=(*style.color, 0.78), markeredgecolor=style.color))
        labels.append(_display(group, "victim_group"))
    handles.append(_legend_heading())
    labels.append("people (best count)")
    largest = float(table["best"].max())
    sizes = sorted({_nice(largest), _nice(largest / 10)} - {0}, reverse=True)
    for count in sizes:
        handles.append(Line2D([], [], marker="o", markersize=math.sqrt(_area(count, scale)), linestyle="none",
                              markerfacecolor="0.75", markeredgecolor="0.35"))
        labels.append(f"{count:,}")
    handles.append(_legend_heading())
    labels.append("range")
    handles.append(_ring_handle(ax, size=13))
    labels.append("outer ring: high count")
    handles.append(_ring_handle(ax, size=13, linestyle=_OPEN_RING))
    labels.append("dotted ring: open (at least)")
    if bool((table["low"] < table["best"]).any()):
        handles.append(Line2D([], [], marker="o", markersize=13, linestyle="none", markerfacecolor="0.6",
                              markeredgecolor="white", markeredgewidth=0.9))
        labels.append("inner ring: low count")
    if table["place_precision"].isin(_AREA_PRECISIONS).any():
        handles.append(Line2D([], [], marker="o", markersize=9, linestyle="none", markerfacecolor="none",
                              markeredgecolor="0.35", markeredgewidth=1.6))
        labels.append("hollow: only the area known")
    _legend_outside(ax, handles, labels)
    _bold_headings(ax, {"victims", "people (best count)", "range"})
    legend = ax.get_legend()
    if legend is not None:
        legend.set_zorder(9)


def _bold_headings(ax: Axes, headings: set[str]) -> None:
    legend = ax.get_legend()
    if legend is None:
        return
    for text in legend.get_texts():
        if text.get_text() in headings:
            text.set_fontweight("bold")


# --------------------------------------------------------------------------
# Territorial control
# --------------------------------------------------------------------------


def _draw_control(ax: Axes, table: "pd.DataFrame", places: list[_Place], layout: _Layout, info: dict[str, Any], *,
                  labels: bool, **kwargs: Any) -> None:
    from .plots import group_styles

    holders = sorted({h for h in table["holder"] if isinstance(h, str)}, key=str.casefold)
    styles = group_styles(holders)

    def draw_place(target: Axes, rows: "pd.DataFrame") -> float:
        return _draw_holder(target, next(rows.itertuples(index=False)), styles, **kwargs)

    _draw_layers(ax, table, places, layout, draw_place, labels=labels)
    _control_legend(ax, table, styles, info)


def _draw_holder(ax: Axes, row: Any, styles: dict[str, Any], **kwargs: Any) -> float:
    """One place on the control map; returns the radius (points) it covers."""
    holder = row.holder if isinstance(row.holder, str) else None
    hollow = not _missing(row.place_precision) and int(row.place_precision) in _AREA_PRECISIONS
    if holder is None:
        options: dict[str, Any] = {"marker": "o", "color": "0.45", "markerfacecolor": "white",
                                   "markeredgecolor": "0.45"}
    else:
        style = styles[holder]
        options = {"marker": style.marker, "color": style.color,
                   "markerfacecolor": "white" if hollow else style.color, "markeredgecolor": style.color}
    options.update({"markersize": _CONTROL_SIZE, "linestyle": "none", "markeredgewidth": 1.8 if hollow else 0.8,
                    "zorder": 4})
    options.update(kwargs)
    ax.plot([row.longitude], [row.latitude], **options)
    radius = _CONTROL_SIZE / 2
    if bool(row.contested):
        _ring(ax, row.longitude, row.latitude, marker="o", size=_CONTROL_SIZE + 9, color="0.15",
              linestyle=_CONTESTED_RING, linewidth=1.1)
        radius = (_CONTROL_SIZE + 9) / 2
    if bool(row.changed):
        _ring(ax, row.longitude, row.latitude, marker="o", size=_CONTROL_SIZE + 16, color="black", linewidth=2.2,
              zorder=3.8)
        radius = (_CONTROL_SIZE + 16) / 2
    return radius + 1


def _control_legend(ax: Axes, table: "pd.DataFrame", styles: dict[str, Any], info: dict[str, Any]) -> None:
    from matplotlib.lines import Line2D

    from .plots import _legend_heading, _legend_outside

    handles: list[Artist] = [_legend_heading()]
    labels = ["held by"]
    for holder, style in styles.items():
        handles.append(Line2D([], [], marker=style.marker, markersize=9, linestyle="none", color=style.color,
                              markeredgecolor=style.color))
        labels.append(holder)
    if table["holder"].isna().any():
        handles.append(Line2D([], [], marker="o", markersize=9, linestyle="none", markerfacecolor="white",
                              markeredgecolor="0.45"))
        labels.append("holder not stated, or accounts disagree")
    marks: list[tuple[Artist, str]] = []
    if table["contested"].any():
        marks.append((_ring_handle(ax, size=15, linestyle=_CONTESTED_RING, linewidth=1.1, color="0.15"),
                      "contested (fighting, siege or conflicting accounts)"))
    if info.get("since") is not None and bool(table["changed"].any()):
        marks.append((_ring_handle(ax, size=17, linewidth=2.2, color="black"),
                      f"changed hands since {_day(info['since'])}"))
    if table["place_precision"].isin(_AREA_PRECISIONS).any():
        marks.append((Line2D([], [], marker="s", markersize=9, linestyle="none", markerfacecolor="white",
                             markeredgecolor="0.35", markeredgewidth=1.8), "hollow: an area (district, province)"))
    if marks:
        handles.append(_legend_heading())
        labels.append("marks")
        for handle, text in marks:
            handles.append(handle)
            labels.append(text)
    _legend_outside(ax, handles, labels)
    _bold_headings(ax, {"held by", "marks"})
    legend = ax.get_legend()
    if legend is not None:
        legend.set_zorder(9)


# --------------------------------------------------------------------------
# For the report
# --------------------------------------------------------------------------


class MapSpec(NamedTuple):
    """One map of the report, not yet drawn: file name, heading, drawing function and caption."""

    name: str
    title: str
    draw: Callable[[], Axes]
    caption: str


@dataclass
class SavedMap:
    """One map written to disk: its name, heading, caption, files and whether it had nothing to show."""

    name: str
    title: str
    caption: str
    files: list[Path]
    empty: bool


def map_specs(casualties: "pd.DataFrame", territory: "pd.DataFrame", *, since_days: int = 30) -> list[MapSpec]:
    """The maps of a corpus, to draw: ``casualties_map`` (people killed, by place) and ``control_map``.

    Nothing is drawn until a spec's ``draw`` is called (it returns the map's
    Axes, as :func:`plot_map` does): the report draws each with its other
    charts, :func:`save_maps` draws and writes them. The control map is as of
    the last claim, with changes in the ``since_days`` before it marked.

    Parameters
    ----------
    casualties : pandas.DataFrame
        The ``casualties`` table, or its located incidents
        (:func:`conflictnews.layouts.located_incidents`, the same map without
        applying the counting rules again).
    territory : pandas.DataFrame
        The ``territory`` table or its control ledger.
    since_days : int, default 30
        Days before the last claim in which a change of hands is marked.

    Returns
    -------
    list of MapSpec
        One per map, in the order of the page.
    """
    import pandas as pd

    last = None
    if territory is not None and len(territory) and "place" in territory.columns:
        from .aggregate import as_ledger

        dates = pd.to_datetime(as_ledger(territory)["date"])
        last = dates.max() if dates.notna().any() else None
    since = None if last is None else (pd.Timestamp(last).normalize() - pd.Timedelta(days=since_days))
    return [
        MapSpec("casualties_map", "People killed, by place",
                lambda: plot_map(casualties, kind="casualties", outcome="killed"),
                "Incidents of people killed, after the counting rules (nothing counted twice), added up per place "
                "and victim group: the area of a marker is the best count, the rings the low and high counts. "
                "Places known only as a country are not drawn; the note under the map counts them."),
        MapSpec("control_map", "Who holds each place",
                lambda: plot_map(territory, kind="control", since=since),
                "Who held each place on the date of the last claim, by the last claims about it; a dashed ring marks "
                "a contested place (fighting, a siege, or accounts that disagree), a thick ring a place that changed "
                f"hands in the {since_days} days before."),
    ]


def save_maps(casualties: "pd.DataFrame", territory: "pd.DataFrame", out_dir: str | os.PathLike[str], *,
              formats: Sequence[str] = ("png", "svg", "pdf"), since_days: int = 30) -> list[SavedMap]:
    """Draw the maps of a corpus and write them (``casualties_map`` and ``control_map``, PNG, SVG and PDF).

    Each map of :func:`map_specs` is drawn, written with
    :func:`conflictnews.export.save_figure` into ``out_dir`` and closed. The
    control map is as of the last claim, with changes in the ``since_days``
    before it marked.

    Returns
    -------
    list of SavedMap
        One per map, in the order of the page.
    """
    import matplotlib.pyplot as plt

    from .export import save_figure
    from .plots import NO_DATA

    folder = Path(out_dir)
    saved = []
    for name, heading, draw, caption in map_specs(casualties, territory, since_days=since_days):
        ax = draw()
        figure = ax.get_figure()
        empty = any(text.get_text() == NO_DATA for text in ax.texts)
        try:
            files = save_figure(ax, folder / name, formats=formats)
        finally:
            if figure is not None:
                plt.close(figure)  # type: ignore[arg-type]
        saved.append(SavedMap(name=name, title=heading, caption=caption, files=files, empty=empty))
    return saved
