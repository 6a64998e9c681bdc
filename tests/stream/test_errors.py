import socket

from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosedError, ConnectionClosedOK, InvalidStatus
from websockets.frames import Close
from websockets.http11 import Response

from desktop.stream.errors import explain


def words(exc: BaseException) -> str:
    return explain(exc, open_timeout=10, ping_wait=20).text


def status(code: int, headers: dict[str, str] | None = None) -> InvalidStatus:
    return InvalidStatus(Response(code, "x", Headers(headers or {}), b""))


def test_network_failures_are_plain_and_retryable() -> None:
    refused = explain(
        ConnectionRefusedError(111, "Connection refused"), open_timeout=10, ping_wait=20
    )
    assert refused.text == "connection refused" and refused.retryable
    assert words(TimeoutError()) == "no answer from the exchange within 10 s"
    assert "could not be looked up" in words(socket.gaierror(-2, "Name or service not known"))


def test_server_closes_and_keepalive_timeouts() -> None:
    going = ConnectionClosedOK(Close(1001, ""), None)
    assert words(going) == "the exchange closed the connection (1001: going away)"
    aged = ConnectionClosedOK(Close(1001, "connection reached its maximum age"), None)
    assert (
        words(aged)
        == "the exchange closed the connection (1001: connection reached its maximum age)"
    )
    keepalive = ConnectionClosedError(None, Close(1011, "keepalive ping timeout"))
    assert words(keepalive) == "no answer to pings for 20 s"
    assert words(ConnectionClosedError(None, None)) == "the connection was lost"


def test_http_refusals_follow_websockets_classification() -> None:
    unavailable = explain(status(503), open_timeout=10, ping_wait=20)
    assert unavailable.retryable
    assert unavailable.text == "the exchange refused the connection (HTTP 503: Service Unavailable)"
    forbidden = explain(status(403), open_timeout=10, ping_wait=20)
    assert not forbidden.retryable and "may not serve this region" in forbidden.text
    limited = explain(status(429, {"Retry-After": "7"}), open_timeout=10, ping_wait=20)
    assert not limited.retryable and limited.retry_after == 7.0
