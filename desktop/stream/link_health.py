"""One connection's health as the status bar shows it, and the backoff that paces its tries.

Kept apart from ``Connection`` (which runs the websockets) so the rules for what the
user is told read in one place: when the next try is due, how long an outage lasted,
and when a connection has proved stable enough to forget its past failures.
"""

from __future__ import annotations

import logging
import time

from desktop.stream.backoff import Backoff
from desktop.stream.config import StreamConfig
from desktop.stream.errors import Failure
from desktop.stream.status import ConnState

logger = logging.getLogger(__name__)


class LinkHealth:
    """``state``, ``attempt``, ``retry_at`` (monotonic), ``last_error`` (plain words) and
    ``last_recovery`` (how long the last outage lasted, s) of one connection.

    The backoff is reset only once a connection has proved stable, so a server that
    accepts and then drops us at once keeps getting longer waits.
    """

    def __init__(self, label: str, config: StreamConfig) -> None:
        self.label = label
        self.config = config
        self.state = ConnState.CONNECTING
        self.attempt = 0
        self.retry_at: float | None = None
        self.last_error: str | None = None
        self.last_recovery: float | None = None
        self._backoff = Backoff(config.backoff_initial, config.backoff_max)
        self._down_since: float | None = None

    def restart(self) -> None:
        """Connecting afresh: no failures behind us."""
        self.state = ConnState.CONNECTING
        self.attempt, self.retry_at, self.last_error = 0, None, None
        self._backoff.reset()
        self._down_since = None

    def broken(self, text: str) -> None:
        """Stopped for good (an internal error): offline, no next try."""
        self.state, self.retry_at = ConnState.OFFLINE, None
        self.last_error = text

    def trying(self) -> bool:
        """A try starts; True when the status bar should hear (its "next try in" is over)."""
        if self.state is ConnState.CONNECTING or self.retry_at is not None:
            self.retry_at = None
            return True
        return False

    def live(self) -> bool:
        """The websocket is open; True when that ends an outage (see ``last_recovery``)."""
        recovered = self._down_since is not None
        if self._down_since is not None:
            self.last_recovery = time.monotonic() - self._down_since
            logger.info(
                "%s: live again %.2f s after it went down (attempt %d)",
                self.label,
                self.last_recovery,
                self._backoff.attempt,
            )
            self._down_since = None
        self.state, self.retry_at = ConnState.LIVE, None
        return recovered

    def stable(self) -> None:
        """Live for ``stable_after`` seconds: past failures are forgiven."""
        if self._backoff.attempt or self.last_error:
            logger.info("%s: stable for %g s, backoff reset", self.label, self.config.stable_after)
        self._backoff.reset()
        self.attempt, self.last_error = 0, None

    def ended(self, lived: float) -> None:
        """A websocket ended after ``lived`` seconds; a stable one leaves no failures behind."""
        if lived >= self.config.stable_after:
            self._backoff.reset()

    def stopped(self) -> None:
        """The connection was stopped: no next try is due."""
        self.retry_at = None

    def failed(self, failure: Failure) -> float:
        """Record a failure; returns how long to wait before the next try."""
        now = time.monotonic()
        if self._down_since is None:
            self._down_since = now
        delay = self._backoff.next_delay()
        if failure.retryable:
            self.state = ConnState.RECONNECTING
        else:
            self.state = ConnState.OFFLINE
            delay = (
                failure.retry_after if failure.retry_after is not None else self.config.backoff_max
            )
        self.attempt = self._backoff.attempt
        self.retry_at = now + delay
        self.last_error = failure.text
        logger.warning(
            "%s: %s; next try in %.2f s (attempt %d)", self.label, failure.text, delay, self.attempt
        )
        return delay
