"""Golden walks: an answers file with what it must reach, replayed against the trees in force.

A walk file holds `tree`, `answers` (question: choice) and `expect`: `outcome`, and optionally
`steps_include` (texts among the outcome's own steps, in order; a conditional group reads as its condition,
then its steps), `sections` (exactly the sections shown, in order), `sections_include` (texts inside a
section, in order) and `blocks_not_used` (shared blocks that do not fit there). Texts match the English
text, ignoring case, by containment.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wallet_doctor.errors import WalletDoctorError, WordedError
from wallet_doctor.model import Catalog, Outcome, ResolvedConditional

_EXPECT_LISTS = ("steps_include", "sections", "blocks_not_used")


@dataclass(frozen=True, slots=True)
class WalkResult:
    """One walk file replayed: its tree, the outcome it expects and reached, and what failed (nothing: it passed)."""

    file: str
    tree: str | None
    expected: str | None
    reached: str | None
    failures: tuple[str, ...] = field(default=())

    @property
    def passed(self) -> bool:
        """Whether the walk reached what it expects."""
        return not self.failures


def walk_files(paths: Sequence[Path]) -> list[Path]:
    """The walk files of `paths`: a file is itself, a folder every *.yaml or *.yml below it, in a stable order.
    Raises WordedError for a path that does not exist or a folder with no walk file."""
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not inside:
                raise WordedError("error.walks_empty_folder", path=path)
            found.extend(inside)
        else:
            raise WordedError("error.walks_missing", path=path)
    return list(dict.fromkeys(found))


def run_walk(catalog: Catalog, path: Path, file: str | None = None) -> WalkResult:
    """Replay the walk file at `path` against `catalog`; a file that cannot be read or is not a walk fails
    with the reason, never raises."""
    shown = file or str(path)
    try:
        data = _read(path, shown)
    except _BadWalk as exc:
        return WalkResult(shown, None, None, None, (str(exc),))
    return check_walk(catalog, data, shown)


def check_walk(catalog: Catalog, walk_file: dict[str, Any], file: str = "") -> WalkResult:
    """Replay one walk (a walk file's data, already read) and say what does not match its `expect`."""
    from wallet_doctor.engine import drive

    tree, answers, expect = walk_file["tree"], walk_file["answers"], walk_file["expect"]
    expected = expect["outcome"]
    try:
        walk = drive(catalog, tree, answers)
    except WalletDoctorError as exc:
        return WalkResult(file, tree, expected, None, (exc.message("en"),))
    outcome = walk.outcome
    if outcome is None:
        stopped = walk.question.id if walk.question else "?"
        return WalkResult(file, tree, expected, None, (f"The walk stops at question '{stopped}': no answer for it.",))
    failures: list[str] = []
    if outcome.id != expected:
        failures.append(f"The walk reaches outcome '{outcome.id}', not '{expected}'.")
    unasked = {q: a for q, a in answers.items() if walk.as_answers().get(q) != a}
    if unasked:
        listed = ", ".join(f"{q}={a}" for q, a in unasked.items())
        failures.append(f"These answers are never asked on the way: {listed}.")
    failures += _in_order(expect.get("steps_include", []), step_texts(catalog, outcome), "the steps")
    shown = {name: [r.text.get("en") for r in catalog.expand(items)] for name, items in outcome.sections}
    if "sections" in expect:
        sections = [name for name, texts in shown.items() if texts]
        if sections != expect["sections"]:
            failures.append(f"The sections shown are {_names(sections)}, not {_names(expect['sections'])}.")
    for name, wanted in expect.get("sections_include", {}).items():
        failures += _in_order(wanted, shown.get(name, []), f"section '{name}'")
    used = {r.source for r in catalog.expand(outcome.items())}
    for block in sorted(b for b in used & set(expect.get("blocks_not_used", [])) if b):
        failures.append(f"The outcome uses shared block '{block}', which the walk says does not fit.")
    return WalkResult(file, tree, expected, outcome.id, tuple(failures))


def step_texts(catalog: Catalog, outcome: Outcome) -> list[str]:
    """The English texts of an outcome's own steps; a conditional group gives its condition, then its steps."""
    texts: list[str] = []
    for step in catalog.steps(outcome):
        if isinstance(step, ResolvedConditional):
            texts += [step.condition.get("en"), *(s.text.get("en") for s in step.steps)]
        else:
            texts.append(step.text.get("en"))
    return texts


def without_walk(catalog: Catalog, results: Iterable[WalkResult], trees: Iterable[str] | None = None) -> list[str]:
    """The outcomes (as `tree.outcome`) of `trees` (default: every tree) that no walk expects. A walk that
    starts in another tree and jumps here counts too: node ids are unique across trees."""
    expected = {r.expected for r in results}
    chosen = sorted(catalog.trees if trees is None else [t for t in trees if t in catalog.trees])
    return [f"{t}.{o.id}" for t in chosen for o in catalog.trees[t].outcomes if o.id not in expected]


def _in_order(wanted: list[str], texts: list[str], where: str) -> list[str]:
    position = 0
    for text in wanted:
        found = next((i for i in range(position, len(texts)) if text.lower() in texts[i].lower()), None)
        if found is None:
            return [f"'{text}' is not among {where} after item {position + 1}."]
        position = found
    return []


def _names(names: Sequence[str]) -> str:
    return "[" + ", ".join(names) + "]"


class _BadWalk(Exception):
    """A walk file that cannot be read or does not have the walk's shape; its message says what and where."""


def _read(path: Path, file: str) -> dict[str, Any]:
    from wallet_doctor.yaml_safe import MAX_FILE_BYTES, compose, to_plain

    try:
        data = path.read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise _BadWalk(f"Cannot read the walk file: {exc.strerror}.") from None
    root, problems = compose(data, file)
    if root is None or problems:
        raise _BadWalk(str(problems[0]) if problems else "The walk file is empty.")
    walk = to_plain(root)
    if not isinstance(walk, dict):
        raise _BadWalk("A walk file is a mapping with `tree`, `answers` and `expect`.")
    for key, kind in (("tree", str), ("answers", dict), ("expect", dict)):
        if not isinstance(walk.get(key), kind):
            raise _BadWalk(f"The walk file has no {kind.__name__.replace('dict', 'mapping')} `{key}`.")
    walk["answers"] = {str(k): str(v) for k, v in walk["answers"].items()}
    expect = walk["expect"]
    if not isinstance(expect.get("outcome"), str):
        raise _BadWalk("The walk's `expect` has no `outcome`.")
    for key in _EXPECT_LISTS:
        if key in expect and not _texts(expect[key]):
            raise _BadWalk(f"`expect.{key}` should be a list of texts.")
    inside = expect.get("sections_include", {})
    if not isinstance(inside, dict) or not all(_texts(v) for v in inside.values()):
        raise _BadWalk("`expect.sections_include` should map each section to a list of texts.")
    unknown = sorted(set(expect) - {"outcome", "sections_include", *_EXPECT_LISTS})
    if unknown:
        raise _BadWalk(
            f"Unknown key '{unknown[0]}' in `expect`. Use only: outcome, {', '.join(_EXPECT_LISTS)}, sections_include."
        )
    return walk


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
