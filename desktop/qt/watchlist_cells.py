"""Texts of the watchlist table's cells, built once per quote rather than once per paint.

Pure formatting on top of ``desktop.exchange.display``: exact exchange digits padded to
the contract's tick, volumes abbreviated with the exact figure for tooltips.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import IntEnum
from typing import Final

from PySide6.QtCore import QCoreApplication, Qt

from desktop.exchange.contracts import Contract
from desktop.exchange.display import (
    BASE_VOLUME_HEADER,
    BASE_VOLUME_TIP,
    QUOTE_VOLUME_HEADER,
    QUOTE_VOLUME_TIP,
    abbreviate,
    base_volume_text,
    format_change,
    format_exact,
    format_percent,
    format_price,
    quote_volume_text,
)
from desktop.exchange.ticker import change_percent, float_change_percent
from desktop.qt.quotes import Quote
from desktop.wording import QT_TRANSLATE_NOOP  # typed: returns str

DASH: Final = "—"
_CONTEXT: Final = "Watchlist"
#: English source; ``waiting_text()`` is what the Last column shows.
WAITING: Final = QT_TRANSLATE_NOOP("Watchlist", "waiting for price")  # fits the Last column


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def waiting_text() -> str:
    """The Last cell of a row without a price yet, in the user's language."""
    return _tr(WAITING)


class Column(IntEnum):
    """Columns of the watchlist table, in order (``WatchlistModel`` re-exports this)."""

    SYMBOL = 0
    LAST = 1
    CHANGE = 2
    CHANGE_PERCENT = 3
    HIGH = 4
    LOW = 5
    BASE_VOLUME = 6
    QUOTE_VOLUME = 7
    UPDATED = 8
    TREND = 9  # the last hour as a sparkline (painted by a delegate)
    RANGE = 10  # where the last price sits in the 24h range (painted by a delegate)
    ALERT = 11  # distance to the nearest price alert (served by the model from the rules)
    # Mark price and funding (served by the model from the mark book, watchlist_funding):
    MARK = 12
    INDEX = 13
    FUNDING = 14  # rate per period, coloured by who pays
    NEXT_FUNDING = 15  # a live countdown
    BASIS = 16  # last − index, for quarterlies


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
    ShownRole = SortRole + 12  # header, bool: the column has something to show (To alert)


HEADERS: Final[dict[Column, tuple[str, str]]] = {
    Column.SYMBOL: (
        QT_TRANSLATE_NOOP("Watchlist", "Symbol"),
        QT_TRANSLATE_NOOP(
            "Watchlist", "Contract symbol; a pin mark (and bold) = pinned to the tray"
        ),
    ),
    Column.LAST: (
        QT_TRANSLATE_NOOP("Watchlist", "Last"),
        QT_TRANSLATE_NOOP("Watchlist", "Last price"),
    ),
    Column.CHANGE: (
        QT_TRANSLATE_NOOP("Watchlist", "24h Change"),
        QT_TRANSLATE_NOOP("Watchlist", "Change against the price 24 hours ago"),
    ),
    Column.CHANGE_PERCENT: (
        QT_TRANSLATE_NOOP("Watchlist", "24h %"),
        QT_TRANSLATE_NOOP("Watchlist", "Change against the price 24 hours ago, in percent"),
    ),
    Column.HIGH: (
        QT_TRANSLATE_NOOP("Watchlist", "24h High"),
        QT_TRANSLATE_NOOP("Watchlist", "Highest price of the last 24 hours"),
    ),
    Column.LOW: (
        QT_TRANSLATE_NOOP("Watchlist", "24h Low"),
        QT_TRANSLATE_NOOP("Watchlist", "Lowest price of the last 24 hours"),
    ),
    Column.BASE_VOLUME: (BASE_VOLUME_HEADER, BASE_VOLUME_TIP),
    Column.QUOTE_VOLUME: (QUOTE_VOLUME_HEADER, QUOTE_VOLUME_TIP),
    Column.UPDATED: (
        QT_TRANSLATE_NOOP("Watchlist", "Updated"),
        QT_TRANSLATE_NOOP("Watchlist", "Local time of the last update"),
    ),
    Column.TREND: (
        QT_TRANSLATE_NOOP("Watchlist", "1h"),
        QT_TRANSLATE_NOOP("Watchlist", "The last hour of prices, one point a minute"),
    ),
    Column.RANGE: (
        QT_TRANSLATE_NOOP("Watchlist", "24h Range"),
        QT_TRANSLATE_NOOP(
            "Watchlist",
            "Where the last price sits between the 24h low and high;"
            " ▲H / ▼L mark a new 24h high or low",
        ),
    ),
    Column.ALERT: (
        QT_TRANSLATE_NOOP("Watchlist", "To alert"),
        QT_TRANSLATE_NOOP(
            "Watchlist",
            "How far the price is from the nearest armed alert; an alert the price is"
            " already past waits to re-arm",
        ),
    ),
    Column.MARK: (
        QT_TRANSLATE_NOOP("Watchlist", "Mark"),
        QT_TRANSLATE_NOOP("Watchlist", "Mark price: what liquidations and unrealised profit go by"),
    ),
    Column.INDEX: (
        QT_TRANSLATE_NOOP("Watchlist", "Index"),
        QT_TRANSLATE_NOOP("Watchlist", "Index price: the spot price the contract follows"),
    ),
    Column.FUNDING: (
        QT_TRANSLATE_NOOP("Watchlist", "Funding"),
        QT_TRANSLATE_NOOP(
            "Watchlist",
            "Funding rate per period; coloured by who pays (up colour: longs pay shorts)",
        ),
    ),
    Column.NEXT_FUNDING: (
        QT_TRANSLATE_NOOP("Watchlist", "Next funding"),
        QT_TRANSLATE_NOOP("Watchlist", "Time left until the next funding"),
    ),
    Column.BASIS: (
        QT_TRANSLATE_NOOP("Watchlist", "Basis"),
        QT_TRANSLATE_NOOP("Watchlist", "Quarterlies: last price − index price, and in %"),
    ),
}
"""Each column's (title, tooltip) in English: the source texts. ``header_title`` /
``header_tip`` give them in the user's language."""


