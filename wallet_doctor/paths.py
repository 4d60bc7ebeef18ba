"""Every way through a tree: each sequence of answers and the outcome it reaches."""

from __future__ import annotations

from collections.abc import Iterator

from wallet_doctor.engine import Walk
from wallet_doctor.model import Catalog


def all_paths(catalog: Catalog, tree_id: str) -> Iterator[Walk]:
    """Each finished walk from `tree_id`, depth first, choices in the order written."""
    pending = [Walk.start(catalog, tree_id)]
    while pending:
        walk = pending.pop()
        question = walk.question
        if question is None:
            yield walk
            continue
        pending.extend(walk.answer(choice.id) for choice in reversed(question.choices))
