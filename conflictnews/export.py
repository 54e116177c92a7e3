"""Write charts and tables to disk.

:func:`save_figure` writes one chart in several formats (PNG, SVG and PDF by
default) with a tight bounding box; :func:`write_tables` writes tables as
UTF-8 CSV and a CSV for Excel with Dutch settings, both safe to open in a
spreadsheet (text that would run as a formula is defused), and as Parquet and,
on request, an exact CSV for programs.

matplotlib and pyarrow are imported inside the functions, so that importing
this module (and the package) stays cheap.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = [
    "FIGURE_FORMATS",
    "TABLE_FORMATS",
    "save_figure",
    "write_tables",
]

#: Formats written by :func:`save_figure` unless told otherwise.
FIGURE_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")

#: Formats :func:`write_tables` writes unless told otherwise.
TABLE_FORMATS: tuple[str, ...] = ("csv", "parquet", "excel_csv")
#: Every format :func:`write_tables` knows, and the file name ending of each.
_TABLE_SUFFIXES: dict[str, str] = {
    "csv": ".csv",
    "parquet": ".parquet",
    "excel_csv": ".excel.csv",
    "exact_csv": ".exact.csv",
}

#: Settings read when a figure is written (not when it is drawn): fonts
#: embedded as editable text, white background, stable SVG ids.
_SAVE_RC: dict[str, Any] = {
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.hashsalt": "conflictnews",
    "savefig.facecolor": "white",
    "savefig.edgecolor": "white",
}

#: Metadata per format; dates left out so that the same chart gives the same
#: file.
_METADATA: dict[str, dict[str, Any]] = {
    "pdf": {"Creator": "conflictnews", "CreationDate": None},
    "svg": {"Creator": "conflictnews", "Date": None},
    "png": {"Software": "conflictnews"},
}


# ---------------------------------------------------------------------------
# Figures
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


def _figure_formats() -> list[str]:
    from matplotlib.backend_bases import FigureCanvasBase

    return sorted(FigureCanvasBase.get_supported_filetypes())


def _normalise_formats(formats: str | Iterable[str]) -> list[str]:
    if isinstance(formats, str):
        formats = [formats]
    return list(dict.fromkeys(f.strip().lower().lstrip(".") for f in formats))


def save_figure(
    fig: Figure | SubFigure | Axes,
    path: str | os.PathLike[str],
    *,
    formats: str | Iterable[str] = FIGURE_FORMATS,
    dpi: float = 200,
) -> list[Path]:
    """Write a chart in several formats.

    Parameters
    ----------
    fig : matplotlib.figure.Figure or matplotlib.axes.Axes
        The chart; for an Axes (what the ``plot_*`` functions return) or a
        subfigure, the whole figure it belongs to is written.
    path : str or os.PathLike
        Where to write, with or without a suffix: ``out/casualties`` and
        ``out/casualties.png`` both give ``out/casualties.png``,
        ``out/casualties.svg``, ... A suffix that is not a figure format is
        kept (``out/totals.2016`` gives ``out/totals.2016.png``). Missing
        folders are created.
    formats : str or iterable of str, default ("png", "svg", "pdf")
        File formats, as matplotlib names them (a leading dot and capitals
        are ignored).
    dpi : float, default 200
        Resolution of raster formats (PNG, JPEG, TIFF, WebP).

    Returns
    -------
    list of pathlib.Path
        The files written, in the order of ``formats``.

    Raises
    ------
    ValueError
        If a format is unknown (the message names the supported ones), if no
        format is given, or if ``dpi`` is not positive.
    TypeError
        If ``fig`` is neither a Figure nor an Axes.

    Notes
    -----
    Figures are written with a tight bounding box (``bbox_inches="tight"``),
    so notes and legends outside the axes are kept; PDF and PostScript embed
    fonts as text (Type 42); dates are left out of the metadata so that the
    same chart gives the same file.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import tempfile, pathlib
    >>> fig, ax = plt.subplots()
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in save_figure(ax, folder / "chart.png")]
    ['chart.png', 'chart.svg', 'chart.pdf']
    >>> plt.close(fig)
    """
    import matplotlib as mpl
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

    if not isinstance(fig, (Axes, Figure, SubFigure)):
        raise TypeError(
            f"expected a matplotlib Figure or Axes, not {type(fig).__name__}"
        )
    figure = _root_figure(fig)
    wanted = _normalise_formats(formats)
    supported = _figure_formats()
    if not wanted:
        raise ValueError("no figure format given; supported: " + ", ".join(supported))
    unknown = [f for f in wanted if f not in supported]
    if unknown:
        raise ValueError(
            f"unknown figure format{'s' if len(unknown) > 1 else ''} "
            + ", ".join(repr(f) for f in unknown)
            + "; supported: "
            + ", ".join(supported)
        )
    if not dpi > 0:
        raise ValueError(f"dpi must be positive, not {dpi}")

    base = Path(path)
    if base.suffix.lower().lstrip(".") in supported:
        base = base.with_suffix("")
    if not base.name:
        raise ValueError(f"no file name in {os.fspath(path)!r}")
    base.parent.mkdir(parents=True, exist_ok=True)

    written: list[Path] = []
    with mpl.rc_context(cast(Any, _SAVE_RC)):
        # Let the layout settle before writing, so that saving the same chart twice writes the same files.
        for _ in range(2):
            figure.canvas.draw()
        for fmt in wanted:
            target = base.with_name(f"{base.name}.{fmt}")
            figure.savefig(
                target,
                format=fmt,
                dpi=dpi,
                bbox_inches="tight",
                pad_inches=0.1,
                metadata=_METADATA.get(fmt),
            )
            written.append(target)
    return written


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    """Whether one cell holds a missing value (``None``, NaN, NA, NaT)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _prepare(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Columns named by text, a meaningful index kept as columns."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"table {name!r} is a {type(frame).__name__}, not a pandas DataFrame"
        )
    out = frame
    if not (
        isinstance(out.index, pd.RangeIndex)
        and out.index.start == 0
        and out.index.step == 1
        and all(n is None for n in out.index.names)
    ):
        out = out.reset_index()
    out = out.copy()
    out.columns = pd.Index([str(c) for c in out.columns])
    duplicated = out.columns[out.columns.duplicated()].unique()
    if len(duplicated):
        raise ValueError(
            f"table {name!r} has duplicate columns: " + ", ".join(map(str, duplicated))
        )
    return out


