"""Documentation generated from the trees (`wallet-doctor docs`): Markdown pages with Mermaid flowcharts
and a self-contained HTML troubleshooter per language. The output never depends on the date or the
machine, so it can be committed and compared."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path

from wallet_doctor.docs.html import INDEX, PAGE, language_index, troubleshooter
from wallet_doctor.docs.markdown import index_page, root_index, tree_page
from wallet_doctor.docs.order import tree_order
from wallet_doctor.errors import UnsafeFile, WalletDoctorError
from wallet_doctor.files import stop_on_termination, write_all_atomic
from wallet_doctor.gcpause import collector_paused
from wallet_doctor.model import Catalog

__all__ = ["FORMATS", "generate", "pages"]

FORMATS = ("markdown", "html")
# Every page written carries this (Markdown on its first line, HTML in its head): a file without it was
# written by someone else, and is replaced only with --overwrite.
MARK = b"Generated from the decision trees by `wallet-doctor docs`."


def pages(catalog: Catalog, langs: Sequence[str], formats: Sequence[str]) -> dict[str, str]:
    """Every file's text by its path relative to the output folder, in the order they are written:
    `index.md` and `index.html` (which opens the troubleshooter in the browser's language), then per
    language `<lang>/index.md`, `<lang>/<tree>.md` and `<lang>/troubleshooter.html`."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise WalletDoctorError(f"Unknown docs format '{unknown[0]}'. Use one of: {', '.join(FORMATS)}.")
    html = "html" in formats
    files: dict[str, str] = {}
    if "markdown" in formats:
        files["index.md"] = root_index(langs, html)
    if html:
        files[INDEX] = language_index(langs)
    for lang in langs:
        if "markdown" in formats:
            files[f"{lang}/index.md"] = index_page(catalog, lang, langs, html)
            for tree_id in tree_order(catalog):
                files[f"{lang}/{tree_id}.md"] = tree_page(catalog, tree_id, lang, langs)
        if html:
            files[f"{lang}/{PAGE}"] = troubleshooter(catalog, lang, langs)
    return files


def generate(catalog: Catalog, out: Path, langs: list[str], formats: list[str], overwrite: bool = False) -> list[Path]:
    """Write the docs of `catalog` under `out` (created if missing) and return the files written. Existing
    pages an earlier run wrote are replaced, each one whole or not at all; a file of the same name that it
    did not write is replaced only with `overwrite`, and otherwise nothing is written. No other file is
    touched."""
    if out.exists() and not out.is_dir():
        raise WalletDoctorError(f"'{out}' is a file. Give --out a folder (it is created if missing).")
    with collector_paused():  # the pages' data is large and cycle-free: see gcpause.py
        files = pages(catalog, langs, formats)
    if not overwrite:
        foreign = [out / relative for relative in files if not _replaceable(out / relative)]
        if foreign:
            others = len(foreign) - 1
            raise UnsafeFile("foreign_docs" if others else "foreign_doc", foreign[0], str(others))
    targets = {out / relative: text for relative, text in files.items()}
    for folder in dict.fromkeys(path.parent for path in targets):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WalletDoctorError(
                f"Cannot create the folder '{folder}': {exc.strerror}. Choose another --out."
            ) from None
    # Every page is written beside its target before any is renamed: killed (SIGTERM/SIGHUP stop it as
    # Ctrl-C does) or failing while writing, the folder keeps the old pages and no temporary file.
    with stop_on_termination():
        write_all_atomic(targets)
    return list(targets)


def _replaceable(path: Path) -> bool:
    """True when `path` is free, or holds a page an earlier run wrote (it carries MARK near its start)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False  # a folder, a device, a pipe (opening one would wait for a writer for ever)
        with path.open("rb") as handle:
            return MARK in handle.read(4096)
    except FileNotFoundError:
        return True
    except OSError:
        return False  # unreadable: not ours to replace
