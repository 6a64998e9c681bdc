"""The stream client: live mini tickers for a changing set of symbols.

``StreamClient`` turns "these symbols, please" into subscriptions spread over as few
websockets as the per-connection limit allows, keeps them alive through failures and the
exchange's 24-hour limit, and hands every new event to its listeners exactly once and in
order per symbol. It is all asyncio and imports no Qt; the Qt layer adapts it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from desktop.exchange.endpoints import Endpoints
from desktop.exchange.symbols import (
    ALL_MARKET_STREAM,
    SymbolError,
    normalize_symbol,
    stream_name,
)
from desktop.exchange.ticker import Batch, FrameError, MiniTicker, parse_frames
from desktop.stream.client_status import LAG_SMOOTHING, StatusBoard, StatusListener
from desktop.stream.config import StreamConfig
from desktop.stream.connection import Connection
from desktop.stream.fleet import Fleet
from desktop.stream.log_limits import ListenerFailures, MalformedLog
from desktop.stream.marks import MARK_ARRAY_FROM, MarkListener, MarkSubscriptions
from desktop.stream.recording import Recorder
from desktop.stream.status import ClientStatus, StreamStats
from desktop.wording import translate

logger = logging.getLogger(__name__)

TickerListener = Callable[[Sequence[MiniTicker], float], None]
ErrorListener = Callable[[str], None]

__all__ = [
    "MARK_ARRAY_FROM",
    "ErrorListener",
    "MarkListener",
    "StatusListener",
    "StreamClient",
    "TickerListener",
]


def _clean(symbols: Iterable[str], report: ErrorListener) -> set[str]:
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
            report(translate("Stream", "Ignored a symbol: {reason}").format(reason=exc))
    return cleaned


def _tell(
    listeners: list[ErrorListener], text: str, failed: Callable[[Callable[..., None]], None]
) -> None:
    """Call each listener with ``text``; ``failed(fn)`` for one that raises."""
    for fn in listeners:
        try:
            fn(text)
        except Exception:
            failed(fn)


class StreamClient:
    """Mini ticker events for the wanted symbols (and optionally the whole market).

    Listeners, all called on the event loop's thread, synchronously (an exception in a
    listener is logged and does not stop the client):

    - ticker listeners ``fn(events, received)``: the new events of one frame (never an
      event older than or equal to one already delivered for its symbol) and the frame's
      ``time.time()`` of arrival;
    - mark listeners ``fn(marks, received)``: the same for mark price events of the
      wanted symbols, when the client was made with ``marks=True``, or of those chosen
      with ``set_mark_symbols`` (one more stream per symbol, ``<symbol>@markPrice@1s``,
      or ``!markPrice@arr@1s`` for long lists, carried by the same connections, pacing
      and recovery);
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
        config = StreamConfig(
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
        self._fleet = Fleet(self, endpoints, config)
        self._wanted_streams = self._fleet.wanted  # the same set, read by ``deliver``
        self._connections = self._fleet.connections
        self._monitor: asyncio.Task[None] | None = None
        self._running = False
        self._ticker_listeners: list[TickerListener] = []
        self._error_listeners: list[ErrorListener] = []
        self._recovery_listeners: list[ErrorListener] = []
        self._last_event: dict[str, int] = {}
        self._last_taken: dict[str, MiniTicker] = {}
        self._last_update: dict[str, float] = {}
        self._malformed_log = MalformedLog(logger)
        self._listener_failed = ListenerFailures(logger).note
        self.stats_counters = StreamStats()
        self._marks = MarkSubscriptions(
            self.stats_counters, self._listener_failed, enabled=marks, array_from=mark_array_from
        )
        self._board = StatusBoard(self._connections, self.stats_counters, self._listener_failed)
        #: When set, every frame received is also recorded (``--record``).
        self.recorder: Recorder | None = None

    # -- listeners -------------------------------------------------------------------

    def add_ticker_listener(self, fn: TickerListener) -> None:
        self._ticker_listeners.append(fn)

    def add_mark_listener(self, fn: MarkListener) -> None:
        self._marks.listeners.append(fn)

    def add_status_listener(self, fn: StatusListener) -> None:
        self._board.listeners.append(fn)

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
        wanted = _clean(symbols, self.report_problem)
        self._change(add=wanted - self._symbols, remove=self._symbols - wanted)

    def add_symbols(self, symbols: Iterable[str]) -> None:
        self._change(add=_clean(symbols, self.report_problem) - self._symbols, remove=set())

    def remove_symbols(self, symbols: Iterable[str]) -> None:
        self._change(add=set(), remove=_clean(symbols, self.report_problem) & self._symbols)

    def set_all_market(self, enabled: bool) -> None:
        """Also subscribe ``!miniTicker@arr``: every symbol's changes, once a second."""
        if enabled == self._all_market:
            return
        self._all_market = enabled
        streams = {ALL_MARKET_STREAM}
        self._apply(add=streams if enabled else set(), remove=set() if enabled else streams)

    @property
    def marks(self) -> bool:
        """Whether every wanted symbol's mark prices are subscribed (``set_marks``)."""
        return self._marks.all

    def set_marks(self, enabled: bool) -> None:
        """Also subscribe every wanted symbol's mark price streams (or stop)."""
        if enabled == self._marks.all:
            return
        add, remove = self._marks.set_all(enabled, self._symbols)
        self._apply(add=add, remove=remove)

    @property
    def mark_symbols(self) -> frozenset[str]:
        """The symbols whose mark prices are subscribed and delivered now."""
        return self._marks.symbols

    @property
    def mark_streams(self) -> frozenset[str]:
        """The mark price streams wanted now (per symbol, or the all-market array)."""
        return self._marks.streams

    def set_mark_symbols(self, symbols: Iterable[str]) -> None:
        """Subscribe the mark prices of just these symbols (those among the wanted
        ones, now or once added); empty: none. Only what is asked for flows: the whole
        market's mark array costs about a millisecond of parsing every second."""
        chosen = _clean(symbols, self.report_problem)
        if chosen == self._marks.chosen:
            return
        add, remove = self._marks.choose(chosen, self._symbols)
        self._apply(add=add, remove=remove)

    def _change(self, *, add: set[str], remove: set[str]) -> None:
        if not add and not remove:
            return
        self._symbols = (self._symbols | add) - remove
        add_streams = {stream_name(s) for s in add}
        remove_streams = {stream_name(s) for s in remove}
        add_marks, remove_marks = self._marks.follow(self._symbols, remove)
        self._apply(add=add_streams | add_marks, remove=remove_streams | remove_marks)

    def _apply(self, *, add: set[str], remove: set[str]) -> None:
        self._fleet.apply(add=add, remove=remove)
        self._board.refresh()

    # -- running ---------------------------------------------------------------------

    async def start(self) -> None:
        """Open the connections; returns at once (they run as tasks until ``stop``)."""
        if self._running:
            return
        self._running = self._board.running = True
        self._fleet.start()
        self._monitor = asyncio.get_running_loop().create_task(
            self._board.watch_rates(), name="stream client status"
        )
        self._board.refresh()

    async def stop(self) -> None:
        """Close every connection and wait for every task; safe to call again."""
        self._running = self._board.running = False
        await self._fleet.stop(*([self._monitor] if self._monitor is not None else []))
        self._monitor = None
        self._board.rate = 0.0
        self._board.refresh()

    # -- what is known ---------------------------------------------------------------

    @property
    def status(self) -> ClientStatus:
        return self._board.status

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
        return self._fleet.uncovered(streams, since, until)

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
            board = self._board
            lag = board.lag
            board.lag = sample if lag is None else lag + LAG_SMOOTHING * (sample - lag)
        if batch.marks:
            self._marks.deliver(batch.marks, received)
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

    def malformed(self, raw: str | bytes, error: FrameError) -> None:
        self.stats_counters.malformed += 1
        self._malformed_log.note(self.stats_counters.malformed, raw, error)

    def report_problem(self, text: str) -> None:
        logger.warning("%s", text)
        _tell(self._error_listeners, text, self._listener_failed)

    def report_recovered(self, text: str) -> None:
        logger.info("%s", text)
        _tell(self._recovery_listeners, text, self._listener_failed)

    def connection_changed(self, connection: Connection) -> None:
        self._fleet.note(connection)
        self._board.refresh()
