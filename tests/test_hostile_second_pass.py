"""Issue 12, the second hostile pass: each test here failed before its fix. Trees, caches, command-line input,
output and signals that once crashed, hung, ran out of memory or said the wrong thing."""

from __future__ import annotations

import time
from pathlib import Path

TREE = """tree: t
version: 1
title: {{zh-CN: 标题, en: Title}}
summary: {{zh-CN: 摘要, en: Summary}}
start: q
nodes:
  q:
    kind: question
    text: {{zh-CN: 问题, en: Question}}
    help: {{zh-CN: 帮助, en: Help}}
    choices:
      - {{id: a, label: {{zh-CN: 甲, en: A}}, next: done}}
      - {{id: b, label: {{zh-CN: 乙, en: B}}, next: done}}
  done:
    kind: outcome
    title: {{zh-CN: 结果, en: Result}}
    severity: low
    summary: {{zh-CN: 摘要, en: Summary}}
    steps:
{steps}
"""


def _tree(folder: Path, steps: list[str], shared: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t.yaml").write_text(TREE.format(steps="\n".join(f"      - {s}" for s in steps)), encoding="utf-8")
    if shared is not None:
        (folder / "shared.yaml").write_text(shared, encoding="utf-8")
    return folder


def _bomb(levels: int) -> str:
    lines = ["shared:", "  bl_0:", "    - text: {zh-CN: 步骤, en: Step}"]
    for i in range(1, levels + 1):
        lines += [f"  bl_{i}:", f"    - use: bl_{i - 1}", f"    - use: bl_{i - 1}"]
    return "\n".join(lines) + "\n"


def test_a_shared_block_bomb_used_by_an_outcome_is_refused_at_once_by_run_and_validate(cli, tmp_path: Path) -> None:
    folder = _tree(tmp_path / "trees", ["use: bl_40"], _bomb(40))  # 2**40 items once expanded
    started = time.monotonic()

    run = cli("run", "t", "-a", "q=a", "--trees", str(folder), "--no-builtin", "--format", "json")
    check = cli("validate", str(folder))

    assert time.monotonic() - started < 10
    assert run.exit_code == check.exit_code == 4
    message = (
        f"{folder / 'shared.yaml'}:31: error: Shared block 'bl_10' expands to more than 1,000 items: every `use` "
        "copies the whole block it names. Fix: Use blocks inside one another less often; an outcome lists the "
        "few steps a person will follow."
    )
    assert check.stdout.splitlines() == [message]
    assert message in run.stderr


def test_an_outcome_too_large_by_itself_is_refused_where_it_is_written(cli, tmp_path: Path) -> None:
    block = "shared:\n  many:\n" + "".join(f"    - text: {{zh-CN: 步骤{i}, en: Step {i}}}\n" for i in range(400))
    folder = _tree(tmp_path / "trees", ["use: many", "use: many", "use: many"], block)

    result = cli("validate", str(folder))

    assert result.exit_code == 4
    assert result.stdout.splitlines() == [
        f"{folder / 't.yaml'}:15: error: node 'done': The outcome expands to more than 1,000 items: every `use` "
        "copies the whole block it names. Fix: Use blocks inside one another less often; an outcome lists the "
        "few steps a person will follow."
    ]
