"""Tests of the maps: seaborn's contract, places and their precision, labels that never collide, insets."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.lines import Line2D

from conflictnews import control_as_of, plot_map, territory_control
from conflictnews.cartography import country_outlines, fit_extent
from conflictnews.geography import locate, place_precision
from conflictnews.maps import MAP_KINDS, map_table, save_maps
from conflictnews.plots import NO_DATA
from tests.conftest import counts_table

T = pd.Timestamp
ROOT = Path(__file__).resolve().parents[1]


def report(place: str, group: str, best: int, *, article: str, low: int | None = None, high: int | None = None,
           day: str = "2018-04-24", outcome: str = "killed", actor: str | None = None,
           sentence: str | None = None, source: str | None = None) -> dict[str, object]:
    """One row of the casualties table, as the extractors write it (coordinates from the gazetteer)."""
    return {"article_id": article, "outcome": outcome, "victim_group": group, "victim_actor": actor,
            "count_low": best if low is None else low, "count_best": best, "count_high": high,
            "qualifier": "exact", "period_start": T(day), "period_end": T(day), "date_precision": "day",
            "cumulative": False, "subset": False, "place": place, "latitude": None, "longitude": None,
            "attributed_to": source, "from_title": False, "surface": str(best),
            "sentence": sentence or f"{best} {group} people died in {place}.", "span_start": 0, "span_end": 1}


@pytest.fixture
def casualties() -> pd.DataFrame:
    """Deaths in the districts of Damascus, one town far off, and a figure for the whole country."""
    return counts_table([
        report("Yarmouk", "civilian", 47, article="a1"),
        report("Yarmouk", "armed_group", 120, article="a1", actor="Islamic State"),
        report("Qadam", "military", 74, article="a2", actor="Syrian government forces", high=None, low=60),
        report("Hajar al-Aswad", "armed_group", 35, article="a2", actor="Islamic State", high=50),
        report("Tadamon", "civilian", 6, article="a3"),
        report("Damascus", "civilian", 4, article="a3"),
        report("Mosul", "civilian", 40, article="a4", day="2016-11-08"),
        report("Syria", "civilian", 18, article="a5"),
        report("Eastern Ghouta", "civilian", 30, article="a5", day="2018-03-16"),
    ])


@pytest.fixture
def claims() -> pd.DataFrame:
    """Claims of control: a change of hands, a disagreement, a siege, a country."""
    rows = [
        ("Yarmouk", "Islamic State", "controls", "2018-04-01", "a1", "SOHR"),
        ("Yarmouk", "Syrian government", "captured", "2018-05-20", "a2", "SANA"),
        ("Hajar al-Aswad", "Islamic State", "controls", "2018-05-10", "a2", None),
        ("Hajar al-Aswad", "Syrian government", "captured", "2018-05-10", "a3", "SANA"),
        ("Qadam", "Islamic State", "controls", "2018-04-01", "a1", None),
        ("Douma", "Jaish al-Islam", "controls", "2018-03-11", "a4", None),
        ("Douma", "Syrian government", "besieged", "2018-04-06", "a4", None),
        ("Afrin", "Turkish government", "captured", "2018-03-18", "a5", None),
        ("Syria", "Syrian government", "controls", "2018-05-21", "a5", None),
    ]
    return pd.DataFrame([{"article_id": a, "actor": actor, "place": place, "latitude": None, "longitude": None,
                          "status": status, "since": None, "as_of": T(day), "share_pct": None, "population": None,
                          "qualifier": None, "attributed_to": source, "from_title": False, "surface": status,
                          "sentence": f"{actor} {status} {place}.", "span_start": 0, "span_end": 1}
                         for place, actor, status, day, a, source in rows])


def texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def source_note(ax: Axes) -> str:
    """The note under the map, its lines joined."""
    return next(t.get_text() for t in ax.texts if t.get_gid() == "conflictnews-source-note").replace("\n", " ")


def place_labels(ax: Axes) -> list:
    return [t for t in ax.texts if t.get_gid() == "conflictnews-place-label"]


def inset_of(ax: Axes) -> Axes | None:
    return next((child for child in ax.child_axes if child.get_gid() == "conflictnews-inset"), None)


# ---------------------------------------------------------------------------
# The contract every plot function keeps
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_draws_on_the_given_axes(kind: str, casualties: pd.DataFrame, claims: pd.DataFrame) -> None:
    fig, ax = plt.subplots(layout="constrained")
    data = casualties if kind == "casualties" else claims
    assert plot_map(data, kind=kind, ax=ax) is ax
    assert plt.get_fignums() == [fig.number]
    assert ax.get_title()
    assert NO_DATA not in texts(ax)
    assert source_note(ax).startswith("Source: ")
    assert source_note(ax).endswith("; conflictnews")
    assert "Natural Earth" in source_note(ax)


@pytest.mark.parametrize("kind", MAP_KINDS)
def test_makes_a_figure_when_no_axes_given_and_leaves_the_input_alone(
        kind: str, casualties: pd.DataFrame, claims: pd.DataFrame) -> None:
    data = casualties if kind == "casualties" else claims
    before = data.copy()
    ax = plot_map(data, kind=kind)
    assert isinstance(ax, Axes)
    assert len(plt.get_fignums()) == 1
    pd.testing.assert_frame_equal(data, before)


@pytest.mark.parametrize("kind", MAP_KINDS)
@pytest.mark.parametrize("how", ["no rows", "no columns", "all missing", "only a country"])
def test_empty_input_gives_a_no_data_chart(kind: str, how: str, casualties: pd.DataFrame,
                                           claims: pd.DataFrame) -> None:
    data = (casualties if kind == "casualties" else claims).copy()
    if how == "no rows":
        data = data.iloc[0:0]
    elif how == "no columns":
        data = pd.DataFrame()
    elif how == "all missing":
        for column in ("count_best", "place", "as_of", "since"):
            if column in data.columns:
                data[column] = None
    else:
        data = data[data["place"] == "Syria"]
    fig, ax = plt.subplots()
    assert plot_map(data, kind=kind, ax=ax) is ax
    assert NO_DATA in texts(ax)
    assert source_note(ax).startswith("Source: ")
    fig.canvas.draw()


def test_an_unknown_kind_is_an_error_naming_the_kinds(casualties: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match="'casualties', 'control'"):
        plot_map(casualties, kind="heat")


def test_maps_do_not_leak_the_report_style(casualties: pd.DataFrame) -> None:
    before = dict(matplotlib.rcParams)
    plot_map(casualties)
    assert dict(matplotlib.rcParams) == before


def test_importing_the_map_modules_loads_no_matplotlib() -> None:
    code = ("import sys, conflictnews, conflictnews.maps, conflictnews.cartography, conflictnews.layouts, "
            "conflictnews.geography; print(sorted(m for m in ('matplotlib', 'seaborn', 'pandas') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "[]"


def test_plot_map_is_exported() -> None:
    import conflictnews

    assert "plot_map" in conflictnews.__all__ and "write_layouts" in conflictnews.__all__


# ---------------------------------------------------------------------------
# Places: where, how precisely, and what is left out
# ---------------------------------------------------------------------------


def test_the_outlines_ship_with_the_package_and_cover_the_world() -> None:
    names = {country.name for country in country_outlines()}
    assert len(names) > 200
    assert {"Syria", "Iraq", "Lebanon", "Palestine", "Netherlands"} <= names
    lebanon = next(c for c in country_outlines() if c.name == "Lebanon")
    assert 35.0 < lebanon.bounds[0] < lebanon.bounds[2] < 36.7


def test_place_precision_follows_the_gazetteer() -> None:
    assert [place_precision(p) for p in ("Douma", "Yarmouk", "Qadam", "South Damascus", "Afrin District",
                                         "Idlib Governorate", "Syria")] == [1, 1, 1, 2, 3, 4, 6]


def test_locate_keeps_the_columns_a_table_has() -> None:
    frame = pd.DataFrame({"place": ["Douma", "Douma"], "country": ["Syria", None], "place_precision": [2, None],
                          "latitude": [33.0, None]})
    located = locate(frame)
    assert located["place_precision"].tolist() == [2, 1]
    assert located["latitude"].tolist() == [33.0, pytest.approx(33.5718)]
    assert located["admin1"].tolist() == ["Rif Dimashq Governorate"] * 2


def test_places_known_only_as_a_country_are_counted_not_drawn(casualties: pd.DataFrame) -> None:
    rows, info = map_table(casualties)
    assert "Syria" not in set(rows["place"])
    assert info["unmapped"] == {"Syria": 18}
    ax = plot_map(casualties)
    assert "18 people located only to a country or a wider area not shown (Syria 18)" in source_note(ax)


def test_figures_without_a_place_are_counted_apart(casualties: pd.DataFrame) -> None:
    unplaced = pd.concat([casualties, counts_table([report(None, "civilian", 5, article="a8")])], ignore_index=True)
    note = source_note(plot_map(unplaced))
    assert "5 people without a place not shown" in note and "(Syria 18)" in note


def test_a_precision_in_the_table_wins_over_the_gazetteer(casualties: pd.DataFrame) -> None:
    coarse = casualties.assign(place_precision=[6 if p == "Mosul" else None for p in casualties["place"]])
    rows, info = map_table(coarse)
    assert "Mosul" not in set(rows["place"]) and info["unmapped"]["Mosul"] == 40


def test_the_counting_rules_apply_before_mapping(casualties: pd.DataFrame) -> None:
    # The same 47 civilians of Yarmouk told again by another article that day: one incident, not two.
    again = pd.concat([casualties, counts_table([report("Yarmouk", "civilian", 47, article="a9")])], ignore_index=True)
    rows, _ = map_table(again)
    yarmouk = rows[(rows["place"] == "Yarmouk") & (rows["victim_group"] == "civilian")]
    assert yarmouk["best"].tolist() == [47]
    assert yarmouk["reports"].tolist() == [2]


def test_a_table_of_incidents_is_mapped_too() -> None:
    frame = pd.DataFrame({"place": ["Douma", "Afrin"], "victim_group": ["civilian", "military"],
                          "best": [40, 12], "outcome": "killed"})
    ax = plot_map(frame)
    assert {t.get_text() for t in place_labels(ax)} == {"Douma", "Afrin"}


def test_the_window_leaves_out_and_counts(casualties: pd.DataFrame) -> None:
    rows, info = map_table(casualties, start="2018-04-01", end="2018-04-30")
    assert "Mosul" not in set(rows["place"]) and "Eastern Ghouta" not in set(rows["place"])
    assert info["outside"] == 2
    assert "2 incidents outside the window not shown" in source_note(
        plot_map(casualties, start="2018-04-01", end="2018-04-30"))


def test_the_extent_is_fitted_to_the_places(casualties: pd.DataFrame) -> None:
    ax = plot_map(casualties, inset=False)
    west, east = ax.get_xlim()
    south, north = ax.get_ylim()
    assert west < 36.29 < 43.12 < east and south < 33.46 < 36.34 < north
    assert east - west < 15 and north - south < 10
    only_damascus = casualties[casualties["place"].isin(["Yarmouk", "Qadam", "Tadamon"])]
    ax = plot_map(only_damascus)
    west, east = ax.get_xlim()
    assert 0.5 <= east - west < 1.5


def test_fit_extent_keeps_a_readable_shape() -> None:
    extent = fit_extent([30.0, 45.0], [35.0, 35.0])
    assert 0.8 <= extent.shape <= 1.9
    assert extent.south < 35.0 < extent.north


def test_country_outlines_are_drawn(casualties: pd.DataFrame) -> None:
    ax = plot_map(casualties)
    outlines = [c for c in ax.collections if c.get_gid() == "conflictnews-outlines"]
    assert len(outlines) == 1 and isinstance(outlines[0], PolyCollection)
    assert len(outlines[0].get_paths()) > 5
    ax.figure.canvas.draw()
    shown = {t.get_text() for t in ax.texts if t.get_visible()}
    assert shown & {"SYRIA", "IRAQ", "LEBANON", "TURKEY"}  # country names where they are clear of the rest


# ---------------------------------------------------------------------------
# Casualty markers
# ---------------------------------------------------------------------------


def markers(ax: Axes) -> list[Line2D]:
    return [line for line in ax.lines if line.get_marker() not in (None, "None", "") and line.get_gid() is None]


def test_marker_area_is_proportional_to_the_best_count() -> None:
    frame = counts_table([report("Douma", "civilian", 100, article="a"), report("Afrin", "civilian", 25, article="b")])
    ax = plot_map(frame, inset=False)
    sizes = {tuple(np.round(line.get_xydata()[0], 3)): line.get_markersize() for line in markers(ax)}
    douma = sizes[(36.403, 33.572)]
    afrin = sizes[(36.87, 36.512)]
    assert douma**2 / afrin**2 == pytest.approx(4.0)


def test_groups_differ_in_shape_and_colour(casualties: pd.DataFrame) -> None:
    ax = plot_map(casualties)
    shapes = {(line.get_marker(), str(line.get_color())) for line in markers(ax)}
    # Three victim groups: three shapes and three colours, one colour per shape (readable in grey).
    assert len({shape for shape, _ in shapes}) == len({colour for _, colour in shapes}) == len(shapes) == 3
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"military", "armed group", "civilian", "victims"} <= set(legend)


def test_low_and_high_are_rings_and_an_open_bound_is_dotted(casualties: pd.DataFrame) -> None:
    ax = plot_map(casualties, inset=False)
    rings = [c for c in ax.collections if isinstance(c, PathCollection) and len(c.get_offsets())]
    styles = [c.get_linestyle()[0] for c in rings]
    dotted = [s for s in styles if s[1] is not None]
    solid = [s for s in styles if s[1] is None]
    # Qadam's soldiers: open upper bound (dotted) and a low of 60 (inner ring); Hajar al-Aswad: a high of 50.
    assert dotted and solid
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"outer ring: high count", "dotted ring: open (at least)", "inner ring: low count"} <= set(legend)


def test_areas_are_drawn_hollow(casualties: pd.DataFrame) -> None:
    ax = plot_map(casualties, inset=False)
    ghouta = [line for line in markers(ax) if tuple(np.round(line.get_xydata()[0], 2)) == (36.4, 33.55)]
    assert ghouta and all(line.get_markerfacecolor() == "none" for line in ghouta)
    assert "hollow: only the area known" in [t.get_text() for t in ax.get_legend().get_texts()]


# ---------------------------------------------------------------------------
# Labels and insets
# ---------------------------------------------------------------------------


def crowded() -> pd.DataFrame:
    names = ["Yarmouk", "Qadam", "Hajar al-Aswad", "Tadamon", "Damascus", "South Damascus", "Douma", "Harasta",
             "Arbin", "Zamalka", "Ein Terma", "Mosul", "Afrin", "Aleppo", "Raqqa", "Palmyra", "Homs", "Hama"]
    return counts_table([report(name, "civilian", 10 + 7 * i, article=f"a{i}") for i, name in enumerate(names)])


def visible_label_boxes(ax: Axes) -> list:
    renderer = ax.figure.canvas.get_renderer()
    from matplotlib.text import Text

    return [Text.get_window_extent(t, renderer) for t in place_labels(ax) if t.get_visible()]


@pytest.mark.parametrize("size", [(7.0, 4.5), (11.0, 7.0), (16.0, 9.0)])
@pytest.mark.parametrize("kind", MAP_KINDS)
def test_labels_never_overlap_nor_leave_the_map(size: tuple[float, float], kind: str) -> None:
    data = crowded()
    if kind == "control":
        data = pd.DataFrame({"place": data["place"], "actor": "Islamic State", "status": "controls",
                             "as_of": T("2018-05-01"), "since": None, "article_id": data["article_id"]})
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    plot_map(data, kind=kind, ax=ax)
    fig.canvas.draw()
    for axes in [ax, *ax.child_axes]:
        boxes = visible_label_boxes(axes)
        assert boxes, "no label shown"
        frame = axes.get_window_extent()
        for box in boxes:
            assert frame.x0 - 0.5 <= box.x0 and box.x1 <= frame.x1 + 0.5
            assert frame.y0 - 0.5 <= box.y0 and box.y1 <= frame.y1 + 0.5
        for a, b in itertools.combinations(boxes, 2):
            assert not a.overlaps(b), "two labels overlap"


def test_labels_are_placed_again_when_the_figure_changes_size() -> None:
    fig, ax = plt.subplots(figsize=(7, 5), layout="constrained")
    plot_map(crowded(), ax=ax)
    fig.canvas.draw()
    fig.set_size_inches(14, 9)
    fig.canvas.draw()
    boxes = visible_label_boxes(ax)
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)


def test_crowded_places_get_an_inset_with_their_labels() -> None:
    ax = plot_map(crowded())
    ax.figure.canvas.draw()
    inset = inset_of(ax)
    assert inset is not None
    inner = {t.get_text() for t in place_labels(inset) if t.get_visible()}
    outer = {t.get_text() for t in place_labels(ax)}
    assert {"Yarmouk", "Qadam", "Tadamon"} <= inner
    assert "Yarmouk" not in outer and "Mosul" in outer
    # The inset hides no place of the whole map.
    box = inset.get_window_extent()
    for name in ("Mosul", "Afrin", "Aleppo", "Raqqa", "Palmyra", "Homs", "Hama"):
        row = crowded().pipe(locate).set_index("place").loc[name]
        x, y = ax.transData.transform((row["longitude"], row["latitude"]))
        assert not (box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1), name


def test_no_inset_when_asked_or_when_places_are_spread() -> None:
    assert inset_of(plot_map(crowded(), inset=False)) is None
    spread = counts_table([report(name, "civilian", 10, article="a") for name in ("Mosul", "Afrin", "Raqqa", "Homs")])
    assert inset_of(plot_map(spread)) is None


# ---------------------------------------------------------------------------
# Territorial control
# ---------------------------------------------------------------------------


def test_control_as_of_reads_the_ledger(claims: pd.DataFrame) -> None:
    places = control_as_of(territory_control(claims), since="2018-05-01").set_index("place")
    # A capture stated by one account after another account's word of control: the place changed hands, and
    # the older word does not dispute it.
    assert places.loc["Yarmouk", "holder"] == "Syrian government"
    assert bool(places.loc["Yarmouk", "changed"]) and places.loc["Yarmouk", "previous_holder"] == "Islamic State"
    assert not bool(places.loc["Yarmouk", "contested"]) and places.loc["Yarmouk", "standings"] == \
        "Syrian government (SANA)"
    # Two accounts of the same day disagree: no holder, contested, both accounts kept side by side.
    assert pd.isna(places.loc["Hajar al-Aswad", "holder"]) and bool(places.loc["Hajar al-Aswad", "contested"])
    assert places.loc["Hajar al-Aswad", "standings"] == "Syrian government (SANA); Islamic State (reported)"
    assert places.loc["Hajar al-Aswad", "accounts"] == 2 and not bool(places.loc["Hajar al-Aswad", "agree"])
    # A siege after the last claim of control: still held, contested.
    assert places.loc["Douma", "holder"] == "Jaish al-Islam" and bool(places.loc["Douma", "contested"])
    assert not bool(places.loc["Qadam", "contested"]) and not bool(places.loc["Qadam", "changed"])
    assert places.loc["Qadam", "holder_group"] == "non_state" and places.loc["Qadam", "country"] == "Syria"
    # The territory table itself is read through the ledger.
    pd.testing.assert_frame_equal(control_as_of(claims, since="2018-05-01").set_index("place"), places)


def test_control_as_of_a_denial_on_a_later_day_keeps_both_accounts() -> None:
    """A denial given days after the capture it denies still disputes it: the two accounts stand side by side."""
    rows = [("Ukrainian government", "controls", "stated", None, "2023-11-01"),
            ("Russian government", "captured", "stated", "Russian government", "2023-11-20"),
            ("Russian government", "captured", "denied", "Ukrainian government", "2023-11-22")]
    claims = pd.DataFrame([{"article_id": f"a{i}", "place": "Krynky", "actor": actor, "status": status,
                            "certainty": certainty, "attributed_to": source, "as_of": T(day)}
                           for i, (actor, status, certainty, source, day) in enumerate(rows)])
    krynky = control_as_of(claims).set_index("place").loc["Krynky"]
    assert pd.isna(krynky["holder"]) and bool(krynky["contested"]) and krynky["accounts"] == 2
    assert krynky["standings"] == "Russian government (Russian government); Ukrainian government (Ukrainian government)"
    assert control_as_of(claims, "2023-11-21").set_index("place").loc["Krynky", "holder"] == "Russian government"


def test_control_as_of_an_earlier_date(claims: pd.DataFrame) -> None:
    places = control_as_of(claims, "2018-05-01").set_index("place")
    assert places.loc["Yarmouk", "holder"] == "Islamic State"
    assert "Hajar al-Aswad" not in places.index


def test_control_map_marks_holders_contested_places_and_changes(claims: pd.DataFrame) -> None:
    ax = plot_map(claims, kind="control", since="2018-05-01")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"held by", "Syrian government", "Jaish al-Islam", "Islamic State", "Turkish government"} <= set(legend)
    assert "holder not stated, or accounts disagree" in legend
    assert "contested (fighting, siege or conflicting accounts)" in legend
    assert "changed hands since 1 May 2018" in legend
    assert ax.get_title() == "Who holds each place, as of 21 May 2018"
    assert "Syria" in source_note(ax) and "known only as a country" in source_note(ax)


def test_control_map_without_changes_says_none(claims: pd.DataFrame) -> None:
    ax = plot_map(claims, kind="control")
    assert not any(t.get_text().startswith("changed hands") for t in ax.get_legend().get_texts())


# ---------------------------------------------------------------------------
# For the report
# ---------------------------------------------------------------------------


def test_save_maps_writes_every_format(tmp_path: Path, casualties: pd.DataFrame, claims: pd.DataFrame) -> None:
    saved = save_maps(casualties, claims, tmp_path / "charts")
    assert [s.name for s in saved] == ["casualties_map", "control_map"]
    for chart in saved:
        assert not chart.empty and chart.caption
        assert sorted(p.suffix for p in chart.files) == [".pdf", ".png", ".svg"]
        assert all(p.stat().st_size > 1000 and "map" in p.name for p in chart.files)
    assert plt.get_fignums() == []


def test_save_maps_of_nothing_writes_no_data_charts(tmp_path: Path) -> None:
    saved = save_maps(pd.DataFrame(), pd.DataFrame(), tmp_path)
    assert [s.empty for s in saved] == [True, True]


def test_the_note_fills_the_width_of_the_map(claims: pd.DataFrame) -> None:
    """A long note is wrapped once, at the map's width: no line of it is a word or two left alone."""
    countries = ["Iraq", "Turkey", "Lebanon", "Jordan", "United States"]
    more = pd.concat([claims, *(claims.iloc[[0]].assign(place=c, article_id=f"c{i}") for i, c in enumerate(countries))],
                     ignore_index=True)
    ax = plot_map(more, kind="control")
    figure = ax.get_figure()
    figure.canvas.draw()  # type: ignore[union-attr]
    renderer = figure.canvas.get_renderer()  # type: ignore[union-attr]
    note = next(t for t in ax.texts if t.get_gid() == "conflictnews-source-note")
    assert all(c in note.get_text() for c in countries)
    lines = note._get_wrapped_text().split("\n")  # the lines as drawn
    width = ax.get_window_extent(renderer).width
    assert len(lines) >= 2
    for line in lines[:-1]:
        line_width = renderer.get_text_width_height_descent(line, note.get_fontproperties(), ismath=False)[0]
        assert line_width > 0.6 * width, line


@pytest.mark.parametrize("outcome", ["killed", None])
def test_the_located_incidents_give_the_map_of_the_casualties(casualties: pd.DataFrame, outcome: str | None) -> None:
    """The report draws its map from ``located_incidents`` (computed once for the map and the exports)."""
    from conflictnews.layouts import located_incidents

    wounded = pd.concat([casualties, counts_table([report("Qadam", "civilian", 9, article="a6", outcome="injured")])],
                        ignore_index=True)
    expected, expected_info = map_table(wounded, outcome=outcome)
    drawn, info = map_table(located_incidents(wounded), outcome=outcome)
    assert len(drawn) > 0
    pd.testing.assert_frame_equal(drawn, expected)
    assert info == expected_info
