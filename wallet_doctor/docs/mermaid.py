"""A tree as Mermaid flowcharts small enough to read at GitHub's width: safe node ids, every label quoted,
escaped and cut cleanly, Chinese kept as written.

The output uses a small, fixed subset of Mermaid's flowchart syntax, one statement a line:

    flowchart LR
      n_login_symptom("What happens when you log in?")      a question
      n_net_other_apps{{"Do other apps work?"}}             a check (a probe may answer it)
      n_login_reset(["Reset the password"])                 an outcome
      n_net_go_login[["→ Cannot log in"]]                   a jump into another tree
      n_login_symptom -->|"Wrong password"| n_login_reset   a choice
      classDef sev_low fill:#eefaf0,stroke:#3c9a5f,color:#000
      class n_login_reset,n_login_sms sev_low
      classDef more ...                                     a question continued in another chart
"""

from __future__ import annotations

import re
import unicodedata

from wallet_doctor.model import Catalog, Choice, Node, Outcome, Question, Tree
from wallet_doctor.render.text import clean

# Mermaid turns `#name;` and `#123;` into HTML entities, so `#` itself is written as an entity first; the
# others would end a quoted label (`"`), form HTML (`<`, `>`, `&`), start a Markdown string (`), end an
# edge label (|) or, as `%%`, make a comment or a directive (`%%{init: ...}%%` restyles the whole chart).
_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "|": "#124;",
    "%": "#37;",
}
_SPECIAL = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
_ID = re.compile(r"[a-z][a-z0-9_]*")

# Short labels keep each box small at GitHub's width (about 830 px); the page below the chart gives every
# text in full. Mermaid wraps a label at about 200 px, so a node label is two or three short lines.
NODE_WIDTH = 40
EDGE_WIDTH = 22
EDGE_WIDTH_ONE_DEEP = 36
# A tree is drawn as several small charts rather than one: a chart of 20-odd nodes side by side is shrunk to
# 3-5 px text at GitHub's width. Two answers deep, left to right, is about as wide as that width allows.
MAX_NODES = 12

_SHAPES = {"question": ("(", ")"), "check": ("{{", "}}"), "outcome": ("([", "])"), "jump": ("[[", "]]")}
_STYLES = {
    "sev_info": "fill:#eef6ff,stroke:#5b8def,color:#000",
    "sev_low": "fill:#eefaf0,stroke:#3c9a5f,color:#000",
    "sev_medium": "fill:#fff7e0,stroke:#c99a06,color:#000",
    "sev_high": "fill:#fdecea,stroke:#d9534f,color:#000",
    "sev_critical": "fill:#f8d7da,stroke:#a40000,stroke-width:3px,color:#000",
    "jump": "fill:#f3f0ff,stroke:#7e57c2,color:#000",
    "more": "fill:#ffffff,stroke:#555555,stroke-dasharray:5,color:#000",
}


def node_id(node: str) -> str:
    """A Mermaid id for a tree's node id: `n_` and the id, which can never be a Mermaid keyword (`end`,
    `graph`) nor start with the `o` or `x` of an edge. An id outside the tree format's pattern (the loader
    refuses those) is spelled in hex so that it still cannot break the chart."""
    return f"n_{node}" if _ID.fullmatch(node) else "n_x" + node.encode().hex()


def label(text: str, width: int) -> str:
    """`text` as a quoted Mermaid label: one line, shortened to `width` columns, special characters as
    Mermaid entities."""
    return '"' + _SPECIAL.sub(lambda m: _ENTITIES[m.group()], shorten(_one_line(text), width)) + '"'


# Pairs a cut must not fall between: a label ends before an opening whose closing was cut off.
_PAIRS = {"“": "”", "‘": "’", "(": ")", "（": "）", "「": "」", "『": "』", "《": "》", "[": "]", "【": "】", '"': '"'}
_TRAILING = " ,.;:!?，。；：！？、-–—/"


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def shorten(text: str, width: int) -> str:
    """`text` cut to at most `width` columns (a Chinese character takes two) and ended with … if cut. The
    cut falls between words in English (between any two characters in Chinese), never inside quotes or
    brackets: what was opened and not closed before the cut is dropped whole."""
    if sum(map(_columns, text)) <= width:
        return text
    kept: list[str] = []
    used = 1  # the … takes one column
    for char in text:
        used += _columns(char)
        if used > width:
            break
        kept.append(char)
    cut = len(kept)
    if cut < len(text) and _columns(text[cut]) == 1 and text[cut] != " ":
        # Mid-word (Latin script): back up to the last space, unless that loses more than half the label.
        space = "".join(kept).rfind(" ")
        if space > len(kept) // 2:
            cut = space
    cut = _outside_pairs(text, cut)
    head = text[:cut].rstrip(_TRAILING)
    return (head or text[: len(kept)].rstrip()) + "…"


def _outside_pairs(text: str, cut: int) -> int:
    """`cut`, moved back before the earliest opening in text[:cut] that is not closed there."""
    open_at: list[tuple[int, str]] = []
    for index, char in enumerate(text[:cut]):
        if open_at and char == _PAIRS[open_at[-1][1]]:
            open_at.pop()
        elif char in _PAIRS:
            open_at.append((index, char))
    return open_at[0][0] if open_at else cut


