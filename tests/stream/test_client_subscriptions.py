"""Subscriptions follow the wanted symbols live, paced, batched and sharded."""

from __future__ import annotations

import logging
import time

import pytest

from desktop.exchange.symbols import ALL_MARKET_STREAM, stream_name
from desktop.stream import ConnState
from tests.stream.harness import rig, run, synthetic_contracts, timings


def streams(*symbols: str) -> set[str]:
    return {stream_name(s) for s in symbols}


def test_symbols_are_added_and_removed_live_without_reconnecting() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT", "ETHUSDT", "SOLUSDT"]) as r:
            await r.until(lambda: r.rec.seen() >= {"BTCUSDT", "ETHUSDT", "SOLUSDT"})
            r.client.add_symbols(["XRPUSDT", "DOGEUSDT"])
            r.client.remove_symbols(["ETHUSDT"])
            wanted = streams("BTCUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT")
            await r.until(lambda: r.sim.stats.subscribed_streams() == wanted)
            await r.until(lambda: r.rec.seen() >= {"XRPUSDT", "DOGEUSDT"})
            await r.until(lambda: r.client.status.streams == 4)
            removed_at = time.time()
            await r.until(lambda: r.rec.all_received_after(["BTCUSDT"], removed_at + 0.2))
            assert r.rec.events["ETHUSDT"][-1][1] <= removed_at
            assert r.sim.stats.connections_opened == 1
            assert r.client.symbols == {"BTCUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT"}
            assert r.client.status.state is ConnState.LIVE
            assert r.client.stats.reconnects == 0

    run(main)


def test_rapid_add_and_remove_calls_are_coalesced() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"]) as r:
            await r.until(lambda: r.rec.count("BTCUSDT") > 0)
            before = len(r.sim.stats.requests)
            for _ in range(20):  # a user clicking fast: add then remove again
                r.client.add_symbols(["ETHUSDT"])
                r.client.remove_symbols(["ETHUSDT"])
            r.client.set_symbols(["BTCUSDT", "SOLUSDT", "XRPUSDT"])
            r.client.add_symbols(["ADAUSDT"])
            await r.until(
                lambda: (
                    r.sim.stats.subscribed_streams()
                    == streams("BTCUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT")
                )
            )
            sent = r.sim.stats.requests[before:]
            assert [req.method for req in sent] == ["SUBSCRIBE"]
            assert isinstance(sent[0].params, list)
            assert sorted(sent[0].params) == sorted(streams("SOLUSDT", "XRPUSDT", "ADAUSDT"))

    run(main)


def test_500_symbols_added_at_once_stay_within_the_exchange_message_rate() -> None:
    async def main() -> None:
        symbols = [c["symbol"] for c in synthetic_contracts(500)]
        async with rig(
            ["SYM000USDT"],
            sim={"contracts": synthetic_contracts(500), "cadence": 0.2, "ping_interval": 1.0},
            client={"max_streams_per_connection": 1024},
        ) as r:
            await r.until(lambda: r.client.status.state is ConnState.LIVE)
            started = time.monotonic()
            r.client.add_symbols(symbols)
            await r.until(lambda: len(r.sim.stats.subscribed_streams()) == 500, timeout=15)
            took = time.monotonic() - started
            await r.until(lambda: r.client.status.streams == 500)
            await r.until(lambda: len(r.rec.seen()) == 500, timeout=5)
            stats = r.sim.stats
            timings.info(
                "500 symbols subscribed on one connection in %.2f s with %d requests; "
                "most client messages in any second: %d",
                took,
                len(stats.requests),
                stats.max_incoming_in_any_second,
            )
            assert stats.rate_violations == 0
            assert stats.max_incoming_in_any_second <= 10
            assert all(isinstance(r.params, list) and len(r.params) <= 100 for r in stats.requests)
            assert len(stats.requests) == 5
            assert stats.connections_opened == 1

    run(main)


def test_500_symbols_shard_over_connections_each_paced() -> None:
    async def main() -> None:
        symbols = [c["symbol"] for c in synthetic_contracts(500)]
        async with rig(
            sim={"contracts": synthetic_contracts(500), "cadence": 0.2, "ping_interval": 1.0},
        ) as r:
            r.client.set_symbols(symbols)
            await r.until(lambda: len(r.sim.stats.subscribed_streams()) == 500, timeout=15)
            await r.until(lambda: len(r.rec.seen()) == 500, timeout=5)
            assert r.sim.stats.connections_open == 3  # 200 + 200 + 100
            assert r.sim.stats.rate_violations == 0
            assert r.sim.stats.max_incoming_in_any_second <= 10

    run(main)


