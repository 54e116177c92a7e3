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
# # 4. Timeline: the fight for Yarmouk and south Damascus, April-May 2018
#
# **Question.** What happened, day by day, in the government offensive on the Islamic State enclave in south
# Damascus (the Yarmouk camp, Hajar al-Aswad, Qadam, Tadamon) from its start on 19 April 2018 to the army's
# declaration of 21 May, as several articles in two languages tell it?
#
# `merge_timelines` merges the dated statements of many articles by date, kind and place, keeping which
# articles said what; `plot_timeline` draws them. Change `CORPUS`, the places and the period in the next cell
# to follow another episode.

# %% tags=["parameters"]
CORPUS = "../data/articles"  # the bundled sample corpus; put your own folder, file or glob here
# The camp and the districts around it; "Damascus" too, because the Dutch articles say "in het zuiden van
# Damascus" (read as Damascus) where the English ones name the district.
PLACES = ["Yarmouk", "Hajar al-Aswad", "Qadam", "Tadamon", "South Damascus", "Damascus"]
START, END = "2018-04-01", "2018-05-31"

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
timeline = extraction.timeline
in_places = timeline[timeline["place"].isin(PLACES)]
print(f"{len(timeline)} timeline entries in {len(corpus.articles)} articles; {len(in_places)} name one of the "
      f"places, {int(in_places['date_start'].isna().sum())} of them without a resolved date")

# %% [markdown]
# ## The merged timeline
#
# One call per place (`merge_timelines` filters on one place at a time), then in date order. `n_articles` is
# how many articles state the same dated event; the first of their summaries is shown.

# %%
merged = pd.concat([cn.merge_timelines(timeline, place=place, start=START, end=END) for place in PLACES],
                   ignore_index=True)
merged = merged.sort_values(["date_start", "date_end", "place", "kind"], kind="stable").reset_index(drop=True)
print(f"{len(merged)} events from {len({a for ids in merged['articles'] for a in ids})} articles")
show(merged.assign(summary=merged["summaries"].str[0])[["date_start", "date_end", "date_precision", "kind",
                                                        "place", "n_articles", "summary"]], n=40, width=70)

# %%
ax = cn.plot_timeline(merged, start=START, end=END,
                      title="South Damascus, April-May 2018: events as reported")
saved = cn.save_figure(ax, FIGURES / "04_timeline_yarmouk", formats=FORMATS)

# %% [markdown]
# ## Told by several articles
#
# Events that more than one article dates the same way, with each article's own words.

# %%
shared = merged[merged["n_articles"] > 1]
print(f"{len(shared)} of {len(merged)} events are told by more than one article")
for row in shared.itertuples():
    print(f"\n{row.date_start:%Y-%m-%d} {row.kind}, {row.place} ({row.n_articles} articles)")
    for summary in row.summaries:
        print(f"  - {summary}")

# %% [markdown]
# ## Who is named
#
# Actors named in the sentences of these events, by number of events.

# %%
named = merged["actors"].fillna("").str.split("|").explode()
named = named[named != ""]
show(named.value_counts().rename_axis("actor").reset_index(name="events"))

# %% [markdown]
# ## What the articles said, by article
#
# The articles behind the timeline, in order of publication, with how many dated statements each gave in the
# period. A blank `published` means the header gave no date; the dates inside such an article come from the text
# itself ("on Friday 27 April").

# %%
window = in_places[(in_places["date_end"] >= pd.Timestamp(START)) & (in_places["date_start"] <= pd.Timestamp(END))]
per_article = (window.groupby("article_id").size().rename("events").reset_index()
               .merge(corpus.articles[["article_id", "published", "language", "title"]], on="article_id")
               .sort_values(["published", "title"], na_position="last"))
show(per_article[["published", "language", "events", "title"]], n=30, width=70)
