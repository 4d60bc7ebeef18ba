"""Each broken tree in tests/trees/invalid has one fault and states, in its `# expect:` lines, the whole
messages `wallet-doctor validate` must print for it; a folder there is one case, each of its files stating
its own messages. Every problem code has such a case, so no rule can be deleted unnoticed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import INVALID, REPO
from wallet_doctor.codes import RULES, UNKNOWN, code_for

FIXTURES = sorted(p for p in INVALID.iterdir() if p.suffix == ".yaml" or p.is_dir())
MESSAGE = re.compile(r"[^ ]+: (error|warning) (WD[0-9]{3}): (?:node '[a-z0-9_]+': )?(.*?) Fix: ")

# Codes that cannot have a fixture file, each with the test that holds its whole message instead.
WITHOUT_FIXTURE = {
    "WD101": "tests/test_invalid_trees.py::test_a_tree_file_that_cannot_be_read_is_reported",  # a race, or chmod
    "WD102": "tests/test_reliability.py::test_a_50_mb_tree_is_refused_by_validate_and_run",  # 5 MB in the repository
    "WD114": "",  # libyaml raises a marked error (WD105) for every YAML fault known: not reachable
}


def expected_lines(path: Path) -> list[str]:
    """The `# expect:` lines of a fixture file, or of every file of a fixture folder in file order."""
    if path.is_dir():
        return [line for file in sorted(path.glob("*.yaml")) for line in expected_lines(file)]
    relative = str(path.relative_to(REPO))
    lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    return [ln.removeprefix("# expect: ").replace("{file}", relative) for ln in lines if ln.startswith("# expect: ")]


def test_the_corpus_covers_every_fault_the_validator_knows() -> None:
    assert len(FIXTURES) >= 30


def test_every_code_has_a_fixture_with_its_whole_message() -> None:
    covered = {MESSAGE.match(line).group(2) for path in FIXTURES for line in expected_lines(path)}  # type: ignore[union-attr]

    assert sorted({rule.code for rule in RULES} - covered - WITHOUT_FIXTURE.keys()) == []
    assert sorted(covered & WITHOUT_FIXTURE.keys()) == []  # a code with a fixture needs no exemption


def test_each_code_without_a_fixture_names_the_test_that_holds_its_message() -> None:
    for test in filter(None, WITHOUT_FIXTURE.values()):
        file, name = test.split("::")
        assert f"def {name}(" in (REPO / file).read_text(encoding="utf-8"), test


def test_a_tree_file_that_cannot_be_read_is_reported(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = tmp_path / "t.yaml"
    tree.write_bytes((INVALID / "dangling_next.yaml").read_bytes())
    real_open = Path.open

    def refused(self: Path, *args, **kwargs):  # chmod 000 does not stop root, who may run the tests
        if self.name == "t.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    result = cli("validate", str(tree), "--no-builtin")

    assert result.stdout.splitlines() == [
        f"{tree}: error WD101: Cannot read the file: Permission denied. Fix: Check that it exists and is readable."
    ]
    assert result.exit_code == 4


def test_each_expected_message_has_the_one_code_it_shows() -> None:
    for path in FIXTURES:
        for line in expected_lines(path):
            match = MESSAGE.match(line)
            assert match is not None, line
            message = match.group(3)
            matching = [rule.code for rule in RULES if re.fullmatch(rule.pattern, message, re.DOTALL)]
            assert matching == [match.group(2)], line
            assert code_for(message) != UNKNOWN


def test_the_codes_in_the_tree_format_document_are_current() -> None:
    from tests import codes_doc

    assert codes_doc.DOC.read_text(encoding="utf-8") == codes_doc.current(), "run: python -m tests.codes_doc"
    for rule in RULES:
        assert f"| {rule.code} | {rule.title}" in codes_doc.DOC.read_text(encoding="utf-8")


def test_a_value_quoted_in_a_message_does_not_change_its_code() -> None:
    assert code_for("Unknown node kind 'x should be a mapping, not 'y'.") == "WD209"
    assert code_for("Unknown key 'a' in 'text' should be a list, not a list.") == "WD207"
    assert code_for("Something no rule knows.") == UNKNOWN


def test_codes_are_unique_and_in_their_groups() -> None:
    codes = [rule.code for rule in RULES]

    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"WD[1-4][0-9]{2}", code) for code in codes)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_validate_prints_the_expected_message(cli, path: Path) -> None:
    result = cli("validate", str(path.relative_to(REPO)), "--no-builtin")

    expected = expected_lines(path)
    assert expected
    assert result.stdout.splitlines() == expected
    has_error = any(MESSAGE.match(line).group(1) == "error" for line in expected)  # type: ignore[union-attr]
    assert result.exit_code == (4 if has_error else 0)
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "path",
    [p for p in FIXTURES if p.is_file() and any(" error WD" in ln for ln in expected_lines(p))],
    ids=lambda p: p.stem,
)
def test_run_refuses_a_broken_tree_with_the_same_message(cli, tmp_path: Path, path: Path) -> None:
    folder = tmp_path / "trees"
    folder.mkdir()
    (folder / path.name).write_bytes(path.read_bytes())

    result = cli("run", "t", "--trees", str(folder), "--no-builtin", "--format", "json")

    assert result.exit_code == 4
    assert result.stdout == ""
    error_messages = [ln.split(": ", 2)[2] for ln in expected_lines(path) if " error WD" in ln]
    for message in error_messages:
        assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_warnings_fail_validation_only_when_strict(cli) -> None:
    path = str((INVALID / "unreachable_node.yaml").relative_to(REPO))

    assert cli("validate", path, "--no-builtin").exit_code == 0
    assert cli("validate", path, "--no-builtin", "--strict").exit_code == 4


def test_validate_reports_every_error_of_a_file_not_just_the_first(cli, tmp_path: Path) -> None:
    tree = (INVALID / "missing_english.yaml").read_text(encoding="utf-8")
    tree = tree.replace("severity: low", "severity: severe").replace("next: done}\n", "next: gone}\n", 1)
    (tmp_path / "t.yaml").write_text(tree, encoding="utf-8")

    lines = cli("validate", str(tmp_path / "t.yaml"), "--no-builtin").stdout.splitlines()

    assert [ln.split(": ", 2)[2].split(" Fix:")[0] for ln in lines] == [
        "node 'q': 'text' has no en text.",
        "node 'q': Choice 'a' leads to 'gone', which does not exist.",
        "node 'done': Unknown severity 'severe'.",
    ]
    assert [ln.split(": ", 2)[1] for ln in lines] == ["error WD213", "error WD301", "error WD210"]


def test_validate_json_lists_problems_with_their_location(cli) -> None:
    code, data = cli.json("validate", "tests/trees/invalid/dangling_next.yaml", "--no-builtin")

    assert code == 4
    assert data["valid"] is False
    assert data["problems"] == [
        {
            "file": "tests/trees/invalid/dangling_next.yaml",
            "line": 14,
            "severity": "error",
            "code": "WD301",
            "node": "q",
            "message": "Choice 'b' leads to 'gone', which does not exist.",
            "fix": "Point `next` at a node of tree 't', or add node 'gone'.",
        }
    ]


def test_an_outcome_with_too_many_steps_is_an_error(cli) -> None:
    result = cli("validate", "tests/trees/invalid/too_many_steps.yaml", "--no-builtin")

    assert result.stdout.splitlines() == [
        "tests/trees/invalid/too_many_steps.yaml:29: error WD405: node 'done': The outcome has 9 steps of its own; "
        "at most 8 (a conditional group counts as one). Fix: Keep in `steps` what to do now; move support, evidence, "
        "escalation and prevention to `contact`, `prepare`, `escalate` or `later`."
    ]
    assert result.exit_code == 4
