"""Tree files to model values. Every problem found in a file is reported, each with its line, node and fix."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from wallet_doctor.errors import Problem, did_you_mean, printable
from wallet_doctor.files import tree_files
from wallet_doctor.gcpause import collector_paused
from wallet_doctor.model import (
    CHECK_CHOICES,
    LANGUAGES,
    PROBES,
    Catalog,
    Choice,
    Jump,
    Location,
    Question,
    SharedBlock,
    Tree,
)
from wallet_doctor.model import Node as TreeNode
from wallet_doctor.outcome_reader import OutcomeReader
from wallet_doctor.values import shown
from wallet_doctor.yaml_nodes import Node
from wallet_doctor.yaml_safe import MAX_FILE_BYTES, compose, too_large

_RESERVED_TREE_IDS = ("index",)
_TREE_KEYS = {"required": ("tree", "version", "title", "summary", "start", "nodes"), "optional": ("keywords",)}
_NODE_KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "question": (("kind", "text", "choices"), ("help",)),
    "check": (("kind", "probe", "text", "choices"), ("help",)),
    "outcome": (
        ("kind", "title", "severity", "summary", "steps"),
        ("contact", "prepare", "escalate", "later", "related", "opens"),
    ),
    "jump": (("kind", "tree"), ("node",)),
}


def load_file(path: Path, display: str | None = None) -> tuple[Tree | list[SharedBlock] | None, list[Problem]]:
    """Read one file: a Tree, the blocks of a shared-steps file, or None when it cannot be read."""
    result, problems, _unreadable = _load_file(path, display)
    return result, problems


def _load_file(
    path: Path, display: str | None = None
) -> tuple[Tree | list[SharedBlock] | None, list[Problem], str | None]:
    file = display or str(path)
    try:
        with path.open("rb") as handle:
            # Sized before it is read: a 3 GB file was read whole (13 s, 3 GB of memory) to be refused.
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return None, [too_large(file, size)], None
            data = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since: compose refuses that too
    except OSError as exc:
        return (
            None,
            [Problem(file, 0, f"Cannot read the file: {exc.strerror}.", "Check that it exists and is readable.")],
            None,
        )
    return _parse(data, file)


def parse(data: bytes, file: str) -> tuple[Tree | list[SharedBlock] | None, list[Problem]]:
    """Parse the bytes of one tree or shared-steps file."""
    result, problems, _unreadable = _parse(data, file)
    return result, problems


def _parse(data: bytes, file: str) -> tuple[Tree | list[SharedBlock] | None, list[Problem], str | None]:
    """What parse() gives, and the id of a tree whose id could be read but not the rest (or None)."""
    root, problems = compose(data, file)
    if root is None or problems:
        return None, problems, None
    reader = _Reader(file)
    result = reader.document(root, hashlib.sha256(data).hexdigest())
    return result, reader.problems, reader.unreadable_tree


def load_catalog(
    directories: Iterable[Path | tuple[Path, ...]], exclude: frozenset[Path] = frozenset()
) -> tuple[Catalog, list[Problem]]:
    """Load every file of `directories` (a single file counts as a folder of one; a tuple of paths is one
    layer); a tree or block in a later layer replaces one of the same id. Files of a folder layer whose
    resolved path is in `exclude` are skipped: `validate FILE` gives them again, in a layer of their own."""
    with collector_paused():  # twice as fast on large catalogs: see gcpause.py
        return _load_catalog(directories, exclude)


def _load_catalog(
    directories: Iterable[Path | tuple[Path, ...]], exclude: frozenset[Path]
) -> tuple[Catalog, list[Problem]]:
    trees: dict[str, Tree] = {}
    shared: dict[str, SharedBlock] = {}
    problems: list[Problem] = []
    unreadable: set[str] = set()
    for directory in directories:
        seen_trees: dict[str, Tree] = {}
        seen_blocks: dict[str, SharedBlock] = {}
        for path in _layer_files(directory, exclude):
            result, found, unreadable_tree = _load_file(path, display_name(path))
            problems.extend(found)
            if unreadable_tree is not None:
                unreadable.add(unreadable_tree)
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
    return Catalog(trees, shared, frozenset(unreadable - trees.keys())), problems


def _layer_files(layer: Path | tuple[Path, ...], exclude: frozenset[Path]) -> list[Path]:
    """The files of one layer: a folder's without the excluded ones, or those of the paths of a tuple,
    each once."""
    if not isinstance(layer, tuple):
        return [f for f in tree_files(layer) if f.resolve() not in exclude] if exclude else tree_files(layer)
    files: dict[Path, Path] = {}
    for path in layer:
        for file in tree_files(path):
            files.setdefault(file.resolve(), file)
    return list(files.values())


def _duplicate(loc: Location, what: str, ident: str, first: Location) -> Problem:
    return Problem(
        loc.file, loc.line, f"The {what} id '{ident}' is already used at {first}.", f"Rename one of the {what}s."
    )


def display_name(path: Path) -> str:
    """The file's name as problems show it: relative to the working folder when inside it, and printable
    (a name that is not UTF-8 is shown with \\x escapes, which any terminal or JSON reader can take)."""
    try:
        shown = str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        shown = str(path)
    return printable(shown)


class _Reader(OutcomeReader):
    """Turns the node graph of one file into model values, collecting problems instead of stopping."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.unreadable_tree: str | None = None  # a tree whose id was read, but not all the rest

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
        if tree_id in _RESERVED_TREE_IDS:
            self.add(
                tree_value,
                f"The tree id '{tree_id}' is taken: the docs write their index page as {tree_id}.md.",
                f"Choose another id, such as '{tree_id}_tree'.",
            )
            tree_id = None
        version = self.integer(fields["version"][1], "version", None) if "version" in fields else None
        title = self.text(fields["title"][1], "title", None) if "title" in fields else None
        summary = self.text(fields["summary"][1], "summary", None) if "summary" in fields else None
        keywords = self.keywords(fields["keywords"][1]) if "keywords" in fields else ()
        start = self.ident(fields["start"][1], "start", None) if "start" in fields else None
        nodes, broken = self.nodes(fields["nodes"][1], tree_id or "?") if "nodes" in fields else ({}, set())
        if None in (tree_id, version, title, summary, start) or missing:
            self.unreadable_tree = tree_id  # its problems are reported; references to it are not dangling
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
                    f"Unknown node kind '{shown(kind)}'{did_you_mean(kind, _NODE_KEYS)}.",
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
        land = self.ident(fields["node"][1], "jump landing node", node_id) if "node" in fields else None
        if not target or ("node" in fields and not land):
            return None
        return Jump(node_id, tree_id, target, loc, land)

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
