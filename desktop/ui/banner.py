"""A dismissable line of plain words above a window's content: problems without popups."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

_BANNER_STYLES: Final[dict[str, tuple[str, str, str]]] = {
    # level: (background, border, text) — fixed colours that read on light and dark themes
    "info": ("#e8f0fe", "#8ab4f8", "#174ea6"),
    "warning": ("#fef7e0", "#f9ab00", "#5f4100"),
    "error": ("#fce8e6", "#ea4335", "#8c1d18"),
}


class MessageBanner(QFrame):
    """A dismissable line of plain words above the table; never modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.level = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss the message"))  # not "✕"
        self.setAccessibleName(self.tr("Message"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_text(self, text: str, level: str) -> None:
        background, border, colour = _BANNER_STYLES.get(level, _BANNER_STYLES["info"])
        self.level = level
        self.setStyleSheet(
            f"#messageBanner {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} #messageBanner QLabel, #messageBanner QToolButton"
            f" {{ color: {colour}; background: transparent; border: none; }}"
        )
        self.label.setText(text)
        self.show()
        if QAccessible.isActive():  # read out as it appears, as a popup would be
            QAccessible.updateAccessibility(QAccessibleEvent(self.label, QAccessible.Event.Alert))

    def dismiss(self) -> None:
        self.label.clear()
        self.level = ""
        self.hide()
