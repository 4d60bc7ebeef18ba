"""The one place YAML is parsed. Safe by construction: libyaml's event stream is composed into light
nodes here, never constructed into Python objects, so no tag can run code. Tags, aliases, duplicate
keys, oversized files and runaway nesting are refused in the same single pass, each with its line.

Most tree files never reach libyaml: yaml_fast.py reads the plain subset of YAML they are written in, into
the same nodes with the same lines, and hands everything else back to be read here.

Composing the events ourselves is about twice as fast as PyYAML's composer (no Mark objects kept, no
implicit-type resolution: the loader reads every scalar as the text written, as YAML 1.2 would) and it
recurses nowhere, so no nesting can overflow a stack.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wallet_doctor.errors import Problem
from wallet_doctor.yaml_nodes import Mapping, Node, Scalar, Sequence, is_null, pairs_checked

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 5 * 1024 * 1024
# WALLET_DOCTOR_YAML=libyaml reads every file with libyaml alone, skipping the fast subset reader
# (yaml_fast.py): the tests run both ways, and it is a switch to rule the fast reader out.
BACKEND_ENV = "WALLET_DOCTOR_YAML"
# Trees need about 8 levels; libyaml refuses more than 1,000 on its own (PyYAML >= 6.0.3), in its own words.
# Ours fires long before that, so the message is the same on every PyYAML we support.
MAX_DEPTH = 64
_STANDARD = "tag:yaml.org,2002:"
# Explicit standard tags are harmless; `!!python/object`, `!!binary` or `!custom` are not allowed.
_ALLOWED_TAGS = {"!", *(_STANDARD + t for t in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map"))}
_INTEGER = re.compile(r"[-+]?[0-9]+")
_MAX_DIGITS = 4000
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def too_large(file: str, size: int) -> Problem:
    """The problem of a file over MAX_FILE_BYTES."""
    megabytes = size / (1024 * 1024)
    fix = "Split it into smaller trees."
    return Problem(file, 0, f"The file is {megabytes:.1f} MB; tree files may be at most 5 MB.", fix)


def compose(data: bytes, file: str) -> tuple[Node | None, list[Problem]]:
    """Parse `data` into light YAML nodes, or report why it cannot be read safely."""
    if len(data) > MAX_FILE_BYTES:
        return None, [too_large(file, len(data))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        fix = "Save the file as UTF-8."
        return None, [Problem(file, line, f"The file is not UTF-8 (byte 0x{data[exc.start]:02x}).", fix)]
    empty = Problem(file, 1, "The file is empty.", "Write a tree (see docs/tree-format.md) or delete the file.")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [empty]

    if os.environ.get(BACKEND_ENV) != "libyaml":
        from wallet_doctor.yaml_fast import compose_subset

        read = compose_subset(text, file)
        if read is not None:
            return read if read[0] is not None else (None, read[1] or [empty])

    import yaml

    try:
        root, problems = _Composer(file).run(data)
    except yaml.MarkedYAMLError as exc:
        if "maximum nesting depth" in str(exc.problem):
            # libyaml's own limit (PyYAML >= 6.0.3) can fire first: in a flow collection it reads ahead to the
            # end before handing us the events. It is far past ours, so the user gets our words.
            return None, [_too_deep(file, exc.problem_mark.line + 1 if exc.problem_mark else 1)]
        return None, [_syntax_problem(file, exc, text)]
    except yaml.reader.ReaderError as exc:
        line = data.count(b"\n", 0, max(exc.position, 0)) + 1
        character = exc.character if isinstance(exc.character, str) else chr(exc.character)
        return None, [
            Problem(
                file,
                line,
                f"The file holds the control character U+{ord(character):04X}, which YAML does not allow.",
                f"Remove it, or write it as \\u{ord(character):04x} inside a double-quoted string.",
            )
        ]
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml raises marked errors for everything we know of
        return None, [Problem(file, 0, f"YAML error: {exc}", "Fix the YAML syntax.")]
    if root is None:
        return None, problems or [empty]
    return root, problems


class _Composer:
    """Builds nodes from libyaml's events, checking as it goes."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.anchors: dict[str, Node] = {}
        self.alias_lines: list[int] = []

    def run(self, data: bytes) -> tuple[Node | None, list[Problem]]:
        from yaml import events

        # Each open collection with the children read so far (a mapping's keys and values alternate).
        stack: list[tuple[Mapping | Sequence, list[Node]]] = []
        root: Node | None = None
        documents = 0
        event: Any  # libyaml's events carry their fields untyped
        for event in _events(data):
            kind = type(event)
            node: Node
            if kind is events.ScalarEvent:
                node = Scalar(event.value, event.start_mark.line + 1, not event.style)  # plain: None or ""
                self._tag(event.tag, node.line)
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                line = event.start_mark.line + 1
                self._tag(event.tag, line)
                collection: Mapping | Sequence = Mapping(line) if kind is events.MappingStartEvent else Sequence(line)
                if event.anchor:
                    self.anchors[event.anchor] = collection
                if len(stack) >= MAX_DEPTH:
                    return None, [_too_deep(self.file, line)]
                stack.append((collection, []))
                continue
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                node, children = stack.pop()
                if isinstance(node, Mapping):
                    node.pairs = self._pairs(children)
                else:
                    node.items = children
            elif kind is events.AliasEvent:
                self.alias_lines.append(event.start_mark.line + 1)
                # An alias of no anchor (`*a: b`) stands for nothing: a placeholder keeps keys and values
                # paired, and the alias is refused like any other.
                node = self.anchors.get(event.anchor) or Scalar("", event.start_mark.line + 1, True)
            elif kind is events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    line = event.start_mark.line + 1
                    fix = "Keep one tree per file; remove the `---`."
                    return None, [Problem(self.file, line, "The file holds more than one YAML document.", fix)]
                continue
            else:
                continue
            if kind is events.ScalarEvent and event.anchor:
                self.anchors[event.anchor] = node
            if stack:
                stack[-1][1].append(node)
            else:
                root = node
        if self.alias_lines:
            uses = f"{len(self.alias_lines)} times" if len(self.alias_lines) > 1 else "once"
            self.problems.append(
                Problem(
                    self.file,
                    min(self.alias_lines),
                    f"A value is reused {uses} through YAML aliases (*name), which are not supported.",
                    "Write the value out, or use a shared block.",
                )
            )
        self.problems.sort(key=lambda p: p.line)
        return root, self.problems

    def _tag(self, tag: str | None, line: int) -> None:
        if tag is not None and tag not in _ALLOWED_TAGS:
            fix = "Remove the tag: trees hold plain text only."
            self.problems.append(Problem(self.file, line, f"The YAML tag '{tag}' is not allowed.", fix))

    def _pairs(self, children: list[Node]) -> list[tuple[Node, Node]]:
        return pairs_checked(children, self.file, self.problems)


