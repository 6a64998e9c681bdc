"""The watchlist's table view: repaints only the cells whose look changed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAccessible, QAccessibleTableModelChangeEvent, QShowEvent
from PySide6.QtWidgets import QTableView, QWidget

from desktop.qt.watchlist_changes import RepaintHints
from desktop.qt.watchlist_model import Column, Role
from desktop.ui.watchlist_columns import ColumnHeader

Index = QModelIndex | QPersistentModelIndex

_LAST_COLUMN = len(Column) - 1


class WatchlistTable(QTableView):
    """A ``QTableView`` over ``WatchlistProxy`` that repaints changed cells, not rows.

    ``QAbstractItemView`` repaints the whole rectangle a ``dataChanged`` covers: for a
    socket read's scattered rows (announced as one span, see
    ``RepaintHints.rows_in_span``) every visible row, and for a changed row every cell,
    though a tick leaves the symbol, the 24h high and low and the alert distance as
    they were (measured at 50 symbols: ~80 µs a cell, 15–30 ms of repaint every 2 s).
    Here only the visible rows that changed are repainted, and of a row announced whole
    only the cells ``WatchlistModel.changed_columns`` names. Everything else about the
    view is Qt's own. All it asks the source model beyond Qt's contract is
    ``RepaintHints`` (``desktop.qt.watchlist_changes``).

    Its columns are a ``ColumnHeader``: the default order and widths (applied when
    first shown, unless a saved state was restored), hiding by priority when narrow,
    the To alert column only while the list has alerts.

    Which cells changed is worked out once the announcement is over (a zero timer,
    before the repaint it asks for): comparing a row builds its cells, ~170 µs, and
    at the full market that held up the model's announcement of a read by
    milliseconds.
    """

    def __init__(self, source: RepaintHints, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._announced: set[str] = set()  # symbols of rows announced whole, on screen
        self._compare = QTimer(self)
        self._compare.setSingleShot(True)
        self._compare.setInterval(0)
        self._compare.timeout.connect(self._repaint_announced)
        self.columns = ColumnHeader(self)
        self.setHorizontalHeader(self.columns)
        self._fit = QTimer(self)  # once per burst of resizes, before the next paint
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self.fit_columns)
        self.viewport().installEventFilter(self)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.headerDataChanged.disconnect(self._on_header_data)
        super().setModel(model)
        if model is not None:
            model.headerDataChanged.connect(self._on_header_data)
            self._on_header_data(Qt.Orientation.Horizontal, Column.ALERT, Column.ALERT)

    def _on_header_data(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        model = self.model()
        if orientation == Qt.Orientation.Horizontal and first <= Column.ALERT <= last:
            shown = model.headerData(Column.ALERT, orientation, Role.ShownRole)
            self.columns.set_alerts_present(bool(shown))

    def showEvent(self, event: QShowEvent) -> None:
        if self.columns.defaults_pending:
            self.columns.apply_defaults()
        super().showEvent(event)
        self.fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self._fit.start()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Fit the columns to the viewport's width (see ``ColumnHeader.fit``)."""
        self.columns.fit(self.viewport().width())

    def dataChanged(self, top_left: Index, bottom_right: Index, roles: Sequence[int] = ()) -> None:
        proxy = self.model()
        if not isinstance(proxy, QSortFilterProxyModel) or not top_left.isValid():
            super().dataChanged(top_left, bottom_right, list(roles))
            return
        first, last = top_left.row(), bottom_right.row()
        viewport = self.viewport()
        top = self.rowAt(0)
        if top >= 0:
            bottom = self.rowAt(viewport.height() - 1)
            first, last = max(first, top), min(last, proxy.rowCount() - 1 if bottom < 0 else bottom)
        else:
            last = first - 1  # nothing on screen
        changed = self._source.rows_in_span()
        whole = not roles and top_left.column() == 0 and bottom_right.column() == _LAST_COLUMN
        columns = range(top_left.column(), bottom_right.column() + 1)
        for row in range(first, last + 1):
            source_row = proxy.mapToSource(proxy.index(row, 0)).row()
            if changed is not None and source_row not in changed:
                continue
            if not whole:
                self._update_cells(row, columns)
                continue
            symbol = self._source.symbol_at(source_row)
            if symbol is not None:
                self._announced.add(symbol)
        if self._announced and not self._compare.isActive():
            self._compare.start()
        if QAccessible.isActive():  # what QAbstractItemView::dataChanged tells assistive tech
            event = QAccessibleTableModelChangeEvent(
                self, QAccessibleTableModelChangeEvent.ModelChangeType.DataChanged
            )
            event.setFirstRow(top_left.row())
            event.setFirstColumn(top_left.column())
            event.setLastRow(bottom_right.row())
            event.setLastColumn(bottom_right.column())
            QAccessible.updateAccessibility(event)

    def _repaint_announced(self) -> None:
        """Repaint the cells that changed in the rows announced whole since last time."""
        symbols, self._announced = self._announced, set()
        proxy, source = self.model(), self._source
        if not isinstance(proxy, QSortFilterProxyModel):
            return
        for symbol in symbols:  # by symbol: rows may have moved since
            source_row = source.row_of(symbol)
            if source_row < 0:
                continue
            row = proxy.mapFromSource(source.index(source_row, 0)).row()
            if row >= 0:
                columns = source.changed_columns(source_row)
                self._update_cells(row, range(_LAST_COLUMN + 1) if columns is None else columns)

    def _update_cells(self, row: int, columns: Iterable[int]) -> None:
        """Repaint ``columns`` of ``row``, side-by-side cells as one rectangle."""
        header = self.horizontalHeader()
        spans: list[list[int]] = []  # [left, right] in viewport x, in screen order
        for column in sorted(columns, key=header.visualIndex):
            if self.isColumnHidden(column):
                continue
            left = self.columnViewportPosition(column)
            right = left + self.columnWidth(column)
            if spans and spans[-1][1] == left:
                spans[-1][1] = right
            else:
                spans.append([left, right])
        if not spans:
            return
        y, height = self.rowViewportPosition(row), self.rowHeight(row)
        viewport = self.viewport()
        for left, right in spans:
            viewport.update(QRect(left, y, right - left, height))
