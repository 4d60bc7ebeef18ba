"""Issue 12, the second hostile pass: each test here failed before its fix. Trees, caches, command-line input,
output and signals that once crashed, hung, ran out of memory or said the wrong thing."""

from __future__ import annotations

import errno
import json
import os
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURE_FLAGS, REPO, VALID
from wallet_doctor.cli import app
from wallet_doctor.docs.mermaid import charts, label
from wallet_doctor.errors import UnsafeFile
from wallet_doctor.files import write_atomic
from wallet_doctor.paths import all_paths, count_paths
from wallet_doctor.render.markdown import escape
from wallet_doctor.render.text import clean
from wallet_doctor.search import search
from wallet_doctor.sources import open_catalog

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
        f"{folder / 'shared.yaml'}:31: error WD402: Shared block 'bl_10' expands to more than 1,000 items: every `use` "
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
        f"{folder / 't.yaml'}:15: error WD402: node 'done': The outcome expands to more than 1,000 items: every `use` "
        "copies the whole block it names. Fix: Use blocks inside one another less often; an outcome lists the "
        "few steps a person will follow."
    ]


# -- batch lines ------------------------------------------------------------------------------------------


def _batch(cli, data: bytes, flags: tuple[str, ...] = tuple(FIXTURE_FLAGS)) -> tuple[int, list[dict[str, Any]]]:
    result = cli.runner.invoke(app, ["batch", "-", *flags], input=data, catch_exceptions=False)
    return result.exit_code, [json.loads(line) for line in result.stdout.splitlines()]


def _error(line: int, case_id: Any, message: str) -> dict[str, Any]:
    return {
        "schema_version": 2,
        "id": case_id,
        "line": line,
        "status": "error",
        "error": {"exit_code": 4, "message": message},
    }


NOT_JSON = 'The line is not JSON ({}). Write one object a line: {{"id": ..., "answers": {{...}}}}.'


def test_batch_refuses_lone_surrogates_and_numbers_json_cannot_hold_and_goes_on(cli) -> None:
    lines = [
        rb'{"id": "\ud800"}',
        rb'{"id": "a", "answers": {"\udc80": "x"}}',
        b'{"id": NaN}',
        b'{"id": -Infinity}',
        b'{"id": 1e400}',
        b'{"id": "pair \\ud83d\\ude00", "answers": {"triage_problem": "login"}}',
    ]

    code, results = _batch(cli, b"\n".join(lines) + b"\n")

    surrogate = (
        "The line holds a lone surrogate escape (such as \\ud800), which is not text. Write each character whole."
    )
    assert results[:5] == [
        _error(1, 1, surrogate),
        _error(2, 2, surrogate),
        _error(3, 3, NOT_JSON.format("NaN is not a JSON number")),
        _error(4, 4, NOT_JSON.format("-Infinity is not a JSON number")),
        _error(5, 5, NOT_JSON.format("1e400 is too large a number")),
    ]
    assert results[5]["id"] == "pair \N{GRINNING FACE}"
    assert code == 4


def test_batch_keeps_the_id_of_a_first_line_written_with_a_byte_order_mark(cli) -> None:
    _, results = _batch(cli, b'\xef\xbb\xbf{"id": "first", "answers": {"triage_problem": "login"}}\n')

    assert results[0]["id"] == "first"
    assert results[0]["status"] != "error"


def test_batch_refuses_a_line_over_64_kb_without_keeping_it_and_goes_on(cli) -> None:
    huge = b'{"id": "big", "answers": {' + b",".join(b'"q%d": "x"' % i for i in range(40_000)) + b"}}"
    started = time.monotonic()

    code, results = _batch(cli, huge + b'\n{"id": "next"}\n')

    assert time.monotonic() - started < 5
    assert results[0] == _error(1, 1, "The line is longer than 64 KB. A case holds a few answers only.")
    assert results[1]["id"] == "next"
    assert code == 4


