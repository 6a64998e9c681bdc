"""The last hour of prices per watched symbol (for sparklines) and fresh 24 h highs and lows.

A symbol's hour is seeded from the exchange's 1-minute candles when it starts being
tracked, then extended by pushed quotes: one point per minute, the newest minute updated
in place. Seeding runs as asyncio tasks with bounded concurrency; a failed request only
means a sparkline that starts from the stream, never an error the user has to handle.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.exchange.ticker import compare_texts
from desktop.qt.quotes import QuoteBook

log = logging.getLogger(__name__)

MINUTE_MS: Final = 60_000
DEFAULT_MINUTES: Final = 60
DEFAULT_CONCURRENCY: Final = 4
DEFAULT_BADGE_SECONDS: Final = 10.0


class KlineSource(Protocol):
    """What seeding needs of ``desktop.exchange.rest.RestClient``."""

    async def klines(
        self, symbol: str, interval: str = ..., limit: int = ...
    ) -> list[tuple[int, Decimal]]: ...


@dataclass(frozen=True, slots=True)
class Trend:
    """A sparkline ready to paint: every number is precomputed, normalised to 0..1.

    ``points`` are ``(x, y)``: x by time across the hour (the newest minute at 1.0), y by
    price between the hour's low (0.0) and high (1.0); a flat hour sits at 0.5.
    """

    points: tuple[tuple[float, float], ...]
    sign: int  # +1 the newest close is above the oldest, −1 below, 0 level
    change_percent: Decimal | None  # newest close against the oldest, in percent
    low: Decimal
    high: Decimal
    newest: int = 0  # the newest minute's open time, ms
    #: Shared by the trends that differ only in their newest point (the same minutes,
    #: low and high): a painter can keep the line it built and move one point.
    chain: object = field(default_factory=object, compare=False, repr=False)


class PriceHistory(QObject):
    """Per-symbol ring of ``(minute open time in ms, close)`` for the tracked symbols.

    Fed by ``QuoteBook.quotesChanged`` (pushed quotes only: a REST snapshot is not a
    price at a known minute) and, for each newly tracked symbol, by one
    ``klines(symbol, "1m", minutes)`` request. The same feed drives the new-high/low
    badge: a push whose 24 h high is above the previous one's (or low below) sets a
    badge for ``badge_seconds``.

    Signals:
        trendsChanged(list): symbols whose hour of prices changed (seeded or extended).
        badgesChanged(list): symbols whose badge appeared or expired.
    """

    trendsChanged = Signal(object)  # list[str] (see QuoteBook.quotesChanged)
    badgesChanged = Signal(object)  # list[str]

    def __init__(
        self,
        book: QuoteBook,
        source: KlineSource | None = None,
        *,
        minutes: int = DEFAULT_MINUTES,
        max_concurrent: int = DEFAULT_CONCURRENCY,
        badge_seconds: float = DEFAULT_BADGE_SECONDS,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if minutes < 2:
            raise ValueError("a sparkline needs at least two minutes")
        self._book = book
        self._source = source
        self._minutes = minutes
        self._max_concurrent = max_concurrent
        self._limit: asyncio.Semaphore | None = None  # made on the loop that uses it
        self._badge_seconds = badge_seconds
        self._clock = clock
        self._tracked: set[str] = set()
        self._series: dict[str, list[tuple[int, Decimal]]] = {}
        self._trends: dict[str, Trend | None] = {}  # cache; a missing key means stale
        # The last trend of a symbol whose newest close alone moved since: the next one
        # is that trend with a new last point.
        self._earlier: dict[str, Trend] = {}
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._seeded: set[str] = set()
        self._failed: set[str] = set()
        # symbol → (high, low) as the exchange wrote them
        self._extremes: dict[str, tuple[str, str]] = {}
        self._badges: dict[str, tuple[int, float]] = {}  # symbol → (+1/−1, until)
        self._badge_timer = QTimer(self)
        self._badge_timer.setSingleShot(True)
        self._badge_timer.timeout.connect(self.expire_badges)
        self._closed = False
        book.quotesChanged.connect(self._on_quotes)

    # -- what is tracked -------------------------------------------------------------

    def set_symbols(self, symbols: Iterable[str]) -> None:
        """Track exactly ``symbols``: seed the new ones, forget the ones no longer wanted."""
        wanted = set(symbols)
        for symbol in self._tracked - wanted:
            self._forget(symbol)
        added = wanted - self._tracked
        self._tracked = wanted
        for symbol in sorted(added):
            quote = self._book.quote(symbol)
            if quote is not None:
                self._extremes[symbol] = (quote.ticker.high_text, quote.ticker.low_text)
            self._seed_later(symbol)

    def tracked(self) -> frozenset[str]:
        return frozenset(self._tracked)

    def set_source(self, source: KlineSource | None) -> None:
        """Where candles come from; tracked symbols not seeded yet are seeded now."""
        self._source = source
        for symbol in sorted(self._tracked):
            self._seed_later(symbol)

    def _forget(self, symbol: str) -> None:
        task = self._tasks.pop(symbol, None)
        if task is not None:
            task.cancel()
        self._series.pop(symbol, None)
        self._trends.pop(symbol, None)
        self._earlier.pop(symbol, None)
        self._seeded.discard(symbol)
        self._failed.discard(symbol)
        self._extremes.pop(symbol, None)
        self._badges.pop(symbol, None)

    # -- seeding from candles ----------------------------------------------------------

    def _seed_later(self, symbol: str) -> None:
        if self._source is None or self._closed:
            return
        if symbol in self._tasks or symbol in self._seeded or symbol in self._failed:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (a unit test without one): the stream alone feeds it
            return
        task = loop.create_task(self._seed(symbol), name=f"klines {symbol}")
        self._tasks[symbol] = task
        task.add_done_callback(functools.partial(self._seed_done, symbol))

    def _seed_done(self, symbol: str, task: asyncio.Task[None]) -> None:
        # By symbol: searching every task for this one made 800 seedings ~640 000 steps.
        if self._tasks.get(symbol) is task:
            del self._tasks[symbol]

    async def _seed(self, symbol: str) -> None:
        source = self._source
        assert source is not None
        if self._limit is None:
            self._limit = asyncio.Semaphore(self._max_concurrent)
        async with self._limit:
            if symbol not in self._tracked:
                return
            try:
                candles = await source.klines(symbol, "1m", self._minutes)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # RestError, or anything a source may raise
                log.info("no candles for %s (the stream alone draws its hour): %s", symbol, exc)
                self._failed.add(symbol)
                return
        if symbol not in self._tracked:
            return
        self._seeded.add(symbol)
        self.merge(symbol, candles)

    def merge(self, symbol: str, candles: Iterable[tuple[int, Decimal]]) -> None:
        """Add candles ``(open time ms, close)`` under the points the stream already gave
        (a pushed price is newer than a candle of the same minute)."""
        if symbol not in self._tracked:
            return
        buckets = {(t // MINUTE_MS) * MINUTE_MS: close for t, close in candles}
        buckets.update(self._series.get(symbol, ()))
        if not buckets:
            return
        newest = max(buckets)
        oldest = newest - (self._minutes - 1) * MINUTE_MS
        self._series[symbol] = sorted((t, c) for t, c in buckets.items() if t >= oldest)
        self._changed([symbol])

    # -- the stream ------------------------------------------------------------------

    def _on_quotes(self, symbols: list[str]) -> None:
        tracked = self._tracked
        if not tracked:
            return
        changed: list[str] = []
        moved: list[str] = []  # only the newest minute's close changed
        badged: list[str] = []
        now = self._clock()
        quote_of, extremes, series_of = self._book.quote, self._extremes, self._series
        for symbol in symbols:
            if symbol not in tracked:
                continue
            quote = quote_of(symbol)
            if quote is None:
                continue
            ticker = quote.ticker
            high, low = ticker.high_text, ticker.low_text
            previous = extremes.get(symbol)
            extremes[symbol] = (high, low)
            if quote.from_snapshot:
                continue
            if previous is not None and previous != (high, low):
                kind = _new_extreme(high, low, *previous)
                if kind:
                    self._badges[symbol] = (kind, now + self._badge_seconds)
                    badged.append(symbol)
            close = ticker.close
            # Most pushes land in the newest minute: that point is updated in place.
            minute = (ticker.event_time // MINUTE_MS) * MINUTE_MS
            series = series_of.get(symbol)
            if series and series[-1][0] == minute:
                if series[-1][1] != close:
                    series[-1] = (minute, close)
                    moved.append(symbol)
            elif self._extend(symbol, ticker.event_time, close):
                changed.append(symbol)
        if changed or moved:
            self._changed(changed, moved)
        if badged:
            self._schedule_expiry()
            self.badgesChanged.emit(badged)

    def _extend(self, symbol: str, event_time: int, close: Decimal) -> bool:
        minute = (event_time // MINUTE_MS) * MINUTE_MS
        series = self._series.setdefault(symbol, [])
        if series and minute < series[-1][0]:
            return False  # older than what is shown (cannot come from the stream client)
        if series and minute == series[-1][0]:
            if series[-1][1] == close:
                return False
            series[-1] = (minute, close)
            return True
        series.append((minute, close))
        oldest = minute - (self._minutes - 1) * MINUTE_MS
        while series[0][0] < oldest:
            del series[0]
        return True

    def _changed(self, symbols: list[str], moved: Sequence[str] = ()) -> None:
        """``symbols``' hours changed; in ``moved`` only the newest minute's close did."""
        trends, earlier = self._trends, self._earlier
        for symbol in symbols:
            trends.pop(symbol, None)
            earlier.pop(symbol, None)
        for symbol in moved:
            old = trends.pop(symbol, None)
            if old is not None:
                earlier[symbol] = old
        self.trendsChanged.emit([*symbols, *moved])

    # -- reading -----------------------------------------------------------------------

    def points(self, symbol: str) -> list[tuple[int, Decimal]]:
        """``(minute open time in ms, close)`` oldest first; empty when nothing is known."""
        return list(self._series.get(symbol, ()))

    def is_seeded(self, symbol: str) -> bool:
        """True once candles for ``symbol`` arrived (False while pending or after a failure)."""
        return symbol in self._seeded

    def seeding(self) -> int:
        """Candle requests not finished yet."""
        return len(self._tasks)

    def trend(self, symbol: str) -> Trend | None:
        """The sparkline of ``symbol``, computed once per change; None with < 2 points."""
        try:
            return self._trends[symbol]
        except KeyError:
            pass
        trend = self._trends[symbol] = _make_trend(
            self._series.get(symbol, ()), self._minutes, self._earlier.pop(symbol, None)
        )
        return trend

    def badge(self, symbol: str) -> int:
        """+1 while a new 24 h high is fresh, −1 for a new low, 0 otherwise."""
        entry = self._badges.get(symbol)
        if entry is None or entry[1] <= self._clock():
            return 0
        return entry[0]

    def expire_badges(self) -> None:
        """Drop badges whose time is up and announce them; re-arm for the next one."""
        now = self._clock()
        gone = [s for s, (_, until) in self._badges.items() if until <= now]
        for symbol in gone:
            del self._badges[symbol]
        self._schedule_expiry()
        if gone:
            self.badgesChanged.emit(gone)

    def _schedule_expiry(self) -> None:
        if not self._badges:
            self._badge_timer.stop()
            return
        soonest = min(until for _, until in self._badges.values())
        self._badge_timer.start(max(0, round((soonest - self._clock()) * 1000)) + 1)

    # -- shutdown ----------------------------------------------------------------------

    async def close(self) -> None:
        """Cancel candle requests and wait for them; nothing is seeded afterwards."""
        self._closed = True
        self._badge_timer.stop()
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        self._tasks.clear()


def _make_trend(
    series: Iterable[tuple[int, Decimal]], minutes: int, earlier: Trend | None = None
) -> Trend | None:
    """The sparkline of ``series``; from ``earlier`` when only its newest close moved
    since (same minutes, same low and high): one new point instead of sixty."""
    points = list(series)
    if len(points) < 2:
        return None
    closes = [c for _, c in points]
    low, high = min(closes), max(closes)
    newest = points[-1][0]
    spread = float(high - low)
    first, last = closes[0], closes[-1]
    change = (last - first) * 100 / first if first else None
    sign = (last > first) - (last < first)
    if (
        earlier is not None
        and earlier.newest == newest
        and len(earlier.points) == len(points)
        and earlier.low == low
        and earlier.high == high
    ):
        y = (float(last - low) / spread) if spread else 0.5
        return Trend(
            (*earlier.points[:-1], (1.0, y)), sign, change, low, high, newest, earlier.chain
        )
    span = float((minutes - 1) * MINUTE_MS)
    start = newest - span
    xy = tuple(
        (
            min(1.0, max(0.0, (t - start) / span)),
            (float(c - low) / spread) if spread else 0.5,
        )
        for t, c in points
    )
    return Trend(xy, sign, change, low, high, newest)


def _new_extreme(high: str, low: str, was_high: str, was_low: str) -> int:
    """+1 for a new 24 h high, −1 for a new low, 0 for neither (exact decimal strings)."""
    if compare_texts(high, was_high) > 0:
        return 1
    return -1 if compare_texts(low, was_low) < 0 else 0
