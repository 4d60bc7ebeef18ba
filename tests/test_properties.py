"""Property-based tests (hypothesis): over generated trees and answer sequences, the loader and engine raise
nothing but the project's own errors, walks are deterministic, back then the same answer gives the same
state, and every path of a valid tree reaches an outcome."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wallet_doctor.codes import UNKNOWN
from wallet_doctor.engine import Walk, drive
from wallet_doctor.errors import WalletDoctorError
from wallet_doctor.loader import parse
from wallet_doctor.model import Catalog, Tree
from wallet_doctor.paths import all_paths
from wallet_doctor.validation import validate

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(str.strip)


def bilingual(draw: st.DrawFn) -> dict[str, str]:
    return {"zh-CN": draw(TEXT), "en": draw(TEXT)}


@st.composite
def tree_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid tree: questions q0..qn whose choices lead only to later questions or to outcomes, so it
    has no cycles; every question has 2 to 4 choices; some nodes may be unreachable (a warning only)."""
    questions = draw(st.integers(1, 7))
    outcomes = draw(st.integers(1, 4))
    nodes: dict[str, Any] = {}
    for index in range(questions):
        targets = [f"q{i}" for i in range(index + 1, questions)] + [f"o{i}" for i in range(outcomes)]
        count = draw(st.integers(2, 4))
        nodes[f"q{index}"] = {
            "kind": "question",
            "text": bilingual(draw),
            "help": bilingual(draw),
            "choices": [
                {"id": f"c{n}", "label": bilingual(draw), "next": draw(st.sampled_from(targets))} for n in range(count)
            ],
        }
    for index in range(outcomes):
        nodes[f"o{index}"] = {
            "kind": "outcome",
            "title": bilingual(draw),
            "severity": draw(st.sampled_from(["info", "low", "medium", "high", "critical"])),
            "summary": bilingual(draw),
            # A valid outcome says no sentence twice (issue #13): each step's text is made unique.
            "steps": [
                {
                    "text": {lang: f"{text} ({n})" for lang, text in bilingual(draw).items()},
                    "warning": draw(st.booleans()),
                }
                for n in range(draw(st.integers(1, 3)))
            ],
        }
    return {
        "tree": "t",
        "version": 1,
        "title": bilingual(draw),
        "summary": bilingual(draw),
        "start": "q0",
        "nodes": nodes,
    }


_NOT_PRINTABLE_IN_YAML = re.compile("[\x7f-\x84\x86-\x9f\ufffe\uffff]")


def as_yaml(document: Any, indent: int | None = None) -> str:
    """JSON is YAML, once the characters YAML may not hold raw are written as escapes."""
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    return _NOT_PRINTABLE_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def load(document: dict[str, Any]) -> Catalog:
    tree, problems = parse(as_yaml(document).encode(), "t.yaml")
    assert isinstance(tree, Tree), problems
    assert [p for p in problems if p.is_error] == []
    catalog = Catalog({tree.id: tree}, {})
    assert [p for p in validate(catalog) if p.is_error] == []
    return catalog


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(tree_documents())
def test_every_path_of_a_valid_tree_reaches_an_outcome(document: dict[str, Any]) -> None:
    catalog = load(document)

    walks = list(all_paths(catalog, "t"))

    assert walks
    assert all(w.outcome is not None for w in walks)


@PROPERTY
@given(tree_documents(), st.lists(st.integers(0, 10), max_size=10))
def test_a_walk_is_deterministic_and_back_then_the_same_answer_gives_the_same_state(
    document: dict[str, Any], picks: list[int]
) -> None:
    catalog = load(document)
    walk = Walk.start(catalog, "t")
    for pick in picks:
        question = walk.question
        if question is None:
            break
        choice = question.choices[pick % len(question.choices)].id
        walk = walk.answer(choice)
        assert walk.back().answer(choice) == walk

    assert drive(catalog, "t", walk.as_answers()) == walk
    assert drive(catalog, "t", walk.as_answers()) == drive(catalog, "t", walk.as_answers())


@PROPERTY
@given(tree_documents(), st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=5))
def test_any_answers_give_a_walk_or_the_projects_own_error(document: dict[str, Any], answers: dict[str, str]) -> None:
    catalog = load(document)

    try:
        walk = drive(catalog, "t", answers)
    except WalletDoctorError as exc:
        assert str(exc)
    else:
        assert walk.finished or walk.question is not None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_the_loader_reports_problems_for_any_bytes_and_never_raises(data: bytes) -> None:
    result, problems = parse(data, "fuzz.yaml")

    assert result is not None or problems
    assert all(str(p).startswith("fuzz.yaml") for p in problems)
    assert [p.message for p in problems if p.code == UNKNOWN] == []  # every message has its code


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree_documents(), st.data())
def test_a_damaged_tree_gives_located_problems_never_an_exception(
    document: dict[str, Any], data: st.DataObject
) -> None:
    lines = as_yaml(document, indent=1).splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    damage = data.draw(st.sampled_from(["delete", "duplicate", "garble", "tab"]))
    if damage == "delete":
        del lines[index]
    elif damage == "duplicate":
        lines.insert(index, lines[index])
    elif damage == "garble":
        lines[index] = lines[index][: len(lines[index]) // 2]
    else:
        lines[index] = "\t" + lines[index]

    result, problems = parse("\n".join(lines).encode(), "t.yaml")

    if isinstance(result, Tree):
        problems += validate(Catalog({result.id: result}, {}))
    assert all(p.file == "t.yaml" and p.line >= 0 and p.message and p.fix for p in problems)
    assert [p.message for p in problems if p.code == UNKNOWN] == []  # every message has its code