def test_streams_are_sharded_over_connections_with_a_stable_assignment() -> None:
    async def main() -> None:
        contracts = synthetic_contracts(120)
        symbols = [c["symbol"] for c in contracts]
        async with rig(
            symbols,
            sim={"contracts": contracts, "cadence": 0.1},
            client={"max_streams_per_connection": 50},
        ) as r:
            await r.until(lambda: r.rec.seen() == set(symbols))
            subs = r.sim.stats.subscriptions
            assert len(subs) == 3
            assert sorted(len(s) for s in subs.values()) == [20, 50, 50]
            assert r.client.status.connections == 3 and r.client.status.streams == 120
            # Drop the last shard's symbols: its connection goes, the others stay as they are.
            last = max(subs, key=lambda conn: min(subs[conn]))
            gone = {s.partition("@")[0].upper() for s in subs[last]}
            kept = {conn: set(s) for conn, s in subs.items() if conn != last}
            r.client.remove_symbols(gone)
            await r.until(lambda: r.sim.stats.connections_open == 2)
            assert r.sim.stats.subscriptions == kept
            # New symbols fill freed room in the existing connections first.
            r.client.remove_symbols(symbols[:10])
            r.client.add_symbols(["BTCLIKE1USDT", "BTCLIKE2USDT"])
            await r.until(lambda: r.client.status.streams == 100 - 10 + 2)
            assert r.sim.stats.connections_opened == 3
            assert r.client.stats.reconnects == 0

    run(main)


def test_non_ascii_and_quarterly_symbols_end_to_end() -> None:
    async def main() -> None:
        wanted = ["币安人生USDT", "BTCUSDT_261225", "1000PEPEUSDT"]
        async with rig(wanted) as r:
            await r.until(lambda: r.rec.seen() == set(wanted))
            assert streams(*wanted) == r.sim.stats.subscribed_streams()
            assert r.client.last_update("币安人生USDT") is not None
            # And again after a reconnect (ASCII names ride in the URL, the others by SUBSCRIBE).
            r.sim.drop_all()
            stamp = time.time()
            await r.until(lambda: r.rec.all_received_after(wanted, stamp))
            assert r.sim.stats.subscribed_streams() == streams(*wanted)

    run(main)


def test_all_market_stream_delivers_every_symbol_once_per_event() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"], sim={"arr_interval": 0.1, "cadence": 0.1}) as r:
            r.client.set_all_market(True)
            await r.until(lambda: ALL_MARKET_STREAM in r.sim.stats.subscribed_streams())
            await r.until(lambda: len(r.rec.seen()) >= 100)
            btc = [e for e, _ in r.rec.events["BTCUSDT"]]
            assert btc == sorted(set(btc))  # per-symbol and @arr overlap, never twice
            r.client.set_all_market(False)
            await r.until(lambda: ALL_MARKET_STREAM not in r.sim.stats.subscribed_streams())
            # The full market had a connection of its own, closed with it; the symbol's
            # connection was never reopened.
            await r.until(lambda: r.sim.stats.tcp_connections_open == 1)
            assert r.sim.stats.connections_opened == 2

    run(main)


def test_a_refused_subscription_is_reported_and_retried() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"]) as r:
            await r.until(lambda: r.rec.count("BTCUSDT") > 0)
            r.sim.fail_subscribe(2, -1100, "Illegal characters found in a parameter.")
            r.client.add_symbols(["ETHUSDT"])
            await r.until(lambda: r.rec.count("ETHUSDT") > 0, timeout=10)
            assert len(r.rec.errors) == 2
            assert r.rec.errors[0].startswith("The exchange refused to subscribe to ETHUSDT")
            assert "Illegal characters found in a parameter., code -1100" in r.rec.errors[0]
            assert "ETHUSDT" in r.client.symbols
            tries = [q.time for q in r.sim.stats.requests_with("SUBSCRIBE")]
            assert len(tries) == 3
            assert r.client.stats.refused == 2
            assert r.sim.stats.connections_opened == 1

    run(main)


def test_a_failing_listener_is_logged_and_the_others_still_called(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"]) as r:

            def broken(events: object, received: float) -> None:
                raise RuntimeError("listener bug")

            r.client.add_ticker_listener(broken)
            start = r.rec.count("BTCUSDT")
            await r.until(lambda: r.rec.count("BTCUSDT") > start + 5)
            assert r.client.status.state is ConnState.LIVE

    with caplog.at_level(logging.ERROR, logger="desktop.stream.client"):
        run(main)
    failures = [rec for rec in caplog.records if "listener bug" in (rec.exc_text or "")]
    assert len(failures) == 3  # then only now and then


def test_symbols_that_cannot_be_contract_names_are_reported_and_skipped() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT", "BTC-USD", " ethusdt "]) as r:
            await r.until(lambda: r.rec.seen() == {"BTCUSDT", "ETHUSDT"})
            assert r.client.symbols == {"BTCUSDT", "ETHUSDT"}
            assert len(r.rec.errors) == 1 and "BTC-USD" in r.rec.errors[0]

    run(main)


def test_status_reports_rate_and_lag_about_once_a_second() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT", "ETHUSDT"]) as r:
            await r.until(lambda: r.client.status.messages_per_second > 10, timeout=5)
            status = r.client.status
            assert status.lag_ms is not None and 0 <= status.lag_ms < 1000
            first = r.rec.statuses[-1][0]
            await r.until(lambda: r.rec.statuses[-1][0] > first + 2.5, timeout=5)
            recent = [t for t, _ in r.rec.statuses if t > first]
            assert len(recent) <= 4  # rate/lag changes announced at most ~1/s

    run(main)
