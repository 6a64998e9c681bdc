"""The screenshot tool's parts that need no X server: the icon sheet and the scene list."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from desktop.qt.tray_icon import DEMO_COLOR, OFFLINE_COLOR
from desktop.tools.hidpi import hidpi_icon_sheet
from desktop.tools.scenes import SCENES, TRAY_SCENES, icon_sheet

pytestmark = pytest.mark.usefixtures("qapp")


def colours(image: QImage) -> set[int]:
    return {
        image.pixelColor(x, y).rgb() for x in range(image.width()) for y in range(image.height())
    }


def test_the_icon_sheet_shows_the_demo_and_offline_icons() -> None:
    seen = colours(icon_sheet())
    assert DEMO_COLOR.rgb() in seen and OFFLINE_COLOR.rgb() in seen


def test_only_the_strip_is_shot_without_a_tray() -> None:
    assert set(SCENES) - set(TRAY_SCENES) == {"strip"}


def test_the_hidpi_sheet_sets_sharp_2x_icons_beside_blown_up_1x_ones() -> None:
    sheet = hidpi_icon_sheet()
    seen = colours(sheet)
    assert DEMO_COLOR.rgb() in seen
    assert "hidpi" in SCENES and "hidpi" in TRAY_SCENES
