"""Small, hand-made market data for Qt model and UI tests: a catalog and ticker builders."""

from __future__ import annotations

from typing import Any

from desktop.exchange.contracts import ContractCatalog, parse_exchange_info
from desktop.exchange.ticker import MiniTicker


def contract_entry(
    symbol: str,
    *,
    base: str | None = None,
    quote: str = "USDT",
    contract_type: str = "PERPETUAL",
    underlying: str = "COIN",
    status: str = "TRADING",
    tick: str = "0.10",
) -> dict[str, Any]:
    """One ``symbols[]`` entry of an exchangeInfo document."""
    return {
        "symbol": symbol,
        "pair": symbol.split("_")[0],
        "contractType": contract_type,
        "status": status,
        "baseAsset": base if base is not None else symbol.split("_")[0][: -len(quote)],
        "quoteAsset": quote,
        "underlyingType": underlying,
        "pricePrecision": 8,
        "filters": [{"filterType": "PRICE_FILTER", "tickSize": tick}],
    }


SAMPLE_ENTRIES: list[dict[str, Any]] = [
    contract_entry("BTCUSDT", tick="0.10"),
    contract_entry("ETHUSDT", tick="0.01"),
    contract_entry("ETHUSDC", quote="USDC", tick="0.01"),
    contract_entry("1000SATSUSDT", tick="0.0000001"),
    contract_entry("币安人生USDT", base="币安人生", tick="0.0000100"),
    contract_entry("BTCUSDT_261225", contract_type="CURRENT_QUARTER", tick="0.10"),
    contract_entry("OLDUSDT", status="SETTLING", tick="0.001"),
    contract_entry("XAUUSDT", contract_type="TRADIFI_PERPETUAL", underlying="TRADIFI", tick="0.01"),
]


def sample_catalog() -> ContractCatalog:
    return ContractCatalog(parse_exchange_info({"symbols": SAMPLE_ENTRIES}))


def large_catalog(count: int = 1000) -> ContractCatalog:
    """``count`` made-up contracts with a realistic spread of names, kinds and quotes."""
    entries = list(SAMPLE_ENTRIES)
    for i in range(count - len(entries)):
        name = f"C{i:04d}X"
        if i % 10 == 0:
            entries.append(contract_entry(f"{name}USDT_261225", contract_type="NEXT_QUARTER"))
        elif i % 7 == 0:
            entries.append(contract_entry(f"{name}USDC", quote="USDC"))
        elif i % 13 == 0:
            entries.append(
                contract_entry(
                    f"{name}USDT", contract_type="TRADIFI_PERPETUAL", underlying="TRADIFI"
                )
            )
        else:
            entries.append(contract_entry(f"{name}USDT"))
    return ContractCatalog(parse_exchange_info({"symbols": entries}))


def ticker(
    symbol: str,
    close: str,
    *,
    open: str | None = None,
    high: str | None = None,
    low: str | None = None,
    base_volume: str = "1234567.891",
    quote_volume: str = "98765432109.5",
    event_time: int = 1_767_225_600_000,
) -> MiniTicker:
    """A mini ticker event; open/high/low default to the close."""
    return MiniTicker(
        symbol=symbol,
        event_time=event_time,
        close_text=close,
        open_text=open if open is not None else close,
        high_text=high if high is not None else close,
        low_text=low if low is not None else close,
        base_volume_text=base_volume,
        quote_volume_text=quote_volume,
    )


class FakeClock:
    """A settable ``time.time`` stand-in shared by a QuoteBook and the models under test."""

    def __init__(self, now: float = 1_767_225_600.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
