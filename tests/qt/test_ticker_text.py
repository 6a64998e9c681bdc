"""Tray tooltip and menu text: exact lines at tick precision, staleness and state said in words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.exchange.contracts import Contract, ContractCatalog
from desktop.exchange.ticker import MiniTicker
from desktop.qt.quotes import QuoteBook
from desktop.qt.ticker_text import (
    compact_percent,
    describe_status,
    fit_lines,
    format_age,
    is_connected,
    symbol_row,
    tooltip_lines,
)
from desktop.stream.replay import ReplayStatus
from desktop.stream.status import ClientStatus, ConnState

NOW = 1_000_000.0


def contract(symbol: str, tick: str) -> Contract:
    return Contract(
        symbol, symbol, "PERPETUAL", "TRADING", symbol[:-4], "USDT", "COIN", 8, Decimal(tick)
    )


CATALOG = ContractCatalog([contract("BTCUSDT", "0.10"), contract("ETHUSDT", "0.01")])


def ticker(symbol: str, close: str, open_: str) -> MiniTicker:
    high, low = sorted((close, open_), key=Decimal, reverse=True)
    return MiniTicker(symbol, 1, close, open_, high, low, "1", "1")


@pytest.fixture
def book(qtbot: object) -> QuoteBook:
    book = QuoteBook(clock=lambda: NOW)
    book.on_tickers(
        [ticker("BTCUSDT", "97123.4", "94930"), ticker("ETHUSDT", "3411.2", "3500")], NOW
    )
    book.flush()
    return book


def test_row_shows_price_at_tick_precision_arrow_and_signed_percent(book: QuoteBook) -> None:
    assert symbol_row("BTCUSDT", book, CATALOG, NOW).line() == "BTCUSDT  97,123.4  ▲ +2.31 %"
    # tick 0.01 pads the exchange's "3411.2"; a falling change uses a real minus sign
    assert symbol_row("ETHUSDT", book, CATALOG, NOW).line() == "ETHUSDT  3,411.20  ▼ −2.54 %"


def test_row_of_a_symbol_missing_from_the_catalog_keeps_the_exchange_digits(
    book: QuoteBook,
) -> None:
    book.on_tickers([ticker("XYZUSDT", "0.000123", "0.000123")], NOW)
    assert symbol_row("XYZUSDT", book, CATALOG, NOW).line() == "XYZUSDT  0.000123  ■ 0.00 %"


def test_stale_row_says_for_how_long_nothing_arrived(book: QuoteBook) -> None:
    row = symbol_row("BTCUSDT", book, CATALOG, NOW + 9)
    assert row.stale
    assert row.line() == "BTCUSDT  97,123.4  ▲ +2.31 %  stale (no update for 9 s)"


def test_snapshot_row_says_it_is_not_live_yet(qtbot: object) -> None:
    book = QuoteBook(clock=lambda: NOW)
    book.seed([ticker("BTCUSDT", "97123.4", "94930")], NOW)
    line = symbol_row("BTCUSDT", book, CATALOG, NOW).line()
    assert line == "BTCUSDT  97,123.4  ▲ +2.31 %  snapshot, not live yet"


def test_row_without_any_quote_says_it_is_waiting(book: QuoteBook) -> None:
    row = symbol_row("SOLUSDT", book, CATALOG, NOW)
    assert (row.line(), row.stale) == ("SOLUSDT  waiting for the first price", True)


def test_tooltip_has_a_line_per_pin_then_the_connection_state(book: QuoteBook) -> None:
    live = ClientStatus(ConnState.LIVE)
    lines = tooltip_lines(["ETHUSDT", "BTCUSDT"], book, CATALOG, status=live, demo=False, now=NOW)
    assert lines == ["ETHUSDT  3,411.20  ▼ −2.54 %", "BTCUSDT  97,123.4  ▲ +2.31 %", "Live"]


def test_demo_tooltip_starts_by_saying_prices_are_simulated(book: QuoteBook) -> None:
    lines = tooltip_lines(["BTCUSDT"], book, CATALOG, status=None, demo=True, now=NOW)
    assert lines == ["DEMO — simulated prices", "BTCUSDT  97,123.4  ▲ +2.31 %", "Connecting…"]


def test_offline_tooltip_says_why(book: QuoteBook) -> None:
    offline = ClientStatus(ConnState.OFFLINE, last_error="HTTP 451: restricted location")
    lines = tooltip_lines(["BTCUSDT"], book, CATALOG, status=offline, demo=False, now=NOW)
    assert lines[-1] == "Offline: HTTP 451: restricted location"
    assert not is_connected(offline)
    assert not is_connected(ClientStatus(ConnState.RECONNECTING))
    assert is_connected(ClientStatus(ConnState.LIVE))


def test_tooltip_without_pins_tells_how_to_pin(book: QuoteBook) -> None:
    lines = tooltip_lines(
        [], book, CATALOG, status=ClientStatus(ConnState.LIVE), demo=False, now=NOW
    )
    assert lines == ["Pin a symbol (Ctrl+P) to show it here", "Live"]


def test_fitting_a_long_tooltip_keeps_first_and_last_line() -> None:
    lines = [
        "DEMO — simulated prices",
        *(f"SYM{i}USDT  1,234.5  ▲ +1.00 %" for i in range(8)),
        "Live",
    ]
    text = fit_lines(lines, 127)
    assert len(text) <= 127
    kept = text.split("\n")
    assert kept[0] == "DEMO — simulated prices"
    assert kept[-1] == "Live"
    assert kept[-2] == f"+{8 - (len(kept) - 3)} more"
    assert fit_lines(lines, None) == "\n".join(lines)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("0.05", "0.1"),
        ("0.04", "0.0"),
        ("0", "0.0"),
        ("2.31", "2.3"),
        ("-0.44", "0.4"),
        ("9.94", "9.9"),
        ("9.96", "10"),
        ("-12.7", "13"),
        ("145", "145"),
        ("999.4", "999"),
        ("1234", "1k"),
        ("54321", "54k"),
        ("250000", "99k"),
    ],
)
def test_icon_number_has_one_to_three_significant_digits(value: str, shown: str) -> None:
    assert compact_percent(Decimal(value)) == shown


def test_icon_number_of_an_unknown_change_is_a_dash() -> None:
    assert compact_percent(None) == "—"


@pytest.mark.parametrize(
    ("seconds", "words"), [(0, "0 s"), (9.7, "9 s"), (119, "119 s"), (180, "3 min"), (7200, "2 h")]
)
def test_age_reads_at_a_glance(seconds: float, words: str) -> None:
    assert format_age(seconds) == words


def test_a_replay_counts_as_connected_so_rows_are_judged_by_their_age() -> None:
    assert is_connected(ReplayStatus(position=1.0e9, speed=5.0))
    assert describe_status(ReplayStatus(finished=True)) == "Replay finished"
