"""Symbol normalisation and stream names, including non-ASCII and quarterly symbols."""

from __future__ import annotations

import pytest

from desktop.exchange.symbols import (
    SymbolError,
    normalize_symbol,
    split_symbols,
    stream_name,
    symbol_of_stream,
)


@pytest.mark.parametrize(
    ("typed", "symbol"),
    [
        ("btcusdt", "BTCUSDT"),
        ("  ethusdt \t", "ETHUSDT"),
        ("btcusdt_261225", "BTCUSDT_261225"),
        ("1000pepeusdt", "1000PEPEUSDT"),
        ("币安人生usdt", "币安人生USDT"),
        ("币安人生USDT", "币安人生USDT"),
    ],
)
def test_typed_symbols_are_normalised(typed: str, symbol: str) -> None:
    assert normalize_symbol(typed) == symbol


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "BTC USDT",
        "../etc/passwd",
        "BTC\x00USDT",
        "BTC\nUSDT",
        "A" * 10_000,
        "btc-usdt",
        "btc@usdt",
    ],
    ids=lambda t: repr(t)[:20],
)
def test_impossible_symbols_get_a_plain_message(typed: str) -> None:
    with pytest.raises(SymbolError) as info:
        normalize_symbol(typed)
    message = str(info.value)
    assert message and len(message) < 200
    assert "\x00" not in message and "\n" not in message


def test_stream_names_are_lowercase_and_map_back() -> None:
    assert stream_name("BTCUSDT") == "btcusdt@miniTicker"
    assert stream_name("币安人生USDT") == "币安人生usdt@miniTicker"
    assert symbol_of_stream("btcusdt_261225@miniTicker") == "BTCUSDT_261225"
    assert symbol_of_stream("币安人生usdt@miniTicker") == "币安人生USDT"
    assert symbol_of_stream("!miniTicker@arr") is None


def test_command_line_lists_split_on_commas_and_spaces() -> None:
    assert split_symbols("btcusdt, ETHUSDT  solusdt,,") == ["btcusdt", "ETHUSDT", "solusdt"]
