"""Counting within an article: restated tolls, breakdowns, a place and its part, figures that add.

Each rule is documented in ``aggregate.incidents`` (restatements) or
``casualties._mark_breakdowns`` (breakdowns, tolls that sum up); the sentences
are written for the project.
"""

from __future__ import annotations

import pandas as pd
import pytest

import conflictnews as cn
from conflictnews.evaluate import killed_total
from conflictnews.pipeline import CASUALTY_COLUMNS, frame


@pytest.mark.parametrize("lang, text, total", [
    ("en", "Ten people were killed in the raid on Monday. Police said 10 people were killed, a toll a villager "
           "confirmed.", 10),
    ("en", "Forty-seven civilians died in the shelling. The monitor counted 47 civilians among the dead.", 47),
    ("en", "Thirty-one soldiers were killed in Damascus. In South Damascus, 31 soldiers were killed, the monitor "
           "said.", 31),
    ("en", "A trader was shot dead in the market. The police said Musa Bello was killed when gunmen opened fire.", 1),
    ("nl", "Bij de aanval kwamen tien mensen om. Volgens de politie zijn er 10 doden gevallen.", 10),
    ("en", "Ten people were killed in an ambush in Mozambique. Gunmen ambushed a truck in Cabo Delgado province. "
           "10 people were killed, a death toll confirmed by a villager.", 10),
    ("en", "Dozens of people were killed in clashes in the state. Officials say 69 were killed.", 69),
    ("en", "Several civilians were killed in an air strike. Residents said the strike killed at least 11 "
           "civilians.", 11),
    ("en", "Thirteen people have been killed in ethnic violence in Ethiopia's Oromia region. Thirteen ethnic Somalis "
           "were killed today in Babile, in East Hararghe, the police said.", 13),
    ("en", "Six civilians and two police officers were killed in Cameroon's South West Region, sources said. In "
           "Buea, the capital of the South West Region, police shot dead six civilians.", 8),
    ("en", "Ten people have been killed in Ituri province. The fatalities occurred in an attack in Djugu territory, "
           "where 10 people were killed, the chairperson said.", 10),
], ids=["toll-restated", "same-figure-twice", "place-and-its-part", "one-victim-named-twice", "nl-toll-restated",
        "province-in-its-country", "vague-then-exact", "several-then-exact", "town-placed-in-the-region-named",
        "region-named-two-ways", "place-near-the-province-named"])
def test_a_figure_restated_counts_once(lang: str, text: str, total: int) -> None:
    assert killed_total(text, lang=lang) == total


@pytest.mark.parametrize("lang, text, total", [
    ("en", "The governor was killed in the capital. His adviser was also killed in the attack.", 2),
    ("en", "Five people were killed on Monday and five more on Tuesday.", 10),
    ("en", "Five people were killed in Kabul. Five people were killed in Herat.", 10),
    ("en", "Five soldiers were killed in the town. Five militants were killed in the town.", 10),
    ("en", "An executive was shot dead on Saturday. His business partner was also killed in the attack.", 2),
    ("nl", "De burgemeester werd doodgeschoten. Ook zijn lijfwacht werd doodgeschoten.", 2),
], ids=["also-adds", "same-sentence-adds", "other-place", "other-side", "also-adds-to-unknown-side", "nl-ook"])
def test_a_figure_that_adds_is_not_a_restatement(lang: str, text: str, total: int) -> None:
    assert killed_total(text, lang=lang) == total


def test_restatement_keeps_the_known_side() -> None:
    reports = cn.extract_casualties("Twelve people were killed in the raid. Officials said 12 villagers were "
                                    "killed.", lang="en")
    totals = cn.casualty_totals(frame(reports, CASUALTY_COLUMNS), by="victim_group")
    assert totals[["victim_group", "best"]].to_dict("records") == [{"victim_group": "civilian", "best": 12}]


def test_restatement_needs_overlapping_days_when_dated() -> None:
    base = {"article_id": "a", "outcome": "killed", "victim_group": "unknown", "victim_actor": None,
            "place": None, "qualifier": "exact", "cumulative": False, "subset": False, "from_title": False,
            "attributed_to": None, "count_low": 4, "count_best": 4, "count_high": 4}
    table = pd.DataFrame([
        {**base, "surface": "4", "sentence": "Four died on Monday.", "span_start": 0, "span_end": 1,
         "period_start": "2020-03-02", "period_end": "2020-03-02"},
        {**base, "surface": "4", "sentence": "Four died on Friday.", "span_start": 30, "span_end": 31,
         "period_start": "2020-03-06", "period_end": "2020-03-06"}])
    for column in ("period_start", "period_end"):
        table[column] = pd.to_datetime(table[column])
    for column in ("count_low", "count_best", "count_high"):
        table[column] = table[column].astype("Int64")
    assert int(cn.casualty_totals(table, by="victim_group")["best"].sum()) == 8


@pytest.mark.parametrize("lang, text, total", [
    ("en", "Eight people were killed in the clash. Four cattle thieves and four members of the team were killed, "
           "police said.", 8),
    ("en", "Gunmen killed five people on Sunday. They opened fire on a bus, killing one of the passengers and "
           "wounding another. Later they killed four people at the hospital.", 5),
    ("en", "Six people, two traders and four farmers, were killed in the raid.", 6),
    ("en", "Three policemen, two soldiers and one civilian were killed.", 6),
    ("nl", "Bij de aanval kwamen acht mensen om. Vier veedieven en vier leden van de ploeg werden gedood.", 8),
], ids=["breakdown-later-sentence", "breakdown-past-other-outcome", "breakdown-in-apposition",
        "neg-list-of-known-sides", "nl-breakdown-later-sentence"])
