"""A tree as an indented outline of questions, choices and where they lead (`wallet-doctor show`)."""

from __future__ import annotations

from wallet_doctor.locales import locale
from wallet_doctor.messages import msg
from wallet_doctor.model import Catalog, Jump, Outcome, Question
from wallet_doctor.render.text import clean


def outline(catalog: Catalog, tree_id: str, lang: str) -> str:
    """`tree_id` as an indented outline in `lang`: each question, its choices and where they lead."""
    tree = catalog.trees[tree_id]
    punctuation = locale(lang)
    heading = msg("outline.heading", lang).format(tree=tree.id, version=tree.version)
    lines = [
        f"{heading}{punctuation.colon}{clean(tree.title.get(lang))}",
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
            lines.append(f"{pad}{via}{node_id}{msg('outline.see_above', lang)}")
            continue
        shown.add(node_id)
        if isinstance(node, Question):
            kind = msg(f"kind.{node.kind}", lang)
            probe = f"{punctuation.colon}{msg('outline.probe', lang).format(probe=node.probe)}" if node.probe else ""
            lines.append(f"{pad}{via}{node_id} [{kind}{probe}] {clean(node.text.get(lang))}")
            for choice in reversed(node.choices):
                stack.append((choice.next, depth + 1, f"{choice.id} ({clean(choice.label.get(lang))}) -> "))
        elif isinstance(node, Outcome):
            kind = f"{msg('kind.outcome', lang)}{punctuation.list_separator}{msg(f'severity.{node.severity}', lang)}"
            lines.append(f"{pad}{via}{node_id} [{kind}] {clean(node.title.get(lang))}")
        elif isinstance(node, Jump):
            continues = msg("outline.continues", lang).format(tree=node.target)
            if node.land:
                continues += msg("outline.lands", lang).format(node=node.land)
            lines.append(f"{pad}{via}{node_id} [{msg('kind.jump', lang)}] {continues}")
    return "\n".join(lines) + "\n"
