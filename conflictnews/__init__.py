"""conflictnews: casualty counts, territorial control and timelines read from the news.

The public API of ``SPEC.md``, re-exported. Modules are imported on first use,
so that ``import conflictnews`` stays fast (pandas and matplotlib load only when
a function that needs them is called).

The pipeline runs one way::

    read_corpus -> extract -> casualty_totals / territory_control / merge_timelines
                -> plot_* / plot_map -> save_figure / write_tables / write_layouts / write_report
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "records",
    "CasualtyReport": "records",
    "Count": "records",
    "TerritoryClaim": "records",
    "TimelineEvent": "records",
    "parse_count": "numbers",
    "read_article": "corpus",
    "read_corpus": "corpus",
    "Corpus": "corpus",
    "extract_casualties": "casualties",
    "extract_territory": "territory",
    "extract_timeline": "timeline",
    "extract": "pipeline",
    "Extraction": "pipeline",
    "casualty_totals": "aggregate",
    "running_tolls": "aggregate",
    "incidents": "aggregate",
    "load_gold": "evaluate",
    "score_territory_events": "evaluate",
    "score_territory_gains": "evaluate",
    "score_false_territory": "evaluate",
    "territory_control": "aggregate",
    "control_as_of": "aggregate",
    "merge_timelines": "aggregate",
    "plot_casualties": "plots",
    "plot_casualties_by": "plots",
    "plot_running_toll": "plots",
    "plot_territory": "plots",
    "plot_timeline": "plots",
    "plot_sources": "plots",
    "plot_map": "maps",
    "write_layouts": "layouts",
    "score_export": "evaluate",
    "save_figure": "export",
    "write_tables": "export",
    "format_table": "export",
    "write_report": "report",
    "evaluate_gold": "evaluate",
    "score_events": "evaluate",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'conflictnews' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:  # pragma: no cover
    from .aggregate import (casualty_totals, control_as_of, incidents, merge_timelines, running_tolls,
                            territory_control)
    from .casualties import extract_casualties
    from .corpus import Corpus, read_article, read_corpus
    from .evaluate import (evaluate_gold, load_gold, score_events, score_export, score_false_territory,
                           score_territory_events, score_territory_gains)
    from .export import format_table, save_figure, write_tables
    from .layouts import write_layouts
    from .maps import plot_map
    from .numbers import parse_count
    from .pipeline import Extraction, extract
    from .plots import (plot_casualties, plot_casualties_by, plot_running_toll, plot_sources,
                        plot_territory, plot_timeline)
    from .records import Article, CasualtyReport, Count, TerritoryClaim, TimelineEvent
    from .report import write_report
    from .territory import extract_territory
    from .timeline import extract_timeline
