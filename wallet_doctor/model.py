"""The knowledge base as immutable values: trees, nodes, shared blocks and the catalog that holds them.

Nothing here reads files or prints; the loader builds these values and everything else reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

# Plain (not slotted) dataclasses: they are created at import and read back from the catalog cache on every
# call, and both are markedly faster without __slots__ (see bench/).
from types import MappingProxyType

from wallet_doctor.graph import breadth_first
from wallet_doctor.locales import LANGUAGES as LANGUAGES  # the languages a tree is written in
from wallet_doctor.locales import fallback_chain

SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")
PROBES: tuple[str, ...] = ("internet", "clock", "proxy")
CHECK_CHOICES: tuple[str, ...] = ("pass", "fail", "unknown")
TRIAGE = "triage"


@dataclass(frozen=True)
class Location:
    """Where a value was written: a file and a 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Text:
    """A user-visible text in each language it was written in."""

    translations: tuple[tuple[str, str], ...]

    def get(self, lang: str) -> str:
        """The text in `lang`, else in `lang`'s fallback languages in order (locales.py), else in the first
        language that has one (validation reports the gap)."""
        for code, value in self.translations:
            if code == lang and value:
                return value
        for other in fallback_chain(lang)[1:]:
            for code, value in self.translations:
                if code == other and value:
                    return value
        return next((value for _, value in self.translations if value), "")


@dataclass(frozen=True)
class Item:
    """One step, thing to prepare or escalation: a text of its own, or `use` of a shared block."""

    loc: Location
    text: Text | None = None
    warning: bool = False
    use: str | None = None


@dataclass(frozen=True)
class Conditional:
    """Steps that apply only when their condition holds ("If money has already left your account:")."""

    loc: Location
    condition: Text
    steps: tuple[Item, ...]


Step = Item | Conditional

# An outcome's sections, shown once after its steps, in this order: how to contact support safely, what to
# have ready, what to do if that does not work (escalation and complaints), and prevention for later.
SECTIONS: tuple[str, ...] = ("contact", "prepare", "escalate", "later")
# What a front end that can do it opens in place of an outcome's page (`opens:`): "describe", the box for the
# person's own words (the wizard's prompt, the help centre's search). The page stays for the others (`run`,
# JSON, the printed docs), so it still says how to get there.
OPENS: tuple[str, ...] = ("describe",)
MAX_STEPS = 8


@dataclass(frozen=True)
class Choice:
    id: str
    label: Text
    next: str
    loc: Location


@dataclass(frozen=True)
class Question:
    """A question the user answers; with a `probe` it is a check that a probe may answer by itself."""

    id: str
    tree: str
    text: Text
    help: Text | None
    choices: tuple[Choice, ...]
    loc: Location
    probe: str | None = None
    _by_id: Mapping[str, Choice] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({c.id: c for c in reversed(self.choices)}))

    @property
    def kind(self) -> str:
        return "check" if self.probe else "question"

    def choice(self, choice_id: str) -> Choice | None:
        return self._by_id.get(choice_id)

    @property
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)


@dataclass(frozen=True)
class Outcome:
    """A diagnosis: what is likely wrong, the steps to take now in a safe order (some nested under a
    condition), and the sections shown once after them (see SECTIONS)."""

    id: str
    tree: str
    title: Text
    severity: str
    summary: Text
    steps: tuple[Step, ...]
    prepare: tuple[Item, ...]
    escalate: tuple[Item, ...]
    related: tuple[str, ...]
    loc: Location
    related_loc: Location | None = None
    contact: tuple[Item, ...] = ()
    later: tuple[Item, ...] = ()
    opens: str | None = None

    kind = "outcome"

    @property
    def sections(self) -> tuple[tuple[str, tuple[Item, ...]], ...]:
        """Every section by name, in display order, empty ones included."""
        return tuple((name, getattr(self, name)) for name in SECTIONS)

    def items(self) -> Iterator[Item]:
        """Every item as written, in display order: steps (a conditional's own steps in its place), then
        each section's."""
        for step in self.steps:
            if isinstance(step, Conditional):
                yield from step.steps
            else:
                yield step
        for _name, items in self.sections:
            yield from items


@dataclass(frozen=True)
class Jump:
    """Continue the walk in another tree: at its start, or at `land` (a node of that tree) when the question
    that led here already asked what the target tree's first questions would ask again."""

    id: str
    tree: str
    target: str
    loc: Location
    land: str | None = None

    kind = "jump"

    def landing(self, target: Tree) -> str:
        """The node of `target` where the walk goes on."""
        return self.land or target.start


Node = Question | Outcome | Jump


