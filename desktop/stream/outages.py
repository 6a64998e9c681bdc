"""When each connection was down, to tell whether a stream could have missed a change.

The exchange pushes a symbol only when it changed, so a long quiet spell says nothing:
only the connection carrying the symbol being down says an event may have been missed.
``Outages`` keeps, per connection, when it was down, and, per stream, which connection
carries it since when; ``uncovered`` answers "was there a moment between these two
times when none of these streams was carried by a live connection?". Imports no Qt.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from typing import Final

Interval = tuple[float, float]

#: Down spells kept per connection; older ones are merged into one, which can only make
#: a gap look longer, never hide one.
KEEP: Final = 256


class Outages:
    """Down spells per connection and the carrier of each stream.

    Times are ``time.time()`` values, as the ticker listeners' ``received`` stamps are.
    A connection is down from when it is first named until ``came_up``; a stream is
    carried only from when it was placed on its connection.
    """

    def __init__(self, clock: Callable[[], float] = time.time, keep: int = KEEP) -> None:
        if keep < 2:
            raise ValueError("keep at least two spells")
        self._clock = clock
        self._keep = keep
        self._down_since: dict[int, float] = {}  # connection → since when; absent: up
        self._past: dict[int, list[Interval]] = {}  # connection → its closed down spells
        self._carrier: dict[str, tuple[int, float]] = {}  # stream → (connection, since)

    # -- what the client tells -------------------------------------------------------

    def carry(self, connection: int, streams: Iterable[str]) -> None:
        """``streams`` are carried by ``connection`` from now on."""
        now = self._clock()
        if connection not in self._past:
            self._past[connection] = []
            self._down_since[connection] = now
        for stream in streams:
            self._carrier[stream] = (connection, now)

    def release(self, streams: Iterable[str]) -> None:
        """``streams`` are carried no more."""
        for stream in streams:
            self._carrier.pop(stream, None)

    def note(self, connection: int, up: bool) -> None:
        """``connection`` is up (live) or down now; saying so again changes nothing."""
        now = self._clock()
        since = self._down_since.get(connection)
        if up and since is not None:
            del self._down_since[connection]
            past = self._past.setdefault(connection, [])
            past.append((since, now))
            if len(past) > self._keep:
                past[:2] = [(past[0][0], past[1][1])]
        elif not up and since is None:
            self._down_since[connection] = now

    def all_down(self) -> None:
        """Every connection is down now (the client stopped)."""
        for connection in self._past:
            self.note(connection, False)

    def forget(self, connection: int) -> None:
        """``connection`` is gone (its streams were released)."""
        self._past.pop(connection, None)
        self._down_since.pop(connection, None)

    # -- what the listeners ask ------------------------------------------------------

    def uncovered(self, streams: Iterable[str], since: float, until: float) -> bool:
        """True when, at some moment strictly between ``since`` and ``until``, none of
        ``streams`` was carried by a live connection (a stream not carried counts as
        down throughout)."""
        if until <= since:
            return False
        gaps: list[Interval] | None = None
        for stream in streams:
            mine = self._gaps(stream, since, until)
            gaps = mine if gaps is None else _intersect(gaps, mine)
            if not gaps:
                return False
        return True  # no stream at all, or every one had a gap at the same time

    def _gaps(self, stream: str, since: float, until: float) -> list[Interval]:
        """When ``stream`` was not carried by a live connection, within the window."""
        carrier = self._carrier.get(stream)
        if carrier is None:
            return [(since, until)]
        connection, placed = carrier
        spells = [(-math.inf, placed), *self._past.get(connection, ())]
        down = self._down_since.get(connection)
        if down is not None:
            spells.append((down, math.inf))
        return sorted(
            (max(start, since), min(end, until))
            for start, end in spells
            if start < until and end > since
        )


def _intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    """The moments in both sorted lists of closed intervals."""
    both = []
    for start_a, end_a in a:
        for start_b, end_b in b:
            start, end = max(start_a, start_b), min(end_a, end_b)
            if start <= end:
                both.append((start, end))
    return both
