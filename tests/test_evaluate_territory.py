"""The ACLED territory scorers, on small files written for the project."""

from __future__ import annotations

import csv
from pathlib import Path
from types import SimpleNamespace

from conflictnews.evaluate import _coded_place, score_false_territory, score_territory_gains

COLUMNS = ["event_type", "sub_event_type", "actor1", "actor2", "location", "latitude", "longitude", "notes"]


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in COLUMNS})
    return path


def test_gains_need_the_side_the_place_and_a_capture(tmp_path: Path) -> None:
    path = _write(tmp_path / "gains.csv", [
        {"sub_event_type": "Government regains territory", "actor1": "Military Forces of Nigeria (2015-)",
         "location": "Bama", "notes": "Military forces recaptured Bama from Boko Haram after two days."},
        {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Military Forces of Nigeria (2015-)",
         "actor2": "Boko Haram", "location": "Damasak", "notes": "Boko Haram overtook Damasak after a battle."},
        # the right place but the wrong side: a state took it, the row codes a non-state gain
        {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Boko Haram", "location": "Gwoza",
         "notes": "Soldiers retook Gwoza on Friday."},
        {"sub_event_type": "Non-violent transfer of territory", "actor1": "Al Shabaab", "location": "Kiunga",
         "notes": "Al Shabaab fighters moved into the area and preached to the residents."},
        {"event_type": "Battle-No change of territory", "location": "Bama",
         "notes": "Soldiers repelled an attack on Bama."},
    ])
    score = score_territory_gains(path)
    assert (score.rows, score.matched, score.named, score.matched_named) == (4, 2, 3, 2)
    assert [m["location"] for m in score.misses] == ["Gwoza", "Kiunga"]
    assert "read right" in score.summary()


def test_false_captures_are_counted_per_note(tmp_path: Path) -> None:
    path = _write(tmp_path / "battles.csv", [
        {"event_type": "Battle-No change of territory", "notes": "Soldiers repelled an attack on Bama."},
        {"event_type": "Battle-No change of territory", "notes": "Soldiers repelled an attack on Bama."},
        {"event_type": "Battle-No change of territory", "notes": "Gunmen seized four motorbikes in Gwoza."},
        {"event_type": "Battle-No change of territory", "notes": "Boko Haram took over Gwoza after the clash."},
        {"event_type": "Battle-Government regains territory", "notes": "Military forces recaptured Bama."},
    ])
    score = score_false_territory(path)
    assert (score.notes, score.flagged) == (3, 1)


def test_a_place_within_25_km_of_the_coded_coordinates_counts() -> None:
    near = SimpleNamespace(place="Somewhere", latitude=11.60, longitude=13.70)
    far = SimpleNamespace(place="Somewhere", latitude=12.50, longitude=13.70)
    bare = SimpleNamespace(place="Somewhere", latitude=None, longitude=None)
    assert _coded_place(near, "Bama", 11.52, 13.69, 25.0)  # about 9 km
    assert not _coded_place(far, "Bama", 11.52, 13.69, 25.0)  # about 109 km
    assert not _coded_place(bare, "Elsewhere", 11.52, 13.69, 25.0)
    assert _coded_place(SimpleNamespace(place="Kala-Balge", latitude=None, longitude=None), "Kala Balge", None,
                        None, 25.0)  # by name, as written
