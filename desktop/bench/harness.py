"""What the measurements share: the whole app against a ``SimProcess``, results, readings.

Each measurement runs in a fresh process of its own (see ``desktop.bench.__main__``), so
that one's memory, tasks and warm caches never flatter or burden the next.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import resource
import time
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

# Measurements run headless unless the caller chose a platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desktop.app import SETTLE_HEAP_AFTER, Parts, build, serve
from desktop.bench.simproc import SimProcess
from desktop.exchange.endpoints import Endpoints
from desktop.options import Options
from desktop.stream.client import StreamClient
from desktop.stream.status import ConnState


@dataclass
class Row:
    """One line of the printed table."""

    section: str
    name: str
    value: float | None
    unit: str
    target: str = ""
    ok: bool | None = None  # None: no target
    note: str = ""


@dataclass
class Report:
    """What one measurement process hands back: table rows and free-form details."""

    rows: list[Row] = field(default_factory=list)
    details: dict[str, object] = field(default_factory=dict)

    def add(
        self,
        section: str,
        name: str,
        value: float | None,
        unit: str,
        target: str = "",
        ok: bool | None = None,
        note: str = "",
    ) -> Row:
        row = Row(section, name, value, unit, target, ok, note)
        self.rows.append(row)
        return row

    def to_json(self) -> dict[str, object]:
        return {"rows": [asdict(r) for r in self.rows], "details": self.details}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Report:
        rows, details = data.get("rows", []), data.get("details", {})
        if not isinstance(rows, list) or not isinstance(details, dict):
            raise RuntimeError(f"not a benchmark report: {sorted(data)[:8]}")
        return cls([Row(**r) for r in rows], dict(details))


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: Sequence[float]) -> float:
    return percentile(values, 50)


def rss_bytes() -> int:
    """Resident set size of this process now."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # peak, not current


def cpu_seconds() -> float:
    """User + system CPU time of this process (all its threads) so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def until(predicate: Callable[[], bool], timeout: float, what: str) -> float:
    """Wait for ``predicate``; return how long it took, or raise ``TimeoutError``."""
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > timeout:
            raise TimeoutError(f"gave up after {timeout:g} s waiting for {what}")
        await asyncio.sleep(0.005)
    return time.perf_counter() - started


def qt_application() -> QApplication:
    app = QApplication.instance() or QApplication(["miniticker-bench"])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    return app


@dataclass
class RunningApp:
    parts: Parts
    task: asyncio.Task[None]

    @property
    def client(self) -> StreamClient:
        client = self.parts.client
        assert isinstance(client, StreamClient), "a benchmark runs against a live client"
        return client

    def live(self, streams: int) -> bool:
        status = self.client.status
        return status.state is ConnState.LIVE and status.streams >= streams


@contextlib.asynccontextmanager
async def running_app(
    sim: SimProcess,
    symbols: Iterable[str],
    app: QApplication,
    *,
    all_market: bool = False,
    ready_timeout: float = 60.0,
    make_client: Callable[[Endpoints], StreamClient] = StreamClient,
) -> AsyncIterator[RunningApp]:
    """The whole app (composition root, window shown) streaming ``symbols`` from ``sim``
    with its default columns and the first symbol pinned, so with the mark prices of
    that pin only (the tray tooltip's funding); with ``all_market`` the movers panel is
    open too, which subscribes ``!miniTicker@arr``.

    Yields once every stream is acknowledged and the contract list is loaded; quits the
    app the way the Quit menu does on the way out. ``make_client`` builds the stream
    client (``functools.partial(StreamClient, batch_size=...)`` to try other settings).
    """
    wanted = tuple(symbols)
    with TemporaryDirectory(prefix="miniticker-bench-") as config_dir:
        options = Options(
            endpoints=sim.endpoints,
            endpoints_explicit=True,
            config_dir=Path(config_dir),
            symbols=wanted,
        )
        client = make_client(sim.endpoints)
        parts = await build(options, app, client=client)
        # As ``desktop.app.run`` serves it.
        task = asyncio.create_task(
            serve(parts, settle_heap_after=SETTLE_HEAP_AFTER), name="miniticker"
        )
        running = RunningApp(parts, task)
        try:
            if all_market:
                # As a trader gets it: the movers panel subscribes the all-market stream
                # while it shows, and repaints its rankings every second.
                parts.movers.setVisible(True)
            streams = len(wanted) + (1 if all_market else 0)
            await until(lambda: running.live(streams), ready_timeout, f"{streams} live streams")
            # The mark prices the app subscribes (the pin's): part of the load measured.
            stats = client.stats_counters
            await until(lambda: stats.marks > 0, ready_timeout, "the first mark prices")
            await until(lambda: len(parts.watchlist.catalog) > 0, ready_timeout, "contract list")
            yield running
        finally:
            parts.quit_event.set()
            await task


def format_ms(seconds: float) -> float:
    return round(seconds * 1000, 3)
