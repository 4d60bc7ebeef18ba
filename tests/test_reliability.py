"""Hostile trees, hostile input and interrupts: every one gets a clear message, never a traceback, and
nothing written is ever left half-done."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_FLAGS, REPO, VALID


def test_a_50_mb_tree_is_refused_by_validate_and_run(cli, tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    folder.mkdir()
    with (folder / "huge.yaml").open("wb") as handle:
        handle.write(b"tree: t\n")
        handle.write(b"# padding\n" * (5 * 1024 * 1024))

    checked = cli("validate", str(folder))
    walked = cli("run", "t", "--trees", str(folder), "--no-builtin", "--format", "json")

    message = (
        f"{folder}/huge.yaml: error WD102: The file is 50.0 MB; tree files may be at most 5 MB. "
        "Fix: Split it into smaller trees."
    )
    assert (checked.exit_code, checked.stdout.splitlines()) == (4, [message])
    assert walked.exit_code == 4 and message in walked.stderr and "Traceback" not in walked.stderr


def test_a_tree_saved_with_a_byte_order_mark_is_read_normally(cli, tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    folder.mkdir()
    for path in VALID.glob("*.yaml"):
        (folder / path.name).write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    code, data = cli.json("run", "login", "--trees", str(folder), "--no-builtin", "-a", "login_symptom=no_sms")

    assert (code, data["outcome"]["id"]) == (0, "login_sms")


def test_an_answers_file_over_1_mb_is_refused(cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("login_symptom: no_sms\n" + "# x\n" * 400_000, encoding="utf-8")

    result = cli("run", "login", *FIXTURE_FLAGS, "--answers", str(answers))

    assert result.exit_code == 4
    assert "is larger than 1 MB" in result.stderr


def test_a_deeply_nested_yaml_answers_file_is_refused(cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("a:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(3000)), encoding="utf-8")

    result = cli("run", "login", *FIXTURE_FLAGS, "--answers", str(answers))

    assert result.exit_code == 4
    assert "Traceback" not in result.stderr


def test_an_answers_folder_instead_of_a_file_is_refused(cli, tmp_path: Path) -> None:
    result = cli("run", "login", *FIXTURE_FLAGS, "--answers", str(tmp_path))

    assert result.exit_code == 4
    assert "is a folder" in result.stderr


def test_an_unreadable_trees_folder_is_refused(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()

    def denied(directory: Path) -> list[Path]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("wallet_doctor.sources.tree_files", denied)

    result = cli("run", "--trees", str(folder))

    assert result.exit_code == 4
    assert (
        result.stderr
        == f"wallet-doctor: Cannot read the trees folder '{folder}': Permission denied. Check its permissions.\n"
    )


@pytest.mark.parametrize(
    "args",
    [("run", "--formt", "json"), ("run", "--format", "xml"), ("batch",), ("show",), ("frobnicate",)],
    ids=["unknown-option", "bad-format", "missing-argument", "missing-tree", "unknown-command"],
)
def test_usage_errors_exit_2_with_typers_message(cli, args: tuple[str, ...]) -> None:
    result = cli(*args)

    assert result.exit_code == 2
    assert "Usage:" in result.stderr and "Traceback" not in result.stderr


WRITER = """
import os
import sys
from pathlib import Path

from wallet_doctor.files import write_atomic


def stalled_disk(fd):
    # The content is in the temporary file but not yet renamed into place: the worst moment to die.
    print("midway", flush=True)
    time.sleep(60)


os.fsync = stalled_disk
write_atomic(Path(sys.argv[1]), "the new report\\n" * 100_000, overwrite=sys.argv[2] == "overwrite")
"""


def kill_writer_midway(target: Path, mode: str) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(target), mode], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "midway"
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=30)


def test_a_writer_killed_midway_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"

    kill_writer_midway(target, "new")

    assert not target.exists()


def test_an_existing_file_survives_a_writer_killed_midway(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("the old report\n", encoding="utf-8")

    kill_writer_midway(target, "overwrite")

    assert target.read_text(encoding="utf-8") == "the old report\n"


HOSTILE = "[bold red]x[/] <script>alert(1)</script> `code` *star* | pipe \x1b[2J\x1b]0;title\x07 \u202eevil"


def hostile_tree(folder: Path) -> None:
    text = json.dumps(HOSTILE)
    folder.mkdir()
    (folder / "t.yaml").write_text(
        f"""tree: t
version: 1
title: {{zh-CN: {text}, en: {text}}}
summary: {{zh-CN: {text}, en: {text}}}
start: t_q
nodes:
  t_q:
    kind: question
    text: {{zh-CN: {text}, en: {text}}}
    help: {{zh-CN: {text}, en: {text}}}
    choices:
      - {{id: a, label: {{zh-CN: {text}, en: {text}}}, next: t_done}}
      - {{id: b, label: {{zh-CN: {text}, en: {text}}}, next: t_done}}
  t_done:
    kind: outcome
    title: {{zh-CN: {text}, en: {text}}}
    severity: high
    summary: {{zh-CN: {text}, en: {text}}}
    steps:
      - text: {{zh-CN: {text}, en: {text}}}
""",
        encoding="utf-8",
    )


def test_hostile_text_reaches_the_terminal_as_plain_text(cli, tmp_path: Path) -> None:
    hostile_tree(tmp_path / "trees")

    result = cli("run", "t", "--trees", str(tmp_path / "trees"), "--no-builtin", "-a", "t_q=a")

    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert "1. [bold red]x[/] <script>alert(1)</script> `code` *star* | pipe [2J]0;title evil" in result.stdout


def test_hostile_text_is_not_rich_markup_in_the_wizard(tmp_path: Path) -> None:
    from tests.prompting import ENTER, run_wizard
    from wallet_doctor.engine import Walk
    from wallet_doctor.sources import open_catalog

    hostile_tree(tmp_path / "trees")
    catalog = open_catalog([tmp_path / "trees"], builtin=False)

    code, screen, _ = run_wizard(Walk.start(catalog, "t"), [ENTER, ENTER, ENTER])

    assert code == 0
    assert "[bold red]x[/] <script>alert(1)</script>" in screen
    assert "\x1b" not in screen


def test_hostile_text_is_literal_in_markdown(cli, tmp_path: Path) -> None:
    hostile_tree(tmp_path / "trees")

    result = cli("run", "t", "--trees", str(tmp_path / "trees"), "--no-builtin", "-a", "t_q=a", "--format", "markdown")

    assert "1. \\[bold red\\]x\\[/\\] \\<script\\>alert(1)\\</script\\> \\`code\\` \\*star\\* \\| pipe" in result.stdout
