"""The market's movers: top gainers, losers and quote volume, ranked from the quote book.

The book holds every symbol while the all-market stream (``!miniTicker@arr``) is on; the
rankings are recomputed at most once per ``refresh_ms`` on a timer that runs only while a
view shows them — never once per event — and from keys kept per symbol, recomputed only
for symbols whose quote changed, so the watchlist does not pay for them.
"""

from __future__ import annotations

import heapq
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, IntEnum
from itertools import groupby
from operator import itemgetter
from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from desktop.exchange.contracts import ContractCatalog
from desktop.exchange.display import (
    QUOTE_VOLUME_HEADER,
    QUOTE_VOLUME_TIP,
    abbreviate,
    format_percent,
    format_price,
    quote_volume_text,
)
from desktop.exchange.ticker import MiniTicker, float_change_percent
from desktop.qt.colors import Colors, tabular_font
from desktop.qt.quotes import QuoteBook
from desktop.qt.roles import ALIGN, CENTER, DISPLAY, FONT, FOREGROUND, LEFT, RIGHT, TOOLTIP
from desktop.qt.watchlist_speech import change_words, column_words, last_words, price_sentence
from desktop.wording import QT_TRANSLATE_NOOP  # typed: returns str

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex

DEFAULT_COUNT: Final = 10
DEFAULT_REFRESH_MS: Final = 1000
ADD_MARK: Final = "+"
WATCHED_MARK: Final = "✓"
_CONTEXT: Final = "MoversModel"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class MoverKind(Enum):
    """Which ranking a ``MoversModel`` shows."""

    GAINERS = QT_TRANSLATE_NOOP("MoversModel", "Top gainers")
    LOSERS = QT_TRANSLATE_NOOP("MoversModel", "Top losers")
    VOLUME = QT_TRANSLATE_NOOP("MoversModel", "Top quote volume")

    @property
    def title(self) -> str:
        """The ranking's name in the user's language."""
        return _tr(self.value)


class MoverColumn(IntEnum):
    ADD = 0
    SYMBOL = 1
    LAST = 2
    CHANGE_PERCENT = 3
    QUOTE_VOLUME = 4


class MoverRole(IntEnum):
    """Custom data roles of ``MoversModel``."""

    SymbolRole = int(Qt.ItemDataRole.UserRole)  # str: the row's symbol (any column)
    SortRole = SymbolRole + 1  # float / str: the cell as a number
    WatchedRole = SymbolRole + 2  # bool: already on the shown watchlist


#: Column titles and tooltips in English (translated where shown: ``header_title``).
HEADERS: Final[dict[MoverColumn, tuple[str, str]]] = {
    MoverColumn.ADD: (
        "",
        QT_TRANSLATE_NOOP("MoversModel", "Add to the watchlist (✓ = already on it)"),
    ),
    MoverColumn.SYMBOL: (
        QT_TRANSLATE_NOOP("MoversModel", "Symbol"),
        QT_TRANSLATE_NOOP("MoversModel", "Contract symbol"),
    ),
    MoverColumn.LAST: (
        QT_TRANSLATE_NOOP("MoversModel", "Last"),
        QT_TRANSLATE_NOOP("MoversModel", "Last price"),
    ),
    MoverColumn.CHANGE_PERCENT: (
        QT_TRANSLATE_NOOP("MoversModel", "24h %"),
        QT_TRANSLATE_NOOP("MoversModel", "Change against the price 24 hours ago"),
    ),
    MoverColumn.QUOTE_VOLUME: (QUOTE_VOLUME_HEADER, QUOTE_VOLUME_TIP),
}
# The exchange's texts above, marked here under this model's context too (same English).
QT_TRANSLATE_NOOP("MoversModel", "24h Quote Vol")
QT_TRANSLATE_NOOP(
    "MoversModel", "24h quote volume: the turnover, in the quote asset (USDT or USDC)"
)


def header_title(column: MoverColumn) -> str:
    """The column's title in the user's language ("" for the + column)."""
    title = HEADERS[column][0]
    return _tr(title) if title else ""


