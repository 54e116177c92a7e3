"""Long articles of any size, generated: the runaway guard and ``benchmarks/long_article.py`` read them.

The sentences are templates written for this project (never text of a real
article), filled at random with counts, victims, places, actors, sources and
dates, in paragraphs of three to six sentences: an article that reads like a
long wire story, with the mix of facts the extractors meet, at any length.
The same ``seed`` gives the same text.
"""

from __future__ import annotations

import random

__all__ = ["long_article"]

PLACES = ("Aleppo", "Raqqa", "Mosul", "Idlib", "Douma", "Afrin", "Homs", "Palmyra", "Kobani", "Deir ez-Zor",
          "Yarmouk", "Tikrit", "Fallujah", "Ramadi", "Hama", "Daraa", "Manbij", "Kirkuk")

_WORDS = {
    "nl": {
        "count": ("drie", "twaalf", "achttien", "tientallen", "honderden", "veertig", "zeven", "vijftig"),
        "qualifier": ("", "minstens ", "zeker ", "ruim ", "ongeveer ", "bijna "),
        "victims": ("burgers", "soldaten", "strijders", "mensen", "kinderen", "agenten", "rebellen"),
        "killed": ("gedood", "om het leven gekomen", "gewond geraakt", "ontvoerd"),
        "attack": ("een aanval", "een luchtaanval", "beschietingen", "een bomaanslag", "gevechten"),
        "actor": ("IS", "het Syrische leger", "de YPG", "HTS", "de rebellen"),
        "source": ("het Syrisch Observatorium", "AFP", "de VN", "Reuters", "de lokale autoriteiten"),
        "weekday": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
        "month": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus"),
        "captured": ("ingenomen", "heroverd", "veroverd"),
    },
    "en": {
        "count": ("three", "twelve", "eighteen", "dozens", "hundreds", "forty", "seven", "fifty"),
        "qualifier": ("", "at least ", "more than ", "about ", "nearly ", "up to "),
        "victims": ("civilians", "soldiers", "fighters", "people", "children", "policemen", "rebels"),
        "killed": ("killed", "wounded", "kidnapped", "killed or wounded"),
        "attack": ("an attack", "an air strike", "shelling", "a car bomb", "clashes"),
        "actor": ("Islamic State", "the Syrian army", "the YPG", "HTS", "the rebels"),
        "source": ("the Syrian Observatory for Human Rights", "AFP", "the UN", "Reuters", "local officials"),
        "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "month": ("January", "February", "March", "April", "May", "June", "July", "August"),
        "captured": ("captured", "recaptured", "seized"),
    },
}

_TEMPLATES = {
    "nl": (
        "Bij {attack} op {place} zijn {weekday} {qualifier}{count} {victims} {killed}, meldt {source}.",
        "Bij {attack} in het noorden van {place} zijn {qualifier}{number} {victims} {killed}.",
        "{actor_cap} heeft {place} {captured} na {number} dagen van hevige gevechten.",
        "Sinds {day} {month} {year} zijn er {qualifier}{number} doden gevallen, zegt {source}.",
        "{place} is nog altijd in handen van {actor}.",
        "Onder de doden zijn {count} kinderen en {number} vrouwen.",
        "De stad telde voor de oorlog {population} inwoners.",
        "Volgens {source} vielen er ook {qualifier}{number} gewonden.",
        "Tussen {number} en {number2} {victims} kwamen om bij de gevechten.",
        "De IS-gecontroleerde wijken van {place} werden opnieuw gebombardeerd.",
        "Het dodental is opgelopen tot {number}.",
        "{actor_cap} rukte {weekday} op naar {place}, waar {number} families vastzitten.",
    ),
    "en": (
        "{qualifier_cap}{count_first} {victims} were {killed} in {attack} on {place} on {weekday}, {source} said.",
        "{qualifier_cap}{number} {victims} were {killed} in {attack} in northern {place}.",
        "{actor_cap} {captured} {place} after {number} days of heavy fighting.",
        "Since {day} {month} {year}, {qualifier}{number} people have been killed, according to {source}.",
        "{place} remains under the control of {actor}.",
        "Among the dead were {count} children and {number} women.",
        "The town had about {population} inhabitants before the war.",
        "According to {source}, {qualifier}{number} people were wounded.",
        "Between {number} and {number2} {victims} died in the fighting.",
        "The IS-held districts of {place} were shelled again.",
        "The death toll has risen to {number}.",
        "{actor_cap} advanced on {place} on {weekday}, where {number} families are trapped.",
    ),
}


def _sentence(lang: str, chance: random.Random) -> str:
    words = _WORDS[lang]
    pick = {name: chance.choice(options) for name, options in words.items()}
    low = chance.randint(2, 400)
    return chance.choice(_TEMPLATES[lang]).format(
        **pick, place=chance.choice(PLACES), number=low, number2=low + chance.randint(1, 50),
        day=chance.randint(1, 28), year=chance.randint(2011, 2019),
        population=f"{chance.randint(2, 900) * 1000:,}".replace(",", "." if lang == "nl" else ","),
        actor_cap=pick["actor"][0].upper() + pick["actor"][1:],
        qualifier_cap=(pick["qualifier"][0].upper() + pick["qualifier"][1:]) if pick["qualifier"] else "",
        count_first=pick["count"] if pick["qualifier"] else pick["count"].capitalize())


def long_article(size: int, *, lang: str, seed: int = 0) -> str:
    """A generated article of about ``size`` characters (at least ``size``, less than a paragraph more).

    >>> text = long_article(2000, lang="en")
    >>> 2000 <= len(text) < 3000, text == long_article(2000, lang="en")
    (True, True)
    """
    chance = random.Random(seed)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        paragraph = " ".join(_sentence(lang, chance) for _ in range(chance.randint(3, 6)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)
