"""Replaying a recording: its frames, at its pace (or faster), with no network at all.

``ReplaySource`` stands where the stream client stands (the quote book, the alerts and
the app talk to it the same way), reads a ``recording`` file in a worker thread and
hands its frames to a ``StreamClient`` that is never started: they are parsed, checked
and delivered by the same code as a socket's frames, to the same listeners.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.exchange.endpoints import make_endpoints
from desktop.exchange.funding import MarkPrice
from desktop.exchange.ticker import MiniTicker
from desktop.stream.client import StreamClient
from desktop.stream.recording import Frame, RecordingError, RecordingReader
from desktop.wording import translate

logger = logging.getLogger(__name__)

FASTEST = math.inf  # ``speed``: no waiting between frames
STATUS_PERIOD = 1.0  # seconds (wall clock) between position announcements
_YIELD_EVERY = 20  # socket reads replayed between giving the loop a turn, at FASTEST


@dataclass(frozen=True, slots=True)
class ReplayStatus:
    """Where a replay is, for the status bar and the tray (like ``ClientStatus``).

    ``state`` is None: neither live nor down, so rows are judged by their age alone.
    ``position`` is the recorded receive time (``time.time()`` scale) last played.
    """

    position: float | None = None
    speed: float = 1.0
    finished: bool = False
    truncated: bool = False
    error: str | None = None
    state: None = None

    def describe(self) -> str:
        """ "Replaying — 12:31:05 of the recording (×10)", "Replay finished", …"""
        if self.error is not None:
            return translate("Stream", "Replay failed: {reason}").format(reason=self.error)
        if self.finished:
            if self.truncated:
                return translate("Stream", "Replay finished (the recording ends early)")
            return translate("Stream", "Replay finished")
        if self.position is None:
            return translate("Stream", "Replay starting…")
        at = time.strftime("%H:%M:%S", time.localtime(self.position))
        return translate("Stream", "Replaying — {time} of the recording ({speed})").format(
            time=at, speed=speed_words(self.speed)
        )


def speed_words(speed: float) -> str:
    """ "×10", "×0.5", "fastest"."""
    if math.isinf(speed):
        return translate("Stream", "fastest")
    return f"×{speed:g}"


class ReplaySource:
    """Plays a recording to ticker listeners, paced by its receive times ÷ ``speed``.

    Listeners as ``StreamClient``'s. Status listeners get ``ReplayStatus`` values: at
    the start, about once a second while playing, and at the end. ``finished`` is set
    once the last frame is played (or the file could not be read).
    """

    def __init__(
        self,
        path: Path,
        *,
        speed: float = 1.0,
        client: StreamClient | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not speed > 0:
            raise ValueError("speed must be > 0 (math.inf: as fast as possible)")
        self.path = Path(path)
        self.speed = speed
        # Never started: it opens no connection, it only parses and delivers.
        self.client = client if client is not None else StreamClient(make_endpoints())
        self.finished = asyncio.Event()
        self.header: dict[str, object] = {}
        self._clock = clock
        self._status = ReplayStatus(speed=speed)
        self._status_listeners: list[Callable[[ReplayStatus], None]] = []
        self._task: asyncio.Task[None] | None = None

    # -- what the book, the alerts and the app call -----------------------------------

    def add_ticker_listener(self, fn: Callable[[Sequence[MiniTicker], float], None]) -> None:
        self.client.add_ticker_listener(fn)

    def add_mark_listener(self, fn: Callable[[Sequence[MarkPrice], float], None]) -> None:
        self.client.add_mark_listener(fn)

    def set_marks(self, enabled: bool) -> None:
        """Recorded mark frames are played to mark listeners (nothing to subscribe)."""
        self.client.set_marks(enabled)

    def set_mark_symbols(self, symbols: Iterable[str]) -> None:
        """Recorded mark frames of these symbols are played to mark listeners."""
        self.client.set_mark_symbols(symbols)

    def add_status_listener(self, fn: Callable[[ReplayStatus], None]) -> None:
        self._status_listeners.append(fn)

    def add_error_listener(self, fn: Callable[[str], None]) -> None:
        self.client.add_error_listener(fn)

    def add_recovery_listener(self, fn: Callable[[str], None]) -> None:
        self.client.add_recovery_listener(fn)

    @property
    def symbols(self) -> frozenset[str]:
        return self.client.symbols

    def set_symbols(self, symbols: Iterable[str]) -> None:
        """The symbols to show: the recording's other frames are passed over."""
        self.client.set_symbols(symbols)

    def set_all_market(self, enabled: bool) -> None:
        self.client.set_all_market(enabled)

    def was_down(self, symbol: str, since: float, until: float) -> bool:
        return False  # what the recording holds is all there is to judge

    @property
    def status(self) -> ReplayStatus:
        return self._status

    async def start(self) -> None:
        """Start playing; returns at once."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._play(), name="replay")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    # -- playing ---------------------------------------------------------------------

    async def _play(self) -> None:
        try:
            reader = await asyncio.to_thread(RecordingReader, self.path)
        except RecordingError as exc:
            self.client.report_problem(str(exc))
            self._announce(ReplayStatus(speed=self.speed, error=str(exc)))
            self.finished.set()
            return
        try:
            self.header = reader.header
            await self._feed(reader)
        finally:
            reader.close()
        logger.info("replay of %s finished", self.path)
        self.finished.set()

    async def _feed(self, reader: RecordingReader) -> None:
        self._announce(ReplayStatus(speed=self.speed))
        start_wall = start_recorded = None
        announced = 0.0
        reads = 0
        position: float | None = None
        while frames := await asyncio.to_thread(reader.read):
            for received, group in _reads(frames):
                if start_wall is None or start_recorded is None:
                    start_wall, start_recorded = time.monotonic(), received
                if not math.isinf(self.speed):
                    due = start_wall + (received - start_recorded) / self.speed
                    wait = due - time.monotonic()
                    if wait > 0:
                        await asyncio.sleep(wait)
                else:
                    reads += 1
                    if reads % _YIELD_EVERY == 0:
                        await asyncio.sleep(0)
                self.client.take_frames(group, self._clock())
                position = received
                if time.monotonic() - announced >= STATUS_PERIOD:
                    announced = time.monotonic()
                    self._announce(ReplayStatus(position, self.speed))
        self._announce(ReplayStatus(position, self.speed, True, reader.truncated))

    def _announce(self, status: ReplayStatus) -> None:
        self._status = status
        for fn in self._status_listeners:
            try:
                fn(status)
            except Exception:
                logger.exception("replay status listener failed")


def _reads(frames: list[Frame]) -> Iterable[tuple[float, list[bytes]]]:
    """The frames grouped back into socket reads (same receive time and connection)."""
    group: list[bytes] = []
    key: tuple[float, int] | None = None
    for frame in frames:
        this = (frame.received, frame.connection)
        if this != key and group:
            assert key is not None
            yield key[0], group
            group = []
        key = this
        group.append(frame.data)
    if group and key is not None:
        yield key[0], group
