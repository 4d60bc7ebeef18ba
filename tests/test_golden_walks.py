"""Golden walks: one recorded answers file per outcome of the built-in trees, replayed to its expected
outcome and key steps, in order. Together they reach every outcome.

`expect.steps_include` pins texts among the outcome's own steps in order (a conditional group reads as its
condition, then its steps); `expect.sections`, where given, is exactly the sections shown, in order, and
`expect.sections_include` pins texts inside a section in order; `expect.blocks_not_used` lists shared blocks
that do not fit there (such as a question the walk has already answered)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wallet_doctor.engine import drive
from wallet_doctor.model import Catalog, Outcome, ResolvedConditional
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
    expect = walk_file["expect"]
    assert_in_order(expect.get("steps_include", []), step_texts(builtin, walk.outcome), "steps")
    shown = {name: [r.text.get("en") for r in builtin.expand(items)] for name, items in walk.outcome.sections}
    if "sections" in expect:
        assert [name for name, texts in shown.items() if texts] == expect["sections"]
    for name, wanted in expect.get("sections_include", {}).items():
        assert_in_order(wanted, shown[name], f"section '{name}'")
    used = {r.source for r in builtin.expand(walk.outcome.items())}
    assert sorted(used & set(expect.get("blocks_not_used", []))) == []


def step_texts(catalog: Catalog, outcome: Outcome) -> list[str]:
    texts: list[str] = []
    for step in catalog.steps(outcome):
        if isinstance(step, ResolvedConditional):
            texts += [step.condition.get("en"), *(s.text.get("en") for s in step.steps)]
        else:
            texts.append(step.text.get("en"))
    return texts


def assert_in_order(wanted: list[str], texts: list[str], where: str) -> None:
    position = 0
    for text in wanted:
        found = next((i for i in range(position, len(texts)) if text.lower() in texts[i].lower()), None)
        assert found is not None, f"'{text}' is not among the {where} after item {position + 1}: {texts}"
        position = found


def test_every_outcome_is_reached_by_a_golden_walk(builtin: Catalog) -> None:
    reached = {read_walk(path)["expect"]["outcome"] for path in WALK_FILES}
    outcomes = {o.id for tree in builtin.trees.values() for o in tree.outcomes}

    assert sorted(outcomes - reached) == []
