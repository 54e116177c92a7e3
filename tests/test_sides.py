"""Whose dead: the side a figure's clause names, when the victims' own words do not."""

from __future__ import annotations

import pytest

import conflictnews as cn


def _sides(text: str, lang: str) -> list[tuple[str, int, str, str | None]]:
    return [(r.outcome, r.count_best, r.victim_group, r.victim_actor)
            for r in cn.extract_casualties(text, lang=lang, published="2019-04-10")]


@pytest.mark.parametrize("lang, text, expected", [
    ("nl", "Bij de gevechten zijn zeker veertig mensen omgekomen, 25 aan de kant van de Taliban en 15 aan de kant "
           "van IS.", [("killed", 40, "unknown", None), ("killed", 25, "armed_group", "Taliban"),
                       ("killed", 15, "armed_group", "Islamic State")]),
    ("nl", "Sinds maandag vielen in de stad ongeveer zestig doden, 31 aan de zijde van de troepen van Assad.",
     [("killed", 60, "unknown", None), ("killed", 31, "military", "Syrian government forces")]),
    ("en", "At least 40 people were killed in the clashes, 25 on the side of the Taliban and 15 in the ranks of IS.",
     [("killed", 40, "unknown", None), ("killed", 25, "armed_group", "Taliban"),
      ("killed", 15, "armed_group", "Islamic State")]),
])
def test_a_breakdown_by_side_after_a_total(lang: str, text: str, expected: list[tuple[str, int, str, str | None]]) -> None:
    """A bare figure after a total, followed by a side marker, is a part of that total, of that side."""
    assert _sides(text, lang) == expected


def test_a_name_that_holds_the_side_marker() -> None:
    """"onder de troepen van Haftar": the name "troepen van Haftar" holds the marker's last words."""
    text = "Er vielen zeker vijftig doden, onder wie 22 onder de troepen van Haftar."
    assert ("killed", 22, "armed_group", "Libyan National Army") in _sides(text, "nl")


@pytest.mark.parametrize("lang, text, expected", [
    ("nl", "Een woordvoerder van de troepen van generaal Haftar sprak van twaalf omgekomen militairen in eigen "
           "gelederen.", ("killed", 12, "armed_group", "Libyan National Army")),
    ("nl", "De Taliban meldden zelf negen doden in eigen gelederen.", ("killed", 9, "armed_group", "Taliban")),
    ("en", "A spokesman for the Houthis said the group had lost six fighters in its own ranks.",
     ("killed", 6, "armed_group", "Houthis")),
    ("en", "The Taliban reported 12 dead in their own ranks.", ("killed", 12, "armed_group", "Taliban")),
])
def test_own_ranks_are_the_side_of_who_speaks(lang: str, text: str, expected: tuple[str, int, str, str | None]) -> None:
    assert _sides(text, lang) == [expected]
