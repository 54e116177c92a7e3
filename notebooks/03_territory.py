# ---
# jupyter:
#   jupytext:
#     notebook_metadata_filter: kernelspec,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 3. Territory: who held which place when, by whose account
#
# **Question.** For each place the articles name, which actor held it, took it, lost it, besieged it or
# fought for it, on which date, and who said so?
#
# `territory_control` turns the territorial claims into a ledger: per place and day (`as_of`, else `since`), who
# holds it by whose account (`account`: the source a claim is attributed to, or `reported` for the article's own
# word), with conflicting accounts side by side; a claim the text doubts, denies or gives as over is kept and
# flagged (`certainty`, `past`) but never becomes the `holder`. `plot_territory` draws the claims per place.
# Change `CORPUS` (and the places to chart) in the next cell to run this on your own articles.

# %% tags=["parameters"]
CORPUS = "../data/articles"  # the bundled sample corpus; put your own folder, file or glob here
# One chart per episode: its places and its period (claims dated outside it are left out of the chart).
EPISODES = {
    "south Damascus, April-May 2018": (["Yarmouk", "Hajar al-Aswad", "Qadam", "Tadamon", "South Damascus"],
                                       "2018-04-01", "2018-06-30"),
    "Eastern Ghouta, February-April 2018": (["Eastern Ghouta", "Douma", "Harasta", "Arbin", "Zamalka",
                                             "Ein Terma", "Hamouriyah"], "2018-02-01", "2018-04-30"),
    "Mosul, October 2016-July 2017": (["Mosul", "East Mosul", "West Mosul"], "2016-10-01", "2017-12-31"),
    "Afrin, January-March 2018": (["Afrin", "Afrin District"], "2018-01-01", "2018-03-31"),
}

# %%
# %matplotlib inline
from pathlib import Path

import pandas as pd

import conflictnews as cn

FIGURES = Path("figures")  # every chart is written here
FORMATS = ("png", "svg")  # add "pdf" for print


def show(table, n=20, width=60):
    """Print up to ``n`` rows as plain text (stable across pandas versions)."""
    print(cn.format_table(table, rows=n, width=width))


# %%
corpus = cn.read_corpus(CORPUS, progress=False)
extraction = cn.extract(corpus, progress=False)
territory = extraction.territory
ledger = cn.territory_control(territory)
control = ledger[~ledger["carried"]]  # one row per claim; the other rows repeat an account's standing on that day
print(f"{len(corpus.articles)} articles, {len(territory)} territorial claims about {territory['place'].nunique()} "
      f"places in {territory['article_id'].nunique()} articles; {int(control['date'].isna().sum())} claims "
      "without a date")

# %% [markdown]
# ## The claims, by status
#
# `controls` and `captured` name a holder; `lost` names the side that lost the place; for `besieged` and
# `contested` the actor is the side that besieges or attacks; `seeks_control` is an offensive launched or
# announced.

# %%
statuses = (territory.groupby("status").agg(claims=("place", "size"), places=("place", "nunique"),
                                              articles=("article_id", "nunique"))
            .reset_index().sort_values(["claims", "status"], ascending=[False, True]))
show(statuses)

# %% [markdown]
# ## Places with the most claims

# %%
per_place = (control.groupby("place")
             .agg(claims=("status", "size"), actors=("actor", "nunique"), first=("date", "min"),
                  last=("date", "max"), articles=("article_id", "nunique"))
             .reset_index().sort_values(["claims", "place"], ascending=[False, True]))
show(per_place, n=15)

# %% [markdown]
# ## Who held which place when
#
# The latest dated claim that names a holder, per place: the last word of the corpus on who held it, with the
# source that said so (blank when the article names none) and the words it was read from.

# %%
held = control[control["holder"].notna() & control["date"].notna()]
latest = held.sort_values(["place", "date"]).groupby("place").tail(1)
show(latest[["place", "date", "holder", "status", "share_pct", "attributed_to", "surface"]], n=30, width=50)

# %% [markdown]
# ## Accounts side by side
#
# `control_as_of` reads the ledger on a day (the last claim by default), one row per place: the accounts that
# name a holder on the place's last day, side by side in `standings`, how many there are (`accounts`) and
# whether they `agree`; the `holder` when they do. An account's word given before a change of hands that
# another account states is not carried past it; a denial, or a claim of the same day by another side,
# stands beside it.

# %%
standing = cn.control_as_of(ledger)
held = standing[standing["accounts"] > 0]
print(f"{len(standing)} places with a dated claim, {len(held)} held by some account on their last day; "
      f"{int((~held['agree']).sum())} with accounts that disagree")
show(held.sort_values(["agree", "place"])[["place", "holder", "holder_group", "accounts", "standings",
                                           "last_claim"]], n=20, width=50)

# %% [markdown]
# ## Control over time
#
# One chart per episode, one row per place; each claim a marker at its date, shaped by status and coloured by
# actor. Claims without a date are counted in the note under each chart.

# %%
for number, (name, (places, start, end)) in enumerate(EPISODES.items(), start=1):
    claims = territory[territory["place"].isin(places)]
    when = claims["as_of"].fillna(claims["since"])
    claims = claims[when.isna() | when.between(pd.Timestamp(start), pd.Timestamp(end))]
    ax = cn.plot_territory(claims, title=f"Territorial control claims: {name}")
    saved = cn.save_figure(ax, FIGURES / f"03_territory_{number}", formats=FORMATS)
    print(f"{name}: {len(claims)} claims, {int(claims['as_of'].fillna(claims['since']).isna().sum())} undated")

# %% [markdown]
# ## Who holds each place, on a map
#
# `plot_map(..., kind="control")` draws the same reading of the ledger (`control_as_of`, with `since` for the
# changes): colour and shape per holder, a dashed ring on a contested place (accounts that disagree, or
# fighting or a siege reported on or after the last claim of control), a thick ring on a place that changed
# hands since `SINCE`.

# %%
SINCE = "2018-04-21"  # mark the places that changed hands in the last month of the corpus
ax = cn.plot_map(ledger, kind="control", since=SINCE)
saved = cn.save_figure(ax, FIGURES / "03_control_map", formats=FORMATS)
now = cn.control_as_of(ledger, since=SINCE)
show(now[["place", "holder", "contested", "changed", "previous_holder", "last_claim", "standings"]], n=25, width=60)

# %% [markdown]
# ## By whose account
#
# Claims per source. Most claims are the article's own words (no source named): those rest on the outlet
# alone.

# %%
accounts = (territory.assign(attributed_to=territory["attributed_to"].fillna("not attributed"))
            .groupby("attributed_to").agg(claims=("place", "size"), places=("place", "nunique"),
                                          articles=("article_id", "nunique"))
            .reset_index().sort_values(["claims", "attributed_to"], ascending=[False, True]))
show(accounts)

# %%
actors = (pd.crosstab(territory["actor"].fillna("actor not named"), territory["status"])
          .rename_axis(index="actor", columns=None))
actors.insert(0, "claims", actors.sum(axis=1))
show(actors.sort_values("claims", ascending=False).reset_index(), n=15)

# %% [markdown]
# ## The evidence for one place
#
# Every claim about the first place of the first episode, in date order, with the sentence it was read from.

# %%
place = next(iter(EPISODES.values()))[0][0]
show(control.loc[control["place"] == place, ["date", "actor", "status", "share_pct", "attributed_to",
                                             "sentence"]], n=25, width=100)
