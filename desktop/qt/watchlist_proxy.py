"""Sorting and the symbol filter for the watchlist table."""

from __future__ import annotations

import logging
import unicodedata

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.qt.watchlist_model import ROW_FLAGS, Column, Role, WatchlistModel

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

_DRAG_DROP = Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled


def normalize_filter_text(text: str) -> str:
    """What a person typed into a filter box, as the text to look for (NFC, trimmed)."""
    return unicodedata.normalize("NFC", text.strip())


class WatchlistProxy(QSortFilterProxyModel):
    """Filters by symbol; sorting is the source model's (``WatchlistModel.sort``).

    The proxy itself never sorts (its own ``sortColumn()`` stays −1): sorting here cost
    two Python ``data()`` calls per comparison and left rows out of order (see
    ``desktop.qt.watchlist_order``). ``sort_column() == -1`` is the manual order: the
    watchlist's own order, which is the only one drag and drop may change, so rows are
    draggable only then.
    """

    def __init__(self, source: WatchlistModel | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(Role.SortRole)
        self.setFilterRole(Role.SymbolRole)
        self.setFilterKeyColumn(Column.SYMBOL)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self._filter_text = ""
        self._model: WatchlistModel | None = None
        if source is not None:
            self.setSourceModel(source)

    def set_filter_text(self, text: str) -> None:
        """Show only symbols containing ``text`` (any case, any script)."""
        self._filter_text = normalize_filter_text(text)
        self.setFilterFixedString(self._filter_text)
        self._tell_source()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model; the filter keeps its order."""
        if self._model is not None:
            self._model.sort(column, order)
        else:
            super().sort(column, order)

    def sort_column(self) -> int:
        """The column the rows are sorted by; −1 for the watchlist's own order."""
        if self._model is not None:
            return self._model.sort_column()
        return self.sortColumn()

    def setSourceModel(self, source: QAbstractItemModel) -> None:
        self._model = source if isinstance(source, WatchlistModel) else None
        super().setSourceModel(source)
        self._tell_source()

    def _tell_source(self) -> None:
        # A filtered view must hear exactly which rows changed (see
        # ``WatchlistModel.set_exact_rows``).
        if self._model is not None:
            self._model.set_exact_rows(bool(self._filter_text))

    def filter_text(self) -> str:
        return self._filter_text

    def is_manual_order(self) -> bool:
        return self.sort_column() < 0

    def clear_sort(self) -> None:
        """Back to the watchlist's manual order."""
        self.sort(-1, Qt.SortOrder.AscendingOrder)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Every cell of the model has the same flags; answering here spares the view
        # an index mapping and a call into the model for each cell it paints.
        if not index.isValid():
            return super().flags(index)
        if not self.is_manual_order():
            return ROW_FLAGS & ~_DRAG_DROP
        return ROW_FLAGS

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if not self.is_manual_order():
            return False
        return super().canDropMimeData(data, action, row, column, parent)

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if not self.is_manual_order():
            return False
        return super().dropMimeData(data, action, row, column, parent)
