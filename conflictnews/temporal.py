"""Dates and periods, resolved against the publication time.

One pass of one pattern per language finds every time expression of a text:
absolute dates (``24 april 2018``, ``April 24, 2018``, ``24/04/2018``), months
and years (``eind september``, ``2014-2015``, ``sinds 2015``), relative days
(``vandaag``, ``gisteren``, weekdays, ``vorige week zaterdag``), times counted back
(``twee weken geleden``, ``two weeks ago``), windows (``de voorbije zes dagen``,
``over the past 24 hours``) and named periods (``dit weekeinde``, ``last
week``). Each is resolved against the article's publication time and the
precision with which that time is known: a relative day is never guessed from
a publication known only to the month.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .lexicon import Language, StartScanner, fold, language, phrase_pattern, phrase_prefixes
from .numbers import parse_number

__all__ = ["Reference", "TimeExpression", "find_times"]

_FINE = ("minute", "day")


@dataclass(frozen=True, slots=True)
class Reference:
    """The publication time an article's relative expressions are resolved against."""

    published: datetime | None
    precision: str | None  # minute, day, month, year or None

    @property
    def day(self) -> date | None:
        """The publication day, when known to the day."""
        return self.published.date() if self.published and self.precision in _FINE else None

    @property
    def month(self) -> date | None:
        """The first of the publication month, when known to the month."""
        if self.published is None or self.precision not in (*_FINE, "month"):
            return None
        return date(self.published.year, self.published.month, 1)

    @property
    def year(self) -> int | None:
        """The publication year, when known."""
        return self.published.year if self.published is not None and self.precision else None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression: its span, and the period it denotes (missing when unresolvable)."""

    start: int
    end: int
    surface: str
    date_start: datetime | None
    date_end: datetime | None
    precision: str | None
    since: bool  # a running period from an anchor up to publication

    @property
    def resolved(self) -> bool:
        """Whether the expression could be given a date."""
        return self.date_start is not None


def _alternation(words: list[str], *, case_sensitive_title: bool = False) -> str:
    if case_sensitive_title:
        return "(?-i:" + "|".join(sorted({w.title() for w in words}, key=len, reverse=True)) + ")"
    return "(?:" + "|".join(sorted(set(words), key=len, reverse=True)) + ")"


def _pattern(data: Language) -> re.Pattern[str]:
    english = data.code == "en"
    months_full = data.words("time.months")
    months = _alternation(months_full + data.words("time.month_abbreviations"), case_sensitive_title=english)
    months = rf"(?<![\w]){months}\.?(?![\w])"
    weekdays = _alternation(data.words("time.weekdays"))
    parts = _alternation(data.words("time.day_parts"))
    previous = phrase_pattern(data.words("time.previous"))
    month_parts = phrase_pattern(data.words("time.month_parts"))
    year_context = phrase_pattern(data.words("time.year_context"))
    relative = phrase_pattern(data.words("time.relative_days"))
    named = phrase_pattern(data.words("time.named"))
    last_week = phrase_pattern(data.words("time.last_week"))
    openers = phrase_pattern(data.words("time.window_openers"))
    closers = data.words("time.window_closers")
    closer = rf"(?:\s+(?P<wclose>{phrase_pattern(closers)}))?" if closers else r"(?P<wclose>(?!x)x)?"
    units = phrase_pattern(data.words("time.units"))
    number = r"(?:\d+|[^\W\d_]+)"
    joiners = phrase_pattern(data.words("time.range_joiners")).replace(r"(?<![\w])", "").replace(r"(?![\w])", "")
    year = r"(?:19\d{2}|20\d{2})"
    hour = data.get("time.hour_marker") or ""
    time_of_day = rf"(?:[ \t]*(?:,[ \t]*)?\d{{1,2}}(?:[:.]\d{{2}}|{hour}\d{{2}}))?" if hour else r"(?:[ \t]*,?[ \t]*\d{1,2}[:.]\d{2})?"
    source = "|".join([
        rf"(?P<iso>(?<!\d)(?P<iy>{year})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?!\d))",
        rf"(?P<numeric>(?<![\d/.])(?P<n1>\d{{1,2}})[/.](?P<n2>\d{{1,2}})[/.](?P<n3>\d{{4}}|\d{{2}})(?![\d/]))",
        rf"(?P<dm>(?<!\d)(?P<d1>\d{{1,2}})(?:st|nd|rd|th|ste|de|e)?(?:\s+of)?\s+(?P<m1>{months})(?:,?\s+(?P<y1>{year}))?(?!\d){time_of_day})",
        rf"(?P<md>(?P<m2>{months})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y2>{year}))?(?!\d))",
        rf"(?P<yrange>(?<![\d.,])(?P<yr1>{year})\s*{joiners}\s*(?P<yr2>{year})(?!\d|[.,]\d))",
        rf"(?P<my>(?:(?P<mp>{month_parts})[\s-]+)?(?P<m3>{months})(?:\s+(?P<y3>{year}))?(?![\d]))",
        rf"(?P<window>(?P<wopen>{openers})\s+(?P<wn>{number})\s+(?P<wunit>{units}){closer})",
        rf"(?P<lastweekday>(?P<lw>{last_week})\s+(?P<wd2>{weekdays})(?:{parts})?(?![\w]))",
        rf"(?P<named>{named})",
        rf"(?P<relative>{relative})",
        rf"(?P<weekday>(?:(?P<prev>{previous})\s+)?(?<![\w])(?P<wd>{weekdays})(?:{parts})?(?![\w]))",
        rf"(?P<year>(?:(?P<yctx>{year_context})\s+)(?P<y4>{year})(?!\d|[.,]\d|\s*[-–]\s*\d|\s*{joiners}\s*{year}))",
    ])
    return re.compile(source, re.IGNORECASE)


# The lexicon lists a time expression can begin with (as phrases, or as regex
# source joined by ``_alternation``). A list added to the front of a branch of
# ``_pattern`` goes here too.
_FIRST_PHRASES = ("time.previous", "time.month_parts", "time.year_context", "time.relative_days", "time.named",
                  "time.window_openers", "time.last_week")
_FIRST_WORDS = ("time.months", "time.month_abbreviations", "time.weekdays")


def _starts(data: Language) -> re.Pattern[str]:
    """Where a time expression can begin: a digit after no digit, or a word start with the first letters of a phrase.

    The branches of ``_pattern`` that open with a digit look behind for no
    digit; the others open with a phrase or a month or weekday name after no
    word character.
    """
    phrases = phrase_prefixes(w for path in _FIRST_PHRASES for w in data.words(path))
    words = phrase_prefixes((w for path in _FIRST_WORDS for w in data.words(path)), source=True)
    return re.compile(rf"(?<!\d)(?=\d)|(?<![\w])(?={phrases}|{words})", re.IGNORECASE)


def _since_patterns(data: Language) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The since-word just before an expression, and one opening it ("sinds 2015")."""
    since = phrase_pattern(data.words("time.since"))
    articles = phrase_pattern(data.words("time.articles"))
    return (re.compile(rf"{since}(?:\s+{articles})?\s*$", re.IGNORECASE),
            re.compile(rf"{since}\s", re.IGNORECASE))


