"""The single-instance lock and socket, in one process: names, requests, a silent holder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.qt.single_instance import (
    AlreadyRunning,
    Request,
    claim,
    lock_path,
    server_name,
    symbols_request,
)


def test_the_same_folder_by_any_path_has_one_name_and_another_folder_another(
    tmp_path: Path,
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert server_name(tmp_path / "link") == server_name(tmp_path / "real")
    assert server_name(tmp_path / "real" / ".." / "real") == server_name(tmp_path / "real")
    assert server_name(tmp_path / "other") != server_name(tmp_path / "real")


def test_the_lock_lives_in_the_runtime_folder_not_the_settings_folder(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    lock = lock_path(tmp_path / "settings", {"XDG_RUNTIME_DIR": str(runtime)})
    assert lock.parent == runtime
    assert lock.name == server_name(tmp_path / "settings") + ".lock"
    for unusable in ("", "relative", str(tmp_path / "missing")):
        elsewhere = lock_path(tmp_path / "settings", {"XDG_RUNTIME_DIR": unusable})
        assert elsewhere.parent == Path(tempfile.gettempdir())


def test_a_request_survives_the_wire_and_garbage_is_refused() -> None:
    request = symbols_request(["DOGEUSDT"], minimized=True)
    assert request == Request(("DOGEUSDT",), show=False)
    assert Request.decode(request.encode().rstrip(b"\n")) == request
    for line in (b"[]", b'{"symbols": "BTCUSDT"}', b'{"show": 1}', b"\xff", b"{"):
        with pytest.raises(ValueError):
            Request.decode(line)


def send(name: str, payload: bytes, qtbot: QtBot) -> bytes:
    """Write ``payload`` to the server and collect what it answers until it hangs up."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.ConnectedState)
    socket.write(payload)
    reply = bytearray()
    socket.readyRead.connect(lambda: reply.extend(bytes(socket.readAll().data())))
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    return bytes(reply)


def test_requests_before_the_app_is_ready_are_kept_and_garbage_is_dropped(
    tmp_path: Path, qtbot: QtBot
) -> None:
    server = claim(tmp_path, Request())
    assert server is not None
    try:
        name = server_name(tmp_path)
        assert send(name, b"not json\n", qtbot) == b""  # dropped, no answer
        assert send(name, b"[" * 50_000 + b"\n", qtbot) == b""  # too deep for json
        assert send(name, Request(("ETHUSDT",)).encode(), qtbot) == b"ok\n"
        handled: list[Request] = []
        server.set_handler(handled.append)
        assert handled == [Request(("ETHUSDT",))]  # kept until the app could take it
        assert send(name, Request((), show=False).encode(), qtbot) == b"ok\n"
        assert handled == [Request(("ETHUSDT",)), Request((), show=False)]
    finally:
        server.close()


def test_a_holder_that_does_not_answer_is_named_not_bypassed(
    tmp_path: Path, qapp: QApplication
) -> None:
    # This process holds the lock and cannot answer: its event loop waits on the claim.
    holder = claim(tmp_path, Request())
    assert holder is not None
    try:
        with pytest.raises(AlreadyRunning, match=r"already running .* did not answer"):
            claim(tmp_path, Request(("BTCUSDT",)))
    finally:
        holder.close()
    again = claim(tmp_path, Request())  # once given up, the folder is free
    assert again is not None
    again.close()
