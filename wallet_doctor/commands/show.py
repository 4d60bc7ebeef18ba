"""`wallet-doctor show`: a tree as an outline of its questions, choices and where they lead."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import setup
from wallet_doctor.errors import EXIT_OK, UnknownTree


def show(tree: str, lang: str | None, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Print the outline of `tree`; an unknown tree is refused with the valid ones."""
    from wallet_doctor.outline import outline

    language, catalog = setup(lang, trees, no_builtin)
    if tree not in catalog.trees:
        raise UnknownTree(tree, list(catalog.trees))
    typer.echo(outline(catalog, tree, language), nl=False)
    return EXIT_OK
