"""The wizard as a person uses it (issue #15): resume, the bare command's options, reports never lost, the
device asked once, navigation, one kind of prompt, typed words, and the step-by-step remediation walk.
Driven through the real questionary prompts (tests/prompting.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.prompting import CTRL_C, DOWN, ENTER, UP, run_wizard
from wallet_doctor.engine import Walk
from wallet_doctor.lang import resolve
from wallet_doctor.model import Catalog
from wallet_doctor.resume import load_interrupted, state_folder


@pytest.fixture
def instructions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The instruction line of every menu the wizard shows, in order ("Question 1 of about 4 (...)")."""
    from wallet_doctor.wizard.prompter import Prompter

    seen: list[str] = []
    original = Prompter.select

    def spy(self, message, choices, instruction, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(instruction)
        return original(self, message, choices, instruction, *args, **kwargs)

    monkeypatch.setattr(Prompter, "select", spy)
    return seen


# -- 2. resume --------------------------------------------------------------------------------------


def test_ctrl_c_keeps_the_walk_and_the_next_start_offers_it_with_the_earlier_answers(catalog: Catalog) -> None:
    code, screen, _ = run_wizard(Walk.start(catalog, "triage"), [ENTER, CTRL_C])

    assert code == 130
    assert "Your answers are kept for the next time you run wallet-doctor." in screen
    saved = json.loads((state_folder() / "interrupted-walk.json").read_text(encoding="utf-8"))
    assert (saved["tree"], saved["answers"], saved["lang"]) == ("triage", {"triage_problem": "network"}, "en")

    # Next start: the offer, the earlier answer shown, Enter (yes, the default) carries on at net_other_apps.
    code, screen, prompter = run_wizard(
        Walk.start(catalog, "triage"), [ENTER, DOWN + ENTER, ENTER, ENTER], offer_saved=True
    )

    assert code == 0
    assert "  · What is the problem? → The app will not load\n" in screen
    assert prompter.asked[:2] == ["Carry on from where you stopped?", "Do other apps work?"]
    assert load_interrupted(catalog) is None  # continued: forgotten


def test_declining_the_saved_walk_starts_fresh_and_forgets_it(catalog: Catalog) -> None:
    run_wizard(Walk.start(catalog, "triage"), [ENTER, CTRL_C])

    _, _, prompter = run_wizard(Walk.start(catalog, "triage"), [DOWN + ENTER, CTRL_C], offer_saved=True)

    assert prompter.asked == ["Carry on from where you stopped?", "What is the problem?"]
    assert load_interrupted(catalog) is None


def test_a_state_folder_others_may_write_to_keeps_nothing(catalog: Catalog) -> None:
    folder = state_folder()
    folder.mkdir(parents=True)
    os.chmod(folder, 0o777)

    code, screen, _ = run_wizard(Walk.start(catalog, "triage"), [ENTER, CTRL_C])

    assert code == 130
    assert "answers are kept" not in screen
    assert not (folder / "interrupted-walk.json").exists()


def test_the_resume_command_is_one_line_even_wider_than_the_terminal(catalog: Catalog, tmp_path: Path) -> None:
    options = ["--trees", str(tmp_path / ("a-long-folder-name" * 4))]
    code, screen, _ = run_wizard(Walk.start(catalog, "triage"), [ENTER, CTRL_C], resume_options=options)

    assert code == 130
    line = screen.splitlines()[-1]
    assert line == (f"  wallet-doctor run triage --lang en --trees {options[1]} -a triage_problem=network")
    assert len(line) > 80  # the console is 80 wide: rich did not break it


# -- 3. the bare command and the language ---------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LC_ALL": "POSIX", "LANG": "zh_CN.UTF-8"}, "zh-CN"),
        ({"LANG": "zh_CN.UTF-8"}, "zh-CN"),
        ({}, "zh-CN"),
    ],
)
def test_a_locale_we_do_not_speak_gets_english_and_none_at_all_chinese(
    monkeypatch: pytest.MonkeyPatch, settings: dict[str, str], expected: str
) -> None:
    monkeypatch.delenv("WALLET_DOCTOR_LANG")
    for name, value in settings.items():
        monkeypatch.setenv(name, value)

    assert resolve(None) == expected


