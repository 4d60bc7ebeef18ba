"""Pausing Python's cyclic garbage collector around work that builds large, cycle-free structures.

Loading a catalog, unpickling it and generating documentation each create hundreds of thousands of
objects that stay alive and hold no reference cycles. The collector would scan them again at every
collection for nothing: measured on 50,000 nodes this made those steps grow faster than linearly.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off, restoring it (if it was on) afterwards."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
