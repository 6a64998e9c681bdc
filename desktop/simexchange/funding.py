"""Mark prices and funding for the simulated market: ``markPriceUpdate`` events.

Each perpetual settles funding every 8 h, as most do on Binance; some every 4 h or 1 h
(picked by a hash of the symbol, so a listing always gets the same ones). Funding times
are whole multiples of the interval since the epoch (00:00, 08:00, 16:00 UTC for 8 h).
Quarterlies have no funding: ``r`` is ``""`` and ``T`` 0, as on the exchange.

The mark price follows the last price closely, the index a small premium away from it,
both exact at the contract's tick; the rate is derived from that premium. Tests can put a
contract's next funding a few seconds ahead (``set_next_funding``), shorten its interval
(``set_interval``), force a rate (``set_rate``) or stop its mark events (``set_quiet``).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from desktop.exchange.funding import MARK_EVENT
from desktop.simexchange.market import SymbolState, quantize

HOUR_MS: Final = 3_600_000
RATE_STEP: Final = Decimal("0.00000001")
_BASE_RATE: Final = Decimal("0.0001")  # 0.01 % per period, Binance's usual floor rate


@dataclass
class Funding:
    """One contract's funding schedule and rate (``interval_ms`` 0: no funding)."""

    interval_ms: int
    next_ms: int = 0
    rate: Decimal = _BASE_RATE
    forced_rate: Decimal | None = None


def _hash(symbol: str) -> int:
    return zlib.crc32(symbol.encode())


def _interval_for(entry: Mapping[str, object]) -> int:
    if not str(entry.get("contractType", "PERPETUAL")).endswith("PERPETUAL"):  # quarterlies
        return 0
    pick = _hash(str(entry.get("symbol"))) % 10
    return HOUR_MS if pick == 0 else 4 * HOUR_MS if pick in (1, 2) else 8 * HOUR_MS


def next_boundary(now_ms: int, interval_ms: int) -> int:
    """The first multiple of ``interval_ms`` after ``now_ms``."""
    return (now_ms // interval_ms + 1) * interval_ms


class FundingBook:
    """The funding of every listed contract; builds their mark price events."""

    def __init__(self, entries: Iterable[Mapping[str, object]]) -> None:
        self._funding: dict[str, Funding] = {}
        for entry in entries:
            symbol = entry.get("symbol")
            if isinstance(symbol, str) and symbol:
                self._funding[symbol] = Funding(_interval_for(entry))
        self._quiet: set[str] = set()

    def funding(self, symbol: str) -> Funding:
        funding = self._funding.get(symbol)
        if funding is None:
            raise KeyError(f"no contract {symbol!r} in the simulated market")
        return funding

    # --- changes (tests) -----------------------------------------------------------------

    def set_next_funding(self, symbol: str, when_ms: int) -> None:
        """Make ``when_ms`` the contract's next funding time; later ones follow each interval."""
        funding = self.funding(symbol)
        if not funding.interval_ms:
            raise ValueError(f"{symbol} has no funding")
        funding.next_ms = when_ms

    def set_interval(self, symbol: str, interval_ms: int) -> None:
        """Settle every ``interval_ms`` from now on (e.g. a few seconds, for a test)."""
        if interval_ms <= 0:
            raise ValueError("the funding interval must be positive")
        funding = self.funding(symbol)
        funding.interval_ms = interval_ms
        funding.next_ms = 0

    def set_rate(self, symbol: str, rate: str | Decimal | None) -> None:
        """Force the funding rate (a fraction: ``"0.0005"`` is 0.05 %); None to let it float."""
        self.funding(symbol).forced_rate = None if rate is None else Decimal(str(rate))

    def set_quiet(self, symbol: str, quiet: bool = True) -> None:
        """Stop (or resume) the contract's mark price events."""
        self.funding(symbol)
        if quiet:
            self._quiet.add(symbol)
        else:
            self._quiet.discard(symbol)

    def is_quiet(self, symbol: str) -> bool:
        return symbol in self._quiet

    # --- events --------------------------------------------------------------------------

    def event(self, state: SymbolState, now_ms: int) -> dict[str, str | int]:
        """The ``markPriceUpdate`` payload for ``state`` at ``now_ms``; settles funding
        (moves the next funding time on by whole intervals) once that time has passed."""
        funding = self._funding.get(state.symbol) or Funding(0)
        # A premium of a few basis points that drifts slowly with time, per contract.
        phase = (_hash(state.symbol) % 1000) / 1000 * 2 * math.pi
        premium = Decimal(repr(0.0004 * math.sin(now_ms / 600_000 + phase)))
        tick = state.tick
        # The mark follows the last price, a third of the premium nearer the index.
        mark = max(quantize(state.close * (1 - premium / 3), tick), tick)
        index = max(quantize(state.close / (1 + premium), tick / 10), tick / 10)
        event: dict[str, str | int] = {
            "e": MARK_EVENT,
            "E": now_ms,
            "s": state.symbol,
            "p": str(mark),
            "i": str(index),
            "P": str(index),
            "r": "",
            "T": 0,
        }
        if funding.interval_ms:
            if funding.next_ms <= 0:
                funding.next_ms = next_boundary(now_ms, funding.interval_ms)
            while funding.next_ms <= now_ms:  # settled: the next period begins
                funding.next_ms += funding.interval_ms
            rate = funding.forced_rate
            if rate is None:
                rate = quantize(_BASE_RATE + premium / 4, RATE_STEP)
            funding.rate = rate
            event["r"] = f"{rate:.8f}"
            event["T"] = funding.next_ms
        return event
