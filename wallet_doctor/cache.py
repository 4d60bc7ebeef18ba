"""A cache of loaded and validated trees, so that a scripted call does not parse YAML every time.

Measured: loading and validating the built-in trees costs about 100 ms and importing yaml 20 ms more,
against a few ms to read this cache (see bench/). The key is every tree file's name, size, modification
and change times, inode and device, plus the program's version and the working folder (problems name files
relative to it), so any edit misses the cache, even one that keeps the size and restores the mtime.

The cache is JSON of plain values, read back into the model's own classes by name from a fixed list: reading
it cannot run code, whatever the file holds. It still lives only in a folder the user owns and no one else
may write to; files are opened without following links and created with O_EXCL, so another user can neither
plant a cache nor make us overwrite a file through a link.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wallet_doctor import __version__
from wallet_doctor.errors import Problem
from wallet_doctor.files import tree_files
from wallet_doctor.gcpause import collector_paused
from wallet_doctor.model import (
    Catalog,
    Choice,
    Conditional,
    Item,
    Jump,
    Location,
    Outcome,
    Question,
    SharedBlock,
    Text,
    Tree,
)

CACHE_ENV = "WALLET_DOCTOR_CACHE_DIR"
NO_CACHE_ENV = "WALLET_DOCTOR_NO_CACHE"
DEBUG_ENV = "WALLET_DOCTOR_DEBUG"
KEEP = 8
STALE_TEMPORARY_SECONDS = 3600  # a writer killed mid-write leaves its temporary file; drop it after an hour
FORMAT = 1  # bump when the encoding below changes
_NAME = re.compile(r"catalog-[0-9a-f]{32}\.json")
_TEMPORARY = re.compile(r"\.catalog-[0-9a-f]{32}\.json\.[0-9a-f]{16}\.tmp")
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

# The only classes a cache file may name, each built with its own constructor from its fields in order.
_CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Location, Text, Item, Conditional, Choice, Question, Outcome, Jump, Tree, SharedBlock, Catalog, Problem)
}
_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls) if f.init) for cls in _CLASSES.values()
}
_SLOTTED = {cls for cls in _CLASSES.values() if not hasattr(cls, "__dict__") or "__slots__" in vars(cls)}
_POST_INIT = {cls for cls in _CLASSES.values() if hasattr(cls, "__post_init__")}


def cache_folder() -> Path | None:
    if os.environ.get(NO_CACHE_ENV):
        return None
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wallet-doctor"


def cache_key(folders: Sequence[Path]) -> str | None:
    """A hash of every tree file's path and identity (size, times, inode); None when a folder cannot be listed."""
    digest = hashlib.sha256(f"{__version__}|{sys.version}|{FORMAT}\n".encode())
    digest.update(os.fsencode(os.getcwd()) + b"\n")
    try:
        # The classes cached live in these modules: a change to them (in development) must miss the cache.
        modules = [Path(__file__).with_name(name) for name in ("model.py", "errors.py", "cache.py")]
        for folder in folders:
            modules.extend(tree_files(folder))
        for path in modules:
            info = path.stat()
            digest.update(os.fsencode(path.resolve()))
            digest.update(
                f"|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}|{info.st_ino}|{info.st_dev}\n".encode()
            )
    except (OSError, ValueError):
        return None
    return digest.hexdigest()[:32]


def cached(
    folders: Sequence[Path], build: Callable[[], tuple[Catalog, list[Problem]]]
) -> tuple[Catalog, list[Problem]]:
    """`build()`'s result for these folders, from the cache when the files are unchanged."""
    folder = cache_folder()
    key = cache_key(folders) if folder is not None else None
    if folder is None or key is None:
        return build()
    with _safe_folder(folder) as descriptor:
        if descriptor is None:
            return build()
        name = f"catalog-{key}.json"
        found = _read(descriptor, name)
        if found is not None:
            return found
        value = build()
        _write(descriptor, name, value)
        return value


def _debug(message: str) -> None:
    if os.environ.get(DEBUG_ENV):
        sys.stderr.write(f"wallet-doctor: {message}\n")


