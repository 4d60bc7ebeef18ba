"""The outcome-shape rules counted as a reader sees the outcome: a shared block used as a step counts each of
its items, a conditional group counts as one step of the outcome and holds at most 8 of its own."""

from __future__ import annotations

from pathlib import Path

from wallet_doctor.loader import load_catalog
from wallet_doctor.outcome_rules import outcome_shape

TREE = """\
tree: t
version: 1
title: {zh-CN: 标题, en: Title}
summary: {zh-CN: 摘要, en: Summary}
start: done
nodes:
  done:
    kind: outcome
    title: {zh-CN: 结果, en: Result}
    severity: low
    summary: {zh-CN: 摘要, en: Summary}
    steps:
STEPS"""
SHARED = """\
shared:
  five:
""" + "".join(f"    - text: {{zh-CN: 共享{i}, en: Shared {i}}}\n" for i in range(1, 6))


def own(count: int, indent: int = 6, first: int = 1) -> str:
    return "".join(f"{' ' * indent}- text: {{zh-CN: 第{i}步, en: Step {i}}}\n" for i in range(first, first + count))


def shape(tmp_path: Path, steps: str) -> list[str]:
    (tmp_path / "t.yaml").write_text(TREE.replace("STEPS", steps), encoding="utf-8")
    (tmp_path / "shared.yaml").write_text(SHARED, encoding="utf-8")
    catalog, problems = load_catalog([tmp_path])
    assert problems == []
    return [f"{p.line}: {p.message}" for p in outcome_shape(catalog)]


def test_a_shared_block_used_as_a_step_counts_each_of_its_items(tmp_path: Path) -> None:
    steps = own(3) + "      - use: five\n" + own(1, first=4)

    assert shape(tmp_path, steps) == [
        "17: The outcome has 9 steps of its own; at most 8 (a conditional group counts as one)."
    ]


def test_a_conditional_group_counts_as_one_step_and_may_hold_eight(tmp_path: Path) -> None:
    group = "      - if: {zh-CN: 如果钱已经转出, en: If the money has left}\n        steps:\n" + own(8, 10, 100)

    assert shape(tmp_path, own(7) + group) == []
    assert shape(tmp_path, own(8) + group) == [
        "21: The outcome has 9 steps of its own; at most 8 (a conditional group counts as one)."
    ]
