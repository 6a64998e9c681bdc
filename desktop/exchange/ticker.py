"""The 24h rolling mini ticker and the frames that carry it.

Numbers arrive as decimal strings and stay exact: an event keeps the exchange's own
strings, and its prices and volumes are ``Decimal``s built from them on demand, so what
is shown is what was sent. Building six ``Decimal``s for every event was most of a
full-market frame's parsing, and most events are never looked at that closely.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Final, NamedTuple, cast

import msgspec
import orjson

from desktop.exchange.funding import (
    MarkError,
    MarkPrice,
    is_mark_payload,
    marks_are_plain,
    parse_mark_event,
)

# A frame larger than this is not a mini ticker frame (a full-market array of ~800
# symbols is about 130 kB); refusing it early keeps a hostile frame from costing much.
MAX_FRAME_BYTES: Final = 4 * 1024 * 1024

#: The generic JSON decoder (replies, errors, anything the typed decoder below does not
#: take; also the benchmark's bare-loop limit): orjson decodes a mini ticker frame in
#: 0.9 µs where ``json.loads`` takes 2.9 µs. Its errors are ``json.JSONDecodeError``s;
#: integers beyond 64 bits come back as floats.
decode_json: Final = orjson.loads

_PRICE_FIELDS: Final = ("c", "o", "h", "l", "v", "q")
_MAX_TEXT: Final = 64  # longest symbol or number string taken
#: A price or volume as the exchange writes it: ASCII digits, at most one point inside.
_NUMBER: Final = r"[0-9]++(?:\.[0-9]++)?+"  # possessive: no backtracking, 40 % faster
_is_number: Final = re.compile(_NUMBER).fullmatch
# Numbers each followed by "|": one match checks all the events of a read.
_are_numbers: Final = re.compile(rf"(?:{_NUMBER}\|)*+").fullmatch

_Text = Annotated[str, msgspec.Meta(min_length=1, max_length=_MAX_TEXT)]

#: The market of an ``!miniTicker@arr`` row (its ``"st"``): since mid-2026 the array
#: carries COIN-M rows (``BTCUSD_PERP``) beside the USDⓈ-M ones. Only USDⓈ-M rows are
#: taken. A row without ``"st"`` is USDⓈ-M: per-symbol streams never carry it, and
#: neither did the array before.
USDS_M: Final = 1
COIN_M: Final = 2


class FrameError(ValueError):
    """A frame that is not a valid mini ticker event or control reply."""


class MiniTicker(
    msgspec.Struct,
    frozen=True,
    gc=False,
    tag_field="e",
    tag="24hrMiniTicker",
    rename={
        "symbol": "s",
        "event_time": "E",
        "close_text": "c",
        "open_text": "o",
        "high_text": "h",
        "low_text": "l",
        "base_volume_text": "v",
        "quote_volume_text": "q",
        "market": "st",
    },
):
    """One ``24hrMiniTicker`` event for one symbol, its numbers as the exchange wrote them.

    A msgspec struct: a frame decodes straight into these in C (a tenth of the time
    of decoding to dicts and building them in Python), and, holding only strings and
    integers, they stay out of the garbage collector's way. The ``*_text`` fields are
    plain decimal strings (checked by ``parse_frame``); the same-named properties
    without ``_text`` are their exact ``Decimal`` values, built on each access.
    """

    symbol: _Text
    event_time: Annotated[int, msgspec.Meta(ge=0)]  # exchange time, ms since the epoch ("E")
    close_text: _Text  # last price ("c")
    open_text: _Text  # price 24 h ago ("o")
    high_text: _Text
    low_text: _Text
    base_volume_text: _Text
    quote_volume_text: _Text
    market: int = USDS_M  # "st": ``USDS_M``, ``COIN_M``; only USDⓈ-M events leave the parser

    @property
    def close(self) -> Decimal:
        return Decimal(self.close_text)

    @property
    def open(self) -> Decimal:
        return Decimal(self.open_text)

    @property
    def high(self) -> Decimal:
        return Decimal(self.high_text)

    @property
    def low(self) -> Decimal:
        return Decimal(self.low_text)

    @property
    def base_volume(self) -> Decimal:
        return Decimal(self.base_volume_text)

    @property
    def quote_volume(self) -> Decimal:
        return Decimal(self.quote_volume_text)

    @property
    def change(self) -> Decimal:
        """24h change in quote currency, ``c - o``, exact."""
        return self.close - self.open

    @property
    def change_percent(self) -> Decimal | None:
        """24h change in percent, ``(c - o) / o * 100``; None when the open is zero."""
        return change_percent(self.close, self.open)


def plain_decimals(joined: str, count: int) -> bool:
    """True when ``joined`` is exactly ``count`` plain decimal numbers, each ending in "|".

    One regex match checks a whole read's numbers; counting the bars keeps a "|"
    inside a number (``"1|2"``) from passing as two.
    """
    return joined.count("|") == count and _are_numbers(joined) is not None


def _numbers_are_plain(events: Sequence[MiniTicker]) -> bool:
    """Every number of every event a plain decimal string (``plain_decimals``)."""
    joined = "".join(
        [
            f"{e.close_text}|{e.open_text}|{e.high_text}|{e.low_text}|"
            f"{e.base_volume_text}|{e.quote_volume_text}|"
            for e in events
        ]
    )
    return plain_decimals(joined, 6 * len(events))


def change_percent(close: Decimal, open_: Decimal) -> Decimal | None:
    """``(close - open) / open * 100``, exact; None when the open is zero.

    For callers that already hold the Decimals (``MiniTicker``'s properties build them
    afresh on every access).
    """
    if open_ == 0:
        return None
    return (close - open_) * 100 / open_


def float_change_percent(ticker: MiniTicker) -> float | None:
    """``change_percent`` in floats of the exchange's strings, for ordering rows.

    ~0.6 µs where the exact ``Decimal`` arithmetic takes ~8; it can differ from the
    exact value only in the 16th digit, far below anything shown. None when the open is
    zero.
    """
    open_ = float(ticker.open_text)
    return (float(ticker.close_text) - open_) / open_ * 100 if open_ else None


def compare_texts(a: str, b: str) -> int:
    """-1, 0 or 1 as the decimal string ``a`` is below, equal to or above ``b``.

    Exact, and mostly without ``Decimal``s: equal strings are equal, and a correctly
    rounded float never reverses an order, so only two strings that round to the same
    float (more than ~15 significant digits) are compared as ``Decimal``s.
    """
    if a == b:
        return 0
    fa, fb = float(a), float(b)
    if fa == fb:
        da, db = Decimal(a), Decimal(b)
        return (da > db) - (da < db)
    return 1 if fa > fb else -1


@dataclass(frozen=True, slots=True)
class Reply:
    """A reply to a SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS request."""

    id: int | str | None
    result: object  # None for (un)subscribe, a list of stream names for LIST_SUBSCRIPTIONS


@dataclass(frozen=True, slots=True)
class ErrorReply:
    """An error answer: ``{"code": .., "msg": .., "id": ..}``."""

    id: int | str | None
    code: int | None
    msg: str


class Tickers(NamedTuple):
    """Mini ticker events carried by one frame (one for a symbol stream, many for ``@arr``)."""

    stream: str | None  # the combined stream's name, None on a raw stream
    events: tuple[MiniTicker, ...]
    skipped: int = 0  # events left out as not newer than known (``parse_frame(newer_than=)``)


class Marks(NamedTuple):
    """Mark price events carried by one frame (``@markPrice@1s`` or ``!markPrice@arr@1s``)."""

    stream: str | None
    events: tuple[MarkPrice, ...]


Frame = Tickers | Marks | Reply | ErrorReply


class _OtherEvent(msgspec.Struct, tag_field="e", tag="", gc=False):
    """Never a valid event: beside it in a union, ``MiniTicker``'s ``"e"`` is required.

    (msgspec takes a lone tagged struct without its tag field; an event without
    ``"e": "24hrMiniTicker"`` is not a mini ticker.)
    """


class _Combined(msgspec.Struct, gc=False):
    """What a combined stream sends: the common case, decoded by type in one step."""

    stream: str
    data: MiniTicker | MarkPrice | _OtherEvent | list[MiniTicker | MarkPrice | _OtherEvent]


_decode_combined: Final = msgspec.json.Decoder(_Combined).decode


def _number(payload: Mapping[str, object], key: str) -> str:
    value = payload.get(key)
    if not isinstance(value, str) or not value or len(value) > _MAX_TEXT:
        raise FrameError(f"field {key!r} is not a decimal string: {value!r:.80}")
    if not _is_number(value):
        raise FrameError(f"field {key!r} is not a plain decimal number: {value!r:.80}")
    return value


def _utf8(raw: str | bytes) -> str | bytes:
    """``raw``, once bytes are known to be UTF-8 text (``UnicodeDecodeError`` if not).

    The typed decoder checks only the strings it takes; a frame is refused whole when
    any of it is not UTF-8, as the generic decoder does.
    """
    if isinstance(raw, bytes) and not raw.isascii():
        raw.decode()
    return raw


def _market(payload: Mapping[str, object]) -> int:
    """The event's market (``"st"``, ``USDS_M`` when absent); ``FrameError`` if not an integer."""
    market = payload.get("st", USDS_M)
    if type(market) is not int:  # not a bool, a float or a string either: as msgspec decodes
        raise FrameError(f"bad market type: {market!r:.40}")
    return market


