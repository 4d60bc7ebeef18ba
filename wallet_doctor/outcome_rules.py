"""The rules on an outcome's size and shape: how many items shared blocks expand to (and which outcomes are
too large to expand), and the outcome-shape rules (steps per outcome, a block used twice, a text said twice).

validation.py runs them with the rest of the catalog's checks; outcome_shape() runs the shape rules alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from wallet_doctor.errors import Problem
from wallet_doctor.model import (
    MAX_STEPS,
    Catalog,
    Conditional,
    Location,
    Outcome,
    ResolvedItem,
    SharedBlock,
)

# The outcome-shape rules (steps per outcome, a block used twice, a text said twice) are errors; "warning"
# lets trees written in the old shape load while they are converted to the sectioned one.
OUTCOME_SHAPE_SEVERITY: Literal["error", "warning"] = "error"


MAX_EXPANDED_ITEMS = 1000  # an outcome's steps are read by a person; shared blocks could multiply them


def _error(loc: Location, message: str, fix: str, node: str | None = None) -> Problem:
    return Problem(loc.file, loc.line, message, fix, node)


def shared_block_sizes(catalog: Catalog) -> tuple[dict[str, int], list[Problem]]:
    """How many items each shared block expands to (counted, never expanded; capped just above the limit),
    and the problems: blocks that use themselves, directly or in a circle, and blocks that expand to more
    than MAX_EXPANDED_ITEMS while every block they use stays within it (the cause, reported once)."""
    sizes: dict[str, int] = {}
    problems: list[Problem] = []
    on_path: dict[str, int] = {}
    for root in catalog.shared:
        if root in sizes:
            continue
        path = [root]
        on_path[root] = 0
        iterators = [iter(catalog.shared[root].items)]
        while iterators:
            item = next(iterators[-1], None)
            if item is None:
                iterators.pop()
                block = catalog.shared[path.pop()]
                del on_path[block.id]
                _count(catalog, block, sizes, problems)
                continue
            used = item.use
            if used is None or used not in catalog.shared or used in sizes:
                continue
            if used in on_path:
                loop = [*path[on_path[used] :], used]
                problems.append(
                    _error(
                        item.loc,
                        f"Shared blocks use each other in a circle: {' -> '.join(loop)}.",
                        "Remove one of these uses: a block cannot include itself.",
                    )
                )
                continue
            on_path[used] = len(path)
            path.append(used)
            iterators.append(iter(catalog.shared[used].items))
    return sizes, problems


def _count(catalog: Catalog, block: SharedBlock, sizes: dict[str, int], problems: list[Problem]) -> None:
    # A use of a block still on the path (a circle, reported) or of a missing block counts as nothing.
    total = sum(sizes.get(item.use, 0) if item.use is not None else 1 for item in block.items)
    sizes[block.id] = min(total, MAX_EXPANDED_ITEMS + 1)
    parts_fit = all(sizes.get(item.use, 0) <= MAX_EXPANDED_ITEMS for item in block.items if item.use is not None)
    if total > MAX_EXPANDED_ITEMS and parts_fit:
        problems.append(_too_large(block.loc, f"Shared block '{block.id}'", None))


def _too_large(loc: Location, what: str, node: str | None) -> Problem:
    return _error(
        loc,
        f"{what} expands to more than {MAX_EXPANDED_ITEMS:,} items: every `use` copies the whole block it names.",
        "Use blocks inside one another less often; an outcome lists the few steps a person will follow.",
        node,
    )


def oversized_outcomes(catalog: Catalog, sizes: dict[str, int]) -> tuple[set[int], list[Problem]]:
    """The outcomes (by identity) whose items expand to more than MAX_EXPANDED_ITEMS, and a problem for each
    one that is too large by itself (not because a block it uses already is)."""
    oversized: set[int] = set()
    problems: list[Problem] = []
    for tree in catalog.trees.values():
        for outcome in tree.outcomes:
            items = list(outcome.items())
            total = sum(sizes.get(item.use, 0) if item.use is not None else 1 for item in items)
            if total > MAX_EXPANDED_ITEMS:
                oversized.add(id(outcome))
                if all(sizes.get(item.use, 0) <= MAX_EXPANDED_ITEMS for item in items if item.use is not None):
                    problems.append(_too_large(outcome.loc, "The outcome", outcome.id))
    return oversized, problems


def outcome_shape(catalog: Catalog) -> list[Problem]:
    """The findings of the outcome-shape rules alone (see OUTCOME_SHAPE_SEVERITY)."""
    sizes, _ = shared_block_sizes(catalog)
    oversized, _ = oversized_outcomes(catalog, sizes)
    return list(shape_problems(catalog, oversized))


def shape_problems(catalog: Catalog, oversized: set[int]) -> Iterator[Problem]:
    """An outcome is what to do now: at most MAX_STEPS steps of its own (a conditional group counts as one
    and holds at most MAX_STEPS), each shared block once, and no sentence said twice. Outcomes too large to
    expand are reported already and left out."""
    for tree in catalog.trees.values():
        for outcome in tree.outcomes:
            if id(outcome) in oversized:
                continue
            yield from _too_many_steps(catalog, outcome)
            yield from _repeats(catalog, outcome)


def _shape(loc: Location, message: str, fix: str, node: str) -> Problem:
    return Problem(loc.file, loc.line, message, fix, node, severity=OUTCOME_SHAPE_SEVERITY)


# Every step a reader may meet, those inside conditional groups counted: past this an outcome is a wall again
# (real reports' outcomes grew to 25 before a narrowing question split them; bench/outcomes.py measures it).
MAX_READ = 12


def _too_many_steps(catalog: Catalog, outcome: Outcome) -> Iterator[Problem]:
    # Items are expanded as lists: the catalog remembers only tuples, and these are throw-away.
    count = 0
    first_over: Location | None = None
    for step in outcome.steps:
        count += 1 if isinstance(step, Conditional) else len(catalog.expand([step]))
        if count > MAX_STEPS and first_over is None:
            first_over = step.loc
        if isinstance(step, Conditional):
            inner = len(catalog.expand(step.steps))
            if inner > MAX_STEPS:
                yield _shape(
                    step.loc,
                    f"The conditional group '{step.condition.get('en')}' has {inner} steps; at most {MAX_STEPS}.",
                    "Keep what to do now when the condition holds, and move the rest to a section.",
                    outcome.id,
                )
    if first_over is not None:
        yield _shape(
            first_over,
            f"The outcome has {count} steps of its own; at most {MAX_STEPS} (a conditional group counts as one).",
            "Keep in `steps` what to do now; move support, evidence, escalation and prevention to `contact`, "
            "`prepare`, `escalate` or `later`.",
            outcome.id,
        )


def _repeats(catalog: Catalog, outcome: Outcome) -> Iterator[Problem]:
    """A shared block used twice, then any text (in either language) said twice after expanding blocks.
    A repeated block's texts are reported once, as the block."""
    uses: dict[str, Location] = {}
    texts: dict[str, ResolvedItem] = {}
    for item in outcome.items():
        if item.use is not None:
            if item.use in uses:
                first_line = uses[item.use].line
                yield _shape(
                    item.loc,
                    f"The shared block '{item.use}' is used twice in this outcome (first at line {first_line}).",
                    "Use it once: as a step, or in one section.",
                    outcome.id,
                )
                continue
            uses[item.use] = item.loc
        for resolved in catalog.expand([item]):
            first = next((texts[t] for _, t in resolved.text.translations if t in texts), None)
            if first is not None:
                yield _shape(
                    item.loc,
                    f"{_quote(resolved)} is said twice in this outcome "
                    f"(first at line {first.loc.line if first.loc else '?'}{_origin(first)}).",
                    "Say it once: delete one, or keep it in the one place it fits.",
                    outcome.id,
                )
                continue
            texts.update({t: resolved for _, t in resolved.text.translations})


