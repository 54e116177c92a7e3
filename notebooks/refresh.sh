#!/usr/bin/env bash
# Refresh the notebooks' stored outputs after an intended change: re-sync the py:percent twins (a newer
# .py wins over its .ipynb, so an edit made in either is kept), execute every notebook in place (outputs and
# the charts in figures/), then sync the twins again.
#
#   notebooks/refresh.sh                 all numbered notebooks (figures/ is emptied first)
#   notebooks/refresh.sh 02_casualties   only these (names with or without .ipynb/.py)
#
# The Python used is $PYTHON, else the active virtualenv's, else python3 on PATH; it needs conflictnews,
# nbconvert and jupytext (pip install -e '.[dev]' jupyterlab). $JOBS notebooks run at once (default: CPUs).
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
# The kernel ("python3") is started with this same interpreter: jupyter_client runs a kernelspec's
# "python" as the interpreter that runs nbconvert; putting it first on PATH covers other kernelspecs.
PATH="$(dirname "$("$python" -c 'import sys; print(sys.executable)')"):$PATH"
export PATH

names=()
if [[ $# -eq 0 ]]; then
    for py in [0-9][0-9]_*.py; do names+=("${py%.py}"); done
    rm -rf figures
else
    for arg in "$@"; do arg="$(basename "$arg")"; names+=("${arg%.*}"); done
fi
[[ ${#names[@]} -gt 0 ]] || { echo "refresh.sh: no notebooks found in $here" >&2; exit 2; }

sync() {
    for name in "${names[@]}"; do
        if [[ -e "$name.py" ]]; then "$python" -m jupytext --sync --quiet "$name.py"
        else "$python" -m jupytext --sync --quiet "$name.ipynb"; fi
    done
}

sync
jobs="${JOBS:-$("$python" -c 'import os; print(os.cpu_count() or 1)')}"
start=$SECONDS
printf '%s.ipynb\0' "${names[@]}" | xargs -0 -n 1 -P "$jobs" \
    "$python" -m nbconvert --to notebook --execute --inplace --log-level=WARN \
    --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=600 \
    --ExecutePreprocessor.record_timing=False \
    || { echo "refresh.sh: a notebook failed (see above); its stored outputs were left as they were" >&2; exit 1; }
sync
echo "refreshed ${#names[@]} notebook(s) in $((SECONDS - start)) s: ${names[*]}"
echo "check: $python -m pytest -p no:python --nbval notebooks/   (from the repository root)"
