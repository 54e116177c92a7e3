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


@pytest.mark.parametrize("lang, text, expected", [
    ("nl", "Bij hevige gevechten tussen IS en het leger zijn zeker 60 doden gevallen.", ("killed", 60, "unknown", None)),
    ("en", "In heavy clashes between the Taliban and the army, at least 60 people were killed.",
     ("killed", 60, "unknown", None)),
])
def test_a_fight_names_no_side(lang: str, text: str, expected: tuple[str, int, str, str | None]) -> None:
    """"Bij gevechten tussen IS en het leger": "bij" before a fight marks no side."""
    assert _sides(text, lang) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("nl", "Het Oekraïense leger meldt een aanval op zijn stellingen. Bij de Russen vielen vier doden, twee andere "
           "soldaten raakten gewond.",
     [("killed", 4, "military", "Russian government forces"), ("injured", 2, "military", "Russian government forces")]),
    ("en", "The Ukrainian army reported an attack on its positions. Four Russian soldiers were killed and two other "
           "soldiers were wounded.",
     [("killed", 4, "military", "Russian government forces"), ("injured", 2, "military", "Russian government forces")]),
])
def test_others_of_the_same_kind_are_of_the_same_side(lang: str, text: str,
                                                      expected: list[tuple[str, int, str, str | None]]) -> None:
    article = {"text": text, "language": lang, "title": "Oorlog in Oekraïne", "published": "2023-03-01"}
    assert [(r.outcome, r.count_best, r.victim_group, r.victim_actor)
            for r in cn.extract_casualties(article) if not r.from_title] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Islamic State fighters shelled the town. A fighter of the rebel factions died of his wounds.",
     ("killed", 1, "armed_group", "rebels")),
    ("en", "Islamic State fighters attacked the village. Six rebels were wounded by a car bomb.",
     ("injured", 6, "armed_group", "rebels")),
    ("nl", "IS viel de stad aan. Daarbij kwamen twaalf rebellen om.", ("killed", 12, "armed_group", "rebels")),
    ("nl", "De Houthi-rebellen vielen de stad aan. Daarbij kwamen twaalf rebellen om.",
     ("killed", 12, "armed_group", "Houthis")),
])
def test_rebels_are_not_the_group_named_before(lang: str, text: str, expected: tuple[str, int, str, str | None]) -> None:
    """Rebels are a side of their own, unless the group named before is itself called rebels."""
    assert _sides(text, lang) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The monitor has documented the killing of at least 300 regime soldiers and loyalists, including at least "
           "three Russians, since March.", ("killed", 3, "military", "Russian government forces")),
    ("nl", "Bij de gevechten zijn 45 regeringssoldaten omgekomen, onder wie vier Iraniërs.",
     ("killed", 4, "military", "Iranian government forces")),
])
def test_people_of_a_country_among_soldiers_are_its_soldiers(lang: str, text: str,
                                                            expected: tuple[str, int, str, str | None]) -> None:
    assert expected in _sides(text, lang)


def test_people_of_a_country_among_people_are_people() -> None:
    assert ("killed", 4, "unknown", None) in _sides("Bij de aanslag kwamen 45 mensen om, onder wie vier Iraniërs.", "nl")


@pytest.mark.parametrize("lang, text, expected", [
    ("nl", "Gewapende mannen openden het vuur op een groep herders bij de rivier. 14 van hen kwamen om het leven.",
     ("killed", 14, "civilian", None)),
    ("en", "Gunmen opened fire on a group of farmers near the river. 14 of them were killed.",
     ("killed", 14, "civilian", None)),
])
def test_of_them_points_at_the_people_named_before(lang: str, text: str,
                                                  expected: tuple[str, int, str, str | None]) -> None:
    assert _sides(text, lang) == [expected]


@pytest.mark.parametrize("lang, text, group", [
    ("nl", "Na weer een aanval op burgers in een dorp in het oosten, met vijftien doden als gevolg, stuurt het leger "
           "extra troepen.", "civilian"),
    ("en", "After another attack on villagers in the east that left fifteen dead, the army sent more troops.",
     "civilian"),
    ("nl", "Na een aanval op een legerpost in het oosten vielen vijftien doden.", "unknown"),
])
def test_the_dead_of_an_attack_on_civilians_are_civilians(lang: str, text: str, group: str) -> None:
    assert [g for _, _, g, _ in _sides(text, lang)] == [group]
