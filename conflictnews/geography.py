"""Where a fact happened, how precisely, and in which country: the place columns of the maps and exports.

The fact tables name a canonical ``place`` with its ``latitude`` and
``longitude``; newer tables also carry ``country``, ``admin1`` (the province)
and ``place_precision`` (UCDP GED's ``where_prec`` code). :func:`locate` fills
whichever of these columns is missing from the gazetteer
(``lexicon/places.csv``), so that maps and exports work on old and new tables
alike. Values the table already holds are kept.

``where_prec`` follows the UCDP GED codebook (:data:`WHERE_PREC`); the
gazetteer's kind of place gives it: a city, town, village, camp or a
neighbourhood of a city is an exact place (1); an area named inside a city
("South Damascus") lies within about 25 km of a known point (2); a district
or area inside a province is a second-order division (3); a province a
first-order division (4); an area larger than a province, or without one
("Rojava", "Darfur"), 5; a country 6. Places the gazetteer does not know keep a
missing precision.
"""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACLED_GEO_PRECISION",
    "PLACE_COLUMNS",
    "WHERE_PREC",
    "acled_geo_precision",
    "distance_km",
    "is_state_actor",
    "locate",
    "place_precision",
]

#: UCDP GED ``where_prec``: how precisely an event is located.
WHERE_PREC: dict[int, str] = {
    1: "the exact place (a town, village, camp or neighbourhood) is known",
    2: "within about 25 km of a known point (an area named after or inside a place)",
    3: "only the second-order administrative division (district) is known",
    4: "only the first-order administrative division (province) is known",
    5: "only a part of the country larger than a province, or a line (road, river, border), is known",
    6: "only the country is known",
    7: "international waters or airspace",
}

#: ACLED ``geo_precision``: how precisely an event is located.
ACLED_GEO_PRECISION: dict[int, str] = {
    1: "the town or locality is named; its coordinates are coded",
    2: "a small part of a region, or near a town: the nearest town (or the area's centre) is coded",
    3: "only a larger region is named: its centre (or the provincial capital) is coded",
}

#: The place columns :func:`locate` fills.
PLACE_COLUMNS: tuple[str, ...] = ("country", "admin1", "latitude", "longitude", "place_precision")

_EXACT_KINDS = frozenset({"camp", "village", "town", "city", "neighbourhood"})
_TOWN_KINDS = frozenset({"city", "town", "village"})


def _gazetteer() -> dict[str, Any]:
    from .lexicon import world

    return world().places


@functools.lru_cache(maxsize=4096)
def place_precision(place: str | None) -> int | None:
    """The UCDP ``where_prec`` code of a canonical place, from the gazetteer's kind of place.

    Returns None for a place the gazetteer does not know.

    >>> place_precision("Yarmouk"), place_precision("South Damascus"), place_precision("Eastern Ghouta")
    (1, 2, 3)
    >>> place_precision("Idlib Governorate"), place_precision("Rojava"), place_precision("Syria")
    (4, 5, 6)
    >>> place_precision("Atlantis") is None
    True
    """
    places = _gazetteer()
    entry = places.get(place or "")
    if entry is None:
        return None
    kind = entry.kind
    parent = places.get(entry.parent or "")
    parent_kind = parent.kind if parent is not None else None
    if kind == "country":
        return 6
    if kind == "province":
        return 4
    if kind in _EXACT_KINDS:
        return 1
    if kind == "district":
        # A neighbourhood of a city is an exact place; a district of a province is a second-order division.
        return 1 if parent_kind in _TOWN_KINDS else 3
    if kind == "region":
        if parent_kind in _TOWN_KINDS:
            return 2
        if parent is not None:
            return 3
        return 5 if entry.country else 6
    return None


@functools.lru_cache(maxsize=4096)
def _admin1(place: str | None) -> str | None:
    """The province a place lies in (itself when it is one), following the gazetteer's parents."""
    places = _gazetteer()
    entry = places.get(place or "")
    seen: set[str] = set()
    while entry is not None and entry.name not in seen:
        if entry.kind == "province":
            return str(entry.name)
        seen.add(entry.name)
        entry = places.get(entry.parent or "")
    return None


