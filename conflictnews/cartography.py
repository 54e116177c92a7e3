"""Map drawing with matplotlib alone: country outlines, extents, labels that do not collide, scale bars.

The outlines are Natural Earth's countries at 1:50m, shipped with the package
(``data/natural_earth_countries_50m.geojson.gz``, public domain; see
``data/README.md``), so maps work offline. Longitude and latitude are drawn as
x and y with the aspect of an equirectangular projection at the map's middle
latitude (a degree of longitude is ``cos(latitude)`` of a degree of latitude),
which keeps shapes and distances true enough at the scale of one conflict.

Labels are placed when the map is drawn, in display space: each label tries
eight positions around its point (then eight further out, with a leader line)
and takes the first that stays inside the map and clear of the labels already
placed and of the other points; a label that finds no room is not drawn. So
labels never collide, whatever the size the map is drawn or saved at.

matplotlib and numpy are imported inside the functions.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.text import Annotation, Text
    from matplotlib.transforms import Bbox

__all__ = [
    "OUTLINES_FILE",
    "OUTLINES_NOTE",
    "Extent",
    "add_label_placer",
    "add_scale_bar",
    "country_outlines",
    "draw_countries",
    "fit_extent",
    "set_map_axes",
]

#: The shipped outlines, inside the package.
OUTLINES_FILE = "data/natural_earth_countries_50m.geojson.gz"

#: Attribution written under every map.
OUTLINES_NOTE = "outlines: Natural Earth"

LAND = "#f4f3ef"
SEA = "#e3edf3"
BORDER = "0.62"
COUNTRY_LABEL = "0.55"


@dataclass(frozen=True)
class Country:
    """One country's outline: rings of (longitude, latitude) points and their bounds."""

    name: str
    rings: tuple[Any, ...]  # numpy arrays of shape (n, 2), exterior rings and holes
    bounds: tuple[float, float, float, float]  # west, south, east, north
    largest: Any  # the largest exterior ring (for the label)


@functools.cache
def country_outlines() -> tuple[Country, ...]:
    """Natural Earth's countries at 1:50m, read once from the package data."""
    import numpy as np

    with resources.files("conflictnews").joinpath(OUTLINES_FILE).open("rb") as raw:
        collection = json.loads(gzip.decompress(raw.read()))
    countries = []
    for feature in collection["features"]:
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings = []
        largest, largest_area = None, -1.0
        for polygon in polygons:
            for number, ring in enumerate(polygon):
                points = np.asarray(ring, dtype="float64")
                if points.ndim != 2 or len(points) < 3:
                    continue
                rings.append(points)
                if number == 0:
                    x, y = points[:, 0], points[:, 1]
                    area = abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))) / 2
                    if area > largest_area:
                        largest, largest_area = points, area
        if not rings:
            continue
        stacked = np.vstack(rings)
        bounds = (float(stacked[:, 0].min()), float(stacked[:, 1].min()),
                  float(stacked[:, 0].max()), float(stacked[:, 1].max()))
        countries.append(Country(name=str((feature.get("properties") or {}).get("name", "")), rings=tuple(rings),
                                 bounds=bounds, largest=largest))
    return tuple(countries)


@dataclass(frozen=True)
class Extent:
    """A map's window in degrees: west, east, south, north."""

    west: float
    east: float
    south: float
    north: float

    @property
    def aspect(self) -> float:
        """Data units of y per unit of x for an equirectangular map at the middle latitude."""
        middle = math.radians((self.south + self.north) / 2)
        return 1.0 / max(math.cos(middle), 0.05)

    @property
    def shape(self) -> float:
        """Width over height of the map as drawn."""
        return (self.east - self.west) / ((self.north - self.south) * self.aspect)

    def contains(self, lon: float, lat: float) -> bool:
        """Whether a point lies inside."""
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def width_km(self) -> float:
        """Width at the middle latitude, in kilometres."""
        middle = math.radians((self.south + self.north) / 2)
        return (self.east - self.west) * 111.32 * math.cos(middle)


