"""Ingest throughput: events per second from the socket into the Qt table model.

The simulated exchange (its own process, the full ~800-contract market, no regular
ticks) pushes a firehose: every subscribed stream, round after round, as fast as each
socket drains. Three readers take the same firehose over the same four connections of
200 streams each:

- the limit: a bare ``websockets`` receive loop that only parses the JSON (with the
  fastest generic decoder here, orjson: the app's ``decode_json``; the app's typed
  decoder for market frames is faster still, as it builds no dicts), on a plain
  asyncio loop;
- the same bare loop on the app's qasync loop (what Qt's event dispatch costs);
- the app: ``StreamClient`` → ``QuoteBook`` → ``WatchlistModel`` (all 800 symbols on the
  watchlist, window shown offscreen), timed until the model has taken the last event.

Beside the firehose, every reader also takes the mark prices the app subscribes with
its default columns: those of its one pin, for the tray tooltip's funding line (the
bare loops decode them; the app parses them and feeds its mark book). The whole
market's ``!markPrice@arr@1s`` flows only while a funding column shows (issue 20).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

import qasync
from websockets.asyncio.client import ClientConnection, connect

from desktop.bench.harness import (
    Report,
    cpu_seconds,
    median,
    qt_application,
    running_app,
    until,
)
from desktop.bench.simproc import SimProcess
from desktop.exchange.funding import mark_stream_name
from desktop.exchange.symbols import stream_name
from desktop.exchange.ticker import MAX_FRAME_BYTES, decode_json

SHARD: int = 200  # streams per connection, as the app's client does by default
TARGET_RATIO = 0.8


def _shards(symbols: Sequence[str]) -> list[list[str]]:
    streams = [stream_name(s) for s in symbols]
    return [streams[i : i + SHARD] for i in range(0, len(streams), SHARD)]


async def _bare_trials(sim: SimProcess, rounds: int, trials: int) -> list[tuple[int, float, float]]:
    """(events, seconds, cpu seconds) per trial of the bare receive-and-parse loop."""
    shards = _shards(sim.trading)
    sockets: list[ClientConnection] = []
    marks: asyncio.Task[None] | None = None
    try:
        mark_socket = await connect(
            sim.endpoints.combined_ws_url([mark_stream_name(sim.trading[0])]),  # the pin
            max_size=MAX_FRAME_BYTES,
            ping_interval=None,
            compression=None,
        )
        sockets.append(mark_socket)

        async def read_marks() -> None:  # the app's mark load, decoded as the rest
            while True:
                decode_json(await mark_socket.recv())

        marks = asyncio.create_task(read_marks())
        for shard in shards:
            sockets.append(
                await connect(
                    sim.endpoints.combined_ws_url(shard),
                    max_size=MAX_FRAME_BYTES,
                    ping_interval=None,
                    compression=None,
                )
            )

        async def all_open() -> bool:
            return (await sim.stats()).connections_open == len(shards) + 1

        while not await all_open():  # the client may be open before the server knows
            await asyncio.sleep(0.01)

        async def drain(ws: ClientConnection, frames: int) -> None:
            for _ in range(frames):
                decode_json(await ws.recv())

        results = []
        for trial in range(trials + 1):  # the first one warms up
            started, cpu = time.perf_counter(), cpu_seconds()
            fire = asyncio.create_task(sim.firehose(rounds))
            await asyncio.gather(
                *(drain(ws, len(s) * rounds) for ws, s in zip(sockets[1:], shards, strict=True))
            )
            took, cpu = time.perf_counter() - started, cpu_seconds() - cpu
            sent = (await fire).sent
            if trial:
                results.append((sent, took, cpu))
        return results
    finally:
        if marks is not None:
            marks.cancel()
            await asyncio.gather(marks, return_exceptions=True)
        for ws in sockets:
            await ws.close()


async def _app_trials(sim: SimProcess, rounds: int, trials: int) -> list[tuple[int, float, float]]:
    app = qt_application()
    results: list[tuple[int, float, float]] = []
    async with running_app(sim, sim.trading, app) as running:
        parts = running.parts
        counters = running.client.stats_counters  # counted before listeners are called
        base = counters.delivered
        expected = -1
        done_at = 0.0

        def model_updated(_: list[str]) -> None:
            # Connected after the table model: it has already taken this batch.
            nonlocal done_at
            if counters.delivered - base >= expected >= 0 and not done_at:
                done_at = time.perf_counter()

        def finished() -> bool:
            return bool(done_at)

        parts.book.quotesChanged.connect(model_updated)
        for trial in range(trials + 1):
            base, expected, done_at = counters.delivered, len(sim.trading) * rounds, 0.0
            started, cpu = time.perf_counter(), cpu_seconds()
            fire = asyncio.create_task(sim.firehose(rounds))
            await until(finished, 300, "the model to take the firehose")
            took, cpu = done_at - started, cpu_seconds() - cpu
            sent = (await fire).sent
            received = counters.delivered - base
            if received != sent:
                raise RuntimeError(f"the app took {received} events of {sent} sent")
            if trial:
                results.append((sent, took, cpu))
        parts.book.quotesChanged.disconnect(model_updated)
    return results


def _rate(results: list[tuple[int, float, float]]) -> tuple[float, float]:
    """The best trial's events/s, and the median CPU µs per event.

    Best of, not median: what the reader can do, least disturbed by whatever else the
    machine runs (on a shared 2-core machine a median swings by a third between runs).
    """
    return (
        max(n / s for n, s, _ in results),
        median([c / n * 1e6 for n, _, c in results]),
    )


def measure(quick: bool) -> Report:
    rounds, trials = (10, 1) if quick else (100, 5)
    report = Report()
    with SimProcess(cadence=3600.0, arr_interval=3600.0) as sim:
        bare = asyncio.run(_bare_trials(sim, rounds, trials))

        async def on_qt() -> tuple[list[tuple[int, float, float]], list[tuple[int, float, float]]]:
            return await _bare_trials(sim, rounds, trials), await _app_trials(sim, rounds, trials)

        qt_application()
        bare_qt, app_path = qasync.run(on_qt())
        symbols = len(sim.trading)
    limit, limit_cpu = _rate(bare)
    qt_limit, qt_cpu = _rate(bare_qt)
    app_rate, app_cpu = _rate(app_path)
    ratio = app_rate / limit
    section = "1 Ingest"
    report.add(
        section,
        "limit: bare websockets + JSON decode (asyncio)",
        limit,
        "events/s",
        note=f"{limit_cpu:.1f} µs CPU/event",
    )
    report.add(
        section,
        "bare loop on the qasync loop",
        qt_limit,
        "events/s",
        note=f"{qt_cpu:.1f} µs CPU/event",
    )
    report.add(
        section,
        "app: socket → QuoteBook → table model",
        app_rate,
        "events/s",
        note=f"{app_cpu:.1f} µs CPU/event",
    )
    report.add(
        section,
        "ratio app / limit",
        ratio,
        "",
        f"≥ {TARGET_RATIO}",
        ratio >= TARGET_RATIO,
        f"best of {trials} trials of {symbols} × {rounds} events each",
    )
    report.details["ingest"] = {
        "symbols": symbols,
        "rounds": rounds,
        "trials": trials,
        "bare": bare,
        "bare_qasync": bare_qt,
        "app": app_path,
    }
    return report
