"""The client recovers from every way a connection can fail, and says so in plain words."""

from __future__ import annotations

import asyncio
import itertools
import logging
import time

import pytest

from desktop.stream import ConnState
from tests.stream.harness import FAST_CLIENT, rig, run, timings

SYMBOLS = ["BTCUSDT", "ETHUSDT", "币安人生USDT", "BTCUSDT_261225"]


def test_reconnects_and_resubscribes_after_every_connection_is_dropped() -> None:
    async def main() -> None:
        async with rig(SYMBOLS) as r:
            await r.until(lambda: r.rec.seen() == set(SYMBOLS))
            for round_ in range(3):
                stamp = time.time()
                r.sim.drop_all()
                took = await r.until(
                    lambda stamp=stamp: r.rec.all_received_after(SYMBOLS, stamp)  # type: ignore[misc]
                )
                timings.info("dropped TCP (round %d): data again after %.3f s", round_, took)
                assert took < 2.0
            assert r.client.stats.reconnects == 3
            assert r.sim.stats.subscribed_streams() == {
                "btcusdt@miniTicker",
                "ethusdt@miniTicker",
                "币安人生usdt@miniTicker",
                "btcusdt_261225@miniTicker",
            }
            errors = {s.last_error for _, s in r.rec.statuses if s.state is ConnState.RECONNECTING}
            assert errors == {"the connection was lost"}

    run(main)


def test_reconnects_after_the_exchange_closes_with_1001() -> None:
    async def main() -> None:
        async with rig(SYMBOLS) as r:
            await r.until(lambda: r.rec.seen() == set(SYMBOLS))
            stamp = time.time()
            await r.sim.close_all(1001, "going away")
            took = await r.until(lambda: r.rec.all_received_after(SYMBOLS, stamp))
            timings.info("server close 1001: data again after %.3f s", took)
            reconnecting = [s for _, s in r.rec.statuses if s.state is ConnState.RECONNECTING]
            assert (
                reconnecting[0].last_error
                == "the exchange closed the connection (1001: going away)"
            )
            assert r.sim.stats.connections_opened == 2

    run(main)


def test_refused_handshakes_back_off_and_status_says_when_and_why() -> None:
    async def main() -> None:
        async with rig(
            SYMBOLS, client={"backoff_initial": 0.1, "backoff_max": 1.0}, start=False
        ) as r:
            r.sim.refuse_handshakes(5, 503)
            started = time.monotonic()
            await r.client.start()
            await r.until(lambda: r.rec.seen() == set(SYMBOLS), timeout=15)
            took = time.monotonic() - started
            timings.info("5 refused handshakes (503): data after %.3f s", took)
            waits = [
                (s.attempt, s.retry_at - t, s)
                for t, s in r.rec.statuses
                if s.state is ConnState.RECONNECTING and s.retry_at is not None
            ]
            assert [attempt for attempt, _, _ in waits] == [1, 2, 3, 4, 5]
            for attempt, wait, _ in waits:  # full jitter under a doubling ceiling
                assert 0 <= wait <= min(1.0, 0.1 * 2 ** (attempt - 1)) + 0.01
            status = waits[2][2]
            assert status.retry_at is not None
            assert status.last_error == (
                "the exchange refused the connection (HTTP 503: Service Unavailable)"
            )
            assert status.describe(now=status.retry_at - 0.5).startswith(
                "Reconnecting in 1 s (attempt 3): the exchange refused the connection"
            )
            assert r.sim.stats.handshakes_refused == 5
            assert r.client.status.state is ConnState.LIVE

    run(main)


def test_a_refusal_that_retrying_cannot_fix_shows_offline_and_retries_slowly() -> None:
    async def main() -> None:
        async with rig(SYMBOLS, start=False) as r:
            r.sim.refuse_handshakes(1, 403)
            await r.client.start()
            await r.until(lambda: r.client.status.state is ConnState.OFFLINE)
            status = r.client.status
            assert status.retry_at is not None
            assert status.describe(now=status.retry_at - 0.2) == (
                "Offline: the exchange refused access (HTTP 403: Forbidden); "
                "it may not serve this region (retrying in 1 s)"
            )
            await r.until(lambda: r.rec.seen() == set(SYMBOLS))

    run(main)