def _quote(item: ResolvedItem) -> str:
    text = item.text.get("en")
    short = text if len(text) <= 50 else text[:47] + "..."
    origin = f" (from shared block '{item.source}')" if item.source else ""
    return f"The text '{short}'{origin}"


def _origin(item: ResolvedItem) -> str:
    return f", from shared block '{item.source}'" if item.source else ""


def steps_to_read(catalog: Catalog, outcome: Outcome) -> int:
    """Every step a reader may meet in `outcome`: its own (a shared block counting its items) and those inside
    its conditional groups."""
    return sum(len(catalog.expand(s.steps if isinstance(s, Conditional) else [s])) for s in outcome.steps)


def too_long_to_read(catalog: Catalog, oversized: set[int]) -> Iterator[Problem]:
    """A warning for an outcome whose steps, counting those inside its conditional groups, pass MAX_READ: each
    rule of the outcome's shape may hold and the whole still be a wall."""
    for tree in catalog.trees.values():
        for outcome in tree.outcomes:
            if id(outcome) in oversized:
                continue
            every = steps_to_read(catalog, outcome)
            if every > MAX_READ:
                yield Problem(
                    outcome.loc.file,
                    outcome.loc.line,
                    f"The outcome holds {every} steps counting those in its conditional groups; a person in trouble"
                    f" reads at most {MAX_READ}.",
                    "Ask a narrowing question before it (its answers lead to shorter outcomes, one of them a short"
                    " neutral page for 'not sure'), or cut steps that a section or shared block already says.",
                    outcome.id,
                    severity="warning",
                )
