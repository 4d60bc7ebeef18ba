"""The built-in trees as a user meets them: valid without warnings, quick to a diagnosis, and never asking
for a secret."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from wallet_doctor.model import LANGUAGES, Catalog
from wallet_doctor.outcome_rules import outcome_shape
from wallet_doctor.paths import MAX_PATHS, all_paths, count_paths
from wallet_doctor.sources import open_catalog


@pytest.fixture(scope="module")
def builtin() -> Catalog:
    return open_catalog()


def test_the_builtin_trees_validate_without_a_single_warning(cli) -> None:
    result = cli("validate", "--strict")

    assert result.exit_code == 0, result.stdout


def test_every_outcome_keeps_to_the_outcome_shape(builtin: Catalog) -> None:
    # At most 8 steps of its own, each shared block once, no sentence twice (issue #13): errors in validate.
    assert [str(p) for p in outcome_shape(builtin)] == []


def test_every_builtin_tree_can_be_listed_by_paths(builtin: Catalog) -> None:
    # `wallet-doctor paths triage` is how a support team checks every way through; a tree past the bound refuses.
    too_many = {tree: count_paths(builtin, tree) for tree in builtin.trees}

    assert {tree: n for tree, n in too_many.items() if n > MAX_PATHS} == {}


def test_a_not_sure_answer_comes_last_in_its_menu(builtin: Catalog) -> None:
    # A person reads down a menu for their case and takes "not sure" when nothing fits; answers added after it
    # (a lost phone, identity misuse, a transit fare...) went unread by those who stopped there.
    from wallet_doctor.model import Question

    misplaced = [
        f"{tree.id}.{node.id}"
        for tree in builtin.trees.values()
        for node in tree.nodes.values()
        if isinstance(node, Question) and "not_sure" in node.choice_ids and node.choice_ids[-1] != "not_sure"
    ]

    assert misplaced == []


def test_no_tree_lists_a_search_word_twice(builtin: Catalog) -> None:
    # Helpers each add words at the end of a tree's list; merged, 24 words stood there twice (杀猪盘, fake-ip...).
    twice = {
        f"{tree.id} {lang}": sorted(word for word, n in Counter(w.casefold() for w in words).items() if n > 1)
        for tree in builtin.trees.values()
        for lang, words in tree.keywords
    }

    assert {where: words for where, words in twice.items() if words} == {}


def test_every_diagnosis_is_a_few_questions_from_triage(builtin: Catalog) -> None:
    shortest: dict[str, int] = {}
    for walk in all_paths(builtin, "triage"):
        assert walk.outcome is not None
        shortest[walk.outcome.id] = min(shortest.get(walk.outcome.id, 99), len(walk.answers))
    every = {o.id for tree in builtin.trees.values() for o in tree.outcomes}

    assert set(shortest) == every, "every outcome can be reached from triage"
    assert max(shortest.values()) <= 7
    assert sum(n <= 6 for n in shortest.values()) / len(shortest) >= 0.95


# A request to the user to type or hand over a secret, unless it is negated ("不要在这里输入助记词",
# "never type your password"). Texts that describe what a scammer asked for are not requests.
SECRETS = re.compile(
    r"(?<!不要)(?<!不要在这里)(?<!别)(请|在这里|在下面)?(输入|填写|告诉我们)(你的|您的)?(密码|验证码|助记词)"
    r"|(?<!never )(?<!don't )(?<!do not )\b(enter|type|tell us) (in )?(your |the )"
    r"(password|verification code|one-time code|recovery phrase|seed phrase)",
    re.IGNORECASE,
)


def test_the_secret_detector_tells_a_request_from_a_warning() -> None:
    assert SECRETS.search("请输入你的密码") and SECRETS.search("Enter your verification code below")
    assert not SECRETS.search("不要在这里输入助记词") and not SECRETS.search("Never type your recovery phrase")


def test_no_question_asks_for_a_password_code_or_recovery_phrase(builtin: Catalog) -> None:
    asking = [
        f"{question.id}: {text}"
        for tree in builtin.trees.values()
        for question in tree.questions
        for text in [question.text.get(lang) for lang in LANGUAGES]
        + [choice.label.get(lang) for choice in question.choices for lang in LANGUAGES]
        if SECRETS.search(text)
    ]

    assert asking == []
