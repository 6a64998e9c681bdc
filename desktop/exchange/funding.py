"""Mark price, index price and funding: the ``markPriceUpdate`` event and its texts.

``<symbol>@markPrice@1s`` (and ``!markPrice@arr@1s``, an array of them) pushes, once a
second, a contract's mark price ``p``, index price ``i``, estimated settle price ``P``,
funding rate ``r`` and next funding time ``T`` (ms). Numbers stay the exchange's strings;
what is shown is built from them exactly (``Decimal``), as for mini tickers.

A quarterly contract has no funding: ``r`` is ``""`` and ``T`` is 0. A positive rate means
longs pay shorts; a negative one, shorts pay longs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Final

import msgspec

from desktop.exchange.display import format_percent

MARK_PRICE: Final = "markPrice@1s"
ALL_MARK_STREAM: Final = "!markPrice@arr@1s"
MARK_EVENT: Final = "markPriceUpdate"
#: Seconds between two mark events of a contract.
MARK_CADENCE: Final = 1.0
#: Places a funding rate is shown with, in percent (Binance's rates have 8 decimals as a
#: fraction, i.e. 6 in percent; four is what the exchange's own pages show).
RATE_PLACES: Final = 4
BASIS_PERCENT_PLACES: Final = 3

_MAX_TEXT: Final = 64
_is_plain: Final = re.compile(r"[0-9]++(?:\.[0-9]++)?+").fullmatch
_is_signed: Final = re.compile(r"-?+[0-9]++(?:\.[0-9]++)?+").fullmatch

_PLAIN: Final = r"[0-9]++(?:\.[0-9]++)?+"
#: A whole read's mark, index, settle (may be empty) and rate (signed, may be empty)
#: numbers, each ending in "|" (``marks_are_plain``).
_are_marks: Final = re.compile(
    rf"(?:{_PLAIN}\|{_PLAIN}\|(?:{_PLAIN})?+\|(?:-?+{_PLAIN})?+\|)*+"
).fullmatch

_Text = Annotated[str, msgspec.Meta(min_length=1, max_length=_MAX_TEXT)]
_MaybeText = Annotated[str, msgspec.Meta(max_length=_MAX_TEXT)]


class MarkError(ValueError):
    """A ``markPriceUpdate`` event that is not valid; the message names what is wrong."""


class MarkPrice(
    msgspec.Struct,
    frozen=True,
    gc=False,
    tag_field="e",
    tag=MARK_EVENT,
    rename={
        "symbol": "s",
        "event_time": "E",
        "mark_text": "p",
        "index_text": "i",
        "settle_text": "P",
        "rate_text": "r",
        "next_funding": "T",
    },
):
    """One ``markPriceUpdate`` event, its numbers as the exchange wrote them.

    ``rate_text`` is ``""`` and ``next_funding`` 0 for a contract without funding (a
    quarterly). Check an event with ``check_mark`` before trusting its strings.
    """

    symbol: _Text
    event_time: Annotated[int, msgspec.Meta(ge=0)]
    mark_text: _Text
    index_text: _Text
    settle_text: _MaybeText = ""
    rate_text: _MaybeText = ""
    next_funding: Annotated[int, msgspec.Meta(ge=0)] = 0  # ms since the epoch; 0: none

    @property
    def has_funding(self) -> bool:
        return bool(self.rate_text) and self.next_funding > 0

    @property
    def mark(self) -> Decimal:
        return Decimal(self.mark_text)

    @property
    def index(self) -> Decimal:
        return Decimal(self.index_text)

    @property
    def rate(self) -> Decimal | None:
        """The funding rate as a fraction (``0.0001`` is 0.01 %), None without funding."""
        return Decimal(self.rate_text) if self.rate_text else None


def check_mark(event: MarkPrice) -> MarkPrice:
    """``event`` if every number is a plain decimal string; ``MarkError`` if not."""
    for key, value in (("p", event.mark_text), ("i", event.index_text)):
        if not _is_plain(value):
            raise MarkError(f"field {key!r} is not a plain decimal number: {value!r:.80}")
    if event.settle_text and not _is_plain(event.settle_text):
        raise MarkError(f"field 'P' is not a plain decimal number: {event.settle_text!r:.80}")
    if event.rate_text and not _is_signed(event.rate_text):
        raise MarkError(f"field 'r' is not a decimal number: {event.rate_text!r:.80}")
    return event


def marks_are_plain(events: Sequence[MarkPrice]) -> bool:
    """What ``check_mark`` says of every one of ``events``, in one regex match: the
    whole market's array is ~800 events a second. Counting the bars keeps a "|" inside
    a number (``"1|2"``) from passing as two."""
    joined = "".join(
        [f"{e.mark_text}|{e.index_text}|{e.settle_text}|{e.rate_text}|" for e in events]
    )
    return joined.count("|") == 4 * len(events) and _are_marks(joined) is not None


_convert: Final = msgspec.convert


def parse_mark_event(payload: object) -> MarkPrice:
    """Build and check a ``MarkPrice`` from one decoded event; ``MarkError`` if it is not one."""
    if not isinstance(payload, dict) or payload.get("e") != MARK_EVENT:
        raise MarkError("not a markPriceUpdate event")
    try:
        event = _convert(payload, MarkPrice)
    except msgspec.ValidationError as exc:
        raise MarkError(f"bad markPriceUpdate event: {exc}") from None
    return check_mark(event)


def is_mark_payload(data: object) -> bool:
    """Whether a frame's payload is a mark event or an array of them (judged by its first)."""
    first = data[0] if isinstance(data, list) and data else data
    return isinstance(first, dict) and first.get("e") == MARK_EVENT


