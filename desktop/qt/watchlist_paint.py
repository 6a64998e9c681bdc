"""The watchlist table's cells as a delegate draws them, built once per change.

``QStyledItemDelegate`` asks a dozen roles per cell; ``ui.delegates.TextDelegate`` asks
for one ``Paint`` instead, and ``PaintCache`` keeps each row's ``Paint`` values until the
row is announced again. It also remembers the row as drawn before, so a view can repaint
only the cells whose look changed (``changed_columns``).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.qt.colors import Colors, Swatch, tabular_font
from desktop.qt.roles import LEFT, RIGHT
from desktop.qt.watchlist_cells import DASH, Cells, Column
from desktop.qt.watchlist_funding import FUNDING_COLUMNS, FundingTexts
from desktop.qt.watchlist_live import LiveMarks
from desktop.qt.watchlist_texts import RowTexts

_COLUMNS = len(Column)


class Paint(NamedTuple):
    """A text cell as drawn: ``Role.PaintRole``'s value (see ``ui.delegates.TextDelegate``)."""

    text: str
    foreground: QColor | None  # None: the palette's text colour
    background: QColor | None  # None: the row's own background
    font: QFont
    alignment: Qt.AlignmentFlag
    pinned: bool = False  # the Symbol cell of a row pinned to the tray: a pin mark


class _Drawn(NamedTuple):
    """A row as last built for painting: its cells, and where its range mark sits."""

    cells: list[Paint]
    range_position: float | None


def foreground_of(swatch: Swatch, muted: bool, cells: Cells, col: int) -> QBrush | None:
    """A cell's text colour: muted for stale, unknown, empty or still without a price,
    green/red for the change."""
    if muted:
        return swatch.muted
    if col != Column.SYMBOL and (cells.display[col] == DASH or cells.exact[Column.LAST] is None):
        return swatch.muted
    if col in (Column.CHANGE, Column.CHANGE_PERCENT) and cells.sign:
        return swatch.up if cells.sign > 0 else swatch.down
    return None


class PaintCache:
    """Each row's ``Paint`` cells, kept until the row changes or the palette does."""

    def __init__(self, texts: RowTexts, live: LiveMarks) -> None:
        self._texts = texts
        self._live = live
        self.colors = Colors()
        plain = tabular_font()
        self._fonts: dict[tuple[bool, bool], QFont] = {}
        for bold in (False, True):
            for italic in (False, True):
                font = QFont(plain)
                font.setBold(bold)
                font.setItalic(italic)
                self._fonts[bold, italic] = font
        self._paints: dict[str, _Drawn] = {}  # symbol → its row as drawn
        # Rows announced since they were last built, as they were built then: what a view
        # compares with to repaint only the cells that changed (``changed_columns``).
        self._drawn_before: dict[str, _Drawn] = {}
        self._swatch: object = None
        self.funding: FundingTexts | None = None  # the mark price and funding columns

    def font(self, bold: bool, italic: bool) -> QFont:
        return self._fonts[bold, italic]

    def changed(self, symbols: list[str]) -> None:
        """These rows changed: draw them afresh, remembering how they looked before."""
        paints, before = self._paints, self._drawn_before
        for symbol in symbols:
            drawn = paints.pop(symbol, None)
            if drawn is not None:
                before[symbol] = drawn

    def forget(self, symbol: str) -> None:
        self._paints.pop(symbol, None)
        self._drawn_before.pop(symbol, None)

    def changed_columns(self, symbol: str) -> list[int] | None:
        """The columns of a changed row that look different from before it changed;
        ``None`` when there is nothing to compare with. Asking again returns ``None``."""
        before = self._drawn_before.pop(symbol, None)
        if before is None:
            return None
        self.paint(symbol, Column.SYMBOL)  # builds the row, or forgets every build
        now = self._paints.get(symbol)
        if now is None:
            return None
        columns = [
            c for c, (a, b) in enumerate(zip(now.cells, before.cells, strict=True)) if a != b
        ]
        if now.range_position != before.range_position and Column.RANGE not in columns:
            columns.append(Column.RANGE)
        return columns

    def paint(self, symbol: str, col: int) -> Paint:
        """One cell as its delegate draws it."""
        swatch = self.colors.swatch()
        if swatch is not self._swatch:  # the palette changed: every colour with it
            self._swatch = swatch
            self._paints.clear()
            self._drawn_before.clear()
        row = self._paints.get(symbol)
        if row is None:
            row = self._paints[symbol] = self._build(symbol, swatch)
        cell = row.cells[col]
        if col == Column.NEXT_FUNDING and self.funding is not None:  # a live countdown
            cell = cell._replace(text=self.funding.display(symbol, col))
        elif col == Column.LAST:
            flash = self.flash_brush(symbol)
            if flash is not None:
                cell = cell._replace(background=flash.color())
        return cell

    def flash_brush(self, symbol: str) -> QBrush | None:
        """The Last cell's background while a tick's flash fades, else None."""
        entry = self._live.flash.get(symbol)
        if entry is None:
            return None
        return self.colors.flash(entry[0], self._live.intensity(symbol))

    def foreground(self, symbol: str, col: int) -> QBrush | None:
        muted = self._live.stale.get(symbol, False) or not self._texts.known(symbol)[0]
        return foreground_of(self.colors.swatch(), muted, self._texts.cells(symbol), col)

    def _build(self, symbol: str, swatch: Swatch) -> _Drawn:
        """A row's cells as drawn: the same values the separate roles give, built at once."""
        texts = self._texts
        cells = texts.cells(symbol)
        stale = self._live.stale.get(symbol, False)
        muted = stale or not texts.known(symbol)[0]
        plain, bold = self._fonts[False, stale], self._fonts[True, stale]
        pinned = symbol in texts.pinned
        row: list[Paint] = []
        for col in range(_COLUMNS):
            text = texts.alert_text(symbol) if col == Column.ALERT else cells.display[col]
            foreground = foreground_of(swatch, muted, cells, col)
            if col in FUNDING_COLUMNS and self.funding is not None:
                text = self.funding.display(symbol, col)
                foreground = self.funding.foreground(swatch, symbol, col)
            row.append(
                Paint(
                    text,
                    None if foreground is None else foreground.color(),
                    None,  # the Last cell's flash is laid over when painted
                    bold if pinned and col == Column.SYMBOL else plain,
                    LEFT if col == Column.SYMBOL else RIGHT,
                    pinned and col == Column.SYMBOL,
                )
            )
        return _Drawn(row, cells.range_position)