def find_times(text: str, *, lang: str, reference: Reference) -> list[TimeExpression]:
    """Return every time expression in ``text``, resolved against ``reference``.

    >>> ref = Reference(datetime(2018, 4, 24, 18, 25), "minute")
    >>> [(t.surface, str(t.date_start.date()), str(t.date_end.date()), t.precision)
    ...  for t in find_times("Het gevecht startte donderdag. Sinds 2015 in handen van IS.", lang="nl", reference=ref)]
    [('donderdag', '2018-04-19', '2018-04-19', 'day'), ('Sinds 2015', '2015-01-01', '2018-04-24', 'year')]
    >>> t = find_times("De voorbije vierentwintig uur", lang="nl", reference=ref)[0]
    >>> t.date_start, t.date_end
    (datetime.datetime(2018, 4, 23, 18, 25), datetime.datetime(2018, 4, 24, 18, 25))
    >>> find_times("gisteren", lang="nl", reference=Reference(datetime(2018, 4, 1), "month"))[0].resolved
    False
    """
    data = language(lang)
    pattern: StartScanner = data.memo("time_scanner", lambda: StartScanner(_pattern(data), _starts(data)))
    since_before, since_opening = data.memo("since_patterns", lambda: _since_patterns(data))
    found: list[TimeExpression] = []
    for m in pattern.finditer(text):
        try:
            period = _resolve(m, data, reference)
        except (ValueError, OverflowError):
            period = None
        start, end = m.start(), m.end()
        since = since_opening.match(text, start) is not None
        before = None if since else since_before.search(text, max(0, start - 24), start)
        if before is None and not since:
            before = _since_event(text, start, end, data)
        if before is not None:
            since, start = True, before.start()
        if m.group("yrange"):
            since = False  # "from 2014 to 2016": a range has its own end
        if period is None:
            found.append(TimeExpression(start, end, text[start:end], None, None, None, since))
            continue
        date_start, period_end, precision = period
        date_end: datetime | None = period_end
        if since:
            date_end = _end_of_day(reference)
            if date_end is not None and date_start > date_end:
                found.append(TimeExpression(start, end, text[start:end], None, None, precision, since))
                continue  # "since" a date after publication: not this article's period
        found.append(TimeExpression(start, end, text[start:end], date_start, date_end, precision, since))
    spans: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] = data.memo("span_patterns",
                                                                           lambda: _span_patterns(data))
    return _ago(_campaigns(_ranges(found, text, spans), text, spans[2], data, reference), text, data, reference)


