"""Tree files to model values. Every problem found in a file is reported, each with its line, node and fix."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from wallet_doctor.errors import Problem, did_you_mean
from wallet_doctor.gcpause import collector_paused
from wallet_doctor.model import (
    CHECK_CHOICES,
    LANGUAGES,
    PROBES,
    SEVERITIES,
    Catalog,
    Choice,
    Item,
    Jump,
    Location,
    Outcome,
    Question,
    SharedBlock,
    Text,
    Tree,
)
from wallet_doctor.model import Node as TreeNode
from wallet_doctor.parallel import read_all
from wallet_doctor.sources import tree_files
from wallet_doctor.yaml_safe import Mapping, Node, Scalar, Sequence, compose, is_null

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
_TREE_KEYS = {"required": ("tree", "version", "title", "summary", "start", "nodes"), "optional": ("keywords",)}
_NODE_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "question": (("kind", "text", "choices"), ("help",)),
    "check": (("kind", "probe", "text", "choices"), ("help",)),
    "outcome": (("kind", "title", "severity", "summary", "steps"), ("prepare", "escalate", "related")),
    "jump": (("kind", "tree"), ()),
}
_YAML_1_1_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}


def load_file(path: Path, display: str | None = None) -> tuple[Tree | list[SharedBlock] | None, list[Problem]]:
    """Read one file: a Tree, the blocks of a shared-steps file, or None when it cannot be read."""
    file = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [
            Problem(file, 0, f"Cannot read the file: {exc.strerror}.", "Check that it exists and is readable.")
        ]
    return parse(data, file)


def parse(data: bytes, file: str) -> tuple[Tree | list[SharedBlock] | None, list[Problem]]:
    """Parse the bytes of one tree or shared-steps file."""
    root, problems = compose(data, file)
    if root is None or problems:
        return None, problems
    reader = _Reader(file)
    result = reader.document(root, hashlib.sha256(data).hexdigest())
    return result, reader.problems


def load_catalog(directories: Iterable[Path]) -> tuple[Catalog, list[Problem]]:
    """Load every file of `directories` (a single file counts as a folder of one); a tree or block in a
    later folder replaces one of the same id."""
    with collector_paused():  # twice as fast on large catalogs: see gcpause.py
        return _load_catalog(directories)


def _load_catalog(directories: Iterable[Path]) -> tuple[Catalog, list[Problem]]:
    trees: dict[str, Tree] = {}
    shared: dict[str, SharedBlock] = {}
    problems: list[Problem] = []
    for directory in directories:
        seen_trees: dict[str, Tree] = {}
        seen_blocks: dict[str, SharedBlock] = {}
        paths = tree_files(directory)
        for result, found in read_all(paths, _load_displayed):
            problems.extend(found)
            if isinstance(result, Tree):
                if result.id in seen_trees:
                    first = seen_trees[result.id].loc
                    problems.append(_duplicate(result.loc, "tree", result.id, first))
                    continue
                seen_trees[result.id] = result
            elif isinstance(result, list):
                for block in result:
                    if block.id in seen_blocks:
                        problems.append(_duplicate(block.loc, "shared block", block.id, seen_blocks[block.id].loc))
                        continue
                    seen_blocks[block.id] = block
        trees.update(seen_trees)
        shared.update(seen_blocks)
    return Catalog(trees, shared), problems


def _load_displayed(path: Path) -> tuple[Tree | list[SharedBlock] | None, list[Problem]]:
    return load_file(path, _display(path))


def _duplicate(loc: Location, what: str, ident: str, first: Location) -> Problem:
    return Problem(
        loc.file, loc.line, f"The {what} id '{ident}' is already used at {first}.", f"Rename one of the {what}s."
    )


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class _Reader:
    """Turns the node graph of one file into model values, collecting problems instead of stopping."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    # -- the two kinds of file -------------------------------------------------------------------------

    def document(self, root: Node, digest: str) -> Tree | list[SharedBlock] | None:
        fields = self.mapping(root, "The file", None)
        if fields is None:
            return None
        if "shared" in fields and "tree" not in fields:
            return self.shared_file(root, fields)
        if "tree" not in fields:
            self.add(
                root,
                "The file is neither a tree (no 'tree' key) nor shared steps (no 'shared' key).",
                "Start a tree with `tree: ID` or a shared-steps file with `shared:`.",
            )
            return None
        return self.tree(root, fields, digest)

    def shared_file(self, root: Node, fields: dict[str, tuple[Node, Node]]) -> list[SharedBlock]:
        self.known_keys(fields, ("shared",), "the shared-steps file", None)
        blocks_node = fields["shared"][1]
        blocks = self.mapping(blocks_node, "'shared'", None)
        result: list[SharedBlock] = []
        for block_id, (key, value) in (blocks or {}).items():
            if not self.check_id(key, block_id, "shared block id", None):
                continue
            items = self.items(value, f"shared block '{block_id}'", None)
            if items is not None and not items:
                self.add(value, f"Shared block '{block_id}' is empty.", "Give it at least one item.")
            result.append(SharedBlock(block_id, items or (), self.loc(key)))
        return result

    def tree(self, root: Node, fields: dict[str, tuple[Node, Node]], digest: str) -> Tree | None:
        self.known_keys(fields, (*_TREE_KEYS["required"], *_TREE_KEYS["optional"]), "the tree", None)
        missing = [k for k in _TREE_KEYS["required"] if k not in fields]
        for key in missing:
            self.add(root, f"The tree has no '{key}'.", f"Add `{key}:` at the top level (see docs/tree-format.md).")
        tree_key, tree_value = fields["tree"]
        tree_id = self.ident(tree_value, "tree id", None)
        version = self.integer(fields["version"][1], "version", None) if "version" in fields else None
        title = self.text(fields["title"][1], "title", None) if "title" in fields else None
        summary = self.text(fields["summary"][1], "summary", None) if "summary" in fields else None
        keywords = self.keywords(fields["keywords"][1]) if "keywords" in fields else ()
        start = self.ident(fields["start"][1], "start", None) if "start" in fields else None
        nodes, broken = self.nodes(fields["nodes"][1], tree_id or "?") if "nodes" in fields else ({}, set())
        if None in (tree_id, version, title, summary, start) or missing:
            return None
        assert tree_id and version and title and summary and start  # narrowed by the check above
        return Tree(
            id=tree_id,
            version=version,
            title=title,
            summary=summary,
            keywords=keywords,
            start=start,
            start_loc=self.loc(fields["start"][1]),
            nodes=nodes,
            loc=self.loc(tree_key),
            digest=digest,
            broken=frozenset(broken),
        )

    def keywords(self, node: Node) -> tuple[tuple[str, tuple[str, ...]], ...]:
        fields = self.mapping(node, "keywords", None)
        if fields is None:
            return ()
        self.known_keys(fields, LANGUAGES, "keywords", None)
        result = []
        for lang, (_key, value) in fields.items():
            words = self.sequence(value, f"keywords '{lang}'", None)
            strings = tuple(w for w in (self.string(v, "a keyword", None) for v in words or ()) if w)
            result.append((lang, strings))
        return tuple(result)

    # -- nodes -----------------------------------------------------------------------------------------

    def nodes(self, node: Node, tree_id: str) -> tuple[dict[str, TreeNode], set[str]]:
        """The readable nodes, and the ids of those that are not (their problems are reported)."""
        fields = self.mapping(node, "'nodes'", None)
        result: dict[str, TreeNode] = {}
        broken: set[str] = set()
        if fields is not None and not fields:
            self.add(node, "The tree has no nodes.", "Add at least a question and the outcomes it leads to.")
        for node_id, (key, value) in (fields or {}).items():
            if not self.check_id(key, node_id, "node id", None):
                continue
            built = self.node(value, node_id, tree_id)
            if built is not None:
                result[node_id] = built
            else:
                broken.add(node_id)
        return result, broken

    def node(self, node: Node, node_id: str, tree_id: str) -> TreeNode | None:
        fields = self.mapping(node, "The node", node_id)
        if fields is None:
            return None
        if "kind" not in fields:
            self.add(node, "The node has no 'kind'.", "Add `kind:` question, check, outcome or jump.", node_id)
            return None
        kind_node = fields["kind"][1]
        kind = self.string(kind_node, "kind", node_id)
        if kind not in _NODE_KEYS:
            if kind is not None:
                self.add(
                    kind_node,
                    f"Unknown node kind '{kind}'{did_you_mean(kind, _NODE_KEYS)}.",
                    "Use one of: question, check, outcome, jump.",
                    node_id,
                )
            return None
        required, optional = _NODE_KEYS[kind]
        self.known_keys(fields, (*required, *optional), f"a {kind} node", node_id)
        absent = [k for k in required if k not in fields]
        for key in absent:
            self.add(node, f"The {kind} has no '{key}'.", f"Add `{key}:` (see docs/tree-format.md).", node_id)
        if absent:
            return None
        loc = self.loc(node)
        if kind in ("question", "check"):
            return self.question(fields, node_id, tree_id, kind, loc)
        if kind == "outcome":
            return self.outcome(fields, node_id, tree_id, loc)
        target = self.ident(fields["tree"][1], "jump target", node_id)
        return Jump(node_id, tree_id, target, loc) if target else None

    def question(
        self, fields: dict[str, tuple[Node, Node]], node_id: str, tree_id: str, kind: str, loc: Location
    ) -> Question | None:
        text = self.text(fields["text"][1], "text", node_id)
        help_text = self.text(fields["help"][1], "help", node_id) if "help" in fields else None
        probe = None
        if kind == "check":
            probe = self.one_of(fields["probe"][1], PROBES, "probe", node_id)
        choices_node = fields["choices"][1]
        choices = self.choices(choices_node, node_id, kind)
        if text is None or choices is None:
            return None
        return Question(node_id, tree_id, text, help_text, choices, loc, probe)

    def choices(self, node: Node, node_id: str, kind: str) -> tuple[Choice, ...] | None:
        entries = self.sequence(node, "choices", node_id)
        if entries is None:
            return None
        result: list[Choice] = []
        lines: dict[str, int] = {}
        for entry in entries:
            fields = self.mapping(entry, "A choice", node_id)
            if fields is None:
                continue
            self.known_keys(fields, ("id", "label", "next"), "a choice", node_id)
            absent = [k for k in ("id", "label", "next") if k not in fields]
            for key in absent:
                self.add(entry, f"A choice has no '{key}'.", f"Add `{key}:` to the choice.", node_id)
            if absent:
                continue
            choice_id = self.ident(fields["id"][1], "choice id", node_id)
            label = self.text(fields["label"][1], "label", node_id)
            target = self.ident(fields["next"][1], "next", node_id)
            if choice_id is None or label is None or target is None:
                continue
            if choice_id in lines:
                self.add(
                    fields["id"][1],
                    f"Choice id '{choice_id}' is used twice (first at line {lines[choice_id]}).",
                    "Give each choice of a question its own id.",
                    node_id,
                )
                continue
            lines[choice_id] = self.loc(entry).line
            if kind == "check" and choice_id not in CHECK_CHOICES:
                self.add(
                    fields["id"][1],
                    f"A check's choice is '{choice_id}'.",
                    f"Name a check's choices {', '.join(CHECK_CHOICES)}.",
                    node_id,
                )
            result.append(Choice(choice_id, label, target, self.loc(entry)))
        if kind == "check":
            for needed in ("pass", "fail"):
                if needed not in lines:
                    self.add(
                        node, f"The check has no '{needed}' choice.", f"Add a choice with `id: {needed}`.", node_id
                    )
        if len(entries) < 2:
            self.add(
                node,
                f"The {kind} has {len(entries)} choice(s); a question needs at least 2.",
                "Add choices, or replace the question with the node it leads to.",
                node_id,
            )
        return tuple(result)

    def outcome(
        self, fields: dict[str, tuple[Node, Node]], node_id: str, tree_id: str, loc: Location
    ) -> Outcome | None:
        title = self.text(fields["title"][1], "title", node_id)
        summary = self.text(fields["summary"][1], "summary", node_id)
        severity = self.one_of(fields["severity"][1], SEVERITIES, "severity", node_id)
        steps = self.items(fields["steps"][1], "steps", node_id)
        prepare = self.items(fields["prepare"][1], "prepare", node_id) if "prepare" in fields else ()
        escalate = self.items(fields["escalate"][1], "escalate", node_id) if "escalate" in fields else ()
        related: tuple[str, ...] = ()
        related_loc = None
        if "related" in fields:
            related_node = fields["related"][1]
            related_loc = self.loc(related_node)
            values = self.sequence(related_node, "related", node_id) or []
            related = tuple(r for r in (self.ident(v, "related tree", node_id) for v in values) if r)
        if None in (title, summary, severity, steps, prepare, escalate):
            return None
        assert title and summary and severity and steps is not None and prepare is not None and escalate is not None
        return Outcome(node_id, tree_id, title, severity, summary, steps, prepare, escalate, related, loc, related_loc)

    def items(self, node: Node, what: str, node_id: str | None) -> tuple[Item, ...] | None:
        entries = self.sequence(node, what, node_id)
        if entries is None:
            return None
        result: list[Item] = []
        for entry in entries:
            fields = self.mapping(entry, f"An item of {what}", node_id)
            if fields is None:
                continue
            allowed: tuple[str, ...] = ("text", "warning")
            if "use" in fields and "text" in fields:
                self.add(entry, f"An item of {what} has both 'text' and 'use'.", "Split it into two items.", node_id)
                allowed = ("text", "warning", "use")  # the text is kept; the use is reported, not guessed at
            elif "use" in fields:
                self.known_keys(fields, ("use",), f"an item of {what} with 'use'", node_id)
                block = self.ident(fields["use"][1], "use", node_id)
                if block:
                    result.append(Item(self.loc(entry), use=block))
                continue
            self.known_keys(fields, allowed, f"an item of {what}", node_id)
            if "text" not in fields:
                self.add(entry, f"An item of {what} has neither 'text' nor 'use'.", "Add `text:` or `use:`.", node_id)
                continue
            text = self.text(fields["text"][1], "text", node_id)
            warning = self.boolean(fields["warning"][1], "warning", node_id) if "warning" in fields else False
            if text is not None:  # a bad `warning` is reported; the step itself still counts
                result.append(Item(self.loc(entry), text=text, warning=bool(warning)))
        return tuple(result)

    # -- values ----------------------------------------------------------------------------------------

    def text(self, node: Node, what: str, node_id: str | None) -> Text | None:
        # Nearly every text is a well-formed zh-CN/en pair: read it directly (this is the loader's hot path).
        if isinstance(node, Mapping) and len(node.pairs) == 2:
            (first, first_text), (second, second_text) = node.pairs
            if (
                isinstance(first, Scalar)
                and isinstance(second, Scalar)
                and (first.value, second.value) == LANGUAGES
                and isinstance(first_text, Scalar)
                and isinstance(second_text, Scalar)
                and first_text.value.strip()
                and second_text.value.strip()
                and not is_null(first_text)
                and not is_null(second_text)
            ):
                return Text(((first.value, first_text.value), (second.value, second_text.value)))
        fields = self.mapping(node, f"'{what}'", node_id, hint=f"Write `{what}:` as a mapping of zh-CN and en texts.")
        if fields is None:
            return None
        self.known_keys(fields, LANGUAGES, f"'{what}'", node_id)
        pairs = []
        for lang, (_key, value) in fields.items():
            if lang in LANGUAGES:
                string = self.string(value, f"{what} ({lang})", node_id)
                if string is not None:
                    pairs.append((lang, string))
        for lang in LANGUAGES:
            if lang not in fields:
                self.add(node, f"'{what}' has no {lang} text.", f"Add `{lang}:` with the translation.", node_id)
        return Text(tuple(pairs))

    def mapping(
        self, node: Node, what: str, node_id: str | None, hint: str | None = None
    ) -> dict[str, tuple[Node, Node]] | None:
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
        if not isinstance(node, Sequence):
            self.add(node, f"'{what}' should be a list, not {_describe(node)}.", "Write it as `- item` lines.", node_id)
            return None
        return node.items

    def string(self, node: Node, what: str, node_id: str | None) -> str | None:
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
            message = f"Unknown {what} '{value}'{did_you_mean(value, allowed)}."
            self.add(node, message, f"Use one of: {', '.join(allowed)}.", node_id)
            return None
        return value

    def ident(self, node: Node, what: str, node_id: str | None) -> str | None:
        value = self.string(node, what, node_id)
        if value is not None and not ID_PATTERN.match(value):
            self.add(node, f"The {what} '{value}' is not a valid id.", _id_fix(value), node_id)
            return None
        return value

    def check_id(self, key: Node, value: str, what: str, node_id: str | None) -> bool:
        if ID_PATTERN.match(value):
            return True
        self.add(key, f"The {what} '{value}' is not a valid id.", _id_fix(value), node_id)
        return False

    def integer(self, node: Node, what: str, node_id: str | None) -> int | None:
        if isinstance(node, Scalar) and node.plain and node.value.isdigit() and int(node.value) >= 1:
            return int(node.value)
        self.add(node, f"'{what}' should be a whole number from 1 up.", f"Write `{what}: 1`, and count up.", node_id)
        return None

    def boolean(self, node: Node, what: str, node_id: str | None) -> bool | None:
        if isinstance(node, Scalar) and node.plain and node.value in ("true", "false"):
            return node.value == "true"
        written = node.value.lower() if isinstance(node, Scalar) else ""
        hint = " (YAML 1.1 yes/no are not booleans here)" if written in _YAML_1_1_BOOLEANS else ""
        self.add(node, f"'{what}' should be true or false{hint}.", f"Write `{what}: true` or leave it out.", node_id)
        return None

    def known_keys(
        self, fields: dict[str, tuple[Node, Node]], allowed: tuple[str, ...], what: str, node_id: str | None
    ) -> None:
        for name, (key, _value) in fields.items():
            if name not in allowed:
                self.add(
                    key,
                    f"Unknown key '{name}' in {_article(what)}{did_you_mean(name, allowed)}.",
                    f"Use only: {', '.join(allowed)}.",
                    node_id,
                )

    # -- helpers ---------------------------------------------------------------------------------------

    def loc(self, node: Node) -> Location:
        return Location(self.file, node.line)

    def add(self, node: Node, message: str, fix: str, node_id: str | None = None) -> None:
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
    return f"'{node.value}'"


def _id_fix(value: str) -> str:
    better = re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_")
    if better and not better[0].isalpha():
        better = "n_" + better
    return f"Use lower-case letters, digits and _, starting with a letter, such as '{better or 'name'}'."
