"""Contract metadata from ``GET /fapi/v1/exchangeInfo``.

Enum-like fields (contract type, status, underlying type) are kept as the exchange's
strings: values this code has never seen (``TRADIFI_PERPETUAL`` appeared in 2025) must
still load, show and filter.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from desktop.exchange.symbols import SymbolError, normalize_symbol
from desktop.wording import translate

log = logging.getLogger(__name__)

PERPETUAL = "PERPETUAL"
TRADING = "TRADING"


def _tr(text: str) -> str:
    return translate("Exchange", text)


class UnknownSymbolError(SymbolError):
    """The exchange does not list this symbol."""


class NotTradingError(SymbolError):
    """The exchange lists the symbol, but it is not trading (settling, delisted, …)."""


@dataclass(frozen=True, slots=True)
class Contract:
    """One USD-M futures contract."""

    symbol: str
    pair: str
    contract_type: str  # PERPETUAL, CURRENT_QUARTER, NEXT_QUARTER, TRADIFI_PERPETUAL, …
    status: str  # TRADING, SETTLING, PENDING_TRADING, …
    base_asset: str
    quote_asset: str
    underlying_type: str  # COIN, INDEX, TRADIFI, …
    price_precision: int
    tick_size: Decimal | None  # PRICE_FILTER tickSize; None if the exchange gave none

    @property
    def is_trading(self) -> bool:
        return self.status == TRADING

    @property
    def kind(self) -> str:
        """Coarse family for filters: ``perpetual``, ``quarterly``, ``tradfi`` or ``other``."""
        ctype = self.contract_type.upper()
        if "TRADIFI" in ctype or "TRADFI" in ctype or self.underlying_type.upper() == "TRADIFI":
            return "tradfi"
        if ctype == PERPETUAL:
            return "perpetual"
        if "QUARTER" in ctype or "_" in self.symbol:
            return "quarterly"
        return "other"

    @property
    def price_decimals(self) -> int:
        """Digits after the point that prices of this contract carry."""
        if self.tick_size is not None and self.tick_size > 0:
            return max(0, -self.tick_size.normalize().as_tuple().exponent)  # type: ignore[operator]
        return max(0, self.price_precision)


def _text(raw: dict[str, object], key: str, default: str = "") -> str:
    value = raw.get(key, default)
    return value if isinstance(value, str) else default


def parse_contract(raw: object) -> Contract:
    """One entry of ``symbols[]``; raises ``ValueError`` if it lacks a usable symbol."""
    if not isinstance(raw, dict):
        raise ValueError("contract entry is not an object")
    symbol = raw.get("symbol")
    if not isinstance(symbol, str):
        raise ValueError(f"contract without a symbol: {raw!r:.80}")
    symbol = normalize_symbol(symbol)
    tick: Decimal | None = None
    filters = raw.get("filters")
    for entry in filters if isinstance(filters, list) else ():
        if isinstance(entry, dict) and entry.get("filterType") == "PRICE_FILTER":
            try:
                tick = Decimal(str(entry.get("tickSize")))
            except InvalidOperation:
                tick = None
            if tick is not None and (not tick.is_finite() or tick <= 0):
                tick = None
    precision = raw.get("pricePrecision")
    return Contract(
        symbol=symbol,
        pair=_text(raw, "pair", symbol),
        contract_type=_text(raw, "contractType", "UNKNOWN") or "UNKNOWN",
        status=_text(raw, "status", "UNKNOWN") or "UNKNOWN",
        base_asset=_text(raw, "baseAsset"),
        quote_asset=_text(raw, "quoteAsset"),
        underlying_type=_text(raw, "underlyingType"),
        price_precision=precision if isinstance(precision, int) and 0 <= precision < 20 else 8,
        tick_size=tick,
    )


def parse_exchange_info(document: object) -> list[Contract]:
    """All usable contracts of an exchangeInfo document; bad entries are logged and skipped.

    Raises ``ValueError`` when the document itself is not an exchangeInfo answer.
    """
    if not isinstance(document, dict) or not isinstance(document.get("symbols"), list):
        raise ValueError("not an exchangeInfo document (no 'symbols' list)")
    contracts: list[Contract] = []
    skipped = 0
    for raw in document["symbols"]:
        try:
            contracts.append(parse_contract(raw))
        except ValueError as exc:
            skipped += 1
            if skipped <= 3:
                log.warning("skipping a contract entry: %s", exc)
    if skipped:
        log.warning(
            "skipped %d malformed contract entries of %d", skipped, skipped + len(contracts)
        )
    return contracts


class ContractCatalog:
    """The contracts the exchange lists, by symbol; answers "may the user watch X?"."""

    def __init__(self, contracts: Iterable[Contract] = ()) -> None:
        self._by_symbol = {c.symbol: c for c in contracts}

    def __len__(self) -> int:
        return len(self._by_symbol)

    def __iter__(self) -> Iterator[Contract]:
        return iter(self._by_symbol.values())

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._by_symbol

    def get(self, symbol: str) -> Contract | None:
        return self._by_symbol.get(symbol)

    def validate(self, text: str) -> str:
        """Normalise ``text`` and check the exchange lists it as trading.

        Returns the symbol; raises ``SymbolError`` (or a subclass) with a message for people.
        An empty catalog (metadata not loaded yet) accepts any well-formed symbol.
        """
        symbol = normalize_symbol(text)
        if not self._by_symbol:
            return symbol
        contract = self._by_symbol.get(symbol)
        if contract is None:
            raise UnknownSymbolError(
                translate(
                    "Exchange", "Binance USD-M futures has no contract called {symbol}."
                ).format(symbol=symbol)
            )
        if not contract.is_trading:
            raise NotTradingError(
                translate(
                    "Exchange", "{symbol} is listed but not trading (status {status})."
                ).format(symbol=symbol, status=contract.status)
            )
        return symbol
