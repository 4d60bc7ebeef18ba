"""`wallet-doctor batch`: triage many cases, one JSON line in and one result line out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import typer

from wallet_doctor.commands.common import setup
from wallet_doctor.errors import WordedError


def batch(cases: str, lang: str | None, trees: Sequence[Path] | None, no_builtin: bool) -> int:
    """Walk every case of the file `cases` ('-' for standard input) and print a summary to standard error;
    the exit code is the summary's (0, 3 or 4)."""
    from wallet_doctor.batch import run_batch

    language, catalog = setup(lang, trees, no_builtin)
    if cases == "-":
        from wallet_doctor.files import standard_input

        summary = run_batch(standard_input("cases"), catalog, language, sys.stdout)
    else:
        try:
            stream = Path(cases).open("rb")  # noqa: SIM115 - closed by the with below; opened apart to word errors
        except FileNotFoundError:
            raise WordedError("error.cases_missing", path=cases) from None
        except OSError as exc:
            raise WordedError("error.cases_unreadable", path=cases, detail=exc.strerror) from None
        with stream:
            summary = run_batch(stream, catalog, language, sys.stdout)
    sys.stdout.flush()
    for line in summary.lines():
        typer.echo(line, err=True)
    return summary.exit_code
