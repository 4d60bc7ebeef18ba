"""Static checks across the whole catalog: references, reachability, cycles, dead ends, unused blocks.

The loader has already reported what is wrong inside each file; these checks need every file at once.
"""

from __future__ import annotations

from collections.abc import Iterator

from wallet_doctor.errors import Problem
from wallet_doctor.graph import breadth_first
from wallet_doctor.model import (
    Catalog,
    Item,
    Jump,
    Location,
    Node,
    Question,
    Tree,
)
from wallet_doctor.outcome_rules import oversized_outcomes, shape_problems, shared_block_sizes, too_long_to_read

FRAUD_TREE = "fraud_check"
CONTACT_SUPPORT = "contact_support"


MAX_ANSWERS = 9  # one screen of digit keys in the wizard


def validate(catalog: Catalog) -> list[Problem]:
    """Every problem of the catalog, errors and warnings, in file and line order."""
    sizes, block_problems = shared_block_sizes(catalog)
    # Outcomes too large to expand are reported and left out of the checks that expand them.
    oversized, size_problems = oversized_outcomes(catalog, sizes)
    problems = [
        *_duplicate_node_ids(catalog),
        *_references(catalog),
        *block_problems,
        *size_problems,
        *_cycles(catalog),
        *_dead_ends(catalog, oversized),
        *_unreachable(catalog),
        *_missing_help(catalog),
        *_long_menus(catalog),
        *_unused_blocks(catalog),
        *_support_without_fraud_check(catalog, oversized),
        *shape_problems(catalog, oversized),
        *too_long_to_read(catalog, oversized),
    ]
    return sorted(problems, key=lambda p: (p.file, p.line, p.message))


def _error(loc: Location, message: str, fix: str, node: str | None = None) -> Problem:
    return Problem(loc.file, loc.line, message, fix, node)


def _warning(loc: Location, message: str, fix: str, node: str | None = None) -> Problem:
    return Problem(loc.file, loc.line, message, fix, node, severity="warning")


def _duplicate_node_ids(catalog: Catalog) -> Iterator[Problem]:
    first: dict[str, Node] = {}
    for tree in catalog.trees.values():
        for node_id, node in tree.nodes.items():
            if node_id in first:
                yield _error(
                    node.loc,
                    f"The node id '{node_id}' is also used in tree '{first[node_id].tree}' at {first[node_id].loc}.",
                    "Node ids are unique across all trees: prefix them with the tree's name.",
                    node_id,
                )
            else:
                first[node_id] = node


def _references(catalog: Catalog) -> Iterator[Problem]:
    trees = sorted(catalog.trees)
    blocks = sorted(catalog.shared)
    for tree in catalog.trees.values():
        if tree.start not in tree.nodes and tree.start not in tree.broken:
            yield _error(
                tree.start_loc,
                f"The tree starts at '{tree.start}', which does not exist.",
                f"Point `start` at one of its nodes: {', '.join(tree.nodes) or '(none yet)'}.",
            )
        for node in tree.nodes.values():
            if isinstance(node, Question):
                for choice in node.choices:
                    if choice.next not in tree.nodes and choice.next not in tree.broken:
                        elsewhere = catalog.node(choice.next)
                        fix = (
                            f"'{choice.next}' is in tree '{elsewhere.tree}': add a jump node (kind: jump, tree: "
                            f"{elsewhere.tree}) and point `next` at it."
                            if elsewhere is not None
                            else f"Point `next` at a node of tree '{tree.id}', or add node '{choice.next}'."
                        )
                        yield _error(
                            choice.loc,
                            f"Choice '{choice.id}' leads to '{choice.next}', which does not exist.",
                            fix,
                            node.id,
                        )
            elif isinstance(node, Jump):
                target = catalog.trees.get(node.target)
                if target is None and node.target not in catalog.unreadable:
                    yield _error(
                        node.loc,
                        f"The jump goes to tree '{node.target}', which does not exist.",
                        f"Use one of the trees: {', '.join(trees)}.",
                        node.id,
                    )
                elif target is not None and node.land is not None:
                    yield from _landing(node, target)
            else:
                for tree_id in node.related:
                    if tree_id not in catalog.trees and tree_id not in catalog.unreadable:
                        yield _error(
                            node.related_loc or node.loc,
                            f"'related' names tree '{tree_id}', which does not exist.",
                            f"Use one of the trees: {', '.join(trees)}.",
                            node.id,
                        )
                yield from _uses(node.items(), blocks, catalog, node.id)
    for block in catalog.shared.values():
        yield from _uses(block.items, blocks, catalog, None)


def _landing(jump: Jump, target: Tree) -> Iterator[Problem]:
    """A jump lands on a question or outcome of the tree it names, never on another jump."""
    landing = target.nodes.get(jump.land or "")
    if landing is None:
        yield _error(
            jump.loc,
            f"The jump lands on '{jump.land}', which is not a node of tree '{target.id}'.",
            f"Name a question or outcome of tree '{target.id}' in `node:`, or leave `node:` out to start at "
            f"'{target.start}'.",
            jump.id,
        )
    elif isinstance(landing, Jump):
        yield _error(
            jump.loc,
            f"The jump lands on '{jump.land}', which is itself a jump.",
            f"Land on where that jump leads (tree '{landing.target}'), or on a question of tree '{target.id}'.",
            jump.id,
        )


