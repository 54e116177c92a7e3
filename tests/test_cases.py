"""The per-language case tables: text in, facts out, with readable ids."""

from __future__ import annotations

import pandas as pd
import pytest

import conflictnews as cn
from conflictnews.temporal import Reference, find_times
from tests.cases import casualties_en, casualties_nl, times
from tests.conftest import assert_spans


def _facts(text: str, lang: str) -> list[tuple[str, int, str]]:
    reports = cn.extract_casualties(text, lang=lang, published="2018-04-24 18:25")
    assert_spans(reports, text)
    return [(r.outcome, r.count_best, r.victim_group) for r in reports]


@pytest.mark.parametrize("text, expected", casualties_nl.CASES)
def test_dutch_casualties(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _facts(text, "nl") == expected


@pytest.mark.parametrize("text, expected", casualties_en.CASES)
def test_english_casualties(text: str, expected: list[tuple[str, int, str]]) -> None:
    assert _facts(text, "en") == expected


REFERENCE = Reference(pd.Timestamp(times.PUBLISHED).to_pydatetime(), "minute")


@pytest.mark.parametrize("lang, text, start, end, precision", times.CASES)
def test_times(lang: str, text: str, start: str, end: str, precision: str) -> None:
    found = find_times(text, lang=lang, reference=REFERENCE)
    assert found, f"no time expression in {text!r}"
    first = found[0]
    assert text[first.start:first.end] == first.surface
    got = (str(first.date_start.date()) if first.date_start else None,
           str(first.date_end.date()) if first.date_end else None, first.precision)
    assert got == (start, end, precision)


@pytest.mark.parametrize("lang, text, start, end, precision", times.MONTH_CASES)
def test_times_with_month_only_publication(lang: str, text: str, start: str | None, end: str | None,
                                           precision: str | None) -> None:
    first = find_times(text, lang=lang, reference=Reference(pd.Timestamp("2018-04-01").to_pydatetime(), "month"))[0]
    got = (str(first.date_start.date()) if first.date_start else None,
           str(first.date_end.date()) if first.date_end else None, first.precision)
    assert got == (start, end, precision)


@pytest.mark.parametrize("lang, text", times.NOT_DATES)
def test_not_dates(lang: str, text: str) -> None:
    assert find_times(text, lang=lang, reference=REFERENCE) == []


@pytest.mark.parametrize("text, lang, place", [
    ("BAGHDAD — Five soldiers were killed in Tikrit, 160 km north of Baghdad.", "en", "Tikrit"),
    ("BEIRUT (AFP) - Air strikes killed 12 civilians in Douma, the Britain-based monitor said.", "en", "Douma"),
    # a bearing within 25 km places the fact near its point (precision 2), a farther one does not
    ("Bij een aanval 20 kilometer ten zuiden van Aleppo zijn zeker vijf burgers gedood.", "nl", "Aleppo"),
    ("Bij een aanval 80 kilometer ten zuiden van Aleppo zijn zeker vijf burgers gedood.", "nl", None),
], ids=["distance-and-dateline", "dateline-and-base", "near-bearing-nl", "far-bearing-nl"])
def test_reference_places_are_not_where_it_happened(text: str, lang: str, place: str | None) -> None:
    assert [r.place for r in cn.extract_casualties(text, lang=lang)] == [place]


def test_territory_ignores_reference_places() -> None:
    claims = cn.extract_territory("Iraqi forces retook Saadiya, some 120 km northeast of the Iraqi capital Baghdad.",
                                  lang="en")
    assert {(c.actor, c.place, c.status) for c in claims} == {("Iraqi government", "Saadiya", "captured")}


@pytest.mark.parametrize("lang, text, total", [
    ("en", "Three policemen, two soldiers and one civilian were killed.", 6),
    ("en", "Six people were killed: four soldiers and two civilians.", 6),
    ("en", "Police shot dead five protesters since Monday.", 5),
    ("nl", "Sinds maandag zijn vijf betogers doodgeschoten.", 5),
], ids=["list-is-not-a-breakdown", "breakdown-after-total", "since-a-weekday-undated", "sinds-maandag-undated"])
def test_killed_totals(lang: str, text: str, total: int) -> None:
    """Totals without a publication date: a list is not a breakdown, a window of days is not a running toll."""
    from conflictnews.evaluate import killed_total

    assert killed_total(text, lang=lang) == total
