"""The latest mark price and funding per symbol, fed by the stream client."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from desktop.exchange.funding import MARK_CADENCE, MarkPrice


class MarkSource(Protocol):
    """What the book needs of a stream client (``StreamClient.add_mark_listener``)."""

    def add_mark_listener(self, fn: Callable[[Sequence[MarkPrice], float], None]) -> None: ...


@dataclass(slots=True)
class Mark:
    """The newest mark event of a symbol and when it arrived (``time.time()``)."""

    event: MarkPrice
    received: float


class MarkBook(QObject):
    """Holds the latest ``Mark`` per symbol; announces each delivery as one signal.

    A symbol's mark is stale when none arrived for more than three cadences (the
    exchange pushes one a second).

    Signals:
        marksChanged(list): symbols whose mark changed, once per delivery.
    """

    marksChanged = Signal(object)  # list[str]

    def __init__(
        self,
        source: MarkSource | None = None,
        *,
        cadence: float = MARK_CADENCE,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cadence = cadence
        self._clock = clock
        self._marks: dict[str, Mark] = {}
        if source is not None:
            source.add_mark_listener(self.on_marks)

    def on_marks(self, events: Sequence[MarkPrice], received: float) -> None:
        marks = self._marks
        for event in events:
            marks[event.symbol] = Mark(event, received)
        if events:
            self.marksChanged.emit([e.symbol for e in events])

    def mark(self, symbol: str) -> Mark | None:
        return self._marks.get(symbol)

    @property
    def stale_after(self) -> float:
        return 3 * self.cadence

    def is_stale(self, symbol: str, now: float | None = None) -> bool:
        """True when no mark arrived for more than three cadences (or never did)."""
        mark = self._marks.get(symbol)
        if mark is None:
            return True
        return ((self._clock() if now is None else now) - mark.received) > self.stale_after
