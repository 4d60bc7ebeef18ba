"""`validate PATH...` checks the given files in the context of the trees in force: a built-in file on its
own, an organisation's folder that jumps into built-in trees, an edit that breaks another file."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO
from wallet_doctor.commands.validate import github_annotation
from wallet_doctor.errors import Problem
from wallet_doctor.model import Jump
from wallet_doctor.sources import builtin_trees, open_catalog

ORG_TREE = (REPO / "tests" / "trees" / "org" / "refund.yaml").read_text(encoding="utf-8")


def test_a_built_in_file_is_valid_on_its_own(cli) -> None:
    for name in ("login.yaml", "shared.yaml", "triage.yaml"):
        result = cli("validate", f"decision_trees/{name}")

        assert (result.exit_code, result.stdout) == (0, ""), name
        assert result.stderr == "All 1 file(s) are valid.\n"


def test_an_organisation_folder_that_uses_built_in_trees_and_blocks_is_valid(cli, tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "refund.yaml").write_text(ORG_TREE, encoding="utf-8")

    in_context = cli("validate", str(org))
    alone = cli("validate", str(org), "--no-builtin")

    assert (in_context.exit_code, in_context.stdout) == (0, "")
    assert alone.exit_code == 4
    assert alone.stdout.splitlines() == [
        f"{org}/refund.yaml:15: error WD303: node 'org_go_login': The jump goes to tree 'login', which does not "
        "exist. Fix: Use one of the trees: org_refund.",
        f"{org}/refund.yaml:24: error WD307: node 'org_done': 'use: contact_support' names a shared block that "
        "does not exist. Fix: Use one of the shared blocks: (none).",
        f"{org}/refund.yaml:25: error WD306: node 'org_done': 'related' names tree 'fraud_check', which does not "
        "exist. Fix: Use one of the trees: org_refund.",
    ]


def test_only_the_problems_of_the_given_files_are_shown(cli, tmp_path: Path) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "refund.yaml").write_text(ORG_TREE, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(ORG_TREE.replace("org_", "other_").replace("next: other_done", "next: gone"), "utf-8")

    result = cli("validate", str(org / "refund.yaml"), "--trees", str(tmp_path))

    assert (result.exit_code, result.stdout) == (0, "")


def test_a_given_file_replaces_the_file_in_force_and_its_tree(cli, tmp_path: Path) -> None:
    # A copy of a built-in tree, elsewhere: its tree replaces the built-in one, so its node ids clash with nothing.
    copy = tmp_path / "login.yaml"
    copy.write_bytes((builtin_trees() / "login.yaml").read_bytes())

    result = cli("validate", str(copy))

    assert (result.exit_code, result.stdout) == (0, "")


def test_an_edit_that_breaks_another_file_is_reported_there(cli, tmp_path: Path) -> None:
    catalog = open_catalog()
    jump = next(n for t in catalog.trees.values() for n in t.nodes.values() if isinstance(n, Jump) and n.land)
    target = catalog.trees[jump.target]
    edited = tmp_path / Path(target.loc.file).name
    text = (REPO / target.loc.file).read_text(encoding="utf-8")
    edited.write_text(
        text.replace(f"{jump.land}:", f"{jump.land}_renamed:").replace(
            f"next: {jump.land}\n", f"next: {jump.land}_renamed\n"
        ),
        encoding="utf-8",
    )

    lines = cli("validate", str(edited)).stdout.splitlines()

    assert (
        f"{jump.loc}: error WD304: node '{jump.id}': The jump lands on '{jump.land}', which is not a node of tree "
        f"'{target.id}'. Fix: Name a question or outcome of tree '{target.id}' in `node:`, or leave `node:` out to "
        f"start at '{target.start}'."
    ) in lines
    assert all(" error WD304: " in line for line in lines)


def test_github_annotations_escape_what_github_requires() -> None:
    problem = Problem("trees/a,b:c%.yaml", 3, "100% sure\r\nreally.", "Say 50%.", "q")

    assert github_annotation(problem) == (
        "::error file=trees/a%2Cb%3Ac%25.yaml,line=3,title=WD000::node 'q': 100%25 sure%0D%0Areally. Fix: Say 50%25."
    )


def test_validate_prints_github_annotations(cli) -> None:
    result = cli("validate", "tests/trees/invalid/dangling_next.yaml", "--no-builtin", "--format", "github")

    assert result.stdout.splitlines() == [
        "::error file=tests/trees/invalid/dangling_next.yaml,line=14,title=WD301::node 'q': Choice 'b' leads to "
        "'gone', which does not exist. Fix: Point `next` at a node of tree 't', or add node 'gone'."
    ]
    assert result.exit_code == 4
