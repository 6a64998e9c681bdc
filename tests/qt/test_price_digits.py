"""One rule for a price's digits on every surface: the contract's tick precision, never
a non-zero digit dropped (BTCUSDT, tick 0.10, sent as 104164.50 → 104,164.5)."""

from __future__ import annotations

import time
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.exchange.alert_engine import AlertLevel
from desktop.exchange.alerts import AlertKind, AlertRule, describe_rule
from desktop.qt.contracts_model import ContractColumn, ContractsModel
from desktop.qt.movers_model import MoverColumn, MoverKind, Movers
from desktop.qt.quotes import QuoteBook
from desktop.qt.ticker_text import symbol_row
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column, WatchlistModel
from tests.qt.market_samples import sample_catalog, ticker

SENT = "104164.50"
SHOWN = "104,164.5"


def test_table_tray_picker_movers_and_alert_texts_show_a_price_alike(qapp: QApplication) -> None:
    catalog = sample_catalog()
    book = QuoteBook(flush_ms=None)
    table = WatchlistModel(Watchlist(["BTCUSDT"], catalog=catalog), book)
    picker = ContractsModel(catalog, book=book)
    movers = Movers(book, catalog=catalog, refresh_ms=10_000)
    movers.set_active(True)
    book.on_tickers([ticker("BTCUSDT", SENT, open="100000.00")], time.time())
    book.flush()
    movers.refresh()

    assert table.index(0, Column.LAST).data() == SHOWN
    assert table.index(0, Column.HIGH).data() == SHOWN
    assert symbol_row("BTCUSDT", book, catalog, time.time()).price == SHOWN  # tray, strip
    row = picker.row_of("BTCUSDT")
    assert picker.index(row, ContractColumn.LAST).data() == SHOWN
    gainers = movers.models[MoverKind.GAINERS]
    assert gainers.index(0, MoverColumn.LAST).data(Qt.ItemDataRole.DisplayRole) == SHOWN
    rule = AlertRule("BTCUSDT", AlertKind.ABOVE, Decimal("110000.00"))
    assert describe_rule(rule, 1) == "crosses above 110,000.0"
    assert AlertLevel(rule, rule.threshold, Decimal("5.6")).text(1).endswith("to 110,000.0")
    assert (
        table.index(0, Column.LAST)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("Last price 104,164.50")
    ), "the exchange's own digits stay in the tooltip"
