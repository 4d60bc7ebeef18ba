"""`wallet-doctor paths`: every sequence of answers through a tree and the outcome it reaches."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import print_json, setup
from wallet_doctor.errors import EXIT_OK


def paths(tree: str, output: str, lang: str | None, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Print each walk through `tree` as `-a` flags and its outcome, or as JSON (`output`)."""
    from wallet_doctor.paths import all_paths

    language, catalog = setup(lang, trees, no_builtin)
    walks = all_paths(catalog, tree)
    if output == "json":
        from wallet_doctor.render.data import paths_data

        print_json(paths_data(tree, walks))
        return EXIT_OK
    from wallet_doctor.render.text import clean

    for w in walks:
        flags = " ".join(f"-a {q}={c}" for q, c in w.as_answers().items())
        assert w.outcome is not None
        typer.echo(f"{flags} => {w.outcome.id}: {clean(w.outcome.title.get(language))}")
    return EXIT_OK
