"""Latency and event-loop lag at full-market load.

The simulated exchange (own process) lists ~800 contracts and pushes each one every
2 s, plus ``!miniTicker@arr`` (every symbol) once a second. The app watches all of them
with the window shown (offscreen) and the movers panel open: the panel is what
subscribes ``!miniTicker@arr``, so a trader who has that load has its rankings repainted
every second too.

- Latency: from the frame's arrival (the stream client's ``received`` stamp, taken once
  per socket read, right after websockets has split it into frames; the quote keeps it)
  to the table model's ``dataChanged`` for that row, when the model holds the new value
  and the view learns of it. Frames later in a large read wait for the ones before them,
  and that wait counts.
- Lag: a 16 ms precise single-shot ``QTimer``, re-armed each time it fires; how late
  it fires is how long a frame of the UI would be late.

Both are measured twice in one run: the table in the watchlist's own order, then sorted
by 24h change % (re-sorted as values move), the view a trader hunting movers keeps.
"""

from __future__ import annotations

import asyncio
import time

import qasync
from PySide6.QtCore import QModelIndex, Qt, QTimer

from desktop.bench.harness import Report, percentile, qt_application, running_app
from desktop.bench.simproc import SimProcess
from desktop.qt.watchlist_model import Column, Role

FRAME_MS = 16
TARGET_LATENCY_P99_MS = 5.0
TARGET_LAG_P99_MS = 16.0


class LagProbe:
    """How late a 16 ms timer fires, sample by sample (seconds)."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._armed = 0.0
        self._timer = QTimer()
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._fired)

    def start(self) -> None:
        self._armed = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _fired(self) -> None:
        now = time.perf_counter()
        self.samples.append(max(0.0, now - self._armed - FRAME_MS / 1000))
        self._armed = now
        self._timer.start()


async def _measure(
    sim: SimProcess, seconds: float, warmup: float, sorted_seconds: float
) -> dict[str, object]:
    app = qt_application()
    async with running_app(sim, sim.symbols, app, all_market=True) as running:
        parts = running.parts
        model = parts.window.model
        book = parts.book
        taken: dict[str, float] = {}  # symbol → arrival stamp of the value last taken
        latencies: list[float] = []
        measuring = False
        mismatches = 0

        def model_took(top_left: QModelIndex, bottom_right: QModelIndex, roles: list[int]) -> None:
            # The model announces new quotes as whole rows without roles; flashes and
            # other repaints name their roles and carry no new value.
            # Sparkline and catalog updates repaint rows too: a value counts once, the
            # first time its row is announced.
            if roles:
                return
            now = time.time()
            for row in range(top_left.row(), bottom_right.row() + 1):
                symbol = model.symbol_at(row) or ""
                quote = book.quote(symbol)
                if quote is None or quote.from_snapshot or taken.get(symbol) == quote.received:
                    continue
                taken[symbol] = quote.received
                if measuring:
                    latencies.append(now - quote.received)

        async def window(span: float) -> tuple[list[float], list[float]]:
            nonlocal measuring
            latencies.clear()
            lag = LagProbe()
            measuring = True
            lag.start()
            await asyncio.sleep(span)
            lag.stop()
            measuring = False
            return list(latencies), lag.samples

        model.dataChanged.connect(model_took)
        await asyncio.sleep(warmup)
        plain = await window(seconds)
        parts.window.table.sortByColumn(Column.CHANGE_PERCENT, Qt.SortOrder.DescendingOrder)
        await asyncio.sleep(2.0)  # past the first sort and its repaint
        by_change = await window(sorted_seconds)
        parts.window.clear_sort()
        model.dataChanged.disconnect(model_took)
        # The model shows what the book holds (checked once, off the measured span).
        parts.book.flush()
        for symbol in parts.watchlist.symbols():
            quote = parts.book.quote(symbol)
            shown = model.index(model.row_of(symbol), Column.LAST).data(Role.ExactRole)
            if quote is not None and shown != str(quote.ticker.close):
                mismatches += 1
        stats = running.client.stats
        return {
            "latencies": plain[0],
            "lag": plain[1],
            "sorted_latencies": by_change[0],
            "sorted_lag": by_change[1],
            "mismatches": mismatches,
            "events": stats.events,
            "delivered": stats.delivered,
            "frames": stats.frames,
        }


def measure(quick: bool) -> Report:
    seconds, warmup, sorted_seconds = (6.0, 3.0, 4.0) if quick else (60.0, 10.0, 30.0)
    with SimProcess(cadence=2.0, arr_interval=1.0) as sim:
        qt_application()
        result = qasync.run(_measure(sim, seconds, warmup, sorted_seconds))
        symbols = len(sim.symbols)
    latencies = [x * 1000 for x in result["latencies"]]
    lag = [x * 1000 for x in result["lag"]]
    report = Report()
    section = "2 Latency"
    note = f"{len(latencies)} samples over {seconds:g} s, {symbols} symbols + @arr + pin marks"
    report.add(
        section, "frame arrival → table model, p50", percentile(latencies, 50), "ms", note=note
    )
    p99 = percentile(latencies, 99)
    report.add(
        section,
        "frame arrival → table model, p99",
        p99,
        "ms",
        f"< {TARGET_LATENCY_P99_MS:g} ms",
        p99 < TARGET_LATENCY_P99_MS,
    )
    report.add(section, "frame arrival → table model, max", max(latencies, default=0.0), "ms")
    section = "3 UI lag"
    lag_p99 = percentile(lag, 99)
    report.add(
        section, "16 ms timer late by, p50", percentile(lag, 50), "ms", note=f"{len(lag)} samples"
    )
    report.add(
        section,
        "16 ms timer late by, p99",
        lag_p99,
        "ms",
        f"< {TARGET_LAG_P99_MS:g} ms",
        lag_p99 < TARGET_LAG_P99_MS,
    )
    report.add(section, "16 ms timer late by, max", max(lag, default=0.0), "ms")
    section = "3b Sorted by 24h change %"
    sorted_latencies = [x * 1000 for x in result["sorted_latencies"]]
    sorted_lag = [x * 1000 for x in result["sorted_lag"]]
    sorted_lag_p99 = percentile(sorted_lag, 99)
    report.add(
        section,
        "frame arrival → table model, p99",
        percentile(sorted_latencies, 99),
        "ms",
        note=f"{len(sorted_latencies)} samples over {sorted_seconds:g} s",
    )
    report.add(
        section,
        "16 ms timer late by, p99",
        sorted_lag_p99,
        "ms",
        f"< {TARGET_LAG_P99_MS:g} ms",
        sorted_lag_p99 < TARGET_LAG_P99_MS,
        f"{len(sorted_lag)} samples",
    )
    report.details["latency"] = {
        k: v
        for k, v in result.items()
        if k not in ("latencies", "lag", "sorted_latencies", "sorted_lag")
    } | {"seconds": seconds, "sorted_seconds": sorted_seconds, "symbols": symbols}
    return report
