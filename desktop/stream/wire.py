"""One websocket to the exchange: websockets' Sans-I/O protocol under an asyncio protocol.

websockets documents this layering for code that wants the bytes itself: the asyncio
``Protocol`` here owns the socket and the timers, ``websockets.client.ClientProtocol``
owns the rules of WebSocket (the opening handshake, frame parsing and limits, answers to
pings, the closing handshake) through its public Sans-I/O methods (``receive_data``,
``events_received``, ``data_to_send``, ``send_*``, ``fail``, ``close_exc``).

Why not websockets' asyncio connection: its ``recv()`` costs a queue put, a future and a
task wake-up per message, and its parser a generator round per frame; at the exchange's
full-market rate those were most of the client's work. Here what one socket read (up to
``READ_SIZE``) brought is split into frames by ``FrameSplitter`` (whole plain or
compressed data frames are cut out directly; every other frame goes to
``ClientProtocol`` whole, in order) and all complete messages go to ``attach``'s sink in
one call, before the next read.
Messages stay bytes: the parser decodes bytes directly and refuses what is not UTF-8.

Keepalive is ours too (a ping every ``ping_interval``; no pong within ``ping_timeout``
fails the connection with 1011 "keepalive ping timeout", as websockets does), and so is
the count of control frames sent without being asked: the answers to the server's pings
and the keepalive pings count toward the exchange's 10 messages/s.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import ssl
import sys
from collections.abc import Callable
from importlib.metadata import version
from typing import Final, cast

from websockets.client import ClientProtocol
from websockets.exceptions import ConnectionClosed, InvalidMessage
from websockets.frames import CloseCode, Frame, Opcode
from websockets.http11 import Response
from websockets.protocol import State
from websockets.uri import parse_uri

from desktop.stream.errors import KEEPALIVE_REASON
from desktop.stream.framing import AgreedDeflate, FrameSplitter, Inflate, inflater
from desktop.stream.proxy import open_tcp

logger = logging.getLogger(__name__)

USER_AGENT: Final = (
    f"Python/{sys.version_info.major}.{sys.version_info.minor} websockets/{version('websockets')}"
)
_Bytes = bytes | bytearray | memoryview  # what websockets' frames carry
# Bytes one socket read may bring. The work per read (a batch through the parser, the
# quote book and the table model) is worth spreading over many frames: with asyncio's
# default of 256 KiB a read, a backed-up firehose cost 4.8 µs CPU an event, with 1 MiB
# 3.2 µs. A read only brings what has arrived, so a quiet stream still goes frame by frame.
READ_SIZE: Final = 1 << 20


class StreamSocket(asyncio.BufferedProtocol):
    """A client websocket whose data messages go to a sink a whole socket read at a time.

    Made by ``open_socket``. ``state`` and ``close_exc`` are the Sans-I/O protocol's.
    """

    def __init__(
        self,
        url: str,
        *,
        max_size: int | None,
        ping_interval: float | None,
        ping_timeout: float | None,
        close_timeout: float,
        on_control_sent: Callable[[], None],
        compression: bool = True,
    ) -> None:
        self._loop = asyncio.get_running_loop()
        self._deflate = AgreedDeflate() if compression else None
        self.protocol = ClientProtocol(
            parse_uri(url),
            extensions=[self._deflate] if self._deflate is not None else None,
            max_size=max_size,
        )
        self._max_size = max_size
        self._ping_interval = ping_interval
        self._ping_timeout = ping_timeout
        self._close_timeout = close_timeout
        self._on_control_sent = on_control_sent
        self.transport: asyncio.Transport | None = None
        self.opened: asyncio.Future[None] = self._loop.create_future()
        self._closed: asyncio.Future[None] = self._loop.create_future()
        self._sink: Callable[[list[bytes]], None] | None = None
        self._inbox: list[bytes] = []
        self._fragments: list[_Bytes] = []
        self._splitter = FrameSplitter(
            self._inbox, self._to_websockets, max_size, opened=self._inflater
        )
        self._eof = False
        self._read_buffer = memoryview(bytearray(READ_SIZE))
        self._close_timer: asyncio.TimerHandle | None = None
        self._keepalive: asyncio.Task[None] | None = None
        self._pings: dict[bytes, asyncio.Future[None]] = {}

    # -- what the session uses -------------------------------------------------------

    @property
    def state(self) -> State:
        return self.protocol.state

    @property
    def close_exc(self) -> ConnectionClosed:
        """Why the connection closed; only once it has (after ``wait_closed``)."""
        return self.protocol.close_exc

    def attach(self, sink: Callable[[list[bytes]], None]) -> None:
        """Send every data message to ``sink``, starting with any that already arrived."""
        self._sink = sink
        if self._inbox:
            self._flush()

    async def send(self, message: str) -> None:
        """Send one text message; raises ``ConnectionClosed`` once the socket is closing."""
        if self.protocol.state is not State.OPEN:
            await self.wait_closed()
            raise self.close_exc
        self.protocol.send_text(message.encode())
        self._send_pending()

    async def close(self) -> None:
        """Run the closing handshake (bounded by the close timeout) and wait for the end."""
        if self.protocol.state is State.OPEN:
            self.protocol.send_close(CloseCode.NORMAL_CLOSURE)
            self._send_pending()
        elif self.protocol.state is State.CONNECTING:
            self.abort()
        await self.wait_closed()

    async def wait_closed(self) -> None:
        await asyncio.shield(self._closed)

    def abort(self) -> None:
        """Drop the TCP connection at once."""
        if self.transport is not None:
            self.transport.abort()
        elif not self._closed.done():
            self._closed.set_result(None)

    # -- asyncio.Protocol ------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)
        request = self.protocol.connect()
        request.headers["User-Agent"] = USER_AGENT
        self.protocol.send_request(request)
        self._send_pending()

    def get_buffer(self, sizehint: int) -> memoryview:
        return self._read_buffer  # asyncio.BufferedProtocol: the socket reads into it

    def buffer_updated(self, nbytes: int) -> None:
        self.data_received(self._read_buffer[:nbytes].tobytes())  # frames outlive the buffer

    def data_received(self, data: bytes) -> None:
        self._splitter.feed(data)
        if self._inbox and self._sink is not None:
            self._flush()

    def eof_received(self) -> None:
        rest = self._splitter.remainder()  # an incomplete frame: websockets says so
        if rest:
            self._to_websockets(rest)
        self._receive_eof()
        if self._inbox and self._sink is not None:
            self._flush()

    def connection_lost(self, exc: Exception | None) -> None:
        self._receive_eof()
        if self._close_timer is not None:
            self._close_timer.cancel()
        if self._keepalive is not None:
            self._keepalive.cancel()
        for waiter in self._pings.values():
            waiter.cancel()
        self._pings.clear()
        if not self.opened.done():
            why = self.protocol.handshake_exc or exc
            self.opened.set_exception(
                why or InvalidMessage("the connection closed during the opening handshake")
            )
        if not self._closed.done():
            self._closed.set_result(None)

    # -- between the bytes and websockets --------------------------------------------

    def _flush(self) -> None:
        inbox = self._inbox[:]
        self._inbox.clear()  # the splitter keeps appending to the same list
        assert self._sink is not None
        self._sink(inbox)

    def _inflater(self) -> Inflate | None:
        deflate = self._deflate.agreed if self._deflate is not None else None
        return inflater(deflate, self._max_size, self._fail)

    def _fail(self, code: int, reason: str) -> None:
        self.protocol.fail(code, reason)
        self._send_pending()

    def _to_websockets(self, data: bytes) -> bool:
        """What the splitter leaves to websockets; whether the connection is still open."""
        self.protocol.receive_data(data)
        self._take_events()
        self._send_pending()
        return self.protocol.state is State.OPEN

    def _receive_eof(self) -> None:
        if self._eof:
            return
        self._eof = True
        self.protocol.receive_eof()
        self._take_events()
        self._send_pending()

    def _take_events(self) -> None:
        for event in self.protocol.events_received():
            if isinstance(event, Frame):
                self._take_frame(event)
            elif isinstance(event, Response):
                self._on_response()

    def _take_frame(self, frame: Frame) -> None:
        opcode = frame.opcode
        if opcode is Opcode.TEXT or opcode is Opcode.BINARY:
            if frame.fin:
                self._inbox.append(bytes(frame.data))  # a copy when it is a bytearray
            else:
                self._fragments = [frame.data]
        elif opcode is Opcode.CONT:
            # websockets' protocol has already checked the sequence and the size.
            self._fragments.append(frame.data)
            if frame.fin:
                self._inbox.append(b"".join(self._fragments))
                self._fragments = []
        elif opcode is Opcode.PING:
            self._on_control_sent()  # the protocol has already queued the pong
        elif opcode is Opcode.PONG:
            self._pong(bytes(frame.data))

    def _on_response(self) -> None:
        if self.opened.done():
            return
        if self.protocol.handshake_exc is not None:
            self.opened.set_exception(self.protocol.handshake_exc)
            return
        self.opened.set_result(None)
        if self._ping_interval is not None:
            self._keepalive = self._loop.create_task(self._keep_alive(self._ping_interval))

    def _send_pending(self) -> None:
        transport = self.transport
        if transport is None:
            return
        for data in self.protocol.data_to_send():
            if data:
                transport.write(data)
            elif transport.can_write_eof():
                with contextlib.suppress(OSError, RuntimeError):  # a dying socket
                    transport.write_eof()
            else:
                transport.close()
        if self.protocol.close_expected() and self._close_timer is None:
            # The server should now close the TCP connection; if it doesn't, we do.
            self._close_timer = self._loop.call_later(self._close_timeout, transport.abort)

    # -- keepalive -------------------------------------------------------------------

    async def _keep_alive(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            if self.protocol.state is not State.OPEN:
                return
            data = os.urandom(4)
            waiter = self._loop.create_future()
            self._pings[data] = waiter
            self.protocol.send_ping(data)
            self._send_pending()
            self._on_control_sent()
            if self._ping_timeout is None:
                continue
            try:
                async with asyncio.timeout(self._ping_timeout):
                    await waiter
            except TimeoutError:
                logger.debug("no pong within %g s; failing the connection", self._ping_timeout)
                self._fail(CloseCode.INTERNAL_ERROR, KEEPALIVE_REASON)
                return

    def _pong(self, data: bytes) -> None:
        """A pong answers its ping and every ping sent before it."""
        if data not in self._pings:
            return
        for key in list(self._pings):
            waiter = self._pings.pop(key)
            if not waiter.done():
                waiter.set_result(None)
            if key == data:
                break


async def open_socket(
    url: str,
    *,
    open_timeout: float,
    max_size: int | None,
    ping_interval: float | None,
    ping_timeout: float | None,
    close_timeout: float,
    on_control_sent: Callable[[], None],
    compression: bool = True,
) -> StreamSocket:
    """Connect (through a proxy if the environment names one), verify TLS, and run the
    opening handshake, all within ``open_timeout``.

    Raises what websockets' ``connect`` would: ``InvalidURI``, ``InvalidStatus``,
    ``InvalidHandshake``/``InvalidMessage``, ``OSError`` (``ssl.SSLError`` among them)
    or ``TimeoutError``.
    """
    ws = StreamSocket(
        url,
        max_size=max_size,
        ping_interval=ping_interval,
        ping_timeout=ping_timeout,
        close_timeout=close_timeout,
        on_control_sent=on_control_sent,
        compression=compression,
    )
    uri = parse_uri(url)
    context = ssl.create_default_context() if uri.secure else None
    try:
        async with asyncio.timeout(open_timeout):
            await open_tcp(lambda: ws, uri.host, uri.port, secure=uri.secure, context=context)
            await ws.opened
    except BaseException:
        if not ws.opened.done():  # nobody waits for the handshake any more: nothing to tell
            ws.opened.cancel()
        ws.abort()
        raise
    return ws
