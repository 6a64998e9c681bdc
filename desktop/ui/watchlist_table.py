"""The watchlist's table view: repaints only the rows whose prices changed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSortFilterProxyModel
from PySide6.QtGui import QAccessible, QAccessibleTableModelChangeEvent
from PySide6.QtWidgets import QTableView, QWidget

from desktop.qt.watchlist_model import WatchlistModel

Index = QModelIndex | QPersistentModelIndex


class WatchlistTable(QTableView):
    """A ``QTableView`` over ``WatchlistProxy`` that repaints a span by its changed rows.

    The model announces a socket read's scattered rows as one span (see
    ``WatchlistModel.span_rows``), and ``QAbstractItemView`` repaints all of a span
    that is on screen: every visible row, when only a few of them changed (measured at
    50 symbols: 2 full repaints of ~20 ms every 2 s). Here only the visible rows that
    changed are repainted; everything else about the view is Qt's own.
    """

    def __init__(self, source: WatchlistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source

    def dataChanged(self, top_left: Index, bottom_right: Index, roles: Sequence[int] = ()) -> None:
        changed = self._source.span_rows
        proxy = self.model()
        if changed is None or not isinstance(proxy, QSortFilterProxyModel):
            super().dataChanged(top_left, bottom_right, list(roles))
            return
        viewport = self.viewport()
        first = self.rowAt(0)
        if first >= 0:
            last = self.rowAt(viewport.height() - 1)
            if last < 0:
                last = proxy.rowCount() - 1
            width = viewport.width()
            for row in range(first, last + 1):
                if proxy.mapToSource(proxy.index(row, 0)).row() in changed:
                    viewport.update(
                        QRect(0, self.rowViewportPosition(row), width, self.rowHeight(row))
                    )
        if QAccessible.isActive():  # what QAbstractItemView::dataChanged tells assistive tech
            event = QAccessibleTableModelChangeEvent(
                self, QAccessibleTableModelChangeEvent.ModelChangeType.DataChanged
            )
            event.setFirstRow(top_left.row())
            event.setFirstColumn(top_left.column())
            event.setLastRow(bottom_right.row())
            event.setLastColumn(bottom_right.column())
            QAccessible.updateAccessibility(event)