@dataclass(frozen=True)
class Tree:
    id: str
    version: int
    title: Text
    summary: Text
    keywords: tuple[tuple[str, tuple[str, ...]], ...]
    start: str
    start_loc: Location
    nodes: Mapping[str, Node]
    loc: Location
    digest: str
    broken: frozenset[str] = frozenset()  # nodes written but unreadable: already reported, not dangling

    def keywords_in(self, lang: str) -> tuple[str, ...]:
        return next((words for code, words in self.keywords if code == lang), ())

    @property
    def questions(self) -> Iterator[Question]:
        return (n for n in self.nodes.values() if isinstance(n, Question))

    @property
    def outcomes(self) -> Iterator[Outcome]:
        return (n for n in self.nodes.values() if isinstance(n, Outcome))

    def next_nodes(self, node_id: str) -> list[str] | None:
        """Where the node `node_id` leads within this tree (its choices' targets, in order), or None when
        the tree has no such node: the successors for graph.breadth_first."""
        node = self.nodes.get(node_id)
        if node is None:
            return None
        return [c.next for c in node.choices] if isinstance(node, Question) else []


@dataclass(frozen=True)
class SharedBlock:
    id: str
    items: tuple[Item, ...]
    loc: Location


@dataclass(frozen=True)
class ResolvedItem:
    """An item with its shared blocks expanded: what a renderer shows."""

    text: Text
    warning: bool
    source: str | None  # the shared block it came from, if any
    loc: Location | None = None  # where it was written (a `use` item's own line for a block's items)


@dataclass(frozen=True)
class ResolvedConditional:
    """A conditional group with its shared blocks expanded."""

    condition: Text
    steps: tuple[ResolvedItem, ...]
    loc: Location | None = None


@dataclass(frozen=True)
class Outline:
    """What a catalog knows of a tree without reading it whole: its node ids (in order), those of its
    questions, and its jumps' targets. Enough to find a node's tree, the questions a walk may ask and the
    trees it may reach, so that the cache decodes only the trees a walk touches."""

    nodes: tuple[str, ...]
    questions: tuple[str, ...]
    jumps: tuple[str, ...]

    @classmethod
    def of(cls, tree: Tree) -> Outline:
        return cls(
            tuple(tree.nodes),
            tuple(node_id for node_id, node in tree.nodes.items() if isinstance(node, Question)),
            tuple(node.target for node in tree.nodes.values() if isinstance(node, Jump)),
        )


class LazyTrees(Mapping[str, Tree]):
    """A catalog's trees by id, in the order of `outlines`, each made by `decode(tree_id)` when first asked
    for and kept (the cache's reader: a walk visits two or three of the trees). Read-only, and equal to
    any mapping of the same trees, as the eager catalog's is."""

    def __init__(
        self,
        outlines: Mapping[str, Outline],
        decode: Callable[[str], Tree],
        estimates: Mapping[str, float] | None = None,
    ) -> None:
        self.outlines: Mapping[str, Outline] = MappingProxyType(dict(outlines))
        # Catalog.expected_questions() of every question, as the cache stored them.
        self.estimates: Mapping[str, float] = MappingProxyType(dict(estimates or {}))
        self._decode = decode
        self._decoded: dict[str, Tree] = {}

    def __getitem__(self, tree_id: str) -> Tree:
        tree = self._decoded.get(tree_id)
        if tree is None:
            if tree_id not in self.outlines:
                raise KeyError(tree_id)
            tree = self._decoded[tree_id] = self._decode(tree_id)
        return tree

    def __contains__(self, tree_id: object) -> bool:
        return tree_id in self.outlines

    def __iter__(self) -> Iterator[str]:
        return iter(self.outlines)

    def __len__(self) -> int:
        return len(self.outlines)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"

    @property
    def decoded(self) -> frozenset[str]:
        """The trees made so far."""
        return frozenset(self._decoded)


class _Questions(Mapping[str, Question]):
    """Questions by id, each found in its tree (`where`) only when asked for: a LazyTrees decodes no tree
    for the ids merely listed or tested."""

    def __init__(self, trees: Mapping[str, Tree], where: Mapping[str, str]) -> None:
        self._trees = trees
        self._where = where

    def __getitem__(self, question_id: str) -> Question:
        node = self._trees[self._where[question_id]].nodes.get(question_id)
        if not isinstance(node, Question):  # only a damaged cache could say otherwise; its reader checks
            raise KeyError(question_id)
        return node

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._where

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


