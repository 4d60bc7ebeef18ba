"""Find the page (an outcome) for typed words, and the answers that lead to it.

`search` finds a tree; a tree holds a dozen or more pages, and some pages live in triage itself (a lost phone,
identity misuse, complaints), where no tree's keywords lead. A page is found by the words of its title, summary
and steps and the labels of the answers on its way in, each word weighted by how few pages use it (a word on
every page tells none apart), plus the weight of its tree in `search`'s ranking. Chinese is compared in pairs
of characters (no spaces to split words at), Latin script in whole words without an ending that only inflects
them ("connected" finds "connect"), a word of four letters or more also finding the longer words it starts
("withdraw" finds "withdrawal").

A page is offered with its way in, never reached behind the person's back: the wizard walks the questions with
those answers pre-selected, and the person confirms or changes each one.
"""

from __future__ import annotations

import math
import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

from wallet_doctor.model import LANGUAGES, TRIAGE, Catalog, Jump, Outcome, Question, ResolvedConditional
from wallet_doctor.search import COMMON_WORDS, MIN_WORD, Match, fold

Way = tuple[tuple[str, str], ...]  # (question, choice), in the order asked

PAGES = 3  # pages offered at most
# A page's score is the weight of each query word it uses (ln(pages / (1 + pages using the word)): about 5.1 for a
# word on one page of 326), its title's words counted once more, plus TREE_WEIGHT times its tree's share of the
# best tree's `search` score. Triage's own pages (a lost phone, complaints) have no tree in `search`: they count
# as the best tree. Tuned on 96 real reports whose right page a walk pins (tests/walks/reports/): the right
# page is among the three offered for 63 of 297 pages, 62 of 326, 59 of 358, 55 of 375 (README, "Finding a
# page"). Tried again with some 310 pages: the tree's share squared or square-rooted, TREE_WEIGHT from 4 to 12,
# or a page's length discounted (BM25's b from 0.25 to 1) offered the right page for no more reports (56 to 63).
TREE_WEIGHT = 10.0
TITLE_WEIGHT = 1.0
PREFIX_WEIGHT = 0.7  # a query word found only as the start of a longer word counts this much of that word
PREFIX_MIN = 4  # ... and only from four letters: "pay" would find "payee", "payment" and "payout"
STEM_MIN = 4  # letters left at least when an English ending is taken off
ENDINGS = ("ing", "ed", "es", "s")  # the first that fits is taken off: "connected" and "connect" compare alike
_CJK_RUN = re.compile("[\u2e80-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile("[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class PageMatch:
    """A page that matches a query: its score (higher is better), its way in from triage's first question
    (what the wizard pre-selects), and its way in as a command: a tree and the fewest answers from that tree's
    start (`wallet-doctor run TREE -a ...`), the page's own tree where it can (see _command_ways)."""

    outcome: Outcome
    score: float
    from_triage: Way
    tree: str
    answers: Way


def ways_in(catalog: Catalog, tree_id: str) -> dict[str, Way]:
    """The fewest answers from `tree_id`'s start to each outcome it reaches (jumps followed), by outcome id;
    among ways of one length, the one whose answers come first in their menus. A jump takes no answer, so the
    node it lands on goes to the front of the queue (queued behind the next answers' nodes, as a plain
    breadth-first search has it, 15 pages got a way from triage one answer longer than they have)."""
    tree = catalog.trees.get(tree_id)
    if tree is None:
        return {}
    ways: dict[str, Way] = {tree.start: ()}
    done: set[str] = set()
    pending = deque([tree.start])
    found: dict[str, Way] = {}
    while pending:
        node_id = pending.popleft()
        if node_id in done:
            continue
        done.add(node_id)
        node, way = catalog.node(node_id), ways[node_id]
        following: list[tuple[str, Way]] = []
        if isinstance(node, Outcome):
            found[node_id] = way
        elif isinstance(node, Jump):
            target = catalog.trees.get(node.target)
            if target is not None:
                following.append((node.landing(target), way))
        elif isinstance(node, Question):
            following += [(choice.next, (*way, (node.id, choice.id))) for choice in node.choices]
        for next_id, next_way in following:
            known = ways.get(next_id)  # a finished node's way is already the fewest: never replaced
            if known is not None and len(known) <= len(next_way):
                continue
            ways[next_id] = next_way
            if next_way is way:  # a jump: no answer taken
                pending.appendleft(next_id)
            else:
                pending.append(next_id)
    return found


@dataclass(frozen=True, slots=True)
class Page:
    """An outcome as search sees it: its ways in (see PageMatch) and the words it is found by, each between
    spaces and sorted (`terms`: title, summary, steps and the labels on its way in; `title_terms`: its title),
    so that a word is found whole as " word " and as the start of a longer word as " word"."""

    outcome: Outcome
    tree: str
    answers: Way
    from_triage: Way
    terms: str
    title_terms: str


def pages(catalog: Catalog) -> list[Page]:
    """Every outcome a walk can reach, as search finds it: triage's first, in the order a walk meets them."""
    from_triage = ways_in(catalog, TRIAGE)
    found = []
    for outcome_id, (tree_id, answers) in _command_ways(catalog, from_triage).items():
        outcome = _outcome(catalog, outcome_id)
        way = from_triage.get(outcome_id, ())
        title = " ".join(outcome.title.get(lang) for lang in LANGUAGES)
        found.append(Page(outcome, tree_id, answers, way, _terms(_page_text(catalog, outcome, way)), _terms(title)))
    return found


def find_pages(
    catalog: Catalog, query: str, trees: Sequence[Match], limit: int = PAGES, among: Sequence[Page] | None = None
) -> list[PageMatch]:
    """The pages that best match `query`, best first, at most `limit`. `trees` is `search`'s ranking for the
    same query: a page's tree adds its share of the best tree's score. Only pages that share a word with
    the query are offered. `among`: the catalog's pages(), when known."""
    every = pages(catalog) if among is None else among
    asked = sorted(_words(query))  # in order: the same sums, to the last bit, whatever the process's hashing
    scores = _scores(asked, [page.terms for page in every])
    for at, score in enumerate(_scores(asked, [page.title_terms for page in every])):
        scores[at] += TITLE_WEIGHT * score
    best_tree = max((m.score for m in trees), default=0)
    tree_share = {m.tree.id: m.score / best_tree for m in trees} if best_tree else {}
    tree_share[TRIAGE] = 1.0
    found = [
        PageMatch(page.outcome, own + TREE_WEIGHT * tree_share.get(page.outcome.tree, 0.0), page.from_triage,
                  page.tree, page.answers)
        for page, own in zip(every, scores, strict=True)
        if own > 0
    ]  # fmt: skip
    found.sort(key=lambda m: (-m.score, m.outcome.id))
    return found[:limit]


def _command_ways(catalog: Catalog, from_triage: dict[str, Way]) -> dict[str, tuple[str, Way]]:
    """Each outcome's way in for its command, as (tree, answers from its start): from the start of the tree
    the page belongs to where that leads there (its questions are about the page's subject; a shorter way
    through another tree's start can take answers that are not so, "my crypto balance shows zero" on the
    way to a router's proxy); else from triage; else the fewest answers from another tree's start."""
    own: dict[str, tuple[str, Way]] = {}
    other: dict[str, tuple[str, Way]] = {}
    for tree_id in catalog.trees:
        if tree_id == TRIAGE:
            continue
        for outcome_id, way in ways_in(catalog, tree_id).items():
            if _outcome(catalog, outcome_id).tree == tree_id:
                own[outcome_id] = (tree_id, way)
            elif outcome_id not in other or len(way) < len(other[outcome_id][1]):
                other[outcome_id] = (tree_id, way)
    for outcome_id, way in from_triage.items():
        own.setdefault(outcome_id, (TRIAGE, way))
    for outcome_id, found in other.items():
        own.setdefault(outcome_id, found)
    return own


def _outcome(catalog: Catalog, outcome_id: str) -> Outcome:
    outcome = catalog.node(outcome_id)
    assert isinstance(outcome, Outcome)  # ways_in() gives outcomes only
    return outcome


def _page_text(catalog: Catalog, outcome: Outcome, way: Way) -> str:
    """What a page is found by: its title, summary and steps, and the labels of the answers on its way in,
    in every language."""
    texts = [outcome.title, outcome.summary]
    for step in catalog.steps(outcome):
        texts += (
            [step.condition, *(s.text for s in step.steps)] if isinstance(step, ResolvedConditional) else [step.text]
        )
    for question_id, choice_id in way:
        question = catalog.node(question_id)
        if isinstance(question, Question):
            choice = question.choice(choice_id)
            if choice is not None:
                texts.append(choice.label)
    return " ".join(text.get(lang) for text in texts for lang in LANGUAGES)


def _words(text: str) -> frozenset[str]:
    """The words search compares: each pair of neighbouring Chinese characters, each Latin word of three
    letters or more that is not a common word."""
    folded = fold(text)
    found: set[str] = set()
    for run in _CJK_RUN.findall(folded):
        found.update(run[at : at + 2] for at in range(len(run) - 1))
    found.update(_stem(w) for w in _LATIN_WORD.findall(folded) if len(w) >= MIN_WORD and w not in COMMON_WORDS)
    return frozenset(found)


def _stem(word: str) -> str:
    """An English word without the ending that only inflects it ("connected" and "connect", "keeps" and "keep"
    compare alike), where four letters or more are left."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_MIN:
            return word[: -len(ending)]
    return word


def _terms(text: str) -> str:
    """`text`'s words (_words) sorted, each between spaces."""
    return f" {' '.join(sorted(_words(text)))} "


def _scores(asked: Sequence[str], terms: Sequence[str]) -> list[float]:
    """Each page's score, in the order of `terms` (each page's words between spaces): each asked word it uses
    by that word's weight, ln(pages / (1 + pages using it)), so a word on every page counts for nothing; a
    Latin word the page has only as the start of longer words by PREFIX_WEIGHT of the weight of that start."""
    scores = [0.0] * len(terms)

    def add(using: list[int], share: float) -> None:
        weight = share * max(0.0, math.log(len(terms) / (1 + len(using))))
        for at in using:
            scores[at] += weight

    for word in asked:
        whole = [at for at, words in enumerate(terms) if f" {word} " in words]
        add(whole, 1.0)
        if word.isascii() and len(word) >= PREFIX_MIN:
            start, seen = f" {word}", set(whole)
            add([at for at, words in enumerate(terms) if at not in seen and start in words], PREFIX_WEIGHT)
    return scores