def _of_other_market(payload: object) -> bool:
    """True for an event of another market than USDⓈ-M: left out unchecked but for its
    ``"st"`` (a COIN-M row's numbers are not ours to judge, nor to refuse a frame for)."""
    return isinstance(payload, dict) and _market(payload) != USDS_M


def parse_event(payload: object) -> MiniTicker:
    """Build a ``MiniTicker`` from one decoded event; raise ``FrameError`` if it is not one.

    Unknown extra fields are ignored (the live server adds some). Every number must be
    a plain decimal string (digits, at most one point), as the exchange writes them.
    ``"st"``, the market, must be an integer if present (``MiniTicker.market``).
    """
    if not isinstance(payload, dict):
        raise FrameError(f"event is not an object: {type(payload).__name__}")
    if payload.get("e") != "24hrMiniTicker":
        raise FrameError(f"not a mini ticker event: e={payload.get('e')!r:.40}")
    symbol = payload.get("s")
    if not isinstance(symbol, str) or not symbol or len(symbol) > _MAX_TEXT:
        raise FrameError(f"bad symbol: {symbol!r:.80}")
    event_time = payload.get("E")
    if not isinstance(event_time, int) or isinstance(event_time, bool) or event_time < 0:
        raise FrameError(f"bad event time: {event_time!r:.40}")
    c, o, h, low, v, q = (_number(payload, k) for k in _PRICE_FIELDS)
    return MiniTicker(symbol, event_time, c, o, h, low, v, q, _market(payload))


