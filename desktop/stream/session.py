"""One websocket to the exchange's combined-stream endpoint, from open to close.

A ``Session`` keeps its subscriptions in step with what its connection wants (batched,
paced SUBSCRIBE / UNSUBSCRIBE requests), hands every frame to its host, and watches its
own health: unanswered requests and market data that stopped arriving. Keepalive pings
are the socket's (``wire.StreamSocket``: ``ping_interval`` / ``ping_timeout``).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Final, Protocol

from websockets.exceptions import ConnectionClosed
from websockets.protocol import State

from desktop.exchange.ticker import (
    Batch,
    ErrorReply,
    FrameError,
    MiniTicker,
    Reply,
    parse_frames,
)
from desktop.stream.config import StreamConfig
from desktop.stream.errors import Failure, explain
from desktop.stream.pacing import Pacer
from desktop.stream.wire import StreamSocket
from desktop.wording import translate

logger = logging.getLogger(__name__)

# Rapid add/remove calls arriving within this window become one diff.
COALESCE_DELAY: Final = 0.02


class SessionHost(Protocol):
    """What a session needs from the connection that owns it."""

    desired: set[str]  # streams this connection should be subscribed to
    delivered_ever: set[str]  # of those, the ones that have delivered data before

    @property
    def last_event_times(self) -> Mapping[str, int]: ...  # newest event time per symbol
    @property
    def last_events(self) -> Mapping[str, MiniTicker]: ...  # newest event per symbol

    def on_frames(self, messages: list[bytes], received: float) -> None: ...
    def on_tickers(self, session: Session, batch: Batch, received: float) -> None: ...
    def on_malformed(self, raw: str | bytes, error: FrameError) -> None: ...
    def on_request_sent(self) -> None: ...
    def on_acked(self, session: Session, subscribed: bool) -> None: ...
    def on_refused(
        self, session: Session, streams: tuple[str, ...], reply: ErrorReply
    ) -> float: ...
    def on_problem(self, text: str) -> None: ...
    def on_silence(self, session: Session, streams: set[str]) -> bool: ...


@dataclass(frozen=True, slots=True)
class _Request:
    ident: int
    subscribe: bool
    streams: tuple[str, ...]
    sent_at: float


class Session:
    """One open websocket: its acknowledged streams, its requests in flight, its health.

    ``ready`` is set once every wanted stream is acknowledged and, if any of them has
    delivered before on this connection, market data has arrived here too; a rotation
    waits for it before closing the predecessor.
    """

    def __init__(
        self,
        host: SessionHost,
        ws: StreamSocket,
        *,
        config: StreamConfig,
        pacer: Pacer,
        url_streams: Iterable[str] = (),
        label: str = "session",
    ) -> None:
        self.host = host
        self.ws = ws
        self.config = config
        self.pacer = pacer
        self.label = label
        self.opened_at = time.monotonic()
        self.last_market = self.opened_at
        self.acked: set[str] = set(url_streams)  # streams in the URL are subscribed on open
        self.delivered: set[str] = set()
        self.ready = asyncio.Event()
        self.failure: str | None = None  # why we closed it ourselves
        self.task: asyncio.Task[Failure] | None = None
        self._ids = itertools.count(1)
        self._pending: dict[int, _Request] = {}
        self._intent: dict[str, tuple[int, bool]] = {}  # latest in-flight request per stream
        self._cooldown: dict[str, float] = {}  # refused streams: monotonic time of next try
        self._wake = asyncio.Event()
        self._wake.set()
        self._watch_since: float | None = None

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self._run(), name=self.label)

    def wake(self) -> None:
        """The wanted streams changed: bring the subscriptions in step."""
        self._wake.set()

    @property
    def is_open(self) -> bool:
        return self.ws.state is State.OPEN

    async def close(self) -> None:
        """Close the websocket and wait for the session to end; safe to repeat."""
        try:
            await self._close_ws()
        finally:
            if self.task is not None:
                self.task.cancel()
                await asyncio.gather(self.task, return_exceptions=True)

    async def _close_ws(self) -> None:
        try:
            await self.ws.close()
        finally:
            # Cancelled mid-close, or the close handshake got stuck: drop the socket so
            # nothing is left for the garbage collector to warn about.
            if self.ws.state is not State.CLOSED:
                self.ws.abort()

    async def _run(self) -> Failure:
        helpers = [
            asyncio.create_task(self._write(), name=f"{self.label} writer"),
            asyncio.create_task(self._watch(), name=f"{self.label} watchdog"),
        ]
        for helper in helpers:
            helper.add_done_callback(self._helper_done)
        try:
            return await self._read()
        finally:
            for helper in helpers:
                helper.cancel()
            await asyncio.gather(*helpers, return_exceptions=True)
            await self._close_ws()

    def _helper_done(self, task: asyncio.Task[None]) -> None:
        if task.cancelled() or task.exception() is None:
            return
        logger.error("%s: %s failed", self.label, task.get_name(), exc_info=task.exception())
        self.failure = translate("Stream", "internal error in the stream client ({reason})").format(
            reason=f"{task.exception()!r:.100}"
        )
        self.ws.abort()

    async def _fail(self, text: str) -> None:
        logger.warning("%s: closing: %s", self.label, text)
        self.failure = text
        await self._close_ws()

    # -- receiving -------------------------------------------------------------------

    async def _read(self) -> Failure:
        self.ws.attach(self._on_messages)
        await self.ws.wait_closed()
        if self.failure is not None:
            return Failure(self.failure)
        closed = self.ws.close_exc
        return explain(
            closed, open_timeout=self.config.open_timeout, ping_wait=self.config.ping_wait
        )

    def _on_messages(self, messages: list[bytes]) -> None:
        """What one socket read brought: market data goes to the host as one batch."""
        try:
            self._take(messages)
        except Exception as exc:  # a bug here must end this socket, not the loop's reader
            logger.exception("%s: failed on a batch of %d messages", self.label, len(messages))
            self.failure = translate(
                "Stream", "internal error in the stream client ({reason})"
            ).format(reason=f"{exc!r:.100}")
            self.ws.abort()

    def _take(self, messages: list[bytes]) -> None:
        host = self.host
        received = time.time()
        host.on_frames(messages, received)
        batch = parse_frames(messages, newer_than=host.last_event_times, taken=host.last_events)
        for raw, item in batch.others:
            if isinstance(item, FrameError):
                host.on_malformed(raw, item)
            elif isinstance(item, Reply):
                self._on_reply(item)
            else:
                self._on_error(item)
        if batch.frames:
            self.delivered |= batch.seen
            self.last_market = time.monotonic()
            host.on_tickers(self, batch, received)
        self._check_ready()

    def _take_request(self, ident: int | str | None) -> _Request | None:
        request = self._pending.pop(ident, None) if isinstance(ident, int) else None
        if request is not None:
            for stream in request.streams:
                if self._intent.get(stream, (None, False))[0] == request.ident:
                    del self._intent[stream]
        return request

    def _on_reply(self, reply: Reply) -> None:
        request = self._take_request(reply.id)
        if request is None:
            logger.debug("%s: reply to no request of ours: %r", self.label, reply)
            return
        if request.subscribe:
            self.acked.update(request.streams)
        else:
            self.acked.difference_update(request.streams)
        self.host.on_acked(self, request.subscribe)

    def _on_error(self, reply: ErrorReply) -> None:
        request = self._take_request(reply.id)
        if request is None:
            self.host.on_problem(
                translate("Stream", "the exchange reported an error: {reason}").format(
                    reason=_error_words(reply)
                )
            )
            return
        delay = self.host.on_refused(self, request.streams, reply)
        until = time.monotonic() + delay
        for stream in request.streams:
            self._cooldown[stream] = until
        self._wake.set()

    def _check_ready(self) -> None:
        if self.ready.is_set():
            return
        wanted = self.host.desired.difference(self._cooldown)
        if not wanted <= self.acked:
            return
        if wanted & self.host.delivered_ever and not self.delivered:
            return
        self.ready.set()

    # -- sending ---------------------------------------------------------------------

    def _effective(self) -> set[str]:
        """Streams we will be subscribed to once every request in flight is answered."""
        result = {stream for stream in self.acked if stream not in self._intent}
        result.update(stream for stream, (_, sub) in self._intent.items() if sub)
        return result

    def _next_batch(self) -> tuple[bool, list[str]] | None:
        now = time.monotonic()
        for stream in [s for s, until in self._cooldown.items() if until <= now]:
            del self._cooldown[stream]
        wanted = self.host.desired
        effective = self._effective()
        # Unsubscribe first: it frees room on the connection.
        drop = sorted(s for s in effective - wanted if s not in self._cooldown)
        if drop:
            return False, drop[: self.config.batch_size]
        add = sorted(s for s in wanted - effective if s not in self._cooldown)
        if add:
            return True, add[: self.config.batch_size]
        return None

    async def _write(self) -> None:
        try:
            while True:
                await self._wait_for_work()
                self._wake.clear()
                await asyncio.sleep(COALESCE_DELAY)
                while self._next_batch() is not None:
                    await self.pacer.ready()
                    batch = self._next_batch()  # again: it may have changed while we waited
                    if batch is None:
                        break
                    await self._send(*batch)
                self._check_ready()
        except ConnectionClosed:
            return  # the reader reports why

    async def _wait_for_work(self) -> None:
        if self._cooldown:
            timeout = max(0.0, min(self._cooldown.values()) - time.monotonic())
            try:
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
            except TimeoutError:
                pass
        else:
            await self._wake.wait()

    async def _send(self, subscribe: bool, streams: list[str]) -> None:
        ident = next(self._ids)
        self.pacer.take()
        self._pending[ident] = _Request(ident, subscribe, tuple(streams), time.monotonic())
        for stream in streams:
            self._intent[stream] = (ident, subscribe)
        method = "SUBSCRIBE" if subscribe else "UNSUBSCRIBE"
        await self.ws.send(json.dumps({"method": method, "params": streams, "id": ident}))
        self.host.on_request_sent()
        logger.debug("%s: %s %d streams (id %d)", self.label, method, len(streams), ident)

    # -- health ----------------------------------------------------------------------

    async def _watch(self) -> None:
        config = self.config
        reply_timeout = config.open_timeout
        tick = min(1.0, config.data_timeout / 4, reply_timeout / 4)
        while True:
            await asyncio.sleep(tick)
            now = time.monotonic()
            if (
                self._pending
                and now - min(r.sent_at for r in self._pending.values()) > reply_timeout
            ):
                await self._fail(
                    translate(
                        "Stream",
                        "the exchange did not answer a subscription request within {seconds} s",
                    ).format(seconds=f"{reply_timeout:g}")
                )
                return
            watched = self.acked & self.host.delivered_ever
            if not watched:
                self._watch_since = None
                continue
            if self._watch_since is None:
                self._watch_since = now
            if now - max(self.last_market, self._watch_since) < config.data_timeout:
                continue
            if self.host.on_silence(self, watched):
                await self._fail(
                    translate("Stream", "no market data for {seconds} s").format(
                        seconds=f"{config.data_timeout:g}"
                    )
                )
                return
            self._watch_since = now


def _error_words(reply: ErrorReply) -> str:
    msg = reply.msg or translate("Stream", "no message")
    if reply.code is None:
        return msg
    return translate("Stream", "{message} (code {code})").format(message=msg, code=reply.code)
