"""Help menu: every shortcut in one dialog (read from the real actions), About, and a
diagnostics report on the clipboard."""

from __future__ import annotations

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.exchange.endpoints import make_endpoints
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.stream.status import ClientStatus, ConnState
from desktop.ui.help import plain, shortcuts_of
from desktop.ui.main_window import MainWindow
from desktop.ui.movers import MoversDock
from tests.qt.market_samples import sample_catalog

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)

ENDPOINTS = make_endpoints("wss://example.test/market", "https://example.test")


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def make_window(qtbot: QtBot, **kwargs: object) -> MainWindow:
    watchlist = Watchlist(["BTCUSDT", "ETHUSDT"], catalog=sample_catalog())
    book = QuoteBook()
    window = MainWindow(watchlist, book, endpoints=ENDPOINTS, **kwargs)  # type: ignore[arg-type]
    window.add_movers(MoversDock(book, watchlist, parent=window))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_keyboard_shortcuts_lists_every_action_shortcut(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F1)
    dialog = window.help.shortcuts_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.table
    rows = {(cell_text(table, r, 0), cell_text(table, r, 1)) for r in range(table.rowCount())}
    expected = {
        (plain(action.text()), sequence.toString(QKeySequence.SequenceFormat.NativeText))
        for action in window.findChildren(QAction)
        for sequence in action.shortcuts()
        if not sequence.isEmpty()
    }
    assert expected <= rows
    assert {
        ("Add symbols", "Ctrl+N"),
        ("Movers", "Ctrl+M"),
        ("Copy price", "Ctrl+Shift+C"),
        ("Keyboard shortcuts", "F1"),
        ("Clear the filter (in the filter box)", "Esc"),
    } <= rows
    # A shortcut added later shows up the next time the dialog opens.
    extra = QAction("Do something new", window)
    extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.addAction(extra)
    dialog.close()
    window.help.show_shortcuts()
    texts = [cell_text(dialog.table, r, 0) for r in range(dialog.table.rowCount())]
    assert "Do something new" in texts


def test_about_names_version_data_source_qt_pyside_python_and_licence(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    box = window.help.show_about()
    qtbot.waitUntil(box.isVisible)
    text = box.text()
    assert __version__ in text and qVersion() in text and pyside_version in text
    assert "Python" in text and "MIT" in text
    assert "wss://example.test/market" in text
    box.close()
    demo = make_window(qtbot, demo=True)
    assert "simulated" in demo.help.about_text()


def test_copy_diagnostics_has_versions_endpoints_state_and_recent_errors(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.book._on_status(  # what the stream client's status listener does
        ClientStatus(
            state=ConnState.RECONNECTING,
            attempt=2,
            last_error="connection refused",
            streams=1,
            messages_per_second=3.0,
        )
    )
    window.book.errorRaised.emit("Binance refused NOPEUSDT: invalid symbol.")
    QGuiApplication.clipboard().setText("before")
    window.help.diagnostics_action.trigger()
    text = QGuiApplication.clipboard().text()
    assert f"MiniTicker: {__version__}" in text
    assert f"Qt: {qVersion()}" in text and f"PySide6: {pyside_version}" in text
    assert "Python: " in text
    assert "wss://example.test/market" in text and "https://example.test" in text
    assert "Reconnecting" in text and "connection refused" in text
    assert "1 stream subscribed" in text
    assert "Binance refused NOPEUSDT: invalid symbol." in text
    assert window.statusBar().currentMessage() == "Diagnostics copied to the clipboard."


def test_the_shortcut_list_names_an_action_without_the_mnemonic_a_chinese_menu_adds(
    qtbot: QtBot,
) -> None:
    assert plain("添加交易对(&B)…") == "添加交易对"
    assert plain("Save &As…") == "Save As"
    root = QWidget()
    qtbot.addWidget(root)
    action = QAction("退出(&Q)", root)
    action.setShortcut(QKeySequence("Ctrl+Q"))
    root.addAction(action)
    assert shortcuts_of(root) == [("退出", "Ctrl+Q")]
