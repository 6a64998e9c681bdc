"""The REST endpoints the app uses, answered from the simulated market the way
``fapi.binance.com`` answers them (shapes, error codes and HTTP statuses).
"""

from __future__ import annotations

import copy
import logging
from typing import Final

from desktop.simexchange.contracts_data import SIM_PRICE_KEY
from desktop.simexchange.market import INTERVAL_MS, Market, now_ms

log = logging.getLogger(__name__)

MAX_KLINES: Final = 1500
DEFAULT_KLINES: Final = 500

_NOT_FOUND: Final = 404
_BAD_REQUEST: Final = 400


def _error(code: int, msg: str) -> dict[str, int | str]:
    return {"code": code, "msg": msg}


def _missing(name: str) -> tuple[int, dict[str, int | str]]:
    return _BAD_REQUEST, _error(
        -1102, f"Mandatory parameter '{name}' was not sent, was empty/null, or malformed."
    )


class RestApi:
    """Routes ``GET`` paths to answers; ``unavailable`` makes every answer a 503."""

    def __init__(self, market: Market) -> None:
        self.market = market
        self.unavailable = False
        self._exchange_symbols = [
            {k: v for k, v in entry.items() if k != SIM_PRICE_KEY}
            for entry in copy.deepcopy(market.entries)
        ]

    def handle(self, path: str, query: dict[str, str]) -> tuple[int, object]:
        """(HTTP status, the body for ``json.dumps``) for a ``GET`` of ``path``."""
        if self.unavailable:
            return 503, _error(-1001, "Service unavailable (simulated outage).")
        route = path.rstrip("/")
        if route == "/fapi/v1/ping":
            return 200, {}
        if route == "/fapi/v1/time":
            return 200, {"serverTime": now_ms()}
        if route == "/fapi/v1/exchangeInfo":
            return 200, self.exchange_info()
        if route == "/fapi/v1/ticker/24hr":
            return self.ticker_24hr(query)
        if route == "/fapi/v1/klines":
            return self.klines(query)
        return _NOT_FOUND, _error(-1, f"Not found: {path[:80]}")

    def exchange_info(self) -> dict[str, object]:
        return {
            "timezone": "UTC",
            "serverTime": now_ms(),
            "futuresType": "U_MARGINED",
            "rateLimits": [],
            "exchangeFilters": [],
            "assets": [],
            "symbols": self._exchange_symbols,
        }

    def ticker_24hr(self, query: dict[str, str]) -> tuple[int, object]:
        symbol = query.get("symbol")
        if symbol is None:
            states = (self.market.state(symbol) for symbol in self.market.symbols)
            return 200, [self.market.ticker_24hr(state) for state in states if state]
        state = self.market.state(symbol)
        if state is None:
            return _BAD_REQUEST, _error(-1121, "Invalid symbol.")
        return 200, self.market.ticker_24hr(state)

    def klines(self, query: dict[str, str]) -> tuple[int, object]:
        symbol = query.get("symbol")
        if not symbol:
            return _missing("symbol")
        interval = query.get("interval")
        if not interval:
            return _missing("interval")
        state = self.market.state(symbol)
        if state is None:
            return _BAD_REQUEST, _error(-1121, "Invalid symbol.")
        if interval not in INTERVAL_MS:
            return _BAD_REQUEST, _error(-1120, "Invalid interval.")
        try:
            limit = int(query.get("limit", DEFAULT_KLINES))
        except ValueError:
            limit = -1
        if not 1 <= limit <= MAX_KLINES:
            return _BAD_REQUEST, _error(-1130, "Data sent for parameter 'limit' is not valid.")
        return 200, self.market.klines(state, interval, limit)
