"""Preferences in the whole app against the simulated exchange: Ctrl+, opens them, each
colour convention repaints the table, tray icon and strip, Dark darkens the window, and
the choices are saved."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication

from desktop.app import Parts
from desktop.qt.colors import CONVENTIONS, set_convention
from desktop.qt.tray_icon import shown_sign
from desktop.qt.watchlist_model import Column
from desktop.simexchange.server import SimExchange
from desktop.ui.preferences import PreferencesDialog
from tests.app.test_app import start
from tests.conftest import QtLoop, wait_for

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)


@pytest.fixture(autouse=True)
def default_look(qapp: QApplication) -> Iterator[None]:
    yield
    set_convention("green-up")
    qapp.setPalette(QPalette())
    qapp.styleHints().setColorScheme(Qt.ColorScheme.Unknown)


def table_follows(parts: Parts, name: str, *, dark: bool = False) -> bool:
    """Every row's 24h change % is drawn in the convention's up or down colour."""
    model, convention = parts.window.model, CONVENTIONS[name]
    up, down = (
        (convention.up_dark, convention.down_dark)
        if dark
        else (
            convention.up_light,
            convention.down_light,
        )
    )
    seen = 0
    for row in range(model.rowCount()):
        index = model.index(row, Column.CHANGE_PERCENT)
        text = str(index.data() or "")
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if brush is None or not text or text[0] not in "+-−":
            continue
        wanted = up if text[0] == "+" else down
        if brush.color() != wanted:
            return False
        seen += 1
    return seen > 0


def tray_follows(parts: Parts, name: str) -> bool:
    quote = parts.book.quote(parts.tray.shown_symbol())
    if quote is None:
        return False
    sign = shown_sign(quote.ticker.change_percent)
    convention = CONVENTIONS[name]
    wanted = convention.tile_up if sign > 0 else convention.tile_down if sign < 0 else None
    tile = parts.tray.icon().pixmap(QSize(16, 16), 1.0).toImage().pixelColor(2, 1)
    return wanted is not None and tile.rgb() == wanted.rgb()


def strip_follows(parts: Parts, name: str) -> bool:
    strip = parts.tray.strip()
    assert strip is not None
    convention = CONVENTIONS[name]
    html = strip.rows_html()
    return f"color:{convention.up_light.name()}" in html or (
        f"color:{convention.down_light.name()}" in html
    )


def test_each_convention_repaints_table_tray_and_strip_and_is_saved(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=11) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            action = parts.preferences_action
            assert action is not None
            assert QKeySequence("Ctrl+,") in action.shortcuts()
            assert action in parts.window.actions()
            action.trigger()
            dialog = parts.window.findChild(PreferencesDialog)
            assert dialog is not None and dialog.isVisible()
            await wait_for(
                lambda: table_follows(parts, "green-up") and tray_follows(parts, "green-up"),
                what="prices drawn green-up",
            )
            for name in ("red-up", "blue-orange", "green-up", "red-up"):
                dialog.convention_box.setCurrentIndex(dialog.convention_box.findData(name))
                # Repainted at once, not at the next tick: no waiting here.
                assert table_follows(parts, name), name
                assert tray_follows(parts, name), name
                assert strip_follows(parts, name), name

            dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
            assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
            table = parts.window.table
            await wait_for(
                lambda: table.palette().color(QPalette.ColorRole.Text).lightness() > 160,
                what="light text in the table",
            )
            assert table_follows(parts, "red-up", dark=True)  # lighter shades on dark
            dialog.rotation_box.setValue(7)
            assert parts.tray.rotation_interval() == 7
            dialog.flash_box.setChecked(False)
            assert not parts.window.flash_action.isChecked()
            dialog.done(0)
            parts.quit_event.set()
            await task
        saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
        assert saved["color_convention"] == "red-up" and saved["theme"] == "dark"
        assert saved["rotation_interval"] == 7 and saved["tick_flash"] is False

    qt_loop.run(scenario())


def test_saved_convention_and_theme_are_used_from_the_start(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    (tmp_path / "settings.json").write_text(
        json.dumps({"color_convention": "blue-orange", "theme": "dark"}), encoding="utf-8"
    )

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=12) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
            await wait_for(
                lambda: tray_follows(parts, "blue-orange"), what="a blue or orange tray tile"
            )
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())