def _gazetteer_row(place: Any) -> dict[str, Any]:
    if not isinstance(place, str):
        return {"country": None, "admin1": None, "latitude": None, "longitude": None, "place_precision": None}
    entry = _gazetteer().get(place)
    return {
        "country": entry.country if entry is not None else None,
        "admin1": _admin1(place),
        "latitude": entry.latitude if entry is not None else None,
        "longitude": entry.longitude if entry is not None else None,
        "place_precision": place_precision(place),
    }


def locate(frame: "pd.DataFrame", *, place: str = "place") -> "pd.DataFrame":
    """A copy of ``frame`` with ``country``, ``admin1``, ``latitude``, ``longitude`` and ``place_precision``.

    Values the table holds are kept; missing ones (and missing columns) are
    filled from the gazetteer by the canonical name in the ``place`` column.
    ``place_precision`` is a nullable integer (UCDP ``where_prec``),
    ``latitude`` and ``longitude`` floats, ``country`` and ``admin1`` text.

    >>> import pandas as pd
    >>> located = locate(pd.DataFrame({"place": ["Yarmouk", "Syria", None]}))
    >>> located["country"].tolist(), located["place_precision"].tolist()
    (['Syria', 'Syria', None], [1, 6, <NA>])
    """
    import pandas as pd

    out = frame.copy()
    names = out[place] if place in out.columns else pd.Series([None] * len(out), index=out.index, dtype=object)
    lookup = {name: _gazetteer_row(name) for name in dict.fromkeys(names.dropna())}
    for column in PLACE_COLUMNS:
        filled = names.map(lambda name, column=column: lookup.get(name, {}).get(column))
        if column in out.columns:
            current = out[column]
            out[column] = current.astype(object).where(current.notna(), filled)
        else:
            out[column] = filled
    out["latitude"] = pd.to_numeric(out["latitude"], errors="coerce").astype("float64")
    out["longitude"] = pd.to_numeric(out["longitude"], errors="coerce").astype("float64")
    out["place_precision"] = pd.to_numeric(out["place_precision"], errors="coerce").astype("Int64")
    for column in ("country", "admin1"):
        out[column] = out[column].astype(object).where(out[column].notna(), None)
    return out


def acled_geo_precision(where_prec: Any) -> int | None:
    """ACLED's ``geo_precision`` (1-3) for a UCDP ``where_prec`` code (1-7).

    An exact place is 1; a point within 25 km or a district 2; a province, a
    larger area or a country 3 (ACLED codes the centre of the larger area).

    >>> [acled_geo_precision(code) for code in (1, 2, 3, 4, 6, None)]
    [1, 2, 2, 3, 3, None]
    """
    if where_prec is None or (isinstance(where_prec, float) and math.isnan(where_prec)):
        return None
    try:
        code = int(where_prec)
    except (TypeError, ValueError):
        return None
    if code <= 1:
        return 1
    if code <= 3:
        return 2
    return 3


def is_state_actor(actor: str | None) -> bool:
    """Whether an actor is a state or its forces (a government, an army, a state's coalition).

    >>> is_state_actor("Syrian government"), is_state_actor("Syrian government forces"), is_state_actor("Islamic State")
    (True, True, False)
    """
    from .lexicon import world

    if not actor:
        return False
    w = world()
    if any(row.get("government") == actor or row.get("state_forces") == actor for row in w.countries.values()):
        return True
    return w.actor_group(actor) == "military"


def distance_km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    """Great-circle distance in kilometres (haversine); works on numbers and numpy arrays.

    >>> round(distance_km(33.5102, 36.2913, 36.3350, 43.1189))
    697
    """
    import numpy as np

    phi1, phi2 = np.radians(lat1), np.radians(lat2)
    dphi = phi2 - phi1
    dlmb = np.radians(np.asarray(lon2, dtype="float64") - np.asarray(lon1, dtype="float64"))
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlmb / 2) ** 2
    result = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return float(result) if np.ndim(result) == 0 else result
