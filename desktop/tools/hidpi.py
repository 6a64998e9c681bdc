"""The tray icon at 200 %: drawn at device pixels beside the 1× icon blown up.

For the screenshot tool's ``hidpi`` scene (``tray-icons-hidpi.png``): what a 200 % tray
would show if the icon had only its 1× pixmap (Qt scales it up smoothly: soft edges),
next to the 2× pixmap the app hands it (edges one device pixel wide). Both enlarged
four times, so the pixels can be told apart. QtGui only: no app, no X server.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from desktop.qt.tray_icon import IconState, render_tray_icon

SIZES: Final = (22, 24, 32)
ZOOM: Final = 4
PANEL: Final = QColor("#2b2b2b")
_ROWS: Final = (
    ("live", Decimal("2.31"), IconState.LIVE, False),
    ("down", Decimal("-1.27"), IconState.LIVE, False),
    ("demo", Decimal("2.31"), IconState.LIVE, True),
)


def blank_sheet(width: int, height: int) -> tuple[QImage, QPainter]:
    """A dark sheet of ``width`` × ``height`` pixels and a painter on it, set for labels."""
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(PANEL)
    painter = QPainter(sheet)
    painter.setPen(QColor("#e6e8eb"))
    font = QFont()
    font.setPixelSize(14)
    painter.setFont(font)
    return sheet, painter


def hidpi_icon_sheet() -> QImage:
    """Per size: the 1× icon scaled to 200 % (left) and the 2× icon (right), enlarged."""
    gap, label_w, head = 16, 70, 28
    cells = [2 * size * ZOOM for size in SIZES]
    width = label_w + sum(2 * c + 3 * gap for c in cells)
    row_h = max(cells) + gap
    sheet, painter = blank_sheet(width, head + row_h * len(_ROWS))
    x = label_w
    for size, cell in zip(SIZES, cells, strict=True):
        painter.drawText(x, 18, f"{size} px: 1× scaled up")
        painter.drawText(x + cell + gap, 18, "2× (as drawn)")
        x += 2 * cell + 3 * gap
    for r, (name, change, state, demo) in enumerate(_ROWS):
        top = head + r * row_h
        painter.drawText(8, top + row_h // 2, name)
        x = label_w
        for size, cell in zip(SIZES, cells, strict=True):
            one = render_tray_icon(change, state, label="BTC", demo=demo, size_px=size)
            two = render_tray_icon(
                change, state, label="BTC", demo=demo, size_px=size, device_pixel_ratio=2.0
            )
            blown_up = one.scaled(two.size(), mode=Qt.TransformationMode.SmoothTransformation)
            for i, image in enumerate((blown_up, two)):
                big = image.scaled(cell, cell, mode=Qt.TransformationMode.FastTransformation)
                big.setDevicePixelRatio(1.0)
                painter.drawImage(x + i * (cell + gap), top, big)
            x += 2 * cell + 3 * gap
    painter.end()
    return sheet
