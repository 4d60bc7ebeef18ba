"""Every JSON shape the program prints: a walk (`run --format json` and each `batch` result line), and the
data of `list`, `paths`, `search` and `validate`. SCHEMA_VERSION versions them all."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from wallet_doctor.engine import Walk
from wallet_doctor.messages import msg
from wallet_doctor.model import TRIAGE, Catalog, Item, Outcome, Question, ResolvedConditional, ResolvedItem

if TYPE_CHECKING:
    # Types only: the scripted walk does not import them (render/shapes.py imports more than it needs).
    from wallet_doctor.errors import Problem
    from wallet_doctor.page_search import PageMatch
    from wallet_doctor.render.shapes import (
        CaseErrorData,
        ListData,
        MatchRow,
        PageRow,
        PathRow,
        PathsData,
        QuestionData,
        SearchData,
        TreeRow,
        ValidateData,
        WalkData,
    )
    from wallet_doctor.search import Match

# 2: an outcome's `steps` may hold conditional groups ({"if", "steps"}), and what is not a step now is in
# `sections` (contact, prepare, escalate, later), each shown once after the steps (see README).
SCHEMA_VERSION = 2


def walk_data(walk: Walk, lang: str, outcomes: dict[tuple[str, str], Any] | None = None) -> WalkData:
    """`{"schema_version", "status", "tree", "lang", "path", and "question" or "outcome"}`, and at triage's
    first question `describe`: how the person's own words find the page (the command, WORDS to replace). `outcomes`
    memoises each outcome's data by (id, language) for callers that render many walks of one catalog."""
    data: WalkData = {
        "schema_version": SCHEMA_VERSION,
        "status": "outcome" if walk.finished else "needs_answer",
        "tree": walk.tree,
        "lang": lang,
        "path": [
            {
                "tree": a.question.tree,
                "question": a.question.id,
                "text": a.question.text.get(lang),
                "choice": a.choice.id,
                "label": a.choice.label.get(lang),
                "by": a.by,
                "detail": a.detail,
            }
            for a in walk.answers
        ],
    }
    if walk.outcome is not None:
        if outcomes is None:
            data["outcome"] = outcome_data(walk.catalog, walk.outcome, lang)
        else:
            key = (walk.outcome.id, lang)
            if key not in outcomes:
                outcomes[key] = outcome_data(walk.catalog, walk.outcome, lang)
            data["outcome"] = outcomes[key]
    elif walk.question is not None:
        data["question"] = question_data(walk.question, lang)
        if walk.tree == TRIAGE and not walk.answers:  # where the wizard offers "describe it in my own words"
            data["describe"] = {
                "text": msg("describe_with", lang),
                "command": ["wallet-doctor", "search", "--format", "json", "--lang", lang, "WORDS"],
            }
    return data


def question_data(question: Question, lang: str) -> QuestionData:
    """The question still to answer as data: id, tree, kind, probe, text, help and choices in `lang`."""
    return {
        "id": question.id,
        "tree": question.tree,
        "kind": question.kind,
        "probe": question.probe,
        "text": question.text.get(lang),
        "help": question.help.get(lang) if question.help else None,
        "choices": [{"id": c.id, "label": c.label.get(lang)} for c in question.choices],
    }


def outcome_data(catalog: Catalog, outcome: Outcome, lang: str) -> dict[str, Any]:
    return {
        "id": outcome.id,
        "tree": outcome.tree,
        "title": outcome.title.get(lang),
        "severity": outcome.severity,
        "summary": outcome.summary.get(lang),
        "steps": [_step_data(step, lang) for step in catalog.steps(outcome)],
        "sections": [
            {"id": name, "title": msg(f"section.{name}", lang), "items": items_data(catalog, items, lang)}
            for name, items in outcome.sections
            if items
        ],
        "related": [
            {"tree": t, "title": catalog.trees[t].title.get(lang)} for t in outcome.related if t in catalog.trees
        ],
    }


def _step_data(step: ResolvedItem | ResolvedConditional, lang: str) -> dict[str, Any]:
    if isinstance(step, ResolvedConditional):
        return {"if": step.condition.get(lang), "steps": [_step_data(s, lang) for s in step.steps]}
    return {"text": step.text.get(lang), "warning": step.warning}


def items_data(catalog: Catalog, items: tuple[Item, ...], lang: str) -> list[dict[str, Any]]:
    return [_step_data(r, lang) for r in catalog.expand(items)]


# -- The other commands' JSON: `list`, `paths`, `search`, `validate`, and a `batch` line that is not a case.


def list_data(catalog: Catalog, lang: str) -> ListData:
    """`{"schema_version", "trees"}`: each tree's id, title, summary, version, size and keywords, by id."""
    rows: list[TreeRow] = [
        {
            "id": t.id,
            "title": t.title.get(lang),
            "summary": t.summary.get(lang),
            "version": t.version,
            "questions": sum(1 for _ in t.questions),
            "outcomes": sum(1 for _ in t.outcomes),
            "keywords": list(t.keywords_in(lang)),
        }
        for t in sorted(catalog.trees.values(), key=lambda t: t.id)
    ]
    return {"schema_version": SCHEMA_VERSION, "trees": rows}


def paths_data(tree_id: str, walks: Iterable[Walk]) -> PathsData:
    """`{"schema_version", "tree", "paths"}`: each finished walk's answers and the outcome it reaches."""
    rows: list[PathRow] = [{"answers": w.as_answers(), "outcome": w.outcome.id if w.outcome else None} for w in walks]
    return {"schema_version": SCHEMA_VERSION, "tree": tree_id, "paths": rows}


def search_data(query: str, matches: Iterable[Match], pages: Iterable[PageMatch], lang: str) -> SearchData:
    """`{"schema_version", "query", "matches", "pages"}`: each matching tree, best first, its score and words
    matched; then the pages that may fit, best first, each with the answers that lead to it from its tree's
    start (`run TREE --answers`) and from triage's first question."""
    rows: list[MatchRow] = [
        {"tree": m.tree.id, "title": m.tree.title.get(lang), "score": m.score, "matched": list(m.matched)}
        for m in matches
    ]
    page_rows: list[PageRow] = [
        {
            "outcome": p.outcome.id,
            "title": p.outcome.title.get(lang),
            "tree": p.tree,
            "answers": dict(p.answers),
            "from_triage": dict(p.from_triage),
        }
        for p in pages
    ]
    return {"schema_version": SCHEMA_VERSION, "query": query, "matches": rows, "pages": page_rows}


def validate_data(problems: Iterable[Problem], valid: bool) -> ValidateData:
    """`{"schema_version", "valid", "problems"}`: every problem found, errors and warnings, located."""
    return {
        "schema_version": SCHEMA_VERSION,
        "valid": valid,
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "severity": p.severity,
                "code": p.code,
                "node": p.node,
                "message": p.message,
                "fix": p.fix,
            }
            for p in problems
        ],
    }


def case_error_data(case_id: Any, line: int, exit_code: int, message: str) -> CaseErrorData:
    """The `batch` result of a line that could not be walked: its id, line number, exit code and message."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": case_id,
        "line": line,
        "status": "error",
        "error": {"exit_code": exit_code, "message": message},
    }
