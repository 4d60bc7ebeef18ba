"""A jump may land on a node of the tree it names, so a walk never asks again what the user just said;
validation refuses a landing that does not exist or is itself a jump."""

from __future__ import annotations

from pathlib import Path

import pytest

from wallet_doctor.loader import load_catalog
from wallet_doctor.validation import validate

HEAD = "version: 1\ntitle: {zh-CN: 标题, en: Title}\nsummary: {zh-CN: 摘要, en: Summary}\n"
OUTCOME = (
    "    kind: outcome\n    title: {zh-CN: 结果, en: Result}\n    severity: low\n"
    "    summary: {zh-CN: 摘要, en: Summary}\n    steps:\n      - text: {zh-CN: 步骤, en: Step}\n"
)


def question(node: str, *targets: str) -> str:
    choices = "".join(
        f"      - {{id: c{i}, label: {{zh-CN: 选{i}, en: Choice {i}}}, next: {t}}}\n" for i, t in enumerate(targets)
    )
    return (
        f"  {node}:\n    kind: question\n    text: {{zh-CN: 问题, en: Question}}\n"
        f"    help: {{zh-CN: 帮助, en: Help}}\n    choices:\n{choices}"
    )


def two_trees(tmp_path: Path, jump: str, target_nodes: str) -> Path:
    (tmp_path / "a.yaml").write_text(
        f"tree: a\n{HEAD}start: a_q\nnodes:\n{question('a_q', 'a_done', 'a_go')}  a_done:\n{OUTCOME}"
        f"  a_go:\n    kind: jump\n    tree: b\n{jump}",
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(f"tree: b\n{HEAD}start: b_q\nnodes:\n{target_nodes}", encoding="utf-8")
    return tmp_path


def problems(folder: Path) -> list[str]:
    catalog, found = load_catalog([folder])
    return [str(p).replace(str(folder) + "/", "") for p in [*found, *validate(catalog)]]


@pytest.fixture
def b_nodes() -> str:
    return f"{question('b_q', 'b_first', 'b_more')}{question('b_more', 'b_first', 'b_second')}" + "".join(
        f"  {n}:\n{OUTCOME}" for n in ("b_first", "b_second")
    )


def test_a_landing_on_a_question_of_the_target_tree_is_valid(tmp_path: Path, b_nodes: str) -> None:
    assert problems(two_trees(tmp_path, "    node: b_more\n", b_nodes)) == []


def test_a_node_reached_only_through_a_landing_is_not_called_unreachable(tmp_path: Path) -> None:
    nodes = f"{question('b_q', 'b_first', 'b_first')}{question('b_side', 'b_first', 'b_first')}  b_first:\n{OUTCOME}"

    assert problems(two_trees(tmp_path, "    node: b_side\n", nodes)) == []


def test_a_landing_that_does_not_exist_is_refused_with_the_fix(tmp_path: Path, b_nodes: str) -> None:
    assert problems(two_trees(tmp_path, "    node: b_mroe\n", b_nodes)) == [
        "a.yaml:22: error WD304: node 'a_go': The jump lands on 'b_mroe', which is not a node of tree 'b'. "
        "Fix: Name a question or outcome of tree 'b' in `node:`, or leave `node:` out to start at 'b_q'."
    ]


def test_a_landing_on_another_jump_is_refused(tmp_path: Path) -> None:
    nodes = f"{question('b_q', 'b_first', 'b_on')}  b_first:\n{OUTCOME}  b_on:\n    kind: jump\n    tree: c\n"
    (tmp_path / "c.yaml").write_text(f"tree: c\n{HEAD}start: c_done\nnodes:\n  c_done:\n{OUTCOME}", encoding="utf-8")

    assert problems(two_trees(tmp_path, "    node: b_on\n", nodes)) == [
        "a.yaml:22: error WD305: node 'a_go': The jump lands on 'b_on', which is itself a jump. "
        "Fix: Land on where that jump leads (tree 'c'), or on a question of tree 'b'."
    ]


def test_a_landing_that_is_not_an_id_is_refused_where_it_is_written(tmp_path: Path, b_nodes: str) -> None:
    found = problems(two_trees(tmp_path, "    node: B More\n", b_nodes))

    assert found[0].startswith("a.yaml:24: error WD208: node 'a_go': The jump landing node 'B More' is not a valid id.")
