"""Injected faults and Binance's connection rules, seen from a real websocket client."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import (
    ConnectionClosed,
    ConnectionClosedError,
    InvalidMessage,
    InvalidStatus,
)

from desktop.simexchange import SimExchange
from desktop.stream.wire import open_socket
from tests.simexchange.helpers import recv_json, recv_matching, request, run

FAST = 0.05


def sim(**kwargs: Any) -> SimExchange:
    kwargs.setdefault("cadence", FAST)
    kwargs.setdefault("seed", 5)
    return SimExchange(**kwargs)


async def drain_until_closed(ws: ClientConnection) -> ConnectionClosed:
    """Read (and drop) frames until the connection closes; return how it closed."""
    async with asyncio.timeout(5):
        while True:
            try:
                await ws.recv()
            except ConnectionClosed as closed:
                return closed


def test_eleven_text_messages_within_a_second_close_the_connection_with_1008() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url, ping_interval=None) as ws:
            for rid in range(11):
                await ws.send(json.dumps({"method": "LIST_SUBSCRIPTIONS", "id": rid}))
            closed = await drain_until_closed(ws)
            assert closed.rcvd is not None
            assert closed.rcvd.code == 1008 and closed.rcvd.reason == "too many messages"
            assert ex.stats.rate_violations == 1
            assert ex.stats.max_incoming_in_any_second == 11

    run(scenario())


def test_pings_and_pongs_count_towards_the_message_rate() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url, ping_interval=None) as ws:
            for rid in range(5):
                await ws.send(json.dumps({"method": "LIST_SUBSCRIPTIONS", "id": rid}))
            for _ in range(3):
                await ws.ping()
            for _ in range(3):
                await ws.pong(b"unsolicited")
            closed = await drain_until_closed(ws)
            assert closed.rcvd is not None and closed.rcvd.code == 1008
            assert ex.stats.rate_violations == 1
            (history,) = ex.stats.incoming_times.values()
            assert len(history) == 11

    run(scenario())


def test_ten_messages_within_a_second_are_within_the_rule() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url, ping_interval=None) as ws:
            for rid in range(9):
                await ws.send(json.dumps({"method": "LIST_SUBSCRIPTIONS", "id": rid}))
            assert await request(ws, "LIST_SUBSCRIPTIONS", None, 99) == {"result": [], "id": 99}
            assert ex.stats.rate_violations == 0
            assert ex.stats.max_incoming_in_any_second == 10

    run(scenario())


def test_connection_older_than_max_age_is_closed_with_1001() -> None:
    async def scenario() -> None:
        async with sim(max_connection_age=0.3) as ex:
            loop = asyncio.get_running_loop()
            async with connect(ex.endpoints.raw_ws_url + "/btcusdt@miniTicker") as ws:
                opened = loop.time()
                closed = await drain_until_closed(ws)
                assert loop.time() - opened >= 0.25
            assert closed.rcvd is not None and closed.rcvd.code == 1001
            # lowering the age limit applies to connections already open
            async with connect(ex.endpoints.raw_ws_url) as ws:
                ex.max_connection_age = 0.0
                closed = await drain_until_closed(ws)
            assert closed.rcvd is not None and closed.rcvd.code == 1001

    run(scenario())


def test_refuse_handshakes_answers_the_next_n_with_the_status() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            ex.refuse_handshakes(2, status=429)
            for _ in range(2):
                with pytest.raises(InvalidStatus) as caught:
                    async with connect(ex.endpoints.raw_ws_url):
                        pass
                assert caught.value.response.status_code == 429
            async with connect(ex.endpoints.raw_ws_url) as ws:
                assert await request(ws, "LIST_SUBSCRIPTIONS") == {"result": [], "id": 1}
            assert ex.stats.handshakes_refused == 2
            assert ex.stats.connections_opened == 1

    run(scenario())


def test_half_dead_server_leaves_client_pings_unanswered_until_revived() -> None:
    async def scenario() -> None:
        async with (
            sim() as ex,
            connect(ex.endpoints.raw_ws_url + "/btcusdt@miniTicker", ping_interval=None) as ws,
        ):
            await recv_json(ws)
            await ex.wait_until(lambda: ex.stats.connections_open == 1)
            ex.set_half_dead(True)
            pong = await ws.ping()
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.3):
                    await asyncio.shield(pong)
            ex.set_half_dead(False)
            async with asyncio.timeout(5):
                await pong
            await recv_json(ws)

    run(scenario())


def test_half_dead_server_makes_a_keepalive_client_time_out() -> None:
    async def scenario() -> None:
        async with (
            sim() as ex,
            connect(
                ex.endpoints.raw_ws_url + "/btcusdt@miniTicker",
                ping_interval=0.1,
                ping_timeout=0.2,
                close_timeout=0.2,  # the dead server will not answer the close frame either
            ) as ws,
        ):
            await recv_json(ws)
            await ex.wait_until(lambda: ex.stats.connections_open == 1)
            ex.set_half_dead(True)
            closed = await drain_until_closed(ws)
            assert isinstance(closed, ConnectionClosedError)
            assert closed.sent is not None and closed.sent.code == 1011  # keepalive timeout
            assert ex.stats.connections_open == 1  # the server never noticed

    run(scenario())


def test_silent_server_answers_but_sends_no_market_data() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url + "/ethusdt@miniTicker") as ws:
            await recv_json(ws)
            ex.set_silent(True)
            events = ex.stats.events_sent
            ticks = ex.stats.market_ticks
            await ex.wait_until(lambda: ex.stats.market_ticks >= ticks + 3)
            assert ex.stats.events_sent == events
            async with asyncio.timeout(5):
                await (await ws.ping())
            reply = await request(ws, "LIST_SUBSCRIPTIONS", None, 4)
            assert reply == {"result": ["ethusdt@miniTicker"], "id": 4}
            ex.set_silent(False)
            await recv_matching(ws, lambda m: m.get("s") == "ETHUSDT")

    run(scenario())


def test_drop_all_aborts_tcp_without_a_close_frame() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url + "/btcusdt@miniTicker") as ws:
            await recv_json(ws)
            ex.drop_all()
            closed = await drain_until_closed(ws)
            assert isinstance(closed, ConnectionClosedError)
            assert closed.rcvd is None
            await ex.wait_until(lambda: ex.stats.connections_open == 0)

    run(scenario())


def test_drop_carrying_aborts_only_the_connections_with_that_stream() -> None:
    async def scenario() -> None:
        async with (
            sim() as ex,
            connect(ex.endpoints.raw_ws_url + "/btcusdt@miniTicker") as dropped,
            connect(ex.endpoints.raw_ws_url + "/ethusdt@miniTicker") as kept,
        ):
            await recv_json(dropped)
            await recv_json(kept)
            assert ex.drop_carrying("btcusdt@miniTicker") == 1
            closed = await drain_until_closed(dropped)
            assert isinstance(closed, ConnectionClosedError) and closed.rcvd is None
            await ex.wait_until(lambda: ex.stats.connections_open == 1)
            assert (await recv_json(kept))["s"] == "ETHUSDT"

    run(scenario())


def test_close_all_closes_cleanly_with_the_given_code() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            async with (
                connect(ex.endpoints.raw_ws_url) as first,
                connect(ex.endpoints.combined_ws_url()) as second,
            ):
                await ex.wait_until(lambda: ex.stats.connections_open == 2)
                await ex.close_all()
                for ws in (first, second):
                    closed = await drain_until_closed(ws)
                    assert closed.rcvd is not None and closed.rcvd.code == 1001
            await ex.wait_until(lambda: ex.stats.connections_open == 0)

    run(scenario())


def test_injected_malformed_frames_reach_every_client() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url) as ws:
            await ex.wait_until(lambda: ex.stats.connections_open == 1)
            await ex.send_raw(['{"e":"24hrMiniTicker","s":', b"\x00\xff"])
            async with asyncio.timeout(5):
                assert await ws.recv() == '{"e":"24hrMiniTicker","s":'
                assert await ws.recv() == b"\x00\xff"

    run(scenario())


def test_fail_subscribe_answers_the_next_n_with_an_error_and_adds_nothing() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url) as ws:
            ex.fail_subscribe(1, code=-1100, msg="Illegal characters")
            reply = await request(ws, "SUBSCRIBE", ["btcusdt@miniTicker"], 1)
            assert reply == {"code": -1100, "msg": "Illegal characters", "id": 1}
            assert ex.stats.subscribed_streams() == set()
            reply = await request(ws, "SUBSCRIBE", ["btcusdt@miniTicker"], 2)
            assert reply == {"result": None, "id": 2}
            assert ex.stats.subscribed_streams() == {"btcusdt@miniTicker"}

    run(scenario())


def test_server_keepalive_drops_a_client_that_does_not_pong() -> None:
    async def scenario() -> None:
        async with sim(ping_interval=0.1, ping_timeout=0.2) as ex:
            # The app's own socket: its transport is ours to stop reading from.
            ws = await open_socket(
                ex.endpoints.raw_ws_url,
                open_timeout=5,
                max_size=None,
                ping_interval=None,
                ping_timeout=None,
                close_timeout=5,
                on_control_sent=lambda: None,
            )
            ws.attach(lambda _: None)
            try:
                await ex.wait_until(lambda: ex.stats.connections_open == 1)
                assert ws.transport is not None
                ws.transport.pause_reading()  # the client stops answering pings
                await ex.wait_until(lambda: ex.stats.connections_open == 0)
                ws.transport.resume_reading()
                async with asyncio.timeout(5):
                    await ws.wait_closed()
            finally:
                ws.abort()
            closed = ws.close_exc
            assert closed.rcvd is not None and closed.rcvd.code == 1011

    run(scenario())


def test_half_dead_server_stalls_new_handshakes_until_revived() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            ex.set_half_dead(True)
            with pytest.raises(TimeoutError):
                async with connect(ex.endpoints.raw_ws_url, open_timeout=0.3):
                    pass
            pending = asyncio.ensure_future(
                connect(ex.endpoints.raw_ws_url + "/btcusdt@miniTicker")
            )
            await ex.wait_until(lambda: ex.stats.tcp_connections_open == 1)
            assert ex.stats.connections_opened == 0
            ex.set_half_dead(False)
            async with await pending as ws:
                assert (await recv_json(ws))["s"] == "BTCUSDT"

    run(scenario())


def test_stop_closes_open_connections_with_1001() -> None:
    async def scenario() -> None:
        ex = sim()
        await ex.start()
        try:
            async with connect(ex.endpoints.raw_ws_url) as ws:
                await ex.wait_until(lambda: ex.stats.connections_open == 1)
                await ex.stop()
                closed = await drain_until_closed(ws)
                assert closed.rcvd is not None and closed.rcvd.code == 1001
        finally:
            await ex.stop()

    run(scenario())


def test_stop_while_half_dead_aborts_dead_and_stalled_connections_promptly() -> None:
    async def scenario() -> None:
        ex = sim()
        await ex.start()
        try:
            async with connect(ex.endpoints.raw_ws_url, close_timeout=0.2) as dead:
                await ex.wait_until(lambda: ex.stats.connections_open == 1)
                ex.set_half_dead(True)
                stalled = asyncio.ensure_future(connect(ex.endpoints.raw_ws_url))
                await ex.wait_until(lambda: ex.stats.tcp_connections_open == 2)
                async with asyncio.timeout(1.5):
                    await ex.stop()
                closed = await drain_until_closed(dead)
                assert closed.rcvd is None  # aborted: it would never answer a close
                with pytest.raises((InvalidMessage, OSError)):
                    await stalled
        finally:
            await ex.stop()

    run(scenario())


def test_wait_until_times_out_with_a_message() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            with pytest.raises(TimeoutError, match="still false"):
                await ex.wait_until(lambda: False, timeout=0.05)

    run(scenario())
