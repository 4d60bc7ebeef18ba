"""A cache of loaded and validated trees, so that a scripted call does not parse YAML every time.

Measured: loading and validating the built-in trees costs about 100 ms and importing yaml 20 ms more,
against about 10 ms to read this cache (see bench/). The key is every tree file's name, size and
modification time plus the program's version, so any edit misses the cache. The cache is a pickle in
the user's own cache folder; a file that another user owns or could have written is never loaded.
"""

from __future__ import annotations

import contextlib
import copyreg
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from wallet_doctor import __version__
from wallet_doctor.files import tree_files
from wallet_doctor.gcpause import collector_paused

CACHE_ENV = "WALLET_DOCTOR_CACHE_DIR"
NO_CACHE_ENV = "WALLET_DOCTOR_NO_CACHE"
KEEP = 8


def _read_only(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


# The catalog's read-only views pickle as the dicts they show.
copyreg.pickle(MappingProxyType, lambda view: (_read_only, (dict(view),)))


def cache_folder() -> Path | None:
    if os.environ.get(NO_CACHE_ENV):
        return None
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wallet-doctor"


def cache_key(folders: Sequence[Path]) -> str | None:
    """A hash of every tree file's path, size and modification time; None when a folder cannot be listed."""
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    try:
        # The classes pickled live in these modules: a change to them (in development) must miss the cache.
        for module in (Path(__file__).with_name("model.py"), Path(__file__).with_name("errors.py")):
            stat = module.stat()
            digest.update(f"{module}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
        for folder in folders:
            for path in tree_files(folder):
                stat = path.stat()
                digest.update(f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def cached(folders: Sequence[Path], build: Callable[[], Any]) -> Any:
    """`build()`'s result for these folders, from the cache when the files are unchanged."""
    folder = cache_folder()
    key = cache_key(folders) if folder is not None else None
    if folder is None or key is None:
        return build()
    path = folder / f"catalog-{key}.pickle"
    found = _read(path)
    if found is not None:
        return found
    value = build()
    _write(folder, path, value)
    return value


def _read(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            if stat.st_uid != os.getuid() or stat.st_mode & 0o022:
                return None  # written by someone else, or writable by others: not trusted
            with collector_paused():
                return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a missing, stale or damaged cache is simply rebuilt
        return None


def _write(folder: Path, path: Path, value: Any) -> None:
    temporary = folder / f".{path.name}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(temporary, "wb") as handle:
            os.chmod(temporary, 0o600)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        # Keep the few most recent catalogs (built-in, an organisation's overlay...), drop the rest.
        entries = sorted(folder.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
        with contextlib.suppress(OSError):
            temporary.unlink()