def _distinct(texts: list[str], width: int) -> list[str]:
    """Each of `texts` shortened to `width` columns, or longer where that would make two of them look the
    same ("They were my own…" twice), until they differ or are whole."""
    texts = [_one_line(text) for text in texts]
    short = [shorten(text, width) for text in texts]
    widest = max((sum(map(_columns, text)) for text in texts), default=0)
    while True:
        same = {s for s in short if short.count(s) > 1 and s.endswith("…")}
        if not same or width > widest:
            return short
        width += 8
        short = [shorten(text, width) if cut in same else cut for text, cut in zip(texts, short, strict=True)]


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def charts(catalog: Catalog, tree_id: str, lang: str) -> list[tuple[Question | None, str]]:
    """The flowcharts of `tree_id` in `lang`, each without the Markdown fence and ending with a newline, and
    each small enough to read at GitHub's width: left to right, at most two answers deep (one, when that
    would draw more than MAX_NODES boxes or answers that meet). A question at a chart's edge whose answers
    lead further is drawn dashed and starts a chart of its own, later in the list and paired with that
    question; the first chart is paired with None."""
    tree = catalog.trees[tree_id]
    pending: list[str] = [tree.start]
    started: set[str] = set()
    out: list[tuple[Question | None, str]] = []
    while pending:
        root = pending.pop(0)
        if root in started or root not in tree.nodes:
            continue
        started.add(root)
        part = _part(tree, root, 2)
        if len(part) > MAX_NODES or _sideways(tree, part):
            part = _part(tree, root, 1)
        deepest = max(part.values())
        edge = [n for n, depth in part.items() if depth == deepest and deepest and tree.next_nodes(n)]
        pending += edge
        # One answer deep leaves room for longer answers on the arrows.
        answers = EDGE_WIDTH if deepest > 1 else EDGE_WIDTH_ONE_DEEP
        nodes = [tree.nodes[n] for n in part]
        chart = _chart(catalog, nodes, lang, answers, inner={n for n in part if n not in edge})
        first = tree.nodes[root]
        out.append((first if out and isinstance(first, Question) else None, chart))
    return out


def _part(tree: Tree, root: str, depth: int) -> dict[str, int]:
    """The nodes at most `depth` answers from `root`, breadth first, each with how many answers away."""
    found = {root: 0}
    queue = [root]
    for node_id in queue:  # the list grows while it is read: breadth first
        if found[node_id] < depth:
            for following in tree.next_nodes(node_id) or []:
                if following not in found and following in tree.nodes:
                    found[following] = found[node_id] + 1
                    queue.append(following)
    return found


def _sideways(tree: Tree, part: dict[str, int]) -> bool:
    """True when an answer in `part` leads to a node no further from its root (two answers that meet): the
    layout then adds columns, and the chart grows too wide."""
    deepest = max(part.values())
    return any(part[c.next] <= part[n] for n in part if part[n] < deepest for c in _choices(tree, n) if c.next in part)


def _choices(tree: Tree, node_id: str) -> tuple[Choice, ...]:
    node = tree.nodes[node_id]
    return node.choices if isinstance(node, Question) else ()


def _chart(catalog: Catalog, nodes: list[Node], lang: str, answers: int, inner: set[str] | None = None) -> str:
    """A chart of `nodes` and the choices between them. Given `inner`, only those nodes' choices are drawn:
    a question outside it continues in another chart, and is drawn dashed to say so. Answers are cut to
    `answers` columns."""
    lines = ["flowchart LR"]
    edges: list[str] = []
    classes: dict[str, list[str]] = {}
    shown = {node.id for node in nodes}
    for node in nodes:
        mid = node_id(node.id)
        if isinstance(node, Question):
            text = node.text.get(lang)
            shape = node.kind
            if inner is not None and node.id not in inner:
                classes.setdefault("more", []).append(mid)
            else:
                labels = _distinct([choice.label.get(lang) for choice in node.choices], answers)
                for choice, answer in zip(node.choices, labels, strict=True):
                    if choice.next in shown:
                        edges.append(f"  {mid} -->|{label(answer, len(answer) * 2)}| {node_id(choice.next)}")
        elif isinstance(node, Outcome):
            text, shape = node.title.get(lang), "outcome"
            classes.setdefault(f"sev_{node.severity}", []).append(mid)
        else:
            target = catalog.trees.get(node.target)
            text, shape = "→ " + (target.title.get(lang) if target else node.target), "jump"
            classes.setdefault("jump", []).append(mid)
        opening, closing = _SHAPES[shape]
        lines.append(f"  {mid}{opening}{label(text, NODE_WIDTH)}{closing}")
    lines += edges
    for name in _STYLES:
        if name in classes:
            lines.append(f"  classDef {name} {_STYLES[name]}")
            lines.append(f"  class {','.join(classes[name])} {name}")
    return "\n".join(lines) + "\n"
