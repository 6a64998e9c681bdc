"""Market context in the whole app against the simulated exchange: sparklines seeded from
its klines endpoint and extended by its stream, movers ranked from its real
``!miniTicker@arr``, and several watchlists sharing one subscription per symbol."""

from __future__ import annotations

import asyncio
import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.app import Parts, build, serve
from desktop.exchange.symbols import ALL_MARKET_STREAM
from desktop.qt.history import MINUTE_MS, Trend
from desktop.qt.movers_model import MoverColumn, MoverKind
from desktop.qt.watchlist_model import Column, Role
from desktop.simexchange.market import SymbolState
from desktop.simexchange.server import SimExchange
from desktop.stream.client import StreamClient
from tests.app.test_app import fast_client, live_client, options_for
from tests.conftest import QtLoop, wait_for

DEFAULTS = ["BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT"]


def patient_client(exchange: SimExchange) -> StreamClient:
    """For a market that never ticks: silence is not a dead connection."""
    return StreamClient(exchange.endpoints, data_timeout=120.0, ping_interval=30.0)


async def start(
    exchange: SimExchange, config_dir: Path, app: Any, client: StreamClient | None = None
) -> tuple[Parts, asyncio.Task[None]]:
    parts = await build(
        options_for(exchange, config_dir),
        app,
        client=client if client is not None else fast_client(exchange),
    )
    return parts, asyncio.create_task(serve(parts))


def kline_hits(exchange: SimExchange) -> list[dict[str, str]]:
    return [h.query for h in exchange.stats.rest_requests if h.path == "/fapi/v1/klines"]


def expected_closes(exchange: SimExchange, symbol: str) -> list[Decimal]:
    """What the klines endpoint answers for ``symbol`` (the market has not moved since)."""
    state = exchange.market.state(symbol)
    assert state is not None
    return [Decimal(row[4]) for row in exchange.market.klines(state, "1m", 60)]


def test_sparklines_are_seeded_from_the_klines_endpoint(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        # A market that never ticks: the candles are all the history there is.
        async with SimExchange(cadence=3600, seed=11) as exchange:
            parts, task = await start(exchange, tmp_path, qapp, patient_client(exchange))
            history = parts.history
            await wait_for(
                lambda: all(history.is_seeded(s) for s in DEFAULTS), what="every row seeded"
            )
            hits = kline_hits(exchange)
            assert sorted(h["symbol"] for h in hits) == sorted(DEFAULTS)  # one request each
            assert all(h["interval"] == "1m" and h["limit"] == "60" for h in hits)
            for symbol in DEFAULTS:
                points = history.points(symbol)
                assert [c for _, c in points] == expected_closes(exchange, symbol)
                minutes = [t for t, _ in points]
                assert all(t % MINUTE_MS == 0 for t in minutes)
                assert all(b - a == MINUTE_MS for a, b in itertools.pairwise(minutes))
            model = parts.window.model
            index = model.index(model.row_of("BTCUSDT"), Column.TREND)
            trend = index.data(Role.TrendRole)
            assert isinstance(trend, Trend) and len(trend.points) == 60
            assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in trend.points)
            # A symbol added later gets its own request, once.
            await wait_for(lambda: len(parts.watchlist.catalog) > 50, what="contract list")
            parts.watchlist.add(["DOGEUSDT"])
            await wait_for(lambda: history.is_seeded("DOGEUSDT"), what="the new row seeded")
            assert [h["symbol"] for h in kline_hits(exchange)].count("DOGEUSDT") == 1
            assert len(kline_hits(exchange)) == len(DEFAULTS) + 1
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())


def test_the_stream_extends_the_seeded_hour(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.05, seed=12) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            history, book = parts.history, parts.book

            def follows_the_stream() -> bool:
                quote = book.quote("ETHUSDT")
                points = history.points("ETHUSDT")
                return (
                    history.is_seeded("ETHUSDT")
                    and quote is not None
                    and not quote.from_snapshot
                    and bool(points)
                    and points[-1]
                    == (quote.ticker.event_time // MINUTE_MS * MINUTE_MS, quote.ticker.close)
                )

            await wait_for(follows_the_stream, what="the newest point to be the pushed price")
            assert 59 <= len(history.points("ETHUSDT")) <= 60
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())


def ranked(states: list[SymbolState], kind: MoverKind, count: int = 10) -> list[str]:
    if kind is MoverKind.VOLUME:
        order = sorted(states, key=lambda s: (-s.quote_volume, s.symbol))
    else:
        sign = -1 if kind is MoverKind.GAINERS else 1
        order = sorted(states, key=lambda s: (sign * (s.close - s.open) * 100 / s.open, s.symbol))
    return [s.symbol for s in order[:count]]


