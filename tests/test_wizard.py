"""The interactive wizard, driven through its real questionary prompts (no mocks of the engine)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.prompting import CTRL_C, DOWN, ENTER, UP, ScriptedPrompter, make_wizard, run_wizard
from wallet_doctor import __version__
from wallet_doctor.engine import Walk
from wallet_doctor.model import Catalog


def test_arrow_keys_walk_from_triage_into_another_tree_to_an_outcome(catalog: Catalog) -> None:
    # triage: down to "I cannot log in"; login: down to "No SMS code"; solved: yes; report: no (default).
    keys = [DOWN + ENTER, DOWN + ENTER, ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "triage"), keys)

    assert code == 0
    assert prompter.asked == [
        "What is the problem?",
        "What happens when you log in?",
        "Did this solve the problem?",
        "Save a case report to send to support?",
    ]
    assert "The SMS is blocked" in screen
    assert "1. Look in the spam folder." in screen
    assert "Glad it is sorted." in screen


def test_help_is_shown_and_the_same_question_is_asked_again(catalog: Catalog) -> None:
    # login has 2 choices; the extras are help, quit. Help is the third entry.
    keys = [DOWN + DOWN + ENTER, ENTER, ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "login"), keys)

    assert code == 0
    assert prompter.asked[:2] == ["What happens when you log in?", "What happens when you log in?"]
    assert "Why we ask" in screen and "Read the message." in screen


def test_back_returns_to_the_previous_question_and_forgets_the_answer(catalog: Catalog) -> None:
    # network: "pass" -> net_notice; there choose "Go back" (after 2 choices and help: index 3);
    # then "fail" -> outcome; solved yes; no report.
    keys = [ENTER, DOWN * 3 + ENTER, DOWN + ENTER, ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys)

    assert code == 0
    assert prompter.asked[:3] == [
        "Do other apps work?",
        'Does the wallet say "account abnormal"?',
        "Do other apps work?",
    ]
    assert "A network problem" in screen


def test_start_over_returns_to_the_first_question(catalog: Catalog) -> None:
    keys = [ENTER, DOWN * 4 + ENTER, DOWN + ENTER, ENTER, ENTER]

    code, _, prompter = run_wizard(Walk.start(catalog, "network"), keys)

    assert code == 0
    assert prompter.asked[2] == "Do other apps work?"


def test_ctrl_c_stops_with_130_and_prints_the_command_that_resumes(catalog: Catalog) -> None:
    code, screen, _ = run_wizard(Walk.start(catalog, "triage"), [ENTER, CTRL_C])

    assert code == 130
    assert screen.endswith(
        "Stopped. To carry on from here, run:\n  wallet-doctor run triage --lang en -a triage_problem=network\n"
    )


def test_end_of_input_stops_like_ctrl_c(catalog: Catalog) -> None:
    code, screen, _ = run_wizard(Walk.start(catalog, "triage"), [])

    assert code == 130
    assert "wallet-doctor run triage --lang en\n" in screen


def test_quit_stops_with_the_resume_command(catalog: Catalog) -> None:
    # login: 2 choices, help, quit.
    code, screen, _ = run_wizard(Walk.start(catalog, "login"), [DOWN * 3 + ENTER])

    assert code == 130
    assert "wallet-doctor run login --lang en" in screen


def test_typed_words_find_the_tree_to_walk(catalog: Catalog) -> None:
    # triage: 3 choices, then "Describe it in my own words" (index 3); the tree comes after two pages.
    keys = [DOWN * 3 + ENTER, "登录不了" + ENTER, DOWN * 2 + ENTER, ENTER, ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "triage"), keys, lang="zh-CN")

    assert code == 0
    assert prompter.asked[:4] == [
        "遇到了什么问题？",
        "请描述你的问题或粘贴错误提示：",
        "最接近的是哪一个？",
        "登录时看到什么？",
    ]
    assert "重设密码" in screen


def test_not_solved_offers_the_related_tree(catalog: Catalog) -> None:
    # network -> pass -> not_shown: outcome net_is_app, related [login]. Not solved -> login -> no_sms -> solved.
    keys = [ENTER, DOWN + ENTER, DOWN + ENTER, ENTER, DOWN + ENTER, ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys)

    assert code == 0
    assert prompter.asked[3:5] == ["What would you like to do next?", "What happens when you log in?"]
    assert "The SMS is blocked" in screen


def test_a_case_report_is_saved_as_markdown_with_the_walk_and_a_reminder(
    catalog: Catalog, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # login -> wrong_password; solved yes; save report: up to "Yes" (the default is no); accept the file name.
    keys = [ENTER, ENTER, UP + ENTER, ENTER]

    code, screen, _ = run_wizard(Walk.start(catalog, "login"), keys)

    report = tmp_path / "wallet-case-20261122-0930.md"
    assert code == 0
    assert f"Report saved: {report}" in screen  # the absolute path
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Wallet case report\n\n- **Date:** 2026-11-22T09:30:00")
    assert (
        "- **Trees used:** Cannot log in v1\n"
        f"- **Tool version:** wallet-doctor {__version__}\n"
        "- **Did this solve it:** yes\n"
    ) in text
    assert "> **Warning:** Nobody, support included, will ever ask for your password" in text
    assert "1. What happens when you log in? → **Wrong password**" in text
    assert "## Diagnosis: Reset the password" in text
    assert "**Warning:** Real support never asks for your codes." in text


def test_the_report_never_overwrites_without_asking(catalog: Catalog, tmp_path: Path) -> None:
    existing = tmp_path / "case.json"
    existing.write_text("keep me", encoding="utf-8")
    # login -> wrong_password; solved yes; overwrite? default no; somewhere else? no.
    keys = [ENTER, ENTER, ENTER, DOWN + ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "login"), keys, report_path=existing)

    assert code == 0
    assert prompter.asked[-2:] == [f"{existing}: That file exists. Overwrite it?", "Save it somewhere else?"]
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert "The report was not saved." in screen


def test_a_json_report_redacts_numbers_the_user_typed(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    typed = "登录不了 手机 13812345678 卡 6222021234567890123"
    keys = [DOWN * 3 + ENTER, typed + ENTER, DOWN * 2 + ENTER, ENTER, ENTER]  # the login tree, after two pages

    code, _, _ = run_wizard(Walk.start(catalog, "triage"), keys, report_path=path)

    report = json.loads(path.read_text(encoding="utf-8"))
    assert code == 0
    assert report["description"] == "登录不了 手机 [PHONE] 卡 [CARD]"
    assert report["outcome"]["id"] == "login_reset"
    assert report["trees"][0]["id"] == "login"
    assert "13812345678" not in path.read_text(encoding="utf-8")


def test_a_long_choice_is_wrapped_in_the_menu_and_echoed_whole_once_picked() -> None:
    from types import SimpleNamespace

    from wallet_doctor.wizard.prompter import _WrappedChoice
    from wallet_doctor.wizard.wrap import wrap as _wrap

    label = "The app won't connect, keeps loading or says “请稍后再试” (please try again later)"
    choice = _WrappedChoice.make(label, _wrap(label, 40), ("answer", "no_connection"))

    assert choice.title == (
        "The app won't connect, keeps loading or\n      says “请稍后再试” (please try again\n      later)"
    )
    choice.control = SimpleNamespace(is_answered=True)
    assert choice.title == label


def test_a_report_that_cannot_be_saved_is_said_wholly_in_chinese(catalog: Catalog, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    folder = tmp_path / "a-file" / "missing"
    # login -> wrong_password; solved yes; the report's folder is missing: create it (yes), which fails;
    # somewhere else? no.
    keys = [ENTER, ENTER, ENTER, DOWN + ENTER]

    code, screen, prompter = run_wizard(
        Walk.start(catalog, "login"), keys, lang="zh-CN", report_path=folder / "case.md"
    )

    assert code == 0
    assert prompter.asked[-2:] == [f"文件夹 {folder} 不存在，要新建吗？", "换个位置保存吗？"]
    assert f"报告没有保存。无法写入“{folder}”：Not a directory。" in screen.replace("\n", "")


def test_the_diagnosis_shows_what_to_do_now_then_the_rest_on_request_and_ends_with_a_summary(
    catalog: Catalog,
) -> None:
    # network -> fail; "show the rest first" (fourth choice); then not solved; finish; no report.
    keys = [DOWN + ENTER, DOWN * 3 + ENTER, DOWN + ENTER, ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys)

    assert code == 0
    assert prompter.asked[1:3] == ["Did this solve the problem?", "Did this solve the problem?"]
    assert screen == (
        "───────────────────────────── Network or account? ──────────────────────────────\n"
        "\n"
        "╭─  ·  Severity: low  ─────────────────────────────────────────────────────────╮\n"
        "│ A network problem                                                            │\n"
        "│ The network is down.                                                         │\n"
        "╰──────────────────────────────────────────────────────────────────────────────╯\n"
        "What to do, in this order\n"
        "1. Switch to mobile data.\n"
        "2. ⚠ Warning: Do not move money over public Wi-Fi.\n"
        "3. If a transfer was already sent:\n"
        "   a. Check its status in the transaction history.\n"
        "\n"
        "\n"
        "Contacting support safely\n"
        "• Contact support only through the help section inside the wallet app.\n"
        "⚠ Real support never asks for your codes.\n"
        "\n"
        "Have these ready before you contact support\n"
        "☐ The transaction number\n"
        "☐ A screenshot of the error\n"
        "\n"
        "If that does not work\n"
        "→ If it is still down in a week, complain.\n"
        "\n"
        "\n"
        "─────────────────────────────────── Summary ────────────────────────────────────\n"
        "Diagnosis: A network problem (low)\n"
        "Most important:\n"
        "1. Switch to mobile data.\n"
        "2. ⚠ Warning: Do not move money over public Wi-Fi.\n"
        "Nobody, support included, will ever ask for your password, verification codes or\n"
        "recovery phrase. Never share them.\n"
    )


def test_when_it_is_solved_prevention_is_shown_and_the_summary_says_where_the_report_is(
    catalog: Catalog, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # network -> fail; solved; save the report (up to "Yes"), accept the file name.
    keys = [DOWN + ENTER, ENTER, UP + ENTER, ENTER]

    code, screen, _ = run_wizard(Walk.start(catalog, "network"), keys)

    assert code == 0
    assert "Contacting support safely" not in screen
    assert screen.split("   a. Check its status in the transaction history.\n", 1)[1] == (
        "\n"
        "\n"
        "Later, to keep it from happening again\n"
        "• Note your carrier's support number.\n"
        "\n"
        "Glad it is sorted.\n"
        f"Report saved: {tmp_path}/wallet-case-20261122-0930.md\n"
        "\n"
        "─────────────────────────────────── Summary ────────────────────────────────────\n"
        "Diagnosis: A network problem (low)\n"
        "Most important:\n"
        "1. Switch to mobile data.\n"
        "2. ⚠ Warning: Do not move money over public Wi-Fi.\n"
        "Nobody, support included, will ever ask for your password, verification codes or\n"
        "recovery phrase. Never share them.\n"
        f"Report saved: {tmp_path}/wallet-case-20261122-0930.md\n"
    )


def test_on_a_short_terminal_the_steps_come_a_page_at_a_time_so_none_scrolls_away(catalog: Catalog) -> None:
    # network -> fail; "show step 3"; solved; no report. 14 lines leave 8 for a page: the box, the heading
    # and steps 1-2 on the first.
    wizard, screen = make_wizard(Walk.start(catalog, "network"), [DOWN + ENTER, ENTER, ENTER, ENTER])
    wizard.console.height = 14

    code = wizard.run()

    assert code == 0
    assert isinstance(wizard.prompter, ScriptedPrompter)
    assert wizard.prompter.asked[1:3] == ["There are more steps.", "Did this solve the problem?"]
    assert wizard.prompter.offered[1] == ["Show step 3"]
    assert "2. ⚠ Warning: Do not move money over public Wi-Fi.\n3. If a transfer was already sent:\n" in (
        screen.getvalue()
    )


def test_a_long_question_and_its_echoed_answer_break_between_words_never_inside_one() -> None:
    from wallet_doctor.render.wrap import prompt_lines

    question, instruction, echo = prompt_lines(
        "Don't pay again yet. Open the wallet's transaction history and your bank or card statement. "
        "Was the money taken?",
        "(↑↓ or a number to move, Enter to choose)",
        60,
    )

    assert question == (
        "Don't pay again yet. Open the wallet's transaction\n"
        "  history and your bank or card statement. Was the money\n"
        "  taken?"
    )
    assert instruction == "(↑↓ or a number to move, Enter to choose)"  # it fits after "taken?"
    # "  taken? " leaves the answer 51 cells of the 60; a word that does not fit starts the next line.
    assert echo("The money was taken (or is on hold), but the payment shows as failed") == (
        "The money was taken (or is on hold), but the\n  payment shows as failed"
    )
    long_last_line = "Was the money taken? Look at the wallet's history and the card statement first."
    assert prompt_lines(long_last_line, "(↑↓ or a number to move, Enter to choose)", 60)[:2] == (
        "Was the money taken? Look at the wallet's history and the\n  card statement first.",
        "\n  (↑↓ or a number to move, Enter to choose)",
    )
    assert prompt_lines("x" * 50, "", 60)[2]("Supercalifragilistic") == "\n  Supercalifragilistic"


def test_a_chinese_choice_is_wrapped_without_a_comma_at_the_start_of_a_line() -> None:
    from wallet_doctor.wizard.wrap import wrap as _wrap

    assert _wrap("钱被扣了（或被冻结占用），但交易显示失败，或商家说没收到", 20) == (
        "钱被扣了（或被冻结占\n      用），但交易显示失\n      败，或商家说没收到"
    )
