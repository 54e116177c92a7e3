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


def test_doubted_tolls_are_kept_flagged_and_left_out_of_totals_unless_asked_for() -> None:
    text = ("Twelve soldiers were killed in the ambush on Monday. Three civilians are feared dead. "
            "Rebels said 40 militants died, but this could not be verified.")
    table = cn.extract([{"article_id": "a", "title": None, "text": text, "language": "en",
                         "published": "2018-04-24"}]).casualties
    assert sorted(zip(table["count_best"], table["certainty"])) == [(3, "uncertain"), (12, "stated"),
                                                                    (40, "uncertain")]
    stated = cn.casualty_totals(table, by=["victim_group"])
    assert dict(zip(stated["victim_group"], stated["best"])) == {"military": 12}
    asked = cn.casualty_totals(table, by=["victim_group"], certainty=("stated", "uncertain"))
    assert dict(zip(asked["victim_group"], asked["best"])) == {"armed_group": 40, "civilian": 3, "military": 12}
