"""The order in which the docs show a tree's nodes and a catalog's trees: as a reader would meet them."""

from __future__ import annotations

from wallet_doctor.graph import breadth_first
from wallet_doctor.model import TRIAGE, Catalog, Node, Tree


def walk_order(tree: Tree) -> list[Node]:
    """Every node of `tree` once: breadth first from the start, choices in the order written, then any
    node no walk reaches (validation warns about those) in file order."""
    order = dict.fromkeys(breadth_first(tree.start, tree.next_nodes))
    order.update((n, None) for n in tree.nodes if n not in order)
    return [tree.nodes[n] for n in order]


def tree_order(catalog: Catalog) -> list[str]:
    """Tree ids with triage, where every walk begins, first and the rest by id."""
    return sorted(catalog.trees, key=lambda tree_id: (tree_id != TRIAGE, tree_id))


def entry_trees(catalog: Catalog, tree_id: str) -> list[str]:
    """The trees that jump into `tree_id`, in `tree_order`."""
    return sorted(catalog.jumps_into(tree_id), key=lambda other: (other != TRIAGE, other))
