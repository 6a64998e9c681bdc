"""Mark price subscriptions of the stream client: which streams, and fresh events out.

Kept apart from ``StreamClient`` (issue 19) so the client stays about connections and
tickers: ``MarkSubscriptions`` decides which mark streams are needed (one
``<symbol>@markPrice@1s`` each, or ``!markPrice@arr@1s`` for long lists) and hands mark
listeners each such symbol's new events once and in order. The client applies the
stream changes it returns over the same connections as the tickers.

Marks are wanted for every watched symbol (``set_all``, the client's ``marks=True``) or
for the few chosen ones among them (``choose``): the app asks only for what something on
screen or an alert rule needs (issue 20), as the whole market's array costs about a
millisecond of parsing every second.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence, Set

from desktop.exchange.funding import ALL_MARK_STREAM, MarkPrice, mark_stream_name
from desktop.stream.status import StreamStats

MarkListener = Callable[[Sequence[MarkPrice], float], None]

#: From this many symbols on, mark prices come from ``!markPrice@arr@1s`` (every
#: contract, ~150 kB a second, one stream) instead of a stream per symbol: it saves that
#: many subscriptions and about as many frames a second for the same bytes.
MARK_ARRAY_FROM = 300


class MarkSubscriptions:
    """The mark streams wanted for a set of symbols, and delivery to mark listeners.

    ``set_all``, ``choose`` and ``follow`` return ``(add, remove)``: the stream changes
    for the owner to apply. ``listener_failed(fn)`` is told when a listener raises.
    """

    def __init__(
        self,
        stats: StreamStats,
        listener_failed: Callable[[Callable[..., None]], None],
        *,
        enabled: bool,
        array_from: int = MARK_ARRAY_FROM,
    ) -> None:
        self.all = enabled  # every watched symbol's marks
        self.chosen: frozenset[str] = frozenset()  # else these (the watched ones of them)
        self.listeners: list[MarkListener] = []
        self.symbols: frozenset[str] = frozenset()  # whose marks are delivered now
        self._stats = stats
        self._listener_failed = listener_failed
        self._array_from = array_from
        self._streams: set[str] = set()
        self._last: dict[str, int] = {}

    @property
    def streams(self) -> frozenset[str]:
        """The mark streams wanted now."""
        return frozenset(self._streams)

    def set_all(self, enabled: bool, watched: Set[str]) -> tuple[set[str], set[str]]:
        """Start or stop the marks of every watched symbol (``chosen`` apart)."""
        self.all = enabled
        return self._resync(watched)

    def choose(self, chosen: Set[str], watched: Set[str]) -> tuple[set[str], set[str]]:
        """Marks for ``chosen`` (those of them that are watched); empty: none."""
        self.chosen = frozenset(chosen)
        return self._resync(watched)

    def follow(self, watched: Set[str], removed: Set[str]) -> tuple[set[str], set[str]]:
        """The watched symbols changed to ``watched`` (``removed`` left the list)."""
        for symbol in removed:
            self._last.pop(symbol, None)
        return self._resync(watched)

    def _resync(self, watched: Set[str]) -> tuple[set[str], set[str]]:
        self.symbols = frozenset(watched if self.all else self.chosen & watched)
        wanted = self._wanted(self.symbols)
        add, remove = wanted - self._streams, self._streams - wanted
        self._streams = wanted
        return add, remove

    def _wanted(self, symbols: Set[str]) -> set[str]:
        """The mark streams for ``symbols``: one each, or the array for many."""
        if not symbols:
            return set()
        if len(symbols) >= self._array_from:
            return {ALL_MARK_STREAM}
        return {mark_stream_name(s) for s in symbols}

    def deliver(self, marks: Sequence[MarkPrice], received: float) -> None:
        """The mark events of wanted symbols newer than the last one taken, to listeners."""
        last_mark = self._last
        wanted = self.symbols
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
