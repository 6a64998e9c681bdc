"""The frame parser: exact decimals, every frame shape, and nothing escapes but FrameError."""

from __future__ import annotations

import contextlib
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exchange.funding import MarkPrice
from desktop.exchange.ticker import (
    COIN_M,
    USDS_M,
    Batch,
    ErrorReply,
    FrameError,
    Marks,
    MiniTicker,
    Reply,
    Tickers,
    compare_texts,
    parse_event,
    parse_frame,
    parse_frames,
    plain_decimals,
)

EVENT: dict[str, Any] = {
    "e": "24hrMiniTicker",
    "E": 1764072000123,
    "s": "BTCUSDT",
    "c": "97123.40",
    "o": "95000.00",
    "h": "98000.10",
    "l": "94000.00",
    "v": "12345.678",
    "q": "1198765432.10",
}


def test_raw_event_keeps_the_exchanges_exact_digits() -> None:
    frame = parse_frame(json.dumps(EVENT))
    assert isinstance(frame, Tickers) and frame.stream is None
    (tick,) = frame.events
    assert str(tick.close) == "97123.40"  # trailing zero kept: Decimal, not float
    assert str(tick.quote_volume) == "1198765432.10"
    assert tick.change == Decimal("2123.40")
    assert tick.change_percent is not None
    assert round(tick.change_percent, 4) == Decimal("2.2352")


def test_combined_wrapper_names_the_stream() -> None:
    frame = parse_frame(json.dumps({"stream": "btcusdt@miniTicker", "data": EVENT}))
    assert isinstance(frame, Tickers)
    assert frame.stream == "btcusdt@miniTicker"
    assert frame.events[0].symbol == "BTCUSDT"


def test_all_market_array_yields_every_event() -> None:
    other = dict(EVENT, s="币安人生USDT", c="0.1234", o="0.1200")
    frame = parse_frame(json.dumps({"stream": "!miniTicker@arr", "data": [EVENT, other]}))
    assert isinstance(frame, Tickers)
    assert [t.symbol for t in frame.events] == ["BTCUSDT", "币安人生USDT"]


COIN_ROW = dict(EVENT, s="BTCUSD_PERP", c="97100.0", o="95010.0", st=COIN_M)


def _arr(*rows: dict[str, object]) -> str:
    return json.dumps({"stream": "!miniTicker@arr", "data": list(rows)})


def test_all_market_rows_of_coin_m_are_left_out_and_rows_without_st_are_usds_m() -> None:
    usds = dict(EVENT, s="ETHUSDT", st=USDS_M)
    raw = _arr(EVENT, COIN_ROW, usds, dict(COIN_ROW, s="ETHUSD_261225"))
    frame = parse_frame(raw)
    assert isinstance(frame, Tickers) and frame.skipped == 0
    assert [(t.symbol, t.market) for t in frame.events] == [("BTCUSDT", 1), ("ETHUSDT", 1)]
    batch = parse_frames([raw])
    assert [t.symbol for t in batch.events] == ["BTCUSDT", "ETHUSDT"]
    assert batch.streams == ["!miniTicker@arr"] * 2
    assert (batch.frames, batch.skipped, batch.others) == (1, 0, [])


def test_a_frame_of_only_coin_m_rows_still_counts_as_market_data() -> None:
    # The stream is alive (the silence watch must not reconnect); nothing is taken.
    for raw in (
        _arr(COIN_ROW),
        json.dumps({"stream": "btcusd_perp@miniTicker", "data": COIN_ROW}),
    ):
        batch = parse_frames([raw])
        assert batch.events == [] and batch.frames == 1 and batch.others == []
        assert parse_frame(raw) == Tickers(json.loads(raw)["stream"], ())
    assert parse_frame(json.dumps(COIN_ROW)) == Tickers(None, ())


def test_a_coin_m_row_is_not_checked_so_its_numbers_never_spoil_our_rows() -> None:
    raw = _arr(EVENT, dict(COIN_ROW, c="1e5", h=None))
    frame = parse_frame(raw)
    assert isinstance(frame, Tickers) and [t.symbol for t in frame.events] == ["BTCUSDT"]
    assert [t.symbol for t in parse_frames([raw]).events] == ["BTCUSDT"]


