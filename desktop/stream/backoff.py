"""Exponential backoff with full jitter."""

from __future__ import annotations

import random


class Backoff:
    """Delays between reconnect attempts: uniform in ``[0, min(maximum, initial·2ⁿ)]``.

    Full jitter (AWS architecture blog, "Exponential Backoff And Jitter") spreads the
    reconnects of many clients after an exchange-wide outage. ``attempt`` counts the
    failures since the last ``reset()``; the caller resets only once a connection has
    proved stable, so a server that accepts and then drops us keeps getting longer waits.
    """

    def __init__(
        self,
        initial: float,
        maximum: float,
        *,
        factor: float = 2.0,
        rng: random.Random | None = None,
    ) -> None:
        if initial <= 0 or maximum < initial or factor < 1:
            raise ValueError("backoff needs 0 < initial <= maximum and factor >= 1")
        self.initial = initial
        self.maximum = maximum
        self.factor = factor
        self.attempt = 0
        self._rng = rng or random.Random()

    def ceiling(self) -> float:
        """The largest delay the next ``next_delay()`` can return."""
        # min() before the power would overflow after ~1000 attempts; cap the exponent.
        return min(self.maximum, self.initial * self.factor ** min(self.attempt, 64))

    def next_delay(self) -> float:
        """Count one more failure and return how long to wait before the next try."""
        delay = self._rng.uniform(0.0, self.ceiling())
        self.attempt += 1
        return delay

    def reset(self) -> None:
        self.attempt = 0
