"""A live start that cannot reach the exchange: the window says what is wrong and what
to do, in plain words, soon; nothing claims that prices stream."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from desktop.app import build, serve
from desktop.exchange.endpoints import make_endpoints
from desktop.options import Options
from desktop.stream.client import StreamClient
from tests.conftest import QtLoop, wait_for


def closed_port() -> int:
    """A loopback port nobody listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def nesting(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def test_an_unreachable_exchange_is_told_in_the_window_with_what_to_do(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    port = closed_port()
    endpoints = make_endpoints(f"ws://127.0.0.1:{port}/market", f"http://127.0.0.1:{port}")

    async def scenario() -> None:
        options = Options(endpoints=endpoints, endpoints_explicit=True, config_dir=tmp_path)
        client = StreamClient(endpoints, backoff_initial=0.05, backoff_max=0.5)
        parts = await build(options, qapp, client=client)  # type: ignore[arg-type]
        task = asyncio.create_task(serve(parts))
        banner = parts.window.banner
        # Well within the 10 s the user is promised (the deadline is 8 s at most).
        await wait_for(
            lambda: banner.isVisible() and "cannot reach" in banner.label.text(),
            10,
            "the banner to say the exchange cannot be reached",
        )
        # Give the contract list time to fail too: it must not replace the notice.
        await wait_for(
            lambda: any("Contract list" in text for _, text in parts.window.diagnostics.errors),
            10,
            "the contract list to fail",
        )
        text = banner.label.text()
        assert banner.level == "error"
        assert f"127.0.0.1:{port}" in text and "connection refused" in text
        assert "network" in text and "proxy" in text and "--demo" in text
        assert "stream" not in text.lower()
        assert nesting(text) <= 1
        report = parts.window.diagnostics_text()
        assert "Contract list: Could not reach" in report
        parts.quit_event.set()
        await task

    qt_loop.run(scenario())
