"""When the casualties of a report happened: the period each figure takes, in its article."""

from __future__ import annotations

import pytest

import conflictnews as cn


def _periods(text: str, lang: str, published: str, precision: str = "minute") -> list[tuple[int, str | None, str | None]]:
    article = {"text": text, "language": lang, "published": published, "published_precision": precision}
    return [(r.count_best, r.period_start.date().isoformat() if r.period_start else None,
             r.period_end.date().isoformat() if r.period_end else None) for r in cn.extract_casualties(article)]


@pytest.mark.parametrize("lang, text, expected", [
    ("nl", "Kaboel werd gisteren opgeschrikt door een zware bomaanslag. Daarbij kwamen zeker twaalf mensen om.",
     [(12, "2018-04-23", "2018-04-23")]),
    ("nl", "Volgens de politie sloegen de daders dinsdag toe. Er vielen negen doden.",
     [(9, "2018-04-24", "2018-04-24")]),
    ("nl", "De vorige grote aanslag op de markt was in maart 2016. Er vielen toen 40 doden.",
     [(40, "2016-03-01", "2016-03-31")]),
    ("en", "The convoy was ambushed on Sunday near the border. Six soldiers died in the attack.",
     [(6, "2018-04-22", "2018-04-22")]),
    ("en", "The last big bombing in the city was in March 2016. Forty people were killed then.",
     [(40, "2016-03-01", "2016-03-31")]),
])
def test_a_figure_without_a_time_takes_the_time_of_its_paragraph(lang: str, text: str,
                                                                  expected: list[tuple[int, str, str]]) -> None:
    """A figure whose sentence names no time takes the last time named before it in its paragraph."""
    assert _periods(text, lang, "2018-04-24T18:25") == expected


def test_a_time_of_another_paragraph_is_not_taken() -> None:
    text = "De vorige grote aanslag op de markt was in maart 2016.\n\nEr vielen negen doden bij de aanval."
    assert _periods(text, "nl", "2018-04-24T18:25") == [(9, "2018-04-18", "2018-04-24")]


@pytest.mark.parametrize("lang, text", [
    ("nl", "Sinds het begin van het offensief op 20 januari verloor het leger veel terrein. "
           "In totaal zijn tot dusverre 25 soldaten gesneuveld."),
    ("en", "Since the start of the offensive on 20 January the army has advanced slowly. "
           "In total, 25 soldiers have been killed so far."),
])
def test_a_running_toll_takes_the_anchor_named_before_it(lang: str, text: str) -> None:
    """A running toll without its own time runs from the start named in the sentence before, to the end of a
    publication month."""
    reports = cn.extract_casualties({"text": text, "language": lang, "published": "2018-03",
                                     "published_precision": "month"})
    assert [(r.count_best, r.cumulative, r.period_start.date().isoformat(), r.period_end.date().isoformat())
            for r in reports] == [(25, True, "2018-01-20", "2018-03-31")]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Since 24 March, the monitor has documented the killing of 300 soldiers. Also 12 shepherds were killed "
           "in the same period, from late March until today.", [(300, "2018-03-24"), (12, "2018-03-24")]),
    ("nl", "Sinds 24 maart zijn 300 soldaten gedood. In dezelfde periode, van eind maart tot nu, werden ook "
           "twaalf herders gedood.", [(300, "2018-03-24"), (12, "2018-03-24")]),
])
def test_the_same_period_is_the_period_of_the_figure_before(lang: str, text: str,
                                                             expected: list[tuple[int, str]]) -> None:
    reports = cn.extract_casualties(text, lang=lang, published="2018-06-01")
    assert [(r.count_best, r.period_start.date().isoformat()) for r in reports] == expected
    assert all(r.cumulative for r in reports)


@pytest.mark.parametrize("lang, text, expected", [
    ("nl", "Twee weken geleden werden zes dorpelingen gedood bij een aanval op het dorp.",
     [(6, "2019-06-17", "2019-07-17")]),
    ("nl", "Vorige week zaterdag kwamen bij een aanslag op de markt twintig mensen om het leven.",
     [(20, "2019-06-23", "2019-07-29")]),
    ("en", "Two weeks ago, 14 villagers were killed in a raid on the town.", [(14, "2019-06-17", "2019-07-17")]),
    ("nl", "In totaal zijn sinds donderdag minstens 49 mensen om het leven gekomen in de strijd.",
     [(49, "2019-07-01", "2019-07-31")]),
])
def test_a_time_counted_back_from_a_publication_month(lang: str, text: str,
                                                      expected: list[tuple[int, str, str]]) -> None:
    """On a page known only to its month, "twee weken geleden" shifts the month back by as much; "sinds
    donderdag" lies in the month."""
    assert _periods(text, lang, "2019-07", "month") == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("nl", "Zeker twintig soldaten zijn gedood bij een aanval van de Taliban op een legerpost. Dat meldt de gouverneur.\n\n"
           "Volgens de gouverneur voerden de Taliban de aanval gisteren uit.", [(20, "2018-04-23", "2018-04-23")]),
    ("en", "At least 20 soldiers were killed in a Taliban attack on an army post, the governor said.\n\n"
           "The militants launched the attack on Sunday night.", [(20, "2018-04-22", "2018-04-22")]),
])
def test_the_day_of_an_attack_told_after_its_toll(lang: str, text: str, expected: list[tuple[int, str, str]]) -> None:
    """A lead names the toll of an attack, a sentence after it the day of that attack."""
    assert _periods(text, lang, "2018-04-24T18:25") == expected


def test_a_later_day_of_something_else_is_not_taken() -> None:
    text = "At least 20 soldiers were killed in a Taliban attack on an army post.\n\nThe president spoke on Sunday."
    assert _periods(text, "en", "2018-04-24T18:25") == [(20, "2018-04-18", "2018-04-24")]
