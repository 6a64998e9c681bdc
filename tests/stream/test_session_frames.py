"""How a session takes frames off the socket: whole reads at a time, fragments joined.

These talk to a bare ``websockets`` server on 127.0.0.1 that sends exactly the frames a
test needs (fragmented messages, binary frames, a burst written in one go), which the
simulated exchange has no reason to produce.
"""

from __future__ import annotations

import asyncio
import json
import ssl
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection, serve
from websockets.extensions import Extension, ServerExtensionFactory
from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory
from websockets.frames import Frame
from websockets.typing import ExtensionName, ExtensionParameter

from desktop.exchange.endpoints import Endpoints
from desktop.exchange.symbols import stream_name
from desktop.exchange.ticker import MiniTicker
from desktop.stream import StreamClient
from tests.security.certs import self_signed
from tests.stream.harness import FAST_CLIENT, run

SYMBOLS = [f"S{i:03d}USDT" for i in range(300)]


def frame(symbol: str, event_time: int, close: str) -> str:
    data = {
        "e": "24hrMiniTicker",
        "E": event_time,
        "s": symbol,
        "c": close,
        "o": "1",
        "h": "9",
        "l": "0.5",
        "v": "10",
        "q": "20",
    }
    return json.dumps({"stream": stream_name(symbol), "data": data})


async def answer_requests(ws: ServerConnection) -> None:
    """Acknowledge SUBSCRIBE / UNSUBSCRIBE as the exchange does."""
    async for message in ws:
        request = json.loads(message)
        await ws.send(json.dumps({"result": None, "id": request["id"]}))


CORRUPT = "corrupt me"


class CorruptingDeflate(Extension):
    """permessage-deflate, except that the message ``CORRUPT`` goes out marked as
    compressed but is not valid deflate data (block type 3 is reserved)."""

    name = ExtensionName("permessage-deflate")

    def __init__(self, inner: Extension) -> None:
        self.inner = inner

    def decode(self, frame: Frame, *, max_size: int | None = None) -> Frame:
        return self.inner.decode(frame, max_size=max_size)

    def encode(self, frame: Frame) -> Frame:
        if frame.data == CORRUPT.encode():
            return Frame(frame.opcode, b"\xff\xff\xff\xff", rsv1=True)
        return self.inner.encode(frame)


class CorruptingDeflateFactory(ServerExtensionFactory):
    name = ExtensionName("permessage-deflate")

    def __init__(self) -> None:
        self.inner = ServerPerMessageDeflateFactory()

    def process_request_params(
        self, params: Sequence[ExtensionParameter], accepted_extensions: Sequence[Extension]
    ) -> tuple[list[ExtensionParameter], Extension]:
        response, extension = self.inner.process_request_params(params, accepted_extensions)
        return response, CorruptingDeflate(extension)


class Deliveries:
    def __init__(self) -> None:
        self.calls: list[list[MiniTicker]] = []

    def __call__(self, events: Sequence[MiniTicker], _received: float) -> None:
        self.calls.append(list(events))

    def events(self) -> list[MiniTicker]:
        return [e for call in self.calls for e in call]


