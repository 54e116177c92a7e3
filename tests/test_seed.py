"""The seed article's facts (../shared/seed/EXPECTED.md), every column."""

from __future__ import annotations

import pandas as pd
import pytest

import conflictnews as cn
from tests.conftest import SEED, assert_spans, needs_shared

pytestmark = needs_shared("seed")


@pytest.fixture(scope="module")
def article() -> cn.Article:
    return cn.read_article(SEED)


@pytest.fixture(scope="module")
def casualties(article: cn.Article) -> pd.DataFrame:
    from conflictnews.pipeline import CASUALTY_COLUMNS, frame

    return frame(cn.extract_casualties(article), CASUALTY_COLUMNS)


def test_metadata(article: cn.Article) -> None:
    assert article.title == "Achttien Syrische soldaten gestorven na gevecht met IS in Damascus"
    assert article.byline == "KVE"
    assert article.published == pd.Timestamp("2018-04-24 18:25")
    assert article.published_precision == "minute"
    assert article.source == "Belga"
    assert article.language == "nl"
    assert article.text.startswith("De voorbije vierentwintig uur")


EXPECTED = [  # count, group, actor, qualifier, low, high, start, end, place, source, cumulative
    (18, "military", "Syrian government forces", "at_least", 18, None, "2018-04-23", "2018-04-24", "Damascus", "SOHR", False),
    (52, "military", "Syrian government forces", "exact", 52, 52, "2018-04-18", "2018-04-24", "Damascus", "SOHR", False),
    (35, "armed_group", "Islamic State", "exact", 35, 35, "2018-04-18", "2018-04-24", "Damascus", "SOHR", False),
    (4, "civilian", None, "exact", 4, 4, "2018-04-24", "2018-04-24", "Damascus", "SANA", False),
    (350000, "unknown", None, "more_than", 350000, None, "2011-01-01", "2018-04-24", "Syria", None, True),
]


@pytest.mark.parametrize("count, group, actor, qualifier, low, high, start, end, place, source, cumulative", EXPECTED,
                         ids=[f"C{i}" for i in range(1, 6)])
def test_casualty_report(casualties: pd.DataFrame, count, group, actor, qualifier, low, high, start, end, place,
                         source, cumulative) -> None:
    body = casualties[~casualties.from_title]
    rows = body[(body.count_best == count) & (body.victim_group == group) & (body.outcome == "killed")]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row.victim_actor == actor if actor else pd.isna(row.victim_actor)
    assert row.qualifier == qualifier
    assert row.count_low == low
    assert pd.isna(row.count_high) if high is None else row.count_high == high
    assert str(row.period_start.date()) == start and str(row.period_end.date()) == end
    assert row.place == place
    assert pd.isna(row.attributed_to) if source is None else row.attributed_to == source
    assert bool(row.cumulative) is cumulative


def test_only_five_killed_reports_in_the_body(casualties: pd.DataFrame) -> None:
    body = casualties[~casualties.from_title]
    assert sorted(body[body.outcome == "killed"].count_best) == [4, 18, 35, 52, 350000]
    for number in (160000, 5, 10_000_000, 2011, 2015):
        assert number not in set(body.count_best)


def test_displacement_is_not_death(casualties: pd.DataFrame) -> None:
    displaced = casualties[casualties.outcome == "displaced"]
    assert list(displaced.count_best) == [1_000_000]
    assert displaced.qualifier.tolist() == ["vague"]


def test_headline_is_flagged(casualties: pd.DataFrame, article: cn.Article) -> None:
    title = casualties[casualties.from_title]
    assert list(title.count_best) == [18]
    assert_spans(cn.extract_casualties(article), article.text, article.title)


def test_totals_do_not_double_count() -> None:
    extraction = cn.extract(cn.read_corpus([SEED]))
    killed = extraction.casualties[extraction.casualties.outcome == "killed"]
    totals = cn.casualty_totals(killed, by=["victim_group"]).set_index("victim_group")["best"]
    assert totals.to_dict() == {"armed_group": 35, "civilian": 4, "military": 52}
    tolls = cn.running_tolls(extraction.casualties)
    assert tolls[tolls.outcome == "killed"].count_best.tolist() == [350000]


@pytest.mark.parametrize("place", ["Yarmouk", "Hajar al-Aswad", "Qadam"])
def test_t1_controls(article: cn.Article, place: str) -> None:
    claims = cn.extract_territory(article)
    assert any(c.actor == "Islamic State" and c.place == place and c.status == "controls" for c in claims)


def test_territory_claims(article: cn.Article) -> None:
    claims = cn.extract_territory(article)
    assert_spans(claims, article.text, article.title)
    t2 = [c for c in claims if c.actor == "Islamic State" and c.place == "Damascus" and c.status == "controls"]
    assert t2 and t2[0].since is not None and t2[0].since.year == 2015
    assert any(c.actor == "Syrian government" and c.place == "Eastern Ghouta" and c.status == "seeks_control"
               for c in claims)
    t4 = [c for c in claims if c.actor == "Islamic State" and c.place == "Syria" and c.share_pct == 5]
    assert t4 and t4[0].qualifier == "at_most"
    t5 = [c for c in claims if c.actor == "Islamic State" and c.population == 10_000_000]
    assert t5 and t5[0].attributed_to == "BBC" and t5[0].qualifier == "more_than"


def test_timeline(article: cn.Article) -> None:
    events = cn.extract_timeline(article)
    assert_spans(events, article.text, article.title)
    spans = {(str(e.date_start.date()), str(e.date_end.date()), e.date_precision) for e in events if e.date_start}
    for expected in [("2018-04-19", "2018-04-19", "day"), ("2018-04-24", "2018-04-24", "day"),
                     ("2018-04-18", "2018-04-24", "day"), ("2018-04-23", "2018-04-24", "day"),
                     ("2014-01-01", "2015-12-31", "year"), ("2011-01-01", "2011-12-31", "year")]:
        assert expected in spans
    assert any(s == "2015-01-01" and p == "year" for s, _, p in spans)
