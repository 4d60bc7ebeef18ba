"""`wallet-doctor run` in scripted mode: the JSON contract, answers from flags and files, and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_FLAGS


def test_a_missing_answer_exits_3_with_the_next_question_and_its_choices(cli) -> None:
    code, data = cli.json("run", *FIXTURE_FLAGS, "-a", "triage_problem=network")

    assert code == 3
    assert data == {
        "schema_version": 2,
        "status": "needs_answer",
        "tree": "triage",
        "lang": "en",
        "path": [
            {
                "tree": "triage",
                "question": "triage_problem",
                "text": "What is the problem?",
                "choice": "network",
                "label": "The app will not load",
                "by": "user",
                "detail": None,
            }
        ],
        "question": {
            "id": "net_other_apps",
            "tree": "network",
            "kind": "check",
            "probe": "internet",
            "text": "Do other apps work?",
            "help": "If they fail too, it is the network.",
            "choices": [{"id": "pass", "label": "They work"}, {"id": "fail", "label": "They fail too"}],
        },
    }


def test_an_outcome_exits_0_with_the_diagnosis_steps_and_checklist(cli) -> None:
    code, data = cli.json("run", "network", *FIXTURE_FLAGS, "-a", "net_other_apps=fail")

    assert code == 0
    assert data["status"] == "outcome"
    assert data["outcome"] == {
        "id": "net_is_network",
        "tree": "network",
        "title": "A network problem",
        "severity": "low",
        "summary": "The network is down.",
        "steps": [
            {"text": "Switch to mobile data.", "warning": False},
            {"text": "Do not move money over public Wi-Fi.", "warning": True},
            {
                "if": "If a transfer was already sent:",
                "steps": [{"text": "Check its status in the transaction history.", "warning": False}],
            },
        ],
        "sections": [
            {
                "id": "contact",
                "title": "Contacting support safely",
                "items": [
                    {"text": "Contact support only through the help section inside the wallet app.", "warning": False},
                    {"text": "Real support never asks for your codes.", "warning": True},
                ],
            },
            {
                "id": "prepare",
                "title": "Have these ready before you contact support",
                "items": [
                    {"text": "The transaction number", "warning": False},
                    {"text": "A screenshot of the error", "warning": False},
                ],
            },
            {
                "id": "escalate",
                "title": "If that does not work",
                "items": [{"text": "If it is still down in a week, complain.", "warning": False}],
            },
            {
                "id": "later",
                "title": "Later, to keep it from happening again",
                "items": [{"text": "Note your carrier's support number.", "warning": False}],
            },
        ],
        "related": [],
    }
    assert data["path"] == [
        {
            "tree": "network",
            "question": "net_other_apps",
            "text": "Do other apps work?",
            "choice": "fail",
            "label": "They fail too",
            "by": "user",
            "detail": None,
        }
    ]


def test_a_script_reaches_an_outcome_one_answer_per_call_by_following_the_json(cli) -> None:
    answers: list[str] = []
    for _ in range(10):
        code, data = cli.json("run", *FIXTURE_FLAGS, *answers)
        if data["status"] == "outcome":
            break
        assert code == 3
        question = data["question"]
        answers += ["-a", f"{question['id']}={question['choices'][0]['id']}"]

    assert code == 0
    assert data["outcome"]["id"] == "login_reset"
    assert [step["question"] for step in data["path"]] == [
        "triage_problem",
        "net_other_apps",
        "net_notice",
        "login_symptom",
    ]


def test_the_language_option_switches_every_text(cli) -> None:
    code, data = cli.json("run", "login", *FIXTURE_FLAGS, "--lang", "zh-CN", "-a", "login_symptom=no_sms")

    assert code == 0
    assert data["lang"] == "zh-CN"
    assert data["outcome"]["title"] == "短信被拦截"
    assert data["path"][0]["label"] == "收不到短信"


def test_the_language_comes_from_the_environment_then_the_locale(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WALLET_DOCTOR_LANG")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert cli.json("run", "login", *FIXTURE_FLAGS)[1]["lang"] == "en"

    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert cli.json("run", "login", *FIXTURE_FLAGS)[1]["lang"] == "zh-CN"

    monkeypatch.setenv("LANG", "C.UTF-8")  # a language we do not speak: English
    assert cli.json("run", "login", *FIXTURE_FLAGS)[1]["lang"] == "en"

    monkeypatch.setenv("WALLET_DOCTOR_LANG", "zh-CN")
    assert cli.json("run", "login", *FIXTURE_FLAGS)[1]["lang"] == "zh-CN"
    monkeypatch.setenv("WALLET_DOCTOR_LANG", "en")
    assert cli.json("run", "login", *FIXTURE_FLAGS)[1]["lang"] == "en"


def test_an_unknown_language_is_refused(cli) -> None:
    result = cli("run", "login", *FIXTURE_FLAGS, "--lang", "fr")

    assert result.exit_code == 4
    assert result.stderr == "wallet-doctor: Unknown language 'fr'. Use one of: zh-CN, en.\n"


def test_an_unknown_choice_exits_4_naming_the_valid_ones(cli) -> None:
    result = cli("run", "network", *FIXTURE_FLAGS, "--format", "json", "-a", "net_other_apps=maybe")

    assert result.exit_code == 4
    assert result.stdout == ""
    assert (
        result.stderr == "wallet-doctor: Question 'net_other_apps' has no choice 'maybe'. Valid choices: pass, fail.\n"
    )


def test_an_unknown_question_exits_4_naming_the_valid_ones(cli) -> None:
    result = cli("run", "login", *FIXTURE_FLAGS, "-a", "login_sympton=no_sms")

    assert result.exit_code == 4
    assert result.stderr == (
        "wallet-doctor: Tree 'login' asks no question 'login_sympton' (did you mean 'login_symptom'?). "
        "Valid questions: login_symptom. `wallet-doctor show login` shows them.\n"
    )


def test_an_unknown_tree_exits_4(cli) -> None:
    result = cli("run", "logn", *FIXTURE_FLAGS)

    assert result.exit_code == 4
    assert "There is no tree 'logn' (did you mean 'login'?)" in result.stderr


def test_a_malformed_answer_flag_exits_4_with_an_example(cli) -> None:
    result = cli("run", "login", *FIXTURE_FLAGS, "-a", "login_symptom")

    assert result.exit_code == 4
    assert result.stderr == (
        "wallet-doctor: '--answer login_symptom' is not QUESTION=CHOICE. Write it like `-a login_symptom=no_sms`.\n"
    )


def test_an_unknown_option_is_a_usage_error_exit_2(cli) -> None:
    result = cli("run", "--colour")

    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_answers_come_from_a_yaml_file_and_flags_override_it(cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("tree: network\nanswers:\n  net_other_apps: pass\n  net_notice: shown\n", encoding="utf-8")

    from_file = cli.json("run", *FIXTURE_FLAGS, "--answers", str(answers))
    overridden = cli.json("run", *FIXTURE_FLAGS, "--answers", str(answers), "-a", "net_notice=not_shown")

    assert from_file[0] == 3 and from_file[1]["question"]["id"] == "login_symptom"
    assert overridden[0] == 0 and overridden[1]["outcome"]["id"] == "net_is_app"


def test_answers_come_from_json_on_standard_input(cli) -> None:
    answers = json.dumps({"tree": "login", "answers": {"login_symptom": "no_sms"}})

    code, data = cli.json("run", *FIXTURE_FLAGS, "--answers", "-", input=answers)

    assert code == 0
    assert data["outcome"]["id"] == "login_sms"


def test_a_bare_mapping_is_an_answers_file_too(cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yml"
    answers.write_text("login_symptom: no_sms\n", encoding="utf-8")

    code, data = cli.json("run", "login", *FIXTURE_FLAGS, "--answers", str(answers))

    assert (code, data["outcome"]["id"]) == (0, "login_sms")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- login_symptom\n", "holds a list, not a mapping"),
        ("", "is empty"),
        ("{not json", "is not valid JSON"),
        ("answers: [no_sms]\n", "'answers' should be a mapping of question to choice, not a list"),
        ("answers: {}\ntre: login\n", "unknown key(s) tre"),
        ("login_symptom: {deep: {er: 1}}\n", "the answer to 'login_symptom' should be a choice id, not a mapping"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_a_bad_answers_file_exits_4_saying_what_is_wrong(cli, tmp_path: Path, content: str, message: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")

    result = cli("run", "login", *FIXTURE_FLAGS, "--answers", str(answers))

    assert result.exit_code == 4
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_or_binary_answers_file_exits_4(cli, tmp_path: Path) -> None:
    binary = tmp_path / "answers.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")

    missing = cli("run", "login", *FIXTURE_FLAGS, "--answers", str(tmp_path / "nope.yaml"))
    garbage = cli("run", "login", *FIXTURE_FLAGS, "--answers", str(binary))

    assert missing.exit_code == 4 and "does not exist" in missing.stderr
    assert garbage.exit_code == 4 and "is not UTF-8 text" in garbage.stderr


def test_an_answers_file_for_another_tree_is_refused(cli, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("tree: network\nanswers: {}\n", encoding="utf-8")

    result = cli("run", "login", *FIXTURE_FLAGS, "--answers", str(answers))

    assert result.exit_code == 4
    assert "is for tree 'network', but you asked for 'login'" in result.stderr


def test_text_output_prints_numbered_steps_with_warnings_set_apart(cli) -> None:
    result = cli("run", "network", *FIXTURE_FLAGS, "-a", "net_other_apps=fail")

    assert result.exit_code == 0
    assert result.stdout == (
        "Answered so far:\n"
        "  - Do other apps work? -> They fail too\n"
        "\n"
        "Diagnosis: A network problem  [Severity: low]\n"
        "The network is down.\n"
        "\n"
        "What to do, in this order:\n"
        "  1. Switch to mobile data.\n"
        "  2. [Warning] Do not move money over public Wi-Fi.\n"
        "  3. If a transfer was already sent:\n"
        "     a. Check its status in the transaction history.\n"
        "\n"
        "Contacting support safely:\n"
        "  - Contact support only through the help section inside the wallet app.\n"
        "  - [Warning] Real support never asks for your codes.\n"
        "\n"
        "Have these ready before you contact support:\n"
        "  - The transaction number\n"
        "  - A screenshot of the error\n"
        "\n"
        "If that does not work:\n"
        "  - If it is still down in a week, complain.\n"
        "\n"
        "Later, to keep it from happening again:\n"
        "  - Note your carrier's support number.\n"
    )


def test_text_output_of_a_missing_answer_says_how_to_answer(cli) -> None:
    result = cli("run", "login", *FIXTURE_FLAGS)

    assert result.exit_code == 3
    assert result.stdout == (
        "Question (login_symptom): What happens when you log in?\n"
        "  Why we ask: Read the message.\n"
        "Choices:\n"
        "  wrong_password  Wrong password\n"
        "  no_sms          No SMS code\n"
        "\n"
        f"Answer with: wallet-doctor run login --lang en {' '.join(FIXTURE_FLAGS)} -a login_symptom=CHOICE\n"
    )


def test_markdown_output_escapes_tree_text(cli) -> None:
    result = cli("run", "login", *FIXTURE_FLAGS, "--format", "markdown", "-a", "login_symptom=wrong_password")

    assert result.exit_code == 0
    assert result.stdout.startswith("# Diagnosis: Reset the password\n\n**Severity:** low\n")
    assert '1. Tap "Forgot password".\n' in result.stdout
    assert "- [ ] " not in result.stdout  # this outcome has nothing to prepare


def test_no_command_runs_the_triage_tree(cli) -> None:
    result = cli("run", *FIXTURE_FLAGS, "--format", "json")
    assert json.loads(result.stdout)["question"]["id"] == "triage_problem"


def test_version(cli) -> None:
    from wallet_doctor import __version__

    result = cli("--version")

    assert (result.exit_code, result.stdout) == (0, f"wallet-doctor {__version__}\n")


def test_an_interrupt_exits_130_without_a_traceback(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("wallet_doctor.sources.open_catalog", interrupted)

    result = cli("run", "login", "--format", "json")

    assert result.exit_code == 130
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_an_unexpected_error_exits_1_asking_for_a_bug_report(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from wallet_doctor import cli as cli_module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_module, "app", broken)

    with pytest.raises(SystemExit) as exited:
        cli_module.main()

    assert exited.value.code == 1
    assert capsys.readouterr().err == (
        "wallet-doctor: unexpected error: RuntimeError: boom\n"
        "Please report it with the command you ran and this message to the wallet-doctor issue tracker.\n"
    )


def test_trees_folder_problems_exit_4(cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    a_file = tmp_path / "tree.yaml"
    a_file.write_text("tree: t\n", encoding="utf-8")

    assert "does not exist" in cli("run", "--trees", str(tmp_path / "nope")).stderr
    assert "holds no tree files" in cli("run", "--trees", str(empty)).stderr
    assert "is a file, not a folder" in cli("run", "--trees", str(a_file)).stderr
    assert cli("run", "--trees", str(empty)).exit_code == 4
    assert "--no-builtin leaves no trees" in cli("run", "--no-builtin").stderr


def test_a_report_is_saved_only_at_a_diagnosis(cli, tmp_path) -> None:
    report = tmp_path / "case.md"

    pending = cli("run", "login", *FIXTURE_FLAGS, "--report", str(report))
    done = cli("run", "login", *FIXTURE_FLAGS, "--report", str(report), "-a", "login_symptom=no_sms")

    assert pending.exit_code == 3
    assert "no report saved: the walk has not reached a diagnosis yet" in pending.stderr
    assert done.exit_code == 0 and f"Report saved: {report}" in done.stderr
    assert report.read_text(encoding="utf-8").startswith("# Wallet case report\n")


def test_a_chinese_session_gets_its_error_wholly_in_chinese(cli) -> None:
    result = cli("run", "logn", *FIXTURE_FLAGS, "--lang", "zh-CN")

    assert result.exit_code == 4
    assert result.stderr == (
        "wallet-doctor: 没有诊断树“logn”（是不是“login”？）。可用的诊断树：login、network、triage。"
        "`wallet-doctor list` 会列出它们。\n"
    )


def test_a_new_command_is_inside_the_error_boundary_without_asking(cli) -> None:
    from wallet_doctor.cli import app
    from wallet_doctor.errors import UnknownTree

    def fails(what: str) -> None:
        raise UnknownTree("logn", ["login"]) if what == "user" else RuntimeError("boom")

    app.command("fails")(fails)
    try:
        user, bug = cli("fails", "user"), cli("fails", "bug")
    finally:
        app.registered_commands.pop()

    assert (user.exit_code, user.stderr) == (
        4,
        "wallet-doctor: There is no tree 'logn' (did you mean 'login'?). Valid trees: login. "
        "`wallet-doctor list` describes them.\n",
    )
    assert (bug.exit_code, bug.stderr) == (
        1,
        "wallet-doctor: unexpected error: RuntimeError: boom\n"
        "Please report it with the command you ran and this message to the wallet-doctor issue tracker.\n",
    )