def fit_extent(lons: Sequence[float], lats: Sequence[float], *, margin: float = 0.12, min_span: float = 0.6,
               min_shape: float = 1.0, max_shape: float = 1.9) -> Extent:
    """The window around points: their bounds, a margin, at least ``min_span`` degrees, a readable shape.

    ``margin`` is a share of the span added on each side; ``min_shape`` and
    ``max_shape`` bound width over height (as drawn): a row of points along a
    parallel still gets some north and south around it.

    >>> e = fit_extent([36.29, 36.31], [33.46, 33.51])
    >>> round(e.east - e.west, 2) >= 0.6
    True
    """
    west, east = float(min(lons)), float(max(lons))
    south, north = float(min(lats)), float(max(lats))
    width = max(east - west, 1e-9)
    height = max(north - south, 1e-9)
    pad_x = max(width * margin, (min_span - width) / 2, 0.0)
    pad_y = max(height * margin, (min_span - height) / 2, 0.0)
    extent = Extent(west - pad_x, east + pad_x, max(south - pad_y, -89.0), min(north + pad_y, 89.0))
    shape = extent.shape
    if shape < min_shape:
        grow = ((extent.north - extent.south) * extent.aspect * min_shape - (extent.east - extent.west)) / 2
        extent = Extent(extent.west - grow, extent.east + grow, extent.south, extent.north)
    elif shape > max_shape:
        grow = ((extent.east - extent.west) / max_shape / extent.aspect - (extent.north - extent.south)) / 2
        extent = Extent(extent.west, extent.east, max(extent.south - grow, -89.0), min(extent.north + grow, 89.0))
    return extent


