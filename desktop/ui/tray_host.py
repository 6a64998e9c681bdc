"""Where the tray ticker appears: an icon in the system tray, or the ``MiniStrip``.

The tray ticker decides what to show; this puts it there: icon, tooltip, strip content,
passing notifications and the attention blink, on whichever of the two exists.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.qt.ticker_text import NO_PINS_HINT, SymbolRow, tr
from desktop.ui.strip import MiniStrip

log = logging.getLogger(__name__)

#: An icon asking for attention alternates with a blank one at this pace.
BLINK_MS: Final = 500
NOTIFICATION_MS: Final = 8000


class TrayHost(QObject):
    """The system tray icon, or the strip where the desktop has no tray.

    Signals:
        touched(): the tray icon was activated in any way (the user is looking).
        clicked(): the tray icon was clicked (left button).
        middleClicked(): the tray icon was middle-clicked.
        doubleClicked(): the strip was double-clicked.
    """

    touched = Signal()
    clicked = Signal()
    middleClicked = Signal()
    doubleClicked = Signal()

    def __init__(self, menu: QMenu, icon: QIcon, *, use_system_tray: bool, parent: QObject) -> None:
        super().__init__(parent)
        self._icon = icon
        self._tray: QSystemTrayIcon | None = None
        self._strip: MiniStrip | None = None
        if use_system_tray:
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setContextMenu(menu)
            self._tray.activated.connect(self._on_activated)
        else:
            log.info("no system tray on this desktop; showing the mini ticker as a strip")
            self._strip = MiniStrip()
            self._strip.set_context_menu(menu)
            self._strip.doubleClicked.connect(self.doubleClicked)
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._blink_step)
        self._blink_dark = False

    def system_tray_icon(self) -> QSystemTrayIcon | None:
        return self._tray

    def strip(self) -> MiniStrip | None:
        return self._strip

    def show(self, strip_at: tuple[int, int] | None) -> None:
        """Put the icon in the tray, or the strip at ``strip_at`` or the top-right corner."""
        if self._tray is not None:
            self._tray.show()
        elif self._strip is not None and not self._strip.isVisible():
            if strip_at is None:
                self._strip.move_to_corner()
            else:
                self._strip.move_on_screen(*strip_at)
            self._strip.show()

    def close(self) -> None:
        """Take the icon out of the tray (no ghost icon on Windows); close the strip."""
        self._blink.stop()
        if self._tray is not None:
            self._tray.hide()
            self._tray.setContextMenu(None)  # type: ignore[arg-type]
        if self._strip is not None:
            self._strip.close()
            self._strip.deleteLater()
            self._strip = None

    # -- content -----------------------------------------------------------------------

    def set_icon(self, icon: QIcon) -> None:
        self._icon = icon
        if self._tray is not None and not self._blink_dark:
            self._tray.setIcon(icon)
        if self._strip is not None:
            self._strip.setWindowIcon(icon)

    def set_tooltip(self, text: str) -> None:
        if self._tray is not None:
            self._tray.setToolTip(text)
        if self._strip is not None:
            self._strip.setToolTip(text)

    def set_strip_content(
        self, rows: Sequence[SymbolRow], state_text: str, *, connected: bool, demo: bool
    ) -> None:
        if self._strip is not None:
            self._strip.set_content(
                rows, state_text, connected=connected, demo=demo, hint=tr(NO_PINS_HINT)
            )

    def notify(self, title: str, text: str) -> None:
        """A tray balloon/notification, or a banner on the strip."""
        if self._tray is not None:
            self._tray.showMessage(
                title, text, QSystemTrayIcon.MessageIcon.Information, NOTIFICATION_MS
            )
        elif self._strip is not None:
            self._strip.show_banner(title, text)

    # -- blinking ----------------------------------------------------------------------

    def set_blinking(self, on: bool) -> None:
        """Alternate the tray icon with a blank one (an alert fired), or stop."""
        self._blink_dark = False
        if on:
            self._blink.start()
        else:
            self._blink.stop()
            if self._tray is not None:
                self._tray.setIcon(self._icon)

    def is_blinking(self) -> bool:
        return self._blink.isActive()

    def _blink_step(self) -> None:
        self._blink_dark = not self._blink_dark
        if self._tray is not None:
            self._tray.setIcon(_blank_icon() if self._blink_dark else self._icon)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        self.touched.emit()
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.clicked.emit()
        elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
            self.middleClicked.emit()


def _blank_icon() -> QIcon:
    """The dark phase of a blink: a fully transparent icon of the usual size."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)
