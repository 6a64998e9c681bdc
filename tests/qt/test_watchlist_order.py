"""Sorting the watchlist table: the model orders its rows, re-sorting live columns as values
change, at most once per interval; the proxy only filters."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.exchange.contracts import ContractCatalog
from desktop.qt.alerts import AlertCenter
from desktop.qt.quotes import Quote
from desktop.qt.watchlist_cells import QUOTE_SORT_KEYS, build_cells
from desktop.qt.watchlist_model import Column, Role
from desktop.qt.watchlist_order import LiveOrder
from desktop.qt.watchlist_proxy import WatchlistProxy
from tests.qt.market_samples import ticker
from tests.qt.test_watchlist_model import Rig, record

DESCENDING = Qt.SortOrder.DescendingOrder
ASCENDING = Qt.SortOrder.AscendingOrder


def shown(proxy: WatchlistProxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_a_sorted_table_stays_in_order_when_scattered_rows_change_in_one_read(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    # QSortFilterProxyModel's own live sort placed each announced block among rows that
    # already held new values but not yet new places: 8 of 50 neighbours out of order
    # after one read of 10 scattered quotes.
    symbols = [f"S{i:02d}USDT" for i in range(50)]
    r = Rig(symbols, catalog=ContractCatalog())
    proxy = WatchlistProxy(r.model)
    qtmodeltester.check(proxy)
    dice = random.Random(4)
    percent: dict[str, Decimal] = {}

    def push(chosen: list[str]) -> None:
        events = []
        for symbol in chosen:
            close = f"{dice.uniform(90, 110):.2f}"
            percent[symbol] = (Decimal(close) - 100) / 100
            events.append(ticker(symbol, close, open="100"))
        r.push(*events)

    push(symbols)
    proxy.sort(Column.CHANGE_PERCENT, DESCENDING)
    for _ in range(20):
        push(dice.sample(symbols, 10))  # one read: ten rows, anywhere in the table
        # Stable: equal changes keep the watchlist's own order.
        expected = sorted(symbols, key=lambda s: percent[s], reverse=True)

        def in_order(expected: list[str] = expected) -> bool:
            return shown(proxy) == expected

        qtbot.waitUntil(in_order)


def test_a_live_column_is_re_sorted_once_per_interval_not_on_every_tick(qtbot: QtBot) -> None:
    r = Rig(["AUSDT", "BUSDT", "CUSDT"], catalog=ContractCatalog(), resort_ms=50)
    proxy = WatchlistProxy(r.model)
    r.push(ticker("AUSDT", "3"), ticker("BUSDT", "2"), ticker("CUSDT", "1"))
    proxy.sort(Column.LAST, DESCENDING)
    assert shown(proxy) == ["AUSDT", "BUSDT", "CUSDT"]
    layouts, moves = record(r.model.layoutChanged), record(r.model.rowsMoved)
    for price in ("4", "5", "6", "7"):  # four reads before the interval is up
        r.push(ticker("CUSDT", price))
    assert shown(proxy) == ["AUSDT", "BUSDT", "CUSDT"], "not yet: rows hold still in between"
    assert proxy.index(2, Column.LAST).data() == "7", "while the values are live"
    qtbot.waitUntil(lambda: shown(proxy) == ["CUSDT", "AUSDT", "BUSDT"])
    assert len(layouts) + len(moves) == 1


def test_rows_without_a_value_go_last_either_way_and_ties_keep_the_watchlist_order(
    qapp: QApplication,
) -> None:
    r = Rig(["WAITUSDT", "TIE1USDT", "LOWUSDT", "TIE2USDT", "HIGHUSDT"], catalog=ContractCatalog())
    proxy = WatchlistProxy(r.model)
    r.push(
        ticker("TIE1USDT", "2"),
        ticker("LOWUSDT", "1"),
        ticker("TIE2USDT", "2.0"),
        ticker("HIGHUSDT", "3"),
    )
    proxy.sort(Column.LAST, ASCENDING)
    assert shown(proxy) == ["LOWUSDT", "TIE1USDT", "TIE2USDT", "HIGHUSDT", "WAITUSDT"]
    proxy.sort(Column.LAST, DESCENDING)
    assert shown(proxy) == ["HIGHUSDT", "TIE1USDT", "TIE2USDT", "LOWUSDT", "WAITUSDT"]
    proxy.clear_sort()
    assert shown(proxy) == r.watchlist.symbols()


def test_symbols_added_while_sorted_take_their_sorted_place(qapp: QApplication) -> None:
    r = Rig(["BTCUSDT", "ETHUSDT"], catalog=ContractCatalog())
    proxy = WatchlistProxy(r.model)
    r.push(ticker("BTCUSDT", "100000"), ticker("ETHUSDT", "3000"))
    proxy.sort(Column.SYMBOL, DESCENDING)
    r.watchlist.add(["DOGEUSDT", "AAVEUSDT"])
    assert shown(proxy) == ["ETHUSDT", "DOGEUSDT", "BTCUSDT", "AAVEUSDT"]
    assert r.watchlist.symbols() == ["BTCUSDT", "ETHUSDT", "DOGEUSDT", "AAVEUSDT"], "own order"
    proxy.sort(Column.LAST, DESCENDING)
    r.watchlist.add(["XRPUSDT"])  # no price yet: last
    assert shown(proxy)[:2] == ["BTCUSDT", "ETHUSDT"] and shown(proxy)[-1] == "XRPUSDT"
    r.watchlist.remove(["BTCUSDT"])
    assert shown(proxy)[0] == "ETHUSDT"


def test_a_selected_row_follows_its_symbol_through_a_re_sort(qtbot: QtBot) -> None:
    r = Rig(["AUSDT", "BUSDT", "CUSDT", "DUSDT"], catalog=ContractCatalog())
    proxy = WatchlistProxy(r.model)
    r.push(*(ticker(s, p) for s, p in zip(r.watchlist.symbols(), "4321", strict=True)))
    proxy.sort(Column.LAST, DESCENDING)
    selected = QPersistentModelIndex(proxy.index(1, Column.LAST))
    assert selected.data() == "3"  # BUSDT
    r.push(ticker("BUSDT", "0.5"), ticker("DUSDT", "9"))
    qtbot.waitUntil(lambda: shown(proxy) == ["DUSDT", "AUSDT", "CUSDT", "BUSDT"])
    assert selected.row() == 3 and selected.data() == "0.5"


def test_sorting_by_the_alert_column_follows_new_rules(qtbot: QtBot) -> None:
    r = Rig(["BTCUSDT", "ETHUSDT"], catalog=ContractCatalog())
    center = AlertCenter()
    r.model.set_alert_levels(center.nearest_level)
    center.rulesChanged.connect(r.model.refresh_alerts)
    proxy = WatchlistProxy(r.model)
    r.push(ticker("BTCUSDT", "100000"), ticker("ETHUSDT", "3000"))
    proxy.sort(Column.ALERT, ASCENDING)
    assert shown(proxy) == ["BTCUSDT", "ETHUSDT"], "no alerts: both last, own order"
    center.add_rule(AlertRule("ETHUSDT", AlertKind.ABOVE, Decimal("3300")))
    qtbot.waitUntil(lambda: shown(proxy) == ["ETHUSDT", "BTCUSDT"])


@pytest.mark.parametrize("column", [Column.CHANGE, Column.CHANGE_PERCENT])
def test_float_sort_keys_order_rows_as_their_exact_changes_do(column: Column) -> None:
    dice = random.Random(7)
    quotes = []
    for n in range(2000):
        open_ = Decimal(dice.randint(1, 10**8)).scaleb(-dice.randint(0, 8))
        exponent = open_.as_tuple().exponent
        assert isinstance(exponent, int)
        close = open_ + Decimal(dice.randint(-(10**6), 10**6)).scaleb(exponent)
        quotes.append(Quote(ticker(f"S{n}USDT", f"{close:f}", open=f"{open_:f}"), 1.0))
    key = QUOTE_SORT_KEYS[column]

    def exact(q: Quote) -> Decimal:
        change = q.ticker.change
        return change if column == Column.CHANGE else change * 100 / q.ticker.open

    by_key = sorted(quotes, key=lambda q: (key(q), exact(q)))
    by_exact = sorted(quotes, key=exact)
    assert [exact(q) for q in by_key] == [exact(q) for q in by_exact]


def test_sort_keys_without_a_value_are_none() -> None:
    flat = Quote(ticker("FLATUSDT", "7", open="0", high="7", low="7"), 3.0)
    assert QUOTE_SORT_KEYS[Column.CHANGE_PERCENT](flat) is None  # no open price
    assert QUOTE_SORT_KEYS[Column.RANGE](flat) is None  # no 24h range
    cells = build_cells("FLATUSDT", flat, None)
    assert cells.sort[Column.CHANGE_PERCENT] is None and cells.sort[Column.RANGE] is None


def test_the_sort_role_still_answers_while_the_model_sorts(rig_symbols: Rig) -> None:
    proxy = WatchlistProxy(rig_symbols.model)
    proxy.sort(Column.CHANGE_PERCENT, DESCENDING)
    index = proxy.index(0, Column.CHANGE_PERCENT)
    assert isinstance(index.data(Role.SortRole), float)


@pytest.fixture
def rig_symbols(qapp: QApplication) -> Rig:
    r = Rig(["BTCUSDT", "ETHUSDT"], catalog=ContractCatalog())
    r.push(ticker("BTCUSDT", "100000", open="99000"), ticker("ETHUSDT", "3000", open="3100"))
    return r


def test_live_order_rearranges_only_for_changes_in_the_column_it_sorts_by(qtbot: QtBot) -> None:
    values = {"AUSDT": 3.0, "BUSDT": 1.0, "CUSDT": 2.0}
    order = LiveOrder(lambda col: values.get, resort_ms=10)
    assert order.set_manual(["AUSDT", "BUSDT", "CUSDT", "AUSDT"]) == ["AUSDT", "BUSDT", "CUSDT"]
    with qtbot.waitSignal(order.rearranged) as sorted_now:
        order.sort_by(Column.LAST, ASCENDING)
    assert sorted_now.args == [["BUSDT", "CUSDT", "AUSDT"]]
    values["AUSDT"] = 0.0
    with qtbot.assertNotEmitted(order.rearranged, wait=50):
        order.changed(["AUSDT"], (Column.HIGH,))  # not the sort column
        order.changed(["AUSDT"], (Column.LAST,), resort=False)  # keys forgotten, no re-sort
    with qtbot.waitSignal(order.rearranged) as resorted:
        order.changed(["CUSDT"], (Column.LAST,))
    assert resorted.args == [["AUSDT", "BUSDT", "CUSDT"]]
