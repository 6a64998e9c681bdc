"""A minimal HTTP/1.1 server for the simulated exchange's REST API.

GET only, JSON bodies, one request per connection (``Connection: close``). Built on
``asyncio.start_server`` so the simulator needs nothing beyond websockets.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Final
from urllib.parse import parse_qsl, urlsplit

log = logging.getLogger(__name__)

#: ``(path, query) -> (HTTP status, a body json.dumps can write)``.
Handler = Callable[[str, dict[str, str]], tuple[int, object]]

_MAX_HEAD: Final = 64 * 1024
_READ_TIMEOUT: Final = 10.0


class HttpServer:
    """Serves ``handler(path, query) -> (status, json_body)`` for GET requests."""

    def __init__(self, handler: Handler) -> None:
        self._handler = handler
        self._server: asyncio.Server | None = None
        self._clients: set[asyncio.Task[None]] = set()

    async def start(self, host: str, port: int) -> int:
        self._server = await asyncio.start_server(self._serve, host, port, limit=_MAX_HEAD)
        return int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for task in list(self._clients):
            task.cancel()
        if self._clients:
            await asyncio.gather(*self._clients, return_exceptions=True)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._clients.add(task)
        try:
            status, body = await self._respond(reader)
            payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else ""
            head = (
                f"HTTP/1.1 {status} {reason}\r\n"
                "Content-Type: application/json;charset=UTF-8\r\n"
                f"Content-Length: {len(payload)}\r\n"
                "Connection: close\r\n\r\n"
            )
            writer.write(head.encode("ascii") + payload)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError) as exc:
            log.debug("REST client went away: %s", exc)
        except asyncio.CancelledError:
            pass
        finally:
            self._clients.discard(task)
            writer.close()
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await writer.wait_closed()

    async def _respond(self, reader: asyncio.StreamReader) -> tuple[int, object]:
        try:
            async with asyncio.timeout(_READ_TIMEOUT):
                head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.LimitOverrunError:
            return 431, {"code": -1, "msg": "Request header too large."}
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        parts = request_line.split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            return 400, {"code": -1, "msg": "Malformed request line."}
        method, target, _ = parts
        if method != "GET":
            return 405, {"code": -1, "msg": f"Method {method[:10]} is not allowed."}
        split = urlsplit(target)
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        try:
            return self._handler(split.path, query)
        except Exception:
            log.exception("REST handler failed for %s", split.path)
            return 500, {"code": -1000, "msg": "An unknown error occurred."}