_COLUMNS: Final = len(MoverColumn)
_SPOKEN: Final = int(Qt.ItemDataRole.AccessibleTextRole)
_FLAGS: Final = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


#: What a ranking needs of one symbol, computed once per change of its quote: its 24 h
#: change percent (None when the open was zero) and its 24 h quote volume, as floats of
#: the exchange's strings, as the watchlist sorts (``QUOTE_SORT_KEYS``): ~0.5 µs a
#: symbol where two exact ``Decimal``s took ~8, and a refresh works out hundreds.
#: They differ from the exact values at most in the 16th digit, far below what is shown.
Keys = tuple[float | None, float]


def keys_of(ticker: MiniTicker) -> Keys:
    return float_change_percent(ticker), float(ticker.quote_volume_text)


def rank_keys(keys: Mapping[str, Keys], kind: MoverKind, count: int) -> list[str]:
    """The ``count`` first symbols of ``kind``'s order; ties go to the smaller symbol.

    Gainers by 24 h change percent, highest first; losers lowest first; volume by quote
    volume, highest first. A symbol without a percent (its 24 h open is zero) is left
    out of gainers and losers.
    """
    if kind is MoverKind.VOLUME:
        ranked = heapq.nsmallest(count, ((-v, s) for s, (_, v) in keys.items()))
    elif kind is MoverKind.GAINERS:
        ranked = heapq.nsmallest(count, ((-p, s) for s, (p, _) in keys.items() if p is not None))
    else:
        ranked = heapq.nsmallest(count, ((p, s) for s, (p, _) in keys.items() if p is not None))
    return [s for _, s in ranked]


def rank(
    tickers: Iterable[MiniTicker],
    kind: MoverKind,
    count: int,
    include: Callable[[str], bool] | None = None,
) -> list[MiniTicker]:
    """``rank_keys`` over tickers (those ``include`` accepts)."""
    chosen = {t.symbol: t for t in tickers if include is None or include(t.symbol)}
    keys = {s: keys_of(t) for s, t in chosen.items()}
    return [chosen[s] for s in rank_keys(keys, kind, count)]


@dataclass(frozen=True, slots=True)
class MoverRow:
    """One ranked symbol as shown; built once per new quote of a shown symbol, not per paint."""

    symbol: str
    last: str
    percent: str
    volume: str
    volume_exact: str
    sign: int
    percent_value: float | None
    volume_value: float
    last_value: float


def _row(ticker: MiniTicker, catalog: ContractCatalog) -> MoverRow:
    contract = catalog.get(ticker.symbol)
    decimals = contract.price_decimals if contract is not None else None
    quote_asset = contract.quote_asset if contract is not None else ""
    percent = ticker.change_percent
    return MoverRow(
        ticker.symbol,
        format_price(ticker.close, decimals),
        format_percent(percent),
        abbreviate(ticker.quote_volume),
        quote_volume_text(ticker.quote_volume, quote_asset),
        0 if percent is None else (percent > 0) - (percent < 0),
        float(percent) if percent is not None else None,
        float(ticker.quote_volume),
        float(ticker.close),
    )


