"""A strict checker of the Mermaid that `wallet-doctor docs` writes: exactly the subset of flowchart syntax
the generator emits, one statement a line, and nothing else. Where Mermaid's own parser is not installed
(tests/mermaid), this is what proves every chart parses; where it is, both must agree.

    flowchart TD (or LR)
      ID("label")  ID{{"label"}}  ID(["label"])  ID[["label"]]      a node, declared once
      ID -->|"label"| ID                                             an edge between declared nodes
      classDef NAME prop:value,prop:value                            a style
      class ID,ID NAME                                               declared nodes, a defined style

An ID is n_ and a tree-format id (or n_x and hex); a label is quoted, on one line, non-empty, and holds no
character Mermaid would read (" # < > & ` |) except as one of the entities the generator writes.

Beside the checker: `charts` finds the charts in the generated pages, and `mermaid_parse` asks Mermaid's own
parser about them (it skips the test where that parser is not installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import REPO
from wallet_doctor.docs import pages
from wallet_doctor.model import Catalog

ENTITIES = ("#quot;", "#amp;", "#lt;", "#gt;", "#35;", "#96;", "#124;")
_ID = r"n_(?:[a-z][a-z0-9_]*|x[0-9a-f]+)"
_LABEL = r'"(?P<{name}>(?:[^"#<>&`|\x00-\x1f\x7f]|#(?:quot|amp|lt|gt|35|96|124);)+)"'
_SHAPES = (("(", ")"), ("{{", "}}"), ("([", "])"), ("[[", "]]"))
_NODE = re.compile(
    rf"  (?P<id>{_ID})(?:"
    + "|".join(
        re.escape(opening) + _LABEL.format(name=f"label{index}") + re.escape(closing)
        for index, (opening, closing) in enumerate(_SHAPES)
    )
    + ")"
)
_EDGE = re.compile(rf"  (?P<source>{_ID}) -->\|{_LABEL.format(name='label')}\| (?P<target>{_ID})")
_CLASSDEF = re.compile(r"  classDef (?P<name>[a-z][a-z_]*) [a-z-]+:[#\w.-]+(?:,[a-z-]+:[#\w.-]+)*")
_CLASS = re.compile(rf"  class (?P<ids>{_ID}(?:,{_ID})*) (?P<name>[a-z][a-z_]*)")


def check(source: str) -> list[str]:
    """Every way `source` departs from the subset, as 'line N: what'; empty when it conforms."""
    lines = source.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] not in ("flowchart TD", "flowchart LR"):
        return ["line 1: a chart starts with 'flowchart TD' or 'flowchart LR'"]
    problems: list[str] = []
    nodes: set[str] = set()
    styles: set[str] = set()
    references: list[tuple[int, str]] = []
    for number, line in enumerate(lines[1:], 2):
        if node := _NODE.fullmatch(line):
            if node["id"] in nodes:
                problems.append(f"line {number}: node {node['id']} is declared twice")
            nodes.add(node["id"])
        elif edge := _EDGE.fullmatch(line):
            references += [(number, edge["source"]), (number, edge["target"])]
        elif classdef := _CLASSDEF.fullmatch(line):
            styles.add(classdef["name"])
        elif assigned := _CLASS.fullmatch(line):
            references += [(number, node_id) for node_id in assigned["ids"].split(",")]
            if assigned["name"] not in styles:
                problems.append(f"line {number}: style {assigned['name']} is used before its classDef")
        else:
            problems.append(f"line {number}: not a node, edge, classDef or class statement: {line!r}")
    problems += [
        f"line {number}: {node_id} is not a declared node" for number, node_id in references if node_id not in nodes
    ]
    return problems


MERMAID = REPO / "tests" / "mermaid"
_FENCE = re.compile(r"^```mermaid\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def charts(catalog: Catalog) -> dict[str, str]:
    """Every Mermaid block of the Markdown pages of `catalog`, by page and position."""
    found: dict[str, str] = {}
    for name, text in pages(catalog, ["zh-CN", "en"], ["markdown"]).items():
        for index, block in enumerate(_FENCE.findall(text)):
            found[f"{name}#{index}"] = block
    return found


def mermaid_parse(sources: list[str]) -> list[str | None]:
    """Mermaid's own verdict on each source: None when it parses, else the parser's message."""
    node = shutil.which("node")
    if node is None or not (MERMAID / "node_modules" / "mermaid").is_dir():
        pytest.skip("Mermaid's parser is not installed: run `npm ci --prefix tests/mermaid` (needs Node.js 20+)")
    result = subprocess.run(
        [node, str(MERMAID / "parse.mjs")], input=json.dumps(sources), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    verdicts: list[str | None] = json.loads(result.stdout)
    return verdicts


_MEASURE = """(async (sources) => {
  mermaid.initialize({ startOnLoad: false });
  const widths = [];
  for (const [index, source] of sources.entries()) {
    const { svg } = await mermaid.render("chart" + index, source);
    const box = document.getElementById("box");
    box.innerHTML = svg;  // Mermaid's own SVG of our escaped labels, in a test page
    widths.push(box.querySelector("svg").viewBox.baseVal.width);
  }
  return widths;
})"""


_CHARTS_A_CALL = 20


def mermaid_widths(sources: list[str]) -> list[float]:
    """How wide Mermaid draws each chart (its natural width in px, before any page shrinks it), in Chromium
    with the Chinese fonts GitHub's readers have. Skips where Chromium or Mermaid is not installed."""
    from tests.browser import find_chromium, open_page

    script = MERMAID / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    chromium = find_chromium()
    if chromium is None or not script.is_file():
        pytest.skip("needs Chromium and Mermaid: `apt-get install chromium`, `npm ci --prefix tests/mermaid`")
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "measure.html"
        page_file.write_text(
            '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body { font-family: "Noto Sans CJK SC", '
            f'sans-serif; }}</style><script src="{script.as_uri()}"></script></head><body><div id="box" '
            'style="width: 830px"></div><script>document.body.dataset.ready = "1";</script></body></html>',
            encoding="utf-8",
        )
        widths: list[float] = []
        with open_page(chromium) as page:
            page.open(page_file.as_uri())
            # A few charts a call: each call has the browser's answer time, and all 300-odd charts in one call
            # took longer than that on a busy machine.
            for at in range(0, len(sources), _CHARTS_A_CALL):
                widths += page.evaluate(f"{_MEASURE}({json.dumps(sources[at : at + _CHARTS_A_CALL])})")
    return widths
