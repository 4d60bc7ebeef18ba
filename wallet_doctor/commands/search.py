"""`wallet-doctor search`: find the tree for a symptom or a pasted error message."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import print_json, setup
from wallet_doctor.errors import EXIT_INVALID, EXIT_OK
from wallet_doctor.messages import msg


def search(words: Sequence[str], output: str, lang: str | None, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Print the matching trees, best first; exit 4 when none matches (text output only)."""
    from wallet_doctor.search import search as find

    language, catalog = setup(lang, trees, no_builtin)
    query = " ".join(words)
    matches = find(catalog, query)
    if output == "json":
        from wallet_doctor.render.data import search_data

        print_json(search_data(query, matches, language))
        return EXIT_OK
    if not matches:
        typer.echo(msg("search.none", language), err=True)
        return EXIT_INVALID
    from wallet_doctor.render.text import clean

    for m in matches:
        typer.echo(f"{m.tree.id}  {clean(m.tree.title.get(language))}  (wallet-doctor run {m.tree.id})")
    return EXIT_OK
