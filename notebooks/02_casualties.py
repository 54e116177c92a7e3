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
# # 2. Casualties: who was killed, how many, when, where, by whose account
#
# **Question.** How many people do the articles report killed, in which victim group (state forces, armed
# groups, civilians), when, where and according to whom, with the uncertainty kept as a range (`low`, `best`,
# `high`)? And how much of a naive sum is double counting?
#
# The counting rules of `casualty_totals` are the package's answer to double counting, and they are shown at
# work on one episode below: a report whose window lies inside another's (the last 24 hours inside the last six
# days) is part of it, a headline repeats its lead, a running toll ("since 2011") is reported on its own, and
# several accounts of the same incident give a range (`low` the lowest figure, `best` the lowest reliable one,
# `high` the highest). An open upper bound ("at least 18") leaves `high` blank, and a total with one open bound
# is open too.
#
# Change `CORPUS` (and the episode's places) in the next cell to run this on your own articles.

# %% tags=["parameters"]
CORPUS = "../data/articles"  # the bundled sample corpus; put your own folder, file or glob here
OUTCOME = "killed"  # or "injured", "displaced", "captured", "missing"
# One episode, for the double-counting walk-through: the articles that name one of these places.
EPISODE = "south Damascus, April-May 2018"
EPISODE_PLACES = ["Yarmouk", "Hajar al-Aswad", "Qadam", "Tadamon", "South Damascus"]

# %%
# %matplotlib inline
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter
import numpy as np
import pandas as pd

import conflictnews as cn
from conflictnews.aggregate import incidents
from conflictnews.plots import add_source_note, report_style

FIGURES = Path("figures")  # every chart is written here
FORMATS = ("png", "svg")  # add "pdf" for print


def show(table, n=20, width=60):
    """Print up to ``n`` rows as plain text (stable across pandas versions)."""
    print(cn.format_table(table, rows=n, width=width))


# %%
corpus = cn.read_corpus(CORPUS, progress=False)
extraction = cn.extract(corpus, progress=False)
casualties = extraction.casualties
reports = casualties[casualties["outcome"] == OUTCOME]
print(f"{len(corpus.articles)} articles, {len(casualties)} casualty reports, {len(reports)} of people {OUTCOME} "
      f"in {reports['article_id'].nunique()} articles")
print(f"of which running tolls: {int(reports['cumulative'].sum())}, parts of a total given beside it: "
      f"{int(reports['subset'].sum())}, read from a headline: {int(reports['from_title'].sum())}")

# %% [markdown]
# ## Who was killed, and how many
#
# Totals per victim group with double counting removed. `reports` is how many reports went into the total,
# `articles` how many articles they came from. A blank `high` means at least one report left the upper bound
# open ("more than 250"), so the total is open too.

# %%
by_group = cn.casualty_totals(reports, by="victim_group")
show(by_group)

# %%
ax = cn.plot_casualties(by_group, hue="victim_group", title=f"People {OUTCOME}, by victim group")
saved = cn.save_figure(ax, FIGURES / "02_casualties_by_victim_group", formats=FORMATS)

# %% [markdown]
# Whose dead they are, where the text says so (`victim_actor`, canonical names):

# %%
show(cn.casualty_totals(reports, by=["victim_group", "victim_actor"]))

# %% [markdown]
# ## When
#
# Incidents counted in the month in which their window ends. A report whose window could not be resolved
# (a relative date in an article without a publication date) has no month: it is counted in the blank row and
# left out of the chart.

# %%
by_month = cn.casualty_totals(reports, by="victim_group", freq="M")
show(by_month, n=30)

# %%
ax = cn.plot_casualties(by_month, x="period", hue="victim_group",
                       title=f"People {OUTCOME} per month, by victim group")
saved = cn.save_figure(ax, FIGURES / "02_casualties_by_month", formats=FORMATS)

# %% [markdown]
# ## Where
#
# Canonical places from the gazetteer; "place not stated" when the sentence names none.

# %%
by_place = cn.casualty_totals(reports, by="place")
show(by_place.sort_values(["best", "place"], ascending=[False, True]), n=15)

# %%
ax = cn.plot_casualties_by(by_place, by="place", top=15, title=f"People {OUTCOME}, by place")
saved = cn.save_figure(ax, FIGURES / "02_casualties_by_place", formats=FORMATS)

# %% [markdown]
# ## By whose account
#
# Totals per source (`attributed_to`): an incident told by several sources counts under each, so these rows
# do not add up to the totals above. The chart counts the reports each source gave.

# %%
by_source = cn.casualty_totals(reports, by="attributed_to")
show(by_source.sort_values(["reports", "attributed_to"], ascending=[False, True]))

