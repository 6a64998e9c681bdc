"""The screenshot tool's parts that need no X server: the icon sheet and the scene list."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from desktop.qt.tray_icon import DEMO_COLOR, OFFLINE_COLOR
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
