"""TLS certificates are verified: a server with a self-signed certificate is refused, and
the user is told why in plain words. Nothing in the app turns verification off."""

from __future__ import annotations

import asyncio
import re
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from websockets.asyncio.server import ServerConnection, serve

from desktop.exchange.endpoints import Endpoints, make_endpoints
from desktop.exchange.rest import RestClient, RestError
from desktop.stream.client import StreamClient
from desktop.stream.status import ConnState
from tests.security.certs import self_signed
from tests.simexchange.helpers import run

SOURCE = Path(__file__).resolve().parents[2] / "desktop"


def server_context(tmp_path: Path) -> ssl.SSLContext:
    cert, key = self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


@asynccontextmanager
async def https_server(context: ssl.SSLContext) -> AsyncIterator[int]:
    """A TLS server on 127.0.0.1 that would answer any request with a contract list."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            body = b'{"symbols": []}'
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()
        await server.wait_closed()


def test_the_rest_client_refuses_a_self_signed_https_server(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with https_server(server_context(tmp_path)) as port:
            base = make_endpoints(rest_url=f"https://127.0.0.1:{port}").rest_base
            with pytest.raises(RestError) as refused:
                await RestClient(base, timeout=5).exchange_info()
        text = str(refused.value)
        assert text.startswith(f"Could not reach https://127.0.0.1:{port}: ")
        assert "TLS certificate could not be verified" in text
        assert "self-signed" in text or "self signed" in text
        assert "Traceback" not in text and len(text) < 300

    run(scenario())


def test_the_stream_client_refuses_a_self_signed_wss_server_and_says_so(tmp_path: Path) -> None:
    async def scenario() -> None:
        handshakes = 0

        async def handler(connection: ServerConnection) -> None:
            nonlocal handshakes
            handshakes += 1
            await connection.wait_closed()

        async with serve(handler, "127.0.0.1", 0, ssl=server_context(tmp_path)) as server:
            port = server.sockets[0].getsockname()[1]
            endpoints = Endpoints(f"wss://127.0.0.1:{port}/market", "https://127.0.0.1:1")
            client = StreamClient(endpoints, backoff_initial=0.05, backoff_max=0.5)
            client.set_symbols(["BTCUSDT"])
            await client.start()
            try:
                async with asyncio.timeout(10):
                    while client.status.last_error is None:
                        await asyncio.sleep(0.01)
                status = client.status
            finally:
                await client.stop()
        assert handshakes == 0  # never talked websocket over the untrusted channel
        assert status.state in (ConnState.RECONNECTING, ConnState.OFFLINE)
        assert status.last_error == "the exchange's TLS certificate could not be verified"
        assert "TLS certificate could not be verified" in status.describe()

    run(scenario())


def test_the_default_ssl_context_verifies_and_nothing_in_the_app_disables_it() -> None:
    context = ssl.create_default_context()
    assert context.verify_mode is ssl.CERT_REQUIRED
    assert context.check_hostname
    disabling = re.compile(
        r"CERT_NONE|_create_unverified_context|check_hostname\s*=\s*False|verify_mode\s*=|"
        r"PYTHONHTTPSVERIFY|ssl\s*=\s*False"
    )
    offenders = [
        f"{path.relative_to(SOURCE.parent)}:{number}"
        for path in SOURCE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if disabling.search(line)
    ]
    assert offenders == []
