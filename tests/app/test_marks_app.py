"""Mark prices flow only while something needs them (issue 20): a funding column on
screen, a pin's tray funding, an enabled funding rule; nothing else subscribes them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop.app import Parts
from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.exchange.funding import mark_stream_name
from desktop.qt.watchlist_model import Column
from desktop.simexchange.server import SimExchange
from tests.app.test_app import live_client, start
from tests.conftest import QtLoop, wait_for

DEFAULTS = ["BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT"]


def mark_streams(exchange: SimExchange) -> set[str]:
    """The mark price streams the simulated exchange has subscribed now."""
    return {s for s in exchange.stats.subscribed_streams() if "@markPrice" in s}


def marks_of(*symbols: str) -> set[str]:
    return {mark_stream_name(s) for s in symbols}


def funding_text(parts: Parts, symbol: str) -> str:
    model = parts.window.model
    return str(model.index(model.row_of(symbol), Column.FUNDING).data() or "")


async def live(exchange: SimExchange, parts: Parts, streams: int) -> None:
    """``streams`` streams acknowledged, as many at the exchange."""
    await wait_for(
        lambda: (
            live_client(parts).status.streams == streams
            and len(exchange.stats.subscribed_streams()) == streams
        ),
        what=f"{streams} streams",
    )


def test_no_mark_stream_without_a_funding_column_pin_or_funding_rule(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=21, mark_interval=0.1) as exchange:
            parts, task = await start(exchange, tmp_path, qapp, pins=())
            await live(exchange, parts, len(DEFAULTS))
            assert parts.watchlist.symbols() == DEFAULTS
            assert mark_streams(exchange) == set()
            assert live_client(parts).mark_symbols == frozenset()
            assert live_client(parts).stats.marks == 0
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())


def test_showing_the_funding_column_subscribes_the_rows_marks_and_hiding_it_stops_them(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=22, mark_interval=0.1) as exchange:
            exchange.funding.set_rate("ETHUSDT", "0.0003")
            parts, task = await start(exchange, tmp_path, qapp, pins=())
            await live(exchange, parts, len(DEFAULTS))
            header = parts.window.table.columns
            header.set_user_hidden(Column.FUNDING, False)  # as View ▸ Columns does
            await wait_for(
                lambda: mark_streams(exchange) == marks_of(*DEFAULTS),
                what="every row's mark price subscribed",
            )
            await wait_for(lambda: funding_text(parts, "ETHUSDT") == "+0.0300 %", what="funding")
            # A row added while the column shows gets its marks too.
            added, _ = parts.watchlist.add(["DOGEUSDT"])
            assert added == ["DOGEUSDT"]
            await wait_for(
                lambda: mark_streams(exchange) == marks_of(*DEFAULTS, "DOGEUSDT"),
                what="the new row's mark price",
            )
            header.set_user_hidden(Column.FUNDING, True)
            await wait_for(lambda: mark_streams(exchange) == set(), what="marks unsubscribed")
            # The exchange drops them when it reads the request; the client counts them off
            # when the answer comes back.
            await wait_for(
                lambda: live_client(parts).status.streams == len(DEFAULTS) + 1,
                what="the client's count down to the tickers",
            )
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())


def test_an_enabled_funding_rule_keeps_its_symbols_marks_subscribed(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=23, mark_interval=0.1) as exchange:
            parts, task = await start(exchange, tmp_path, qapp, pins=())
            await live(exchange, parts, len(DEFAULTS))
            center = parts.alerts
            assert center is not None
            price = AlertRule("BTCUSDT", AlertKind.ABOVE, Decimal("1000000"))
            center.add_rule(price)  # a price rule needs no mark prices
            funding = AlertRule("SOLUSDT", AlertKind.FUNDING_PCT, Decimal("0.5"))
            center.add_rule(funding)
            await wait_for(lambda: mark_streams(exchange) == marks_of("SOLUSDT"), what="SOL marks")
            # The funding column comes and goes; the rule's marks stay.
            header = parts.window.table.columns
            header.set_user_hidden(Column.FUNDING, False)
            await wait_for(lambda: mark_streams(exchange) == marks_of(*DEFAULTS), what="rows")
            header.set_user_hidden(Column.FUNDING, True)
            await wait_for(lambda: mark_streams(exchange) == marks_of("SOLUSDT"), what="rule's")
            center.set_enabled(funding.id, False)
            await wait_for(lambda: mark_streams(exchange) == set(), what="off with the rule")
            center.set_enabled(funding.id, True)
            await wait_for(lambda: mark_streams(exchange) == marks_of("SOLUSDT"), what="on again")
            center.remove_rule(funding.id)
            await wait_for(lambda: mark_streams(exchange) == set(), what="gone with the rule")
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())


def test_pins_get_their_own_mark_streams_for_the_tray_funding(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=24, mark_interval=0.1) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            assert parts.watchlists.pins() == ["BTCUSDT"]  # the first run's pin
            await live(exchange, parts, len(DEFAULTS) + 1)
            assert mark_streams(exchange) == marks_of("BTCUSDT")
            await wait_for(lambda: "funding" in parts.tray.tooltip(), what="the pin's funding")
            parts.watchlists.set_pinned("ETHUSDT", True)
            await wait_for(
                lambda: mark_streams(exchange) == marks_of("BTCUSDT", "ETHUSDT"), what="ETH's"
            )
            parts.watchlists.set_pinned("BTCUSDT", False)
            parts.watchlists.set_pinned("ETHUSDT", False)
            await wait_for(lambda: mark_streams(exchange) == set(), what="no pins, no marks")
            assert exchange.stats.connections_opened == 1  # no reconnect for any of it
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())
