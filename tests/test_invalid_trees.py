"""Each broken tree in tests/trees/invalid has one fault and states, in its `# expect:` lines, the whole
messages `wallet-doctor validate` must print for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import INVALID, REPO

FIXTURES = sorted(p for p in INVALID.glob("*.yaml"))


def expected_lines(path: Path) -> list[str]:
    relative = str(path.relative_to(REPO))
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [ln.removeprefix("# expect: ").replace("{file}", relative) for ln in lines if ln.startswith("# expect: ")]


def test_the_corpus_covers_every_fault_the_validator_knows() -> None:
    assert len(FIXTURES) >= 30


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_validate_prints_the_expected_message(cli, path: Path) -> None:
    result = cli("validate", str(path.relative_to(REPO)))

    expected = expected_lines(path)
    assert result.stdout.splitlines() == expected
    has_error = any(": error: " in line for line in expected)
    assert result.exit_code == (4 if has_error else 0)
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "path", [p for p in FIXTURES if any(": error: " in ln for ln in expected_lines(p))], ids=lambda p: p.stem
)
def test_run_refuses_a_broken_tree_with_the_same_message(cli, tmp_path: Path, path: Path) -> None:
    folder = tmp_path / "trees"
    folder.mkdir()
    (folder / path.name).write_bytes(path.read_bytes())

    result = cli("run", "t", "--trees", str(folder), "--no-builtin", "--format", "json")

    assert result.exit_code == 4
    assert result.stdout == ""
    error_messages = [ln.split(": error: ", 1)[1] for ln in expected_lines(path) if ": error: " in ln]
    for message in error_messages:
        assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_warnings_fail_validation_only_when_strict(cli) -> None:
    path = str((INVALID / "unreachable_node.yaml").relative_to(REPO))

    assert cli("validate", path).exit_code == 0
    assert cli("validate", path, "--strict").exit_code == 4


def test_node_ids_are_unique_across_trees(cli) -> None:
    result = cli("validate", "tests/trees/invalid/duplicate_node_id_across_trees")

    folder = "tests/trees/invalid/duplicate_node_id_across_trees"
    assert result.stdout.splitlines() == [
        f"{folder}/b.yaml:8: error: node 'q': The node id 'q' is also used in tree 't' at {folder}/a.yaml:8. "
        "Fix: Node ids are unique across all trees: prefix them with the tree's name.",
        f"{folder}/b.yaml:15: error: node 'done': The node id 'done' is also used in tree 't' at {folder}/a.yaml:15. "
        "Fix: Node ids are unique across all trees: prefix them with the tree's name.",
    ]
    assert result.exit_code == 4


def test_validate_reports_every_error_of_a_file_not_just_the_first(cli, tmp_path: Path) -> None:
    tree = (INVALID / "missing_english.yaml").read_text(encoding="utf-8")
    tree = tree.replace("severity: low", "severity: severe").replace("next: done}\n", "next: gone}\n", 1)
    (tmp_path / "t.yaml").write_text(tree, encoding="utf-8")

    lines = cli("validate", str(tmp_path / "t.yaml")).stdout.splitlines()

    assert [ln.split(": error: ", 1)[1].split(" Fix:")[0] for ln in lines] == [
        "node 'q': 'text' has no en text.",
        "node 'q': Choice 'a' leads to 'gone', which does not exist.",
        "node 'done': Unknown severity 'severe'.",
    ]


def test_validate_json_lists_problems_with_their_location(cli) -> None:
    code, data = cli.json("validate", "tests/trees/invalid/dangling_next.yaml")

    assert code == 4
    assert data["valid"] is False
    assert data["problems"] == [
        {
            "file": "tests/trees/invalid/dangling_next.yaml",
            "line": 14,
            "severity": "error",
            "node": "q",
            "message": "Choice 'b' leads to 'gone', which does not exist.",
            "fix": "Point `next` at a node of tree 't', or add node 'gone'.",
        }
    ]


def test_a_shared_block_is_used_once_per_outcome_and_no_text_is_said_twice(cli) -> None:
    folder = "tests/trees/invalid/block_used_twice"
    result = cli("validate", folder)

    assert result.stdout.splitlines() == [
        f"{folder}/t.yaml:22: error: node 'done': The shared block 'call_bank' is used twice in this outcome "
        "(first at line 20). Fix: Use it once: as a step, or in one section.",
        f"{folder}/t.yaml:33: error: node 'other': The text 'Keep the evidence.' is said twice in this outcome "
        "(first at line 31, from shared block 'call_bank'). Fix: Say it once: delete one, or keep it in the one "
        "place it fits.",
    ]
    assert result.exit_code == 4


def test_an_outcome_with_too_many_steps_is_an_error(cli) -> None:
    result = cli("validate", "tests/trees/invalid/too_many_steps.yaml")

    assert result.stdout.splitlines() == [
        "tests/trees/invalid/too_many_steps.yaml:29: error: node 'done': The outcome has 9 steps of its own; at most 8 "
        "(a conditional group counts as one). Fix: Keep in `steps` what to do now; move support, evidence, "
        "escalation and prevention to `contact`, `prepare`, `escalate` or `later`."
    ]
    assert result.exit_code == 4