def test_movers_rank_the_real_all_market_stream_only_while_shown(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=3600, arr_interval=0.05, seed=13) as exchange:
            parts, task = await start(exchange, tmp_path, qapp, patient_client(exchange))
            await wait_for(lambda: len(parts.watchlist.catalog) > 50, what="contract list")
            # 5 symbols' mini tickers, and the mark prices of the pin (its tray funding)
            await wait_for(lambda: live_client(parts).status.streams == 6, what="6 streams")
            assert ALL_MARKET_STREAM not in exchange.stats.subscribed_streams()
            panel = parts.movers.panel
            parts.movers.show()
            assert panel.is_active() and live_client(parts).all_market
            await wait_for(
                lambda: ALL_MARKET_STREAM in exchange.stats.subscribed_streams(),
                what="!miniTicker@arr subscribed at the server",
            )
            trading = exchange.market.trading_states()

            def pushed_all() -> bool:
                quotes = [parts.book.quote(s.symbol) for s in trading]
                return all(q is not None and not q.from_snapshot for q in quotes)

            await wait_for(pushed_all, what="every trading symbol pushed by the @arr stream")
            for kind in MoverKind:
                model = panel.models[kind]
                await wait_for(
                    lambda m=model, k=kind: m.symbols() == ranked(trading, k),  # type: ignore[misc]
                    what=f"{kind.title} in order",
                )
            # One click on "+" adds the top gainer to the shown watchlist.
            view = panel.views[MoverKind.GAINERS]
            top = panel.models[MoverKind.GAINERS].symbol_at(0)
            assert top is not None and top not in parts.watchlist
            rect = view.visualRect(view.model().index(0, MoverColumn.ADD))
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert parts.watchlist.symbols()[-1] == top
            await wait_for(
                lambda: f"{top.lower()}@miniTicker" in exchange.stats.subscribed_streams(),
                what="the added symbol subscribed",
            )
            parts.movers.hide()
            assert not panel.is_active() and not live_client(parts).all_market
            await wait_for(
                lambda: ALL_MARKET_STREAM not in exchange.stats.subscribed_streams(),
                what="!miniTicker@arr unsubscribed once the movers are hidden",
            )
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())


def test_two_lists_sharing_a_symbol_subscribe_it_once(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    def streams_at_server(exchange: SimExchange) -> list[str]:
        return [s for streams in exchange.stats.subscriptions.values() for s in streams]

    def requested(exchange: SimExchange, method: str, stream: str) -> int:
        sent = [r.params for r in exchange.stats.requests_with(method)]
        return sum(isinstance(params, list) and stream in params for params in sent)

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=14) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            lists = parts.watchlists
            # 5 symbols' mini tickers, and the mark prices of the pin (its tray funding)
            await wait_for(lambda: live_client(parts).status.streams == 6, what="6 streams")
            await wait_for(lambda: len(parts.watchlist.catalog) > 50, what="contract list")
            subscribes_before = requested(exchange, "SUBSCRIBE", "btcusdt@miniTicker")
            alts = lists.add_list("Alts")
            lists.set_current(alts)
            added, _ = parts.watchlist.add(["BTCUSDT", "DOGEUSDT"])
            assert added == ["BTCUSDT", "DOGEUSDT"]
            await wait_for(
                lambda: "dogeusdt@miniTicker" in exchange.stats.subscribed_streams(),
                what="DOGEUSDT subscribed",
            )
            # BTCUSDT is on both lists and subscribed once: no new request, one stream.
            assert requested(exchange, "SUBSCRIBE", "btcusdt@miniTicker") == subscribes_before
            assert streams_at_server(exchange).count("btcusdt@miniTicker") == 1
            assert len(streams_at_server(exchange)) == 7  # 6 symbols, the pin's marks
            # Off one list but still on the other: it stays subscribed.
            parts.watchlist.remove(["BTCUSDT", "DOGEUSDT"])
            await wait_for(
                lambda: "dogeusdt@miniTicker" not in exchange.stats.subscribed_streams(),
                what="DOGEUSDT unsubscribed",
            )
            assert requested(exchange, "UNSUBSCRIBE", "btcusdt@miniTicker") == 0
            assert "btcusdt@miniTicker" in exchange.stats.subscribed_streams()
            assert lists.pins() == ["BTCUSDT"]  # still pinned: the first list holds it
            # Off every list: unsubscribed.
            lists.set_current(0)
            parts.watchlist.remove(["BTCUSDT"])
            await wait_for(
                lambda: "btcusdt@miniTicker" not in exchange.stats.subscribed_streams(),
                what="BTCUSDT unsubscribed",
            )
            parts.watchlist.add(["ADAUSDT"])
            lists.add_to(alts, ["ADAUSDT", "LINKUSDT"])
            parts.quit_event.set()
            await task
        saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
        assert saved["watchlists"] == [
            {"name": "Watchlist", "symbols": [*DEFAULTS[1:], "ADAUSDT"]},
            {"name": "Alts", "symbols": ["ADAUSDT", "LINKUSDT"]},
        ]
        assert saved["watchlist"] == [*DEFAULTS[1:], "ADAUSDT", "LINKUSDT"]  # the union
        assert saved["current_watchlist"] == 0
        assert saved["pins"] == []

    qt_loop.run(scenario())


def test_saved_lists_come_back_on_the_tab_that_was_shown(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps(
            {
                "watchlist": ["BTCUSDT", "ETHUSDT", "SOLUSDT"],
                "pins": ["SOLUSDT"],
                "watchlists": [
                    {"name": "Majors", "symbols": ["BTCUSDT", "ETHUSDT"]},
                    {"name": "Alts", "symbols": ["SOLUSDT", "ETHUSDT"]},
                ],
                "current_watchlist": 1,
            }
        ),
        encoding="utf-8",
    )

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=15) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            assert parts.watchlists.names() == ["Majors", "Alts"]
            assert parts.watchlist.symbols() == ["SOLUSDT", "ETHUSDT"]
            assert parts.watchlists.pins() == ["SOLUSDT"]
            assert parts.watchlist.pins() == ["SOLUSDT"]
            await wait_for(
                lambda: (
                    {f"{s}@miniTicker" for s in ("btcusdt", "ethusdt", "solusdt")}
                    <= exchange.stats.subscribed_streams()
                ),
                what="every list's symbols subscribed",
            )
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())
