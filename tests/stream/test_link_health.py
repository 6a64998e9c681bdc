"""A connection's health as the status bar shows it (``desktop.stream.link_health``)."""

from __future__ import annotations

from desktop.stream.config import StreamConfig
from desktop.stream.errors import Failure
from desktop.stream.link_health import LinkHealth
from desktop.stream.status import ConnState

CONFIG = StreamConfig(backoff_initial=0.5, backoff_max=30.0, stable_after=30.0)


def test_a_transient_failure_reconnects_with_a_growing_attempt_count() -> None:
    health = LinkHealth("connection 0", CONFIG)
    first = health.failed(Failure("the connection was lost"))
    health.failed(Failure("the connection was lost"))
    assert health.state is ConnState.RECONNECTING
    assert health.attempt == 2 and health.last_error == "the connection was lost"
    assert 0 <= first <= CONFIG.backoff_initial and health.retry_at is not None


def test_a_refusal_goes_offline_and_waits_as_long_as_the_exchange_asked() -> None:
    health = LinkHealth("connection 0", CONFIG)
    delay = health.failed(Failure("too many requests", retryable=False, retry_after=120.0))
    assert health.state is ConnState.OFFLINE and delay == 120.0


def test_going_live_after_an_outage_says_how_long_it_lasted() -> None:
    health = LinkHealth("connection 0", CONFIG)
    assert not health.live()  # the first connection ends no outage
    health.failed(Failure("the connection was lost"))
    assert health.live() and health.last_recovery is not None
    assert health.state is ConnState.LIVE and health.retry_at is None
    assert health.attempt == 1  # forgiven only once the connection proves stable


def test_a_stable_connection_forgets_its_failures() -> None:
    health = LinkHealth("connection 0", CONFIG)
    for _ in range(5):
        health.failed(Failure("the connection was lost"))
    health.live()
    health.stable()
    assert health.attempt == 0 and health.last_error is None
    health.failed(Failure("the connection was lost"))
    assert health.attempt == 1  # the backoff starts over too


def test_a_short_lived_connection_keeps_the_backoff_growing() -> None:
    health = LinkHealth("connection 0", CONFIG)
    health.failed(Failure("the connection was lost"))
    health.ended(CONFIG.stable_after / 2)
    health.failed(Failure("the connection was lost"))
    assert health.attempt == 2
    health.ended(CONFIG.stable_after)
    health.failed(Failure("the connection was lost"))
    assert health.attempt == 1