class Movers(QObject):
    """Ranks the book's symbols for every ``MoverKind`` at most once per ``refresh_ms``.

    While active it notes which symbols' quotes changed (``QuoteBook.quotesChanged``) and,
    on its timer, recomputes only their ranking keys, then ranks all three kinds from the
    keys and hands each ``MoversModel`` its rows. Inactive, it listens to nothing. With a
    catalog, only trading contracts are ranked.

    Signals:
        refreshed(): the rankings were recomputed.
    """

    refreshed = Signal()

    def __init__(
        self,
        book: QuoteBook,
        *,
        count: int = DEFAULT_COUNT,
        refresh_ms: int = DEFAULT_REFRESH_MS,
        catalog: ContractCatalog | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._book = book
        self._count = count
        self._catalog = catalog if catalog is not None else ContractCatalog()
        self._keys: dict[str, Keys] = {}
        self._dirty: set[str] = set()
        self._shown: dict[str, tuple[MiniTicker, MoverRow]] = {}  # rows built last time
        self._active = False
        self.models = {kind: MoversModel(kind, self) for kind in MoverKind}
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)

    def set_active(self, active: bool) -> None:
        """Rank now and then every ``refresh_ms`` while ``active``; do nothing when not."""
        if active == self._active:
            return
        self._active = active
        if active:
            self._book.quotesChanged.connect(self._on_quotes)
            self._dirty = set(self._book.symbols())  # what changed while hidden
            self.refresh()
            self._timer.start()
        else:
            self._book.quotesChanged.disconnect(self._on_quotes)
            self._timer.stop()

    def is_active(self) -> bool:
        return self._active

    def set_catalog(self, catalog: ContractCatalog) -> None:
        self._catalog = catalog
        self._keys.clear()
        self._shown.clear()  # tick precision may have changed
        self._dirty = set(self._book.symbols())
        if self._active:
            self.refresh()

    def set_watched(self, symbols: Iterable[str]) -> None:
        """Symbols already on the shown watchlist (their "+" becomes "✓")."""
        watched = set(symbols)
        for model in self.models.values():
            model.set_watched(watched)

    def _on_quotes(self, symbols: list[str]) -> None:
        self._dirty.update(symbols)

    def refresh(self) -> None:
        """Rank now: new keys for the symbols that changed, then every kind."""
        book, catalog, keys = self._book, self._catalog, self._keys
        if not self._active:  # changes are not followed while inactive: look at them all
            self._dirty = set(book.symbols())
        listed = len(catalog) > 0
        for symbol in self._dirty:
            quote = book.quote(symbol)
            contract = catalog.get(symbol) if listed else None
            if quote is None or (listed and (contract is None or not contract.is_trading)):
                keys.pop(symbol, None)
            else:
                keys[symbol] = keys_of(quote.ticker)
        self._dirty.clear()
        shown: dict[str, tuple[MiniTicker, MoverRow]] = {}
        for kind, model in self.models.items():
            rows = []
            for symbol in rank_keys(keys, kind, self._count):
                quote = book.quote(symbol)
                if quote is None:
                    continue
                ticker = quote.ticker
                made = shown.get(symbol) or self._shown.get(symbol)
                if made is None or made[0] is not ticker:  # texts only for new quotes
                    made = (ticker, _row(ticker, catalog))
                shown[symbol] = made
                rows.append(made[1])
            model.set_rows(rows)
        self._shown = shown
        self.refreshed.emit()


def _changed_cells(before: MoverRow, after: MoverRow) -> tuple[int, int] | None:
    """The columns (first, last) of a row whose look changed from ``before``; None: none.

    A new symbol changes the whole row; otherwise the price, the percent (and its
    colour) and the abbreviated volume are compared as shown. A tooltip is asked for
    when it is shown, so it needs no repaint.
    """
    if before is after:
        return None
    if before.symbol != after.symbol:
        return 0, _COLUMNS - 1
    percent_moved = (before.percent, before.sign) != (after.percent, after.sign)
    changed = [
        column
        for column, differs in (
            (MoverColumn.LAST, before.last != after.last),
            (MoverColumn.CHANGE_PERCENT, percent_moved),
            (MoverColumn.QUOTE_VOLUME, before.volume != after.volume),
        )
        if differs
    ]
    return (changed[0], changed[-1]) if changed else None


