"""Watchlists in and out: every format imports as described, nothing is dropped silently."""

from __future__ import annotations

import csv
import io
import json

import pytest

from desktop.exchange.contracts import ContractCatalog, parse_exchange_info
from desktop.exchange.ticker import MiniTicker
from desktop.exchange.watchlist_io import (
    EXPORT_COLUMNS,
    Skip,
    Unreadable,
    WatchlistFileError,
    export_rows,
    parse_import,
    to_csv,
    to_json,
    to_tsv,
)
from desktop.simexchange.contracts_data import default_contracts

CATALOG = ContractCatalog(parse_exchange_info({"symbols": default_contracts()}))

TRADINGVIEW = (
    "###Majors,BINANCE:BTCUSDT.P,BINANCE:ETHUSDT.P,BYBIT:SOLUSDT.P,"
    "###My alts,BINANCE:DOGEUSDT.P,BINANCE:NOSUCHUSDT.P,BINANCE:BTC-USDT.P,BINANCE:ADAUSDT,"
    "BINANCE:BTCUSD.P,BINANCE:ALPACAUSDT.P"
)


def ticker(symbol: str, close: str, open_: str = "100") -> MiniTicker:
    return MiniTicker(
        symbol=symbol,
        event_time=1_764_700_000_123,
        close_text=close,
        open_text=open_,
        high_text="120.50",
        low_text="90.10",
        base_volume_text="12345.678",
        quote_volume_text="1234567.89",
    )


def test_tradingview_sections_become_watchlists_and_bad_entries_are_listed() -> None:
    result = parse_import(TRADINGVIEW.encode(), CATALOG)

    assert [(lst.name, lst.symbols) for lst in result.lists] == [
        ("Majors", ["BTCUSDT", "ETHUSDT"]),
        ("My alts", ["DOGEUSDT", "ADAUSDT"]),
    ]
    reasons = {s.text: s.reason for s in result.skipped}
    assert reasons == {
        "BYBIT:SOLUSDT.P": Skip.OTHER_EXCHANGE,
        "BINANCE:NOSUCHUSDT.P": Skip.UNKNOWN,
        "BINANCE:BTC-USDT.P": Skip.MALFORMED,
        "BINANCE:BTCUSD.P": Skip.COIN_MARGINED,
        "BINANCE:ALPACAUSDT.P": Skip.NOT_TRADING,
    }
    assert result.converted == [("BINANCE:ADAUSDT", "ADAUSDT")], "spot entry said, not hidden"
    assert result.checked


def test_plain_list_with_comments_duplicates_and_lowercase() -> None:
    data = b"# my list\nbtcusdt, ethusdt\nSOLUSDT BTCUSDT\n\nxrpusdt\n"
    result = parse_import(data, CATALOG)
    assert [(lst.name, lst.symbols) for lst in result.lists] == [
        (None, ["BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT"])
    ]
    assert result.skipped == []


def test_without_a_contract_list_symbols_are_taken_unchecked_but_coin_m_is_refused() -> None:
    result = parse_import(b"FOOUSDT\nBTCUSD_PERP\nETHUSD_270326\n", ContractCatalog())
    assert result.lists[0].symbols == ["FOOUSDT"]
    assert [s.reason for s in result.skipped] == [Skip.COIN_MARGINED, Skip.COIN_MARGINED]
    assert not result.checked


def test_skipped_entries_carry_their_line_numbers() -> None:
    result = parse_import(b"BTCUSDT\nNOPEUSDT\n\nETHUSDT,bad-one\n", CATALOG)
    assert [(s.line, s.text, s.reason) for s in result.skipped] == [
        (2, "NOPEUSDT", Skip.UNKNOWN),
        (4, "bad-one", Skip.MALFORMED),
    ]


def test_csv_export_imports_back_list_for_list() -> None:
    lists = [("Main", ["BTCUSDT", "ETHUSDT"]), ("Alts", ["DOGEUSDT"])]
    quotes = {"BTCUSDT": ticker("BTCUSDT", "104164.50")}
    text = to_csv(export_rows(lists, quotes.get))

    result = parse_import(text.encode(), CATALOG)
    assert [(lst.name, lst.symbols) for lst in result.lists] == lists
    assert result.skipped == []


def test_json_export_imports_back_list_for_list() -> None:
    lists = [("Main", ["BTCUSDT", "币安人生USDT"]), ("Q", ["BTCUSDT_261225"])]
    no_prices: dict[str, MiniTicker] = {}
    text = to_json(
        lists, no_prices.get, pins=["BTCUSDT"], source="demo", exported_at=1_764_700_000.0
    )
    result = parse_import(text.encode(), CATALOG)
    assert [(lst.name, lst.symbols) for lst in result.lists] == lists
    document = json.loads(text)
    assert document["source"] == "demo"
    assert document["exported_at_utc"].startswith("2025-12-02T18:26:40")


def test_export_keeps_the_exchange_strings_exact_and_says_when() -> None:
    rows = export_rows(
        [("Main", ["BTCUSDT", "ETHUSDT"])], {"BTCUSDT": ticker("BTCUSDT", "110.10")}.get
    )
    btc, eth = rows
    assert btc["last"] == "110.10", "trailing zero kept: the exchange's own string"
    assert btc["change_24h"] == "10.10"
    assert btc["change_24h_percent"] == "10.1"
    assert btc["quote_volume"] == "1234567.89"
    assert btc["price_time_utc"] == "2025-12-02T18:26:40.123+00:00"
    assert eth["last"] == "" and eth["symbol"] == "ETHUSDT", "no price yet: empty, not zero"
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert tuple(parsed[0]) == EXPORT_COLUMNS


def test_tsv_has_a_header_and_one_line_a_row() -> None:
    rows = export_rows([("Main", ["BTCUSDT"])], {"BTCUSDT": ticker("BTCUSDT", "1.5")}.get)
    lines = to_tsv(rows, ("symbol", "last")).splitlines()
    assert lines == ["symbol\tlast", "BTCUSDT\t1.5"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\xff\xfe\x00b\x00t", Unreadable.NOT_TEXT),
        (b'{"watchlists": [1, 2', Unreadable.BROKEN_JSON),
        (b'{"other": 1}', Unreadable.NO_WATCHLISTS),
        (b"A" * 2_000_001, Unreadable.TOO_LARGE),
    ],
)
def test_a_file_that_is_no_watchlist_is_refused_with_a_reason(
    data: bytes, reason: Unreadable
) -> None:
    with pytest.raises(WatchlistFileError) as caught:
        parse_import(data, CATALOG)
    assert caught.value.reason is reason
