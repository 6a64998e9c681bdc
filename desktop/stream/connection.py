"""One shard of the stream client: its streams, and the websocket that serves them.

A ``Connection`` outlives its websockets. It reconnects after failures (exponential
backoff with full jitter, reset only once a connection has proved stable), replaces its
websocket before the exchange's 24-hour limit without a gap (the successor is open and
delivering before the old one closes), and keeps its health state for the status bar
(``link_health.LinkHealth``). What to tell the user about refused subscriptions and
silent streams is judged by ``subscription_trouble.SubscriptionTrouble``.

Why not a reconnecting ``async for ws in connect(...)`` loop: it resets its backoff on
every successful open, so a server that accepts and then drops us at once would be
hammered; it cannot tell the UI "next try in N s"; and it retries only failed *opens*,
while we also need to reconnect after a connection went silent or stopped answering
pings. Each websocket is a ``wire.StreamSocket``; we still use websockets'
``process_exception`` classification of transient versus fatal errors
(see ``errors.explain``).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Mapping
from typing import Protocol

from desktop.exchange.endpoints import Endpoints
from desktop.exchange.ticker import MAX_FRAME_BYTES, Batch, ErrorReply, FrameError, MiniTicker
from desktop.stream.config import StreamConfig
from desktop.stream.errors import Failure, explain
from desktop.stream.link_health import LinkHealth
from desktop.stream.pacing import Pacer
from desktop.stream.recording import Recorder
from desktop.stream.session import Session
from desktop.stream.status import ConnState, StreamStats
from desktop.stream.subscription_trouble import SubscriptionTrouble
from desktop.stream.wire import open_socket
from desktop.wording import translate

logger = logging.getLogger(__name__)


class ConnectionHost(Protocol):
    """What a connection needs from the client that owns it."""

    stats_counters: StreamStats
    recorder: Recorder | None  # every frame received goes to it, when set

    @property
    def last_event_times(self) -> Mapping[str, int]: ...  # newest event time per symbol
    @property
    def last_events(self) -> Mapping[str, MiniTicker]: ...  # newest event per symbol

    def deliver(self, batch: Batch, received: float) -> None: ...
    def malformed(self, raw: str | bytes, error: FrameError) -> None: ...
    def report_problem(self, text: str) -> None: ...
    def report_recovered(self, text: str) -> None: ...
    def connection_changed(self, connection: Connection) -> None: ...


class Connection:
    """The streams of one shard and the websocket(s) serving them.

    State for the status bar: ``state``, ``attempt``, ``retry_at`` and ``last_error``,
    kept by ``health`` (a ``LinkHealth``).
    """

    def __init__(
        self, ident: int, host: ConnectionHost, endpoints: Endpoints, config: StreamConfig
    ) -> None:
        self.ident = ident
        self.label = f"connection {ident}"
        self.host = host
        self.endpoints = endpoints
        self.config = config
        self.desired: set[str] = set()
        self.delivered_ever: set[str] = set()
        self.health = LinkHealth(self.label, config)
        self.current: Session | None = None
        self.successor: Session | None = None
        self.task: asyncio.Task[None] | None = None
        self._trouble = SubscriptionTrouble(host, config)

    # -- what the client calls -------------------------------------------------------

    def add(self, streams: set[str]) -> None:
        self.desired |= streams
        self._wake()

    def remove(self, streams: set[str]) -> None:
        self.desired -= streams
        self.delivered_ever -= streams
        self._wake()

    def start(self) -> None:
        self.health.restart()
        self.task = asyncio.get_running_loop().create_task(self._run(), name=self.label)
        self.task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        if task.cancelled() or task.exception() is None:
            return
        # A bug, not a network problem: say so instead of going quietly stale.
        logger.error("%s: stopped by an internal error", self.label, exc_info=task.exception())
        self.health.broken(
            translate("Stream", "internal error in the stream client ({reason})").format(
                reason=f"{task.exception()!r:.100}"
            )
        )
        self._changed()

    @property
    def state(self) -> ConnState:
        return self.health.state

    @property
    def attempt(self) -> int:
        return self.health.attempt

    @property
    def retry_at(self) -> float | None:
        return self.health.retry_at

    @property
    def last_error(self) -> str | None:
        return self.health.last_error

    @property
    def open_sockets(self) -> int:
        return sum(1 for s in (self.current, self.successor) if s is not None and s.is_open)

    @property
    def acked_streams(self) -> int:
        return len(self.current.acked) if self.current is not None else 0

    def _wake(self) -> None:
        for session in (self.current, self.successor):
            if session is not None:
                session.wake()

    def _changed(self) -> None:
        self.host.connection_changed(self)

    # -- the connection's life -------------------------------------------------------

    async def _run(self) -> None:
        try:
            while True:
                if self.health.trying():
                    self._changed()
                try:
                    session = await self._connect()
                except Exception as exc:
                    await self._pause(self._explain(exc))
                    continue
                failure, lived = await self._serve(session)
                self.health.ended(lived)
                await self._pause(failure)
        finally:
            await self._close_sessions()
            self.health.stopped()

    async def _connect(self) -> Session:
        config = self.config
        url_streams = self.endpoints.url_streams(sorted(self.desired), config.max_url_length)
        pacer = Pacer(config.max_requests_per_second)
        ws = await open_socket(
            self.endpoints.combined_ws_url(url_streams),
            open_timeout=config.open_timeout,
            ping_interval=config.ping_interval,
            ping_timeout=config.ping_timeout,
            close_timeout=config.close_timeout,
            max_size=MAX_FRAME_BYTES,
            on_control_sent=pacer.note_unpaced,
        )
        session = Session(
            self, ws, config=config, pacer=pacer, url_streams=url_streams, label=self.label
        )
        session.start()
        return session

    async def _serve(self, session: Session) -> tuple[Failure, float]:
        """Run until the websocket fails; replace it when it gets old. Returns why it ended."""
        config = self.config
        self.current = session
        if self.health.live():
            self.host.stats_counters.reconnects += 1
        self._changed()
        rotate_at = session.opened_at + config.max_connection_age
        stable_at: float | None = session.opened_at + config.stable_after
        task = session.task
        assert task is not None
        while True:
            deadline = min(rotate_at, stable_at) if stable_at is not None else rotate_at
            await asyncio.wait({task}, timeout=max(0.0, deadline - time.monotonic()))
            if task.done():
                break
            now = time.monotonic()
            if stable_at is not None and now >= stable_at:
                stable_at = None
                self.health.stable()
                self._changed()
            if now >= rotate_at:
                session, rotate_at = await self._rotate(session)
                assert session.task is not None
                task = session.task
        self.current = None
        failure = self._outcome(task)
        lived = time.monotonic() - session.opened_at
        await session.close()
        return failure, lived

    async def _rotate(self, old: Session) -> tuple[Session, float]:
        """Open a successor, wait until it delivers, then close ``old``; keep ``old`` on failure."""
        config = self.config
        retry_at = time.monotonic() + min(config.backoff_max, config.max_connection_age / 4)
        started = time.monotonic()
        logger.info("%s: replacing the websocket before the exchange's age limit", self.label)
        try:
            new = await self._connect()
        except Exception as exc:
            logger.warning(
                "%s: could not open a successor: %s", self.label, self._explain(exc).text
            )
            return old, retry_at
        assert new.task is not None and old.task is not None
        self.successor = new
        self._changed()
        ready = asyncio.create_task(new.ready.wait())
        try:
            done, _ = await asyncio.wait(
                {ready, new.task, old.task},
                timeout=config.open_timeout + config.data_timeout,
                return_when=asyncio.FIRST_COMPLETED,
            )
        finally:
            ready.cancel()
            self.successor = None
        if new.task in done or not done:
            why = self._outcome(new.task).text if new.task.done() else "it never delivered"
            logger.warning("%s: successor failed (%s); keeping the old one", self.label, why)
            await new.close()
            self._changed()
            return old, retry_at
        self.current = new
        self._changed()
        await old.close()
        self.host.stats_counters.rotations += 1
        logger.info("%s: replaced in %.2f s", self.label, time.monotonic() - started)
        return new, new.opened_at + config.max_connection_age

    async def _pause(self, failure: Failure) -> None:
        """Record a failure and wait before the next try."""
        delay = self.health.failed(failure)
        self._changed()
        await asyncio.sleep(delay)

    def _outcome(self, task: asyncio.Task[Failure]) -> Failure:
        if task.cancelled():
            return Failure(translate("Stream", "the connection was closed by the client"))
        exc = task.exception()
        if exc is not None:
            logger.error("%s: session failed", self.label, exc_info=exc)
            return Failure(
                translate("Stream", "internal error in the stream client ({reason})").format(
                    reason=f"{exc!r:.100}"
                )
            )
        return task.result()

    def _explain(self, exc: Exception) -> Failure:
        return explain(exc, open_timeout=self.config.open_timeout, ping_wait=self.config.ping_wait)

    async def _close_sessions(self) -> None:
        sessions = [s for s in (self.successor, self.current) if s is not None]
        self.current = self.successor = None
        for session in sessions:
            await session.close()

    # -- SessionHost -----------------------------------------------------------------

    def on_frames(self, messages: list[bytes], received: float) -> None:
        self.host.stats_counters.frames += len(messages)
        recorder = self.host.recorder
        if recorder is not None:
            recorder.frames(messages, received, self.ident)

    @property
    def last_event_times(self) -> Mapping[str, int]:
        return self.host.last_event_times

    @property
    def last_events(self) -> Mapping[str, MiniTicker]:
        return self.host.last_events

    def on_tickers(self, session: Session, batch: Batch, received: float) -> None:
        self._trouble.delivered()
        first = batch.seen - self.delivered_ever
        if first:
            self.delivered_ever |= first & self.desired
        self.host.deliver(batch, received)

    def on_malformed(self, raw: str | bytes, error: FrameError) -> None:
        self.host.malformed(raw, error)

    def on_request_sent(self) -> None:
        self.host.stats_counters.requests_sent += 1

    def on_acked(self, session: Session, subscribed: bool) -> None:
        if subscribed:
            self._trouble.accepted()
        if session is self.current:
            self._changed()

    def on_refused(self, session: Session, streams: tuple[str, ...], reply: ErrorReply) -> float:
        self.host.stats_counters.refused += 1
        subscribing = bool(set(streams) & self.desired)
        return self._trouble.refused(streams, reply, subscribing=subscribing)

    def on_problem(self, text: str) -> None:
        self.host.report_problem(text[:1].upper() + text[1:] + ".")

    def on_silence(self, session: Session, streams: set[str]) -> bool:
        """Streams that delivered before have gone quiet: reconnect, or accept the quiet."""
        if self._trouble.silent(streams, delivered_here=bool(session.delivered)):
            return True
        self.delivered_ever -= streams
        return False
