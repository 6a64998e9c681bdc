"""Every way the exchange or the network can fail, seen from the whole app.

For each fault the user needs the same things: the app keeps running, the status bar
says what is happening in plain words, prices resume by themselves, no subscription is
lost, and the exchange's 10 messages/s rule is never broken. Recovery times go to the
summary at the end of the run (``tests/faults/conftest.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.simexchange.server import SimExchange
from desktop.stream.status import ConnState
from tests.conftest import QtLoop, wait_for
from tests.faults.harness import CADENCE, FAST_CLIENT, SYMBOLS, App, running


def sim(**settings: object) -> SimExchange:
    return SimExchange(**{"cadence": CADENCE, "seed": 3, **settings})  # type: ignore[arg-type]


def reopened(exchange: SimExchange, opened: int) -> bool:
    return exchange.stats.connections_opened > opened


def said(app: App, *fragments: str) -> bool:
    """The status bar said something containing every fragment at some point."""
    return any(all(f in text for f in fragments) for text in app.said)


def test_an_abrupt_drop_says_reconnecting_and_data_resumes(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with sim() as exchange, running(exchange, tmp_path, qapp) as app:
            for _ in range(6):
                since = time.time()
                exchange.drop_all()
                await app.recovered("abrupt drop", since)
            assert said(app, "Reconnecting", "the connection was lost")
            assert app.client.stats.reconnects == 6
            app.check_nothing_lost()

    qt_loop.run(scenario())


def test_a_1001_close_is_explained_and_survived(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with sim() as exchange, running(exchange, tmp_path, qapp) as app:
            for _ in range(6):
                since = time.time()
                await exchange.close_all(1001, "going away")
                await app.recovered("close 1001", since)
            assert said(
                app, "Reconnecting", "the exchange closed the connection (1001: going away)"
            )
            app.check_nothing_lost()

    qt_loop.run(scenario())


def test_a_half_dead_connection_is_noticed_named_and_replaced(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with sim() as exchange, running(exchange, tmp_path, qapp) as app:
            for _ in range(2):
                dead_at = time.time()
                exchange.set_half_dead(True)
                await wait_for(
                    lambda: "no answer to pings for 1 s" in app.status_text,
                    10,
                    "the status bar to name the silent peer",
                )
                noticed = time.time() - dead_at
                # Worst case: a ping interval, the ping timeout, then the close timeout.
                assert noticed < 4 * FAST_CLIENT["ping_interval"] + 2.0
                exchange.set_half_dead(False)
                await app.recovered("half-dead (after the peer revives)", time.time())
            app.check_nothing_lost()

    qt_loop.run(scenario())


def test_refused_handshakes_in_a_row_back_off_and_say_why(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with sim() as exchange, running(exchange, tmp_path, qapp) as app:
            for _ in range(3):
                refused = exchange.stats.handshakes_refused
                exchange.refuse_handshakes(4, 503)
                since = time.time()
                exchange.drop_all()
                await app.recovered("4 refused handshakes (503)", since)
                assert exchange.stats.handshakes_refused == refused + 4
            assert said(
                app,
                "Reconnecting in",
                "(attempt 4)",
                "the exchange refused the connection (HTTP 503: Service Unavailable)",
            )
            app.check_nothing_lost()

    qt_loop.run(scenario())


JUNK: list[str | bytes] = [
    "not json",
    b"\x00\xffbinary",
    "[1, 2]",
    "{}",
    '{"unexpected": true}',
    '{"stream": "btcusdt@miniTicker", "data": {"e": "24hrMiniTicker", "s": "BTCUSDT"}}',
    # Newer than anything real, but with a price that is not a number: must not land.
    '{"stream": "btcusdt@miniTicker", "data": {"e": "24hrMiniTicker", "E": 9999999999999,'
    ' "s": "BTCUSDT", "c": "NaN", "o": "1", "h": "1", "l": "1", "v": "1", "q": "1"}}',
    '{"stream": "ethusdt@miniTicker", "data": [{"e": "24hrMiniTicker", "E": -1}]}',
    '{"stream": 5, "data": {}}',
    "[" * 5000,
]


def test_a_burst_of_malformed_frames_changes_nothing_the_user_sees(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with sim() as exchange, running(exchange, tmp_path, qapp) as app:
            book = app.parts.book
            exchange.set_silent(True)  # no real prices in between: what changes, junk did
            await asyncio.sleep(3 * CADENCE)  # let the last real frames land
            before = {s: book.quote(s) for s in SYMBOLS}
            shown = {s: (q.ticker, q.received) for s, q in before.items() if q is not None}
            frames, opened = app.client.stats.frames, exchange.stats.connections_opened
            await exchange.send_raw(JUNK * 20)
            await wait_for(
                lambda: app.client.stats.frames >= frames + len(JUNK) * 20,
                5,
                "the junk to be read",
            )
            book.flush()
            after = {s: (q.ticker, q.received) for s in SYMBOLS if (q := book.quote(s))}
            assert after == shown
            assert app.client.stats.malformed >= len(JUNK) * 20 - 20  # "{}"-like may differ
            assert exchange.stats.connections_opened == opened  # no reconnect for junk
            assert app.status_text == "Live"
            since = time.time()
            exchange.set_silent(False)
            await app.recovered("malformed burst (data after it)", since)
            app.check_nothing_lost()

    qt_loop.run(scenario())


def test_the_rate_rule_holds_through_churn_pings_and_a_reconnect_storm(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        # 400 contracts: more than fit in a reconnect URL, so restoring them takes paced
        # SUBSCRIBE batches. The exchange pings twice a second and the client too (the
        # fast test settings): pongs and pings count towards the rule like requests.
        # A slower cadence and keepalive slack: 400 symbols in one process are real load.
        async with sim(extra_contracts=300, ping_interval=0.5, cadence=0.5) as exchange:
            market = [s for s in exchange.symbols if exchange.market.state(s).trading]  # type: ignore[union-attr]
            async with running(
                exchange, tmp_path, qapp, market[:20], ping_timeout=2.0, data_timeout=4.0
            ) as app:
                watchlist = app.parts.watchlist
                for step in range(6):  # the user adds and removes in bursts
                    start = 20 + step * 60
                    watchlist.add(market[start : start + 60])
                    watchlist.remove(market[start - 20 : start - 10])
                    await asyncio.sleep(0.05)
                wanted = tuple(watchlist.symbols())
                app.symbols = wanted
                await wait_for(app.live, 30, "every added symbol subscribed")
                for _ in range(2):
                    since = time.time()
                    exchange.drop_all()
                    await app.recovered("drop with 300+ streams to restore", since)
                assert len(wanted) > 300
                streams = app.wanted_streams()  # with the all-market mark array
                await wait_for(
                    lambda: app.live() and exchange.stats.subscribed_streams() == streams,
                    10,
                    "every stream subscribed at the exchange",
                )
                assert exchange.stats.rate_violations == 0
                assert exchange.stats.max_incoming_in_any_second <= 10
                app.check_nothing_lost()

    qt_loop.run(scenario(), timeout=90)


def test_the_exchange_closing_at_its_age_limit_costs_a_moment_not_the_data(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        # 24 hours compressed to 1 s; the client would rotate only after 23.5 hours.
        async with (
            sim(max_connection_age=1.0) as exchange,
            running(exchange, tmp_path, qapp) as app,
        ):
            for _ in range(4):
                opened = exchange.stats.connections_opened
                await wait_for(functools.partial(reopened, exchange, opened), 5, "the age limit")
                await app.recovered("24 h age limit (exchange closes)", time.time() - CADENCE)
            assert said(app, "connection reached its maximum age")
            app.check_nothing_lost()

    qt_loop.run(scenario())


def test_the_client_replaces_its_connection_before_the_age_limit_without_a_gap(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with (
            sim(max_connection_age=3.0) as exchange,
            running(exchange, tmp_path, qapp, max_connection_age=1.0) as app,
        ):
            await wait_for(lambda: app.client.stats.rotations >= 3, 15, "three rotations")
            assert app.said[-1] == "Live"
            assert not any("Reconnecting" in text for text in app.said)
            assert app.client.stats.reconnects == 0
            await app.recovered("rotation (data after it)", time.time())
            app.check_nothing_lost()

    qt_loop.run(scenario())


def test_the_network_going_away_for_a_while_and_coming_back(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        exchange = sim()
        await exchange.start()
        try:
            async with running(exchange, tmp_path, qapp) as app:
                ws_port = int(exchange.ws_url.rsplit(":", 1)[1].split("/")[0])
                rest_port = int(exchange.rest_url.rsplit(":", 1)[1])
                # Gone: connections cut without a goodbye, nothing listening any more.
                exchange.drop_all()
                await exchange.stop()
                await wait_for(
                    lambda: app.client.status.attempt >= 10,
                    30,
                    "repeated attempts while the network is away",
                )
                # Minutes, compressed: retries keep coming, at most backoff_max apart.
                assert said(app, "Reconnecting", "connection refused")
                assert app.client.status.state is ConnState.RECONNECTING
                assert not app.task.done()
                # Back, at the same address.
                exchange = sim(ws_port=ws_port, rest_port=rest_port)
                await exchange.start()
                app.exchange = exchange
                await app.recovered("network away, then back (from its return)", time.time())
                app.check_nothing_lost()
        finally:
            await exchange.stop()

    qt_loop.run(scenario(), timeout=90)


def test_a_subscribe_answered_with_an_error_is_shown_and_retried(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with sim() as exchange, running(exchange, tmp_path, qapp) as app:
            exchange.fail_subscribe(2, code=-1100, msg="Illegal characters found in a parameter.")
            since = time.time()
            added, problems = app.parts.watchlist.add(["XRPUSDT"])
            assert added == ["XRPUSDT"] and not problems
            app.symbols = (*app.symbols, "XRPUSDT")
            await wait_for(lambda: bool(app.banners), 5, "a message about the refusal")
            assert "refused to subscribe to XRPUSDT" in app.banners[0]
            assert "Illegal characters found in a parameter." in app.banners[0]
            assert "trying again in" in app.banners[0]
            banner = app.parts.window.banner
            with contextlib.suppress(AttributeError):
                assert "refused to subscribe to XRPUSDT" in banner.label.text()
            await app.recovered("SUBSCRIBE answered with an error", since)
            assert app.client.stats.refused == 2
            # Once accepted, the banner no longer says it was refused; the status bar
            # says it is over.
            await wait_for(lambda: banner.isHidden(), 5, "the refusal's banner to go")
            assert "accepted the subscription" in app.parts.window.statusBar().currentMessage()
            app.check_nothing_lost()

    qt_loop.run(scenario())
