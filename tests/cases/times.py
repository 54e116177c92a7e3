"""Time expressions per language, resolved against a fixed publication time.

Publication: Tuesday 24 April 2018, 18:25. Each case: language, text, the first
expression's start and end day, and its precision (``None``: unresolvable).
"""

from pytest import param

PUBLISHED = "2018-04-24 18:25"

CASES = [
    # Dutch: relative days and weekdays
    param("nl", "vandaag", "2018-04-24", "2018-04-24", "day", id="nl-vandaag"),
    param("nl", "gisteren", "2018-04-23", "2018-04-23", "day", id="nl-gisteren"),
    param("nl", "eergisteren", "2018-04-22", "2018-04-22", "day", id="nl-eergisteren"),
    param("nl", "gisterenavond", "2018-04-23", "2018-04-23", "day", id="nl-gisterenavond"),
    param("nl", "gisteravond", "2018-04-23", "2018-04-23", "day", id="nl-gisteravond"),
    param("nl", "vanochtend", "2018-04-24", "2018-04-24", "day", id="nl-vanochtend"),
    param("nl", "vannacht", "2018-04-24", "2018-04-24", "day", id="nl-vannacht"),
    param("nl", "deze voormiddag", "2018-04-24", "2018-04-24", "day", id="nl-deze-voormiddag"),
    param("nl", "donderdag", "2018-04-19", "2018-04-19", "day", id="nl-donderdag"),
    param("nl", "maandag", "2018-04-23", "2018-04-23", "day", id="nl-maandag"),
    param("nl", "dinsdag", "2018-04-24", "2018-04-24", "day", id="nl-dinsdag-same-day"),
    param("nl", "vorige dinsdag", "2018-04-17", "2018-04-17", "day", id="nl-vorige-dinsdag"),
    param("nl", "afgelopen donderdag", "2018-04-19", "2018-04-19", "day", id="nl-afgelopen-donderdag"),
    param("nl", "zondagochtend", "2018-04-22", "2018-04-22", "day", id="nl-zondagochtend"),
    param("nl", "vrijdagavond", "2018-04-20", "2018-04-20", "day", id="nl-vrijdagavond"),
    param("nl", "zaterdag", "2018-04-21", "2018-04-21", "day", id="nl-zaterdag"),
    # Dutch: windows and named periods
    param("nl", "de voorbije zes dagen", "2018-04-18", "2018-04-24", "day", id="nl-voorbije-zes-dagen"),
    param("nl", "de voorbije vierentwintig uur", "2018-04-23", "2018-04-24", "day", id="nl-vierentwintig-uur"),
    param("nl", "de afgelopen 24 uur", "2018-04-23", "2018-04-24", "day", id="nl-afgelopen-24-uur"),
    param("nl", "op 24 uur tijd", "2018-04-23", "2018-04-24", "day", id="nl-op-24-uur-tijd"),
    param("nl", "de afgelopen twee weken", "2018-04-10", "2018-04-24", "day", id="nl-twee-weken"),
    param("nl", "de voorbije drie maanden", "2018-01-24", "2018-04-24", "month", id="nl-drie-maanden"),
    param("nl", "dit weekeinde", "2018-04-21", "2018-04-22", "day", id="nl-dit-weekeinde"),
    param("nl", "afgelopen weekend", "2018-04-21", "2018-04-22", "day", id="nl-afgelopen-weekend"),
    param("nl", "vorige week", "2018-04-16", "2018-04-22", "week", id="nl-vorige-week"),
    param("nl", "eerder deze week", "2018-04-23", "2018-04-24", "week", id="nl-deze-week"),
    param("nl", "vorige maand", "2018-03-01", "2018-03-31", "month", id="nl-vorige-maand"),
    param("nl", "vorig jaar", "2017-01-01", "2017-12-31", "year", id="nl-vorig-jaar"),
    param("nl", "de afgelopen dagen", "2018-04-21", "2018-04-24", "week", id="nl-afgelopen-dagen"),
    # Dutch: absolute dates, months and years
    param("nl", "24 april 2018", "2018-04-24", "2018-04-24", "day", id="nl-24-april-2018"),
    param("nl", "op 10 augustus", "2017-08-10", "2017-08-10", "day", id="nl-10-augustus-last-year"),
    param("nl", "op 20 januari", "2018-01-20", "2018-01-20", "day", id="nl-20-januari"),
    param("nl", "24/04/2018", "2018-04-24", "2018-04-24", "day", id="nl-numeric"),
    param("nl", "2/05/17", "2017-05-02", "2017-05-02", "day", id="nl-numeric-short"),
    param("nl", "in maart", "2018-03-01", "2018-03-31", "month", id="nl-in-maart"),
    param("nl", "eind september", "2017-09-21", "2017-09-30", "month", id="nl-eind-september"),
    param("nl", "in oktober 2015", "2015-10-01", "2015-10-31", "month", id="nl-oktober-2015"),
    param("nl", "in 2014", "2014-01-01", "2014-12-31", "year", id="nl-in-2014"),
    param("nl", "in 2014-2015", "2014-01-01", "2015-12-31", "year", id="nl-2014-2015"),
    param("nl", "sinds 2015", "2015-01-01", "2018-04-24", "year", id="nl-sinds-2015"),
    param("nl", "sinds februari", "2018-02-01", "2018-04-24", "month", id="nl-sinds-februari"),
    param("nl", "sinds donderdag", "2018-04-19", "2018-04-24", "day", id="nl-sinds-donderdag"),
    param("nl", "sinds 18 februari", "2018-02-18", "2018-04-24", "day", id="nl-sinds-18-februari"),
    param("nl", "in de zomer van 2014", "2014-01-01", "2014-12-31", "year", id="nl-zomer-van-2014"),
    # Dutch: counted back from publication
    param("nl", "twee weken geleden", "2018-04-10", "2018-04-10", "week", id="nl-twee-weken-geleden"),
    param("nl", "drie dagen geleden", "2018-04-21", "2018-04-21", "day", id="nl-drie-dagen-geleden"),
    param("nl", "vorige week zaterdag", "2018-04-21", "2018-04-21", "day", id="nl-vorige-week-zaterdag"),
    param("nl", "verleden week dinsdagavond", "2018-04-17", "2018-04-17", "day", id="nl-verleden-week-dinsdagavond"),
    # English
    param("en", "two weeks ago", "2018-04-10", "2018-04-10", "week", id="en-two-weeks-ago"),
    param("en", "three days ago", "2018-04-21", "2018-04-21", "day", id="en-three-days-ago"),
    param("en", "today", "2018-04-24", "2018-04-24", "day", id="en-today"),
    param("en", "yesterday", "2018-04-23", "2018-04-23", "day", id="en-yesterday"),
    param("en", "last night", "2018-04-23", "2018-04-23", "day", id="en-last-night"),
    param("en", "on Thursday", "2018-04-19", "2018-04-19", "day", id="en-thursday"),
    param("en", "last Thursday", "2018-04-19", "2018-04-19", "day", id="en-last-thursday"),
    param("en", "last Tuesday", "2018-04-17", "2018-04-17", "day", id="en-last-tuesday"),
    param("en", "on Friday night", "2018-04-20", "2018-04-20", "day", id="en-friday-night"),
    param("en", "over the past 24 hours", "2018-04-23", "2018-04-24", "day", id="en-past-24-hours"),
    param("en", "over the past week", "2018-04-17", "2018-04-24", "day", id="en-past-week"),
    param("en", "in the past six days", "2018-04-18", "2018-04-24", "day", id="en-past-six-days"),
    param("en", "this weekend", "2018-04-21", "2018-04-22", "day", id="en-this-weekend"),
    param("en", "last week", "2018-04-16", "2018-04-22", "week", id="en-last-week"),
    param("en", "last month", "2018-03-01", "2018-03-31", "month", id="en-last-month"),
    param("en", "April 24, 2018", "2018-04-24", "2018-04-24", "day", id="en-april-24-2018"),
    param("en", "on 1 May 2020", "2020-05-01", "2020-05-01", "day", id="en-1-may-2020"),
    param("en", "10/07/2015", "2015-10-07", "2015-10-07", "day", id="en-numeric-mdy"),
    param("en", "since the 24th of March 2018", "2018-03-24", "2018-04-24", "day", id="en-since-24th-of-march"),
    param("en", "since 2011", "2011-01-01", "2018-04-24", "year", id="en-since-2011"),
    param("en", "in late July", "2017-07-21", "2017-07-31", "month", id="en-late-july"),
    param("en", "in 2014-2015", "2014-01-01", "2015-12-31", "year", id="en-2014-2015"),
    param("en", "since mid-April", "2018-04-11", "2018-04-24", "month", id="en-since-mid-april"),
    param("en", "earlier this year", "2018-01-01", "2018-04-24", "year", id="en-earlier-this-year"),
    param("en", "since Friday", "2018-04-20", "2018-04-24", "day", id="en-since-friday"),
]

