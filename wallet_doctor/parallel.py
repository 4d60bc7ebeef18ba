"""Reading many tree files on two cores: a forked helper reads the last part of the list while this
process reads the first, then sends its results back pickled.

Only worth it for large catalogs (pickling the results back costs about a third of reading them), so a
catalog under PARALLEL_BYTES, a machine with one core or a system without fork reads in one process.
Anything going wrong in the helper (it dies, its answer cannot be read) makes this process read those
files itself: the result is the same either way, only the time differs.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Below this many bytes of YAML, one process is as fast (forking and pickling cost more than they save).
PARALLEL_BYTES = 4 * 1024 * 1024
# WALLET_DOCTOR_PARALLEL=0 reads in one process whatever the size (the tests use it to compare both ways).
PARALLEL_ENV = "WALLET_DOCTOR_PARALLEL"
# The helper's share of the bytes: less than half, because it also pickles its results.
_HELPER_SHARE = 0.45


def read_all(paths: list[Path], read: Callable[[Path], T]) -> list[T]:
    """`read(path)` for every path, in order; on two cores for a large list."""
    sizes = _sizes(paths)
    if not _worth_it(sizes):
        return [read(path) for path in paths]
    # Split by size, so each process gets its share of the bytes however the files are sized.
    target = sum(sizes) * (1 - _HELPER_SHARE)
    done = 0
    split = len(paths)
    for index, size in enumerate(sizes):
        done += size
        if done >= target:
            split = index + 1
            break
    if split >= len(paths):
        return [read(path) for path in paths]
    return _read_forked(paths[:split], paths[split:], read)


def _sizes(paths: list[Path]) -> list[int]:
    sizes = []
    for path in paths:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)  # read() reports it
    return sizes


def _worth_it(sizes: list[int]) -> bool:
    if os.environ.get(PARALLEL_ENV) == "0" or not hasattr(os, "fork") or len(sizes) < 2:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2 and sum(sizes) >= PARALLEL_BYTES


def _read_forked(mine: list[Path], theirs: list[Path], read: Callable[[Path], T]) -> list[T]:
    import wallet_doctor.cache  # noqa: F401  # registers how the model's read-only views pickle

    receive, send = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(receive)
        os.close(send)
        return [read(path) for path in [*mine, *theirs]]
    if pid == 0:  # the helper: read, send, and leave without running any of the parent's exit handlers
        status = 1
        try:
            os.close(receive)
            data = pickle.dumps([read(path) for path in theirs], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(send, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(send)
    results = [read(path) for path in mine]
    theirs_results: list[T] | None = None
    try:
        with os.fdopen(receive, "rb") as incoming:
            data = incoming.read()
    except OSError:
        data = b""
    finally:
        _, status = os.waitpid(pid, 0)
    if status == 0:
        try:
            theirs_results = pickle.loads(data)
        except Exception:  # noqa: BLE001 - any damage to the answer: read those files here instead
            theirs_results = None
    if theirs_results is None or len(theirs_results) != len(theirs):
        theirs_results = [read(path) for path in theirs]
    return [*results, *theirs_results]
