"""The "Start at login" switch: a checkable action over the system's autostart entry.

The entry on disk (or in the registry) is the only truth: the check mark is read from
it when the action is made and on ``refresh()`` (connect it to the menu's
``aboutToShow``, so an entry removed by hand shows as off).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtGui import QAction

from desktop.settings.autostart import Autostart

log = logging.getLogger(__name__)


class StartAtLoginAction(QAction):
    """Checked while the system will start MiniTicker (minimized, in the tray) at login.

    Signals:
        failed(str): the entry could not be written or removed; the text is for people.
            The check mark has already gone back to what the system holds.
    """

    failed = Signal(str)

    def __init__(self, backend: Autostart, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self.setText(self.tr("Start at &login"))
        self.setCheckable(True)
        self.setToolTip(self.tr("Start MiniTicker in the tray when you log in"))
        self.setStatusTip(self.tr("Start MiniTicker in the tray when you log in"))
        self.refresh()
        self.toggled.connect(self._apply)

    def refresh(self) -> None:
        """Show what the system holds now (without writing anything)."""
        try:
            on = self._backend.is_enabled()
        except OSError as exc:
            log.warning("cannot read the start-at-login entry: %s", exc)
            on = False
        with QSignalBlocker(self):
            self.setChecked(on)

    def _apply(self, on: bool) -> None:
        try:
            if on:
                self._backend.enable()
            else:
                self._backend.disable()
        except OSError as exc:
            log.warning("start at login (%s): %s", self._backend.location(), exc)
            self.refresh()
            reason = exc.strerror or type(exc).__name__
            if on:
                text = self.tr("MiniTicker could not be set to start at login: {0} ({1}).")
            else:
                text = self.tr("MiniTicker could not stop starting at login: {0} ({1}).")
            self.failed.emit(text.format(reason, self._backend.location()))


def start_at_login_action(backend: Autostart, parent: QObject | None = None) -> StartAtLoginAction:
    """The action for a menu; connect ``failed`` to where messages are shown."""
    return StartAtLoginAction(backend, parent)