# A publication known only to the month: a date in that month stays in that year, a relative day stays unresolved.
MONTH_CASES = [
    param("nl", "op 28 april", "2018-04-28", "2018-04-28", "day", id="nl-date-in-publication-month"),
    param("nl", "gisteren", None, None, None, id="nl-gisteren-unresolved"),
    param("en", "last Thursday", None, None, None, id="en-weekday-unresolved"),
    param("en", "in March", "2018-03-01", "2018-03-31", "month", id="en-month-resolved"),
    # counted back by a week or more: the month shifted back by as much
    param("nl", "twee weken geleden", "2018-03-18", "2018-04-16", "month", id="nl-twee-weken-geleden-shifted"),
    param("en", "two weeks ago", "2018-03-18", "2018-04-16", "month", id="en-two-weeks-ago-shifted"),
    param("nl", "vorige week zaterdag", "2018-03-24", "2018-04-28", "month", id="nl-vorige-week-zaterdag-shifted"),
    param("nl", "drie dagen geleden", None, None, None, id="nl-days-ago-unresolved"),
    # a running period up to a publication known to the month ends with that month
    param("nl", "sinds 20 januari", "2018-01-20", "2018-04-30", "day", id="nl-sinds-until-month-end"),
    param("en", "since 20 January", "2018-01-20", "2018-04-30", "day", id="en-since-until-month-end"),
]

# Expressions that must not be read as dates.
NOT_DATES = [
    param("en", "She may go to the market.", id="en-may-verb"),
    param("en", "They march on the capital.", id="en-march-verb"),
    param("nl", "Nu worden deze geviseerd.", id="nl-nu"),
    param("nl", "meer dan 350.000 doden", id="nl-number"),
    param("en", "a 23-year-old man", id="en-age"),
]
