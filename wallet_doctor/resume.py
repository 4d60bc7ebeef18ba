"""Bringing a person back to where a walk stands: the command shown by the wizard when it stops and by
scripted text output when an answer is missing, and the interrupted walk kept in the user's state folder
for the next `wallet-doctor` to offer."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wallet_doctor.engine import Walk
    from wallet_doctor.model import Catalog


def resume_command(walk: Walk, lang: str, options: Sequence[str] = ()) -> list[str]:
    """`wallet-doctor run TREE --lang LANG [options] -a QUESTION=CHOICE ...` for `walk`, as words: `options`
    are the tree folders given on the command line (--trees DIR, --no-builtin), so the command finds the
    same trees."""
    return run_command(walk.tree, walk.as_answers().items(), ["--lang", lang, *options])


def run_command(tree: str, answers: Iterable[tuple[str, str]], options: Sequence[str] = ()) -> list[str]:
    """`wallet-doctor run TREE [options] -a QUESTION=CHOICE ...`, as words."""
    words = ["wallet-doctor", "run", tree, *options]
    for question, choice in answers:
        words += ["-a", f"{question}={choice}"]
    return words


def tree_options(trees: Sequence[object], no_builtin: bool) -> list[str]:
    """The command-line words that name the same trees again: each --trees folder, and --no-builtin."""
    words = [word for folder in trees for word in ("--trees", str(folder))]
    return [*words, "--no-builtin"] if no_builtin else words


# -- the interrupted walk, kept for the next start ---------------------------------------------------------

_SAVED_NAME = "interrupted-walk.json"


def state_folder() -> Path:
    """Where wallet-doctor keeps what it must remember between runs: $XDG_STATE_HOME/wallet-doctor
    (~/.local/state/wallet-doctor by default)."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "wallet-doctor"


def _private_folder(make: bool) -> Path | None:
    """The state folder when it is a real folder (not a link) the user owns that no one else may write to;
    None otherwise, and then nothing is kept (as the catalog cache does, see cache.py)."""
    folder = state_folder()
    try:
        if make:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = folder.lstat()
    except (OSError, ValueError):
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None
    return folder


@dataclass(frozen=True)
class SavedWalk:
    """A walk stopped before its outcome: the tree it started in, its answers in order, and the language."""

    tree: str
    answers: dict[str, str]
    lang: str
    saved: str  # when, as ISO 8601 local time


def save_interrupted(walk: Walk, lang: str, saved: str) -> Path | None:
    """Keep `walk` so that the next `wallet-doctor` can offer to continue it; the file written, or None
    when the state folder cannot be used (the resume command printed is then the only way back)."""
    from wallet_doctor.errors import UnsafeFile
    from wallet_doctor.files import write_atomic

    if not walk.answers:
        return None
    folder = _private_folder(make=True)
    if folder is None:
        return None
    data = {"tree": walk.tree, "answers": walk.as_answers(), "lang": lang, "saved": saved}
    path = folder / _SAVED_NAME
    try:
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", overwrite=True)
    except UnsafeFile:
        return None
    return path


def load_interrupted(catalog: Catalog) -> SavedWalk | None:
    """The walk saved by save_interrupted when it still fits `catalog` (its tree and every answer);
    None when there is none, or it is unreadable or no longer fits (then it is forgotten)."""
    from wallet_doctor.errors import WalletDoctorError

    folder = _private_folder(make=False)
    if folder is None:
        return None
    path = folder / _SAVED_NAME
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        saved = SavedWalk(
            str(data["tree"]),
            {str(k): str(v) for k, v in dict(data["answers"]).items()},
            str(data["lang"]),
            str(data["saved"]),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        forget_interrupted()
        return None
    try:
        from wallet_doctor.engine import check_answers

        check_answers(catalog, saved.tree, saved.answers)
    except WalletDoctorError:
        forget_interrupted()
        return None
    return saved if saved.answers else None


def forget_interrupted() -> None:
    """Remove the saved walk, if any (continued, declined, or finished)."""
    folder = _private_folder(make=False)
    if folder is not None:
        with contextlib.suppress(OSError):
            (folder / _SAVED_NAME).unlink()
