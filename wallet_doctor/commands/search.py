"""`wallet-doctor search`: find the tree and the pages for a symptom or a pasted error message."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import print_json, setup
from wallet_doctor.errors import EXIT_INVALID, EXIT_OK
from wallet_doctor.messages import msg


def search(words: Sequence[str], output: str, lang: str | None, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Print the matching trees, best first, then the pages that may fit with the command that reaches each;
    exit 4 when nothing matches (text output only)."""
    from wallet_doctor.page_search import find_pages
    from wallet_doctor.search import search as find
    from wallet_doctor.search import shown

    language, catalog = setup(lang, trees, no_builtin)
    query = " ".join(words)
    matches = find(catalog, query)
    pages = find_pages(catalog, query, matches)
    if output == "json":
        from wallet_doctor.render.data import search_data

        print_json(search_data(query, matches, pages, language))
        return EXIT_OK
    if not matches and not pages:
        typer.echo(msg("search.none", language), err=True)
        return EXIT_INVALID
    import shlex

    from wallet_doctor.render.text import clean
    from wallet_doctor.resume import run_command, tree_options

    for m in shown(matches):
        typer.echo(f"{m.tree.id}  {clean(m.tree.title.get(language))}  (wallet-doctor run {m.tree.id})")
    if pages:
        typer.echo(f"\n{msg('search.pages', language)}")
    options = tree_options(trees or (), no_builtin)
    for page in pages:
        command = shlex.join(run_command(page.tree, page.answers, options))
        typer.echo(f"  {clean(page.outcome.title.get(language))}\n    {command}")
    return EXIT_OK
