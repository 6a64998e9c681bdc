"""The watchlist as a table: one row per watched symbol, columns from its latest mini ticker.

A thin adapter between ``Watchlist`` + ``QuoteBook`` and Qt views. Row changes follow
``Watchlist.symbolsChanged`` as inserts, removals and moves (never a reset), quote
changes arrive as the book's coalesced ``quotesChanged`` and leave as one
``dataChanged`` per contiguous block of rows.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from enum import IntEnum
from functools import partial
from typing import Any, Final, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.exchange.alert_engine import AlertLevel
from desktop.exchange.alerts import describe_rule
from desktop.exchange.display import format_percent, format_price
from desktop.exchange.ticker import MiniTicker
from desktop.qt.colors import Colors, Swatch, tabular_font
from desktop.qt.history import PriceHistory
from desktop.qt.quotes import QuoteBook
from desktop.qt.roles import ALIGN, BACKGROUND, DISPLAY, FONT, FOREGROUND, LEFT, RIGHT, TOOLTIP
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_cells import (
    DASH,
    QUOTE_SORT_KEYS,
    WAITING,
    Cells,
    Column,
    build_cells,
    clock_text,
    format_age,
    waiting_cells,
)
from desktop.qt.watchlist_order import RowOrder

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

#: MIME type of dragged watchlist rows: the symbols, one per line.
MIME_SYMBOLS: Final = "application/x-miniticker-symbols"


class Role(IntEnum):
    """Custom data roles of ``WatchlistModel``."""

    SortRole = int(Qt.ItemDataRole.UserRole)  # float / str / None: what views sort by
    SymbolRole = SortRole + 1  # str: the row's symbol (any column)
    StaleRole = SortRole + 2  # bool: no push for more than three cadences
    DirectionRole = SortRole + 3  # int: last tick +1 up, −1 down, 0 none
    FlashRole = SortRole + 4  # float: 0..1 intensity of the Last cell's tick flash
    ExactRole = SortRole + 5  # str | None: the exchange's own digits for the cell
    KnownRole = SortRole + 6  # bool: the catalog lists the symbol as trading (or is empty)
    PinnedRole = SortRole + 7  # bool: pinned to the tray
    TrendRole = SortRole + 8  # history.Trend | None: the last hour, normalised for painting
    RangeRole = SortRole + 9  # float | None: last price between the 24h low (0) and high (1)
    BadgeRole = SortRole + 10  # int: +1 fresh new 24h high, −1 fresh new low, 0 none
    PaintRole = SortRole + 11  # Paint: everything a text cell's delegate draws, in one call


HEADERS: Final[dict[Column, tuple[str, str]]] = {
    Column.SYMBOL: ("Symbol", "Contract symbol; bold = pinned to the tray"),
    Column.LAST: ("Last", "Last price"),
    Column.CHANGE: ("24h Change", "Change against the price 24 hours ago"),
    Column.CHANGE_PERCENT: ("24h Change %", "Change against the price 24 hours ago, in percent"),
    Column.HIGH: ("24h High", "Highest price of the last 24 hours"),
    Column.LOW: ("24h Low", "Lowest price of the last 24 hours"),
    Column.BASE_VOLUME: ("Volume", "24h volume in the base asset"),
    Column.QUOTE_VOLUME: ("Volume (quote)", "24h volume in the quote asset (turnover)"),
    Column.UPDATED: ("Updated", "Local time of the last update"),
    Column.TREND: ("1h", "The last hour of prices, one point a minute"),
    Column.RANGE: (
        "24h Range",
        "Where the last price sits between the 24h low and high;"
        " ▲H / ▼L mark a new 24h high or low",
    ),
    Column.ALERT: ("To alert", "How far the price is from the nearest alert it would cross"),
}
_COLUMNS: Final = len(Column)


class Paint(NamedTuple):
    """A text cell as drawn: ``Role.PaintRole``'s value (see ``ui.delegates.TextDelegate``)."""

    text: str
    foreground: QColor | None  # None: the palette's text colour
    background: QColor | None  # None: the row's own background
    font: QFont
    alignment: Qt.AlignmentFlag


