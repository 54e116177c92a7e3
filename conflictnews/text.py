"""Sentences and spans, shared by every extractor.

A sentence is a span of the article's text; every offset the extractors report
is an offset into that same text, so ``text[start:end]`` is always the
evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import language

__all__ = ["Sentence", "detect_language", "split_sentences"]

_LINE = re.compile(r"[^\n]+")
# A full stop, question or exclamation mark (with closing quotes or brackets),
# then white space, then something that can open a sentence.
_BOUNDARY = re.compile(r"""(?<=[.!?…])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9ÀÁÂÄÈÉÊËÎÏÓÔÖÚÜ])""")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_LONGEST_WORD = 64  # longer than any abbreviation or initial
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its span in the text and the paragraph it stands in."""

    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str, *, lang: str = "nl") -> list[Sentence]:
    """Split ``text`` into sentences, keeping their offsets.

    Lines are split apart (crawled pages put headlines, captions and
    paragraphs on lines of their own); within a line, a sentence ends at a full
    stop followed by a capital, unless the word before is an abbreviation or an
    initial. Blank lines start a new paragraph.

    >>> [s.text for s in split_sentences("Zeker 13 doden. Dat meldt AFP.\\n\\n350.000 doden sinds 2011.")]
    ['Zeker 13 doden.', 'Dat meldt AFP.', '350.000 doden sinds 2011.']
    >>> [s.text for s in split_sentences("Col. Khalid said 12 died.", lang="en")]
    ['Col. Khalid said 12 died.']
    """
    abbreviations = _abbreviations(lang)
    sentences: list[Sentence] = []
    paragraph = 0
    previous_end = 0
    for line in _LINE.finditer(text):
        if text.count("\n", previous_end, line.start()) > 1:
            paragraph += 1
        previous_end = line.end()
        start = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            # The word before the full stop, looked for in a short window: searching all of the
            # sentence so far would cost time in the square of its length.
            word = _WORD_BEFORE.search(text, max(start, boundary.start() - _LONGEST_WORD), boundary.start())
            if word and (word.group(1).lower() in abbreviations or _is_initial(word.group(1))):
                continue
            _append(sentences, text, start, boundary.start(), paragraph)
            start = boundary.end()
        _append(sentences, text, start, line.end(), paragraph)
    return sentences


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


# A sentence is cut after this many characters (the longest of the real articles and event notes
# has 701): the extractors compare the words of a sentence with one another, so a run-on "sentence"
# of thousands of counts or names would cost time in the square of its length.
LONGEST_SENTENCE = 2000


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > LONGEST_SENTENCE:
        cut = _cut(text, start)
        _append(sentences, text, start, cut, paragraph)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end], paragraph))


def _cut(text: str, start: int) -> int:
    """Where a run-on sentence from ``start`` is cut: after its last clause break (``,``, ``;``, ``:``) in
    the second half of the longest sentence, else at its last white space there, else at the limit.

    >>> [len(s.text) for s in split_sentences("vijf doden, " * 400)]
    [1991, 1991, 815]
    """
    limit = start + LONGEST_SENTENCE
    half = start + LONGEST_SENTENCE // 2
    for breaks in (",;:", " \t"):
        found = max(text.rfind(mark, half, limit) for mark in breaks)
        if found >= half:
            return found + 1
    return limit


def _abbreviations(lang: str) -> frozenset[str]:
    data = language(lang)
    found: frozenset[str] = data.memo(
        "abbreviations", lambda: frozenset(a.lower() for a in data.words("text.abbreviations")))
    return found


def detect_language(text: str) -> str:
    """Return the supported language whose common words are most frequent in ``text``.

    >>> detect_language("De voorbije zes dagen zijn er 52 soldaten omgekomen.")
    'nl'
    >>> detect_language("At least 19 soldiers were killed over the past 24 hours.")
    'en'
    """
    from .lexicon import SUPPORTED_LANGUAGES

    words = [w.lower() for w in _WORD.findall(text[:5000])]
    best, best_score = SUPPORTED_LANGUAGES[0], -1
    for code in SUPPORTED_LANGUAGES:
        data = language(code)
        stop: frozenset[str] = data.memo("stopwords", lambda d=data: frozenset(d.words("stopwords")))
        score = sum(1 for w in words if w in stop)
        if score > best_score:
            best, best_score = code, score
    return best