def _events(
    data: object, newer_than: Mapping[str, int] | None
) -> tuple[tuple[MiniTicker, ...], int]:
    """The USDⓈ-M events of a frame's payload that are newer than known, and how many were not.

    Every USDⓈ-M event is checked, known or not: one broken event spoils the whole frame.
    Events of another market are left out first, uncounted.
    """
    items = data if isinstance(data, list) else [data]
    events = [parse_event(item) for item in items if not _of_other_market(item)]
    if not newer_than:
        return tuple(events), 0
    fresh = tuple(e for e in events if e.event_time > newer_than.get(e.symbol, -1))
    return fresh, len(events) - len(fresh)


def parse_frame(raw: str | bytes, *, newer_than: Mapping[str, int] | None = None) -> Frame:
    """Decode one websocket text frame from a raw or combined market stream.

    Accepts a raw event, an array of events (``!miniTicker@arr``), the combined
    wrapper ``{"stream": name, "data": payload}``, a request reply and an error reply.
    Raises ``FrameError`` for anything else, naming what is wrong; never any other
    exception. Events of another market than USDⓈ-M (``"st"`` other than 1: the COIN-M
    rows of ``!miniTicker@arr``) are left out, so a frame of only those has no events.

    ``newer_than`` maps symbols to the newest event time already taken: events that are
    not newer are counted in ``Tickers.skipped`` and left out (the taker would drop them
    anyway). With ``!miniTicker@arr`` beside the symbols' own streams, most events
    arrive twice.

    The generic, checking way, one frame at a time: the stream client reads through
    ``parse_frames``, whose typed decoder is several times faster and falls back to
    this for anything it does not take.
    """
    if len(raw) > MAX_FRAME_BYTES:
        raise FrameError(f"frame too large: {len(raw)} bytes")
    try:
        decoded = decode_json(raw)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError
        raise FrameError(f"not JSON: {exc}") from None
    return _frame(decoded, newer_than)


