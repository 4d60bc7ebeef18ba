"""Find the tree for a symptom from typed words or a pasted error message, in either language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wallet_doctor.model import LANGUAGES, TRIAGE, Catalog, Tree


@dataclass(frozen=True, slots=True)
class Match:
    """A tree that matches a query: its score (higher is better) and the keywords matched."""

    tree: Tree
    score: int
    matched: tuple[str, ...]


def search(catalog: Catalog, query: str) -> list[Match]:
    """Trees whose keywords or titles match `query`, best first. Chinese needs no spaces: a keyword found
    anywhere in the query counts; English words count when they start a keyword or title word."""
    query_folded = query.casefold()
    words = [w for w in re.split(r"[\s,.;:!?，。；：！？、\"'“”()（）]+", query_folded) if len(w) > 1]
    matches = []
    for tree in catalog.trees.values():
        if tree.id == TRIAGE:
            continue
        found: dict[str, int] = {}
        for lang in LANGUAGES:
            for keyword in (*tree.keywords_in(lang), tree.title.get(lang)):
                folded = keyword.casefold()
                if folded and folded in query_folded:
                    found[keyword] = max(found.get(keyword, 0), 3 * len(folded))
                    continue
                for word in words:
                    if re.search(r"(^|\W)" + re.escape(word), folded):
                        found[keyword] = max(found.get(keyword, 0), len(word))
        if found:
            matches.append(Match(tree, sum(found.values()), tuple(sorted(found))))
    return sorted(matches, key=lambda m: (-m.score, m.tree.id))
