"""YAML is read safely: no tag constructs anything, aliases cannot explode, size and depth are bounded."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from wallet_doctor.loader import parse
from wallet_doctor.yaml_safe import MAX_DEPTH, compose

BUILTIN = Path(__file__).parent.parent / "decision_trees"


def test_a_python_object_tag_is_refused_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    data = f"tree: t\nversion: !!python/object/apply:os.system ['touch {marker}']\n".encode()

    result, problems = parse(data, "evil.yaml")

    assert result is None
    assert [str(p) for p in problems] == [
        "evil.yaml:2: error WD109: The YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed. "
        "Fix: Remove the tag: trees hold plain text only."
    ]
    assert not marker.exists()


def test_a_custom_tag_is_refused() -> None:
    _, problems = compose(b"title: !secret value\n", "x.yaml")

    assert [p.message for p in problems] == ["The YAML tag '!secret' is not allowed."]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    started = time.perf_counter()

    _, problems = compose("\n".join(lines).encode(), "laughs.yaml")

    assert time.perf_counter() - started < 5
    assert [p.message for p in problems] == [
        "A value is reused 81 times through YAML aliases (*name), which are not supported."
    ]


def test_an_alias_of_no_anchor_is_refused_with_its_line_not_a_crash() -> None:
    _, problems = compose(b"tree: t\n*a: b\n", "x.yaml")

    assert [str(p) for p in problems] == [
        "x.yaml:2: error WD110: A value is reused once through YAML aliases (*name), which are not supported. "
        "Fix: Write the value out, or use a shared block."
    ]


def test_a_file_over_5_mb_is_refused_before_parsing() -> None:
    _, problems = compose(b"# " + b"x" * (50 * 1024 * 1024) + b"\n", "huge.yaml")

    assert [str(p) for p in problems] == [
        "huge.yaml: error WD102: The file is 50.0 MB; tree files may be at most 5 MB. Fix: Split it into smaller trees."
    ]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1_001, 200_000], ids=["just-past-ours", "past-libyaml", "deep"])
def test_nesting_is_refused_in_our_words_before_any_libyaml_limit(depth: int) -> None:
    # PyYAML >= 6.0.3 bundles a libyaml that refuses more than 1,000 levels in its own words; 200,000 once
    # crashed libyaml's C composer. Our limit must fire first, with the same message on every PyYAML.
    _, problems = compose(b"[" * depth + b"]" * depth, "deep.yaml")

    assert [(p.line, p.message) for p in problems] == [(1, f"The YAML is nested more than {MAX_DEPTH} levels deep.")]


def test_block_nesting_is_refused_with_the_line_where_it_goes_too_deep() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)).encode()

    _, problems = compose(text, "deep.yaml")

    assert [(p.line, p.message) for p in problems] == [
        (MAX_DEPTH + 1, f"The YAML is nested more than {MAX_DEPTH} levels deep.")
    ]


def test_the_built_in_trees_stay_far_below_the_nesting_limit() -> None:
    from wallet_doctor.yaml_nodes import Mapping, Node, Sequence

    def depth(node: Node | None) -> int:
        if isinstance(node, Mapping):
            return 1 + max((depth(v) for _, v in node.pairs), default=0)
        if isinstance(node, Sequence):
            return 1 + max((depth(i) for i in node.items), default=0)
        return 0

    for path in BUILTIN.glob("*.yaml"):
        root, problems = compose(path.read_bytes(), path.name)
        assert problems == [] and depth(root) <= MAX_DEPTH // 4, path.name


def test_a_byte_order_mark_is_accepted() -> None:
    root, problems = compose("\ufefftree: t\n".encode(), "bom.yaml")

    assert problems == [] and root is not None


def test_yaml_1_1_booleans_stay_strings() -> None:
    from wallet_doctor.yaml_safe import to_plain

    root, _ = compose(b"a: yes\nb: no\nc: on\nd: true\ne: 'true'\nf: 3\ng: ~\n", "x.yaml")

    assert root is not None
    assert to_plain(root) == {"a": "yes", "b": "no", "c": "on", "d": True, "e": "true", "f": 3, "g": None}
