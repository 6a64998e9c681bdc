"""What a bug report needs: versions, endpoints, the connection's state and recent errors.

Help ▸ Copy diagnostics puts ``Diagnostics.text()`` on the clipboard; Help ▸ About shows
the versions and the data source. Nothing here talks to the network.
"""

from __future__ import annotations

import importlib.metadata
import platform
import sys
import time
from collections import deque
from typing import Final

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QDateTime, QObject, qVersion

from desktop import __version__
from desktop.exchange.endpoints import Endpoints
from desktop.qt.quotes import QuoteBook, SourceStatus

#: How many recent problems a report carries.
RECENT: Final = 20


def _version_of(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def versions() -> dict[str, str]:
    """MiniTicker, Python, Qt, PySide6 and the network libraries, by name."""
    return {
        "MiniTicker": __version__,
        "Python": platform.python_version(),
        "Qt": qVersion(),
        "PySide6": pyside_version,
        "qasync": _version_of("qasync"),
        "websockets": _version_of("websockets"),
        "Platform": f"{platform.platform()} ({sys.platform})",
    }


class Diagnostics(QObject):
    """Collects recent problems from the quote book and the window, and writes a report.

    ``endpoints`` is this run's exchange (None when unknown); ``demo`` says whether it
    is the built-in simulated one.
    """

    def __init__(
        self,
        book: QuoteBook,
        endpoints: Endpoints | None = None,
        *,
        demo: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.book = book
        self.endpoints = endpoints
        self.demo = demo
        self.errors: deque[tuple[float, str]] = deque(maxlen=RECENT)
        self._last_status_error: str | None = None
        book.errorRaised.connect(self.note)
        book.statusChanged.connect(self._on_status)

    def note(self, text: str) -> None:
        """Remember a problem the user was told about, with the time."""
        self.errors.append((time.time(), text))

    def _on_status(self, status: SourceStatus) -> None:
        error = getattr(status, "last_error", None)
        if error and error != self._last_status_error:
            self.note(self.tr("Connection: %1").replace("%1", str(error)))
        self._last_status_error = error

    def data_source(self) -> str:
        """Where prices come from, in words."""
        if self.demo:
            return self.tr("the built-in simulated exchange (demo mode): no real prices")
        where = self.endpoints.ws_base if self.endpoints is not None else "?"
        return self.tr("Binance USDⓈ-M futures public market data (mini tickers) from %1").replace(
            "%1", where
        )

    def text(self, state_words: str = "", details: str = "") -> str:
        """The report: plain text, one fact a line, for pasting into a bug report."""
        lines = [self.tr("MiniTicker diagnostics")]
        # Package names stay as they are; only the one word among them is translated.
        names = {"Platform": self.tr("Platform")}
        lines += [f"{names.get(name, name)}: {value}" for name, value in versions().items()]
        lines.append(self.tr("Data source: %1").replace("%1", self.data_source()))
        if self.endpoints is not None:
            lines.append(self.tr("Endpoints (%1):").replace("%1", self.endpoints.name))
            lines.append(f"  websocket: {self.endpoints.ws_base}")
            lines.append(f"  REST: {self.endpoints.rest_base}")
        status = self.book.last_status
        lines.append(self.tr("Connection: %1").replace("%1", state_words or str(status)))
        if status is not None:
            lines.append(
                f"  state={getattr(status, 'state', '?')} attempt={getattr(status, 'attempt', 0)}"
                f" connections={getattr(status, 'connections', '?')}"
                f" streams={getattr(status, 'streams', '?')}"
                f" msg/s={getattr(status, 'messages_per_second', 0.0):.1f}"
                f" lag_ms={getattr(status, 'lag_ms', None)}"
            )
        if details:
            lines += [f"  {line}" for line in details.splitlines()]
        lines.append(self.tr("Recent errors:") if self.errors else self.tr("Recent errors: none"))
        for when, text in self.errors:
            stamp = QDateTime.fromMSecsSinceEpoch(round(when * 1000)).toUTC()
            lines.append(f"  {stamp.toString('yyyy-MM-dd HH:mm:ss')} UTC  {text}")
        return "\n".join(lines)
