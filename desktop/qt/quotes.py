"""The latest quote per symbol, fed by the stream client, published in coalesced batches."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.exchange.ticker import MiniTicker, compare_texts
from desktop.stream.replay import ReplayStatus
from desktop.stream.status import ClientStatus

log = logging.getLogger(__name__)

#: The exchange pushes a mini ticker every 2 s per symbol; a row is stale after three.
DEFAULT_CADENCE = 2.0


#: What a source says of its connection: live or not, or where a replay is.
SourceStatus = ClientStatus | ReplayStatus


class TickerSource(Protocol):
    """What the book needs of a stream client (``desktop.stream.client.StreamClient``)."""

    def add_ticker_listener(self, fn: Callable[[Sequence[MiniTicker], float], None]) -> None: ...
    def add_status_listener(self, fn: Callable[[SourceStatus], None]) -> None: ...
    def add_error_listener(self, fn: Callable[[str], None]) -> None: ...
    def add_recovery_listener(self, fn: Callable[[str], None]) -> None: ...


@dataclass(slots=True)
class Quote:
    """The newest event for one symbol and what the view needs to present it."""

    ticker: MiniTicker
    received: float  # time.time() when it arrived; for a REST snapshot, when fetched
    direction: int = 0  # +1 up-tick, -1 down-tick, 0 unchanged, vs the previous last price
    ticked_at: float = 0.0  # time.time() of the last up/down tick (drives the flash)
    from_snapshot: bool = False  # True until the first push replaces the REST snapshot


class QuoteBook(QObject):
    """Holds the latest ``Quote`` per symbol.

    Ticks are stored as they arrive and announced as one ``quotesChanged`` with every
    symbol that changed, so a burst of a thousand messages costs views one update, never
    a repaint per message. By default (``flush_ms=None``) the announcement comes at the
    end of each delivery: the stream client delivers what one socket read brought at
    once, so the table holds a new price within a few milliseconds of its frame instead
    of a timer period later, and repaints are still coalesced by Qt's own update
    handling. ``flush_ms >= 0`` announces from a
    timer instead, which caps the rate.

    Signals:
        quotesChanged(list): symbols whose quote changed since the last flush.
        statusChanged(object): the client's ``ClientStatus``, as it changes.
        errorRaised(str): a problem in plain words (e.g. a refused subscription).
        problemCleared(str): such a problem is over, in plain words.
    """

    quotesChanged = Signal(
        object
    )  # list[str]; a Python object: a list signal copies it through QVariant
    statusChanged = Signal(object)
    errorRaised = Signal(str)
    problemCleared = Signal(str)

    def __init__(
        self,
        source: TickerSource | None = None,
        *,
        flush_ms: int | None = None,
        cadence: float = DEFAULT_CADENCE,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cadence = cadence
        self._clock = clock
        self._quotes: dict[str, Quote] = {}
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(flush_ms or 0)
        self._at_once = flush_ms is None
        self._timer.timeout.connect(self.flush)
        self.last_status: SourceStatus | None = None
        if source is not None:
            self.attach(source)

    def attach(self, source: TickerSource) -> None:
        source.add_ticker_listener(self.on_tickers)
        source.add_status_listener(self._on_status)
        source.add_error_listener(self.errorRaised.emit)
        source.add_recovery_listener(self.problemCleared.emit)

    def _on_status(self, status: SourceStatus) -> None:
        self.last_status = status
        self.statusChanged.emit(status)

    def on_tickers(self, events: Sequence[MiniTicker], received: float) -> None:
        """Store pushed events (the stream client's listener); cheap, no Qt calls but a timer."""
        quotes = self._quotes
        pending = self._pending
        for event in events:
            old = quotes.get(event.symbol)
            if old is None:
                quotes[event.symbol] = Quote(event, received)
            else:
                if event.close_text != old.ticker.close_text:
                    old.direction = compare_texts(event.close_text, old.ticker.close_text)
                    old.ticked_at = received
                old.ticker = event
                old.received = received
                old.from_snapshot = False
            pending.add(event.symbol)
        if not pending:
            return
        if self._at_once:
            self.flush()
        elif not self._timer.isActive():
            self._timer.start()

    def seed(self, tickers: Iterable[MiniTicker], fetched: float | None = None) -> None:
        """Show a REST snapshot until the first push; never overwrite a pushed quote."""
        when = self._clock() if fetched is None else fetched
        for event in tickers:
            if event.symbol not in self._quotes:
                self._quotes[event.symbol] = Quote(event, when, from_snapshot=True)
                self._pending.add(event.symbol)
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Announce everything that changed since the last flush, as one signal."""
        self._timer.stop()
        if not self._pending:
            return
        changed, self._pending = self._pending, set()
        self.quotesChanged.emit(list(changed))

    def quote(self, symbol: str) -> Quote | None:
        return self._quotes.get(symbol)

    def symbols(self) -> list[str]:
        return list(self._quotes)

    @property
    def stale_after(self) -> float:
        """Seconds without a push after which a quote is stale: three cadences."""
        return 3 * self.cadence

    def is_stale(self, symbol: str, now: float | None = None) -> bool:
        """True when no push arrived for more than three cadences (or never did)."""
        q = self._quotes.get(symbol)
        if q is None or q.from_snapshot:
            return True
        return ((self._clock() if now is None else now) - q.received) > self.stale_after
