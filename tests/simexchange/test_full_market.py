"""A listing as large as the live one, and a firehose that outpaces any client."""

from __future__ import annotations

import json

from websockets.asyncio.client import connect

from desktop.exchange.symbols import stream_name
from desktop.simexchange import SimExchange
from desktop.simexchange.contracts_data import default_contracts, synthetic_contracts
from tests.simexchange.helpers import http_get, run


def test_extra_contracts_make_a_full_market_with_the_exchange_info_shape() -> None:
    extra = synthetic_contracts(3)
    assert [e["symbol"] for e in extra] == ["SIM0000USDT", "SIM0001USDT", "SIM0002USDT"]
    assert set(extra[0]) == set(default_contracts()[0])

    async def scenario() -> None:
        async with SimExchange(extra_contracts=700, seed=1) as ex:
            assert len(ex.symbols) == len(default_contracts()) + 700
            status, info = await http_get(f"{ex.rest_url}/fapi/v1/exchangeInfo")
            assert status == 200 and len(info["symbols"]) == len(ex.symbols)

    run(scenario())


def test_the_firehose_sends_every_round_of_every_stream_with_rising_event_times() -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=3600, seed=1) as ex:
            symbols = ["BTCUSDT", "ETHUSDT", "币安人生USDT"]
            url = ex.endpoints.combined_ws_url([stream_name(s) for s in symbols[:2]])
            async with connect(url) as ws:
                await ex.wait_until(lambda: ex.stats.connections_open == 1)
                sent = await ex.firehose(5)
                frames = [json.loads(await ws.recv()) for _ in range(sent)]
                again = await ex.firehose(1)
                later = [json.loads(await ws.recv()) for _ in range(again)]
            assert sent == 10 and again == 2
            by_symbol: dict[str, list[int]] = {}
            for frame in frames + later:
                by_symbol.setdefault(frame["data"]["s"], []).append(frame["data"]["E"])
            assert set(by_symbol) == set(symbols[:2])
            for times in by_symbol.values():
                assert times == sorted(set(times)) and len(times) == 6
            assert ex.stats.events_sent >= 12

    run(scenario())