def mark_stream_name(symbol: str) -> str:
    """``BTCUSDT`` → ``btcusdt@markPrice@1s``."""
    return f"{symbol.lower()}@{MARK_PRICE}"


# --- texts ----------------------------------------------------------------------------


def rate_percent(rate_text: str) -> Decimal | None:
    """The rate in percent, exact (``"0.00038167"`` → ``Decimal("0.038167")``)."""
    return Decimal(rate_text).scaleb(2) if rate_text else None


def funding_text(rate_text: str, places: int = RATE_PLACES) -> str:
    """``"0.00038167"`` → ``"+0.0382 %"``, ``"-0.000125"`` → ``"−0.0125 %"``; ``""`` → ``""``.

    Rounded half-even to ``places`` decimals in percent, signed as the watchlist's other
    percentages are (``format_percent``).
    """
    percent = rate_percent(rate_text)
    return "" if percent is None else format_percent(percent, places)


def payer(rate_text: str) -> int:
    """+1 when longs pay shorts (rate > 0), -1 when shorts pay longs, 0 when nobody pays."""
    if not rate_text:
        return 0
    rate = Decimal(rate_text)
    return (rate > 0) - (rate < 0)


def seconds_left(next_funding_ms: int, now: float) -> int | None:
    """Whole seconds until ``next_funding_ms`` from ``now`` (``time.time()``), rounded up
    and never below 0; None without a funding time."""
    if next_funding_ms <= 0:
        return None
    left_ms = next_funding_ms - now * 1000.0
    if left_ms <= 0:
        return 0
    return -int(-left_ms // 1000)


def countdown_text(next_funding_ms: int, now: float) -> str:
    """``"02:14:05"`` until the next funding; ``""`` without one. Hours run past 24."""
    left = seconds_left(next_funding_ms, now)
    if left is None:
        return ""
    hours, rest = divmod(left, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def basis(last_text: str, index_text: str) -> tuple[Decimal, Decimal | None]:
    """``last − index`` and that in percent of the index (None for a zero index), exact."""
    last, index = Decimal(last_text), Decimal(index_text)
    diff = last - index
    return diff, (diff * 100 / index if index else None)


def basis_percent_text(percent: Decimal | None, places: int = BASIS_PERCENT_PLACES) -> str:
    """``Decimal("0.0158")`` → ``"+0.016 %"``; None → ``""``."""
    return "" if percent is None else format_percent(percent, places)
