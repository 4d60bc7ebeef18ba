"""Golden walks: one recorded answers file per outcome of the built-in trees, replayed to its expected
outcome and key steps, in order, by the same core `wallet-doctor test` uses (wallet_doctor/walks.py, where
the format is described). Together they reach every outcome."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet_doctor.model import Catalog
from wallet_doctor.sources import open_catalog
from wallet_doctor.walks import run_walk, without_walk

WALKS = Path(__file__).resolve().parent / "walks"
WALK_FILES = sorted(WALKS.rglob("*.yaml"))


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return open_catalog()


@pytest.mark.parametrize("path", WALK_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_walk_reaches_its_outcome_with_its_key_steps_in_order(builtin: Catalog, path: Path) -> None:
    result = run_walk(builtin, path)

    assert result.failures == ()
    assert result.reached == result.expected is not None


def test_every_outcome_is_reached_by_a_golden_walk(builtin: Catalog) -> None:
    assert without_walk(builtin, [run_walk(builtin, path) for path in WALK_FILES]) == []
