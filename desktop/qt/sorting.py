"""Sorting table rows in Python, once, rather than comparison by comparison in a proxy."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


def sort_missing_last(
    items: Iterable[T], key: Callable[[T], Any], *, descending: bool = False
) -> list[T]:
    """``items`` sorted by ``key``; items whose key is ``None`` go last either way, and
    equal keys keep the order ``items`` came in (the user's or the exchange's order)."""
    present: list[tuple[Any, T]] = []
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


def _first(pair: tuple[Any, T]) -> Any:
    return pair[0]
