"""The pre-commit hook that ships in .pre-commit-hooks.yaml, run by the real pre-commit (`try-repo`) on a
temporary git repository of trees: the changed files are checked in the context of the trees in force."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import INVALID, REPO

NO_PRE_COMMIT = "pre-commit is not installed (the lint extra: pip install -e '.[lint]')"

pytestmark = pytest.mark.e2e

GOOD = (REPO / "tests" / "trees" / "org" / "refund.yaml").read_text(encoding="utf-8")


def _hook() -> dict[str, object]:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["wallet-doctor-validate"]
    return hooks[0]  # type: ignore[no-any-return]


def test_the_hook_validates_tree_files_by_name() -> None:
    hook = _hook()
    files = re.compile(str(hook["files"]))

    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == ("wallet-doctor validate", "python", True)
    matched = ["trees/a.yaml", "trees/a.yml", "decision_trees/login.yaml", "org/my_trees/b.yaml"]
    ignored = ["walks/a.yaml", "trees/walks/a.yaml", "README.md", ".pre-commit-config.yaml", "trees/notes.txt"]
    assert [f for f in matched + ignored if files.search(f)] == matched


def test_the_hook_manifest_is_valid_for_pre_commit() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib", reason=NO_PRE_COMMIT)

    clientlib.load_manifest(REPO / ".pre-commit-hooks.yaml")


def test_pre_commit_try_repo_fails_on_a_bad_tree_and_passes_a_good_one(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason=NO_PRE_COMMIT)
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "trees-repo"
    (repo / "trees").mkdir(parents=True)
    (repo / "trees" / "refund.yaml").write_text(GOOD, encoding="utf-8")
    bad = "\n".join(ln for ln in (INVALID / "dangling_next.yaml").read_text("utf-8").splitlines() if ln[:1] != "#")
    (repo / "trees" / "bad.yaml").write_text(bad.replace("tree: t\n", "tree: org_bad\n") + "\n", "utf-8")
    (repo / "README.md").write_text("Our trees.\n", encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
    env.pop("WALLET_DOCTOR_TREES", None)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)

    def try_repo(*files: str) -> tuple[int, str]:
        which = ["--files", *files] if files else ["--all-files"]
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "wallet-doctor-validate", *which]
        run = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
        output = run.stdout + run.stderr
        if "An unexpected error has occurred" in output and "pip" in output:
            pytest.skip(f"pre-commit could not install the hook's environment: {output.strip().splitlines()[-1]}")
        return run.returncode, output

    good_code, good_output = try_repo("trees/refund.yaml", "README.md")
    code, output = try_repo()

    assert good_code == 0, good_output
    assert re.search(r"wallet-doctor validate\.+Passed", good_output)
    assert code == 1, output
    assert "- exit code: 4" in output
    problems = [ln for ln in output.splitlines() if ": error " in ln or ": warning " in ln]
    assert problems == [
        "trees/bad.yaml:13: error WD301: node 'q': Choice 'b' leads to 'gone', which does not exist. "
        "Fix: Point `next` at a node of tree 'org_bad', or add node 'gone'."
    ]
    assert "1 error(s), 0 warning(s) in 2 file(s)." in output  # both trees were given; README.md was not
