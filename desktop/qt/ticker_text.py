"""The words and numbers the tray ticker shows: tooltip lines, menu rows, the icon's number.

Pure text over the quote book, so the tray, the fallback strip and the tests all read
the same strings; nothing here touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Protocol

from PySide6.QtCore import QCoreApplication

from desktop.exchange.contracts import ContractCatalog
from desktop.exchange.display import arrow, format_percent, format_price
from desktop.qt.marks import MarkBook
from desktop.qt.quotes import Quote
from desktop.qt.watchlist_funding import funding_summary
from desktop.stream.replay import ReplayStatus
from desktop.stream.status import ClientStatus, ConnState
from desktop.wording import QT_TRANSLATE_NOOP  # typed: returns str

_CONTEXT: Final = "TickerText"
# In English; ``tr`` gives them in the user's language where they are shown.
DEMO_LINE: Final = QT_TRANSLATE_NOOP("TickerText", "DEMO — simulated prices")
NO_PINS_HINT: Final = QT_TRANSLATE_NOOP("TickerText", "Pin a symbol (Ctrl+P) to show it here")
CONNECTING: Final = QT_TRANSLATE_NOOP("TickerText", "Connecting…")
SINCE_LOOKED: Final = "since you looked"


def tr(text: str, n: int = -1) -> str:
    """``text`` (one of this module's texts) in the user's language; ``%n`` is ``n``."""
    return QCoreApplication.translate(_CONTEXT, text, None, n)


def since_text(change: str) -> str:
    """``(since you looked: +0.40 %)``."""
    return QCoreApplication.translate("TickerText", "(since you looked: {change})").format(
        change=change
    )


class QuoteSource(Protocol):
    """What the text needs of a ``QuoteBook``."""

    def quote(self, symbol: str) -> Quote | None: ...
    def is_stale(self, symbol: str, now: float | None = None) -> bool: ...


@dataclass(frozen=True, slots=True)
class SymbolRow:
    """One pinned symbol as shown: the strings, the 24h sign and whether it is current."""

    symbol: str
    price: str  # "97,123.4" at tick precision, "" before the first quote
    change: str  # "▲ +2.31 %", "" before the first quote
    sign: int  # +1 / -1 / 0 of the 24h change (0 also when unknown)
    stale: bool
    note: str  # "" when live; otherwise why the numbers are not current
    since: str = ""  # "+0.40 %": change since the user last looked at the window, or ""

    def line(self) -> str:
        """``BTCUSDT  97,123.4  ▲ +2.31 %  (since you looked: +0.40 %)``, plus the note."""
        parts = [self.symbol]
        if self.price:
            parts += [self.price, self.change]
        if self.since:
            parts.append(since_text(self.since))
        if self.note:
            parts.append(self.note)
        return "  ".join(parts)


def describe_status(status: ClientStatus | ReplayStatus | None, *, demo: bool = False) -> str:
    """The connection state line: ``status.describe()``, or "Connecting…" before any.

    In demo mode a running feed is "Demo feed running", never "Live": the prices are not.
    """
    if status is None:
        return tr(CONNECTING)
    if demo and status.state is ConnState.LIVE:
        return QCoreApplication.translate("TickerText", "Demo feed running")
    return status.describe()


def is_connected(status: ClientStatus | ReplayStatus | None) -> bool:
    """False while connecting, reconnecting or offline; True when live or not yet known.

    "Not yet known" counts as connected so a book fed without a client (demo, tests)
    is judged by the staleness of its quotes alone.
    """
    if status is None or status.state is None:  # a replay is neither live nor down
        return True
    return status.state is ConnState.LIVE


def format_age(seconds: float) -> str:
    """``9 s`` / ``3 min`` / ``2 h``: how long ago, at the precision a glance needs."""
    whole = max(0, int(seconds))
    if whole < 120:
        return QCoreApplication.translate("TickerText", "{n} s").format(n=whole)
    if whole < 2 * 3600:
        return QCoreApplication.translate("TickerText", "{n} min").format(n=whole // 60)
    return QCoreApplication.translate("TickerText", "{n} h").format(n=whole // 3600)


def price_decimals(catalog: ContractCatalog | None, symbol: str) -> int | None:
    contract = catalog.get(symbol) if catalog is not None else None
    return contract.price_decimals if contract is not None else None


def since_looked(close: Decimal, looked: Decimal | None) -> str:
    """``+0.40 %``: ``close`` against the price the user last saw; "" when unknown."""
    if looked is None or looked == 0:
        return ""
    return format_percent((close - looked) * 100 / looked)


def symbol_row(
    symbol: str,
    book: QuoteSource,
    catalog: ContractCatalog | None,
    now: float,
    looked: Decimal | None = None,
) -> SymbolRow:
    """Everything shown about one symbol, with a note when its numbers are not current.

    ``looked`` is the price when the user last opened or closed the window; the row then
    also says how far the price moved since.
    """
    quote = book.quote(symbol)
    if quote is None:
        return SymbolRow(
            symbol,
            "",
            "",
            0,
            True,
            QCoreApplication.translate("TickerText", "waiting for the first price"),
        )
    ticker = quote.ticker
    percent = ticker.change_percent
    sign = 0 if percent is None or percent == 0 else (1 if percent > 0 else -1)
    stale = book.is_stale(symbol, now)
    if not stale:
        note = ""
    elif quote.from_snapshot:
        note = QCoreApplication.translate("TickerText", "snapshot, not live yet")
    else:
        note = QCoreApplication.translate("TickerText", "stale (no update for {age})").format(
            age=format_age(now - quote.received)
        )
    return SymbolRow(
        symbol,
        format_price(ticker.close, price_decimals(catalog, symbol)),
        f"{arrow(percent)} {format_percent(percent)}",
        sign,
        stale,
        note,
        since_looked(ticker.close, looked),
    )


def tooltip_lines(
    symbols: Sequence[str],
    book: QuoteSource,
    catalog: ContractCatalog | None,
    *,
    status: ClientStatus | ReplayStatus | None,
    demo: bool,
    now: float,
    looked: Mapping[str, Decimal] | None = None,
    funding: Callable[[str], str] | None = None,
) -> list[str]:
    """The tray tooltip: [demo line], one line per pinned symbol, the connection state.

    With no pins the symbol lines are replaced by the hint that tells how to add one.
    ``looked``: the prices the user last saw in the window (see ``symbol_row``).
    ``funding``: a symbol's funding rate and countdown (``funding_note``), added to its line.
    """
    lines = [tr(DEMO_LINE)] if demo else []
    seen = looked or {}
    if symbols:
        for s in symbols:
            line = symbol_row(s, book, catalog, now, seen.get(s)).line()
            note = funding(s) if funding is not None else ""
            lines.append(f"{line} · {note}" if note else line)
    else:
        lines.append(tr(NO_PINS_HINT))
    lines.append(describe_status(status, demo=demo))
    return lines


def funding_note(marks: MarkBook, symbol: str, now: float) -> str:
    """``funding 0.0100% in 02:14:05`` for a perpetual with a current mark; else ""."""
    mark = marks.mark(symbol)
    if mark is None or marks.is_stale(symbol, now):
        return ""
    return funding_summary(mark.event.rate_text, mark.event.next_funding, now)


def fit_lines(lines: Sequence[str], limit: int | None) -> str:
    """Join ``lines`` into at most ``limit`` characters, keeping the first and last line.

    Windows keeps only the first 127 characters of a tray tooltip; dropping middle rows
    (with "+N more") keeps the demo warning and the connection state, which matter most.
    """
    text = "\n".join(lines)
    if limit is None or len(text) <= limit or len(lines) < 3:
        return text[:limit] if limit is not None else text
    head, middle, tail = lines[0], list(lines[1:-1]), lines[-1]
    while middle:
        more = len(lines) - 2 - len(middle)
        kept = (
            [head, *middle, QCoreApplication.translate("TickerText", "+%n more", None, more)]
            if more
            else [head, *middle]
        )
        candidate = "\n".join([*kept, tail])
        if len(candidate) <= limit:
            return candidate
        middle.pop()
    return "\n".join(
        [head, QCoreApplication.translate("TickerText", "+%n more", None, len(lines) - 2), tail]
    )[:limit]


def compact_percent(value: Decimal | None) -> str:
    """The icon's number: |change| in 1–3 significant digits, ``2.3`` / ``12`` / ``145``.

    Below 9.95 one decimal, up to 999 whole numbers, beyond that thousands (``1k``,
    capped at ``99k``); the sign is the icon's colour and arrow, the exact value is in the
    tooltip. None (the open was zero) is a dash.
    """
    if value is None:
        return "—"
    size = abs(value)
    if size < Decimal("9.95"):
        return f"{size.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):f}"
    if size < Decimal("999.5"):
        return f"{size.quantize(Decimal(1), rounding=ROUND_HALF_UP):f}"
    thousands = min(Decimal(99), (size / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{thousands:f}k"
