"""Framing: the cost of cutting frames out of the socket's bytes, plain and compressed.

The simulated exchange does not compress, but Binance may agree to permessage-deflate
when the client offers it (websockets does by default). This measures both wires
without sockets, on the simulated market's own frames (every contract's combined-stream
event, as the exchange writes it): the bytes of a few thousand frames, cut into
64 KiB reads, fed to websockets' Sans-I/O parser (what the app used before) and to the
app's ``FrameSplitter`` (with websockets' own decompressor for compressed frames).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from websockets.client import ClientProtocol
from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory
from websockets.frames import Frame, Opcode
from websockets.server import ServerProtocol
from websockets.uri import parse_uri

from desktop.bench.harness import Report
from desktop.simexchange.contracts_data import default_contracts
from desktop.simexchange.frames import frame_bytes
from desktop.simexchange.market import Market
from desktop.stream.framing import AgreedDeflate, FrameSplitter, Inflate, inflater

READ: int = 64 * 1024  # bytes a socket read brings at most, here
MAX_SIZE: int = 2**20


def _frames(rounds: int) -> list[bytes]:
    market = Market(default_contracts(), seed=7)
    payloads: list[bytes] = []
    for round_ in range(rounds):
        for state in market.tick(event_time=1_767_225_600_000 + round_ * 2000):
            message = {"stream": state.stream, "data": state.event()}
            payloads.append(json.dumps(message, separators=(",", ":")).encode())
    return payloads


def _wire(payloads: list[bytes], compressed: bool) -> list[bytes]:
    """The frames as the server writes them, in reads of ``READ`` bytes."""
    encoder = (
        [ServerPerMessageDeflateFactory().process_request_params([], [])[1]] if compressed else []
    )
    stream = b"".join(frame_bytes(Frame(Opcode.TEXT, p), extensions=encoder) for p in payloads)
    return [stream[i : i + READ] for i in range(0, len(stream), READ)]


def _client(compressed: bool) -> tuple[ClientProtocol, Inflate | None]:
    """An open Sans-I/O client, through the opening handshake with a server that agrees
    to compression when ``compressed``; with the splitter's decompression."""
    deflate = AgreedDeflate()
    client = ClientProtocol(
        parse_uri("ws://127.0.0.1/market/stream"),
        extensions=[deflate] if compressed else None,
        max_size=MAX_SIZE,
    )
    request = client.connect()
    client.send_request(request)
    client.data_to_send()
    server = ServerProtocol(extensions=[ServerPerMessageDeflateFactory()] if compressed else None)
    server.send_response(server.accept(request))
    client.receive_data(b"".join(server.data_to_send()))
    client.events_received()
    return client, inflater(deflate.agreed, MAX_SIZE, client.fail)


def _through_websockets(reads: list[bytes], compressed: bool) -> int:
    protocol, _ = _client(compressed)
    taken = 0
    for data in reads:
        protocol.receive_data(data)
        taken += len(protocol.events_received())
    return taken


def _through_splitter(reads: list[bytes], compressed: bool) -> int:
    _, inflate = _client(compressed)
    messages: list[bytes] = []
    splitter = FrameSplitter(messages, lambda _: True, MAX_SIZE, handshake=False, inflate=inflate)
    for data in reads:
        splitter.feed(data)
    return len(messages)


def _best(run: Callable[[list[bytes], bool], int], reads: list[bytes], compressed: bool) -> float:
    """Best of five passes, in µs a frame."""
    times: list[float] = []
    frames = 0
    for _ in range(5):
        started = time.perf_counter()
        frames = run(reads, compressed)
        times.append(time.perf_counter() - started)
    return min(times) / frames * 1e6


def measure(quick: bool) -> Report:
    payloads = _frames(2 if quick else 6)
    report = Report()
    section = "0 Framing"
    details: dict[str, object] = {"frames": len(payloads)}
    for compressed in (False, True):
        reads = _wire(payloads, compressed)
        wire = sum(map(len, reads)) / len(payloads)
        kind = "compressed" if compressed else "plain"
        before = _best(_through_websockets, reads, compressed)
        now = _best(_through_splitter, reads, compressed)
        report.add(
            section,
            f"{kind}: websockets' parser",
            before,
            "µs/frame",
            note=f"{wire:.0f} bytes a frame on the wire",
        )
        report.add(section, f"{kind}: the app's splitter", now, "µs/frame")
        details[kind] = {"wire_bytes": wire, "websockets_us": before, "splitter_us": now}
    report.details["framing"] = details
    return report
