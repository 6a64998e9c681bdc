"""Movers and MoversModel: rankings of the whole book in the right order, recomputed on a
timer that runs only while shown (never per event) and only for symbols that changed,
trading contracts only, "+" turning into "✓"."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.exchange.ticker import MiniTicker
from desktop.qt.movers_model import (
    ADD_MARK,
    WATCHED_MARK,
    MoverColumn,
    MoverKind,
    MoverRole,
    Movers,
    MoversModel,
    rank,
)
from desktop.qt.quotes import QuoteBook
from tests.qt.market_samples import sample_catalog, ticker

DISPLAY = Qt.ItemDataRole.DisplayRole


def moved(symbol: str, percent: str, volume: str = "1000") -> MiniTicker:
    """A ticker that moved ``percent`` from an open of 100."""
    close = Decimal(100) + Decimal(percent)
    return ticker(symbol, str(close), open="100", quote_volume=volume)


MARKET = [
    moved("AAAUSDT", "5", "300"),
    moved("BBBUSDT", "-7", "900"),
    moved("CCCUSDT", "12.5", "100"),
    moved("DDDUSDT", "-1", "5000"),
    moved("EEEUSDT", "5", "50"),  # ties AAAUSDT on percent: the smaller symbol first
    moved("FFFUSDT", "0", "700"),
]


def test_rank_orders_gainers_losers_and_volume() -> None:
    def names(kind: MoverKind, count: int = 3) -> list[str]:
        return [t.symbol for t in rank(MARKET, kind, count)]

    assert names(MoverKind.GAINERS) == ["CCCUSDT", "AAAUSDT", "EEEUSDT"]
    assert names(MoverKind.LOSERS) == ["BBBUSDT", "DDDUSDT", "FFFUSDT"]
    assert names(MoverKind.VOLUME) == ["DDDUSDT", "BBBUSDT", "FFFUSDT"]
    assert names(MoverKind.GAINERS, 10) == [
        "CCCUSDT",
        "AAAUSDT",
        "EEEUSDT",
        "FFFUSDT",
        "DDDUSDT",
        "BBBUSDT",
    ]


def test_rank_leaves_out_what_has_no_percent_and_what_is_excluded() -> None:
    zero_open = ticker("ZZZUSDT", "5", open="0", quote_volume="99999")
    assert [t.symbol for t in rank([*MARKET, zero_open], MoverKind.GAINERS, 10)][-1] == "BBBUSDT"
    assert rank([zero_open], MoverKind.VOLUME, 1) == [zero_open]
    chosen = rank(MARKET, MoverKind.LOSERS, 2, include=lambda s: s != "BBBUSDT")
    assert [t.symbol for t in chosen] == ["DDDUSDT", "FFFUSDT"]


class Rig:
    def __init__(self, kind: MoverKind, count: int = 3, refresh_ms: int = 1000) -> None:
        self.book = QuoteBook()
        self.movers = Movers(self.book, count=count, refresh_ms=refresh_ms)
        self.model: MoversModel = self.movers.models[kind]

    def push(self, *events: MiniTicker) -> None:
        self.book.on_tickers(list(events), 1.0)
        self.book.flush()

    def column(self, column: MoverColumn, role: int = DISPLAY) -> list[Any]:
        return [self.model.index(r, column).data(role) for r in range(self.model.rowCount())]


@pytest.fixture
def gainers(qapp: QApplication) -> Iterator[Rig]:
    r = Rig(MoverKind.GAINERS)
    yield r
    r.movers.set_active(False)
    r.movers.deleteLater()


def test_the_model_shows_the_ranking_and_passes_the_model_tester(
    gainers: Rig, qtmodeltester: ModelTester
) -> None:
    gainers.push(*MARKET)
    gainers.movers.set_active(True)
    assert gainers.model.symbols() == ["CCCUSDT", "AAAUSDT", "EEEUSDT"]
    assert gainers.column(MoverColumn.CHANGE_PERCENT) == ["+12.50 %", "+5.00 %", "+5.00 %"]
    assert gainers.column(MoverColumn.LAST) == ["112.5", "105", "105"]
    assert gainers.column(MoverColumn.ADD) == [ADD_MARK] * 3
    assert gainers.column(MoverColumn.SYMBOL, MoverRole.SymbolRole) == gainers.model.symbols()
    assert gainers.column(MoverColumn.CHANGE_PERCENT, MoverRole.SortRole) == [12.5, 5.0, 5.0]
    qtmodeltester.check(gainers.model)


def test_events_do_not_rerank_until_the_timer_says_so(gainers: Rig, qtbot: QtBot) -> None:
    gainers.push(*MARKET)
    gainers.movers.set_active(True)
    changes: list[Any] = []
    gainers.model.dataChanged.connect(lambda *args: changes.append(args))
    for step in range(50):  # a burst of events: no recomputation per event
        gainers.push(moved("FFFUSDT", str(20 + step)))
    assert gainers.model.symbols() == ["CCCUSDT", "AAAUSDT", "EEEUSDT"]
    assert changes == []
    gainers.movers.refresh()  # what the 1 s timer does
    assert gainers.model.symbols() == ["FFFUSDT", "CCCUSDT", "AAAUSDT"]
    assert len(changes) == 1  # one block of changed rows
    top_left, bottom_right = changes[0][:2]
    assert (top_left.row(), bottom_right.row()) == (0, 2)


def test_the_timer_refreshes_only_while_active(qapp: QApplication, qtbot: QtBot) -> None:
    r = Rig(MoverKind.VOLUME, refresh_ms=20)
    r.push(*MARKET)
    assert r.model.rowCount() == 0 and not r.movers.is_active()  # nothing ranked while hidden
    r.movers.set_active(True)
    assert r.model.symbols() == ["DDDUSDT", "BBBUSDT", "FFFUSDT"]
    r.push(ticker("NEWUSDT", "1", quote_volume="1000000"))
    qtbot.waitUntil(lambda: r.model.symbols()[0] == "NEWUSDT", timeout=5000)
    r.movers.set_active(False)
    assert not r.movers.is_active()
    r.movers.deleteLater()


def test_rows_grow_and_shrink_at_the_end(gainers: Rig, qtbot: QtBot) -> None:
    gainers.movers.set_active(True)
    assert gainers.model.rowCount() == 0
    with qtbot.waitSignal(gainers.model.rowsInserted) as inserted:
        gainers.push(moved("AAAUSDT", "1"), moved("BBBUSDT", "2"))
        gainers.movers.refresh()
    assert inserted.args[1:] == [0, 1]
    gainers.push(*MARKET)
    gainers.movers.refresh()
    assert gainers.model.rowCount() == 3
    gainers.movers.set_catalog(sample_catalog())  # none of these is listed: nothing qualifies
    assert gainers.model.rowCount() == 0


def test_only_trading_contracts_of_the_catalog_are_ranked(qapp: QApplication) -> None:
    r = Rig(MoverKind.GAINERS, count=5)
    r.movers.set_catalog(sample_catalog())
    r.push(moved("BTCUSDT", "1"), moved("OLDUSDT", "50"), moved("ETHUSDT", "2"))
    r.movers.refresh()
    assert r.model.symbols() == ["ETHUSDT", "BTCUSDT"]  # OLDUSDT is settling
    assert r.column(MoverColumn.LAST) == ["102.00", "101.0"]  # at each contract's tick
    r.movers.deleteLater()


def test_watched_symbols_show_a_check_mark(gainers: Rig, qtbot: QtBot) -> None:
    gainers.push(*MARKET)
    gainers.movers.set_active(True)
    with qtbot.waitSignal(gainers.model.dataChanged) as changed:
        gainers.movers.set_watched(["AAAUSDT", "ZZZUSDT"])
    assert (changed.args[0].row(), changed.args[0].column()) == (1, MoverColumn.ADD)
    assert gainers.column(MoverColumn.ADD) == [ADD_MARK, WATCHED_MARK, ADD_MARK]
    assert gainers.column(MoverColumn.ADD, MoverRole.WatchedRole) == [False, True, False]


def test_changes_while_hidden_are_ranked_when_shown_again(gainers: Rig) -> None:
    gainers.push(*MARKET)
    gainers.movers.set_active(True)
    gainers.movers.set_active(False)
    gainers.push(moved("AAAUSDT", "-20"), moved("NEWUSDT", "30"))  # not followed: hidden
    assert gainers.model.symbols() == ["CCCUSDT", "AAAUSDT", "EEEUSDT"]
    gainers.movers.set_active(True)
    assert gainers.model.symbols() == ["NEWUSDT", "CCCUSDT", "EEEUSDT"]
    gainers.push(moved("FFFUSDT", "13"))  # followed while shown, ranked on the next tick
    gainers.movers.refresh()
    assert gainers.model.symbols() == ["NEWUSDT", "FFFUSDT", "CCCUSDT"]
    losers = gainers.movers.models[MoverKind.LOSERS]
    assert losers.symbols() == ["AAAUSDT", "BBBUSDT", "DDDUSDT"]  # one pass ranks every kind


def test_a_refresh_announces_only_the_cells_that_look_different(gainers: Rig) -> None:
    gainers.push(*MARKET)
    gainers.movers.set_active(True)
    changes: list[tuple[int, int, int, int]] = []
    gainers.model.dataChanged.connect(
        lambda tl, br, *_: changes.append((tl.row(), br.row(), tl.column(), br.column()))
    )
    # AAAUSDT moves within its place; EEEUSDT trades volume without a visible change.
    gainers.push(moved("AAAUSDT", "6", "300"), moved("EEEUSDT", "5", volume="50.001"))
    gainers.movers.refresh()
    assert gainers.model.symbols() == ["CCCUSDT", "AAAUSDT", "EEEUSDT"]
    assert changes == [(1, 1, MoverColumn.LAST, MoverColumn.CHANGE_PERCENT)]
    assert gainers.column(MoverColumn.CHANGE_PERCENT) == ["+12.50 %", "+6.00 %", "+5.00 %"]
    changes.clear()
    gainers.push(moved("EEEUSDT", "7"))  # overtakes AAAUSDT: both rows change whole
    gainers.movers.refresh()
    assert gainers.model.symbols() == ["CCCUSDT", "EEEUSDT", "AAAUSDT"]
    assert changes == [(1, 2, MoverColumn.ADD, MoverColumn.QUOTE_VOLUME)]


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.decimals(min_value=Decimal("0.00000001"), max_value=10**6, places=8),
            st.decimals(min_value=Decimal("0.00000001"), max_value=10**6, places=8),
        ),
        min_size=2,
        max_size=30,
    )
)
def test_float_keys_rank_in_the_order_of_the_exact_decimals(
    prices: list[tuple[Decimal, Decimal]],
) -> None:
    tickers = [
        ticker(f"S{i:02d}USDT", f"{close:f}", open=f"{open_:f}", quote_volume=f"{close:f}")
        for i, (close, open_) in enumerate(prices)
    ]

    def exact(kind: MoverKind, t: MiniTicker) -> Decimal:
        if kind is MoverKind.VOLUME:
            return -t.quote_volume
        percent = t.change_percent
        assert percent is not None
        return -percent if kind is MoverKind.GAINERS else percent

    for kind in MoverKind:
        keys = [exact(kind, t) for t in rank(tickers, kind, len(tickers))]
        assert len(keys) == len(tickers)
        for first, second in pairwise(keys):
            # In order, or a near-tie: floats tell values apart to ~16 digits.
            assert first <= second or first - second <= abs(second) * Decimal("1e-13")


def test_a_screen_reader_hears_each_mover_in_words(gainers: Rig) -> None:
    gainers.push(*MARKET)
    gainers.movers.set_active(True)
    spoken = int(Qt.ItemDataRole.AccessibleTextRole)
    assert gainers.column(MoverColumn.SYMBOL, spoken)[0] == "CCCUSDT, last 112.5, up 12.50 percent"
    assert gainers.column(MoverColumn.CHANGE_PERCENT, spoken)[0] == "24h up 12.50 percent"
    assert gainers.column(MoverColumn.ADD, spoken)[0] == "Add CCCUSDT to the watchlist"  # not "+"
