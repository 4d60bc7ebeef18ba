"""The one breadth-first walk over the trees' graph: the nodes of a tree, or the trees a jump leads to."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def breadth_first(start: T, successors: Callable[[T], Iterable[T] | None]) -> list[T]:
    """Everything reachable from `start` once, breadth first, each one's successors in the order given.
    `successors` returns None for something that is not there (a missing node): it is left out."""
    order: dict[T, None] = {}  # insertion-ordered and O(1) to test: linear in the size of the graph
    pending = deque([start])
    while pending:
        item = pending.popleft()
        if item in order:
            continue
        following = successors(item)
        if following is None:
            continue
        order[item] = None
        pending.extend(following)
    return list(order)
