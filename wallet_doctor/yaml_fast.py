"""A fast reader for the plain subset of YAML that tree files are written in, beside libyaml.

libyaml hands Python one object per event (with two position marks each): on a large catalog that, not
the parsing, is most of the time. Tree files use a small part of YAML: block mappings and lists, plain
one-line texts, one-line quoted texts without escapes, and one-line flow lists and mappings. This reader
reads exactly that, line by line, into the same nodes with the same lines as the libyaml composer, about
three times as fast.

It answers None ("not mine") the moment a file steps outside that subset: a tag, anchor or alias, a
comment after a value, a multi-line or escaped text, an empty value, a tab, a control character, a
document marker, unusual indentation, deep nesting. The caller then reads the file with libyaml, which
reports whatever is wrong in its usual words. So no file is ever read differently, only faster:
tests/test_yaml_fast.py checks that both readers give the same nodes wherever this one answers.
"""

from __future__ import annotations

import re

from wallet_doctor.errors import Problem
from wallet_doctor.yaml_nodes import Mapping, Node, Scalar, Sequence, pairs_checked

# Anything that needs libyaml's judgement: tabs, CR and other line breaks (NEL, LS, PS), a byte-order mark
# and every character YAML does not allow in a file (libyaml's reader refuses those with its own message).
_NOT_MINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
# Any line: its indentation, a list dash, a key, and the rest (a value, or a comment or nothing).
_LINE = re.compile(r"( *)(- +|-$)?(?:([A-Za-z0-9_][A-Za-z0-9_-]{0,127}):(?: +|$))?(.*)")
# The first character of a plain text may not be one of YAML's indicators, except -, ? and : followed by
# a non-space.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\["\\])*)" *')  # escapes: only \" and \\ (others are left to libyaml)
_ESCAPE = re.compile(r'\\(["\\])')
_SINGLE = re.compile(r"'((?:[^']|'')*)' *")
_FLOW_PLAIN = re.compile(r"""[^ ,\[\]{}:#"'&*!|>%@`?\-][^,\[\]{}:#]*""")
_FLOW_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_-]{0,127}): +")
# Tree files nest about 8 levels; past this the file is left to libyaml and the composer's depth limit.
_MAX_DEPTH = 32


class _NotMine(Exception):
    """The file steps outside the subset read here."""


def compose_subset(text: str, file: str) -> tuple[Node | None, list[Problem]] | None:
    """The nodes of `text` and the duplicate keys found in it, or None when libyaml must read it."""
    if _NOT_MINE.search(text):
        return None
    problems: list[Problem] = []
    try:
        root = _read(text, file, problems)
    except (_NotMine, IndexError):
        return None
    problems.sort(key=lambda p: p.line)
    return root, problems


def _read(text: str, file: str, problems: list[Problem]) -> Node:
    # A frame is an open block collection: [column, is_mapping, children, line, indentless]. A mapping's
    # children alternate keys and values. `pending` is the column a nested value must be indented past
    # while the last key (or a bare dash) waits for its value, else -1. The innermost frame's column,
    # kind and children are kept in locals too: most lines are one more `key: text` of it.
    frames: list[list] = []  # type: ignore[type-arg]
    top_col = -1
    top_mapping = False
    top_children: list[Node] = []
    pending = -1
    root: Node | None = None
    line_match = _LINE.fullmatch
    number = 0
    for line in text.split("\n"):
        number += 1
        indent, dash, key, rest = line_match(line).groups()  # type: ignore[union-attr]  # matches any line
        if key is not None and dash is None and pending < 0 and top_mapping and len(indent) == top_col:
            top_children.append(Scalar(key, number, True))
            if not rest:
                pending = top_col
            elif rest[0] in _INDICATORS or ": " in rest or " #" in rest or rest[-1] == ":" or rest[-1] == " ":
                top_children.append(_value(rest, number, len(frames), file, problems))
            else:
                top_children.append(Scalar(rest, number, True))
            continue
        if dash is None and key is None and (not rest or rest[0] == "#"):
            continue  # a blank or comment line
        col = len(indent)
        if col == 0 and (line.startswith("---") or line.startswith("...")):
            raise _NotMine
        if pending >= 0:
            # The line opens the collection that is the waiting value: nested deeper, or a list written
            # at the key's own column (`key:` then `- item`).
            if col > pending:
                frames.append([col, dash is None, [], number, False])
            elif col == pending and dash is not None and top_mapping:
                frames.append([col, False, [], number, True])
            else:
                raise _NotMine  # an empty value
            if len(frames) > _MAX_DEPTH:
                raise _NotMine
            pending = -1
        elif frames:
            while frames[-1][0] > col:
                _close(frames, file, problems)  # IndexError when nothing is left: a second root
            if frames[-1][4] and frames[-1][0] == col and dash is None:
                _close(frames, file, problems)  # a key after an indentless list ends the list
            if frames[-1][0] != col:
                raise _NotMine
        elif root is None and col == 0:
            frames.append([0, True, [], number, False])
        else:
            raise _NotMine
        top = frames[-1]
        if top[1]:
            if dash is not None or key is None:
                raise _NotMine
        else:
            # An item of a list: a value, a bare dash (the value follows, nested), or `- key: ...`, which
            # opens a mapping inside the item.
            if dash is None:
                raise _NotMine
            if key is None:
                top_col, top_mapping, top_children = top[0], False, top[2]
                if rest:
                    top_children.append(_value(rest, number, len(frames), file, problems))
                else:
                    pending = col
                continue
            col += len(dash)
            top = [col, True, [], number, False]
            frames.append(top)
            if len(frames) > _MAX_DEPTH:
                raise _NotMine
        top_col, top_mapping, top_children = top[0], True, top[2]
        top_children.append(Scalar(key, number, True))
        if not rest:
            pending = col
        elif rest[0] in _INDICATORS or ": " in rest or " #" in rest or rest[-1] == ":" or rest[-1] == " ":
            top_children.append(_value(rest, number, len(frames), file, problems))
        else:
            top_children.append(Scalar(rest, number, True))
    if pending >= 0:
        raise _NotMine
    while frames:
        root = _close(frames, file, problems)
    if root is None:
        raise _NotMine
    return root