def test_many_unknown_answers_cost_one_close_match_not_one_each(cli) -> None:
    answers = {f"unknown_question_{i}": "x" for i in range(2_000)}
    line = json.dumps({"id": "many", "answers": answers}).encode()
    started = time.monotonic()

    _, results = _batch(cli, (line + b"\n") * 20, flags=())  # the built-in trees: many questions to match

    assert time.monotonic() - started < 3
    assert results[0]["error"]["message"].startswith("Tree 'triage' asks no question 'unknown_question_0'")


# -- numbers Python cannot read ---------------------------------------------------------------------------


def test_an_answer_of_5000_digits_is_an_unknown_choice_not_a_crash(cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(f"triage_problem: {'1' * 5000}\n", encoding="utf-8")

    result = cli("run", "triage", "--answers", str(answers), *FIXTURE_FLAGS, "--format", "json")

    assert result.exit_code == 4
    assert result.stderr.startswith(f"wallet-doctor: Question 'triage_problem' has no choice '{'1' * 5000}'.")


def test_a_3_gb_tree_file_is_refused_without_being_read(cli, tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    folder.mkdir()
    with (folder / "huge.yaml").open("wb") as handle:
        handle.write(b"tree: t\n")
        handle.truncate(3 * 1024**3)  # sparse: costs no disk, but reading it would take 3 GB of memory
    started = time.monotonic()

    checked = cli("validate", str(folder))

    assert time.monotonic() - started < 2
    assert checked.stdout.splitlines() == [
        f"{folder}/huge.yaml: error WD102: The file is 3072.0 MB; tree files may be at most 5 MB. "
        "Fix: Split it into smaller trees."
    ]


# -- closed and failing standard streams ------------------------------------------------------------------


def _shell(command: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m wallet_doctor` under sh, so that a test can close or redirect its streams."""
    env = {**os.environ, "WALLET_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    env.pop("WALLET_DOCTOR_DEBUG", None)
    program = f"{shlex.quote(sys.executable)} -m wallet_doctor"
    return subprocess.run(
        ["sh", "-c", command.format(wd=program, trees=f"--trees {shlex.quote(str(VALID))} --no-builtin")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("command", "what"),
    [("{wd} batch - {trees} <&-", "the cases"), ("{wd} run triage --answers - {trees} <&-", "the answers")],
)
def test_reading_a_closed_standard_input_is_refused_with_exit_4(tmp_path: Path, command: str, what: str) -> None:
    result = _shell(command, tmp_path)

    assert (result.returncode, result.stderr) == (
        4,
        f"wallet-doctor: Standard input is closed, so {what} cannot be read from it. Give a file name instead of -.\n",
    )


def test_the_root_command_with_a_closed_standard_input_shows_the_first_question(tmp_path: Path) -> None:
    result = _shell("{wd} <&-", tmp_path)

    assert result.returncode == 3
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["{wd} list {trees} >/dev/full", "{wd} show triage {trees} >/dev/full"])
def test_a_full_disk_on_standard_output_is_the_users_to_fix_not_a_bug(tmp_path: Path, command: str) -> None:
    result = _shell(command, tmp_path)

    assert (result.returncode, result.stderr) == (
        4,
        "wallet-doctor: cannot write the output: No space left on device. Free some space, or write it elsewhere.\n",
    )


def test_a_closed_standard_output_is_refused_rather_than_losing_the_result(tmp_path: Path) -> None:
    result = _shell("{wd} list {trees} >&-", tmp_path)

    assert (result.returncode, result.stderr) == (
        4,
        "wallet-doctor: standard output is closed, so the result would be lost. Run it with its output going "
        "to a terminal, a file or a pipe.\n",
    )


def test_a_full_disk_while_writing_a_file_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)

    with pytest.raises(UnsafeFile) as raised:
        write_atomic(tmp_path / "report.md", "text")

    assert str(raised.value) == f"Cannot write '{tmp_path / 'report.md'}': No space left on device."
    assert list(tmp_path.iterdir()) == []


# -- docs --out -------------------------------------------------------------------------------------------


def test_docs_does_not_replace_a_hand_written_page_without_overwrite(cli, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "index.md").write_text("# Our team's hand-written index\n", encoding="utf-8")

    refused = cli("docs", "--out", str(out), *FIXTURE_FLAGS, "--format", "markdown")

    assert refused.exit_code == 4
    assert refused.stderr == (
        f"wallet-doctor: '{out / 'index.md'}' already exists and was not written by `wallet-doctor docs`. "
        "Move it away, choose another --out, or add --overwrite to replace it.\n"
    )
    assert [p.name for p in out.rglob("*")] == ["index.md"]  # nothing else written either
    assert (out / "index.md").read_text(encoding="utf-8") == "# Our team's hand-written index\n"

    again = cli("docs", "--out", str(out), *FIXTURE_FLAGS, "--format", "markdown", "--overwrite")
    regenerated = cli("docs", "--out", str(out), *FIXTURE_FLAGS, "--format", "markdown")

    assert again.exit_code == regenerated.exit_code == 0  # pages it wrote itself are replaced without asking
    assert "hand-written" not in (out / "index.md").read_text(encoding="utf-8")


def test_write_atomic_never_replaces_a_file_created_while_it_was_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    sync = os.fsync

    def someone_else_writes_first(fd: int) -> None:
        sync(fd)
        target.write_text("theirs\n", encoding="utf-8")  # after the exists() check, before the rename

    monkeypatch.setattr(os, "fsync", someone_else_writes_first)

    with pytest.raises(UnsafeFile) as raised:
        write_atomic(target, "ours\n")

    assert str(raised.value) == f"'{target}' already exists. Choose another file name, or allow overwriting it."
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_write_atomic_writes_a_new_file_with_the_users_permissions(tmp_path: Path) -> None:
    write_atomic(tmp_path / "new.md", "text\n")

    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "new.md").read_text(encoding="utf-8") == "text\n"
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["new.md"]


def test_write_atomic_on_a_file_system_without_hard_links_still_refuses_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)

    write_atomic(tmp_path / "new.md", "first\n")
    with pytest.raises(UnsafeFile):
        write_atomic(tmp_path / "new.md", "second\n")

    assert (tmp_path / "new.md").read_text(encoding="utf-8") == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.md"]


# -- Mermaid ----------------------------------------------------------------------------------------------


def test_a_mermaid_directive_in_tree_text_is_only_text(tmp_path: Path) -> None:
    directive = "%%{init: {'theme': 'dark'}}%%"
    folder = _tree(tmp_path / "trees", ["text: {zh-CN: 步骤, en: Step}"])
    tree = folder / "t.yaml"
    tree.write_text(tree.read_text(encoding="utf-8").replace("en: Question", f'en: "{directive}"'), encoding="utf-8")

    [(_, chart)] = charts(open_catalog([folder], builtin=False), "t", "en")

    assert label("50% off", 60) == '"50#37; off"'
    assert "n_q(\"#37;#37;{init: {'theme': 'dark'}}#37;#37;\")" in chart.splitlines()[1]
    assert "%" not in chart


# -- paths ------------------------------------------------------------------------------------------------


def _doubling_tree(folder: Path, questions: int) -> Path:
    """`questions` two-way questions in a row, both choices leading to the next: 2**questions paths."""
    folder.mkdir(parents=True)
    nodes = []
    for i in range(questions):
        following = f"q{i + 1}" if i + 1 < questions else "done"
        nodes.append(
            f"  q{i}:\n    kind: question\n    text: {{zh-CN: 问题, en: Question}}\n"
            f"    help: {{zh-CN: 帮助, en: Help}}\n    choices:\n"
            f"      - {{id: a, label: {{zh-CN: 甲, en: A}}, next: {following}}}\n"
            f"      - {{id: b, label: {{zh-CN: 乙, en: B}}, next: {following}}}\n"
        )
    (folder / "t.yaml").write_text(
        "tree: t\nversion: 1\ntitle: {zh-CN: 标题, en: Title}\nsummary: {zh-CN: 摘要, en: Summary}\nstart: q0\n"
        "nodes:\n" + "".join(nodes) + "  done:\n    kind: outcome\n    title: {zh-CN: 结果, en: Result}\n"
        "    severity: low\n    summary: {zh-CN: 摘要, en: Summary}\n    steps:\n"
        "      - text: {zh-CN: 步骤, en: Step}\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("output", ["text", "json"])
def test_paths_refuses_a_tree_with_millions_of_paths_saying_how_many(cli, tmp_path: Path, output: str) -> None:
    folder = _doubling_tree(tmp_path / "trees", 25)
    started = time.monotonic()

    result = cli("paths", "t", "--format", output, "--trees", str(folder), "--no-builtin")

    assert time.monotonic() - started < 5
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == (
        "wallet-doctor: Tree 't' has 33,554,432 ways through it, too many to list (at most 250,000). "
        "Walk a part of it with `wallet-doctor run` and -a answers, or split the tree.\n"
    )


def test_paths_lists_a_tree_just_within_the_bound(cli, tmp_path: Path) -> None:
    folder = _doubling_tree(tmp_path / "trees", 12)  # 4,096 paths

    result = cli("paths", "t", "--format", "json", "--trees", str(folder), "--no-builtin")

    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["paths"]) == 2**12


def test_the_count_of_paths_is_the_number_listed(catalog) -> None:
    for tree_id in catalog.trees:
        assert count_paths(catalog, tree_id) == sum(1 for _ in all_paths(catalog, tree_id))


# -- text from trees and from the user, in Markdown and in messages ----------------------------------------


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Open https://evil.example/claim now", "Open https\\://evil.example/claim now"),
        ("Go to www.evil.example", "Go to www\\.evil.example"),
        ("Pay $5, then $x$", "Pay \\$5, then \\$x\\$"),
    ],
)
def test_markdown_keeps_bare_urls_and_dollars_as_text(text: str, markdown: str) -> None:
    from markdown_it import MarkdownIt

    assert escape(text) == markdown
    assert MarkdownIt("commonmark").render(markdown) == f"<p>{text}</p>\n"


def test_clean_removes_the_arabic_letter_mark_and_unicode_line_separators() -> None:
    assert clean("a\u061cb\u2028c\u2029d") == "abcd"


def test_a_terminal_escape_in_an_answer_reaches_stderr_as_an_escape(cli) -> None:
    result = cli("run", "triage", "-a", "x\x1b]0;owned\x07\u202e=1", *FIXTURE_FLAGS)

    assert result.exit_code == 4
    assert result.stderr.startswith("wallet-doctor: Tree 'triage' asks no question 'x\\x1b]0;owned\\x07\\u202e'.")
    assert "\x1b" not in result.stderr


# -- what is a tree file, which language ------------------------------------------------------------------


def test_hidden_files_in_a_trees_folder_are_not_trees(cli, tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    shutil.copytree(VALID, folder)
    (folder / "._login.yaml").write_bytes(b"\x00\x05\x16\x07Mac OS X        \x00\x02")  # a macOS resource fork
    (folder / ".draft.yaml").write_text("tree: [unfinished\n", encoding="utf-8")

    result = cli("validate", str(folder), "--no-builtin")

    assert result.exit_code == 0
    assert result.stdout == ""


def test_an_unknown_language_in_the_environment_is_an_error_not_ignored(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WALLET_DOCTOR_LANG", "xx")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # the error is worded by the locale, since the setting is wrong

    result = cli("list", *FIXTURE_FLAGS)

    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == (
        "wallet-doctor: Unknown language 'xx' in $WALLET_DOCTOR_LANG. Use one of: zh-CN, en, or unset it.\n"
    )


def test_search_with_a_thousand_unique_words_is_quick_and_still_finds_the_tree() -> None:
    catalog = open_catalog()  # the built-in trees: many keywords
    noise = " ".join(f"zq{i:04d}x" for i in range(1000))
    started = time.monotonic()

    found = search(catalog, f"{noise} withdraw")

    assert time.monotonic() - started < 1.5
    assert [m.tree.id for m in found][:1] == ["withdrawal"]


def test_a_tree_that_cannot_be_read_is_reported_once_not_at_every_reference_to_it(cli, tmp_path: Path) -> None:
    folder = tmp_path / "trees"
    shutil.copytree(VALID, folder)
    login = folder / "login.yaml"
    login.write_text(login.read_text(encoding="utf-8").replace("version: 1", "version: one"), encoding="utf-8")

    result = cli("validate", str(folder), "--no-builtin")

    assert result.exit_code == 4
    assert result.stdout.splitlines() == [
        f"{login}:3: error WD205: 'version' should be a whole number from 1 up. Fix: Write `version: 1`, and count up."
    ]


# -- folders that cannot be read (chmod 000) --------------------------------------------------------------


def _without_root_powers() -> list[str]:
    """A prefix that makes permission bits apply: nothing for a normal user; for root, setpriv dropping the
    capabilities that bypass them."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: chmod 000 would not deny anything")
    drop = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["validate", "{closed}"],
            "Cannot read the trees folder '{closed}': Permission denied. Check its permissions.",
        ),
        (
            ["list", "--trees", "{closed}"],
            "Cannot read the trees folder '{closed}': Permission denied. Check its permissions.",
        ),
        (
            ["validate", "{inner}"],
            "Cannot reach '{inner}': Permission denied. Check the permissions of the folders above it.",
        ),
        (
            ["validate", "{inner}/login.yaml"],
            "Cannot reach '{inner}/login.yaml': Permission denied. Check the permissions of the folders above it.",
        ),
        (
            ["list", "--trees", "{inner}"],
            "Cannot read the trees folder '{inner}': Permission denied. Check its permissions.",
        ),
    ],
    ids=["validate-closed", "trees-closed", "validate-below-closed", "validate-file-below-closed", "trees-below"],
)
def test_a_folder_that_cannot_be_read_is_our_exit_4_message(tmp_path: Path, args: list[str], message: str) -> None:
    prefix = _without_root_powers()
    closed, locked = tmp_path / "closed", tmp_path / "locked"
    shutil.copytree(VALID, closed)
    shutil.copytree(VALID, locked / "inner")
    closed.chmod(0)
    locked.chmod(0)
    names = {"closed": str(closed), "inner": str(locked / "inner")}
    env = {**os.environ, "WALLET_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    try:
        result = subprocess.run(
            [*prefix, sys.executable, "-m", "wallet_doctor", *(a.format(**names) for a in args)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=60,
        )
    finally:
        closed.chmod(0o755)
        locked.chmod(0o755)

    assert (result.returncode, result.stderr) == (4, f"wallet-doctor: {message.format(**names)}\n")


# -- killed with SIGTERM or SIGHUP ------------------------------------------------------------------------


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.usefixtures("hang_up_as_default")
def test_batch_killed_mid_stream_leaves_only_whole_lines(tmp_path: Path, signum: int) -> None:
    results = tmp_path / "results.jsonl"
    env = {**os.environ, "WALLET_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    case = b'{"id": "case-with-a-longish-id-%d", "answers": {"triage_problem": "login"}}\n'
    with results.open("wb") as out:
        batch = subprocess.Popen(
            [sys.executable, "-m", "wallet_doctor", "batch", "-", *FIXTURE_FLAGS],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert batch.stdin is not None
        batch.stdin.write(b"".join(case % i for i in range(1000)))  # more than one 8 KB buffer of results
        batch.stdin.flush()
        deadline = time.monotonic() + 30
        while results.stat().st_size < 8192 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # it has read every case and waits for more, part of its output still buffered
        batch.send_signal(signum)
        batch.wait(timeout=30)
        batch.stdin.close()
        assert batch.stderr is not None
        batch.stderr.close()

    data = results.read_bytes()
    assert data.endswith(b"\n")
    ids = [json.loads(line)["id"] for line in data.splitlines()]
    assert ids == [f"case-with-a-longish-id-{i}" for i in range(1000)]  # every case read was written
    assert batch.returncode == 130


def test_batch_started_under_nohup_keeps_going_when_the_terminal_hangs_up(tmp_path: Path) -> None:
    env = {**os.environ, "WALLET_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # what nohup hands its command
    try:
        batch = subprocess.Popen(
            [sys.executable, "-m", "wallet_doctor", "batch", "-", *FIXTURE_FLAGS],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert batch.stdin is not None
    batch.stdin.write(b'{"id": "before", "answers": {"triage_problem": "login"}}\n')
    batch.stdin.flush()
    time.sleep(1.0)
    batch.send_signal(signal.SIGHUP)
    time.sleep(0.5)

    assert batch.poll() is None  # still running
    out, _ = batch.communicate(b'{"id": "after", "answers": {"triage_problem": "login"}}\n', timeout=30)
    assert batch.returncode == 3  # finished as usual: both cases still need an answer after triage
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["before", "after"]


def test_docs_killed_while_writing_leaves_the_old_pages_and_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "site"
    script = f"""
import os, signal
from pathlib import Path
import wallet_doctor.files as files
from wallet_doctor.docs import generate
from wallet_doctor.sources import open_catalog

out = Path({str(out)!r})
catalog = open_catalog([Path({str(VALID)!r})], builtin=False)
generate(catalog, out, ["en"], ["markdown"])
for page in out.rglob("*.md"):
    page.write_text(page.read_text(encoding="utf-8") + "old\\n", encoding="utf-8")
sync, calls = os.fsync, []

def killed_midway(fd):
    sync(fd)
    calls.append(fd)
    if len(calls) == 3:
        os.kill(os.getpid(), signal.SIGTERM)

os.fsync = killed_midway
try:
    generate(catalog, out, ["en"], ["markdown"])
except KeyboardInterrupt:
    raise SystemExit(130)
"""
    env = {**os.environ, "WALLET_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}

    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)

    assert result.returncode == 130, result.stderr
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert pages == ["en", "en/index.md", "en/login.md", "en/network.md", "en/triage.md", "index.md"]
    assert all(p.read_text(encoding="utf-8").endswith("old\n") for p in out.rglob("*.md"))


# -- --report that cannot be saved ------------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--report", "--record"])
def test_a_report_that_cannot_be_saved_is_refused_before_the_outcome_is_printed(cli, tmp_path: Path, flag: str) -> None:
    existing = tmp_path / "case.md"
    existing.write_text("an earlier case\n", encoding="utf-8")

    taken = cli("run", "triage", "-a", "triage_problem=login", "-a", "login_symptom=no_sms", flag, str(existing),
                *FIXTURE_FLAGS)  # fmt: skip
    nowhere = cli("run", "triage", "-a", "triage_problem=login", flag, str(tmp_path / "no" / "case.md"),
                  *FIXTURE_FLAGS)  # fmt: skip

    assert (taken.exit_code, taken.stdout) == (4, "")
    assert taken.stderr == (
        f"wallet-doctor: '{existing}' already exists. Choose another file name, or allow overwriting it.\n"
    )
    assert (nowhere.exit_code, nowhere.stdout) == (4, "")
    assert nowhere.stderr == (
        f"wallet-doctor: The folder '{tmp_path / 'no'}' does not exist. Create it first or choose another place.\n"
    )
    assert existing.read_text(encoding="utf-8") == "an earlier case\n"


def test_a_trees_folder_and_a_file_named_in_no_utf8_work_with_every_cached_command(cli, tmp_path: Path) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))
    shutil.copytree(VALID, folder)
    shutil.copy(folder / "login.yaml", Path(os.fsdecode(bytes(folder) + b"/log\xffin.yaml")))
    (folder / "login.yaml").unlink()
    flags = ["--trees", str(folder), "--no-builtin"]

    for _ in range(2):  # the second call is answered from the catalog cache
        listed = cli("list", *flags)
        walked = cli("run", "triage", "-a", "triage_problem=login", "-a", "login_symptom=no_sms", *flags)

        assert (listed.exit_code, walked.exit_code) == (0, 0)
        assert "login" in listed.stdout


def test_a_recorded_walk_with_escapes_and_thousands_of_stale_answers_warns_briefly_and_safely(
    cli, tmp_path: Path
) -> None:
    answers = {"triage_problem": "login", "login_symptom": "no_sms"}
    answers.update({f"gone_{i}": "x" for i in range(5000)})
    recorded = tmp_path / "walk.json"
    recorded.write_text(
        json.dumps({"tree": "triage", "digests": {"triage": "0" * 16, "old\x1b[2J": "0" * 16}, "answers": answers}),
        encoding="utf-8",
    )
    started = time.monotonic()

    result = cli("run", "--answers", str(recorded), *FIXTURE_FLAGS, "--format", "json")

    assert time.monotonic() - started < 3
    assert result.exit_code == 0
    warnings = result.stderr.splitlines()
    assert warnings[:2] == [
        "wallet-doctor: warning: Tree 'triage' has changed since this walk was recorded.",
        "wallet-doctor: warning: Tree 'old\\x1b[2J' no longer exists.",
    ]
    assert warnings[2].startswith("wallet-doctor: warning: The answer gone_0=x no longer fits and is skipped: ")
    assert warnings[12:] == ["wallet-doctor: warning: 4990 more answer(s) no longer fit and are skipped."]
    assert "\x1b" not in result.stderr


def test_search_reads_at_most_the_first_thousand_distinct_words() -> None:
    # 50,000 words took 3 s before the cap; the cap is what keeps it fast (the speed itself is the benchmark's,
    # not a timed test's): a word after the first MAX_WORDS distinct ones is not compared with the keywords' words,
    # one before them is. ("withdra" only starts a keyword; a keyword written whole is found anywhere.)
    catalog = open_catalog()
    noise = " ".join(f"zq{i:06d}x" for i in range(50_000))
    repeated = " ".join(["zq000000x"] * 5_000)  # repeats count once: they don't use up the cap

    first = search(catalog, f"withdra {noise}")
    last = search(catalog, f"{noise} withdra")
    after_repeats = search(catalog, f"{repeated} withdra")

    assert "withdrawal" in [m.tree.id for m in first]
    assert "withdrawal" in [m.tree.id for m in after_repeats]
    assert last == []


@pytest.mark.parametrize("output", ["text", "json"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped_on_a_strict_utf8_output(tmp_path: Path, output: str) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))
    folder.mkdir()
    shutil.copy(
        REPO / "tests" / "trees" / "invalid" / "dead_end.yaml", Path(os.fsdecode(bytes(folder) + b"/x\xff.yaml"))
    )
    env = {**os.environ, "WALLET_DOCTOR_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    env["PYTHONIOENCODING"] = "utf-8:strict"  # as under an ordinary UTF-8 locale (C and POSIX are lenient)

    result = subprocess.run(
        [sys.executable, "-m", "wallet_doctor", "validate", str(folder), "--format", output],
        capture_output=True,
        env=env,
        check=False,
        timeout=60,
    )

    assert result.returncode == 4, result.stderr
    assert b"unexpected error" not in result.stderr
    assert "x\\xff.yaml" in (
        result.stdout.decode() if output == "text" else json.loads(result.stdout)["problems"][0]["file"]
    )


def test_a_report_onto_a_pipe_or_device_is_refused_even_with_overwrite(cli, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)

    result = cli("run", "login", "-a", "login_symptom=no_sms", "--report", str(pipe), "--overwrite", *FIXTURE_FLAGS)

    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == (
        f"wallet-doctor: '{pipe}' is not a regular file (a device or a pipe). Give the name of a file.\n"
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_docs_refuses_a_pipe_where_a_page_goes_instead_of_waiting_on_it(cli, tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    os.mkfifo(out / "index.md")
    started = time.monotonic()

    result = cli("docs", "--out", str(out), *FIXTURE_FLAGS, "--format", "markdown")

    assert time.monotonic() - started < 5
    assert result.exit_code == 4
    assert result.stderr.startswith(f"wallet-doctor: '{out / 'index.md'}' already exists")
