"""The package type-checks with mypy (settings in pyproject.toml)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


def test_mypy() -> None:
    api = pytest.importorskip("mypy.api")
    stdout, stderr, status = api.run(["--config-file", str(ROOT / "pyproject.toml"), str(ROOT / "conflictnews")])
    assert status == 0, stdout + stderr
