"""Which connection carries which stream."""

from __future__ import annotations

from collections.abc import Iterable


class ShardMap:
    """A stable assignment of streams to shards of at most ``capacity`` streams.

    A stream keeps its shard for as long as it is wanted; new streams fill the
    lowest-numbered shard with room, so freed slots are reused before a new
    connection is opened. Shards left empty are dropped by ``drop_empty``.

    A stream named in ``alone`` gets a shard to itself: the full market's ~130 kB
    frame every second would otherwise hold up every small frame queued behind it on
    a shared connection, and make one read of both.
    """

    def __init__(self, capacity: int, *, alone: Iterable[str] = ()) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._alone = frozenset(alone)
        self._alone_shards: set[int] = set()
        self._shard_of: dict[str, int] = {}
        self._members: dict[int, set[str]] = {}
        self._next_id = 0

    def __contains__(self, stream: object) -> bool:
        return stream in self._shard_of

    def shard_of(self, stream: str) -> int | None:
        return self._shard_of.get(stream)

    def members(self, shard: int) -> frozenset[str]:
        return frozenset(self._members.get(shard, ()))

    def shards(self) -> list[int]:
        return sorted(self._members)

    def release(self, streams: Iterable[str]) -> dict[int, set[str]]:
        """Forget ``streams``; returns what each shard lost (shards stay, maybe empty)."""
        lost: dict[int, set[str]] = {}
        for stream in streams:
            shard = self._shard_of.pop(stream, None)
            if shard is not None:
                self._members[shard].discard(stream)
                lost.setdefault(shard, set()).add(stream)
        return lost

    def assign(self, streams: Iterable[str]) -> dict[int, set[str]]:
        """Place new ``streams``; returns what each shard gained (new shards included)."""
        gained: dict[int, set[str]] = {}
        order = sorted(self._members)
        for stream in sorted(set(streams)):
            if stream in self._shard_of:
                continue
            alone = stream in self._alone
            shard = next((s for s in order if self._has_room(s, alone)), None)
            if shard is None:
                shard = self._next_id
                self._next_id += 1
                self._members[shard] = set()
                order.append(shard)
                if alone:
                    self._alone_shards.add(shard)
            self._members[shard].add(stream)
            self._shard_of[stream] = shard
            gained.setdefault(shard, set()).add(stream)
        return gained

    def _has_room(self, shard: int, alone: bool) -> bool:
        """Whether ``shard`` can take a stream (one named ``alone`` if ``alone``)."""
        if shard in self._alone_shards:
            return alone and not self._members[shard]
        return not alone and len(self._members[shard]) < self.capacity

    def drop_empty(self) -> list[int]:
        empty = [shard for shard, members in self._members.items() if not members]
        for shard in empty:
            del self._members[shard]
            self._alone_shards.discard(shard)
        return empty
