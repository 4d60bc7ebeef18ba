"""The walk as plain functions: answering, jumping between trees, going back, and refusing bad answers."""

from __future__ import annotations

import pytest

from wallet_doctor.engine import Walk, check_answers, drive
from wallet_doctor.errors import UnknownChoice, UnknownQuestion, UnknownTree
from wallet_doctor.model import Catalog
from wallet_doctor.paths import all_paths


def test_a_walk_starts_at_the_first_question_of_its_tree(catalog: Catalog) -> None:
    walk = Walk.start(catalog, "triage")

    assert walk.question is not None
    assert walk.question.id == "triage_problem"
    assert walk.answers == ()
    assert not walk.finished


def test_answering_follows_the_choice_and_crosses_jumps_into_other_trees(catalog: Catalog) -> None:
    walk = Walk.start(catalog, "triage").answer("network")

    assert walk.question is not None
    assert walk.question.id == "net_other_apps"
    assert walk.trees == ("triage", "network")


def test_a_jump_with_a_landing_node_goes_on_there_without_asking_again(catalog: Catalog) -> None:
    walk = Walk.start(catalog, "triage").answer("no_code")

    assert walk.outcome is not None and walk.outcome.id == "login_sms"
    assert walk.trees == ("triage", "login")
    assert walk.back().question is not None and walk.back().question.id == "triage_problem"


def test_a_walk_ends_at_an_outcome(catalog: Catalog) -> None:
    walk = Walk.start(catalog, "triage").answer("network").answer("fail")

    assert walk.finished
    assert walk.outcome is not None
    assert walk.outcome.id == "net_is_network"
    assert walk.question is None


def test_back_returns_to_the_previous_question_and_forgets_the_answer(catalog: Catalog) -> None:
    walk = Walk.start(catalog, "network").answer("pass").answer("not_shown")

    before = walk.back()

    assert before.question is not None
    assert before.question.id == "net_notice"
    assert before.as_answers() == {"net_other_apps": "pass"}


def test_back_across_a_jump_returns_to_the_question_in_the_first_tree(catalog: Catalog) -> None:
    walk = Walk.start(catalog, "triage").answer("network").answer("pass").answer("shown")
    assert walk.question is not None and walk.question.id == "login_symptom"
    assert walk.trees == ("triage", "network", "login")

    before = walk.back()
    assert before.question is not None and before.question.id == "net_notice"
    assert before.trees == ("triage", "network")

    start = before.back().back()
    assert start.question is not None and start.question.id == "triage_problem"
    assert start.trees == ("triage",)
    assert start.back() == start


def test_back_then_the_same_answer_gives_the_same_state(catalog: Catalog) -> None:
    walk = Walk.start(catalog, "triage").answer("network").answer("pass")

    assert walk.back().answer("pass") == walk


def test_a_choice_the_question_does_not_have_is_refused_with_the_valid_ones(catalog: Catalog) -> None:
    with pytest.raises(UnknownChoice) as raised:
        Walk.start(catalog, "network").answer("fial")

    assert str(raised.value) == (
        "Question 'net_other_apps' has no choice 'fial' (did you mean 'fail'?). Valid choices: pass, fail."
    )


def test_an_unknown_tree_is_refused_with_the_valid_ones(catalog: Catalog) -> None:
    with pytest.raises(UnknownTree) as raised:
        Walk.start(catalog, "logn")

    assert str(raised.value) == (
        "There is no tree 'logn' (did you mean 'login'?). Valid trees: login, network, triage."
    )
    # The engine names no command: the command line adds what to run next (tests/test_cli_run.py).
    assert raised.value.message("zh-CN") == (
        "没有诊断树“logn”（是不是“login”？）。可用的诊断树：login、network、triage。"
    )


def test_drive_answers_until_a_question_has_no_answer(catalog: Catalog) -> None:
    walk = drive(catalog, "triage", {"triage_problem": "network", "net_other_apps": "pass"})

    assert walk.question is not None and walk.question.id == "net_notice"


def test_drive_ignores_answers_to_questions_the_walk_never_asks(catalog: Catalog) -> None:
    walk = drive(catalog, "triage", {"triage_problem": "network", "net_other_apps": "fail", "login_symptom": "no_sms"})

    assert walk.outcome is not None and walk.outcome.id == "net_is_network"


def test_drive_refuses_an_unknown_question_even_off_the_path(catalog: Catalog) -> None:
    with pytest.raises(UnknownQuestion) as raised:
        drive(catalog, "network", {"net_other_apps": "fail", "net_notise": "shown"})

    assert str(raised.value) == (
        "Tree 'network' asks no question 'net_notise' (did you mean 'net_notice'?). Valid questions: "
        "login_symptom, net_notice, net_other_apps."
    )


def test_questions_of_trees_a_walk_cannot_reach_are_unknown(catalog: Catalog) -> None:
    with pytest.raises(UnknownQuestion):
        check_answers(catalog, "login", {"net_notice": "shown"})


def test_drive_rebuilds_a_walk_from_its_answers(catalog: Catalog) -> None:
    walk = Walk.start(catalog, "triage").answer("login").answer("no_sms")

    assert drive(catalog, "triage", walk.as_answers()) == walk


def test_every_path_of_a_tree_ends_at_an_outcome(catalog: Catalog) -> None:
    walks = list(all_paths(catalog, "triage"))

    assert [(w.as_answers(), w.outcome.id if w.outcome else None) for w in walks] == [
        (
            {
                "triage_problem": "network",
                "net_other_apps": "pass",
                "net_notice": "shown",
                "login_symptom": "wrong_password",
            },
            "login_reset",
        ),
        (
            {"triage_problem": "network", "net_other_apps": "pass", "net_notice": "shown", "login_symptom": "no_sms"},
            "login_sms",
        ),
        ({"triage_problem": "network", "net_other_apps": "pass", "net_notice": "not_shown"}, "net_is_app"),
        ({"triage_problem": "network", "net_other_apps": "fail"}, "net_is_network"),
        ({"triage_problem": "login", "login_symptom": "wrong_password"}, "login_reset"),
        ({"triage_problem": "login", "login_symptom": "no_sms"}, "login_sms"),
        ({"triage_problem": "no_code"}, "login_sms"),
    ]


def test_shared_blocks_expand_in_place_with_their_warnings(catalog: Catalog) -> None:
    outcome = catalog.node("login_reset")
    assert outcome is not None and outcome.kind == "outcome"

    steps = catalog.expand(outcome.steps)  # type: ignore[union-attr]

    assert [(s.text.get("en"), s.warning) for s in steps] == [
        ('Tap "Forgot password".', False),
        ("Contact support only through the help section inside the wallet app.", False),
        ("Real support never asks for your codes.", True),
    ]