@pytest.mark.parametrize("market", ["1", True, None, 1.0, [1]], ids=repr)
def test_a_market_type_that_is_not_an_integer_spoils_its_frame(market: object) -> None:
    # Which market such a row is cannot be known: showing it could show a COIN-M price.
    raw = _arr(EVENT, dict(EVENT, s="ETHUSDT", st=market))
    with pytest.raises(FrameError, match="market type"):
        parse_frame(raw)
    batch = parse_frames([raw])
    assert batch.events == [] and [r for r, _ in batch.others] == [raw]


def test_coin_m_rows_are_neither_skipped_nor_checked_against_the_events_taken() -> None:
    # A COIN-M row that shares a USDⓈ-M symbol's name and time is still not ours.
    same_name = dict(COIN_ROW, s="BTCUSDT", E=EVENT["E"])
    taken = {"BTCUSDT": parse_event(EVENT)}
    raw = _arr(EVENT, same_name, dict(EVENT, s="ETHUSDT"))
    known = {"BTCUSDT": EVENT["E"]}
    frame = parse_frame(raw, newer_than=known)
    assert isinstance(frame, Tickers) and frame.skipped == 1
    for batch in (
        parse_frames([raw], newer_than=known),
        parse_frames([raw], newer_than=known, taken=taken),
    ):
        assert [t.symbol for t in batch.events] == ["ETHUSDT"] and batch.skipped == 1


def test_events_not_newer_than_known_are_counted_and_left_out() -> None:
    newer = dict(EVENT, s="ETHUSDT", E=EVENT["E"])
    known = {"BTCUSDT": EVENT["E"], "ETHUSDT": EVENT["E"] - 1}
    frame = parse_frame(
        json.dumps({"stream": "!miniTicker@arr", "data": [EVENT, newer]}), newer_than=known
    )
    assert isinstance(frame, Tickers)
    assert [t.symbol for t in frame.events] == ["ETHUSDT"]
    assert frame.skipped == 1
    single = parse_frame(
        json.dumps({"stream": "btcusdt@miniTicker", "data": EVENT}), newer_than=known
    )
    assert single == Tickers("btcusdt@miniTicker", (), 1)
    later = dict(EVENT, E=EVENT["E"] + 1)
    fresh = parse_frame(
        json.dumps({"stream": "btcusdt@miniTicker", "data": later}), newer_than=known
    )
    assert isinstance(fresh, Tickers) and fresh.skipped == 0
    assert [t.event_time for t in fresh.events] == [later["E"]]


def test_a_malformed_event_is_still_refused_when_its_time_is_new() -> None:
    broken = dict(EVENT, E=EVENT["E"] + 1, c="not a number")
    with pytest.raises(FrameError, match="'c'"):
        parse_frame(
            json.dumps({"stream": "btcusdt@miniTicker", "data": broken}),
            newer_than={"BTCUSDT": EVENT["E"]},
        )


@pytest.mark.parametrize("broken", [{"c": "1e5"}, {"E": -5}, {"s": None}, {"q": 15}])
def test_one_broken_event_spoils_its_frame_even_when_its_time_is_not_new(
    broken: dict[str, object],
) -> None:
    old = dict(EVENT, s="ETHUSDT", E=1) | broken
    known = {"ETHUSDT": 10, "BTCUSDT": 0}
    for payload in ([EVENT, old], {"stream": "!miniTicker@arr", "data": [EVENT, old]}):
        raw = json.dumps(payload)
        with pytest.raises(FrameError):
            parse_frame(raw, newer_than=known)
        batch = parse_frames([raw], newer_than=known)
        assert not batch.events and [r for r, _ in batch.others] == [raw]
        # Only a repeat of the very event taken is spared the check, not one of its time.
        taken = {"ETHUSDT": parse_event(dict(EVENT, s="ETHUSDT", E=1))}
        batch = parse_frames([raw], newer_than=known, taken=taken)
        assert not batch.events and [r for r, _ in batch.others] == [raw]


