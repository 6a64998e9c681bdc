"""Light, dark or the system's scheme, and the colour convention, applied to the whole app.

Every surface reads its colours from the application palette and ``desktop.qt.colors``
at paint time, so applying a theme or a convention is: set it, then repaint what is on
screen.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop.qt.colors import set_convention
from desktop.settings.model import THEMES

log = logging.getLogger(__name__)

_SCHEMES: Final = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}

_Role = QPalette.ColorRole
#: A dark palette for platforms that cannot switch scheme themselves (X11 without a
#: desktop portal, offscreen): text on base ≥ 12:1, disabled text still ≥ 4.5:1.
_DARK: Final = (
    (_Role.Window, "#2b2b2b"),
    (_Role.WindowText, "#e6e6e6"),
    (_Role.Base, "#1e1e1e"),
    (_Role.AlternateBase, "#262626"),
    (_Role.Text, "#e6e6e6"),
    (_Role.Button, "#353535"),
    (_Role.ButtonText, "#e6e6e6"),
    (_Role.BrightText, "#ffffff"),
    (_Role.Highlight, "#2f65ca"),
    (_Role.HighlightedText, "#ffffff"),
    (_Role.ToolTipBase, "#353535"),
    (_Role.ToolTipText, "#e6e6e6"),
    (_Role.PlaceholderText, "#8a8a8a"),
    (_Role.Link, "#8ab4f8"),
    (_Role.LinkVisited, "#c58af9"),
    (_Role.Light, "#4a4a4a"),
    (_Role.Midlight, "#3f3f3f"),
    (_Role.Mid, "#3c3c3c"),
    (_Role.Dark, "#1a1a1a"),
    (_Role.Shadow, "#000000"),
)
_DARK_DISABLED: Final = "#8c8c8c"


def dark_palette() -> QPalette:
    """The palette used for Dark where the platform does not provide one."""
    palette = QPalette()
    for role, colour in _DARK:
        palette.setColor(role, QColor(colour))
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DARK_DISABLED))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def repaint_all() -> None:
    """Repaint every widget, so colours picked at paint time are picked again."""
    for widget in QApplication.allWidgets():
        # QWidget's own update(): on PySide6 < 6.9 the item views' update(index) hides it.
        QWidget.update(widget)


class Theme(QObject):
    """The app's light or dark look: forced by the user, or the system's, followed live.

    Where Qt can switch the platform's scheme (``QStyleHints.setColorScheme``: Windows,
    macOS, some Linux desktops) it does; where the palette does not follow, a dark
    palette (or the style's light one) is applied instead.

    Signals:
        applied(bool): a theme was applied; True if it is dark.
    """

    applied = Signal(bool)

    def __init__(
        self, app: QGuiApplication, theme: str = "system", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._theme = "system"
        self._busy = False
        self._replaced: QPalette | None = None  # the palette ours stands in for
        app.styleHints().colorSchemeChanged.connect(self.system_scheme_changed)
        self.set_theme(theme)

    def theme(self) -> str:
        return self._theme

    def set_theme(self, theme: str) -> None:
        """Apply ``theme`` ("system", "light" or "dark") at once."""
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        self._theme = theme
        self._apply(None)

    @Slot(Qt.ColorScheme)
    def system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark; followed while "system"."""
        if self._theme == "system" and not self._busy:
            self._apply(scheme)

    def _apply(self, reported: Qt.ColorScheme | None) -> None:
        hints = self._app.styleHints()
        wanted = _SCHEMES.get(self._theme, Qt.ColorScheme.Unknown)  # Unknown: the system's
        self._busy = True  # asking for a scheme may report a change synchronously
        try:
            hints.setColorScheme(wanted)
        finally:
            self._busy = False
        system = reported if reported is not None else hints.colorScheme()
        dark: bool | None = {"light": False, "dark": True}.get(self._theme)
        if dark is None and system != Qt.ColorScheme.Unknown:
            dark = system == Qt.ColorScheme.Dark
        # None: the desktop does not say, so the palette it (or the user) gave stands.
        if self._replaced is not None:  # undo our own palette first
            self._app.setPalette(self._replaced)
            self._replaced = None
        if dark is not None and is_dark(self._app.palette()) != dark:
            # The platform did not follow: paint it ourselves.
            self._replaced = QPalette(self._app.palette())
            style = QApplication.style() if isinstance(self._app, QApplication) else None
            light = style.standardPalette() if style is not None else QPalette()
            self._app.setPalette(dark_palette() if dark else light)
        dark = is_dark(self._app.palette())
        log.info("theme %s: %s", self._theme, "dark" if dark else "light")
        repaint_all()
        self.applied.emit(dark)


def apply_convention(name: str) -> None:
    """Paint every direction in convention ``name`` from now on, and repaint."""
    if set_convention(name):
        repaint_all()
