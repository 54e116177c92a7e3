"""pytest settings for the notebooks: they are tested by nbval, cell by cell, against their stored outputs.

Run from the repository root::

    pytest -p no:python --nbval notebooks/

The defaults below make that strict run compare outputs with ``notebooks/sanitize.cfg`` applied and run the
kernel in the Python environment that runs pytest (so the installed ``conflictnews`` is the one tested).
Explicit ``--nbval-sanitize-with`` or ``--nbval-kernel-name`` options win.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

# The py:percent twins (01_corpus_overview.py, ...) are notebooks, not modules: collecting them with
# --doctest-modules would import them, and so run every notebook outside a kernel.
collect_ignore_glob = ["*.py"]


def pytest_configure(config: pytest.Config) -> None:
    option = config.option
    if not (getattr(option, "nbval", False) or getattr(option, "nbval_lax", False)):
        return
    if getattr(option, "nbval_sanitize_with", None) is None:
        option.nbval_sanitize_with = str(HERE / "sanitize.cfg")
    if not getattr(option, "nbval_kernel_name", None):
        option.nbval_current_env = True