def _events(data: bytes) -> Iterator[Any]:
    """libyaml's events for `data` (UTF-8 bytes, as libyaml reads fastest), or PyYAML's where libyaml is absent."""
    import yaml
    from yaml.events import StreamEndEvent

    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML without libyaml: the pure-Python parser, slower
        yield from yaml.parse(data, Loader=yaml.SafeLoader)
        return
    parser = CParser(data)
    try:
        while True:
            event = parser.get_event()
            yield event
            if type(event) is StreamEndEvent:
                return
    finally:
        parser.dispose()


def _too_deep(file: str, line: int) -> Problem:
    return Problem(file, line, f"The YAML is nested more than {MAX_DEPTH} levels deep.", "Flatten the file.")


def _syntax_problem(file: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        return Problem(file, line, "A tab is used for indentation.", "Indent with spaces, not tabs.")
    context = f" ({exc.context})" if exc.context and exc.problem else ""
    return Problem(file, line, f"YAML syntax error: {problem}{context}.", "Fix the YAML syntax at this line.")


def to_plain(root: Node) -> object:
    """Plain Python data from composed nodes, with YAML 1.2 core scalars: only true/false are booleans.
    Iterative, so nesting depth is limited only by MAX_DEPTH."""
    results: dict[int, object] = {}
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if isinstance(node, Scalar):
            results[id(node)] = _scalar(node)
        elif not children_done:
            stack.append((node, True))
            children = [n for pair in node.pairs for n in pair] if isinstance(node, Mapping) else node.items
            stack.extend((child, False) for child in children if id(child) not in results)
        elif isinstance(node, Mapping):
            results[id(node)] = {str(results[id(k)]): results[id(v)] for k, v in node.pairs}
        else:
            results[id(node)] = [results[id(item)] for item in node.items]
    return results[id(root)]


def _scalar(node: Scalar) -> object:
    value = node.value
    if not node.plain:
        return value
    if value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return value.lower() == "true"
    if is_null(node):
        return None
    if _INTEGER.fullmatch(value):
        return int(value) if len(value) <= _MAX_DIGITS else value  # int() refuses more digits: keep the text
    if _FLOAT.fullmatch(value):
        return float(value)
    return value
