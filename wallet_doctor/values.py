"""Reading one typed value from a YAML node (a mapping, a list, text, an id, a number, a boolean) and
reporting, with its line, what is wrong with it. The loader reads a tree's structure on top of these."""

from __future__ import annotations

import re

from wallet_doctor.errors import Problem, did_you_mean
from wallet_doctor.model import Location
from wallet_doctor.yaml_nodes import Mapping, Node, Scalar, Sequence, is_null

ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")  # always with fullmatch: `$` also matches before a final newline
_WHOLE_NUMBER = re.compile(r"[0-9]{1,9}")
_YAML_1_1_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}


class ValueReader:
    """Typed values of one file's nodes; each wrong value adds a Problem and gives None instead of stopping."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def mapping(
        self, node: Node, what: str, node_id: str | None, hint: str | None = None
    ) -> dict[str, tuple[Node, Node]] | None:
        """The keys of a mapping node, each with its key and value nodes; None (reported) for anything else."""
        if not isinstance(node, Mapping):
            self.add(
                node,
                f"{what} should be a mapping, not {_describe(node)}.",
                hint or "Write it as `key: value` lines.",
                node_id,
            )
            return None
        return {key.value: (key, value) for key, value in node.pairs if isinstance(key, Scalar)}

    def sequence(self, node: Node, what: str, node_id: str | None) -> list[Node] | None:
        """The items of a list node; None (reported) for anything else."""
        if not isinstance(node, Sequence):
            self.add(node, f"'{what}' should be a list, not {_describe(node)}.", "Write it as `- item` lines.", node_id)
            return None
        return node.items

    def string(self, node: Node, what: str, node_id: str | None) -> str | None:
        """The text of a non-empty scalar, exactly as written; None (reported) for anything else."""
        if not isinstance(node, Scalar) or is_null(node):
            self.add(node, f"'{what}' should be text, not {_describe(node)}.", f"Write the {what} as text.", node_id)
            return None
        value = node.value  # the text as written: YAML 1.1's yes/no stay strings
        if not value.strip():
            self.add(node, f"'{what}' is empty.", f"Write the {what}.", node_id)
            return None
        return value

    def one_of(self, node: Node, allowed: tuple[str, ...], what: str, node_id: str | None) -> str | None:
        """A text that must be one of `allowed`; anything else is reported with the closest one."""
        value = self.string(node, what, node_id)
        if value is not None and value not in allowed:
            message = f"Unknown {what} '{shown(value)}'{did_you_mean(value, allowed)}."
            self.add(node, message, f"Use one of: {', '.join(allowed)}.", node_id)
            return None
        return value

    def ident(self, node: Node, what: str, node_id: str | None) -> str | None:
        """An id: lower-case letters, digits and _, starting with a letter; None (reported, with a fix) otherwise."""
        value = self.string(node, what, node_id)
        if value is not None and not ID_PATTERN.fullmatch(value):
            self.add(node, f"The {what} '{shown(value)}' is not a valid id.", _id_fix(value), node_id)
            return None
        return value

    def check_id(self, key: Node, value: str, what: str, node_id: str | None) -> bool:
        """Whether the key `value` is a valid id; a bad one is reported with a fix."""
        if ID_PATTERN.fullmatch(value):
            return True
        self.add(key, f"The {what} '{shown(value)}' is not a valid id.", _id_fix(value), node_id)
        return False

    def integer(self, node: Node, what: str, node_id: str | None) -> int | None:
        """A whole number from 1 up; None (reported) for anything else."""
        # ASCII digits only ('²'.isdigit() is true, and int() refuses it), and few of them (int() refuses
        # more than 4,300).
        if isinstance(node, Scalar) and node.plain and _WHOLE_NUMBER.fullmatch(node.value) and int(node.value) >= 1:
            return int(node.value)
        self.add(node, f"'{what}' should be a whole number from 1 up.", f"Write `{what}: 1`, and count up.", node_id)
        return None

    def boolean(self, node: Node, what: str, node_id: str | None) -> bool | None:
        """true or false; None (reported, naming YAML 1.1's yes/no when written) for anything else."""
        if isinstance(node, Scalar) and node.plain and node.value in ("true", "false"):
            return node.value == "true"
        written = node.value.lower() if isinstance(node, Scalar) else ""
        hint = " (YAML 1.1 yes/no are not booleans here)" if written in _YAML_1_1_BOOLEANS else ""
        self.add(node, f"'{what}' should be true or false{hint}.", f"Write `{what}: true` or leave it out.", node_id)
        return None

    def known_keys(
        self, fields: dict[str, tuple[Node, Node]], allowed: tuple[str, ...], what: str, node_id: str | None
    ) -> None:
        """Report each key of `fields` that is not in `allowed`, with the closest allowed one."""
        for name, (key, _value) in fields.items():
            if name not in allowed:
                self.add(
                    key,
                    f"Unknown key '{shown(name)}' in {_article(what)}{did_you_mean(name, allowed)}.",
                    f"Use only: {', '.join(allowed)}.",
                    node_id,
                )

    # -- helpers ---------------------------------------------------------------------------------------

    def loc(self, node: Node) -> Location:
        """Where `node` is: this file and its line."""
        return Location(self.file, node.line)

    def add(self, node: Node, message: str, fix: str, node_id: str | None = None) -> None:
        """Record a problem at `node`'s line."""
        self.problems.append(Problem(self.file, node.line, message, fix, node_id))


def _article(what: str) -> str:
    return "an " + what[2:] if what.startswith("a ") and what[2:3] in "aeiou" else what


def _describe(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if is_null(node):
        return "nothing"
    return f"'{shown(node.value)}'"


def shown(value: str) -> str:
    """A value quoted in a message, with control characters (a newline, a terminal escape) written as escapes,
    so a message stays one line and cannot drive the terminal."""
    if value.isprintable():
        return value
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)


def _id_fix(value: str) -> str:
    better = re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_")
    if better and not better[0].isalpha():
        better = "n_" + better
    return f"Use lower-case letters, digits and _, starting with a letter, such as '{better or 'name'}'."
