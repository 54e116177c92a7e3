"""The counting rules of casualty_totals, each on its own, and the tables built on them."""

from __future__ import annotations

import pandas as pd
import pytest

import conflictnews as cn
from conflictnews.pipeline import CASUALTY_COLUMNS, frame

BASE = {"outcome": "killed", "victim_group": "military", "victim_actor": "Syrian government forces",
        "place": "Damascus", "qualifier": "exact", "cumulative": False, "subset": False, "from_title": False,
        "attributed_to": None, "surface": "x", "sentence": "s", "span_start": 0, "span_end": 1}


def rows(*specs: dict) -> pd.DataFrame:
    table = pd.DataFrame([{**BASE, **spec} for spec in specs])
    for column in ("period_start", "period_end"):
        table[column] = pd.to_datetime(table[column], format="ISO8601")
    for column in ("count_low", "count_best", "count_high"):
        table[column] = table[column].astype("Int64")
    return table


def total(table: pd.DataFrame, **kwargs) -> dict:
    result = cn.casualty_totals(table, **kwargs)
    return result.iloc[0][["low", "best", "high"]].to_dict() if len(result) == 1 else result


def test_window_inside_another_is_part_of_it() -> None:
    table = rows({"article_id": "a", "count_low": 18, "count_best": 18, "count_high": None, "sentence": "1",
                  "period_start": "2018-04-23 18:25", "period_end": "2018-04-24 18:25"},
                 {"article_id": "a", "count_low": 52, "count_best": 52, "count_high": 52, "sentence": "2",
                  "period_start": "2018-04-18", "period_end": "2018-04-24"})
    assert total(table) == {"low": 52, "best": 52, "high": 52}


def test_headline_repeats_the_lead() -> None:
    table = rows({"article_id": "a", "count_low": 7, "count_best": 7, "count_high": 7, "from_title": True,
                  "period_start": "2018-04-24", "period_end": "2018-04-24", "sentence": "t"},
                 {"article_id": "a", "count_low": 7, "count_best": 7, "count_high": 7,
                  "period_start": "2018-04-23", "period_end": "2018-04-24", "sentence": "b"})
    assert total(table)["best"] == 7


def test_a_headline_alone_counts() -> None:
    table = rows({"article_id": "a", "count_low": 7, "count_best": 7, "count_high": 7, "from_title": True,
                  "period_start": "2018-04-24", "period_end": "2018-04-24"})
    assert total(table)["best"] == 7


def test_cumulative_and_subsets_stay_out() -> None:
    table = rows({"article_id": "a", "count_low": 350000, "count_best": 350000, "count_high": None,
                  "cumulative": True, "period_start": "2011-01-01", "period_end": "2018-04-24"},
                 {"article_id": "a", "count_low": 5, "count_best": 5, "count_high": 5, "subset": True,
                  "period_start": "2018-04-24", "period_end": "2018-04-24"})
    assert cn.casualty_totals(table).empty
    tolls = cn.running_tolls(table)
    assert tolls.count_best.tolist() == [350000]


def test_sources_disagreeing_give_a_range() -> None:
    table = rows({"article_id": "a", "count_low": 11, "count_best": 11, "count_high": None, "attributed_to": "DPA",
                  "sentence": "1", "period_start": "2024-07-14", "period_end": "2024-07-14"},
                 {"article_id": "b", "count_low": 5, "count_best": 5, "count_high": None, "attributed_to": "AP",
                  "sentence": "2", "period_start": "2024-07-14", "period_end": "2024-07-14"},
                 {"article_id": "c", "count_low": 8, "count_best": 8, "count_high": 8, "attributed_to": "AFP",
                  "sentence": "3", "period_start": "2024-07-14", "period_end": "2024-07-14"})
    result = total(table)
    assert result["low"] == 5 and result["best"] == 5 and pd.isna(result["high"])


def test_figures_of_one_sentence_add_up() -> None:
    table = rows({"article_id": "a", "count_low": 12, "count_best": 12, "count_high": 12, "sentence": "same",
                  "period_start": "2020-05-03", "period_end": "2020-05-03"},
                 {"article_id": "a", "count_low": 3, "count_best": 3, "count_high": 3, "sentence": "same",
                  "period_start": "2020-05-03", "period_end": "2020-05-03"})
    assert total(table)["best"] == 15


