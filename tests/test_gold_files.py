"""The gold files are valid: JSON Lines with every field present and known values (``tools/check_gold.py``)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

GOLD = ROOT / "tests" / "gold"


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "tools" / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["seed.jsonl", "dev_nl.jsonl", "dev_en.jsonl"])
def test_gold_file_is_valid(name: str) -> None:
    assert _checker().check_file(GOLD / name) == []


def _one_article(tmp_path: Path, **changes: object) -> list[str]:
    line = json.loads((GOLD / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])
    fact = line["casualties"][2]
    for key, value in changes.items():
        if key in line:
            line[key] = value
        else:
            fact[key] = value
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    faults: list[str] = _checker().check_file(path)
    return faults


@pytest.mark.parametrize("changes, fault", [
    ({"period_start": "2018-04-25", "period_end": "2018-04-20"}, "after period_end"),
    ({"period_start": "2018-05-01", "period_end": "2018-05-02"}, "after publication"),
    ({"period_start": "24 April"}, "not an ISO date"),
    ({"date_precision": None}, "without date_precision"),
    ({"perpetrator": "gunmen", "perpetrator_group": None}, "given together"),
    ({"certainty": "probable"}, "certainty"),
    ({"published_precision": "day"}, "does not match precision"),
])
def test_checker_finds_faults(tmp_path: Path, changes: dict[str, object], fault: str) -> None:
    faults = _one_article(tmp_path, **changes)
    assert any(fault in message for message in faults), faults