def test_unknown_extra_fields_are_ignored() -> None:
    frame = parse_frame(json.dumps(dict(EVENT, x="new field", n=5)))
    assert isinstance(frame, Tickers)


def test_replies_and_errors_are_recognised() -> None:
    assert parse_frame('{"result":null,"id":7}') == Reply(7, None)
    assert parse_frame('{"result":["btcusdt@miniTicker"],"id":8}') == Reply(
        8, ["btcusdt@miniTicker"]
    )
    assert parse_frame('{"code":2,"msg":"Invalid request","id":9}') == ErrorReply(
        9, 2, "Invalid request"
    )


def test_zero_open_has_no_percentage() -> None:
    tick = MiniTicker("X", 1, "1", "0", "1", "0", "0", "0")
    assert tick.change_percent is None


@pytest.mark.parametrize(
    "raw",
    [
        "not json",
        b"\xff\xfe\x00",
        "[1, 2]",
        "42",
        '"text"',
        "null",
        json.dumps(dict(EVENT, c="abc")),
        json.dumps(dict(EVENT, c=97123.4)),  # a number, not a decimal string
        json.dumps(dict(EVENT, c="NaN")),
        json.dumps(dict(EVENT, c="Infinity")),
        json.dumps(dict(EVENT, E="1")),
        json.dumps(dict(EVENT, E=True)),
        json.dumps(dict(EVENT, s=None)),
        json.dumps({k: v for k, v in EVENT.items() if k != "q"}),
        json.dumps(dict(EVENT, e="24hrTicker")),
        json.dumps({"stream": 5, "data": EVENT}),
        json.dumps({"stream": "x", "data": [EVENT, "junk"]}),
        json.dumps({"hello": "world"}),
        "[" * 100_000,
        " " * (5 * 1024 * 1024),
    ],
    ids=lambda raw: repr(raw)[:30],
)
def test_malformed_frames_raise_only_frame_error(raw: str | bytes) -> None:
    with pytest.raises(FrameError):
        parse_frame(raw)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=30,
)


@settings(max_examples=400)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise_anything_but_frame_error(raw: bytes) -> None:
    with contextlib.suppress(FrameError):
        parse_frame(raw)


@settings(max_examples=400)
@given(json_values)
def test_arbitrary_json_never_raises_anything_but_frame_error(value: object) -> None:
    with contextlib.suppress(FrameError):
        parse_frame(json.dumps(value))
    with contextlib.suppress(FrameError):
        parse_frame(json.dumps(value), newer_than={"BTCUSDT": 5, "": 0})


decimal_strings = st.decimals(
    allow_nan=False, allow_infinity=False, places=8, min_value=0, max_value=10**9
).map(lambda d: format(d, "f"))


@settings(max_examples=300)
@given(
    st.fixed_dictionaries(
        {k: decimal_strings for k in "cohlvq"}
        | {"E": st.integers(0, 2**53), "s": st.from_regex(r"[A-Z0-9_]{1,20}", fullmatch=True)}
    ),
    st.dictionaries(st.text(min_size=2, max_size=6), st.integers(), max_size=3),
)
def test_every_valid_event_round_trips_exactly(
    fields: dict[str, object], extra: dict[str, int]
) -> None:
    payload = {**extra, **fields, "e": "24hrMiniTicker"}
    frame = parse_frame(json.dumps({"stream": "x@miniTicker", "data": payload}))
    assert isinstance(frame, Tickers)
    (tick,) = frame.events
    assert format(tick.close, "f") == fields["c"]
    assert format(tick.base_volume, "f") == fields["v"]
    assert tick.event_time == fields["E"]
    assert tick.symbol == fields["s"]


@pytest.mark.parametrize(
    "number", ["1e5", "-1", "+1", " 1", "1 ", "1_000", ".5", "5.", "1.2.3", "١٢٣", "1|2", "1.|2"]
)
def test_numbers_not_written_as_plain_decimals_are_refused_naming_the_field(number: str) -> None:
    one = json.dumps({"stream": "btcusdt@miniTicker", "data": dict(EVENT, h=number)})
    every = json.dumps({"stream": "!miniTicker@arr", "data": [EVENT, dict(EVENT, v=number)]})
    with pytest.raises(FrameError, match="'h'"):
        parse_frame(one)
    with pytest.raises(FrameError, match="'v'"):
        parse_frame(every)


