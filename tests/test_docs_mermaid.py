"""Every Mermaid chart `wallet-doctor docs` writes is valid flowchart syntax: checked by a strict checker of
the subset the generator emits, and by Mermaid's own parser where it is installed (tests/mermaid)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.mermaid_check import charts, check, mermaid_parse, mermaid_widths
from wallet_doctor.docs import pages
from wallet_doctor.docs.mermaid import label, node_id, shorten
from wallet_doctor.model import Catalog
from wallet_doctor.sources import open_catalog

BROKEN = {
    "an unescaped quote ends the label early": 'flowchart TD\n  n_a("say "hi"")\n',
    "a raw # would be read as an entity": 'flowchart TD\n  n_a("#quot;ok#quot; #1")\n',
    "a pipe in an edge label": 'flowchart TD\n  n_a("a")\n  n_b("b")\n  n_a -->|"a|b"| n_b\n',
    "an unquoted label": "flowchart TD\n  n_a(plain)\n",
    "unbalanced shape brackets": 'flowchart TD\n  n_a(["a")\n',
    "an id that is a Mermaid keyword": 'flowchart TD\n  end("a")\n',
    "a label over two lines": 'flowchart TD\n  n_a("one\ntwo")\n',
    "an edge without a label": 'flowchart TD\n  n_a("a")\n  n_b("b")\n  n_a --> n_b\n',
    "an edge to an undeclared node": 'flowchart TD\n  n_a("a")\n  n_a -->|"x"| n_b\n',
    "a node declared twice": 'flowchart TD\n  n_a("a")\n  n_a("b")\n',
    "a class before its classDef": 'flowchart TD\n  n_a("a")\n  class n_a sev_low\n',
    "no header": 'n_a("a")\n',
    "an empty label": 'flowchart TD\n  n_a("")\n',
    "raw HTML in a label": 'flowchart TD\n  n_a("<b>a</b>")\n',
    "a backtick starts a Markdown string": 'flowchart TD\n  n_a("`a`")\n',
}


def test_every_chart_of_the_fixture_and_built_in_trees_passes_the_strict_checker(catalog: Catalog) -> None:
    builtin = open_catalog()
    everything = {**charts(catalog), **{f"built-in {k}": v for k, v in charts(builtin).items()}}

    per_page = {name.split("#")[0] for name in everything}
    assert len(per_page) == 6 + 2 * len(builtin.trees)  # every tree page, in each language, has its charts
    assert len(everything) > 3 * len(builtin.trees)  # the large trees in several charts
    assert {name: check(source) for name, source in everything.items() if check(source)} == {}


@pytest.mark.parametrize("source", BROKEN.values(), ids=BROKEN.keys())
def test_the_strict_checker_rejects_broken_charts(source: str) -> None:
    assert check(source) != []


def test_the_strict_checker_says_where_and_what() -> None:
    assert check('flowchart TD\n  n_a("a")\n  n_a -->|"x"| n_b\n  n_c(plain)\n') == [
        "line 4: not a node, edge, classDef or class statement: '  n_c(plain)'",
        "line 3: n_b is not a declared node",
    ]


def test_mermaid_itself_parses_every_chart_of_the_fixture_and_built_in_trees(catalog: Catalog) -> None:
    everything = {**charts(catalog), **charts(open_catalog())}

    verdicts = mermaid_parse(list(everything.values()))

    assert {name: v for name, v in zip(everything, verdicts, strict=True) if v is not None} == {}


def test_mermaid_itself_rejects_broken_syntax_so_its_passing_verdicts_mean_something() -> None:
    # Mermaid accepts more than the strict checker (unquoted labels, edges without labels); these it refuses.
    broken = ["unbalanced shape brackets", "an id that is a Mermaid keyword", "no header", "an empty label"]

    verdicts = mermaid_parse([BROKEN[name] for name in broken])

    assert [name for name, verdict in zip(broken, verdicts, strict=True) if verdict is None] == []


def test_labels_escape_what_mermaid_would_read_and_keep_chinese() -> None:
    assert (
        label('他说 "你好" <b> & #1 `x` a|b', 80) == '"他说 #quot;你好#quot; #lt;b#gt; #amp; #35;1 #96;x#96; a#124;b"'
    )
    assert label("line one\nline two\t end", 80) == '"line one line two end"'


def test_long_labels_are_cut_by_display_width_with_an_ellipsis() -> None:
    assert shorten("abcdefghij", 10) == "abcdefghij"
    assert shorten("abcdefghijk", 10) == "abcdefghi…"
    assert shorten("一二三四五六", 10) == "一二三四…"  # a Chinese character takes two columns


def test_labels_are_cut_between_words_and_never_inside_quotes_or_brackets() -> None:
    assert shorten("It shows as processing or pending (“处理中”) for hours", 44) == (
        "It shows as processing or pending…"
    )
    assert shorten("The transfer shows as failed in the history", 24) == "The transfer shows as…"
    assert shorten("提示“账户异常”或“存在风险”，请联系客服", 24) == "提示“账户异常”或…"
    assert shorten("我的钱包（数字人民币）被冻结了", 16) == "我的钱包…"
    assert shorten('He said "stop now" and left at once', 14) == "He said…"
    assert shorten("Supercalifragilisticexpialidocious", 12) == "Supercalifr…"  # one long word: cut inside it


def test_answers_that_would_be_cut_alike_are_cut_longer_until_they_differ(catalog: Catalog) -> None:
    from wallet_doctor.docs.mermaid import _distinct

    assert _distinct(["They were my own transfers", "They were my own, but someone told me", "No"], 22) == [
        "They were my own…",
        "They were my own, but…",
        "No",
    ]
    assert _distinct(["Same label…", "Same label…"], 6) == ["Same label…", "Same label…"]  # ends, even so


def test_every_chart_is_legible_at_githubs_width() -> None:
    """Drawn by Mermaid in Chromium: at GitHub's 830 px, no chart is shrunk below 11 px text (it was 2.6 px
    for triage as one chart), while one whole large tree in one chart is, so the measure tells them apart."""
    from wallet_doctor.docs.mermaid import _chart
    from wallet_doctor.docs.order import walk_order

    builtin = open_catalog()
    everything = charts(builtin)
    whole = _chart(builtin, walk_order(builtin.trees["blocked_account"]), "en", 22)

    widths = mermaid_widths([*everything.values(), whole])

    too_wide = {name: round(w) for name, w in zip(everything, widths, strict=False) if 16 * 830 / w < 11}
    assert too_wide == {}
    assert 16 * 830 / widths[-1] < 8


def test_node_ids_cannot_be_mermaid_keywords_or_break_the_chart() -> None:
    assert [node_id("end"), node_id("graph"), node_id("o_node")] == ["n_end", "n_graph", "n_o_node"]
    assert node_id('x"]; click') == "n_x78225d3b20636c69636b"


def test_no_label_of_the_built_in_charts_is_cut_inside_quotes_or_brackets() -> None:
    pairs = [("“", "”"), ("‘", "’"), ("(", ")"), ("（", "）"), ("「", "」"), ("《", "》"), ("【", "】")]
    unbalanced = []
    for name, source in charts(open_catalog()).items():
        for text in re.findall(r'"([^"]*)"', source):
            text = text.replace("#quot;", '"')
            if text.count('"') % 2 or any(text.count(a) != text.count(b) for a, b in pairs):
                unbalanced.append((name, text))
    assert unbalanced == []


DEEP_TREE = """tree: deep
version: 1
title: {zh-CN: 深, en: Deep}
summary: {zh-CN: 深。, en: Deep.}
start: q1
nodes:
%s
  o1:
    kind: outcome
    title: {zh-CN: 甲, en: "First outcome (“one” of the two outcomes) reached here"}
    severity: low
    summary: {zh-CN: 甲。, en: One.}
    steps:
      - text: {zh-CN: 做。, en: Do it.}
  o2:
    kind: outcome
    title: {zh-CN: 乙, en: Second}
    severity: high
    summary: {zh-CN: 乙。, en: Two.}
    steps:
      - text: {zh-CN: 做。, en: Do it.}