def test_unknown_side_restating_known_sides() -> None:
    table = rows({"article_id": "a", "count_low": 6, "count_best": 6, "count_high": 6, "victim_group": "civilian",
                  "victim_actor": None, "sentence": "1", "period_start": "2020-05-09", "period_end": "2020-05-09"},
                 {"article_id": "a", "count_low": 6, "count_best": 6, "count_high": 6, "victim_group": "unknown",
                  "victim_actor": None, "sentence": "2", "period_start": "2020-05-09", "period_end": "2020-05-09"})
    assert cn.casualty_totals(table, by=[])["best"].sum() == 6


def test_low_best_high_order_and_periods() -> None:
    table = rows(*[{"article_id": f"a{i}", "count_low": n, "count_best": n, "count_high": None if i % 2 else n,
                    "sentence": str(i), "place": f"P{i}", "period_start": f"2018-0{1 + i}-01",
                    "period_end": f"2018-0{1 + i}-02"} for i, n in enumerate([3, 10, 7])])
    monthly = cn.casualty_totals(table, by=["victim_group"], freq="M")
    assert monthly.best.tolist() == [3, 10, 7]
    assert (monthly.low <= monthly.best).all()
    both = monthly.dropna(subset=["high"])
    assert (both.best <= both.high).all()


def test_empty_input() -> None:
    empty = frame([], CASUALTY_COLUMNS)
    assert cn.casualty_totals(empty).empty
    assert cn.running_tolls(empty).empty


def test_territory_control_and_timeline_merge() -> None:
    texts = ["Het leger heeft de stad Mosul op 10 juli 2017 heroverd op IS.",
             "Op 10 juli 2017 heroverde het Iraakse leger Mosul, aldus Reuters."]
    claims = pd.concat([frame(cn.extract_territory(t, lang="nl", published="2017-07-11"),
                              list(cn.TerritoryClaim.__dataclass_fields__)).assign(article_id=f"a{i}")
                        for i, t in enumerate(texts)])
    control = cn.territory_control(claims)
    assert set(control.place) == {"Mosul"} and set(control.status) == {"captured"}
    events = pd.concat([frame(cn.extract_timeline(t, lang="nl", published="2017-07-11"),
                              list(cn.TimelineEvent.__dataclass_fields__)).assign(article_id=f"a{i}")
                        for i, t in enumerate(texts)])
    merged = cn.merge_timelines(events, place="Mosul")
    assert merged.n_articles.tolist() == [2]
    assert str(merged.date_start.iloc[0].date()) == "2017-07-10"


def test_the_same_figure_repeated_across_articles_counts_once() -> None:
    table = rows(*[{"article_id": f"a{i}", "count_low": 233, "count_best": 233, "count_high": 233, "sentence": str(i),
                    "victim_group": "armed_group", "victim_actor": "Islamic State",
                    "period_start": f"2018-05-{10 + i}", "period_end": f"2018-05-{16 + i}"} for i in range(4)])
    assert total(table)["best"] == 233
    other = rows({"article_id": "b", "count_low": 40, "count_best": 40, "count_high": 40, "sentence": "x",
                  "victim_group": "armed_group", "victim_actor": "Islamic State",
                  "period_start": "2018-05-12", "period_end": "2018-05-18"})
    assert total(pd.concat([table, other]))["best"] == 273


def _claims(*rows: dict) -> pd.DataFrame:
    columns = list(cn.TerritoryClaim.__dataclass_fields__)
    base = {column: None for column in columns}
    base.update(certainty="stated", past=False, from_title=False, surface="", sentence="", span_start=0, span_end=0)
    return pd.DataFrame([{**base, **row} for row in rows], columns=columns).assign(
        as_of=lambda f: pd.to_datetime(f["as_of"]))


