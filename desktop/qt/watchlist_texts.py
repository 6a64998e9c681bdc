"""What the watchlist table says about a row beyond its numbers: tooltips, the To alert
column, whether the symbol trades, and each row's cells built once per quote."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import partial
from typing import Final

from PySide6.QtCore import QCoreApplication

from desktop.exchange.alert_engine import AlertLevel
from desktop.exchange.alerts import PRICE_KINDS, AlertKind, AlertRule, describe_rule
from desktop.exchange.display import format_percent, format_price
from desktop.exchange.ticker import MiniTicker
from desktop.qt.history import PriceHistory
from desktop.qt.quotes import QuoteBook
from desktop.qt.roles import DISPLAY, TOOLTIP
from desktop.qt.sorting import SortKey
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_cells import (
    QUOTE_SORT_KEYS,
    Cells,
    Column,
    Role,
    build_cells,
    clock_text,
    format_age,
    waiting_cells,
    waiting_text,
)
from desktop.wording import QT_TRANSLATE_NOOP  # typed: returns str

#: Where a symbol's nearest alert fires: ``(symbol, last price, 24h open) → level``.
AlertLevels = Callable[[str, Decimal, Decimal], AlertLevel | None]
#: A symbol's alert rules (``AlertCenter.rules_for``).
AlertRules = Callable[[str], Sequence[AlertRule]]
REARM: Final = QT_TRANSLATE_NOOP("Watchlist", "waiting to re-arm")
ALERTS_OFF: Final = QT_TRANSLATE_NOOP("Watchlist", "alerts off")
SORT_ROLE = -1  # ``RowTexts.alert_data``'s role for the sort key (the model's Role.SortRole)
EXACT_ROLE = -2  # … for the exact digits (Role.ExactRole)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Watchlist", text)


#: Binance's contract types in words (others are shown in lower case as they come).
CONTRACT_KINDS: Final = {
    "PERPETUAL": QT_TRANSLATE_NOOP("Watchlist", "perpetual"),
    "CURRENT_QUARTER": QT_TRANSLATE_NOOP("Watchlist", "current quarter"),
    "NEXT_QUARTER": QT_TRANSLATE_NOOP("Watchlist", "next quarter"),
    "CURRENT_MONTH": QT_TRANSLATE_NOOP("Watchlist", "current month"),
    "NEXT_MONTH": QT_TRANSLATE_NOOP("Watchlist", "next month"),
    "PERPETUAL_DELIVERING": QT_TRANSLATE_NOOP("Watchlist", "perpetual, delivering"),
    "TRADIFI_PERPETUAL": QT_TRANSLATE_NOOP("Watchlist", "TradFi perpetual"),
}


def contract_kind(contract_type: str) -> str:
    """``CURRENT_QUARTER`` → ``current quarter``, in the user's language."""
    known = CONTRACT_KINDS.get(contract_type)
    return _tr(known) if known is not None else contract_type.replace("_", " ").lower()


def _no_key(symbol: str) -> None:
    return None


