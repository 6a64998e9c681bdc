"""A new language in Preferences applies at once: the app makes its windows anew in
that language, in the same process, with the watchlist and Preferences as they were."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import run
from desktop.options import Options
from desktop.simexchange.server import SimExchange
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences import PreferencesDialog
from tests.app.test_app import options_for
from tests.conftest import QtLoop, wait_for

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)


def shown_window(other_than: MainWindow | None = None) -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible() and widget is not other_than:
            return widget
    return None


async def quit_app(task: asyncio.Task[int]) -> None:
    """Quit as File ▸ Quit does, from whichever window is shown now; ``run`` returns 0."""
    window = shown_window()
    if window is not None and not task.done():
        window.quitRequested.emit()
    assert await task == 0


def file_menu_title(window: MainWindow) -> str:
    return window.menuBar().actions()[0].text()


def test_choosing_chinese_rebuilds_the_windows_in_chinese_and_keeps_the_watchlist(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"language": "en", "watchlist": ["ETHUSDT", "BTCUSDT"], "pins": []}),
        encoding="utf-8",
    )

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=3) as exchange:
            task = asyncio.create_task(run(options_for(exchange, tmp_path), qapp))
            try:
                await switch(tmp_path)
            finally:
                await quit_app(task)

    async def switch(tmp_path: Path) -> None:
        await wait_for(lambda: shown_window() is not None, what="the first window")
        first = shown_window()
        assert first is not None
        assert "File" in file_menu_title(first)
        preferences = next(a for a in first.actions() if a.objectName() == "preferencesAction")
        preferences.trigger()
        dialog = first.findChild(PreferencesDialog)
        assert dialog is not None
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))

        await wait_for(
            lambda: shown_window(other_than=first) is not None, timeout=20, what="new window"
        )
        second = shown_window(other_than=first)
        assert second is not None
        assert "文件" in file_menu_title(second)
        assert second.watchlist.symbols() == ["ETHUSDT", "BTCUSDT"]
        reopened = second.findChild(PreferencesDialog)
        assert reopened is not None and reopened.isVisible(), "Preferences stay open"
        saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
        assert saved["language"] == "zh_CN"

    qt_loop.run(scenario())


def test_a_new_exchange_in_preferences_reconnects_there_at_once(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with (
            SimExchange(cadence=0.1, seed=3) as first,
            SimExchange(cadence=0.1, seed=4) as second,
        ):
            (tmp_path / "settings.json").write_text(
                json.dumps(
                    {
                        "ws_url": first.endpoints.ws_base,
                        "rest_url": first.endpoints.rest_base,
                        "watchlist": ["BTCUSDT"],
                    }
                ),
                encoding="utf-8",
            )
            options = Options(config_dir=tmp_path)  # the exchange comes from the settings
            task = asyncio.create_task(run(options, qapp))
            try:
                await wait_for(lambda: bool(first.connections), what="a connection to the first")
                window = shown_window()
                assert window is not None
                action = next(a for a in window.actions() if a.objectName() == "preferencesAction")
                action.trigger()
                dialog = window.findChild(PreferencesDialog)
                assert dialog is not None
                dialog.custom_radio.setChecked(True)
                dialog.ws_edit.setText(second.endpoints.ws_base)
                dialog.rest_edit.setText(second.endpoints.rest_base)
                assert dialog.apply_exchange()
                await wait_for(
                    lambda: bool(second.connections), timeout=20, what="a connection to the second"
                )
                await wait_for(lambda: not first.connections, what="the first one let go")
                saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
                assert saved["ws_url"] == second.endpoints.ws_base
                assert saved["watchlist"] == ["BTCUSDT"]
            finally:
                await quit_app(task)

    qt_loop.run(scenario())
