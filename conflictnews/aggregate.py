"""Totals without double counting, running tolls, control over time, merged timelines.

The counting rules of ``casualty_totals`` are the package's answer to the
double counting of automatic event data; they are the same in the notebooks,
the report and the command line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STANDING_COLUMNS", "as_ledger", "casualty_totals", "control_as_of", "incidents", "merge_timelines",
           "running_tolls", "territory_control"]

_INCIDENT_KEYS = ["outcome", "victim_group", "victim_actor", "place"]


def _day_window(frame: "pd.DataFrame") -> tuple["pd.Series", "pd.Series"]:
    import pandas as pd

    start = pd.to_datetime(frame["period_start"]).dt.normalize()
    end = pd.to_datetime(frame["period_end"]).dt.normalize()
    return start, end


def incidents(casualties: "pd.DataFrame", *, certainty: Sequence[str] = ("stated",)) -> "pd.DataFrame":
    """Group casualty reports into incidents, one row per incident, nothing counted twice.

    Only reports whose ``certainty`` is in ``certainty`` are counted: by default those the text states,
    not a toll it doubts ("feared dead", "could not be verified") or one a party denies. Pass
    ``certainty=("stated", "uncertain")`` to count doubted tolls too.

    The rules, in order:

    1. Running tolls (``cumulative``) and parts of a total given beside it
       (``subset``: "onder wie vijf kinderen") are left out: tolls are reported
       by ``running_tolls``, parts are inside their total.
    2. A headline repeats its article's lead: headline rows are dropped from an
       article that reports the same outcome in its body.
    3. Within an article, the same figure again in another sentence restates it
       and is counted once ("Ten people were killed ... 10 people were killed, a
       death toll confirmed by a villager" is 10; "31 soldiers" under Damascus and
       again under south Damascus is 31; "Dozens of people were killed ... 69 were
       killed" is 69: a vague figure within an exact one restates it): the same
       outcome and count (or a vague figure and an exact one), victims of
       the same side (or one of unknown side: the known one is kept), the same
       actor or none, places that are the same, one inside the other or not
       given, and windows (in days) that overlap when both are dated. Figures of
       one sentence add up and never restate each other ("five on Monday and
       five on Tuesday"), a figure that differs is not a restatement, and neither
       is one that says it adds ("X was also killed", "another died": a word of
       ``casualties.additive`` in the lexicon of any language in the figure, a
       few words before it or up to its verb).
    4. Within an article, a figure for victims of unknown side in the same days
       as figures for known sides restates them (dropped) or adds the rest
       ("15 killed; 10 soldiers": 5 of unknown side).
    5. Reports of the same outcome, victims and place (``outcome``,
       ``victim_group``, ``victim_actor``, ``place``) whose window (in days) lies
       inside another's window are part of it, across articles too. Reports with
       the same window are several accounts of one incident: ``low`` is the lowest
       figure, ``best`` the lowest reliable one (ACLED's conservative rule), ``high``
       the highest (missing when any account leaves it open); a part larger than
       its container raises ``best`` to the part. Figures of one sentence add up:
       they are one account. The same figure for the same victims and place in
       overlapping days is the same report repeated, and is counted once.
    6. Reports without a window stand alone.

    Returns a DataFrame with the incident keys, ``period_start``, ``period_end``,
    ``low``, ``best``, ``high``, ``reports``, ``articles`` (list of article ids)
    and ``sources``.
    """
    import pandas as pd

    columns = [*_INCIDENT_KEYS, "period_start", "period_end", "low", "best", "high", "reports", "articles",
               "sources"]
    if casualties is None or len(casualties) == 0:
        return pd.DataFrame(columns=columns)
    data = casualties.copy()
    for column in ("cumulative", "subset", "from_title"):
        if column not in data:
            data[column] = False
        data[column] = data[column].fillna(False).astype(bool)
    data = data[~data["cumulative"] & ~data["subset"]]
    if "certainty" in data:
        data = data[data["certainty"].fillna("stated").isin(list(certainty))]
    body_outcomes = set(zip(data.loc[~data["from_title"], "article_id"], data.loc[~data["from_title"], "outcome"]))
    headline_repeats = data["from_title"] & pd.Series(
        [(a, o) in body_outcomes for a, o in zip(data["article_id"], data["outcome"])], index=data.index)
    data = data[~headline_repeats]
    if data.empty:
        return pd.DataFrame(columns=columns)
    data = data.assign(window_start=_day_window(data)[0], window_end=_day_window(data)[1])
    data = _restatements(data)
    data = _unknown_remainders(data)
    if data.empty:
        return pd.DataFrame(columns=columns)
    rows: list[dict[str, Any]] = []
    for keys, group in data.groupby(_INCIDENT_KEYS, dropna=False, sort=False):
        group = group.assign(window_days=(group["window_end"] - group["window_start"]).dt.days)
        group = group.sort_values(["window_days", "window_start"], ascending=[False, True], na_position="last")
        open_incidents: list[dict[str, Any]] = []
        for row in group.itertuples(index=False):
            start, end = row.window_start, row.window_end
            home: dict[str, Any] | None = None
            if not (_missing(start) or _missing(end)):
                for incident in open_incidents:
                    if incident["start"] is not None and incident["start"] <= start and end <= incident["end"]:
                        home = incident
                        break
                    # The same figure for the same victims in overlapping days is the same report, repeated
                    # ("IS lost 233 men" in four articles of one week).
                    if incident["start"] is not None and start <= incident["end"] and incident["start"] <= end \
                            and any(value_of(r.count_best) == value_of(row.count_best) for r in incident["covering"]):
                        home = incident
                        break
            if home is None:
                home = {"start": None if _missing(start) else start, "end": None if _missing(end) else end,
                        "covering": [], "parts": []}
                open_incidents.append(home)
            same_window = home["start"] == (None if _missing(start) else start) and home["end"] == (
                None if _missing(end) else end)
            (home["covering"] if same_window else home["parts"]).append(row)
        for incident in open_incidents:
            rows.append(_incident_row(dict(zip(_INCIDENT_KEYS, keys)), incident))
    result = pd.DataFrame(rows, columns=columns)
    for column in ("low", "best", "high"):
        result[column] = result[column].astype("Int64")
    return result


def value_of(value: Any) -> int | None:
    """An integer count, or None when missing."""
    return None if _missing(value) else int(value)


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))


def _incident_row(keys: dict[str, Any], incident: dict[str, Any]) -> dict[str, Any]:
    import pandas as pd

    covering, parts = incident["covering"], incident["parts"]

    def value(row: Any, name: str) -> int | None:
        v = getattr(row, name)
        return None if v is None or pd.isna(v) else int(v)

    # Reports of one statement (the same sentence) add up; separate statements are accounts of the same
    # incident, and the accounts give the range.
    accounts: dict[tuple[Any, ...], list[int | None]] = {}
    for r in covering:
        key = (r.article_id, getattr(r, "from_title", False), getattr(r, "sentence", id(r)))
        low_, best_, high_ = value(r, "count_low"), value(r, "count_best") or 0, value(r, "count_high")
        if key not in accounts:
            accounts[key] = [low_ or 0, best_, high_]
        else:
            total = accounts[key]
            total[0] = (total[0] or 0) + (low_ or 0)
            total[1] = (total[1] or 0) + best_
            total[2] = None if total[2] is None or high_ is None else total[2] + high_
    best = min(int(t[1] or 0) for t in accounts.values())
    low = min(int(t[0] or 0) for t in accounts.values())
    highs = [t[2] for t in accounts.values()]
    high = None if any(h is None for h in highs) else max(int(h) for h in highs if h is not None)
    part_best = max((value(r, "count_best") or 0 for r in parts), default=0)
    best = max(best, part_best)
    if high is not None:
        high = max(high, best, *[value(r, "count_high") or 0 for r in parts])
    low = min(low, best)
    everything = covering + parts
    return {**keys, "period_start": incident["start"], "period_end": incident["end"], "low": low, "best": best,
            "high": high, "reports": len(everything),
            "articles": sorted({str(r.article_id) for r in everything if r.article_id is not None}),
            "sources": sorted({str(r.attributed_to) for r in everything
                               if r.attributed_to is not None and not pd.isna(r.attributed_to)})}


def _places_nest(one: Any, other: Any) -> bool:
    """Whether two places are the same, one is inside the other (through the gazetteer), or one is not given."""
    from .lexicon import world

    if _missing(one) or _missing(other) or one == other:
        return True
    places = world().places
    for inner, outer in ((one, other), (other, one)):
        current, seen = places.get(inner), set()
        if current is not None and current.country == outer:
            return True  # a province is inside its country, with or without a parent between
        while current is not None and current.parent and current.parent not in seen:
            if current.parent == outer:
                return True
            seen.add(current.parent)
            current = places.get(current.parent)
    return False


def _placed_within(inner: Any, outer: Any) -> bool:
    """Whether a report's place lies in the other's place by its own place columns: "Babile, East Harerghe Zone"
    placed in the Oromia Region that another report of the article names, a town in the country another names."""
    from .lexicon import world

    place = getattr(outer, "place", None)
    if not isinstance(place, str) or not place:
        return False
    names = {_division_key(name) for name in world().names_of(place)}
    if any(isinstance(value := getattr(inner, column, None), str) and _division_key(value) in names
           for column in ("admin1", "country")):
        return True
    # a province or region and a place of the same country within reach of its centre ("Ituri" and a
    # territory of Ituri the gazetteer files under the province's former name)
    precision = number_of(getattr(outer, "place_precision", None))
    if precision is None or not 4 <= precision <= 5 \
            or getattr(inner, "country", None) != getattr(outer, "country", None) \
            or _missing(getattr(inner, "country", None)):
        return False
    points = [number_of(getattr(row, name, None)) for row in (inner, outer) for name in ("latitude", "longitude")]
    if any(v is None for v in points):
        return False
    from .geography import distance_km

    return bool(distance_km(*points) <= _REGION_REACH_KM)


def number_of(value: Any) -> float | None:
    """A number of a table cell (numpy's too), or None when missing or not a number.

    >>> number_of("3.5"), number_of(float("nan")), number_of(None)
    (3.5, None, None)
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


#: How far from the point of a province or region a place of the same country may lie to be read as inside it.
_REGION_REACH_KM = 150.0

_GENERIC = re.compile(r"\b(?:province|region|state|governorate|department|departement|oblast|district|zone|county|"
                      r"provincie|regio|deelstaat|gouvernement)\b|[^a-z0-9]+")


def _division_key(name: str) -> str:
    """A division's name without its kind and punctuation: "South-West Province" and "Southwest Region" agree."""
    return _GENERIC.sub("", name.casefold())



def _additive() -> "re.Pattern[str]":
    """Words that say a figure adds to those before it ("also", "another"), in every supported language."""
    from .lexicon import SUPPORTED_LANGUAGES, language, phrase_pattern

    global _ADDITIVE
    if _ADDITIVE is None:
        _ADDITIVE = re.compile(phrase_pattern([w for code in SUPPORTED_LANGUAGES
                                               for w in language(code).words("casualties.additive")]), re.IGNORECASE)
    return _ADDITIVE


_ADDITIVE: "re.Pattern[str] | None" = None


def _adds(row: Any, additive: "re.Pattern[str]") -> bool:
    """Whether an additive word stands by a report's figure: in it, a few words before it or up to its verb."""
    sentence, surface = getattr(row, "sentence", None), getattr(row, "surface", None)
    if not isinstance(sentence, str) or not isinstance(surface, str):
        return False
    at = sentence.find(surface)
    if at < 0:
        return False
    return additive.search(sentence, max(0, at - 15), min(len(sentence), at + len(surface) + 25)) is not None


def _vague_of(one: Any, other: Any) -> bool:
    """Whether ``one`` is a vague figure ("dozens", "several") within ``other``, an exact one."""
    return getattr(one, "qualifier", None) == "vague" and getattr(other, "qualifier", None) != "vague" \
        and (value_of(one.count_best) or 0) <= (value_of(other.count_best) or 0)


def _restates(earlier: Any, later: Any) -> bool:
    """Whether ``later`` states ``earlier``'s figure again (rule 3 of ``incidents``)."""
    return (earlier.sentence != later.sentence
            and (value_of(earlier.count_best) == value_of(later.count_best)
                 or _vague_of(earlier, later) or _vague_of(later, earlier))
            and (earlier.victim_group == later.victim_group or "unknown" in (earlier.victim_group, later.victim_group))
            and (_missing(earlier.victim_actor) or _missing(later.victim_actor)
                 or earlier.victim_actor == later.victim_actor)
            and (_places_nest(earlier.place, later.place) or _placed_within(earlier, later)
                 or _placed_within(later, earlier))
            and (_missing(earlier.window_start) or _missing(later.window_start)
                 or (earlier.window_start <= later.window_end and later.window_start <= earlier.window_end)))


def _restatements(data: "pd.DataFrame") -> "pd.DataFrame":
    """Within an article, the same figure again in another sentence: counted once (rule 3 of ``incidents``)."""
    if "sentence" not in data or len(data) < 2:
        return data
    additive = _additive()
    dropped: set[Any] = set()
    keys = [k for k in ("article_id", "from_title", "outcome") if k in data]
    for _, group in data.groupby(keys, dropna=False, sort=False):
        if len(group) < 2:
            continue
        kept: list[Any] = []
        for row in (group.sort_values("span_start") if "span_start" in group else group).itertuples():
            twin = None if _adds(row, additive) else next((k for k in kept if _restates(k, row)), None)
            if twin is None:
                kept.append(row)
            elif _vague_of(twin, row) or not _vague_of(row, twin) and twin.victim_group == "unknown" \
                    and row.victim_group != "unknown":
                dropped.add(twin.Index)  # the exact figure, or the known side, is kept
                kept[kept.index(twin)] = row
            else:
                dropped.add(row.Index)
    return data.drop(index=list(dropped)) if dropped else data


def _unknown_remainders(data: "pd.DataFrame") -> "pd.DataFrame":
    """Within an article, victims of unknown side beside victims of known sides in the same days.

    "Six civilians were killed ... Six fatalities reported": the unknown figure restates the known ones and
    is dropped; "15 killed, among them 10 soldiers" (without a cue) keeps 5 unknown beside the 10 soldiers.
    """
    import pandas as pd

    unknown = data["victim_group"].fillna("unknown") == "unknown"
    if not unknown.any() or unknown.all():
        return data
    additive = _additive()
    keep: dict[Any, bool] = {}
    best: dict[Any, Any] = {}
    low: dict[Any, Any] = {}
    high: dict[Any, Any] = {}
    for (_article, _outcome), group in data.groupby(["article_id", "outcome"], dropna=False, sort=False):
        known = group[group["victim_group"].fillna("unknown") != "unknown"]
        if known.empty:
            continue
        for index, row in group[group["victim_group"].fillna("unknown") == "unknown"].iterrows():
            if _adds(row, additive):
                continue  # "his adviser was also killed": one more, not the known figures again
            # Figures listed in one sentence add up ("in addition to the assailant, three people"):
            # only figures of other sentences can be restated by an unknown-side figure.
            other = known[known["sentence"] != row["sentence"]] if "sentence" in known else known
            other = other[[not _adds(k, additive) for k in other.itertuples()]] if len(other) else other
            overlapping = other[(other["window_start"].isna() | pd.isna(row["window_start"]) |
                                 ((other["window_start"] <= row["window_end"]) &
                                  (other["window_end"] >= row["window_start"])))]
            if overlapping.empty:
                continue
            named = int(overlapping["count_best"].fillna(0).sum())
            if named >= int(row["count_best"]):
                keep[index] = False
            else:
                best[index] = int(row["count_best"]) - named
                low[index] = max(0, int(row["count_low"]) - named) if not pd.isna(row["count_low"]) else pd.NA
                high[index] = int(row["count_high"]) - named if not pd.isna(row["count_high"]) else pd.NA
    adjusted = data.copy()
    for column, values in (("count_best", best), ("count_low", low), ("count_high", high)):
        if values:
            adjusted[column] = adjusted[column].astype(object)
            for index, value in values.items():
                adjusted.at[index, column] = value
            adjusted[column] = adjusted[column].astype("Int64")
    return adjusted[[keep.get(index, True) for index in adjusted.index]]


def casualty_totals(casualties: "pd.DataFrame", *, by: str | Sequence[str] = ("victim_group",),
                    freq: str | None = None, certainty: Sequence[str] = ("stated",)) -> "pd.DataFrame":
    """Totals of ``low``, ``best`` and ``high`` per group (and period), with double counting removed.

    Parameters
    ----------
    casualties
        The ``casualties`` table (usually filtered to one outcome: totals add up
        people of all outcomes given).
    by
        Columns to total by: ``victim_group``, ``victim_actor``, ``place``,
        ``outcome``, ``attributed_to`` (an incident told by several sources
        counts under each) or ``article_id`` (each incident under each article).
    freq
        A pandas period frequency (``"D"``, ``"W"``, ``"M"``): incidents are counted
        in the period in which their window ends.
    certainty
        The reports counted, by ``certainty``: by default ``("stated",)``, leaving out
        tolls the text doubts or a party denies (they stay in the table, flagged).

    Returns
    -------
    DataFrame
        ``by`` columns, ``period`` (when ``freq``), ``low``, ``best``, ``high``
        (nullable integers; ``high`` missing when an incident leaves it open),
        ``reports`` and ``articles`` (how many rows and articles were counted).

    Notes
    -----
    The rules are those of ``incidents``. A worked example, the seed article
    (Belga, 24 April 2018): "de voorbije vierentwintig uur minstens achttien
    Syrische soldaten" (18, at least), "de voorbije zes dagen 52 soldaten en 35
    jihadisten van IS" (52 and 35), "vandaag vier burgers" (4), "sinds 2011 meer
    dan 350.000 doden" (cumulative), and the headline's 18 again. The headline
    repeats the lead; the 18 soldiers of the last 24 hours lie inside the six days
    of the 52; the 350,000 is a running toll. Soldiers killed: 52, not 70.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({
    ...     "article_id": ["a"] * 5, "outcome": ["killed"] * 5, "from_title": [True] + [False] * 4,
    ...     "victim_group": ["military", "military", "military", "armed_group", "unknown"],
    ...     "victim_actor": ["Syrian government forces"] * 3 + ["Islamic State", None],
    ...     "place": ["Damascus"] * 4 + ["Syria"], "count_low": [18, 18, 52, 35, 350000],
    ...     "count_best": [18, 18, 52, 35, 350000], "count_high": [None, None, 52, 35, None],
    ...     "period_start": pd.to_datetime(["2018-04-23 18:25", "2018-04-23 18:25", "2018-04-18", "2018-04-18",
    ...                                     "2011-01-01"], format="ISO8601"),
    ...     "period_end": pd.to_datetime(["2018-04-24 18:25"] * 2 + ["2018-04-24"] * 3, format="ISO8601"),
    ...     "cumulative": [False] * 4 + [True], "subset": False, "attributed_to": "SOHR"})
    >>> casualty_totals(rows, by="victim_group")[["victim_group", "low", "best", "high"]]
      victim_group  low  best  high
    0  armed_group   35    35    35
    1     military   52    52    52
    """
    import pandas as pd

    keys = [by] if isinstance(by, str) else list(by)
    found = incidents(casualties, certainty=certainty)
    explode = [k for k in keys if k in ("attributed_to", "article_id")]
    if explode:
        found = found.assign(attributed_to=found["sources"].map(lambda s: s or [None]),
                             article_id=found["articles"]).explode(explode)
    group_keys = list(keys)
    if freq is not None:
        found = found.assign(period=pd.to_datetime(found["period_end"]).dt.to_period(freq).dt.start_time)
        group_keys.append("period")
    columns = [*group_keys, "low", "best", "high", "reports", "articles"]
    if found.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    groups = found.groupby(group_keys, dropna=False, sort=True) if group_keys else [((), found)]
    for values, group in groups:
        values = values if isinstance(values, tuple) else (values,)
        high = None if group["high"].isna().any() else int(group["high"].sum())
        rows.append({**dict(zip(group_keys, values)), "low": int(group["low"].sum()),
                     "best": int(group["best"].sum()), "high": high, "reports": int(group["reports"].sum()),
                     "articles": len({a for articles in group["articles"] for a in articles})})
    result = pd.DataFrame(rows, columns=columns)
    for column in ("low", "best", "high"):
        result[column] = result[column].astype("Int64")
    return result


def running_tolls(casualties: "pd.DataFrame", articles: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """The running tolls ("sinds 2011 meer dan 350.000 doden"), one row per report, by date reported.

    ``published`` comes from ``articles`` when given, else from the end of the toll's period. ``victim_actor``
    and ``subset`` (a part given beside its total) tell the series of tolls apart.
    """
    import pandas as pd

    columns = ["article_id", "published", "period_start", "period_end", "outcome", "victim_group", "victim_actor",
               "place", "attributed_to", "count_low", "count_best", "count_high", "qualifier", "subset", "surface",
               "sentence"]
    if casualties is None or len(casualties) == 0:
        return pd.DataFrame(columns=columns)
    tolls = casualties[casualties["cumulative"].fillna(False).astype(bool)].copy()
    published = pd.to_datetime(tolls["period_end"])
    if articles is not None and len(articles):
        lookup = articles.drop_duplicates("article_id").set_index("article_id")["published"]
        published = pd.to_datetime(tolls["article_id"].map(lookup)).fillna(published)
    tolls["published"] = published
    tolls = tolls.reindex(columns=list(dict.fromkeys([*columns, *tolls.columns])))  # victim_actor, subset if absent
    return tolls[columns].sort_values(["published", "place"], na_position="last").reset_index(drop=True)


_CONTROL_COLUMNS = ["place", "date", "actor", "status", "holder", "since", "as_of", "share_pct", "population",
                    "attributed_to", "article_id", "surface", "sentence", "account", "holder_group", "from_actor",
                    "certainty", "past", "carried", "accounts", "agree", "country", "admin1", "latitude",
                    "longitude", "place_precision"]

#: The columns of :func:`control_as_of`: one row per place.
STANDING_COLUMNS: tuple[str, ...] = (
    "place", "holder", "holder_group", "contested", "changed", "previous_holder", "last_claim", "claims",
    "articles", "accounts", "agree", "standings", "country", "admin1", "latitude", "longitude", "place_precision",
)

#: The account of a claim the text states itself, naming no source.
REPORTED = "reported"

_FIGHTING = ("contested", "besieged")


def territory_control(territory: "pd.DataFrame") -> "pd.DataFrame":
    """Who holds each place on each day a claim is dated, by whose account, side by side.

    The ledger keeps one standing per account (the claim's ``attributed_to``, or ``"reported"`` for what
    the text states itself), the way VIINA keeps a daily status per settlement and source. Claims are
    applied in date order; on each day a claim is made about a place, every account that names a holder
    for it appears, so conflicting accounts stand side by side:

    - ``controls`` and ``captured`` make the actor the holder by that account, when stated;
    - ``lost`` ends the loser's hold (the holder is then unknown);
    - a claim the text doubts (``certainty`` ``uncertain``) or gives as over (``past``) is kept and flagged
      but changes no holder; a denied claim keeps the denier's standing (the holder before, else the side
      the place was to be taken from, else the denier itself when it is a side);
    - ``contested``, ``besieged`` and ``seeks_control`` keep the holder (an intent to take a place from Y
      says Y holds it).

    An account that says nothing on a day keeps its standing (``carried``), until another account states
    that the place changed hands after it (a capture by another side, or a loss by its holder): a word
    given before the change does not dispute it, so it is no longer carried. A denial, a doubted claim or
    a claim of control by another side is no such change: both accounts then stand side by side.

    Returns one row per claim (``carried`` False) and one row per other account that holds the place that
    day (``carried`` True: its standing repeated, with the evidence it rests on). Columns: ``place``,
    ``date`` (the day: ``as_of``, else ``since``), the claim's ``actor``, ``status``, ``from_actor``,
    ``certainty``, ``past`` and evidence, ``account``, ``holder`` (by that account after the claim),
    ``holder_group`` (``state`` or ``non_state``), ``accounts`` (accounts naming a holder that day) and
    ``agree`` (whether they name the same one), and the claim's place columns (``country``, ``admin1``,
    ``latitude``, ``longitude``, ``place_precision``, for a map). Undated claims come last, one row each,
    with the holder their own claim names. :func:`control_as_of` reads the ledger on a given day.

    >>> import pandas as pd
    >>> claims = pd.DataFrame({
    ...     "place": ["Krynky"] * 3, "actor": ["Ukrainian government", "Russian government", "Russian government"],
    ...     "status": ["controls", "captured", "captured"], "certainty": ["stated", "stated", "denied"],
    ...     "attributed_to": [None, "Russian government", "Ukrainian government"],
    ...     "as_of": pd.to_datetime(["2023-11-01", "2023-11-20", "2023-11-20"])})
    >>> ledger = territory_control(claims)
    >>> ledger[ledger.date == "2023-11-20"][["account", "holder", "agree"]].values.tolist()
    [['Russian government', 'Russian government', False], ['Ukrainian government', 'Ukrainian government', False]]
    """
    import pandas as pd

    if territory is None or len(territory) == 0:
        return pd.DataFrame(columns=_CONTROL_COLUMNS)
    claims = territory.copy().reset_index(drop=True)
    for column in _CONTROL_COLUMNS + ["actor_group", "span_start"]:
        if column not in claims:
            claims[column] = None
    claims["certainty"] = claims["certainty"].fillna("stated")
    claims["past"] = claims["past"].fillna(False).astype(bool)
    claims["date"] = pd.to_datetime(claims["as_of"]).fillna(pd.to_datetime(claims["since"])).dt.normalize()
    claims["account"] = claims["attributed_to"].where(claims["attributed_to"].notna(), REPORTED)
    claims["order"] = range(len(claims))
    groups = _actor_groups(claims)
    rows: list[dict[Any, Any]] = []
    dated = claims[claims["date"].notna()].sort_values(["place", "date", "article_id", "span_start", "order"],
                                                         na_position="last", kind="stable")
    for place, of_place in dated.groupby("place", sort=True):
        standing: dict[str, dict[Any, Any]] = {}
        for day, of_day in of_place.groupby("date", sort=True):
            touched: set[str] = set()
            entries = []
            day_claims = of_day.to_dict("records")
            for claim in day_claims:
                account = claim["account"]
                holder = _holder_after(claim, standing.get(account, {}).get("holder"))
                entry = {**claim, "holder": holder, "carried": False}
                entries.append(entry)
                touched.add(account)
                if holder is None:
                    standing.pop(account, None)
                else:
                    standing[account] = entry
            for account, entry in list(standing.items()):
                if account in touched:
                    continue
                if any(_changes_hands(claim, entry["holder"]) for claim in day_claims):
                    del standing[account]  # its word was given before the change this day reports
                else:
                    entries.append({**entry, "date": day, "carried": True})
            holders = {e["account"]: e["holder"] for e in entries if e["holder"] is not None}
            for entry in entries:
                entry["accounts"] = len(holders)
                entry["agree"] = len(set(holders.values())) <= 1
                rows.append(entry)
    for claim in claims[claims["date"].isna()].sort_values("order").to_dict("records"):
        holder = _holder_after(claim, None)
        rows.append({**claim, "holder": holder, "carried": False, "accounts": int(holder is not None),
                     "agree": True})
    result = pd.DataFrame(rows)
    result["holder"] = pd.Series([h if isinstance(h, str) else None for h in result["holder"]], dtype=object)
    result["holder_group"] = pd.Series([groups.get(h) if isinstance(h, str) else None for h in result["holder"]],
                                       dtype=object)
    result["carried"] = result["carried"].astype(bool)
    result["agree"] = result["agree"].astype(bool)
    return result[_CONTROL_COLUMNS].reset_index(drop=True)


def as_ledger(control: "pd.DataFrame") -> "pd.DataFrame":
    """The control ledger of a ``territory`` table; a ledger is returned as it is. Absent columns are empty."""
    if "holder" in control.columns and "date" in control.columns and "account" in control.columns:
        return control
    from .pipeline import TERRITORY_COLUMNS

    missing = {column: None for column in TERRITORY_COLUMNS if column not in control.columns}
    return territory_control(control.assign(**missing) if missing else control)


def control_as_of(control: "pd.DataFrame", day: Any = None, *, since: Any = None) -> "pd.DataFrame":
    """Who holds each place on ``day``, by the control ledger: the one reading of the ledger on a day.

    The maps (``plot_map(kind="control")``), the GeoJSON of places and the report read the ledger through
    this function.

    Parameters
    ----------
    control : pandas.DataFrame
        The ledger (``territory_control(territory)``), or the ``territory`` table itself (read through
        ``territory_control``).
    day : date-like, optional
        The day to read; claims dated later are not read. Default: the last dated claim.
    since : date-like, optional
        Mark places whose holder on ``day`` differs from their holder on ``since`` (or that were captured
        by it after ``since`` when no holder was known then) as ``changed``.

    Returns
    -------
    pandas.DataFrame
        One row per place with a dated claim on or before ``day`` (columns :data:`STANDING_COLUMNS`):
        the accounts standing on the place's last ledger day (each account's holder, side by side in
        ``standings``: ``"Islamic State (reported); Syrian government (SANA)"``), their number
        (``accounts``) and whether they ``agree``; ``holder`` (missing when no account names one, or
        when they disagree) and its ``holder_group``; ``contested`` (the accounts disagree, or fighting
        or a siege is reported on or after the last stated claim of control); ``changed`` and
        ``previous_holder`` (the holder on ``since``); ``last_claim`` (the date of the last claim),
        ``claims`` and ``articles`` (how many were read); and the place columns (``country``,
        ``admin1``, ``latitude``, ``longitude``, ``place_precision``: the claims' own, else the
        gazetteer's).

    >>> import pandas as pd
    >>> claims = pd.DataFrame({"place": ["Yarmouk"] * 2, "actor": ["Islamic State", "Syrian government"],
    ...                        "status": ["controls", "captured"], "attributed_to": ["SOHR", "SANA"],
    ...                        "as_of": pd.to_datetime(["2018-04-01", "2018-05-20"])})
    >>> now = control_as_of(territory_control(claims), since="2018-05-01")
    >>> now[["place", "holder", "changed", "previous_holder", "standings"]].values.tolist()
    [['Yarmouk', 'Syrian government', True, 'Islamic State', 'Syrian government (SANA)']]
    """
    import pandas as pd

    from .geography import PLACE_COLUMNS, locate

    columns = [c for c in STANDING_COLUMNS if c not in PLACE_COLUMNS]
    if control is None or len(control) == 0 or "place" not in control.columns:
        return locate(pd.DataFrame(columns=columns))[list(STANDING_COLUMNS)]
    ledger = as_ledger(control)
    dated = ledger[ledger["date"].notna() & ledger["place"].notna()].copy()
    dated["date"] = pd.to_datetime(dated["date"]).dt.normalize()
    if day is not None:
        dated = dated[dated["date"] <= pd.Timestamp(day).normalize()]
    start = pd.Timestamp(since).normalize() if since is not None else None
    rows = []
    places = []
    for place, of_place in dated.groupby("place", sort=True):
        holder, group, contested, accounts, agree, standings = _standing(of_place)
        previous, changed = None, False
        if start is not None:
            before = of_place[of_place["date"] <= start]
            previous = _standing(before)[0] if len(before) else None
            claims_after = of_place[(of_place["date"] > start) & ~of_place["carried"].astype(bool)]
            captured = (claims_after["status"] == "captured") & (claims_after["actor"] == holder) \
                & (claims_after["certainty"].fillna("stated") == "stated")
            changed = holder is not None and (previous != holder if previous is not None else bool(captured.any()))
        claims = of_place[~of_place["carried"].astype(bool)]
        rows.append({"place": place, "holder": holder, "holder_group": group, "contested": contested,
                     "changed": bool(changed), "previous_holder": previous, "last_claim": of_place["date"].max(),
                     "claims": len(claims), "articles": int(claims["article_id"].nunique()), "accounts": accounts,
                     "agree": agree, "standings": standings})
        places.append({c: _first_given(claims[c]) if c in claims.columns else None for c in PLACE_COLUMNS})
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("holder", "holder_group", "previous_holder"):
        frame[column] = pd.Series([v if isinstance(v, str) else None for v in frame[column]], dtype=object,
                                  index=frame.index)
    for column in ("contested", "changed", "agree"):
        frame[column] = frame[column].astype(bool)
    placed = pd.DataFrame(places, columns=list(PLACE_COLUMNS), index=frame.index)
    return locate(pd.concat([frame, placed], axis=1))[list(STANDING_COLUMNS)]


def _standing(of_place: "pd.DataFrame") -> tuple[str | None, str | None, bool, int, bool, str]:
    """One place's standing on its last ledger day: holder, holder group, contested, accounts, agree and the
    accounts as text."""
    last_day = of_place["date"].max()
    of_day = of_place[of_place["date"] == last_day]
    standing = of_day.groupby("account", sort=True, dropna=False).tail(1)
    standing = standing[standing["holder"].notna()]
    names = list(dict.fromkeys(standing["holder"]))
    holder = names[0] if len(names) == 1 else None
    group = next((g for h, g in zip(standing["holder"], standing["holder_group"]) if h == holder
                  and isinstance(g, str)), None) if holder is not None else None
    claims = of_place[~of_place["carried"].astype(bool)]
    stated = claims[claims["status"].isin(["controls", "captured"]) & (claims["certainty"].fillna("stated") == "stated")
                    & ~claims["past"].fillna(False).astype(bool)]
    since = stated["date"].max() if len(stated) else last_day
    fighting = bool((claims["status"].isin(_FIGHTING) & (claims["date"] >= since)).any())
    text = "; ".join(f"{h} ({a})" for a, h in sorted(zip(standing["account"], standing["holder"]),
                                                        key=lambda pair: (pair[0] == REPORTED, str(pair[0]))))
    return holder, group, len(names) > 1 or fighting, len(standing), len(names) <= 1, text


def _first_given(values: "pd.Series") -> Any:
    """The last value given in a column (the latest claim's), else None."""
    given = values.dropna()
    return given.iloc[-1] if len(given) else None


def _changes_hands(claim: dict[Any, Any], held: str | None) -> bool:
    """Whether a claim states that the place changed hands away from ``held``: a capture by another side, or
    a loss by ``held``, stated as fact."""
    if held is None or claim.get("status") not in ("captured", "lost") or bool(claim.get("past")) \
            or (claim.get("certainty") or "stated") != "stated":
        return False
    return _holder_after(claim, held) != held


def _holder_after(claim: dict[Any, Any], before: str | None) -> str | None:
    """Who holds the place by the claim's account once the claim is told (see ``territory_control``)."""
    import pandas as pd

    def given(value: Any) -> str | None:
        return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)

    actor, status, loser = given(claim.get("actor")), given(claim.get("status")), given(claim.get("from_actor"))
    certainty = given(claim.get("certainty")) or "stated"
    if certainty == "denied":
        if before is not None:
            return before
        speaker = given(claim.get("attributed_to"))
        return loser or (speaker if speaker is not None and _is_side(speaker) else None)
    if certainty == "uncertain":
        return before
    if bool(claim.get("past")):
        return None if before == actor else before
    if status in ("controls", "captured"):
        return actor if actor is not None else (None if before == loser else before)
    if status == "lost":
        return None if before in (None, actor) else before
    return before if before is not None else loser


def _is_side(name: str) -> bool:
    """Whether a name is a side of the tables: a government, its forces or a named actor."""
    from .lexicon import world

    w = world()
    return name in w.actors or any(name in (row.get("government"), row.get("state_forces"))
                                   for row in w.countries.values())


def _actor_groups(claims: "pd.DataFrame") -> dict[str, str]:
    """The side of each actor as the claims give it (``actor_group``), else as the tables do."""
    from .territory_roles import actor_group

    found: dict[str, str] = {}
    for actor, group in zip(claims["actor"], claims["actor_group"]):
        if isinstance(actor, str) and isinstance(group, str):
            found.setdefault(actor, group)
    named = {*claims["actor"].dropna(), *claims["from_actor"].dropna(), *claims["attributed_to"].dropna()}
    for name in sorted(n for n in named if isinstance(n, str)):
        if name not in found and _is_side(name):
            found[name] = actor_group(name) or "non_state"
    return found


def merge_timelines(timeline: "pd.DataFrame", *, actor: str | None = None, place: str | Sequence[str] | None = None,
                    start: Any = None, end: Any = None, kinds: Sequence[str] | None = None) -> "pd.DataFrame":
    """Merge the timeline events of many articles by date and place, keeping who says what.

    Events with the same period, precision, kind and place become one row, with
    the number of articles and the summaries of each. Filter by ``actor`` (named
    in the sentence), ``place`` (one or several), a period (``start``, ``end``) and ``kinds``.
    """
    import pandas as pd

    columns = ["date_start", "date_end", "date_precision", "kind", "place", "articles", "n_articles",
               "summaries", "actors"]
    if timeline is None or len(timeline) == 0:
        return pd.DataFrame(columns=columns)
    events = timeline[timeline["date_start"].notna()].copy()
    if actor is not None:
        events = events[events["actors"].fillna("").str.split("|").map(lambda names: actor in names)]
    if place is not None:
        events = events[events["place"].isin([place] if isinstance(place, str) else list(place))]
    if start is not None:
        events = events[pd.to_datetime(events["date_end"]) >= pd.Timestamp(start)]
    if end is not None:
        events = events[pd.to_datetime(events["date_start"]) <= pd.Timestamp(end)]
    if kinds is not None:
        events = events[events["kind"].isin(list(kinds))]
    if events.empty:
        return pd.DataFrame(columns=columns)
    keys = ["date_start", "date_end", "date_precision", "kind", "place"]
    merged = events.groupby(keys, dropna=False, sort=True).agg(
        articles=("article_id", lambda ids: sorted(set(map(str, ids)))),
        summaries=("summary", lambda texts: list(dict.fromkeys(texts))),
        actors=("actors", lambda names: "|".join(sorted({n for value in names.dropna() for n in value.split("|")}))),
    ).reset_index()
    merged["n_articles"] = merged["articles"].map(len)
    return merged[columns]