def _since_event(text: str, start: int, end: int, data: Language) -> re.Match[str] | None:
    """A date that anchors a running toll through the start of an event: "since the offensive began on 20
    January", "the offensive, launched on 19 April, has killed", "sinds het offensief op 20 januari begon",
    "het offensief, dat op 19 april begon". Returns the match of the words before the date."""
    before, after = data.memo("since_event", lambda: _since_event_patterns(data))
    if before is None or after is None:
        return None
    found = before.search(text, max(0, start - 90), start)
    if found is None:
        return None
    if found.group("verb") is not None or found.group("noun") is not None:
        return found  # the verb or the noun of a start before the date: "since the offensive began on", "sinds
        # het begin van het offensief op"
    return found if after.match(text, end) else None  # the verb after it: "sinds het offensief op ... begon"


def _since_event_patterns(data: Language) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    since, verbs = data.words("time.since_events"), data.words("time.start_verbs")
    if not since or not verbs:
        return None, None
    verb = phrase_pattern(verbs)
    nouns = phrase_pattern(data.words("time.campaign_nouns"))
    preps = phrase_pattern(data.words("time.start_prepositions"))
    relatives = phrase_pattern(data.words("time.relatives")) if data.words("time.relatives") else r"(?!)"
    opening = rf"(?:{phrase_pattern(since)}\s+(?:[\w'’-]+\s+){{0,4}}?|{nouns}\s*,?\s+(?:{relatives}\s+)?)"
    start_nouns = phrase_pattern(data.words("time.start_nouns"))
    before = re.compile(rf"(?:{phrase_pattern(since)}\s+(?:[\w'’-]+\s+){{0,2}}?(?P<noun>{start_nouns})"
                        rf"(?:\s+[\w'’-]+){{0,5}}?\s+{preps}\s*$"
                        rf"|{opening}(?:(?:was|were|had|has|been)\s+)?(?:(?P<verb>{verb})\s+)?{preps}\s*$)",
                        re.IGNORECASE)
    return before, re.compile(rf"\s+(?:{verb})", re.IGNORECASE)


