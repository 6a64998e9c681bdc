"""The client tells whether a symbol could have missed a change: only when no live
connection carried it at some moment (its own, or the all-market stream's)."""

from __future__ import annotations

import time

from desktop.exchange.symbols import ALL_MARKET_STREAM, stream_name
from tests.stream.harness import rig, run

ONE_EACH = {"max_streams_per_connection": 1}  # every symbol on a connection of its own


def test_a_dropped_connection_is_down_time_for_its_symbols_only() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT", "ETHUSDT"], client=ONE_EACH) as r:
            await r.until(lambda: r.rec.seen() == {"BTCUSDT", "ETHUSDT"})
            before = time.time()  # both live from here
            assert len(r.client.connections) == 2
            r.sim.refuse_handshakes(2)  # a reconnect that takes a few tries
            assert r.sim.drop_carrying(stream_name("ETHUSDT")) == 1
            await r.until(lambda: r.sim.stats.handshakes_refused == 2)
            after = time.time()
            await r.until(lambda: r.rec.all_received_after(["ETHUSDT"], after))
            now = time.time()
            assert r.client.was_down("ETHUSDT", before, now)
            assert not r.client.was_down("BTCUSDT", before, now)
            # Once back, the connection is live again: nothing missed from then on.
            assert not r.client.was_down("ETHUSDT", r.client.last_update("ETHUSDT") or now, now)

    run(main)


def test_the_all_market_stream_covers_a_symbol_whose_own_connection_dropped() -> None:
    async def main() -> None:
        async with rig(["ETHUSDT"], client=ONE_EACH, sim={"arr_interval": 0.1}) as r:
            r.client.set_all_market(True)
            await r.until(lambda: ALL_MARKET_STREAM in r.sim.stats.subscribed_streams())
            await r.until(lambda: r.rec.all_received_after(["ETHUSDT", "BTCUSDT"], 0))
            before = time.time()
            r.sim.refuse_handshakes(2)
            r.sim.drop_carrying(stream_name("ETHUSDT"))
            await r.until(lambda: r.sim.stats.handshakes_refused == 2)
            after = time.time()
            await r.until(lambda: r.sim.stats.connections_open == 2)
            await r.until(lambda: r.rec.all_received_after(["ETHUSDT"], after))
            assert not r.client.was_down("ETHUSDT", before, time.time())
            r.client.set_all_market(False)  # now only its own connection counts
            assert r.client.was_down("ETHUSDT", before, time.time())

    run(main)


def test_a_stopped_client_was_down_and_a_symbol_not_wanted_is_not_carried() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"]) as r:
            await r.until(lambda: r.rec.count("BTCUSDT") > 0)
            before = time.time()
            await r.until(lambda: r.rec.all_received_after(["BTCUSDT"], before))
            assert not r.client.was_down("BTCUSDT", before, time.time())
            assert r.client.was_down("SOLUSDT", before, time.time())
            await r.client.stop()
            assert r.client.was_down("BTCUSDT", before, time.time() + 1)

    run(main)