def test_a_total_followed_by_its_breakdown(lang: str, text: str, total: int) -> None:
    assert killed_total(text, lang=lang) == total


@pytest.mark.parametrize("lang, text, total", [
    ("en", "Thirteen bodies were identified after the blast, raising the toll to 16.", 16),
    ("en", "A car bomb killed 10 people in the market. The day's toll from the attacks now stands at 17.", 17),
    ("en", "Five people were killed in the first attack and two in the second. Altogether 7 people died.", 7),
    ("en", "A bomb killed 10 people in the market. A second bomb killed 6 people at the mosque.", 16),
    ("nl", "Bij de aanslag kwamen tien mensen om. Het dodental is inmiddels opgelopen tot 14.", 14),
], ids=["toll-raised", "toll-stands-at", "altogether", "neg-two-incidents-add", "nl-dodental-opgelopen"])
def test_a_toll_that_updates_holds_the_figures_before_it(lang: str, text: str, total: int) -> None:
    assert killed_total(text, lang=lang) == total


@pytest.mark.parametrize("lang, text, total", [
    ("en", "Seventeen civilians were killed in the market. Twelve migrants were among the 17 civilians killed.", 17),
    ("en", "At least 74 people were killed in the bombing. Many of those killed were lawyers.", 74),
    ("en", "Twelve women and children were killed in the strike. Ten of those killed were children, including "
           "eight girls.", 12),
    ("en", "Gunmen killed 17 people in the village and proceeded to kill another 13 in a nearby hamlet.", 30),
    ("nl", "Zeventien burgers kwamen om op de markt. Twaalf migranten waren onder de doden.", 17),
    ("en", "Three traders and a driver were among five people killed when gunmen opened fire.", 5),
    ("en", "Eighteen people were killed. Nine were shot dead in one village, while another nine were killed in "
           "the other.", 18),
], ids=["among-the-killed", "many-of-those-killed", "ten-of-those-killed", "another-13-adds", "nl-waren-onder",
        "coordinated-parts-among", "another-nine-is-a-part"])
def test_parts_and_additions_within_a_sentence(lang: str, text: str, total: int) -> None:
    assert killed_total(text, lang=lang) == total


@pytest.mark.parametrize("lang, text, total", [
    ("en", "At least five people were killed in the north when gunmen attacked the town, killing at least five "
           "people.", 5),
    ("en", "In the state three were killed when police attacked mourners, whereas three others were killed in "
           "the town.", 6),
    ("en", "A union official was shot dead during the protest, and another unionist also was killed.", 2),
    ("en", "Five people were killed on Monday and five more on Tuesday.", 10),
], ids=["same-figure-with-its-own-verb", "neg-three-others", "neg-also", "neg-no-verb-of-its-own"])
def test_the_same_figure_twice_in_one_sentence(lang: str, text: str, total: int) -> None:
    assert killed_total(text, lang=lang) == total


@pytest.mark.parametrize("lang, text, cumulative", [
    ("en", "At least 40 people have so far been killed in the bombing of the market, police said.", False),
    ("en", "Twelve people have been killed to date in clashes between two clans in the district.", False),
    ("en", "The army launched its offensive on 20 January. So far 14 soldiers have been killed.", True),
    ("en", "In total, 62 people have been killed so far, the ministry said.", True),
    ("nl", "Bij de aanslag op de markt kwamen tot nu toe 30 mensen om.", False),
    ("nl", "Het leger begon het offensief op 20 januari. Tot dusver zijn veertien soldaten gesneuveld.", True),
    ("en", "Since the start of the war, 300 civilians have been killed in the province.", True),
])
def test_a_toll_so_far_is_a_running_toll_only_of_a_campaign(lang: str, text: str, cumulative: bool) -> None:
    """"So far" of one incident is its latest toll, counted; of a campaign or a total, a running toll."""
    reports = cn.extract_casualties(text, lang=lang, published="2018-03-01")
    assert [r.cumulative for r in reports if r.outcome == "killed"] == [cumulative]


@pytest.mark.parametrize("lang, text, cumulative", [
    ("nl", "Bij de beschietingen van de stad komen herhaaldelijk tientallen burgers om het leven.", True),
    ("nl", "Bij de beschietingen van de stad kwamen gisteren tientallen burgers om het leven.", False),
    ("en", "Dozens of civilians have repeatedly been killed in the shelling of the town.", True),
    ("en", "Dozens of civilians were killed in the shelling of the town yesterday.", False),
    ("en", "A teacher was shot dead by gunmen in a district repeatedly raided by bandits.", False),
    ("nl", "Een leraar werd doodgeschoten in een district dat herhaaldelijk door bendes werd overvallen.", False),
])
def test_a_repeated_event_is_a_running_toll(lang: str, text: str, cumulative: bool) -> None:
    reports = cn.extract_casualties(text, lang=lang, published="2018-03-01")
    assert [r.cumulative for r in reports] == [cumulative]


@pytest.mark.parametrize("lang, text, cumulative", [
    ("nl", "Na een aanval op een dorp, met twintig doden als gevolg, wil de regering burgers bewapenen in de strijd "
           "tegen de jihadisten.", False),
    ("nl", "In de strijd om de stad zijn twintig strijders omgekomen.", True),
    ("en", "After an attack on a village that left twenty dead, the government will arm civilians during the offensive "
           "against the jihadists.", False),
    ("en", "Twenty fighters died in the battle for the city.", True),
])
def test_a_campaign_named_in_another_clause_is_not_where_they_died(lang: str, text: str, cumulative: bool) -> None:
    reports = cn.extract_casualties(text, lang=lang, published="2020-02-01")
    assert [r.cumulative for r in reports] == [cumulative]
