"""The whole app (composition root, window shown) against a simulated exchange with faults.

Timeouts are scaled down (pings every 0.5 s, data expected within 2 s, retries after at
most 0.5 s) so that what takes the real client tens of seconds takes a second here; the
logic that decides is the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from desktop.app import Parts, build, serve
from desktop.exchange.funding import ALL_MARK_STREAM, mark_stream_name
from desktop.exchange.symbols import stream_name
from desktop.options import Options
from desktop.simexchange.server import SimExchange
from desktop.stream.client import MARK_ARRAY_FROM, StreamClient
from desktop.stream.status import ClientStatus, ConnState
from tests.conftest import wait_for
from tests.faults.conftest import RECOVERIES

SYMBOLS = ("BTCUSDT", "ETHUSDT", "SOLUSDT", "币安人生USDT", "BTCUSDT_261225")
CADENCE = 0.1
FAST_CLIENT: dict[str, Any] = {
    "ping_interval": 0.5,
    "ping_timeout": 0.5,
    "data_timeout": 2.0,
    "backoff_initial": 0.05,
    "backoff_max": 0.5,
    "stable_after": 1.0,
    "open_timeout": 2.0,
}
RECOVERY_TIMEOUT = 15.0


@dataclass
class App:
    """A running app, its exchange, and what its status bar has said so far."""

    parts: Parts
    task: asyncio.Task[None]
    exchange: SimExchange
    symbols: tuple[str, ...]
    said: list[str] = field(default_factory=list)  # status bar texts, in order
    banners: list[str] = field(default_factory=list)  # messages shown above the table

    @property
    def client(self) -> StreamClient:
        assert isinstance(self.parts.client, StreamClient)
        return self.parts.client

    @property
    def status_text(self) -> str:
        """What the status bar says, in plain words (its tooltip is the text without markup)."""
        return self.parts.window.connection_label.toolTip()

    def fresh(self, since: float, symbols: Iterable[str] | None = None) -> bool:
        """Every watched symbol (that trades) has a pushed price that arrived after ``since``."""
        book = self.parts.book
        for symbol in self.symbols if symbols is None else symbols:
            quote = book.quote(symbol)
            if quote is None or quote.from_snapshot or quote.received <= since:
                return False
        return True

    def wanted_streams(self) -> set[str]:
        """Every symbol's mini ticker stream and the mark prices the app needs (those of
        the pins, by default; a long list takes the all-market mark array)."""
        wanted = {stream_name(s) for s in self.symbols}
        marks = self.client.mark_symbols
        if len(marks) >= MARK_ARRAY_FROM:
            wanted.add(ALL_MARK_STREAM)
        else:
            wanted |= {mark_stream_name(s) for s in marks}
        return wanted

    def live(self) -> bool:
        status = self.client.status
        return status.state is ConnState.LIVE and status.streams == len(self.wanted_streams())

    async def recovered(self, fault: str, since: float, *, record: bool = True) -> float:
        """Wait until live with fresh data everywhere; record and return how long it took."""
        await wait_for(
            lambda: self.live() and self.fresh(since),
            RECOVERY_TIMEOUT,
            f"data again after {fault}; status: {self.status_text!r}",
        )
        took = time.time() - since
        if record:
            RECOVERIES[fault].append(took)
        return took

    def check_nothing_lost(self) -> None:
        """The user's promises: still running, every subscription back, the rate rule kept."""
        assert not self.task.done(), "the app stopped"
        assert self.parts.window.isVisible()
        wanted = self.wanted_streams()  # mark price streams back too
        assert self.exchange.stats.subscribed_streams() == wanted
        assert self.client.status.streams == len(wanted)
        assert self.exchange.stats.rate_violations == 0
        assert self.exchange.stats.max_incoming_in_any_second <= 10
        assert self.status_text == "Live"


@contextlib.asynccontextmanager
async def running(
    exchange: SimExchange,
    config_dir: Path,
    app: QApplication,
    symbols: Iterable[str] = SYMBOLS,
    **client: Any,
) -> AsyncIterator[App]:
    """Build and serve the app on ``exchange``; quit it the way the Quit menu does."""
    wanted = tuple(symbols)
    options = Options(
        endpoints=exchange.endpoints,
        endpoints_explicit=True,
        config_dir=config_dir,
        symbols=wanted,
    )
    stream_client = StreamClient(exchange.endpoints, **{**FAST_CLIENT, **client})
    parts = await build(options, app, client=stream_client)
    task = asyncio.create_task(serve(parts))
    running_app = App(parts, task, exchange, wanted)

    def on_status(_: ClientStatus) -> None:
        text = running_app.status_text
        if not running_app.said or running_app.said[-1] != text:
            running_app.said.append(text)

    parts.book.statusChanged.connect(on_status)
    parts.book.errorRaised.connect(running_app.banners.append)
    try:
        await wait_for(running_app.live, 10, "the app to go live")
        await wait_for(lambda: running_app.fresh(0.0), 10, "first prices")
        yield running_app
    finally:
        parts.book.statusChanged.disconnect(on_status)
        parts.book.errorRaised.disconnect(running_app.banners.append)
        parts.quit_event.set()
        await task
