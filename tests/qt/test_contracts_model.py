"""ContractsModel and ContractsFilter: every contract, watched marks, non-trading rows
disabled, quotes refreshed in blocks, and instant text / kind / quote filtering."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from desktop.exchange.contracts import ContractCatalog
from desktop.qt import contracts_model
from desktop.qt.contracts_model import (
    ContractColumn,
    ContractRole,
    ContractsFilter,
    ContractsModel,
    describe_contract_type,
    normalize_search,
)
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from tests.qt.market_samples import large_catalog, sample_catalog, ticker

log = logging.getLogger(__name__)

TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def parts(qapp: QApplication) -> tuple[Watchlist, QuoteBook, ContractsModel]:
    watchlist = Watchlist(["BTCUSDT"], catalog=sample_catalog())
    book = QuoteBook()
    return watchlist, book, ContractsModel(book=book, watchlist=watchlist)


def shown(proxy: ContractsFilter) -> list[str]:
    return [
        proxy.index(r, ContractColumn.SYMBOL).data() for r in range(proxy.rowCount(QModelIndex()))
    ]


def row_of(model: ContractsModel, symbol: str) -> int:
    return model.row_of(symbol)


def test_model_and_filter_pass_qt_model_tester(
    qtmodeltester: ModelTester, parts: tuple[Watchlist, QuoteBook, ContractsModel]
) -> None:
    watchlist, book, model = parts
    proxy = ContractsFilter(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    proxy.sort(ContractColumn.QUOTE_VOLUME, Qt.SortOrder.DescendingOrder)
    book.on_tickers([ticker("ETHUSDT", "3890.5", quote_volume="5"), ticker("BTCUSDT", "1")], 1.0)
    book.flush()
    watchlist.add(["ETHUSDT"])
    proxy.set_text("eth")
    proxy.set_kind("perpetual")
    proxy.set_quote_asset("USDC")
    proxy.set_text("")
    model.set_catalog(large_catalog(50))
    proxy.sort(ContractColumn.SYMBOL, Qt.SortOrder.AscendingOrder)
    assert proxy.rowCount() > 0


def test_every_contract_is_a_row_with_its_metadata(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    _, _, model = parts
    assert model.rowCount() == len(sample_catalog())
    row = row_of(model, "XAUUSDT")
    assert model.index(row, ContractColumn.TYPE).data() == "TradFi perpetual"
    assert model.index(row, ContractColumn.TYPE).data(TOOLTIP) == "TRADIFI_PERPETUAL"
    assert model.index(row, ContractColumn.UNDERLYING).data() == "Tradifi"
    assert model.index(row, ContractColumn.QUOTE).data() == "USDT"
    row = row_of(model, "币安人生USDT")
    assert model.index(row, ContractColumn.BASE).data() == "币安人生"
    assert describe_contract_type("CURRENT_QUARTER") == "Current quarter"


def test_watched_contracts_carry_a_mark_that_follows_the_watchlist(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    watchlist, _, model = parts
    btc, eth = row_of(model, "BTCUSDT"), row_of(model, "ETHUSDT")
    assert model.index(btc, ContractColumn.WATCHED).data() == "✓"
    assert model.index(eth, ContractColumn.WATCHED).data() == ""
    changes: list[tuple[int, int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: changes.append((a.row(), a.column(), b.column())))
    watchlist.add(["ETHUSDT"])
    assert changes == [(eth, ContractColumn.WATCHED, ContractColumn.WATCHED)]
    assert model.index(eth, 0).data(ContractRole.WatchedRole) is True


def test_non_trading_contracts_are_disabled_and_say_why(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    _, _, model = parts
    row = row_of(model, "OLDUSDT")
    flags = model.flags(model.index(row, ContractColumn.SYMBOL))
    assert not flags & Qt.ItemFlag.ItemIsEnabled
    assert not flags & Qt.ItemFlag.ItemIsSelectable
    assert model.index(row, ContractColumn.SYMBOL).data(TOOLTIP) == "not trading: SETTLING"
    assert model.index(row, 0).data(ContractRole.TradingRole) is False
    ok = model.flags(model.index(row_of(model, "BTCUSDT"), 1))
    assert ok & Qt.ItemFlag.ItemIsEnabled and ok & Qt.ItemFlag.ItemIsSelectable


def test_prices_and_volumes_come_from_the_book_and_refresh_in_blocks(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    _, book, model = parts
    btc = row_of(model, "BTCUSDT")
    assert model.index(btc, ContractColumn.LAST).data() == ""
    assert model.index(btc, ContractColumn.LAST).data(ContractRole.SortRole) is None
    changes: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda a, b, *_: changes.append((a.row(), b.row(), a.column(), b.column()))
    )
    book.on_tickers(
        [ticker("BTCUSDT", "104250.1"), ticker("ETHUSDT", "3890.5"), ticker("XAUUSDT", "4000")],
        1.0,
    )
    book.flush()
    eth, xau = row_of(model, "ETHUSDT"), row_of(model, "XAUUSDT")
    assert (btc, eth) == (0, 1)
    assert changes == [
        (0, 1, ContractColumn.LAST, ContractColumn.QUOTE_VOLUME),
        (xau, xau, ContractColumn.LAST, ContractColumn.QUOTE_VOLUME),
    ]
    assert model.index(btc, ContractColumn.LAST).data() == "104,250.1"
    assert model.index(btc, ContractColumn.QUOTE_VOLUME).data() == "98.77 B"
    assert "98,765,432,109.5 USDT" in model.index(btc, ContractColumn.QUOTE_VOLUME).data(TOOLTIP)
    assert model.index(btc, ContractColumn.LAST).data(ContractRole.SortRole) == 104250.1


def test_filter_by_text_in_symbol_or_base_any_case_any_script(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    proxy = ContractsFilter(parts[2])
    proxy.set_text("btc")
    assert shown(proxy) == ["BTCUSDT", "BTCUSDT_261225"]
    proxy.set_text("BTC/usdt")
    assert shown(proxy) == ["BTCUSDT", "BTCUSDT_261225"]
    proxy.set_text("币安人生")
    assert shown(proxy) == ["币安人生USDT"]
    proxy.set_text("人生")
    assert shown(proxy) == ["币安人生USDT"]
    proxy.set_text("no such thing")
    assert shown(proxy) == []
    proxy.set_text(".*")  # typed text is text, never a pattern
    assert shown(proxy) == []
    proxy.set_text("")
    assert len(shown(proxy)) == len(sample_catalog())


def test_filter_by_kind_and_quote_asset_combines_with_text(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    proxy = ContractsFilter(parts[2])
    proxy.set_kind("quarterly")
    assert shown(proxy) == ["BTCUSDT_261225"]
    proxy.set_kind("tradfi")
    assert shown(proxy) == ["XAUUSDT"]
    proxy.set_kind("perpetual")
    proxy.set_quote_asset("USDC")
    assert shown(proxy) == ["ETHUSDC"]
    proxy.set_quote_asset("USDT")
    proxy.set_text("eth")
    assert shown(proxy) == ["ETHUSDT"]
    proxy.set_kind("all")
    proxy.set_quote_asset("")
    assert shown(proxy) == ["ETHUSDT", "ETHUSDC"]
    assert parts[2].quote_assets() == ["USDT", "USDC"]


def test_search_text_is_normalised() -> None:
    assert normalize_search(" btc usdt ") == "btcusdt"
    assert normalize_search("BTC-USDT") == "BTCUSDT"
    assert normalize_search("e\u0301") == "é"  # NFC


def test_typing_filters_a_thousand_contracts_keystroke_by_keystroke(qapp: QApplication) -> None:
    # Speed is measured by the benchmark (python -m desktop.bench), never asserted here.
    model = ContractsModel(large_catalog(1000))
    proxy = ContractsFilter(model)
    proxy.sort(ContractColumn.SYMBOL, Qt.SortOrder.AscendingOrder)
    assert proxy.rowCount() == 1000
    contracts = [model.contract_at(row) for row in range(model.rowCount())]
    for typed in ("c", "c0", "c00", "c001", "c0012", "c001", "c00", "c0", "c", "usdc", ""):
        proxy.set_text(typed)
        expected = sum(
            1
            for c in contracts
            if c is not None and (typed in c.symbol.lower() or typed in c.base_asset.lower())
        )
        assert proxy.rowCount() == expected, typed
        assert proxy.rowCount() > 0 or typed == "c0012"


def test_an_empty_catalog_is_an_empty_model(qapp: QApplication) -> None:
    model = ContractsModel(ContractCatalog())
    assert model.rowCount() == 0
    assert model.quote_assets() == []


def test_sorting_happens_in_the_model_with_unknown_values_last_either_way(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    _, book, model = parts
    proxy = ContractsFilter(model)
    book.on_tickers(
        [
            ticker("ETHUSDT", "1", quote_volume="300"),
            ticker("XAUUSDT", "1", quote_volume="100"),
            ticker("BTCUSDT", "1", quote_volume="200"),
        ],
        1.0,
    )
    book.flush()
    proxy.sort(ContractColumn.QUOTE_VOLUME, Qt.SortOrder.DescendingOrder)
    assert model.sort_column() == ContractColumn.QUOTE_VOLUME
    assert shown(proxy)[:3] == ["ETHUSDT", "BTCUSDT", "XAUUSDT"]
    proxy.sort(ContractColumn.QUOTE_VOLUME, Qt.SortOrder.AscendingOrder)
    assert shown(proxy)[:3] == ["XAUUSDT", "BTCUSDT", "ETHUSDT"]
    proxy.sort(-1)
    assert shown(proxy) == [c.symbol for c in sample_catalog()]


def test_a_live_re_sort_keeps_persistent_indexes_on_their_contract(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    _, book, model = parts
    book.on_tickers([ticker("ETHUSDT", "1", quote_volume="1")], 1.0)
    book.flush()
    model.sort(ContractColumn.QUOTE_VOLUME, Qt.SortOrder.DescendingOrder)
    eth = QPersistentModelIndex(model.index(model.row_of("ETHUSDT"), ContractColumn.SYMBOL))
    layouts: list[object] = []
    model.layoutChanged.connect(lambda *a: layouts.append(a))
    book.on_tickers([ticker("XAUUSDT", "1", quote_volume="5")], 2.0)
    book.flush()
    assert layouts, "XAUUSDT moved to the top"
    assert eth.data() == "ETHUSDT" and eth.row() == 1
    book.on_tickers([ticker("XAUUSDT", "1", quote_volume="6")], 3.0)
    book.flush()
    assert len(layouts) == 1, "no layout change when the order stays"


def test_while_no_view_shows_it_quotes_are_not_announced_then_all_at_once(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
) -> None:
    _, book, model = parts
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda tl, br, *_: changes.append((tl.row(), br.row())))
    model.set_quotes_live(False)
    book.on_tickers([ticker("ETHUSDT", "3890.5"), ticker("BTCUSDT", "97000.1")], 1.0)
    assert changes == []
    model.set_quotes_live(True)
    assert changes == [(0, model.rowCount() - 1)]
    eth = model.index(row_of(model, "ETHUSDT"), ContractColumn.LAST)
    assert eth.data() == "3,890.50"  # tick precision


@pytest.mark.parametrize(
    "filter_change_api",
    [
        pytest.param(True, id="qt>=6.10"),
        # On Qt >= 6.10 the older call works but PySide warns that it is deprecated.
        pytest.param(
            False,
            id="older-qt",
            marks=pytest.mark.filterwarnings("ignore:.*invalidateRowsFilter:DeprecationWarning"),
        ),
    ],
)
def test_filter_narrows_and_widens_with_either_filter_change_api(
    parts: tuple[Watchlist, QuoteBook, ContractsModel],
    monkeypatch: pytest.MonkeyPatch,
    filter_change_api: bool,
) -> None:
    # Qt before 6.10 has no endFilterChange(); the picker must still filter there.
    if filter_change_api and not contracts_model.FILTER_CHANGE_API:
        pytest.skip("this Qt has no beginFilterChange()/endFilterChange()")
    monkeypatch.setattr(contracts_model, "FILTER_CHANGE_API", filter_change_api)
    proxy = ContractsFilter(parts[2])
    proxy.set_text("btc")
    assert shown(proxy) == ["BTCUSDT", "BTCUSDT_261225"]
    proxy.set_kind("quarterly")
    assert shown(proxy) == ["BTCUSDT_261225"]
    proxy.set_kind("all")
    proxy.set_quote_asset("USDC")
    proxy.set_text("")
    assert shown(proxy) == ["ETHUSDC"]
    proxy.set_quote_asset("")
    assert len(shown(proxy)) == len(sample_catalog())
