"""What each cell and header of the watchlist table answers, role by role.

``WatchlistModel`` checks bounds and finds the row's symbol; this picks the part that
knows the answer: ``RowTexts`` (texts, tooltips, sort keys), ``PaintCache`` (fonts,
colours, the painted cell), ``LiveMarks`` (the tick flash), ``FundingTexts`` (the mark
price and funding columns) or ``watchlist_speech`` (what a screen reader says).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Final

from PySide6.QtCore import Qt

from desktop.qt.roles import ALIGN, BACKGROUND, DISPLAY, FONT, FOREGROUND, LEFT, RIGHT, TOOLTIP
from desktop.qt.sorting import SortKey
from desktop.qt.watchlist_cells import Column, Role, header_tip, header_title
from desktop.qt.watchlist_funding import FUNDING_COLUMNS, FUNDING_ROLES, FundingTexts
from desktop.qt.watchlist_live import LiveMarks
from desktop.qt.watchlist_paint import PaintCache
from desktop.qt.watchlist_speech import cell_words
from desktop.qt.watchlist_texts import EXACT_ROLE, SORT_ROLE, RowTexts

_PAINT: Final = int(Role.PaintRole)
_SPOKEN: Final = int(Qt.ItemDataRole.AccessibleTextRole)
_DESCRIBED: Final = int(Qt.ItemDataRole.AccessibleDescriptionRole)
# The To alert column's roles, as ``RowTexts.alert_data`` names them.
_ALERT_ROLES: Final = {
    DISPLAY: DISPLAY,
    TOOLTIP: TOOLTIP,
    int(Role.SortRole): SORT_ROLE,
    int(Role.ExactRole): EXACT_ROLE,
}


class CellRoles:
    """``data`` of a row's cell, and each column's sort key."""

    def __init__(
        self,
        texts: RowTexts,
        paints: PaintCache,
        live: LiveMarks,
        funding: FundingTexts,
        pinned: set[str],
    ) -> None:
        self._texts = texts
        self._paints = paints
        self._live = live
        self._funding = funding
        self._pinned = pinned  # the model's own set: pins in bold

    def data(self, symbol: str, col: int, role: int) -> object:
        if role == _PAINT:
            return self._paints.paint(symbol, col)
        texts = self._texts
        if col in FUNDING_COLUMNS and role in FUNDING_ROLES:
            return self._funding.data(self._paints.colors.swatch(), symbol, col, role)
        if col == Column.ALERT and role in _ALERT_ROLES:
            return texts.alert_data(symbol, _ALERT_ROLES[role])
        if role == DISPLAY:
            return texts.cells(symbol).display[col]
        if role == ALIGN:
            return LEFT if col == Column.SYMBOL else RIGHT
        if role == FONT:
            bold = col == Column.SYMBOL and symbol in self._pinned
            return self._paints.font(bold, self._live.stale.get(symbol, False))
        if role == FOREGROUND:
            return self._paints.foreground(symbol, col)
        if role == BACKGROUND:
            return self._paints.flash_brush(symbol) if col == Column.LAST else None
        if role == TOOLTIP:
            return texts.tooltip(symbol, col)
        if role == Role.FlashRole:
            return self._live.intensity(symbol)
        if role == _SPOKEN:
            return self._words(symbol, col)
        if role == _DESCRIBED:
            return self.data(symbol, col, TOOLTIP)
        return None if role < Role.SortRole else texts.role_value(symbol, col, role)

    def _words(self, symbol: str, col: int) -> str | None:
        """What a screen reader names the cell (``watchlist_speech``)."""
        return cell_words(
            symbol,
            col,
            self._texts.cells(symbol),
            self._live.stale.get(symbol, False),
            lambda: str(self.data(symbol, col, DISPLAY) or ""),
            lambda: self._tooltip(symbol, col),
        )

    def _tooltip(self, symbol: str, col: int) -> str | None:
        tip = self.data(symbol, col, TOOLTIP)
        return tip if isinstance(tip, str) else None

    def sort_key(self, col: int) -> Callable[[str], SortKey | None]:
        """Symbol → ``Role.SortRole`` value of column ``col``."""
        if col in FUNDING_COLUMNS:
            return partial(self._funding.sort_key, col=col)
        return self._texts.sort_key(col)


def header_data(section: int, role: int, *, alerts_present: bool) -> object:
    """``headerData`` of a column: its title, its tooltip, and whether it is shown (the
    To alert column only while some row has an alert)."""
    if role == DISPLAY:
        return header_title(section)
    if role == TOOLTIP:
        return header_tip(section)
    if role == ALIGN:
        return LEFT if section == Column.SYMBOL else RIGHT
    if role == Role.ShownRole:
        return alerts_present if section == Column.ALERT else True
    return None