class RowTexts:
    """Cells, tooltips and alert texts of the watchlist's rows, each built when first asked.

    ``pinned`` and ``stale`` are the model's own sets, read here (not copied).
    """

    def __init__(
        self,
        watchlist: Watchlist,
        book: QuoteBook,
        stale: dict[str, bool],
        pinned: set[str],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._watchlist = watchlist
        self._book = book
        self._stale = stale
        self.pinned = pinned
        self._clock = clock
        self.history: PriceHistory | None = None
        self.alert_levels: AlertLevels | None = None
        self.alert_rules: AlertRules | None = None
        #: None while connected (or not known); else when the connection went down.
        self.offline_since: float | None = None
        self._cells: dict[str, Cells] = {}
        self._level_cache: dict[str, tuple[MiniTicker, AlertLevel | None]] = {}
        self._rules_cache: dict[str, list[AlertRule]] = {}  # until the rules change

    # -- cells ------------------------------------------------------------------------

    def cells(self, symbol: str) -> Cells:
        cells = self._cells.get(symbol)
        if cells is None:
            quote = self._book.quote(symbol)
            if quote is None:
                cells = self._waiting(symbol)
            else:
                cells = build_cells(symbol, quote, self._watchlist.catalog.get(symbol))
            self._cells[symbol] = cells
        return cells

    def _waiting(self, symbol: str) -> Cells:
        if self.offline_since is None:
            return waiting_cells(
                symbol,
                waiting_text(),
                QCoreApplication.translate(
                    "Watchlist",
                    "Waiting for price from the exchange: none for {symbol} has arrived yet",
                ).format(symbol=symbol),
            )
        since = clock_text(self.offline_since)[:5]
        return waiting_cells(
            symbol,
            QCoreApplication.translate("Watchlist", "offline since {time}").format(time=since),
            QCoreApplication.translate(
                "Watchlist",
                "Offline since {time}: the connection went down before a price for {symbol}"
                " arrived",
            ).format(time=since, symbol=symbol),
        )

    def set_offline(self, since: float | None, symbols: Iterable[str]) -> list[str]:
        """Offline ``since`` then (None: connected): of ``symbols``, those still without a
        price, whose cells say it (built again when next asked), or [] if nothing changed."""
        if (since is None) == (self.offline_since is None):
            return []
        self.offline_since = since
        waiting = [s for s in symbols if self._book.quote(s) is None]
        for symbol in waiting:
            self.forget(symbol)
        return waiting

    def forget(self, symbol: str) -> None:
        """``symbol``'s quote changed (or it left): build its cells again when asked."""
        self._cells.pop(symbol, None)

    def forget_all(self) -> None:
        self._cells.clear()

    def forget_alerts(self) -> None:
        self._level_cache.clear()
        self._rules_cache.clear()

    def _rules(self, symbol: str) -> list[AlertRule]:
        rules = self._rules_cache.get(symbol)
        if rules is None:
            rules_of = self.alert_rules
            rules = self._rules_cache[symbol] = list(rules_of(symbol)) if rules_of else []
        return rules

    def decimals(self, symbol: str) -> int | None:
        """The price decimals of ``symbol``'s contract, None while it is not known."""
        contract = self._watchlist.catalog.get(symbol)
        return contract.price_decimals if contract is not None else None

    def known(self, symbol: str) -> tuple[bool, str]:
        """(usable, why not): the catalog lists ``symbol`` as trading, or is not loaded."""
        catalog = self._watchlist.catalog
        if not len(catalog):
            return True, ""
        contract = catalog.get(symbol)
        if contract is None:
            return False, QCoreApplication.translate(
                "Watchlist", "Binance USD-M futures does not list {symbol}."
            ).format(symbol=symbol)
        if not contract.is_trading:
            return False, QCoreApplication.translate(
                "Watchlist", "{symbol} is not trading: {status}."
            ).format(symbol=symbol, status=contract.status)
        return True, ""

    def role_value(self, symbol: str, col: int, role: int) -> object:
        """``Role`` values other than ``FlashRole`` and ``PaintRole``."""
        if role == Role.SortRole:
            return self.trend_key(symbol) if col == Column.TREND else self.cells(symbol).sort[col]
        if role == Role.SymbolRole:
            return symbol
        if role == Role.StaleRole:
            return self._stale.get(symbol, False)
        if role == Role.DirectionRole:
            quote = self._book.quote(symbol)
            return quote.direction if quote is not None else 0
        if role == Role.ExactRole:
            return self.cells(symbol).exact[col]
        if role == Role.KnownRole:
            return self.known(symbol)[0]
        if role == Role.PinnedRole:
            return symbol in self.pinned
        history = self.history
        if role == Role.TrendRole:
            return history.trend(symbol) if history is not None else None
        if role == Role.RangeRole:
            return self.cells(symbol).range_position
        if role == Role.BadgeRole:
            return history.badge(symbol) if history is not None else 0
        return None

    def sort_key(self, col: int) -> Callable[[str], SortKey | None]:
        """symbol → ``Role.SortRole`` of its cell in ``col``, cheaply where a quote decides it."""
        if col == Column.SYMBOL:
            return str.casefold
        if col == Column.TREND:
            return self.trend_key
        if col == Column.ALERT:
            return partial(self.alert_data, role=SORT_ROLE)
        quote_of, of_quote = self._book.quote, QUOTE_SORT_KEYS.get(col)
        if of_quote is None:
            return _no_key

        def key(symbol: str) -> float | None:
            quote = quote_of(symbol)
            return None if quote is None else of_quote(quote)

        return key

    # -- the last hour ------------------------------------------------------------------

    def trend_key(self, symbol: str) -> float | None:
        trend = self.history.trend(symbol) if self.history is not None else None
        if trend is None or trend.change_percent is None:
            return None
        return float(trend.change_percent)

    def _trend_tooltip(self, symbol: str) -> str:
        trend = self.history.trend(symbol) if self.history is not None else None
        if trend is None:
            return QCoreApplication.translate(
                "Watchlist", "The last hour appears here once prices arrive"
            )
        decimals = self.decimals(symbol)
        return QCoreApplication.translate(
            "Watchlist", "Last hour {percent}\nlow {low} · high {high}"
        ).format(
            percent=format_percent(trend.change_percent),
            low=format_price(trend.low, decimals),
            high=format_price(trend.high, decimals),
        )

    # -- alerts -------------------------------------------------------------------------

    def alerts_present(self, symbols: Sequence[str]) -> bool:
        """Whether any of ``symbols`` has an alert: the To alert column has something to say."""
        if self.alert_rules is not None:
            return any(self._rules(s) for s in symbols)
        return self.alert_levels is not None and any(self.alert_level(s) for s in symbols)

    def alert_text(self, symbol: str) -> str:
        """The To alert cell's text: ``alert_data`` as ``DISPLAY``, always a string."""
        text = self.alert_data(symbol, DISPLAY)
        return text if isinstance(text, str) else ""

    def alert_data(self, symbol: str, role: int) -> str | float | None:
        """The To alert cell as ``DISPLAY``, ``TOOLTIP``, ``SORT_ROLE`` or ``EXACT_ROLE``."""
        level = self.alert_level(symbol)
        if level is None:
            note = self._alert_note(symbol)
            if role == DISPLAY:
                return note[0] if note is not None else ""
            return note[1] if note is not None and role == TOOLTIP else None
        decimals = self.decimals(symbol)
        if role == DISPLAY:
            return level.text(decimals)
        if role == TOOLTIP:
            rule = describe_rule(level.rule, decimals)
            return QCoreApplication.translate(
                "Watchlist", "Nearest alert: {symbol} {rule}\n{level}"
            ).format(symbol=symbol, rule=rule, level=level.text(decimals))
        if role == SORT_ROLE:
            return float(abs(level.percent))
        return f"{level.target:f}"  # EXACT_ROLE

    def _alert_note(self, symbol: str) -> tuple[str, str] | None:
        """(text, tooltip) for a symbol with alerts but no armed level to count down to."""
        rules = self._rules(symbol)
        if not rules:
            return None
        decimals = self.decimals(symbol)
        enabled = [r for r in rules if r.enabled]
        if not enabled:
            return _tr(ALERTS_OFF), QCoreApplication.translate(
                "Watchlist", "{symbol}'s alerts are switched off"
            ).format(symbol=symbol)
        lines = [f"{symbol} {describe_rule(r, decimals)}" for r in enabled]
        if self._book.quote(symbol) is None:
            return describe_rule(enabled[0], decimals), "\n".join(lines)
        if any(r.kind in PRICE_KINDS or r.kind is AlertKind.CHANGE_PCT for r in enabled):
            return _tr(REARM), "\n".join(
                [
                    *lines,
                    QCoreApplication.translate(
                        "Watchlist", "The price is already past: it fires again once it comes back"
                    ),
                ]
            )
        return describe_rule(enabled[0], decimals), "\n".join(lines)  # moves: no fixed level

    def alert_level(self, symbol: str) -> AlertLevel | None:
        """The nearest alert's level, worked out once per quote (not once per paint)."""
        quote = self._book.quote(symbol)
        if quote is None or self.alert_levels is None:
            return None
        cached = self._level_cache.get(symbol)
        if cached is not None and cached[0] is quote.ticker:
            return cached[1]
        level = self.alert_levels(symbol, quote.ticker.close, quote.ticker.open)
        self._level_cache[symbol] = (quote.ticker, level)
        return level

    # -- tooltips -----------------------------------------------------------------------

    def tooltip(self, symbol: str, col: int) -> str | None:
        lines: list[str] = []
        known, why = self.known(symbol)
        if not known:
            lines.append(why)
        quote = self._book.quote(symbol)
        now = self._clock()
        if quote is not None and self._stale.get(symbol, False):
            if quote.from_snapshot:
                lines.append(
                    QCoreApplication.translate(
                        "Watchlist", "snapshot from {time} — waiting for the live stream"
                    ).format(time=clock_text(quote.received))
                )
            else:
                lines.append(
                    QCoreApplication.translate("Watchlist", "stale — no update for {age}").format(
                        age=format_age(now - quote.received)
                    )
                )
        if col == Column.SYMBOL:
            lines.append(self._symbol_tooltip(symbol))
        elif col == Column.TREND:
            lines.append(self._trend_tooltip(symbol))
        elif quote is None:
            lines.append(self.cells(symbol).tooltip[col])
        elif col == Column.UPDATED:
            lines.append(
                QCoreApplication.translate("Watchlist", "Updated {age} ago").format(
                    age=format_age(now - quote.received)
                )
            )
            exchange_time = clock_text(quote.ticker.event_time / 1000, millis=True)
            lines.append(
                QCoreApplication.translate("Watchlist", "Exchange time {time}").format(
                    time=exchange_time
                )
            )
        else:
            lines.append(self.cells(symbol).tooltip[col])
        text = "\n".join(line for line in lines if line)
        return text or None

    def _symbol_tooltip(self, symbol: str) -> str:
        contract = self._watchlist.catalog.get(symbol)
        lines = [symbol]
        if contract is not None:
            kind = contract_kind(contract.contract_type)
            lines.append(f"{contract.base_asset} / {contract.quote_asset} · {kind}")
        if symbol in self.pinned:
            lines.append(QCoreApplication.translate("Watchlist", "Pinned to the tray"))
        return "\n".join(lines)