def test_backoff_grows_while_the_server_flaps_and_resets_once_stable() -> None:
    async def main() -> None:
        client = {"backoff_initial": 0.05, "backoff_max": 2.0, "stable_after": 1.0}
        async with rig(["BTCUSDT"], client=client) as r:
            await r.until(lambda: r.rec.count("BTCUSDT") > 0)
            for expected in (1, 2, 3, 4):  # accepted, then dropped at once: a flapping server
                opened = r.sim.stats.connections_opened
                r.sim.drop_all()
                await r.until(
                    lambda opened=opened: r.sim.stats.connections_opened == opened + 1,  # type: ignore[misc]
                    timeout=5,
                )
                assert r.client.status.attempt == expected
            # Now it stays up: after stable_after the backoff and the error are forgotten.
            took = await r.until(lambda: r.client.status.attempt == 0, timeout=3)
            assert r.client.status.last_error is None
            assert 0.5 < took < 1.5
            seen = len(r.rec.statuses)
            r.sim.drop_all()
            # Read the record, not the live status: the reconnect (0.05 s) may already be
            # live again by the time a loaded machine looks.
            await r.until(
                lambda: any(s.state is ConnState.RECONNECTING for _, s in r.rec.statuses[seen:])
            )
            (first, *_) = (s for _, s in r.rec.statuses[seen:] if s.state is ConnState.RECONNECTING)
            assert first.attempt == 1

    run(main)


def test_a_half_dead_connection_is_detected_and_replaced() -> None:
    async def main() -> None:
        # A long data timeout, so that it is the keepalive pings that find the dead peer.
        async with rig(SYMBOLS, client={"data_timeout": 5.0}) as r:
            await r.until(lambda: r.rec.seen() == set(SYMBOLS))
            r.sim.set_half_dead(True)
            detected = await r.until(
                lambda: r.client.status.state is not ConnState.LIVE, timeout=30
            )
            timings.info(
                "half-dead connection detected after %.3f s (ping %.1f s + timeout %.1f s)",
                detected,
                FAST_CLIENT["ping_interval"],
                FAST_CLIENT["ping_timeout"],
            )
            # Worst case: a ping interval, the ping timeout, then the close timeout (the dead
            # peer never answers our close frame) = 10 + 10 + 2 s at full scale.
            assert detected < 0.5 + 0.5 + 0.5 + 0.5
            assert r.client.status.last_error == "no answer to pings for 1 s"
            r.sim.set_half_dead(False)
            stamp = time.time()
            took = await r.until(lambda: r.rec.all_received_after(SYMBOLS, stamp))
            timings.info("half-dead: data again %.3f s after the server recovered", took)
            assert r.client.status.state is ConnState.LIVE

    run(main)


def test_a_connection_that_stops_delivering_data_is_replaced() -> None:
    async def main() -> None:
        async with rig(SYMBOLS) as r:
            await r.until(lambda: r.rec.seen() == set(SYMBOLS))
            opened = r.sim.stats.connections_opened
            r.sim.set_silent(True)
            detected = await r.until(lambda: r.sim.stats.connections_opened > opened, timeout=5)
            timings.info("silent connection replaced after %.3f s (data_timeout 1 s)", detected)
            assert 0.9 < detected < 3.0
            assert any(s.last_error == "no market data for 1 s" for _, s in r.rec.statuses)
            r.sim.set_silent(False)
            stamp = time.time()
            took = await r.until(lambda: r.rec.all_received_after(SYMBOLS, stamp))
            timings.info("silent: data again %.3f s after the server resumed", took)

    run(main)


def test_streams_that_never_deliver_do_not_cause_reconnects() -> None:
    async def main() -> None:
        # An unlisted symbol and a settling contract: subscribed fine, never any data.
        async with rig(["NOSUCHUSDT", "ALPACAUSDT"]) as r:
            await r.until(lambda: r.client.status.streams == 2)
            await asyncio.sleep(
                3 * FAST_CLIENT["data_timeout"]
            )  # a span in which nothing may happen
            assert r.sim.stats.connections_opened == 1
            assert r.client.status.state is ConnState.LIVE

    run(main)


def test_a_contract_that_goes_quiet_costs_one_reconnect_then_is_accepted() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"]) as r:
            await r.until(lambda: r.rec.count("BTCUSDT") > 0)
            r.sim.set_silent(True)  # like a contract that stopped trading
            await r.until(lambda: len(r.rec.errors) == 1, timeout=6)
            assert "BTCUSDT" in r.rec.errors[0] and "stopped trading" in r.rec.errors[0]
            opened = r.sim.stats.connections_opened
            assert opened == 2
            await asyncio.sleep(2.5 * FAST_CLIENT["data_timeout"])  # nothing may happen
            assert r.sim.stats.connections_opened == opened
            r.sim.set_silent(False)
            count = r.rec.count("BTCUSDT")
            await r.until(lambda: r.rec.count("BTCUSDT") > count)

    run(main)


