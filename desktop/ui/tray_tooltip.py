"""The tray tooltip's text: every pin with its price, change and funding, and the state.

Kept apart from ``TrayTicker``, which decides what is shown and when: this only says it.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from typing import Final

from PySide6.QtCore import QCoreApplication

from desktop.exchange.contracts import ContractCatalog
from desktop.qt.marks import MarkBook
from desktop.qt.quotes import QuoteBook, SourceStatus
from desktop.qt.ticker_text import fit_lines, funding_note, tooltip_lines

#: Windows keeps only 127 characters of a tray tooltip (NOTIFYICONDATA.szTip is 128
#: WCHARs); elsewhere the whole text is shown.
TOOLTIP_LIMIT: Final = 127 if sys.platform == "win32" else None


class TrayTooltip:
    """A line per pin (with its funding from ``marks``, once set), the connection state,
    and the demo or replay label; cut to what the platform's tray keeps."""

    def __init__(self, *, demo: bool, replay: bool) -> None:
        self.demo = demo
        self.replay = replay  # a recording played back: labelled like demo prices
        self.marks: MarkBook | None = None

    def text(
        self,
        pins: list[str],
        book: QuoteBook,
        catalog: ContractCatalog | None,
        status: SourceStatus | None,
        now: float,
        looked: Mapping[str, Decimal],
    ) -> str:
        """The tooltip for ``pins`` at ``now``; ``looked``: prices when last looked at."""
        marks = self.marks
        lines = tooltip_lines(
            pins,
            book,
            catalog,
            status=status,
            demo=self.demo,
            now=now,
            looked=looked,
            funding=None if marks is None else partial(funding_note, marks, now=now),
        )
        if self.replay:
            # The tray's own text (its context): a literal, or lupdate cannot file it.
            replay = QCoreApplication.translate("TrayTicker", "REPLAY — recorded prices, not live")
            lines.insert(0, replay)
        return fit_lines(lines, TOOLTIP_LIMIT)