def header_title(column: int) -> str:
    """Column ``column``'s title in the user's language."""
    return _tr(HEADERS[Column(column)][0])


def header_tip(column: int) -> str:
    """Column ``column``'s header tooltip in the user's language."""
    return _tr(HEADERS[Column(column)][1])


_FUNDING_BLANKS: Final = 5  # the funding columns' places in a row's cells (served live)
_COLUMNS: Final = len(Column)


def format_age(seconds: float) -> str:
    """``9.4`` → ``9 s``; ``130`` → ``2 min``; ``7300`` → ``2 h``."""
    seconds = max(0.0, seconds)
    if seconds < 120:
        return QCoreApplication.translate("Watchlist", "{n} s").format(n=int(seconds))
    if seconds < 7200:
        return QCoreApplication.translate("Watchlist", "{n} min").format(n=int(seconds // 60))
    return QCoreApplication.translate("Watchlist", "{n} h").format(n=int(seconds // 3600))


def clock_text(epoch_seconds: float, millis: bool = False) -> str:
    moment = datetime.fromtimestamp(epoch_seconds)
    return moment.strftime("%H:%M:%S.%f")[:-3] if millis else moment.strftime("%H:%M:%S")


@dataclass(frozen=True, slots=True)
class Cells:
    """Per-row texts, built once per quote change rather than once per paint."""

    display: tuple[str, ...]
    tooltip: tuple[str, ...]
    sort: tuple[float | str | None, ...]
    exact: tuple[str | None, ...]
    sign: int  # sign of the 24h change, for the change columns' colour
    range_position: float | None = None  # last price between the 24h low (0) and high (1)


def waiting_cells(symbol: str, why: str, tip: str) -> Cells:
    """A row without a price: the Last cell says why (``why``, shown), the rest stay empty
    and their tooltips say it in a sentence (``tip``)."""
    return Cells(
        display=(symbol, why) + ("",) * (_COLUMNS - 2),
        tooltip=("",) + (tip,) * (_COLUMNS - 1),
        sort=(symbol,) + (None,) * (_COLUMNS - 1),
        exact=(symbol,) + (None,) * (_COLUMNS - 1),
        sign=0,
    )


def _last(q: Quote) -> float | None:
    return float(q.ticker.close_text)


def _change(q: Quote) -> float | None:
    return float(q.ticker.close_text) - float(q.ticker.open_text)


def _change_percent(q: Quote) -> float | None:
    return float_change_percent(q.ticker)


def _high(q: Quote) -> float | None:
    return float(q.ticker.high_text)


def _low(q: Quote) -> float | None:
    return float(q.ticker.low_text)


def _base_volume(q: Quote) -> float | None:
    return float(q.ticker.base_volume_text)


def _quote_volume(q: Quote) -> float | None:
    return float(q.ticker.quote_volume_text)


def _updated(q: Quote) -> float | None:
    return q.received


def _range(q: Quote) -> float | None:
    return range_position(q.ticker.close, q.ticker.high, q.ticker.low)


#: The sort key (``Cells.sort[col]``) of a quote in each column a quote alone decides,
#: found without building the row's texts: sorting the whole market by a live column
#: works out hundreds a second. Floats of the exchange's strings (the same as of their
#: exact ``Decimal``s); the change and change % in floats too (0.6 µs where the exact
#: ``Decimal`` arithmetic took ~8): they can differ from the exact value only in the
#: 16th digit, so rows shown with different values are always in order.
QUOTE_SORT_KEYS: Final[dict[int, Callable[[Quote], float | None]]] = {
    Column.LAST: _last,
    Column.CHANGE: _change,
    Column.CHANGE_PERCENT: _change_percent,
    Column.HIGH: _high,
    Column.LOW: _low,
    Column.BASE_VOLUME: _base_volume,
    Column.QUOTE_VOLUME: _quote_volume,
    Column.UPDATED: _updated,
    Column.RANGE: _range,
}
_LAST_TO_UPDATED: Final = tuple(QUOTE_SORT_KEYS[c] for c in range(Column.LAST, Column.UPDATED + 1))


def range_position(close: Decimal, high: Decimal, low: Decimal) -> float | None:
    """Where ``close`` sits between the 24h ``low`` (0) and ``high`` (1); None without a range."""
    spread = high - low
    if spread <= 0:
        return None
    return min(1.0, max(0.0, float((close - low) / spread)))


def build_cells(symbol: str, quote: Quote, contract: Contract | None) -> Cells:
    t = quote.ticker
    decimals = contract.price_decimals if contract is not None else None
    base = contract.base_asset if contract is not None else ""
    quote_asset = contract.quote_asset if contract is not None else ""
    # Each property builds a Decimal from the exchange's string: build each one once.
    close, open_, high, low = t.close, t.open, t.high, t.low
    base_volume, quote_volume = t.base_volume, t.quote_volume
    change = close - open_
    percent = change_percent(close, open_)
    opened = (
        QCoreApplication.translate("Watchlist", "Price 24 h ago: {price} {asset}")
        .format(price=format_price(open_, decimals), asset=quote_asset)
        .rstrip()
    )
    position = range_position(close, high, low)
    low_text, high_text = format_price(low, decimals), format_price(high, decimals)
    in_range = (
        QCoreApplication.translate("Watchlist", "24h range {low} – {high} {asset}")
        .format(low=low_text, high=high_text, asset=quote_asset)
        .rstrip()
    )
    if position is not None:
        in_range = QCoreApplication.translate(
            "Watchlist", "{range} — last at {position} of it"
        ).format(range=in_range, position=f"{position:.0%}")
    return Cells(
        display=(
            symbol,
            format_price(close, decimals),
            format_change(change, decimals),
            format_percent(percent),
            format_price(high, decimals),
            format_price(low, decimals),
            abbreviate(base_volume),
            abbreviate(quote_volume),
            clock_text(quote.received),
            "",  # painted: the sparkline
            "",  # painted: the range glyph
            "",  # from the alert rules, when asked
            *("",) * _FUNDING_BLANKS,
        ),
        tooltip=(
            "",
            QCoreApplication.translate("Watchlist", "Last price {price} {asset}")
            .format(price=format_exact(close), asset=quote_asset)
            .rstrip(),
            opened,
            opened,
            QCoreApplication.translate("Watchlist", "24h high {price} {asset}")
            .format(price=format_exact(high), asset=quote_asset)
            .rstrip(),
            QCoreApplication.translate("Watchlist", "24h low {price} {asset}")
            .format(price=format_exact(low), asset=quote_asset)
            .rstrip(),
            base_volume_text(base_volume, base),
            quote_volume_text(quote_volume, quote_asset),
            "",  # built when asked: it says how long ago
            "",  # built when asked: from the price history
            in_range,
            "",  # from the alert rules, when asked
            *("",) * _FUNDING_BLANKS,
        ),
        sort=(
            symbol,
            *[key(quote) for key in _LAST_TO_UPDATED],
            None,  # from the price history, when asked
            position,
            None,  # from the alert rules, when asked
            *(None,) * _FUNDING_BLANKS,
        ),
        exact=(
            symbol,
            t.close_text,
            f"{change:f}",
            f"{percent:f}" if percent is not None else None,
            t.high_text,
            t.low_text,
            t.base_volume_text,
            t.quote_volume_text,
            str(t.event_time),
            None,
            None,
            None,
            *(None,) * _FUNDING_BLANKS,
        ),
        sign=(change > 0) - (change < 0),
        range_position=position,
    )
