"""Places: recognition, GeoNames namesakes, unknown places with their parents' coordinates, the place of a fact.

The sentences are written for the project (in both languages); each names the place
an analyst reads in it, its country, its first-order division and its precision in
UCDP GED's ``where_prec`` codes (1 the place, 2 within 25 km of a named point, 3 a
second-order division, 4 a first-order division, 6 the country).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import conflictnews as cn
from conflictnews import gazetteer as gz
from conflictnews.lexicon import _AliasMatcher, _RegexAliasMatcher, world
from conflictnews.places import PlaceRef, event_place, load_places, use_places
from tests.conftest import DATA, SHARED

GEONAMES = pytest.mark.skipif(not gz.sources_available(), reason="the places extra (GeoNames) is not installed")


def _casualty_place(text: str, lang: str) -> tuple[str | None, str | None, str | None, int | None]:
    reports = cn.extract_casualties(text, lang=lang)
    assert reports, text
    r = reports[0]
    return r.place, r.country, r.admin1, r.place_precision


def _claim_place(text: str, lang: str) -> tuple[str, str | None, str | None, int | None]:
    claims = cn.extract_territory(text, lang=lang)
    assert claims, text
    c = claims[0]
    return c.place, c.country, c.admin1, c.place_precision


# (sentence, extractor, place, country, admin1, precision), in English and in Dutch.
CASES = {
    "en": [
        ("Russian forces captured the village of Klishchiivka near Bakhmut.", "territory",
         "Klishchiivka", "Ukraine", "Donetsk Oblast", 2),
        ("Two soldiers were killed in the village of Urozhaine in Donetsk region.", "casualties",
         "Urozhaine", "Ukraine", "Donetsk", 1),
        ("The army shelled the town of Kawlin in Sagaing region in Myanmar, killing 4 civilians.", "casualties",
         "Kawlin", "Myanmar", "Sagain", 2),
        ("Gunmen killed 12 people in the village of Nassougou in Burkina Faso.", "casualties",
         "Nassougou", "Burkina Faso", None, 6),
        ("RSF seized the town of Um Kadada in North Darfur.", "territory",
         "Um Kadada", "Sudan", "Northern Darfur", 4),
        ("Al Shabaab took control of Bacaadley (Bacaadweyne, Mudug), killing 3 soldiers.", "territory",
         "Bacaadley", "Somalia", "Mudug", 4),
    ],
    "nl": [
        ("Russische troepen veroverden het dorp Klishchiivka bij Bachmoet.", "territory",
         "Klishchiivka", "Ukraine", "Donetsk Oblast", 2),
        ("Twee soldaten kwamen om het leven in het dorp Urozhaine in de regio Donetsk.", "casualties",
         "Urozhaine", "Ukraine", "Donetsk", 1),
        ("Het leger beschoot de stad Kawlin in de regio Sagaing in Myanmar; daarbij kwamen vier burgers om het leven.",
         "casualties", "Kawlin", "Myanmar", "Sagain", 2),
        ("Gewapende mannen doodden twaalf mensen in het dorp Nassougou in Burkina Faso.", "casualties",
         "Nassougou", "Burkina Faso", None, 6),
        ("De RSF veroverden de stad Um Kadada in Noord-Darfur.", "territory",
         "Um Kadada", "Sudan", "Northern Darfur", 4),
        ("Al-Shabaab heeft Bacaadley (Bacaadweyne, Mudug) ingenomen; daarbij kwamen drie soldaten om.", "territory",
         "Bacaadley", "Somalia", "Mudug", 4),
    ],
}


@GEONAMES
@pytest.mark.parametrize("lang, case", [(lang, case) for lang, cases in CASES.items() for case in cases],
                         ids=[f"{lang}-{case[3]}" for lang, cases in CASES.items() for case in cases])
def test_places_of_the_issue(lang: str, case: tuple[str, str, str, str, str | None, int]) -> None:
    text, extractor, place, country, admin1, precision = case
    found = _claim_place(text, lang) if extractor == "territory" else _casualty_place(text, lang)
    assert found == (place, country, admin1, precision)


@GEONAMES
@pytest.mark.parametrize("lang, text, places", [
    ("nl", "Bij luchtaanvallen in het noordwesten van Syrië zijn zeker 44 mensen gedood. In het dorp Zardana in de "
           "provincie Idlib vielen volgens reddingswerkers ook twaalf gewonden.", ["Zardana", "Zardana"]),
    ("en", "At least 44 people were killed in air strikes in northwestern Syria. Rescue workers said twelve people "
           "were wounded in the village of Zardana in Idlib province.", ["Zardana", "Zardana"]),
    # two places of the events in one country: the country stays
    ("en", "At least 44 people were killed in Syria on Monday. Twelve people were wounded in Zardana. Five people "
           "were wounded in Douma.",
     ["Syria", "Zardana", "Douma"]),
    # a running toll is the country's
    ("en", "Twelve people were wounded in Zardana. Since 2011, more than 350,000 people have been killed in Syria.",
     ["Zardana", "Syria"]),
])
def test_a_figure_placed_in_its_country_takes_the_one_place_of_the_articles_events(
        lang: str, text: str, places: list[str]) -> None:
    assert [r.place for r in cn.extract_casualties(text, lang=lang, published="2018-03-01")] == places


@GEONAMES
@pytest.mark.parametrize("lang, text", [
    ("en", "Al Shabaab took control of Bacaadley (Bacaadweyne, Mudug), killing 3 soldiers."),
    ("nl", "Al-Shabaab heeft Bacaadley (Bacaadweyne, Mudug) ingenomen; daarbij kwamen drie soldaten om."),
])
def test_a_bracket_of_divisions_is_one_place(lang: str, text: str) -> None:
    assert [c.place for c in cn.extract_territory(text, lang=lang)] == ["Bacaadley"]


@pytest.mark.parametrize("lang, text, place", [
    ("en", "According to Kyiv, 5 soldiers were killed in Avdiivka.", "Avdiivka"),
    ("nl", "Volgens Kyiv kwamen vijf soldaten om het leven in Avdiivka.", "Avdiivka"),
    ("en", "Washington said 5 US soldiers were wounded in an attack in Jordan.", "Jordan"),
    ("nl", "Washington meldde dat vijf Amerikaanse soldaten gewond raakten bij een aanval in Jordanië.", "Jordan"),
    ("nl", "Het Israëlische leger spreekt van twaalf doden in Khan Younis.", "Khan Younis"),
    ("en", "The Israeli army said twelve people were killed in Khan Younis.", "Khan Younis"),
    ("nl", "Het Israëlische leger spreekt van twaalf doden.", None),
    ("en", "The Israeli army said twelve militants were killed.", None),
    ("en", "Ankara announced that 3 soldiers were killed.", None),
    ("nl", "Ankara meldde dat drie soldaten om het leven kwamen.", None),
    # a source's seat, a backer named by its capital
    ("nl", "Volgens het Syrisch Observatorium voor de Mensenrechten in Londen vielen zeker 77 doden.", None),
    ("en", "At least 77 people were killed, according to the Syrian Observatory for Human Rights in London.", None),
    ("nl", "Er raakten twintig mensen gewond, zegt de ngo die in Groot-Brittannië is gevestigd.", None),
    ("nl", "Zeker 41 strijders van de SDF, een coalitie die gesteund wordt door Washington, zijn gedood.", None),
    ("en", "At least 41 SDF fighters, backed by Washington, were killed in Raqqa.", "Raqqa"),
    # a country that acts is a side, not the place; a town's fighters may act from it
    ("en", "The monitor said 1,500 YPG fighters had been killed since Turkey launched the offensive.", None),
    ("nl", "Sinds Turkije het offensief lanceerde, zijn 300 burgers gedood in Afrin.", "Afrin"),
    ("en", "Militants in Mosul attacked a checkpoint, killing 5 soldiers.", "Mosul"),
])
def test_the_speaker_is_not_the_place(lang: str, text: str, place: str | None) -> None:
    assert _casualty_place(text, lang)[0] == place


@pytest.mark.parametrize("lang, text, place", [
    ("en", "Gunmen shot dead an aid worker in Somalia's capital, in the latest attack in the Horn of Africa nation.",
     "Mogadishu"),
    ("en", "A bomb killed five people in the capital of Afghanistan on Monday.", "Kabul"),
    ("nl", "Een bom doodde vijf mensen in de hoofdstad van Afghanistan.", "Kabul"),
    ("en", "A bomb killed five people in Afghanistan on Monday.", "Afghanistan"),
])
def test_a_countrys_capital_named_by_the_country(lang: str, text: str, place: str) -> None:
    assert _casualty_place(text, lang)[0] == place


@pytest.mark.parametrize("lang, text", [
    ("en", "BEIRUT (AFP) - Five civilians were killed in an air strike, the monitor said."),
    ("en", "The Britain-based monitor said that five civilians were killed."),
    ("nl", "Volgens het in Londen gevestigde observatorium kwamen vijf burgers om het leven."),
])
def test_reference_places_stay_reference_places(lang: str, text: str) -> None:
    assert _casualty_place(text, lang)[0] is None


def test_a_place_record_carries_coordinates_and_precision() -> None:
    report = cn.extract_casualties("Five soldiers were killed in Kramatorsk.", lang="en")[0]
    assert (report.place, report.country, report.place_precision) == ("Kramatorsk", "Ukraine", 1)
    assert report.latitude == pytest.approx(48.73, abs=0.05) and report.longitude == pytest.approx(37.57, abs=0.05)
    event = cn.extract_timeline("Five soldiers were killed in Kramatorsk on Monday.", lang="en",
                                published="2023-05-10")[0]
    assert (event.place, event.country, event.place_precision) == ("Kramatorsk", "Ukraine", 1)
    assert event.latitude == report.latitude


@GEONAMES
@pytest.mark.parametrize("text, country", [
    ("Three people were killed in Kwale, Kenya.", "Kenya"),  # the country named beside it
    ("Three Kenyan police officers were killed in Kwale.", "Kenya"),  # a country adjective
    ("Gunmen killed two herders in Kwale (Ndokwa East, Delta).", "Nigeria"),  # a bracket of divisions
    # nothing else: the town that names a county (Kwale of Kenya's Kwale county) before a larger town elsewhere
    ("Three people were killed in Kwale.", "Kenya"),
])
def test_namesakes_are_chosen_by_the_context_of_the_text(text: str, country: str) -> None:
    assert _casualty_place(text, "en")[:2] == ("Kwale", country)


@GEONAMES
@pytest.mark.parametrize("text, country", [
    # no country named: a namesake in a country of the tables before a more populous one elsewhere
    ("Two traders were shot dead at a market in Kuito on Sunday.", "Angola"),  # Cuíto, not Quito
    ("A night watchman was killed by robbers in Embu county.", "Kenya"),  # not Embu of Brazil
    # a division is named by its whole name: "Tana" of Norway is not "Tana River"
    ("Four fishermen were killed near the Tana delta, Tana River County.", "Kenya"),
])
def test_namesakes_without_a_country_in_the_text(text: str, country: str) -> None:
    assert _casualty_place(text, "en")[1] == country


@GEONAMES
@pytest.mark.parametrize("text, expected", [
    # "the X area": a division of that name fits as well as a town (Samburu county, not the village Samburu
    # of Kwale); a town alone of that name stays the town
    ("Raiders attacked homesteads in the Samburu area, killing six herders.", ("Samburu", "Samburu", 4)),
    ("Two people were killed in the Kitgum area.", ("Kitgum", "Northern Region", 1)),
])
def test_an_area_is_a_town_or_a_division(text: str, expected: tuple[str, str, int]) -> None:
    found = _casualty_place(text, "en")
    assert (found[0], found[2], found[3]) == expected


@GEONAMES
def test_a_name_of_several_words_meets_its_one_word_spelling() -> None:
    # GeoNames writes the Somali town as one word, "Ceelbuur"
    assert _casualty_place("Militants shot dead three civilians in Ceel Buur town (Ceel Buur, Galgaduud).",
                           "en")[:3] == ("Ceelbuur", "Somalia", "Galguduud")


@GEONAMES
def test_a_name_sure_of_a_large_namesake_is_not_sure_of_a_small_one() -> None:
    # "Turan" is an old name of Da Nang: that city's size makes the word a place, not the village Turan of
    # Russia in a text on Nigeria; the place stays unknown, inside Benue state
    assert _casualty_place("Herdsmen raided Turan overnight, Benue state, killing 12 farmers.", "en")[1:] == \
        ("Nigeria", "Benue State", 4)


@pytest.mark.parametrize("lang, text", [
    ("nl", "Bij een luchtaanval op een gebouw in Mosul vielen doden. Het toestel trof een gebouw in de wijk "
           "al-Jadida. Daarbij kwamen twaalf burgers om het leven."),
    ("en", "Fighting went on in Mosul, Iraq. An air strike hit a house in the neighbourhood of al-Jadida, killing "
           "twelve civilians."),
])
def test_a_neighbourhood_is_never_a_city_of_another_country(lang: str, text: str) -> None:
    """GeoNames knows an El Jadida only in Morocco: a neighbourhood of Mosul is placed in Mosul's country, at
    Mosul, with a precision that says it is near, not at, the point."""
    reports = [r for r in cn.extract_casualties(text, lang=lang) if r.count_best == 12]
    assert reports and reports[0].country == "Iraq" and reports[0].place_precision == 2


@GEONAMES
def test_peoples_and_counts_of_people_are_not_places() -> None:
    for text in ("Six Kikuyu businessmen were killed by a mob.", "6 Kikuyu were killed with machetes.",
                 "Pokot raiders killed two herders."):
        assert _casualty_place(text, "en")[0] is None, text


@GEONAMES
@pytest.mark.parametrize("text, place", [
    # a people named without a place noun or "in" is no place, however large a town of its name
    ("Fighting between Kikuyu and Maasai over grazing land left nine dead.", None),
    ("Clashes between Luo and Kalenjin youths left three people dead.", None),  # not Luena ("Luo")
    ("Fighting between Turkana and Samburu left four dead.", None),
    # the same name with "in" or a place noun is the place
    ("Four people were killed in Kisii on Sunday.", "Kisii"),
    ("Two herders were shot dead in Samburu county.", "Samburu"),
    # a people named as the parent of a place is a place; in a list of peoples it is not
    ("Raiders attacked the village of Kaakong (Turkana), killing a child.", ("Kaakong", "Turkana")),
    ("Clashes among the Pokot, Turkana and Samburu left six dead.", None),
    # a title is no place: "King" is not a village of that name
    ("Guards loyal to the King attacked a police post, killing five officers.", None),
])
def test_a_people_is_a_place_only_where_the_text_says_so(text: str, place: str | tuple[str, str] | None) -> None:
    found = _casualty_place(text, "en")
    assert (found[0], found[2]) == place if isinstance(place, tuple) else found[0] == place


def test_a_users_places_win_over_the_built_in_ones(tmp_path: Path) -> None:
    table = tmp_path / "places.csv"
    table.write_text("place,kind,country,latitude,longitude,aliases\n"
                     "Kamuge,village,Kenya,2.05,35.95,Kamunge|Kamuge village\n", encoding="utf-8")
    text = "Two people were killed when bandits attacked Kamunge on Monday."
    with use_places(table):
        report = cn.extract_casualties(text, lang="en")[0]
    assert (report.place, report.country, report.latitude, report.place_precision) == ("Kamuge", "Kenya", 2.05, 1)
    assert cn.extract_casualties(text, lang="en")[0].place != "Kamuge"  # only within the block
    articles = [cn.Article("a1", None, None, None, None, None, "en", text, None)]
    facts = cn.extract(articles, places=table, progress=False)
    assert facts.casualties.place.tolist() == ["Kamuge"]
    assert facts.casualties.place_precision.tolist() == [1]
    assert cn.extract(articles, places=table, n_jobs=2, progress=False).casualties.place.tolist() == ["Kamuge"]


def test_a_places_table_needs_a_place_column() -> None:
    with pytest.raises(ValueError, match="'place' column"):
        load_places("name,country\nKamuge,Kenya\n")


def test_the_command_line_reads_a_users_places(tmp_path: Path) -> None:
    from conflictnews.cli import main

    (tmp_path / "a.txt").write_text("Two people were killed when bandits attacked Kamunge on Monday.",
                                    encoding="utf-8")
    table = tmp_path / "places.csv"
    table.write_text("place,kind,country,latitude,longitude,aliases\nKamuge,village,Kenya,2.05,35.95,Kamunge\n",
                     encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--places", str(table), "--out", str(tmp_path / "out"),
                 "--quiet"]) == 0
    assert "Kamuge" in (tmp_path / "out" / "casualties.csv").read_text(encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--places", str(tmp_path / "none.csv"), "--quiet"]) == 2


def test_without_geonames_the_tables_and_contexts_still_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """What changes without the places extra: no GeoNames names, the rest as before."""
    import conflictnews.places as places

    monkeypatch.setattr(places, "gazetteer", gz._empty)
    monkeypatch.setattr(gz, "gazetteer", gz._empty)
    places._table_ref.cache_clear()
    places._countries.cache_clear()
    try:
        assert _casualty_place("Five soldiers were killed in Kramatorsk.", "en")[:2] == ("Kramatorsk", "Ukraine")
        # An unknown village in a locative context takes its parent's coordinates, with a precision saying so.
        place = _casualty_place("Gunmen killed two farmers in the village of Ndogo near Kramatorsk.", "en")
        assert place == ("Ndogo", "Ukraine", "Donetsk Oblast", 2)
    finally:
        places._table_ref.cache_clear()
        places._countries.cache_clear()


def test_event_place_takes_a_place_inside_the_span() -> None:
    from conflictnews.document import documents

    doc = documents("Islamic State controls Yarmouk and Qadam, the monitor said.", lang="en")[0]
    sentence = doc.sentences[0]
    start = doc.text.index("Qadam")
    found = event_place(doc, start, start + len("Qadam"), sentence=sentence)
    assert isinstance(found, PlaceRef) and found.name == "Qadam"


# --------------------------------------------------------------------------
# The matcher: Aho-Corasick finds what the regular expressions found
# --------------------------------------------------------------------------

def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DATA / "articles").glob("*.txt"))]
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*/*.txt"))]
    return texts


def test_the_aho_corasick_matcher_finds_what_the_regex_trie_found() -> None:
    aliases = world().aliases
    fast, slow = _AliasMatcher(aliases), _RegexAliasMatcher(aliases)
    texts = _texts() + [
        "U.S.-led forces and the U.S. army; IS-strijders van IS, ISIS and Da’esh in  Eastern\n  Ghouta.",
        "SYRIË, Syrie en Syrië; de Syrische hoofdstad; Oost-Ghouta en Oost Ghouta.",
    ]
    for text in texts:
        assert sorted(fast.finditer(text)) == sorted(slow.finditer(text)), text[:80]


def test_folded_offsets_map_back_to_the_text() -> None:
    text = "In  Eastern \n\n Ghouta,   Hajar al-Aswad"
    flat, starts, shifts = gz.fold_text(text)
    assert flat == "in eastern ghouta  hajar al aswad"
    position = flat.index("hajar")
    assert gz.to_original(position, starts, shifts) == text.index("Hajar")


@GEONAMES
def test_the_index_is_cached_in_the_cache_folder() -> None:
    index = gz.gazetteer()
    assert len(index) > 200_000
    assert list(gz.cache_dir().glob("geonames-*.pickle"))
    assert [p.country_code for p in index.lookup("Jarmuk")] == ["SY"]
    assert re.fullmatch(r"Al Ḩajar al Aswad", index.lookup("Hajar al-Aswad")[0].name)


@GEONAMES
@pytest.mark.parametrize("lang, text, place", [
    # the start or the end of a journey is not where it happened
    ("en", "Four passengers were killed when a bus travelling to Garissa hit a landmine in Lamu county.", "Lamu"),
    ("en", "A bus heading for Kampala was ambushed in Gulu district, killing three passengers.", "Gulu District"),
    ("nl", "Bij een aanval op een bus op weg naar Kaboel kwamen in de provincie Logar vier mensen om.",
     "Logar Province"),
    # "from X to Y" is a journey only where X is a name: the riders went to where it happened
    ("en", "More than 200 riders from Murang'a County rode to Meru County where they lynched a suspected thief.",
     "Meru"),
    # where people were displaced from stays the place
    ("en", "The fighting displaced 3,000 people from Yarmouk to the neighbouring towns.", "Yarmouk"),
    # the sides of a border are no point of it
    ("en", "Two herders were shot dead along the Isiolo-Garissa border.", None),
    ("en", "Three people were killed at the border of Isiolo and Garissa counties.", None),
    ("nl", "Bij gevechten aan de grens tussen Isiolo en Garissa kwamen drie herders om het leven.", None),
    ("en", "Gunmen killed three police officers in Liboi, Garissa County, near the Kenya-Somalia border.", "Liboi"),
])
def test_a_journey_s_start_or_end_is_not_the_place(lang: str, text: str, place: str | None) -> None:
    assert _casualty_place(text, lang)[0] == place


@GEONAMES
@pytest.mark.parametrize("lang, text, place, precision", [
    # a fact named only by a bearing at a stated distance lies near its point
    ("en", "Three people were killed in a village about 12 km north of Garissa.", "Garissa", 2),
    ("en", "A roadside bomb killed two soldiers 40 km from Mosul.", "Mosul", 3),
    ("nl", "Bij een aanslag 10 kilometer ten zuiden van Kirkuk kwamen drie soldaten om het leven.", "Kirkuk", 2),
    # farther than 50 km: the point is no place of the fact
    ("en", "Fighters shot dead two herders 80 km south of Garissa.", None, None),
])
def test_a_bearing_at_a_distance_places_a_fact_near_its_point(lang: str, text: str, place: str | None,
                                                               precision: int | None) -> None:
    found = _casualty_place(text, lang)
    assert (found[0], found[3]) == (place, precision)


def _casualty_point(text: str, lang: str = "en") -> tuple[str | None, str | None, int | None, float, float]:
    r = cn.extract_casualties(text, lang=lang)[0]
    assert r.latitude is not None and r.longitude is not None, text
    return r.place, r.country, r.place_precision, r.latitude, r.longitude


@GEONAMES
@pytest.mark.parametrize("lang, text, place, country, point", [
    # a namesake outside the parent named after it is not the place: a village of that parent GeoNames does
    # not know, placed near the parent
    ("en", "Gunmen shot dead a rice farmer in Cawayan, Masbate, on Sunday.", "Cawayan", "Philippines",
     (12.37, 123.62)),
    ("en", "Taliban fighters killed two policemen in the Islamabad area of Alishing district, Laghman.", "Islamabad",
     "Afghanistan", (34.70, 70.20)),
    ("nl", "Bij beschietingen in Kamianka in de provincie Donetsk kwam een soldaat om het leven.", "Kamianka",
     "Ukraine", (48.10, 37.70)),
    # a namesake inside it stays ("Paghman, Kabul")
    ("en", "Two guards were killed in Paghman, Kabul.", "Paghman", "Afghanistan", (34.59, 68.95)),
])
def test_a_namesake_outside_the_parent_named_after_it_is_not_the_place(
        lang: str, text: str, place: str, country: str, point: tuple[float, float]) -> None:
    found = _casualty_point(text, lang)
    assert (gz.fold_key(found[0] or ""), found[1]) == (gz.fold_key(place), country)
    assert gz.distance_km(found[3], found[4], *point) < 30


@GEONAMES
@pytest.mark.parametrize("text, place", [
    # the place named as the parent of the place before it is not the fact's place
    ("Unknown gunmen killed a judge in Surobi district, Kabul.", "Surobi"),
    ("A policeman was shot dead at a checkpoint in Gulran district centre, Herat.", "Gulran"),
    # a list names places side by side: a figure of them all is their country's
    ("Clashes in Kandahar, Herat and Farah left 4 soldiers dead.", "Afghanistan"),
])
def test_the_parent_named_after_a_place_is_not_the_place(text: str, place: str) -> None:
    assert _casualty_place(text, "en")[0] == place


@GEONAMES
def test_a_town_named_again_is_the_place_of_its_first_mention() -> None:
    text = ("Separatist forces fired mortars at army positions near Kamyanka, Donetsk. Monitors later heard two "
            "explosions near Kamyanka. One soldier was killed.")
    found = _casualty_point(text)
    assert found[1] == "Ukraine" and gz.distance_km(found[3], found[4], 48.02, 37.80) < 30


@GEONAMES
@pytest.mark.parametrize("lang, text, place, precision", [
    # a figure of a list of places far apart is their country's ...
    ("en", "Taliban attacks on checkpoints in Uruzgan and Paktia provinces killed 30 soldiers.", "Afghanistan", 6),
    ("nl", "Bij aanvallen op controleposten in de provincie Urozgan en de oostelijke provincie Paktiya kwamen dertig "
           "militairen om.", "Afghanistan", 6),
    ("en", "Since March, 120 soldiers have been killed in ambushes in the deserts of Deir Ezzor, Homs, and "
           "Al-Suwaidaa.", "Syria", 6),
    # ... or the place of the tables that holds them all ...
    ("nl", "Bij beschietingen van de wijken Hajar al-Aswad en Qadam kwamen zes burgers om.", "Damascus", 1),
    # ... and a list of places a few km apart is placed near the one named nearest the figure
    ("en", "Troops drove the militants out of Ngoshe and Guva, killing 3 of them.", "Guva", 2),
])
def test_a_figure_of_a_list_of_places_is_placed_where_they_all_lie(lang: str, text: str, place: str,
                                                                  precision: int) -> None:
    found = _casualty_place(text, lang)
    assert (found[0], found[3]) == (place, precision)


@GEONAMES
@pytest.mark.parametrize("lang, text", [
    ("en", "Twelve soldiers died in northern Burkina Faso on Tuesday. Gunmen killed 3 herders in Hallalé. Five more "
           "people were killed in Djibo."),
    ("nl", "In het noorden van Burkina Faso zijn dinsdag twaalf soldaten omgekomen. Gewapende mannen doodden drie "
           "herders in Hallalé in de provincie Soum. In de provincie Soum kwamen nog vijf mensen om."),
])
def test_a_figure_placed_in_its_country_takes_the_place_that_holds_the_articles_places(lang: str,
                                                                                      text: str) -> None:
    # the article's places of events in the country lie in one province: the figure of the country is placed there
    assert cn.extract_casualties(text, lang=lang)[0].place == "Soum Province"


@GEONAMES
@pytest.mark.parametrize("lang, text, places", [
    # the lead places the attack in the country; the next sentences name where it was
    ("nl", "In het westen van Afghanistan zijn zeker negen agenten omgekomen bij een aanval van de Taliban. Vier "
           "anderen raakten gewond. Het politiebureau ligt in de plaats Shindand in de provincie Herat.",
     ["Shīnḏanḏ", "Shīnḏanḏ"]),
    ("en", "Eleven soldiers were killed in eastern Ukraine over the weekend. The army said it was the fiercest "
           "fighting in weeks.\n\nThe fighting was centred on Avdiivka, north of the city of Donetsk.",
     ["Avdiivka"]),
    # two places named after it: the text says no more than the country
    ("en", "Eleven soldiers were killed in eastern Ukraine over the weekend. Shelling hit Avdiivka and later "
           "Mariupol.", ["Ukraine"]),
    # a running toll stays the country's
    ("en", "Since 2014 the war has killed 13,000 people in Ukraine. On Sunday shells hit Avdiivka.", ["Ukraine"]),
])
def test_a_figure_placed_in_its_country_takes_the_one_place_named_after_it(lang: str, text: str,
                                                                          places: list[str]) -> None:
    assert [r.place for r in cn.extract_casualties(text, lang=lang, published="2017-02-01")] == places


@GEONAMES
def test_a_headline_figure_placed_in_its_country_takes_the_place_the_body_names() -> None:
    article = cn.Article(article_id="hajin", title="Irak doodt 40 IS-strijders in Syrië", published=None,
                         published_precision=None, source=None, byline=None, language="nl", path=None, text=(
                             "Het Iraakse leger zegt bij luchtaanvallen in Syrië 40 strijders van IS te hebben gedood. "
                             "De aanvallen troffen een hoofdkwartier in de stad Hajin in het oosten van het land."))
    assert [(r.from_title, r.place) for r in cn.extract_casualties(article)] == [(True, "Hajin"), (False, "Hajin")]


@GEONAMES
@pytest.mark.parametrize("lang, text, places", [
    # a place named as the point another lies near is a reference, in its sentence and carried to the next
    ("en", "Twelve fighters were killed in the Hajar al-Aswad district on the outskirts of Damascus. Three more "
           "died on Sunday.", ["Hajar al-Aswad", "Hajar al-Aswad"]),
    ("nl", "Zeker negen mensen kwamen om in Oost-Ghouta, een regio aan de rand van de Syrische hoofdstad Damascus. "
           "Gisteren vielen er nog vier doden.", ["Eastern Ghouta", "Eastern Ghouta"]),
    # a clause between them: the place near which it happened is the place
    ("en", "Puntland forces ambushed an Islamic State base near Af-Urur village (Iskushuban, Bari), killing 2 "
           "militants.", ["Af-Urur"]),
])
def test_a_place_named_as_the_point_another_lies_near_is_a_reference(lang: str, text: str,
                                                                    places: list[str]) -> None:
    assert [r.place for r in cn.extract_casualties(text, lang=lang, published="2018-03-01")] == places


@GEONAMES
@pytest.mark.parametrize("text, place, country, precision", [
    # a place noun of several words after a name leaves the name a place of its own
    ("Troops cleared the villages of Maska Lawanti, all in Mafa Local Government Area of Borno State, killing two "
     "insurgents.", "Maska Lawanti", "Nigeria", 2),
    # Kenya's former provinces, named as regions
    ("Police shot dead five protesters in the Nyanza region on Monday.", "Nyanza Province", "Kenya", 5),
])
def test_places_named_with_their_nouns(text: str, place: str, country: str, precision: int) -> None:
    found = _casualty_place(text, "en")
    assert (found[0], found[1], found[3]) == (place, country, precision)


@GEONAMES
def test_a_place_left_is_a_place_and_the_parent_of_an_unknown_village_near_it() -> None:
    # "after leaving Kabo": Kabo is a place, so the unknown village named before it is placed near it
    text = "Gunmen ambushed a truck near Ndissi village after leaving Kabo for Kaga-Bandoro, killing 4 traders."
    r = cn.extract_casualties(text, lang="en")[0]
    assert (r.place, r.admin1, r.place_precision) == ("Ndissi", "Ouham", 2)


@GEONAMES
@pytest.mark.parametrize("lang, text, place", [
    # a city's name before "Street" names a street of another city
    ("en", "A car bomb killed 7 people on Haifa Street in Baghdad.", "Baghdad"),
    ("nl", "Bij een aanslag in de Sanaa Street in Hodeidah kwamen drie mensen om.", "Hodeidah"),
])
def test_a_street_named_after_a_city_is_no_place_of_that_city(lang: str, text: str, place: str) -> None:
    assert _casualty_place(text, lang)[0] == place
