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
# # 1. What was read: the corpus at a glance
#
# **Question.** Which articles did conflictnews read, in which language, from which source, published when
# (and how precisely do we know when), and which inputs did it reject, and why?
#
# Everything below uses the public API only (`read_corpus`, `extract`). To look at your own articles, change
# `CORPUS` in the next cell (a folder, a glob, a list of files, a JSONL file or a CSV with a text column) and
# run all cells. Charts are written to `figures/`.

# %% tags=["parameters"]
CORPUS = "../data/articles"  # the bundled sample corpus; put your own folder, file or glob here

# %%
# %matplotlib inline
from pathlib import Path
import tempfile

import matplotlib.pyplot as plt
import pandas as pd

import conflictnews as cn
from conflictnews.plots import add_source_note, report_style

FIGURES = Path("figures")  # every chart is written here
FORMATS = ("png", "svg")  # add "pdf" for print


def show(table, n=20, width=60):
    """Print up to ``n`` rows as plain text (stable across pandas versions)."""
    print(cn.format_table(table, rows=n, width=width))


def counts(values, label, missing="not stated"):
    """How many articles per value, largest first, missing values named."""
    table = values.fillna(missing).value_counts().rename_axis(label).reset_index(name="articles")
    show(table.sort_values(["articles", label], ascending=[False, True]))


# %% [markdown]
# ## Reading the corpus
#
# `read_corpus` never stops at a bad file: what it cannot read is listed in `corpus.errors` with the reason.
# `extract` then reads every article once for casualties, territorial claims and timeline entries; an article
# on which an extractor fails is listed in `extraction.errors` and the rest go on.

# %%
corpus = cn.read_corpus(CORPUS, progress=False)
extraction = cn.extract(corpus, progress=False)
articles = corpus.articles
print(f"articles read: {len(articles)}")
print(f"inputs rejected: {len(corpus.errors)}")
print(f"articles on which extraction failed: {len(extraction.errors)}")
print(f"facts: {len(extraction.casualties)} casualty reports, {len(extraction.territory)} territorial claims, "
      f"{len(extraction.timeline)} timeline entries")

# %% [markdown]
# ## Languages and sources
#
# The language is detected from the text (Dutch `nl` or English `en`). The source is the agency or outlet
# the article names in its header (`Bron: Belga`), its dateline (`BEIRUT (AFP) -`) or its last line; an article
# that names none is "not stated".

# %%
counts(articles["language"], "language")

# %%
counts(articles["source"], "source")

# %% [markdown]
# ## When the articles were published, and how precisely we know it
#
# `published_precision` says where the publication time comes from: `minute` for a header with a date line
# and a time line (`25 april 2018`, `12u40`), `day` for a date without a time, `month` when only the crawl
# prefix (`date 2018-04`) dates the page. "not known" means no date was found in the header; relative dates in
# such articles ("on Tuesday") cannot be resolved to a day.

# %%
counts(articles["published_precision"], "published_precision", missing="not known")

# %%
month = articles["published"].dt.strftime("%Y-%m")
per_month = (pd.crosstab(month.fillna("not known"), articles["language"])
             .rename_axis(index="month published", columns=None))
per_month["all"] = per_month.sum(axis=1)
show(per_month.reset_index())

# %%
dated = per_month.drop(index="not known", errors="ignore").drop(columns="all")
with report_style():
    fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
    if len(dated):
        dated.plot.bar(ax=ax, stacked=True, width=0.8, rot=45)
    ax.set_title("Articles per month of publication")
    ax.set_xlabel("month of publication")
    ax.set_ylabel("articles")
    ax.legend(title="language")
    undated = int(per_month.loc["not known", "all"]) if "not known" in per_month.index else 0
    add_source_note(ax, f"Source: {len(articles)} articles, {undated} without a publication date (not shown); "
                        "conflictnews")
saved = cn.save_figure(fig, FIGURES / "01_articles_per_month", formats=FORMATS)

# %% [markdown]
# ## What each article gave
#
# Facts per language: an article that gives no fact at all is worth a look (an opinion piece, a page that is
# not news, or a gap in the language data).

# %%
facts = articles[["article_id", "language"]].copy()
for name, table in extraction.tables().items():
    facts[name] = facts["article_id"].map(table["article_id"].value_counts()).fillna(0).astype(int)
by_language = facts.groupby("language")[["casualties", "territory", "timeline"]].sum()
by_language.insert(0, "articles", facts.groupby("language").size())
show(by_language.reset_index())
no_facts = facts[facts[["casualties", "territory", "timeline"]].sum(axis=1) == 0]
print(f"\narticles without any fact: {len(no_facts)}")
if len(no_facts):
    show(articles.loc[no_facts.index, ["language", "title"]])

# %% [markdown]
# ## Where: the places on a map
#
# People killed, per place and victim group, after the counting rules (nothing counted twice): the area of a
# marker is the best count, its rings the low and high counts. A place named only as a country ("Syria") is
# not a point on a map: the note under the map counts it. Where places crowd together (the districts of one
# city), an inset shows them enlarged. The outlines are Natural Earth's, shipped with conflictnews (no network).

# %%
ax = cn.plot_map(extraction.casualties)
saved = cn.save_figure(ax, FIGURES / "01_casualties_map", formats=FORMATS)
from conflictnews.maps import map_table

mapped, left_out = map_table(extraction.casualties)
per_place = (mapped.groupby("place").agg(killed=("best", "sum"), incidents=("incidents", "sum"),
                                         precision=("place_precision", "first"))
             .reset_index().sort_values(["killed", "place"], ascending=[False, True]))
print(f"{len(per_place)} places on the map; not drawn (a country, a wider area, or no place): "
      + ", ".join(f"{name} {n:,} killed" for name, n in sorted(left_out["unmapped"].items())))
show(per_place, n=10)

# %% [markdown]
# ## Rejected inputs, with their reasons
#
# File names only (not whole paths), so that this notebook's output does not depend on where the corpus lives.

# %%
def rejected(errors, what):
    print(f"{what}: {len(errors)}")
    if len(errors):
        show(errors.assign(file=errors["path"].map(lambda p: Path(str(p)).name))[["file", "reason"]], n=50)


rejected(corpus.errors, "inputs rejected by read_corpus")
rejected(extraction.errors, "articles on which extract failed")

# %% [markdown]
# The sample corpus is clean, so here is what rejections look like: a scratch folder with an empty file, a
# binary file, a second copy of an article, and a path that does not exist.

# %%
with tempfile.TemporaryDirectory() as scratch:
    scratch = Path(scratch)
    first = sorted(Path(p) for p in articles["path"].dropna())[:1]
    (scratch / "empty.txt").write_bytes(b"")
    (scratch / "image.txt").write_bytes(bytes(range(256)) * 4)
    for path in first:
        (scratch / "a_copy.txt").write_bytes(path.read_bytes())
        (scratch / "b_same_again.txt").write_bytes(path.read_bytes())
    demo = cn.read_corpus([scratch, scratch / "missing_folder"], progress=False)
    errors = demo.errors.assign(reason=demo.errors["reason"].str.replace(str(scratch) + "/", "", regex=False))
print(f"articles read: {len(demo.articles)}")
rejected(errors, "inputs rejected")
