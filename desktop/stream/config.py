"""The stream client's tunables, checked once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# Binance USD-M market streams: at most 1024 streams on one connection.
EXCHANGE_MAX_STREAMS: Final = 1024


@dataclass(frozen=True, slots=True)
class StreamConfig:
    """Limits and timeouts (seconds) shared by every connection of one client."""

    max_streams_per_connection: int = 200
    max_requests_per_second: float = 4.0
    ping_interval: float = 10.0
    ping_timeout: float = 10.0
    data_timeout: float = 15.0
    max_connection_age: float = 23.5 * 3600
    backoff_initial: float = 0.5
    backoff_max: float = 30.0
    stable_after: float = 30.0
    batch_size: int = 100
    open_timeout: float = 10.0
    close_timeout: float = 2.0
    # Streams restored after a reconnect ride in the URL (?streams=a/b/c) when the URL
    # stays this short; otherwise they are subscribed in paced batches.
    max_url_length: int = 2000

    def __post_init__(self) -> None:
        if not 1 <= self.max_streams_per_connection <= EXCHANGE_MAX_STREAMS:
            raise ValueError(f"max_streams_per_connection must be 1..{EXCHANGE_MAX_STREAMS}")
        if not 1 <= self.batch_size <= EXCHANGE_MAX_STREAMS:
            raise ValueError(f"batch_size must be 1..{EXCHANGE_MAX_STREAMS}")
        if not 0 < self.max_requests_per_second <= 5:
            raise ValueError(
                "max_requests_per_second must be in (0, 5]; the exchange allows 10 messages/s"
            )
        positive = {
            "ping_interval": self.ping_interval,
            "ping_timeout": self.ping_timeout,
            "data_timeout": self.data_timeout,
            "max_connection_age": self.max_connection_age,
            "backoff_initial": self.backoff_initial,
            "open_timeout": self.open_timeout,
            "close_timeout": self.close_timeout,
        }
        for name, value in positive.items():
            if not value > 0:
                raise ValueError(f"{name} must be positive")
        if self.backoff_max < self.backoff_initial:
            raise ValueError("backoff_max must be at least backoff_initial")
        if self.stable_after < 0:
            raise ValueError("stable_after must not be negative")

    @property
    def ping_wait(self) -> float:
        """How long pings can go unanswered before keepalive fails the connection."""
        return self.ping_interval + self.ping_timeout
