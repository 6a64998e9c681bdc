"""The simulated market: a seeded random walk per contract, exact at its tick size.

Pure state and arithmetic, no I/O: the websocket and REST servers read it. Every price
is a ``Decimal`` that is a whole multiple of the contract's tick and is formatted with
exactly the tick's number of decimals, the way Binance prints them ("104250.10").

As on the exchange, a contract is pushed only when it changed: a *quiet* one
(``Market.set_quiet``) stands still until a price is forced on it. Contracts of another
market (COIN-M) walk too, but only ride along in the all-market array.
"""

from __future__ import annotations

import logging
import math
import random
import time
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Final

from desktop.exchange.symbols import stream_name
from desktop.exchange.ticker import COIN_M, USDS_M
from desktop.simexchange.contracts_data import SIM_PRICE_KEY

log = logging.getLogger(__name__)

DAY_MS: Final = 24 * 3600 * 1000
QUOTE_VOLUME_STEP: Final = Decimal("0.01")
PERCENT_STEP: Final = Decimal("0.001")
_STEP_SIGMA: Final = 0.0008  # relative standard deviation of one cadence step

INTERVAL_MS: Final[dict[str, int]] = {
    "1m": 60_000,
    "3m": 3 * 60_000,
    "5m": 5 * 60_000,
    "15m": 15 * 60_000,
    "30m": 30 * 60_000,
    "1h": 3_600_000,
    "2h": 2 * 3_600_000,
    "4h": 4 * 3_600_000,
    "6h": 6 * 3_600_000,
    "8h": 8 * 3_600_000,
    "12h": 12 * 3_600_000,
    "1d": DAY_MS,
    "3d": 3 * DAY_MS,
    "1w": 7 * DAY_MS,
}