class Batch(NamedTuple):
    """The frames of one socket read, parsed (``parse_frames``).

    Market events come out as one list, in arrival order, with the stream each came
    on; replies, errors and malformed frames keep their raw frame and their place.
    """

    events: list[MiniTicker]  # fresh events (newer than known), in arrival order
    streams: list[str | None]  # the combined stream each event came on; None: a raw stream
    seen: set[str]  # every combined stream a market frame came on, fresh or not
    frames: int  # market frames, fresh or not
    skipped: int  # events left out as not newer than known
    others: list[tuple[str | bytes, Reply | ErrorReply | FrameError]]  # in arrival order
    marks: Sequence[MarkPrice] = ()  # mark price events, checked, in arrival order


def parse_frames(
    raws: Sequence[str | bytes],
    *,
    newer_than: Mapping[str, int] | None = None,
    taken: Mapping[str, MiniTicker] | None = None,
) -> Batch:
    """Parse what one socket read brought: ``parse_frame`` for many frames at once.

    Same results as calling ``parse_frame`` on each (with the same ``newer_than``), but
    the common frames, a combined stream's event or event array, cost a typed decode
    (msgspec, straight into ``MiniTicker``s) each and one number check for the whole
    read, without a ``Tickers`` per frame: at the full market this is most of what a
    read costs. Anything else, or a read with
    a malformed number, goes through ``parse_frame`` frame by frame, which names the
    problem. Events not newer than known are checked too: a frame with one broken
    event is refused whole, whichever event it is.

    ``taken`` maps symbols to the events last taken, which were checked when they were:
    an event of an ``@arr`` frame that is not newer than known and equals the one taken
    is that same event again (most of an ``@arr`` frame repeats what the symbols' own
    streams brought) and is not checked a second time. The result is the same with or
    without it; of such a frame only the new events (and a repeat that differs) are checked.
    """
    events: list[MiniTicker] = []
    streams: list[str | None] = []
    checked: list[MiniTicker] = []  # every event of the typed frames, fresh or not
    seen: set[str] = set()
    others: list[tuple[str | bytes, Reply | ErrorReply | FrameError]] = []
    marks: list[MarkPrice] = []
    frames = skipped = 0
    known = (newer_than if newer_than is not None else {}).get
    same = (taken if taken is not None else {}).get
    decode = _decode_combined
    for raw in raws:
        try:
            combined = decode(_utf8(raw)) if len(raw) <= MAX_FRAME_BYTES else None
        except (msgspec.MsgspecError, ValueError, RecursionError):
            combined = None  # not a well-formed combined market frame: the slow way
        if combined is not None:
            data, stream = combined.data, combined.stream
            if type(data) is MiniTicker:
                frames += 1
                seen.add(stream)
                if data.market != USDS_M:
                    continue  # another market's: left out, unchecked
                checked.append(data)
                if data.event_time <= known(data.symbol, -1):
                    skipped += 1
                else:
                    events.append(data)
                    streams.append(stream)
                continue
            if type(data) is MarkPrice or (
                type(data) is list and data and type(data[0]) is MarkPrice
            ):
                if _take_marks(data, marks):
                    frames += 1
                    seen.add(stream)
                    continue
                return _parse_each(raws, newer_than)  # one broken mark spoils its frame
            if type(data) is list and not (set(map(type, data)) - _TICKERS_ONLY):
                frames += 1
                seen.add(stream)
                every = cast(list[MiniTicker], data)
                fresh = []
                unsure = []  # not newer, and not known to be checked already
                for event in every:
                    if event.event_time > known(event.symbol, -1):
                        fresh.append(event)
                    elif event != same(event.symbol):
                        unsure.append(event)
                # Another market's rows (COIN-M) are left out, unchecked and uncounted. Never
                # taken, they are fresh, or unsure if a USDⓈ-M symbol has the same name.
                old = len(every) - len(fresh)
                fresh = [e for e in fresh if e.market == USDS_M]
                if unsure:
                    mine = [e for e in unsure if e.market == USDS_M]
                    checked += mine
                    old -= len(unsure) - len(mine)
                checked += fresh
                skipped += old
                events += fresh
                streams += [stream] * len(fresh)
                continue
        one = _parse_each((raw,), newer_than)  # replies, errors, raw streams, junk
        events += one.events
        streams += one.streams
        seen |= one.seen
        frames += one.frames
        skipped += one.skipped
        others += one.others
        marks += one.marks
    if checked and not _numbers_are_plain(checked):  # one broken event spoils its frame
        return _parse_each(raws, newer_than)
    return Batch(events, streams, seen, frames, skipped, others, marks)


