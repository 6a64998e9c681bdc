"""The watchlist window's status bar: the connection in words and when the last price came.

What a trader needs at a glance: is the feed running, and how fresh are the prices.
Streams, messages per second and lag are for diagnosing, so they live in a tooltip
(and in Help ▸ Copy diagnostics), not on the bar.
"""

from __future__ import annotations

import html
import math
import time
from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from desktop.qt.quotes import QuoteBook, SourceStatus
from desktop.stream.status import ConnState

_STATE_COLOURS: Final[dict[ConnState, str]] = {
    ConnState.LIVE: "#1e8e3e",
    ConnState.CONNECTING: "#f9ab00",
    ConnState.RECONNECTING: "#e37400",
    ConnState.OFFLINE: "#d93025",
}
# Literal contexts below, for lupdate: translate("StatusBar", ...).
translate = QCoreApplication.translate


def demo_badge_text() -> str:
    return translate("StatusBar", "DEMO — simulated prices")


def status_words(
    status: SourceStatus | None, *, demo: bool = False, now: float | None = None
) -> str:
    """The connection state in words for people: "Live", "Reconnecting in 4 s: …".

    In demo mode a running feed is the simulated exchange's, so it never says "Live".
    """
    state = getattr(status, "state", None)
    if state is ConnState.LIVE:
        return (
            translate("StatusBar", "Demo feed running") if demo else translate("StatusBar", "Live")
        )
    if state is ConnState.CONNECTING:
        return translate("StatusBar", "Connecting…")
    error = getattr(status, "last_error", None)
    retry_at = getattr(status, "retry_at", None)
    now = time.monotonic() if now is None else now
    wait = max(1, math.ceil(retry_at - now)) if retry_at is not None and retry_at > now else 0
    if state is ConnState.RECONNECTING:
        head = (
            translate("StatusBar", "Reconnecting in %n s", None, wait)
            if wait
            else translate("StatusBar", "Reconnecting…")
        )
        attempt = getattr(status, "attempt", 0)
        if attempt:
            head = (
                translate("StatusBar", "%1 (attempt %2)")
                .replace("%1", head)
                .replace("%2", str(attempt))
            )
        return (
            translate("StatusBar", "%1: %2").replace("%1", head).replace("%2", str(error))
            if error
            else head
        )
    if state is ConnState.OFFLINE:
        text = (
            translate("StatusBar", "Offline: %1").replace("%1", error)
            if error
            else translate("StatusBar", "Offline")
        )
        return (
            translate("StatusBar", "%1 (retrying in %n s)", None, wait).replace("%1", text)
            if wait
            else text
        )
    describe = getattr(status, "describe", None)
    return str(describe()) if callable(describe) else str(status)


class WindowStatusBar(QStatusBar):
    """The connection state, the time of the last price and (in demo mode) a DEMO badge.

    ``connection_label``'s tooltip is the state in words, never cut short; the last
    price label's tooltip holds the diagnostics (streams, messages per second, lag).
    """

    def __init__(
        self,
        book: QuoteBook,
        *,
        demo: bool = False,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.book = book
        self.demo = demo
        self._clock = clock
        self.last_price_at: float | None = None
        self.words = ""
        self.setAccessibleName(self.tr("Status"))
        self.connection_label = QLabel(self.tr("Not connected"), self)
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setTextFormat(Qt.TextFormat.RichText)
        # The words give way (clipped, whole in the tooltip) before the badge does.
        self.connection_label.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.price_label = QLabel(self.tr("No price yet"), self)
        self.price_label.setObjectName("lastPriceLabel")
        self.price_label.setContentsMargins(6, 0, 6, 0)
        self.addWidget(self.connection_label, 1)
        self.addPermanentWidget(self.price_label)
        self.demo_badge: QLabel | None = None
        if demo:
            badge = QLabel(demo_badge_text(), self)
            badge.setObjectName("demoBadge")
            badge.setToolTip(
                self.tr("Prices come from the built-in simulated exchange, not from Binance.")
            )
            badge.setStyleSheet(
                "#demoBadge { background: #b3261e; color: white; font-weight: bold;"
                " padding: 2px 8px; border-radius: 3px; }"
            )
            # Never squeezed: the window cannot be made narrower than the whole badge.
            badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            badge.setMinimumWidth(badge.sizeHint().width())
            self.addPermanentWidget(badge)
            self.demo_badge = badge
        book.quotesChanged.connect(self.note_quotes)
        book.statusChanged.connect(self.set_status)
        if book.last_status is not None:
            self.set_status(book.last_status)

    def set_status(self, status: SourceStatus | None) -> None:
        """Show the stream client's status: state in words, diagnostics in the tooltip."""
        if status is None:
            return
        words = status_words(status, demo=self.demo)
        self.words = words
        colour = _STATE_COLOURS.get(getattr(status, "state", None), "#808080")  # type: ignore[arg-type]
        self.connection_label.setText(
            f'<span style="color:{colour}">●</span>&nbsp;{html.escape(words)}'
        )
        self.connection_label.setToolTip(words)
        # However narrow the window, the state's first words stay readable.
        state = getattr(status, "state", None)
        head: dict[ConnState | None, str] = {
            ConnState.RECONNECTING: translate("StatusBar", "Reconnecting…"),
            ConnState.OFFLINE: translate("StatusBar", "Offline"),
        }
        head_words = head.get(state, words)
        self.connection_label.setMinimumWidth(
            self.connection_label.fontMetrics().horizontalAdvance(f"● {head_words}") + 8
        )
        self.price_label.setToolTip(self.details(status))

    def details(self, status: SourceStatus | None) -> str:
        """Streams, messages per second and lag, for the tooltip and diagnostics."""
        streams = int(getattr(status, "streams", 0) or 0)
        rate = getattr(status, "messages_per_second", None)
        lag = getattr(status, "lag_ms", None)
        lines = [
            self.tr("1 stream subscribed")
            if streams == 1
            else self.tr("%1 streams subscribed").replace("%1", str(streams))
        ]
        if rate is not None:
            lines.append(self.tr("%1 messages per second").replace("%1", f"{rate:.1f}"))
        lines.append(
            self.tr("Lag %1 ms (receive time minus the exchange's event time)").replace(
                "%1", f"{lag:.0f}"
            )
            if lag is not None
            else self.tr("Lag: not measured yet")
        )
        return "\n".join(lines)

    def note_quotes(self, symbols: Sequence[str]) -> None:
        """Remember when the newest pushed price arrived (a REST snapshot is no price push)."""
        for symbol in symbols:
            quote = self.book.quote(symbol)
            if quote is not None and not quote.from_snapshot:
                if self.last_price_at is None or quote.received > self.last_price_at:
                    self.last_price_at = quote.received
                    self._show_price_time()
                return  # a delivery's pushed quotes all arrived at once

    def _show_price_time(self) -> None:
        if self.last_price_at is None:
            return
        when = QDateTime.fromMSecsSinceEpoch(round(self.last_price_at * 1000))
        text = self.tr("Last price %1").replace("%1", when.toString("HH:mm:ss"))
        if self.price_label.text() != text:
            self.price_label.setText(text)
