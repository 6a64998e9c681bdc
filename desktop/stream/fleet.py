"""The stream client's connections: wanted streams spread over shards, and outages.

Kept apart from ``StreamClient`` (issue 19) so the client stays about symbols and
events: ``Fleet`` places wanted streams on as few connections as the per-connection
limit allows (``ShardMap``), opens a connection per shard, retires emptied ones, and
keeps the ``Outages`` that tell whether a stream could have missed a change.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from desktop.exchange.endpoints import Endpoints
from desktop.exchange.funding import ALL_MARK_STREAM
from desktop.exchange.symbols import ALL_MARKET_STREAM
from desktop.stream.config import StreamConfig
from desktop.stream.connection import Connection, ConnectionHost
from desktop.stream.outages import Outages
from desktop.stream.sharding import ShardMap
from desktop.stream.status import ConnState


class Fleet:
    """One ``Connection`` per shard of the wanted streams, all reporting to ``host``.

    ``wanted`` (the wanted streams) and ``connections`` (shard → connection) are changed
    in place only, so the owner may keep references to them.
    """

    def __init__(self, host: ConnectionHost, endpoints: Endpoints, config: StreamConfig) -> None:
        self.wanted: set[str] = set()
        self.connections: dict[int, Connection] = {}
        self.running = False
        self._host = host
        self._endpoints = endpoints
        self._config = config
        self._shards = ShardMap(
            config.max_streams_per_connection, alone={ALL_MARKET_STREAM, ALL_MARK_STREAM}
        )
        self._outages = Outages()
        self._retiring: set[asyncio.Task[None]] = set()

    def apply(self, *, add: set[str], remove: set[str]) -> None:
        """Subscribe ``add`` and unsubscribe ``remove`` on the connections (paced)."""
        self.wanted |= add
        self.wanted -= remove
        self._outages.release(remove)
        for shard, streams in self._shards.release(remove).items():
            self.connections[shard].remove(streams)
        for shard, streams in self._shards.assign(add).items():
            self._outages.carry(shard, streams)
            connection = self.connections.get(shard)
            if connection is None:
                connection = self.connections[shard] = Connection(
                    shard, self._host, self._endpoints, self._config
                )
                if self.running:
                    connection.start()
            connection.add(streams)
        for shard in self._shards.drop_empty():
            self._retire(self.connections.pop(shard))
            self._outages.forget(shard)

    def _retire(self, connection: Connection) -> None:
        task = connection.task
        if task is not None and not task.done():
            task.cancel()
            self._retiring.add(task)
            task.add_done_callback(self._retiring.discard)

    def start(self) -> None:
        self.running = True
        for connection in self.connections.values():
            connection.start()

    async def stop(self, *others: asyncio.Task[None]) -> None:
        """Cancel every connection's task and ``others``, and wait for them all."""
        self.running = False
        tasks = [c.task for c in self.connections.values() if c.task is not None]
        tasks += self._retiring
        tasks += others
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for connection in self.connections.values():
            connection.task = None
        self._retiring.clear()
        self._outages.all_down()

    def note(self, connection: Connection) -> None:
        """Record ``connection``'s new state as up or down (unless it was retired)."""
        if self.connections.get(connection.ident) is connection:
            self._outages.note(connection.ident, connection.state is ConnState.LIVE)

    def uncovered(self, streams: Iterable[str], since: float, until: float) -> bool:
        """See ``Outages.uncovered``."""
        return self._outages.uncovered(streams, since, until)
