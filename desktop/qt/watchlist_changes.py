"""How the watchlist model announces changed rows, and what a view may ask about them.

Changed rows leave as ``dataChanged``, one per contiguous block (qutebrowser's downloads
model, Anki's ``redraw_cells``). At the full market a socket read touches rows all over
the table; more than a few blocks go out as one span, one pass through the proxy instead
of one per block (~4 µs apiece). A view that repaints only changed cells can still learn
which rows of a span changed: ``RepaintHints``, the one interface beyond Qt's own between
``WatchlistModel`` and ``ui.watchlist_table.WatchlistTable``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Protocol

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

#: More separate blocks of changed rows than this are announced as one span (unless the
#: rows must be exact: ``ChangeAnnouncer.exact_rows``).
SPAN_ABOVE: Final = 8


def contiguous_blocks(rows: Iterable[int]) -> list[tuple[int, int]]:
    """``[5, 1, 2, 3, 7]`` → ``[(1, 3), (5, 5), (7, 7)]``: runs of adjacent rows, inclusive."""
    blocks: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if blocks and blocks[-1][1] == row - 1:
            blocks[-1] = (blocks[-1][0], row)
        else:
            blocks.append((row, row))
    return blocks


class RepaintHints(Protocol):
    """What a view that repaints only changed cells may ask the watchlist model.

    ``rows_in_span`` is answered only while a ``dataChanged`` that spans scattered rows
    is being delivered (a slot connected to it, or a view's ``dataChanged``): the source
    rows in it that really changed. Any other time it is ``None`` and every row a
    ``dataChanged`` covers has changed, as Qt's contract says.
    """

    def rows_in_span(self) -> frozenset[int] | None: ...

    def changed_columns(self, row: int) -> list[int] | None: ...

    def symbol_at(self, row: int) -> str | None: ...

    def row_of(self, symbol: str) -> int: ...

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = ...
    ) -> QModelIndex: ...


class ChangeAnnouncer:
    """Emits ``model.dataChanged`` for changed rows: by contiguous block, or as one span."""

    def __init__(self, model: QAbstractItemModel, columns: int) -> None:
        self._model = model
        self._columns = columns
        self._span_rows: frozenset[int] | None = None
        #: Announce changed rows block by block even when scattered. A filtering proxy
        #: re-filters every row a ``dataChanged`` covers (each through a Python ``data``
        #: call), so it must hear only the rows that changed; an unfiltered view is
        #: served faster by one span.
        self.exact_rows = False

    def rows_in_span(self) -> frozenset[int] | None:
        """While a span is announced: the rows in it that changed (see ``RepaintHints``)."""
        return self._span_rows

    def announce(
        self,
        rows: Iterable[int],
        first_column: int = 0,
        last_column: int | None = None,
        roles: list[int] | None = None,
    ) -> None:
        """One ``dataChanged`` per contiguous block of ``rows``.

        Named ``roles`` that no proxy sorts or filters by go out as one span whatever the
        blocks: a proxy passes them on without re-sorting.
        """
        rows = list(rows)
        if last_column is None:
            last_column = self._columns - 1
        blocks = contiguous_blocks(rows)
        scattered = len(blocks) > SPAN_ABOVE and not self.exact_rows
        if scattered or (roles is not None and len(blocks) > 1):
            self._span_rows = frozenset(rows)
            try:
                self._emit(blocks[0][0], blocks[-1][1], first_column, last_column, roles)
            finally:
                self._span_rows = None
            return
        for first, last in blocks:
            self._emit(first, last, first_column, last_column, roles)

    def _emit(
        self, first: int, last: int, first_column: int, last_column: int, roles: list[int] | None
    ) -> None:
        model = self._model
        top_left = model.index(first, first_column)
        bottom_right = model.index(last, last_column)
        if roles is None:
            model.dataChanged.emit(top_left, bottom_right)
        else:
            model.dataChanged.emit(top_left, bottom_right, roles)