def set_map_axes(ax: Axes, extent: Extent, *, ticks: bool = True) -> None:
    """Limits, aspect, sea colour and degree ticks of a map."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_xlim(extent.west, extent.east)
    ax.set_ylim(extent.south, extent.north)
    ax.set_aspect(extent.aspect, adjustable="box")
    ax.set_facecolor(SEA)
    ax.grid(False)
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(True)
        ax.spines[side].set_color("0.55")
        ax.spines[side].set_linewidth(0.8)
    if not ticks:
        ax.set_xticks([])
        ax.set_yticks([])
        return
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _degrees(v, "E", "W")))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: _degrees(v, "N", "S")))
    ax.tick_params(labelsize=8.5, colors="0.35", length=3)


def _degrees(value: float, positive: str, negative: str) -> str:
    """``36.5°E``; whole degrees without decimals.

    >>> _degrees(36.5, "E", "W"), _degrees(-3.0, "N", "S"), _degrees(0.0, "E", "W")
    ('36.5°E', '3°S', '0°')
    """
    text = f"{abs(value):.2f}".rstrip("0").rstrip(".")
    if text == "0":
        return "0°"
    return f"{text}°{positive if value > 0 else negative}"


def draw_countries(ax: Axes, extent: Extent, *, labels: bool = True) -> list[Text]:
    """Land and borders of the countries in view, and their names (returned, for the label placer)."""
    import numpy as np
    from matplotlib.collections import PolyCollection
    from matplotlib.path import Path

    span_x = extent.east - extent.west
    span_y = extent.north - extent.south
    view = (extent.west - 0.05 * span_x, extent.south - 0.05 * span_y, extent.east + 0.05 * span_x,
            extent.north + 0.05 * span_y)
    tolerance = max(span_x, span_y) / 1500  # a vertex closer than this to the last one kept adds nothing
    rings: list[Any] = []
    names: list[Text] = []
    for country in country_outlines():
        west, south, east, north = country.bounds
        if east < view[0] or west > view[2] or north < view[1] or south > view[3]:
            continue
        for ring in country.rings:
            clipped = _clip(ring, view)
            if len(clipped) >= 3:
                rings.append(_thin(clipped, tolerance))
        if not labels:
            continue
        points = country.largest
        inside = points[(points[:, 0] >= extent.west) & (points[:, 0] <= extent.east)
                        & (points[:, 1] >= extent.south) & (points[:, 1] <= extent.north)]
        centre = ((extent.west + extent.east) / 2, (extent.south + extent.north) / 2)
        # Named when a good part of its outline is in view, or when it fills the middle of the map.
        large = len(inside) >= 8 and max(float(np.ptp(inside[:, 0])) / span_x,
                                         float(np.ptp(inside[:, 1])) / span_y) >= 0.3
        if not large and not Path(points).contains_point(centre):
            continue
        lon, lat = _label_point(country.largest, extent)
        if lon is None or lat is None:
            continue
        names.append(ax.text(lon, lat, country.name.upper(), fontsize=8.0, color=COUNTRY_LABEL, ha="center",
                             va="center", fontstyle="italic", zorder=1.5, clip_on=True, in_layout=False))
    collection = PolyCollection(rings, facecolors=LAND, edgecolors=BORDER, linewidths=0.6, zorder=1,
                                antialiased=True)
    collection.set_gid("conflictnews-outlines")
    ax.add_collection(collection, autolim=False)
    return names


def _clip(ring: np.ndarray[Any, Any], view: tuple[float, float, float, float]) -> np.ndarray[Any, Any]:
    """A polygon ring clipped to a rectangle (Sutherland-Hodgman), so that only what is in view is drawn.

    >>> import numpy as np
    >>> square = np.array([[0.0, 0.0], [4.0, 0.0], [4.0, 4.0], [0.0, 4.0]])
    >>> _clip(square, (1.0, 1.0, 2.0, 5.0)).tolist()
    [[2.0, 1.0], [2.0, 4.0], [1.0, 4.0], [1.0, 1.0]]
    """
    import numpy as np

    west, south, east, north = view
    if (ring[:, 0].min() >= west and ring[:, 0].max() <= east and ring[:, 1].min() >= south
            and ring[:, 1].max() <= north):
        return ring
    points = ring
    for axis, bound, keep_above in ((0, west, True), (0, east, False), (1, south, True), (1, north, False)):
        if len(points) == 0:
            break
        following = np.roll(points, -1, axis=0)
        inside = points[:, axis] >= bound if keep_above else points[:, axis] <= bound
        crossing = inside != np.roll(inside, -1)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = (bound - points[:, axis]) / (following[:, axis] - points[:, axis])
        share = np.where(np.isfinite(share), share, 0.0)
        cuts = points + share[:, None] * (following - points)
        # Each vertex gives itself when inside, then the crossing towards the next vertex when the edge crosses.
        pieces = np.stack([points, cuts], axis=1)
        wanted = np.stack([inside, crossing], axis=1)
        points = pieces[wanted]
    return points


def _thin(ring: np.ndarray[Any, Any], tolerance: float) -> np.ndarray[Any, Any]:
    """A ring without the vertices that lie within ``tolerance`` of the previous vertex kept."""
    import numpy as np

    if len(ring) < 50 or tolerance <= 0:
        return ring
    keep = [0]
    last_x, last_y = ring[0]
    for i, (x, y) in enumerate(ring.tolist()):
        if abs(x - last_x) > tolerance or abs(y - last_y) > tolerance:
            keep.append(i)
            last_x, last_y = x, y
    return np.asarray(ring[keep]) if len(keep) >= 3 else ring


def _label_point(ring: np.ndarray[Any, Any], extent: Extent) -> tuple[float | None, float | None]:
    """A point well inside a country's visible part: the middle of the longest inside run of a scan line."""
    import numpy as np
    from matplotlib.path import Path

    path = Path(ring)
    best: tuple[float, float, float] | None = None
    south = max(extent.south, float(ring[:, 1].min()))
    north = min(extent.north, float(ring[:, 1].max()))
    west = max(extent.west, float(ring[:, 0].min()))
    east = min(extent.east, float(ring[:, 0].max()))
    if south >= north or west >= east:
        return None, None
    xs = np.linspace(west, east, 60)
    for lat in np.linspace(south, north, 13)[2:-2]:
        inside = path.contains_points(np.column_stack([xs, np.full_like(xs, lat)]))
        run_start = None
        for i, flag in enumerate([*inside, False]):
            if flag and run_start is None:
                run_start = i
            elif not flag and run_start is not None:
                length = xs[i - 1] - xs[run_start]
                if best is None or length > best[0]:
                    best = (float(length), float((xs[i - 1] + xs[run_start]) / 2), float(lat))
                run_start = None
    if best is None:
        return None, None
    return best[1], best[2]


