"""A simulated exchange plus a stream client with fast timeouts, for the stream tests.

No pytest-asyncio: each test is a plain function that calls ``run(...)``, which runs a
coroutine under ``asyncio.run`` with an overall timeout and fails on leaked tasks.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from desktop.exchange.ticker import MiniTicker
from desktop.simexchange.server import SimExchange
from desktop.stream import ClientStatus, StreamClient

timings = logging.getLogger("tests.stream.timings")

# Scaled-down timeouts: detection within ~1 s instead of ~20 s.
FAST_CLIENT: dict[str, Any] = {
    "ping_interval": 0.5,
    "ping_timeout": 0.5,
    "data_timeout": 1.0,
    "backoff_initial": 0.05,
    "backoff_max": 0.5,
    "stable_after": 1.0,
    "open_timeout": 2.0,
}
CADENCE = 0.05


def run(main: Callable[[], Awaitable[None]], timeout: float = 30.0) -> None:
    """Run ``main()`` in a fresh event loop; fail on timeout or on tasks left running."""

    async def guarded() -> None:
        async with asyncio.timeout(timeout):
            await main()
        leftover = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        assert not leftover, f"tasks left running: {leftover}"

    asyncio.run(guarded())


def synthetic_contracts(count: int, prefix: str = "SYM") -> list[dict[str, Any]]:
    """``count`` trading contracts named ``SYM000USDT``…, for sharding and rate tests."""
    return [{"symbol": f"{prefix}{i:03d}USDT", "status": "TRADING"} for i in range(count)]


@dataclass
class Recorder:
    """Everything a client told its listeners, with arrival times."""

    events: dict[str, list[tuple[int, float]]] = field(default_factory=lambda: defaultdict(list))
    frames: int = 0
    statuses: list[tuple[float, ClientStatus]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, client: StreamClient) -> None:
        client.add_ticker_listener(self.on_tickers)
        client.add_status_listener(self.on_status)
        client.add_error_listener(self.errors.append)

    def on_tickers(self, events: Sequence[MiniTicker], received: float) -> None:
        self.frames += 1
        for event in events:
            self.events[event.symbol].append((event.event_time, received))

    def on_status(self, status: ClientStatus) -> None:
        self.statuses.append((time.monotonic(), status))

    def count(self, symbol: str) -> int:
        return len(self.events.get(symbol, ()))

    def total(self) -> int:
        return sum(len(v) for v in self.events.values())

    def seen(self) -> set[str]:
        return {s for s, v in self.events.items() if v}

    def all_received_after(self, symbols: Iterable[str], stamp: float) -> bool:
        """Every symbol has an event that arrived after ``time.time()`` value ``stamp``."""
        return all(self.events.get(s) and self.events[s][-1][1] > stamp for s in symbols)


@dataclass
class Rig:
    sim: SimExchange
    client: StreamClient
    rec: Recorder

    async def until(self, predicate: Callable[[], bool], timeout: float = 10.0) -> float:
        """Wait for ``predicate``; return how long it took."""
        started = time.monotonic()
        await self.sim.wait_until(predicate, timeout)
        return time.monotonic() - started


@asynccontextmanager
async def rig(
    symbols: Iterable[str] = (),
    *,
    sim: dict[str, Any] | None = None,
    client: dict[str, Any] | None = None,
    start: bool = True,
) -> AsyncIterator[Rig]:
    """A started simulated exchange and client; both are stopped on the way out."""
    async with SimExchange(**{"cadence": CADENCE, "seed": 7, **(sim or {})}) as exchange:
        stream_client = StreamClient(exchange.endpoints, **{**FAST_CLIENT, **(client or {})})
        recorder = Recorder()
        recorder.attach(stream_client)
        stream_client.set_symbols(symbols)
        if start:
            await stream_client.start()
        try:
            yield Rig(exchange, stream_client, recorder)
        finally:
            await stream_client.stop()
