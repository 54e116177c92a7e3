"""Check the gold files under ``tests/gold``: valid JSON Lines and known field values.

Standard library only, so it runs without the package installed::

    python3 tools/check_gold.py [FILE.jsonl ...]

Exits 0 when every line passes, 1 with one message per fault otherwise.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "gold" / name for name in ("seed.jsonl", "dev_nl.jsonl", "dev_en.jsonl")]

ARTICLE_KEYS = ["file", "language", "published", "published_precision", "casualties", "territory"]
CASUALTY_KEYS = ["outcome", "count_best", "qualifier", "victim_group", "victim_actor", "place",
                 "attributed_to", "cumulative", "subset", "from_title", "period_start", "period_end",
                 "date_precision", "perpetrator", "perpetrator_group", "certainty"]
TERRITORY_KEYS = ["actor", "place", "status", "from_actor", "attributed_to", "certainty", "past", "actor_group"]

OUTCOMES = {"killed", "injured", "captured", "missing", "displaced"}
QUALIFIERS = {"exact", "at_least", "more_than", "about", "at_most", "up_to", "range", "vague"}
GROUPS = {"military", "armed_group", "civilian", "unknown"}
PRECISIONS = {"day", "week", "month", "year"}
PUBLISHED_PRECISIONS = {"minute", "day", "month"}
CERTAINTIES = {"stated", "uncertain", "denied"}
STATUSES = {"controls", "captured", "lost", "contested", "besieged", "seeks_control"}
ACTOR_GROUPS = {"state", "non_state"}


def _parse_published(value: str, precision: str) -> datetime:
    formats = {"minute": "%Y-%m-%dT%H:%M", "day": "%Y-%m-%d", "month": "%Y-%m"}
    return datetime.strptime(value, formats[precision])


def _latest(published: str | None, precision: str | None) -> datetime | None:
    """The last moment the publication time allows (the end of its day or month)."""
    if published is None or precision not in PUBLISHED_PRECISIONS:
        return None
    try:
        moment = _parse_published(published, precision)
    except ValueError:
        return None
    if precision == "minute":
        return moment
    if precision == "day":
        return moment.replace(hour=23, minute=59)
    following = moment.replace(year=moment.year + moment.month // 12, month=moment.month % 12 + 1)
    return following - timedelta(minutes=1)


def _parse_point(value: str) -> datetime:
    for pattern in ("%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            continue
    raise ValueError(f"not an ISO date or date-time: {value!r}")


def check_casualty(fact: dict[str, Any], where: str) -> list[str]:
    faults = []
    if list(fact) != CASUALTY_KEYS:
        faults.append(f"{where}: keys {list(fact)}")
        return faults
    if fact["outcome"] not in OUTCOMES:
        faults.append(f"{where}: outcome {fact['outcome']!r}")
    if not isinstance(fact["count_best"], int) or isinstance(fact["count_best"], bool) or fact["count_best"] < 1:
        faults.append(f"{where}: count_best {fact['count_best']!r}")
    if fact["qualifier"] not in QUALIFIERS:
        faults.append(f"{where}: qualifier {fact['qualifier']!r}")
    if fact["victim_group"] not in GROUPS:
        faults.append(f"{where}: victim_group {fact['victim_group']!r}")
    for flag in ("cumulative", "subset", "from_title"):
        if not isinstance(fact[flag], bool):
            faults.append(f"{where}: {flag} {fact[flag]!r}")
    if fact["certainty"] not in CERTAINTIES:
        faults.append(f"{where}: certainty {fact['certainty']!r}")
    if (fact["perpetrator"] is None) != (fact["perpetrator_group"] is None):
        faults.append(f"{where}: perpetrator and perpetrator_group must be given together")
    if fact["perpetrator_group"] is not None and fact["perpetrator_group"] not in GROUPS:
        faults.append(f"{where}: perpetrator_group {fact['perpetrator_group']!r}")
    start, end, precision = fact["period_start"], fact["period_end"], fact["date_precision"]
    if start is None and (end is not None or precision is not None):
        faults.append(f"{where}: period_end or date_precision without period_start")
    elif start is not None and precision is None:
        faults.append(f"{where}: period_start without date_precision")
    elif start is not None:
        # period_end may stay null: a span up to a publication time the page does not give
        try:
            first = _parse_point(start)
            last = _parse_point(end) if end is not None else None
        except ValueError as error:
            faults.append(f"{where}: {error}")
        else:
            if last is not None and first > last:
                faults.append(f"{where}: period_start {start} after period_end {end}")
            if (len(start) > 10 or len(end or "") > 10) and precision != "day":
                faults.append(f"{where}: a date-time window must have day precision")
        if precision not in PRECISIONS:
            faults.append(f"{where}: date_precision {precision!r}")
    if fact["place"] is not None and not isinstance(fact["place"], str):
        faults.append(f"{where}: place {fact['place']!r}")
    return faults


def check_territory(fact: dict[str, Any], where: str) -> list[str]:
    faults = []
    keys = [key for key in fact if key != "since"]
    if keys != TERRITORY_KEYS:
        faults.append(f"{where}: keys {list(fact)}")
        return faults
    if fact["status"] not in STATUSES:
        faults.append(f"{where}: status {fact['status']!r}")
    if fact["certainty"] not in CERTAINTIES:
        faults.append(f"{where}: certainty {fact['certainty']!r}")
    if not isinstance(fact["past"], bool):
        faults.append(f"{where}: past {fact['past']!r}")
    if fact["actor"] is None and fact["actor_group"] is not None:
        faults.append(f"{where}: actor_group without an actor")
    if fact["actor"] is not None and fact["actor_group"] not in ACTOR_GROUPS:
        faults.append(f"{where}: actor_group {fact['actor_group']!r}")
    if not fact["place"]:
        faults.append(f"{where}: no place")
    if "since" in fact and not (isinstance(fact["since"], str) and fact["since"][:4].isdigit()):
        faults.append(f"{where}: since {fact['since']!r}")
    return faults


def check_file(path: Path) -> list[str]:
    faults: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        where = f"{path.name}:{number}"
        try:
            article = json.loads(line)
        except json.JSONDecodeError as error:
            faults.append(f"{where}: not JSON ({error.msg})")
            continue
        if list(article) != ARTICLE_KEYS:
            faults.append(f"{where}: keys {list(article)}")
            continue
        if article["file"] in seen:
            faults.append(f"{where}: {article['file']} listed twice")
        seen.add(article["file"])
        where = f"{where} ({article['file']})"
        published, precision = article["published"], article["published_precision"]
        if (published is None) != (precision is None):
            faults.append(f"{where}: published and published_precision must be given together")
        elif published is not None:
            if precision not in PUBLISHED_PRECISIONS:
                faults.append(f"{where}: published_precision {precision!r}")
            else:
                try:
                    _parse_published(published, precision)
                except ValueError:
                    faults.append(f"{where}: published {published!r} does not match precision {precision}")
        latest = _latest(published, precision)
        for index, fact in enumerate(article["casualties"]):
            faults += check_casualty(fact, f"{where} casualty {index}")
            for key in ("period_start", "period_end"):
                value = fact.get(key)
                if latest is not None and isinstance(value, str):
                    try:
                        late = _parse_point(value) > latest
                    except ValueError:
                        continue
                    if late:
                        faults.append(f"{where} casualty {index}: {key} {value} after publication {published}")
        for index, fact in enumerate(article["territory"]):
            faults += check_territory(fact, f"{where} territory {index}")
    return faults


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or DEFAULT
    faults = [fault for path in paths for fault in check_file(path)]
    for fault in faults:
        print(fault)
    print(f"{len(paths)} file(s), {len(faults)} fault(s)")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
