"""Wiring between the window, the tray and the models: showing and hiding, quitting,
the File menu (import/export, start at login, recording) and later starts' requests."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QLabel

from desktop.app.parts import TRAY_NOTICE, Parts
from desktop.qt.single_instance import InstanceServer, Request
from desktop.settings.autostart import autostart_here
from desktop.stream.replay import ReplaySource
from desktop.ui.recording_menu import RecordingMenu
from desktop.ui.start_at_login import start_at_login_action
from desktop.ui.watchlist_transfer import WatchlistTransfer

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def wire_file_menu(parts: Parts) -> None:
    """File ▸ Import, Export, Copy rows and Start at login, above Quit."""
    window = parts.window
    transfer = WatchlistTransfer(
        window,
        parts.watchlists,
        parts.book,
        source="demo" if parts.options.demo else "live",
        selected_symbols=window.selected_symbols,
    )
    transfer.message.connect(lambda text: window.show_message(text, "info"))
    login = start_at_login_action(autostart_here(parts.options.config_dir), window)
    login.failed.connect(lambda text: window.show_message(text, "error"))
    menu, quit_action = window.file_menu, window.quit_action
    menu.insertSeparator(quit_action)
    menu.insertActions(quit_action, transfer.actions())
    menu.insertSeparator(quit_action)
    menu.insertAction(quit_action, login)
    menu.insertSeparator(quit_action)
    menu.aboutToShow.connect(login.refresh)


def wire_recording(parts: Parts) -> None:
    """File ▸ Record… / Stop recording, and ``--record``; in a replay, REPLAY labels."""
    window, client = parts.window, parts.client
    if isinstance(client, ReplaySource):
        window.setWindowTitle(translate("app", "MiniTicker — REPLAY of a recording (not live)"))
        parts.movers.setWindowTitle(translate("app", "Movers — REPLAY of a recording (not live)"))
        badge = QLabel(translate("app", "REPLAY — recorded prices"), window.status_bar)
        badge.setObjectName("replayBadge")
        badge.setToolTip(str(client.path))
        badge.setStyleSheet(
            "#replayBadge { background: #b3261e; color: white; font-weight: bold;"
            " padding: 1px 6px; border-radius: 3px; }"
        )
        window.status_bar.addPermanentWidget(badge)
        return
    recording = RecordingMenu(
        client,
        window,
        endpoints=parts.endpoints.ws_base,
        symbols=parts.watchlists.all_symbols,
    )
    recording.message.connect(window.show_message)
    menu, quit_action = window.file_menu, window.quit_action
    menu.insertActions(quit_action, recording.actions())
    menu.insertSeparator(quit_action)
    parts.recording = recording
    if parts.options.record is not None:
        recording.start(parts.options.record)


def wire(parts: Parts, app: QApplication) -> None:
    window, tray, watchlists, saver = parts.window, parts.tray, parts.watchlists, parts.saver
    # Every list's symbols, once each: a symbol on two lists is one subscription.
    watchlists.symbolsChanged.connect(parts.client.set_symbols)
    watchlists.symbolsChanged.connect(parts.history.set_symbols)
    watchlists.changed.connect(saver.schedule)
    # The whole market streams only while the movers are on screen.
    parts.movers.panel.activeChanged.connect(parts.client.set_all_market)
    parts.movers.panel.symbolAdded.connect(
        lambda symbol: window.show_message(
            translate("app", "Added %1 to “%2”.")
            .replace("%1", symbol)
            .replace("%2", watchlists.name(watchlists.current_index())),
            "info",
        )
    )
    saver.saveFailed.connect(lambda text: window.show_message(text, "error"))

    def show_window(symbol: str = "") -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if symbol:
            window.select_symbol(symbol)
        tray.set_window_visible(True)

    def toggle_window() -> None:
        if window.isVisible() and not window.isMinimized():
            window.hide()
            tray.set_window_visible(False)
        else:
            show_window()

    def hidden_to_tray() -> None:
        tray.set_window_visible(False)
        if not parts.settings.tray_notice_shown:
            parts.settings = replace(parts.settings, tray_notice_shown=True)
            tray.notify("MiniTicker", translate("app", TRAY_NOTICE))
            saver.schedule()

    # With a tray, closing the window only hides it. Without one the strip is a companion
    # of the window, not a place to live in: closing the window quits.
    window.hide_on_close = tray.uses_system_tray()
    window.hiddenToTray.connect(hidden_to_tray)
    window.closeRequested.connect(parts.quit_event.set)
    window.quitRequested.connect(parts.quit_event.set)
    tray.quitRequested.connect(parts.quit_event.set)
    tray.showWindowRequested.connect(show_window)
    tray.toggleWindowRequested.connect(toggle_window)
    # The desktop session may end the application under us: save synchronously then.
    app.aboutToQuit.connect(saver.flush)


def answer_later_starts(parts: Parts, instance: InstanceServer) -> None:
    """A second ``miniticker`` on this settings folder: add its ``--symbols`` to the list
    shown, and bring the window to the front unless it was started ``--minimized``."""

    def requested(request: Request) -> None:
        added, problems = parts.watchlist.add(request.symbols)
        if added:
            log.info("added %s at another start's request", ", ".join(added))
        for text in problems:
            parts.window.show_message(text, "warning")
        if request.show:
            parts.window.showNormal()
            parts.window.raise_()
            parts.window.activateWindow()
            parts.tray.set_window_visible(True)

    instance.set_handler(requested)
