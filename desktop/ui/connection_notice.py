"""Tells, in the window, when a live start cannot reach the exchange and what to do.

The status bar shows the state; this says it where it cannot be missed (the banner),
within ``deadline`` seconds of the start at the latest, in plain words with the way out:
check the network or proxy, or try ``--demo``. It takes the banner back once prices flow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Final
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer

from desktop.exchange.endpoints import Endpoints
from desktop.qt.quotes import QuoteBook, SourceStatus
from desktop.stream.status import ConnState

log = logging.getLogger(__name__)

#: Seconds after the start without a live connection before the notice shows anyway.
DEADLINE: Final = 8.0


class ConnectionNotice(QObject):
    """Watches a live start; calls ``show(text)`` when the exchange cannot be reached and
    ``clear(text)`` with the same text when prices flow after all.

    ``contract_list_failed(reason)`` is the other half: the contract list could not be
    loaded either. While no prices flow that is the same problem, told once.
    """

    def __init__(
        self,
        book: QuoteBook,
        endpoints: Endpoints,
        show: Callable[[str], None],
        clear: Callable[[str], None],
        *,
        deadline: float = DEADLINE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.endpoints = endpoints
        self._show, self._clear = show, clear
        self.ever_live = False
        self.shown = ""  # the text on screen, "" when none
        self._reason = ""
        self._idle = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(round(deadline * 1000))
        self.timer.timeout.connect(self._on_deadline)
        book.statusChanged.connect(self._on_status)

    def start(self) -> None:
        """The stream starts now: the deadline runs from here."""
        self.timer.start()

    def exchange_words(self) -> str:
        host = urlsplit(self.endpoints.ws_base).netloc or self.endpoints.ws_base
        if self.endpoints.name == "live":
            return self.tr("Binance at %1").replace("%1", host)
        if self.endpoints.name == "testnet":
            return self.tr("the Binance testnet at %1").replace("%1", host)
        return self.tr("the exchange at %1").replace("%1", host)

    def text(self, reason: str = "") -> str:
        """What is wrong and what the user can do, in plain words."""
        where = self.exchange_words()
        if reason:
            head = self.tr("MiniTicker cannot reach %1: %2.").replace("%1", where)
            head = head.replace("%2", reason.rstrip("."))
        else:
            head = self.tr("MiniTicker cannot reach %1.").replace("%1", where)
        return (
            head
            + " "
            + self.tr(
                "Check your network connection and proxy settings, or start MiniTicker with "
                "--demo to try it with simulated prices."
            )
        )

    def _on_status(self, status: SourceStatus) -> None:
        state = getattr(status, "state", None)
        self._idle = state is ConnState.LIVE  # nothing wanted is "live" too: nothing to say
        # Live with no connection open only means nothing is wanted yet (no symbols):
        # that says nothing about whether the exchange can be reached.
        if state is ConnState.LIVE and getattr(status, "connections", 0) > 0:
            self.ever_live = True
            self.timer.stop()
            if self.shown:
                self._clear(self.shown)
                self.shown = ""
            return
        error = getattr(status, "last_error", None)
        if not self.ever_live and error and state in (ConnState.RECONNECTING, ConnState.OFFLINE):
            self._reason = str(error)
            self._tell()

    def _on_deadline(self) -> None:
        if not self.ever_live and not self._idle:
            self._tell()

    def contract_list_failed(self, reason: str) -> bool:
        """True when told as the exchange being out of reach (no prices flow either)."""
        log.info(
            "contract list failed while %s: %s", "live" if self.ever_live else "not live", reason
        )
        if self.ever_live:
            return False
        self._tell()
        return True

    def _tell(self) -> None:
        text = self.text(self._reason)
        if text != self.shown:
            self.shown = text
            log.warning("%s", text)
            self._show(text)
