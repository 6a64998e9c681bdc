"""markPriceUpdate events: parsed exactly, checked like prices, shown in exact texts."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from desktop.exchange.funding import (
    MarkPrice,
    basis,
    basis_percent_text,
    countdown_text,
    funding_text,
    mark_stream_name,
    parse_mark_event,
    payer,
    seconds_left,
)
from desktop.exchange.ticker import FrameError, Marks, parse_frame, parse_frames

BINANCE = {
    "e": "markPriceUpdate",
    "E": 1562305380000,
    "s": "BTCUSDT",
    "p": "11794.15000000",
    "i": "11784.62659091",
    "P": "11784.25641265",
    "r": "0.00038167",
    "T": 1562306400000,
}
QUARTERLY = {**BINANCE, "s": "BTCUSDT_261225", "r": "", "T": 0}
TICKER = {
    "e": "24hrMiniTicker",
    "E": 1562305380000,
    "s": "ETHUSDT",
    "c": "3900.10",
    "o": "3800.00",
    "h": "3950.00",
    "l": "3790.00",
    "v": "1000.000",
    "q": "3900000.00",
}


def combined(stream: str, data: object) -> str:
    return json.dumps({"stream": stream, "data": data})


def test_binance_mark_event_keeps_its_strings_exactly() -> None:
    mark = parse_mark_event(BINANCE)
    assert mark == MarkPrice(
        "BTCUSDT",
        1562305380000,
        "11794.15000000",
        "11784.62659091",
        "11784.25641265",
        "0.00038167",
        1562306400000,
    )
    assert mark.index == Decimal("11784.62659091")
    assert mark.rate == Decimal("0.00038167")
    assert mark.has_funding


def test_quarterly_mark_event_has_no_funding() -> None:
    mark = parse_mark_event(QUARTERLY)
    assert not mark.has_funding
    assert mark.rate is None
    assert funding_text(mark.rate_text) == ""
    assert countdown_text(mark.next_funding, 1562305380.0) == ""


def test_typed_and_checking_paths_agree_on_mark_frames() -> None:
    one = combined(mark_stream_name("BTCUSDT"), BINANCE)
    array = combined("!markPrice@arr@1s", [BINANCE, QUARTERLY])
    batch = parse_frames([one, array])
    slow = parse_frame(array)
    assert isinstance(slow, Marks)
    assert batch.marks == [parse_mark_event(BINANCE), *slow.events]
    assert batch.events == []
    assert batch.seen == {"btcusdt@markPrice@1s", "!markPrice@arr@1s"}
    assert batch.frames == 2


def test_mark_frames_beside_tickers_leave_the_tickers_as_they_were() -> None:
    ticker = combined("ethusdt@miniTicker", TICKER)
    mark = combined("btcusdt@markPrice@1s", BINANCE)
    alone = parse_frames([ticker])
    mixed = parse_frames([mark, ticker, mark])
    assert mixed.events == alone.events
    assert mixed.streams == alone.streams
    assert len(mixed.marks) == 2
    assert mixed.others == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("p", "1e5"),
        ("i", "-1.0"),
        ("r", "0.0001x"),
        ("r", "NaN"),
        ("P", " 1"),
        ("T", "soon"),
        ("p", "1|2"),
        ("P", "-1"),
        ("r", "-"),
        ("r", "+0.1"),
        ("i", "1."),
    ],
)
def test_a_broken_mark_number_refuses_its_frame_and_keeps_the_others(
    field: str, value: str
) -> None:
    bad = combined("btcusdt@markPrice@1s", {**BINANCE, field: value})
    good = combined("ethusdt@miniTicker", TICKER)
    batch = parse_frames([good, bad])
    assert [e.symbol for e in batch.events] == ["ETHUSDT"]
    assert batch.marks == []
    assert len(batch.others) == 1 and isinstance(batch.others[0][1], FrameError)


def test_bars_inside_the_numbers_of_an_array_cannot_line_up_as_valid_marks() -> None:
    # Four bars more in all, but one event's fields shifted into the next: refused whole.
    shifted = {**BINANCE, "p": "1|2|3|4", "P": "", "r": "5|6"}
    array = combined("!markPrice@arr@1s", [shifted, QUARTERLY])
    batch = parse_frames([array])
    assert batch.marks == []
    assert len(batch.others) == 1 and isinstance(batch.others[0][1], FrameError)


def test_an_empty_settle_price_and_rate_pass_as_for_a_quarterly() -> None:
    quiet = {**BINANCE, "s": "ETHUSDT", "P": "", "r": "-0.00012500"}
    batch = parse_frames([combined("!markPrice@arr@1s", [quiet, QUARTERLY])])
    assert [m.symbol for m in batch.marks] == ["ETHUSDT", "BTCUSDT_261225"]
    assert batch.marks[0].rate_text == "-0.00012500"


def test_negative_rate_means_shorts_pay_longs() -> None:
    assert payer("-0.00012500") == -1
    assert payer("0.00010000") == 1
    assert payer("0.00000000") == 0
    assert payer("") == 0
    assert funding_text("-0.00012500") == "−0.0125 %"
    assert funding_text("0.00038167") == "+0.0382 %"
    assert funding_text("-0.00000001") == "0.0000 %"  # no "−0.0000 %"


def test_countdown_reads_hours_minutes_seconds_and_stops_at_zero() -> None:
    t = 1_800_000_000_000
    assert countdown_text(t, t / 1000 - (2 * 3600 + 14 * 60 + 5)) == "02:14:05"
    assert countdown_text(t, t / 1000 - 0.2) == "00:00:01"  # rounded up: never 0 early
    assert countdown_text(t, t / 1000) == "00:00:00"
    assert countdown_text(t, t / 1000 + 30) == "00:00:00"
    assert seconds_left(0, 0.0) is None


def test_basis_is_exact_last_minus_index() -> None:
    diff, percent = basis("105480.0", "104009.23")
    assert diff == Decimal("1470.77")
    assert percent is not None
    assert basis_percent_text(percent) == "+1.414 %"
    assert basis_percent_text(Decimal("-0.0004")) == "0.000 %"