def _iso_dates(values: pd.Series, *, sep: str) -> pd.Series:
    """Datetimes as ISO 8601 text; dates alone where every time is midnight.

    ``sep`` separates date and time (``"T"``; ``" "`` for Excel, which reads
    ``2016-03-27 14:30:00`` as a date and time but not the ``T`` form).
    Missing values stay missing.
    """
    present = values.dropna()
    out = pd.Series(None, index=values.index, dtype=object)
    if present.empty:
        return out
    naive = not isinstance(present.dtype, pd.DatetimeTZDtype)
    if naive and bool((present == present.dt.normalize()).all()):
        text = present.dt.strftime("%Y-%m-%d")
    elif (
        naive
        and bool((present.dt.microsecond == 0).all())
        and bool((present.dt.nanosecond == 0).all())
    ):
        text = present.dt.strftime(f"%Y-%m-%d{sep}%H:%M:%S")
    else:
        text = present.map(lambda t: t.isoformat(sep=sep))
    out.loc[present.index] = text.astype(object)
    return out


def _object_dates(values: pd.Series, *, sep: str) -> pd.Series:
    """ISO text for datetimes and dates mixed into an object column."""
    import datetime as dt

    def one(value: object) -> object:
        if value is pd.NaT:
            return None
        if isinstance(value, dt.datetime):  # pandas.Timestamp too
            return value.isoformat(sep=sep)
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    return values.map(one)


