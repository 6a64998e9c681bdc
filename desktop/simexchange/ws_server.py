"""The simulated exchange's websocket side: market streams under ``/market``.

``StreamServer`` routes handshakes, answers live-subscription requests and injects
faults over ``SimConnection``s (see ``ws_connection``: each sees every incoming frame, so
the 10 messages/s rule can count pings and pongs as Binance does, and can play dead on
demand); its ``feed`` (a ``MarketFeed``, see ``feed``) pushes the market data.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import math
from collections import deque
from collections.abc import Coroutine, Iterable, Mapping
from typing import Final

from websockets.frames import CloseCode
from websockets.http11 import Request as HttpRequest
from websockets.http11 import Response
from websockets.protocol import State

from desktop.simexchange.feed import MarketFeed, dumps
from desktop.simexchange.funding import FundingBook
from desktop.simexchange.market import Market
from desktop.simexchange.stats import SimRequest, SimStats
from desktop.simexchange.stream_protocol import (
    SUBSCRIBE,
    RequestError,
    answer,
    parse_request,
    parse_target,
)
from desktop.simexchange.ws_connection import SimConnection

log = logging.getLogger(__name__)

RATE_CLOSE_CODE: Final = 1008
RATE_CLOSE_REASON: Final = "too many messages"
AGE_CLOSE_CODE: Final = 1001
AGE_CLOSE_REASON: Final = "connection reached its maximum age"
_CLOSE_TIMEOUT: Final = 2.0
_INCOMING_HISTORY: Final = 2000  # message times kept per connection
_CONNECTIONS_REMEMBERED: Final = 200  # connections whose message times are kept


class StreamServer:
    """Websocket market streams over a ``Market``; settings are plain attributes (the
    market data's cadences and ``silent`` are the ``feed``'s)."""

    def __init__(
        self,
        market: Market,
        stats: SimStats,
        *,
        cadence: float,
        arr_interval: float,
        ping_interval: float | None,
        ping_timeout: float | None,
        max_streams_per_connection: int,
        max_incoming_per_second: int,
        max_connection_age: float,
        funding: FundingBook | None = None,
        mark_interval: float = 1.0,
    ) -> None:
        self.stats = stats
        self.feed = MarketFeed(
            market,
            funding if funding is not None else FundingBook(market.entries),
            stats,
            lambda: self.connections,
            cadence=cadence,
            arr_interval=arr_interval,
            mark_interval=mark_interval,
        )
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self.max_streams_per_connection = max_streams_per_connection
        self.max_incoming_per_second = max_incoming_per_second
        self._max_connection_age = max_connection_age
        self._refusals: list[int] = []
        self._subscribe_failures: list[tuple[int, str]] = []
        self._ids = itertools.count(1)
        self._conns: dict[int, SimConnection] = {}  # open, by id
        self._attached: set[SimConnection] = set()  # every TCP connection, handshaking too
        self._half_dead = False
        self._tasks: set[asyncio.Task[None]] = set()
        self._server: asyncio.Server | None = None

    # --- life cycle ----------------------------------------------------------------------

    async def start(self, host: str, port: int) -> int:
        def connection() -> SimConnection:
            return SimConnection(
                self,
                ping_interval=self.ping_interval,
                ping_timeout=self.ping_timeout,
                close_timeout=_CLOSE_TIMEOUT,
            )

        self._server = await asyncio.get_running_loop().create_server(connection, host, port)
        self._spawn(self.feed.run_market())
        self._spawn(self.feed.run_all_market())
        self._spawn(self.feed.run_marks())
        return int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        for conn in list(self._attached):
            if conn.half_dead or conn.state is State.CONNECTING:
                conn.abort()  # it would never finish a handshake of either kind
        if self._server is not None:
            self._server.close()  # no new connections
            conns = list(self._attached)
            if conns:
                await asyncio.gather(
                    *(c.close(CloseCode.GOING_AWAY) for c in conns), return_exceptions=True
                )
            await self._server.wait_closed()
            self._server = None

    def _spawn(self, coro: Coroutine[object, object, None]) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("simulated exchange task failed", exc_info=task.exception())

    @property
    def connections(self) -> list[SimConnection]:
        return list(self._conns.values())

    # --- faults --------------------------------------------------------------------------

    def refuse_handshakes(self, n: int, status: int) -> None:
        self._refusals.extend([status] * n)

    def fail_subscribe(self, n: int, code: int, msg: str) -> None:
        self._subscribe_failures.extend([(code, msg)] * n)

    def attach(self, conn: SimConnection) -> None:
        self._attached.add(conn)
        self.stats.tcp_connections_open = len(self._attached)
        if self._half_dead:
            self._play_dead(conn, True)

    def detach(self, conn: SimConnection) -> None:
        self._attached.discard(conn)
        self.stats.tcp_connections_open = len(self._attached)

    def drop_all(self) -> None:
        for conn in list(self._attached):
            conn.abort()

    async def close_all(self, code: int, reason: str) -> None:
        conns = self.connections
        if conns:
            await asyncio.gather(*(c.close(code, reason) for c in conns), return_exceptions=True)

    def set_half_dead(self, on: bool) -> None:
        self._half_dead = on
        for conn in list(self._attached):
            self._play_dead(conn, on)

    @staticmethod
    def _play_dead(conn: SimConnection, on: bool) -> None:
        conn.play_dead(on)

    async def send_raw(self, frames: Iterable[str | bytes]) -> None:
        batch = list(frames)
        for conn in self.connections:
            if conn.half_dead:
                continue
            for frame in batch:
                if not conn.send_message(frame):
                    break
                self.stats.frames_sent += 1
            await conn.drain()

    @property
    def max_connection_age(self) -> float:
        return self._max_connection_age

    @max_connection_age.setter
    def max_connection_age(self, seconds: float) -> None:
        self._max_connection_age = seconds
        for conn in self.connections:
            self._schedule_expiry(conn)

    def _schedule_expiry(self, conn: SimConnection) -> None:
        if conn.age_timer is not None:
            conn.age_timer.cancel()
            conn.age_timer = None
        if math.isfinite(self._max_connection_age):
            loop = asyncio.get_running_loop()
            when = conn.opened_at + self._max_connection_age
            conn.age_timer = loop.call_at(when, self._expire, conn)

    def _expire(self, conn: SimConnection) -> None:
        conn.age_timer = None
        if conn.conn_id in self._conns:
            log.info("connection %d reached its maximum age; closing", conn.conn_id)
            self._spawn(conn.close(AGE_CLOSE_CODE, AGE_CLOSE_REASON))

    # --- handshake and connection ---------------------------------------------------------

    def process_request(self, conn: SimConnection, request: HttpRequest) -> Response | None:
        """Refuse (an HTTP response) or route a handshake; None accepts it."""
        if self._refusals:
            status = self._refusals.pop(0)
            self.stats.handshakes_refused += 1
            log.info("refusing a handshake with HTTP %d (injected fault)", status)
            return conn.respond(status, "Service unavailable (simulated)\n")
        try:
            target = parse_target(request.path)
        except ValueError as exc:
            self.stats.handshakes_rejected += 1
            return conn.respond(400, f"{exc}\n")
        if target is None:
            self.stats.handshakes_rejected += 1
            return conn.respond(404, "Not Found\n")
        if len(target.streams) > self.max_streams_per_connection:
            self.stats.handshakes_rejected += 1
            return conn.respond(
                400, f"too many streams: at most {self.max_streams_per_connection}\n"
            )
        conn.conn_id = next(self._ids)
        conn.combined = target.combined
        conn.streams = set(target.streams)
        history = self.stats.incoming_times
        history[conn.conn_id] = deque(maxlen=_INCOMING_HISTORY)
        while len(history) > _CONNECTIONS_REMEMBERED:
            del history[next(iter(history))]
        return None

    def register(self, conn: SimConnection) -> None:
        conn.opened_at = asyncio.get_running_loop().time()
        self._conns[conn.conn_id] = conn
        self.stats.connections_opened += 1
        self.stats.subscriptions[conn.conn_id] = conn.streams
        self._schedule_expiry(conn)
        log.info(
            "connection %d opened (%s, %d streams)",
            conn.conn_id,
            "combined" if conn.combined else "raw",
            len(conn.streams),
        )

    def unregister(self, conn: SimConnection) -> None:
        if conn.age_timer is not None:
            conn.age_timer.cancel()
            conn.age_timer = None
        self._conns.pop(conn.conn_id, None)
        self.stats.subscriptions.pop(conn.conn_id, None)
        self.stats.connections_closed += 1
        log.info("connection %d closed", conn.conn_id)

    def count_incoming(self, conn: SimConnection) -> None:
        """Record one client→server frame; close the connection past the rate limit."""
        now = asyncio.get_running_loop().time()
        window = conn.recent
        window.append(now)
        while window and window[0] <= now - 1.0:
            window.popleft()
        history = self.stats.incoming_times.get(conn.conn_id)
        if history is not None:
            history.append(now)
        count = len(window)
        self.stats.max_incoming_in_any_second = max(self.stats.max_incoming_in_any_second, count)
        if count > self.max_incoming_per_second and not conn.kicked:
            conn.kicked = True
            self.stats.rate_violations += 1
            log.warning(
                "connection %d sent %d messages within 1 s (limit %d); closing",
                conn.conn_id,
                count,
                self.max_incoming_per_second,
            )
            self._spawn(conn.close(RATE_CLOSE_CODE, RATE_CLOSE_REASON))

    # --- requests ------------------------------------------------------------------------

    def on_message(self, conn: SimConnection, message: str | bytes) -> None:
        now = asyncio.get_running_loop().time()
        if isinstance(message, bytes):
            self.stats.requests.append(SimRequest(conn.conn_id, None, None, None, now))
            self._send(conn, RequestError(3, "Invalid JSON: binary frame").reply())
            return
        self._record(conn, message, now)
        try:
            request = parse_request(message)
            if request.method == SUBSCRIBE and self._subscribe_failures:
                code, msg = self._subscribe_failures.pop(0)  # an injected fault
                reply = {"code": code, "msg": msg, "id": request.id}
            else:
                reply = answer(request, conn, max_streams=self.max_streams_per_connection)
        except RequestError as err:
            reply = err.reply()
        self._send(conn, reply)

    def _record(self, conn: SimConnection, message: str, now: float) -> None:
        try:
            decoded = json.loads(message)
        except ValueError:
            decoded = None
        if isinstance(decoded, dict):
            entry = SimRequest(
                conn.conn_id, decoded.get("method"), decoded.get("params"), decoded.get("id"), now
            )
        else:
            entry = SimRequest(conn.conn_id, None, None, None, now)
        self.stats.requests.append(entry)

    def _send(self, conn: SimConnection, payload: Mapping[str, object]) -> None:
        if not conn.half_dead and conn.send_message(dumps(payload)):
            self.stats.frames_sent += 1
