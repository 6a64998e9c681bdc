"""Why a connection failed, in plain words, and whether trying again can help."""

from __future__ import annotations

import http
import socket
import ssl
from dataclasses import dataclass

from websockets.asyncio.client import process_exception
from websockets.exceptions import (
    ConnectionClosed,
    InvalidHandshake,
    InvalidMessage,
    InvalidStatus,
    InvalidURI,
)
from websockets.frames import CloseCode

# What close codes mean (RFC 6455 §7.4.1), for a close that gave no reason.
CLOSE_CODE_WORDS: dict[int, str] = {
    1000: "OK",
    1001: "going away",
    1002: "protocol error",
    1003: "unsupported data",
    1005: "no status received",
    1006: "abnormal closure",
    1007: "invalid frame payload data",
    1008: "policy violation",
    1009: "message too big",
    1010: "mandatory extension",
    1011: "internal error",
    1012: "service restart",
    1013: "try again later",
    1014: "bad gateway",
    1015: "TLS handshake failure",
}
# The stream socket's keepalive fails the connection with this code and reason.
KEEPALIVE_REASON = "keepalive ping timeout"
# What the client closes with when the exchange's data breaks the protocol: a bad frame,
# data that does not decompress or is not UTF-8, a message over the size limit.
_BAD_DATA = frozenset({CloseCode.PROTOCOL_ERROR, CloseCode.INVALID_DATA, CloseCode.MESSAGE_TOO_BIG})


@dataclass(frozen=True, slots=True)
class Failure:
    """A failed connection attempt or a lost connection.

    ``retryable`` follows websockets' own ``process_exception`` classification (network
    errors, timeouts, HTTP 500/502/503/504 and lost connections are transient); anything
    else means the exchange refuses us (403, 404, 429, 418…) and the client only
    retries slowly, after ``retry_after`` seconds when the exchange said so.
    """

    text: str
    retryable: bool = True
    retry_after: float | None = None


def explain(exc: BaseException, *, open_timeout: float, ping_wait: float) -> Failure:
    """Turn an exception from connecting or serving a websocket into a ``Failure``.

    ``ping_wait`` is how long pings go unanswered before keepalive gives up
    (ping interval + ping timeout), quoted in the message.
    """
    if isinstance(exc, ConnectionClosed):
        return Failure(describe_close(exc, ping_wait=ping_wait))
    if isinstance(exc, InvalidStatus):
        return _refused(exc)
    retryable = not isinstance(exc, Exception) or process_exception(exc) is None
    return Failure(_words(exc, open_timeout), retryable)


def describe_close(exc: ConnectionClosed, *, ping_wait: float) -> str:
    sent, rcvd = exc.sent, exc.rcvd
    if (
        sent is not None
        and sent.code == CloseCode.INTERNAL_ERROR
        and sent.reason == KEEPALIVE_REASON
    ):
        return f"no answer to pings for {ping_wait:g} s"
    if sent is not None and sent.code in _BAD_DATA and not exc.rcvd_then_sent:
        # The app closed first (an echo of its close, if any, is not the exchange's word).
        why = sent.reason or CLOSE_CODE_WORDS.get(sent.code, "no reason given")
        return f"the exchange sent data that could not be read ({sent.code}: {why})"
    if rcvd is not None:
        why = rcvd.reason or CLOSE_CODE_WORDS.get(rcvd.code, "no reason given")
        return f"the exchange closed the connection ({rcvd.code}: {why})"
    if sent is not None:
        why = sent.reason or CLOSE_CODE_WORDS.get(sent.code, "")
        return f"the connection was closed without an answer from the exchange ({sent.code}: {why})"
    return "the connection was lost"


def _refused(exc: InvalidStatus) -> Failure:
    code = exc.response.status_code
    try:
        phrase = http.HTTPStatus(code).phrase
    except ValueError:
        phrase = "unknown status"
    retry_after = _retry_after(exc.response.headers.get("Retry-After"))
    if code == 429:
        text = (
            "the exchange is limiting connections from this address (HTTP 429: Too Many Requests)"
        )
    elif code == 418:
        text = (
            "the exchange has banned this IP address for a while (HTTP 418) after too many requests"
        )
    elif code in (403, 451):
        text = f"the exchange refused access (HTTP {code}: {phrase}); it may not serve this region"
    else:
        text = f"the exchange refused the connection (HTTP {code}: {phrase})"
    return Failure(text, process_exception(exc) is None, retry_after)


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    return seconds if 0 <= seconds <= 3 * 24 * 3600 else None


def _words(exc: BaseException, open_timeout: float) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "the exchange's address could not be looked up (no network, or DNS trouble)"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "the exchange's TLS certificate could not be verified"
    if isinstance(exc, ssl.SSLError):
        return f"the secure (TLS) connection failed: {exc.reason or exc}"
    if isinstance(exc, TimeoutError):
        return f"no answer from the exchange within {open_timeout:g} s"
    if isinstance(exc, ConnectionResetError):
        return "the connection was reset"
    if isinstance(exc, OSError):
        return f"network error: {exc.strerror or exc}"
    if isinstance(exc, InvalidURI):
        return f"the stream address is not valid ({exc.msg})"
    if isinstance(exc, InvalidMessage):
        return "the exchange's answer to the connection request was garbled or cut off"
    if isinstance(exc, InvalidHandshake):
        return f"the connection handshake failed ({exc})"
    return f"unexpected error ({type(exc).__name__}: {exc})"