def _csv_frame(frame: pd.DataFrame, *, sep: str) -> pd.DataFrame:
    """A copy ready for CSV: datetimes as ISO text, periods as text."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = _iso_dates(values, sep=sep)
        elif isinstance(values.dtype, pd.PeriodDtype):
            out[column] = values.astype(str).where(values.notna(), None)
        elif values.dtype == object:
            out[column] = _object_dates(values, sep=sep)
    return out


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?(?:\d[\d.,]*|[.,]\d+)(?:[eE][+-]?\d+)?")


def _defuse(value: object) -> object:
    """Text a spreadsheet would run as a formula (``=HYPERLINK(...)``), quoted.

    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a line break
    (after any spaces) and is not a number gets a leading apostrophe, as OWASP
    advises against CSV injection: news text is untrusted input.

    >>> [_defuse(v) for v in ("=1+1", " @SUM(A1)", "-12", "+3,5", "- twaalf doden", 7)]
    ["'=1+1", "' @SUM(A1)", '-12', '+3,5', "'- twaalf doden", 7]
    """
    if not isinstance(value, str) or not value.lstrip(" ").startswith(_FORMULA_STARTS):
        return value
    return value if _NUMBER.fullmatch(value.strip()) else "'" + value


def _defused(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (a copy ready for CSV) with every text cell defused."""
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values):
            frame[column] = values.map(_defuse)
    return frame


def _excel_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for the Excel CSV: ISO dates with a space, formulas defused."""
    return _defused(_csv_frame(frame, sep=" "))


def _parquet_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy that pyarrow can write: mixed object columns become text."""
    import pyarrow as pa

    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype != object:
            continue
        try:
            pa.array(values, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            text = values.map(lambda v: None if _is_missing(v) else str(v))
            out[column] = text.astype("string")
    return out


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"a table name must be non-empty text, not {name!r}")
    if name in (".", "..") or any(c in name for c in '/\\:*?"<>|\0'):
        raise ValueError(
            f'table name {name!r} cannot be a file name (no / \\ : * ? " < > | allowed)'
        )
    return name


