"""The order in which the docs show a tree's nodes and a catalog's trees: as a reader would meet them."""

from __future__ import annotations

from wallet_doctor.model import TRIAGE, Catalog, Jump, Node, Question, Tree


def walk_order(tree: Tree) -> list[Node]:
    """Every node of `tree` once: breadth first from the start, choices in the order written, then any
    node no walk reaches (validation warns about those) in file order."""
    order: list[str] = []
    pending = [tree.start]
    while pending:
        node_id = pending.pop(0)
        node = tree.nodes.get(node_id)
        if node is None or node_id in order:
            continue
        order.append(node_id)
        if isinstance(node, Question):
            pending.extend(c.next for c in node.choices)
    order.extend(n for n in tree.nodes if n not in order)
    return [tree.nodes[n] for n in order]


def tree_order(catalog: Catalog) -> list[str]:
    """Tree ids with triage, where every walk begins, first and the rest by id."""
    return sorted(catalog.trees, key=lambda tree_id: (tree_id != TRIAGE, tree_id))


def entry_trees(catalog: Catalog, tree_id: str) -> list[str]:
    """The trees that jump into `tree_id`, in `tree_order`."""
    return [
        other
        for other in tree_order(catalog)
        if other != tree_id
        and any(isinstance(node, Jump) and node.target == tree_id for node in catalog.trees[other].nodes.values())
    ]