# --------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------

_DIRECTIONS = ((1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1))


def _alignment(dx: int, dy: int) -> tuple[Any, Any]:
    return ({1: "left", 0: "center", -1: "right"}[dx], {1: "bottom", 0: "center", -1: "top"}[dy])


class _LabelPlacer:
    """Places labels at draw time so that they neither collide nor leave the map.

    Wrapped in an Artist by :func:`add_label_placer`. A label's size does not
    depend on where it goes, so it is measured once per draw and the candidate
    boxes are computed, not rendered.
    """

    def __init__(self, ax: Axes, labels: Sequence[Annotation], radii: Sequence[float],
                 obstacles: Sequence[tuple[float, float, float]], fixed: Sequence[Text],
                 blocked: Sequence[tuple[float, float, float, float]]) -> None:
        self.ax = ax
        self.labels = list(labels)
        self.radii = list(radii)
        self.obstacles = list(obstacles)
        self.fixed = list(fixed)
        self.blocked = list(blocked)

    def place(self, renderer: RendererBase) -> None:
        from matplotlib.text import Text
        from matplotlib.transforms import Bbox

        ax = self.ax
        frame = ax.get_window_extent(renderer)
        points = float(renderer.points_to_pixels(1.0))  # type: ignore[arg-type]
        centres: Any = ax.transData.transform([(x, y) for x, y, _ in self.obstacles]) if self.obstacles else []
        discs = [Bbox.from_extents(cx - r * points, cy - r * points, cx + r * points, cy + r * points)
                 for (cx, cy), (_, _, r) in zip(centres, self.obstacles)]
        placed: list[Bbox] = [Bbox(ax.transAxes.transform([(x0, y0), (x1, y1)])) for x0, y0, x1, y1 in self.blocked]
        gap = 1.5 * points

        def inside(box: Bbox) -> bool:
            return frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1

        for label, radius in zip(self.labels, self.radii):
            label.set_visible(True)
            label.set_horizontalalignment("left")
            label.set_verticalalignment("bottom")
            label.update_positions(renderer)
            size = Text.get_window_extent(label, renderer)
            width, height = size.width, size.height
            x, y = ax.transData.transform(label.xy)
            best: tuple[float, tuple[float, float], tuple[Any, Any], bool, Bbox] | None = None
            for ring, distance in enumerate((radius + 2.5, radius + 13.0)):
                for rank, (dx, dy) in enumerate(_DIRECTIONS):
                    norm = math.hypot(dx, dy)
                    offset = (distance * dx / norm, distance * dy / norm)
                    left = x + offset[0] * points - {1: 0.0, 0: width / 2, -1: width}[dx]
                    bottom = y + offset[1] * points - {1: 0.0, 0: height / 2, -1: height}[dy]
                    box = Bbox.from_bounds(left, bottom, width, height).padded(gap)
                    if not inside(box) or any(box.overlaps(other) for other in placed):
                        continue
                    covered = sum(1 for disc in discs if box.overlaps(disc))
                    cost = ring * 40 + rank + covered * 12
                    if best is None or cost < best[0]:
                        best = (cost, offset, _alignment(dx, dy), ring == 1, box)
                if best is not None and best[0] < 40:
                    break
            if best is None:
                label.set_visible(False)
                continue
            _, offset, (ha, va), far, box = best
            label.xyann = offset
            label.set_horizontalalignment(ha)
            label.set_verticalalignment(va)
            if label.arrow_patch is not None:
                label.arrow_patch.set_visible(far)
            placed.append(box)
        for text in self.fixed:
            text.set_visible(True)
            box = text.get_window_extent(renderer).padded(gap)
            clear = inside(box) and not any(box.overlaps(other) for other in placed) \
                and not any(box.overlaps(d) for d in discs)
            text.set_visible(clear)
            if clear:
                placed.append(box)


