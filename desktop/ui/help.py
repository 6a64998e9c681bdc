"""Help menu: every keyboard shortcut, About, and a diagnostics report for bug reports.

The shortcut list is read from the window's actual ``QAction``s and ``QShortcut``s each
time it opens, so it cannot go out of date. Dialogs open with ``open()``, never
``exec()``: no nested event loop.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.diagnostics import Diagnostics, versions

_MNEMONIC = re.compile(r"&(?!&)")
#: A mnemonic added after a text with no Latin letter, as Chinese menus do: "退出(&Q)".
_ADDED_MNEMONIC = re.compile(r"\(&[^&]\)")


def plain(text: str) -> str:
    """An action's text as words: no "&" mnemonic (nor an added "(&Q)"), no trailing "…"."""
    text = _ADDED_MNEMONIC.sub("", text)
    return _MNEMONIC.sub("", text).replace("&&", "&").rstrip("…").strip()


def shortcuts_of(root: QWidget) -> list[tuple[str, str]]:
    """(what it does, keys) for every action and shortcut under ``root``, in a stable order."""
    found: dict[tuple[str, str], None] = {}
    for action in root.findChildren(QAction):
        for sequence in action.shortcuts():
            keys = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            if keys and plain(action.text()):
                found[(plain(action.text()), keys)] = None
    for shortcut in root.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        what = shortcut.whatsThis() or shortcut.objectName()
        if keys and what:
            found[(what, keys)] = None
    return sorted(found, key=lambda pair: pair[0].casefold())


class ShortcutsDialog(QDialog):
    """A two-column list of every shortcut of ``root`` (filled when shown)."""

    def __init__(self, root: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.root = root
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setTabKeyNavigation(False)  # Tab leaves for Close; arrows move
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(420, 440)

    def refresh(self) -> list[tuple[str, str]]:
        rows = shortcuts_of(self.root)
        self.table.setRowCount(len(rows))
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        return rows

    def open(self) -> None:
        self.refresh()
        super().open()


class HelpMenu(QObject):
    """Adds Help ▸ Keyboard shortcuts, About MiniTicker and Copy diagnostics to ``window``.

    ``report`` returns the diagnostics text (the window adds the connection's words).
    """

    def __init__(
        self, window: QMainWindow, diagnostics: Diagnostics, report: Callable[[], str]
    ) -> None:
        super().__init__(window)
        self.window = window
        self.diagnostics = diagnostics
        self.report = report
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.about_box: QMessageBox | None = None
        menu = window.menuBar().addMenu(self.tr("&Help"))
        self.menu = menu
        self.shortcuts_action = menu.addAction(self.tr("Keyboard shortcuts"))
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        window.addAction(self.shortcuts_action)
        self.diagnostics_action = menu.addAction(self.tr("Copy diagnostics"))
        self.diagnostics_action.setStatusTip(
            self.tr("Copy versions, addresses, connection state and recent errors for a bug report")
        )
        self.diagnostics_action.triggered.connect(self.copy_diagnostics)
        menu.addSeparator()
        self.about_action = menu.addAction(self.tr("About MiniTicker"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def show_shortcuts(self) -> ShortcutsDialog:
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self.window, self.window)
        self.shortcuts_dialog.open()
        self.shortcuts_dialog.raise_()
        return self.shortcuts_dialog

    def about_text(self) -> str:
        v = versions()
        rows = [
            (self.tr("Version"), v["MiniTicker"]),
            (self.tr("Data source"), self.diagnostics.data_source()),
            ("Qt", v["Qt"]),
            ("PySide6", v["PySide6"]),
            ("Python", v["Python"]),
            (self.tr("Licence"), "MIT"),
        ]
        cells = "".join(
            f"<tr><td>{html.escape(k)}&nbsp;&nbsp;</td><td>{html.escape(val)}</td></tr>"
            for k, val in rows
        )
        intro = html.escape(self.tr("Live Binance USDⓈ-M futures prices in a window and the tray."))
        return f"<h3>MiniTicker</h3><p>{intro}</p><table>{cells}</table>"

    def show_about(self) -> QMessageBox:
        if self.about_box is None:
            box = QMessageBox(self.window)
            box.setObjectName("aboutBox")
            box.setWindowTitle(self.tr("About MiniTicker"))
            box.setTextFormat(Qt.TextFormat.RichText)
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            self.about_box = box
        self.about_box.setText(self.about_text())
        self.about_box.open()
        return self.about_box

    def copy_diagnostics(self) -> str:
        text = self.report()
        QGuiApplication.clipboard().setText(text)
        status_bar = self.window.statusBar()
        status_bar.showMessage(self.tr("Diagnostics copied to the clipboard."), 6000)
        return text