def test_the_bare_command_takes_runs_options(cli) -> None:
    result = cli("--lang", "zh-CN", "--no-probe", "--no-color", "--trees", "tests/trees/valid", "--no-builtin")

    assert result.exit_code == 3  # not a terminal: the first question, in Chinese
    assert "遇到了什么问题？" in result.stdout
    assert "wallet-doctor run triage --lang zh-CN --trees tests/trees/valid --no-builtin -a triage_problem=CHOICE" in (
        result.stdout
    )


def test_a_root_option_before_another_command_is_that_commands_own(cli) -> None:
    result = cli("--lang", "en", "search", "被拒付款")

    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("transaction  A payment failed or is still pending")


def test_the_same_option_after_the_command_wins(cli) -> None:
    _, data = cli.json("--lang", "zh-CN", "run", "--lang", "en", "-a", "triage_problem=money")

    assert data["lang"] == "en"


def test_a_root_option_the_command_does_not_take_is_refused_naming_it(cli) -> None:
    result = cli("--report", "case.md", "list")

    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value: --report does not apply to wallet-doctor list"
        " (see wallet-doctor list --help for its options)\n"
    )


# -- 4. reports never lost --------------------------------------------------------------------------


def test_a_report_path_with_tilde_in_a_missing_folder_is_expanded_and_the_folder_made(
    catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    # login -> wrong_password; solved yes; save? yes; path; create the folder? yes (the default).
    keys = [ENTER, ENTER, UP + ENTER, "\x15~/cases/case.md" + ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "login"), keys)

    saved = tmp_path / "cases" / "case.md"
    assert code == 0
    assert prompter.asked[-1] == f"The folder {tmp_path / 'cases'} does not exist. Create it?"
    assert f"Report saved: {saved}\n" in screen
    assert saved.read_text(encoding="utf-8").startswith("# Wallet case report\n")


def test_refusing_to_overwrite_asks_for_another_place_and_saves_there(catalog: Catalog, tmp_path: Path) -> None:
    existing = tmp_path / "case.md"
    existing.write_text("keep me", encoding="utf-8")
    other = tmp_path / "other.md"
    # login -> wrong_password; solved no; finish; overwrite? no; somewhere else? yes; the new path.
    keys = [ENTER, DOWN + ENTER, ENTER, ENTER, ENTER, "\x15" + str(other) + ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "login"), keys, report_path=existing)

    assert code == 0
    assert prompter.asked[-3:] == [
        f"{existing}: That file exists. Overwrite it?",
        "Save it somewhere else?",
        "Save it to which file?",
    ]
    assert existing.read_text(encoding="utf-8") == "keep me"
    text = other.read_text(encoding="utf-8")
    assert "- **Did this solve it:** no, not yet\n" in text
    assert f"Report saved: {other}\n" in screen


def test_after_a_related_problem_and_quit_the_first_diagnosis_is_offered_for_saving(
    catalog: Catalog, tmp_path: Path
) -> None:
    path = tmp_path / "case.md"
    # network -> pass -> not_shown: "An app problem"; not solved; related: login; there Quit (after its 2
    # choices, help, back and start over).
    keys = [ENTER, DOWN + ENTER, DOWN + ENTER, ENTER, DOWN * 5 + ENTER]

    code, _, _ = run_wizard(Walk.start(catalog, "network"), keys, report_path=path)

    assert code == 0
    text = path.read_text(encoding="utf-8")
    assert "## Diagnosis: An app problem" in text
    assert "- Cannot log in\n" in text  # the related problem by its title, no tree id
    assert "`login`" not in text and "(network" not in text


# -- the step-by-step walk ------------------------------------------------------------------------