def quantize(value: Decimal, step: Decimal, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """``value`` rounded to a whole multiple of ``step``, carrying ``step``'s exponent."""
    units = (value / step).to_integral_value(rounding=rounding)
    return (units * step).quantize(step)


def now_ms() -> int:
    return int(time.time() * 1000)


def _filter_value(entry: Mapping[str, object], filter_type: str, key: str) -> str | None:
    filters = entry.get("filters")
    for item in filters if isinstance(filters, list) else ():
        if isinstance(item, dict) and item.get("filterType") == filter_type:
            value = item.get(key)
            return str(value) if value is not None else None
    return None


@dataclass
class SymbolState:
    """One contract's rolling 24 h statistics."""

    symbol: str
    status: str
    tick: Decimal
    step: Decimal
    close: Decimal
    open: Decimal
    high: Decimal
    low: Decimal
    volume: Decimal
    quote_volume: Decimal
    last_qty: Decimal
    first_id: int
    last_id: int
    event_time: int = 0
    market: int = USDS_M  # the all-market array's "st": 1 USDⓈ-M, 2 COIN-M

    @property
    def trading(self) -> bool:
        return self.status == "TRADING"

    @property
    def stream(self) -> str:
        return stream_name(self.symbol)

    def event(self, *, all_market: bool = False) -> dict[str, str | int]:
        """The ``24hrMiniTicker`` payload for the current state.

        Only an all-market array's rows carry the market (``"st"``); a COIN-M contract's
        always do, as it is seen nowhere else.
        """
        event: dict[str, str | int] = {
            "e": "24hrMiniTicker",
            "E": self.event_time,
            "s": self.symbol,
            "c": str(self.close),
            "o": str(self.open),
            "h": str(self.high),
            "l": str(self.low),
            "v": str(self.volume),
            "q": str(self.quote_volume),
        }
        if all_market or self.market != USDS_M:
            event["st"] = self.market
        return event


class Market:
    """All listed contracts and their prices; ``tick()`` advances every trading one.

    ``other_markets`` are COIN-M contracts: never listed, served or pushed on their own, only in
    ``all_market_states()``. They walk on a random stream of their own, so a seed's
    USDⓈ-M prices stay what they were without them.
    """

    def __init__(
        self,
        contracts: Iterable[dict[str, object]],
        seed: int | None = None,
        *,
        other_markets: Iterable[dict[str, object]] = (),
    ) -> None:
        self._seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
        self._rng = random.Random(self._seed)
        self._other_rng = random.Random(zlib.crc32(f"{self._seed}:other markets".encode()))
        self._states: dict[str, SymbolState] = {}
        self._by_stream: dict[str, SymbolState] = {}
        self._forced: dict[str, Decimal] = {}
        self._quiet: set[str] = set()
        self.entries: list[dict[str, object]] = []
        for entry in contracts:
            state = self._initial_state(entry, self._rng)
            if state is None:
                continue
            if state.symbol in self._states:
                log.warning("duplicate contract %s ignored", state.symbol)
                continue
            self.entries.append(entry)
            self._states[state.symbol] = state
            self._by_stream[state.stream] = state
        self._others: dict[str, SymbolState] = {}
        for entry in other_markets:
            state = self._initial_state(entry, self._other_rng)
            if state is not None and state.symbol not in self._states:
                state.market = COIN_M
                self._others.setdefault(state.symbol, state)

    def _initial_state(self, entry: dict[str, object], rng: random.Random) -> SymbolState | None:
        symbol = entry.get("symbol")
        if not isinstance(symbol, str) or not symbol:
            log.warning("contract entry without a symbol ignored: %.80r", entry)
            return None
        tick = Decimal(_filter_value(entry, "PRICE_FILTER", "tickSize") or "0.01")
        step = Decimal(_filter_value(entry, "LOT_SIZE", "stepSize") or "0.001")
        raw_price = entry.get(SIM_PRICE_KEY)
        price = Decimal(str(raw_price)) if raw_price is not None else tick * 10_000
        close = max(quantize(price, tick), tick)
        open_ = max(quantize(close / Decimal(repr(1 + rng.uniform(-0.06, 0.06))), tick), tick)
        high = quantize(
            max(close, open_) * Decimal(repr(1 + rng.uniform(0, 0.03))), tick, ROUND_CEILING
        )
        low = max(
            quantize(
                min(close, open_) * Decimal(repr(1 - rng.uniform(0, 0.03))), tick, ROUND_FLOOR
            ),
            tick,
        )
        low = min(low, close, open_)
        quote_target = Decimal(repr(math.exp(rng.uniform(math.log(2e6), math.log(3e9)))))
        average = (high + low) / 2
        volume = max(quantize(quote_target / average, step), step)
        quote_volume = quantize(volume * average, QUOTE_VOLUME_STEP)
        first_id = rng.randrange(10**8, 6 * 10**9)
        return SymbolState(
            symbol=symbol,
            status=str(entry.get("status", "TRADING")),
            tick=tick,
            step=step,
            close=close,
            open=open_,
            high=high,
            low=low,
            volume=volume,
            quote_volume=quote_volume,
            last_qty=step,
            first_id=first_id,
            last_id=first_id + rng.randrange(10**5, 5 * 10**6),
            event_time=now_ms(),
        )

    # --- queries -------------------------------------------------------------------------

    @property
    def seed(self) -> int:
        return self._seed

    @property
    def symbols(self) -> list[str]:
        return list(self._states)

    def state(self, symbol: str) -> SymbolState | None:
        return self._states.get(symbol)

    def by_stream(self, stream: str) -> SymbolState | None:
        """The contract whose ``<symbol>@miniTicker`` stream this is (exact, lower-case)."""
        return self._by_stream.get(stream)

    def trading_states(self) -> list[SymbolState]:
        """The listed (USDⓈ-M) contracts that trade."""
        return [s for s in self._states.values() if s.trading]

    def all_market_states(self) -> list[SymbolState]:
        """What ``!miniTicker@arr`` carries: the trading contracts of every market."""
        states = [*self._states.values(), *self._others.values()]
        return [s for s in states if s.trading]

    @property
    def other_market_symbols(self) -> list[str]:
        """The contracts of another market (COIN-M) the all-market array carries."""
        return list(self._others)

    @property
    def quiet(self) -> frozenset[str]:
        return frozenset(self._quiet)

    # --- changes -------------------------------------------------------------------------

    def set_price(self, symbol: str, price: str | Decimal) -> None:
        """Make ``price`` the next close of ``symbol`` (rounded to its tick)."""
        state = self._states.get(symbol)
        if state is None:
            raise KeyError(f"no contract {symbol!r} in the simulated market")
        value = Decimal(str(price))
        if not value.is_finite() or value <= 0:
            raise ValueError(f"price must be a positive number, not {price!r}")
        self._forced[symbol] = max(quantize(value, state.tick), state.tick)

    def set_quiet(self, symbol: str, quiet: bool = True) -> None:
        """Make ``symbol`` stand still (no trades, so nothing pushed) until a price is
        forced on it, or walk again (``quiet=False``); ``KeyError`` for an unknown one."""
        if symbol not in self._states:
            raise KeyError(f"no contract {symbol!r} in the simulated market")
        if quiet:
            self._quiet.add(symbol)
        else:
            self._quiet.discard(symbol)

    def tick(self, event_time: int | None = None) -> list[SymbolState]:
        """Advance every trading contract one step; returns the listed ones that changed
        (all but the quiet ones without a forced price; other markets' never)."""
        stamp = now_ms() if event_time is None else event_time
        moved = []
        for state in self._states.values():
            if not state.trading:
                continue
            forced = self._forced.pop(state.symbol, None)
            if forced is None and state.symbol in self._quiet:
                continue
            _step(state, forced, self._rng, stamp)
            moved.append(state)
        for state in self._others.values():
            if state.trading:
                _step(state, None, self._other_rng, stamp)
        return moved

    # --- REST views ----------------------------------------------------------------------

    def ticker_24hr(self, state: SymbolState) -> dict[str, str | int]:
        """A ``GET /fapi/v1/ticker/24hr`` row."""
        change = state.close - state.open
        percent = (
            quantize(change * 100 / state.open, PERCENT_STEP) if state.open else Decimal("0.000")
        )
        weighted = (
            quantize(state.quote_volume / state.volume, state.tick)
            if state.volume
            else (state.close)
        )
        close_time = state.event_time
        return {
            "symbol": state.symbol,
            "priceChange": str(change.quantize(state.tick)),
            "priceChangePercent": str(percent),
            "weightedAvgPrice": str(weighted),
            "lastPrice": str(state.close),
            "lastQty": str(state.last_qty),
            "openPrice": str(state.open),
            "highPrice": str(state.high),
            "lowPrice": str(state.low),
            "volume": str(state.volume),
            "quoteVolume": str(state.quote_volume),
            "openTime": close_time - DAY_MS,
            "closeTime": close_time,
            "firstId": state.first_id,
            "lastId": state.last_id,
            "count": state.last_id - state.first_id + 1,
        }

    def klines(self, state: SymbolState, interval: str, limit: int) -> list[list[str | int]]:
        """``limit`` candles ending with the current one, synthesised backwards from the
        current price: each candle's open is the previous candle's close, high/low bound
        both, and the last close is the current price. Seeded per symbol and interval.
        """
        span = INTERVAL_MS[interval]
        key = f"{self._seed}:{state.symbol}:{interval}".encode()
        rng = random.Random(zlib.crc32(key))
        sigma = _STEP_SIGMA * math.sqrt(span / 2000)
        per_candle = state.volume * span / DAY_MS
        last_open = (now_ms() // span) * span
        rows: list[list[str | int]] = []
        close = state.close
        for index in range(limit):
            open_time = last_open - index * span
            factor = Decimal(repr(1 + rng.gauss(0, sigma)))
            open_ = max(quantize(close / factor, state.tick), state.tick)
            wick_up = Decimal(repr(1 + abs(rng.gauss(0, sigma / 2))))
            wick_down = Decimal(repr(1 - min(abs(rng.gauss(0, sigma / 2)), 0.5)))
            high = quantize(max(open_, close) * wick_up, state.tick, ROUND_CEILING)
            low = max(quantize(min(open_, close) * wick_down, state.tick, ROUND_FLOOR), state.tick)
            low = min(low, open_, close)
            volume = max(
                quantize(per_candle * Decimal(repr(rng.uniform(0.5, 1.5))), state.step), state.step
            )
            average = (high + low) / 2
            quote = quantize(volume * average, QUOTE_VOLUME_STEP)
            taker = quantize(volume * Decimal(repr(rng.uniform(0.3, 0.7))), state.step)
            taker_quote = quantize(taker * average, QUOTE_VOLUME_STEP)
            rows.append(
                [
                    open_time,
                    str(open_),
                    str(high),
                    str(low),
                    str(close),
                    str(volume),
                    open_time + span - 1,
                    str(quote),
                    rng.randrange(50, 5000),
                    str(taker),
                    str(taker_quote),
                    "0",
                ]
            )
            close = open_
        rows.reverse()
        return rows


def _step(state: SymbolState, forced: Decimal | None, rng: random.Random, stamp: int) -> None:
    """One trade's worth of change: to ``forced`` or a random step, some volume."""
    if forced is not None:
        close = forced
    else:
        factor = Decimal(repr(1 + rng.gauss(0, _STEP_SIGMA)))
        close = max(quantize(state.close * factor, state.tick), state.tick)
    qty = quantize(state.volume * Decimal(repr(rng.uniform(0, 2e-5))), state.step)
    qty = max(qty, state.step)
    state.close = close
    state.high = max(state.high, close)
    state.low = min(state.low, close)
    state.volume += qty
    state.quote_volume = quantize(state.quote_volume + qty * close, QUOTE_VOLUME_STEP)
    state.last_qty = qty
    state.last_id += rng.randrange(1, 40)
    state.event_time = stamp


class AllMarketView(Market):
    """The market as the websocket server serves it: ``trading_states()`` is
    ``all_market_states()``, COIN-M rows included, which is what the server builds
    ``!miniTicker@arr`` from (and what else it reads there, event times, holds for them
    too). Shares every bit of the market's state: a view, not a copy.

    A workaround while the websocket server asks ``trading_states()`` for the array's
    rows; once it asks ``all_market_states()`` (with ``event(all_market=True)``, so that
    USDⓈ-M rows carry ``"st": 1`` as on the exchange), the server can take the market.
    """

    def __init__(self, market: Market) -> None:  # no super().__init__(): shares the state
        self.__dict__ = market.__dict__

    def trading_states(self) -> list[SymbolState]:
        return self.all_market_states()
