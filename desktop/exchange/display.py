"""Exact, readable text for prices, changes, percentages and volumes.

Everything works on ``Decimal`` so the digits shown are the exchange's digits: a price
is padded to the contract's tick precision but never rounded below what was sent.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Final

from desktop.wording import QT_TRANSLATE_NOOP, translate

#: The words every surface uses for the two 24 h volumes (table, picker, movers), in
#: English: translate them in the "Watchlist" context where they are shown.
BASE_VOLUME_HEADER: Final = QT_TRANSLATE_NOOP("Watchlist", "24h Base Vol")
BASE_VOLUME_TIP: Final = QT_TRANSLATE_NOOP(
    "Watchlist", "24h base volume: how much of the base asset (e.g. BTC) traded"
)
QUOTE_VOLUME_HEADER: Final = QT_TRANSLATE_NOOP("Watchlist", "24h Quote Vol")
QUOTE_VOLUME_TIP: Final = QT_TRANSLATE_NOOP(
    "Watchlist", "24h quote volume: the turnover, in the quote asset (USDT or USDC)"
)
MINUS: Final = "\u2212"  # a real minus sign: same width as "+" in tabular fonts
_UNITS: Final = (
    (Decimal(10) ** 12, "T"),
    (Decimal(10) ** 9, "B"),
    (Decimal(10) ** 6, "M"),
    (Decimal(10) ** 3, "K"),
)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def at_tick(value: Decimal, decimals: int | None) -> Decimal:
    """``value`` with exactly ``decimals`` places where that loses no non-zero digit.

    Zeros the exchange sends beyond the contract's tick (``104164.50`` for a 0.1 tick)
    are digits that can never change; a finer non-zero digit is kept (``1.23456`` at 2
    places stays), and a shorter value is padded (``97123.4`` at 2 → ``97123.40``).
    Exact: ``Decimal`` only, never rounded.
    """
    if decimals is None:
        return value
    places = _places(value)
    if places == decimals:
        return value
    tick = Decimal(1).scaleb(-decimals)
    if places < decimals:
        return value.quantize(tick)
    trimmed = value.quantize(tick, rounding=ROUND_HALF_EVEN)
    if trimmed == value:
        return trimmed
    # A non-zero digit beyond the tick: drop only the trailing zeros after it.
    digits = value.as_tuple().digits
    zeros = 0
    for digit in reversed(digits):
        if digit != 0 or places - zeros <= decimals:
            break
        zeros += 1
    return value.quantize(Decimal(1).scaleb(zeros - places))


def format_price(value: Decimal, decimals: int | None = None) -> str:
    """``Decimal("104164.50")``, 1 → ``104,164.5``: a price at the contract's tick
    precision (``at_tick``), with thousands separators."""
    return f"{at_tick(value, decimals):,f}"


def _signed(text: str, negative: bool, zero: bool) -> str:
    if zero:
        return text
    return f"{MINUS}{text}" if negative else f"+{text}"


def format_change(value: Decimal, decimals: int | None = None) -> str:
    """A signed price difference: ``+1,234.50`` / ``−0.0012`` / ``0.00``."""
    return _signed(format_price(abs(value), decimals), value < 0, value == 0)


def format_percent(value: Decimal | None, places: int = 2) -> str:
    """``Decimal("2.3149")`` → ``+2.31 %``; None (open was zero) → ``—``."""
    if value is None:
        return "—"
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return _signed(f"{abs(rounded):,f} %", rounded < 0, rounded == 0)


def abbreviate(value: Decimal, places: int = 2) -> str:
    """``Decimal("1234567890.5")`` → ``1.23 B``; below a thousand the number itself."""
    magnitude = abs(value)
    for size, unit in _UNITS:
        if magnitude >= size:
            scaled = (value / size).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
            return f"{scaled:f} {unit}"
    return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN):,f}"


def base_volume_text(value: Decimal, asset: str) -> str:
    """A base volume's tooltip: ``24h base volume 1,234.5 BTC``."""
    text = translate("Watchlist", "24h base volume {volume} {asset}")
    return text.format(volume=format_exact(value), asset=asset).rstrip()


def quote_volume_text(value: Decimal, asset: str) -> str:
    """A quote volume's tooltip: ``24h quote volume (turnover) 123,456,789.01 USDT``."""
    text = translate("Watchlist", "24h quote volume (turnover) {volume} {asset}")
    return text.format(volume=format_exact(value), asset=asset).rstrip()


def format_exact(value: Decimal) -> str:
    """The full number with thousands separators, for tooltips: ``1,234,567,890.5``."""
    return f"{value:,f}"


def arrow(value: Decimal | None) -> str:
    """▲ for up, ▼ for down, ■ for flat or unknown."""
    if value is None or value == 0:
        return "■"
    return "▲" if value > 0 else "▼"
