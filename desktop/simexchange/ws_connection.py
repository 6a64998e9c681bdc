"""One websocket of the simulated exchange: websockets' Sans-I/O ``ServerProtocol`` under an
asyncio protocol of ours.

Owning the socket lets the exchange see every incoming frame (Binance's 10 messages/s
counts pings and pongs), play dead on demand (stop reading, drop every write) and write
pre-built frames straight to the socket for the firehose, all through websockets'
documented Sans-I/O API (``receive_data``, ``events_received``, ``data_to_send``,
``accept``/``reject``/``send_response``, ``send_*``, ``fail``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections import deque
from typing import TYPE_CHECKING, Final, cast

from websockets.frames import CloseCode, Frame, Opcode
from websockets.http11 import Request, Response
from websockets.protocol import State
from websockets.server import ServerProtocol

if TYPE_CHECKING:
    from desktop.simexchange.ws_server import StreamServer

log = logging.getLogger(__name__)

_COUNTED_OPCODES: Final = frozenset(
    {Opcode.TEXT, Opcode.BINARY, Opcode.CONT, Opcode.PING, Opcode.PONG}
)
_Bytes = bytes | bytearray | memoryview


class SimConnection(asyncio.Protocol):
    """A server connection the simulated exchange can count, throttle and starve.

    Known to ``owner`` from the moment the TCP connection is accepted (``attach``),
    handshake included; ``owner.register`` once the websocket is open, and
    ``owner.unregister`` when it is gone.
    """

    def __init__(
        self,
        owner: StreamServer,
        *,
        ping_interval: float | None,
        ping_timeout: float | None,
        close_timeout: float,
    ) -> None:
        self.owner = owner
        self.protocol = ServerProtocol()
        self.transport: asyncio.Transport | None = None
        self.request: Request | None = None
        self.conn_id = 0
        self.combined = False
        self.streams: set[str] = set()
        self.opened_at = 0.0
        self.half_dead = False
        self.kicked = False  # closing for breaking the message rate rule
        self.recent: deque[float] = deque()
        self.age_timer: asyncio.TimerHandle | None = None
        self.registered = False
        self._ping_interval = ping_interval
        self._ping_timeout = ping_timeout
        self._close_timeout = close_timeout
        self._loop = asyncio.get_running_loop()
        self._closed: asyncio.Future[None] = self._loop.create_future()
        self._fragments: list[_Bytes] = []
        self._binary = False
        self._close_timer: asyncio.TimerHandle | None = None
        self._keepalive: asyncio.Task[None] | None = None
        self._pings: dict[bytes, asyncio.Future[None]] = {}
        self._writable: asyncio.Future[None] | None = None  # set while writing is paused
        self._eof = False

    # -- what the exchange uses ------------------------------------------------------

    @property
    def state(self) -> State:
        return self.protocol.state

    def respond(self, status: int, text: str) -> Response:
        """An HTTP response refusing the handshake."""
        return self.protocol.reject(status, text)

    def send_message(self, message: str | bytes) -> bool:
        """Queue one text (or binary) message; False once the connection is closing."""
        if self.protocol.state is not State.OPEN:
            return False
        if isinstance(message, str):
            self.protocol.send_text(message.encode())
        else:
            self.protocol.send_binary(message)
        self.send_data()
        return True

    def write_frames(self, data: bytes) -> None:
        """Write frames built elsewhere straight to the socket (the firehose)."""
        if self.transport is not None and not self.half_dead:
            self.transport.write(data)

    def buffered(self) -> int:
        return self.transport.get_write_buffer_size() if self.transport is not None else 0

    async def drain(self) -> None:
        """Wait until the socket has taken what was written; ``ConnectionError`` if it is gone."""
        if self._closed.done():
            raise ConnectionResetError("connection lost")
        if self._writable is not None:
            await asyncio.shield(self._writable)

    async def close(self, code: int = CloseCode.NORMAL_CLOSURE, reason: str = "") -> None:
        """Close with ``code``; drop the socket if the closing handshake does not finish."""
        if self.protocol.state is State.OPEN:
            self.protocol.send_close(code, reason)
            self.send_data()
        elif self.protocol.state is State.CONNECTING:
            self.abort()
        try:
            async with asyncio.timeout(self._close_timeout):
                await self.wait_closed()
        except TimeoutError:
            self.abort()
            await self.wait_closed()

    async def wait_closed(self) -> None:
        await asyncio.shield(self._closed)

    def abort(self) -> None:
        if self.transport is not None:
            self.transport.abort()

    def play_dead(self, on: bool) -> None:
        """Stop reading and writing (``on``), or come back to life."""
        self.half_dead = on
        if self.transport is None or self.transport.is_closing():
            return
        if on:
            self.transport.pause_reading()
        else:
            self.transport.resume_reading()

    def send_data(self) -> None:
        data = self.protocol.data_to_send()
        transport = self.transport
        if transport is None:
            return
        if self.protocol.close_expected() and self._close_timer is None:
            self._close_timer = self._loop.call_later(self._close_timeout, transport.abort)
        if self.half_dead:
            return  # into the void: a dead peer sends nothing
        for chunk in data:
            if chunk:
                transport.write(chunk)
            elif transport.can_write_eof():
                with contextlib.suppress(OSError, RuntimeError):
                    transport.write_eof()
            else:
                transport.close()

    # -- asyncio.Protocol ------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)
        self.owner.attach(self)

    def data_received(self, data: bytes) -> None:
        self.protocol.receive_data(data)
        self._take_events()
        self.send_data()

    def eof_received(self) -> None:
        self._receive_eof()

    def connection_lost(self, exc: Exception | None) -> None:
        self._receive_eof()
        for handle in (self._close_timer, self.age_timer):
            if handle is not None:
                handle.cancel()
        self.age_timer = None
        if self._keepalive is not None:
            self._keepalive.cancel()
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)
        self.owner.detach(self)
        if self.registered:
            self.registered = False
            self.owner.unregister(self)
        if not self._closed.done():
            self._closed.set_result(None)

    def pause_writing(self) -> None:
        self._writable = self._loop.create_future()

    def resume_writing(self) -> None:
        if self._writable is not None and not self._writable.done():
            self._writable.set_result(None)
        self._writable = None

    # -- events ----------------------------------------------------------------------

    def _receive_eof(self) -> None:
        if self._eof:
            return
        self._eof = True
        self.protocol.receive_eof()
        self._take_events()
        self.send_data()

    def _take_events(self) -> None:
        for event in self.protocol.events_received():
            if isinstance(event, Frame):
                self._take_frame(event)
            elif isinstance(event, Request):
                self._handshake(event)

    def _handshake(self, request: Request) -> None:
        self.request = request
        response = self.owner.process_request(self, request)
        if response is None:
            response = self.protocol.accept(request)
        self.protocol.send_response(response)
        if response.status_code != 101 or self.protocol.state is not State.OPEN:
            return
        self.registered = True
        self.owner.register(self)
        if self._ping_interval is not None:
            self._keepalive = self._loop.create_task(self._keep_alive(self._ping_interval))

    def _take_frame(self, frame: Frame) -> None:
        if frame.opcode in _COUNTED_OPCODES:
            self.owner.count_incoming(self)
        opcode = frame.opcode
        if opcode is Opcode.TEXT or opcode is Opcode.BINARY:
            self._binary = opcode is Opcode.BINARY
            self._fragments = [frame.data]
        elif opcode is Opcode.CONT:
            self._fragments.append(frame.data)
        elif opcode is Opcode.PONG:
            self._pong(bytes(frame.data))
            return
        else:
            return  # a ping (the protocol answers it) or the close
        if frame.fin:
            data = b"".join(self._fragments)
            self._fragments = []
            if self._binary:
                message: str | bytes = data
            else:
                try:
                    message = data.decode()
                except UnicodeDecodeError as exc:
                    self.protocol.fail(CloseCode.INVALID_DATA, str(exc)[:100])
                    return  # data_received sends the close frame
            if not self.kicked and not self.half_dead:
                self.owner.on_message(self, message)

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
            self.send_data()
            if self._ping_timeout is None:
                continue
            try:
                async with asyncio.timeout(self._ping_timeout):
                    await waiter
            except TimeoutError:
                log.info("connection %d: no pong; closing", self.conn_id)
                self.protocol.fail(CloseCode.INTERNAL_ERROR, "keepalive ping timeout")
                self.send_data()
                return

    def _pong(self, data: bytes) -> None:
        if data not in self._pings:
            return
        for key in list(self._pings):
            waiter = self._pings.pop(key)
            if not waiter.done():
                waiter.set_result(None)
            if key == data:
                break
