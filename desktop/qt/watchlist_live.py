"""What the watchlist table shows about time: stale rows and the fading tick flash.

Two timers keep the look honest: a 1 s check that re-greys rows whose stream went quiet
(only rows whose stale state flipped are reported), and a three-step fade of the Last
cell after an up or down tick that runs only while some flash is visible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.qt.quotes import QuoteBook


class LiveMarks(QObject):
    """Per symbol: stale or not, the last tick seen, and a flash's direction and start.

    Signals:
        staleFlipped(list[str]): symbols whose stale state changed on a timed check.
        flashStepped(list[str]): symbols whose flash faded a step (or ended).
    """

    staleFlipped = Signal(list)
    flashStepped = Signal(list)

    def __init__(
        self,
        book: QuoteBook,
        clock: Callable[[], float],
        *,
        flash_seconds: float,
        flash_interval_ms: int,
        stale_check_ms: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._clock = clock
        self._flash_seconds = flash_seconds
        self.flash_enabled = True
        self.stale: dict[str, bool] = {}
        self._seen_tick: dict[str, float] = {}
        self.flash: dict[str, tuple[int, float]] = {}  # symbol → (direction, start)
        self._symbols: Callable[[], Iterable[str]] = tuple
        self._stale_timer = QTimer(self)
        self._stale_timer.setInterval(stale_check_ms)
        self._stale_timer.timeout.connect(self.check_stale)
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(flash_interval_ms)
        self._flash_timer.timeout.connect(self._animate)

    def follow(self, symbols: Callable[[], Iterable[str]]) -> None:
        """Check the staleness of ``symbols()`` (the rows) on each timed check."""
        self._symbols = symbols

    def track(self, symbol: str, now: float) -> None:
        quote = self._book.quote(symbol)
        self._seen_tick[symbol] = quote.ticked_at if quote is not None else 0.0
        self.stale[symbol] = self._compute_stale(symbol, now)

    def forget(self, symbol: str) -> None:
        self.stale.pop(symbol, None)
        self._seen_tick.pop(symbol, None)
        self.flash.pop(symbol, None)

    def set_watching(self, any_rows: bool) -> None:
        """Run the stale check while there are rows to check."""
        if any_rows and not self._stale_timer.isActive():
            self._stale_timer.start()
        elif not any_rows:
            self._stale_timer.stop()

    def take_quotes(self, symbols: Iterable[str]) -> None:
        """New quotes for ``symbols`` (all of them rows): their stale state, and a flash
        for each that ticked up or down. The hot path at the full market: plain locals."""
        now = self._clock()
        quote_of, stale, seen, flash = self._book.quote, self.stale, self._seen_tick, self.flash
        stale_after = self._book.stale_after
        flash_enabled = self.flash_enabled
        flashing = False
        for symbol in symbols:
            quote = quote_of(symbol)
            if quote is None:
                stale[symbol] = False
                continue
            stale[symbol] = quote.from_snapshot or now - quote.received > stale_after
            if quote.ticked_at != seen.get(symbol):
                seen[symbol] = quote.ticked_at
                if flash_enabled and quote.direction:
                    flash[symbol] = (quote.direction, now)
                    flashing = True
        if flashing and not self._flash_timer.isActive():
            self._flash_timer.start()

    def check_stale(self) -> None:
        """Re-evaluate staleness; ``staleFlipped`` with the symbols whose state flipped."""
        now = self._clock()
        flipped: list[str] = []
        for symbol in self._symbols():
            stale = self._compute_stale(symbol, now)
            if stale != self.stale.get(symbol):
                self.stale[symbol] = stale
                flipped.append(symbol)
        if flipped:
            self.staleFlipped.emit(flipped)

    def _compute_stale(self, symbol: str, now: float) -> bool:
        return self._book.quote(symbol) is not None and self._book.is_stale(symbol, now)

    def flash_active(self) -> bool:
        return self._flash_timer.isActive()

    def stop_flashes(self) -> list[str]:
        """End every flash now; the symbols that were flashing."""
        symbols = list(self.flash)
        self.flash.clear()
        self._flash_timer.stop()
        return symbols

    def intensity(self, symbol: str) -> float:
        """0..1: how strongly ``symbol``'s Last cell still flashes."""
        entry = self.flash.get(symbol)
        if entry is None or self._flash_seconds <= 0:
            return 0.0
        return max(0.0, 1.0 - (self._clock() - entry[1]) / self._flash_seconds)

    def _animate(self) -> None:
        now = self._clock()
        # Over at the step nearest its end: a timer firing a little early must not
        # cost a step that only clears an invisible tint.
        over = self._flash_seconds - self._flash_timer.interval() / 2000
        stepped = list(self.flash)
        for symbol in stepped:
            if now - self.flash[symbol][1] >= over:
                del self.flash[symbol]
        if not self.flash:
            self._flash_timer.stop()
        self.flashStepped.emit(stepped)
