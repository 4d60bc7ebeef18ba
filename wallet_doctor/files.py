"""Files on disk: listing a folder's tree files, and writing so that nothing is ever half-written (a
temporary file beside the target, then a rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from wallet_doctor.errors import UnsafeFile


def write_atomic(path: Path, content: str, *, overwrite: bool = False) -> None:
    """Write `content` to `path` whole or not at all. Refuses to replace an existing file unless `overwrite`."""
    if path.exists() and not overwrite:
        raise UnsafeFile("exists", path)
    if path.is_dir():
        raise UnsafeFile("folder", path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UnsafeFile("no_folder", folder)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UnsafeFile("cannot_write", folder, exc.strerror) from None
    try:
        # mkstemp makes the file private; give it the permissions any new file of the user's would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def tree_files(path: Path) -> list[Path]:
    """The tree and shared-steps files of a folder, in a stable order; a single file is a folder of one."""
    if path.is_file():
        return [path]
    return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
