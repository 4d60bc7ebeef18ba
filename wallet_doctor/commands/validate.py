"""`wallet-doctor validate`: check trees for authors, every problem located, coded and with its fix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import print_json
from wallet_doctor.errors import EXIT_INVALID, EXIT_OK, Problem


def validate(paths: Sequence[Path], strict: bool, output: str, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Check `paths` (files or folders) in the context of the trees in force, or, with none, the trees in
    force; exit 4 on any error, or on any warning with `strict`."""
    from wallet_doctor.sources import load, load_in_context, tree_folders

    if paths:
        catalog, problems, files = load_in_context(paths, trees or [], builtin=not no_builtin)
    else:
        folders = tree_folders(trees or [], builtin=not no_builtin)
        catalog, problems = load(folders, use_cache=False)  # an author asking for a check gets a fresh one
        files = len(catalog.trees) + len({b.loc.file for b in catalog.shared.values()})
    errors = [p for p in problems if p.is_error or strict]
    if output == "json":
        from wallet_doctor.render.data import validate_data

        print_json(validate_data(problems, valid=not errors))
    elif output == "github":
        for problem in problems:
            typer.echo(github_annotation(problem))
    else:
        for problem in problems:
            typer.echo(str(problem))
    if output != "json":
        warnings = sum(1 for p in problems if not p.is_error)
        count = sum(1 for p in problems if p.is_error)
        summary = f"{count} error(s), {warnings} warning(s) in {files} file(s)."
        typer.echo(summary if problems else f"All {files} file(s) are valid.", err=True)
    return EXIT_INVALID if errors else EXIT_OK


def github_annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions workflow command, so a pull request shows it on its line."""
    properties = [f"file={_escape_property(problem.file)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    properties.append(f"title={problem.code}")
    return f"::{problem.severity} {','.join(properties)}::{_escape_data(problem.text)}"


def _escape_data(text: str) -> str:
    # As GitHub's toolkit does (`escapeData` in @actions/core): % first, then the line breaks.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # `escapeProperty`: a property value also may not hold the separators ':' and ','.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
