"""The one error boundary (pre-commit's error_handler is the model). cli.py runs every command inside
`error_handler()`, so a new command cannot forget it: the project's errors print once, worded in the
user's language with what to run next, and exit with their code; an interrupt exits 130; anything else
is a bug, reported without a traceback (unless $WALLET_DOCTOR_DEBUG is set)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import typer

from wallet_doctor.errors import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    BrokenWalk,
    InvalidTrees,
    UnknownQuestion,
    UnknownTree,
    WalletDoctorError,
    printable,
)
from wallet_doctor.locales import locale
from wallet_doctor.messages import msg

DEBUG_ENV = "WALLET_DOCTOR_DEBUG"
# The language the running command chose; set by the command, owned (reset) by the boundary.
_language: ContextVar[str | None] = ContextVar("wallet_doctor_language", default=None)


def describe(exc: WalletDoctorError, lang: str) -> str:
    """The whole message of `exc` in `lang`, ending with the command that helps when there is one."""
    text = exc.message(lang)
    hint = _hint(exc, lang)
    return f"{text}{locale(lang).sentence_separator}{hint}" if hint else text


def _hint(exc: WalletDoctorError, lang: str) -> str | None:
    # The core's errors name no command; what to run next is the command line's to say.
    if isinstance(exc, UnknownTree):
        return msg("hint.list", lang)
    if isinstance(exc, UnknownQuestion):
        return msg("hint.show", lang).format(tree=exc.tree_id)
    if isinstance(exc, InvalidTrees):
        return msg("hint.validate", lang)
    if isinstance(exc, BrokenWalk):
        return msg("hint.validate_walk", lang)
    return None


def remember_language(lang: str) -> None:
    """Tell the boundary which language the running command speaks, for the errors still to come."""
    _language.set(lang)


def language_in_force() -> str:
    """The language the command chose, or, before it chose one, the one its environment asks for."""
    chosen = _language.get()
    if chosen is not None:
        return chosen
    from wallet_doctor.lang import from_locale, resolve

    try:
        return resolve(None)
    except WalletDoctorError:  # $WALLET_DOCTOR_LANG itself is what is wrong: word that by the locale
        return from_locale()


@contextmanager
def error_handler() -> Iterator[None]:
    """Run the block; turn what it raises into one message on standard error and an exit code."""
    token = _language.set(None)
    try:
        yield
    except WalletDoctorError as exc:
        # Messages quote what the user gave (-a keys, answers files, file names): control characters escaped.
        typer.echo(f"wallet-doctor: {printable(describe(exc, language_in_force()))}", err=True)
        raise typer.Exit(exc.exit_code) from None
    except (KeyboardInterrupt, EOFError):
        typer.echo("", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # The reader (head, a closed pipe) went away; there is no one left to tell.
        sys.stderr.close()
        raise typer.Exit(0) from None
    except Exception as exc:
        from wallet_doctor.files import write_failure

        failure = write_failure(exc)
        if failure is not None:  # a full disk: the user's to fix, not a bug
            print(failure, file=sys.stderr)
            raise typer.Exit(EXIT_INVALID) from None
        if _from_the_command_line_library(exc) or os.environ.get(DEBUG_ENV):
            raise  # click's and typer's own (an exit code, a usage error) are theirs to word
        error = f"{type(exc).__name__}: {exc}"
        print(f"wallet-doctor: {msg('error.bug', language_in_force()).format(error=error)}", file=sys.stderr)
        raise typer.Exit(EXIT_BUG) from None
    finally:
        _language.reset(token)


def _from_the_command_line_library(exc: Exception) -> bool:
    # typer vendors click from 0.28 on: both packages' exceptions are recognised by where they live.
    return type(exc).__module__.split(".")[0] in ("click", "typer")