def _span_patterns(data: Language) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A range's opening word before its first date, the word between its dates, and a campaign's length."""
    units = phrase_pattern(data.words("time.units"))
    lasting = phrase_pattern(data.words("time.lasting"))
    nouns = phrase_pattern(data.words("time.campaign_nouns"))
    return (re.compile(phrase_pattern(data.words("time.range_openers")) + r"\s*$", re.IGNORECASE),
            re.compile(r"\s*(?:" + phrase_pattern(data.words("time.range_joiners")).replace(r"(?<![\w])", "")
                       .replace(r"(?![\w])", "") + r")\s*$", re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?P<n>[^\W_]+)[\s-]+(?P<unit>{units})(?:[\s-]+{lasting})?[\s-]+{nouns}",
                       re.IGNORECASE))


_COARSE = {"minute": 0, "day": 1, "week": 2, "month": 3, "year": 4}


def _ranges(found: list[TimeExpression], text: str,
            spans: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]) -> list[TimeExpression]:
    """Join "between October 2016 and July 2017", "van maart tot juni" into one period.

    The first date must follow an opening word ("between", "from", "tussen", "van") and the second follow
    a joining word; both resolved and in order. A "from" first date read as a "since" is no longer one.
    """
    opener, joiner, _ = spans
    result: list[TimeExpression] = []
    i = 0
    while i < len(found):
        first = found[i]
        second = found[i + 1] if i + 1 < len(found) else None
        if second is not None and first.resolved and second.resolved and not second.since \
                and joiner.fullmatch(text, first.end, second.start) is not None:
            words = text[max(0, first.start - 16):first.start]
            opening = opener.search(words)
            since_from = first.since and opener.search(text, first.start, first.start + 12) is None \
                and re.match(r"\s*" + opener.pattern.removesuffix(r"\s*$") + r"\s", text[first.start:first.start + 12],
                             re.IGNORECASE) is not None
            if (opening is not None or since_from) and first.date_start and second.date_end \
                    and first.date_start <= second.date_end:
                start = first.start if since_from else first.start - (len(words) - opening.start())  # type: ignore[union-attr]
                coarse = max(first.precision or "day", second.precision or "day", key=lambda p: _COARSE.get(p, 1))
                date_start = first.date_start
                if not re.search(r"\d{4}", first.surface) and date_start.year != second.date_end.year:
                    # "from March to June 2019": the first date takes the year of the second
                    year = second.date_end.year if date_start.replace(year=second.date_end.year) <= second.date_end \
                        else second.date_end.year - 1
                    date_start = date_start.replace(year=year)
                result.append(TimeExpression(start, second.end, text[start:second.end], date_start, second.date_end,
                                             coarse, False))
                i += 2
                continue
        result.append(first)
        i += 1
    return result


def _counted_lengths(found: list[TimeExpression], text: str, pattern: re.Pattern[str], data: Language,
                     most: int) -> Iterator[tuple[re.Match[str], float, float]]:
    """The matches of a length pattern ("(?P<n>...) (?P<unit>...)") not inside a time already found, with
    their amount (1 to ``most``) and the days of their unit."""
    for m in pattern.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in found):
            continue
        amount = parse_number(m.group("n"), lang=data.code)
        if amount is None or amount <= 0 or amount > most:
            continue
        yield m, amount, float(data.table("time.units")[fold(m.group("unit"))])


def _campaigns(found: list[TimeExpression], text: str, pattern: re.Pattern[str], data: Language,
               reference: Reference) -> list[TimeExpression]:
    """A campaign named by its length, "the nine-month battle", "de negen maanden durende strijd": a running
    period of that length up to publication (a toll over it is cumulative, never one day's)."""
    if not pattern.search(text):
        return found
    extra = []
    for m, amount, unit in _counted_lengths(found, text, pattern, data, 1000):
        days = round(unit * amount)
        precision = "day" if days <= 31 else "month" if days <= 366 else "year"
        end = reference.day
        if end is None:
            extra.append(TimeExpression(m.start(), m.end(), m.group(), None, None, precision, True))
            continue
        extra.append(TimeExpression(m.start(), m.end(), m.group(), _day(end - timedelta(days=days)), _day(end),
                                    precision, True))
    return sorted([*found, *extra], key=lambda t: t.start) if extra else found


def _month_shifted(ref: Reference, most: int, least: int) -> Period | None:
    """A time counted back from a publication known only to the month ("two weeks ago", "last week's
    Saturday"): the month's window shifted back by as much, from ``most`` days before its first day to
    ``least`` days before its last."""
    if ref.month is None or ref.day is not None:
        return None
    first = ref.month
    last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    return _day(first - timedelta(days=most)), _day(last - timedelta(days=least)), "month"


def _ago_patterns(data: Language) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    words = data.words("time.ago")
    if not words:
        return None, None
    ago = phrase_pattern(words)
    return (re.compile(ago, re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?P<n>[^\W_]+)\s+(?P<unit>{phrase_pattern(data.words('time.units'))})\s+{ago}",
                       re.IGNORECASE))


