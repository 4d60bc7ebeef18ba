"""Every way through a tree: each sequence of answers and the outcome it reaches."""

from __future__ import annotations

from collections.abc import Iterator

from wallet_doctor.engine import Walk
from wallet_doctor.errors import UnknownTree, WalletDoctorError
from wallet_doctor.model import Catalog, Jump, Question

# Each question doubles the ways through a tree at worst: 25 two-way questions in a row make 33 million. The
# built-in triage has about 100,000 ways (listed in about 2 s, 63 MB of JSON); the bound leaves it room to grow
# while still refusing, before any work, a tree that would take minutes and gigabytes.
MAX_PATHS = 250_000


def all_paths(catalog: Catalog, tree_id: str) -> Iterator[Walk]:
    """Each finished walk from `tree_id`, depth first, choices in the order written. Refuses, before the
    first, a tree with more than MAX_PATHS of them, saying how many there are."""
    if tree_id not in catalog.trees:
        raise UnknownTree(tree_id, list(catalog.trees))
    count = count_paths(catalog, tree_id)
    if count > MAX_PATHS:
        raise WalletDoctorError(
            f"Tree '{tree_id}' has {count:,} ways through it, too many to list (at most {MAX_PATHS:,}). "
            "Walk a part of it with `wallet-doctor run` and -a answers, or split the tree."
        )
    pending = [Walk.start(catalog, tree_id)]
    while pending:
        walk = pending.pop()
        question = walk.question
        if question is None:
            yield walk
            continue
        pending.extend(walk.answer(choice.id) for choice in reversed(question.choices))


def count_paths(catalog: Catalog, tree_id: str) -> int:
    """How many finished walks start in `tree_id`, counted without walking them (each node once)."""
    counts: dict[str, int] = {}
    start = catalog.trees[tree_id].start
    on_path = {start}
    stack = [(start, iter(_following(catalog, start)))]
    while stack:
        node_id, following = stack[-1]
        child = next(following, None)
        if child is None:
            stack.pop()
            on_path.discard(node_id)
            nexts = _following(catalog, node_id)
            # A node still on the path is a cycle (validation refuses those): it counts as nothing.
            counts[node_id] = sum(counts.get(n, 0) for n in nexts) if nexts else 1
        elif child not in counts and child not in on_path:
            on_path.add(child)
            stack.append((child, iter(_following(catalog, child))))
    return counts[start]


def _following(catalog: Catalog, node_id: str) -> list[str]:
    node = catalog.node(node_id)
    if isinstance(node, Question):
        return [choice.next for choice in node.choices]
    if isinstance(node, Jump):
        target = catalog.trees.get(node.target)
        return [node.landing(target)] if target is not None else []
    return []