async def _until(predicate: Callable[[], bool], timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


async def receive(
    handler: Callable[[ServerConnection], Awaitable[None]],
    symbols: list[str],
    events: int,
    extensions: Sequence[ServerExtensionFactory] | None = None,
    tls: ssl.SSLContext | None = None,
    **options: Any,
) -> tuple[StreamClient, Deliveries]:
    """Run a stream client for ``symbols`` against ``handler`` until ``events`` arrived."""
    async with serve(handler, "127.0.0.1", 0, extensions=extensions, ssl=tls) as server:
        port = server.sockets[0].getsockname()[1]
        scheme = "wss" if tls is not None else "ws"
        client = StreamClient(
            Endpoints(f"{scheme}://127.0.0.1:{port}", "", "test"), **{**FAST_CLIENT, **options}
        )
        got = Deliveries()
        client.add_ticker_listener(got)
        client.set_symbols(symbols)
        await client.start()
        try:
            await _until(lambda: len(got.events()) == events)
        finally:
            await client.stop()
    return client, got


def test_fragmented_and_binary_messages_arrive_whole_and_exact() -> None:
    async def handler(ws: ServerConnection) -> None:
        text = frame("S000USDT", 1000, "101.25")
        third = len(text) // 3
        await ws.send([text[:third], text[third : 2 * third], text[2 * third :]])
        await ws.send(frame("S001USDT", 1000, "7.000100").encode())  # a binary frame
        await ws.wait_closed()

    async def main() -> None:
        client, got = await receive(handler, ["S000USDT", "S001USDT"], 2)
        closes = {e.symbol: str(e.close) for e in got.events()}
        assert closes == {"S000USDT": "101.25", "S001USDT": "7.000100"}
        assert client.stats.malformed == 0

    run(main)


def test_a_burst_written_at_once_reaches_listeners_in_few_calls_in_order() -> None:
    async def handler(ws: ServerConnection) -> None:
        replies = asyncio.create_task(answer_requests(ws))
        # Written back to back without waiting: the client reads them in a few reads.
        for round_ in range(3):
            for symbol in SYMBOLS:
                await ws.send(frame(symbol, 1000 + round_, f"{round_}.5"))
        await ws.wait_closed()
        replies.cancel()

    async def main() -> None:
        _, got = await receive(handler, SYMBOLS, 3 * len(SYMBOLS), max_streams_per_connection=1024)
        events = got.events()
        assert len(got.calls) < len(events) / 10, "frames of one read are handed over together"
        for symbol in SYMBOLS:
            times = [e.event_time for e in events if e.symbol == symbol]
            assert times == [1000, 1001, 1002]

    run(main)


def test_compressed_frames_arrive_exact_and_a_corrupt_one_fails_only_its_socket() -> None:
    """The exchange may agree to permessage-deflate: frames then arrive compressed."""
    close_codes: list[int | None] = []
    agreed: list[str] = []

    async def handler(ws: ServerConnection) -> None:
        replies = asyncio.create_task(answer_requests(ws))
        assert ws.response is not None
        agreed.append(ws.response.headers.get("Sec-WebSocket-Extensions", ""))
        first = not close_codes
        await ws.send(frame("S000USDT", 1000 if first else 2000, "101.25" if first else "99.5"))
        await ws.send(frame("S001USDT", 1000 if first else 2000, "7.000100"))
        if first:
            await ws.send(CORRUPT)  # sent compressed, but not valid deflate data
        await ws.wait_closed()
        replies.cancel()
        close_codes.append(ws.close_code)  # what the client closed with

    async def main() -> None:
        _, got = await receive(
            handler, ["S000USDT", "S001USDT"], 4, extensions=[CorruptingDeflateFactory()]
        )
        assert all(a.startswith("permessage-deflate") for a in agreed) and len(agreed) >= 2
        assert [(e.symbol, e.event_time, str(e.close)) for e in got.events()] == [
            ("S000USDT", 1000, "101.25"),
            ("S001USDT", 1000, "7.000100"),
            ("S000USDT", 2000, "99.5"),
            ("S001USDT", 2000, "7.000100"),
        ]
        assert close_codes[0] == 1002  # the client failed that socket: protocol error

    run(main)


def test_a_trusted_tls_exchange_streams_compressed_bursts_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """wss with a certificate the system trusts (here through SSL_CERT_FILE), compression
    agreed, bursts bigger than one read: everything arrives, in order."""
    cert, key = self_signed(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert, key)

    agreed: list[str] = []

    async def handler(ws: ServerConnection) -> None:
        replies = asyncio.create_task(answer_requests(ws))
        assert ws.response is not None
        agreed.append(ws.response.headers.get("Sec-WebSocket-Extensions", ""))
        for round_ in range(20):
            for symbol in SYMBOLS:
                await ws.send(frame(symbol, 1000 + round_, f"{round_}.5"))
        await ws.wait_closed()
        replies.cancel()

    async def main() -> None:
        _, got = await receive(
            handler, SYMBOLS, 20 * len(SYMBOLS), tls=server, max_streams_per_connection=1024
        )
        assert agreed and agreed[0].startswith("permessage-deflate")
        events = got.events()
        for symbol in SYMBOLS:
            assert [e.event_time for e in events if e.symbol == symbol] == list(range(1000, 1020))

    run(main)
