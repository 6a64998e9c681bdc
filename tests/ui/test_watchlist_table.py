"""The watchlist table repaints only the visible cells whose look changed."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QPaintEvent, QRegion
from pytestqt.qtbot import QtBot

from desktop.exchange.contracts import ContractCatalog
from desktop.exchange.ticker import MiniTicker
from desktop.qt.history import PriceHistory
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column
from desktop.ui.main_window import MainWindow
from tests.qt.market_samples import ticker

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)"
)

SYMBOLS = [f"S{i:02d}USDT" for i in range(40)]


class PaintedRegions(QObject):
    """Every region the watched widget was asked to paint."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRegion] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.regions.append(QRegion(event.region()))
        return False


BOOKS: dict[int, QuoteBook] = {}


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    book = QuoteBook()
    w = MainWindow(Watchlist(SYMBOLS, catalog=ContractCatalog()), book)
    qtbot.addWidget(w)
    w.resize(1800, 420)
    w.show()
    qtbot.waitExposed(w)
    history = PriceHistory(book, parent=w)
    history.set_symbols(SYMBOLS)
    w.model.set_history(history)
    book.on_tickers([tick(s, "1") for s in SYMBOLS], time.time())
    BOOKS[id(w)] = book
    yield w
    del BOOKS[id(w)]


def tick(symbol: str, price: str) -> MiniTicker:
    """A price inside a fixed 24h range, from a fixed open."""
    return ticker(symbol, price, open="1", high="5", low="0.5")


def cell_rect(window: MainWindow, symbol: str, column: Column) -> QRect:
    """The inside of a cell, in viewport coordinates."""
    table = window.table
    row = window.proxy.mapFromSource(window.model.index(window.model.row_of(symbol), 0)).row()
    return QRect(
        table.columnViewportPosition(column) + 1,
        table.rowViewportPosition(row) + 1,
        table.columnWidth(column) - 2,
        table.rowHeight(row) - 2,
    )


def repaint_after(
    qtbot: QtBot, window: MainWindow, symbols: list[str], price: str, received: float
) -> QRegion:
    painted = PaintedRegions()
    viewport = window.table.viewport()
    qtbot.wait(50)  # let earlier updates land first
    viewport.installEventFilter(painted)
    try:
        BOOKS[id(window)].on_tickers([tick(s, price) for s in symbols], received)
        qtbot.waitUntil(lambda: bool(painted.regions), timeout=2000)
    finally:
        viewport.removeEventFilter(painted)
    region = QRegion()
    for part in painted.regions:
        region = region.united(part)
    return region


def on_screen(window: MainWindow) -> list[str]:
    table = window.table
    return [s for s in SYMBOLS if table.rowAt(cell_rect(window, s, Column.SYMBOL).y()) >= 0]


def test_a_tick_repaints_the_cells_it_changed_in_the_visible_rows_it_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    changed = SYMBOLS[::2]  # 20 separate rows: announced as one span
    region = repaint_after(qtbot, window, changed, "2", time.time())
    visible = on_screen(window)[:8]
    assert len(visible) == 8
    for symbol in visible:
        for column in (Column.LAST, Column.CHANGE, Column.TREND, Column.RANGE):
            inside = region.contains(cell_rect(window, symbol, column))
            assert inside == (symbol in changed), (symbol, column)
        # The same symbol, 24h high and (no) alert: left as drawn.
        for column in (Column.SYMBOL, Column.HIGH, Column.ALERT):
            assert not region.intersects(cell_rect(window, symbol, column)), (symbol, column)
    assert window.model.index(0, Column.LAST).data() == "2"


def test_a_row_that_looks_different_throughout_is_repainted_whole(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Received long ago: the rows turn stale, and every cell of them greys out.
    changed = SYMBOLS[:3]
    region = repaint_after(qtbot, window, changed, "2", 1.0)
    width = window.table.viewport().width()
    for symbol in changed:
        on_screen_columns = [
            c
            for c in Column
            if not window.table.isColumnHidden(c) and cell_rect(window, symbol, c).right() < width
        ]
        for column in on_screen_columns:
            assert region.contains(cell_rect(window, symbol, column)), (symbol, column)
    assert not region.intersects(cell_rect(window, SYMBOLS[3], Column.SYMBOL))


def test_a_moved_column_is_repainted_where_it_now_is(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    header.moveSection(header.visualIndex(Column.HIGH), header.visualIndex(Column.LAST) + 1)
    region = repaint_after(qtbot, window, SYMBOLS[:1], "3", time.time())
    assert region.contains(cell_rect(window, SYMBOLS[0], Column.LAST))
    assert not region.intersects(cell_rect(window, SYMBOLS[0], Column.HIGH))


def test_a_sorted_table_repaints_the_changed_cells_too(qtbot: QtBot, window: MainWindow) -> None:
    window.proxy.sort(Column.SYMBOL)
    region = repaint_after(qtbot, window, SYMBOLS[::2], "3", time.time())
    assert region.contains(cell_rect(window, SYMBOLS[0], Column.LAST))
    assert not region.contains(cell_rect(window, SYMBOLS[1], Column.LAST))
