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
# # 5. Accuracy: the package's figures against a human coder's
#
# **Question.** How many of the casualty figures and territorial claims that a careful human coder reads in the
# articles does the package find (recall), how many of the package's findings are right (precision), how often
# does it put the dead in the right victim group, and what does it miss or invent?
#
# `evaluate_gold` scores the extractors against a gold file (one JSON line per article, see
# `docs/annotation.md`): casualties match on (headline or body, outcome, count); territory on (place, status),
# and on (actor, place, status). The bundled sample corpus comes with its gold annotations,
# `../data/gold.jsonl`. To score your own corpus, point `CORPUS` and `GOLD` in the next cell at your articles
# and your gold file.

# %% tags=["parameters"]
CORPUS = "../data/articles"  # the bundled sample corpus; put your own folder here
GOLD = "../data/gold.jsonl"  # the gold annotations of the articles in CORPUS

# %%
# %matplotlib inline
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import conflictnews as cn
from conflictnews.evaluate import load_gold
from conflictnews.plots import add_source_note, report_style

FIGURES = Path("figures")  # every chart is written here
FORMATS = ("png", "svg")  # add "pdf" for print


def show(table, n=20, width=60):
    """Print up to ``n`` rows as plain text (stable across pandas versions)."""
    print(cn.format_table(table, rows=n, width=width))


# %% [markdown]
# ## The scores

# %%
score = cn.evaluate_gold(GOLD, corpus=CORPUS)
print(score.summary())

# %%
measures = {"casualties (outcome, count)": score.casualties, "territory (place, status)": score.territory,
            "territory (actor, place, status)": score.territory_with_actor}
scores = pd.DataFrame([{"facts": name, "gold": int(s["gold"]), "found": int(s["found"]),
                        "matched": int(s["matched"]), "precision": f"{s['precision']:.3f}",
                        "recall": f"{s['recall']:.3f}", "F1": f"{s['f1']:.3f}"} for name, s in measures.items()])
show(scores)
accuracy = score.victim_group_accuracy
print(f"\nvictim group right on matched casualty facts: "
      f"{'n/a' if accuracy is None else format(accuracy, '.3f')}")

# %%
with report_style():
    fig, ax = plt.subplots(figsize=(9, 4.5), layout="constrained")
    positions = np.arange(len(measures))
    for i, (key, hatch) in enumerate(zip(["precision", "recall", "f1"], ["", "//", ".."])):
        values = [s[key] for s in measures.values()]
        bars = ax.bar(positions + (i - 1) * 0.27, values, width=0.27, hatch=hatch, edgecolor="0.3",
                      label="F1" if key == "f1" else key)
        ax.bar_label(bars, labels=[f"{v:.2f}" for v in values], fontsize=8, padding=2)
    ax.set_xticks(positions, list(measures))
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("score (0 to 1)")
    ax.set_title("Extractors against the gold annotations")
    ax.legend(loc="upper right", ncols=3)
    add_source_note(ax, f"Source: {score.files} articles with gold annotations; conflictnews")
saved = cn.save_figure(fig, FIGURES / "05_accuracy", formats=FORMATS)

# %% [markdown]
# ## Per language
#
# The same misses, split by the language of the article (from the gold file).

# %%
gold = load_gold(GOLD)
language = {row["file"]: row.get("language", "") for row in gold}
misses = pd.DataFrame(score.misses, columns=["file", "kind", "from_title", "outcome", "count", "sentence", "times"])
misses["language"] = misses["file"].map(language)
gold_facts = pd.DataFrame([{"language": row.get("language", ""), "gold": len(row.get("casualties", []))}
                           for row in gold]).groupby("language")["gold"].sum()
per_language = (misses.pivot_table(index="language", columns="kind", values="times", aggfunc="sum", fill_value=0)
                .reindex(columns=["missed", "spurious"], fill_value=0).reindex(gold_facts.index, fill_value=0))
per_language.insert(0, "gold casualty facts", gold_facts)
per_language["recall"] = [f"{1 - m / g:.3f}" if g else "n/a"
                          for m, g in zip(per_language["missed"], per_language["gold casualty facts"])]
show(per_language.rename_axis(columns=None).reset_index())

# %% [markdown]
# ## What it missed
#
# Casualty facts in the gold file that the package did not find with the same outcome and count (a fact found
# with a wrong count counts as one miss and one spurious finding). Gold files hold facts, not text, so a miss has
# no sentence; the spurious findings below show theirs.

# %%
missed = misses[misses["kind"] == "missed"]
print(f"missed: {int(missed['times'].sum())} facts in {missed['file'].nunique()} articles")
show(missed.groupby("outcome")["times"].sum().rename("missed").reset_index())
show(missed.sort_values(["file", "from_title", "outcome", "count"])[["file", "from_title", "outcome", "count",
                                                                      "times"]], n=25)

# %% [markdown]
# The evidence for the misses: the package's own reports of the same number in the same article, with the sentence
# each was read from. A miss with such a report was read with another outcome (or from the body rather than the
# headline); a miss without one was not read as a number of people at all.

# %%
corpus = cn.read_corpus(CORPUS, progress=False)
extraction = cn.extract(corpus, progress=False)
file_of = dict(zip(corpus.articles["article_id"], corpus.articles["path"].map(lambda p: Path(str(p)).name)))
read = (extraction.casualties.assign(file=extraction.casualties["article_id"].map(file_of))
        .rename(columns={"count_best": "count", "outcome": "read as", "from_title": "read in title"}))
evidence = missed.drop(columns="sentence").merge(read[["file", "count", "read as", "read in title", "sentence"]],
                                               on=["file", "count"], how="left")
not_read = evidence[evidence["read as"].isna()]
print(f"misses read otherwise: {evidence.loc[evidence['read as'].notna(), ['file', 'count']].drop_duplicates().shape[0]}, "
      f"not read at all: {len(not_read)}")
show(evidence[evidence["read as"].notna()].sort_values(["file", "count"])[
    ["file", "outcome", "from_title", "count", "read as", "read in title", "sentence"]], n=25, width=90)

# %% [markdown]
# ## What it found that the coder did not
#
# Spurious findings, with the sentence each was read from: often a number that is not a casualty figure, or a
# figure read with the wrong outcome.

# %%
spurious = misses[misses["kind"] == "spurious"]
print(f"spurious: {int(spurious['times'].sum())} findings in {spurious['file'].nunique()} articles")
show(spurious.sort_values(["file", "from_title", "outcome", "count"])[["file", "outcome", "count", "sentence"]],
     n=25, width=100)

# %% [markdown]
# ## The articles with the most misses

# %%
per_file = (misses.pivot_table(index="file", columns="kind", values="times", aggfunc="sum", fill_value=0)
            .reindex(columns=["missed", "spurious"], fill_value=0))
per_file["total"] = per_file.sum(axis=1)
show(per_file.sort_values(["total", "file"], ascending=[False, True]).rename_axis(columns=None).reset_index(),
     n=10)

# %% [markdown]
# ## The development gold of the real corpus
#
# The dev gold for real articles (`tests/gold/dev_nl.jsonl`, `dev_en.jsonl`) names texts that live outside the
# repository (`../shared/corpus`), so it is not scored here: this notebook's stored outputs must be the same
# on every machine. Where those texts are present, score them from the repository root with
#
# ```
# conflictnews evaluate tests/gold/dev_nl.jsonl --corpus ../shared/corpus
# conflictnews evaluate tests/gold/dev_en.jsonl --corpus ../shared/corpus
# ```
#
# or set `GOLD` and `CORPUS` above to those paths and rerun this notebook (without committing its outputs).
