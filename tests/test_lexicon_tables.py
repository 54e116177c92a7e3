"""Self-checks for the world-knowledge tables in conflictnews/lexicon/.

Standard library and pandas only; no network.
"""
import csv
from pathlib import Path

import pandas as pd
import pytest

LEXICON = Path(__file__).resolve().parents[1] / "conflictnews" / "lexicon"
SHARED = Path(__file__).resolve().parents[2] / "shared"

HEADERS = {
    "places.csv": ["place", "kind", "country", "parent", "latitude", "longitude", "aliases"],
    "countries.csv": ["country", "adjectives_nl", "adjectives_en", "demonyms_nl", "demonyms_en",
                      "capital", "state_forces", "government"],
    "actors.csv": ["actor", "victim_group", "country", "aliases"],
    "sources.csv": ["source", "kind", "aliases"],
}
CANONICAL = {"places.csv": "place", "countries.csv": "country", "actors.csv": "actor",
             "sources.csv": "source"}
PLACE_KINDS = {"country", "region", "province", "city", "town", "district", "camp", "village"}
VICTIM_GROUPS = {"armed_group", "military", "civilian"}
SOURCE_KINDS = {"monitor", "agency", "state_media", "broadcaster", "newspaper", "international",
                "official"}


def read(name):
    return pd.read_csv(LEXICON / name, dtype=str, keep_default_na=False, encoding="utf-8")


def aliases(value):
    return [a for a in value.split("|") if a]


def is_case_sensitive(alias):
    """README rule: four letters or fewer written in capitals is matched case-sensitively."""
    return len(alias) <= 4 and alias.upper() == alias and alias.lower() != alias


def alias_key(alias):
    return alias if is_case_sensitive(alias) else alias.casefold()


@pytest.fixture(scope="module")
def places():
    return read("places.csv")


