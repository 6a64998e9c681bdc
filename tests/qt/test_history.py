"""PriceHistory: seeded from candles without blocking, extended by pushes one point a minute,
normalised once per change for painting; fresh 24h highs and lows badge for a while.

The candle source here is a small in-process object (the real REST client against the
simulated exchange is covered in ``tests/app/test_context_app.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.exchange.rest import RestError
from desktop.qt.history import MINUTE_MS, PriceHistory, Trend, _make_trend
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column, Role, WatchlistModel
from tests.conftest import QtLoop, wait_for
from tests.qt.market_samples import FakeClock, sample_catalog, ticker

T0 = 1_767_225_600_000  # a whole minute, in ms


def candles(count: int, start: int = T0, first: int = 100) -> list[tuple[int, Decimal]]:
    return [(start + i * MINUTE_MS, Decimal(first + i)) for i in range(count)]


class Candles:
    """An in-process candle source: answers from a dict, optionally held at a gate."""

    def __init__(self, answers: dict[str, list[tuple[int, Decimal]]]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, str, int]] = []
        self.gate: asyncio.Event | None = None
        self.in_flight = 0
        self.most_in_flight = 0

    async def klines(
        self, symbol: str, interval: str = "1m", limit: int = 60
    ) -> list[tuple[int, Decimal]]:
        self.calls.append((symbol, interval, limit))
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.gate is not None:
                await self.gate.wait()
            if symbol not in self.answers:
                raise RestError("Binance answered 400: Invalid symbol.", status=400)
            return list(self.answers[symbol])
        finally:
            self.in_flight -= 1


class Rig:
    def __init__(self, source: Candles | None = None, **options: Any) -> None:
        self.clock = FakeClock()
        self.book = QuoteBook(clock=self.clock)
        self.history = PriceHistory(self.book, source, clock=self.clock, **options)

    def push(self, symbol: str, close: str, event_time: int, **fields: str) -> None:
        self.book.on_tickers([ticker(symbol, close, event_time=event_time, **fields)], 0.0)
        self.book.flush()

    def closes(self, symbol: str) -> list[Decimal]:
        return [c for _, c in self.history.points(symbol)]


@pytest.fixture
def rig(qapp: QApplication) -> Iterator[Rig]:
    r = Rig()
    yield r
    r.history.deleteLater()


def record(signal: Any) -> list[list[str]]:
    calls: list[list[str]] = []
    signal.connect(lambda symbols: calls.append(list(symbols)))
    return calls


# -- seeding ---------------------------------------------------------------------------


def test_a_tracked_symbol_is_seeded_with_an_hour_of_one_minute_candles(qt_loop: QtLoop) -> None:
    source = Candles({"BTCUSDT": candles(60)})
    r = Rig(source)
    changed = record(r.history.trendsChanged)

    async def scenario() -> None:
        r.history.set_symbols(["BTCUSDT"])
        await wait_for(lambda: r.history.is_seeded("BTCUSDT"), what="candles")

    qt_loop.run(scenario())
    assert source.calls == [("BTCUSDT", "1m", 60)]
    assert r.history.points("BTCUSDT") == candles(60)
    assert changed == [["BTCUSDT"]]
    assert r.history.seeding() == 0


def test_seeding_runs_a_bounded_number_of_requests_at_once(qt_loop: QtLoop) -> None:
    symbols = [f"S{i}USDT" for i in range(10)]
    source = Candles({s: candles(5) for s in symbols})
    source.gate = asyncio.Event()
    r = Rig(source, max_concurrent=3)

    async def scenario() -> None:
        r.history.set_symbols(symbols)
        await wait_for(lambda: source.in_flight == 3, what="three requests in flight")
        assert r.history.seeding() == 10  # the others wait their turn, the loop runs on
        assert source.gate is not None
        source.gate.set()
        await wait_for(lambda: all(r.history.is_seeded(s) for s in symbols), what="all seeded")

    qt_loop.run(scenario())
    assert source.most_in_flight == 3
    assert sorted(c[0] for c in source.calls) == sorted(symbols)


def test_a_failed_request_leaves_no_sparkline_and_no_error_and_the_stream_still_draws(
    qt_loop: QtLoop,
) -> None:
    source = Candles({})  # every symbol is refused
    r = Rig(source)

    async def scenario() -> None:
        r.history.set_symbols(["NOPEUSDT"])
        await wait_for(lambda: r.history.seeding() == 0, what="the request to fail")

    qt_loop.run(scenario())
    assert not r.history.is_seeded("NOPEUSDT")
    assert r.history.trend("NOPEUSDT") is None
    r.push("NOPEUSDT", "5", T0)
    r.push("NOPEUSDT", "6", T0 + MINUTE_MS)
    assert r.closes("NOPEUSDT") == [Decimal(5), Decimal(6)]
    assert r.history.trend("NOPEUSDT") is not None


def test_a_symbol_dropped_while_its_request_runs_is_forgotten(qt_loop: QtLoop) -> None:
    source = Candles({"BTCUSDT": candles(60)})
    source.gate = asyncio.Event()
    r = Rig(source)

    async def scenario() -> None:
        r.history.set_symbols(["BTCUSDT"])
        await wait_for(lambda: source.in_flight == 1, what="the request to start")
        r.history.set_symbols([])
        await wait_for(lambda: r.history.seeding() == 0, what="the request to be cancelled")

    qt_loop.run(scenario())
    assert r.history.points("BTCUSDT") == []
    assert not r.history.is_seeded("BTCUSDT")


def test_close_cancels_requests_and_nothing_is_seeded_afterwards(qt_loop: QtLoop) -> None:
    source = Candles({"BTCUSDT": candles(60), "ETHUSDT": candles(60)})
    source.gate = asyncio.Event()
    r = Rig(source)

    async def scenario() -> None:
        r.history.set_symbols(["BTCUSDT"])
        await wait_for(lambda: source.in_flight == 1, what="the request to start")
        await r.history.close()
        r.history.set_symbols(["BTCUSDT", "ETHUSDT"])

    qt_loop.run(scenario())
    assert r.history.seeding() == 0
    assert [c[0] for c in source.calls] == ["BTCUSDT"]


def test_without_a_running_loop_tracking_only_listens_to_the_stream(rig: Rig) -> None:
    rig.history.set_source(Candles({"BTCUSDT": candles(60)}))
    rig.history.set_symbols(["BTCUSDT"])  # no event loop here: no task, no error
    assert rig.history.seeding() == 0
    rig.push("BTCUSDT", "1", T0)
    assert rig.closes("BTCUSDT") == [Decimal(1)]


# -- the stream ----------------------------------------------------------------------


def test_pushes_add_one_point_a_minute_and_update_the_newest_in_place(rig: Rig) -> None:
    rig.history.set_symbols(["BTCUSDT"])
    changed = record(rig.history.trendsChanged)
    rig.push("BTCUSDT", "100", T0 + 1_000)
    rig.push("BTCUSDT", "101", T0 + 30_000)  # same minute: replaces
    rig.push("BTCUSDT", "101", T0 + 40_000)  # same minute, same price: nothing changes
    rig.push("BTCUSDT", "102", T0 + MINUTE_MS + 5)
    assert rig.history.points("BTCUSDT") == [
        (T0, Decimal(101)),
        (T0 + MINUTE_MS, Decimal(102)),
    ]
    assert changed == [["BTCUSDT"], ["BTCUSDT"], ["BTCUSDT"]]


def test_the_ring_keeps_only_the_last_hour(rig: Rig) -> None:
    rig.history.set_symbols(["BTCUSDT"])
    for minute in range(75):
        rig.push("BTCUSDT", str(100 + minute), T0 + minute * MINUTE_MS)
    points = rig.history.points("BTCUSDT")
    assert len(points) == 60
    assert points[0] == (T0 + 15 * MINUTE_MS, Decimal(115))
    assert points[-1] == (T0 + 74 * MINUTE_MS, Decimal(174))


def test_untracked_symbols_and_rest_snapshots_do_not_draw(rig: Rig) -> None:
    rig.history.set_symbols(["BTCUSDT"])
    rig.push("ETHUSDT", "5", T0)
    rig.book.seed([ticker("BTCUSDT", "7", event_time=T0)])
    rig.book.flush()
    assert rig.history.points("ETHUSDT") == []
    assert rig.history.points("BTCUSDT") == []  # a snapshot is not a price at a known minute


def test_pushed_prices_win_over_candles_of_the_same_minute(rig: Rig) -> None:
    rig.history.set_symbols(["BTCUSDT"])
    rig.push("BTCUSDT", "555", T0 + 59 * MINUTE_MS + 10)  # arrives before the candles do
    rig.history.merge("BTCUSDT", candles(60))
    closes = rig.closes("BTCUSDT")
    assert len(closes) == 60
    assert closes[:59] == [Decimal(100 + i) for i in range(59)]
    assert closes[-1] == Decimal(555)


# -- what the delegate paints -------------------------------------------------------


def test_the_trend_is_normalised_once_per_change(rig: Rig) -> None:
    rig.history.set_symbols(["BTCUSDT"])
    assert rig.history.trend("BTCUSDT") is None
    rig.push("BTCUSDT", "10", T0)
    assert rig.history.trend("BTCUSDT") is None  # one point is not a line
    rig.push("BTCUSDT", "20", T0 + 30 * MINUTE_MS)
    rig.push("BTCUSDT", "15", T0 + 59 * MINUTE_MS)
    trend = rig.history.trend("BTCUSDT")
    assert isinstance(trend, Trend)
    assert trend.points == ((0.0, 0.0), (30 / 59, 1.0), (1.0, 0.5))
    assert trend.sign == 1 and trend.change_percent == Decimal(50)
    assert (trend.low, trend.high) == (Decimal(10), Decimal(20))
    assert rig.history.trend("BTCUSDT") is trend  # cached: painting recomputes nothing
    rig.push("BTCUSDT", "5", T0 + 59 * MINUTE_MS + 1)
    again = rig.history.trend("BTCUSDT")
    assert again is not trend and again is not None and again.sign == -1


def test_a_trend_moved_only_in_its_newest_close_equals_one_worked_out_afresh(
    rig: Rig,
) -> None:
    rig.history.set_symbols(["BTCUSDT"])
    rig.history.merge("BTCUSDT", candles(60))  # 100 … 159
    newest = T0 + 59 * MINUTE_MS
    # Inside the range, a new high, a new low, then back inside: every path.
    for n, close in enumerate(["130", "131.5", "170", "99", "120.25"]):
        before = rig.history.trend("BTCUSDT")
        rig.push("BTCUSDT", close, newest + 1_000 + n)
        moved = rig.history.trend("BTCUSDT")
        fresh = _make_trend(rig.history.points("BTCUSDT"), 60)
        assert moved == fresh, close
        assert moved is not before
    rig.push("BTCUSDT", "121", newest + MINUTE_MS)  # a new minute: worked out in full
    assert rig.history.trend("BTCUSDT") == _make_trend(rig.history.points("BTCUSDT"), 60)


def test_a_flat_hour_sits_in_the_middle(rig: Rig) -> None:
    rig.history.merge("BTCUSDT", candles(3))  # untracked: ignored
    rig.history.set_symbols(["BTCUSDT"])
    rig.history.merge("BTCUSDT", [(T0, Decimal(7)), (T0 + MINUTE_MS, Decimal(7))])
    trend = rig.history.trend("BTCUSDT")
    assert trend is not None
    assert [y for _, y in trend.points] == [0.5, 0.5]
    assert trend.sign == 0


# -- new 24h high / low ---------------------------------------------------------------


def test_a_new_24h_high_or_low_badges_the_symbol_until_it_expires(rig: Rig) -> None:
    rig.history.set_symbols(["BTCUSDT"])
    badges = record(rig.history.badgesChanged)
    rig.push("BTCUSDT", "100", T0, high="110", low="90")
    assert rig.history.badge("BTCUSDT") == 0  # nothing to compare the first push with
    rig.push("BTCUSDT", "111", T0 + 1, high="111", low="90")
    assert rig.history.badge("BTCUSDT") == 1
    rig.clock.advance(5)
    rig.push("BTCUSDT", "89", T0 + 2, high="111", low="89")
    assert rig.history.badge("BTCUSDT") == -1
    rig.push("BTCUSDT", "95", T0 + 3, high="105", low="92")  # the window rolled: no badge
    assert rig.history.badge("BTCUSDT") == -1
    rig.clock.advance(10)
    assert rig.history.badge("BTCUSDT") == 0
    rig.history.expire_badges()
    assert badges == [["BTCUSDT"], ["BTCUSDT"], ["BTCUSDT"]]


def test_badges_expire_on_their_own_timer(qtbot: QtBot) -> None:
    r = Rig(badge_seconds=0.05)
    r.clock.now = 0.0
    r.history.set_symbols(["BTCUSDT"])
    r.push("BTCUSDT", "100", T0, high="110")
    r.push("BTCUSDT", "111", T0 + 1, high="111")
    assert r.history.badge("BTCUSDT") == 1
    r.clock.now = 1.0  # the timer fires after about 50 ms and finds the badge due
    with qtbot.waitSignal(r.history.badgesChanged, timeout=5000) as blocker:
        pass
    assert blocker.args == [["BTCUSDT"]]
    assert r.history.badge("BTCUSDT") == 0


# -- through the watchlist model --------------------------------------------------------


def test_the_model_serves_trend_range_and_badge_and_repaints_on_history_changes(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    clock = FakeClock()
    book = QuoteBook(clock=clock)
    history = PriceHistory(book, clock=clock)
    watchlist = Watchlist(["BTCUSDT", "ETHUSDT"], catalog=sample_catalog())
    model = WatchlistModel(watchlist, book, clock=clock, history=history)
    history.set_symbols(watchlist.symbols())
    book.on_tickers([ticker("BTCUSDT", "100", high="110", low="90", event_time=T0)], clock())
    book.flush()
    row = model.row_of("BTCUSDT")

    def cell(column: Column, role: int) -> Any:
        return model.index(row, column).data(role)

    assert cell(Column.RANGE, Role.RangeRole) == 0.5
    assert "24h range 90.0 – 110.0 USDT — last at 50% of it" in cell(Column.RANGE, 3)
    assert cell(Column.TREND, Role.TrendRole) is None
    with qtbot.waitSignal(model.dataChanged) as blocker:
        history.merge("BTCUSDT", candles(60))
    top_left, bottom_right = blocker.args[:2]
    assert (top_left.row(), top_left.column()) == (row, Column.TREND)
    assert (bottom_right.row(), bottom_right.column()) == (row, Column.RANGE)
    trend = cell(Column.TREND, Role.TrendRole)
    assert isinstance(trend, Trend) and trend.sign == 1
    assert cell(Column.TREND, Role.SortRole) == pytest.approx(float(Decimal(59) * 100 / 100))
    assert cell(Column.TREND, 3).startswith("Last hour +59.00 %")
    assert cell(Column.RANGE, Role.BadgeRole) == 0
    book.on_tickers([ticker("BTCUSDT", "120", high="120", low="90", event_time=T0 + 1)], clock())
    book.flush()
    assert cell(Column.RANGE, Role.BadgeRole) == 1
    qtmodeltester.check(model)
    for item in (model, history):
        assert isinstance(item, QObject)
        item.deleteLater()