@contextlib.contextmanager
def _safe_folder(folder: Path) -> Iterator[int | None]:
    """A descriptor of the cache folder, or None (run without a cache) when it cannot be made or trusted:
    it must be a folder (not a link to one) the user owns that no one else may write to."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Not through a link either: in a shared parent, another user could point one at a folder of the
        # user's own (which would pass the checks below) to make us write there.
        descriptor = os.open(folder, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC)
    except (OSError, ValueError) as exc:
        _debug(f"no catalog cache: cannot use the folder '{folder}' ({getattr(exc, 'strerror', None) or exc}).")
        yield None
        return
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
            _debug(
                f"no catalog cache: the folder '{folder}' is not yours alone (owner or permissions); "
                "make it private with `chmod 700`, or set WALLET_DOCTOR_CACHE_DIR."
            )
            yield None
        else:
            yield descriptor
    finally:
        os.close(descriptor)


def _read(folder: int, name: str) -> tuple[Catalog, list[Problem]] | None:
    try:
        # O_NONBLOCK: a pipe of that name must not make the open wait (a regular file ignores the flag).
        descriptor = os.open(name, os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC | _O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None  # missing, or a link (O_NOFOLLOW): rebuilt
    try:
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None  # written by someone else, or writable by others: not trusted
            data = handle.read()
        with collector_paused():
            value = json.loads(data, object_hook=_decode_object)
        catalog, problems = value
        if not isinstance(catalog, Catalog) or not all(isinstance(p, Problem) for p in problems):
            return None
        return catalog, list(problems)
    except Exception:  # noqa: BLE001 - a damaged or foreign cache file is simply rebuilt
        return None


def _write(folder: int, name: str, value: tuple[Catalog, list[Problem]]) -> None:
    temporary = f".{name}.{_suffix()}.tmp"
    created = False
    try:
        # ASCII: a file name that is not UTF-8 (held as surrogates) is written as \udcXX escapes.
        data = json.dumps(_encode(value), separators=(",", ":"), allow_nan=False).encode("ascii")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW | _O_CLOEXEC
        descriptor = os.open(temporary, flags, 0o600, dir_fd=folder)
        created = True
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        created = False
        _prune(folder)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
        if created:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=folder)


def _suffix() -> str:
    return os.urandom(8).hex()


def _prune(folder: int) -> None:
    """Keep the few most recent catalogs (built-in, an organisation's overlay...), drop the rest and the
    temporary files of killed writers. Only files named as this module names them are touched."""
    now = time.time()
    catalogs: list[tuple[float, str]] = []
    for entry in os.listdir(folder):
        with contextlib.suppress(OSError):
            info = os.stat(entry, dir_fd=folder, follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
                continue
            if _NAME.fullmatch(entry):
                catalogs.append((info.st_mtime, entry))
            elif _TEMPORARY.fullmatch(entry) and now - info.st_mtime > STALE_TEMPORARY_SECONDS:
                os.unlink(entry, dir_fd=folder)
    for _mtime, entry in sorted(catalogs, reverse=True)[KEEP:]:
        with contextlib.suppress(OSError):
            os.unlink(entry, dir_fd=folder)


# -- the encoding: JSON objects of one key name what they hold ---------------------------------------------


def _encode(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, frozenset):
        return {"f": [_encode(v) for v in sorted(value)]}
    if isinstance(value, dict | MappingProxyType):
        return {"m": [[_encode(k), _encode(v)] for k, v in value.items()]}
    cls = type(value)
    if cls is Text:  # the most common value: its pairs are written bare, a third of the objects to read
        return {"Text": [[lang, text] for lang, text in value.translations]}
    if _CLASSES.get(cls.__name__) is cls:
        return {cls.__name__: [_encode(getattr(value, name)) for name in _FIELDS[cls]]}
    raise TypeError(f"cannot cache a {cls.__name__}")


def _decode_object(fields: dict[str, Any]) -> Any:
    ((tag, value),) = fields.items()  # anything but one key is not ours: ValueError, the cache is rebuilt
    if tag == "t":
        return tuple(value)
    if tag == "m":
        return dict(value)
    if tag == "f":
        return frozenset(value)
    if tag == "Text":
        made = object.__new__(Text)
        made.__dict__["translations"] = tuple((lang, text) for lang, text in value)
        return made
    cls = _CLASSES[tag]
    names = _FIELDS[cls]
    if len(value) != len(names):
        raise ValueError(f"{tag} takes {len(names)} fields")
    if cls in _SLOTTED:
        return cls(*value)
    # Twice as fast as the frozen dataclass's __init__ (one object.__setattr__ a field); __post_init__
    # still derives what the class derives.
    made = object.__new__(cls)
    made.__dict__.update(zip(names, value, strict=True))
    if cls in _POST_INIT:
        made.__post_init__()
    return made
