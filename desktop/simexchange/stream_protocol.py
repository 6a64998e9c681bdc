"""Stream names, handshake paths and live-subscription requests, judged as Binance does.

Functions without I/O: the websocket server calls them and turns their verdicts into
frames and HTTP statuses (``answer`` changes the subscriptions it is given). Error codes
are Binance's: 0 unknown property, 1 invalid value type, 2 invalid request, 3 invalid
JSON. Request ids are what Binance documents for its stream requests (integers, short
strings such as UUIDs, or null), so that other clients, Binance's own connector among
them, can be tried against this exchange.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final, Protocol, TypeGuard
from urllib.parse import unquote, urlsplit

from desktop.exchange.funding import ALL_MARK_STREAM, MARK_PRICE
from desktop.exchange.symbols import ALL_MARKET_STREAM, MINI_TICKER

MARKET_PREFIX: Final = "/market"
RAW_PATH: Final = f"{MARKET_PREFIX}/ws"
COMBINED_PATH: Final = f"{MARKET_PREFIX}/stream"

SUBSCRIBE: Final = "SUBSCRIBE"
UNSUBSCRIBE: Final = "UNSUBSCRIBE"
LIST_SUBSCRIPTIONS: Final = "LIST_SUBSCRIPTIONS"
SET_PROPERTY: Final = "SET_PROPERTY"
GET_PROPERTY: Final = "GET_PROPERTY"
METHODS: Final = (SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY, GET_PROPERTY)

UNKNOWN_PROPERTY: Final = 0
INVALID_VALUE_TYPE: Final = 1
INVALID_REQUEST: Final = 2
INVALID_JSON: Final = 3

MAX_ID_LENGTH: Final = 36  # request ids that are strings: a UUID fits


class RequestError(Exception):
    """A request the server answers with ``{"code", "msg", "id"}``."""

    def __init__(self, code: int, msg: str, request_id: int | str | None = None) -> None:
        super().__init__(msg)
        self.code = code
        self.msg = msg
        self.request_id = request_id

    def reply(self) -> dict[str, object]:
        return {"code": self.code, "msg": self.msg, "id": self.request_id}


class Subscriber(Protocol):
    """A connection's subscriptions, as requests change them."""

    streams: set[str]
    combined: bool


@dataclass(frozen=True, slots=True)
class Target:
    """Where a handshake asked to go: raw or combined, and any streams in the URL."""

    combined: bool
    streams: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Request:
    """A well-formed request; ``params`` are checked per method by the server."""

    method: str
    params: list[object]
    id: int | str | None


def stream_problem(name: object) -> str | None:
    """Why ``name`` is not a stream this exchange serves, or None if it is one.

    Symbol parts must be lower case; ``@miniTicker`` keeps its capital T. A well-formed
    name of an unlisted symbol is fine (it simply never carries data).
    """
    if not isinstance(name, str):
        return f"stream name must be a string, not {type(name).__name__}"
    if name in (ALL_MARKET_STREAM, ALL_MARK_STREAM):
        return None
    head, sep, kind = name.partition("@")
    if not sep or not head:
        return f"invalid stream name {name[:60]!r}"
    if kind not in (MINI_TICKER, MARK_PRICE):
        return (
            f"unsupported stream {name[:60]!r} "
            f"(this exchange serves @{MINI_TICKER} and @{MARK_PRICE})"
        )
    if head != head.lower():
        return f"stream names must be lower case: {name[:60]!r}"
    if len(head) > 40 or not all(ch.isalnum() or ch == "_" for ch in head):
        return f"invalid symbol in stream name {name[:60]!r}"
    return None


def parse_target(path: str) -> Target | None:
    """Route a handshake request path; None when nothing lives there (404).

    Raises ``ValueError`` (→ 400) when the path names a malformed stream.
    """
    parts = urlsplit(path)
    route = unquote(parts.path, errors="strict").rstrip("/") or "/"
    if route == RAW_PATH:
        return Target(False, ())
    if route.startswith(RAW_PATH + "/"):
        streams = tuple(s for s in route[len(RAW_PATH) + 1 :].split("/") if s)
        return Target(False, _checked(streams))
    if route == COMBINED_PATH:
        streams = ()
        for field in parts.query.split("&"):
            key, _, value = field.partition("=")
            if key == "streams":
                streams = tuple(s for s in unquote(value, errors="strict").split("/") if s)
        return Target(True, _checked(streams))
    return None


