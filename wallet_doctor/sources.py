"""Where the trees in force come from: the built-in trees, then an organisation's folders on top."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wallet_doctor.errors import InvalidTrees, Problem, WalletDoctorError
from wallet_doctor.files import tree_files

if TYPE_CHECKING:
    from wallet_doctor.model import Catalog

TREES_ENV = "WALLET_DOCTOR_TREES"


def builtin_trees() -> Path:
    """The built-in trees: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "decision_trees"
    return packaged if packaged.is_dir() else here.parent / "decision_trees"


def tree_folders(extra: Sequence[Path] = (), builtin: bool = True, required: bool = True) -> list[Path]:
    """The folders in force, later ones overriding earlier: built-in, $WALLET_DOCTOR_TREES, then `extra`
    (none at all is refused when `required`)."""
    folders = [builtin_trees()] if builtin else []
    from_env = [Path(p) for p in os.environ.get(TREES_ENV, "").split(os.pathsep) if p]
    for folder in [*from_env, *extra]:
        check_folder(folder)
        folders.append(folder)
    if not folders and required:
        raise WalletDoctorError("--no-builtin leaves no trees. Give a folder of trees with --trees DIR.")
    return folders


def check_path(path: Path) -> None:
    """Refuse what `validate PATH` cannot check: a tree file is read (and its problems reported) by the
    loader; anything else must be a usable folder of trees."""
    try:
        is_file = path.is_file()
    except OSError as exc:  # on Python 3.11, a folder above that cannot be searched (chmod 000)
        raise WalletDoctorError(
            f"Cannot reach '{path}': {exc.strerror}. Check the permissions of the folders above it."
        ) from None
    if not is_file:
        check_folder(path)


def check_folder(folder: Path) -> None:
    """Refuse a folder of trees that is missing, a file, unreadable or empty, saying what to do."""
    try:
        # On Python 3.11 exists() raises when a folder above cannot be searched (chmod 000).
        if not folder.exists():
            raise WalletDoctorError(f"The trees folder '{folder}' does not exist. Check the path given to --trees.")
        if not folder.is_dir():
            raise WalletDoctorError(
                f"'{folder}' is a file, not a folder of trees. Give --trees the folder that holds it."
            )
        files = tree_files(folder)
    except OSError as exc:
        raise WalletDoctorError(
            f"Cannot read the trees folder '{folder}': {exc.strerror}. Check its permissions."
        ) from exc
    if not files:
        raise WalletDoctorError(f"The folder '{folder}' holds no tree files (*.yaml). Check the path given to --trees.")


def load(folders: Sequence[Path], use_cache: bool = True) -> tuple[Catalog, list[Problem]]:
    """The catalog of `folders` and every problem found in it, errors and warnings (cached while the
    files are unchanged, unless `use_cache` is False)."""
    if not use_cache:
        return _load_and_validate(folders)
    from wallet_doctor.cache import cached

    result: tuple[Catalog, list[Problem]] = cached(folders, lambda: _load_and_validate(folders))
    return result


def _load_and_validate(folders: Sequence[Path]) -> tuple[Catalog, list[Problem]]:
    # Imported here: a call answered from the cache never needs the loader, the validator or yaml.
    from wallet_doctor.gcpause import collector_paused
    from wallet_doctor.loader import load_catalog
    from wallet_doctor.validation import validate

    # Validating a large catalog allocates a lot; with the collector on, each full collection would scan the
    # whole catalog again (on 11,400 nodes that tripled validation's time). See gcpause.py.
    with collector_paused():
        catalog, problems = load_catalog(folders)
        return catalog, sorted([*problems, *validate(catalog)], key=lambda p: (p.file, p.line))


def load_in_context(
    paths: Sequence[Path], extra: Sequence[Path] = (), builtin: bool = True
) -> tuple[Catalog, list[Problem], int]:
    """Check the tree files `paths` (files or folders) in the context of the trees in force: the catalog
    they make together (a given file replaces the file of the same path in force, a given tree or block
    the one of the same id) and the problems of the given files, plus those they cause in other files (a
    problem of another file that it does not have without them); and how many files were given."""
    from wallet_doctor.gcpause import collector_paused

    for path in paths:
        check_path(path)
    with collector_paused():  # as in _load_and_validate: a full collection would rescan the whole catalog
        return _load_in_context(paths, extra, builtin)


def _load_in_context(paths: Sequence[Path], extra: Sequence[Path], builtin: bool) -> tuple[Catalog, list[Problem], int]:
    from wallet_doctor.loader import display_name, load_catalog
    from wallet_doctor.validation import validate

    given = [file for path in paths for file in tree_files(path)]
    resolved = frozenset(file.resolve() for file in given)
    shown = {display_name(file) for file in given}
    context = tree_folders(extra, builtin, required=False)
    catalog, problems = load_catalog([*context, tuple(paths)], exclude=resolved)
    found = [*problems, *validate(catalog)]
    mine = [p for p in found if p.file in shown]
    others = [p for p in found if p.file not in shown]
    if others:
        before_catalog, before_problems = load_catalog(context, exclude=resolved)
        before = {*before_problems, *validate(before_catalog)}
        mine.extend(p for p in others if p not in before)
    return catalog, sorted(mine, key=lambda p: (p.file, p.line)), len(resolved)


def open_catalog(extra: Sequence[Path] = (), builtin: bool = True) -> Catalog:
    """The catalog in force, ready to walk; raises InvalidTrees when any tree has an error."""
    catalog, problems = load(tree_folders(extra, builtin))
    if any(p.is_error for p in problems):
        raise InvalidTrees(problems)
    return catalog
