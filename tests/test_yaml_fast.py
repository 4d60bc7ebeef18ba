"""The fast subset reader (yaml_fast.py) reads every file it accepts exactly as libyaml does, node for node
and line for line, and leaves every other file to libyaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO, TREES
from tests.test_properties import tree_documents
from wallet_doctor import yaml_safe
from wallet_doctor.loader import load_catalog
from wallet_doctor.yaml_fast import compose_subset
from wallet_doctor.yaml_nodes import Mapping, Node, Scalar
from wallet_doctor.yaml_safe import BACKEND_ENV, compose

BUILTIN = REPO / "decision_trees"
CORPUS = sorted([*BUILTIN.glob("*.yaml"), *TREES.rglob("*.yaml")])


def shape(node: Node | None, seen: dict[int, int] | None = None) -> Any:
    """A node as plain data, with every line and plain/quoted flag (a node met again, through an alias,
    as its number, so that an alias bomb stays small)."""
    seen = {} if seen is None else seen
    if node is None:
        return None
    if id(node) in seen:
        return ("again", seen[id(node)])
    seen[id(node)] = len(seen)
    if isinstance(node, Scalar):
        return ("scalar", node.value, node.line, node.plain)
    if isinstance(node, Mapping):
        return ("mapping", node.line, [(shape(k, seen), shape(v, seen)) for k, v in node.pairs])
    return ("list", node.line, [shape(item, seen) for item in node.items])


def both_ways(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """compose() with the fast reader allowed, then with libyaml alone: nodes and whole messages."""
    monkeypatch.delenv(BACKEND_ENV, raising=False)
    root, problems = compose(data, "f.yaml")
    fast = (shape(root), [str(p) for p in problems])
    monkeypatch.setenv(BACKEND_ENV, "libyaml")
    root, problems = compose(data, "f.yaml")
    monkeypatch.delenv(BACKEND_ENV)
    return fast, (shape(root), [str(p) for p in problems])


@pytest.mark.parametrize("path", [p for p in CORPUS if p.parent == BUILTIN], ids=lambda p: p.stem)
def test_every_builtin_tree_is_read_by_the_fast_reader_exactly_as_by_libyaml(path: Path) -> None:
    # If a built-in file fell back to libyaml, large catalogs written the same way would be slow again.
    data = path.read_bytes()
    fast = compose_subset(data.decode("utf-8"), "f.yaml")

    assert fast is not None
    root, problems = yaml_safe._Composer("f.yaml").run(data)
    assert shape(fast[0]) == shape(root)
    assert [str(p) for p in fast[1]] == [str(p) for p in problems] == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_file_of_the_corpus_reads_the_same_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = both_ways(path.read_bytes(), monkeypatch)

    assert fast == slow


@pytest.mark.parametrize(
    "text",
    [
        "a: !tag x\n",
        "a: &anchor x\nb: *anchor\n",
        "a: x # a comment after a value\n",
        "a: one\n  two\n",  # a text running over two lines
        "a: |\n  block\n",
        "a: >\n  folded\n",
        "a:\nb: x\n",  # an empty value
        "a: x\n---\nb: y\n",
        "a:\n\t- x\n",
        "a: x\r\nb: y\r\n",
        'a: "tab\\tescape"\n',
        'a: "two\n  lines"\n',
        "a: [x,\n  y]\n",
        "a: [x, y,]\n",
        "a: {b: c: d}\n",
        "a: x: y\n",
        "- x\n",
        "  a: x\n",
        "a: x\n b: y\n",
        "? a\n: x\n",
        "a b: x\n",
        '"a": x\n',
        "a: x\nb:\n- y\n - z\n",
        "a: " + "[" * 40 + "]" * 40 + "\n",
        "a:\n" + "".join("  " * d + f"k{d}:\n" for d in range(1, 40)) + "  " * 40 + "x: y\n",
    ],
)
def test_whatever_is_outside_the_subset_is_left_to_libyaml(text: str) -> None:
    assert compose_subset(text, "f.yaml") is None


def test_the_subset_reads_lists_flows_and_quotes_with_their_lines() -> None:
    text = (
        "# a comment\n"
        "a: plain text, with colons:inside and {braces}\n"
        "b:\n"
        "- x\n"
        "- k: 'it''s'\n"
        '  j: "say \\"hi\\" \\\\ bye"\n'
        "c: {zh-CN: 你好？, en: [one, 'two', {d: e}]}\n"
        "e: []\n"
    )

    root, problems = compose_subset(text, "f.yaml") or (None, None)

    assert problems == []
    assert shape(root) == (
        "mapping",
        2,
        [
            (("scalar", "a", 2, True), ("scalar", "plain text, with colons:inside and {braces}", 2, True)),
            (
                ("scalar", "b", 3, True),
                (
                    "list",
                    4,
                    [
                        ("scalar", "x", 4, True),
                        (
                            "mapping",
                            5,
                            [
                                (("scalar", "k", 5, True), ("scalar", "it's", 5, False)),
                                (("scalar", "j", 6, True), ("scalar", 'say "hi" \\ bye', 6, False)),
                            ],
                        ),
                    ],
                ),
            ),
            (
                ("scalar", "c", 7, True),
                (
                    "mapping",
                    7,
                    [
                        (("scalar", "zh-CN", 7, True), ("scalar", "你好？", 7, True)),
                        (
                            ("scalar", "en", 7, True),
                            (
                                "list",
                                7,
                                [
                                    ("scalar", "one", 7, True),
                                    ("scalar", "two", 7, False),
                                    ("mapping", 7, [(("scalar", "d", 7, True), ("scalar", "e", 7, True))]),
                                ],
                            ),
                        ),
                    ],
                ),
            ),
            (("scalar", "e", 8, True), ("list", 8, [])),
        ],
    )


def test_duplicate_keys_are_reported_in_the_same_words_both_ways(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"a: 1\nb:\n  c: x\n  c: y\nd: {e: 1, e: 2}\na: 2\n"

    fast, slow = both_ways(data, monkeypatch)

    assert fast == slow
    assert fast[1] == [
        "f.yaml:4: error WD112: Duplicate key 'c' (first at line 3). Fix: Keep one of them.",
        "f.yaml:5: error WD112: Duplicate key 'e' (first at line 5). Fix: Keep one of them.",
        "f.yaml:6: error WD112: Duplicate key 'a' (first at line 1). Fix: Keep one of them.",
    ]


def test_the_switch_reads_with_libyaml_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # .ci/run runs the YAML tests a second time with this switch, so it must really bypass the fast reader.
    def refuse(text: str, file: str) -> None:
        raise AssertionError("the fast reader was used")

    monkeypatch.setattr("wallet_doctor.yaml_fast.compose_subset", refuse)
    monkeypatch.setenv(BACKEND_ENV, "libyaml")

    root, _ = compose(b"a: x\n", "f.yaml")

    assert shape(root) == ("mapping", 1, [(("scalar", "a", 1, True), ("scalar", "x", 1, True))])
    monkeypatch.delenv(BACKEND_ENV)
    with pytest.raises(AssertionError, match="the fast reader was used"):
        compose(b"a: x\n", "f.yaml")


SAME = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# Texts made of what YAML treats specially, so that the dumper quotes some and leaves others plain.
FRIENDLY = st.text(alphabet="ab 你好？:#'\"-,[]{}!&*?|>%@`~", min_size=1, max_size=12).filter(str.strip)


def with_texts(value: Any, data: st.DataObject) -> Any:
    """`value` with every text of a language replaced by one drawn from FRIENDLY."""
    if isinstance(value, dict):
        return {k: data.draw(FRIENDLY) if k in ("zh-CN", "en") else with_texts(v, data) for k, v in value.items()}
    if isinstance(value, list):
        return [with_texts(item, data) for item in value]
    return value


@SAME
@given(tree_documents(), st.data())
def test_a_tree_written_in_block_style_reads_the_same_both_ways_even_damaged(
    document: dict[str, Any], data: st.DataObject
) -> None:
    text = yaml.safe_dump(with_texts(document, data), allow_unicode=True, sort_keys=False, width=10**9)
    lines = text.splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    damage = data.draw(st.sampled_from(["none", "delete", "duplicate", "garble", "indent", "dedent", "comment"]))
    if damage == "delete":
        del lines[index]
    elif damage == "duplicate":
        lines.insert(index, lines[index])
    elif damage == "garble":
        lines[index] = lines[index][: len(lines[index]) // 2]
    elif damage == "indent":
        lines[index] = " " + lines[index]
    elif damage == "dedent":
        lines[index] = lines[index][1:]
    elif damage == "comment":
        lines[index] += " # note"
    damaged = "\n".join(lines)
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = both_ways(damaged.encode(), monkeypatch)

    assert fast == slow
    if damage == "none":  # a tree as PyYAML writes it is inside the subset: the comparison above meant something
        assert compose_subset(damaged, "f.yaml") is not None


# Lines built from the pieces YAML's block and flow syntax is made of, to reach the reader's corners.
PIECES = st.sampled_from(
    ["a", "b", "zh-CN", "x y", "-", "- ", ": ", ":", " ", "  ", "#", " #", "'", "''", '"', '\\"', "\\", "[", "]",
     "{", "}", ", ", ",", "!", "&", "*", "|", ">", "?", "%", "@", "~", "null", "yes", "1", "你好", "\t", "---"]
)  # fmt: skip
LINE = st.tuples(st.integers(0, 6), st.lists(PIECES, max_size=8)).map(lambda t: " " * t[0] + "".join(t[1]))


@SAME
@given(st.lists(LINE, min_size=1, max_size=12))
def test_any_lines_of_yaml_pieces_read_the_same_both_ways(lines: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = both_ways("\n".join(lines).encode(), monkeypatch)

    assert fast == slow


@SAME
@given(st.lists(st.sampled_from(["a:", "b: x", "- c", "- d: y", "  e: z", "    - f", "  - g: w", "h: [i, j]",
                                 "k: {l: m}", "", "# n", "  o:", "      p: q"]), min_size=1, max_size=14))  # fmt: skip
def test_any_nesting_of_plain_lines_reads_the_same_both_ways(lines: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, slow = both_ways("\n".join(lines).encode(), monkeypatch)

    assert fast == slow


def catalog_summary(folder: Path) -> Any:
    catalog, problems = load_catalog([folder])
    trees = sorted((t.id, t.digest, t.loc.file, t.loc.line, len(t.nodes)) for t in catalog.trees.values())
    blocks = sorted((b.id, b.loc.file, b.loc.line, len(b.items)) for b in catalog.shared.values())
    return trees, blocks, [str(p) for p in problems]
