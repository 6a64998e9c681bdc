"""Mark price subscriptions of the stream client: which streams, and fresh events out.

Kept apart from ``StreamClient`` (issue 19) so the client stays about connections and
tickers: ``MarkSubscriptions`` decides which mark streams the wanted symbols need (one
``<symbol>@markPrice@1s`` each, or ``!markPrice@arr@1s`` for long lists) and hands mark
listeners each wanted symbol's new events once and in order. The client applies the
stream changes it returns over the same connections as the tickers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set

from desktop.exchange.funding import ALL_MARK_STREAM, MarkPrice, mark_stream_name
from desktop.stream.status import StreamStats

MarkListener = Callable[[Sequence[MarkPrice], float], None]

#: From this many watched symbols on, mark prices come from ``!markPrice@arr@1s`` (every
#: contract, ~150 kB a second, one stream) instead of a stream per symbol: it saves that
#: many subscriptions and about as many frames a second for the same bytes.
MARK_ARRAY_FROM = 300


class MarkSubscriptions:
    """The mark streams wanted for a set of symbols, and delivery to mark listeners.

    ``set_enabled`` and ``follow`` return ``(add, remove)``: the stream changes for the
    owner to apply. ``listener_failed(fn)`` is told when a listener raises.
    """

    def __init__(
        self,
        stats: StreamStats,
        listener_failed: Callable[[Callable[..., None]], None],
        *,
        enabled: bool,
        array_from: int = MARK_ARRAY_FROM,
    ) -> None:
        self.enabled = enabled
        self.listeners: list[MarkListener] = []
        self._stats = stats
        self._listener_failed = listener_failed
        self._array_from = array_from
        self._streams: set[str] = set()
        self._last: dict[str, int] = {}

    def set_enabled(self, enabled: bool, symbols: Set[str]) -> tuple[set[str], set[str]]:
        """Start or stop the mark streams of ``symbols``."""
        self.enabled = enabled
        return self._resync(self._wanted(symbols) if enabled else set())

    def follow(self, symbols: Set[str], removed: Set[str]) -> tuple[set[str], set[str]]:
        """The wanted symbols changed to ``symbols`` (``removed`` left the list)."""
        if not self.enabled:
            return set(), set()
        for symbol in removed:
            self._last.pop(symbol, None)
        return self._resync(self._wanted(symbols))

    def _resync(self, wanted: set[str]) -> tuple[set[str], set[str]]:
        add, remove = wanted - self._streams, self._streams - wanted
        self._streams = wanted
        return add, remove

    def _wanted(self, symbols: Set[str]) -> set[str]:
        """The mark streams for the wanted symbols: one each, or the array for many."""
        if not symbols:
            return set()
        if len(symbols) >= self._array_from:
            return {ALL_MARK_STREAM}
        return {mark_stream_name(s) for s in symbols}

    def deliver(self, marks: Sequence[MarkPrice], received: float, wanted: Set[str]) -> None:
        """The mark events of wanted symbols newer than the last one taken, to listeners."""
        last_mark = self._last
        fresh = []
        for mark in marks:
            symbol = mark.symbol
            if symbol not in wanted or mark.event_time <= last_mark.get(symbol, -1):
                continue
            last_mark[symbol] = mark.event_time
            fresh.append(mark)
        if not fresh:
            return
        self._stats.marks += len(fresh)
        delivered = tuple(fresh)
        for fn in self.listeners:
            try:
                fn(delivered, received)
            except Exception:
                self._listener_failed(fn)
