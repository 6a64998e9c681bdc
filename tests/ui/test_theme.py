"""Theme (light, dark, the system's, followed live) and colour conventions, on real
widgets offscreen: the palette, the table's text, flashes, the tray tile."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from desktop.qt.colors import CONVENTIONS, Colors, current_convention, set_convention, swatch_for
from desktop.qt.ticker_text import SymbolRow
from desktop.qt.tray_icon import render_tray_icon
from desktop.ui.strip import MiniStrip
from desktop.ui.theme import Theme, apply_convention, dark_palette


@pytest.fixture(autouse=True)
def default_look(qapp: QApplication) -> Iterator[None]:
    """Every test leaves the app green-up and in the platform's own palette."""
    yield
    set_convention("green-up")
    qapp.setPalette(QPalette())
    qapp.styleHints().setColorScheme(Qt.ColorScheme.Unknown)


def tile(convention: str, change: str) -> QColor:
    set_convention(convention)
    return render_tray_icon(Decimal(change), size_px=16).pixelColor(2, 1)


def test_the_tray_tile_follows_the_colour_convention(qapp: QApplication) -> None:
    up_green, down_green = tile("green-up", "2.3"), tile("green-up", "-2.3")
    assert up_green.green() > up_green.red() and down_green.red() > down_green.green()
    up_red, down_red = tile("red-up", "2.3"), tile("red-up", "-2.3")
    assert up_red.red() > up_red.green() and down_red.green() > down_red.red()
    up_blue, down_orange = tile("blue-orange", "2.3"), tile("blue-orange", "-2.3")
    assert up_blue.blue() > up_blue.red() and down_orange.red() > down_orange.blue()


def test_table_text_and_tick_flash_follow_the_colour_convention(qapp: QApplication) -> None:
    colors = Colors()
    green_up = colors.swatch()
    assert green_up.up.color().green() > green_up.up.color().red()
    set_convention("blue-orange")
    blue_up = colors.swatch()
    assert blue_up is not green_up  # a new swatch: cached drawings know to redraw
    assert blue_up.up.color().blue() > blue_up.up.color().red()
    assert blue_up.down.color().red() > blue_up.down.color().blue()
    flash = colors.flash(1, 1.0)
    assert flash is not None and flash.color().blue() > flash.color().red()
    set_convention("red-up")
    flash = colors.flash(1, 1.0)
    assert flash is not None and flash.color().red() > flash.color().green()
    assert colors.swatch().up.color() == CONVENTIONS["red-up"].up_light


def test_applying_a_convention_repaints_and_an_unknown_one_is_refused(
    qapp: QApplication,
) -> None:
    apply_convention("red-up")
    assert current_convention().name == "red-up"
    with pytest.raises(KeyError):
        apply_convention("purple-up")
    assert current_convention().name == "red-up"


def test_dark_theme_gives_a_dark_palette_and_light_readable_table_text(
    qapp: QApplication, qtbot: QtBot
) -> None:
    theme = Theme(qapp, "dark")
    table = QTableView()
    qtbot.addWidget(table)
    table.show()
    palette = qapp.palette()
    assert palette.color(QPalette.ColorRole.Window).lightness() < 128
    # Qt hands the application palette to widgets through posted events.
    qtbot.waitUntil(lambda: table.palette().color(QPalette.ColorRole.Text).lightness() > 160)
    assert table.palette().color(QPalette.ColorRole.Base).lightness() < 64
    # Up and down text take their lighter, dark-background shades.
    assert swatch_for(palette).up.color() == CONVENTIONS["green-up"].up_dark
    theme.set_theme("light")
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 128
    qtbot.waitUntil(lambda: table.palette().color(QPalette.ColorRole.Text).lightness() < 96)
    theme.deleteLater()


def test_the_system_theme_follows_the_desktop_switching_live(qapp: QApplication) -> None:
    theme = Theme(qapp, "system")
    seen: list[bool] = []
    theme.applied.connect(seen.append)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 128  # offscreen: light
    theme.system_scheme_changed(Qt.ColorScheme.Dark)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
    theme.system_scheme_changed(Qt.ColorScheme.Light)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 128
    assert seen == [True, False]
    theme.set_theme("light")  # forced: the desktop's switch no longer counts
    theme.system_scheme_changed(Qt.ColorScheme.Dark)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 128
    theme.deleteLater()


def test_the_system_theme_listens_to_the_style_hints_signal(qapp: QApplication) -> None:
    theme = Theme(qapp, "system")
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 128
    theme.deleteLater()


def test_the_system_theme_keeps_a_palette_the_desktop_gave_when_it_says_no_scheme(
    qapp: QApplication,
) -> None:
    qapp.setPalette(dark_palette())  # as a desktop theme (or the screenshot tool) sets it
    theme = Theme(qapp, "system")  # offscreen reports no scheme: nothing to override
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
    theme.set_theme("light")
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 128
    theme.set_theme("system")  # the desktop's own palette comes back
    assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 128
    theme.deleteLater()


def test_the_strip_background_follows_a_live_theme_switch(qapp: QApplication, qtbot: QtBot) -> None:
    strip = MiniStrip()
    qtbot.addWidget(strip)
    strip.set_content(
        [SymbolRow("BTCUSDT", "104,000.1", "+2.1 %", 1, False, "")],
        "Live",
        connected=True,
        demo=False,
    )
    strip.show()

    def background() -> int:
        image = strip.grab().toImage()
        return image.pixelColor(3, image.height() // 2).lightness()

    assert background() > 128
    theme = Theme(qapp, "dark")
    qtbot.waitUntil(lambda: background() < 128)
    theme.set_theme("light")
    qtbot.waitUntil(lambda: background() > 128)
    theme.deleteLater()
