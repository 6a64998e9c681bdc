"""Endpoint presets and the URL rules: TLS unless local or explicitly allowed, no credentials."""

from __future__ import annotations

import pytest

from desktop.exchange.endpoints import LIVE, TESTNET, EndpointError, make_endpoints


def test_presets() -> None:
    assert make_endpoints() == LIVE
    assert LIVE.raw_ws_url == "wss://fstream.binance.com/market/ws"
    assert LIVE.combined_ws_url(["btcusdt@miniTicker", "ethusdt@miniTicker"]) == (
        "wss://fstream.binance.com/market/stream?streams=btcusdt@miniTicker/ethusdt@miniTicker"
    )
    assert LIVE.rest_base == "https://fapi.binance.com"
    assert make_endpoints(testnet=True) == TESTNET


def test_testnet_streams_use_the_routed_market_path_and_the_current_rest_base() -> None:
    # Without /market the testnet accepts the connection but sends no market streams.
    assert TESTNET.combined_ws_url(["btcusdt@miniTicker"]) == (
        "wss://fstream.binancefuture.com/market/stream?streams=btcusdt@miniTicker"
    )
    assert TESTNET.raw_ws_url == "wss://fstream.binancefuture.com/market/ws"
    assert TESTNET.rest_base == "https://demo-fapi.binance.com"


def test_custom_urls_local_plain_text_is_fine() -> None:
    ep = make_endpoints("ws://127.0.0.1:9000/market/", "http://localhost:9001")
    assert ep.ws_base == "ws://127.0.0.1:9000/market"
    assert ep.rest_base == "http://localhost:9001"


@pytest.mark.parametrize(
    ("ws", "rest"),
    [
        ("ws://example.com/market", None),
        (None, "http://example.com"),
        ("ftp://example.com", None),
        ("wss://user:pw@example.com", None),
        ("wss://example.com/market?x=1", None),
        ("wss:///market", None),
    ],
)
def test_refused_urls_say_why(ws: str | None, rest: str | None) -> None:
    with pytest.raises(EndpointError) as info:
        make_endpoints(ws, rest)
    assert len(str(info.value)) < 200


def test_insecure_remote_needs_explicit_permission() -> None:
    ep = make_endpoints("ws://example.com/market", "http://example.com", allow_insecure=True)
    assert ep.ws_base.startswith("ws://")
