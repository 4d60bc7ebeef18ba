"""End to end: the installed `wallet-doctor` in a real pseudo-terminal, keys in, screen out."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import REPO, VALID

pexpect = pytest.importorskip("pexpect")

pytestmark = pytest.mark.e2e

DOWN = "\x1b[B"
ENTER = "\r"


def spawn(
    *args: str, lang: str | None = "en", command_words: tuple[str, ...] = ("run",), columns: int = 100, **extra: str
) -> pexpect.spawn:
    command = shutil.which("wallet-doctor")
    if command is None:
        pytest.skip("wallet-doctor is not installed on PATH (pip install -e '.[test]')")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "TERM": "xterm-256color",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "NO_COLOR": "1",
        "XDG_STATE_HOME": os.environ["XDG_STATE_HOME"],  # a test's own, from conftest
        "WALLET_DOCTOR_CACHE_DIR": os.environ["WALLET_DOCTOR_CACHE_DIR"],
        **({"WALLET_DOCTOR_LANG": lang} if lang else {}),
        **extra,
    }
    import io

    child = pexpect.spawn(
        command,
        [*command_words, *args, "--trees", str(VALID), "--no-builtin", "--no-probe"],
        env=env,
        cwd=str(REPO),
        encoding="utf-8",
        dimensions=(40, columns),
        logfile=None,
        timeout=20,
    )
    child.logfile_read = io.StringIO()  # the whole transcript, for tests that look at every byte
    return child


def test_a_walk_to_an_outcome_using_back_once() -> None:
    child = spawn("network")
    child.expect("Do other apps work")
    child.send(ENTER)  # They work
    child.expect("account abnormal")
    child.send(DOWN * 3 + ENTER)  # Go back one question
    child.expect("Do other apps work")
    child.send(DOWN + ENTER)  # They fail too
    child.expect("A network problem")
    child.expect("Switch to mobile data")
    child.expect("Did this solve the problem")
    child.send(ENTER)  # Yes
    child.expect("Save a case report")
    child.send(ENTER)  # No (the default)
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")


def test_help_is_shown_for_a_question() -> None:
    child = spawn("login")
    child.expect("What happens when you log in")
    child.send(DOWN * 2 + ENTER)  # Why are we asking?
    child.expect("Why we ask")
    child.expect("Read the message")
    child.expect("What happens when you log in")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 130


def test_ctrl_c_mid_walk_exits_130_with_no_traceback_and_the_resume_command() -> None:
    child = spawn(lang="zh-CN")
    child.expect("遇到了什么问题")
    child.send(DOWN + ENTER)  # 无法登录
    child.expect("登录时看到什么")
    child.sendcontrol("c")
    # The command names the trees given, so it finds them again (the terminal may wrap it).
    child.expect(r"wallet-doctor run triage --lang zh-CN --trees \S+ --no-builtin\s+-a\s+triage_problem=login")
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()

    assert child.exitstatus == 130
    assert "Traceback" not in output


@pytest.mark.parametrize("signum", ["SIGTERM", "SIGHUP"])
@pytest.mark.usefixtures("hang_up_as_default")
def test_the_wizard_killed_by_a_signal_stops_as_for_ctrl_c_and_gives_the_terminal_back(signum: str) -> None:
    import signal

    child = spawn(lang="en")
    child.expect("What is the problem")
    child.send(DOWN + ENTER)
    child.expect("What happens when you log in")
    child.kill(getattr(signal, signum))
    child.expect(r"wallet-doctor run triage --lang en --trees \S+ --no-builtin\s+-a\s+triage_problem=login")
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()

    assert child.exitstatus == 130  # not killed: it ran its exit path, which puts the terminal back
    assert "Traceback" not in output


def test_end_of_input_at_the_first_menu_exits_130() -> None:
    child = spawn(lang="en")
    child.expect("What is the problem")
    child.sendcontrol("d")
    child.expect("wallet-doctor run triage --lang en")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 130


def test_an_absurd_columns_setting_does_not_draw_lines_of_hundreds_of_megabytes(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100000000")
    original = pexpect.spawn

    def with_columns(command, args, env, **kwargs):  # spawn() passes a fixed env: add COLUMNS to it
        return original(command, args, env={**env, "COLUMNS": "100000000"}, **kwargs)

    monkeypatch.setattr(pexpect, "spawn", with_columns)
    child = spawn(lang="en")
    child.expect("What is the problem", timeout=10)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 130


# -- issue #15: the wizard as a person uses it -------------------------------------------------------


def test_the_bare_command_takes_lang_and_a_stopped_walk_is_offered_at_the_next_start() -> None:
    child = spawn("--lang", "en", lang=None, command_words=(), columns=50)
    child.expect("What is the problem")
    child.send(ENTER)  # The app will not load
    child.expect("Do other apps work")
    child.sendcontrol("c")
    # One line however narrow the terminal: the terminal wraps it, no newline is written inside it.
    child.expect(r"\n  (wallet-doctor run triage --lang en --trees \S+ --no-builtin -a triage_problem=network)\r?\n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    again = spawn("--lang", "en", lang=None, command_words=(), columns=50)
    again.expect("What is the problem\\? → The app will not load")
    again.expect("Carry on from where you stopped")
    again.send("y")
    again.expect("Do other apps work")
    again.sendcontrol("c")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 130


def test_a_dumb_terminal_gets_numbered_menus_and_no_escape_sequence() -> None:
    child = spawn("network", TERM="dumb")
    child.expect("Type a number \\(1–4\\) and press Enter: ")
    child.sendline("2")  # They fail too
    child.expect("A network problem")
    child.expect("Type a number \\(1–5\\) and press Enter: ")
    child.sendline("3")  # the step-by-step walk
    child.expect("Step 1 of 3")
    child.sendline("1")  # done, fixed
    child.expect("Glad it is sorted")
    child.expect("Save a case report")
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 0
    transcript = child.logfile_read.getvalue() if child.logfile_read else ""
    assert "\x1b" not in transcript


def test_going_back_takes_the_undone_answer_off_the_screen() -> None:
    child = spawn("network")
    child.expect("Do other apps work")
    child.send(ENTER)  # They work
    child.expect("account abnormal")
    child.send(DOWN * 3 + ENTER)  # Go back one question
    # Both one-line echoes ("? Do other apps work? They work", "? ... Go back one question") are erased.
    child.expect_exact("\x1b[1A\x1b[2K\x1b[1A\x1b[2K")
    child.expect("Do other apps work")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 130
