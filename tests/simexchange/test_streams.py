"""The simulated exchange's market streams behave like Binance's, seen from a real client."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from typing import Any

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from desktop.exchange.contracts import parse_exchange_info
from desktop.exchange.symbols import stream_name
from desktop.exchange.ticker import Tickers, parse_frame
from desktop.simexchange import SimExchange
from tests.simexchange.helpers import recv_json, recv_matching, request, run

FAST = 0.05


def sim(**kwargs: Any) -> SimExchange:
    kwargs.setdefault("cadence", FAST)
    kwargs.setdefault("seed", 7)
    return SimExchange(**kwargs)


def test_raw_path_streams_bare_events_for_the_symbols_in_the_url() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            url = f"{ex.endpoints.raw_ws_url}/btcusdt@miniTicker/ethusdt@miniTicker"
            async with connect(url) as ws:
                seen: set[str] = set()
                while seen != {"BTCUSDT", "ETHUSDT"}:
                    event = await recv_json(ws)
                    assert event["e"] == "24hrMiniTicker"
                    seen.add(event["s"])
                await ex.wait_until(lambda: ex.stats.connections_open == 1)
                assert ex.stats.subscribed_streams() == {
                    "btcusdt@miniTicker",
                    "ethusdt@miniTicker",
                }
            await ex.wait_until(lambda: ex.stats.connections_open == 0)

    run(scenario())


def test_combined_path_wraps_every_event_with_its_stream_name() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            url = ex.endpoints.combined_ws_url(["solusdt@miniTicker", "xrpusdt@miniTicker"])
            async with connect(url) as ws:
                for _ in range(4):
                    frame = await recv_json(ws)
                    assert set(frame) == {"stream", "data"}
                    assert frame["stream"] == stream_name(frame["data"]["s"])
                    parsed = parse_frame(json.dumps(frame))
                    assert isinstance(parsed, Tickers)

    run(scenario())


@pytest.mark.parametrize(
    "rid", ["3f2b8c1e-9d4a-4e7b-8a6f-1c2d3e4f5a6b", "sub1", 0, -7, 2**63 - 1, None]
)
def test_request_ids_that_binance_accepts_are_echoed_back_as_sent(rid: Any) -> None:
    # Binance's own connector sends UUID strings; Binance documents integers,
    # alphanumeric strings of up to 36 characters and null.
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url) as ws:
            await ws.send(
                json.dumps({"method": "SUBSCRIBE", "params": ["btcusdt@miniTicker"], "id": rid})
            )
            reply = await recv_matching(ws, lambda m: "result" in m or "code" in m)
            assert reply == {"result": None, "id": rid}
            assert ex.stats.subscribed_streams() == {"btcusdt@miniTicker"}
            assert ex.stats.requests[-1].id == rid

    run(scenario())


def test_subscribe_unsubscribe_and_list_are_acknowledged_by_id() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url) as ws:
            reply = await request(ws, "SUBSCRIBE", ["btcusdt@miniTicker", "ethusdt@miniTicker"], 1)
            assert reply == {"result": None, "id": 1}
            event = await recv_matching(ws, lambda m: m.get("e") == "24hrMiniTicker")
            assert event["s"] in {"BTCUSDT", "ETHUSDT"}
            reply = await request(ws, "LIST_SUBSCRIPTIONS", None, 2)
            assert reply == {"result": ["btcusdt@miniTicker", "ethusdt@miniTicker"], "id": 2}
            reply = await request(ws, "UNSUBSCRIBE", ["ethusdt@miniTicker"], 3)
            assert reply == {"result": None, "id": 3}
            reply = await request(ws, "LIST_SUBSCRIPTIONS", [], 4)
            assert reply == {"result": ["btcusdt@miniTicker"], "id": 4}
            methods = [r.method for r in ex.stats.requests]
            assert methods == [
                "SUBSCRIBE",
                "LIST_SUBSCRIPTIONS",
                "UNSUBSCRIBE",
                "LIST_SUBSCRIPTIONS",
            ]
            assert ex.stats.requests[0].params == ["btcusdt@miniTicker", "ethusdt@miniTicker"]
            assert ex.stats.subscribed_streams() == {"btcusdt@miniTicker"}

    run(scenario())


def test_set_property_combined_switches_a_raw_connection_to_wrapped_frames() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url + "/btcusdt@miniTicker") as ws:
            assert await request(ws, "GET_PROPERTY", ["combined"], 1) == {"result": False, "id": 1}
            assert await request(ws, "SET_PROPERTY", ["combined", True], 2) == {
                "result": None,
                "id": 2,
            }
            frame = await recv_matching(ws, lambda m: "stream" in m)
            assert frame["stream"] == "btcusdt@miniTicker"

    run(scenario())


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("{not json", 3),
        ('["SUBSCRIBE"]', 2),
        ('{"params": [], "id": 5}', 2),
        ('{"method": "SUBSCRIBE_ALL", "params": [], "id": 5}', 2),
        ('{"method": "SUBSCRIBE", "params": [], "id": 9223372036854775808}', 2),
        ('{"method": "SUBSCRIBE", "params": [], "id": 1.5}', 2),
        ('{"method": "SUBSCRIBE", "params": [], "id": true}', 2),
        ('{"method": "SUBSCRIBE", "params": [], "id": [1]}', 2),
        ('{"method": "SUBSCRIBE", "params": [], "id": "' + "x" * 37 + '"}', 2),
        ('{"method": "SUBSCRIBE", "params": [], "id": "a b"}', 2),
        ('{"method": "SUBSCRIBE", "params": "btcusdt@miniTicker", "id": 5}', 1),
        ('{"method": "SUBSCRIBE", "params": ["BTCUSDT@miniTicker"], "id": 5}', 2),
        ('{"method": "SUBSCRIBE", "params": ["btcusdt@miniticker"], "id": 5}', 2),
        ('{"method": "SUBSCRIBE", "params": ["btcusdt"], "id": 5}', 2),
        ('{"method": "SUBSCRIBE", "params": [42], "id": 5}', 2),
        ('{"method": "SET_PROPERTY", "params": ["combined", "yes"], "id": 5}', 1),
        ('{"method": "SET_PROPERTY", "params": [7, true], "id": 5}', 2),
        ('{"method": "GET_PROPERTY", "params": ["compressed"], "id": 5}', 0),
    ],
)
def test_malformed_requests_get_binance_error_codes(message: str, code: int) -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url) as ws:
            await ws.send(message)
            reply = await recv_json(ws)
            assert set(reply) == {"code", "msg", "id"}
            assert reply["code"] == code
            assert reply["msg"]
            decoded: Any = None
            with contextlib.suppress(ValueError):
                decoded = json.loads(message)
            if isinstance(decoded, dict) and "id" in decoded:
                rid = decoded["id"]
                valid = type(rid) is int and -(2**63) <= rid < 2**63
                assert reply["id"] == (rid if valid else None)
            assert ex.stats.subscribed_streams() == set()
            # the connection survives an error reply
            assert await request(ws, "LIST_SUBSCRIPTIONS", None, 9) == {"result": [], "id": 9}

    run(scenario())


def test_uppercase_stream_in_url_is_refused_at_handshake() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            with pytest.raises(InvalidStatus) as caught:
                async with connect(ex.endpoints.raw_ws_url + "/BTCUSDT@miniTicker"):
                    pass
            assert caught.value.response.status_code == 400
            assert ex.stats.handshakes_rejected == 1
            assert ex.stats.connections_opened == 0

    run(scenario())


@pytest.mark.parametrize("path", ["/ws/btcusdt@miniTicker", "/market", "/market/wss", "/"])
def test_paths_outside_market_ws_and_stream_are_404(path: str) -> None:
    async def scenario() -> None:
        async with sim() as ex:
            base = ex.ws_url.removesuffix("/market")
            with pytest.raises(InvalidStatus) as caught:
                async with connect(base + path):
                    pass
            assert caught.value.response.status_code == 404

    run(scenario())


def test_stream_cap_refuses_the_subscription_that_would_exceed_it() -> None:
    async def scenario() -> None:
        async with (
            sim(max_streams_per_connection=3) as ex,
            connect(ex.endpoints.raw_ws_url + "/btcusdt@miniTicker") as ws,
        ):
            ok = await request(ws, "SUBSCRIBE", ["ethusdt@miniTicker", "bnbusdt@miniTicker"], 1)
            assert ok == {"result": None, "id": 1}
            refused = await request(ws, "SUBSCRIBE", ["solusdt@miniTicker"], 2)
            assert refused["code"] == 2 and refused["id"] == 2
            assert "at most 3" in refused["msg"]
            listed = await request(ws, "LIST_SUBSCRIPTIONS", None, 3)
            assert listed["result"] == [
                "bnbusdt@miniTicker",
                "btcusdt@miniTicker",
                "ethusdt@miniTicker",
            ]

    run(scenario())


def test_prices_are_exact_decimal_strings_at_each_contracts_tick() -> None:
    symbols = ["BTCUSDT", "1000SATSUSDT", "1000PEPEUSDT", "XAUUSDT", "SOLUSDT", "BTCUSDC"]

    async def scenario() -> None:
        async with sim(seed=3) as ex:
            catalog = {c.symbol: c for c in parse_exchange_info({"symbols": ex.market.entries})}
            url = ex.endpoints.combined_ws_url([stream_name(s) for s in symbols])
            last_volume: dict[str, Decimal] = {}
            async with connect(url) as ws:
                for _ in range(60):
                    event = (await recv_json(ws))["data"]
                    contract = catalog[event["s"]]
                    tick = contract.tick_size
                    assert tick is not None
                    for key in ("c", "o", "h", "l"):
                        text = event[key]
                        value = Decimal(text)
                        assert value % tick == 0, (key, text, tick)
                        # printed with the tick's own decimals: tick "0.10" → "104250.10"
                        assert value.as_tuple().exponent == tick.as_tuple().exponent
                        assert "e" not in text.lower() and text == str(value)
                    c, o, h, low = (Decimal(event[k]) for k in "cohl")
                    assert h >= max(c, o) and low <= min(c, o) and low > 0
                    volume = Decimal(event["v"])
                    assert volume >= last_volume.get(event["s"], Decimal(0))
                    last_volume[event["s"]] = volume
                    assert Decimal(event["q"]) > 0
            assert set(last_volume) == set(symbols)

    run(scenario())


def test_non_ascii_symbol_streams_end_to_end_on_raw_path_and_by_subscribe() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            stream = stream_name("币安人生USDT")
            assert stream == "币安人生usdt@miniTicker"
            async with connect(f"{ex.endpoints.raw_ws_url}/{stream}") as ws:
                event = await recv_json(ws)
                assert event["s"] == "币安人生USDT"
            async with connect(ex.endpoints.combined_ws_url()) as ws:
                assert await request(ws, "SUBSCRIBE", [stream], 1) == {"result": None, "id": 1}
                frame = await recv_matching(ws, lambda m: "stream" in m)
                assert frame["stream"] == stream and frame["data"]["s"] == "币安人生USDT"

    run(scenario())


def test_quarterly_contract_streams_under_its_dated_symbol() -> None:
    async def scenario() -> None:
        async with (
            sim() as ex,
            connect(ex.endpoints.raw_ws_url + "/btcusdt_261225@miniTicker") as ws,
        ):
            event = await recv_json(ws)
            assert event["s"] == "BTCUSDT_261225"

    run(scenario())


def test_unknown_and_non_trading_symbols_are_acked_but_carry_no_data() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url) as ws:
            streams = [
                "nosuchusdt@miniTicker",
                "alpacausdt@miniTicker",
                "0gusdt@miniTicker",
                "ethusdt@miniTicker",
            ]
            assert await request(ws, "SUBSCRIBE", streams, 1) == {"result": None, "id": 1}
            for _ in range(10):
                event = await recv_json(ws)
                assert event["s"] == "ETHUSDT"

    run(scenario())


def test_all_market_array_lists_every_trading_contract_and_the_coin_m_rows() -> None:
    async def scenario() -> None:
        async with sim(arr_interval=0.1) as ex:
            trading = {s.symbol for s in ex.market.trading_states()}
            assert "ALPACAUSDT" not in trading and "BTCUSDT" in trading
            coin_m = set(ex.market.other_market_symbols)
            assert "BTCUSD_PERP" in coin_m and not coin_m & trading
            async with connect(ex.endpoints.raw_ws_url + "/!miniTicker@arr") as ws:
                events = await recv_matching(ws, lambda m: isinstance(m, list))
                assert {e["s"] for e in events} == trading | coin_m
                # Only COIN-M rows say so (for now); a row without "st" is USDⓈ-M.
                assert {e["s"] for e in events if e.get("st", 1) == 2} == coin_m
            async with connect(ex.endpoints.combined_ws_url(["!miniTicker@arr"])) as ws:
                frame = await recv_json(ws)
                assert frame["stream"] == "!miniTicker@arr"
                parsed = parse_frame(json.dumps(frame))
                assert isinstance(parsed, Tickers)
                assert {e.symbol for e in parsed.events} == trading

    run(scenario())


def test_coin_m_contracts_are_neither_listed_nor_streamed_on_their_own() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            assert "BTCUSD_PERP" not in ex.symbols
            assert ex.market.state("BTCUSD_PERP") is None
            url = ex.endpoints.combined_ws_url(["btcusd_perp@miniTicker", "btcusdt@miniTicker"])
            async with connect(url) as ws:
                for _ in range(5):
                    assert (await recv_json(ws))["data"]["s"] == "BTCUSDT"

    run(scenario())


def test_a_quiet_symbol_is_pushed_only_when_a_price_is_forced_on_it() -> None:
    async def scenario() -> None:
        async with sim(quiet=["ETHUSDT"]) as ex:
            url = ex.endpoints.combined_ws_url(["btcusdt@miniTicker", "ethusdt@miniTicker"])
            async with connect(url) as ws:
                for _ in range(10):  # ten steps of the market: BTCUSDT every time, alone
                    assert (await recv_json(ws))["data"]["s"] == "BTCUSDT"
                ex.set_price("ETHUSDT", "4000")
                event = await recv_matching(ws, lambda m: m["data"]["s"] == "ETHUSDT")
                assert event["data"]["c"] == "4000.00"
                assert "st" not in event["data"]  # a symbol's own stream never says
                ex.set_quiet("ETHUSDT", False)
                await recv_matching(ws, lambda m: m["data"]["s"] == "ETHUSDT")
                with pytest.raises(KeyError):
                    ex.set_quiet("NOSUCHUSDT")

    run(scenario())


def test_set_price_forces_the_next_close() -> None:
    async def scenario() -> None:
        async with sim() as ex, connect(ex.endpoints.raw_ws_url + "/btcusdt@miniTicker") as ws:
            ex.set_price("BTCUSDT", "123456.7")
            event = await recv_matching(ws, lambda m: m["c"] == "123456.70")
            assert Decimal(event["h"]) >= Decimal("123456.70")
            with pytest.raises(KeyError):
                ex.set_price("NOSUCHUSDT", "1")

    run(scenario())


def test_same_seed_gives_the_same_market() -> None:
    first = SimExchange(seed=11).market
    second = SimExchange(seed=11).market
    for _ in range(3):
        a = [s.event() | {"E": 0} for s in first.tick(0)]
        b = [s.event() | {"E": 0} for s in second.tick(0)]
        assert a == b


def test_endpoints_point_at_the_running_servers() -> None:
    async def scenario() -> None:
        async with sim() as ex:
            assert ex.ws_url.startswith("ws://127.0.0.1:") and ex.ws_url.endswith("/market")
            assert ex.rest_url.startswith("http://127.0.0.1:")
            assert ex.endpoints.name == "demo"
            assert ex.endpoints.raw_ws_url == ex.ws_url + "/ws"
            assert "BTCUSDT" in ex.symbols and "币安人生USDT" in ex.symbols

    run(scenario())