class _Drawn(NamedTuple):
    """A row as last built for painting: its cells, and where its range mark sits."""

    cells: list[Paint]
    range_position: float | None


_PAINT: Final = int(Role.PaintRole)
# More separate blocks of changed rows than this are announced as one span (unless the
# view needs exact rows: ``WatchlistModel.set_exact_rows``).
_SPAN_ABOVE: Final = 8
_ALERT_ROLES: Final = frozenset({DISPLAY, TOOLTIP, int(Role.SortRole), int(Role.ExactRole)})
#: Where a symbol's nearest alert fires: ``(symbol, last price, 24h open) → level``.
AlertLevels = Callable[[str, Decimal, Decimal], AlertLevel | None]
ROW_FLAGS: Final = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemNeverHasChildren
    | Qt.ItemFlag.ItemIsDragEnabled
)


def _foreground_of(swatch: Swatch, muted: bool, cells: Cells, col: int) -> QBrush | None:
    """A cell's text colour: muted for stale, unknown or empty, green/red for the change."""
    if muted:
        return swatch.muted
    if col != Column.SYMBOL and cells.display[col] == DASH:
        return swatch.muted
    if col in (Column.CHANGE, Column.CHANGE_PERCENT) and cells.sign:
        return swatch.up if cells.sign > 0 else swatch.down
    return None


def _no_key(symbol: str) -> None:
    return None


def contiguous_blocks(rows: Iterable[int]) -> list[tuple[int, int]]:
    """``[5, 1, 2, 3, 7]`` → ``[(1, 3), (5, 5), (7, 7)]``: runs of adjacent rows, inclusive."""
    blocks: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if blocks and blocks[-1][1] == row - 1:
            blocks[-1] = (blocks[-1][0], row)
        else:
            blocks.append((row, row))
    return blocks


