"""Saves settings off the UI thread, debounced, in order."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.settings.model import Settings
from desktop.settings.store import SettingsStore

log = logging.getLogger(__name__)


class SettingsSaver(QObject):
    """Collects "something changed" calls and writes one snapshot shortly after.

    The write (a temp file, fsync, rename) runs on one worker thread, so saves never
    block the UI and never overtake each other. ``flush()`` writes synchronously; the
    composition root calls it at shutdown.

    Signals:
        saveFailed(str): a save did not reach the disk; the text is for people.
    """

    saveFailed = Signal(str)

    def __init__(
        self,
        store: SettingsStore,
        snapshot: Callable[[], Settings],
        *,
        delay_ms: int = 500,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._snapshot = snapshot
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="settings-save")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save_now)
        self._closed = False

    def schedule(self, *_: object) -> None:
        """Something the settings hold changed: save soon (restarts the debounce)."""
        if not self._closed:
            self._timer.start()

    def _save_now(self) -> None:
        future = self._pool.submit(self._store.save, self._snapshot())
        future.add_done_callback(self._done)

    def _done(self, future: Future[None]) -> None:
        exc = future.exception()
        if exc is not None:
            # Runs on the worker thread: hand the message to the UI thread via a queued signal.
            log.error("saving settings failed: %s", exc)
            # The reason is the OS's own words (e.g. "No space left on device").
            text = QCoreApplication.translate(
                "Settings", "Your settings could not be saved: {reason}"
            )
            self.saveFailed.emit(text.format(reason=exc))

    def flush(self) -> None:
        """Write the current settings now, wait for every pending write, accept no more."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._pool.submit(self._store.save, self._snapshot()).add_done_callback(self._done)
        self._pool.shutdown(wait=True)
