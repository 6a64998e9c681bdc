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

from desktop.wording import QT_TRANSLATE_NOOP, translate

# What close codes mean (RFC 6455 §7.4.1), for a close that gave no reason (English:
# ``close_code_words`` translates).
CLOSE_CODE_WORDS: dict[int, str] = {
    1000: QT_TRANSLATE_NOOP("Stream", "OK"),
    1001: QT_TRANSLATE_NOOP("Stream", "going away"),
    1002: QT_TRANSLATE_NOOP("Stream", "protocol error"),
    1003: QT_TRANSLATE_NOOP("Stream", "unsupported data"),
    1005: QT_TRANSLATE_NOOP("Stream", "no status received"),
    1006: QT_TRANSLATE_NOOP("Stream", "abnormal closure"),
    1007: QT_TRANSLATE_NOOP("Stream", "invalid frame payload data"),
    1008: QT_TRANSLATE_NOOP("Stream", "policy violation"),
    1009: QT_TRANSLATE_NOOP("Stream", "message too big"),
    1010: QT_TRANSLATE_NOOP("Stream", "mandatory extension"),
    1011: QT_TRANSLATE_NOOP("Stream", "internal error"),
    1012: QT_TRANSLATE_NOOP("Stream", "service restart"),
    1013: QT_TRANSLATE_NOOP("Stream", "try again later"),
    1014: QT_TRANSLATE_NOOP("Stream", "bad gateway"),
    1015: QT_TRANSLATE_NOOP("Stream", "TLS handshake failure"),
}
# The stream socket's keepalive fails the connection with this code and reason.
KEEPALIVE_REASON = "keepalive ping timeout"
# What the client closes with when the exchange's data breaks the protocol: a bad frame,
# data that does not decompress or is not UTF-8, a message over the size limit.
_BAD_DATA = frozenset({CloseCode.PROTOCOL_ERROR, CloseCode.INVALID_DATA, CloseCode.MESSAGE_TOO_BIG})


def _tr(text: str) -> str:
    return translate("Stream", text)


def close_code_words(code: int, default: str = "") -> str:
    """What close ``code`` means, in the user's language; ``default`` for an unknown code."""
    words = CLOSE_CODE_WORDS.get(code)
    return _tr(words) if words is not None else default


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
        return translate("Stream", "no answer to pings for {seconds} s").format(
            seconds=f"{ping_wait:g}"
        )
    if sent is not None and sent.code in _BAD_DATA and not exc.rcvd_then_sent:
        # The app closed first (an echo of its close, if any, is not the exchange's word).
        why = sent.reason or close_code_words(sent.code, translate("Stream", "no reason given"))
        return translate(
            "Stream", "the exchange sent data that could not be read ({code}: {reason})"
        ).format(code=sent.code, reason=why)
    if rcvd is not None:
        why = rcvd.reason or close_code_words(rcvd.code, translate("Stream", "no reason given"))
        return translate("Stream", "the exchange closed the connection ({code}: {reason})").format(
            code=rcvd.code, reason=why
        )
    if sent is not None:
        why = sent.reason or close_code_words(sent.code)
        return translate(
            "Stream",
            "the connection was closed without an answer from the exchange ({code}: {reason})",
        ).format(code=sent.code, reason=why)
    return translate("Stream", "the connection was lost")


def _refused(exc: InvalidStatus) -> Failure:
    code = exc.response.status_code
    try:
        phrase = http.HTTPStatus(code).phrase
    except ValueError:
        phrase = translate("Stream", "unknown status")
    retry_after = _retry_after(exc.response.headers.get("Retry-After"))
    if code == 429:
        text = translate(
            "Stream",
            "the exchange is limiting connections from this address (HTTP 429: Too Many Requests)",
        )
    elif code == 418:
        text = translate(
            "Stream",
            "the exchange has banned this IP address for a while (HTTP 418)"
            " after too many requests",
        )
    elif code in (403, 451):
        text = translate(
            "Stream",
            "the exchange refused access (HTTP {code}: {phrase}); it may not serve this region",
        ).format(code=code, phrase=phrase)
    else:
        text = translate(
            "Stream", "the exchange refused the connection (HTTP {code}: {phrase})"
        ).format(code=code, phrase=phrase)
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
        return translate("Stream", "connection refused")
    if isinstance(exc, socket.gaierror):
        return translate(
            "Stream", "the exchange's address could not be looked up (no network, or DNS trouble)"
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return translate("Stream", "the exchange's TLS certificate could not be verified")
    if isinstance(exc, ssl.SSLError):
        # The reason is OpenSSL's own words: shown as they come.
        return translate("Stream", "the secure (TLS) connection failed: {reason}").format(
            reason=exc.reason or exc
        )
    if isinstance(exc, TimeoutError):
        return translate("Stream", "no answer from the exchange within {seconds} s").format(
            seconds=f"{open_timeout:g}"
        )
    if isinstance(exc, ConnectionResetError):
        return translate("Stream", "the connection was reset")
    if isinstance(exc, OSError):
        return translate("Stream", "network error: {reason}").format(reason=exc.strerror or exc)
    if isinstance(exc, InvalidURI):
        return translate("Stream", "the stream address is not valid ({reason})").format(
            reason=exc.msg
        )
    if isinstance(exc, InvalidMessage):
        return translate(
            "Stream", "the exchange's answer to the connection request was garbled or cut off"
        )
    if isinstance(exc, InvalidHandshake):
        return translate("Stream", "the connection handshake failed ({reason})").format(reason=exc)
    return translate("Stream", "unexpected error ({kind}: {reason})").format(
        kind=type(exc).__name__, reason=exc
    )
