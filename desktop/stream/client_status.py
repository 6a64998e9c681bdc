"""The stream client's overall status: worst connection, message rate and lag.

Kept apart from ``StreamClient`` (issue 19) so the client stays about connections and
events: ``StatusBoard`` folds the connections' states into one ``ClientStatus``, averages
the message rate, and tells status listeners on every state change and at most about
once a second when only the rate or lag moved. The client writes ``lag`` from its
delivery path (a plain attribute, so that path pays no extra call).
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Callable, Mapping

from desktop.stream.connection import Connection
from desktop.stream.status import SEVERITY, ClientStatus, ConnState, StreamStats

StatusListener = Callable[[ClientStatus], None]

LAG_SMOOTHING = 0.2  # weight of the newest sample
STATUS_PERIOD = 1.0  # seconds between rate / lag announcements
RATE_WINDOW = 6.0  # seconds the message rate is averaged over (three cadences)


class StatusBoard:
    """The ``ClientStatus`` of a set of connections, announced to status listeners.

    ``connections`` is the owner's live mapping (read, never changed); the owner sets
    ``running`` and ``rate`` (``stop`` zeroes it) and smooths ``lag`` (ms) into it.
    """

    def __init__(
        self,
        connections: Mapping[int, Connection],
        stats: StreamStats,
        listener_failed: Callable[[Callable[..., None]], None],
    ) -> None:
        self.running = False
        self.rate = 0.0
        self.lag: float | None = None
        self.status = ClientStatus()
        self.listeners: list[StatusListener] = []
        self._connections = connections
        self._stats = stats
        self._listener_failed = listener_failed
        self._announced = self.status

    async def watch_rates(self) -> None:
        """Update the message rate every ``STATUS_PERIOD`` seconds, until cancelled."""
        # The rate is averaged over RATE_WINDOW seconds: the exchange pushes every 2 s,
        # so a 1 s window would flicker between the real rate doubled and zero.
        samples = collections.deque([(time.monotonic(), self._stats.frames)])
        while True:
            await asyncio.sleep(STATUS_PERIOD)
            now = time.monotonic()
            samples.append((now, self._stats.frames))
            while len(samples) > 2 and now - samples[1][0] >= RATE_WINDOW:
                samples.popleft()
            then, frames = samples[0]
            self.rate = (self._stats.frames - frames) / max(now - then, 1e-3)
            self.refresh(periodic=True)

    def _compute(self) -> ClientStatus:
        connections = list(self._connections.values())
        if not self.running:
            return ClientStatus(ConnState.OFFLINE, lag_ms=self.lag)
        sockets = sum(c.open_sockets for c in connections)
        streams = sum(c.acked_streams for c in connections)
        if not connections:
            return ClientStatus(ConnState.LIVE, messages_per_second=self.rate, lag_ms=self.lag)
        worst = max(connections, key=lambda c: (SEVERITY[c.state], c.attempt))
        return ClientStatus(
            worst.state,
            worst.attempt,
            worst.retry_at,
            worst.last_error,
            sockets,
            streams,
            round(self.rate, 1),
            None if self.lag is None else round(self.lag, 1),
        )

    def refresh(self, *, periodic: bool = False) -> None:
        """Recompute; announce a state change, or (``periodic``) a new rate or lag."""
        status = self.status = self._compute()
        if status == self._announced:
            return
        if not periodic and status.same_state(self._announced):
            return
        self._announced = status
        for fn in self.listeners:
            try:
                fn(status)
            except Exception:
                self._listener_failed(fn)
