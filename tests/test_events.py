"""Reading human-coded event data: the ACLED, GTD and PITF/WAD layouts, and what is left out.

The files here are written by the tests, with sentences written for the project.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conflictnews.cli import main
from conflictnews.evaluate import event_layout, injured_total, killed_total, read_event_texts, score_events

WAD_COLUMNS = ["wad_row_id", "Deaths Number", "Injured Number", "Deaths Ambiguity", "Description", "Comments"]


def _write(path: Path, columns: list[str], rows: list[list[object]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(rows)
    return path


@pytest.fixture
def wad_file(tmp_path: Path) -> Path:
    return _write(tmp_path / "wad.csv", WAD_COLUMNS, [
        [1, "4", "9", "Single Number Reported",
         "Gunmen opened fire at a bus stop, killing four people and wounding nine others.", ""],
        [2, "3", "", "Single Number Reported", "Three farmers were shot dead in their fields on Monday.", ""],
        [3, "6", "several", "Single Number Reported",
         "Six villagers were killed and several others hurt when raiders burned the market.", ""],
        [4, "12", "", "Multiple Numbers/Ranges Reported",
         "Officials said 8 people died; residents put the toll at 12.", ""],
        [5, "5", "0", "Single Number Reported",
         "Seven people, two of them police officers, were killed in the attack.",
         "Figure lowered to leave out the police officers."],
        [6, "2", "", "Single Number Reported", "Two traders died in one town and five in another.", ""],
        [7, "5", "", "Single Number Reported", "Two traders died in one town and five in another.", ""],
        [8, "1", "0", "Single Number Reported",
         "A man the militia called an \\informer\\ was found dead near the river.", ""],
    ])


def test_layouts() -> None:
    assert event_layout(["event_date", "notes", "fatalities"]) == "ACLED"
    assert event_layout(["EVENT_DATE", "NOTES", "FATALITIES"]) == "ACLED"
    assert event_layout(["date", "summary", "killed", "wounded"]) == "GTD"
    assert event_layout(WAD_COLUMNS) == "WAD"
    assert event_layout(["text", "deaths"]) is None


def test_wad_rows_are_events_and_coder_choices_are_left_out(wad_file: Path) -> None:
    layout, texts = read_event_texts(wad_file)
    assert layout == "WAD"
    assert [(t.killed, t.injured, t.injured_vague) for t in texts[:3]] == [(4, 9, False), (3, None, False),
                                                                           (6, None, True)]
    reasons = [t.left_out for t in texts]
    assert reasons[:3] == [None, None, None]
    assert reasons[3] == "the coders flag several figures or a range for the deaths"
    assert reasons[4] == "the coder's comment states a rule of coding"
    assert reasons[5] == reasons[6] == "one text split into several coded events"
    assert reasons[7] is None
    assert texts[7].text == 'A man the militia called an "informer" was found dead near the river.'


def test_wad_scores_killed_and_injured(wad_file: Path) -> None:
    score = score_events(wad_file)
    assert score.dataset == "WAD wad.csv"
    assert score.texts == 8 and score.excluded_conventions == 4
    assert score.left_out == {"the coders flag several figures or a range for the deaths": 1,
                              "the coder's comment states a rule of coding": 1,
                              "one text split into several coded events": 2}
    assert score.with_deaths == 4 and score.exact_with_deaths == 1.0
    assert score.with_injured == 1 and score.exact_with_injured == 1.0
    assert score.without_injured == 1 and score.zero_without_injured == 1.0
    assert score.injured_vague == 1
    summary = score.summary()
    assert "exact total injured: 1.000" in summary and "2 one text split into several coded events" in summary
    assert "texts without deaths" not in summary  # WAD codes only events with deaths


def test_acled_old_schema_sums_rows_and_leaves_conventions_out(tmp_path: Path) -> None:
    path = _write(tmp_path / "acled_old.csv", ["EVENT_DATE", "NOTES", "FATALITIES"], [
        ["2015-03-01", "Militants attacked two villages, killing 9 civilians.", "4"],
        ["2015-03-01", "Militants attacked two villages, killing 9 civilians.", "5"],
        ["2015-03-02", "Police shot dead two robbers at a checkpoint.", "2"],
        ["2015-03-03", "Soldiers clashed with raiders near the river. Fatalities coded as 3.", "3"],
        ["2015-03-04", "Raiders attacked a village and killed an unknown number of herders.", "10"],
        ["2015-03-05", "Raiders attacked a village and burned the granary.", "10"],
        ["2015-03-06", "Gunmen attacked the market; fatalities spread across two locations.", "2"],
        ["2015-03-07", "Troops fought rebels in the hills; the dead were coded separately.", "6"],
    ])
    layout, texts = read_event_texts(path)
    assert layout == "ACLED"
    assert [(t.killed, t.left_out is None) for t in texts] == [(9, True), (2, True), (3, False), (10, False),
                                                                (10, False), (2, False), (6, False)]
    assert texts[4].left_out == "the note gives no figure"
    score = score_events(path)
    assert score.with_deaths == 2 and score.exact_with_deaths == 1.0
    assert score.exact_with_injured is None  # ACLED codes no injured
    assert "total injured" not in score.summary()


def test_acled_note_without_a_figure_coded_one_is_kept(tmp_path: Path) -> None:
    path = _write(tmp_path / "acled.csv", ["event_date", "notes", "fatalities"], [
        ["2019-05-01", "A mob lynched a suspected thief in the market.", "1"],
        ["2019-05-02", "Raiders attacked a village and burned the granary.", "0"],
    ])
    assert [t.left_out for t in read_event_texts(path)[1]] == [None, None]


def test_gtd_wounded_are_scored(tmp_path: Path) -> None:
    path = _write(tmp_path / "gtd.csv", ["date", "summary", "killed", "wounded"], [
        ["2014-01-01", "A car bomb exploded near a market, killing 5 people and wounding 11 others.", "5", "11"],
        ["2014-01-02", "Assailants shot dead two guards at a checkpoint.", "2", "0"],
    ])
    score = score_events(path)
    assert score.exact_with_deaths == 1.0
    assert (score.with_injured, score.exact_with_injured, score.without_injured, score.zero_without_injured) == \
        (1, 1.0, 1, 1.0)


def test_unknown_layout_is_a_value_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "other.csv", ["text", "deaths"], [["Five people died.", "5"]])
    with pytest.raises(ValueError, match="none of the layouts"):
        read_event_texts(path)
    assert main(["evaluate", str(path)]) == 2


def test_cli_prints_injured_for_wad(wad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(wad_file), "--misses", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("WAD wad.csv: 8 texts (4 left out")
    assert "exact total injured" in out


def test_totals_of_one_text() -> None:
    text = "A bomb killed 6 people and wounded 14 in the market, the police said."
    assert killed_total(text) == 6 and injured_total(text) == 14


def test_wad_counts_noncombatant_victims(tmp_path: Path) -> None:
    from conflictnews.evaluate import noncombatant_total

    assert noncombatant_total({"civilian": 5, "military": 2}) == 5
    assert noncombatant_total({"unknown": 3, "armed_group": 1}) == 3
    assert noncombatant_total({"armed_group": 10}) == 10  # bandits killed by police: WAD's victims
    assert noncombatant_total({}) == 0
    path = _write(tmp_path / "wad.csv", WAD_COLUMNS, [
        [1, "11", "", "Single Number Reported",
         "A suicide bomber blew himself up in a crowded market, killing 11 people.", ""],
        [2, "10", "", "Single Number Reported", "Police shot dead 10 suspected robbers in a raid on their camp.", ""],
    ])
    score = score_events(path)
    assert score.exact_with_deaths == 1.0 and score.exact_all_victims == 0.5
    assert "all victims: 0.500" in score.summary()


def test_combatants_named_as_parts_of_a_total_are_not_noncombatants() -> None:
    """"20 people, including 15 security personnel": 5 of unknown side beside 15 of the security forces."""
    from conflictnews.evaluate import _group_totals, noncombatant_total

    killed = _group_totals("At least 20 people including 15 security personnel were killed in the attack.")["killed"]
    assert killed == {"unknown": 5, "military": 15} and noncombatant_total(killed) == 5
    killed = _group_totals("Twelve civilians, including two children, were killed in the raid.")["killed"]
    assert killed == {"civilian": 12} and noncombatant_total(killed) == 12