def test_control_ledger_keeps_conflicting_accounts_side_by_side() -> None:
    # A holds the town; B takes it on 20 November by its own account; A says it took it back that day, and B
    # denies that: from that day the two accounts disagree, and the ledger shows both.
    a, b = "Ukrainian government", "Russian government"
    claims = _claims(
        {"article_id": "x", "place": "Krynky", "actor": a, "actor_group": "state", "status": "controls",
         "as_of": "2023-11-01"},
        {"article_id": "y", "place": "Krynky", "actor": b, "actor_group": "state", "status": "captured",
         "from_actor": a, "attributed_to": b, "as_of": "2023-11-20"},
        {"article_id": "z", "place": "Krynky", "actor": a, "status": "captured", "from_actor": b,
         "attributed_to": a, "as_of": "2023-11-20"},
        {"article_id": "z", "place": "Krynky", "actor": a, "status": "captured", "from_actor": b,
         "attributed_to": b, "certainty": "denied", "as_of": "2023-11-20"})
    ledger = cn.territory_control(claims)
    before = ledger[ledger["date"] == pd.Timestamp("2023-11-01")]
    assert before[["account", "holder"]].values.tolist() == [["reported", a]]
    day = ledger[ledger["date"] == pd.Timestamp("2023-11-20")]
    standing = day.groupby("account")["holder"].last().to_dict()
    # the text's own word of 1 November was given before the capture B states: it is not carried as a third
    # account disputing it
    assert standing == {a: a, b: b}
    assert not day["agree"].any() and set(day["accounts"]) == {2}
    denial = day[day["certainty"] == "denied"].iloc[0]
    assert denial["account"] == b and denial["holder"] == b  # the denied claim is kept, never the holder
    assert not day["carried"].any()
    now = cn.control_as_of(ledger, "2023-12-01").set_index("place").loc["Krynky"]
    assert pd.isna(now["holder"]) and bool(now["contested"]) and not bool(now["agree"]) and now["accounts"] == 2
    assert now["standings"] == f"{b} ({b}); {a} ({a})"
    assert now["last_claim"] == pd.Timestamp("2023-11-20") and now["claims"] == 4 and now["articles"] == 3
    # the columns the report, the plots and notebook 03 read are still there, with a holder group for a map
    assert {"place", "date", "actor", "status", "holder", "since", "as_of", "share_pct", "population",
            "attributed_to", "article_id", "surface", "sentence", "holder_group", "latitude",
            "longitude"} <= set(ledger.columns)
    assert set(day["holder_group"]) == {"state"}


def test_control_ledger_doubt_past_and_loss_change_no_holder_as_fact() -> None:
    claims = _claims(
        {"place": "Mosul", "actor": "Islamic State", "status": "controls", "as_of": "2016-10-01"},
        {"place": "Mosul", "actor": "Iraqi government", "status": "captured", "certainty": "uncertain",
         "as_of": "2016-11-01"},
        {"place": "Mosul", "actor": "Islamic State", "status": "controls", "past": True, "as_of": "2017-08-01"},
        {"place": "Raqqa", "actor": "Islamic State", "status": "controls", "as_of": "2017-01-01"},
        {"place": "Raqqa", "actor": "Islamic State", "status": "lost", "as_of": "2017-10-20"},
        {"place": "Hit, Iraq", "actor": "Iraqi government", "status": "seeks_control", "from_actor": "Islamic State",
         "as_of": "2016-03-01"},
        {"place": "Tikrit", "actor": "Iraqi government", "status": "captured"})  # undated
    ledger = cn.territory_control(claims)
    mosul = ledger[ledger["place"] == "Mosul"]
    assert mosul["holder"].tolist() == ["Islamic State", "Islamic State", None]
    assert mosul["certainty"].tolist()[1] == "uncertain"
    assert ledger[ledger["place"] == "Raqqa"]["holder"].tolist() == ["Islamic State", None]
    assert ledger[ledger["place"] == "Hit, Iraq"]["holder"].tolist() == ["Islamic State"]
    undated = ledger[ledger["date"].isna()]
    assert undated["place"].tolist() == ["Tikrit"] and undated["holder"].tolist() == ["Iraqi government"]
    now = cn.control_as_of(ledger, "2017-12-31").set_index("place")
    assert now.index.tolist() == ["Hit, Iraq", "Mosul", "Raqqa"]  # Tikrit is undated
    assert now["holder"].tolist() == ["Islamic State", None, None]  # Mosul, Raqqa: no holder known
    assert now["accounts"].tolist() == [1, 0, 0] and not now["contested"].any()
    assert cn.territory_control(claims.iloc[:0]).empty


def test_control_ledger_from_text() -> None:
    text = ("Russian troops captured Krynky on 20 November, the Russian defence ministry said. "
            "Kyiv denied that Russian troops had taken Krynky.")
    claims = frame(cn.extract_territory(text, lang="en", published="2023-11-21"),
                   list(cn.TerritoryClaim.__dataclass_fields__)).assign(article_id="a")
    ledger = cn.territory_control(claims)
    denied = ledger[ledger["certainty"] == "denied"]
    assert denied["account"].tolist() == ["Ukrainian government"]
    assert denied["holder"].tolist() == ["Ukrainian government"]
    assert set(ledger["holder"]) == {"Russian government", "Ukrainian government"}
