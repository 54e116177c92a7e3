"""The incidents in the layouts of the field: ACLED-shaped and UCDP GED-shaped tables, and GeoJSON.

Every export starts from the incidents after the counting rules
(:func:`conflictnews.aggregate.incidents`): a figure is in one event once, never
twice. Incidents of the same place and the same window of days are one event
(the soldiers, fighters and civilians killed in Qadam between 19 and 27 April
2018 are one event with deaths on each side). Each event keeps its evidence:
the sentences it was read from (ACLED ``notes``), who says so (ACLED
``source``, UCDP ``source_original``) and the articles (UCDP
``source_article``). The mapping is documented column by column in
``docs/api.md``.

:func:`write_layouts` writes them all; :func:`acled_events`,
:func:`ucdp_events`, :func:`incidents_geojson` and :func:`places_geojson` return
them as tables and dicts.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACLED_COLUMNS",
    "LAYOUT_FILES",
    "UCDP_COLUMNS",
    "acled_events",
    "incidents_geojson",
    "located_incidents",
    "places_geojson",
    "ucdp_events",
    "write_layouts",
]

#: Columns of the ACLED-shaped table, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
)

#: Columns of the UCDP GED-shaped table, in GED's order.
UCDP_COLUMNS: tuple[str, ...] = (
    "side_a", "side_b", "source_article", "source_original", "where_coordinates", "where_prec", "adm_1",
    "latitude", "longitude", "country", "date_start", "date_end", "date_prec", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low",
)

#: The files :func:`write_layouts` writes, by layout.
LAYOUT_FILES: dict[str, str] = {
    "acled": "events_acled.csv",
    "ucdp": "events_ucdp_ged.csv",
    "incidents": "incidents.geojson",
    "places": "places.geojson",
}

#: Outcomes that make an ACLED event (people displaced are not an event of ACLED's).
_ACLED_OUTCOMES = ("killed", "injured", "captured", "missing")
_TEXT_JOIN = " | "
_DAY = "%Y-%m-%d"
#: Days before a capture in which people killed or injured at the place make it a battle.
_BATTLE_DAYS = 3


# --------------------------------------------------------------------------
# Incidents with their place, sentences and sources
# --------------------------------------------------------------------------


def _located(casualties: "pd.DataFrame | None") -> "pd.DataFrame":
    """``located_incidents``, computed once per table while :func:`write_layouts` writes the four files."""
    table = casualties if casualties is not None and len(casualties.columns) else _empty_casualties()
    cached = _LOCATED.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    return located_incidents(table)


_LOCATED: dict[int, tuple[Any, Any]] = {}


def located_incidents(casualties: "pd.DataFrame") -> "pd.DataFrame":
    """The incidents of :func:`~conflictnews.aggregate.incidents`, located and with their evidence.

    Adds the place columns of :func:`conflictnews.geography.locate`
    (``country``, ``admin1``, ``latitude``, ``longitude``,
    ``place_precision``), taken from the reports of each place where the table
    has them, else from the gazetteer; ``sentences`` (the distinct sentences
    of the reports behind the incident, in reading order); and, when the
    table has them, ``perpetrator`` (the named perpetrators, ``"; "``-joined).
    """
    import pandas as pd

    from .aggregate import incidents
    from .geography import PLACE_COLUMNS, locate

    found = incidents(casualties)
    extra = ["sentences", "perpetrator"]
    if found.empty:
        return locate(found.assign(**{c: pd.Series(dtype=object) for c in extra}))
    reports = casualties[casualties["place"].notna()] if "place" in casualties.columns else casualties.iloc[0:0]
    per_place: dict[str, dict[str, Any]] = {}
    for column in PLACE_COLUMNS:
        if column in reports.columns:
            values = reports[["place", column]].dropna().drop_duplicates("place")
            for place, value in zip(values["place"], values[column]):
                per_place.setdefault(place, {})[column] = value
    for column in PLACE_COLUMNS:
        found[column] = found["place"].map(lambda p, column=column: per_place.get(p, {}).get(column))
    located = locate(found)
    by_article: dict[str, list[Any]] = {}
    for row in casualties.itertuples(index=False):
        by_article.setdefault(str(getattr(row, "article_id", None)), []).append(row)
    evidence = [_evidence(row, by_article) for row in located.itertuples(index=False)]
    located["sentences"] = [sentences for sentences, _ in evidence]
    located["perpetrator"] = [perpetrator for _, perpetrator in evidence]
    return located


def _same(a: Any, b: Any) -> bool:
    return (_missing(a) and _missing(b)) or (not _missing(a) and not _missing(b) and a == b)


def _missing(value: Any) -> bool:
    import pandas as pd

    if isinstance(value, (list, tuple, dict)):
        return False
    return value is None or bool(pd.isna(value))


def _evidence(incident: Any, by_article: dict[str, list[Any]]) -> tuple[list[str], str | None]:
    """The sentences and named perpetrators of the reports behind one incident (reports by article id)."""
    import pandas as pd

    rows = [row for article in incident.articles for row in by_article.get(str(article), [])]
    keep = []
    start = None if _missing(incident.period_start) else pd.Timestamp(incident.period_start)
    end = None if _missing(incident.period_end) else pd.Timestamp(incident.period_end)
    row: Any
    row_start: Any
    row_end: Any
    for row in rows:
        if not all(_same(getattr(row, key, None), getattr(incident, key)) for key in
                   ("outcome", "victim_group", "victim_actor", "place")):
            continue
        if bool(getattr(row, "cumulative", False)) or bool(getattr(row, "subset", False)):
            continue
        row_start = getattr(row, "period_start", None)
        row_end = getattr(row, "period_end", None)
        if start is None or end is None:
            if not (_missing(row_start) or _missing(row_end)):
                continue
        elif _missing(row_start) or _missing(row_end) or not (
                start <= pd.Timestamp(row_start).normalize() and pd.Timestamp(row_end).normalize() <= end):
            continue
        keep.append(row)
    sentences = list(dict.fromkeys(str(r.sentence) for r in keep if isinstance(getattr(r, "sentence", None), str)))
    perpetrators = sorted({str(p) for r in keep if isinstance(p := getattr(r, "perpetrator", None), str) and p})
    return sentences, "; ".join(perpetrators) or None


# --------------------------------------------------------------------------
# Events: incidents of one place and one window
# --------------------------------------------------------------------------


def _events(located: "pd.DataFrame", outcomes: Iterable[str]) -> list["pd.DataFrame"]:
    """Incidents grouped into events: one place, one window of days; in date order."""
    import pandas as pd

    chosen = located[located["outcome"].isin(list(outcomes))]
    if chosen.empty:
        return []
    keys = chosen.assign(_start=pd.to_datetime(chosen["period_start"]), _end=pd.to_datetime(chosen["period_end"]),
                         _place=chosen["place"].astype(object).where(chosen["place"].notna(), ""))
    groups = [g for _, g in keys.groupby(["_start", "_end", "_place"], dropna=False, sort=True)]
    return groups


def _window_days(start: Any, end: Any) -> int | None:
    if _missing(start) or _missing(end):
        return None
    import pandas as pd

    return int((pd.Timestamp(end).normalize() - pd.Timestamp(start).normalize()).days) + 1


def ucdp_date_prec(start: Any, end: Any) -> int | None:
    """UCDP's ``date_prec`` for a window of days.

    1: one day; 2: two to six days; 3: a week; 4: eight days to a month;
    5: longer (within a year, or more).

    >>> [ucdp_date_prec("2018-04-19", end) for end in ("2018-04-19", "2018-04-21", "2018-04-25",
    ...                                                 "2018-05-10", "2018-12-31")]
    [1, 2, 3, 4, 5]
    """
    days = _window_days(start, end)
    if days is None:
        return None
    if days <= 1:
        return 1
    if days <= 6:
        return 2
    if days == 7:
        return 3
    if days <= 31:
        return 4
    return 5


def acled_time_precision(start: Any, end: Any) -> int | None:
    """ACLED's ``time_precision`` for a window of days: 1 one day, 2 up to a week or so, 3 longer.

    >>> [acled_time_precision("2018-04-19", end) for end in ("2018-04-19", "2018-04-25", "2018-05-19")]
    [1, 2, 3]
    """
    days = _window_days(start, end)
    if days is None:
        return None
    return 1 if days <= 1 else 2 if days <= 10 else 3


def _middle_day(start: Any, end: Any) -> Any:
    """The middle day of a window (the earlier of two), as ACLED dates an event known only to a period."""
    import pandas as pd

    if _missing(start) or _missing(end):
        return None
    first, last = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    return first + pd.Timedelta(days=int((last - first).days) // 2)


def _day_text(value: Any) -> str | None:
    import pandas as pd

    return None if _missing(value) else pd.Timestamp(value).strftime(_DAY)


def _joined(values: Iterable[Any], sep: str = "; ") -> str | None:
    parts = list(dict.fromkeys(str(v) for v in values if not _missing(v) and str(v)))
    return sep.join(parts) or None


def _state_forces(country: str | None) -> str | None:
    from .lexicon import world

    row = world().countries.get(country or "")
    return row.get("state_forces") or None if row else None


def _victims(group: "pd.DataFrame", victim_group: str) -> list[str]:
    """The named sides of one victim group in an event (state forces named from the country when unnamed)."""
    rows = group[group["victim_group"] == victim_group]
    names = [a for a in rows["victim_actor"] if not _missing(a)]
    if victim_group == "military" and len(rows) and any(_missing(a) for a in rows["victim_actor"]):
        forces = _state_forces(_first(rows["country"]))
        if forces:
            names.append(forces)
    return list(dict.fromkeys(map(str, names)))


def _first(values: Iterable[Any]) -> Any:
    return next((v for v in values if not _missing(v)), None)


def _sum(values: Iterable[Any]) -> int:
    return int(sum(int(v) for v in values if not _missing(v)))


def _place_fields(group: "pd.DataFrame") -> dict[str, Any]:
    return {column: _first(group[column]) for column in
            ("place", "country", "admin1", "latitude", "longitude", "place_precision")}


def acled_events(casualties: "pd.DataFrame", territory: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """An ACLED-shaped table: one row per event (and per capture of a place, when ``territory`` is given).

    Parameters
    ----------
    casualties : pandas.DataFrame
        The ``casualties`` table; its incidents (after the counting rules)
        of people killed, injured, captured or missing become events.
    territory : pandas.DataFrame, optional
        The ``territory`` table (or its control ledger): every ``captured``
        claim with a date becomes a territory event, one per place, day and
        actor.

    Returns
    -------
    pandas.DataFrame
        :data:`ACLED_COLUMNS`, in date order (undated events last). The
        mapping of each column is in ``docs/api.md``.
    """
    import pandas as pd

    from .geography import acled_geo_precision

    located = _located(casualties)
    rows: list[dict[str, Any]] = []
    for group in _events(located, _ACLED_OUTCOMES):
        start, end = group["period_start"].iloc[0], group["period_end"].iloc[0]
        place = _place_fields(group)
        groups = set(group["victim_group"].fillna("unknown"))
        fighters = [*_victims(group, "military"), *_victims(group, "armed_group")]
        perpetrators = _joined(group["perpetrator"])
        event_type: str | None
        sub_event_type: str | None
        actor1: str | None
        actor2: str | None
        if groups & {"military", "armed_group"}:
            event_type, sub_event_type = "Battles", "Armed clash"
            actor1 = perpetrators or (fighters[0] if fighters else None)
            actor2 = _joined([f for f in fighters if f != actor1]) if fighters else None
        elif "civilian" in groups:
            event_type = "Violence against civilians"
            only_taken = set(group["outcome"]) <= {"captured", "missing"}
            sub_event_type = "Abduction/forced disappearance" if only_taken else "Attack"
            actor1 = perpetrators
            actor2 = f"Civilians ({place['country']})" if place["country"] else "Civilians"
        else:
            event_type, sub_event_type = None, None
            actor1, actor2 = perpetrators, None
        killed = group[group["outcome"] == "killed"]
        rows.append({
            "event_date": _middle_day(start, end), "time_precision": acled_time_precision(start, end),
            "event_type": event_type, "sub_event_type": sub_event_type, "actor1": actor1, "actor2": actor2,
            "country": place["country"], "admin1": place["admin1"], "location": place["place"],
            "latitude": place["latitude"], "longitude": place["longitude"],
            "geo_precision": acled_geo_precision(place["place_precision"]),
            "source": _joined(s for sources in group["sources"] for s in sources),
            "notes": _joined((s for sentences in group["sentences"] for s in sentences), _TEXT_JOIN),
            "fatalities": _sum(killed["best"]),
        })
    rows.extend(_territory_events(territory, located))
    table = pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
    table["event_date"] = pd.to_datetime(table["event_date"])
    table = table.sort_values(["event_date", "location"], na_position="last", kind="stable").reset_index(drop=True)
    for column in ("time_precision", "geo_precision", "fatalities"):
        table[column] = table[column].astype("Int64")
    for column in ("latitude", "longitude"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("float64")
    return table


def _empty_casualties() -> "pd.DataFrame":
    import pandas as pd

    from .pipeline import CASUALTY_COLUMNS

    return pd.DataFrame(columns=CASUALTY_COLUMNS)


def _territory_events(territory: "pd.DataFrame | None", located: "pd.DataFrame") -> list[dict[str, Any]]:
    """ACLED rows for captures: one per place, day and actor."""
    import pandas as pd

    from .aggregate import as_ledger
    from .geography import acled_geo_precision, is_state_actor, locate

    if territory is None or len(territory) == 0:
        return []
    ledger = as_ledger(territory)
    ledger = ledger[ledger["date"].notna()].copy()
    ledger["day"] = pd.to_datetime(ledger["date"]).dt.normalize()
    captures = ledger[(ledger["status"] == "captured") & ledger["actor"].notna()]
    if captures.empty:
        return []
    captures = locate(captures)
    violence = located[located["outcome"].isin(["killed", "injured"])]
    rows = []
    for (place, day, actor), group in captures.groupby(["place", "day", "actor"], sort=True):
        earlier = ledger[(ledger["place"] == place) & (ledger["day"] < day) & ledger["holder"].notna()]
        previous = earlier.sort_values("date")["holder"].iloc[-1] if len(earlier) else None
        loser = _first(group["from_actor"]) if "from_actor" in group.columns else None
        loser = loser or (previous if previous != actor else None)
        fought = _fought(violence, str(place), day)
        if not fought:
            event_type, sub_event_type = "Strategic developments", "Non-violent transfer of territory"
        elif is_state_actor(str(actor)):
            event_type, sub_event_type = "Battles", "Government regains territory"
        else:
            event_type, sub_event_type = "Battles", "Non-state actor overtakes territory"
        rows.append({
            "event_date": day, "time_precision": 1, "event_type": event_type, "sub_event_type": sub_event_type,
            "actor1": actor, "actor2": loser, "country": _first(group["country"]), "admin1": _first(group["admin1"]),
            "location": place, "latitude": _first(group["latitude"]), "longitude": _first(group["longitude"]),
            "geo_precision": acled_geo_precision(_first(group["place_precision"])),
            "source": _joined(group["attributed_to"]) if "attributed_to" in group.columns else None,
            "notes": _joined(group["sentence"], _TEXT_JOIN) if "sentence" in group.columns else None,
            "fatalities": 0,
        })
    return rows


def _fought(violence: "pd.DataFrame", place: str, day: Any) -> bool:
    """Whether people were reported killed or injured at a place (or inside it, or around it) in the days before."""
    import pandas as pd

    from .lexicon import world

    if violence.empty:
        return False
    places = world().places
    related = {place}
    entry = places.get(place)
    while entry is not None and entry.parent and entry.parent not in related and entry.kind != "country":
        related.add(entry.parent)
        entry = places.get(entry.parent)
    related.update(p.name for p in places.values() if p.parent == place)
    here = violence[violence["place"].isin(related)]
    first = pd.Timestamp(day) - pd.Timedelta(days=_BATTLE_DAYS)
    start = pd.to_datetime(here["period_start"])
    end = pd.to_datetime(here["period_end"])
    return bool(((start <= pd.Timestamp(day)) & (end >= first)).any())


def ucdp_events(casualties: "pd.DataFrame", articles: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """A UCDP GED-shaped table: one row per event with people killed.

    Parameters
    ----------
    casualties : pandas.DataFrame
        The ``casualties`` table; its incidents of people killed (after the
        counting rules) become events.
    articles : pandas.DataFrame, optional
        The ``articles`` table: when given, ``source_article`` cites each
        article as ``source (date): title``; otherwise by its id.

    Returns
    -------
    pandas.DataFrame
        :data:`UCDP_COLUMNS`, in date order (undated events last). The
        mapping of each column is in ``docs/api.md``.
    """
    import pandas as pd

    located = _located(casualties)
    cite = _citations(articles)
    rows: list[dict[str, Any]] = []
    for group in _events(located, ["killed"]):
        start, end = group["period_start"].iloc[0], group["period_end"].iloc[0]
        place = _place_fields(group)
        state = _victims(group, "military")
        others = _victims(group, "armed_group")
        deaths = {g: group[group["victim_group"].fillna("unknown") == g] for g in
                  ("military", "armed_group", "civilian", "unknown")}
        side_a: str | None
        side_b: str | None
        if state:
            side_a, deaths_a = _government(state, place["country"]), _sum(deaths["military"]["best"])
            side_b, deaths_b = _joined(others), _sum(deaths["armed_group"]["best"])
        elif len(others) > 1:
            first = others[0]
            mine = deaths["armed_group"]["victim_actor"] == first
            side_a, deaths_a = first, _sum(deaths["armed_group"][mine]["best"])
            side_b, deaths_b = _joined(others[1:]), _sum(deaths["armed_group"][~mine]["best"])
        else:
            side_a, deaths_a = _joined(group["perpetrator"]), 0
            side_b, deaths_b = _joined(others), _sum(deaths["armed_group"]["best"])
        lows = [int(v) for v in group["low"] if not _missing(v)]
        highs = list(group["high"])
        rows.append({
            "side_a": side_a, "side_b": side_b,
            "source_article": _joined((cite.get(a, a) for ids in group["articles"] for a in ids), _TEXT_JOIN),
            "source_original": _joined(s for sources in group["sources"] for s in sources),
            "where_coordinates": place["place"], "where_prec": place["place_precision"], "adm_1": place["admin1"],
            "latitude": place["latitude"], "longitude": place["longitude"], "country": place["country"],
            "date_start": _day_text(start), "date_end": _day_text(end), "date_prec": ucdp_date_prec(start, end),
            "deaths_a": deaths_a, "deaths_b": deaths_b, "deaths_civilians": _sum(deaths["civilian"]["best"]),
            "deaths_unknown": _sum(deaths["unknown"]["best"]), "best": _sum(group["best"]),
            "high": None if any(_missing(h) for h in highs) else _sum(highs),
            "low": sum(lows) if lows else None,
        })
    table = pd.DataFrame(rows, columns=list(UCDP_COLUMNS))
    for column in ("date_start", "date_end"):
        table[column] = pd.to_datetime(table[column])
    table = table.sort_values(["date_start", "where_coordinates"], na_position="last", kind="stable")
    for column in ("where_prec", "date_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
                   "best", "high", "low"):
        table[column] = table[column].astype("Int64")
    for column in ("latitude", "longitude"):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("float64")
    return table.reset_index(drop=True)


def _government(state: list[str], country: str | None) -> str:
    """UCDP names a state side "Government of <country>"."""
    from .lexicon import world

    names = []
    for actor in state:
        home = next((name for name, row in world().countries.items()
                     if actor in (row.get("state_forces"), row.get("government"))), None)
        names.append(f"Government of {home}" if home else actor)
    return "; ".join(dict.fromkeys(names))


def _citations(articles: "pd.DataFrame | None") -> dict[str, str]:
    """``source (date): title`` per article id."""
    import pandas as pd

    if articles is None or len(articles) == 0 or "article_id" not in articles.columns:
        return {}
    cites = {}
    row: Any
    published: Any
    for row in articles.itertuples(index=False):
        source = getattr(row, "source", None)
        published = getattr(row, "published", None)
        title = getattr(row, "title", None)
        head = " ".join(p for p in (None if _missing(source) else str(source),
                                    None if _missing(published) else f"({pd.Timestamp(published):%Y-%m-%d})") if p)
        text = ": ".join(p for p in (head, None if _missing(title) else str(title)) if p)
        cites[str(row.article_id)] = text or str(row.article_id)
    return cites


# --------------------------------------------------------------------------
# GeoJSON
# --------------------------------------------------------------------------


def _json_value(value: Any) -> Any:
    """A value JSON can hold: dates as ISO text, missing values as null, numpy numbers as numbers."""
    import pandas as pd

    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat() if value != value.normalize() else value.strftime(_DAY)
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _feature(row: dict[str, Any]) -> dict[str, Any]:
    lat, lon = row.pop("latitude"), row.pop("longitude")
    geometry = None
    if not (_missing(lat) or _missing(lon)):
        geometry = {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]}
    return {"type": "Feature", "geometry": geometry, "properties": {k: _json_value(v) for k, v in row.items()}}


def incidents_geojson(casualties: "pd.DataFrame") -> dict[str, Any]:
    """The incidents as a GeoJSON FeatureCollection (RFC 7946): one Point per incident.

    Properties: the columns of :func:`located_incidents` (``outcome``,
    ``victim_group``, ``victim_actor``, ``place``, ``country``, ``admin1``,
    ``place_precision``, ``period_start``, ``period_end``, ``low``, ``best``,
    ``high``, ``reports``, ``articles``, ``sources``, ``sentences``,
    ``perpetrator``). An incident without coordinates is kept with a null
    geometry, as RFC 7946 allows, so that nothing is left out unseen.
    """
    located = _located(casualties)
    features = [_feature({str(k): v for k, v in row.items()}) for row in located.to_dict("records")]
    return {"type": "FeatureCollection", "features": features}


def places_geojson(territory: "pd.DataFrame", *, as_of: Any = None, since: Any = None) -> dict[str, Any]:
    """The control ledger's places as a GeoJSON FeatureCollection: who holds each place on ``as_of``.

    One Point per place with a dated claim; properties are the columns of
    :func:`conflictnews.aggregate.control_as_of` (``holder``,
    ``holder_group``, ``contested``, ``changed``, ``previous_holder``,
    ``last_claim``, ``claims``, ``articles``, ``accounts``, ``agree``,
    ``standings``, the place columns). ``as_of`` is written in the
    collection's ``as_of`` member (the last claim's date by default).
    """
    import pandas as pd

    from .aggregate import control_as_of

    places = control_as_of(territory if territory is not None else pd.DataFrame(), as_of, since=since)
    day = as_of if as_of is not None else (places["last_claim"].max() if len(places) else None)
    features = [_feature({str(k): v for k, v in row.items()}) for row in places.to_dict("records")]
    return {"type": "FeatureCollection", "as_of": _json_value(None if day is None else pd.Timestamp(day)),
            "since": _json_value(None if since is None else pd.Timestamp(since)), "features": features}


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------


def _text_cells_defused(table: "pd.DataFrame") -> "pd.DataFrame":
    """Text cells a spreadsheet would run as a formula, quoted (dates as ISO days)."""
    import pandas as pd

    from .export import _defuse

    out = table.copy()
    for column in out.columns:
        values = out[column]
        if str(values.dtype).startswith("datetime64"):
            out[column] = values.dt.strftime(_DAY)
        elif values.dtype == object or pd.api.types.is_string_dtype(values):
            out[column] = values.map(_defuse)
    return out


def write_layouts(casualties: "pd.DataFrame", territory: "pd.DataFrame | None", out_dir: str | os.PathLike[str], *,
                  articles: "pd.DataFrame | None" = None, located: "pd.DataFrame | None" = None) -> list[Path]:
    """Write the ACLED-shaped and UCDP-shaped CSV files and the two GeoJSON files.

    Files (names in :data:`LAYOUT_FILES`): ``events_acled.csv``,
    ``events_ucdp_ged.csv`` (UTF-8, ``,``-separated, dates as ``YYYY-MM-DD``,
    missing values empty; text that a spreadsheet would run as a formula
    starts with an apostrophe), ``incidents.geojson`` and ``places.geojson``
    (RFC 7946, longitude before latitude).

    Parameters
    ----------
    casualties, territory : pandas.DataFrame
        The ``casualties`` and ``territory`` tables (``territory`` may be None).
    out_dir : str or os.PathLike
        The folder to write in; created when missing.
    articles : pandas.DataFrame, optional
        The ``articles`` table, to cite each article in UCDP's ``source_article``.
    located : pandas.DataFrame, optional
        ``located_incidents(casualties)`` when the caller has it already (the
        report draws its map from it): the counting rules are then not
        applied again. It must be of these ``casualties``.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> [p.name for p in write_layouts(pd.DataFrame(), None, tempfile.mkdtemp())]
    ['events_acled.csv', 'events_ucdp_ged.csv', 'incidents.geojson', 'places.geojson']
    """
    import pandas as pd

    casualties = casualties if casualties is not None and len(casualties.columns) else _empty_casualties()
    territory = territory if territory is not None else pd.DataFrame()
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    if located is None:
        located = located_incidents(casualties)
    _LOCATED[id(casualties)] = (casualties, located)
    try:
        tables = {"acled": acled_events(casualties, territory), "ucdp": ucdp_events(casualties, articles)}
        collections = {"incidents": incidents_geojson(casualties), "places": places_geojson(territory)}
    finally:
        _LOCATED.pop(id(casualties), None)
    for name, table in tables.items():
        target = folder / LAYOUT_FILES[name]
        _text_cells_defused(table).to_csv(target, index=False, encoding="utf-8", lineterminator="\n")
        written.append(target)
    for name, collection in collections.items():
        target = folder / LAYOUT_FILES[name]
        target.write_text(json.dumps(collection, ensure_ascii=False, allow_nan=False, indent=None) + "\n",
                          encoding="utf-8")
        written.append(target)
    return written
