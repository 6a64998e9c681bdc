"""The stream client goes through the HTTP proxy the environment names, as REST does."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest

from desktop.stream import ConnState
from desktop.stream.proxy import proxy_for
from tests.stream.harness import rig, run


@dataclass
class Proxy:
    """A CONNECT proxy on 127.0.0.1 that pipes bytes both ways, or refuses with ``status``."""

    status: int = 200
    tunnels: list[str] = field(default_factory=list)
    tasks: set[asyncio.Task[None]] = field(default_factory=set)

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            method, target, _ = head.split(b"\r\n", 1)[0].decode().split(" ")
            self.tunnels.append(f"{method} {target}")
            if self.status != 200:
                writer.write(f"HTTP/1.1 {self.status} No\r\nContent-Length: 0\r\n\r\n".encode())
                return
            host, _, port = target.rpartition(":")
            up_reader, up_writer = await asyncio.open_connection(host, int(port))
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await asyncio.gather(_pipe(reader, up_writer), _pipe(up_reader, writer))
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[int]:
        def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.get_running_loop().create_task(self.serve(reader, writer))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

        server = await asyncio.start_server(accept, "127.0.0.1", 0)
        try:
            yield server.sockets[0].getsockname()[1]
        finally:
            server.close()
            for task in list(self.tasks):
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)
            await server.wait_closed()


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        with contextlib.suppress(OSError, RuntimeError):
            writer.close()


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("no_proxy", "NO_PROXY", "all_proxy", "ALL_PROXY", "ws_proxy", "WS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_market_data_flows_through_the_http_proxy_of_the_environment(
    no_proxy_env: pytest.MonkeyPatch,
) -> None:
    proxy = Proxy()

    async def main() -> None:
        async with proxy.running() as port:
            no_proxy_env.setenv("http_proxy", f"http://127.0.0.1:{port}")
            async with rig(["BTCUSDT"]) as r:
                await r.until(lambda: r.rec.count("BTCUSDT") >= 2)
                assert r.client.status.state is ConnState.LIVE
                exchange_port = r.sim.endpoints.ws_base.rsplit(":", 1)[1].split("/")[0]
            assert proxy.tunnels and set(proxy.tunnels) == {f"CONNECT 127.0.0.1:{exchange_port}"}

    run(main)


def test_a_proxy_that_refuses_the_tunnel_is_named_in_the_status(
    no_proxy_env: pytest.MonkeyPatch,
) -> None:
    proxy = Proxy(status=407)

    async def main() -> None:
        async with proxy.running() as port:
            no_proxy_env.setenv("http_proxy", f"http://127.0.0.1:{port}")
            async with rig(["BTCUSDT"]) as r:
                await r.until(lambda: r.client.status.last_error is not None)
                error = r.client.status.last_error
                assert r.rec.total() == 0
        assert error == "network error: the proxy refused the tunnel (HTTP 407)"

    run(main)


def test_the_proxy_is_chosen_from_the_environment_as_websockets_chose_it(
    no_proxy_env: pytest.MonkeyPatch,
) -> None:
    env = no_proxy_env
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "socks_proxy"):
        env.delenv(name, raising=False)
    assert proxy_for("fstream.binance.com", 443, secure=True) is None
    env.setenv("all_proxy", "socks5h://127.0.0.1:1080")
    assert proxy_for("fstream.binance.com", 443, secure=True) == "socks5h://127.0.0.1:1080"
    env.setenv("https_proxy", "http://proxy.local:3128")
    assert proxy_for("fstream.binance.com", 443, secure=True) == "http://proxy.local:3128"
    env.setenv("no_proxy", "binance.com")
    assert proxy_for("fstream.binance.com", 443, secure=True) is None
