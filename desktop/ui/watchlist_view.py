"""The watchlist's table view, set up: columns sized and ordered, delegates, drag to reorder.

The window adds its context menus; everything about how the table itself looks and
behaves by default is here.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from desktop.qt.watchlist_model import HEADERS, Column, WatchlistModel
from desktop.qt.watchlist_proxy import WatchlistProxy
from desktop.ui.delegates import (
    RANGE_WIDTH,
    SPARKLINE_WIDTH,
    RangeDelegate,
    SparklineDelegate,
    TextDelegate,
)
from desktop.ui.watchlist_table import WatchlistTable

# Widest text each column is sized for by default (the user can resize; saved state wins).
_SAMPLE_TEXT: Final[dict[Column, str]] = {
    Column.SYMBOL: "1000SATSUSDT_2612",
    Column.LAST: "000,000.00000",
    Column.CHANGE: "+00,000.00000",
    Column.CHANGE_PERCENT: "+000.00 %",
    Column.HIGH: "000,000.00000",
    Column.LOW: "000,000.00000",
    Column.BASE_VOLUME: "000.00 M",
    Column.QUOTE_VOLUME: "000.00 M",
    Column.UPDATED: "00:00:00",
    Column.ALERT: "▲ 10.00 % to 000,000.00",
}


def make_watchlist_table(
    model: WatchlistModel, proxy: WatchlistProxy, parent: QWidget | None = None
) -> WatchlistTable:
    """The table over ``proxy`` (which sorts and filters ``model``), ready to show."""
    table = WatchlistTable(model, parent)
    table.setObjectName("watchlistTable")
    table.setModel(proxy)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(QFontMetrics(table.font()).height() + 8)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    # Drag rows to reorder the manual order (the proxy refuses drags while sorted).
    table.setDragEnabled(True)
    table.setAcceptDrops(True)
    table.setDropIndicatorShown(True)
    table.setDragDropOverwriteMode(False)
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.setDefaultDropAction(Qt.DropAction.MoveAction)

    header = table.horizontalHeader()
    header.setObjectName("watchlistHeader")
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionsMovable(True)
    # Ascending, descending, then back to the manual order on a third click.
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    metrics = QFontMetrics(table.font())
    for column, sample in _SAMPLE_TEXT.items():
        title = HEADERS[column][0]
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 18)
        header.resizeSection(column, width + 16)
    # Painted cells: the last hour beside the 24h change, the range glyph after the low.
    table.setItemDelegate(
        TextDelegate(lambda index: model.paint_at(proxy.mapToSource(index)), table)
    )
    table.setItemDelegateForColumn(Column.TREND, SparklineDelegate(table))
    table.setItemDelegateForColumn(Column.RANGE, RangeDelegate(table))
    header.resizeSection(Column.TREND, SPARKLINE_WIDTH)
    header.resizeSection(Column.RANGE, RANGE_WIDTH)
    header.moveSection(header.visualIndex(Column.TREND), Column.CHANGE_PERCENT + 1)
    header.moveSection(header.visualIndex(Column.RANGE), header.visualIndex(Column.LOW) + 1)
    # The distance to the nearest alert reads best right after the last price.
    header.moveSection(header.visualIndex(Column.ALERT), header.visualIndex(Column.LAST) + 1)
    return table


def height_for_rows(table: QTableView, rows: int) -> int:
    """The table's height showing ``rows`` rows, its header and a horizontal scroll bar."""
    return (
        table.horizontalHeader().sizeHint().height()
        + rows * table.verticalHeader().defaultSectionSize()
        + table.horizontalScrollBar().sizeHint().height()
        + 2 * table.frameWidth()
    )


def default_width(table: QTableView) -> int:
    """The width showing every column at its default size, up to 1200 pixels."""
    header = table.horizontalHeader()
    width = sum(header.sectionSize(c) for c in range(header.count()))
    return min(width + 40, 1200)
