"""The REST client against the simulated exchange's real HTTP server."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

from desktop.exchange.rest import RestClient, RestError
from desktop.simexchange import SimExchange
from tests.simexchange.helpers import run


def test_exchange_info_returns_contracts() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=2) as ex:
            contracts = await RestClient(ex.rest_url).exchange_info()
            by_symbol = {c.symbol: c for c in contracts}
            assert set(by_symbol) == set(ex.symbols)
            assert by_symbol["XAUUSDT"].kind == "tradfi"
            assert by_symbol["币安人生USDT"].quote_asset == "USDT"

    run(scenario())


def test_ticker_24hr_gives_mini_tickers_matching_the_market() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=2) as ex:
            tickers = await RestClient(ex.rest_url).ticker_24hr()
            assert len(tickers) == len(ex.symbols)
            btc = next(t for t in tickers if t.symbol == "BTCUSDT")
            state = ex.market.state("BTCUSDT")
            assert state is not None
            assert btc.close == state.close and btc.open == state.open
            assert btc.quote_volume == state.quote_volume and btc.event_time > 0

    run(scenario())


def test_klines_give_open_time_and_close() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=2) as ex:
            candles = await RestClient(ex.rest_url).klines("ETHUSDT", "5m", 12)
            assert len(candles) == 12
            assert all(isinstance(t, int) and isinstance(c, Decimal) for t, c in candles)
            assert candles[1][0] - candles[0][0] == 300_000
            state = ex.market.state("ETHUSDT")
            assert state is not None and candles[-1][1] == state.close

    run(scenario())


def test_unknown_symbol_is_a_rest_error_quoting_binance() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=2) as ex:
            with pytest.raises(RestError, match=r"Binance answered 400.*Invalid symbol") as caught:
                await RestClient(ex.rest_url).klines("NOPEUSDT")
            assert caught.value.status == 400

    run(scenario())


def test_unavailable_exchange_is_binance_answered_503() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=2) as ex:
            ex.set_rest_unavailable(True)
            with pytest.raises(RestError, match="Binance answered 503") as caught:
                await RestClient(ex.rest_url).exchange_info()
            assert caught.value.status == 503

    run(scenario())


def test_nothing_listening_is_connection_refused_in_plain_words() -> None:
    async def scenario() -> None:
        ex = SimExchange(seed=2)
        await ex.start()
        url = ex.rest_url
        await ex.stop()
        with pytest.raises(RestError) as caught:
            await RestClient(url).exchange_info()
        assert str(caught.value) == f"Could not reach {url}: connection refused."

    run(scenario())


def test_an_answer_that_is_not_json_says_so() -> None:
    page = b"<html><body>Please log in to the hotel Wi-Fi</body></html>"

    async def captive_portal(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(page)}\r\n"
        writer.write(head.encode() + b"Connection: close\r\n\r\n" + page)
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    async def scenario() -> None:
        server = await asyncio.start_server(captive_portal, "127.0.0.1", 0)
        async with server:
            port = server.sockets[0].getsockname()[1]
            url = f"http://127.0.0.1:{port}"
            with pytest.raises(RestError) as caught:
                await RestClient(url).exchange_info()
            assert str(caught.value) == (
                f"The answer from {url} was not JSON (is this a Binance address?)."
            )

    run(scenario())
