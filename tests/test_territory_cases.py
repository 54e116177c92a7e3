"""The per-language territory case tables: a sentence in, (actor, place, status) claims out."""

from __future__ import annotations

import pytest

import conflictnews as cn
from tests.cases import territory_en, territory_nl
from tests.conftest import assert_spans


def _claims(text: str, lang: str) -> set[tuple[str | None, str, str]]:
    claims = cn.extract_territory(text, lang=lang, published="2018-04-24 18:25")
    assert_spans(claims, text)
    return {(c.actor, c.place, c.status) for c in claims}


@pytest.mark.parametrize("text, expected", territory_nl.CASES)
def test_dutch_territory(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _claims(text, "nl") == set(expected)


@pytest.mark.parametrize("text, expected", territory_en.CASES)
def test_english_territory(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _claims(text, "en") == set(expected)


@pytest.mark.parametrize("module", [territory_nl, territory_en], ids=["nl", "en"])
def test_case_tables_are_large_enough(module) -> None:
    cases = module.CASES
    assert len(cases) >= 40
    assert sum(1 for case in cases if not case.values[1]) >= 10  # negatives
