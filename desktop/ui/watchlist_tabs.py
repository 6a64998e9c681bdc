"""Tabs above the watchlist table, one per named watchlist.

"+" adds a list (and starts naming it), a double-click renames one in place, the context
menu renames or deletes (asking first when the list is not empty), dragging reorders.
Every change goes straight to ``Watchlists``; the tabs only mirror it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabBar,
    QToolButton,
    QWidget,
)

from desktop.qt.watchlists import MAX_LISTS, MAX_NAME_LENGTH, Watchlists
from desktop.ui.mnemonics import give_mnemonics

log = logging.getLogger(__name__)


def label(name: str) -> str:
    """A list name as tab text: "&" shown as itself, not as a keyboard mnemonic."""
    return name.replace("&", "&&")


class NameTabBar(QTabBar):
    """A tab bar whose tab being renamed is as wide as its name editor, which sits
    exactly over it: the editor never covers a neighbouring tab.

    Signals:
        layoutChanged(): the tabs were laid out again (moved, resized, scrolled).
    """

    layoutChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing = -1
        self.editing_width = 0

    def set_editing(self, index: int, width: int = 0) -> None:
        self.editing, self.editing_width = index, width
        if 0 <= index < self.count():
            self.setTabText(index, self.tabText(index))  # lays the tabs out again

    def tabSizeHint(self, index: int) -> QSize:
        size = super().tabSizeHint(index)
        if index == self.editing:
            size.setWidth(max(size.width(), self.editing_width))
        return size

    def tabLayoutChange(self) -> None:
        super().tabLayoutChange()
        self.layoutChanged.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # a new tab widens the bar after it is laid out
        self.layoutChanged.emit()


class WatchlistTabs(QWidget):
    """A tab bar mirroring ``Watchlists`` plus a "+" button.

    Signals: none of its own; changes go to ``Watchlists``, whose signals the tabs follow.
    """

    def __init__(self, watchlists: Watchlists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchlistTabs")
        self.watchlists = watchlists
        self._syncing = False
        self._editor: QLineEdit | None = None
        self._editing = -1

        self.bar = NameTabBar(self)
        self.bar.setObjectName("watchlistTabBar")
        self.bar.setMovable(True)
        self.bar.setExpanding(False)
        self.bar.setDocumentMode(True)
        self.bar.setDrawBase(False)  # Fusion drew the base as an empty tab-shaped box
        self.bar.setUsesScrollButtons(True)
        self.bar.setElideMode(Qt.TextElideMode.ElideRight)
        self.bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.add_button = QToolButton(self)
        self.add_button.setObjectName("addWatchlistButton")
        self.add_button.setText("+")
        self.add_button.setAutoRaise(True)
        self.add_button.setToolTip(self.tr("New watchlist"))
        self.add_button.setAccessibleName(self.tr("New watchlist"))  # its text is "+"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.bar)
        layout.addWidget(self.add_button)
        layout.addStretch(1)

        self._rebuild()
        self.bar.currentChanged.connect(self._on_tab_selected)
        self.bar.tabMoved.connect(self._on_tab_moved)
        self.bar.tabBarDoubleClicked.connect(self.start_rename)
        self.bar.layoutChanged.connect(self._place_editor)
        self.bar.customContextMenuRequested.connect(self._tab_menu)
        self.add_button.clicked.connect(self.add_list)
        watchlists.listsChanged.connect(self._rebuild)
        watchlists.currentChanged.connect(self._on_current_changed)
        watchlists.changed.connect(self._update_tooltips)

    # -- mirroring ---------------------------------------------------------------------

    def _rebuild(self) -> None:
        names = [label(n) for n in self.watchlists.names()]
        self._syncing = True
        try:
            if [self.bar.tabText(i) for i in range(self.bar.count())] != names:
                while self.bar.count() > len(names):
                    self.bar.removeTab(self.bar.count() - 1)
                for i, name in enumerate(names):
                    if i < self.bar.count():
                        self.bar.setTabText(i, name)
                    else:
                        self.bar.addTab(name)
            self.bar.setCurrentIndex(self.watchlists.current_index())
        finally:
            self._syncing = False
        self._update_tooltips()

    def _update_tooltips(self) -> None:
        self.add_button.setEnabled(self.watchlists.count() < MAX_LISTS)
        for i in range(min(self.bar.count(), self.watchlists.count())):
            count = len(self.watchlists.symbols_of(i))
            tip = (
                self.tr("1 symbol — double-click to rename")
                if count == 1
                else self.tr("%1 symbols — double-click to rename").replace("%1", str(count))
            )
            if self.bar.tabToolTip(i) != tip:
                self.bar.setTabToolTip(i, tip)

    def _on_current_changed(self, index: int) -> None:
        if self.bar.currentIndex() != index:
            self._syncing = True
            try:
                self.bar.setCurrentIndex(index)
            finally:
                self._syncing = False

    def _on_tab_selected(self, index: int) -> None:
        if not self._syncing and index >= 0:
            self.watchlists.set_current(index)

    def _on_tab_moved(self, source: int, destination: int) -> None:
        if self._syncing:
            return
        self._syncing = True  # the bar already shows the new order; no rebuild mid-drag
        try:
            self.watchlists.move_list(source, destination)
        finally:
            self._syncing = False

    # -- actions -----------------------------------------------------------------------

    def add_list(self) -> int:
        """A new, empty list, shown at once, with its name ready to type over."""
        index = self.watchlists.add_list()
        if index < 0:
            return index
        self.watchlists.set_current(index)
        self.start_rename(index)
        return index

    def start_rename(self, index: int) -> QLineEdit | None:
        """Edit tab ``index``'s name in place: Enter keeps it, Escape cancels."""
        if not 0 <= index < self.bar.count():
            return None
        self._close_editor()
        editor = QLineEdit(self.bar)
        editor.setObjectName("watchlistNameEditor")
        editor.setMaxLength(MAX_NAME_LENGTH)
        editor.setText(self.watchlists.name(index))
        editor.selectAll()
        self._editor = editor
        self._editing = index
        # The tab grows to the editor's width; the editor then covers just its tab.
        width = max(self.bar.tabRect(index).width(), editor.sizeHint().width())
        self.bar.set_editing(index, width)
        self._place_editor()
        cancel = QAction(self.tr("Cancel"), editor)
        cancel.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        cancel.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        cancel.triggered.connect(self._close_editor)
        editor.addAction(cancel)
        editor.editingFinished.connect(self._commit_rename)
        editor.show()
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def _place_editor(self) -> None:
        if self._editor is not None and 0 <= self._editing < self.bar.count():
            self._editor.setGeometry(self.bar.tabRect(self._editing))

    def _commit_rename(self) -> None:
        editor, index = self._editor, self._editing
        if editor is None:
            return
        text = editor.text()
        self._close_editor()
        self.watchlists.rename(index, text)  # a blank name keeps the old one

    def _close_editor(self) -> None:
        editor = self._editor
        self._editor = None
        self._editing = -1
        self.bar.set_editing(-1)
        if editor is not None:
            editor.hide()  # its focus-out "editingFinished" finds no editor: nothing happens
            editor.deleteLater()

    def request_delete(self, index: int) -> QMessageBox | None:
        """Delete list ``index``: at once when empty, else after a confirmation (returned,
        open and window-modal; never ``exec()``). None when deleted or not allowed."""
        if self.watchlists.count() < 2 or not 0 <= index < self.watchlists.count():
            return None
        name = self.watchlists.name(index)
        count = len(self.watchlists.symbols_of(index))
        if count == 0:
            self.watchlists.remove_list(index)
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete watchlist"),
            (
                self.tr("Delete the watchlist “%1” and its 1 symbol?")
                if count == 1
                else self.tr("Delete the watchlist “%1” and its %2 symbols?")
            )
            .replace("%1", name)
            .replace("%2", str(count)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("deleteWatchlistBox")
        box.setInformativeText(self.tr("Symbols that are also on other watchlists stay there."))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(_result: int) -> None:
            confirmed = box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes
            # The lists may have changed while the box was open: delete only the same one.
            if (
                confirmed
                and index < self.watchlists.count()
                and self.watchlists.name(index) == name
            ):
                self.watchlists.remove_list(index)

        box.finished.connect(done)
        box.open()
        return box

    def _tab_menu(self, position: QPoint) -> None:
        index = self.bar.tabAt(position)
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if index >= 0:
            rename = menu.addAction(self.tr("Rename…"))
            rename.triggered.connect(lambda: self.start_rename(index))
            delete = menu.addAction(self.tr("Delete…"))
            delete.setEnabled(self.watchlists.count() > 1)
            delete.triggered.connect(lambda: self.request_delete(index))
            menu.addSeparator()
        new = menu.addAction(self.tr("New watchlist"))
        new.triggered.connect(self.add_list)
        give_mnemonics(menu.actions())
        menu.popup(self.bar.mapToGlobal(position))
