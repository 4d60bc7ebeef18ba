"""The command that brings a person back to where a walk stands, shown by the wizard when it stops and by
scripted text output when an answer is missing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wallet_doctor.engine import Walk


def resume_command(walk: Walk, lang: str, options: Sequence[str] = ()) -> list[str]:
    """`wallet-doctor run TREE --lang LANG [options] -a QUESTION=CHOICE ...` for `walk`, as words: `options`
    are the tree folders given on the command line (--trees DIR, --no-builtin), so the command finds the
    same trees."""
    words = ["wallet-doctor", "run", walk.tree, "--lang", lang, *options]
    for question, choice in walk.as_answers().items():
        words += ["-a", f"{question}={choice}"]
    return words


def tree_options(trees: Sequence[object], no_builtin: bool) -> list[str]:
    """The command-line words that name the same trees again: each --trees folder, and --no-builtin."""
    words = [word for folder in trees for word in ("--trees", str(folder))]
    return [*words, "--no-builtin"] if no_builtin else words