class WatchlistModel(QAbstractTableModel):
    """Rows of ``Watchlist.symbols()``, cells from ``QuoteBook`` quotes.

    Besides the usual roles it serves ``Role`` values (numeric sort keys, stale flag,
    tick direction, flash intensity, exact digits). Two timers keep the look honest:
    a 1 s check that re-greys rows whose stream went quiet (``dataChanged`` only for
    rows whose stale state flipped), and a three-step fade of the Last cell after an up
    or down tick that runs only while some flash is visible.

    Rows can be reordered by drag and drop; a drop becomes ``Watchlist.set_order``.
    Sorted by a column (``sort``), the rows are in that order instead; sorted by a
    column that moves with prices, they are re-sorted at most once per ``resort_ms``
    while values change, so rows do not jump about faster than anyone can read them.

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
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._watchlist = watchlist
        self._book = book
        self._clock = clock
        self._flash_seconds = flash_seconds
        self._flash_enabled = True
        self._colors = Colors()
        plain = tabular_font()
        self._fonts: dict[tuple[bool, bool], QFont] = {}
        for bold in (False, True):
            for italic in (False, True):
                font = QFont(plain)
                font.setBold(bold)
                font.setItalic(italic)
                self._fonts[bold, italic] = font

        self._symbols: list[str] = []  # rows, in display order
        self._manual: list[str] = []  # the same symbols in the watchlist's own order
        self._row: dict[str, int] = {}
        self._order = RowOrder(self._sort_keys, static_columns=(Column.SYMBOL,))
        self._cells: dict[str, Cells] = {}
        self._stale: dict[str, bool] = {}
        self._seen_tick: dict[str, float] = {}
        self._flash: dict[str, tuple[int, float]] = {}  # symbol → (direction, start)
        self._pinned: set[str] = set(watchlist.pins())

        self._stale_timer = QTimer(self)
        self._stale_timer.setInterval(stale_check_ms)
        self._stale_timer.timeout.connect(self.check_stale)
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(flash_interval_ms)
        self._flash_timer.timeout.connect(self._animate_flash)
        self._resort_timer = QTimer(self)
        self._resort_timer.setSingleShot(True)
        self._resort_timer.setInterval(resort_ms)
        self._resort_timer.timeout.connect(self._resort)

        self._set_symbols_initial(watchlist.symbols())
        watchlist.symbolsChanged.connect(self._on_symbols_changed)
        watchlist.pinsChanged.connect(self._on_pins_changed)
        book.quotesChanged.connect(self._on_quotes_changed)
        self._history: PriceHistory | None = None
        self._alert_levels: AlertLevels | None = None
        self._level_cache: dict[str, tuple[MiniTicker, AlertLevel | None]] = {}
        self._paints: dict[str, _Drawn] = {}  # symbol → its row as drawn
        # Rows announced since they were last built, as they were built then: what a view
        # compares with to repaint only the cells that changed (``changed_columns``).
        self._drawn_before: dict[str, _Drawn] = {}
        self._paint_swatch: object = None
        self._exact_rows = False
        #: While a ``dataChanged`` spans scattered rows: the rows in it that changed.
        self.span_rows: frozenset[int] | None = None
        if history is not None:
            self.set_history(history)

    # -- public helpers ------------------------------------------------------------

    @property
    def watchlist(self) -> Watchlist:
        return self._watchlist

    def symbols(self) -> list[str]:
        return list(self._symbols)

    def symbol_at(self, row: int) -> str | None:
        return self._symbols[row] if 0 <= row < len(self._symbols) else None

    def row_of(self, symbol: str) -> int:
        """Row of ``symbol``, or −1."""
        return self._row.get(symbol, -1)

    def flash_active(self) -> bool:
        """True while the fade timer runs (some Last cell is still flashing)."""
        return self._flash_timer.isActive()

    def set_flash_enabled(self, enabled: bool) -> None:
        """Turn tick flashes on or off (e.g. for people who prefer reduced motion)."""
        self._flash_enabled = enabled
        if not enabled and self._flash:
            rows = [self._row[s] for s in self._flash if s in self._row]
            self._flash.clear()
            self._flash_timer.stop()
            self._emit_blocks(rows, Column.LAST, Column.LAST)

    def set_exact_rows(self, exact: bool) -> None:
        """Announce changed rows exactly, block by block, instead of as one span.

        A filtering proxy re-filters every row a ``dataChanged`` covers (each through a
        Python ``data`` call), so it must hear only the rows that changed; an unfiltered
        view is served faster by one span.
        """
        self._exact_rows = exact

    def set_history(self, history: PriceHistory) -> None:
        """Take sparklines and new-high/low badges from ``history``."""
        if self._history is not None:
            self._history.trendsChanged.disconnect(self._on_history_changed)
            self._history.badgesChanged.disconnect(self._on_history_changed)
        self._history = history
        history.trendsChanged.connect(self._on_history_changed)
        history.badgesChanged.connect(self._on_history_changed)
        if self._symbols:
            self._emit_blocks(range(len(self._symbols)), Column.TREND, Column.RANGE)

    def _on_history_changed(self, symbols: list[str]) -> None:
        # Painted from the history when drawn: the row's other cells stay as built.
        rows = [self._row[s] for s in symbols if s in self._row]
        self._emit_blocks(rows, Column.TREND, Column.RANGE, changed=False)
        if self._order.column == Column.TREND:
            self._order.forget(symbols)
            self._schedule_resort()

    def _trend_tooltip(self, symbol: str) -> str:
        trend = self._history.trend(symbol) if self._history is not None else None
        if trend is None:
            return "The last hour appears here once prices arrive"
        decimals = None
        contract = self._watchlist.catalog.get(symbol)
        if contract is not None:
            decimals = contract.price_decimals
        return (
            f"Last hour {format_percent(trend.change_percent)}\n"
            f"low {format_price(trend.low, decimals)} · high {format_price(trend.high, decimals)}"
        )

    def set_alert_levels(self, levels: AlertLevels | None) -> None:
        """Fill the To alert column from ``levels`` (``AlertCenter.nearest_level``)."""
        self._alert_levels = levels
        self.refresh_alerts()

    def refresh_alerts(self) -> None:
        """The alert rules changed: re-read the To alert column of every row."""
        self._level_cache.clear()
        if self._symbols:
            self._emit_blocks(range(len(self._symbols)), Column.ALERT, Column.ALERT)
        if self._order.column == Column.ALERT:
            self._order.forget_all()
            self._schedule_resort()

    def _alert_data(self, symbol: str, role: int) -> Any:
        level = self._alert_level(symbol)
        if level is None:
            return "" if role == DISPLAY else None
        contract = self._watchlist.catalog.get(symbol)
        decimals = contract.price_decimals if contract is not None else None
        if role == DISPLAY:
            return level.text(decimals)
        if role == TOOLTIP:
            rule = describe_rule(level.rule, decimals)
            return f"Nearest alert: {symbol} {rule}\n{level.text(decimals)}"
        if role == Role.SortRole:
            return float(abs(level.percent))
        return f"{level.target:f}"  # ExactRole

    def _alert_level(self, symbol: str) -> AlertLevel | None:
        """The nearest alert's level, worked out once per quote (not once per paint)."""
        quote = self._book.quote(symbol)
        if quote is None or self._alert_levels is None:
            return None
        cached = self._level_cache.get(symbol)
        if cached is not None and cached[0] is quote.ticker:
            return cached[1]
        level = self._alert_levels(symbol, quote.ticker.close, quote.ticker.open)
        self._level_cache[symbol] = (quote.ticker, level)
        return level

    def refresh(self) -> None:
        """Re-render every row, e.g. after the contract catalog was (re)loaded."""
        self._cells.clear()
        if self._symbols:
            self._emit_blocks(range(len(self._symbols)))

    # -- Qt model API -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._symbols)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMNS:
            return None
        if role == DISPLAY:
            return HEADERS[Column(section)][0]
        if role == TOOLTIP:
            return HEADERS[Column(section)][1]
        if role == ALIGN:
            return LEFT if section == Column.SYMBOL else RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return ROW_FLAGS

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        row = index.row()
        col = index.column()
        if not index.isValid() or row >= len(self._symbols) or col >= _COLUMNS:
            return None
        symbol = self._symbols[row]
        if role == _PAINT:
            return self._paint(symbol, col)
        if col == Column.ALERT and role in _ALERT_ROLES:
            return self._alert_data(symbol, role)
        if role == DISPLAY:
            return self._cells_of(symbol).display[col]
        if role == ALIGN:
            return LEFT if col == Column.SYMBOL else RIGHT
        if role == FONT:
            bold = col == Column.SYMBOL and symbol in self._pinned
            return self._fonts[bold, self._stale.get(symbol, False)]
        if role == FOREGROUND:
            return self._foreground(symbol, col)
        if role == BACKGROUND:
            return self._flash_brush(symbol) if col == Column.LAST else None
        if role == TOOLTIP:
            return self._tooltip(symbol, col)
        if role < Role.SortRole:
            return None
        if role == Role.SortRole:
            if col == Column.TREND:
                return self._trend_key(symbol)
            return self._cells_of(symbol).sort[col]
        if role == Role.SymbolRole:
            return symbol
        if role == Role.StaleRole:
            return self._stale.get(symbol, False)
        if role == Role.DirectionRole:
            quote = self._book.quote(symbol)
            return quote.direction if quote is not None else 0
        if role == Role.FlashRole:
            return self._flash_intensity(symbol)
        if role == Role.ExactRole:
            return self._cells_of(symbol).exact[col]
        if role == Role.KnownRole:
            return self._known(symbol)[0]
        if role == Role.PinnedRole:
            return symbol in self._pinned
        if role == Role.TrendRole:
            return self._history.trend(symbol) if self._history is not None else None
        if role == Role.RangeRole:
            return self._cells_of(symbol).range_position
        if role == Role.BadgeRole:
            return self._history.badge(symbol) if self._history is not None else 0
        return None

    # -- drag and drop: reorder the manual order --------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_SYMBOLS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        text = "\n".join(self._symbols[r] for r in rows if r < len(self._symbols))
        mime = QMimeData()
        mime.setData(MIME_SYMBOLS, text.encode("utf-8"))
        mime.setText(text)  # dropping rows into a text editor gives the symbols
        return mime

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_SYMBOLS):
            return False
        if not self._order.manual:
            return False  # rows in a sorted order have no place in the user's own order
        raw = bytes(data.data(MIME_SYMBOLS).data()).decode("utf-8", "replace")
        moving = [s for s in dict.fromkeys(raw.split("\n")) if s in self._row]
        if not moving:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._symbols)
        row = max(0, min(row, len(self._symbols)))
        moved = set(moving)
        before = [s for s in self._symbols[:row] if s not in moved]
        after = [s for s in self._symbols[row:] if s not in moved]
        self._watchlist.set_order(before + moving + after)
        # Qt removes the dragged rows after a successful MoveAction drop unless the
        # model refuses removeRows — which this model does (QAbstractItemModel's default).
        return True

    # -- rows following the watchlist ----------------------------------------------

    def _set_symbols_initial(self, symbols: list[str]) -> None:
        self._manual = list(dict.fromkeys(symbols))
        self._symbols = self._order.arrange(self._manual)
        self._reindex()
        now = self._clock()
        for symbol in self._symbols:
            self._track(symbol, now)
        self._update_stale_timer()

    def _track(self, symbol: str, now: float) -> None:
        quote = self._book.quote(symbol)
        self._seen_tick[symbol] = quote.ticked_at if quote is not None else 0.0
        self._stale[symbol] = self._compute_stale(symbol, now)

    def _forget(self, symbol: str) -> None:
        self._order.forget((symbol,))
        self._cells.pop(symbol, None)
        self._paints.pop(symbol, None)
        self._drawn_before.pop(symbol, None)
        self._stale.pop(symbol, None)
        self._seen_tick.pop(symbol, None)
        self._flash.pop(symbol, None)

    def _reindex(self) -> None:
        self._row = {s: i for i, s in enumerate(self._symbols)}

    def _on_symbols_changed(self, symbols: list[str]) -> None:
        self._manual = list(dict.fromkeys(symbols))
        new = self._order.arrange(self._manual)  # the rows as they are to be shown
        new_set = set(new)
        # 1. removals, as contiguous blocks from the bottom up
        gone = [i for i, s in enumerate(self._symbols) if s not in new_set]
        for first, last in reversed(contiguous_blocks(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            for symbol in self._symbols[first : last + 1]:
                self._forget(symbol)
            del self._symbols[first : last + 1]
            self.endRemoveRows()
        # 2. moves among the survivors
        kept = set(self._symbols)
        self._reorder([s for s in new if s in kept])
        # 3. insertions, as contiguous blocks
        now = self._clock()
        i = 0
        while i < len(new):
            if i < len(self._symbols) and self._symbols[i] == new[i]:
                i += 1
                continue
            j = i
            while j < len(new) and new[j] not in kept:
                j += 1
            if j == i:  # cannot happen after _reorder; never leave the view inconsistent
                log.error("watchlist diff went wrong; resetting the model")
                self._reset(new)
                return
            self.beginInsertRows(QModelIndex(), i, j - 1)
            self._symbols[i:i] = new[i:j]
            for symbol in new[i:j]:
                self._track(symbol, now)
            self._reindex()
            self.endInsertRows()
            i = j
        self._reindex()
        self._pinned &= new_set
        self._update_stale_timer()

    def _reset(self, symbols: list[str]) -> None:
        self.beginResetModel()
        for symbol in self._symbols:
            self._forget(symbol)
        self._set_symbols_initial(symbols)
        self.endResetModel()

    def _reorder(self, target: list[str]) -> None:
        """Bring ``self._symbols`` into ``target`` order: a single row move when one row
        moved (what a drag does), else one layout change that keeps persistent indexes."""
        current = self._symbols
        if current == target:
            return
        first = next(i for i, (a, b) in enumerate(zip(current, target, strict=True)) if a != b)
        last = len(current) - 1
        while current[last] == target[last]:
            last -= 1
        if target[first : last + 1] == [*current[first + 1 : last + 1], current[first]]:
            source, destination = first, last + 1  # row ``first`` moved down
        elif target[first : last + 1] == [current[last], *current[first:last]]:
            source, destination = last, first  # row ``last`` moved up
        else:
            self._relayout(target)
            return
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        self._symbols[:] = target
        self._reindex()
        self.endMoveRows()

    def _relayout(self, target: list[str]) -> None:
        self.layoutAboutToBeChanged.emit()
        new_row = {s: i for i, s in enumerate(target)}
        old = self.persistentIndexList()
        new = [self.createIndex(new_row[self._symbols[p.row()]], p.column()) for p in old]
        self._symbols[:] = target
        self._reindex()
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _on_pins_changed(self, pins: list[str]) -> None:
        new = set(pins)
        flipped = [self._row[s] for s in new ^ self._pinned if s in self._row]
        self._pinned = new
        self._emit_blocks(flipped, Column.SYMBOL, Column.SYMBOL)

    # -- sorting --------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows sorted by ``column``'s ``Role.SortRole`` values; −1: the
        watchlist's own order. One move or layout change, only if the order moved."""
        self._order.sort_by(column, order)
        self._resort_timer.stop()
        self._resort()

    def sort_column(self) -> int:
        """The column the rows are sorted by; −1 for the watchlist's own order."""
        return self._order.column

    def _schedule_resort(self) -> None:
        if not self._resort_timer.isActive():
            self._resort_timer.start()

    def _resort(self) -> None:
        self._reorder(self._order.arrange(self._manual))

    def _sort_keys(self, col: int) -> Callable[[str], Any]:
        """symbol → ``Role.SortRole`` of its cell in ``col``, cheaply where a quote decides it."""
        if col == Column.SYMBOL:
            return str.casefold
        if col == Column.TREND:
            return self._trend_key
        if col == Column.ALERT:
            return partial(self._alert_data, role=int(Role.SortRole))
        quote_of, of_quote = self._book.quote, QUOTE_SORT_KEYS.get(col)
        if of_quote is None:
            return _no_key

        def key(symbol: str) -> Any:
            quote = quote_of(symbol)
            return None if quote is None else of_quote(quote)

        return key

    def _trend_key(self, symbol: str) -> float | None:
        trend = self._history.trend(symbol) if self._history is not None else None
        if trend is None or trend.change_percent is None:
            return None
        return float(trend.change_percent)

    # -- quotes, staleness and flashes ---------------------------------------------

    def _on_quotes_changed(self, symbols: list[str]) -> None:
        # The hot path at the full market (hundreds of symbols a read): plain locals and
        # the staleness test inline; ``_compute_stale`` says the same in one place.
        now = self._clock()
        row_of, quote_of = self._row, self._book.quote
        cells, stale, seen, flash = self._cells, self._stale, self._seen_tick, self._flash
        stale_after = self._book.stale_after
        flash_enabled = self._flash_enabled
        rows: list[int] = []
        flashing = False
        for symbol in symbols:
            row = row_of.get(symbol)
            if row is None:
                continue
            rows.append(row)
            cells.pop(symbol, None)  # built again when next painted
            quote = quote_of(symbol)
            if quote is None:
                stale[symbol] = False
                continue
            stale[symbol] = quote.from_snapshot or now - quote.received > stale_after
            if quote.ticked_at != seen.get(symbol):
                seen[symbol] = quote.ticked_at
                if flash_enabled and quote.direction:
                    flash[symbol] = (quote.direction, now)
                    flashing = True
        self._emit_blocks(rows)
        if flashing and not self._flash_timer.isActive():
            self._flash_timer.start()
        if self._order.live:
            self._order.forget(symbols)
            self._schedule_resort()

    def check_stale(self) -> None:
        """Re-evaluate staleness; ``dataChanged`` only for rows whose state flipped."""
        now = self._clock()
        flipped: list[int] = []
        for row, symbol in enumerate(self._symbols):
            stale = self._compute_stale(symbol, now)
            if stale != self._stale.get(symbol):
                self._stale[symbol] = stale
                flipped.append(row)
        self._emit_blocks(flipped)

    def _compute_stale(self, symbol: str, now: float) -> bool:
        return self._book.quote(symbol) is not None and self._book.is_stale(symbol, now)

    def _update_stale_timer(self) -> None:
        if self._symbols and not self._stale_timer.isActive():
            self._stale_timer.start()
        elif not self._symbols:
            self._stale_timer.stop()

    def _flash_intensity(self, symbol: str) -> float:
        entry = self._flash.get(symbol)
        if entry is None or self._flash_seconds <= 0:
            return 0.0
        return max(0.0, 1.0 - (self._clock() - entry[1]) / self._flash_seconds)

    def _animate_flash(self) -> None:
        now = self._clock()
        rows: list[int] = []
        # Over at the step nearest its end: a timer firing a little early must not
        # cost a step that only clears an invisible tint.
        over = self._flash_seconds - self._flash_timer.interval() / 2000
        for symbol, (_, start) in list(self._flash.items()):
            row = self._row.get(symbol)
            if row is not None:
                rows.append(row)
            if row is None or now - start >= over:
                del self._flash[symbol]
        if not self._flash:
            self._flash_timer.stop()
        roles = [BACKGROUND, int(Role.FlashRole)]
        self._emit_blocks(rows, Column.LAST, Column.LAST, roles, changed=False)

    def _emit_blocks(
        self,
        rows: Iterable[int],
        first_column: int = 0,
        last_column: int = _COLUMNS - 1,
        roles: list[int] | None = None,
        *,
        changed: bool = True,
    ) -> None:
        """One ``dataChanged`` per contiguous block of ``rows``.

        ``changed=False`` only repaints (the flash fading): the cells stay as they are.
        Named ``roles`` that no proxy sorts or filters by go out as one span whatever
        the blocks: a proxy passes them on without re-sorting.
        """
        rows = list(rows)
        if rows and changed:
            # Whatever is announced has changed: its cells are drawn afresh, and a view
            # can ask which of them look different from before (``changed_columns``).
            symbols = self._symbols
            paints, before = self._paints, self._drawn_before
            for row in rows:
                drawn = paints.pop(symbols[row], None)
                if drawn is not None:
                    before[symbols[row]] = drawn
        blocks = contiguous_blocks(rows)
        scattered = len(blocks) > _SPAN_ABOVE and not self._exact_rows
        if scattered or (roles is not None and len(blocks) > 1):
            # Scattered rows (a read of the full market): one span is one pass through
            # the proxy, where a block each cost ~4 µs apiece. A view that repaints
            # only what changed finds the rows in ``span_rows`` while it is announced.
            first, last = blocks[0][0], blocks[-1][1]
            self.span_rows = frozenset(rows)
            try:
                self._emit_span(first, last, first_column, last_column, roles)
            finally:
                self.span_rows = None
            return
        for first, last in blocks:
            self._emit_span(first, last, first_column, last_column, roles)

    def _emit_span(
        self, first: int, last: int, first_column: int, last_column: int, roles: list[int] | None
    ) -> None:
        top_left = self.createIndex(first, first_column)
        bottom_right = self.createIndex(last, last_column)
        if roles is None:
            self.dataChanged.emit(top_left, bottom_right)
        else:
            self.dataChanged.emit(top_left, bottom_right, roles)

    # -- presentation ---------------------------------------------------------------

    def changed_columns(self, row: int) -> list[int] | None:
        """The columns of an announced ``row`` that look different from before it was.

        For a view that repaints cell by cell: the row is built for painting now (its
        repaint would build it anyway) and compared with the build it replaced. Only a
        tick's own cells change (a price, its change, the time), where the symbol, the
        24h high and low and the alert distance mostly stay. ``None`` when there is
        nothing to compare with: repaint the whole row. Asking again returns ``None``.
        """
        symbol = self.symbol_at(row)
        if symbol is None:
            return None
        before = self._drawn_before.pop(symbol, None)
        if before is None:
            return None
        self._paint(symbol, Column.SYMBOL)  # builds the row, or forgets every build
        now = self._paints.get(symbol)
        if now is None:
            return None
        columns = [
            c for c, (a, b) in enumerate(zip(now.cells, before.cells, strict=True)) if a != b
        ]
        if now.range_position != before.range_position and Column.RANGE not in columns:
            columns.append(Column.RANGE)
        return columns

    def paint_at(self, index: Index) -> Paint | None:
        """``Role.PaintRole`` for a delegate that holds this model: no QVariant round trip."""
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._symbols) or not 0 <= col < _COLUMNS:
            return None
        return self._paint(self._symbols[row], col)

    def _paint(self, symbol: str, col: int) -> Paint:
        """One cell as its delegate draws it, remembered until its row is announced again."""
        swatch = self._colors.swatch()
        if swatch is not self._paint_swatch:  # the palette changed: every colour with it
            self._paint_swatch = swatch
            self._paints.clear()
            self._drawn_before.clear()
        row = self._paints.get(symbol)
        if row is None:
            row = self._paints[symbol] = self._build_paints(symbol, swatch)
        cell = row.cells[col]
        if col == Column.LAST:
            flash = self._flash_brush(symbol)
            if flash is not None:
                cell = cell._replace(background=flash.color())
        return cell

    def _flash_brush(self, symbol: str) -> QBrush | None:
        """The Last cell's background while a tick's flash fades, else None."""
        entry = self._flash.get(symbol)
        if entry is None:
            return None
        return self._colors.flash(entry[0], self._flash_intensity(symbol))

    def _build_paints(self, symbol: str, swatch: Swatch) -> _Drawn:
        """A row's cells as drawn: the same values the separate roles give, built at once."""
        cells = self._cells_of(symbol)
        stale = self._stale.get(symbol, False)
        muted = stale or not self._known(symbol)[0]
        plain, bold = self._fonts[False, stale], self._fonts[True, stale]
        pinned = symbol in self._pinned
        row: list[Paint] = []
        for col in range(_COLUMNS):
            alert = col == Column.ALERT
            text = self._alert_data(symbol, DISPLAY) if alert else cells.display[col]
            foreground = _foreground_of(swatch, muted, cells, col)
            row.append(
                Paint(
                    text,
                    None if foreground is None else foreground.color(),
                    None,  # the Last cell's flash is laid over when painted
                    bold if pinned and col == Column.SYMBOL else plain,
                    LEFT if col == Column.SYMBOL else RIGHT,
                )
            )
        return _Drawn(row, cells.range_position)

    def _cells_of(self, symbol: str) -> Cells:
        cells = self._cells.get(symbol)
        if cells is None:
            quote = self._book.quote(symbol)
            if quote is None:
                cells = waiting_cells(symbol)
            else:
                cells = build_cells(symbol, quote, self._watchlist.catalog.get(symbol))
            self._cells[symbol] = cells
        return cells

    def _known(self, symbol: str) -> tuple[bool, str]:
        """(usable, why not): the catalog lists ``symbol`` as trading, or is not loaded."""
        catalog = self._watchlist.catalog
        if not len(catalog):
            return True, ""
        contract = catalog.get(symbol)
        if contract is None:
            return False, f"Binance USD-M futures does not list {symbol}."
        if not contract.is_trading:
            return False, f"{symbol} is not trading: {contract.status}."
        return True, ""

    def _foreground(self, symbol: str, col: int) -> Any:
        muted = self._stale.get(symbol, False) or not self._known(symbol)[0]
        return _foreground_of(self._colors.swatch(), muted, self._cells_of(symbol), col)

    def _tooltip(self, symbol: str, col: int) -> str | None:
        lines: list[str] = []
        known, why = self._known(symbol)
        if not known:
            lines.append(why)
        quote = self._book.quote(symbol)
        now = self._clock()
        if quote is not None and self._stale.get(symbol, False):
            if quote.from_snapshot:
                lines.append(
                    f"snapshot from {clock_text(quote.received)} — waiting for the live stream"
                )
            else:
                lines.append(f"stale — no update for {format_age(now - quote.received)}")
        if col == Column.SYMBOL:
            lines.append(self._symbol_tooltip(symbol))
        elif col == Column.TREND:
            lines.append(self._trend_tooltip(symbol))
        elif quote is None:
            lines.append(WAITING)
        elif col == Column.UPDATED:
            lines.append(f"Updated {format_age(now - quote.received)} ago")
            lines.append(f"Exchange time {clock_text(quote.ticker.event_time / 1000, millis=True)}")
        else:
            lines.append(self._cells_of(symbol).tooltip[col])
        text = "\n".join(line for line in lines if line)
        return text or None

    def _symbol_tooltip(self, symbol: str) -> str:
        contract = self._watchlist.catalog.get(symbol)
        lines = [symbol]
        if contract is not None:
            kind = contract.contract_type.replace("_", " ").lower()
            lines.append(f"{contract.base_asset} / {contract.quote_asset} · {kind}")
        if symbol in self._pinned:
            lines.append("Pinned to the tray")
        return "\n".join(lines)
