"""Timelines: property tests over any text and any publication time, and the merged corpus timeline."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import conflictnews as cn
from conflictnews.pipeline import TIMELINE_COLUMNS, frame

WORDS = {
    "nl": ["vandaag", "gisteren", "eergisteren", "donderdag", "vorige", "zondagochtend", "de", "voorbije", "zes",
           "dagen", "24", "uur", "dit", "weekeinde", "sinds", "2015", "in", "maart", "eind", "september", "vorige",
           "week", "op", "tijd", "2014-2015", "afgelopen", "maand", "zijn", "doden", "gevallen", "."],
    "en": ["today", "yesterday", "last", "Thursday", "night", "over", "the", "past", "six", "days", "24", "hours",
           "this", "weekend", "since", "2011", "in", "March", "late", "July", "week", "month", "earlier", "year",
           "were", "killed", "."],
}
# A surface that states its own date: a year, or a day and a month.
STATED = re.compile(r"\b(?:19|20)\d{2}\b|\d{1,2}[/.]\d{1,2}|\b\d{1,2}(?:st|nd|rd|th)?\s+\w+|\b[A-Za-z]+\s+\d{1,2}\b|"
                    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
                    r"january|february|march|may|june|july|august|october", re.IGNORECASE)

times = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2030, 12, 31))


@settings(max_examples=150, deadline=None)
@given(lang=st.sampled_from(["nl", "en"]), data=st.data(), published=times)
def test_relative_dates_never_after_publication(lang: str, data: st.DataObject, published: datetime) -> None:
    text = " ".join(data.draw(st.lists(st.sampled_from(WORDS[lang]), min_size=1, max_size=25)))
    for event in cn.extract_timeline(text, lang=lang, published=published):
        assert text[event.span_start:event.span_end] == event.surface
        if event.date_start is None:
            continue
        assert event.date_start <= event.date_end
        if not STATED.search(event.surface):
            assert event.date_end <= published + timedelta(minutes=1), event


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), published=st.one_of(st.none(), times), lang=st.sampled_from(["nl", "en"]))
def test_any_text_any_time(text: str, published: datetime | None, lang: str) -> None:
    for event in cn.extract_timeline(text, lang=lang, published=published):
        assert text[event.span_start:event.span_end] == event.surface


def test_unknown_day_is_never_guessed() -> None:
    article = cn.read_article(" date 2018-04 Bij een aanval kwamen gisteren drie burgers om. Vorige week ook.")
    events = cn.extract_timeline(article)
    assert [e.surface for e in events] == ["gisteren", "Vorige week"]
    assert all(e.date_start is None and e.date_precision is None for e in events)


def test_merged_timeline_filters_and_keeps_articles() -> None:
    texts = {"a": "Op 20 mei 2018 vertrokken bussen uit Jarmuk. IS verloor in april 2018 terrein in Damascus.",
             "b": "Op 20 mei 2018 verlieten strijders van IS Jarmuk.",
             "c": "On 10 July 2017 Iraqi forces retook Mosul from Islamic State."}
    events = pd.concat([frame(cn.extract_timeline(t, published="2018-05-21"), TIMELINE_COLUMNS).assign(article_id=k)
                        for k, t in texts.items()])
    may = cn.merge_timelines(events, place=["Yarmouk", "Damascus"], start="2018-05-01", end="2018-05-31")
    assert may.n_articles.tolist() == [2] and may.articles.iloc[0] == ["a", "b"]
    assert cn.merge_timelines(events, actor="Islamic State").date_start.dt.year.tolist() == [2017, 2018, 2018]
    assert cn.merge_timelines(events.iloc[0:0]).empty
