"""The walk through the trees as a pure state machine: where we are, what was answered, going back.

No input, no output, no prompts: the wizard and every scripted mode drive this same engine, so one set of
answers gives one outcome whichever way it is driven.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from wallet_doctor.errors import BrokenWalk, UnknownChoice, UnknownQuestion, UnknownTree, WalletDoctorError
from wallet_doctor.model import Catalog, Choice, Jump, Outcome, Question

By = Literal["user", "probe"]  # who answered a question

# A validated catalog has no cycles; this bound only keeps an unvalidated one from hanging a walk.
_MAX_JUMPS = 1000


@dataclass(frozen=True, slots=True)
class Answer:
    """One question answered on the way: by the user, or by a probe (with the probe's detail line)."""

    question: Question
    choice: Choice
    by: By = "user"
    detail: str | None = None


# A probe hook: given a check, the choice its probe found and a detail line, or None to ask the user.
AutoAnswer = Callable[[Question], tuple[str, str] | None]


@dataclass(frozen=True, slots=True)
class Walk:
    """An immutable position in a walk. `answer` and `back` return new walks."""

    catalog: Catalog
    tree: str  # the tree the walk started in
    answers: tuple[Answer, ...]
    current: Question | Outcome
    trees: tuple[str, ...]  # the trees visited, in order, the current one last

    @classmethod
    def start(cls, catalog: Catalog, tree_id: str) -> Walk:
        """A walk at the first question (or outcome) of `tree_id`."""
        tree = catalog.trees.get(tree_id)
        if tree is None:
            raise UnknownTree(tree_id, list(catalog.trees))
        current, trees = _settle(catalog, tree.start, (tree_id,))
        return cls(catalog, tree_id, (), current, trees)

    @property
    def question(self) -> Question | None:
        """The question waiting for an answer, or None when an outcome is reached."""
        return self.current if isinstance(self.current, Question) else None

    @property
    def outcome(self) -> Outcome | None:
        """The outcome reached, or None while a question waits."""
        return self.current if isinstance(self.current, Outcome) else None

    @property
    def finished(self) -> bool:
        """Whether the walk has reached an outcome."""
        return isinstance(self.current, Outcome)

    def answer(self, choice_id: str, by: By = "user", detail: str | None = None) -> Walk:
        """Answer the current question; raises UnknownChoice with the valid ones."""
        question = self.question
        if question is None:
            raise WalletDoctorError("The walk has reached an outcome; there is no question to answer.")
        choice = question.choice(choice_id)
        if choice is None:
            raise UnknownChoice(question.id, choice_id, question.choice_ids)
        current, trees = _settle(self.catalog, choice.next, self.trees)
        answered = Answer(question, choice, by, detail)
        return Walk(self.catalog, self.tree, (*self.answers, answered), current, trees)

    def back(self) -> Walk:
        """The walk as it was before the last answer; that answer and everything after it is forgotten."""
        if not self.answers:
            return self
        walk = Walk.start(self.catalog, self.tree)
        for earlier in self.answers[:-1]:
            walk = walk.answer(earlier.choice.id, earlier.by, earlier.detail)
        return walk

    @property
    def can_go_back(self) -> bool:
        """Whether there is an answer to take back."""
        return bool(self.answers)

    def as_answers(self) -> dict[str, str]:
        """The answers given, question id to choice id, in walk order."""
        return {a.question.id: a.choice.id for a in self.answers}


def _settle(catalog: Catalog, node_id: str, trees: tuple[str, ...]) -> tuple[Question | Outcome, tuple[str, ...]]:
    """Follow jumps from `node_id` to the next question or outcome."""
    for _ in range(_MAX_JUMPS):
        node = catalog.node(node_id)
        if node is None:
            raise BrokenWalk(node_id)
        if not isinstance(node, Jump):
            return node, trees
        target = catalog.trees.get(node.target)
        if target is None:
            raise UnknownTree(node.target, list(catalog.trees))
        node_id, trees = node.landing(target), (*trees, target.id)
    raise BrokenWalk(None)


def drive(catalog: Catalog, tree_id: str, answers: Mapping[str, str], auto: AutoAnswer | None = None) -> Walk:
    """Walk from `tree_id`, answering each question from `answers` (or, for a check with no answer, from
    `auto`), until a question has no answer or an outcome is reached. Every answer is checked first: an
    unknown question or choice is refused even when the walk would not ask it, so a typo never passes."""
    check_answers(catalog, tree_id, answers)
    return advance(Walk.start(catalog, tree_id), answers, auto)


def advance(walk: Walk, answers: Mapping[str, str], auto: AutoAnswer | None = None) -> Walk:
    """Carry `walk` on as far as `answers` and `auto` take it."""
    while (question := walk.question) is not None:
        if question.id in answers:
            walk = walk.answer(answers[question.id])
            continue
        found = auto(question) if auto is not None and question.probe else None
        if found is None:
            break
        choice, detail = found
        walk = walk.answer(choice, by="probe", detail=detail)
    return walk


def check_answers(catalog: Catalog, tree_id: str, answers: Mapping[str, str]) -> None:
    """Raise UnknownQuestion or UnknownChoice for the first answer the trees reachable from `tree_id` cannot take."""
    for problem in unfit_answers(catalog, tree_id, answers, first_only=True).values():
        raise problem


def unfit_answers(
    catalog: Catalog, tree_id: str, answers: Mapping[str, str], first_only: bool = False
) -> dict[str, UnknownQuestion | UnknownChoice]:
    """Each answer the trees reachable from `tree_id` cannot take, by question id, with the reason (only the
    first with `first_only`: each reason looks for a close match, too slow for 40,000 wrong answers)."""
    if tree_id not in catalog.trees:
        raise UnknownTree(tree_id, list(catalog.trees))
    askable = catalog.askable(tree_id)
    problems: dict[str, UnknownQuestion | UnknownChoice] = {}
    for question_id, choice_id in answers.items():
        question = askable.get(question_id)
        if question is None:
            problems[question_id] = UnknownQuestion(question_id, tree_id, list(askable))
        elif question.choice(choice_id) is None:
            problems[question_id] = UnknownChoice(question_id, choice_id, question.choice_ids)
        if first_only and problems:
            break
    return problems
