"""Golden walks: one recorded answers file per outcome of the built-in trees, replayed to its expected
outcome and key steps, in order. Together they reach every outcome."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wallet_doctor.engine import drive
from wallet_doctor.model import Catalog
from wallet_doctor.sources import open_catalog
from wallet_doctor.yaml_safe import compose, to_plain

WALKS = Path(__file__).resolve().parent / "walks"
WALK_FILES = sorted(WALKS.rglob("*.yaml"))


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return open_catalog()


def read_walk(path: Path) -> dict[str, Any]:
    root, problems = compose(path.read_bytes(), str(path))
    assert root is not None and not problems, problems
    data = to_plain(root)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("path", WALK_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_walk_reaches_its_outcome_with_its_key_steps_in_order(builtin: Catalog, path: Path) -> None:
    walk_file = read_walk(path)
    answers = {str(k): str(v) for k, v in walk_file["answers"].items()}

    walk = drive(builtin, walk_file["tree"], answers)

    assert walk.outcome is not None, f"stopped at question {walk.question.id if walk.question else None}"
    assert walk.outcome.id == walk_file["expect"]["outcome"]
    assert walk.as_answers() == answers, "every recorded answer is asked, in this order"
    steps = [item.text.get("en") for item in builtin.expand(walk.outcome.steps)]
    position = 0
    for wanted in walk_file["expect"].get("steps_include", []):
        found = next((i for i in range(position, len(steps)) if wanted.lower() in steps[i].lower()), None)
        assert found is not None, f"'{wanted}' is not among the steps after step {position + 1}: {steps}"
        position = found


def test_every_outcome_is_reached_by_a_golden_walk(builtin: Catalog) -> None:
    reached = {read_walk(path)["expect"]["outcome"] for path in WALK_FILES}
    outcomes = {o.id for tree in builtin.trees.values() for o in tree.outcomes}

    assert sorted(outcomes - reached) == []
