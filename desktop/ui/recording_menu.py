"""File ▸ Record… / Stop recording: every frame received, to a file of the user's choice.

The recording itself is ``desktop.stream.recording.Recorder``, set on the stream client;
this only asks where to write and says what happened.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget
from qasync import asyncSlot

from desktop.stream.recording import Recorder, RecordingError

log = logging.getLogger(__name__)


class Recordable(Protocol):
    """The stream client, as far as recording goes."""

    recorder: Recorder | None


class RecordingMenu(QObject):
    """The Record… and Stop recording actions, one of them enabled at a time.

    Signals:
        message(str, str): what happened in plain words, and its kind ("info"/"error").
    """

    message = Signal(str, str)

    def __init__(
        self,
        client: Recordable,
        parent: QWidget,
        *,
        endpoints: str,
        symbols: Callable[[], list[str]],
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._parent = parent
        self._endpoints = endpoints
        self._symbols = symbols
        self.record_action = QAction(self.tr("&Record…"), self)
        self.record_action.setToolTip(self.tr("Record every price received to a file"))
        self.record_action.triggered.connect(self._choose)
        self.stop_action = QAction(self.tr("Stop &recording"), self)
        self.stop_action.triggered.connect(self.stop)
        self._dialog: QFileDialog | None = None
        self._refresh()

    def actions(self) -> list[QAction]:
        return [self.record_action, self.stop_action]

    def start(self, path: Path) -> bool:
        """Record to ``path`` from now on (replacing the file); False if it cannot."""
        if self._client.recorder is not None:
            return False
        try:
            self._client.recorder = Recorder(
                path, endpoints=self._endpoints, symbols=self._symbols()
            )
        except RecordingError as exc:
            self.message.emit(str(exc), "error")
            return False
        log.info("recording to %s", path)
        self.message.emit(self.tr("Recording prices to %1").replace("%1", str(path)), "info")
        self._refresh()
        return True

    @asyncSlot()
    async def stop(self) -> None:
        await self.finish()

    async def finish(self) -> None:
        """Finish the file (in a worker thread: the last write may take a moment)."""
        recorder, self._client.recorder = self._client.recorder, None
        self._refresh()
        if recorder is None:
            return
        await asyncio.to_thread(recorder.close)
        text = self.tr("Recorded %n frame(s) to %1", "", recorder.frame_count)
        self.message.emit(text.replace("%1", str(recorder.path)), "info")

    def _choose(self) -> None:
        if self._dialog is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            dialog = QFileDialog(
                self._parent,
                self.tr("Record prices to"),
                folder,
                self.tr("MiniTicker recordings (*.jsonl.gz);;All files (*)"),
            )
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("jsonl.gz")
            dialog.selectFile("miniticker-recording.jsonl.gz")
            dialog.fileSelected.connect(lambda name: self.start(Path(name)))
            self._dialog = dialog
        self._dialog.open()

    def _refresh(self) -> None:
        recording = self._client.recorder is not None
        self.record_action.setEnabled(not recording)
        self.stop_action.setEnabled(recording)
