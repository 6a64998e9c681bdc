"""Logging problems that can repeat hundreds of times a second without flooding the log:
in full the first few times, then now and then. Used by the stream client."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from desktop.exchange.ticker import FrameError

MALFORMED_LOGGED_IN_FULL = 5
MALFORMED_SUMMARY_EVERY = 60.0  # seconds
LISTENER_ERRORS_LOGGED_IN_FULL = 3


class MalformedLog:
    """Malformed frames: the first few logged with the frame, then a count a minute."""

    def __init__(self, log: logging.Logger) -> None:
        self._log = log
        self._unlogged = 0
        self._summary_at = 0.0

    def note(self, count: int, raw: str | bytes, error: FrameError) -> None:
        """The ``count``-th malformed frame (counted by the caller) was ``raw``."""
        now = time.monotonic()
        if count <= MALFORMED_LOGGED_IN_FULL:
            if isinstance(raw, bytes):  # as text, what is not UTF-8 escaped
                raw = raw[:400].decode("utf-8", "backslashreplace")
            self._log.warning("ignored a malformed frame (%s): %.200r", error, raw)
            self._summary_at = now
            return
        self._unlogged += 1
        if now - self._summary_at >= MALFORMED_SUMMARY_EVERY:
            self._log.warning(
                "ignored %d more malformed frames (%d in all); latest: %s",
                self._unlogged,
                count,
                error,
            )
            self._unlogged = 0
            self._summary_at = now


class ListenerFailures:
    """A listener's exceptions: in full the first few times, then every thousandth.

    A listener that fails on every frame must not flood the log at hundreds a second.
    Call ``note`` from the ``except`` block (the traceback is logged).
    """

    def __init__(self, log: logging.Logger) -> None:
        self._log = log
        self._counts: dict[Callable[..., None], int] = {}

    def note(self, fn: Callable[..., None]) -> None:
        count = self._counts[fn] = self._counts.get(fn, 0) + 1
        if count <= LISTENER_ERRORS_LOGGED_IN_FULL:
            self._log.exception("listener %r failed", fn)
        elif count % 1000 == 0:
            self._log.error("listener %r has failed %d times", fn, count)
