"""The JSON contract as types: what `run --format json`, `batch`, `list`, `paths`, `search` and `validate`
print, so that mypy checks every renderer that reads them. They cost nothing at run time (plain dicts).

The outcome's shape is still `dict[str, Any]`: its structure is being redrawn (render/data.py's
outcome_data is its one builder)."""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

from wallet_doctor.engine import By


class StepData(TypedDict):
    """One answered question of a walk's path."""

    tree: str
    question: str
    text: str
    choice: str
    label: str
    by: By
    detail: str | None


class ChoiceData(TypedDict):
    id: str
    label: str


class QuestionData(TypedDict):
    """The question a walk waits on."""

    id: str
    tree: str
    kind: str  # question or check
    probe: str | None
    text: str
    help: str | None
    choices: list[ChoiceData]


class WalkData(TypedDict):
    """A walk: the path so far, and the outcome reached or the question waiting."""

    schema_version: int
    status: Literal["outcome", "needs_answer"]
    tree: str
    lang: str
    path: list[StepData]
    question: NotRequired[QuestionData]
    outcome: NotRequired[dict[str, Any]]
    describe: NotRequired[DescribeData]


class DescribeData(TypedDict):
    """At the first question: the person's own words find the page (`search`), as the wizard offers."""

    text: str
    command: list[str]


class TreeRow(TypedDict):
    id: str
    title: str
    summary: str
    version: int
    questions: int
    outcomes: int
    keywords: list[str]


class ListData(TypedDict):
    schema_version: int
    trees: list[TreeRow]


class PathRow(TypedDict):
    answers: dict[str, str]
    outcome: str | None


class PathsData(TypedDict):
    schema_version: int
    tree: str
    paths: list[PathRow]


class MatchRow(TypedDict):
    tree: str
    title: str
    score: int
    matched: list[str]


class PageRow(TypedDict):
    outcome: str
    title: str
    tree: str
    answers: dict[str, str]
    from_triage: dict[str, str]


class SearchData(TypedDict):
    schema_version: int
    query: str
    matches: list[MatchRow]
    pages: list[PageRow]


class ProblemRow(TypedDict):
    file: str
    line: int
    severity: Literal["error", "warning"]
    code: str  # WD101 ..., see docs/tree-format.md
    node: str | None
    message: str
    fix: str


class ValidateData(TypedDict):
    schema_version: int
    valid: bool
    problems: list[ProblemRow]


class ErrorData(TypedDict):
    exit_code: int
    message: str


class CaseErrorData(TypedDict):
    """A `batch` line that could not be walked."""

    schema_version: int
    id: Any  # the case's own id, whatever JSON value it was, or its line number
    line: int
    status: Literal["error"]
    error: ErrorData
