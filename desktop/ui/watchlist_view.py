"""The watchlist's table view, set up: delegates, sorting, drag to reorder.

The window adds its context menus; everything about how the table itself looks and
behaves by default is here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from desktop.qt.watchlist_model import Column, WatchlistModel
from desktop.qt.watchlist_proxy import WatchlistProxy
from desktop.ui.delegates import RangeDelegate, SparklineDelegate, TextDelegate
from desktop.ui.watchlist_table import WatchlistTable


def make_watchlist_table(
    model: WatchlistModel, proxy: WatchlistProxy, parent: QWidget | None = None
) -> WatchlistTable:
    """The table over ``proxy`` (which sorts and filters ``model``), ready to show."""
    table = WatchlistTable(model, parent)
    table.setObjectName("watchlistTable")
    # What a screen reader says on arriving at the table (each cell: ``watchlist_speech``).
    table.setAccessibleName(QCoreApplication.translate("WatchlistView", "Watchlist"))
    table.setAccessibleDescription(
        QCoreApplication.translate(
            "WatchlistView", "Live prices, one row per symbol; the symbol cell reads the whole row"
        )
    )
    table.setModel(proxy)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)  # Tab goes on to the filter and tabs; arrows move
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
    header.setSectionsMovable(True)
    # Ascending, descending, then back to the manual order on a third click.
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    # Painted cells: the last hour beside the 24h change, the range glyph after the low.
    table.setItemDelegate(
        TextDelegate(lambda index: model.paint_at(proxy.mapToSource(index)), table)
    )
    table.setItemDelegateForColumn(Column.TREND, SparklineDelegate(table))
    table.setItemDelegateForColumn(Column.RANGE, RangeDelegate(table))
    # Default order, widths and what gives way when narrow: the ColumnHeader, on first show.
    # The funding countdown ticks only while a funding column is on screen.
    table.columns.fundingShown.connect(model.set_funding_shown)
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