# %%
ax = cn.plot_sources(reports, title=f"Reports of people {OUTCOME}, by source")
saved = cn.save_figure(ax, FIGURES / "02_casualty_reports_by_source", formats=FORMATS)

# %% [markdown]
# ## Uncertainty: how the figures were stated
#
# Each report keeps the words it was read from (`surface`). "At least 18" gives `low` 18, `best` 18 and an
# open `high`; "between 9,000 and 11,000" a range; "dozens" (`tientallen`) the vague-quantity value of the
# language data (ACLED's 12).

# %%
qualifiers = (reports.groupby("qualifier")
              .agg(reports=("surface", "size"), example=("surface", "first"),
                   low=("count_low", "first"), best=("count_best", "first"), high=("count_high", "first"))
              .reset_index().sort_values(["reports", "qualifier"], ascending=[False, True]))
show(qualifiers)

# %% [markdown]
# ## Running tolls are reported on their own
#
# "More than 350,000 dead since 2011" is a running total: adding it to incidents would count every incident in
# it twice. `running_tolls` lists them by the date they were reported.

# %%
tolls = cn.running_tolls(reports, corpus.articles)
show(tolls[["published", "victim_group", "place", "attributed_to", "count_low", "count_best", "count_high",
            "surface"]], n=15)

# %%
ax = cn.plot_running_toll(tolls, title=f"Running tolls of people {OUTCOME}, as reported")
saved = cn.save_figure(ax, FIGURES / "02_running_tolls", formats=FORMATS)

# %% [markdown]
# ## The counting rules on a worked example
#
# Before the real episode, the rules on five reports written by hand (so that this part does not move when the
# extractors improve): the seed article of the specification (Belga, 24 April 2018, citing SOHR) and a second
# source for the same six days.
#
# - the headline's "at least 18 soldiers" repeats the lead: dropped;
# - the lead's 18 soldiers of the last 24 hours lie inside the six days of the 52: part of that incident;
# - SOHR's 52 and SANA's 45 for the same six days are two accounts of one incident: `low` 45, `best` 45 (the
#   lowest reliable figure, ACLED's conservative rule), `high` 52;
# - "more than 350,000 dead since 2011" is a running toll: reported by `running_tolls`, never added.

# %%
day, week = ("2018-04-23 18:25", "2018-04-24 18:25"), ("2018-04-18", "2018-04-24")
example = pd.DataFrame(
    [("seed", True, "military", 18, 18, None, *day, False, "SOHR", "Minstens 18 soldaten gedood"),
     ("seed", False, "military", 18, 18, None, *day, False, "SOHR", "minstens achttien"),
     ("seed", False, "military", 52, 52, 52, *week, False, "SOHR", "52 soldaten"),
     ("other", False, "military", 45, 45, 45, *week, False, "SANA", "45 soldiers"),
     ("seed", False, "unknown", 350000, 350000, None, "2011-01-01", "2018-04-24", True, "SOHR", "meer dan 350.000")],
    columns=["article_id", "from_title", "victim_group", "count_low", "count_best", "count_high", "period_start",
             "period_end", "cumulative", "attributed_to", "surface"])
example = example.assign(
    outcome="killed", subset=False, place=["Damascus"] * 4 + ["Syria"],
    victim_actor=["Syrian government forces"] * 4 + [None],
    period_start=pd.to_datetime(example["period_start"], format="ISO8601"),
    period_end=pd.to_datetime(example["period_end"], format="ISO8601"),
    **{c: example[c].astype("Int64") for c in ["count_low", "count_best", "count_high"]})
show(example[["article_id", "from_title", "victim_group", "period_start", "period_end", "count_low", "count_best",
              "count_high", "cumulative", "attributed_to", "surface"]])

# %%
print("incidents:")
show(incidents(example)[["victim_group", "place", "period_start", "period_end", "low", "best", "high", "reports",
                         "sources"]])
print(f"\nnaive sum of the soldiers: {int(example.loc[example['victim_group'] == 'military', 'count_best'].sum())}")
print("casualty_totals:")
show(cn.casualty_totals(example, by="victim_group"))

# %% [markdown]
# ## Double counting made visible: one episode
#
# The articles of one episode (those naming one of `EPISODE_PLACES`), the reports read from them, the incidents
# those reports were grouped into, and the totals with and without the counting rules.

# %%
named = set()
for table in extraction.tables().values():
    named |= set(table.loc[table["place"].isin(EPISODE_PLACES), "article_id"])
episode_articles = corpus.articles[corpus.articles["article_id"].isin(named)]
episode = reports[reports["article_id"].isin(named)]
print(f"{EPISODE}: {len(episode_articles)} articles, {len(episode)} reports of people {OUTCOME}")
show(episode_articles[["article_id", "published", "language", "source", "title"]], n=30)

