"""Tests of the exports in the field's layouts (ACLED, UCDP GED, GeoJSON) and of scoring them against event data."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from conflictnews import write_layouts
from conflictnews.cli import main
from conflictnews.evaluate import read_events, score_export
from conflictnews.layouts import (
    ACLED_COLUMNS,
    LAYOUT_FILES,
    UCDP_COLUMNS,
    acled_events,
    incidents_geojson,
    places_geojson,
    ucdp_events,
)
from tests.conftest import counts_table

T = pd.Timestamp
DATA = Path(__file__).resolve().parents[1] / "data"


def report(place: str | None, group: str, best: int, *, article: str, day: str = "2018-04-24",
           until: str | None = None, outcome: str = "killed", actor: str | None = None, high: int | None = -1,
           sentence: str | None = None, source: str | None = None) -> dict[str, object]:
    return {"article_id": article, "outcome": outcome, "victim_group": group, "victim_actor": actor,
            "count_low": best, "count_best": best, "count_high": best if high == -1 else high,
            "qualifier": "exact", "period_start": T(day), "period_end": T(until or day), "date_precision": "day",
            "cumulative": False, "subset": False, "place": place, "latitude": None, "longitude": None,
            "attributed_to": source, "from_title": False, "surface": str(best),
            "sentence": sentence or f"In {place}, {best} people of the {group} side were killed.",
            "span_start": 0, "span_end": 1}


@pytest.fixture
def casualties() -> pd.DataFrame:
    return counts_table([
        # One battle in Qadam over nine days: soldiers, fighters and civilians killed, one event.
        report("Qadam", "military", 74, article="a1", day="2018-04-19", until="2018-04-27",
               actor="Syrian government forces", high=None, source="SOHR",
               sentence="Seventy-four soldiers and 59 fighters died in nine days of fighting in Qadam."),
        report("Qadam", "armed_group", 59, article="a1", day="2018-04-19", until="2018-04-27",
               actor="Islamic State", source="SOHR",
               sentence="Seventy-four soldiers and 59 fighters died in nine days of fighting in Qadam."),
        report("Qadam", "civilian", 36, article="a1", day="2018-04-19", until="2018-04-27"),
        # The same 47 civilians told by two articles: counted once.
        report("Yarmouk", "civilian", 47, article="a2", source="AFP"),
        report("Yarmouk", "civilian", 47, article="a3", source="SANA"),
        # People injured only: an ACLED event without fatalities, no UCDP event.
        report("Douma", "civilian", 12, article="a4", outcome="injured", day="2018-04-07"),
        # Victims of unknown side in a town, and a figure without a place.
        report("Mosul", "unknown", 55, article="a5", day="2016-10-20"),
        report(None, "civilian", 3, article="a6", day="2018-01-02"),
        # A text a spreadsheet would run.
        report("Afrin", "civilian", 11, article="a7", day="2018-03-17",
               sentence='=HYPERLINK("http://example.org","click") 11 civilians were killed in Afrin.'),
    ])


@pytest.fixture
def territory() -> pd.DataFrame:
    rows = [
        ("Yarmouk", "Syrian government", "captured", "2018-04-25", "a2"),  # fighting the day before: a battle
        ("Qadam", "Islamic State", "controls", "2018-04-01", "a1"),
        ("Qadam", "Islamic State", "captured", "2018-04-27", "a1"),  # fighting that week: non-state gain
        ("Afrin District", "YPG", "controls", "2018-01-20", "a7"),
        ("Afrin District", "Turkish government", "captured", "2018-03-10", "a7"),  # no violence reported
        ("Douma", "Jaish al-Islam", "controls", "2018-03-11", "a4"),
    ]
    return pd.DataFrame([{"article_id": article, "actor": actor, "place": place, "latitude": None,
                          "longitude": None, "status": status, "since": None, "as_of": T(day), "share_pct": None,
                          "population": None, "qualifier": None, "attributed_to": "SOHR", "from_title": False,
                          "surface": status, "sentence": f"{actor} {status} {place}.", "span_start": 0, "span_end": 1}
                         for place, actor, status, day, article in rows])


# ---------------------------------------------------------------------------
# ACLED
# ---------------------------------------------------------------------------


def test_acled_columns_and_one_event_per_place_and_window(casualties: pd.DataFrame) -> None:
    events = acled_events(casualties)
    assert list(events.columns) == list(ACLED_COLUMNS)
    assert {"event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "latitude", "longitude",
            "geo_precision", "fatalities", "notes", "source"} <= set(events.columns)
    qadam = events[events["location"] == "Qadam"]
    assert len(qadam) == 1
    row = qadam.iloc[0]
    assert row["fatalities"] == 74 + 59 + 36
    assert (row["event_type"], row["sub_event_type"]) == ("Battles", "Armed clash")
    assert (row["actor1"], row["actor2"]) == ("Syrian government forces", "Islamic State")
    assert row["event_date"] == T("2018-04-23")  # the middle of 19-27 April
    assert row["time_precision"] == 2
    assert row["notes"].startswith("Seventy-four soldiers and 59 fighters died")
    assert row["source"] == "SOHR"
    assert (row["country"], row["geo_precision"]) == ("Syria", 1)
    assert row["latitude"] == pytest.approx(33.474) and row["longitude"] == pytest.approx(36.287)


def test_acled_counts_a_repeated_report_once_and_keeps_every_source(casualties: pd.DataFrame) -> None:
    yarmouk = acled_events(casualties).set_index("location").loc["Yarmouk"]
    assert yarmouk["fatalities"] == 47
    assert (yarmouk["event_type"], yarmouk["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert yarmouk["actor2"] == "Civilians (Syria)"
    assert yarmouk["source"] == "AFP; SANA"
    assert yarmouk["time_precision"] == 1


def test_acled_keeps_events_without_deaths_and_leaves_unknown_types_empty(casualties: pd.DataFrame) -> None:
    events = acled_events(casualties).set_index("location")
    assert events.loc["Douma", "fatalities"] == 0
    assert pd.isna(events.loc["Mosul", "event_type"]) and events.loc["Mosul", "fatalities"] == 55


def test_acled_territory_events(casualties: pd.DataFrame, territory: pd.DataFrame) -> None:
    events = acled_events(casualties, territory)
    gains = events[events["fatalities"].eq(0) & events["sub_event_type"].str.contains("territory", na=False)]
    kinds = {(r.location, r.actor1): (r.event_type, r.sub_event_type, None if pd.isna(r.actor2) else r.actor2)
             for r in gains.itertuples()}
    assert kinds[("Yarmouk", "Syrian government")] == ("Battles", "Government regains territory", None)
    assert kinds[("Qadam", "Islamic State")][:2] == ("Battles", "Non-state actor overtakes territory")
    assert kinds[("Afrin District", "Turkish government")] == (
        "Strategic developments", "Non-violent transfer of territory", "YPG")
    assert len(gains) == 3  # claims of control that are not captures are not events


def test_acled_file_reads_back_and_defuses_formulas(tmp_path: Path, casualties: pd.DataFrame,
                                                    territory: pd.DataFrame) -> None:
    written = write_layouts(casualties, territory, tmp_path)
    assert [p.name for p in written] == list(LAYOUT_FILES.values())
    back = pd.read_csv(tmp_path / "events_acled.csv")
    expected = acled_events(casualties, territory)
    assert list(back.columns) == list(ACLED_COLUMNS)
    assert len(back) == len(expected)
    assert back["fatalities"].sum() == expected["fatalities"].sum()
    assert pd.to_datetime(back["event_date"]).notna().sum() == expected["event_date"].notna().sum()
    afrin = back[back["location"] == "Afrin"].iloc[0]
    assert afrin["notes"].startswith("'=HYPERLINK(")
    assert "=HYPERLINK" not in (tmp_path / "events_acled.csv").read_text(encoding="utf-8").replace("'=", "")


# ---------------------------------------------------------------------------
# UCDP GED
# ---------------------------------------------------------------------------


def test_ucdp_columns_sides_and_deaths(casualties: pd.DataFrame) -> None:
    events = ucdp_events(casualties)
    assert list(events.columns) == list(UCDP_COLUMNS)
    qadam = events.set_index("where_coordinates").loc["Qadam"]
    assert (qadam["side_a"], qadam["side_b"]) == ("Government of Syria", "Islamic State")
    assert (qadam["deaths_a"], qadam["deaths_b"], qadam["deaths_civilians"], qadam["deaths_unknown"]) == (74, 59,
                                                                                                          36, 0)
    assert qadam["best"] == qadam["deaths_a"] + qadam["deaths_b"] + qadam["deaths_civilians"]
    assert pd.isna(qadam["high"])  # one account leaves its upper bound open
    assert qadam["low"] == 169
    assert (qadam["date_start"], qadam["date_end"], qadam["date_prec"]) == (T("2018-04-19"), T("2018-04-27"), 4)
    assert (qadam["where_prec"], qadam["source_original"]) == (1, "SOHR")
    assert "Douma" not in set(events["where_coordinates"])  # injured only: not a GED event


def test_ucdp_cites_the_articles(casualties: pd.DataFrame) -> None:
    articles = pd.DataFrame({"article_id": ["a2", "a3"], "source": ["AFP", "SANA"],
                             "published": [T("2018-04-24 10:00"), T("2018-04-25")],
                             "title": ["Strikes on Yarmouk", "Camp shelled"]})
    yarmouk = ucdp_events(casualties, articles).set_index("where_coordinates").loc["Yarmouk"]
    assert yarmouk["source_article"] == "AFP (2018-04-24): Strikes on Yarmouk | SANA (2018-04-25): Camp shelled"
    assert ucdp_events(casualties).set_index("where_coordinates").loc["Yarmouk", "source_article"] == "a2 | a3"


@pytest.mark.parametrize(("start", "end", "code"), [("2018-04-19", "2018-04-19", 1), ("2018-04-19", "2018-04-22", 2),
                                                    ("2018-04-19", "2018-04-25", 3), ("2018-04-01", "2018-04-30", 4),
                                                    ("2018-01-01", "2018-12-31", 5)])
def test_ucdp_date_precision(start: str, end: str, code: int) -> None:
    events = ucdp_events(counts_table([report("Douma", "civilian", 5, article="a", day=start, until=end)]))
    assert events["date_prec"].tolist() == [code]


def test_ucdp_file_reads_back(tmp_path: Path, casualties: pd.DataFrame) -> None:
    write_layouts(casualties, None, tmp_path)
    back = pd.read_csv(tmp_path / "events_ucdp_ged.csv", parse_dates=["date_start", "date_end"])
    expected = ucdp_events(casualties)
    assert list(back.columns) == list(UCDP_COLUMNS)
    assert back["best"].tolist() == expected["best"].tolist()
    assert back["date_start"].tolist()[:3] == expected["date_start"].tolist()[:3]


# ---------------------------------------------------------------------------
# GeoJSON
# ---------------------------------------------------------------------------


def test_incidents_geojson_is_valid_and_complete(tmp_path: Path, casualties: pd.DataFrame) -> None:
    write_layouts(casualties, None, tmp_path)
    text = (tmp_path / "incidents.geojson").read_text(encoding="utf-8")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == 8  # nine reports, the repeated one counted once
    by_place = {f["properties"]["place"]: f for f in features}
    qadam = by_place["Qadam"]
    assert qadam["geometry"] == {"type": "Point", "coordinates": [36.287, 33.474]}  # longitude first
    assert by_place[None]["geometry"] is None  # kept, without a place
    assert by_place["Yarmouk"]["properties"]["articles"] == ["a2", "a3"]
    assert by_place["Yarmouk"]["properties"]["period_start"] == "2018-04-24"
    geojson = pytest.importorskip("geojson")
    assert geojson.loads(text).is_valid


def test_places_geojson_holds_the_ledger_as_of_a_date(territory: pd.DataFrame) -> None:
    collection = places_geojson(territory, since="2018-03-01")
    assert collection["as_of"] == "2018-04-27"
    places = {f["properties"]["place"]: f["properties"] for f in collection["features"]}
    assert places["Qadam"]["holder"] == "Islamic State"
    assert places["Afrin District"]["holder"] == "Turkish government"
    assert places["Afrin District"]["changed"] is True
    assert places["Afrin District"]["previous_holder"] == "YPG"
    json.dumps(collection, allow_nan=False)
    geojson = pytest.importorskip("geojson")
    assert geojson.loads(json.dumps(collection)).is_valid


def test_empty_input_writes_empty_but_valid_files(tmp_path: Path) -> None:
    written = write_layouts(pd.DataFrame(), pd.DataFrame(), tmp_path)
    assert list(pd.read_csv(written[0]).columns) == list(ACLED_COLUMNS)
    assert list(pd.read_csv(written[1]).columns) == list(UCDP_COLUMNS)
    for path in written[2:]:
        assert json.loads(path.read_text(encoding="utf-8"))["features"] == []


# ---------------------------------------------------------------------------
# Scoring an export against event data
# ---------------------------------------------------------------------------


def acled_reference(tmp_path: Path) -> Path:
    """ACLED rows as older files write them: capitals, day-first dates."""
    rows = [
        "EVENT_DATE,EVENT_TYPE,LOCATION,LATITUDE,LONGITUDE,FATALITIES,COUNTRY",
        "22/04/2018,Battles,Qadam,33.47,36.29,160,Syria",  # the Qadam battle, 169 in the export
        "24-April-2018,Violence against civilians,Yarmouk,33.4699,36.3018,47,Syria",  # the same 47
        "24-Apr-18,Battles,Harasta,33.80,36.60,9,Syria",  # 40 km from Yarmouk: another event
        "2016-10-29,Battles,Mosul,36.335,43.1189,55,Iraq",  # nine days after the export's Mosul event
        "2018-03-17,Battles,Syria,35.0,38.0,4,Syria",  # a point for the whole country
    ]
    path = tmp_path / "acled.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_read_events_reads_acled_in_any_of_its_shapes(tmp_path: Path) -> None:
    layout, events = read_events(acled_reference(tmp_path))
    assert layout == "ACLED"
    assert events["start"].tolist()[:4] == [T("2018-04-22"), T("2018-04-24"), T("2018-04-24"), T("2016-10-29")]
    assert events["country_only"].tolist() == [False, False, False, False, True]


def test_score_export_matches_by_date_and_distance(tmp_path: Path, casualties: pd.DataFrame) -> None:
    write_layouts(casualties, None, tmp_path)
    score = score_export(tmp_path / "events_ucdp_ged.csv", acled_reference(tmp_path))
    pairs = {p["export_location"]: p for p in score.pairs}
    assert set(pairs) == {"Qadam", "Yarmouk"}
    assert (pairs["Qadam"]["export_deaths"], pairs["Qadam"]["reference_deaths"]) == (169, 160)
    assert score.fatalities_exact == 1 and score.fatalities_within_10pct == 2
    assert score.reference_in_reach == 2 and score.recall == 1.0
    assert score.events == 5 and score.placed == 4 and score.precision == pytest.approx(2 / 4)  # one has no place
    wider = score_export(tmp_path / "events_ucdp_ged.csv", acled_reference(tmp_path), days=10, km=50)
    assert {p["export_location"] for p in wider.pairs} == {"Qadam", "Yarmouk", "Mosul"}


def test_score_export_of_an_acled_export_against_ucdp(tmp_path: Path, casualties: pd.DataFrame) -> None:
    write_layouts(casualties, None, tmp_path)
    ged = tmp_path / "ged.csv"
    ucdp_events(casualties).to_csv(ged, index=False)
    score = score_export(tmp_path / "events_acled.csv", ged)
    assert score.reference.startswith("UCDP GED")
    assert score.placed == 5 and score.matched == 4  # every located killing; the injured in Douma are not in GED
    assert "matched: 4" in score.summary()


def test_score_export_refuses_other_files(tmp_path: Path, casualties: pd.DataFrame) -> None:
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="neither UCDP GED"):
        score_export(other, other)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def test_extract_out_writes_the_layouts(tmp_path: Path) -> None:
    assert main(["extract", str(DATA / "articles" / "en_028_arbin_basement_strike.txt"), "--out",
                 str(tmp_path), "--quiet"]) == 0
    for name in LAYOUT_FILES.values():
        assert (tmp_path / name).is_file(), name
    events = pd.read_csv(tmp_path / "events_acled.csv")
    assert list(events.columns) == list(ACLED_COLUMNS)
    assert json.loads((tmp_path / "incidents.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_evaluate_against(tmp_path: Path, casualties: pd.DataFrame, capsys: pytest.CaptureFixture[str]) -> None:
    write_layouts(casualties, None, tmp_path)
    export = str(tmp_path / "events_ucdp_ged.csv")
    assert main(["evaluate", export, "--against", str(acled_reference(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "matched: 2" in out and "Qadam" in out and "export    169  reference    160" in out
    assert main(["evaluate", export, "--against", str(tmp_path / "missing.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["evaluate", str(tmp_path / "incidents.geojson"), "--against", export]) == 2
    assert main(["evaluate", export, "--against", export, "--km", "0"]) == 2