_TICKERS_ONLY: Final = frozenset({MiniTicker})


def _take_marks(
    data: MarkPrice | list[MiniTicker | MarkPrice | _OtherEvent], into: list[MarkPrice]
) -> bool:
    """Append a frame's mark events to ``into`` if every one is valid; False if not."""
    items = data if isinstance(data, list) else [data]
    marks = [item for item in items if type(item) is MarkPrice]
    if len(marks) != len(items) or not marks_are_plain(marks):
        return False
    into += marks
    return True


def _parse_each(raws: Sequence[str | bytes], newer_than: Mapping[str, int] | None) -> Batch:
    """``parse_frames`` the plain way: ``parse_frame`` on each frame."""
    batch = Batch([], [], set(), 0, 0, [])
    marks: list[MarkPrice] = []
    frames = skipped = 0
    for raw in raws:
        try:
            frame = parse_frame(raw, newer_than=newer_than)
        except FrameError as exc:
            batch.others.append((raw, exc))
            continue
        if isinstance(frame, Marks):
            frames += 1
            if frame.stream is not None:
                batch.seen.add(frame.stream)
            marks += frame.events
        elif isinstance(frame, Tickers):
            frames += 1
            if frame.stream is not None:
                batch.seen.add(frame.stream)
            skipped += frame.skipped
            batch.events.extend(frame.events)
            batch.streams.extend([frame.stream] * len(frame.events))
        else:
            batch.others.append((raw, frame))
    return batch._replace(frames=frames, skipped=skipped, marks=marks)


def _marks(stream: str | None, data: object) -> Marks:
    items = data if isinstance(data, list) else [data]
    try:
        return Marks(stream, tuple(parse_mark_event(item) for item in items))
    except MarkError as exc:
        raise FrameError(str(exc)) from None


def _frame(decoded: object, newer_than: Mapping[str, int] | None) -> Frame:
    if is_mark_payload(decoded):
        return _marks(None, decoded)
    if isinstance(decoded, list):
        return Tickers(None, *_events(decoded, newer_than))
    if not isinstance(decoded, dict):
        raise FrameError(f"frame is not an object: {type(decoded).__name__}")
    if "stream" in decoded and "data" in decoded:
        stream = decoded["stream"]
        if not isinstance(stream, str):
            raise FrameError(f"bad stream name: {stream!r:.80}")
        if is_mark_payload(decoded["data"]):
            return _marks(stream, decoded["data"])
        return Tickers(stream, *_events(decoded["data"], newer_than))
    if "e" in decoded:
        return Tickers(None, () if _of_other_market(decoded) else (parse_event(decoded),))
    if "code" in decoded or "msg" in decoded or "error" in decoded:
        # Binance answers request errors as {"code","msg","id"}; some gateways nest
        # them as {"error": {"code","msg"}, "id"}.
        nested = decoded.get("error")
        body: dict[str, object] = nested if isinstance(nested, dict) else decoded
        code = body.get("code")
        return ErrorReply(
            _request_id(decoded),
            code if isinstance(code, int) and not isinstance(code, bool) else None,
            str(body.get("msg", ""))[:500],
        )
    if "id" in decoded and "result" in decoded:
        return Reply(_request_id(decoded), decoded["result"])
    raise FrameError(f"unknown frame with keys {sorted(decoded)[:8]}")


def _request_id(decoded: Mapping[str, object]) -> int | str | None:
    ident = decoded.get("id")
    if isinstance(ident, bool) or not isinstance(ident, int | str | None):
        return None
    return ident