def _checked(streams: tuple[str, ...]) -> tuple[str, ...]:
    for name in streams:
        problem = stream_problem(name)
        if problem:
            raise ValueError(problem)
    return tuple(dict.fromkeys(streams))


def valid_request_id(request_id: object) -> TypeGuard[int | str | None]:
    """Whether Binance accepts ``request_id``: a 64-bit signed integer, an alphanumeric
    string of at most 36 characters (a UUID, hyphens included, as Binance's own
    connector sends by default), or null. The reply echoes it back as it came."""
    if request_id is None:
        return True
    if isinstance(request_id, bool):
        return False
    if isinstance(request_id, int):
        return -(2**63) <= request_id < 2**63
    if isinstance(request_id, str):
        return 0 < len(request_id) <= MAX_ID_LENGTH and all(
            ch.isascii() and (ch.isalnum() or ch in "-_") for ch in request_id
        )
    return False


def parse_request(text: str) -> Request:
    """Decode one client text frame into a ``Request`` or raise ``RequestError``."""
    try:
        decoded = json.loads(text)
    except ValueError as exc:
        raise RequestError(INVALID_JSON, f"Invalid JSON: {exc}") from None
    if not isinstance(decoded, dict):
        raise RequestError(INVALID_REQUEST, "Invalid request: expected a JSON object")
    request_id = decoded.get("id")
    if not valid_request_id(request_id):
        raise RequestError(
            INVALID_REQUEST,
            "Invalid request: request ID must be a 64-bit integer, "
            f"an alphanumeric string of at most {MAX_ID_LENGTH} characters, or null",
        )
    if "method" not in decoded:
        raise RequestError(INVALID_REQUEST, "Invalid request: missing field `method`", request_id)
    method = decoded["method"]
    if method not in METHODS:
        raise RequestError(
            INVALID_REQUEST,
            f"Invalid request: unknown variant {str(method)[:40]!r}, expected one of "
            + ", ".join(METHODS),
            request_id,
        )
    params = decoded.get("params", [])
    if params is None:
        params = []
    if not isinstance(params, list):
        raise RequestError(INVALID_VALUE_TYPE, "Invalid value type: expected an array", request_id)
    return Request(method, params, request_id)


def answer(request: Request, conn: Subscriber, *, max_streams: int) -> dict[str, object]:
    """Carry out a well-formed request on ``conn``; its reply, or ``RequestError``."""
    rid = request.id
    if request.method == SUBSCRIBE:
        names = _stream_params(request)
        added = [n for n in dict.fromkeys(names) if n not in conn.streams]
        if len(conn.streams) + len(added) > max_streams:
            raise RequestError(
                INVALID_REQUEST,
                "Invalid request: too many streams; a connection may subscribe to at most "
                f"{max_streams}",
                rid,
            )
        conn.streams.update(added)
        return {"result": None, "id": rid}
    if request.method == UNSUBSCRIBE:
        for name in _stream_params(request):
            conn.streams.discard(name)
        return {"result": None, "id": rid}
    if request.method == LIST_SUBSCRIPTIONS:
        return {"result": sorted(conn.streams), "id": rid}
    if request.method == SET_PROPERTY:
        if len(request.params) != 2:
            raise RequestError(INVALID_REQUEST, "Invalid request: expected 2 parameters", rid)
        prop, value = request.params
        _check_property(prop, rid)
        if not isinstance(value, bool):
            raise RequestError(INVALID_VALUE_TYPE, "Invalid value type: expected Boolean", rid)
        conn.combined = value
        return {"result": None, "id": rid}
    if request.method == GET_PROPERTY:
        if len(request.params) != 1:
            raise RequestError(INVALID_REQUEST, "Invalid request: expected 1 parameter", rid)
        _check_property(request.params[0], rid)
        return {"result": conn.combined, "id": rid}
    raise RequestError(INVALID_REQUEST, "Invalid request", rid)  # pragma: no cover


def _stream_params(request: Request) -> list[str]:
    names: list[str] = []
    for name in request.params:
        problem = stream_problem(name)
        if problem or not isinstance(name, str):  # not a string: ``problem`` says so
            raise RequestError(INVALID_REQUEST, f"Invalid request: {problem}", request.id)
        names.append(name)
    return names


def _check_property(name: object, rid: int | str | None) -> None:
    if not isinstance(name, str):
        raise RequestError(INVALID_REQUEST, "Invalid request: property name must be a string", rid)
    if name != "combined":
        raise RequestError(UNKNOWN_PROPERTY, "Unknown property", rid)