def _close(frames: list[list], file: str, problems: list[Problem]) -> Node:  # type: ignore[type-arg]
    _col, is_mapping, children, line, _indentless = frames.pop()
    node: Node
    if is_mapping:
        keys = children[0::2]  # all scalars here
        if len({key.value for key in keys}) == len(keys):
            node = Mapping(line, list(zip(keys, children[1::2], strict=True)))
        else:
            node = Mapping(line, pairs_checked(children, file, problems))
    else:
        node = Sequence(line, children)
    if frames:
        frames[-1][2].append(node)
    return node


def _value(text: str, line: int, depth: int, file: str, problems: list[Problem]) -> Node:
    """A value written on one line: a plain or quoted text, or a flow list or mapping."""
    first = text[0]
    if first in _INDICATORS:
        if first == '"':
            match = _DOUBLE.fullmatch(text)
            if match is None:
                raise _NotMine
            return Scalar(_unescape(match.group(1)), line, False)
        if first == "'":
            match = _SINGLE.fullmatch(text)
            if match is None:
                raise _NotMine
            return Scalar(match.group(1).replace("''", "'"), line, False)
        if first == "[" or first == "{":
            node, end = _flow(text, 0, line, depth + 1, file, problems)
            if text[end:].strip(" "):
                raise _NotMine
            return node
        if first not in "-?:" or len(text) < 2 or text[1] == " ":  # `-x`, `?x` and `:x` are plain texts
            raise _NotMine
    if ": " in text or " #" in text or text.endswith(":"):
        raise _NotMine
    return Scalar(text.rstrip(" "), line, True)


def _flow(text: str, at: int, line: int, depth: int, file: str, problems: list[Problem]) -> tuple[Node, int]:
    """The flow list or mapping starting at `text[at]`, and where it ends."""
    if depth > _MAX_DEPTH:
        raise _NotMine
    closing = "]" if text[at] == "[" else "}"
    children: list[Node] = []
    at = _skip(text, at + 1)
    while text[at] != closing:
        if closing == "}":
            key = _FLOW_KEY.match(text, at)
            if key is None:
                raise _NotMine
            children.append(Scalar(key.group(1), line, True))
            at = key.end()
        node, at = _flow_node(text, at, line, depth, file, problems)
        children.append(node)
        at = _skip(text, at)
        if text[at] == ",":
            at = _skip(text, at + 1)
            if text[at] == closing:  # a trailing comma: left to libyaml
                raise _NotMine
        elif text[at] != closing:
            raise _NotMine
    if closing == "]":
        return Sequence(line, children), at + 1
    return Mapping(line, pairs_checked(children, file, problems)), at + 1


def _flow_node(text: str, at: int, line: int, depth: int, file: str, problems: list[Problem]) -> tuple[Node, int]:
    first = text[at]
    if first == "[" or first == "{":
        return _flow(text, at, line, depth + 1, file, problems)
    if first == '"':
        match = _DOUBLE.match(text, at)
        if match is None:
            raise _NotMine
        return Scalar(_unescape(match.group(1)), line, False), match.end()
    if first == "'":
        match = _SINGLE.match(text, at)
        if match is None:
            raise _NotMine
        return Scalar(match.group(1).replace("''", "'"), line, False), match.end()
    match = _FLOW_PLAIN.match(text, at)
    if match is None:
        raise _NotMine
    return Scalar(match.group().rstrip(" "), line, True), match.end()


def _skip(text: str, at: int) -> int:
    while text[at] == " ":
        at += 1
    return at


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text
