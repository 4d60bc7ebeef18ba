"""`wallet-doctor docs`: write the Markdown pages and HTML troubleshooters generated from the trees."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import catalog_in_force
from wallet_doctor.errors import EXIT_OK


def docs(
    out: Path,
    langs: Sequence[str] | None,
    formats: Sequence[str],
    trees: Sequence[Path] | None,
    no_builtin: bool,
    overwrite: bool = False,
) -> int:
    """Write the pages of every language in `langs` (default: all) and format in `formats` into `out`."""
    from wallet_doctor.docs import generate
    from wallet_doctor.docs.html import INDEX
    from wallet_doctor.lang import resolve
    from wallet_doctor.locales import LANGUAGES
    from wallet_doctor.messages import msg

    catalog = catalog_in_force(trees, no_builtin)
    languages = [resolve(code) for code in langs] if langs else list(LANGUAGES)
    written = generate(catalog, out, list(dict.fromkeys(languages)), list(formats), overwrite=overwrite)
    speak = resolve(None)  # the person's language; --lang chose the pages'
    typer.echo(msg("docs.wrote", speak).format(count=len(written), out=out), err=True)
    # Where to start: the root index.html opens the troubleshooter in the browser's language.
    start = out.resolve() / (INDEX if "html" in formats else "index.md")
    if "html" in formats:
        typer.echo(msg("docs.open_html", speak).format(uri=start.as_uri()), err=True)
    else:
        typer.echo(msg("docs.open_markdown", speak).format(path=start), err=True)
    return EXIT_OK
