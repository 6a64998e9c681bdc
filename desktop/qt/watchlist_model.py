"""The watchlist as a table: one row per watched symbol, columns from its latest mini ticker.

A thin Qt face over its parts: ``watchlist_rows`` (the steps that follow the watchlist),
``watchlist_order`` (sorting, timed re-sorts), ``watchlist_live`` (staleness and tick
flashes), ``watchlist_funding`` (mark price and funding columns, their countdown),
``watchlist_texts`` (cells, tooltips, the To alert column), ``watchlist_paint`` (cells as
drawn), ``watchlist_roles`` (which part answers which role) and ``watchlist_changes``
(announcing changed rows). Row changes follow
``Watchlist.symbolsChanged`` as inserts, removals and moves (never a reset); quote
changes arrive as the book's coalesced ``quotesChanged`` and leave as one ``dataChanged``
per contiguous block of rows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Final

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.qt.history import PriceHistory
from desktop.qt.marks import MarkBook
from desktop.qt.quotes import QuoteBook, SourceStatus
from desktop.qt.roles import BACKGROUND, DISPLAY, TOOLTIP
from desktop.qt.ticker_text import is_connected
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_cells import HEADERS, Column, Role, format_age, header_tip, header_title
from desktop.qt.watchlist_changes import ChangeAnnouncer, contiguous_blocks
from desktop.qt.watchlist_funding import FUNDING_COLUMNS, FundingLive
from desktop.qt.watchlist_live import LiveMarks
from desktop.qt.watchlist_order import LiveOrder
from desktop.qt.watchlist_paint import Paint, PaintCache
from desktop.qt.watchlist_roles import CellRoles, header_data
from desktop.qt.watchlist_rows import MIME_SYMBOLS, SymbolRowsModel
from desktop.qt.watchlist_texts import AlertLevels, AlertRules, RowTexts
from desktop.stream.status import ConnState

__all__ = [
    "HEADERS",
    "MIME_SYMBOLS",
    "ROW_FLAGS",
    "AlertLevels",
    "Column",
    "Paint",
    "Role",
    "WatchlistModel",
    "contiguous_blocks",
    "format_age",
    "header_tip",
    "header_title",
]

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

_COLUMNS: Final = len(Column)
ROW_FLAGS: Final = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)


class WatchlistModel(SymbolRowsModel):
    """Rows of ``Watchlist.symbols()``, cells from ``QuoteBook`` quotes.

    Besides the usual roles it serves ``Role`` values (numeric sort keys, stale flag,
    tick direction, flash intensity, exact digits). Rows can be reordered by drag and
    drop; a drop becomes ``Watchlist.set_order``. Sorted by a column (``sort``), the rows
    are in that order instead; sorted by a column that moves with prices, they are
    re-sorted at most once per ``resort_ms`` while values change, so rows do not jump
    about faster than anyone can read them. It answers ``RepaintHints`` for a view that
    repaints only changed cells.

    Signals: only ``QAbstractItemModel``'s.
    """

    def __init__(
        self,
        watchlist: Watchlist,
        book: QuoteBook,
        *,
        clock: Callable[[], float] = time.time,
        flash_seconds: float = 1.0,
        # Fade steps: 1 → ⅔ → ⅓ → gone. Each step repaints the Last column of every
        # flashing row (at 50 rows ~2.5 ms with its announcement, every 2 s per tick):
        # 33 ms steps cost 13 % CPU, 100 ms 4.6 %; 250 ms took 4–5 steps a flash.
        flash_interval_ms: int = 333,
        stale_check_ms: int = 1000,
        resort_ms: int = 1000,
        history: PriceHistory | None = None,
        marks: MarkBook | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._watchlist = watchlist
        self._book = book
        self._clock = clock
        self._pinned: set[str] = set(watchlist.pins())
        self._live = LiveMarks(
            book,
            clock,
            flash_seconds=flash_seconds,
            flash_interval_ms=flash_interval_ms,
            stale_check_ms=stale_check_ms,
            parent=self,
        )
        self._live.follow(lambda: self._symbols)
        self._live.staleFlipped.connect(self._on_stale_flipped)
        self._live.flashStepped.connect(self._on_flash_stepped)
        self._texts = RowTexts(watchlist, book, self._live.stale, self._pinned, clock)
        self._paints = PaintCache(self._texts, self._live)
        self._funding = FundingLive(marks, book, self._texts.decimals, clock, parent=self)
        self._funding.follow(lambda: self._symbols)
        self._funding.marksArrived.connect(self._on_marks_arrived)
        self._funding.cellsChanged.connect(self._on_funding_cells_changed)
        self._funding.countdownMoved.connect(self._on_countdown_moved)
        self._paints.funding = self._funding.texts
        self._cells = CellRoles(
            self._texts, self._paints, self._live, self._funding.texts, self._pinned
        )
        self._order = LiveOrder(
            self._cells.sort_key, static_columns=(Column.SYMBOL,), resort_ms=resort_ms, parent=self
        )
        self._order.rearranged.connect(self._resort)
        self._announcer = ChangeAnnouncer(self, _COLUMNS)
        self._alerts_present = False

        self._set_symbols_initial(watchlist.symbols())
        watchlist.symbolsChanged.connect(self._on_symbols_changed)
        watchlist.pinsChanged.connect(self._on_pins_changed)
        book.quotesChanged.connect(self._on_quotes_changed)
        book.statusChanged.connect(self._on_status)
        if book.last_status is not None:
            self._on_status(book.last_status)
        if history is not None:
            self.set_history(history)

    # -- public helpers ------------------------------------------------------------

    @property
    def watchlist(self) -> Watchlist:
        return self._watchlist

    def flash_active(self) -> bool:
        """True while the fade timer runs (some Last cell is still flashing)."""
        return self._live.flash_active()

    def set_flash_enabled(self, enabled: bool) -> None:
        """Turn tick flashes on or off (e.g. for people who prefer reduced motion)."""
        self._live.flash_enabled = enabled
        if not enabled:
            rows = self._rows_of(self._live.stop_flashes())
            self._announcer.announce(rows, Column.LAST, Column.LAST)

    def set_exact_rows(self, exact: bool) -> None:
        """Announce changed rows exactly, block by block, instead of as one span (for a
        filtering proxy: see ``ChangeAnnouncer.exact_rows``)."""
        self._announcer.exact_rows = exact

    def set_history(self, history: PriceHistory) -> None:
        """Take sparklines and new-high/low badges from ``history``."""
        old = self._texts.history
        if old is not None:
            old.trendsChanged.disconnect(self._on_history_changed)
            old.badgesChanged.disconnect(self._on_history_changed)
        self._texts.history = history
        history.trendsChanged.connect(self._on_history_changed)
        history.badgesChanged.connect(self._on_history_changed)
        if self._symbols:
            self._announcer.announce(range(len(self._symbols)), Column.TREND, Column.RANGE)

    def set_alert_levels(self, levels: AlertLevels | None, rules: AlertRules | None = None) -> None:
        """Fill the To alert column from ``levels`` (``AlertCenter.nearest_level``) and
        ``rules`` (``AlertCenter.rules_for``: what to say where no alert is armed)."""
        self._texts.alert_levels = levels
        self._texts.alert_rules = rules
        self.refresh_alerts()

    def set_marks(self, marks: MarkBook) -> None:
        """Take mark prices and funding from ``marks`` (the app's book, fed by the client)."""
        self._funding.set_marks(marks)
        self._changed(range(len(self._symbols)), Column.MARK, Column.BASIS)

    def set_funding_shown(self, shown: bool) -> None:
        """Whether a mark price / funding column is on screen: only then the countdown runs."""
        if self._funding.set_shown(shown):
            self._changed(range(len(self._symbols)), Column.MARK, Column.BASIS)

    @property
    def funding_ticking(self) -> bool:
        return self._funding.ticking

    def set_connection(self, connected: bool, since: float | None = None) -> None:
        """Whether prices can arrive; rows still without a price say so. ``since``: when
        the connection went down (now, if not given). Follows the book's status too."""
        offline = None if connected else (since if since is not None else self._clock())
        self._changed(self._rows_of(self._texts.set_offline(offline, self._symbols)))

    def _on_status(self, status: SourceStatus) -> None:
        # A first attempt under way has lost nothing: its rows are waiting, not offline.
        first_try = status is not None and status.state is ConnState.CONNECTING
        self.set_connection(first_try or is_connected(status))

    def refresh_alerts(self) -> None:
        """The alert rules changed: re-read the To alert column of every row."""
        self._texts.forget_alerts()
        self._update_alerts_present()
        self._changed(range(len(self._symbols)), Column.ALERT, Column.ALERT)
        self._order.changed(None, (Column.ALERT,))

    def refresh(self) -> None:
        """Re-render every row, e.g. after the contract catalog was (re)loaded."""
        self._texts.forget_all()
        self._changed(range(len(self._symbols)))

    def check_stale(self) -> None:
        """Re-evaluate staleness; ``dataChanged`` only for rows whose state flipped."""
        self._live.check_stale()

    # -- RepaintHints: for a view that repaints only changed cells -------------------

    def rows_in_span(self) -> frozenset[int] | None:
        """While a ``dataChanged`` spans scattered rows: the rows in it that changed."""
        return self._announcer.rows_in_span()

    def changed_columns(self, row: int) -> list[int] | None:
        """The columns of an announced ``row`` that look different from before it was.

        Only a tick's own cells change (a price, its change, the time), where the symbol,
        the 24h high and low and the alert distance mostly stay. ``None`` when there is
        nothing to compare with: repaint the whole row. Asking again returns ``None``.
        """
        symbol = self.symbol_at(row)
        return None if symbol is None else self._paints.changed_columns(symbol)

    def paint_at(self, index: Index) -> Paint | None:
        """``Role.PaintRole`` for a delegate that holds this model: no QVariant round trip."""
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._symbols) or not 0 <= col < _COLUMNS:
            return None
        return self._paints.paint(self._symbols[row], col)

    # -- Qt model API -------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMNS:
            return None
        return header_data(section, role, alerts_present=self._alerts_present)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def data(self, index: Index, role: int = DISPLAY) -> object:
        row = index.row()
        col = index.column()
        if not index.isValid() or row >= len(self._symbols) or col >= _COLUMNS:
            return None
        return self._cells.data(self._symbols[row], col, role)

    # -- rows following the watchlist ----------------------------------------------

    def _can_drop(self) -> bool:
        return self._order.rows.manual  # rows in a sorted order have no place in the user's own

    def _drop_order(self, order: list[str]) -> None:
        self._watchlist.set_order(order)

    def _set_symbols_initial(self, symbols: list[str]) -> None:
        self._symbols = self._order.set_manual(symbols)
        self._reindex()
        now = self._clock()
        for symbol in self._symbols:
            self._row_entered(symbol, now)
        self._live.set_watching(bool(self._symbols))

    def _row_entered(self, symbol: str, now: float) -> None:
        self._live.track(symbol, now)

    def _row_left(self, symbol: str) -> None:
        self._order.rows.forget((symbol,))
        self._texts.forget(symbol)
        self._paints.forget(symbol)
        self._live.forget(symbol)

    def _on_symbols_changed(self, symbols: list[str]) -> None:
        new = self._order.set_manual(symbols)  # the rows as they are to be shown
        self._apply_steps(new, self._clock())
        self._pinned &= set(new)
        self._live.set_watching(bool(self._symbols))
        self._update_alerts_present()

    def _update_alerts_present(self) -> None:
        present = self._texts.alerts_present(self._symbols)
        if present != self._alerts_present:
            self._alerts_present = present
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, Column.ALERT, Column.ALERT)

    def _on_pins_changed(self, pins: list[str]) -> None:
        new = set(pins)
        flipped = self._rows_of(new ^ self._pinned)
        self._pinned.clear()
        self._pinned.update(new)
        self._changed(flipped, Column.SYMBOL, Column.SYMBOL)

    # -- sorting --------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows sorted by ``column``'s ``Role.SortRole`` values; −1: the
        watchlist's own order. One move or layout change, only if the order moved."""
        self._order.sort_by(column, order)

    def sort_column(self) -> int:
        """The column the rows are sorted by; −1 for the watchlist's own order."""
        return self._order.rows.column

    def _resort(self, target: list[str]) -> None:
        if target != self._symbols:
            self._apply_steps(target, self._clock())

    # -- what changed ---------------------------------------------------------------

    def _on_quotes_changed(self, symbols: list[str]) -> None:
        row_of, forget = self._row, self._texts.forget
        shown = [s for s in symbols if s in row_of]
        for symbol in shown:
            forget(symbol)  # built again when next painted
        self._live.take_quotes(shown)
        self._changed([row_of[s] for s in shown])
        self._order.changed(symbols)

    def _on_marks_arrived(self, symbols: list[str]) -> None:
        self._order.changed(symbols, FUNDING_COLUMNS, resort=self._funding.ticking)

    def _on_funding_cells_changed(self, symbols: list[str]) -> None:
        self._changed(self._rows_of(symbols), Column.MARK, Column.BASIS)

    def _on_countdown_moved(self, symbols: list[str]) -> None:
        col = Column.NEXT_FUNDING
        self._announcer.announce(self._rows_of(symbols), col, col, [DISPLAY, TOOLTIP])

    def _on_stale_flipped(self, symbols: list[str]) -> None:
        self._changed(self._rows_of(symbols))

    def _on_flash_stepped(self, symbols: list[str]) -> None:
        # Only a repaint: the cells stay as they are.
        roles = [BACKGROUND, int(Role.FlashRole)]
        self._announcer.announce(self._rows_of(symbols), Column.LAST, Column.LAST, roles)

    def _on_history_changed(self, symbols: list[str]) -> None:
        # Painted from the history when drawn: the row's other cells stay as built.
        self._announcer.announce(self._rows_of(symbols), Column.TREND, Column.RANGE)
        self._order.changed(symbols, (Column.TREND,))

    def _changed(self, rows: Iterable[int], first: int = 0, last: int = _COLUMNS - 1) -> None:
        """These rows' cells changed: draw them afresh and announce them."""
        rows = list(rows)
        symbols = self._symbols
        self._paints.changed([symbols[row] for row in rows])
        self._announcer.announce(rows, first, last)
