"""What the simulated exchange saw and did, for tests to assert on.

Everything here is server-side truth: connections the server accepted, requests it
received, frames it sent. Tests read it instead of trusting the client's own account.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SimRequest:
    """One JSON request a client sent over a websocket (valid or not)."""

    conn_id: int
    # The values as sent (decoded JSON, untrusted): not necessarily a string, a list, an int.
    method: object
    params: object
    id: object
    time: float  # loop time (monotonic seconds) when it arrived


@dataclass(frozen=True, slots=True)
class RestHit:
    """One REST request: path, query parameters and the status answered."""

    path: str
    query: dict[str, str]
    status: int
    time: float


@dataclass
class SimStats:
    """Counters of the simulated exchange.

    ``subscriptions`` holds the streams of each *open* connection (raw-path streams,
    combined-path streams and SUBSCRIBEd ones alike); a connection's entry goes away when
    it closes. ``incoming_times`` keeps each connection's recent client→server message
    times (text/binary frames, pings and pongs) for rate assertions.
    """

    tcp_connections_open: int = 0  # accepted TCP connections, handshaking ones included
    connections_opened: int = 0
    connections_closed: int = 0
    handshakes_refused: int = 0  # injected by refuse_handshakes()
    handshakes_rejected: int = 0  # bad path or bad stream names (404/400)
    requests: list[SimRequest] = field(default_factory=list)
    subscriptions: dict[int, set[str]] = field(default_factory=dict)
    max_incoming_in_any_second: int = 0
    rate_violations: int = 0
    events_sent: int = 0  # mini ticker payloads delivered (each element of an @arr counts)
    frames_sent: int = 0  # text/binary frames sent: data, replies and injected frames
    market_ticks: int = 0  # cadence steps of the market so far
    all_market_ticks: int = 0  # !miniTicker@arr rounds so far
    incoming_times: dict[int, deque[float]] = field(default_factory=dict)
    rest_requests: list[RestHit] = field(default_factory=list)

    @property
    def connections_open(self) -> int:
        """Websocket connections past the handshake and not closed yet."""
        return len(self.subscriptions)

    @property
    def open_conn_ids(self) -> list[int]:
        return sorted(self.subscriptions)

    def subscribed_streams(self) -> set[str]:
        """The union of the streams currently subscribed on all open connections."""
        union: set[str] = set()
        for streams in self.subscriptions.values():
            union |= streams
        return union

    def requests_with(self, method: str) -> list[SimRequest]:
        return [r for r in self.requests if r.method == method]

    @property
    def rest_request_count(self) -> int:
        return len(self.rest_requests)
