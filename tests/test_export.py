"""Tests of writing charts (PNG, SVG, PDF) and tables (CSV, Parquet, Excel CSV)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from PIL import Image

from conflictnews.export import save_figure, write_tables
from conflictnews.plots import plot_casualties_by

T = pd.Timestamp
BOM = b"\xef\xbb\xbf"


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture
def figure() -> Figure:
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([1, 2, 3], [12, 18, 7])
    ax.set_xlabel("period")
    ax.set_ylabel("people killed")
    return fig


# ---------------------------------------------------------------------------
# save_figure
# ---------------------------------------------------------------------------


def test_writes_png_svg_and_pdf(figure: Figure, tmp_path: Path) -> None:
    paths = save_figure(figure, tmp_path / "charts" / "casualties")
    assert paths == [
        tmp_path / "charts" / f"casualties.{ext}" for ext in ("png", "svg", "pdf")
    ]
    for path in paths:
        assert path.stat().st_size > 0
    assert paths[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in paths[1].read_bytes()[:1000]
    assert paths[2].read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("suffix", [".png", ".PDF", ".svg"])
def test_a_figure_suffix_is_replaced(
    figure: Figure, tmp_path: Path, suffix: str
) -> None:
    paths = save_figure(figure, tmp_path / f"casualties{suffix}")
    assert sorted(p.name for p in paths) == [
        "casualties.pdf",
        "casualties.png",
        "casualties.svg",
    ]


def test_another_suffix_is_kept(figure: Figure, tmp_path: Path) -> None:
    (path,) = save_figure(figure, tmp_path / "totals.2016", formats=("png",))
    assert path.name == "totals.2016.png"


def test_accepts_an_axes_and_a_string_path(figure: Figure, tmp_path: Path) -> None:
    ax = figure.axes[0]
    (path,) = save_figure(ax, str(tmp_path / "chart"), formats="png")
    assert path == tmp_path / "chart.png"


def test_accepts_a_subfigure_and_its_axes(tmp_path: Path) -> None:
    fig = plt.figure(figsize=(6, 3))
    left = fig.add_subfigure(fig.add_gridspec(1, 2)[0])
    ax = left.subplots()
    ax.plot([1, 2], [3, 4])
    (of_axes,) = save_figure(ax, tmp_path / "axes", formats=["png"], dpi=50)
    (of_subfigure,) = save_figure(left, tmp_path / "sub", formats=["png"], dpi=50)
    (of_figure,) = save_figure(fig, tmp_path / "fig", formats=["png"], dpi=50)
    assert of_axes.read_bytes() == of_subfigure.read_bytes() == of_figure.read_bytes()


def test_png_size_follows_the_dpi(figure: Figure, tmp_path: Path) -> None:
    (low,) = save_figure(figure, tmp_path / "low", formats=["png"], dpi=50)
    (high,) = save_figure(figure, tmp_path / "high", formats=["png"], dpi=200)
    with Image.open(low) as small, Image.open(high) as large:
        # A 4 x 3 inch figure, trimmed to its content by the tight bounding box.
        assert 0.6 * 800 <= large.width <= 800 + 40
        assert 0.6 * 600 <= large.height <= 600 + 40
        assert large.width / small.width == pytest.approx(4, rel=0.05)
        dpi = large.info.get("dpi")
        assert dpi is not None and dpi[0] == pytest.approx(200, abs=1)


def test_unknown_format_raises_and_writes_nothing(
    figure: Figure, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match=r"'docx'.*supported: .*png.*svg"):
        save_figure(figure, tmp_path / "chart", formats=("png", "docx"))
    assert list(tmp_path.iterdir()) == []


def test_no_format_raises(figure: Figure, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="supported"):
        save_figure(figure, tmp_path / "chart", formats=())


def test_not_a_figure_raises(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="Figure or Axes"):
        save_figure("chart", tmp_path / "chart")  # type: ignore[arg-type]


def test_same_chart_same_vector_files(tmp_path: Path) -> None:
    frame = pd.DataFrame({"place": ["Aleppo", "Raqqa"], "best": [240, 85]})
    ax = plot_casualties_by(frame)
    first = save_figure(ax, tmp_path / "a", formats=("svg", "pdf"))
    second = save_figure(ax, tmp_path / "b", formats=("svg", "pdf"))
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes(), one.suffix


def test_the_source_note_survives_the_tight_bbox(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"place": ["Aleppo", "Raqqa"], "best": [240, 85], "reports": [3, 2]}
    )
    ax = plot_casualties_by(frame)
    (svg,) = save_figure(ax, tmp_path / "chart", formats=("svg",))
    # Text is drawn as glyph paths; the note's id marks its group in the SVG.
    text = svg.read_text(encoding="utf-8")
    assert 'id="conflictnews-source-note' in text
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    note = next(t for t in ax.texts if t.get_gid() == "conflictnews-source-note")
    box = note.get_window_extent(renderer)
    tight = fig.get_tightbbox(renderer)
    assert tight.y0 * fig.dpi <= box.y0 + 0.5
    assert box.x1 <= tight.x1 * fig.dpi + 0.5


# ---------------------------------------------------------------------------
# write_tables
# ---------------------------------------------------------------------------


@pytest.fixture
def casualties() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["belga-001", "belga-001", "bbc-017"],
            "published": [
                T("2016-03-27 14:30"),
                T("2016-03-27 14:30"),
                T("2016-04-02 09:05"),
            ],
            "period_start": [T("2016-03-26"), T("2016-03-26"), T("2016-04-01")],
            "place": ["Palmyra", "Deir ez-Zor", None],
            "attributed_to": ["SOHR", None, "Syrische Waarnemingspost"],
            "count_best": pd.array([18, 5, None], dtype="Int64"),
            "latitude": [34.5503, 35.3359, np.nan],
            "cumulative": [False, False, True],
            "surface": ["minstens achttien", "vijf strijders", "ruim 270.000 doden"],
            "sentence": [
                "Bij de aanval kwamen minstens achttien burgers om; "
                '"zeker" volgens SOHR.',
                "Ook vijf strijders van IS sneuvelden.",
                "Sinds 2011 zijn er al ruim 270.000 doden gevallen, "
                "zegt de Syrische Waarnemingspost.",
            ],
        }
    )


def test_writes_three_files_per_table(casualties: pd.DataFrame, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    paths = write_tables({"casualties": casualties, "empty": casualties.iloc[0:0]}, out)
    assert [p.name for p in paths] == [
        "casualties.csv",
        "casualties.parquet",
        "casualties.excel.csv",
        "empty.csv",
        "empty.parquet",
        "empty.excel.csv",
    ]
    assert all(p.parent == out and p.stat().st_size > 0 for p in paths)


def test_parquet_round_trip(casualties: pd.DataFrame, tmp_path: Path) -> None:
    (path,) = write_tables({"casualties": casualties}, tmp_path, formats=["parquet"])
    back = pd.read_parquet(path)
    pd.testing.assert_frame_equal(back, casualties, check_dtype=False)
    assert back["count_best"].dtype == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(back["published"])
    assert back.loc[0, "published"] == T("2016-03-27 14:30")


def test_parquet_of_mixed_object_columns_is_text(tmp_path: Path) -> None:
    mixed = pd.DataFrame(
        {
            "value": pd.Series([12, "dozens", None, 3.5], dtype=object),
            "when": pd.Series([T("2016-03-27"), "last week", None, None], dtype=object),
        }
    )
    (path,) = write_tables({"mixed": mixed}, tmp_path, formats="parquet")
    back = pd.read_parquet(path)
    assert back["value"].tolist()[:2] == ["12", "dozens"]
    assert back["value"].isna().tolist() == [False, False, True, False]
    assert back.loc[3, "value"] == "3.5"
    assert back.loc[0, "when"] == "2016-03-27 00:00:00"


def test_csv_round_trip_with_iso_dates(
    casualties: pd.DataFrame, tmp_path: Path
) -> None:
    (path,) = write_tables({"casualties": casualties}, tmp_path, formats=["csv"])
    raw = path.read_bytes()
    assert not raw.startswith(BOM)
    text = raw.decode("utf-8")
    assert text.splitlines()[0].startswith("article_id,published,period_start,")
    assert "2016-03-27T14:30:00,2016-03-26," in text
    back = pd.read_csv(path, parse_dates=["published", "period_start"])
    assert back["published"].tolist() == casualties["published"].tolist()
    assert back["period_start"].tolist() == casualties["period_start"].tolist()
    assert back["sentence"].tolist() == casualties["sentence"].tolist()
    assert back["count_best"].tolist()[:2] == [18, 5]
    assert back["latitude"].tolist()[:2] == [34.5503, 35.3359]


def test_excel_csv_has_bom_semicolons_and_decimal_commas(
    casualties: pd.DataFrame, tmp_path: Path
) -> None:
    (path,) = write_tables({"casualties": casualties}, tmp_path, formats=["excel_csv"])
    assert path.name == "casualties.excel.csv"
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    text = raw[len(BOM) :].decode("utf-8")
    header, first = text.split("\r\n")[:2]
    assert header.split(";")[:4] == ["article_id", "published", "period_start", "place"]
    assert first.startswith(
        "belga-001;2016-03-27 14:30:00;2016-03-26;Palmyra;SOHR;18;34,5503;"
    )
    back = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")
    assert back.columns.tolist() == casualties.columns.tolist()
    assert back["latitude"].tolist()[:2] == [34.5503, 35.3359]
    assert back["sentence"].tolist() == casualties["sentence"].tolist()
    assert back["attributed_to"].tolist()[2] == "Syrische Waarnemingspost"


FORMULAS = ['=HYPERLINK("http://x")', "-12", "- twaalf doden", "+3,5", "@SOHR", " =1+1", "\t=1", "-1.5e3"]
DEFUSED = ['\'=HYPERLINK("http://x")', "-12", "'- twaalf doden", "+3,5", "'@SOHR", "' =1+1", "'\t=1", "-1.5e3"]


def test_csv_files_for_people_do_not_run_text_as_formulas(tmp_path: Path) -> None:
    """Both CSV files a person opens in a spreadsheet are defused; numbers stay numbers."""
    frame = pd.DataFrame({"surface": FORMULAS, "count_best": range(len(FORMULAS))})
    csv, excel = write_tables({"t": frame}, tmp_path, formats=["csv", "excel_csv"])
    back = pd.read_csv(csv, dtype={"surface": str}, keep_default_na=False)
    assert back["surface"].tolist() == DEFUSED
    assert back["count_best"].tolist() == list(range(len(FORMULAS)))
    back = pd.read_csv(excel, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)["surface"]
    assert back.tolist() == DEFUSED


def test_tables_for_programs_stay_exact(tmp_path: Path) -> None:
    """Parquet and the exact CSV keep every cell as extracted."""
    frame = pd.DataFrame({"surface": FORMULAS})
    exact, parquet = write_tables({"t": frame}, tmp_path, formats=["exact_csv", "parquet"])
    assert exact.name == "t.exact.csv"
    assert pd.read_csv(exact, dtype=str, keep_default_na=False)["surface"].tolist() == FORMULAS
    assert pd.read_parquet(parquet)["surface"].tolist() == FORMULAS


def test_non_ascii_text_survives(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"place": ["Ḥalab", "Dayr az-Zawr", "Kobanê"], "note": ["één", "ça", "«»"]}
    )
    paths = write_tables({"places": frame}, tmp_path)
    assert pd.read_csv(paths[0])["place"].tolist() == frame["place"].tolist()
    assert pd.read_parquet(paths[1])["note"].tolist() == frame["note"].tolist()
    assert (
        pd.read_csv(paths[2], sep=";", encoding="utf-8-sig")["place"].tolist()
        == frame["place"].tolist()
    )


def test_a_meaningful_index_is_kept(tmp_path: Path) -> None:
    totals = pd.DataFrame(
        {"best": [240, 85]}, index=pd.Index(["Aleppo", "Raqqa"], name="place")
    )
    (csv, parquet) = write_tables(
        {"totals": totals}, tmp_path, formats=["csv", "parquet"]
    )
    assert pd.read_csv(csv).columns.tolist() == ["place", "best"]
    assert pd.read_parquet(parquet)["place"].tolist() == ["Aleppo", "Raqqa"]


def test_time_zones_are_written(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "published": pd.to_datetime(["2016-03-27 14:30"]).tz_localize(
                "Europe/Brussels"
            )
        }
    )
    (path,) = write_tables({"t": frame}, tmp_path, formats=["csv"])
    assert "2016-03-27T14:30:00+02:00" in path.read_text(encoding="utf-8")


def test_unknown_table_format_raises(casualties: pd.DataFrame, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"'xlsx'.*supported: csv, parquet, excel_csv"):
        write_tables({"casualties": casualties}, tmp_path, formats=["csv", "xlsx"])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["", "../casualties", "a/b", "."])
def test_bad_table_names_raise(
    casualties: pd.DataFrame, tmp_path: Path, name: str
) -> None:
    with pytest.raises(ValueError, match="name"):
        write_tables({name: casualties}, tmp_path)


def test_not_a_dataframe_raises(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="not a pandas DataFrame"):
        write_tables({"casualties": [1, 2, 3]}, tmp_path)  # type: ignore[dict-item]
