"""Contract metadata: tolerant parsing (unknown enums), tick precision, user-symbol checks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.exchange.contracts import (
    ContractCatalog,
    NotTradingError,
    UnknownSymbolError,
    parse_exchange_info,
)
from desktop.exchange.symbols import SymbolError


def entry(symbol: str, **over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "symbol": symbol,
        "pair": symbol,
        "contractType": "PERPETUAL",
        "status": "TRADING",
        "baseAsset": symbol[:-4],
        "quoteAsset": "USDT",
        "underlyingType": "COIN",
        "pricePrecision": 2,
        "filters": [{"filterType": "PRICE_FILTER", "tickSize": "0.10", "minPrice": "0.1"}],
    }
    base.update(over)
    return base


DOC = {
    "symbols": [
        entry("BTCUSDT"),
        entry("BTCUSDT_261225", contractType="CURRENT_QUARTER", pair="BTCUSDT"),
        entry("XAUUSDT", contractType="TRADIFI_PERPETUAL", underlyingType="TRADIFI"),
        entry("币安人生USDT", filters=[{"filterType": "PRICE_FILTER", "tickSize": "0.0000100"}]),
        entry("OLDUSDT", status="SETTLING"),
        entry("NEWUSDT", contractType="SOMETHING_NEW_2027", underlyingType="QUANTUM"),
        {"no": "symbol"},
        "junk",
    ]
}


def test_exchange_info_loads_unknown_enums_and_skips_junk() -> None:
    contracts = {c.symbol: c for c in parse_exchange_info(DOC)}
    assert set(contracts) == {
        "BTCUSDT",
        "BTCUSDT_261225",
        "XAUUSDT",
        "币安人生USDT",
        "OLDUSDT",
        "NEWUSDT",
    }
    assert contracts["NEWUSDT"].contract_type == "SOMETHING_NEW_2027"
    assert contracts["NEWUSDT"].kind == "other"
    assert contracts["XAUUSDT"].kind == "tradfi"
    assert contracts["BTCUSDT_261225"].kind == "quarterly"
    assert contracts["BTCUSDT"].kind == "perpetual"


def test_tick_size_sets_price_decimals() -> None:
    contracts = {c.symbol: c for c in parse_exchange_info(DOC)}
    assert contracts["BTCUSDT"].tick_size == Decimal("0.10")
    assert contracts["BTCUSDT"].price_decimals == 1
    assert contracts["币安人生USDT"].price_decimals == 5


def test_not_an_exchange_info_document_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_exchange_info({"code": -1000})


def test_catalog_validates_what_people_type() -> None:
    catalog = ContractCatalog(parse_exchange_info(DOC))
    assert catalog.validate(" btcusdt ") == "BTCUSDT"
    assert catalog.validate("币安人生usdt") == "币安人生USDT"
    with pytest.raises(UnknownSymbolError, match="no contract called NOPEUSDT"):
        catalog.validate("nopeusdt")
    with pytest.raises(NotTradingError, match="SETTLING"):
        catalog.validate("OLDUSDT")
    with pytest.raises(SymbolError):
        catalog.validate("../x")


def test_empty_catalog_accepts_well_formed_symbols_until_metadata_is_known() -> None:
    assert ContractCatalog().validate("anyusdt") == "ANYUSDT"
