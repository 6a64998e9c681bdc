"""What a realistic watchlist costs: 50 symbols at the 2 s cadence, window shown.

CPU is this process's user + system time (every thread) over the window, as a percentage
of one core; the simulated exchange runs in its own process and is not counted. RSS is
sampled once a second.
"""

from __future__ import annotations

import asyncio
import gc
import time

import qasync

from desktop.bench.harness import (
    Report,
    cpu_seconds,
    median,
    qt_application,
    rss_bytes,
    running_app,
)
from desktop.bench.simproc import SimProcess

WATCHED = 50
TARGET_CPU_PERCENT = 2.0
TARGET_RSS_MB = 150.0


async def _measure(sim: SimProcess, seconds: float, warmup: float) -> dict[str, float]:
    app = qt_application()
    async with running_app(sim, sim.trading[:WATCHED], app):
        await asyncio.sleep(warmup)  # past start-up: contract list, snapshot, first pushes
        gc.collect()
        rss: list[int] = []
        started, cpu = time.monotonic(), cpu_seconds()
        while (elapsed := time.monotonic() - started) < seconds:
            rss.append(rss_bytes())
            await asyncio.sleep(min(1.0, seconds - elapsed))
        wall, used = time.monotonic() - started, cpu_seconds() - cpu
        rss.append(rss_bytes())
    return {
        "cpu_percent": used / wall * 100,
        "rss_median_mb": median(rss) / 2**20,
        "rss_max_mb": max(rss) / 2**20,
        "seconds": wall,
    }


def measure(quick: bool) -> Report:
    seconds, warmup = (8.0, 3.0) if quick else (60.0, 10.0)
    with SimProcess(cadence=2.0, arr_interval=1.0) as sim:
        qt_application()
        result = qasync.run(_measure(sim, seconds, warmup))
    report = Report()
    section = "4 Cost"
    note = f"{WATCHED} symbols, 2 s cadence, window shown, over {result['seconds']:.0f} s"
    cpu = result["cpu_percent"]
    report.add(
        section,
        "CPU, % of one core",
        cpu,
        "%",
        f"< {TARGET_CPU_PERCENT:g} %",
        cpu < TARGET_CPU_PERCENT,
        note,
    )
    rss = result["rss_max_mb"]
    report.add(
        section,
        "RSS, highest sample",
        rss,
        "MB",
        f"< {TARGET_RSS_MB:g} MB",
        rss < TARGET_RSS_MB,
        f"median {result['rss_median_mb']:.1f} MB",
    )
    report.details["cost"] = result
    return report