def _ago(found: list[TimeExpression], text: str, data: Language, reference: Reference) -> list[TimeExpression]:
    """A time counted back from publication, "twee weken geleden", "three days ago": that day (a week or a
    month counted back is dated to the week or the month), or the publication month shifted back by as much."""
    cue, pattern = data.memo("ago_patterns", lambda: _ago_patterns(data))
    if cue is None or pattern is None or not cue.search(text):
        return found
    extra = []
    for m, amount, unit in _counted_lengths(found, text, pattern, data, 100):
        if unit < 1:
            continue
        days = round(unit * amount)
        try:
            if reference.day is not None:
                d = reference.day - timedelta(days=days)
                precision = "day" if unit < 7 else "week" if unit < 30 else "month"
                extra.append(TimeExpression(m.start(), m.end(), m.group(), _day(d), _day(d), precision, False))
                continue
            period = _month_shifted(reference, days, days) if days >= 7 else None  # a few days back: in the month
        except (ValueError, OverflowError):
            period = None  # a publication at the edge of the calendar
        if period is None:
            extra.append(TimeExpression(m.start(), m.end(), m.group(), None, None, None, False))
        else:
            extra.append(TimeExpression(m.start(), m.end(), m.group(), period[0], period[1], period[2], False))
    return sorted([*found, *extra], key=lambda t: t.start) if extra else found


def _end_of_day(reference: Reference) -> datetime | None:
    if reference.published is None or not reference.precision:
        return None
    if reference.precision == "minute":
        return reference.published
    if reference.precision == "day":
        return datetime.combine(reference.published.date(), datetime.min.time())
    if reference.precision == "month":  # a page known to the month: the running period ends within it
        last = calendar.monthrange(reference.published.year, reference.published.month)[1]
        return datetime(reference.published.year, reference.published.month, last)
    return None


