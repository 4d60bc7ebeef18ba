"""What the commands share: the catalog in force, the language, JSON output, and whether to prompt."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from wallet_doctor.error_handler import remember_language

if TYPE_CHECKING:
    from wallet_doctor.model import Catalog


def catalog_in_force(trees: Sequence[Path] | None, no_builtin: bool) -> Catalog:
    """The catalog in force, kept out of the garbage collector's sight for the rest of the process."""
    import gc

    from wallet_doctor.sources import open_catalog

    catalog = open_catalog(trees or [], builtin=not no_builtin)
    # The catalog lives as long as the process and holds no cycles: keep the garbage collector from
    # scanning its many objects again at every collection (which made docs and batch slower per case).
    gc.freeze()
    return catalog


def language(lang: str | None) -> str:
    """The language to speak (--lang, else the environment), told to the error boundary for what follows."""
    from wallet_doctor.lang import resolve

    chosen = resolve(lang)
    remember_language(chosen)
    return chosen


def setup(lang: str | None, trees: Sequence[Path] | None, no_builtin: bool) -> tuple[str, Catalog]:
    """What nearly every command starts with: the language to speak and the catalog in force."""
    chosen = language(lang)  # an unknown --lang is refused before any tree is read
    return chosen, catalog_in_force(trees, no_builtin)


def print_json(data: Any) -> None:
    """`data` as indented JSON on standard output, non-ASCII text kept as it is."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def may_prompt(no_input: bool) -> bool:
    """Whether the wizard may ask: both ends are a terminal, and neither --no-input nor CI says otherwise."""
    from wallet_doctor.files import is_terminal

    return not no_input and not os.environ.get("CI") and is_terminal(sys.stdin) and is_terminal(sys.stdout)


def color(no_color: bool) -> bool:
    """Whether to draw in colour: not with --no-color, NO_COLOR, TERM=dumb, or output that is not a terminal."""
    from wallet_doctor.files import is_terminal

    return not (no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb") and is_terminal(sys.stdout)
