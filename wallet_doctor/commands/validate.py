"""`wallet-doctor validate`: check trees for authors, every problem located and with its fix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import print_json
from wallet_doctor.errors import EXIT_INVALID, EXIT_OK


def validate(directory: Path | None, strict: bool, output: str, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Check `directory` (a file or folder on its own) or the trees in force; exit 4 on any error, or on
    any warning with `strict`."""
    from wallet_doctor.sources import check_path, load, tree_folders

    if directory is not None:
        check_path(directory)
        folders = [directory]
    else:
        folders = tree_folders(trees or [], builtin=not no_builtin)
    catalog, problems = load(folders, use_cache=False)  # an author asking for a check gets a fresh one
    errors = [p for p in problems if p.is_error or strict]
    if output == "json":
        from wallet_doctor.render.data import validate_data

        print_json(validate_data(problems, valid=not errors))
    else:
        for problem in problems:
            typer.echo(str(problem))
        warnings = sum(1 for p in problems if not p.is_error)
        count = sum(1 for p in problems if p.is_error)
        trees_count, files = len(catalog.trees), len(catalog.trees) + len({b.loc.file for b in catalog.shared.values()})
        summary = f"{count} error(s), {warnings} warning(s) in {trees_count} tree(s)."
        typer.echo(summary if problems else f"All {files} file(s) are valid: {trees_count} tree(s).", err=True)
    return EXIT_INVALID if errors else EXIT_OK
