"""The commands that describe the trees: list, show, paths, search."""

from __future__ import annotations

import shlex

from tests.conftest import FIXTURE_FLAGS


def test_list_json_gives_every_tree_with_its_id_and_title(cli) -> None:
    code, data = cli.json("list", *FIXTURE_FLAGS)

    assert code == 0
    assert data["schema_version"] == 2
    assert [(t["id"], t["title"], t["questions"], t["outcomes"]) for t in data["trees"]] == [
        ("login", "Cannot log in", 1, 2),
        ("network", "Network or account?", 2, 2),
        ("triage", "What is wrong?", 1, 0),
    ]


def test_list_text_is_one_line_per_tree(cli) -> None:
    result = cli("list", *FIXTURE_FLAGS, "--lang", "zh-CN")

    assert result.stdout.splitlines() == [
        "login    无法登录  （1 个问题，2 个诊断结果）",
        "network  网络还是账户  （2 个问题，2 个诊断结果）",
        "triage   问题分诊  （1 个问题，0 个诊断结果）",
    ]


def test_show_outlines_questions_choices_and_where_they_lead(cli) -> None:
    result = cli("show", "network", *FIXTURE_FLAGS)

    assert result.exit_code == 0
    assert result.stdout == (
        "network (version 2): Network or account?\n"
        "  Tell a network problem from an account problem.\n"
        "\n"
        "net_other_apps [check: probe internet] Do other apps work?\n"
        '    pass (They work) -> net_notice [question] Does the wallet say "account abnormal"?\n'
        "        shown (Yes) -> net_go_login [jump] continues in tree 'login'\n"
        "        not_shown (No) -> net_is_app [outcome, medium] An app problem\n"
        "    fail (They fail too) -> net_is_network [outcome, low] A network problem\n"
    )


def test_show_an_unknown_tree_exits_4(cli) -> None:
    result = cli("show", "nope", *FIXTURE_FLAGS)

    assert result.exit_code == 4
    assert "There is no tree 'nope'" in result.stderr


def test_paths_lists_every_answer_sequence_and_its_outcome(cli) -> None:
    result = cli("paths", "login", *FIXTURE_FLAGS)

    assert result.stdout.splitlines() == [
        "-a login_symptom=wrong_password => login_reset: Reset the password",
        "-a login_symptom=no_sms => login_sms: The SMS is blocked",
    ]


def test_paths_json_can_be_replayed(cli) -> None:
    _, data = cli.json("paths", "network", *FIXTURE_FLAGS)

    for path in data["paths"]:
        flags = [arg for q, c in path["answers"].items() for arg in ("-a", f"{q}={c}")]
        code, walk = cli.json("run", "network", *FIXTURE_FLAGS, *flags)
        assert (code, walk["outcome"]["id"]) == (0, path["outcome"])


def test_search_finds_a_tree_from_chinese_words_without_spaces(cli) -> None:
    result = cli("search", "我登不上账户了", *FIXTURE_FLAGS)

    assert result.stdout.splitlines()[0] == "login  Cannot log in  (wallet-doctor run login)"


def test_search_finds_a_tree_from_english_words(cli) -> None:
    code, data = cli.json("search", "the", "app", "is", "offline", *FIXTURE_FLAGS)

    assert code == 0
    assert [m["tree"] for m in data["matches"]] == ["network"]


def test_search_offers_the_page_with_a_command_that_walks_to_it(cli) -> None:
    result = cli("search", "SMS", *FIXTURE_FLAGS)
    title, command = result.stdout.splitlines()[-2:]

    assert result.exit_code == 0
    assert title == "  The SMS is blocked"
    assert shlex.split(command)[:3] == ["wallet-doctor", "run", "login"]
    code, walk = cli.json(*shlex.split(command)[1:])
    assert (code, walk["outcome"]["id"]) == (0, "login_sms")


def test_search_json_gives_each_page_the_answers_from_its_tree_and_from_triage(cli) -> None:
    _, data = cli.json("search", "SMS", *FIXTURE_FLAGS)
    (page,) = data["pages"]

    assert (page["outcome"], page["tree"], page["answers"]) == ("login_sms", "login", {"login_symptom": "no_sms"})
    for tree, answers in (("login", page["answers"]), ("triage", page["from_triage"])):
        flags = [arg for q, c in answers.items() for arg in ("-a", f"{q}={c}")]
        code, walk = cli.json("run", tree, *FIXTURE_FLAGS, *flags)
        assert (code, walk["outcome"]["id"]) == (0, "login_sms")


def test_the_first_question_s_text_says_typed_words_can_find_the_page(cli) -> None:
    result = cli("run", *FIXTURE_FLAGS, "--lang", "en", "--no-input")

    assert result.exit_code == 3
    assert result.stdout.splitlines()[-1] == (
        "Or describe it in your own words (the pages that may fit are listed, with the answers that lead there): "
        "wallet-doctor search WORDS"
    )


def test_the_first_question_s_json_says_how_typed_words_find_the_page_and_later_ones_do_not(cli) -> None:
    _, first = cli.json("run", *FIXTURE_FLAGS, "--lang", "en", "--no-input")
    _, later = cli.json("run", "login", *FIXTURE_FLAGS, "--lang", "en", "--no-input")

    assert first["describe"]["command"] == ["wallet-doctor", "search", "--format", "json", "--lang", "en", "WORDS"]
    code, found = cli.json(*first["describe"]["command"][1:-1], "SMS", *FIXTURE_FLAGS)
    assert (code, found["pages"][0]["outcome"]) == (0, "login_sms")
    assert "describe" not in later


def test_search_with_no_match_says_what_to_do(cli) -> None:
    result = cli("search", "zzz", *FIXTURE_FLAGS)

    assert result.exit_code == 4
    assert "No tree matches" in result.stderr
