"""The order of the watchlist table's rows: the user's own, or sorted by one column.

Sorting lives here rather than in ``QSortFilterProxyModel``: the proxy re-sorts each
changed row by binary search, two Python ``data()`` calls per comparison and one layout
change per announced block of rows (announcing 200 quotes for 800 symbols sorted by 24h
change took 46–78 ms), and a block's rows are placed among rows of later blocks that
already hold new values but not yet new places, so a sorted table drifted out of order
(149 misplaced neighbours out of 800 after one such announcement; 8 of 50 with 10
quotes). Here the keys of changed symbols are worked out once and the whole order is
sorted in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.qt.sorting import SortKey, sort_missing_last

#: The sort key function of a column: symbol → key, ``None`` when the row has no value
#: there yet. Asked once per sorting pass, so the column is looked at once, not per row.
KeysOf = Callable[[int], Callable[[str], SortKey | None]]

MANUAL = -1  # the sort column of the watchlist's own order


class RowOrder:
    """Which column the rows are sorted by, and each symbol's key in it, kept until it changes.

    Rows without a value (waiting for a first price, no alert set) go last in either
    direction; equal values keep the watchlist's own order.
    """

    def __init__(self, keys_of: KeysOf, *, static_columns: Iterable[int] = ()) -> None:
        self._keys_of = keys_of
        self._static = frozenset(static_columns)
        self._column = MANUAL
        self._order = Qt.SortOrder.AscendingOrder
        self._keys: dict[str, SortKey | None] = {}

    @property
    def column(self) -> int:
        return self._column

    @property
    def manual(self) -> bool:
        return self._column == MANUAL

    @property
    def live(self) -> bool:
        """Sorted by a column whose values move with prices: re-sort as they change."""
        return self._column != MANUAL and self._column not in self._static

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        if column != self._column:
            self._keys.clear()
        self._column = column if column >= 0 else MANUAL
        self._order = order

    def forget(self, symbols: Iterable[str]) -> None:
        """These symbols' values changed: work their keys out again when next sorting."""
        keys = self._keys
        for symbol in symbols:
            keys.pop(symbol, None)

    def forget_all(self) -> None:
        self._keys.clear()

    def arrange(self, symbols: list[str]) -> list[str]:
        """``symbols`` (the watchlist's own order) in display order."""
        column = self._column
        if column == MANUAL:
            return list(symbols)
        keys, key_of = self._keys, self._keys_of(column)

        def key(symbol: str) -> SortKey | None:
            if symbol in keys:
                return keys[symbol]
            value = keys[symbol] = key_of(symbol)
            return value

        return sort_missing_last(
            symbols, key, descending=self._order == Qt.SortOrder.DescendingOrder
        )


class LiveOrder(QObject):
    """The rows' order as values change: a ``RowOrder`` over the watchlist's own order
    (``manual``), arranged again at most once per ``resort_ms`` while values that the
    rows are sorted by keep changing, so rows do not jump about faster than anyone can
    read them.

    Signals:
        rearranged(list[str]): the rows as they are to be shown now (maybe as they are).
    """

    rearranged = Signal(list)

    def __init__(
        self,
        keys_of: KeysOf,
        *,
        static_columns: Iterable[int] = (),
        resort_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.rows = RowOrder(keys_of, static_columns=static_columns)
        self.manual: list[str] = []  # the symbols in the watchlist's own order
        self._timer = QTimer(self, singleShot=True, interval=resort_ms)
        self._timer.timeout.connect(self.resort)

    def set_manual(self, symbols: list[str]) -> list[str]:
        """The watchlist's own order is now ``symbols``: the rows as they are to be shown."""
        self.manual = list(dict.fromkeys(symbols))
        return self.rows.arrange(self.manual)

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        """Sort by ``column`` (−1: the watchlist's own order) now."""
        self.rows.sort_by(column, order)
        self._timer.stop()
        self.resort()

    def changed(
        self,
        symbols: Iterable[str] | None,
        columns: Container[int] | None = None,
        *,
        resort: bool = True,
    ) -> None:
        """Values of ``symbols`` (None: all) in ``columns`` (None: all that move with
        prices) changed: if the rows are sorted by one of them, their keys are worked out
        again, and (``resort``) the rows arranged again soon."""
        rows = self.rows
        if not (rows.live if columns is None else rows.column in columns):
            return
        if symbols is None:
            rows.forget_all()
        else:
            rows.forget(symbols)
        if resort and not self._timer.isActive():
            self._timer.start()

    def resort(self) -> None:
        self.rearranged.emit(self.rows.arrange(self.manual))
