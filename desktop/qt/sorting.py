"""Sorting table rows in Python, once, rather than comparison by comparison in a proxy."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol, Self, TypeVar

T = TypeVar("T")


class SortKey(Protocol):
    """A value rows sort by: anything ordered by ``<`` among its own kind (str, float…)."""

    def __lt__(self, other: Self, /) -> bool: ...


K = TypeVar("K", bound=SortKey)


def sort_missing_last(
    items: Iterable[T], key: Callable[[T], K | None], *, descending: bool = False
) -> list[T]:
    """``items`` sorted by ``key``; items whose key is ``None`` go last either way, and
    equal keys keep the order ``items`` came in (the user's or the exchange's order)."""
    present: list[tuple[K, T]] = []
    missing: list[T] = []
    for item in items:
        value = key(item)
        if value is None:
            missing.append(item)
        else:
            present.append((value, item))
    # Stable in both directions: reverse=True keeps equal items in their order.
    present.sort(key=_first, reverse=descending)
    return [item for _, item in present] + missing


def _first(pair: tuple[K, T]) -> K:
    return pair[0]
