"""Counts of people: digits, number words, vague words, ranges and qualifiers.

Number words are read by text2num, one candidate at a time (never over a whole
text: it mangles "10 miljoen" and merges ranges). Everything else, the vague
quantities of ACLED's coding, the qualifiers and the multipliers, is language
data in ``lexicon/<lang>.toml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import Language, StartScanner, check_language, fold, language, phrase_pattern, phrase_prefixes
from .records import Count

__all__ = ["Count", "CountMatch", "find_counts", "parse_count", "parse_number"]


@dataclass(frozen=True, slots=True)
class CountMatch:
    """A count found in a text, with its span."""

    start: int
    end: int
    count: Count


def parse_count(text: str, *, lang: str) -> Count | None:
    """Parse the first count stated in ``text``.

    Digits in Dutch and English notation:

    >>> parse_count("350.000", lang="nl")
    Count(low=350000, best=350000, high=350000, qualifier='exact', surface='350.000')
    >>> parse_count("2,500", lang="en").best
    2500
    >>> parse_count("1,5 miljoen", lang="nl").best
    1500000
    >>> parse_count("2.5 million", lang="en").best
    2500000
    >>> parse_count("10 miljoen", lang="nl").best
    10000000

    Number words:

    >>> parse_count("minstens achttien", lang="nl")
    Count(low=18, best=18, high=None, qualifier='at_least', surface='minstens achttien')
    >>> [parse_count(w, lang="nl").best for w in ("vierentwintig", "honderdvijftig", "tweeëntwintig", "tweeentwintig")]
    [24, 150, 22, 22]
    >>> parse_count("twenty-three", lang="en").best
    23
    >>> parse_count("a dozen", lang="en")
    Count(low=12, best=12, high=12, qualifier='about', surface='a dozen')

    Vague quantities, coded as ACLED codes them:

    >>> parse_count("tientallen", lang="nl")
    Count(low=12, best=12, high=None, qualifier='vague', surface='tientallen')
    >>> [parse_count(w, lang=l).best for w, l in (("honderden", "nl"), ("enkele duizenden", "nl"), ("dozens", "en"), ("several", "en"))]
    [100, 1000, 12, 3]

    Ranges and qualifiers:

    >>> parse_count("tussen drie en twintig", lang="nl")
    Count(low=3, best=3, high=20, qualifier='range', surface='tussen drie en twintig')
    >>> parse_count("between 15 and 20", lang="en")[:3]
    (15, 15, 20)
    >>> parse_count("meer dan 350.000", lang="nl")[:4]
    (350000, 350000, None, 'more_than')
    >>> parse_count("niet meer dan 5", lang="nl")[:4]
    (None, 5, 5, 'at_most')
    >>> parse_count("up to 20", lang="en")[:4]
    (None, 20, 20, 'up_to')
    >>> parse_count("bijna 2000", lang="nl").qualifier
    'about'
    >>> parse_count("een tiental", lang="nl")[:4]
    (10, 10, 10, 'about')
    >>> parse_count("geen", lang="nl") is None
    True
    """
    check_language(lang)
    for match in find_counts(text, lang=lang):
        return match.count
    return None


def parse_number(surface: str, *, lang: str) -> float | None:
    """Return the value of one number: digits or number words, with a multiplier.

    >>> parse_number("1.200", lang="nl"), parse_number("1,5", lang="nl"), parse_number("drie", lang="nl")
    (1200, 1.5, 3)
    >>> parse_number("anderhalf miljoen", lang="nl")
    1500000.0
    """
    data = language(lang)
    words = surface.split()
    multiplier = 1
    multipliers = data.table("numbers.multipliers")
    if len(words) > 1 and fold(words[-1]) in multipliers:
        multiplier = multipliers[fold(words[-1])]
        words = words[:-1]
    head = " ".join(words)
    fractions = data.table("numbers.fractions")
    if fold(head) in fractions:
        value: float | None = float(fractions[fold(head)])
    elif head[:1].isdigit():
        value = _digits(head)
    else:
        value = _words(fold(head), lang)
    if value is None:
        return None
    result = value * multiplier
    return int(result) if float(result).is_integer() and not isinstance(value, float) else result


_MAX_DIGITS = 15  # more digits than this are not a number of people (and overflow a float)


def _digits(text: str) -> float | int | None:
    """Read digits with either thousands notation: 350.000 and 2,500 are thousands; 1,5 and 2.5 decimals.

    >>> _digits("350.000"), _digits("2.5"), _digits("9" * 5000)
    (350000, 2.5, None)
    """
    if len(text) > 2 * _MAX_DIGITS or sum(c.isdigit() for c in text) > _MAX_DIGITS:
        return None
    if re.fullmatch(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*", text):
        return int(re.sub(r"[.,]", "", text))
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+[.,]\d+", text):
        return float(text.replace(",", "."))
    return None


@functools.lru_cache(maxsize=4096)
def _words(text: str, lang: str) -> int | None:
    from text_to_num import text2num  # imported on first use: a number word is rare

    if len(text) > 120:  # longer than any number written in words: a run of number words, not one number
        return None
    candidate = text.replace("-", " ") if lang == "en" else _diaeresis(text)
    try:
        value = text2num(candidate, lang)
    except (ValueError, IndexError, KeyError):
        return None
    return int(value)


def _diaeresis(word: str) -> str:
    """Restore the diaeresis text2num needs: tweeentwintig -> tweeëntwintig."""
    return re.sub(r"(?<=e)en(?=[a-z])", "ën", word) if "eeen" in word or "ieen" in word else word


# --------------------------------------------------------------------------
# The count pattern, compiled once per language
# --------------------------------------------------------------------------

_DIGITS = r"(?<![\w.,/:–-])\d+(?:[.,]\d+)*(?![\w/:]|[.,]\d|[-–][^\W\d])"


def _pattern(data: Language) -> re.Pattern[str]:
    morphemes = "(?:" + "|".join(sorted(data.words("numbers.word_morphemes"), key=len, reverse=True)) + ")"
    if data.code == "nl":
        joiner = "(?:ë?e?n)?"
        words = rf"(?<![\w-])(?!(?:een|één)(?![\wë])){morphemes}(?:{joiner}{morphemes})*(?![\wë])"
    else:
        words = rf"(?<![\w-]){morphemes}(?:(?:\s+and\s+|\s+|-){morphemes})*(?![\w])"
    multipliers = phrase_pattern(data.words("numbers.multipliers"))
    fractions = phrase_pattern(data.words("numbers.fractions"))
    number = rf"(?:(?:{_DIGITS}|{words})(?:\s+{multipliers})?|{fractions}\s+{multipliers})"
    qualifiers = phrase_pattern(w for q in ("at_least", "more_than", "about", "at_most", "up_to")
                                for w in data.words(f"qualifiers.{q}"))
    before = phrase_pattern(data.words("numbers.range.before"))
    between_and = phrase_pattern(data.words("numbers.range.between_after_before"))
    joiners = data.words("numbers.range.between")
    word_joiners = phrase_pattern(j for j in joiners if j[0].isalpha() or j[0] in "àá")
    dash_joiners = "[" + "".join(re.escape(j) for j in joiners if not (j[0].isalpha() or j[0] in "àá")) + "]"
    approximate = phrase_pattern(data.words("numbers.approximate"))
    article = phrase_pattern(data.words("numbers.singular_articles"))
    vague = phrase_pattern(data.words("numbers.vague"))
    after = phrase_pattern(data.words("qualifiers.at_least_after"))
    source = (
        rf"(?:(?P<qual>{qualifiers})\s+)?"
        r"(?:"
        rf"{before}\s+(?P<a>{number})\s+{between_and}\s+(?P<b>{number})"
        rf"|(?P<c>{number})(?:\s+{word_joiners}\s+|\s*{dash_joiners}\s*)(?P<d>{number})"
        rf"|(?P<approx>(?:{article}\s+)?{approximate})"
        rf"|(?P<vague>{vague})"
        rf"|(?P<n>{number})"
        r")"
        rf"(?P<after>\s+{after})?"
    )
    return re.compile(source, re.IGNORECASE)


# The lexicon lists a count can begin with: the phrases of ``_pattern`` that can
# stand first in a match. A list added to the front of ``_pattern`` goes here too.
_FIRST_PHRASES = ("numbers.fractions", "qualifiers.at_least", "qualifiers.more_than", "qualifiers.about",
                  "qualifiers.at_most", "qualifiers.up_to", "numbers.range.before", "numbers.approximate",
                  "numbers.singular_articles", "numbers.vague")


def _starts(data: Language) -> re.Pattern[str]:
    """Where a count can begin: a digit or the first letters of a number word or phrase, at a word start.

    Every branch of ``_pattern`` opens with a look-behind that excludes a word
    character before it, so no count begins right after a word character.
    """
    phrases = phrase_prefixes(w for path in _FIRST_PHRASES for w in data.words(path))
    morphemes = phrase_prefixes(data.words("numbers.word_morphemes"), source=True)
    return re.compile(rf"(?<![\w])(?=\d|{phrases}|{morphemes})", re.IGNORECASE)


def _compiled(lang: str) -> StartScanner:
    data = language(lang)
    compiled: StartScanner = data.memo("count_scanner", lambda: StartScanner(_pattern(data), _starts(data)))
    return compiled


_QUALIFIER_BOUNDS = {
    "exact": lambda n: (n, n, n),
    "at_least": lambda n: (n, n, None),
    "more_than": lambda n: (n, n, None),
    "about": lambda n: (n, n, n),
    "at_most": lambda n: (None, n, n),
    "up_to": lambda n: (None, n, n),
    "vague": lambda n: (n, n, None),
}


def find_counts(text: str, *, lang: str) -> list[CountMatch]:
    """Return every count stated in ``text``, in order, with its span.

    >>> [(m.count.best, m.count.surface) for m in find_counts("52 soldaten en 35 jihadisten", lang="nl")]
    [(52, '52'), (35, '35')]
    >>> find_counts("18u25, 2/05/17, een 23-jarige, F16's", lang="nl")
    []
    """
    data = language(lang)
    qualifier_of = data.lookup(*(f"qualifiers.{q}" for q in ("at_least", "more_than", "about", "at_most", "up_to")))
    vague = data.table("numbers.vague")
    approximate = data.table("numbers.approximate")
    found: list[CountMatch] = []
    for m in _compiled(lang).finditer(text):
        qualifier = qualifier_of.get(fold(m.group("qual") or ""), "exact")
        if m.group("a") or m.group("c"):
            low_text = m.group("a") or m.group("c")
            high_text = m.group("b") or m.group("d")
            low, high = parse_number(low_text, lang=lang), parse_number(high_text, lang=lang)
            if low is None or high is None or high <= low:
                # "2014-2015" or "10 tot 5" is not a range of people: read the first figure alone.
                single = parse_number(low_text, lang=lang)
                if single is None:
                    continue
                end = m.end("a") if m.group("a") else m.end("c")
                bounds = _QUALIFIER_BOUNDS[qualifier](_whole(single))
                found.append(_match(text, m.start(), end, bounds, qualifier))
                continue
            found.append(_match(text, m.start(), m.end(), (_whole(low), _whole(low), _whole(high)), "range"))
            continue
        if m.group("approx"):
            value = approximate.get(fold(re.sub(r"^\S+\s+", "", m.group("approx"))),
                                    approximate.get(fold(m.group("approx"))))
            if value is None:
                continue
            found.append(_match(text, m.start(), m.end(), (value, value, value), "about"))
            continue
        if m.group("vague"):
            value = vague[fold(m.group("vague"))]
            found.append(_match(text, m.start(), m.end(), (value, value, None), "vague"))
            continue
        number = parse_number(m.group("n"), lang=lang)
        if number is None:
            continue
        if m.group("after"):
            qualifier = "at_least"
        bounds = _QUALIFIER_BOUNDS[qualifier](_whole(number))
        found.append(_match(text, m.start(), m.end(), bounds, qualifier))
    return found


def _whole(value: float) -> int:
    return int(round(value))


def _match(text: str, start: int, end: int, bounds: tuple[int | None, int, int | None], qualifier: str) -> CountMatch:
    low, best, high = bounds
    return CountMatch(start, end, Count(low, best, high, qualifier, text[start:end]))
