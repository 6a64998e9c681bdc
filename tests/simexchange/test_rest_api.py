"""The simulated exchange's REST endpoints answer in Binance's shapes and error codes."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from desktop.exchange.contracts import parse_exchange_info
from desktop.simexchange import SimExchange
from tests.simexchange.helpers import http_get, run


def test_ping_time_and_unknown_path() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=1) as ex:
            assert await http_get(ex.rest_url + "/fapi/v1/ping") == (200, {})
            status, body = await http_get(ex.rest_url + "/fapi/v1/time")
            assert status == 200 and isinstance(body["serverTime"], int)
            status, body = await http_get(ex.rest_url + "/fapi/v1/nothing")
            assert status == 404 and "msg" in body
            assert [hit.status for hit in ex.stats.rest_requests] == [200, 200, 404]
            assert ex.stats.rest_requests[0].path == "/fapi/v1/ping"

    run(scenario())


def test_exchange_info_lists_the_required_kinds_of_contract() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=1) as ex:
            status, body = await http_get(ex.rest_url + "/fapi/v1/exchangeInfo")
            assert status == 200
            assert body["timezone"] == "UTC" and isinstance(body["serverTime"], int)
            for key in ("rateLimits", "exchangeFilters", "assets"):
                assert body[key] == []
            assert all("simPrice" not in s for s in body["symbols"])
            contracts = {c.symbol: c for c in parse_exchange_info(body)}
            assert len(contracts) >= 100 and len(contracts) == len(body["symbols"])
            for symbol in (
                "BTCUSDT",
                "ETHUSDT",
                "BNBUSDT",
                "SOLUSDT",
                "XRPUSDT",
                "1000PEPEUSDT",
                "币安人生USDT",
                "BTCUSDC",
            ):
                assert contracts[symbol].kind == "perpetual" and contracts[symbol].is_trading
            assert contracts["BTCUSDT_261225"].contract_type == "CURRENT_QUARTER"
            assert contracts["ETHUSDT_261225"].kind == "quarterly"
            for symbol in ("XAUUSDT", "TSLAUSDT"):
                assert contracts[symbol].contract_type == "TRADIFI_PERPETUAL"
                assert contracts[symbol].underlying_type == "TRADIFI"
            assert {"SETTLING", "PENDING_TRADING"} <= {c.status for c in contracts.values()}
            assert {c.quote_asset for c in contracts.values()} == {"USDT", "USDC"}
            assert contracts["BTCUSDT"].tick_size == Decimal("0.10")
            raw = next(s for s in body["symbols"] if s["symbol"] == "BTCUSDT")
            for key in (
                "pair",
                "deliveryDate",
                "onboardDate",
                "marginAsset",
                "pricePrecision",
                "quantityPrecision",
                "underlyingSubType",
            ):
                assert key in raw
            assert {f["filterType"] for f in raw["filters"]} >= {"PRICE_FILTER", "LOT_SIZE"}

    run(scenario())


def test_ticker_24hr_for_all_and_for_one_symbol() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=1) as ex:
            status, rows = await http_get(ex.rest_url + "/fapi/v1/ticker/24hr")
            assert status == 200 and len(rows) == len(ex.symbols)
            status, row = await http_get(ex.rest_url + "/fapi/v1/ticker/24hr?symbol=ETHUSDT")
            assert status == 200 and row["symbol"] == "ETHUSDT"
            expected = {
                "symbol",
                "priceChange",
                "priceChangePercent",
                "weightedAvgPrice",
                "lastPrice",
                "lastQty",
                "openPrice",
                "highPrice",
                "lowPrice",
                "volume",
                "quoteVolume",
                "openTime",
                "closeTime",
                "firstId",
                "lastId",
                "count",
            }
            assert set(row) == expected
            last, open_ = Decimal(row["lastPrice"]), Decimal(row["openPrice"])
            assert Decimal(row["priceChange"]) == last - open_
            assert Decimal(row["lowPrice"]) <= min(last, open_)
            assert Decimal(row["highPrice"]) >= max(last, open_)
            assert row["count"] == row["lastId"] - row["firstId"] + 1
            status, body = await http_get(ex.rest_url + "/fapi/v1/ticker/24hr?symbol=NOPEUSDT")
            assert (status, body) == (400, {"code": -1121, "msg": "Invalid symbol."})

    run(scenario())


def test_klines_are_consistent_and_end_at_the_current_price() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=1) as ex:
            url = ex.rest_url + "/fapi/v1/klines?symbol=BTCUSDT&interval=1m&limit=30"
            status, rows = await http_get(url)
            assert status == 200 and len(rows) == 30
            state = ex.market.state("BTCUSDT")
            assert state is not None
            assert rows[-1][4] == str(state.close)
            for before, after in itertools.pairwise(rows):
                assert after[0] - before[0] == 60_000
                assert after[1] == before[4]  # each candle opens at the previous close
            for row in rows:
                assert len(row) == 12 and row[6] == row[0] + 59_999
                o, h, low, c = (Decimal(x) for x in row[1:5])
                assert h >= max(o, c) and low <= min(o, c) and low > 0
                assert Decimal(row[5]) > 0 and Decimal(row[7]) > 0

    run(scenario())


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("symbol=NOPEUSDT&interval=1m", -1121),
        ("symbol=BTCUSDT&interval=7m", -1120),
        ("interval=1m", -1102),
        ("symbol=BTCUSDT&interval=1m&limit=0", -1130),
        ("symbol=BTCUSDT&interval=1m&limit=lots", -1130),
    ],
)
def test_bad_kline_requests_are_400_with_binance_codes(query: str, code: int) -> None:
    async def scenario() -> None:
        async with SimExchange(seed=1) as ex:
            status, body = await http_get(f"{ex.rest_url}/fapi/v1/klines?{query}")
            assert status == 400 and body["code"] == code

    run(scenario())


def test_rest_unavailable_answers_503_until_switched_off() -> None:
    async def scenario() -> None:
        async with SimExchange(seed=1) as ex:
            ex.set_rest_unavailable(True)
            status, _ = await http_get(ex.rest_url + "/fapi/v1/ping")
            assert status == 503
            ex.set_rest_unavailable(False)
            assert await http_get(ex.rest_url + "/fapi/v1/ping") == (200, {})

    run(scenario())
