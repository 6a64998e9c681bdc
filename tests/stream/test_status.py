import pytest

from desktop.stream import ClientStatus, ConnState
from desktop.stream.config import StreamConfig


def test_describe_in_plain_words() -> None:
    assert ClientStatus(ConnState.LIVE, connections=2).describe() == "Live"
    assert ClientStatus(ConnState.CONNECTING).describe() == "Connecting…"
    waiting = ClientStatus(ConnState.RECONNECTING, 3, 100.0, "connection refused")
    assert waiting.describe(now=96.2) == "Reconnecting in 4 s (attempt 3): connection refused"
    assert waiting.describe(now=101.0) == "Reconnecting… (attempt 3): connection refused"
    refused = ClientStatus(ConnState.OFFLINE, 1, 130.0, "the exchange refused access (HTTP 403)")
    assert refused.describe(now=100.0) == (
        "Offline: the exchange refused access (HTTP 403) (retrying in 30 s)"
    )
    assert ClientStatus().describe() == "Offline"


def test_same_state_ignores_rate_and_lag() -> None:
    a = ClientStatus(ConnState.LIVE, messages_per_second=3.0, lag_ms=5.0)
    assert a.same_state(ClientStatus(ConnState.LIVE, messages_per_second=9.0))
    assert not a.same_state(ClientStatus(ConnState.LIVE, streams=1))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_streams_per_connection": 1025},
        {"batch_size": 0},
        {"max_requests_per_second": 12},
        {"ping_timeout": 0},
        {"backoff_initial": 5, "backoff_max": 1},
    ],
)
def test_settings_that_would_break_the_exchange_rules_are_refused(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        StreamConfig(**kwargs)  # type: ignore[arg-type]
