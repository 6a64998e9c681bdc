"""Display text: exact digits at tick precision, signs, percentages, abbreviations."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop.exchange.display import (
    MINUS,
    abbreviate,
    arrow,
    format_change,
    format_exact,
    format_percent,
    format_price,
)


def test_prices_pad_to_tick_precision_with_thousands_separators() -> None:
    assert format_price(Decimal("97123.4"), 2) == "97,123.40"
    assert format_price(Decimal("0.1"), 7) == "0.1000000"


def test_prices_never_lose_digits_the_exchange_sent() -> None:
    assert format_price(Decimal("1.23456"), 2) == "1.23456"


def test_no_float_artefacts() -> None:
    assert format_price(Decimal("0.30000000"), 8) == "0.30000000"
    assert "e" not in format_price(Decimal("0E-8"), 8).lower()


def test_changes_and_percentages_are_signed() -> None:
    assert format_change(Decimal("-12.5"), 2) == f"{MINUS}12.50"
    assert format_change(Decimal("3"), 1) == "+3.0"
    assert format_change(Decimal("0"), 2) == "0.00"
    assert format_percent(Decimal("2.3149")) == "+2.31 %"
    assert format_percent(Decimal("-0.004")) == "0.00 %"
    assert format_percent(Decimal("-7.5")) == f"{MINUS}7.50 %"
    assert format_percent(None) == "—"


def test_volumes_abbreviate_and_exact_figure_stays_available() -> None:
    assert abbreviate(Decimal("1234567890.5")) == "1.23 B"
    assert abbreviate(Decimal("4560000")) == "4.56 M"
    assert abbreviate(Decimal("999.125")) == "999.12"
    assert format_exact(Decimal("1234567890.50")) == "1,234,567,890.50"


def test_arrows() -> None:
    assert (arrow(Decimal(1)), arrow(Decimal(-1)), arrow(Decimal(0)), arrow(None)) == (
        "▲",
        "▼",
        "■",
        "■",
    )


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**12, places=8),
    st.integers(0, 8),
)
def test_formatted_price_parses_back_to_the_same_value(value: Decimal, decimals: int) -> None:
    text = format_price(value, decimals)
    assert Decimal(text.replace(",", "")) == value


def test_price_drops_zeros_beyond_the_tick_that_can_never_change() -> None:
    assert format_price(Decimal("104164.50"), 1) == "104,164.5"  # BTCUSDT, tick 0.10
    assert format_price(Decimal("212.0200"), 2) == "212.02"  # SOLUSDT, tick 0.0100
    assert format_price(Decimal("212.0000"), 2) == "212.00"
    assert format_price(Decimal("1.234500"), 2) == "1.2345", "a non-zero digit is never dropped"
    assert format_price(Decimal("104164.50")) == "104,164.50", "no tick known: as sent"


@given(
    st.decimals(allow_nan=False, allow_infinity=False, min_value=0, max_value=10**9, places=8),
    st.integers(0, 8),
)
def test_price_shows_at_least_the_tick_digits_and_no_useless_zero(
    value: Decimal, decimals: int
) -> None:
    text = format_price(value, decimals)
    fraction = text.partition(".")[2]
    assert len(fraction) >= decimals
    assert len(fraction) == decimals or not fraction.endswith("0")
