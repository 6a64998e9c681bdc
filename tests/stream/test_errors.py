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


def test_data_the_app_could_not_read_is_named_as_such_echoed_or_not() -> None:
    ours = Close(1002, "decompression failed")
    unanswered = ConnectionClosedError(None, ours)
    echoed = ConnectionClosedError(Close(1002, "decompression failed"), ours, False)
    for closed in (unanswered, echoed):
        assert words(closed) == (
            "the exchange sent data that could not be read (1002: decompression failed)"
        )
    too_big = ConnectionClosedError(None, Close(1009, ""))
    assert words(too_big) == "the exchange sent data that could not be read (1009: message too big)"
    # The exchange closing with 1002 itself is the exchange's word.
    theirs = ConnectionClosedError(Close(1002, "bad request"), Close(1002, "bad request"), True)
    assert words(theirs) == "the exchange closed the connection (1002: bad request)"


def test_http_refusals_follow_websockets_classification() -> None:
    unavailable = explain(status(503), open_timeout=10, ping_wait=20)
    assert unavailable.retryable
    assert unavailable.text == "the exchange refused the connection (HTTP 503: Service Unavailable)"
    forbidden = explain(status(403), open_timeout=10, ping_wait=20)
    assert not forbidden.retryable and "may not serve this region" in forbidden.text
    limited = explain(status(429, {"Retry-After": "7"}), open_timeout=10, ping_wait=20)
    assert not limited.retryable and limited.retry_after == 7.0
