"""Mark price streams ride with the mini tickers: same connections, pacing and recovery."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence

from desktop.exchange.funding import ALL_MARK_STREAM, MarkPrice, mark_stream_name
from desktop.exchange.symbols import stream_name
from tests.stream.harness import rig, run, synthetic_contracts

MARKS = {"marks": True}
FAST_MARKS = {"mark_interval": 0.1}


class MarkRecorder:
    def __init__(self) -> None:
        self.marks: dict[str, list[tuple[MarkPrice, float]]] = defaultdict(list)

    def __call__(self, marks: Sequence[MarkPrice], received: float) -> None:
        for mark in marks:
            self.marks[mark.symbol].append((mark, received))

    def seen(self) -> set[str]:
        return set(self.marks)

    def after(self, symbols: Sequence[str], stamp: float) -> bool:
        return all(self.marks[s] and self.marks[s][-1][1] > stamp for s in symbols)


def both(*symbols: str) -> set[str]:
    return {stream_name(s) for s in symbols} | {mark_stream_name(s) for s in symbols}


def test_mark_streams_follow_the_watched_symbols_on_the_same_connection() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT", "ETHUSDT"], client=MARKS, sim=FAST_MARKS) as r:
            rec = MarkRecorder()
            r.client.add_mark_listener(rec)
            await r.until(lambda: rec.seen() == {"BTCUSDT", "ETHUSDT"})
            assert r.sim.stats.subscribed_streams() == both("BTCUSDT", "ETHUSDT")
            r.client.add_symbols(["SOLUSDT"])
            r.client.remove_symbols(["ETHUSDT"])
            await r.until(lambda: r.sim.stats.subscribed_streams() == both("BTCUSDT", "SOLUSDT"))
            removed = time.time()
            await r.until(lambda: rec.after(["BTCUSDT", "SOLUSDT"], removed + 0.3))
            assert rec.marks["ETHUSDT"][-1][1] <= removed
            assert r.sim.stats.connections_opened == 1
            # Each symbol's marks arrive once and in order.
            for symbol, got in rec.marks.items():
                times = [m.event_time for m, _ in got]
                assert times == sorted(set(times)), symbol

    run(main)


def test_a_client_without_marks_subscribes_only_mini_tickers() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"], sim=FAST_MARKS) as r:
            await r.until(lambda: r.rec.count("BTCUSDT") > 2)
            assert r.sim.stats.subscribed_streams() == {stream_name("BTCUSDT")}
            r.client.set_marks(True)
            await r.until(lambda: r.sim.stats.subscribed_streams() == both("BTCUSDT"))

    run(main)


def test_a_long_list_takes_the_all_market_mark_array_instead() -> None:
    async def main() -> None:
        contracts = synthetic_contracts(12)
        names = [c["symbol"] for c in contracts]
        client = {**MARKS, "mark_array_from": 10}
        sim = {**FAST_MARKS, "contracts": contracts}
        async with rig(names[:5], client=client, sim=sim) as r:
            rec = MarkRecorder()
            r.client.add_mark_listener(rec)
            await r.until(lambda: rec.seen() == set(names[:5]))
            r.client.add_symbols(names[5:11])
            wanted = {stream_name(s) for s in names[:11]} | {ALL_MARK_STREAM}
            await r.until(lambda: r.sim.stats.subscribed_streams() == wanted)
            await r.until(lambda: rec.seen() == set(names[:11]))
            # The array carries every contract; only the watched ones are delivered.
            assert names[11] not in rec.seen()

    run(main)


def test_marks_come_back_after_the_connection_drops() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT"], client=MARKS, sim=FAST_MARKS) as r:
            rec = MarkRecorder()
            r.client.add_mark_listener(rec)
            await r.until(lambda: len(rec.marks["BTCUSDT"]) > 1)
            r.sim.drop_all()
            dropped = time.time()
            await r.until(lambda: rec.after(["BTCUSDT"], dropped + 0.2))
            assert r.client.stats.reconnects >= 1
            assert r.sim.stats.subscribed_streams() == both("BTCUSDT")

    run(main)


def test_chosen_mark_symbols_get_streams_of_their_own_and_nothing_more() -> None:
    async def main() -> None:
        async with rig(["BTCUSDT", "ETHUSDT"], sim=FAST_MARKS) as r:
            rec = MarkRecorder()
            r.client.add_mark_listener(rec)
            # A symbol not watched gets no mark stream until it is.
            r.client.set_mark_symbols(["btcusdt", "SOLUSDT"])
            tickers = {stream_name("BTCUSDT"), stream_name("ETHUSDT")}
            wanted = tickers | {mark_stream_name("BTCUSDT")}
            await r.until(lambda: r.sim.stats.subscribed_streams() == wanted)
            assert r.client.mark_symbols == {"BTCUSDT"}
            r.client.add_symbols(["SOLUSDT"])
            await r.until(lambda: r.sim.stats.subscribed_streams() == both("SOLUSDT") | wanted)
            await r.until(lambda: rec.seen() == {"BTCUSDT", "SOLUSDT"})
            # Nothing chosen: every mark stream goes, the tickers stay.
            r.client.set_mark_symbols([])
            tickers.add(stream_name("SOLUSDT"))
            await r.until(lambda: r.sim.stats.subscribed_streams() == tickers)
            stopped, seen = time.time(), r.rec.count("BTCUSDT")
            await r.until(lambda: r.rec.count("BTCUSDT") > seen + 2)
            assert all(got[-1][1] <= stopped for got in rec.marks.values())
            assert r.client.mark_symbols == frozenset()
            assert r.sim.stats.connections_opened == 1

    run(main)


def test_chosen_mark_symbols_beyond_the_threshold_take_the_array_and_only_they_arrive() -> None:
    async def main() -> None:
        contracts = synthetic_contracts(12)
        names = [c["symbol"] for c in contracts]
        sim = {**FAST_MARKS, "contracts": contracts}
        async with rig(names, client={"mark_array_from": 4}, sim=sim) as r:
            rec = MarkRecorder()
            r.client.add_mark_listener(rec)
            r.client.set_mark_symbols(names[:5])
            tickers = {stream_name(s) for s in names}
            await r.until(lambda: r.sim.stats.subscribed_streams() == tickers | {ALL_MARK_STREAM})
            await r.until(lambda: rec.seen() == set(names[:5]))
            r.client.set_mark_symbols(names[:2])
            wanted = tickers | {mark_stream_name(s) for s in names[:2]}
            await r.until(lambda: r.sim.stats.subscribed_streams() == wanted)
            assert not rec.seen() - set(names[:5])

    run(main)
