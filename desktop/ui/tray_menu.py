"""The tray ticker's context menu: demo line, connection state, pinned rows and commands.

Shared by the tray icon and the fallback strip (right-click). Plain ``QAction``s only:
desktops that export tray menus over D-Bus (KDE, GNOME's AppIndicator) drop widget
actions, so nothing here may be a ``QWidgetAction``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QMenu

from desktop.qt.ticker_text import DEMO_LINE, NO_PINS_HINT, SymbolRow, tr
from desktop.qt.tray_icon import DEMO_COLOR
from desktop.ui.mnemonics import NO_MNEMONIC, follow

log = logging.getLogger(__name__)

#: Side of the amber swatch next to the demo line, in logical pixels.
_SWATCH_PX: Final = 16


def _swatch(color_name: str) -> QIcon:
    pixmap = QPixmap(_SWATCH_PX, _SWATCH_PX)
    pixmap.fill(color_name)
    return QIcon(pixmap)


class TrayMenu(QObject):
    """The menu and its actions; the tray ticker fills in rows and state.

    Signals:
        symbolChosen(str): the user chose a pinned row ("" for the demo line): show the
            window at this symbol.
        toggleWindowRequested(): "Show window" / "Hide window".
        pauseToggled(bool): "Pause rotation" was checked or unchecked.
        alertRequested(str): "Alert on SYMBOL…" in the "New alert" submenu.
        quitRequested(): "Quit MiniTicker".
        opened(): the menu is about to show (the user is looking).
    """

    symbolChosen = Signal(str)
    toggleWindowRequested = Signal()
    pauseToggled = Signal(bool)
    alertRequested = Signal(str)
    quitRequested = Signal()
    opened = Signal()

    def __init__(self, *, demo: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pins: list[str] = []
        self._menu = QMenu()
        self._menu.setToolTipsVisible(True)
        self._menu.setAccessibleName(self.tr("MiniTicker tray menu"))
        # The demo line is an enabled, bold entry with an amber swatch: a disabled one is
        # drawn greyed out, the one thing a warning must not look like.
        self._demo_action: QAction | None = None
        if demo:
            self._demo_action = self._menu.addAction(_swatch(DEMO_COLOR.name()), tr(DEMO_LINE))
            font = self._demo_action.font()
            font.setBold(True)
            self._demo_action.setFont(font)
            self._demo_action.setToolTip(
                self.tr("Prices come from a simulated exchange, not from Binance")
            )
            self._demo_action.triggered.connect(lambda: self.symbolChosen.emit(""))
        self._status_action = self._menu.addAction("")
        self._status_action.setEnabled(False)  # information, not a command
        self._symbol_actions: list[QAction] = []
        self._symbols_end = self._menu.addSeparator()
        self._window_action = self._menu.addAction(self.tr("Show/Hide window"))
        self._window_action.triggered.connect(self.toggleWindowRequested)
        self._pause_action = self._menu.addAction(self.tr("Pause rotation"))
        self._pause_action.setCheckable(True)
        self._pause_action.toggled.connect(self.pauseToggled)
        self._alert_menu = self._menu.addMenu(self.tr("New alert"))
        self._alert_menu.aboutToShow.connect(self._fill_alert_menu)
        self._menu.aboutToShow.connect(self.opened)
        self._menu.addSeparator()
        self._quit_action = self._menu.addAction(self.tr("Quit MiniTicker"))
        self._quit_action.triggered.connect(self.quitRequested)
        self.set_pins([])
        follow(self._menu)  # mnemonics for keyboard users, given as the menu opens

    def menu(self) -> QMenu:
        return self._menu

    def demo_action(self) -> QAction | None:
        """The demo line, None outside demo mode."""
        return self._demo_action

    def close(self) -> None:
        self._menu.deleteLater()

    # -- state -------------------------------------------------------------------------

    def is_paused(self) -> bool:
        return self._pause_action.isChecked()

    def set_paused(self, paused: bool) -> None:
        """Check or uncheck "Pause rotation"; ``pauseToggled`` fires if it changed."""
        self._pause_action.setChecked(paused)

    def set_window_visible(self, visible: bool) -> None:
        """Name the window entry after what it will do."""
        self._window_action.setText(self.tr("Hide window") if visible else self.tr("Show window"))

    # -- rows --------------------------------------------------------------------------

    def set_pins(self, pins: Sequence[str]) -> None:
        """One entry per pinned symbol (texts come with ``update``), or the how-to hint."""
        self._pins = list(pins)
        for action in self._symbol_actions:
            self._menu.removeAction(action)
            action.deleteLater()
        self._symbol_actions = []
        if not self._pins:
            hint = QAction(tr(NO_PINS_HINT), self._menu)
            hint.setEnabled(False)
            self._menu.insertAction(self._symbols_end, hint)
            self._symbol_actions.append(hint)
            return
        for symbol in self._pins:
            action = QAction(symbol, self._menu)
            action.setProperty(NO_MNEMONIC, True)  # its text follows the price, menu open or not
            action.setToolTip(self.tr("Open {symbol} in the main window").format(symbol=symbol))
            action.triggered.connect(lambda _checked=False, s=symbol: self.symbolChosen.emit(s))
            self._menu.insertAction(self._symbols_end, action)
            self._symbol_actions.append(action)

    def update(self, state_text: str, rows: Sequence[SymbolRow], shown: int) -> None:
        """Set the state line and the pinned rows; the one at ``shown`` (on the icon) is
        bold when there is more than one. Texts are set only when they differ."""
        if self._status_action.text() != state_text:
            self._status_action.setText(state_text)
        if not self._pins:
            return
        for index, (action, row) in enumerate(zip(self._symbol_actions, rows, strict=True)):
            text = row.line()
            if action.text() != text:
                action.setText(text)
            bold = index == shown and len(self._pins) > 1
            if action.font().bold() != bold:
                font = action.font()
                font.setBold(bold)
                action.setFont(font)

    def _fill_alert_menu(self) -> None:
        """One "Alert on SYMBOL…" per pinned symbol, built when the submenu opens."""
        self._alert_menu.clear()
        for symbol in self._pins:
            action = self._alert_menu.addAction(self.tr("Alert on {symbol}…").format(symbol=symbol))
            action.triggered.connect(lambda _checked=False, s=symbol: self.alertRequested.emit(s))
        if not self._pins:
            self._alert_menu.addAction(tr(NO_PINS_HINT)).setEnabled(False)
