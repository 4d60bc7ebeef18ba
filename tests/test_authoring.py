"""`wallet-doctor test` replays golden walks with a coverage line; `wallet-doctor init` starts a trees folder
that validates, whose walk passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from wallet_doctor.scaffold import TREE
from wallet_doctor.sources import open_catalog

NO_PRE_COMMIT = "pre-commit is not installed (the lint extra: pip install -e '.[lint]')"

WALKS = REPO / "tests" / "walks"

WRONG = """\
tree: login
answers: {answers}
expect:
  outcome: {outcome}
  steps_include: [no such step]
  sections: [later]
"""


def _first_walk() -> tuple[str, str]:
    """The answers (as a YAML flow mapping) and outcome of the shortest built-in walk of login (heldout19: since
    `login_symptom.not_sure` asks one more question, no login walk ends after a single answer)."""
    import yaml

    walks = []
    for path in sorted((WALKS / "login").glob("*.yaml")):
        walk = yaml.safe_load(path.read_text(encoding="utf-8"))
        if walk.get("tree") == "login" and "login_symptom" in walk["answers"]:
            walks.append(walk)
    if not walks:
        raise AssertionError("no walk of login")
    walk = min(walks, key=lambda w: len(w["answers"]))
    answers = "{" + ", ".join(f"{q}: {a}" for q, a in walk["answers"].items()) + "}"
    return answers, walk["expect"]["outcome"]


def test_the_project_walks_pass_and_cover_every_outcome(cli) -> None:
    walks = len(list(WALKS.rglob("*.yaml")))
    outcomes = sum(1 for tree in open_catalog().trees.values() for _ in tree.outcomes)

    result = cli("test", "tests/walks")

    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{walks} walk(s): {walks} passed, 0 failed.",
        f"Coverage: {outcomes} of {outcomes} outcome(s) have a walk.",
    ]


def test_a_failing_walk_says_each_thing_that_does_not_match_and_exits_4(cli, tmp_path: Path) -> None:
    answers, outcome = _first_walk()
    walks, own = tmp_path / "walks", tmp_path / "trees"
    walks.mkdir()
    own.mkdir()
    (walks / "wrong.yaml").write_text(WRONG.format(answers=answers, outcome="login_elsewhere"), "utf-8")
    (walks / "steps.yaml").write_text(WRONG.format(answers=answers, outcome=outcome), "utf-8")
    (own / "my_problem.yaml").write_text(TREE, "utf-8")

    result = cli("test", str(walks), "--trees", str(own))

    shown = {name for name, items in open_catalog().node(outcome).sections if items}  # type: ignore[union-attr]
    sections = "[" + ", ".join(n for n in ("contact", "prepare", "escalate", "later") if n in shown) + "]"
    assert result.exit_code == 4
    at = "(login -> login_elsewhere)"
    assert result.stdout.splitlines() == [
        f"FAIL {walks}/steps.yaml (login -> {outcome}): 'no such step' is not among the steps after item 1.",
        f"FAIL {walks}/steps.yaml (login -> {outcome}): The sections shown are {sections}, not [later].",
        f"FAIL {walks}/wrong.yaml {at}: The walk reaches outcome '{outcome}', not 'login_elsewhere'.",
        f"FAIL {walks}/wrong.yaml {at}: 'no such step' is not among the steps after item 1.",
        f"FAIL {walks}/wrong.yaml {at}: The sections shown are {sections}, not [later].",
        "2 walk(s): 0 passed, 2 failed.",
        "Coverage: 0 of 2 outcome(s) have a walk; without one: my_problem.my_fixed, my_problem.my_support.",
    ]
    assert result.stderr == "Fix the tree, or record the walk again if the change is meant.\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("- just a list\n", "A walk file is a mapping with `tree`, `answers` and `expect`."),
        ("tree: login\nanswers: {}\n", "The walk file has no mapping `expect`."),
        ("tree: login\nanswers: {}\nexpect: {steps_include: [a]}\n", "The walk's `expect` has no `outcome`."),
        (
            "tree: login\nanswers: {}\nexpect: {outcome: x, steps: [a]}\n",
            "Unknown key 'steps' in `expect`. Use only: outcome, steps_include, sections, blocks_not_used, "
            "sections_include.",
        ),
        (
            "tree: login\nanswers: {}\nexpect: {outcome: x, sections: later}\n",
            "`expect.sections` should be a list of texts.",
        ),
        (
            "tree: [login\n",
            "{file}:2: error WD105: YAML syntax error: did not find expected ',' or ']' (while parsing a flow "
            "sequence). Fix: Fix the YAML syntax at this line.",
        ),
        ("tree: nowhere\nanswers: {}\nexpect: {outcome: x}\n", None),
        (
            "tree: login\nanswers: {}\nexpect: {outcome: x}\n",
            "The walk stops at question 'login_symptom': no answer for it.",
        ),
    ],
    ids=["list", "no-expect", "no-outcome", "unknown-key", "sections-not-a-list", "yaml", "unknown-tree", "stops"],
)
def test_a_walk_file_that_is_not_a_walk_fails_with_the_reason(
    cli, tmp_path: Path, content: str, reason: str | None
) -> None:
    walk = tmp_path / "w.yaml"
    walk.write_text(content, encoding="utf-8")

    result = cli("test", str(walk))

    lines = result.stdout.splitlines()
    assert result.exit_code == 4
    assert "Traceback" not in result.stdout + result.stderr
    assert lines[-2:] == ["1 walk(s): 0 passed, 1 failed.", lines[-1]]
    assert lines[0].startswith(f"FAIL {walk}")
    if reason is not None:
        assert lines[0].split(": ", 1)[1] == reason.replace("{file}", str(walk))
    else:
        assert lines[0].startswith(f"FAIL {walk} (nowhere -> x): There is no tree 'nowhere'")


def test_json_gives_each_walk_and_the_coverage(cli, tmp_path: Path) -> None:
    answers, outcome = _first_walk()
    (tmp_path / "ok.yaml").write_text(f"tree: login\nanswers: {answers}\nexpect: {{outcome: {outcome}}}\n", "utf-8")

    code, data = cli.json("test", str(tmp_path))

    assert code == 0
    assert data["passed"] is True
    assert data["walks"] == [
        {
            "file": f"{tmp_path}/ok.yaml",
            "tree": "login",
            "outcome": outcome,
            "reached": outcome,
            "passed": True,
            "failures": [],
        }
    ]
    assert data["coverage"]["with_walk"] == 1
    assert f"login.{outcome}" not in data["coverage"]["without_walk"]
    assert data["coverage"]["outcomes"] == len(data["coverage"]["without_walk"]) + 1


def test_one_walk_against_every_tree_names_ten_outcomes_without_a_walk_and_counts_the_rest(cli, tmp_path: Path) -> None:
    answers, outcome = _first_walk()
    (tmp_path / "ok.yaml").write_text(f"tree: login\nanswers: {answers}\nexpect: {{outcome: {outcome}}}\n", "utf-8")

    text = cli("test", str(tmp_path))
    code, data = cli.json("test", str(tmp_path))

    missing = data["coverage"]["without_walk"]
    assert (text.exit_code, code) == (0, 0)
    assert text.stdout.splitlines()[1] == (
        f"Coverage: 1 of {len(missing) + 1} outcome(s) have a walk; without one: {', '.join(missing[:10])}"
        f" and {len(missing) - 10} more (--format json lists them all)."
    )


def test_without_walks_the_command_says_where_to_start(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    result = cli("test")

    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == (
        "wallet-doctor: No walks given, and there is no 'walks' folder here. Give walk files or folders: "
        "wallet-doctor test walks/ (wallet-doctor init DIR writes one to start from).\n"
    )


def test_init_writes_a_folder_that_validates_and_whose_walk_passes(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "our-trees"

    made = cli("init", str(folder))

    assert made.exit_code == 0
    assert made.stderr == f"Wrote 5 file(s) to {folder}. Next: read {folder}/README.md.\n"
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        ".pre-commit-config.yaml",
        "README.md",
        "tree.schema.json",
        "trees/my_problem.yaml",
        "walks/my_problem/my_support.yaml",
    ]
    assert (
        (folder / "trees" / "my_problem.yaml")
        .read_text("utf-8")
        .startswith("# yaml-language-server: $schema=../tree.schema.json\n")
    )
    monkeypatch.chdir(folder)
    checked = cli("validate", "trees", "--trees", "trees", "--strict")
    tested = cli("test", "--trees", "trees")
    assert (checked.exit_code, checked.stdout) == (0, "")
    assert tested.exit_code == 0
    assert tested.stdout.splitlines() == [
        "1 walk(s): 1 passed, 0 failed.",
        "Coverage: 1 of 2 outcome(s) have a walk; without one: my_problem.my_fixed.",
    ]
    readme = (folder / "README.md").read_text("utf-8")
    assert "wallet-doctor validate trees --trees trees" in readme and "wallet-doctor test walks --trees trees" in readme


def test_the_scaffold_pre_commit_config_is_valid_for_pre_commit(cli, tmp_path: Path) -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib", reason=NO_PRE_COMMIT)
    cli("init", str(tmp_path / "t"))

    config = clientlib.load_config(tmp_path / "t" / ".pre-commit-config.yaml")

    assert [h["id"] for h in config["repos"][0]["hooks"]] == ["wallet-doctor-validate", "wallet-doctor-test"]


def test_init_refuses_a_folder_that_is_not_empty(cli, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")

    result = cli("init", str(tmp_path))

    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == (
        f"wallet-doctor: The folder '{tmp_path}' is not empty. Give init a new or empty folder, so nothing is "
        "overwritten.\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_init_refuses_a_file(cli, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x\n", encoding="utf-8")

    result = cli("init", str(tmp_path / "f"))

    assert (result.exit_code, result.stderr) == (
        4,
        f"wallet-doctor: '{tmp_path}/f' is a file. Give init a new or empty folder.\n",
    )


def test_the_refusals_speak_chinese_too(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALLET_DOCTOR_LANG", "zh-CN")
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")

    refused = cli("init", str(tmp_path))
    missing = cli("test", str(tmp_path / "gone"))

    assert (refused.exit_code, missing.exit_code) == (4, 4)
    assert refused.stderr == (
        f"wallet-doctor: 文件夹“{tmp_path}”不是空的。请给 init 一个新的或空的文件夹，以免覆盖任何文件。\n"
    )
    assert missing.stderr == f"wallet-doctor: “{tmp_path}/gone”不存在。请给出黄金路径文件或其所在的文件夹。\n"