def write_tables(
    tables: Mapping[str, pd.DataFrame],
    out_dir: str | os.PathLike[str],
    *,
    formats: str | Iterable[str] = TABLE_FORMATS,
) -> list[Path]:
    """Write tables as CSV, Parquet and a CSV for Excel.

    Each table ``name`` gives, per format:

    ``csv``
        ``<name>.csv``: UTF-8, ``,`` separator, ``.`` decimal point, for
        people: safe to open in a spreadsheet (see *Formulas* below).
    ``parquet``
        ``<name>.parquet`` (pyarrow), for programs: exact, dtypes kept
        (nullable integers, datetimes). Object columns that mix kinds of
        values (numbers and text, say) are written as text, so writing never
        fails on them.
    ``excel_csv``
        ``<name>.excel.csv``: UTF-8 with a byte-order mark, ``;`` separator,
        ``,`` decimal comma and Windows line ends, for people: Excel set to
        Dutch (and other languages that write decimal commas) opens it with
        columns, accents and numbers right. Formulas defused as in ``csv``.
    ``exact_csv``
        ``<name>.exact.csv`` (only when asked for): the ``csv`` file without
        the defusing, for programs that need every cell exactly as
        extracted. Do not open it in a spreadsheet: a sentence that starts
        with ``=`` runs there as a formula.

    Datetimes are written as ISO 8601 text in the CSV files
    (``2016-03-27``, or ``2016-03-27T14:30:00``; in the Excel file the time
    follows a space, which Excel reads as a date and time). Missing values
    are empty cells. An index other than the default ``0..n-1`` is written
    as columns.

    Parameters
    ----------
    tables : mapping of str to pandas.DataFrame
        Tables by name, e.g. ``{"casualties": ..., "territory": ...}``.
    out_dir : str or os.PathLike
        Folder to write into; created when missing.
    formats : str or iterable of str, default ("csv", "parquet", "excel_csv")
        Which files to write; ``"exact_csv"`` is also known.

    Returns
    -------
    list of pathlib.Path
        The files written, per table in the order of ``formats``.

    Raises
    ------
    ValueError
        If a format is unknown (the message names the supported ones), a
        name cannot be a file name, or a table has duplicate column names.
    TypeError
        If a table is not a DataFrame.

    Notes
    -----
    *Formulas.* News text is untrusted input: a title or sentence that
    starts with ``=``, ``+``, ``-`` or ``@`` would run as a formula in a
    spreadsheet (``=HYPERLINK(...)``, or worse). In the files for people
    (``csv`` and ``excel_csv``) such a cell that is not a number starts with
    an apostrophe (OWASP's advice against CSV injection); numbers such as
    ``-12`` are left alone. Read the exact text from the Parquet file (or
    ``exact_csv``), not from these.

    Excel opens a double-clicked CSV with the list separator and decimal
    sign of the computer's regional settings. With English (US or UK)
    settings, which separate with ``,``, open ``<name>.csv``, or open
    ``<name>.excel.csv`` through Data > From Text/CSV (delimiter ``;``,
    locale Dutch).

    Examples
    --------
    >>> import tempfile
    >>> frame = pd.DataFrame({"place": ["Aleppo"], "best": [12]})
    >>> paths = write_tables({"totals": frame}, tempfile.mkdtemp())
    >>> [p.name for p in paths]
    ['totals.csv', 'totals.parquet', 'totals.excel.csv']
    """
    wanted = _normalise_formats(formats)
    unknown = [f for f in wanted if f not in _TABLE_SUFFIXES]
    if unknown or not wanted:
        raise ValueError(
            (
                "unknown table formats " + ", ".join(repr(f) for f in unknown)
                if unknown
                else "no table format given"
            )
            + "; supported: "
            + ", ".join(_TABLE_SUFFIXES)
        )
    prepared = {
        _check_name(name): _prepare(name, frame) for name, frame in tables.items()
    }
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)

    written: list[Path] = []
    for name, frame in prepared.items():
        for fmt in wanted:
            target = folder / f"{name}{_TABLE_SUFFIXES[fmt]}"
            if fmt in ("csv", "exact_csv"):
                text = _csv_frame(frame, sep="T")
                (_defused(text) if fmt == "csv" else text).to_csv(
                    target, index=False, encoding="utf-8", lineterminator="\n"
                )
            elif fmt == "parquet":
                _parquet_frame(frame).to_parquet(target, engine="pyarrow", index=False)
            else:
                _excel_frame(frame).to_csv(
                    target,
                    index=False,
                    sep=";",
                    decimal=",",
                    encoding="utf-8-sig",
                    lineterminator="\r\n",
                )
            written.append(target)
    return written


def format_table(table: "pd.DataFrame", *, rows: int = 20, width: int = 60) -> str:
    """Up to ``rows`` rows of ``table`` as plain text that reads the same on every pandas version.

    Dates print as ISO (without a midnight time), lists are joined with commas,
    missing values are blank; a last line says how many rows were left out.
    Notebooks print tables this way so that their stored outputs stay stable.

    >>> import pandas as pd
    >>> print(format_table(pd.DataFrame({"place": ["Yarmouk", None], "when": pd.to_datetime(["2018-04-24", None]),
    ...                                  "articles": [["a", "b"], []]})))
      place       when articles
    Yarmouk 2018-04-24     a, b
    """

    def cell(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return ", ".join(map(str, value))
        if isinstance(value, pd.Timestamp):
            return value.strftime("%Y-%m-%d %H:%M").removesuffix(" 00:00")
        if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
            return ""
        return value

    shown = table.head(rows).copy()
    for name in shown.columns:
        shown[name] = [cell(value) for value in shown[name]]
    text = shown.to_string(index=False, max_colwidth=width) if len(shown) else "(no rows)"
    if len(table) > rows:
        text += f"\n... and {len(table) - rows} more rows"
    return text
