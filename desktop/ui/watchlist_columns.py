"""The watchlist table's columns: what shows by default, in which order, and what gives
way when the window is narrow.

Traders read a row left to right: the symbol, the price, how far it moved today, then
the detail. The defaults follow that order; columns a person hides stay hidden, and
when the window is too narrow for the rest, the least important give way (Symbol, Last
and 24h % always stay) instead of a horizontal scrollbar. That hiding is the window's,
not the person's: it is never saved as their choice. At a wide window the spare width
is shared out, up to half again each column's own width, rather than one column
stretching into a gap.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QWidget

from desktop.qt.watchlist_model import HEADERS, Column
from desktop.ui.delegates import RANGE_WIDTH, SPARKLINE_WIDTH

log = logging.getLogger(__name__)

#: The columns in the order they show by default; the rest are off by default.
DEFAULT_ORDER: Final = (
    Column.SYMBOL,
    Column.LAST,
    Column.CHANGE_PERCENT,
    Column.CHANGE,
    Column.TREND,
    Column.RANGE,
    Column.HIGH,
    Column.LOW,
    Column.QUOTE_VOLUME,
    Column.ALERT,  # shown whenever the list has alerts
    Column.BASE_VOLUME,
    Column.UPDATED,
    Column.MARK,
    Column.INDEX,
    Column.FUNDING,
    Column.NEXT_FUNDING,
    Column.BASIS,
)
#: The mark price and funding columns: off until asked for in View ▸ Columns.
FUNDING_SHOWN: Final = (
    Column.MARK,
    Column.INDEX,
    Column.FUNDING,
    Column.NEXT_FUNDING,
    Column.BASIS,
)
OFF_BY_DEFAULT: Final = frozenset({Column.BASE_VOLUME, Column.UPDATED, *FUNDING_SHOWN})
#: Most important first: when the window is narrow, columns go from the end.
PRIORITY: Final = (
    Column.SYMBOL,
    Column.LAST,
    Column.CHANGE_PERCENT,
    Column.ALERT,
    Column.CHANGE,
    Column.TREND,
    Column.QUOTE_VOLUME,
    Column.RANGE,
    Column.HIGH,
    Column.LOW,
    Column.BASE_VOLUME,
    Column.UPDATED,
    Column.FUNDING,
    Column.NEXT_FUNDING,
    Column.MARK,
    Column.BASIS,
    Column.INDEX,
)
ALWAYS_SHOWN: Final = frozenset({Column.SYMBOL, Column.LAST, Column.CHANGE_PERCENT})
#: Widest text each column is sized for by default.
SAMPLE_TEXT: Final[dict[Column, str]] = {
    Column.SYMBOL: "1000SATSUSDT_261",  # with room for the pin mark
    Column.LAST: "000,000.0000",
    Column.CHANGE: "+00,000.000",
    Column.CHANGE_PERCENT: "+000.00 %",
    Column.HIGH: "000,000.0000",
    Column.LOW: "000,000.0000",
    Column.BASE_VOLUME: "000.00 M",
    Column.QUOTE_VOLUME: "000.00 M",
    Column.UPDATED: "00:00:00",
    Column.ALERT: "▲ 10.00 % to 000,000.00",
    Column.MARK: "000,000.0000",
    Column.INDEX: "000,000.0000",
    Column.FUNDING: "−0.0000 %",
    Column.NEXT_FUNDING: "00:00:00",
    Column.BASIS: "+0,000.00 (+0.000 %)",
}
_PADDING: Final = 16
_MAX_GROWTH: Final = 0.5  # spare width shared out: at most half again a column's width


class ColumnHeader(QHeaderView):
    # Signals: fundingShown(bool): whether a mark price / funding column is on screen,
    # when that changes (the model runs its countdown only then).
    """The watchlist's horizontal header: default columns, priority hiding, fair widths.

    ``saveState`` and ``restoreState`` are Qt's, with the person's own widths and hidden
    columns: what the window hid or widened is undone in the saved state. Hiding,
    showing or resizing a section from outside (the column menu, a drag) is taken as
    the person's choice.
    """

    fundingShown = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._funding_shown = False
        self._own: dict[int, int] = {}  # column → its width as chosen (without any share)
        self._extra: dict[int, int] = {}  # column → spare width it was given
        self._user_hidden: set[int] = {int(c) for c in OFF_BY_DEFAULT}
        self._auto_hidden: set[int] = set()  # hidden for want of room or of alerts
        self._alerts = False
        self._available = 0
        self._fitting = False
        self._sized: set[int] = set()  # sized by the person this session: kept exactly
        # Shown by the person this session, latest first: these give way only after
        # the always-shown columns, or showing one from the menu would seem to do nothing.
        self._asked: list[int] = []
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(lambda: self.fit(self._available))
        self.defaults_pending = True  # until defaults are applied or a state restored
        self.setSectionsClickable(True)  # as QTableView's own header: click to sort
        self.sectionResized.connect(self._on_section_resized)

    # -- what the person chose ----------------------------------------------------------

    def is_user_hidden(self, column: int) -> bool:
        """Hidden by the person (not for want of room): what a column menu shows."""
        return column in self._user_hidden

    def set_user_hidden(self, column: int, hidden: bool) -> None:
        if hidden:
            self._user_hidden.add(column)
        else:
            self._user_hidden.discard(column)
            self._ask(column)
        self.fit(self._available)

    def _ask(self, column: int) -> None:
        if column in self._asked:
            self._asked.remove(column)
        self._asked.insert(0, column)

    def priority_hidden(self) -> set[int]:
        """Columns the person wants that are hidden for want of room."""
        return self._auto_hidden - (set() if self._alerts else {int(Column.ALERT)})

    def set_alerts_present(self, present: bool) -> None:
        """Show the To alert column only while the list has alerts."""
        if present != self._alerts:
            self._alerts = present
            self.fit(self._available)

    def apply_defaults(self) -> None:
        """The default columns: order, widths, and which are off."""
        self.defaults_pending = False
        self._fitting = True
        try:
            self.setStretchLastSection(False)
            metrics = QFontMetrics(self.font())
            for position, column in enumerate(DEFAULT_ORDER):
                self.moveSection(self.visualIndex(column), position)
            for column in Column:
                self._own[column] = default_width(column, metrics, self._title(column))
                self._extra[column] = 0
        finally:
            self._fitting = False
        self._sized.clear()
        self._user_hidden = {int(c) for c in OFF_BY_DEFAULT}
        self.fit(self._available)

    # -- fitting ------------------------------------------------------------------------

    def fit(self, available: int) -> None:
        """Show what the person wants of what fits in ``available`` pixels, by priority,
        and share out what is left."""
        self._available = available
        if available <= 0 or self.count() != len(Column):
            return
        order: list[int] = [c for c in PRIORITY if c in ALWAYS_SHOWN]
        order += [c for c in self._asked if c not in order]
        order += [c for c in PRIORITY if c not in order]
        wanted = [
            int(c)
            for c in order
            if c not in self._user_hidden and (c != Column.ALERT or self._alerts)
        ]
        shown: list[int] = []
        used = 0
        for column in wanted:
            width = self._own_width(column)
            if column in ALWAYS_SHOWN or used + width <= available:
                shown.append(column)
                used += width
        spare = max(0, available - used)
        self._fitting = True
        try:
            self.setStretchLastSection(False)
            self._auto_hidden = {int(c) for c in Column} - set(shown) - self._user_hidden
            for column in Column:
                hide = column not in shown
                if self.isSectionHidden(column) != hide:
                    self.setSectionHidden(column, hide)
            growth = min(_MAX_GROWTH, spare / used) if used else 0.0
            for column in shown:
                own = self._own_width(column)
                extra = 0 if column in self._sized else int(own * growth)
                self._extra[column] = extra
                if self.sectionSize(column) != own + extra:
                    self.resizeSection(column, own + extra)
        finally:
            self._fitting = False
        funding = any(c in FUNDING_SHOWN for c in shown)
        if funding != self._funding_shown:
            self._funding_shown = funding
            self.fundingShown.emit(funding)

    def _own_width(self, column: int) -> int:
        width = self._own.get(column)
        if width is None:
            metrics = QFontMetrics(self.font())
            width = self._own[column] = default_width(Column(column), metrics, self._title(column))
        return width

    def _title(self, column: int) -> str | None:
        """The column's header as shown (in the user's language), None without a model."""
        model = self.model()
        title = model.headerData(column, Qt.Orientation.Horizontal) if model is not None else None
        return title if isinstance(title, str) else None

    def _on_section_resized(self, column: int, old: int, new: int) -> None:
        if self._fitting:
            return
        if new == 0:  # hidden from outside: the person's choice
            self._user_hidden.add(column)
            self._auto_hidden.discard(column)
            self._refit.start()  # the room it leaves may bring back another
            return
        if old == 0:  # shown from outside (the column menu): the person's choice
            self._user_hidden.discard(column)
            self._ask(column)
            self._refit.start()
            return
        self._own[column] = new
        self._extra[column] = 0
        self._sized.add(column)

    # -- state --------------------------------------------------------------------------

    def saveState(self) -> QByteArray:
        """Qt's header state with the person's widths and hidden columns only."""
        self._fitting = True
        try:
            for column in Column:
                hidden = column in self._user_hidden
                if self.isSectionHidden(column) != hidden:
                    self.setSectionHidden(column, hidden)
                if not hidden:
                    self.resizeSection(column, self._own_width(column))
            state = super().saveState()
        finally:
            self._fitting = False
        self.fit(self._available)
        return state

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview) -> bool:
        self._fitting = True
        default_size = self.defaultSectionSize()
        # A state saved before a column existed (the funding columns) restores it at the
        # default section size, shown: an odd size marks such columns, which then get
        # their defaults (off, for the funding columns) instead of appearing unasked.
        marker = self.minimumSectionSize() + 3
        self.setDefaultSectionSize(marker)
        try:
            restored = super().restoreState(state)
        finally:
            self.setDefaultSectionSize(default_size)
            self._fitting = False
        if not restored:
            return False
        self.defaults_pending = False
        unknown = {c for c in Column if self.sectionSize(c) == marker}
        self._fitting = True
        try:
            for column in unknown:
                self.setSectionHidden(column, column in OFF_BY_DEFAULT)
                self.resizeSection(column, self._own_width(column))
        finally:
            self._fitting = False
        self._user_hidden = {int(c) for c in Column if self.isSectionHidden(c)}
        self._own = {int(c): self.sectionSize(c) for c in Column if not self.isSectionHidden(c)}
        self._extra = {}
        self._sized.clear()
        self.fit(self._available)
        return True


def default_width(column: Column, metrics: QFontMetrics, title: str | None = None) -> int:
    """A column's width by default: its widest usual text, or its header's (``title``,
    as shown; the English one when not given)."""
    if column == Column.TREND:
        return SPARKLINE_WIDTH
    if column == Column.RANGE:
        return RANGE_WIDTH
    title = HEADERS[column][0] if title is None else title
    sample = SAMPLE_TEXT.get(column, title)
    return max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 18) + _PADDING