def test_rotation_before_the_age_limit_has_no_gap_and_no_duplicates() -> None:
    async def main() -> None:
        cadence = 0.1
        async with rig(
            SYMBOLS,
            sim={"cadence": cadence, "max_connection_age": 60.0},
            client={"max_connection_age": 1.0, "data_timeout": 2.0},
        ) as r:
            await r.until(lambda: r.rec.seen() == set(SYMBOLS))
            await r.until(lambda: r.client.stats.rotations >= 4, timeout=15)
            stats = r.client.stats
            timings.info(
                "%d rotations; %d duplicate events dropped; %d delivered",
                stats.rotations,
                stats.duplicates,
                stats.delivered,
            )
            assert r.sim.stats.connections_opened == 1 + stats.rotations
            assert stats.reconnects == 0
            assert not any(s.state is not ConnState.LIVE for _, s in r.rec.statuses[1:])
            for symbol in SYMBOLS:
                stamps = [e for e, _ in r.rec.events[symbol]]
                assert all(b > a for a, b in itertools.pairwise(stamps)), symbol
                worst = max(b - a for a, b in itertools.pairwise(stamps))
                assert worst <= 2 * cadence * 1000, f"{symbol}: {worst} ms between events"
            assert stats.duplicates > 0  # the overlap happened, and was hidden

    run(main)


def test_the_exchange_closing_at_its_age_limit_is_survived() -> None:
    async def main() -> None:
        async with rig(SYMBOLS, sim={"max_connection_age": 0.7}) as r:
            await r.until(lambda: r.sim.stats.connections_opened >= 4, timeout=10)
            stamp = time.time()
            await r.until(lambda: r.rec.all_received_after(SYMBOLS, stamp))

    run(main)


def test_malformed_frames_are_counted_logged_sparingly_and_survived(
    caplog: pytest.LogCaptureFixture,
) -> None:
    junk: list[str | bytes] = [
        "not json",
        b"\x00\x01binary",
        "[1, 2]",
        '{"stream": "btcusdt@miniTicker", "data": {"e": "24hrMiniTicker", "s": "BTCUSDT"}}',
        '{"unexpected": true}',
        # A new event time: an event not newer than the last taken is a repeat, left out
        # unchecked (``parse_frame(newer_than=)``), so it would not count as malformed.
        '{"stream": "btcusdt@miniTicker", "data": {"e": "24hrMiniTicker", "E": 9999999999999,'
        ' "s": "BTCUSDT", "c": "NaN", "o": "1", "h": "1", "l": "1", "v": "1", "q": "1"}}',
    ]

    async def main() -> None:
        async with rig(["BTCUSDT"]) as r:
            await r.until(lambda: r.rec.count("BTCUSDT") > 0)
            for _ in range(5):
                await r.sim.send_raw(junk)
            await r.until(lambda: r.client.stats.malformed == 30)
            count = r.rec.count("BTCUSDT")
            await r.until(lambda: r.rec.count("BTCUSDT") > count + 5)
            assert r.sim.stats.connections_opened == 1
            assert r.client.status.state is ConnState.LIVE

    with caplog.at_level(logging.WARNING, logger="desktop.stream.client"):
        run(main)
    logged = [rec for rec in caplog.records if "malformed" in rec.getMessage()]
    assert len(logged) == 5


def test_stop_closes_everything_and_can_be_repeated() -> None:
    async def main() -> None:
        async with rig(SYMBOLS, client={"max_streams_per_connection": 2}) as r:
            await r.until(lambda: r.rec.seen() == set(SYMBOLS))
            assert r.client.status.connections == 2
            await r.client.stop()
            await r.client.stop()
            await r.until(lambda: r.sim.stats.connections_open == 0)
            assert r.client.status.state is ConnState.OFFLINE
            assert r.client.status.describe() == "Offline"
            # It can start again, and stop while waiting to retry.
            r.sim.refuse_handshakes(100, 503)
            await r.client.start()
            await r.until(lambda: r.client.status.retry_at is not None)
            await r.client.stop()

    run(main)  # run() fails if any task is left


def test_stop_during_a_hanging_handshake_returns_promptly() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"], start=False) as r:
            r.sim.set_half_dead(True)
            await r.client.start()
            await asyncio.sleep(0.2)  # let it get stuck mid-connection
            started = time.monotonic()
            await r.client.stop()
            assert time.monotonic() - started < 3.0
            r.sim.set_half_dead(False)

    run(main)
