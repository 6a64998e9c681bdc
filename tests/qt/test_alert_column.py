"""The watchlist's To alert column: distance to the nearest alert, from the rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.exchange.ticker import MiniTicker
from desktop.qt.alerts import AlertCenter
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column, Role, WatchlistModel
from tests.qt.market_samples import sample_catalog


def tick(symbol: str, price: str, open_: str = "100000") -> MiniTicker:
    return MiniTicker(symbol, 1, price, open_, price, price, "1", "1")


def rig() -> tuple[WatchlistModel, QuoteBook, AlertCenter]:
    book = QuoteBook()
    model = WatchlistModel(Watchlist(["BTCUSDT", "ETHUSDT"], catalog=sample_catalog()), book)
    center = AlertCenter()
    model.set_alert_levels(center.nearest_level)
    center.rulesChanged.connect(model.refresh_alerts)
    book.on_tickers([tick("BTCUSDT", "97000"), tick("ETHUSDT", "3400", "3300")], 1.0)
    book.flush()
    return model, book, center


def cell(model: WatchlistModel, symbol: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    return model.index(model.row_of(symbol), Column.ALERT).data(role)


def test_the_column_shows_how_far_the_nearest_alert_is(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model, book, center = rig()
    assert cell(model, "BTCUSDT") == "" and cell(model, "BTCUSDT", Role.SortRole) is None
    center.add_rule(AlertRule("BTCUSDT", AlertKind.ABOVE, Decimal("100000")))
    center.add_rule(AlertRule("BTCUSDT", AlertKind.BELOW, Decimal("90000")))
    assert cell(model, "BTCUSDT") == "▲ 3.09 % to 100,000.0"  # tick 0.10: one decimal
    assert cell(model, "BTCUSDT", Role.ExactRole) == "100000"
    assert abs(cell(model, "BTCUSDT", Role.SortRole) - 3.0928) < 1e-3
    tip = cell(model, "BTCUSDT", Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Nearest alert: BTCUSDT crosses above 100,000.0")
    assert cell(model, "ETHUSDT") == ""
    book.on_tickers([tick("BTCUSDT", "91000")], 2.0)
    book.flush()
    assert cell(model, "BTCUSDT") == "▼ 1.10 % to 90,000.0"
    qtmodeltester.check(model)


def test_changing_the_rules_updates_the_column(qtbot: QtBot) -> None:
    model, _, center = rig()
    with qtbot.waitSignal(model.dataChanged) as blocker:
        center.add_rule(AlertRule("ETHUSDT", AlertKind.CHANGE_PCT, Decimal("5")))
    top_left, bottom_right = blocker.args[0], blocker.args[1]
    assert top_left.column() == bottom_right.column() == Column.ALERT
    assert cell(model, "ETHUSDT") == "▲ 1.91 % to 3,465.00"  # open 3,300 + 5 %
