"""The light nodes YAML is read into, whichever reader read it (yaml_fast's subset reader or libyaml's events
composed in yaml_safe), with the one check of a mapping's keys both use."""

from __future__ import annotations

from dataclasses import dataclass, field

from wallet_doctor.errors import Problem

_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(slots=True, eq=False)
class Scalar:
    value: str
    line: int  # 1-based
    plain: bool  # unquoted: only a plain scalar can mean null, a number or a boolean


@dataclass(slots=True, eq=False)
class Mapping:
    line: int
    pairs: list[tuple[Node, Node]] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Sequence:
    line: int
    items: list[Node] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


def is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.plain and node.value in _NULLS


def pairs_checked(children: list[Node], file: str, problems: list[Problem]) -> list[tuple[Node, Node]]:
    """Keys and values paired, with duplicate and non-scalar keys added to `problems`."""
    if len(children) == 4:  # the most common mapping by far: a text's two languages
        key, value, other_key, other_value = children
        if type(key) is Scalar and type(other_key) is Scalar and key.value != other_key.value:
            return [(key, value), (other_key, other_value)]
    keys = children[0::2]
    pairs = list(zip(keys, children[1::2], strict=True))
    # The common case, checked cheaply: every key a scalar and none repeated.
    if all(type(key) is Scalar for key in keys) and len({key.value for key in keys}) == len(keys):  # type: ignore[union-attr]
        return pairs
    first: dict[str, int] = {}
    for key, _value in pairs:
        if not isinstance(key, Scalar):
            problems.append(Problem(file, key.line, "A mapping key is not a plain word.", "Use a plain key."))
            continue
        if key.value in first:
            message = f"Duplicate key '{key.value}' (first at line {first[key.value]})."
            problems.append(Problem(file, key.line, message, "Keep one of them."))
        else:
            first[key.value] = key.line
    return pairs
