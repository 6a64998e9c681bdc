"""The simulated exchange publishes mark prices with funding, per symbol and for the market."""

from __future__ import annotations

import json
import time
from typing import Any

from websockets.asyncio.client import connect

from desktop.exchange.funding import ALL_MARK_STREAM, parse_mark_event
from desktop.exchange.ticker import Marks, parse_frame
from desktop.simexchange import SimExchange
from desktop.simexchange.funding import HOUR_MS
from tests.simexchange.helpers import recv_matching, request, run


def sim(**kwargs: Any) -> SimExchange:
    kwargs.setdefault("cadence", 0.05)
    kwargs.setdefault("seed", 7)
    kwargs.setdefault("mark_interval", 0.05)
    return SimExchange(**kwargs)


def test_per_symbol_mark_stream_carries_exact_prices_and_funding_at_funding_times() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(f"{ex.endpoints.raw_ws_url}/btcusdt@markPrice@1s") as ws:
            event = await recv_matching(ws, lambda m: m.get("e") == "markPriceUpdate")
            mark = parse_mark_event(event)  # checked as the app checks it
            state = ex.market.state("BTCUSDT")
            assert state is not None
            assert mark.symbol == "BTCUSDT" and mark.has_funding
            assert mark.mark.as_tuple().exponent == state.tick.as_tuple().exponent
            interval = ex.funding.funding("BTCUSDT").interval_ms
            assert interval in (HOUR_MS, 4 * HOUR_MS, 8 * HOUR_MS)
            assert mark.next_funding % interval == 0
            assert 0 < mark.next_funding - mark.event_time <= interval

    run(scenario())


def test_funding_intervals_are_8h_with_some_4h_and_1h_and_quarterlies_have_none() -> None:
    ex = sim(extra_contracts=200)
    intervals = {ex.funding.funding(s).interval_ms for s in ex.symbols if "_" not in s}
    assert intervals == {HOUR_MS, 4 * HOUR_MS, 8 * HOUR_MS}
    state = ex.market.state("BTCUSDT_261225")
    assert state is not None
    event = ex.funding.event(state, int(time.time() * 1000))
    assert event["r"] == "" and event["T"] == 0


def test_all_market_mark_array_carries_every_listed_contract() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.combined_ws_url()) as ws:
            await request(ws, "SUBSCRIBE", [ALL_MARK_STREAM])
            raw = await recv_matching(ws, lambda m: m.get("stream") == ALL_MARK_STREAM)
            frame = parse_frame(json.dumps(raw))
            assert isinstance(frame, Marks)
            listed = {s.symbol for s in ex.market.trading_states()}
            assert {m.symbol for m in frame.events} == listed
            assert not any(m.has_funding for m in frame.events if "_" in m.symbol)

    run(scenario())


def test_a_funding_time_put_seconds_ahead_passes_and_the_next_period_follows() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(f"{ex.endpoints.raw_ws_url}/ethusdt@markPrice@1s") as ws:
            soon = int(time.time() * 1000) + 300
            ex.funding.set_next_funding("ETHUSDT", soon)
            interval = ex.funding.funding("ETHUSDT").interval_ms
            await recv_matching(ws, lambda m: m.get("T") == soon)
            after = await recv_matching(ws, lambda m: m.get("T") != soon, timeout=5)
            assert after["T"] == soon + interval
            assert after["E"] >= soon

    run(scenario())


def test_a_short_test_interval_settles_again_and_again() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(f"{ex.endpoints.raw_ws_url}/btcusdt@markPrice@1s") as ws:
            ex.funding.set_interval("BTCUSDT", 200)
            ex.funding.set_rate("BTCUSDT", "-0.00025")
            seen: set[int] = set()
            while len(seen) < 3:
                event = await recv_matching(ws, lambda m: m.get("e") == "markPriceUpdate")
                assert event["r"] == "-0.00025000"
                seen.add(event["T"])
            assert all(t % 200 == 0 for t in seen)

    run(scenario())
