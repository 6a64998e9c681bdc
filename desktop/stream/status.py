"""What the stream client tells the UI: connection state, status snapshot, counters."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from enum import Enum

from desktop.wording import translate


class ConnState(Enum):
    """Overall state of the market-data connections, worst one first when aggregated.

    A plain ``Enum``, not a ``StrEnum``: ``state == "live"`` is always False (and mypy's
    strict equality flags it), so every layer compares the members themselves.
    """

    CONNECTING = "connecting"  # first attempt, nothing has failed yet
    LIVE = "live"  # every connection is open and subscribed
    RECONNECTING = "reconnecting"  # a connection failed; waiting for or making the next try
    OFFLINE = "offline"  # stopped, or the exchange refuses us for now (retrying slowly)


# Aggregation order: the status shows the connection in the worst state.
SEVERITY: dict[ConnState, int] = {
    ConnState.LIVE: 0,
    ConnState.CONNECTING: 1,
    ConnState.RECONNECTING: 2,
    ConnState.OFFLINE: 3,
}


@dataclass(frozen=True, slots=True)
class ClientStatus:
    """A snapshot of the client for status bars and tray tooltips.

    ``retry_at`` is a ``time.monotonic()`` value; ``last_error`` is written for people.
    """

    state: ConnState = ConnState.OFFLINE
    attempt: int = 0  # number of the next (or running) reconnect attempt; 0 when stable
    retry_at: float | None = None
    last_error: str | None = None
    connections: int = 0  # open websockets
    streams: int = 0  # subscribed and acknowledged by the exchange
    messages_per_second: float = 0.0
    lag_ms: float | None = None  # receive time minus event time, smoothed

    def describe(self, now: float | None = None) -> str:
        """One line for people: "Live", "Connecting…", "Reconnecting in 4 s (attempt 3): …"."""
        if self.state is ConnState.LIVE:
            return translate("Stream", "Live")
        if self.state is ConnState.CONNECTING:
            return translate("Stream", "Connecting…")
        now = time.monotonic() if now is None else now
        wait = self._wait_words(now)
        if self.state is ConnState.RECONNECTING:
            if wait:
                head = translate("Stream", "Reconnecting in {wait}").format(wait=wait)
            else:
                head = translate("Stream", "Reconnecting…")
            if self.attempt:
                head = translate("Stream", "{state} (attempt {attempt})").format(
                    state=head, attempt=self.attempt
                )
            if not self.last_error:
                return head
            return translate("Stream", "{state}: {reason}").format(
                state=head, reason=self.last_error
            )
        if self.last_error:
            text = translate("Stream", "Offline: {reason}").format(reason=self.last_error)
        else:
            text = translate("Stream", "Offline")
        if not wait:
            return text
        return translate("Stream", "{state} (retrying in {wait})").format(state=text, wait=wait)

    def _wait_words(self, now: float) -> str | None:
        if self.retry_at is None or self.retry_at <= now:
            return None
        seconds = max(1, math.ceil(self.retry_at - now))
        return translate("Stream", "{seconds} s").format(seconds=seconds)

    def same_state(self, other: ClientStatus) -> bool:
        """True when only the rate and lag differ (those are announced at most once a second)."""
        return (
            self.state,
            self.attempt,
            self.retry_at,
            self.last_error,
            self.connections,
            self.streams,
        ) == (
            other.state,
            other.attempt,
            other.retry_at,
            other.last_error,
            other.connections,
            other.streams,
        )


@dataclass(slots=True)
class StreamStats:
    """Running counters since the client was made (``StreamClient.stats`` hands out copies)."""

    frames: int = 0  # websocket messages received
    events: int = 0  # mini ticker events parsed
    delivered: int = 0  # events handed to ticker listeners
    duplicates: int = 0  # events dropped as not newer than the last delivered one
    malformed: int = 0  # frames that did not parse
    requests_sent: int = 0  # SUBSCRIBE / UNSUBSCRIBE requests
    refused: int = 0  # requests the exchange answered with an error
    reconnects: int = 0  # connections opened again after a failure
    rotations: int = 0  # connections replaced before the exchange's age limit
    marks: int = 0  # mark price events handed to mark listeners
