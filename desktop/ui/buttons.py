"""Dialog buttons as the desktop draws them."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialogButtonBox


def plain_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Standard buttons without Qt's built-in fallback pictures.

    With no icon theme (a bare X session, Xvfb, some tiling desktops) Qt draws its own
    old ✓/✗ pictures on OK, Cancel and Close; a themed desktop keeps its icons.
    """
    if not QIcon.hasThemeIcon("dialog-ok"):
        for button in box.buttons():
            button.setIcon(QIcon())
    return box
