"""Shared fixtures: where ../shared is, the seed article, and the span invariant."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
import pytest

if TYPE_CHECKING:
    import pandas as pd

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CONFLICTNEWS_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_d6b52ef17356cc05.txt"
DATA = ROOT / "data"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip unless ``../shared/<parts>`` exists (real articles and event data are not in the repository)."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (real data is read from ../shared only)")


def assert_spans(records, text: str, title: str | None = None) -> None:
    """Every record's span holds its surface: ``text[span_start:span_end] == surface``."""
    for record in records:
        source = title if getattr(record, "from_title", False) else text
        assert source is not None
        assert source[record.span_start:record.span_end] == record.surface, record


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


def counts_table(rows: list[dict[str, object]]) -> "pd.DataFrame":
    """Casualty rows written by a test, with the nullable integer counts of ``extract``'s tables."""
    import pandas as pd

    frame = pd.DataFrame(rows)
    for column in ("count_low", "count_best", "count_high"):
        frame[column] = frame[column].astype("Int64")
    return frame
