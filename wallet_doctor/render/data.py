"""A walk as plain data: the JSON contract of `run --format json` and of each `batch` result line."""

from __future__ import annotations

from typing import Any

from wallet_doctor.engine import Walk
from wallet_doctor.messages import msg
from wallet_doctor.model import Catalog, Item, Outcome, Question, ResolvedConditional, ResolvedItem

# 2: an outcome's `steps` may hold conditional groups ({"if", "steps"}), and what is not a step now is in
# `sections` (contact, prepare, escalate, later), each shown once after the steps (see README).
SCHEMA_VERSION = 2


def walk_data(walk: Walk, lang: str, outcomes: dict[tuple[str, str], Any] | None = None) -> dict[str, Any]:
    """`{"schema_version", "status", "tree", "lang", "path", and "question" or "outcome"}`. `outcomes`
    memoises each outcome's data by (id, language) for callers that render many walks of one catalog."""
    data: dict[str, Any] = {
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
    return data


def question_data(question: Question, lang: str) -> dict[str, Any]:
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
