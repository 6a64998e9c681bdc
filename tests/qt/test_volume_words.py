"""Every volume says what it counts, in the same words on every surface."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.qt.contracts_model import ContractColumn, ContractsModel
from desktop.qt.movers_model import MoverColumn, MoverKind, MoversModel
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column, WatchlistModel
from tests.qt.market_samples import sample_catalog, ticker

H = Qt.Orientation.Horizontal
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def test_base_and_quote_volume_are_named_alike_in_table_picker_and_movers(
    qapp: QApplication,
) -> None:
    book = QuoteBook()
    table = WatchlistModel(Watchlist(["BTCUSDT"], catalog=sample_catalog()), book)
    picker = ContractsModel(sample_catalog(), book=book)
    movers = MoversModel(MoverKind.VOLUME)
    quote_headers = {
        table.headerData(Column.QUOTE_VOLUME, H, DISPLAY),
        picker.headerData(ContractColumn.QUOTE_VOLUME, H, DISPLAY),
        movers.headerData(MoverColumn.QUOTE_VOLUME, H, DISPLAY),
    }
    assert quote_headers == {"24h Quote Vol"}
    assert table.headerData(Column.BASE_VOLUME, H, DISPLAY) == "24h Base Vol"
    for model, column in (
        (table, Column.QUOTE_VOLUME),
        (picker, ContractColumn.QUOTE_VOLUME),
        (movers, MoverColumn.QUOTE_VOLUME),
    ):
        tooltip = model.headerData(column, H, TOOLTIP)
        assert isinstance(tooltip, str)
        assert "turnover" in tooltip
        assert "quote volume" in tooltip
    tooltip = table.headerData(Column.BASE_VOLUME, H, TOOLTIP)
    assert isinstance(tooltip, str) and "base volume" in tooltip


def test_volume_cells_name_their_unit_in_the_tooltip(qapp: QApplication) -> None:
    book = QuoteBook(flush_ms=None)
    model = WatchlistModel(Watchlist(["BTCUSDT"], catalog=sample_catalog()), book)
    book.on_tickers([ticker("BTCUSDT", "100")], time.time())
    book.flush()
    tip = model.index(0, Column.QUOTE_VOLUME).data(TOOLTIP)
    assert tip.startswith("24h quote volume (turnover)") and tip.endswith("USDT")
    assert model.index(0, Column.BASE_VOLUME).data(TOOLTIP).startswith("24h base volume")
