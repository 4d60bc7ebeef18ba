"""Files on disk: listing a folder's tree files, and writing so that nothing is ever half-written (a
temporary file beside the target, then a rename)."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from wallet_doctor.errors import UnsafeFile

# Errors of a full, read-only or failing disk: the user's to fix, not a bug.
_DISK_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS)
CLOSED_OUTPUT = (
    "wallet-doctor: standard output is closed, so the result would be lost. Run it with its output going to "
    "a terminal, a file or a pipe."
)


def write_failure(exc: BaseException) -> str | None:
    """The message for an error writing the output (a full disk...), or None when `exc` is something else."""
    if isinstance(exc, OSError) and exc.errno in _DISK_ERRORS:
        return f"wallet-doctor: cannot write the output: {exc.strerror}. Free some space, or write it elsewhere."
    return None


@contextlib.contextmanager
def stop_on_termination(stop: Callable[[], None] | None = None) -> Iterator[None]:
    """For the duration, SIGTERM and SIGHUP stop the program as Ctrl-C does (KeyboardInterrupt, or what
    `stop` does): what is being written is finished or removed and the terminal restored, instead of dying
    mid-write. A signal the caller ignores (nohup) stays ignored. Only the main thread can take signals."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: Any) -> None:
        if stop is not None:
            stop()
            return
        raise KeyboardInterrupt

    previous: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, interrupt)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def standard_input(what: str) -> BinaryIO:
    """Standard input as bytes, for `what` ('answers' or 'cases'); a closed one (`<&-`) is refused."""
    if sys.stdin is None or getattr(sys.stdin, "buffer", None) is None:
        raise UnsafeFile(f"stdin_closed_{what}", "-")
    return sys.stdin.buffer


def is_terminal(stream: object) -> bool:
    """Whether `stream` (sys.stdin, sys.stdout) is a terminal; False when it is closed (None)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


# link() errors of file systems without hard links (FAT, some network shares): fall back to a check.
_NO_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK, errno.EXDEV)


def _place_new(temporary: str, path: Path) -> None:
    """Give the written temporary file the name `path` only if no file has that name, atomically: a file
    created there since the first check (by another program) is never replaced."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise UnsafeFile("exists", path) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(path):
            raise UnsafeFile("exists", path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def check_target(path: Path, *, overwrite: bool = False) -> None:
    """Refuse, before any work, a file that write_atomic would refuse: an existing one (unless
    `overwrite`), a folder, or one in a folder that does not exist."""
    if path.exists() and not overwrite:
        raise UnsafeFile("exists", path)
    if path.is_dir():
        raise UnsafeFile("folder", path)
    if path.exists() and not path.is_file():
        # /dev/stdout, a named pipe: renaming over it would replace the device or pipe itself.
        raise UnsafeFile("not_regular", path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UnsafeFile("no_folder", folder)


def write_atomic(path: Path, content: str, *, overwrite: bool = False) -> None:
    """Write `content` to `path` whole or not at all. Refuses to replace an existing file unless `overwrite`."""
    check_target(path, overwrite=overwrite)
    temporary = _written_beside(path, content)
    try:
        if overwrite:
            os.replace(temporary, path)
        else:
            _place_new(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise UnsafeFile("cannot_write_file", path, exc.strerror) from None
        raise


def write_all_atomic(files: dict[Path, str]) -> None:
    """Write many files, replacing any of the same name, so that a failure or an interrupt while writing
    leaves every one as it was: all are written beside their targets first, then each renamed in turn."""
    written: list[tuple[str, Path]] = []
    try:
        for path, content in files.items():
            written.append((_written_beside(path, content), path))
        while written:
            temporary, path = written[0]
            os.replace(temporary, path)
            written.pop(0)
    except BaseException as exc:
        for temporary, _path in written:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(exc, OSError):
            raise UnsafeFile("cannot_write_file", written[0][1] if written else "", exc.strerror) from None
        raise


def _written_beside(path: Path, content: str) -> str:
    """A new temporary file in `path`'s folder holding `content`, synced to disk; its name."""
    check_target(path, overwrite=True)
    folder = path.parent if str(path.parent) else Path(".")
    import tempfile  # here: it imports random and hashlib, 10 ms that main(), importing this module, need not pay

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
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise UnsafeFile("cannot_write_file", path, exc.strerror) from None
        raise
    return temporary


def tree_files(path: Path) -> list[Path]:
    """The tree and shared-steps files of a folder, in a stable order; a single file is a folder of one.
    Hidden files are not trees: an editor's `.x.yaml`, macOS's `._x.yaml` resource forks."""
    if path.is_file():
        return [path]
    return sorted(
        p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith(".") and p.is_file()
    )
