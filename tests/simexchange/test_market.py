"""The simulated market's arithmetic and the stream-name rules, without sockets."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exchange.symbols import ALL_MARKET_STREAM, stream_name
from desktop.simexchange.contracts_data import coin_m_contracts, default_contracts
from desktop.simexchange.market import Market, quantize
from desktop.simexchange.stream_protocol import parse_target, stream_problem

CONTRACTS = default_contracts()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**31), steps=st.integers(1, 30))
def test_random_walk_stays_on_the_tick_with_consistent_statistics(seed: int, steps: int) -> None:
    market = Market(CONTRACTS, seed)
    before = {s.symbol: s.volume for s in market.trading_states()}
    for _ in range(steps):
        market.tick(0)
    for state in market.trading_states():
        event = state.event()
        for key in "cohl":
            value = Decimal(event[key])
            assert value > 0 and value % state.tick == 0
            assert value.as_tuple().exponent == state.tick.as_tuple().exponent
        c, o, h, low = (Decimal(event[k]) for k in "cohl")
        assert low <= min(c, o) and h >= max(c, o)
        assert Decimal(event["v"]) > before[state.symbol]
        assert Decimal(event["v"]) % state.step == 0


@given(
    value=st.decimals(min_value=Decimal("0.0000001"), max_value=Decimal("1e7"), places=9),
    tick=st.sampled_from([Decimal("0.10"), Decimal("0.0000001"), Decimal("1"), Decimal("0.010")]),
)
def test_quantize_gives_a_multiple_of_the_tick_printed_with_its_decimals(
    value: Decimal, tick: Decimal
) -> None:
    result = quantize(value, tick)
    assert result % tick == 0
    assert abs(result - value) <= tick / 2
    assert result.as_tuple().exponent == tick.as_tuple().exponent


def test_every_listed_symbol_has_a_valid_stream_name() -> None:
    for entry in CONTRACTS:
        symbol = entry["symbol"]
        assert isinstance(symbol, str)
        assert stream_problem(stream_name(symbol)) is None
    assert stream_problem(ALL_MARKET_STREAM) is None
    assert stream_problem("BTCUSDT@miniTicker") is not None
    assert stream_problem("btcusdt@bookTicker") is not None


def test_handshake_paths_route_to_raw_or_combined() -> None:
    raw = parse_target("/market/ws/btcusdt@miniTicker/ethusdt@miniTicker")
    assert raw is not None and not raw.combined
    assert raw.streams == ("btcusdt@miniTicker", "ethusdt@miniTicker")
    combined = parse_target("/market/stream?streams=btcusdt@miniTicker/!miniTicker@arr")
    assert combined is not None and combined.combined
    assert combined.streams == ("btcusdt@miniTicker", "!miniTicker@arr")
    encoded = parse_target("/market/ws/%E5%B8%81%E5%AE%89%E4%BA%BA%E7%94%9Fusdt@miniTicker")
    assert encoded is not None and encoded.streams == ("币安人生usdt@miniTicker",)
    assert parse_target("/stream?streams=btcusdt@miniTicker") is None


def test_coin_m_contracts_leave_a_seeds_listed_prices_as_they_were() -> None:
    plain = Market(CONTRACTS, 3)
    other = Market(CONTRACTS, 3, other_markets=coin_m_contracts())
    for step in range(5):
        assert other.tick(step) == plain.tick(step)
    assert other.trading_states() == [s for s in other.all_market_states() if s.market == 1]


def test_a_quiet_contract_stands_still_until_a_price_is_forced_on_it() -> None:
    market = Market(CONTRACTS, 3)
    market.set_quiet("ETHUSDT")
    eth = market.state("ETHUSDT")
    assert eth is not None and market.quiet == {"ETHUSDT"}
    before = eth.event()
    for step in range(1, 4):
        assert "ETHUSDT" not in {s.symbol for s in market.tick(step)}
    assert eth.event() == before
    market.set_price("ETHUSDT", "4000")
    assert [s.symbol for s in market.tick(4) if s.symbol == "ETHUSDT"] == ["ETHUSDT"]
    assert eth.event()["c"] == "4000.00" and eth.event_time == 4
    assert "ETHUSDT" not in {s.symbol for s in market.tick(5)}


def test_coin_m_rows_walk_and_say_their_market_only_in_the_all_market_array() -> None:
    market = Market(CONTRACTS, 5, other_markets=coin_m_contracts())
    rows = {s.symbol: s for s in market.all_market_states()}
    coin = rows["BTCUSD_PERP"]
    before = coin.close
    for step in range(1, 4):
        market.tick(step)
    assert coin.close != before and coin.event_time == 3
    assert coin.event()["st"] == 2 and coin.event(all_market=True)["st"] == 2
    btc = rows["BTCUSDT"]
    assert "st" not in btc.event() and btc.event(all_market=True)["st"] == 1
    assert market.state("BTCUSD_PERP") is None and "BTCUSD_PERP" not in market.symbols