@settings(max_examples=1000)
@given(st.lists(st.text(alphabet="0123456789.|x١ ", max_size=6), max_size=6))
def test_a_reads_numbers_are_checked_as_the_plain_decimal_pattern_says(texts: list[str]) -> None:
    joined = "".join(f"{text}|" for text in texts)
    expected = all(re.fullmatch(r"[0-9]+(\.[0-9]+)?", text) for text in texts)
    assert plain_decimals(joined, len(texts)) == expected
    assert not plain_decimals(joined + "1|", len(texts)) and not plain_decimals("1", 0)


def test_an_event_keeps_the_exchanges_strings_and_gives_their_exact_values() -> None:
    frame = parse_frame(json.dumps({"stream": "btcusdt@miniTicker", "data": EVENT}))
    assert isinstance(frame, Tickers)
    (tick,) = frame.events
    texts = (tick.close_text, tick.open_text, tick.high_text, tick.low_text)
    assert texts == ("97123.40", "95000.00", "98000.10", "94000.00")
    assert (tick.base_volume_text, tick.quote_volume_text) == ("12345.678", "1198765432.10")
    assert tick.high == Decimal("98000.10") and str(tick.low) == "94000.00"
    assert tick == MiniTicker("BTCUSDT", EVENT["E"], *texts, "12345.678", "1198765432.10")


decimal_texts = st.decimals(min_value=0, max_value=10**20, allow_nan=False, places=12).map(
    lambda d: f"{d:f}"
)


@settings(max_examples=300)
@given(decimal_texts, decimal_texts, st.integers(min_value=0, max_value=8))
def test_compare_texts_orders_exactly_like_decimals(a: str, b: str, zeros: int) -> None:
    padded = a + ("0" * zeros if "." in a else "")  # same value, other digits
    for x, y in ((a, b), (b, a), (a, padded), (padded, a), (a, a)):
        expected = (Decimal(x) > Decimal(y)) - (Decimal(x) < Decimal(y))
        assert compare_texts(x, y) == expected


def test_compare_texts_tells_apart_numbers_one_float_cannot() -> None:
    a, b = "0.10000000000000000001", "0.1"
    assert float(a) == float(b)
    assert compare_texts(a, b) == 1 and compare_texts(b, a) == -1


@pytest.mark.parametrize("kind", [None, "", "24hrTicker"])
def test_an_event_without_the_mini_ticker_kind_is_refused_in_every_shape(kind: str | None) -> None:
    event = {k: v for k, v in EVENT.items() if k != "e"} | ({} if kind is None else {"e": kind})
    for data in (event, [EVENT, event]):
        with pytest.raises(FrameError, match="not a mini ticker event"):
            parse_frame(json.dumps({"stream": "btcusdt@miniTicker", "data": data}))


def _one_by_one(raws: list[str | bytes], known: dict[str, int]) -> Batch:
    """What ``parse_frames`` must equal: ``parse_frame`` on each frame, gathered."""
    batch = Batch([], [], set(), 0, 0, [])
    marks: list[MarkPrice] = []
    frames = skipped = 0
    for raw in raws:
        try:
            frame = parse_frame(raw, newer_than=known)
        except FrameError as exc:
            batch.others.append((raw, exc))
            continue
        if isinstance(frame, Marks):
            frames += 1
            batch.seen.update([frame.stream] if frame.stream is not None else [])
            marks += frame.events
        elif isinstance(frame, Tickers):
            frames, skipped = frames + 1, skipped + frame.skipped
            batch.events.extend(frame.events)
            batch.streams.extend([frame.stream] * len(frame.events))
            batch.seen.update([frame.stream] if frame.stream is not None else [])
        else:
            batch.others.append((raw, frame))
    return batch._replace(frames=frames, skipped=skipped, marks=marks)