@dataclass(frozen=True)
class Catalog:
    """Every tree and shared block in force, indexed by id. `trees` may be a LazyTrees (the cache's): the
    catalog then finds nodes, askable questions and jumps from the trees' outlines, decoding a tree only
    when one of its nodes is asked for."""

    trees: Mapping[str, Tree]
    shared: Mapping[str, SharedBlock]
    unreadable: frozenset[str] = frozenset()  # trees written but unreadable: already reported, not dangling
    _outlines: Mapping[str, Outline] = field(init=False, repr=False, compare=False)
    _node_tree: Mapping[str, str] = field(init=False, repr=False, compare=False)  # each node id's tree
    _askable: dict[str, Mapping[str, Question]] = field(init=False, repr=False, compare=False)
    _jumps_into: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _estimates: dict[str, float] = field(init=False, repr=False, compare=False)
    _expanded: dict[int, tuple[tuple[Item | Conditional, ...], tuple[ResolvedItem, ...]]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if isinstance(self.trees, LazyTrees):
            outlines = self.trees.outlines
        else:
            object.__setattr__(self, "trees", MappingProxyType(dict(self.trees)))
            outlines = MappingProxyType({tree_id: Outline.of(tree) for tree_id, tree in self.trees.items()})
        index: dict[str, str] = {}
        for tree_id, outline in outlines.items():
            for node_id in outline.nodes:
                index.setdefault(node_id, tree_id)  # the first tree's, as before the cache read lazily
        object.__setattr__(self, "shared", MappingProxyType(dict(self.shared)))
        object.__setattr__(self, "_outlines", outlines)
        object.__setattr__(self, "_node_tree", MappingProxyType(index))
        object.__setattr__(self, "_askable", {})  # derived on demand; the catalog itself never changes
        object.__setattr__(self, "_jumps_into", {})
        object.__setattr__(self, "_expanded", {})
        estimates = self.trees.estimates if isinstance(self.trees, LazyTrees) else {}
        object.__setattr__(self, "_estimates", dict(estimates))

    def node(self, node_id: str) -> Node | None:
        tree_id = self._node_tree.get(node_id)
        return None if tree_id is None else self.trees[tree_id].nodes.get(node_id)

    def steps(self, outcome: Outcome) -> list[ResolvedItem | ResolvedConditional]:
        """An outcome's steps as shown: shared blocks expanded, each conditional group kept whole."""
        out: list[ResolvedItem | ResolvedConditional] = []
        pending: list[Item] = []
        for step in outcome.steps:
            if isinstance(step, Conditional):
                out += self.expand(pending)
                pending = []
                out.append(ResolvedConditional(step.condition, tuple(self.expand(step.steps)), step.loc))
            else:
                pending.append(step)
        out += self.expand(pending)
        return out

    def expand(self, items: Iterable[Item | Conditional]) -> list[ResolvedItem]:
        """Items with every `use` replaced by the shared block's items, in order (a conditional group's
        steps in its place). An outcome's own item tuples are expanded once and remembered (renderers ask
        for the same ones many times)."""
        if isinstance(items, tuple):
            known = self._expanded.get(id(items))
            if known is not None and known[0] is items:
                return list(known[1])
        out: list[ResolvedItem] = []
        self._expand(items, out, source=None, seen=())
        if isinstance(items, tuple):
            self._expanded[id(items)] = (items, tuple(out))
        return out

    def _expand(
        self,
        items: Iterable[Item | Conditional],
        out: list[ResolvedItem],
        source: str | None,
        seen: tuple[str, ...],
        at: Location | None = None,
    ) -> None:
        for item in items:
            if isinstance(item, Conditional):
                self._expand(item.steps, out, source, seen)
            elif item.use is not None:
                block = self.shared.get(item.use)
                if block is not None and item.use not in seen:  # validation reports both cases
                    self._expand(block.items, out, source or item.use, (*seen, item.use), at or item.loc)
            elif item.text is not None:
                out.append(ResolvedItem(item.text, item.warning, source, at or item.loc))

    def askable(self, tree_id: str) -> Mapping[str, Question]:
        """Every question a walk from `tree_id` may ask, by id (its own tree's and those it jumps into)."""
        found = self._askable.get(tree_id)
        if found is None:
            where = {q: t for t in self.reachable_trees(tree_id) for q in self._outlines[t].questions}
            found = _Questions(self.trees, MappingProxyType(where))
            self._askable[tree_id] = found
        return found

    def jumps_into(self, tree_id: str) -> tuple[str, ...]:
        """The other trees with a jump into `tree_id`, by id. One pass over the catalog serves every tree."""
        if not self._jumps_into and self.trees:
            found: dict[str, set[str]] = {}
            for source, outline in self._outlines.items():
                for target in outline.jumps:
                    if target != source:
                        found.setdefault(target, set()).add(source)
            self._jumps_into.update({target: tuple(sorted(sources)) for target, sources in found.items()})
            self._jumps_into.setdefault("", ())  # marks the index as built, even when nothing jumps
        return self._jumps_into.get(tree_id, ())

    def expected_questions(self, node_id: str) -> float:
        """The questions from `node_id` (counted) to an outcome when each answer is as likely as the others,
        jumps followed: what a walk takes on average (the wizard's "question n of about m"). A node met again
        while being measured (a cycle, in an unvalidated catalog only) counts as an end. Remembered; the cache
        stores every question's, so that a walk read from it decodes no tree to know them."""
        known = self._estimates
        if node_id in known:
            return known[node_id]
        known[node_id] = 0.0
        node = self.node(node_id)
        found = 0.0
        if isinstance(node, Jump):
            target = self.trees.get(node.target)
            found = self.expected_questions(node.landing(target)) if target is not None else 0.0
        elif isinstance(node, Question):
            below = [self.expected_questions(choice.next) for choice in node.choices]
            found = 1 + (sum(below) / len(below) if below else 0.0)
        known[node_id] = found
        return found

    def reachable_trees(self, tree_id: str) -> list[str]:
        """`tree_id` and every tree a walk from it can jump into, in discovery order."""

        def jumps(current: str) -> list[str] | None:
            outline = self._outlines.get(current)
            return None if outline is None else list(outline.jumps)

        return breadth_first(tree_id, jumps)