WALK = DOWN * 2 + ENTER  # "Go through the 3 steps with me, one at a time" (after yes and no)


def test_the_step_by_step_walk_stops_when_step_2_fixes_it(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "case.md"
    # network -> fail; the walk; step 1: done, still broken; step 2: done, fixed.
    keys = [DOWN + ENTER, WALK, DOWN + ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys, report_path=path)

    assert code == 0
    assert prompter.asked[1:] == ["Did this solve the problem?", "How did this step go?", "How did this step go?"]
    assert prompter.offered[1][2] == "Go through the 3 steps with me, one at a time"
    assert prompter.offered[2] == [
        "Done, and it is fixed",
        "Done, but it is still not working",
        "I cannot do this step",
    ]
    assert "\nStep 1 of 3 ──" in screen and "\nStep 2 of 3 ──" in screen and "Step 3 of 3" not in screen
    assert "Glad it is sorted." in screen
    text = path.read_text(encoding="utf-8")
    assert "- **Did this solve it:** yes\n" in text
    assert text.endswith(
        "## Steps already tried, one at a time\n\n"
        "1. Switch to mobile data. → **done, still not working**\n"
        "2. Do not move money over public Wi-Fi. → **done, and that fixed it**\n"
    )


def test_when_no_step_fixes_it_the_walk_escalates_with_what_was_tried(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "case.md"
    # network -> fail; the walk; step 1: still broken; step 2: cannot; step 3 (a condition): still broken;
    # then what next: finish.
    keys = [DOWN + ENTER, WALK, DOWN + ENTER, DOWN * 2 + ENTER, DOWN + ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys, report_path=path)

    assert code == 0
    assert prompter.offered[4][-1] == "This does not apply to me"  # step 3 is conditional
    assert prompter.asked[-1] == "What would you like to do next?"
    after = screen.split("None of the steps fixed it. Here is what you tried, and how to get help next.\n", 1)[1]
    assert after.startswith(
        "\nSteps already tried, one at a time\n"
        "1. Switch to mobile data. → done, still not working\n"
        "2. Do not move money over public Wi-Fi. → could not do this\n"
        "3. If a transfer was already sent: → done, still not working\n"
        "\nContacting support safely\n"
    )
    assert "This step protects your money." in screen  # why step 2 matters
    text = path.read_text(encoding="utf-8")
    assert "- **Did this solve it:** no, not yet\n" in text
    assert "3. If a transfer was already sent: → **done, still not working**\n" in text


@pytest.mark.parametrize("which", ["critical", "scam"])
def test_a_solved_critical_or_scam_diagnosis_does_not_say_glad(which: str) -> None:
    from wallet_doctor.model import Outcome
    from wallet_doctor.sources import open_catalog

    full = open_catalog([], builtin=True)
    tree, node = next(
        (t.id, n)
        for t in full.trees.values()
        for n in t.nodes.values()
        if isinstance(n, Outcome) and (n.severity == "critical" if which == "critical" else t.id == "fraud_check")
    )
    walk = _walk_to(full, tree, node.id)
    code, screen, _ = run_wizard(walk, [ENTER] * 5)  # pages of steps, if any; solved: yes; no report

    assert code == 0
    assert "Glad it is sorted." not in screen
    assert "Good. Keep an eye on your account and transactions" in screen


def _walk_to(catalog: Catalog, tree: str, outcome: str) -> Walk:
    from wallet_doctor.paths import all_paths

    return next(w for w in all_paths(catalog, tree) if w.outcome is not None and w.outcome.id == outcome)


# -- 5. navigation ----------------------------------------------------------------------------------


def test_a_page_picked_from_typed_words_is_walked_to_with_its_answers_preselected(catalog: Catalog) -> None:
    # triage: describe (4th); type; pick the page (first); Enter on the pre-selected answer; then the diagnosis.
    keys = [DOWN * 3 + ENTER, "SMS" + ENTER, ENTER, ENTER, *[ENTER] * 5]

    code, screen, prompter = run_wizard(Walk.start(catalog, "triage"), keys)

    assert code == 0
    assert prompter.offered[1] == ["The SMS is blocked", "None of these: back to the menu"]
    assert "the answers that lead to that page are already selected" in " ".join(screen.split())
    assert prompter.asked[3] == "What is the problem?"  # the question is still asked: the person confirms it
    assert "The SMS is blocked" in screen.split("What is the problem?")[-1]


def test_back_from_the_first_question_after_a_typed_search_returns_to_the_menu(catalog: Catalog) -> None:
    # triage: describe (4th); type; pick the tree (network, after its page); there: back (after 2 choices and
    # help).
    keys = [DOWN * 3 + ENTER, "network" + ENTER, DOWN + ENTER, DOWN * 3 + ENTER, CTRL_C]

    code, _, prompter = run_wizard(Walk.start(catalog, "triage"), keys)

    assert code == 130
    assert prompter.offered[2][-3:] == ["Go back one question", "Start over", "Quit"]
    assert prompter.asked[3:] == ["Do other apps work?", "What is the problem?"]


def test_back_from_the_diagnosis_asks_the_last_question_again_with_the_earlier_answer_chosen(
    catalog: Catalog,
) -> None:
    # network -> fail; at the diagnosis: back (5th, after yes, no, the walk, the rest); Enter keeps "fail";
    # solved yes; no report.
    keys = [DOWN + ENTER, DOWN * 4 + ENTER, ENTER, ENTER, ENTER]

    code, screen, prompter = run_wizard(Walk.start(catalog, "network"), keys)

    assert code == 0
    assert prompter.offered[1][-1] == "Go back one question"
    assert prompter.asked[:4] == [
        "Do other apps work?",
        "Did this solve the problem?",
        "Do other apps work?",
        "Did this solve the problem?",
    ]
    assert screen.count("A network problem") >= 2


def test_start_over_after_a_long_walk_asks_first(catalog: Catalog) -> None:
    # triage: network; check: they work; notice: shown -> login (3 answers); start over (after 2 choices,
    # help, back); keep the answers (No, the default); then Quit.
    keys = [ENTER, ENTER, ENTER, DOWN * 4 + ENTER, ENTER, DOWN * 5 + ENTER]

    code, _, prompter = run_wizard(Walk.start(catalog, "triage"), keys)

    assert code == 130
    assert prompter.asked[3:] == [
        "What happens when you log in?",
        "Starting over discards the 3 answers given so far. Start over?",
        "What happens when you log in?",
    ]


# -- 6. one kind of prompt -------------------------------------------------------------------------


def test_a_yes_or_no_takes_y_n_and_numbers_and_is_a_localised_menu(catalog: Catalog, tmp_path: Path) -> None:
    # login -> wrong_password; solved: yes; save a report? "y"; the path; then another walk: "n" and "2".
    path = tmp_path / "case.md"
    keys = [ENTER, ENTER, "y", "\x15" + str(path) + ENTER]

    code, _, prompter = run_wizard(Walk.start(catalog, "login"), keys)

    assert code == 0 and path.exists()
    assert prompter.offered[-1] == ["Yes", "No"]
    for answer in ("n", "N", "2" + ENTER, UP + "2" + ENTER):
        code, screen, prompter = run_wizard(Walk.start(catalog, "login"), [ENTER, ENTER, answer])
        assert code == 0, answer  # answered, not ended by the end of the keys
        assert prompter.asked[-1] == "Save a case report to send to support?", answer
        assert "Report saved" not in screen, answer


def test_the_yes_or_no_instruction_is_in_the_users_language(catalog: Catalog, instructions: list[str]) -> None:
    run_wizard(Walk.start(catalog, "login"), [ENTER, ENTER, ENTER], lang="zh-CN")

    assert instructions[-1] == "（↑↓、数字键或 y/n 选择，回车确认）"


# -- 7. typed words ----------------------------------------------------------------------------------


def test_typed_english_under_chinese_gets_english_pages_then_trees_saying_why(catalog: Catalog) -> None:
    keys = [DOWN * 3 + ENTER, "the network is offline" + ENTER, CTRL_C]

    code, _, prompter = run_wizard(Walk.start(catalog, "triage"), keys, lang="zh-CN")
    assert code == 130
    assert prompter.asked[1:] == ["请描述你的问题或粘贴错误提示：", "Which of these is closest?"]
    assert prompter.offered[1] == [
        "A network problem",
        "Network or account? (matched “network”, “offline”)",
        "None of these: back to the menu",
    ]


def test_typed_chinese_gets_chinese_suggestions(catalog: Catalog) -> None:
    keys = [DOWN * 3 + ENTER, "一直加载失败" + ENTER, CTRL_C]

    _, _, prompter = run_wizard(Walk.start(catalog, "triage"), keys, lang="en")

    assert prompter.offered[1] == ["应用问题", "网络问题", "网络还是账户（匹配：“加载失败”）", "都不是，回到菜单"]


def test_back_at_the_menu_from_the_suggestions_enter_describes_again(catalog: Catalog) -> None:
    # describe; type; "none of these: back to the menu" (the last); Enter alone: the cursor is on "describe".
    keys = [DOWN * 3 + ENTER, "offline" + ENTER, UP + ENTER, ENTER, CTRL_C]

    _, _, prompter = run_wizard(Walk.start(catalog, "triage"), keys)

    assert prompter.asked[1:4] == [
        "Describe the problem or paste the error message:",
        "Which of these is closest?",
        "What is the problem?",
    ]
    assert prompter.asked[4] == "Describe the problem or paste the error message:"


def test_words_that_find_nothing_leave_the_cursor_on_describe_to_try_others(catalog: Catalog) -> None:
    keys = [DOWN * 3 + ENTER, "zzzz" + ENTER, ENTER, CTRL_C]

    _, screen, prompter = run_wizard(Walk.start(catalog, "triage"), keys)

    assert "Nothing matched" in screen
    assert prompter.asked[1:] == [
        "Describe the problem or paste the error message:",
        "What is the problem?",
        "Describe the problem or paste the error message:",
    ]


def test_each_question_says_where_the_walk_stands(catalog: Catalog, instructions: list[str]) -> None:
    # network: they work (the longest way: the notice, then login's question); Ctrl-C at the notice.
    run_wizard(Walk.start(catalog, "network"), [ENTER, CTRL_C])

    assert instructions == [
        "Question 1 of about 2 (↑↓ or a number to move, Enter to choose)",
        "Question 2 of about 3 (↑↓ or a number to move, Enter to choose)",
    ]


def test_a_pasted_session_error_suggests_its_page_then_sign_in_saying_why() -> None:
    from wallet_doctor.sources import open_catalog

    full = open_catalog([], builtin=True)
    keys = [DOWN * 7 + ENTER, "Error 1003: session expired" + ENTER, CTRL_C]

    _, _, prompter = run_wizard(Walk.start(full, "triage"), keys, lang="zh-CN")

    page, *_ = prompter.offered[1]
    first_tree = next(label for label in prompter.offered[1] if "(matched" in label)
    assert page == "The session has expired: sign in again"
    assert first_tree.startswith(full.trees["login"].title.get("en"))
    assert first_tree.endswith("(matched “session expired”, “error 1003”)")


def test_a_short_word_that_made_nothing_match_is_not_given_as_the_reason() -> None:
    from wallet_doctor.sources import open_catalog

    full = open_catalog([], builtin=True)
    keys = [DOWN * 7 + ENTER, "stolen phone on the bus" + ENTER, CTRL_C]

    _, _, prompter = run_wizard(Walk.start(full, "triage"), keys)

    assert "Customer information problems (matched “stolen”, “phone”)" in prompter.offered[1]  # not “on”


def test_none_of_these_describe_it_opens_the_box_for_words_and_back_returns_to_that_menu() -> None:
    # The page behind "None of these; I'd like to describe it in my own words" only said "go back to the first
    # question and choose describe": the wizard opens that box in its place.
    from wallet_doctor.sources import open_catalog

    full = open_catalog([], builtin=True)
    walk = Walk.start(full, "triage").answer("other").answer("not_sure")
    menu = walk.question
    assert menu is not None and full.node(menu.choice("describe").next).opens == "describe"  # type: ignore[union-attr]
    describe = DOWN * menu.choice_ids.index("describe") + ENTER
    # describe; type; "none of these: back to the menu" (the last); back (below "describe", where the cursor
    # stands, and the first question's help).
    keys = [describe, "Apple Pay charged me twice" + ENTER, UP + ENTER, DOWN * 2 + ENTER, CTRL_C]

    code, screen, prompter = run_wizard(walk, keys)

    assert code == 130
    assert prompter.asked[1] == "Describe the problem or paste the error message:"
    assert prompter.offered[1][0] == full.node("tx_charged_twice").title.get("en")  # type: ignore[union-attr]
    assert prompter.asked[3] == full.trees["triage"].nodes["triage_problem"].text.get("en")  # type: ignore[union-attr]
    assert prompter.asked[4] == menu.text.get("en")  # back: the menu that led to the box
    assert full.node("triage_describe").title.get("en") not in screen  # type: ignore[union-attr]


def test_describing_offers_only_the_trees_near_the_best_match() -> None:
    # "failed" starts a keyword of most trees: each of them was offered after the payments tree.
    from wallet_doctor.sources import open_catalog

    full = open_catalog([], builtin=True)
    keys = [DOWN * 7 + ENTER, "3D Secure failed" + ENTER, CTRL_C]

    _, _, prompter = run_wizard(Walk.start(full, "triage"), keys)

    trees = [label for label in prompter.offered[1] if "(matched" in label]
    assert trees[0].startswith(full.trees["payments"].title.get("en"))
    assert not any(label.startswith(full.trees["customer_info"].title.get("en")) for label in prompter.offered[1])


# -- 8. TERM=dumb -----------------------------------------------------------------------------------


def test_the_plain_menu_takes_a_number_y_n_or_enter_and_asks_again_on_anything_else(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from wallet_doctor.wizard.prompter import PlainPrompter

    typed = iter(["7", "x", "2", "", "n"])
    monkeypatch.setattr("builtins.input", lambda prompt="": print(prompt, end="") or next(typed))
    plain = PlainPrompter("en")
    choices = [("First", ("answer", "a")), ("Second", ("answer", "b")), ("Quit", ("quit", ""))]

    assert plain.select("Which one?", choices, "(ignored)", extras=1) == ("answer", "b")
    assert plain.confirm("Sure?", True, "Yes", "No") is True  # Enter: the default
    assert plain.confirm("Sure?", True, "Yes", "No") is False  # n
    assert capsys.readouterr().out.startswith(
        "Which one?\n"
        "  1) First\n"
        "  2) Second\n"
        "   --\n"
        "  3) Quit\n"
        "Type a number (1–3) and press Enter: Please type a number from 1 to 3.\n"
        "Type a number (1–3) and press Enter: Please type a number from 1 to 3.\n"
        "Type a number (1–3) and press Enter: Sure?\n"
        "  1) Yes\n"
        "  2) No\n"
        "Type a number (1–2) and press Enter [1]: "
    )


def test_the_first_question_promises_the_walk_most_people_take_not_the_longest(instructions: list[str]) -> None:
    from wallet_doctor.sources import open_catalog

    # The built-in menu's longest route is 25 questions; a walk with equally likely answers takes about 4.
    run_wizard(Walk.start(open_catalog([], builtin=True), "triage"), [CTRL_C])

    assert instructions == ["Question 1 of about 4 (↑↓ or a number to move, Enter to choose)"]
