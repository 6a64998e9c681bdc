"""Recordings of the stream: every frame received, with its receive time, to a file.

A recording is gzip-compressed JSON Lines. The first line is a header::

    {"format": "miniticker-recording", "version": 1, "started": 1796300000.0,
     "endpoints": "wss://…", "symbols": ["BTCUSDT", …]}

then one line per frame: ``{"t": receive time (time.time()), "c": connection id,
"f": frame text}``. Frames of one socket read share ``t`` and ``c``.

``Recorder`` never blocks the event loop on the disk: ``frames`` only appends to a list;
a background thread encodes and writes what came every ``flush_every`` seconds and
flushes the gzip stream with ``Z_SYNC_FLUSH``, so a recording cut short by a crash or
``kill -9`` can be read back up to its last flush. ``RecordingReader`` reads one back,
stopping quietly at the last whole line of a file that ends early or is corrupt.
"""

from __future__ import annotations

import gzip
import json
import logging
import threading
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from desktop.wording import translate

logger = logging.getLogger(__name__)

FORMAT = "miniticker-recording"
VERSION = 1
FLUSH_EVERY = 1.0  # seconds between writes (and sync flushes) of the background thread
_CHUNK = 1 << 16


class RecordingError(Exception):
    """A file that is not a MiniTicker recording, or cannot be read or written."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One recorded frame: when it arrived, on which connection, and its bytes."""

    received: float
    connection: int
    data: bytes


def _text(data: bytes | str) -> str:
    # surrogateescape keeps a frame that is not valid UTF-8 exactly (JSON escapes the
    # lone surrogates); ``Frame.data`` turns it back into the same bytes.
    return data if isinstance(data, str) else data.decode("utf-8", "surrogateescape")


