"""The frame splitter sees exactly what websockets' own parser sees.

The oracle is websockets' Sans-I/O protocol fed the whole byte stream at once; the
splitter gets the same bytes cut at random places and hands what it does not take
itself to a second, identical protocol. Both must deliver the same messages in the same
order, the same control frames, and end in the same state with the same error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import example, given, settings
from hypothesis import strategies as st
from websockets.client import ClientProtocol
from websockets.extensions.permessage_deflate import (
    ClientPerMessageDeflateFactory,
    PerMessageDeflate,
    ServerPerMessageDeflateFactory,
)
from websockets.frames import Close, CloseCode, Frame, Opcode
from websockets.protocol import Protocol, Side, State
from websockets.server import ServerProtocol
from websockets.uri import parse_uri

from desktop.stream.framing import FrameSplitter, inflater

MAX_SIZE = 66_000  # so that some frames are too big
DATA = (Opcode.TEXT, Opcode.BINARY, Opcode.CONT)


@dataclass
class Seen:
    """What a protocol delivered: whole messages, control frames, and how it ended."""

    messages: list[bytes] = field(default_factory=list)
    controls: list[tuple[Opcode, bytes]] = field(default_factory=list)
    pieces: list[bytes] = field(default_factory=list)

    def take(self, protocol: Protocol) -> None:
        for event in protocol.events_received():
            if not isinstance(event, Frame):
                continue  # the handshake's response
            if event.opcode in DATA:
                self.pieces.append(bytes(event.data))
                if event.fin:
                    self.messages.append(b"".join(self.pieces))
                    self.pieces = []
            else:
                self.controls.append((event.opcode, bytes(event.data)))

    def outcome(self, protocol: Protocol) -> tuple[object, ...]:
        return (
            self.messages,
            self.controls,
            protocol.state,
            type(protocol.parser_exc),
            protocol.close_rcvd,
            _sent(protocol),
        )


def _sent(protocol: Protocol) -> list[tuple[Opcode, bytes]]:
    """What the protocol answered (pongs, the close), unmasked: masks are random."""
    peer = Protocol(Side.SERVER)
    for data in protocol.data_to_send():
        if data:
            peer.receive_data(data)
    return [(e.opcode, bytes(e.data)) for e in peer.events_received() if isinstance(e, Frame)]


def reference(protocol: Protocol, stream: bytes) -> tuple[object, ...]:
    seen = Seen()
    protocol.receive_data(stream)
    seen.take(protocol)
    protocol.receive_eof()
    seen.take(protocol)
    return seen.outcome(protocol)


def split(protocol: Protocol, stream: bytes, cuts: list[int]) -> tuple[tuple[object, ...], int]:
    """What the protocol and the splitter delivered; how many bytes the splitter held
    back to the end (a stream of whole frames leaves none)."""
    seen = Seen()

    def other(data: bytes) -> bool:
        protocol.receive_data(data)
        seen.take(protocol)
        return protocol.state is State.OPEN

    if protocol.state is State.CONNECTING:
        splitter = FrameSplitter(seen.messages, other, MAX_SIZE, opened=lambda: inflater(protocol))
    else:
        splitter = FrameSplitter(
            seen.messages, other, MAX_SIZE, handshake=False, inflate=inflater(protocol)
        )
    start = 0
    for cut in [*sorted({c % (len(stream) + 1) for c in cuts}), len(stream)]:
        if cut > start:
            splitter.feed(stream[start:cut])
            start = cut
    rest = splitter.remainder()
    if rest:
        protocol.receive_data(rest)
        seen.take(protocol)
    protocol.receive_eof()
    seen.take(protocol)
    return seen.outcome(protocol), len(rest)


def _frame(opcode: Opcode, data: bytes, fin: bool = True) -> bytes:
    return Frame(opcode, data, fin).serialize(mask=False, extensions=[])


payloads = st.one_of(
    st.binary(max_size=200),
    st.sampled_from([0, 125, 126, 127, 65_535, 65_536, 70_000]).map(lambda n: b"x" * n),
)
plain = st.builds(_frame, st.sampled_from([Opcode.TEXT, Opcode.BINARY]), payloads)
control = st.builds(_frame, st.sampled_from([Opcode.PING, Opcode.PONG]), st.binary(max_size=125))
close = st.builds(
    lambda code: _frame(Opcode.CLOSE, Close(code, "bye").serialize()),
    st.sampled_from([CloseCode.NORMAL_CLOSURE, CloseCode.GOING_AWAY]),
)


@st.composite
def fragmented(draw: st.DrawFn) -> bytes:
    parts = draw(st.lists(st.binary(max_size=100), min_size=2, max_size=4))
    opcode = draw(st.sampled_from([Opcode.TEXT, Opcode.BINARY]))
    frames = [_frame(opcode, parts[0], fin=False)]
    frames += [_frame(Opcode.CONT, p, fin=False) for p in parts[1:-1]]
    frames.append(_frame(Opcode.CONT, parts[-1]))
    if draw(st.booleans()):  # a ping may come between the fragments
        frames.insert(1, _frame(Opcode.PING, b"mid"))
    return b"".join(frames)


# Bytes that are not a well-formed frame stream: bad opcodes, masks, RSV bits, lengths;
# a fragment that a whole message interrupts.
junk = st.binary(min_size=1, max_size=12)
unfinished = st.builds(
    _frame, st.sampled_from([Opcode.TEXT, Opcode.BINARY]), st.binary(max_size=50), st.just(False)
)
streams = st.lists(
    st.one_of(plain, plain, plain, control, fragmented(), close, junk, unfinished), max_size=25
).map(b"".join)
whole_frames = st.lists(
    st.one_of(plain, plain, plain, control, fragmented(), close), max_size=25
).map(b"".join)
cuts = st.lists(st.integers(min_value=0, max_value=10**6), max_size=40)


def _masked(data: bytes) -> bytes:
    return Frame(Opcode.TEXT, data).serialize(mask=True, extensions=[])


@settings(max_examples=400, deadline=None)
@given(streams, cuts)
@example(_frame(Opcode.TEXT, b"x" * 70_000), [])  # too big
@example(_frame(Opcode.TEXT, b"a") + _masked(b"b" * 200) + _frame(Opcode.TEXT, b"c"), [5])
@example(_masked(b"b" * 20), [1, 3, 4, 6])  # cut inside the header and the mask
@example(_frame(Opcode.TEXT, b"ab", fin=False) + _frame(Opcode.TEXT, b"c"), [])  # interrupted
@example(
    _frame(Opcode.BINARY, b"a", fin=False)
    + _frame(Opcode.CONT, b"b", fin=False)
    + _frame(Opcode.BINARY, b"c"),
    [],
)
def test_split_stream_is_seen_exactly_as_websockets_sees_it(stream: bytes, at: list[int]) -> None:
    expected = reference(Protocol(Side.CLIENT, max_size=MAX_SIZE), stream)
    got, _ = split(Protocol(Side.CLIENT, max_size=MAX_SIZE), stream, at)
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(whole_frames, cuts)
def test_a_stream_of_whole_frames_is_all_delivered_before_it_ends(
    stream: bytes, at: list[int]
) -> None:
    expected = reference(Protocol(Side.CLIENT, max_size=MAX_SIZE), stream)
    got, held = split(Protocol(Side.CLIENT, max_size=MAX_SIZE), stream, at)
    assert (got, held) == (expected, 0)


def _client_and_response(accept: bool) -> tuple[ClientProtocol, bytes]:
    client = ClientProtocol(parse_uri("ws://127.0.0.1/market/stream"), max_size=MAX_SIZE)
    request = client.connect()
    client.send_request(request)
    server = ServerProtocol()
    response = server.accept(request) if accept else server.reject(429, "Too many requests")
    server.send_response(response)
    return client, b"".join(server.data_to_send())


@settings(max_examples=150, deadline=None)
@given(st.booleans(), whole_frames, cuts)
def test_frames_in_the_same_read_as_the_handshake_response_are_not_lost(
    accept: bool, frames: bytes, at: list[int]
) -> None:
    oracle, response = _client_and_response(accept)
    client, response_too = _client_and_response(accept)
    # The two handshakes differ only in their keys: each response fits its own client.
    expected = reference(oracle, response + frames)
    got, held = split(client, response_too + frames, at)
    assert got[:4] == expected[:4]  # messages, control frames, state and error
    assert held == 0


def test_plain_frames_are_taken_without_websockets_and_the_rest_handed_over_whole() -> None:
    handed: list[bytes] = []
    messages: list[bytes] = []

    def other(data: bytes) -> bool:
        handed.append(data)
        return True

    splitter = FrameSplitter(messages, other, MAX_SIZE, handshake=False)
    ping = _frame(Opcode.PING, b"p")
    stream = _frame(Opcode.TEXT, b"a") + ping + _frame(Opcode.BINARY, b"b" * 300)
    for byte in range(len(stream)):  # one byte at a time: every frame arrives in pieces
        splitter.feed(stream[byte : byte + 1])
    assert messages == [b"a", b"b" * 300]
    assert handed == [ping]


# Compressed (permessage-deflate, as the exchange may agree to): the same frames, each
# data frame compressed by a server-side encoder that keeps its context between
# messages unless told not to; plus frames that do not decompress or decompress to more
# than the limit.
@st.composite
def compressed_streams(draw: st.DrawFn) -> tuple[bool, bytes]:
    fresh = draw(st.booleans())  # no context takeover: each message compressed alone
    encoder = PerMessageDeflate(False, fresh, 15, 15)
    out: list[bytes] = []
    for kind in draw(st.lists(st.integers(0, 8), max_size=20)):
        if kind <= 2:
            opcode = draw(st.sampled_from([Opcode.TEXT, Opcode.BINARY]))
            frame = Frame(opcode, draw(payloads))
            out.append(frame.serialize(mask=False, extensions=[encoder]))
        elif kind == 3:
            out.append(draw(control))
        elif kind == 4:
            parts = draw(st.lists(st.binary(max_size=100), min_size=2, max_size=3))
            frames = [Frame(Opcode.TEXT, parts[0], fin=False)]
            frames += [Frame(Opcode.CONT, p, fin=False) for p in parts[1:-1]]
            frames.append(Frame(Opcode.CONT, parts[-1]))
            out += [f.serialize(mask=False, extensions=[encoder]) for f in frames]
        elif kind == 5:  # sent compressed, but not valid deflate data
            payload = draw(st.binary(min_size=1, max_size=40))
            out.append(bytes((0xC1, len(payload))) + payload)
        elif kind == 6:
            out.append(_frame(Opcode.TEXT, draw(st.binary(max_size=50))))  # not compressed
        elif kind == 7:
            out.append(draw(close))
        else:  # the start of a compressed message that a whole one interrupts
            frame = Frame(Opcode.TEXT, draw(st.binary(max_size=50)), fin=False)
            out.append(frame.serialize(mask=False, extensions=[encoder]))
    return fresh, b"".join(out)


def _deflate_client(fresh: bool) -> Protocol:
    protocol = Protocol(Side.CLIENT, max_size=MAX_SIZE)
    protocol.extensions = [PerMessageDeflate(fresh, False, 15, 15)]
    return protocol


@settings(max_examples=300, deadline=None)
@given(compressed_streams(), cuts)
def test_compressed_frames_are_seen_exactly_as_websockets_sees_them(
    case: tuple[bool, bytes], at: list[int]
) -> None:
    fresh, stream = case
    expected = reference(_deflate_client(fresh), stream)
    got, _ = split(_deflate_client(fresh), stream, at)
    assert got == expected


def test_whole_compressed_frames_are_taken_without_websockets_parser() -> None:
    encoder = PerMessageDeflate(False, False, 15, 15)
    stream = b"".join(
        Frame(Opcode.TEXT, b'{"e":"24hrMiniTicker","s":"BTCUSDT"}').serialize(
            mask=False, extensions=[encoder]
        )
        for _ in range(3)
    )
    assert stream[0] == 0xC1  # compressed
    handed: list[bytes] = []
    messages: list[bytes] = []

    def other(data: bytes) -> bool:
        handed.append(data)
        return True

    client = _deflate_client(False)
    FrameSplitter(messages, other, MAX_SIZE, handshake=False, inflate=inflater(client)).feed(stream)
    assert messages == [b'{"e":"24hrMiniTicker","s":"BTCUSDT"}'] * 3
    assert handed == []


def test_compression_agreed_in_the_handshake_is_used_for_the_frames_after_it() -> None:
    client = ClientProtocol(
        parse_uri("ws://127.0.0.1/market/stream"),
        extensions=[ClientPerMessageDeflateFactory()],
        max_size=MAX_SIZE,
    )
    request = client.connect()
    client.send_request(request)
    server = ServerProtocol(extensions=[ServerPerMessageDeflateFactory()])
    server.send_response(server.accept(request))
    server.send_text(b"first")
    server.send_text(b"second")
    stream = b"".join(server.data_to_send())
    handed: list[bytes] = []
    messages: list[bytes] = []

    def other(data: bytes) -> bool:
        handed.append(data)
        client.receive_data(data)
        return client.state is State.OPEN

    splitter = FrameSplitter(messages, other, MAX_SIZE, opened=lambda: inflater(client))
    splitter.feed(stream)
    assert messages == [b"first", b"second"]
    assert len(handed) == 1 and handed[0].endswith(b"\r\n\r\n")  # only the response
    assert isinstance(client.extensions[0], PerMessageDeflate)
