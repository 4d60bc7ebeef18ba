"""The one place YAML is parsed. Safe by construction: the file is composed into nodes, never constructed
into Python objects, so no tag can run code; tags, aliases and duplicate keys are refused with their line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wallet_doctor.errors import Problem

if TYPE_CHECKING:
    import yaml

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 10_000  # libyaml composes 20,000 levels safely on an 8 MB stack; 100,000 crash it
_STANDARD = "tag:yaml.org,2002:"
# Tags the resolver gives plain scalars and collections; an explicit `!!python/object` or `!custom` is none of these.
_ALLOWED_TAGS = {_STANDARD + t for t in ("null", "bool", "int", "float", "str", "timestamp", "seq", "map")}


def compose(data: bytes, file: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Parse `data` into a YAML node graph, or report why it cannot be read safely."""
    if len(data) > MAX_FILE_BYTES:
        size = len(data) / (1024 * 1024)
        return None, [
            Problem(
                file, 0, f"The file is {size:.1f} MB; tree files may be at most 5 MB.", "Split it into smaller trees."
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [
            Problem(file, line, f"The file is not UTF-8 (byte 0x{data[exc.start]:02x}).", "Save the file as UTF-8.")
        ]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [
            Problem(file, 1, "The file is empty.", "Write a tree (see docs/tree-format.md) or delete the file.")
        ]

    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        if _too_deep(text, loader_class):
            return None, [
                Problem(file, 0, f"The YAML is nested more than {MAX_DEPTH} levels deep.", "Flatten the file.")
            ]
        root = yaml.compose(text, Loader=loader_class)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(file, exc, text)]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
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
    except RecursionError:
        return None, [Problem(file, 0, "The YAML is nested too deeply.", "Flatten the file.")]
    if root is None:
        return None, [
            Problem(file, 1, "The file is empty.", "Write a tree (see docs/tree-format.md) or delete the file.")
        ]
    return root, _unsafe_constructs(root, file)


def _too_deep(text: str, loader_class: type) -> bool:
    """libyaml's composer recurses in C and crashes the interpreter on very deep nesting, so measure first.
    Depth needs indentation or an opening bracket per level: only a file with many of either is walked."""
    import re

    import yaml

    if re.search(rf"^[ \t]{{{MAX_DEPTH}}}", text, re.MULTILINE):
        return True
    if text.count("[") + text.count("{") < MAX_DEPTH:
        return False
    depth = 0
    for event in yaml.parse(text, Loader=loader_class):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return False


def _syntax_problem(file: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 0
    problem = (exc.problem or exc.context or "invalid YAML").strip()
    lines = text.splitlines()
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        return Problem(file, line, "A tab is used for indentation.", "Indent with spaces, not tabs.")
    if "expected a single document" in str(exc):
        return Problem(
            file, line, "The file holds more than one YAML document.", "Keep one tree per file; remove the `---`."
        )
    context = f" ({exc.context})" if exc.context and exc.problem else ""
    return Problem(file, line, f"YAML syntax error: {problem}{context}.", "Fix the YAML syntax at this line.")


def _unsafe_constructs(root: yaml.Node, file: str) -> list[Problem]:
    """Tags, aliases and duplicate keys, each with its line. Iterative, so deep nesting cannot overflow."""
    import yaml

    problems: list[Problem] = []
    seen: set[int] = set()
    aliases: list[int] = []
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            aliases.append(line)  # reported once below: a billion-laughs file would otherwise flood the output
            continue
        seen.add(id(node))
        if node.tag not in _ALLOWED_TAGS:
            problems.append(
                Problem(
                    file,
                    line,
                    f"The YAML tag '{node.tag}' is not allowed.",
                    "Remove the tag: trees hold plain text only.",
                )
            )
            continue
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                key_line = key.start_mark.line + 1
                if not isinstance(key, yaml.ScalarNode):
                    problems.append(Problem(file, key_line, "A mapping key is not a plain word.", "Use a plain key."))
                    continue
                if key.value in first:
                    problems.append(
                        Problem(
                            file,
                            key_line,
                            f"Duplicate key '{key.value}' (first at line {first[key.value]}).",
                            "Keep one of them.",
                        )
                    )
                first.setdefault(key.value, key_line)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    if aliases:
        # An alias is the very node it names, so its line is where the anchored value was written.
        uses = f"{len(aliases)} times" if len(aliases) > 1 else "once"
        message = (
            f"The value anchored here (&name) is reused {uses} through YAML aliases (*name), which are not supported."
        )
        problems.append(Problem(file, min(aliases), message, "Write the value out, or use a shared block."))
    problems.sort(key=lambda p: p.line)
    return problems


def to_plain(node: yaml.Node) -> object:
    """Plain Python data from a composed node, with YAML 1.2 core scalars: only true/false are booleans."""
    import re

    import yaml

    if isinstance(node, yaml.MappingNode):
        return {str(to_plain(k)): to_plain(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [to_plain(v) for v in node.value]
    value: str = node.value
    if getattr(node, "style", None):  # quoted or a block scalar: always a string
        return value
    if value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return value.lower() == "true"
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if re.fullmatch(r"[-+]?[0-9]+", value):
        return int(value)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", value):
        return float(value)
    return value