class Recorder:
    """Writes the frames it is given to ``path``, in the background.

    ``frames`` is safe to call from the event loop at any rate: it appends to a list.
    ``close`` writes what is left and ends the gzip stream; it blocks for as long as
    the last write takes, so call it through ``asyncio.to_thread`` from a coroutine.
    """

    def __init__(
        self,
        path: Path,
        *,
        endpoints: str = "",
        symbols: Iterable[str] = (),
        flush_every: float = FLUSH_EVERY,
    ) -> None:
        self.path = Path(path)
        self.frame_count = 0
        self._flush_every = flush_every
        self._pending: list[tuple[float, int, Sequence[bytes | str]]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.error: str | None = None
        try:
            self._raw: IO[bytes] = open(self.path, "wb")  # noqa: SIM115 - closed in ``close``
        except OSError as exc:
            raise RecordingError(
                translate("Stream", "Cannot write the recording {path}: {reason}").format(
                    path=self.path, reason=exc
                )
            ) from exc
        self._gzip = gzip.GzipFile(fileobj=self._raw, mode="wb", compresslevel=6)
        header = {
            "format": FORMAT,
            "version": VERSION,
            "started": time.time(),
            "endpoints": endpoints,
            "symbols": sorted(symbols),
        }
        self._gzip.write(json.dumps(header).encode() + b"\n")
        self._gzip.flush(zlib.Z_SYNC_FLUSH)
        self._thread = threading.Thread(target=self._run, name="recorder", daemon=True)
        self._thread.start()

    def frames(self, frames: Sequence[bytes | str], received: float, connection: int) -> None:
        """Record what one socket read brought (cheap: the thread does the work)."""
        with self._lock:
            self._pending.append((received, connection, frames))

    def close(self) -> None:
        """Write what is left, end the file; safe to call again."""
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join()
        try:
            self._gzip.close()
            self._raw.close()
        except OSError as exc:
            self.error = self.error or str(exc)
        logger.info("recorded %d frames to %s", self.frame_count, self.path)

    def _run(self) -> None:
        while not self._stop.wait(self._flush_every):
            self._write()
        self._write()

    def _write(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, []
        if not pending or self.error is not None:
            return
        lines = []
        for received, connection, frames in pending:
            head = f'{{"t":{received!r},"c":{connection},"f":'
            for frame in frames:
                lines.append(head + json.dumps(_text(frame)) + "}\n")
        try:
            self._gzip.write("".join(lines).encode())  # ASCII: json.dumps escapes
            self._gzip.flush(zlib.Z_SYNC_FLUSH)
        except OSError as exc:  # a full disk: say so once, stop writing, keep the app up
            self.error = str(exc)
            logger.error("recording to %s stopped: %s", self.path, exc)
            return
        self.frame_count += len(lines)


class RecordingReader:
    """Reads a recording back: ``header``, then ``read`` a list of frames at a time.

    A file that ends early (a recording process killed) or turns corrupt is read up to
    its last whole line; ``truncated`` then says so. Blocking: call it in a thread from
    the event loop.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.truncated = False
        try:
            self._file: IO[bytes] = open(self.path, "rb")  # noqa: SIM115 - closed in ``close``
        except OSError as exc:
            raise RecordingError(
                translate("Stream", "Cannot read the recording {path}: {reason}").format(
                    path=self.path, reason=exc
                )
            ) from exc
        self._inflate = zlib.decompressobj(wbits=31)
        self._rest = b""
        self._lines: list[bytes] = []
        self._ended = False
        self._before = self._inflate
        first = self._next_line()
        header: object = None
        if first is not None:
            try:
                header = json.loads(first)
            except ValueError:
                header = None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            self.close()
            raise RecordingError(
                translate("Stream", "{path} is not a MiniTicker recording.").format(path=self.path)
            )
        if header.get("version") != VERSION:
            self.close()
            raise RecordingError(
                translate(
                    "Stream",
                    "{path} is a recording of version {version}; "
                    "this MiniTicker reads version {supported}.",
                ).format(path=self.path, version=header.get("version"), supported=VERSION)
            )
        self.header: dict[str, object] = header

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> RecordingReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, limit: int = 5000) -> list[Frame]:
        """Up to ``limit`` frames, in order; an empty list at the end."""
        frames: list[Frame] = []
        while len(frames) < limit:
            line = self._next_line()
            if line is None:
                break
            try:
                item = json.loads(line)
                frame = Frame(
                    float(item["t"]),
                    int(item["c"]),
                    str(item["f"]).encode("utf-8", "surrogateescape"),
                )
            except (ValueError, KeyError, TypeError):
                logger.warning("%s: stopped at a damaged line", self.path)
                self.truncated = True
                self._ended = True
                self._lines.clear()
                break
            frames.append(frame)
        return frames

    def __iter__(self) -> Iterator[Frame]:
        while frames := self.read():
            yield from frames

    def _next_line(self) -> bytes | None:
        while not self._lines:
            if self._ended or not self._fill():
                return None
        return self._lines.pop()

    def _fill(self) -> bool:
        """Inflate the next chunk into whole lines; False at the end of what is readable."""
        data = self._file.read(_CHUNK)
        if not data:
            if not self._inflate.eof or self._rest:
                self.truncated = True  # no gzip trailer, or a last line without its end
            self._ended = True
            return False
        text = self._inflate_chunk(data)
        if text is None:  # damaged: keep what inflated before the damage, then stop
            text = self._inflate_until_damage(data)
            self.truncated = True
            self._ended = True
        text = self._rest + text
        *whole, self._rest = text.split(b"\n")
        self._lines = [line for line in reversed(whole) if line]
        return True

    def _inflate_chunk(self, data: bytes) -> bytes | None:
        self._before = self._inflate.copy()
        try:
            text = self._inflate.decompress(data)
            while self._inflate.eof and self._inflate.unused_data:  # another gzip member
                unused = self._inflate.unused_data
                self._inflate = zlib.decompressobj(wbits=31)
                text += self._inflate.decompress(unused)
        except zlib.error as exc:
            logger.warning("%s: stopped at damaged data: %s", self.path, exc)
            return None
        return text

    def _inflate_until_damage(self, data: bytes) -> bytes:
        inflate, out = self._before, []
        for start in range(0, len(data), 256):
            try:
                out.append(inflate.decompress(data[start : start + 256]))
            except zlib.error:
                break
            if inflate.eof:
                break
        return b"".join(out)
