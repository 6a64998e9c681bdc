"""Pacing of what the client sends on one websocket.

Binance closes a connection that receives more than 10 messages in a second — text
frames, pings and pongs all count — and bans repeat offenders' IP addresses. Requests
are the only messages we can delay, so they go through a token bucket, and each one
also has to fit a sliding-window cap that leaves room for the pings and pongs we send
without asking (those are recorded with ``note_unpaced``).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable
from typing import Final

EXCHANGE_LIMIT: Final = 10  # messages per second the exchange tolerates
# Requests may bring the count in the window up to this; the rest is for pings/pongs.
REQUEST_WINDOW_CAP: Final = 7
# Wider than one second so that network jitter squeezing two sends closer together
# cannot push a burst into one of the exchange's one-second windows.
WINDOW: Final = 1.25


class Pacer:
    """Token bucket (``rate`` per second, ``burst`` deep) plus a sliding-window cap."""

    def __init__(
        self,
        rate: float,
        *,
        burst: float = 1.0,
        window: float = WINDOW,
        window_cap: int = REQUEST_WINDOW_CAP,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0 or burst < 1 or window_cap < 1:
            raise ValueError("pacer needs rate > 0, burst >= 1 and window_cap >= 1")
        self.rate = rate
        self.burst = burst
        self.window = window
        self.window_cap = window_cap
        self._clock = clock
        self._tokens = burst
        self._stamp = clock()
        self._sent: deque[float] = deque()

    def _refill(self, now: float) -> None:
        self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now
        while self._sent and self._sent[0] <= now - self.window:
            self._sent.popleft()

    def sent_in_window(self, now: float | None = None) -> int:
        self._refill(self._clock() if now is None else now)
        return len(self._sent)

    def delay(self, now: float | None = None) -> float:
        """Seconds until a request may be sent (0 when it may go now)."""
        now = self._clock() if now is None else now
        self._refill(now)
        wait = 0.0 if self._tokens >= 1 else (1 - self._tokens) / self.rate
        if len(self._sent) >= self.window_cap:
            # The oldest sends that must leave the window before one more fits.
            leave = self._sent[len(self._sent) - self.window_cap]
            wait = max(wait, leave + self.window - now)
        return max(0.0, wait)

    async def ready(self) -> None:
        """Wait until a request may be sent; does not take the slot (see ``take``)."""
        while (wait := self.delay()) > 0:
            # A little extra so that float rounding never leaves us a hair early.
            await asyncio.sleep(wait + 0.001)

    def take(self) -> None:
        """Record a paced send; call right after ``ready()`` without awaiting in between."""
        now = self._clock()
        self._refill(now)
        self._tokens -= 1
        self._sent.append(now)

    def note_unpaced(self) -> None:
        """Record a send we could not delay (a keepalive ping, a pong).

        It takes a slot in the sliding window, which is what keeps the total under the
        exchange's limit, but no token: pings and pongs at the token rate or faster (a
        chatty server) would otherwise keep the bucket empty and starve every request.
        """
        now = self._clock()
        self._refill(now)
        self._sent.append(now)