# %% [markdown]
# Every report, with the flags the rules read: `from_title` (a headline), `cumulative` (a running toll),
# `subset` (a part of a total given beside it: "17 civilians, seven of them children") and the window
# (`period_start` to `period_end`) in which the deaths happened.

# %%
columns = ["article_id", "from_title", "victim_group", "place", "period_start", "period_end", "count_low",
           "count_best", "count_high", "cumulative", "subset", "attributed_to", "surface"]
order = {article_id: i for i, article_id in enumerate(corpus.articles["article_id"])}
episode = episode.assign(article_order=episode["article_id"].map(order))
show(episode.sort_values(["victim_group", "article_order", "span_start"])[columns], n=60, width=30)

# %% [markdown]
# The incidents (`incidents`, the first step of `casualty_totals`): running tolls and subsets are left out,
# a headline that repeats its body is dropped, and reports of the same victims and place whose window lies
# inside another's are merged into it. `reports` > 1 marks an incident told more than once; where the accounts
# differ, `low` and `high` keep both ends.

# %%
episode_incidents = incidents(episode)
show(episode_incidents.drop(columns=["outcome"]), n=40, width=40)

# %%
several = episode_incidents[episode_incidents["reports"] > 1]
print(f"incidents told more than once: {len(several)} of {len(episode_incidents)}")
show(several[["victim_group", "place", "period_start", "period_end", "low", "best", "high", "reports",
              "articles", "sources"]], width=40)

# %% [markdown]
# ### Totals with and without the rules
#
# The naive sum adds the `best` figure of every report; leaving out the running tolls is the first thing an
# analyst would do by hand; `casualty_totals` applies all the rules.

# %%
def with_and_without(table):
    naive = table.groupby("victim_group")["count_best"].sum().rename("naive sum")
    no_tolls = (table[~table["cumulative"]].groupby("victim_group")["count_best"].sum()
                .rename("without running tolls"))
    rules = cn.casualty_totals(table, by="victim_group").set_index("victim_group")
    out = pd.concat([table.groupby("victim_group").size().rename("reports"), naive, no_tolls,
                     rules[["low", "best", "high"]].add_prefix("casualty_totals ")], axis=1).astype("Int64")
    total = out.sum(min_count=1)
    if out["casualty_totals high"].isna().any():
        total["casualty_totals high"] = pd.NA  # one open bound leaves the total open
    out.loc["all"] = total
    return out.rename_axis("victim_group").reset_index()


episode_comparison = with_and_without(episode)
show(episode_comparison)

# %%
print("The whole corpus:")
corpus_comparison = with_and_without(reports)
show(corpus_comparison)

# %%
groups = episode_comparison[episode_comparison["victim_group"] != "all"]
measures = ["naive sum", "without running tolls", "casualty_totals best"]
with report_style():
    fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
    positions = np.arange(len(groups))
    for i, (measure, hatch) in enumerate(zip(measures, ["", "//", ".."])):
        values = pd.to_numeric(groups[measure], errors="coerce").fillna(0).to_numpy(dtype=float)
        bars = ax.bar(positions + (i - 1) * 0.27, values, width=0.27, hatch=hatch, label=measure, edgecolor="0.3")
        ax.bar_label(bars, labels=[f"{v:,.0f}" for v in values], fontsize=8, padding=2)
    ax.set_yscale("symlog", linthresh=10)
    ax.set_ylim(0, max(10.0, float(pd.to_numeric(groups[measures].stack(), errors="coerce").max())) * 5)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.set_xticks(positions, [str(g).replace("_", " ") for g in groups["victim_group"]])
    ax.set_ylabel(f"people {OUTCOME} (log scale)")
    ax.set_title(f"People {OUTCOME}, {EPISODE}:\nnaive sums and totals without double counting")
    ax.legend(loc="upper left")
    add_source_note(ax, f"Source: {len(episode)} reports in {episode['article_id'].nunique()} articles; "
                        "conflictnews")
saved = cn.save_figure(fig, FIGURES / "02_episode_naive_vs_totals", formats=FORMATS)

# %% [markdown]
# ### The evidence
#
# The sentences behind the incidents told more than once: the reports of the same victims and place in the
# articles each incident lists.

# %%
keys = ["victim_group", "victim_actor", "place"]
behind = several[keys + ["articles"]].explode("articles").rename(columns={"articles": "article_id"})
evidence = episode.merge(behind.drop_duplicates(), on=keys + ["article_id"], how="inner")
show(evidence.sort_values(keys + ["article_id", "span_start"])[["victim_group", "place", "count_best",
                                                               "attributed_to", "sentence"]], n=20, width=90)
