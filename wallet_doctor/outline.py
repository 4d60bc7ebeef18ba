"""A tree as an indented outline of questions, choices and where they lead (`wallet-doctor show`)."""

from __future__ import annotations

from wallet_doctor.model import Catalog, Jump, Outcome, Question
from wallet_doctor.render.text import clean


def outline(catalog: Catalog, tree_id: str, lang: str) -> str:
    tree = catalog.trees[tree_id]
    lines = [
        f"{tree.id} (version {tree.version}): {clean(tree.title.get(lang))}",
        f"  {clean(tree.summary.get(lang))}",
        "",
    ]
    shown: set[str] = set()
    stack: list[tuple[str, int, str]] = [(tree.start, 0, "")]
    while stack:
        node_id, depth, via = stack.pop()
        pad = "    " * depth
        node = tree.nodes.get(node_id)
        if node is None:
            continue
        if node_id in shown:
            lines.append(f"{pad}{via}{node_id} (see above)")
            continue
        shown.add(node_id)
        if isinstance(node, Question):
            probe = f": probe {node.probe}" if node.probe else ""
            lines.append(f"{pad}{via}{node_id} [{node.kind}{probe}] {clean(node.text.get(lang))}")
            for choice in reversed(node.choices):
                stack.append((choice.next, depth + 1, f"{choice.id} ({clean(choice.label.get(lang))}) -> "))
        elif isinstance(node, Outcome):
            lines.append(f"{pad}{via}{node_id} [outcome, {node.severity}] {clean(node.title.get(lang))}")
        elif isinstance(node, Jump):
            at = f" at '{node.land}'" if node.land else ""
            lines.append(f"{pad}{via}{node_id} [jump] continues in tree '{node.target}'{at}")
    return "\n".join(lines) + "\n"
