"""Soak: full-market load for minutes on end, with a fault every so often.

The app watches every contract of the ~800-contract simulated market plus
``!miniTicker@arr``, with the stream client's production settings. Every
``fault_every`` seconds the exchange misbehaves in the next way from ``FAULTS``; the app
must come back by itself each time. Every few seconds the soak samples RSS and the
number of asyncio tasks while the app is live; the drift between the first and the last
third of the run is what a leak would show. At the end, with the faults over, every
symbol's newest event at the exchange must reach the book and the table: no event left
unprocessed.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import time
from collections import defaultdict
from typing import TypedDict

import qasync

from desktop.bench.harness import (
    Report,
    RunningApp,
    median,
    percentile,
    qt_application,
    rss_bytes,
    running_app,
    until,
)
from desktop.bench.simproc import SimProcess
from desktop.qt.watchlist_model import Column, Role

FAULTS = (
    "drop",
    "close_1001",
    "refused_handshakes",
    "malformed_burst",
    "subscribe_error",
    "age_limit",
    "half_dead",
)
JUNK: list[str] = [
    "not json",
    "[1, 2]",
    '{"unexpected": true}',
    '{"stream": "btcusdt@miniTicker", "data": {"e": "24hrMiniTicker", "s": "BTCUSDT"}}',
    '{"stream": "btcusdt@miniTicker", "data": {"e": "24hrMiniTicker", "E": 1, "s": "BTCUSDT",'
    ' "c": "NaN", "o": "1", "h": "1", "l": "1", "v": "1", "q": "1"}}',
]
SAMPLE_EVERY = 5.0
RECOVERY_TIMEOUT = 120.0


def _fresh_everywhere(running: RunningApp, symbols: list[str], since: float) -> bool:
    book = running.parts.book
    for symbol in symbols:
        quote = book.quote(symbol)
        if quote is None or quote.from_snapshot or quote.received <= since:
            return False
    return True


def _recovered(running: RunningApp, streams: int, symbols: list[str], since: float) -> bool:
    return running.live(streams) and _fresh_everywhere(running, symbols, since)


async def _inject(sim: SimProcess, fault: str, running: RunningApp, streams: int) -> None:
    if fault == "drop":
        await sim.call("drop_all")
    elif fault == "close_1001":
        await sim.call("close_all", code=1001, reason="going away")
    elif fault == "refused_handshakes":
        await sim.call("refuse_handshakes", n=3, status=503)
        await sim.call("drop_all")
    elif fault == "malformed_burst":
        await sim.call("send_raw", frames=JUNK * 40)
    elif fault == "subscribe_error":
        await sim.call("fail_subscribe", n=2)
        await sim.call("drop_all")
    elif fault == "age_limit":
        opened = (await sim.stats()).connections_opened
        await sim.call("set", max_connection_age=1.0)
        deadline = time.monotonic() + RECOVERY_TIMEOUT
        while (await sim.stats()).connections_opened < opened + len(
            running.client.connections
        ) and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        await sim.call("set", max_connection_age=24 * 3600.0)
    elif fault == "half_dead":
        await sim.call("half_dead", on=True)
        # Production keepalive: a ping every 10 s, 10 s to answer, then reconnect.
        await until(lambda: not running.live(streams), RECOVERY_TIMEOUT, "the dead peer noticed")
        await sim.call("half_dead", on=False)


class SoakResult(TypedDict):
    """What a soak run saw (``Report.details["soak"]``)."""

    samples: list[tuple[float, int, int]]  # (elapsed s, RSS bytes, tasks)
    recoveries: dict[str, list[float]]  # fault → seconds to recover, each time
    unprocessed: int
    rate_violations: int
    max_incoming_in_any_second: int
    subscribed: int
    client: dict[str, int]


async def _soak(sim: SimProcess, minutes: float, fault_every: float) -> SoakResult:
    app = qt_application()
    symbols = list(sim.trading)
    async with running_app(sim, sim.symbols, app, all_market=True) as running:
        streams = len(sim.symbols) + 1
        await until(lambda: _fresh_everywhere(running, symbols, 0.0), 60, "first prices")
        samples: list[tuple[float, int, int]] = []  # (elapsed s, RSS bytes, tasks)
        recoveries: dict[str, list[float]] = defaultdict(list)
        started = time.monotonic()
        next_fault, next_sample, index = started + fault_every, started, 0
        end = started + minutes * 60
        while (now := time.monotonic()) < end:
            if now >= next_sample and running.live(streams):
                gc.collect()
                samples.append((now - started, rss_bytes(), len(asyncio.all_tasks())))
                next_sample = now + SAMPLE_EVERY
            if now >= next_fault:
                fault = FAULTS[index % len(FAULTS)]
                if fault == "half_dead" and fault_every < 60:
                    index += 1
                    fault = FAULTS[index % len(FAULTS)]
                index += 1
                injected = time.time()
                await _inject(sim, fault, running, streams)
                await until(
                    functools.partial(_recovered, running, streams, symbols, injected),
                    RECOVERY_TIMEOUT,
                    f"recovery from {fault}",
                )
                recoveries[fault].append(time.time() - injected)
                next_fault = time.monotonic() + fault_every
            await asyncio.sleep(0.05)
        unprocessed = await _unprocessed(sim, running, symbols)
        stats = await sim.stats()
        client = running.client.stats
    return {
        "samples": samples,
        "recoveries": dict(recoveries),
        "unprocessed": unprocessed,
        "rate_violations": stats.rate_violations,
        "max_incoming_in_any_second": stats.max_incoming_in_any_second,
        "subscribed": len(stats.subscribed),
        "client": {
            "frames": client.frames,
            "events": client.events,
            "delivered": client.delivered,
            "duplicates": client.duplicates,
            "malformed": client.malformed,
            "reconnects": client.reconnects,
            "refused": client.refused,
        },
    }


async def _unprocessed(sim: SimProcess, running: RunningApp, symbols: list[str]) -> int:
    """Symbols whose newest event at the exchange never reached the book and the table."""
    times = await sim.event_times()
    book, model = running.parts.book, running.parts.window.model

    def caught_up() -> bool:
        for symbol in symbols:
            quote = book.quote(symbol)
            if quote is None or quote.ticker.event_time < times[symbol]:
                return False
        return True

    with contextlib.suppress(TimeoutError):  # counted below
        await until(caught_up, 30, "every symbol's newest event")
    book.flush()
    missing = 0
    for symbol in symbols:
        quote = book.quote(symbol)
        shown = model.index(model.row_of(symbol), Column.LAST).data(Role.ExactRole)
        if (
            quote is None
            or quote.ticker.event_time < times[symbol]
            or shown != str(quote.ticker.close)
        ):
            missing += 1
    return missing


def measure(minutes: float, fault_every: float | None = None) -> Report:
    every = fault_every if fault_every is not None else (60.0 if minutes >= 10 else 20.0)
    with SimProcess(cadence=2.0, arr_interval=1.0) as sim:
        qt_application()
        result = qasync.run(_soak(sim, minutes, every))
    report = Report()
    section = "Soak"
    samples: list[tuple[float, int, int]] = result["samples"]
    third = max(1, len(samples) // 3)
    first, middle, last = samples[:third], samples[third:-third] or samples, samples[-third:]
    rss_first = median([s[1] for s in first]) / 2**20
    rss_middle = median([s[1] for s in middle]) / 2**20
    rss_last = median([s[1] for s in last]) / 2**20
    tasks_first = median([s[2] for s in first])
    tasks_last = median([s[2] for s in last])
    note = f"{minutes:g} min, {len(samples)} samples while live, a fault every {every:g} s"
    report.add(section, "RSS, first third (median)", rss_first, "MB", note=note)
    report.add(section, "RSS, last third (median)", rss_last, "MB")
    report.add(section, "RSS drift", rss_last - rss_first, "MB")
    # The first third holds the warm-up (caches of text widths and sparklines filling,
    # the price history rolling over): the later two show whether growth goes on.
    report.add(section, "RSS drift, middle → last third", rss_last - rss_middle, "MB")
    report.add(
        section,
        "asyncio tasks, first third → last third",
        tasks_last - tasks_first,
        "tasks",
        "0",
        tasks_last <= tasks_first,
        f"{tasks_first:g} → {tasks_last:g}",
    )
    unprocessed = result["unprocessed"]
    report.add(
        section,
        "events left unprocessed (symbols behind)",
        unprocessed,
        "symbols",
        "0",
        unprocessed == 0,
    )
    violations = result["rate_violations"]
    report.add(
        section,
        "10 msg/s rule broken",
        violations,
        "times",
        "0",
        violations == 0,
        f"most client messages in one second: {result['max_incoming_in_any_second']}",
    )
    for fault, took in sorted(result["recoveries"].items()):
        report.add(
            section,
            f"recovery after {fault.replace('_', ' ')}, p50",
            median(took),
            "s",
            note=f"p95 {percentile(took, 95):.2f} s over {len(took)}",
        )
    report.details["soak"] = result
    return report