def _day(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def _month_number(data: Language, name: str) -> int:
    key = fold(name).rstrip(".")
    months: list[str] = data.memo("folded_months", lambda: [fold(m) for m in data.words("time.months")])
    if key in months:
        return months.index(key) + 1
    for index, full in enumerate(months):
        if full.startswith(key[:3]):
            return index + 1
    raise ValueError(name)


def _latest(year: int | None, month: int, day_of_month: int | None, reference: Reference) -> int | None:
    """The year of a date written without one: the latest on or just after publication."""
    if year is not None:
        return year
    if reference.published is None or not reference.precision:
        return None
    pub = reference.published
    latest = pub.date() + timedelta(days=1)
    if reference.precision not in _FINE:  # known to the month: any day of that month may be the day
        latest = date(pub.year, pub.month, calendar.monthrange(pub.year, pub.month)[1])
    candidate = date(pub.year, month, min(day_of_month or 1, calendar.monthrange(pub.year, month)[1]))
    return pub.year if candidate <= latest else pub.year - 1


Period = tuple[datetime, datetime, str]


def _resolve(m: re.Match[str], data: Language, ref: Reference) -> Period | None:
    group = m.lastgroup
    if m.group("iso"):
        d = date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        return _day(d), _day(d), "day"
    if m.group("numeric"):
        first, second, third = int(m.group("n1")), int(m.group("n2")), int(m.group("n3"))
        year = third + 2000 if third < 100 else third
        day_of_month, month = (first, second) if data.get("numeric_date_order") == "DMY" else (second, first)
        if month > 12 and day_of_month <= 12:
            day_of_month, month = month, day_of_month
        d = date(year, month, day_of_month)
        return _day(d), _day(d), "day"
    if m.group("dm") or m.group("md"):
        day_text = m.group("d1") or m.group("d2")
        month = _month_number(data, m.group("m1") or m.group("m2"))
        found_year = _latest(int(y) if (y := m.group("y1") or m.group("y2")) else None, month, int(day_text), ref)
        if found_year is None:
            return None
        d = date(found_year, month, int(day_text))
        return _day(d), _day(d), "day"
    if m.group("yrange"):
        first, last = int(m.group("yr1")), int(m.group("yr2"))
        if last < first:
            return None
        return datetime(first, 1, 1), datetime(last, 12, 31), "year"
    if m.group("my"):
        month = _month_number(data, m.group("m3"))
        month_year = _latest(int(m.group("y3")) if m.group("y3") else None, month, None, ref)
        if month_year is None:
            return None
        last_day = calendar.monthrange(month_year, month)[1]
        first_day = 1
        part = data.table("time.month_parts").get(fold(m.group("mp") or ""))
        if part == "early":
            last_day = 10
        elif part == "mid":
            first_day, last_day = 11, 20
        elif part == "late":
            first_day = 21
        return datetime(month_year, month, first_day), datetime(month_year, month, last_day), "month"
    if m.group("year"):
        year = int(m.group("y4"))
        return datetime(year, 1, 1), datetime(year, 12, 31), "year"
    if m.group("window"):
        return _window(m, data, ref)
    weekdays: list[str] = data.memo("folded_weekdays", lambda: [fold(w) for w in data.words("time.weekdays")])
    if m.group("lastweekday"):
        target = weekdays.index(fold(m.group("wd2")))
        if ref.day is None:
            return _month_shifted(ref, 13 - target, 7 - target)  # "vorige week zaterdag" from a Sunday to a Monday
        monday = ref.day - timedelta(days=ref.day.weekday() + 7)
        d = monday + timedelta(days=target)
        return _day(d), _day(d), "day"
    if m.group("named"):
        return _named(data.table("time.named")[fold(m.group("named"))], ref)
    if m.group("relative"):
        if ref.day is None:
            return None
        d = ref.day + timedelta(days=int(data.table("time.relative_days")[fold(m.group("relative"))]))
        return _day(d), _day(d), "day"
    if m.group("weekday"):
        if ref.day is None:
            return None
        target = weekdays.index(fold(m.group("wd")))
        delta = (ref.day.weekday() - target) % 7
        if m.group("prev") and delta == 0:
            delta = 7
        d = ref.day - timedelta(days=delta)
        return _day(d), _day(d), "day"
    raise ValueError(group)


def _window(m: re.Match[str], data: Language, ref: Reference) -> Period | None:
    if fold(m.group("wopen")) in ("op",) and not m.group("wclose"):
        return None  # "op 24 uur" without "tijd" is a clock time, not a window
    amount = parse_number(m.group("wn"), lang=data.code)
    if amount is None or amount <= 0 or amount > 10_000:
        return None
    unit = float(data.table("time.units")[fold(m.group("wunit"))])
    days = unit * amount
    if unit < 1:
        if ref.precision != "minute" or ref.published is None:
            if ref.day is None:
                return None
            return _day(ref.day - timedelta(days=1)), _day(ref.day), "day"
        return ref.published - timedelta(days=days), ref.published, "day"
    precision = "day" if days <= 31 else "month" if days <= 366 else "year"
    if ref.day is None:
        if precision == "day" or ref.month is None:
            return None
        end = ref.month
        return _day(end - timedelta(days=round(days))), _day(end), precision
    return _day(ref.day - timedelta(days=round(days))), _day(ref.day), precision


def _named(name: str, ref: Reference) -> Period | None:
    if name in ("last_month", "this_month", "last_year", "this_year", "past_months"):
        if ref.month is None:
            return None
        first = ref.month
        if name == "this_month":
            end = ref.day or date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
            return _day(first), _day(end), "month"
        if name == "last_month":
            last = first - timedelta(days=1)
            return _day(date(last.year, last.month, 1)), _day(last), "month"
        if name == "last_year":
            return datetime(first.year - 1, 1, 1), datetime(first.year - 1, 12, 31), "year"
        if name == "this_year":
            return datetime(first.year, 1, 1), _day(ref.day or first), "year"
        return _day(first - timedelta(days=90)), _day(ref.day or first), "month"
    today = ref.day
    if today is None:
        return None
    if name == "weekend":
        saturday = today - timedelta(days=(today.weekday() - 5) % 7)
        return _day(saturday), _day(min(saturday + timedelta(days=1), today)), "day"
    if name == "last_week":
        monday = today - timedelta(days=today.weekday() + 7)
        return _day(monday), _day(monday + timedelta(days=6)), "week"
    if name == "this_week":
        return _day(today - timedelta(days=today.weekday())), _day(today), "week"
    spans = {"past_week": (7, "day"), "past_days": (3, "week"), "past_weeks": (21, "month")}
    if name in spans:
        days, precision = spans[name]
        return _day(today - timedelta(days=days)), _day(today), precision
    return None
