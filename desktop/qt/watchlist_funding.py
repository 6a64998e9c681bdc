"""The watchlist's mark price and funding columns: Mark, Index, Funding, Next funding, Basis.

Served live from a ``MarkBook`` (and the ``QuoteBook`` for the last price of the basis):
the texts are cheap, and the Next funding countdown changes every second without any new
event, so nothing here is cached beyond what the books hold.

Funding is coloured by who pays: a positive rate (longs pay shorts) in the "up" colour,
a negative one (shorts pay longs) in the "down" colour; the tooltip says it in words.
Quarterlies have no funding: their Basis column shows last − index instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QBrush

from desktop.exchange.display import format_change, format_exact, format_price
from desktop.exchange.funding import (
    basis,
    basis_percent_text,
    countdown_text,
    funding_text,
    payer,
    rate_percent,
    seconds_left,
)
from desktop.qt.colors import Swatch
from desktop.qt.marks import MarkBook
from desktop.qt.quotes import QuoteBook
from desktop.qt.roles import DISPLAY, FOREGROUND, TOOLTIP
from desktop.qt.watchlist_cells import DASH, Column, Role, format_age

FUNDING_COLUMNS: Final = frozenset(
    {Column.MARK, Column.INDEX, Column.FUNDING, Column.NEXT_FUNDING, Column.BASIS}
)
# The roles the funding columns answer themselves (``FundingTexts.data``).
FUNDING_ROLES: Final = frozenset(
    {DISPLAY, TOOLTIP, FOREGROUND, int(Role.SortRole), int(Role.ExactRole)}
)
_CONTEXT: Final = "WatchlistFunding"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class FundingTexts:
    """Display, tooltip, sort key, exact digits and colour of the funding columns' cells."""

    def __init__(
        self,
        marks: MarkBook,
        quotes: QuoteBook,
        decimals: Callable[[str], int | None],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.marks = marks
        self._quotes = quotes
        self._decimals = decimals
        self._clock = clock

    def data(self, swatch: Swatch, symbol: str, col: int, role: int) -> object:
        """One of ``FUNDING_ROLES`` of a funding column's cell."""
        if role == DISPLAY:
            return self.display(symbol, col)
        if role == TOOLTIP:
            return self.tooltip(symbol, col) or None
        if role == FOREGROUND:
            return self.foreground(swatch, symbol, col)
        if role == Role.SortRole:
            return self.sort_key(symbol, col)
        return self.exact(symbol, col)

    def display(self, symbol: str, col: int) -> str:
        mark = self.marks.mark(symbol)
        if mark is None:
            return ""
        event = mark.event
        if col == Column.MARK:
            return format_price(event.mark, self._decimals(symbol))
        if col == Column.INDEX:
            return format_price(event.index, self._decimals(symbol))
        if col == Column.FUNDING:
            return funding_text(event.rate_text) if event.has_funding else DASH
        if col == Column.NEXT_FUNDING:
            if not event.has_funding:
                return DASH
            return countdown_text(event.next_funding, self._clock())
        if col == Column.BASIS:
            return self._basis_text(symbol) if not event.has_funding else ""
        return ""

    def _basis_text(self, symbol: str) -> str:
        mark, quote = self.marks.mark(symbol), self._quotes.quote(symbol)
        if mark is None or quote is None:
            return ""
        diff, percent = basis(quote.ticker.close_text, mark.event.index_text)
        return f"{format_change(diff, self._decimals(symbol))} ({basis_percent_text(percent)})"

    def sort_key(self, symbol: str, col: int) -> float | None:
        mark = self.marks.mark(symbol)
        if mark is None:
            return None
        event = mark.event
        if col == Column.MARK:
            return float(event.mark_text)
        if col == Column.INDEX:
            return float(event.index_text)
        if col == Column.FUNDING:
            return float(event.rate_text) if event.has_funding else None
        if col == Column.NEXT_FUNDING:
            left = seconds_left(event.next_funding, self._clock())
            return None if left is None else float(left)
        if col == Column.BASIS and not event.has_funding:
            quote = self._quotes.quote(symbol)
            if quote is not None:
                return float(quote.ticker.close_text) - float(event.index_text)
        return None

    def exact(self, symbol: str, col: int) -> str | None:
        mark = self.marks.mark(symbol)
        if mark is None:
            return None
        event = mark.event
        if col == Column.MARK:
            return event.mark_text
        if col == Column.INDEX:
            return event.index_text
        if col == Column.FUNDING:
            return event.rate_text or None
        if col == Column.NEXT_FUNDING:
            return str(event.next_funding) if event.has_funding else None
        if col == Column.BASIS and not event.has_funding:
            quote = self._quotes.quote(symbol)
            if quote is not None:
                return f"{basis(quote.ticker.close_text, event.index_text)[0]:f}"
        return None

    def foreground(self, swatch: Swatch, symbol: str, col: int) -> QBrush | None:
        """Muted when the mark is stale; the Funding cell coloured by who pays."""
        mark = self.marks.mark(symbol)
        if mark is None or self.marks.is_stale(symbol):
            return swatch.muted
        if col == Column.FUNDING:
            pays = payer(mark.event.rate_text)
            return swatch.up if pays > 0 else swatch.down if pays < 0 else None
        return None

    def tooltip(self, symbol: str, col: int) -> str:
        mark = self.marks.mark(symbol)
        if mark is None:
            return QCoreApplication.translate("WatchlistFunding", "No mark price has arrived yet")
        lines: list[str] = []
        now = self._clock()
        if self.marks.is_stale(symbol, now):
            age = format_age(now - mark.received)
            lines.append(
                QCoreApplication.translate(
                    "WatchlistFunding", "stale — no mark price for {age}"
                ).format(age=age)
            )
        event = mark.event
        if col == Column.MARK:
            lines.append(
                QCoreApplication.translate("WatchlistFunding", "Mark price {price}").format(
                    price=format_exact(event.mark)
                )
            )
        elif col == Column.INDEX:
            lines.append(
                QCoreApplication.translate("WatchlistFunding", "Index price {price}").format(
                    price=format_exact(event.index)
                )
            )
        elif col in (Column.FUNDING, Column.NEXT_FUNDING):
            lines.append(funding_tooltip(event.rate_text, event.next_funding))
        elif col == Column.BASIS:
            if event.has_funding:
                lines.append(
                    QCoreApplication.translate(
                        "WatchlistFunding", "Basis is shown for quarterlies; perpetuals pay funding"
                    )
                )
            else:
                lines.append(
                    QCoreApplication.translate(
                        "WatchlistFunding", "Last price − index price, and that in % of the index"
                    )
                )
        return "\n".join(lines)


class FundingLive(QObject):
    """The funding columns as time passes: marks arriving, going stale, the countdown.

    Ticks once a second while a funding column is shown (``set_shown``): the countdown
    moves and marks go stale without any event arriving. The texts are ``texts``.

    Signals:
        marksArrived(list[str]): new marks for these symbols (shown or not): their
            funding sort keys changed.
        cellsChanged(list[str]): symbols whose Mark … Basis cells look different (a new
            mark, or stale flipped); only while a funding column is shown.
        countdownMoved(list[str]): symbols whose Next funding countdown moved.
    """

    marksArrived = Signal(list)
    cellsChanged = Signal(list)
    countdownMoved = Signal(list)

    def __init__(
        self,
        marks: MarkBook | None,
        quotes: QuoteBook,
        decimals: Callable[[str], int | None],
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        marks = marks if marks is not None else MarkBook(parent=self)
        self.texts = FundingTexts(marks, quotes, decimals, clock)
        marks.marksChanged.connect(self._on_marks_changed)
        self._stale: dict[str, bool] = {}
        self._symbols: Callable[[], Iterable[str]] = tuple
        self._timer = QTimer(self, interval=1000)
        self._timer.timeout.connect(self._tick)

    def follow(self, symbols: Callable[[], Iterable[str]]) -> None:
        """Count down and check the staleness of ``symbols()`` (the rows) each second."""
        self._symbols = symbols

    def set_marks(self, marks: MarkBook) -> None:
        """Take mark prices and funding from ``marks`` from now on."""
        self.texts.marks.marksChanged.disconnect(self._on_marks_changed)
        self.texts.marks = marks
        marks.marksChanged.connect(self._on_marks_changed)

    def set_shown(self, shown: bool) -> bool:
        """Whether a funding column is on screen: only then the countdown runs. True when
        it starts: marks that came while none was shown were not announced."""
        if shown and not self._timer.isActive():
            self._timer.start()
            return True
        if not shown:
            self._timer.stop()
        return False

    @property
    def ticking(self) -> bool:
        return self._timer.isActive()

    def _on_marks_changed(self, symbols: list[str]) -> None:
        # No funding column on screen: nothing to repaint. (At the full market the mark
        # array brings every row once a second.)
        if self._timer.isActive():
            for symbol in symbols:
                self._stale[symbol] = False
            self.cellsChanged.emit(symbols)
        self.marksArrived.emit(symbols)

    def _tick(self) -> None:
        """The countdown moved; marks that stopped arriving are drawn as stale."""
        marks, now = self.texts.marks, self._clock()
        flipped = []
        ticking = []
        for symbol in self._symbols():
            mark = marks.mark(symbol)
            if mark is None:
                continue
            stale = marks.is_stale(symbol, now)
            if stale != self._stale.get(symbol, False):
                self._stale[symbol] = stale
                flipped.append(symbol)
            if mark.event.has_funding:
                ticking.append(symbol)
        if flipped:
            self.cellsChanged.emit(flipped)
        self.countdownMoved.emit(ticking)


def who_pays(rate_text: str) -> str:
    """ "longs pay shorts" / "shorts pay longs" / "nobody pays", translated."""
    pays = payer(rate_text)
    if pays > 0:
        return QCoreApplication.translate("WatchlistFunding", "longs pay shorts")
    if pays < 0:
        return QCoreApplication.translate("WatchlistFunding", "shorts pay longs")
    return QCoreApplication.translate("WatchlistFunding", "nobody pays")


def funding_tooltip(rate_text: str, next_funding: int) -> str:
    """The rate exactly, who pays, and when the next funding is (local time)."""
    if not rate_text or next_funding <= 0:
        return QCoreApplication.translate(
            "WatchlistFunding", "No funding: a quarterly contract settles at delivery"
        )
    percent = rate_percent(rate_text)
    at = datetime.fromtimestamp(next_funding / 1000).strftime("%H:%M")
    return QCoreApplication.translate(
        "WatchlistFunding", "Funding rate {percent} % per period: {who}\nNext funding at {at}"
    ).format(percent=f"{percent:f}", who=who_pays(rate_text), at=at)


def funding_summary(rate_text: str, next_funding: int, now: float) -> str:
    """One line for the tray tooltip: ``funding 0.0100% in 02:14:05``; "" without funding."""
    if not rate_text or next_funding <= 0:
        return ""
    return QCoreApplication.translate("WatchlistFunding", "funding {rate} in {countdown}").format(
        rate=funding_text(rate_text), countdown=countdown_text(next_funding, now)
    )