def _uses(
    items: Iterator[Item] | tuple[Item, ...], blocks: list[str], catalog: Catalog, node: str | None
) -> Iterator[Problem]:
    for item in items:
        if item.use is not None and item.use not in catalog.shared:
            yield _error(
                item.loc,
                f"'use: {item.use}' names a shared block that does not exist.",
                f"Use one of the shared blocks: {', '.join(blocks) or '(none)'}.",
                node,
            )


def _successors(catalog: Catalog, node: Node) -> list[str]:
    if isinstance(node, Question):
        return [c.next for c in node.choices]
    if isinstance(node, Jump):
        target = catalog.trees.get(node.target)
        return [node.landing(target)] if target is not None else []
    return []


def _cycles(catalog: Catalog) -> Iterator[Problem]:
    """A walk that can come back to a node could go round for ever. Iterative three-colour search."""
    done: set[str] = set()
    for tree in catalog.trees.values():
        for root in tree.nodes:
            if root in done:
                continue
            on_path: list[str] = [root]
            position = {root: 0}
            iterators = [iter(_successors(catalog, tree.nodes[root]))]
            while iterators:
                following = next(iterators[-1], None)
                if following is None:
                    iterators.pop()
                    finished = on_path.pop()
                    del position[finished]
                    done.add(finished)
                    continue
                node = catalog.node(following)
                if node is None or following in done:
                    continue
                if following in position:
                    loop = [*on_path[position[following] :], following]
                    last = catalog.node(on_path[-1])
                    assert last is not None
                    yield _error(
                        last.loc,
                        f"A walk can go round for ever: {' -> '.join(loop)}.",
                        "Point one of these nodes at a node further on, so that every walk ends at an outcome.",
                        last.id,
                    )
                    continue
                position[following] = len(on_path)
                on_path.append(following)
                iterators.append(iter(_successors(catalog, node)))


def _dead_ends(catalog: Catalog, oversized: set[int]) -> Iterator[Problem]:
    for tree in catalog.trees.values():
        for outcome in tree.outcomes:
            if id(outcome) not in oversized and not catalog.expand(outcome.steps):
                yield _error(
                    outcome.loc,
                    "The outcome gives no steps, so a user who reaches it is left with nothing to do.",
                    "Add at least one step under `steps:`.",
                    outcome.id,
                )


def _reachable(catalog: Catalog, tree: Tree) -> set[str]:
    """The nodes of `tree` some walk reaches: from its start, or from where a jump of another tree lands."""
    landings = [
        node.land
        for other in catalog.jumps_into(tree.id)
        for node in catalog.trees[other].nodes.values()
        if isinstance(node, Jump) and node.target == tree.id and node.land
    ]
    reached: set[str] = set()
    for start in (tree.start, *landings):
        reached.update(breadth_first(start, tree.next_nodes))
    return reached


def _unreachable(catalog: Catalog) -> Iterator[Problem]:
    for tree in catalog.trees.values():
        if tree.start not in tree.nodes:
            continue  # reported as a dangling start already
        reachable = _reachable(catalog, tree)
        for node_id, node in tree.nodes.items():
            if node_id not in reachable:
                yield _warning(
                    node.loc,
                    f"No walk of tree '{tree.id}' reaches this node.",
                    "Point a choice at it, or delete it.",
                    node_id,
                )


def _missing_help(catalog: Catalog) -> Iterator[Problem]:
    for tree in catalog.trees.values():
        for question in tree.questions:
            if question.help is None:
                yield _warning(
                    question.loc,
                    f"The {question.kind} has no help text.",
                    "Add `help:` saying why we ask and how the user can find out.",
                    question.id,
                )


def _long_menus(catalog: Catalog) -> Iterator[Problem]:
    """A question with more answers than one screen of digits (1-9) is hard to read for a person in trouble: real
    reports showed people picking the wrong one of 11 long labels. A warning: grouping is the author's call."""
    for tree in catalog.trees.values():
        for question in tree.questions:
            if len(question.choices) > MAX_ANSWERS:
                yield _warning(
                    question.loc,
                    f"The {question.kind} offers {len(question.choices)} answers; a person in trouble reads at most"
                    f" {MAX_ANSWERS}.",
                    "Group answers under a first question with fewer, broader answers, and ask the narrower one"
                    " next (a jump can land on it with `node:`).",
                    question.id,
                )


def _unused_blocks(catalog: Catalog) -> Iterator[Problem]:
    used = {
        item.use for tree in catalog.trees.values() for outcome in tree.outcomes for item in outcome.items() if item.use
    }
    used |= {item.use for block in catalog.shared.values() for item in block.items if item.use}
    for block in catalog.shared.values():
        if block.id not in used:
            yield _warning(
                block.loc, f"Nothing uses the shared block '{block.id}'.", "Use it in an outcome, or delete it."
            )


def _support_without_fraud_check(catalog: Catalog, oversized: set[int]) -> Iterator[Problem]:
    """Wherever we send a user to 'support', the fraud check must be one step away (impostors pose as support)."""
    if FRAUD_TREE not in catalog.trees:
        return
    for tree in catalog.trees.values():
        if tree.id == FRAUD_TREE:
            continue
        for outcome in tree.outcomes:
            if id(outcome) in oversized:
                continue
            sends_to_support = any(r.source == CONTACT_SUPPORT for r in catalog.expand(outcome.items()))
            if sends_to_support and FRAUD_TREE not in outcome.related:
                yield _warning(
                    outcome.loc,
                    "The outcome sends the user to support but does not offer the fraud check.",
                    f"Add {FRAUD_TREE} to `related`.",
                    outcome.id,
                )
