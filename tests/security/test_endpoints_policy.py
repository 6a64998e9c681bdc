"""Prices never travel in clear text to another machine by accident, and MiniTicker
needs, asks for and keeps no credentials."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import build, shutdown
from desktop.exchange.endpoints import LIVE, EndpointError, make_endpoints
from desktop.options import Options
from desktop.settings.model import Settings
from desktop.settings.store import SettingsStore
from tests.conftest import QtLoop

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
)


@pytest.mark.parametrize(
    "url",
    ["ws://example.com/market", "ws://10.0.0.5:9000/market", "ws://[2001:db8::1]/market"],
)
def test_a_plain_websocket_to_another_host_needs_explicit_permission(url: str) -> None:
    with pytest.raises(EndpointError, match="--allow-insecure"):
        make_endpoints(url)
    assert make_endpoints(url, allow_insecure=True).ws_base == url


@pytest.mark.parametrize(
    "url", ["ws://127.0.0.1:9000/market", "ws://localhost/market", "ws://[::1]/m"]
)
def test_plain_websocket_to_this_computer_is_fine(url: str) -> None:
    assert make_endpoints(url).ws_base == url


def test_an_insecure_address_in_the_settings_file_is_not_used_silently(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    SettingsStore(tmp_path).save(Settings(ws_url="ws://example.com/market"))

    async def scenario() -> None:
        parts = await build(Options(config_dir=tmp_path), qapp)
        try:
            assert parts.endpoints == LIVE
            banner = parts.window.banner.label.text()
            assert "was not used" in banner and "--allow-insecure" in banner
        finally:
            await shutdown(parts)

    qt_loop.run(scenario())


@pytest.mark.parametrize(
    "url", ["wss://user:secret@fstream.binance.com/market", "https://key@fapi.binance.com"]
)
def test_urls_with_credentials_are_refused(url: str) -> None:
    with pytest.raises(EndpointError, match="needs no credentials"):
        make_endpoints(url) if url.startswith("wss") else make_endpoints(rest_url=url)


def test_the_settings_file_holds_no_credentials(tmp_path: Path) -> None:
    SettingsStore(tmp_path).save(Settings())
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    words = json.dumps(sorted(saved)).lower()
    for secret in ("key", "secret", "password", "token", "signature"):
        assert secret not in words, f"settings.json has a {secret!r} field: {sorted(saved)}"
