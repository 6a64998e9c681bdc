"""The "Start at login" switch over a real autostart entry in a temporary XDG folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.settings.autostart import XdgAutostart
from desktop.ui.start_at_login import start_at_login_action

COMMAND = ["/usr/bin/miniticker", "--minimized"]


def test_the_switch_writes_and_removes_the_entry(tmp_path: Path, qtbot: QtBot) -> None:
    entry = tmp_path / "autostart" / "miniticker.desktop"
    menu = QMenu()
    qtbot.addWidget(menu)
    action = start_at_login_action(XdgAutostart(tmp_path, COMMAND), menu)
    menu.addAction(action)
    assert action.isCheckable()
    assert not action.isChecked()
    assert action.text().replace("&", "") == "Start at login"

    action.trigger()
    assert action.isChecked()
    assert "Exec=/usr/bin/miniticker --minimized" in entry.read_text(encoding="utf-8")

    action.trigger()
    assert not action.isChecked()
    assert not entry.exists()


def test_the_switch_shows_what_the_system_holds(tmp_path: Path, qtbot: QtBot) -> None:
    backend = XdgAutostart(tmp_path, COMMAND)
    backend.enable()  # left on by an earlier run
    action = start_at_login_action(backend)
    assert action.isChecked()
    backend.disable()  # removed by hand, or by the desktop's own settings
    action.refresh()
    assert not action.isChecked()
    assert backend.is_enabled() is False  # refreshing wrote nothing


def test_a_refused_write_is_told_and_the_switch_stays_off(tmp_path: Path, qtbot: QtBot) -> None:
    blocker = tmp_path / "autostart"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    action = start_at_login_action(XdgAutostart(tmp_path, COMMAND))

    with qtbot.waitSignal(action.failed) as told:
        action.trigger()

    assert not action.isChecked()
    assert "could not be set to start at login" in told.args[0]
    assert str(blocker / "miniticker.desktop") in told.args[0]
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"
