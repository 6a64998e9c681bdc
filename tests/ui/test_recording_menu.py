"""File ▸ Record… / Stop recording."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.exchange.endpoints import make_endpoints
from desktop.stream.client import StreamClient
from desktop.stream.recording import Frame, RecordingReader
from desktop.ui.recording_menu import RecordingMenu
from tests.conftest import QtLoop


def test_record_writes_to_the_chosen_file_until_stop_recording(
    qtbot: QtBot, qt_loop: QtLoop, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    client = StreamClient(make_endpoints())  # never started: nothing goes out
    menu = RecordingMenu(client, window, endpoints="wss://x.test", symbols=lambda: ["BTCUSDT"])
    messages: list[tuple[str, str]] = []
    menu.message.connect(lambda text, kind: messages.append((text, kind)))
    assert menu.record_action.isEnabled() and not menu.stop_action.isEnabled()

    menu.record_action.trigger()
    dialog = window.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()  # open(), not exec()
    path = tmp_path / "mine.jsonl.gz"
    dialog.selectFile(str(path))
    dialog.accept()

    assert client.recorder is not None
    assert menu.stop_action.isEnabled() and not menu.record_action.isEnabled()
    client.recorder.frames([b'{"a":1}', b'{"b":2}'], 5.0, 3)
    qt_loop.run(menu.finish())
    assert client.recorder is None and menu.record_action.isEnabled()
    with RecordingReader(path) as reader:
        assert reader.header["symbols"] == ["BTCUSDT"]
        assert list(reader) == [Frame(5.0, 3, b'{"a":1}'), Frame(5.0, 3, b'{"b":2}')]
    assert messages[-1] == (f"Recorded 2 frame(s) to {path}", "info")


def test_a_file_that_cannot_be_written_is_said_and_nothing_records(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    client = StreamClient(make_endpoints())
    menu = RecordingMenu(client, window, endpoints="", symbols=list)
    messages: list[tuple[str, str]] = []
    menu.message.connect(lambda text, kind: messages.append((text, kind)))
    assert not menu.start(tmp_path / "no such folder" / "r.jsonl.gz")
    assert client.recorder is None and menu.record_action.isEnabled()
    assert messages and messages[0][1] == "error" and "Cannot write" in messages[0][0]
