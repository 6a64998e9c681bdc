"""Running coroutines from plain test functions, and small websocket/HTTP client helpers.

No pytest-asyncio: each test calls ``run(scenario())``, which fails the test if the
scenario hangs instead of hanging the suite.
"""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from websockets.asyncio.client import ClientConnection

T = TypeVar("T")

SCENARIO_TIMEOUT = 20.0
RECV_TIMEOUT = 5.0


def run(coro: Coroutine[Any, Any, T], timeout: float = SCENARIO_TIMEOUT) -> T:
    """Run ``coro`` on a fresh event loop, failing after ``timeout`` seconds."""

    async def bounded() -> T:
        async with asyncio.timeout(timeout):
            return await coro

    return asyncio.run(bounded())


async def recv_json(ws: ClientConnection, timeout: float = RECV_TIMEOUT) -> Any:
    async with asyncio.timeout(timeout):
        return json.loads(await ws.recv())


async def request(ws: ClientConnection, method: str, params: Any = None, rid: int = 1) -> Any:
    """Send one request and return its answer, skipping market data that arrives first."""
    message: dict[str, Any] = {"method": method, "id": rid}
    if params is not None:
        message["params"] = params
    await ws.send(json.dumps(message))
    return await recv_matching(ws, lambda m: isinstance(m, dict) and m.get("id") == rid)


async def recv_matching(
    ws: ClientConnection, accept: Callable[[Any], bool], timeout: float = RECV_TIMEOUT
) -> Any:
    """The first frame for which ``accept`` holds; frames before it are dropped."""
    async with asyncio.timeout(timeout):
        while True:
            message = json.loads(await ws.recv())
            if accept(message):
                return message


async def http_get(url: str) -> tuple[int, Any]:
    """GET ``url`` off the loop; returns (status, decoded JSON), also for 4xx/5xx."""

    def fetch() -> tuple[int, Any]:
        try:
            with urllib.request.urlopen(url, timeout=RECV_TIMEOUT) as answer:
                return answer.status, json.loads(answer.read())
        except urllib.error.HTTPError as err:
            with err:
                return err.code, json.loads(err.read())

    return await asyncio.to_thread(fetch)