"""


def _question(number: int, yes: str, no: str) -> str:
    return f"""  q{number}:
    kind: question
    text: {{zh-CN: 问{number}, en: Is the answer to question number {number} of this rather long tree yes?}}
    choices:
      - {{id: yes, label: {{zh-CN: 是, en: Yes}}, next: {yes}}}
      - {{id: no, label: {{zh-CN: 否, en: No}}, next: {no}}}"""


def test_a_deep_tree_is_drawn_in_parts_each_continuing_a_dashed_question(tmp_path: Path) -> None:
    questions = [_question(1, "q2", "o1"), _question(2, "q3", "o1"), _question(3, "q4", "o2"), _question(4, "o1", "o2")]
    (tmp_path / "deep.yaml").write_text(DEEP_TREE % "\n".join(questions), encoding="utf-8")
    catalog = open_catalog([tmp_path], builtin=False)

    page = pages(catalog, ["en"], ["markdown"])["en/deep.md"]

    section = page[page.index("## Flowchart") : page.index("## Questions")]
    # q2 -> o1 meets q1 -> o1 a column early: the first chart stops one answer deep. The second goes two deep.
    assert section == DEEP_CHARTS


MORE = "  classDef more fill:#ffffff,stroke:#555555,stroke-dasharray:5,color:#000"
LOW = "  classDef sev_low fill:#eefaf0,stroke:#3c9a5f,color:#000"
HIGH = "  classDef sev_high fill:#fdecea,stroke:#d9534f,color:#000"
DEEP_CHARTS = f"""## Flowchart

The chart comes in parts, so that each stays readable: a question in a dashed box continues in a chart of its own \
further down. Every text is given in full below.

```mermaid
flowchart LR
  n_q1("Is the answer to question number 1 of…")
  n_q2("Is the answer to question number 2 of…")
  n_o1(["First outcome…"])
  n_q1 -->|"Yes"| n_q2
  n_q1 -->|"No"| n_o1
{LOW}
  class n_o1 sev_low
{MORE}
  class n_q2 more
```

**Continuing from “[Is the answer to question number 2 of this rather long tree yes?](#q2)”**

```mermaid
flowchart LR
  n_q2("Is the answer to question number 2 of…")
  n_q3("Is the answer to question number 3 of…")
  n_o1(["First outcome…"])
  n_q4("Is the answer to question number 4 of…")
  n_o2(["Second"])
  n_q2 -->|"Yes"| n_q3
  n_q2 -->|"No"| n_o1
  n_q3 -->|"Yes"| n_q4
  n_q3 -->|"No"| n_o2
{LOW}
  class n_o1 sev_low
{HIGH}
  class n_o2 sev_high
{MORE}
  class n_q4 more
```

**Continuing from “[Is the answer to question number 4 of this rather long tree yes?](#q4)”**

```mermaid
flowchart LR
  n_q4("Is the answer to question number 4 of…")
  n_o1(["First outcome…"])
  n_o2(["Second"])
  n_q4 -->|"Yes"| n_o1
  n_q4 -->|"No"| n_o2
{LOW}
  class n_o1 sev_low
{HIGH}
  class n_o2 sev_high
```

"""
