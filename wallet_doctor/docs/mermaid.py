"""A tree as a Mermaid flowchart: safe node ids, every label quoted and escaped, Chinese kept as written.

The output uses a small, fixed subset of Mermaid's flowchart syntax, one statement a line:

    flowchart TD
      n_login_symptom("What happens when you log in?")      a question
      n_net_other_apps{{"Do other apps work?"}}             a check (a probe may answer it)
      n_login_reset(["Reset the password"])                 an outcome
      n_net_go_login[["→ Cannot log in"]]                   a jump into another tree
      n_login_symptom -->|"Wrong password"| n_login_reset   a choice
      classDef sev_low fill:#eefaf0,stroke:#3c9a5f,color:#000
      class n_login_reset,n_login_sms sev_low
"""

from __future__ import annotations

import re
import unicodedata

from wallet_doctor.docs.order import walk_order
from wallet_doctor.model import Catalog, Jump, Outcome, Question
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

# Long questions make huge boxes; the page below the chart gives every text in full.
NODE_WIDTH = 60
EDGE_WIDTH = 40

_SHAPES = {"question": ("(", ")"), "check": ("{{", "}}"), "outcome": ("([", "])"), "jump": ("[[", "]]")}
_STYLES = {
    "sev_info": "fill:#eef6ff,stroke:#5b8def,color:#000",
    "sev_low": "fill:#eefaf0,stroke:#3c9a5f,color:#000",
    "sev_medium": "fill:#fff7e0,stroke:#c99a06,color:#000",
    "sev_high": "fill:#fdecea,stroke:#d9534f,color:#000",
    "sev_critical": "fill:#f8d7da,stroke:#a40000,stroke-width:3px,color:#000",
    "jump": "fill:#f3f0ff,stroke:#7e57c2,color:#000",
}


def node_id(node: str) -> str:
    """A Mermaid id for a tree's node id: `n_` and the id, which can never be a Mermaid keyword (`end`,
    `graph`) nor start with the `o` or `x` of an edge. An id outside the tree format's pattern (the loader
    refuses those) is spelled in hex so that it still cannot break the chart."""
    return f"n_{node}" if _ID.fullmatch(node) else "n_x" + node.encode().hex()


def label(text: str, width: int) -> str:
    """`text` as a quoted Mermaid label: one line, shortened to `width` columns, special characters as
    Mermaid entities."""
    one_line = " ".join(clean(text).split())
    return '"' + _SPECIAL.sub(lambda m: _ENTITIES[m.group()], shorten(one_line, width)) + '"'


def shorten(text: str, width: int) -> str:
    """`text` cut to at most `width` columns (a Chinese character takes two) and ended with … if cut."""
    if sum(map(_columns, text)) <= width:
        return text
    kept, used = [], 1  # the … takes one column
    for char in text:
        used += _columns(char)
        if used > width:
            break
        kept.append(char)
    return "".join(kept).rstrip() + "…"


def _columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def flowchart(catalog: Catalog, tree_id: str, lang: str) -> str:
    """The whole flowchart of `tree_id` in `lang`, without the Markdown fence, ending with a newline."""
    lines = ["flowchart TD"]
    edges: list[str] = []
    classes: dict[str, list[str]] = {}
    for node in walk_order(catalog.trees[tree_id]):
        mid = node_id(node.id)
        if isinstance(node, Question):
            text = node.text.get(lang)
            shape = node.kind
            for choice in node.choices:
                edges.append(f"  {mid} -->|{label(choice.label.get(lang), EDGE_WIDTH)}| {node_id(choice.next)}")
        elif isinstance(node, Outcome):
            text, shape = node.title.get(lang), "outcome"
            classes.setdefault(f"sev_{node.severity}", []).append(mid)
        elif isinstance(node, Jump):
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
