"""The per-language territory case tables: a sentence in, (actor, place, status) claims out."""

from __future__ import annotations

import pytest

import conflictnews as cn
from conflictnews import gazetteer as gz
from tests.cases import territory_en, territory_nl
from tests.conftest import assert_spans


def _check(text: str, lang: str, expected: list[tuple]) -> None:
    """The claims of ``text`` are ``expected`` as a set of (actor, place, status); a dict after a claim names
    fields one claim with that key must carry."""
    claims = cn.extract_territory(text, lang=lang, published="2018-04-24 18:25")
    assert_spans(claims, text)
    assert {(c.actor, c.place, c.status) for c in claims} == {tuple(e[:3]) for e in expected}
    for want in expected:
        if len(want) > 3:
            matching = [c for c in claims if (c.actor, c.place, c.status) == tuple(want[:3])]
            assert any(all(getattr(c, name) == value for name, value in want[3].items()) for c in matching), \
                [{name: getattr(c, name) for name in want[3]} for c in matching]


@pytest.mark.parametrize("text, expected", territory_nl.CASES)
def test_dutch_territory(text: str, expected: list[tuple]) -> None:
    _check(text, "nl", expected)


@pytest.mark.parametrize("text, expected", territory_en.CASES)
def test_english_territory(text: str, expected: list[tuple]) -> None:
    _check(text, "en", expected)


@pytest.mark.parametrize("lang, title, text, expected", [
    ("nl", "IS verovert Mosul", "De jihadisten kregen de stad na zware gevechten in handen.",
     ("Islamic State", "Mosul", "captured")),
    ("en", "Battle for Ramadi", "Iraqi forces retook the city on Sunday.", ("Iraqi government", "Ramadi", "captured")),
], ids=["nl-de-stad-van-de-kop", "en-the-city-of-the-headline"])
def test_description_points_to_the_headline(lang: str, title: str, text: str, expected: tuple) -> None:
    """ "de stad", "the city": the place the headline named, when the body names none of its kind."""
    article = {"title": title, "text": text, "language": lang, "article_id": "a"}
    claims = cn.extract_territory(article, lang=lang, published="2018-04-24")
    assert expected in {(c.actor, c.place, c.status) for c in claims}


@pytest.mark.parametrize("module", [territory_nl, territory_en], ids=["nl", "en"])
def test_case_tables_are_large_enough(module) -> None:
    cases = module.CASES
    assert len(cases) >= 40
    assert sum(1 for case in cases if not case.values[1]) >= 10  # negatives


@pytest.mark.parametrize("text, place, parent", [
    ("Rebels seized Kambolani village in Garissa County on Monday.", "Kambolani", "Garissa"),
    ("Soldiers seized a rebel camp at Kolomari area of Monguno.", "Kolomari", "Monguno"),
    ("Nigerian troops recaptured Ngalwari, Dumbosa and Kuwarti in Gwoza on Friday.", "Kuwarti", "Gwoza"),
    ("Military forces captured the Bama communities of Kyarewa, Kadawuri and Ajirima.", "Ajirima", "Bama"),
    ("Troops cleared several Gwoza villages including Ngalwari and Kuwarti.", "Ngalwari", "Gwoza"),
    ("Troops recaptured Kolomari, Dumbosa and Gwoza towns in Bama on Friday.", "Dumbosa", "Bama"),
    ("Soldiers arrested six suspects in a clearing operation of several Gwoza settlements on 14/06 including: "
     "Ngalwari and Kuwarti.", "Kuwarti", "Gwoza"),
], ids=["in-its-county", "area-of-a-town", "end-of-a-list-in-a-town", "town-before-its-communities",
        "town-before-its-villages-including", "known-place-inside-the-list-passed-over",
        "town-before-its-settlements-on-a-date"])
def test_unknown_place_lies_in_its_parent(text: str, place: str, parent: str) -> None:
    """A place no gazetteer knows takes the coordinates of the known place it is said to lie in, never finer than
    "near" (precision 2)."""
    from conflictnews.places import ref_for_name

    claims = [c for c in cn.extract_territory(text, lang="en") if c.place == place]
    assert claims, text
    ref = ref_for_name(parent)
    assert ref is not None and ref.latitude is not None
    for claim in claims:
        assert claim.latitude is not None and claim.longitude is not None
        assert abs(claim.latitude - ref.latitude) < 0.3 and abs(claim.longitude - ref.longitude) < 0.3
        assert claim.place_precision is not None and claim.place_precision >= 2


def test_unknown_place_without_a_parent_has_no_coordinates() -> None:
    """A known place named later in the sentence but not as the unknown place's parent does not locate it."""
    claims = cn.extract_territory("Rebels seized Kambolani before moving on to Garissa.", lang="en")
    assert [(c.place, c.latitude) for c in claims] == [("Kambolani", None)]


@pytest.mark.skipif(not gz.sources_available(), reason="the places extra (GeoNames) is not installed")
def test_unplaced_name_found_in_the_country_of_the_text() -> None:
    """A name the place reader left unplaced but the clause reads as ground taken takes GeoNames' entry in the
    country the text is about (here the country of the Nigerian troops), not one of another country ("Hong", Denmark's
    "Høng"); a name GeoNames does not know stays unplaced."""
    text = "Nigerian troops recaptured Gombi, Garkida and Hong on Saturday."
    claims = {c.place: c for c in cn.extract_territory(text, lang="en")}
    assert set(claims) == {"Gombi", "Garkida", "Hong"}
    assert claims["Hong"].country == "Nigeria" and claims["Hong"].latitude is not None
    assert abs(claims["Hong"].latitude - 10.23) < 0.1 and abs(claims["Hong"].longitude - 12.93) < 0.1
    assert claims["Gombi"].country == "Nigeria"
    assert claims["Garkida"].latitude is None


@pytest.mark.skipif(not gz.sources_available(), reason="the places extra (GeoNames) is not installed")
def test_name_read_in_another_country_than_its_parent_keeps_its_name() -> None:
    """A name GeoNames reads in another country (here "Lassa" as Lhasa, China) than the place the text says it lies
    in keeps its name as written and is placed by that place."""
    text = ("Insurgents seized Lassa village in Askira, Borno State, on Sunday. Residents who escaped from Lassa "
            "described burnt churches.")
    claims = cn.extract_territory(text, lang="en")
    assert [(c.place, c.country) for c in claims] == [("Lassa", "Nigeria")]
    assert claims[0].latitude is not None and abs(claims[0].latitude - 10.65) < 0.3
    assert claims[0].place_precision is not None and claims[0].place_precision >= 2


@pytest.mark.skipif(not gz.sources_available(), reason="the places extra (GeoNames) is not installed")
def test_bracket_place_unknown_to_geonames_lies_near_its_division() -> None:
    """The place a bracket names first, unknown to GeoNames, is placed near the division named after it
    ("(Dioura, Tenenkou, Mopti)": near Ténenkou, Mali), never finer than "near"."""
    text = "JNIM militants took control of the village after clashes with the army (Dioura, Tenenkou, Mopti)."
    claims = cn.extract_territory(text, lang="en")
    assert [(c.place, c.country) for c in claims] == [("Dioura", "Mali")]
    ref = gz.gazetteer().lookup("Tenenkou")[0]
    assert claims[0].latitude == pytest.approx(ref.latitude) and claims[0].longitude == pytest.approx(ref.longitude)
    assert claims[0].place_precision is not None and claims[0].place_precision >= 2
