"""The watchlist window's actions, what they do to the selection, and the menus, toolbar
and context menus that show them.

Every action is added to the window too, so its shortcut works with the menu bar hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QWidget

from desktop.qt.watchlist_model import Column, Role
from desktop.ui.help import plain
from desktop.ui.mnemonics import give_mnemonics

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def set_text(action: QAction, text: str) -> None:
    """``text`` on ``action``, and the same words without a mnemonic on its toolbar button.

    Qt's own button text only drops the "&": the "(&B)" a menu adds to a Chinese text
    (``mnemonics``) would show on the toolbar as "添加交易对(B)".
    """
    action.setText(text)
    action.setIconText(plain(text))


class WindowActions(QObject):
    """The window's QActions (``add``, ``remove``, ``pin``, …) and where they appear."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.add = self._action(
            self.tr("Add symbols…"),
            w._request_add,
            QKeySequence.StandardKey.New,
            self.tr("Add symbols"),
        )
        self.remove = self._action(
            self.tr("Remove"),
            self.remove_selected,
            QKeySequence.StandardKey.Delete,
            self.tr("Remove the selected symbols"),
        )
        self.pin = self._action(
            self.tr("Pin to tray"),
            self.toggle_pin_selected,
            "Ctrl+P",
            self.tr("Show the selected symbols in the tray"),
        )
        self.copy_symbol = self._action(
            self.tr("Copy symbol"),
            self.copy_symbols,
            QKeySequence.StandardKey.Copy,
            self.tr("Copy the selected symbols"),
        )
        self.copy_price = self._action(
            self.tr("Copy price"),
            self.copy_prices,
            "Ctrl+Shift+C",
            self.tr("Copy the last price, exactly as the exchange sent it"),
        )
        self.find = self._action(
            self.tr("Filter…"),
            w.focus_filter,
            QKeySequence.StandardKey.Find,
            self.tr("Filter the symbols"),
        )
        self.manual_order = self._action(
            self.tr("Manual order"),
            w.clear_sort,
            None,
            self.tr("Back to your own order (drag rows to change it)"),
        )
        self.flash = self._action(self.tr("Flash price ticks"), w.model.set_flash_enabled)
        self.flash.setCheckable(True)
        self.flash.setChecked(True)
        self.alert = self._action(
            self.tr("Alert…"),
            self.request_alert,
            "Ctrl+L",
            self.tr("New price alert for the selected symbol"),
        )
        self.alerts = self._action(
            self.tr("Alerts…"),
            w.alertsRequested.emit,
            "Ctrl+Shift+L",
            self.tr("List and edit every alert"),
        )
        self.quit = self._action(
            self.tr("Quit"), w.quitRequested.emit, QKeySequence.StandardKey.Quit
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.needs_selection = (
            self.remove,
            self.pin,
            self.copy_symbol,
            self.copy_price,
            self.alert,
        )

    def _action(
        self, text: str, slot: Callable[..., object], shortcut: Shortcut = None, tip: str = ""
    ) -> QAction:
        action = QAction(self.window)
        set_text(action, text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.triggered.connect(slot)
        self.window.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def update(self, symbols: list[str], all_pinned: bool) -> None:
        """Enable what the selection (``symbols``) allows; "Unpin" when all are pinned."""
        for action in self.needs_selection:
            action.setEnabled(bool(symbols))
        set_text(self.pin, self.tr("Unpin from tray") if all_pinned else self.tr("Pin to tray"))

    # -- what they do to the selection ----------------------------------------------------

    def request_alert(self) -> None:
        symbols = self.window.selected_symbols()
        if symbols:
            self.window.alertRequested.emit(symbols[0])

    def remove_selected(self) -> None:
        symbols = self.window.selected_symbols()
        if symbols:
            self.window.watchlist.remove(symbols)

    def toggle_pin_selected(self) -> None:
        """Pin every selected symbol, or unpin them all if all are pinned already."""
        symbols = self.window.selected_symbols()
        if not symbols:
            return
        pin = not all(self.window.watchlist.is_pinned(s) for s in symbols)
        for symbol in symbols:
            self.window.watchlist.set_pinned(symbol, pin)

    def copy_symbols(self) -> None:
        symbols = self.window.selected_symbols()
        if symbols:
            QGuiApplication.clipboard().setText("\n".join(symbols))

    def copy_prices(self) -> None:
        """Copy the last price of the selected rows, the exchange's exact digits."""
        prices: list[str] = []
        for symbol in self.window.selected_symbols():
            model = self.window.model
            index = model.index(model.row_of(symbol), Column.LAST)
            exact = index.data(Role.ExactRole)
            if isinstance(exact, str):
                prices.append(exact)
        if prices:
            QGuiApplication.clipboard().setText("\n".join(prices))
        elif self.window.selected_symbols():
            self.window.show_message(self.tr("No price yet for the selected symbol."), "info")

    # -- where they appear -------------------------------------------------------------

    def fill_menu_bar(self) -> None:
        """File, Edit, View (with Columns) and Alerts; the Help menu comes from ``help``."""
        w, menus = self.window, self.window.menuBar()
        file_menu = w.file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(self.add)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = w.edit_menu = menus.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.copy_symbol, self.copy_price])
        edit_menu.addSeparator()
        edit_menu.addActions([self.remove, self.pin])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        w.view_menu = menus.addMenu(self.tr("&View"))
        w.view_menu.addAction(self.manual_order)
        w.view_menu.addAction(self.flash)
        w.columns_menu = w.view_menu.addMenu(self.tr("Columns"))
        w.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        w.alerts_menu = menus.addMenu(self.tr("&Alerts"))
        w.alerts_menu.addActions([self.alert, self.alerts])

    def make_toolbar(self, filter_edit: QWidget) -> QToolBar:
        toolbar = self.window.addToolBar(self.tr("Watchlist"))
        toolbar.setObjectName("watchlistToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.add, self.remove, self.pin])
        toolbar.addSeparator()
        toolbar.addActions([self.copy_symbol, self.copy_price])
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(filter_edit)
        return toolbar

    def table_menu(self, position: QPoint) -> QMenu:
        """The table's context menu: row actions when rows are selected, then "Add"."""
        w = self.window
        menu = QMenu(w)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if w.selected_symbols():
            menu.addActions([self.copy_symbol, self.copy_price])
            menu.addSeparator()
            menu.addActions([self.pin, self.remove])
            menu.addSeparator()
            menu.addAction(self.alert)
            menu.addSeparator()
        menu.addAction(self.add)
        if not w.proxy.is_manual_order():
            menu.addAction(self.manual_order)
        give_mnemonics(menu.actions())
        menu.popup(w.table.viewport().mapToGlobal(position))
        return menu

    def header_menu(self, position: QPoint) -> QMenu:
        """The header's context menu: manual order and a toggle per column."""
        menu = QMenu(self.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.manual_order)
        menu.addSeparator()
        self._add_column_toggles(menu)
        give_mnemonics(menu.actions())
        menu.popup(self.window.table.horizontalHeader().mapToGlobal(position))
        return menu

    def _fill_columns_menu(self) -> None:
        self.window.columns_menu.clear()
        self._add_column_toggles(self.window.columns_menu)

    def _add_column_toggles(self, menu: QMenu) -> None:
        columns = self.window.table.columns
        model = self.window.model
        for column in Column:
            if column == Column.SYMBOL:
                continue
            # The header's own words, in the user's language (the model translates them).
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            # The person's choice, not what a narrow window hid for want of room.
            action.setChecked(not columns.is_user_hidden(column))
            action.toggled.connect(lambda shown, c=column: columns.set_user_hidden(c, not shown))
