"""Find the tree for a symptom from typed words or a pasted error message, in either language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wallet_doctor.model import LANGUAGES, TRIAGE, Catalog, Tree

MAX_WORDS = 1000


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
    split = re.split(r"[\s,.;:!?，。；：！？、\"'“”()（）]+", query_folded)
    # A pasted message has a few dozen words; the first MAX_WORDS distinct ones are plenty (50,000 took 3 s).
    words = set(list(dict.fromkeys(w for w in split if len(w) > 1))[:MAX_WORDS])
    # One pattern for every word, compiled once (one a word and keyword cost 11 s for 1,000 words): at each
    # start of a word in a keyword, the longest query word found there.
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    starts = re.compile(rf"(?:^|(?<=\W))(?=({alternatives}))") if words else None
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
                longest = max((len(m[1]) for m in starts.finditer(folded)), default=0) if starts else 0
                if longest:
                    found[keyword] = max(found.get(keyword, 0), longest)
        if found:
            matches.append(Match(tree, sum(found.values()), tuple(sorted(found))))
    return sorted(matches, key=lambda m: (-m.score, m.tree.id))
