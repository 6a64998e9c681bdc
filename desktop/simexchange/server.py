"""``SimExchange``: the whole simulated exchange, websocket streams plus REST, with faults.

Tests and ``--demo`` start one on ephemeral 127.0.0.1 ports::

    async with SimExchange(cadence=0.05, seed=1) as ex:
        client = StreamClient(ex.endpoints, ...)
        ...
        await ex.wait_until(lambda: ex.stats.connections_open == 1)
        ex.drop_all()
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Self

from desktop.exchange.endpoints import Endpoints
from desktop.simexchange.contracts_data import (
    coin_m_contracts,
    default_contracts,
    synthetic_contracts,
)
from desktop.simexchange.http_server import HttpServer
from desktop.simexchange.market import AllMarketView, Market
from desktop.simexchange.rest_api import RestApi
from desktop.simexchange.stats import RestHit, SimStats
from desktop.simexchange.ws_server import SimConnection, StreamServer

log = logging.getLogger(__name__)

_POLL_SECONDS = 0.005


class SimExchange:
    """A local Binance USD-M look-alike: ``/market`` streams, ``/fapi/v1`` REST, faults.

    Settings that tests change on the fly (``cadence``, ``arr_interval``,
    ``max_connection_age``, ``max_streams_per_connection``, ``max_incoming_per_second``)
    are attributes and take effect immediately. ``extra_contracts`` adds that many
    made-up contracts to the listing (``SIM0000USDT``…), e.g. for a full-market benchmark.

    As on the exchange since mid-2026, ``!miniTicker@arr`` also carries COIN-M rows
    (``"st": 2``; ``coin_m``, by default a few such as ``BTCUSD_PERP``), which the REST
    listing and the symbols' own streams never show. ``quiet`` symbols are pushed only
    when a price is forced on them (``set_quiet``), as a contract nobody trades.
    Mark prices (``<symbol>@markPrice@1s``, ``!markPrice@arr@1s``) are pushed every
    ``mark_interval`` seconds, with funding that settles every 8 h (4 h or 1 h for some);
    ``funding`` (a ``FundingBook``) moves a contract's funding time for tests.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        ws_port: int = 0,
        rest_port: int = 0,
        cadence: float = 2.0,
        seed: int | None = None,
        contracts: list[dict[str, object]] | None = None,
        ping_interval: float | None = 180.0,
        ping_timeout: float | None = 600.0,
        max_streams_per_connection: int = 1024,
        max_incoming_per_second: int = 10,
        max_connection_age: float = 24 * 3600,
        arr_interval: float = 1.0,
        extra_contracts: int = 0,
        coin_m: list[dict[str, object]] | None = None,
        quiet: Iterable[str] = (),
        mark_interval: float = 1.0,
    ) -> None:
        self.host = host
        self._ws_port = ws_port
        self._rest_port = rest_port
        self.stats = SimStats()
        listing = contracts if contracts is not None else default_contracts()
        if extra_contracts:
            listing = [*listing, *synthetic_contracts(extra_contracts)]
        other = coin_m if coin_m is not None else coin_m_contracts()
        self.market = Market(listing, seed, other_markets=other)
        for symbol in quiet:
            self.market.set_quiet(symbol)
        self._streams = StreamServer(
            AllMarketView(self.market),
            self.stats,
            cadence=cadence,
            arr_interval=arr_interval,
            ping_interval=ping_interval,
            ping_timeout=ping_timeout,
            max_streams_per_connection=max_streams_per_connection,
            max_incoming_per_second=max_incoming_per_second,
            max_connection_age=max_connection_age,
            mark_interval=mark_interval,
        )
        #: Mark prices and funding: ``set_next_funding``, ``set_interval``, ``set_rate``,
        #: ``set_quiet`` (of the mark stream only) for tests.
        self.funding = self._streams.feed.funding
        self._api = RestApi(self.market)
        self._http = HttpServer(self._handle_rest)
        self._started = False

    # --- life cycle ----------------------------------------------------------------------

    async def start(self) -> None:
        if self._started:
            raise RuntimeError("SimExchange already started")
        self._started = True
        try:
            self._ws_port = await self._streams.start(self.host, self._ws_port)
            self._rest_port = await self._http.start(self.host, self._rest_port)
        except BaseException:
            await self.stop()
            raise
        log.info(
            "simulated exchange up: %s and %s (seed %d)",
            self.ws_url,
            self.rest_url,
            self.market.seed,
        )

    async def stop(self) -> None:
        """Close every connection (1001) and both servers; idempotent."""
        if not self._started:
            return
        self._started = False
        await self._streams.stop()
        await self._http.stop()
        log.info("simulated exchange stopped")

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    # --- where it lives ------------------------------------------------------------------

    @property
    def ws_url(self) -> str:
        """Base of the market streams: the client appends ``/ws`` or ``/stream``."""
        return f"ws://{self._host_for_url}:{self._ws_port}/market"

    @property
    def rest_url(self) -> str:
        return f"http://{self._host_for_url}:{self._rest_port}"

    @property
    def _host_for_url(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host

    @property
    def endpoints(self) -> Endpoints:
        return Endpoints(self.ws_url, self.rest_url, "demo")

    @property
    def symbols(self) -> list[str]:
        return self.market.symbols

    @property
    def connections(self) -> list[SimConnection]:
        """Open websocket connections (server side), oldest first."""
        return self._streams.connections

    # --- live settings -------------------------------------------------------------------

    @property
    def cadence(self) -> float:
        return self._streams.feed.cadence

    @cadence.setter
    def cadence(self, seconds: float) -> None:
        self._streams.feed.cadence = seconds

    @property
    def arr_interval(self) -> float:
        return self._streams.feed.arr_interval

    @arr_interval.setter
    def arr_interval(self, seconds: float) -> None:
        self._streams.feed.arr_interval = seconds

    @property
    def max_connection_age(self) -> float:
        return self._streams.max_connection_age

    @max_connection_age.setter
    def max_connection_age(self, seconds: float) -> None:
        self._streams.max_connection_age = seconds

    @property
    def max_streams_per_connection(self) -> int:
        return self._streams.max_streams_per_connection

    @max_streams_per_connection.setter
    def max_streams_per_connection(self, count: int) -> None:
        self._streams.max_streams_per_connection = count

    @property
    def max_incoming_per_second(self) -> int:
        return self._streams.max_incoming_per_second

    @max_incoming_per_second.setter
    def max_incoming_per_second(self, count: int) -> None:
        self._streams.max_incoming_per_second = count

    # --- faults --------------------------------------------------------------------------

    def drop_all(self) -> None:
        """Abort every websocket's TCP connection at once, without a close frame."""
        self._streams.drop_all()

    async def close_all(
        self, code: int = 1001, reason: str = "connection reached its maximum age"
    ) -> None:
        """Close every websocket cleanly with ``code`` (1001 is what Binance sends at 24 h)."""
        await self._streams.close_all(code, reason)

    def set_half_dead(self, on: bool) -> None:
        """While on, the websocket server plays dead: it stops reading and writing on every
        connection (pings go unanswered, no data, no close handshake) but keeps the TCP
        connections up. New connections are accepted by TCP and then stall before the
        handshake. ``set_half_dead(False)`` revives every connection still open.
        """
        self._streams.set_half_dead(on)

    def set_silent(self, on: bool) -> None:
        """Keep connections healthy (pongs, replies) but send no market data."""
        self._streams.feed.silent = on

    async def send_raw(self, frames: list[str | bytes]) -> None:
        """Send each frame as is to every open connection (str → text, bytes → binary)."""
        await self._streams.send_raw(frames)

    def refuse_handshakes(self, n: int, status: int = 503) -> None:
        """Answer the next ``n`` websocket handshakes with HTTP ``status``."""
        self._streams.refuse_handshakes(n, status)

    def fail_subscribe(
        self, n: int, code: int = -1100, msg: str = "Illegal characters found in a parameter."
    ) -> None:
        """Answer the next ``n`` SUBSCRIBE requests with ``{"code", "msg", "id"}``."""
        self._streams.fail_subscribe(n, code, msg)

    def set_rest_unavailable(self, on: bool) -> None:
        """Every REST request answers HTTP 503."""
        self._api.unavailable = on

    async def firehose(self, rounds: int) -> int:
        """Push ``rounds`` fresh events of every subscribed symbol stream to every open
        connection, as fast as each socket takes them; returns how many were sent.

        For throughput benchmarks: event times rise by 1 ms a round (every event is new
        to a client), prices alternate between two ticks, and writes wait only for the
        socket to drain, never for the cadence.
        """
        return await self._streams.feed.firehose(rounds)

    def set_price(self, symbol: str, price: str) -> None:
        """Make ``price`` (rounded to the tick) the next close of ``symbol``."""
        self.market.set_price(symbol, price)

    def set_quiet(self, symbol: str, quiet: bool = True) -> None:
        """Push ``symbol`` only when a price is forced on it (``set_price``), or again at
        every step (``quiet=False``): the real streams push a contract only when it traded."""
        self.market.set_quiet(symbol, quiet)

    def drop_carrying(self, stream: str) -> int:
        """Abort the TCP connection of every websocket carrying ``stream``, without a close
        frame (``drop_all`` for one of several); returns how many there were."""
        carrying = [c for c in self.connections if stream in c.streams]
        for conn in carrying:
            conn.abort()
        return len(carrying)

    # --- waiting -------------------------------------------------------------------------

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 10.0) -> None:
        """Return once ``predicate()`` is true; raise ``TimeoutError`` after ``timeout`` s."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            if loop.time() >= deadline:
                name = getattr(predicate, "__qualname__", repr(predicate))
                raise TimeoutError(
                    f"condition {name} still false after {timeout:g} s; stats: {self.stats_line()}"
                )
            await asyncio.sleep(_POLL_SECONDS)

    def stats_line(self) -> str:
        s = self.stats
        return (
            f"opened={s.connections_opened} open={s.connections_open} "
            f"refused={s.handshakes_refused} requests={len(s.requests)} "
            f"events={s.events_sent} frames={s.frames_sent} "
            f"violations={s.rate_violations} rest={s.rest_request_count}"
        )

    # --- REST ----------------------------------------------------------------------------

    def _handle_rest(self, path: str, query: dict[str, str]) -> tuple[int, object]:
        status, body = self._api.handle(path, query)
        self.stats.rest_requests.append(
            RestHit(path, query, status, asyncio.get_running_loop().time())
        )
        return status, body
