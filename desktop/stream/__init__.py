"""The asyncio stream client: subscriptions, sharding, reconnects, health. Imports no Qt."""

from desktop.stream.client import StreamClient
from desktop.stream.status import ClientStatus, ConnState, StreamStats

__all__ = ["ClientStatus", "ConnState", "StreamClient", "StreamStats"]
