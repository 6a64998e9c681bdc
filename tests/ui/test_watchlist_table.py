"""The watchlist table repaints only the visible rows whose quotes changed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QPaintEvent, QRegion
from pytestqt.qtbot import QtBot

from desktop.exchange.contracts import ContractCatalog
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
    w.resize(1100, 420)
    w.show()
    qtbot.waitExposed(w)
    book.on_tickers([ticker(s, "1") for s in SYMBOLS], 1.0)
    BOOKS[id(w)] = book
    yield w
    del BOOKS[id(w)]


def row_rect(window: MainWindow, symbol: str) -> QRect:
    table = window.table
    row = window.proxy.mapFromSource(window.model.index(window.model.row_of(symbol), 0)).row()
    return QRect(1, table.rowViewportPosition(row) + 1, 10, table.rowHeight(row) - 2)


def repaint_after(qtbot: QtBot, window: MainWindow, symbols: list[str], price: str) -> QRegion:
    painted = PaintedRegions()
    viewport = window.table.viewport()
    qtbot.wait(50)  # let earlier updates land first
    viewport.installEventFilter(painted)
    try:
        BOOKS[id(window)].on_tickers([ticker(s, price) for s in symbols], 2.0)
        qtbot.waitUntil(lambda: bool(painted.regions), timeout=2000)
    finally:
        viewport.removeEventFilter(painted)
    region = QRegion()
    for part in painted.regions:
        region = region.united(part)
    return region


def test_a_span_of_scattered_rows_repaints_only_the_visible_rows_that_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    changed = SYMBOLS[::2]  # 20 separate rows: announced as one span
    region = repaint_after(qtbot, window, changed, "2")
    visible = [s for s in SYMBOLS if window.table.rowAt(row_rect(window, s).y()) >= 0][:8]
    assert len(visible) == 8
    for symbol in visible:
        inside = region.contains(row_rect(window, symbol))
        assert inside == (symbol in changed), symbol
    assert window.model.index(0, Column.LAST).data() == "2"


def test_a_sorted_table_repaints_through_qt_as_before(qtbot: QtBot, window: MainWindow) -> None:
    window.proxy.sort(Column.SYMBOL)
    region = repaint_after(qtbot, window, SYMBOLS[::2], "3")
    assert region.contains(row_rect(window, SYMBOLS[0]))
