"""Answers given to a walk: `-a QUESTION=CHOICE` flags and answers files (YAML or JSON, or - for stdin)."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from wallet_doctor.errors import BadAnswers
from wallet_doctor.model import TRIAGE

MAX_ANSWERS_BYTES = 1024 * 1024
_FILE_KEYS = ("tree", "digests", "recorded", "answers", "expect", "comment")


@dataclass(frozen=True)
class AnswerSet:
    """What a caller answered: optionally the tree to start in, and question id to choice id."""

    answers: dict[str, str] = field(default_factory=dict)
    tree: str | None = None
    digests: dict[str, str] = field(default_factory=dict)  # tree id -> content hash when recorded


def parse_flags(flags: Sequence[str]) -> dict[str, str]:
    """`['q=c', ...]` to `{'q': 'c'}`; a later flag for the same question wins."""
    result: dict[str, str] = {}
    for flag in flags:
        question, sep, choice = flag.partition("=")
        question, choice = question.strip(), choice.strip()
        if not sep or not question or not choice:
            raise BadAnswers(f"'--answer {flag}' is not QUESTION=CHOICE. Write it like `-a login_symptom=no_sms`.")
        result[question] = choice
    return result


def read_file(source: str) -> AnswerSet:
    """Read an answers file; '-' reads standard input."""
    if source == "-":
        from wallet_doctor.files import standard_input

        data = standard_input("answers").read(MAX_ANSWERS_BYTES + 1)
        name = "standard input"
    else:
        path = Path(source)
        try:
            if path.is_dir():
                raise BadAnswers(f"The answers file '{source}' is a folder. Give the path of a YAML or JSON file.")
            with path.open("rb") as handle:
                data = handle.read(MAX_ANSWERS_BYTES + 1)
        except FileNotFoundError:
            raise BadAnswers(
                f"The answers file '{source}' does not exist. Check the path given to --answers."
            ) from None
        except OSError as exc:
            raise BadAnswers(f"Cannot read the answers file '{source}': {exc.strerror}.") from None
        name = source
    return parse(data, name)


def parse(data: bytes, name: str) -> AnswerSet:
    """An AnswerSet from the bytes of an answers file (JSON or YAML)."""
    if len(data) > MAX_ANSWERS_BYTES:
        raise BadAnswers(f"The answers file {name} is larger than 1 MB. An answers file holds a few answers only.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadAnswers(f"The answers file {name} is not UTF-8 text. Give a YAML or JSON file.") from None
    content = _load(text, name)
    if content is None:
        raise BadAnswers(
            f'The answers file {name} is empty. Write `question: choice` lines, or {{"answers": {{...}}}}.'
        )
    if not isinstance(content, dict):
        raise BadAnswers(
            f"The answers file {name} holds {_kind(content)}, not a mapping. Write `question: choice` lines, "
            'or {"tree": "...", "answers": {"question": "choice"}}.'
        )
    if "answers" in content:
        unknown = [k for k in content if k not in _FILE_KEYS]
        if unknown:
            raise BadAnswers(
                f"The answers file {name} has unknown key(s) {', '.join(map(str, unknown))}. "
                f"Use only: {', '.join(_FILE_KEYS)}."
            )
        tree, digests, answers = content.get("tree"), content.get("digests"), content["answers"]
        if tree is not None and not isinstance(tree, str):
            raise BadAnswers(f"In the answers file {name}, 'tree' should be a tree id, not {_kind(tree)}.")
    else:
        tree, digests, answers = None, None, content
    result = choices_of(answers, f"In the answers file {name}")
    if digests is not None and not isinstance(digests, dict):
        raise BadAnswers(f"In the answers file {name}, 'digests' should map tree ids to hashes, not {_kind(digests)}.")
    return AnswerSet(result, tree, {str(k): str(v) for k, v in (digests or {}).items()})


def choices_of(answers: object, where: str) -> dict[str, str]:
    """Question id to choice id from decoded answers (an answers file's, a batch case's): nothing means no
    answers; a choice is text or a whole number (YAML and JSON read `2` as one). `where` begins the error."""
    if answers is None:
        return {}
    if not isinstance(answers, dict):
        raise BadAnswers(f"{where}, 'answers' should be a mapping of question to choice, not {_kind(answers)}.")
    result: dict[str, str] = {}
    for question, choice in answers.items():
        if not isinstance(choice, str | int) or isinstance(choice, bool):
            raise BadAnswers(f"{where}, the answer to '{question}' should be a choice id, not {_kind(choice)}.")
        result[str(question)] = str(choice)
    return result


def _load(text: str, name: str) -> object:
    if text.lstrip().startswith(("{", "[")):
        import json

        try:
            return json.loads(text)
        except RecursionError:
            raise BadAnswers(f"The answers file {name} is nested too deeply to be an answers file.") from None
        except ValueError as exc:
            raise BadAnswers(f"The answers file {name} is not valid JSON: {exc}.") from None
    from wallet_doctor.yaml_safe import compose, to_plain

    root, problems = compose(text.encode("utf-8"), name)
    if problems:
        raise BadAnswers(f"The answers file cannot be read: {problems[0]}")
    if root is None:
        return None
    try:
        return to_plain(root)
    except RecursionError:
        raise BadAnswers(f"The answers file {name} is nested too deeply to be an answers file.") from None


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


# -- Which answers and which tree are in force: one rule, used by every way of starting a walk.


def choose_tree(argument: str | None, given: AnswerSet) -> str:
    """The tree to walk: the TREE argument, else the answers file's tree, else triage. Refuses an argument
    that contradicts the file."""
    if argument and given.tree and argument != given.tree:
        raise BadAnswers(
            f"The answers file is for tree '{given.tree}', but you asked for '{argument}'. "
            "Drop the TREE argument or use another file."
        )
    return argument or given.tree or TRIAGE


def combined(from_file: Mapping[str, str], flags: Sequence[str]) -> dict[str, str]:
    """Every answer in force, by priority (copier's AnswersMap): an `-a` flag over the answers file."""
    return dict(ChainMap(parse_flags(flags), dict(from_file)))
