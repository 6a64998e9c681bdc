"""What a screen reader gets from the watchlist window, read through Qt's own
accessibility interfaces (``QAccessible.queryAccessibleInterface``), as the platform
bridge reads them."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.exchange.contracts import ContractCatalog
from desktop.qt.quotes import QuoteBook
from desktop.qt.ticker_text import SymbolRow
from desktop.qt.watchlist import Watchlist
from desktop.ui.main_window import MainWindow
from desktop.ui.strip import MiniStrip
from tests.qt.market_samples import ticker
from tests.ui.test_dialog_keyboard import tab_round

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)"
)

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description
SYMBOLS = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"]


@pytest.fixture
def book() -> QuoteBook:
    return QuoteBook()


@pytest.fixture
def window(qtbot: QtBot, book: QuoteBook) -> Iterator[MainWindow]:
    w = MainWindow(Watchlist(SYMBOLS, catalog=ContractCatalog()), book)
    qtbot.addWidget(w)
    w.resize(1200, 400)
    w.show()
    qtbot.waitExposed(w)
    book.on_tickers(
        [
            ticker("BTCUSDT", "104164.5", open="99098.3"),
            ticker("ETHUSDT", "3000.10", open="3100.00"),
            ticker("SOLUSDT", "150.25", open="150.25"),
        ],
        time.time(),
    )
    yield w


def accessible(widget: QWidget) -> QAccessibleInterface:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None and iface.isValid()
    return iface


def cells(table: QWidget) -> list[QAccessibleInterface]:
    """The table's cells as the bridge lists them (headers left out), row by row."""
    iface = accessible(table)
    children = (iface.child(i) for i in range(iface.childCount()))
    return [c for c in children if c is not None and c.role() == QAccessible.Role.Cell]


def spoken_rows(window: MainWindow) -> list[str]:
    """The name of the first cell of each row: what is heard on arriving at a row."""
    columns = window.model.columnCount()
    every = cells(window.table)
    return [every[i].text(NAME) for i in range(0, len(every), columns)]


def test_a_row_is_read_as_symbol_last_price_and_direction_in_words(window: MainWindow) -> None:
    rows = spoken_rows(window)
    print("\nA screen reader reads the rows:", *rows, sep="\n  ")
    assert rows == [
        "BTCUSDT, last 104,164.5, up 5.11 percent",
        "ETHUSDT, last 3,000.10, down 3.22 percent",
        "SOLUSDT, last 150.25, unchanged",
        "XRPUSDT, waiting for price",
    ]


def test_each_cell_names_its_column_with_its_value(window: MainWindow) -> None:
    columns = window.model.columnCount()
    btc = cells(window.table)[:columns]
    names = [c.text(NAME) for c in btc]
    assert names[1] == "last 104,164.5"
    assert names[2] == "24h Change +5,066.2"
    assert names[3] == "24h up 5.11 percent"
    assert names[4] == "24h High 104,164.5"
    assert btc[1].text(DESCRIPTION) == "Last price 104,164.5"  # the tooltip, exact digits
    xrp = cells(window.table)[3 * columns : 4 * columns]
    assert xrp[1].text(NAME) == "waiting for price"


def test_a_stale_row_says_so(window: MainWindow, book: QuoteBook) -> None:
    long_ago = time.time() - 3600
    book.on_tickers([ticker("BTCUSDT", "104164.5", open="99098.3")], long_ago)
    window.model.check_stale()
    assert spoken_rows(window)[0] == "BTCUSDT, last 104,164.5, up 5.11 percent, stale"


def test_the_spoken_rows_follow_the_sorted_order(window: MainWindow) -> None:
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [r.split(",")[0] for r in spoken_rows(window)] == sorted(SYMBOLS, reverse=True)


def test_the_window_parts_have_names(window: MainWindow) -> None:
    assert accessible(window.table).text(NAME) == "Watchlist"
    assert accessible(window.table).text(DESCRIPTION)
    assert accessible(window.filter_edit).text(NAME)
    assert accessible(window.status_bar).text(NAME)


def test_tab_reaches_the_table_and_the_filter_and_arrows_move_in_the_table(
    qtbot: QtBot, window: MainWindow
) -> None:
    visited = tab_round(qtbot, window)
    assert window.table in visited and window.filter_edit in visited
    window.table.setFocus()
    window.table.setCurrentIndex(window.proxy.index(0, 0))
    QTest.keyClick(window.table, Qt.Key.Key_Down)
    assert window.table.currentIndex().row() == 1


def test_the_strip_reads_its_pinned_rows_in_words(qtbot: QtBot) -> None:
    strip = MiniStrip()
    qtbot.addWidget(strip)
    rows = [
        SymbolRow("BTCUSDT", "97,123.4", "▲ +2.31 %", 1, stale=False, note=""),
        SymbolRow("ETHUSDT", "3,411.20", "▼ −2.54 %", -1, stale=True, note=""),
        SymbolRow("SOLUSDT", "", "", 0, stale=False, note=""),
    ]
    strip.set_content(rows, "Live", connected=True, demo=False)
    strip.show()
    iface = accessible(strip)
    names = [iface.child(i).text(NAME) for i in range(iface.childCount())]
    assert iface.text(NAME) == "MiniTicker price strip"
    assert (
        "BTCUSDT, last 97,123.4, up 2.31 percent; ETHUSDT, last 3,411.20, down 2.54 percent,"
        " stale; SOLUSDT, waiting for price"
    ) in names