def _comparable(batch: Batch) -> tuple[object, ...]:
    others = [(raw, repr(item)) for raw, item in batch.others]  # errors compare by text
    return (*batch[:5], others)


symbols = st.sampled_from(["BTCUSDT", "ETHUSDT", "币安人生USDT"])
#: ``"st"``: absent (USDⓈ-M), USDⓈ-M, COIN-M, or a market yet unknown.
markets = st.sampled_from([{}, {"st": USDS_M}, {"st": COIN_M}, {"st": 7}])
good_events = st.builds(
    lambda symbol, time, price, market: dict(EVENT, s=symbol, E=time, c=price, **market),
    symbols | st.just("BTCUSD_PERP"),
    st.integers(0, 20),
    st.sampled_from(["1", "2.50", "0.00001"]),
    markets,
)
bad_numbers = st.sampled_from(["1e5", "-1", " 1", ".5", "x", ""])
read_frames = st.one_of(
    good_events.map(lambda e: json.dumps({"stream": e["s"].lower() + "@miniTicker", "data": e})),
    st.lists(good_events, max_size=4).map(
        lambda es: json.dumps({"stream": "!miniTicker@arr", "data": es})
    ),
    good_events.map(json.dumps),  # a raw stream's event
    st.tuples(good_events, st.sampled_from("cohlvq"), bad_numbers).map(
        lambda t: json.dumps({"stream": "x@miniTicker", "data": dict(t[0], **{t[1]: t[2]})})
    ),
    good_events.map(lambda e: json.dumps({"stream": "!miniTicker@arr", "data": [dict(e, st="2")]})),
    st.just(json.dumps({"result": None, "id": 7})),
    st.just(json.dumps({"code": 2, "msg": "Invalid request", "id": 8})),
    json_values.map(json.dumps),
    st.binary(max_size=20),
)


@settings(max_examples=300)
@given(
    st.lists(read_frames, max_size=8),
    st.dictionaries(symbols, st.integers(0, 20), max_size=2),
    st.lists(good_events, max_size=3),
)
def test_a_whole_read_parses_exactly_as_its_frames_one_by_one(
    raws: list[str | bytes], known: dict[str, int], taken_events: list[dict[str, object]]
) -> None:
    # The events taken before (checked then) only spare checks: same result.
    taken = {e.symbol: e for e in map(parse_event, taken_events) if e.market == USDS_M}
    expected = _comparable(_one_by_one(raws, known))
    assert _comparable(parse_frames(raws, newer_than=known)) == expected
    assert _comparable(parse_frames(raws, newer_than=known, taken=taken)) == expected


def test_a_frame_not_utf8_anywhere_is_refused_even_where_nothing_is_taken() -> None:
    good = json.dumps({"stream": "btcusdt@miniTicker", "data": EVENT}).encode()
    bad = good[:-2] + b', "note": "\xff"}}'
    assert parse_frame(good) == parse_frame(good.decode())
    with pytest.raises(FrameError, match="not JSON"):
        parse_frame(bad)
    not_json = "币安人生".encode() + good
    batch = parse_frames([good, bad, not_json])
    assert len(batch.events) == 1 and [raw for raw, _ in batch.others] == [bad, not_json]


def test_one_bad_number_in_a_read_loses_none_of_the_good_frames() -> None:
    good = [dict(EVENT, s=s) for s in ("BTCUSDT", "ETHUSDT")]
    raws = [
        json.dumps({"stream": "btcusdt@miniTicker", "data": good[0]}),
        json.dumps({"stream": "xrpusdt@miniTicker", "data": dict(EVENT, s="XRPUSDT", l="1e5")}),
        json.dumps({"stream": "!miniTicker@arr", "data": good[1:]}),
    ]
    batch = parse_frames(raws)
    assert [e.symbol for e in batch.events] == ["BTCUSDT", "ETHUSDT"]
    assert batch.streams == ["btcusdt@miniTicker", "!miniTicker@arr"]
    assert batch.frames == 2 and batch.seen == {"btcusdt@miniTicker", "!miniTicker@arr"}
    ((raw, error),) = batch.others
    assert raw == raws[1] and isinstance(error, FrameError) and "'l'" in str(error)