def add_label_placer(ax: Axes, labels: Sequence[Annotation], radii: Sequence[float],
                     obstacles: Sequence[tuple[float, float, float]], fixed: Sequence[Text] = (),
                     blocked: Sequence[tuple[float, float, float, float]] = ()) -> Any:
    """Place ``labels`` (in priority order) when ``ax`` is drawn; ``fixed`` texts are shown only where clear.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The map.
    labels : sequence of matplotlib.text.Annotation
        Labels annotating points (``xy`` in data coordinates, ``xytext`` in
        offset points), most important first; their position is chosen at
        draw time.
    radii : sequence of float
        The radius in points of each label's point (its marker), so that the
        label sits just outside it.
    obstacles : sequence of (x, y, radius in points)
        Markers that labels should not cover (covering one is allowed when
        there is no other room, at a cost).
    fixed : sequence of matplotlib.text.Text
        Texts that stay where they are (country names), drawn only where they
        are clear of the labels, the markers and the map's edge.
    blocked : sequence of (x0, y0, x1, y1) in axes fraction
        Parts of the map no label may cover (an inset).

    Returns
    -------
    matplotlib.artist.Artist
        The invisible artist that places the labels; it is drawn before them.
    """
    from matplotlib.artist import Artist

    placer = _LabelPlacer(ax, labels, radii, obstacles, fixed, blocked)

    class LabelPlacer(Artist):
        def draw(self, renderer: RendererBase) -> None:
            placer.place(renderer)
            self.stale = False

        def get_window_extent(self, renderer: RendererBase | None = None) -> Bbox:
            from matplotlib.transforms import Bbox

            return Bbox.null()

    artist = LabelPlacer()
    zorders = [t.get_zorder() for t in [*labels, *fixed]]
    artist.set_zorder(min(zorders, default=5.0) - 0.01)
    artist.set_in_layout(False)
    artist.set_gid("conflictnews-label-placer")
    ax.add_artist(artist)
    return artist


# --------------------------------------------------------------------------
# Scale bar
# --------------------------------------------------------------------------


def _nice_length(km: float) -> float:
    """The largest of 1, 2, 5 times a power of ten not above ``km``.

    >>> _nice_length(137.0), _nice_length(0.8), _nice_length(24.0)
    (100.0, 0.5, 20.0)
    """
    if km <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(km))
    return float(max(step * power for step in (1, 2, 5) if step * power <= km))


def add_scale_bar(ax: Axes, extent: Extent, *, corner: str = "lower left") -> tuple[float, float, float, float]:
    """A scale bar of a round length (about a fifth of the map's width) in a corner of the map.

    Returns the part of the map it takes, in axes fraction (x0, y0, x1, y1), for the label placer.
    """
    from matplotlib.patheffects import withStroke

    length = _nice_length(extent.width_km() / 5)
    if length <= 0:
        return (0.0, 0.0, 0.0, 0.0)
    middle = math.radians((extent.south + extent.north) / 2)
    degrees = length / (111.32 * max(math.cos(middle), 0.05))
    fraction = degrees / (extent.east - extent.west)
    x0 = 0.04 if "left" in corner else 0.5 - fraction / 2 if "center" in corner else 0.96 - fraction
    y0 = 0.05 if "lower" in corner else 0.90
    halo = [withStroke(linewidth=3, foreground="white")]
    ax.plot([x0, x0 + fraction], [y0, y0], transform=ax.transAxes, color="0.2", linewidth=2.2,
            solid_capstyle="butt", zorder=6, path_effects=halo, gid="conflictnews-scale-bar")
    text = f"{length:g} km"
    ax.text(x0 + fraction / 2, y0 + 0.015, text, transform=ax.transAxes, ha="center", va="bottom", fontsize=8,
            color="0.2", zorder=6, path_effects=halo, in_layout=False)
    return (x0 - 0.01, y0 - 0.02, x0 + fraction + 0.01, y0 + 0.07)