class MoversModel(QAbstractTableModel):
    """One ranking (``kind``), as ``Movers`` computed it.

    Rows are positions in the ranking: a refresh that reorders symbols changes the rows'
    data (one ``dataChanged`` per block of changed rows), and rows are only inserted or
    removed at the end while fewer than the wanted count qualify.

    Signals: only ``QAbstractItemModel``'s.
    """

    def __init__(self, kind: MoverKind, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._rows: list[MoverRow] = []
        self._watched: set[str] = set()
        self._colors = Colors()
        self._font = tabular_font()

    def set_watched(self, symbols: Iterable[str]) -> None:
        """Symbols already on the shown watchlist (their "+" becomes "✓")."""
        watched = set(symbols)
        flipped = {r.symbol for r in self._rows} & (watched ^ self._watched)
        self._watched = watched
        for row, item in enumerate(self._rows):
            if item.symbol in flipped:
                index = self.index(row, MoverColumn.ADD)
                self.dataChanged.emit(index, index)

    def symbols(self) -> list[str]:
        return [r.symbol for r in self._rows]

    def symbol_at(self, row: int) -> str | None:
        return self._rows[row].symbol if 0 <= row < len(self._rows) else None

    def set_rows(self, rows: list[MoverRow]) -> None:
        """Show ``rows`` (the ranking, best first)."""
        self._apply(rows)

    def _apply(self, rows: list[MoverRow]) -> None:
        old = len(self._rows)
        new = len(rows)
        if new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            del self._rows[new:]
            self.endRemoveRows()
        kept = min(old, new)
        # Of each row still there, the cells that look different: a view repaints what
        # a dataChanged covers, and most refreshes move a price and a percent, not the
        # symbol (~130 µs a cell painted; three rankings of ten rows every second).
        spans = [(i, _changed_cells(self._rows[i], rows[i])) for i in range(kept)]
        self._rows[:kept] = rows[:kept]
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._rows.extend(rows[old:])
            self.endInsertRows()
        for cells, same in groupby(spans, key=itemgetter(1)):  # rows with the same cells
            if cells is not None:
                rows_of = [row for row, _ in same]
                left, right = cells
                self.dataChanged.emit(self.index(rows_of[0], left), self.index(rows_of[-1], right))

    # -- Qt model API ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMNS:
            return None
        if role == DISPLAY:
            return header_title(MoverColumn(section))
        if role == TOOLTIP:
            return _tr(HEADERS[MoverColumn(section)][1])
        if role == ALIGN:
            return LEFT if section == MoverColumn.SYMBOL else RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = DISPLAY) -> object:
        row, col = index.row(), index.column()
        if not index.isValid() or row >= len(self._rows) or col >= _COLUMNS:
            return None
        item = self._rows[row]
        watched = item.symbol in self._watched
        if role == DISPLAY:
            if col == MoverColumn.ADD:
                return WATCHED_MARK if watched else ADD_MARK
            return (None, item.symbol, item.last, item.percent, item.volume)[col]
        if role == ALIGN:
            if col == MoverColumn.ADD:
                return CENTER
            return LEFT if col == MoverColumn.SYMBOL else RIGHT
        if role == FONT:
            return self._font
        if role == FOREGROUND:
            swatch = self._colors.swatch()
            if col == MoverColumn.CHANGE_PERCENT and item.sign:
                return swatch.up if item.sign > 0 else swatch.down
            if col == MoverColumn.ADD and watched:
                return swatch.muted
            return None
        if role == TOOLTIP:
            if col == MoverColumn.ADD:
                return (
                    QCoreApplication.translate("MoversModel", "{symbol} is on the watchlist")
                    if watched
                    else QCoreApplication.translate("MoversModel", "Add {symbol} to the watchlist")
                ).format(symbol=item.symbol)
            if col == MoverColumn.QUOTE_VOLUME:
                return item.volume_exact
            return QCoreApplication.translate(
                "MoversModel", "{symbol} — double-click to add it to the watchlist"
            ).format(symbol=item.symbol)
        if role == MoverRole.SymbolRole:
            return item.symbol
        if role == MoverRole.SortRole:
            return (
                float(row),
                item.symbol,
                item.last_value,
                item.percent_value,
                item.volume_value,
            )[col]
        if role == MoverRole.WatchedRole:
            return watched
        if role == _SPOKEN:
            return self._spoken(index, item, col)
        return None

    def _spoken(self, index: Index, item: MoverRow, col: int) -> str | None:
        """What a screen reader names the cell (``watchlist_speech``): the row in words
        on its symbol, a column's name with its value, what the + / ✓ mark means."""
        if col == MoverColumn.ADD:
            return str(self.data(index, TOOLTIP))
        if col == MoverColumn.SYMBOL:
            return price_sentence(item.symbol, item.last, item.percent, stale=False)
        if col == MoverColumn.LAST:
            return last_words(item.last)
        if col == MoverColumn.CHANGE_PERCENT:
            return change_words(item.percent)
        return column_words(header_title(MoverColumn(col)), item.volume)
