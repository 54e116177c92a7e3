"""The roles of each casualty fact (tests/cases/roles.py), and the clause layer on hostile text."""

from __future__ import annotations

from typing import Any

import pytest

import conflictnews as cn
from conflictnews import clauses
from conflictnews.document import documents
from tests.cases import roles
from tests.conftest import assert_spans

PUBLISHED = "2018-04-24 18:25"


def _value(report: Any, field: str) -> Any:
    value = getattr(report, field)
    if field in ("period_start", "period_end") and value is not None:
        return value.date().isoformat()
    return value


@pytest.mark.parametrize("lang, text, count, expected", roles.CASES)
def test_roles(lang: str, text: str, count: int, expected: dict[str, Any]) -> None:
    reports = cn.extract_casualties(text, lang=lang, published=PUBLISHED)
    assert_spans(reports, text)
    chosen = [r for r in reports if r.count_best == count]
    assert chosen, f"no report of {count} in {[(r.outcome, r.count_best) for r in reports]}"
    got = {field: _value(chosen[0], field) for field in expected}
    assert got == expected


@pytest.mark.parametrize("text", [
    "pro-IS " * 2000, "IS-held " * 2000, "said said said " * 1000, "according to " * 2000, ", killing " * 2000,
    "door " * 3000, "Bij een aanval van " * 1000, "the monitor's head " * 1000, "Dat meldt " * 2000,
])
def test_the_clause_layer_ends_on_repetitive_text(text: str) -> None:
    """Every reader of the clause layer steps forward or back on every word: no loop, no exception."""
    for lang in ("en", "nl"):
        doc = documents(text, lang=lang)[0]
        for index, sentence in enumerate(doc.sentences):
            clauses.parse(doc, index)
            clauses.speaker(doc, index, sentence.start, sentence.end)
            clauses.perpetrator(doc, index, sentence.start, sentence.start + 1)
            clauses.certainty(doc, index, sentence.start, sentence.end)
