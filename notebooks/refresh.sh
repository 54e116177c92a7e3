#!/usr/bin/env bash
# Refresh the notebooks' stored outputs after an intended change, in one go:
#   1. re-sync the py:percent twins (a newer .py wins over its .ipynb, so an edit made in either is kept);
#   2. check that conflictnews reads and extracts the bundled corpus without errors (a half-edited library
#      would otherwise store empty tables as the new truth);
#   3. execute the notebooks into a scratch folder (charts go to figures/), and only when every one of them
#      ran without error, move them over the stored ones;
#   4. sync the twins again.
#
#   notebooks/refresh.sh                  all numbered notebooks (figures/ is emptied first)
#   notebooks/refresh.sh 02_casualties    only these (names with or without .ipynb or .py)
#
# Python: $PYTHON, else the active virtualenv's, else python3 on PATH; it needs conflictnews, nbconvert,
# ipykernel and jupytext. Notebooks run one after the other in one nbconvert process (about 25 s for all five;
# running them in parallel was slower on a two-core machine).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

python="${PYTHON:-}"
if [[ -z "$python" && -n "${VIRTUAL_ENV:-}" ]]; then python="$VIRTUAL_ENV/bin/python"; fi
python="${python:-python3}"
if ! "$python" -c "import conflictnews, nbconvert, nbclient, jupytext, ipykernel" 2>/dev/null; then
    echo "refresh.sh: $python cannot import conflictnews, nbconvert, nbclient, jupytext and ipykernel;" >&2
    echo "            set PYTHON=/path/to/venv/bin/python" >&2
    exit 2
fi
# The kernel ("python3") runs in this same interpreter: jupyter_client starts a kernelspec's "python" as the
# interpreter that runs nbconvert, and this interpreter's folder comes first on PATH for any other case.
PATH="$(dirname "$("$python" -c 'import sys; print(sys.executable)')"):$PATH"
export PATH

names=()
if [[ $# -eq 0 ]]; then
    for py in [0-9][0-9]_*.py; do names+=("${py%.py}"); done
else
    for arg in "$@"; do arg="$(basename "$arg")"; names+=("${arg%.*}"); done
fi
[[ ${#names[@]} -gt 0 ]] || { echo "refresh.sh: no notebooks found in $here" >&2; exit 2; }
for name in "${names[@]}"; do
    [[ -e "$name.py" || -e "$name.ipynb" ]] || { echo "refresh.sh: no notebook $name in $here" >&2; exit 2; }
done

sync() {
    local files=() name
    for name in "${names[@]}"; do
        if [[ -e "$name.py" ]]; then files+=("$name.py"); else files+=("$name.ipynb"); fi
    done
    "$python" -m jupytext --sync --quiet "${files[@]}"
}

start=$SECONDS
sync

"$python" - <<'PY'
import sys

import conflictnews as cn

corpus = cn.read_corpus("../data/articles", progress=False)
extraction = cn.extract(corpus, progress=False)
problems = [f"{path}: {reason}" for path, reason in zip(corpus.errors["path"], corpus.errors["reason"])]
problems += list(extraction.errors["reason"])
if problems or extraction.casualties.empty:
    sys.exit(f"refresh.sh: conflictnews fails on the bundled corpus ({len(problems)} errors"
             + (f"; first: {problems[0]}" if problems else "; no casualties found") + "); nothing refreshed")
PY

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
[[ $# -eq 0 ]] && rm -rf figures
notebooks=()
for name in "${names[@]}"; do notebooks+=("$name.ipynb"); done
if ! "$python" -m nbconvert --to notebook --execute --output-dir "$scratch" --log-level=WARN \
        --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
        --ExecutePreprocessor.record_timing=False "${notebooks[@]}"; then
    echo "refresh.sh: a notebook failed (see above); no stored output was changed" >&2
    exit 1
fi
for name in "${names[@]}"; do mv "$scratch/$name.ipynb" "$name.ipynb"; done
sync
echo "refreshed ${#names[@]} notebook(s) in $((SECONDS - start)) s: ${names[*]}"
echo "check from the repository root: $python -m pytest -p no:python --nbval notebooks/"
