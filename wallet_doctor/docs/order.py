"""The order in which the docs show a tree's nodes and a catalog's trees: as a reader would meet them."""

from __future__ import annotations

from collections import deque

from wallet_doctor.model import TRIAGE, Catalog, Node, Question, Tree


def walk_order(tree: Tree) -> list[Node]:
    """Every node of `tree` once: breadth first from the start, choices in the order written, then any
    node no walk reaches (validation warns about those) in file order."""
    order: dict[str, None] = {}  # insertion-ordered and O(1) to test: linear in the size of the tree
    pending = deque([tree.start])
    while pending:
        node_id = pending.popleft()
        node = tree.nodes.get(node_id)
        if node is None or node_id in order:
            continue
        order[node_id] = None
        if isinstance(node, Question):
            pending.extend(c.next for c in node.choices)
    order.update((n, None) for n in tree.nodes if n not in order)
    return [tree.nodes[n] for n in order]


def tree_order(catalog: Catalog) -> list[str]:
    """Tree ids with triage, where every walk begins, first and the rest by id."""
    return sorted(catalog.trees, key=lambda tree_id: (tree_id != TRIAGE, tree_id))


def entry_trees(catalog: Catalog, tree_id: str) -> list[str]:
    """The trees that jump into `tree_id`, in `tree_order`."""
    return sorted(catalog.jumps_into(tree_id), key=lambda other: (other != TRIAGE, other))