@pytest.fixture(scope="module")
def place_names(places):
    return set(places["place"])


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_exact_header_and_parse(name):
    with open(LEXICON / name, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == HEADERS[name]
    assert len(rows) > 1
    for row in rows[1:]:
        assert len(row) == len(HEADERS[name]), row
    df = read(name)
    assert list(df.columns) == HEADERS[name]
    assert len(df) == len(rows) - 1


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_canonical_names_present_and_unique(name):
    df = read(name)
    col = CANONICAL[name]
    names = df[col].str.strip()
    assert (names != "").all(), f"empty {col} in {name}"
    assert (names == df[col]).all(), f"untrimmed {col} in {name}"
    dups = names[names.duplicated()].tolist()
    assert not dups, f"duplicate {col} in {name}: {dups}"


@pytest.mark.parametrize("name", ["places.csv", "actors.csv", "sources.csv"])
def test_aliases_not_empty(name):
    df = read(name)
    for canon, value in zip(df[CANONICAL[name]], df["aliases"]):
        items = value.split("|")
        assert all(a.strip() == a and a for a in items), (canon, value)


def test_coordinates(places):
    lat = pd.to_numeric(places["latitude"], errors="raise")
    lon = pd.to_numeric(places["longitude"], errors="raise")
    assert lat.between(-90, 90).all()
    assert lon.between(-180, 180).all()
    # decimal degrees with 4 decimals
    assert places["latitude"].str.fullmatch(r"-?\d{1,2}\.\d{4}").all()
    assert places["longitude"].str.fullmatch(r"-?\d{1,3}\.\d{4}").all()


def test_place_kinds(places):
    bad = places.loc[~places["kind"].isin(PLACE_KINDS), ["place", "kind"]]
    assert bad.empty, bad.to_dict("records")


def test_country_rows_name_themselves(places):
    countries = places[places["kind"] == "country"]
    assert (countries["place"] == countries["country"]).all()
    # only multinational regions may lack a country
    no_country = places[places["country"] == ""]
    assert set(no_country["kind"]) <= {"region"}, no_country["place"].tolist()


def test_parents_and_countries_resolve(places, place_names):
    for col in ("parent", "country"):
        bad = [(p, v) for p, v in zip(places["place"], places[col]) if v and v not in place_names]
        assert not bad, f"{col} not a place: {bad}"
    country_rows = set(places.loc[places["kind"] == "country", "place"])
    bad = [(p, c) for p, c in zip(places["place"], places["country"]) if c and c not in country_rows]
    assert not bad, f"country column names a non-country: {bad}"
    assert (places["parent"] != places["place"]).all()


def test_parent_chain_has_no_cycles(places):
    parent = dict(zip(places["place"], places["parent"]))
    for start in parent:
        seen, cur = set(), start
        while cur:
            assert cur not in seen, f"cycle through {start}"
            seen.add(cur)
            cur = parent.get(cur, "")


def test_countries_table(place_names, places):
    df = read("countries.csv")
    country_rows = set(places.loc[places["kind"] == "country", "place"])
    for _, row in df.iterrows():
        assert row["country"] in country_rows, row["country"]
        assert row["capital"] in place_names, row["capital"]
        for col in ("adjectives_nl", "adjectives_en", "state_forces", "government"):
            assert row[col], (row["country"], col)
    # capitals lie in their own country
    capital_country = dict(zip(places["place"], places["country"]))
    for c, cap in zip(df["country"], df["capital"]):
        assert capital_country[cap] == c, (c, cap)
    assert "Koerdisch" not in "|".join(df["adjectives_nl"])


def test_actors_table(place_names):
    df = read("actors.csv")
    assert df["victim_group"].isin(VICTIM_GROUPS).all()
    bad = [(a, c) for a, c in zip(df["actor"], df["country"]) if c and c not in place_names]
    assert not bad, bad


def test_sources_table():
    df = read("sources.csv")
    assert df["kind"].isin(SOURCE_KINDS).all()


@pytest.mark.parametrize("name", ["places.csv", "actors.csv", "sources.csv"])
def test_no_alias_shared_by_two_rows(name):
    df = read(name)
    owner = {}
    clashes = []
    for canon, value in zip(df[CANONICAL[name]], df["aliases"]):
        for a in set(alias_key(x) for x in aliases(value)):
            if a in owner and owner[a] != canon:
                clashes.append((a, owner[a], canon))
            owner[a] = canon
    assert not clashes, clashes


def test_no_alias_shared_across_tables():
    owner = {}
    clashes = []
    for name in ("places.csv", "actors.csv", "sources.csv"):
        df = read(name)
        for canon, value in zip(df[CANONICAL[name]], df["aliases"]):
            for a in set(alias_key(x) for x in aliases(value)):
                if a in owner and owner[a][0] != name:
                    clashes.append((a, owner[a], (name, canon)))
                owner.setdefault(a, (name, canon))
    assert not clashes, clashes


def _row(df, col, value):
    rows = df[df[col] == value]
    assert len(rows) == 1, value
    return rows.iloc[0]


def test_seed_places(places):
    expected = {
        "Damascus": ["Damascus"],
        "Yarmouk": ["Jarmuk", "Yarmouk", "Yarmuk", "al-Yarmouk", "Yarmouk Camp"],
        "Hajar al-Aswad": ["Hajar al-Aswad"],
        "Qadam": ["Qadam"],
        "Eastern Ghouta": ["Oost-Ghouta", "Eastern Ghouta", "East Ghouta", "Oost Ghouta"],
        "Syria": ["Syrië", "Syria"],
    }
    for place, wanted in expected.items():
        row = _row(places, "place", place)
        assert row["country"] == "Syria"
        have = set(aliases(row["aliases"]))
        assert set(wanted) <= have, (place, set(wanted) - have)
    assert _row(places, "place", "Yarmouk")["parent"] == "Damascus"


def test_required_spellings(places):
    expected = {
        "Mosul": ["Mosul", "Mosoel", "Mossoel"],
        "East Mosul": ["Oost-Mosul", "East Mosul"],
        "Bakhmut": ["Bachmoet", "Bakhmut", "Bachmut", "Artemivsk"],
        "Baghdad": ["Bagdad", "Baghdad"],
        "Beirut": ["Beiroet", "Beirut"],
        "Gaza Strip": ["Gazastrook", "Gaza Strip", "Gaza"],
        "Iraq": ["Irak", "Iraq"],
        "Ukraine": ["Oekraïne", "Ukraine"],
        "Yemen": ["Jemen", "Yemen"],
        "Libya": ["Libië", "Libya"],
        "Somalia": ["Somalië", "Somalia"],
        "Afghanistan": ["Afghanistan"],
    }
    for place, wanted in expected.items():
        have = set(aliases(_row(places, "place", place)["aliases"]))
        assert set(wanted) <= have, (place, set(wanted) - have)
    assert _row(places, "place", "East Mosul")["parent"] == "Mosul"
    all_aliases = {a.casefold() for v in places["aliases"] for a in aliases(v)}
    assert "sana" not in all_aliases  # SANA is the Syrian news agency
    assert _row(places, "place", "Tripoli")["country"] == "Libya"


def test_required_actor_and_source_aliases():
    actors = read("actors.csv")
    sources = read("sources.csv")
    checks = [
        (actors, "actor", "Islamic State", ["IS", "ISIS", "ISIL", "Islamitische Staat", "Daesh"]),
        (actors, "actor", "Syrian Democratic Forces", ["SDF", "Syrische Democratische Strijdkrachten"]),
        (actors, "actor", "Hayat Tahrir al-Sham", ["HTS", "Hayyaat Tahrir al-Sham", "Jabhat al-Nusra"]),
        (actors, "actor", "Libyan National Army", ["LNA", "Libisch Nationaal Leger"]),
        (actors, "actor", "al-Shabaab", ["al-Shabaab", "Al-Shabaab", "Al Shabaab", "al-Shabab"]),
        (sources, "source", "SOHR", ["SOHR", "OSDH", "Syrisch Observatorium voor de Mensenrechten",
                                     "Syrian Observatory for Human Rights"]),
        (sources, "source", "SANA", ["SANA", "Sana"]),
        (sources, "source", "UN", ["VN", "Verenigde Naties", "UN", "United Nations"]),
        (sources, "source", "police", ["politie", "police"]),
    ]
    for df, col, name, wanted in checks:
        have = set(aliases(_row(df, col, name)["aliases"]))
        assert set(wanted) <= have, (name, set(wanted) - have)


def test_acled_territory_locations_covered(places):
    path = SHARED / "events" / "acled_territory_dev.csv"
    if not path.exists():
        pytest.skip("shared/events not available")
    locations = set(pd.read_csv(path, dtype=str)["location"].dropna())
    known = {a.casefold() for v in places["aliases"] for a in aliases(v)}
    known |= {p.casefold() for p in places["place"]}
    missing = sorted(l for l in locations if l.casefold() not in known)
    assert not missing, missing


def _phrase_lists(node, path=()):
    """Every list of phrases in a language file, with its dotted path."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _phrase_lists(value, (*path, key))
    elif isinstance(node, list) and node and all(isinstance(item, str) for item in node):
        yield ".".join(path), node


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_phrase_listed_twice(lang):
    """A phrase stands once in its list: a second copy is dead weight that edits miss."""
    import tomllib

    data = tomllib.loads((LEXICON / f"{lang}.toml").read_text(encoding="utf-8"))
    repeated = {}
    for path, phrases in _phrase_lists(data):
        seen = set()
        for phrase in phrases:
            key = " ".join(phrase.lower().split())
            if key in seen:
                repeated.setdefault(path, []).append(phrase)
            seen.add(key)
    assert not repeated, repeated
