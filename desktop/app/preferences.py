"""Theme, colour convention and the Preferences dialog; a new language or exchange
rebuilds the windows with ``relaunch_options``."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.app.parts import Parts
from desktop.options import Options
from desktop.settings.autostart import autostart_here
from desktop.settings.model import Settings
from desktop.ui.preferences import Preferences, PreferencesDialog
from desktop.ui.theme import Theme, apply_convention


def _exchange_of(settings: Settings) -> tuple[str | None, str | None, bool]:
    return settings.ws_url, settings.rest_url, settings.testnet


def wire_preferences(parts: Parts, app: QApplication) -> None:
    """Theme and colour convention from the settings, and the Preferences dialog
    (Ctrl+, / the platform's Preferences key), whose changes apply at once and are saved.
    A new language or exchange rebuilds the windows (``run``)."""
    window, tray, saver = parts.window, parts.tray, parts.saver
    theme = Theme(app, parts.settings.theme, parent=window)
    theme.applied.connect(lambda _dark: tray.refresh())  # the strip's colours are HTML
    apply_convention(parts.settings.color_convention)
    window.model.set_flash_enabled(parts.settings.tick_flash)
    window.flash_action.setChecked(parts.settings.tick_flash)
    dialogs: list[PreferencesDialog] = []

    def current() -> Preferences:
        return Preferences.of(replace(parts.settings, rotation_interval=tray.rotation_interval()))

    def apply(prefs: Preferences) -> None:
        before = parts.settings
        parts.settings = prefs.into(before)
        # Every text is rebuilt in a new language, and a new exchange means a new client:
        # both make the windows anew (saved first, so nothing the user made is lost).
        rebuild = prefs.language != before.language or (
            _exchange_of(parts.settings) != _exchange_of(before)
            and not (parts.options.demo or parts.options.endpoints_explicit)
            and parts.options.replay is None
        )
        tray.set_rotation_interval(prefs.rotation_interval)
        window.model.set_flash_enabled(prefs.tick_flash)
        window.flash_action.setChecked(prefs.tick_flash)
        apply_convention(prefs.color_convention)
        if prefs.theme != theme.theme():
            theme.set_theme(prefs.theme)
        tray.refresh()
        saver.schedule()
        if rebuild:
            parts.rebuild = relaunch_options(parts)
            parts.quit_event.set()

    def flash_toggled(on: bool) -> None:  # the View menu's switch
        parts.settings = replace(parts.settings, tick_flash=on)
        saver.schedule()

    def show_preferences() -> None:
        if not dialogs:
            dialog = PreferencesDialog(
                current(),
                autostart=autostart_here(parts.options.config_dir),
                allow_insecure=parts.options.allow_insecure,
                parent=window,
            )
            dialog.changed.connect(apply)
            dialog.message.connect(lambda text: window.show_message(text, "error"))
            dialogs.append(dialog)
        dialogs[0].load(current())
        dialogs[0].open()
        dialogs[0].raise_()

    action = QAction(QCoreApplication.translate("Preferences", "Preferences…"), window)
    action.setObjectName("preferencesAction")
    action.setShortcuts(
        [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
    )
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(show_preferences)
    window.addAction(action)  # the shortcut works even with the menu bar hidden
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(action)  # on macOS Qt moves it to the application menu
    window.flash_action.triggered.connect(flash_toggled)
    parts.preferences_action = action


def relaunch_options(parts: Parts) -> Options:
    """The options a rebuild starts with: the window as it is now, Preferences open, and
    the exchange the settings now name (unless the command line named one)."""
    symbols = parts.options.symbols
    if symbols is not None:  # a --symbols run keeps what the user made of the list
        symbols = tuple(parts.watchlists.all_symbols())
    return replace(
        parts.options,
        symbols=symbols,
        minimized=not parts.window.isVisible(),
        record=None,  # a recording in progress ends with the old windows; none is overwritten
        open_preferences=True,
    )
