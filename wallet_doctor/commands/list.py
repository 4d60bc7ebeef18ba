"""`wallet-doctor list`: the trees in force, with id, title and size."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import print_json, setup
from wallet_doctor.errors import EXIT_OK
from wallet_doctor.messages import msg


def list_trees(output: str, lang: str | None, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Print every tree in force, sorted by id, as text or JSON (`output`); always exit 0."""
    from wallet_doctor.render.data import list_data

    language, catalog = setup(lang, trees, no_builtin)
    data = list_data(catalog, language)
    if output == "json":
        print_json(data)
        return EXIT_OK
    from wallet_doctor.render.text import clean

    rows = data["trees"]
    width = max((len(r["id"]) for r in rows), default=0)
    for r in rows:
        size = msg("list.size", language).format(questions=r["questions"], outcomes=r["outcomes"])
        typer.echo(f"{r['id']:<{width}}  {clean(r['title'])}  {size}")
    return EXIT_OK
