"""The stream client: live mini tickers for a changing set of symbols.

``StreamClient`` turns "these symbols, please" into subscriptions spread over as few
websockets as the per-connection limit allows, keeps them alive through failures and the
exchange's 24-hour limit, and hands every new event to its listeners exactly once and in
order per symbol. It is all asyncio and imports no Qt; the Qt layer adapts it.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from desktop.exchange.endpoints import Endpoints
from desktop.exchange.funding import ALL_MARK_STREAM, MarkPrice, mark_stream_name
from desktop.exchange.symbols import (
    ALL_MARKET_STREAM,
    SymbolError,
    normalize_symbol,
    stream_name,
)
from desktop.exchange.ticker import Batch, FrameError, MiniTicker, parse_frames
from desktop.stream.config import StreamConfig
from desktop.stream.connection import Connection
from desktop.stream.log_limits import ListenerFailures, MalformedLog
from desktop.stream.outages import Outages
from desktop.stream.recording import Recorder
from desktop.stream.sharding import ShardMap
from desktop.stream.status import SEVERITY, ClientStatus, ConnState, StreamStats

logger = logging.getLogger(__name__)

TickerListener = Callable[[Sequence[MiniTicker], float], None]
MarkListener = Callable[[Sequence[MarkPrice], float], None]
StatusListener = Callable[[ClientStatus], None]
ErrorListener = Callable[[str], None]

LAG_SMOOTHING = 0.2  # weight of the newest sample
STATUS_PERIOD = 1.0  # seconds between rate / lag announcements
RATE_WINDOW = 6.0  # seconds the message rate is averaged over (three cadences)
#: From this many watched symbols on, mark prices come from ``!markPrice@arr@1s`` (every
#: contract, ~150 kB a second, one stream) instead of a stream per symbol: it saves that
#: many subscriptions and about as many frames a second for the same bytes.
MARK_ARRAY_FROM = 300


class StreamClient:
    """Mini ticker events for the wanted symbols (and optionally the whole market).

    Listeners, all called on the event loop's thread, synchronously (an exception in a
    listener is logged and does not stop the client):

    - ticker listeners ``fn(events, received)``: the new events of one frame (never an
      event older than or equal to one already delivered for its symbol) and the frame's
      ``time.time()`` of arrival;
    - mark listeners ``fn(marks, received)``: the same for mark price events of the
      wanted symbols, when the client was made with ``marks=True`` (one more stream per
      symbol, ``<symbol>@markPrice@1s``, or ``!markPrice@arr@1s`` for long lists,
      carried by the same connections, pacing and recovery);
    - status listeners ``fn(status)``: on every state change, and at most about once a
      second when only the message rate or lag changed;
    - error listeners ``fn(text)``: problems worth showing that are not state changes,
      such as the exchange refusing a subscription. ``text`` is a sentence for people.

    ``set_symbols`` / ``add_symbols`` / ``remove_symbols`` / ``set_all_market`` never
    block; the connections apply the change in paced, batched requests without
    reconnecting. Symbols are exchange symbols (``BTCUSDT``, ``BTCUSDT_261225``,
    ``币安人生USDT``); they are upper-cased.
    """

    def __init__(
        self,
        endpoints: Endpoints,
        *,
        max_streams_per_connection: int = 200,
        max_requests_per_second: float = 4.0,
        ping_interval: float = 10.0,
        ping_timeout: float = 10.0,
        data_timeout: float = 15.0,
        max_connection_age: float = 23.5 * 3600,
        backoff_initial: float = 0.5,
        backoff_max: float = 30.0,
        stable_after: float = 30.0,
        batch_size: int = 100,
        open_timeout: float = 10.0,
        marks: bool = False,
        mark_array_from: int = MARK_ARRAY_FROM,
    ) -> None:
        self._endpoints = endpoints
        self._config = StreamConfig(
            max_streams_per_connection=max_streams_per_connection,
            max_requests_per_second=max_requests_per_second,
            ping_interval=ping_interval,
            ping_timeout=ping_timeout,
            data_timeout=data_timeout,
            max_connection_age=max_connection_age,
            backoff_initial=backoff_initial,
            backoff_max=backoff_max,
            stable_after=stable_after,
            batch_size=batch_size,
            open_timeout=open_timeout,
            # A half-dead peer never answers our close frame either: waiting longer than
            # a ping timeout for it only delays the reconnect.
            close_timeout=min(2.0, ping_timeout),
        )
        self._symbols: set[str] = set()
        self._all_market = False
        self._wanted_streams: set[str] = set()
        self._marks = marks
        self._mark_array_from = mark_array_from
        self._mark_streams: set[str] = set()
        self._shards = ShardMap(
            max_streams_per_connection, alone={ALL_MARKET_STREAM, ALL_MARK_STREAM}
        )
        self._connections: dict[int, Connection] = {}
        self._outages = Outages()
        self._retiring: set[asyncio.Task[None]] = set()
        self._monitor: asyncio.Task[None] | None = None
        self._running = False
        self._ticker_listeners: list[TickerListener] = []
        self._mark_listeners: list[MarkListener] = []
        self._last_mark: dict[str, int] = {}
        self._status_listeners: list[StatusListener] = []
        self._error_listeners: list[ErrorListener] = []
        self._recovery_listeners: list[ErrorListener] = []
        self._last_event: dict[str, int] = {}
        self._last_taken: dict[str, MiniTicker] = {}
        self._last_update: dict[str, float] = {}
        self._rate = 0.0
        self._lag: float | None = None
        self._status = ClientStatus()
        self._announced = self._status
        self._malformed_log = MalformedLog(logger)
        self._listener_failed = ListenerFailures(logger).note
        self.stats_counters = StreamStats()
        #: When set, every frame received is also recorded (``--record``).
        self.recorder: Recorder | None = None

    # -- listeners -------------------------------------------------------------------

    def add_ticker_listener(self, fn: TickerListener) -> None:
        self._ticker_listeners.append(fn)

    def add_mark_listener(self, fn: MarkListener) -> None:
        self._mark_listeners.append(fn)

    def add_status_listener(self, fn: StatusListener) -> None:
        self._status_listeners.append(fn)

    def add_error_listener(self, fn: ErrorListener) -> None:
        self._error_listeners.append(fn)

    def add_recovery_listener(self, fn: ErrorListener) -> None:
        """``fn(text)`` when a problem reported before is over (e.g. a refusal)."""
        self._recovery_listeners.append(fn)

    # -- what is wanted --------------------------------------------------------------

    @property
    def symbols(self) -> frozenset[str]:
        """The wanted symbols (whether or not their subscription is confirmed yet)."""
        return frozenset(self._symbols)

    @property
    def all_market(self) -> bool:
        return self._all_market

    def set_symbols(self, symbols: Iterable[str]) -> None:
        wanted = self._clean(symbols)
        self._change(add=wanted - self._symbols, remove=self._symbols - wanted)

    def add_symbols(self, symbols: Iterable[str]) -> None:
        self._change(add=self._clean(symbols) - self._symbols, remove=set())

    def remove_symbols(self, symbols: Iterable[str]) -> None:
        self._change(add=set(), remove=self._clean(symbols) & self._symbols)

    def _clean(self, symbols: Iterable[str]) -> set[str]:
        """Normalised symbols; one that cannot be a contract name is reported and skipped.

        A bad name must not reach the exchange: in the URL it fails the whole handshake.
        """
        if isinstance(symbols, str):
            raise TypeError("pass an iterable of symbols, not one string")
        cleaned = set()
        for symbol in symbols:
            try:
                cleaned.add(normalize_symbol(symbol))
            except SymbolError as exc:
                self.report_problem(f"Ignored a symbol: {exc}")
        return cleaned

    def set_all_market(self, enabled: bool) -> None:
        """Also subscribe ``!miniTicker@arr``: every symbol's changes, once a second."""
        if enabled == self._all_market:
            return
        self._all_market = enabled
        streams = {ALL_MARKET_STREAM}
        self._apply(add=streams if enabled else set(), remove=set() if enabled else streams)

    @property
    def marks(self) -> bool:
        return self._marks

    def set_marks(self, enabled: bool) -> None:
        """Also subscribe the wanted symbols' mark price streams (or stop)."""
        if enabled == self._marks:
            return
        self._marks = enabled
        marks = self._wanted_marks() if enabled else set()
        add, remove = marks - self._mark_streams, self._mark_streams - marks
        self._mark_streams = marks
        self._apply(add=add, remove=remove)

    def _change(self, *, add: set[str], remove: set[str]) -> None:
        if not add and not remove:
            return
        self._symbols = (self._symbols | add) - remove
        add_streams = {stream_name(s) for s in add}
        remove_streams = {stream_name(s) for s in remove}
        if self._marks:
            marks = self._wanted_marks()
            add_streams |= marks - self._mark_streams
            remove_streams |= self._mark_streams - marks
            self._mark_streams = marks
            for symbol in remove:
                self._last_mark.pop(symbol, None)
        self._apply(add=add_streams, remove=remove_streams)

    def _wanted_marks(self) -> set[str]:
        """The mark streams for the wanted symbols: one each, or the array for many."""
        if not self._symbols:
            return set()
        if len(self._symbols) >= self._mark_array_from:
            return {ALL_MARK_STREAM}
        return {mark_stream_name(s) for s in self._symbols}

    def _apply(self, *, add: set[str], remove: set[str]) -> None:
        self._wanted_streams = (self._wanted_streams | add) - remove
        self._outages.release(remove)
        for shard, streams in self._shards.release(remove).items():
            self._connections[shard].remove(streams)
        for shard, streams in self._shards.assign(add).items():
            self._outages.carry(shard, streams)
            connection = self._connections.get(shard)
            if connection is None:
                connection = self._connections[shard] = Connection(
                    shard, self, self._endpoints, self._config
                )
                if self._running:
                    connection.start()
            connection.add(streams)
        for shard in self._shards.drop_empty():
            self._retire(self._connections.pop(shard))
            self._outages.forget(shard)
        self._refresh_status()

    def _retire(self, connection: Connection) -> None:
        task = connection.task
        if task is not None and not task.done():
            task.cancel()
            self._retiring.add(task)
            task.add_done_callback(self._retiring.discard)

    # -- running ---------------------------------------------------------------------

    async def start(self) -> None:
        """Open the connections; returns at once (they run as tasks until ``stop``)."""
        if self._running:
            return
        self._running = True
        for connection in self._connections.values():
            connection.start()
        self._monitor = asyncio.get_running_loop().create_task(
            self._watch_rates(), name="stream client status"
        )
        self._refresh_status()

    async def stop(self) -> None:
        """Close every connection and wait for every task; safe to call again."""
        self._running = False
        tasks = [c.task for c in self._connections.values() if c.task is not None]
        tasks += self._retiring
        if self._monitor is not None:
            tasks.append(self._monitor)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for connection in self._connections.values():
            connection.task = None
        self._retiring.clear()
        self._outages.all_down()
        self._monitor = None
        self._rate = 0.0
        self._refresh_status()

    # -- what is known ---------------------------------------------------------------

    @property
    def status(self) -> ClientStatus:
        return self._status

    @property
    def stats(self) -> StreamStats:
        """A copy of the counters."""
        return replace(self.stats_counters)

    @property
    def last_event_times(self) -> Mapping[str, int]:
        """The newest event time (ms) taken per symbol; nothing older is delivered again."""
        return self._last_event

    @property
    def last_events(self) -> Mapping[str, MiniTicker]:
        """The newest event taken per symbol (see ``parse_frames(taken=)``)."""
        return self._last_taken

    def last_update(self, symbol: str) -> float | None:
        """``time.time()`` when the newest event for ``symbol`` arrived, if any did."""
        return self._last_update.get(symbol)

    def was_down(self, symbol: str, since: float, until: float) -> bool:
        """Whether ``symbol`` could have missed a change between two ``time.time()``
        values (e.g. two of its events' ``received``): at some moment in between, no
        live connection carried it, neither its own stream's nor, while it is wanted,
        the all-market stream's. A long quiet spell on a live connection is not down
        time (the exchange pushes only changes), nor is another connection's outage."""
        streams = [stream_name(symbol)]
        if self._all_market:
            streams.append(ALL_MARKET_STREAM)
        return self._outages.uncovered(streams, since, until)

    @property
    def connections(self) -> list[Connection]:
        """The shards' connections, for diagnostics and tests."""
        return [self._connections[s] for s in sorted(self._connections)]

    # -- ConnectionHost --------------------------------------------------------------

    def deliver(self, batch: Batch, received: float) -> None:
        """Hand the fresh events of one socket read to every ticker listener, in one call.

        Events of streams no longer wanted (still arriving after an unsubscribe) and
        events not newer than the symbol's last one (a rotation's overlap, ``@arr``
        repeating a symbol's own stream) are dropped here, so listeners see each event
        once and in order.
        """
        stats = self.stats_counters
        events = batch.events
        stats.events += len(events) + batch.skipped
        stats.duplicates += batch.skipped
        unwanted = batch.seen - self._wanted_streams
        if unwanted:
            events = [e for e, s in zip(events, batch.streams, strict=True) if s not in unwanted]
        fresh: list[MiniTicker] = []
        newest = 0
        last_event = self._last_event
        last_taken = self._last_taken
        last_update = self._last_update
        for event in events:
            symbol, event_time = event.symbol, event.event_time
            if event_time > newest:
                newest = event_time
            last = last_event.get(symbol)
            if last is not None and event_time <= last:
                stats.duplicates += 1
                continue
            last_event[symbol] = event_time
            last_taken[symbol] = event
            last_update[symbol] = received
            fresh.append(event)
        if newest:
            sample = received * 1000.0 - newest
            self._lag = (
                sample if self._lag is None else self._lag + LAG_SMOOTHING * (sample - self._lag)
            )
        if batch.marks:
            self._deliver_marks(batch.marks, received)
        if not fresh:
            return
        stats.delivered += len(fresh)
        delivered = tuple(fresh)
        for fn in self._ticker_listeners:
            try:
                fn(delivered, received)
            except Exception:
                self._listener_failed(fn)

    def take_frames(self, frames: Sequence[str | bytes], received: float) -> None:
        """Frames that came from elsewhere than a socket (a replayed recording): parsed
        and delivered exactly as a socket read's market data; replies are ignored."""
        self.stats_counters.frames += len(frames)
        batch = parse_frames(frames, newer_than=self._last_event, taken=self._last_taken)
        for raw, item in batch.others:
            if isinstance(item, FrameError):
                self.malformed(raw, item)
        if batch.frames:
            self.deliver(batch, received)

    def _deliver_marks(self, marks: Sequence[MarkPrice], received: float) -> None:
        """The mark events of wanted symbols newer than the last one taken, to listeners."""
        wanted = self._symbols
        last_mark = self._last_mark
        fresh = []
        for mark in marks:
            symbol = mark.symbol
            if symbol not in wanted or mark.event_time <= last_mark.get(symbol, -1):
                continue
            last_mark[symbol] = mark.event_time
            fresh.append(mark)
        if not fresh:
            return
        self.stats_counters.marks += len(fresh)
        delivered = tuple(fresh)
        for fn in self._mark_listeners:
            try:
                fn(delivered, received)
            except Exception:
                self._listener_failed(fn)

    def malformed(self, raw: str | bytes, error: FrameError) -> None:
        self.stats_counters.malformed += 1
        self._malformed_log.note(self.stats_counters.malformed, raw, error)

    def report_problem(self, text: str) -> None:
        logger.warning("%s", text)
        self._tell(self._error_listeners, text)

    def report_recovered(self, text: str) -> None:
        logger.info("%s", text)
        self._tell(self._recovery_listeners, text)

    def _tell(self, listeners: list[ErrorListener], text: str) -> None:
        for fn in listeners:
            try:
                fn(text)
            except Exception:
                self._listener_failed(fn)

    def connection_changed(self, connection: Connection) -> None:
        if self._connections.get(connection.ident) is connection:  # not one retired
            self._outages.note(connection.ident, connection.state is ConnState.LIVE)
        self._refresh_status()

    # -- status ----------------------------------------------------------------------

    async def _watch_rates(self) -> None:
        # The rate is averaged over RATE_WINDOW seconds: the exchange pushes every 2 s,
        # so a 1 s window would flicker between the real rate doubled and zero.
        samples = collections.deque([(time.monotonic(), self.stats_counters.frames)])
        while True:
            await asyncio.sleep(STATUS_PERIOD)
            now = time.monotonic()
            samples.append((now, self.stats_counters.frames))
            while len(samples) > 2 and now - samples[1][0] >= RATE_WINDOW:
                samples.popleft()
            then, frames = samples[0]
            self._rate = (self.stats_counters.frames - frames) / max(now - then, 1e-3)
            self._refresh_status(periodic=True)

    def _compute_status(self) -> ClientStatus:
        connections = list(self._connections.values())
        if not self._running:
            return ClientStatus(ConnState.OFFLINE, lag_ms=self._lag)
        sockets = sum(c.open_sockets for c in connections)
        streams = sum(c.acked_streams for c in connections)
        if not connections:
            return ClientStatus(ConnState.LIVE, messages_per_second=self._rate, lag_ms=self._lag)
        worst = max(connections, key=lambda c: (SEVERITY[c.state], c.attempt))
        return ClientStatus(
            worst.state,
            worst.attempt,
            worst.retry_at,
            worst.last_error,
            sockets,
            streams,
            round(self._rate, 1),
            None if self._lag is None else round(self._lag, 1),
        )

    def _refresh_status(self, *, periodic: bool = False) -> None:
        status = self._status = self._compute_status()
        if status == self._announced:
            return
        if not periodic and status.same_state(self._announced):
            return
        self._announced = status
        for fn in self._status_listeners:
            try:
                fn(status)
            except Exception:
                self._listener_failed(fn)
