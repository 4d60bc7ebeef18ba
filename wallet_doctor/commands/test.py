"""`wallet-doctor test`: replay golden walks against the trees in force, with a coverage line."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer

from wallet_doctor.commands.common import catalog_in_force, print_json
from wallet_doctor.errors import EXIT_INVALID, EXIT_OK, WordedError

DEFAULT_WALKS = Path("walks")
# The coverage line names this many outcomes without a walk; a single walk replayed against the built-in trees
# would otherwise print some three hundred names. `--format json` lists them all.
MISSING_SHOWN = 10


def test(paths: Sequence[Path], output: str, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Replay the walk files of `paths` (default: ./walks); exit 0 when every walk passes, else 4. The
    coverage counts the outcomes of your own trees (--trees, $WALLET_DOCTOR_TREES), or of every tree in force
    when there are none."""
    from wallet_doctor.loader import display_name
    from wallet_doctor.sources import TREES_ENV
    from wallet_doctor.walks import run_walk, walk_files, without_walk

    if not paths and not DEFAULT_WALKS.is_dir():
        raise WordedError("error.walks_none")
    files = walk_files(paths or [DEFAULT_WALKS])
    catalog = catalog_in_force(trees, no_builtin)
    results = [run_walk(catalog, path, display_name(path)) for path in files]
    own = bool(trees) or bool(os.environ.get(TREES_ENV))
    scope = _own_trees(catalog) if own and not no_builtin else None
    missing = without_walk(catalog, results, scope)
    total = sum(1 for t in (scope if scope is not None else catalog.trees) for _ in catalog.trees[t].outcomes)
    failed = [r for r in results if not r.passed]
    if output == "json":
        print_json(_data(results, total, missing))
    else:
        for result in failed:
            where = f" ({result.tree} -> {result.expected})" if result.tree else ""
            for failure in result.failures:
                typer.echo(f"FAIL {result.file}{where}: {failure}")
        typer.echo(f"{len(results)} walk(s): {len(results) - len(failed)} passed, {len(failed)} failed.")
        covered = f"Coverage: {total - len(missing)} of {total} outcome(s) have a walk"
        typer.echo(f"{covered}; without one: {_listed(missing)}." if missing else f"{covered}.")
        if failed:
            typer.echo("Fix the tree, or record the walk again if the change is meant.", err=True)
    return EXIT_INVALID if failed else EXIT_OK


def _listed(missing: Sequence[str]) -> str:
    """The first outcomes without a walk, and how many more `--format json` would list."""
    shown = ", ".join(missing[:MISSING_SHOWN])
    more = len(missing) - MISSING_SHOWN
    return f"{shown} and {more} more (--format json lists them all)" if more > 0 else shown


def _own_trees(catalog: Any) -> list[str]:
    """The trees that do not come from the built-in folder: an organisation's own."""
    from wallet_doctor.sources import builtin_trees

    builtin = builtin_trees().resolve()
    return [t.id for t in catalog.trees.values() if not Path(t.loc.file).resolve().is_relative_to(builtin)]


def _data(results: Sequence[Any], total: int, missing: list[str]) -> dict[str, Any]:
    from wallet_doctor.render.data import SCHEMA_VERSION

    return {
        "schema_version": SCHEMA_VERSION,
        "passed": all(r.passed for r in results),
        "walks": [
            {
                "file": r.file,
                "tree": r.tree,
                "outcome": r.expected,
                "reached": r.reached,
                "passed": r.passed,
                "failures": list(r.failures),
            }
            for r in results
        ],
        "coverage": {"outcomes": total, "with_walk": total - len(missing), "without_walk": missing},
    }
