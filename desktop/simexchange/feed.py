"""The simulated exchange's market data feed: what ``StreamServer`` pushes, and when.

Kept apart from ``StreamServer`` (issue 19), which handles handshakes, requests and
faults: ``MarketFeed`` ticks the market at the cadence and pushes each moved symbol to
the connections subscribed to it, the all-market array every ``arr_interval``, mark
prices (per symbol and ``!markPrice@arr@1s``) every ``mark_interval``, and the
benchmarks' firehose. Settings are plain attributes, changed live.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Final

from websockets.protocol import State

from desktop.exchange.funding import ALL_MARK_STREAM, mark_stream_name
from desktop.exchange.symbols import ALL_MARKET_STREAM
from desktop.exchange.ticker import USDS_M
from desktop.simexchange.frames import text_frame
from desktop.simexchange.funding import FundingBook
from desktop.simexchange.market import Market, SymbolState, now_ms
from desktop.simexchange.stats import SimStats
from desktop.simexchange.ws_connection import SimConnection

log = logging.getLogger(__name__)

_MIN_PERIOD: Final = 0.001  # a zero cadence must not spin the loop
_WRITE_BUFFER_LIMIT: Final = 8 * 1024 * 1024  # a client this far behind misses data
_FIREHOSE_BUFFER: Final = 256 * 1024  # firehose: wait for the socket past this much


def dumps(value: object) -> str:
    """Compact JSON, non-ASCII kept as is (as the exchange sends it)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class MarketFeed:
    """Market data for the open connections that ``connections()`` returns.

    ``silent`` keeps the connections healthy but sends no market data (a fault).
    """

    def __init__(
        self,
        market: Market,
        funding: FundingBook,
        stats: SimStats,
        connections: Callable[[], list[SimConnection]],
        *,
        cadence: float,
        arr_interval: float,
        mark_interval: float,
    ) -> None:
        self.market = market
        self.funding = funding
        self.stats = stats
        self.cadence = cadence
        self.arr_interval = arr_interval
        self.mark_interval = mark_interval
        self.silent = False
        self._connections = connections

    async def run_market(self) -> None:
        while True:
            await asyncio.sleep(max(self.cadence, _MIN_PERIOD))
            moved = self.market.tick()
            self.stats.market_ticks += 1
            if not self.silent:
                self._deliver_symbols(moved)

    async def run_all_market(self) -> None:
        while True:
            await asyncio.sleep(max(self.arr_interval, _MIN_PERIOD))
            self.stats.all_market_ticks += 1
            if self.silent:
                continue
            states = self.market.trading_states()
            if states:
                self._deliver_all_market(states)

    async def run_marks(self) -> None:
        """Mark price events once a ``mark_interval``, per symbol and as the array, for
        every trading contract but the quiet ones: marks move with the index, not trades."""
        while True:
            await asyncio.sleep(max(self.mark_interval, _MIN_PERIOD))
            if self.silent:
                continue
            wanted = set()
            for conn in self._connections():
                wanted |= conn.streams
            if wanted:
                self._deliver_marks(wanted)

    def _deliver_marks(self, wanted: set[str]) -> None:
        funding = self.funding
        stamp = now_ms()
        states = [
            s
            for s in self.market.trading_states()
            if s.market == USDS_M and not funding.is_quiet(s.symbol)
        ]
        per_symbol = {mark_stream_name(s.symbol): dumps(funding.event(s, stamp)) for s in states}
        array = ""
        if ALL_MARK_STREAM in wanted:
            array = f"[{','.join(per_symbol.values())}]"
        for conn in self._connections():
            for stream in conn.streams:
                text = array if stream == ALL_MARK_STREAM else per_symbol.get(stream)
                if not text:
                    continue
                if conn.combined:
                    text = f'{{"stream":{dumps(stream)},"data":{text}}}'
                if self._push(conn, text):
                    self.stats.events_sent += len(states) if stream == ALL_MARK_STREAM else 1

    def _deliver_symbols(self, moved: list[SymbolState]) -> None:
        by_stream = {state.stream: state for state in moved}
        raw: dict[str, str] = {}
        for conn in self._connections():
            for stream in conn.streams:
                state = by_stream.get(stream)
                if state is None:
                    continue
                text = raw.get(stream)
                if text is None:
                    text = raw[stream] = dumps(state.event())
                if conn.combined:
                    text = f'{{"stream":{dumps(stream)},"data":{text}}}'
                if self._push(conn, text):
                    self.stats.events_sent += 1

    def _deliver_all_market(self, states: list[SymbolState]) -> None:
        events = dumps([state.event() for state in states])
        combined = f'{{"stream":{dumps(ALL_MARKET_STREAM)},"data":{events}}}'
        for conn in self._connections():
            if ALL_MARKET_STREAM in conn.streams and self._push(
                conn, combined if conn.combined else events
            ):
                self.stats.events_sent += len(states)

    async def firehose(self, rounds: int) -> int:
        conns = [c for c in self._connections() if not c.half_dead and not c.kicked]
        states = self.market.trading_states()
        stamp = max((s.event_time for s in states), default=0) + 1
        sent = await asyncio.gather(*(self._firehose_one(c, rounds, stamp) for c in conns))
        for state in states:  # a later firehose (or tick) must be newer again
            state.event_time = max(state.event_time, stamp + rounds - 1)
        return sum(sent)

    async def _firehose_one(self, conn: SimConnection, rounds: int, stamp: int) -> int:
        """Stream ``rounds`` rounds to ``conn`` from text templates, draining as needed."""
        templates: list[tuple[str, str, str]] = []  # (head, tail at close, tail a tick up)
        for stream in sorted(conn.streams):
            state = self.market.by_stream(stream)
            if state is None or not state.trading:
                continue
            fields = {k: v for k, v in state.event().items() if k not in ("e", "E")}
            up = state.close + state.tick
            moved = dict(fields, c=str(up), h=str(max(state.high, up)))
            head = '{"e":"24hrMiniTicker","E":'
            end = ""
            if conn.combined:
                head = f'{{"stream":{dumps(stream)},"data":{head}'
                end = "}"
            templates.append((head, f",{dumps(fields)[1:]}{end}", f",{dumps(moved)[1:]}{end}"))
        sent = 0
        try:
            for round_ in range(rounds):
                if conn.state is not State.OPEN or conn.half_dead:
                    break
                when = stamp + round_
                # One write per round: frames built here, not by the protocol object,
                # so that the exchange outpaces any client it is measuring.
                conn.write_frames(
                    b"".join(
                        text_frame(f"{head}{when}{tail_b if round_ % 2 else tail_a}".encode())
                        for head, tail_a, tail_b in templates
                    )
                )
                sent += len(templates)
                if conn.buffered() > _FIREHOSE_BUFFER:
                    await conn.drain()
        except ConnectionError:
            pass
        finally:
            self.stats.frames_sent += sent
            self.stats.events_sent += sent
        return sent

    def _push(self, conn: SimConnection, text: str) -> bool:
        """Write one frame without waiting."""
        if conn.half_dead or conn.kicked or conn.state is not State.OPEN:
            return False
        if conn.buffered() > _WRITE_BUFFER_LIMIT:
            log.debug("connection %d is not reading; skipping a frame", conn.conn_id)
            return False
        try:
            conn.send_message(text)
        except Exception as exc:  # a write on a dying transport; connection_lost will notice
            log.debug("connection %d: write failed: %s", conn.conn_id, exc)
            return False
        self.stats.frames_sent += 1
        return True
