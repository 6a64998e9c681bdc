"""The watchlist window: the table of watched symbols, its tabs, banner and status bar.

Layout and wiring only. Actions call ``Watchlist`` methods; what happens when the
window closes (hide to the tray or quit) is decided by the composition root through
``hide_on_close`` and the signals below. The actions and menus (``window_actions``),
the status bar (``status_bar``), Help (``help``), the empty table's hint
(``empty_state``), the unreachable-exchange notice (``connection_notice``) and the
layout saved in settings (``window_state``) live in their own modules.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.endpoints import Endpoints
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column, Role, WatchlistModel
from desktop.qt.watchlist_proxy import WatchlistProxy
from desktop.ui.banner import MessageBanner
from desktop.ui.connection_notice import ConnectionNotice
from desktop.ui.diagnostics import Diagnostics
from desktop.ui.empty_state import EmptyState
from desktop.ui.help import HelpMenu
from desktop.ui.mnemonics import MenuBarMnemonics
from desktop.ui.movers import dock_below
from desktop.ui.status_bar import WindowStatusBar
from desktop.ui.watchlist_tabs import WatchlistTabs
from desktop.ui.watchlist_view import default_width, height_for_rows, make_watchlist_table
from desktop.ui.window_actions import WindowActions
from desktop.ui.window_state import from_text, restore_header, to_text

log = logging.getLogger(__name__)

TITLE: Final = "MiniTicker"
DEMO_TITLE: Final = "MiniTicker — DEMO (simulated prices)"
DEMO_BADGE: Final = "DEMO — simulated prices"
#: Rows of the watchlist that stay visible whatever else the window shows (the movers).
MIN_VISIBLE_ROWS: Final = 5


class MainWindow(QMainWindow):
    """The watchlist window.

    Signals:
        addRequested(): the user asked to add symbols (Ctrl+N); the picker, if one was
            given, is opened too.
        quitRequested(): File ▸ Quit.
        closeRequested(): the window was closed and ``hide_on_close`` is False.
        hiddenToTray(): the window hid itself instead of closing (``hide_on_close``).
        alertRequested(str): "Alert…" for this (the first selected) symbol.
        alertsRequested(): "Alerts…": the list of every alert.
    """

    addRequested = Signal()
    quitRequested = Signal()
    closeRequested = Signal()
    hiddenToTray = Signal()
    alertRequested = Signal(str)
    alertsRequested = Signal()

    file_menu: QMenu  # set by ``WindowActions.fill_menu_bar``
    edit_menu: QMenu
    view_menu: QMenu
    columns_menu: QMenu
    alerts_menu: QMenu

    def __init__(
        self,
        watchlist: Watchlist,
        book: QuoteBook,
        model: WatchlistModel | None = None,
        proxy: WatchlistProxy | None = None,
        *,
        demo: bool = False,
        picker: QDialog | None = None,
        endpoints: Endpoints | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.watchlist = watchlist
        self.book = book
        self.model = model if model is not None else WatchlistModel(watchlist, book, parent=self)
        self.proxy = proxy if proxy is not None else WatchlistProxy(self.model, parent=self)
        if self.proxy.sourceModel() is None:
            self.proxy.setSourceModel(self.model)
        self.demo = demo
        self.picker = picker
        #: Closing hides the window (the tray keeps running) instead of closing it.
        self.hide_on_close = False

        self.setWindowTitle(self.tr("MiniTicker — DEMO (simulated prices)") if demo else TITLE)
        self.setObjectName("mainWindow")
        self.banner = MessageBanner(self)
        self.filter_edit = self._make_filter_edit()
        self.table = make_watchlist_table(self.model, self.proxy, self)
        # However the window is divided up (movers, banners), a few rows stay in sight.
        self.table.setMinimumHeight(height_for_rows(self.table, MIN_VISIBLE_ROWS))
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        acts = self.window_actions = WindowActions(self)
        self.add_action, self.remove_action, self.pin_action = acts.add, acts.remove, acts.pin
        self.copy_symbol_action, self.copy_price_action = acts.copy_symbol, acts.copy_price
        self.find_action, self.manual_order_action = acts.find, acts.manual_order
        self.flash_action, self.alert_action = acts.flash, acts.alert
        self.alerts_action, self.quit_action = acts.alerts, acts.quit
        acts.fill_menu_bar()
        MenuBarMnemonics(self.menuBar())  # every menu item within reach of the keyboard
        self.toolbar = acts.make_toolbar(self.filter_edit)
        self.status_bar = WindowStatusBar(book, demo=demo, parent=self)
        self.setStatusBar(self.status_bar)
        self.connection_label: QLabel = self.status_bar.connection_label
        self.demo_badge: QLabel | None = self.status_bar.demo_badge
        self.diagnostics = Diagnostics(book, endpoints, demo=demo, parent=self)
        self.help = HelpMenu(self, self.diagnostics, self.diagnostics_text)
        self.empty_state = EmptyState(self.table, self.proxy)
        self.empty_state.set_add_keys(self.add_action.shortcut())
        self.empty_state.addRequested.connect(self.add_action.trigger)
        self.empty_state.clearFilterRequested.connect(self.filter_edit.clear)
        self.filter_edit.textChanged.connect(self.empty_state.set_filter_text)
        self.connection_notice: ConnectionNotice | None = None
        if endpoints is not None and not demo:
            self.connection_notice = ConnectionNotice(
                book, endpoints, self._show_notice, self._clear_notice, parent=self
            )

        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.proxy.modelReset.connect(self._update_actions)
        self.proxy.rowsRemoved.connect(self._update_actions)
        watchlist.pinsChanged.connect(self._update_actions)
        self._stream_problem = ""  # the stream's last problem, as the banner shows it
        book.errorRaised.connect(self._on_book_error)
        book.problemCleared.connect(self._on_problem_cleared)
        self._update_actions()
        self.resize(default_width(self.table), 440)

    # -- construction ---------------------------------------------------------------

    def _make_filter_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName("filterEdit")
        edit.setPlaceholderText(self.tr("Filter symbols (Ctrl+F)"))
        edit.setAccessibleName(self.tr("Filter symbols"))
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(240)
        edit.textChanged.connect(self.proxy.set_filter_text)
        # Never in a menu: its words may say where it works.
        clear = QAction(self.tr("Clear the filter (in the filter box)"), edit)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self._escape_filter)
        edit.addAction(clear)
        return edit

    # -- public API ------------------------------------------------------------------

    def add_above_table(self, widget: QWidget) -> None:
        """Put ``widget`` right above the table."""
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.table), widget)

    def add_tabs(self, tabs: WatchlistTabs) -> None:
        """Put the watchlist tabs above the table. Switching lists clears the filter, so
        a filter typed on one list never makes another look empty."""
        self.add_above_table(tabs)
        tabs.watchlists.currentChanged.connect(lambda _index: self.filter_edit.clear())

    def add_movers(self, dock: QDockWidget) -> None:
        """Dock ``dock`` below the table; it never leaves the watchlist fewer than
        ``MIN_VISIBLE_ROWS`` rows: the window grows, or, when the screen has no room,
        the dock floats in its own window (and is remembered so with the docks)."""
        dock_below(self, dock)

    def connection_started(self) -> None:
        """The stream client started: a live start now has ``DEADLINE`` seconds to connect
        before the window says it cannot reach the exchange."""
        if self.connection_notice is not None:
            self.connection_notice.start()

    def contract_list_failed(self, reason: str, *, saved_at: str = "") -> None:
        """The contract list could not be loaded (``reason`` goes to the diagnostics);
        ``saved_at``: when the saved copy in use instead was fetched."""
        self.diagnostics.note(self.tr("Contract list: %1").replace("%1", reason))
        notice = self.connection_notice
        if notice is not None and notice.contract_list_failed(reason):
            return
        if saved_at:
            text = self.tr(
                "The contract list could not be refreshed, so the copy saved %1 is used."
            )
            self.show_message(text.replace("%1", saved_at), "info")
            return
        text = self.tr(
            "The contract list could not be loaded, so symbols you type are checked once it is."
        )
        self.show_message(text, "warning")

    def show_message(self, text: str, level: str = "info") -> None:
        """Tell the user something in plain words without blocking.

        ``info`` is transient (status bar, a few seconds); ``warning`` and ``error``
        stay in the banner above the table until dismissed or replaced.
        """
        log.info("message for the user (%s): %s", level, text)
        if level == "info":
            self.statusBar().showMessage(text, 6000)
        else:
            self.diagnostics.note(text)
            self.banner.show_text(text, level)

    def _on_book_error(self, text: str) -> None:
        self._stream_problem = text
        self.banner.show_text(text, "error")  # the diagnostics heard it from the book

    def _on_problem_cleared(self, text: str) -> None:
        # The stream's problem is over: its banner would now say something untrue. A
        # banner showing anything else (a settings problem, say) stays.
        self._clear_notice(self._stream_problem)
        self._stream_problem = ""
        self.show_message(text, "info")

    def _show_notice(self, text: str) -> None:
        self.show_message(text, "error")

    def _clear_notice(self, text: str) -> None:
        if text and self.banner.isVisible() and self.banner.label.text() == text:
            self.clear_message()

    def clear_message(self) -> None:
        self.banner.dismiss()

    def diagnostics_text(self) -> str:
        """Help ▸ Copy diagnostics: versions, endpoints, the connection, recent errors."""
        status = self.book.last_status
        details = self.status_bar.details(status) if status is not None else ""
        return self.diagnostics.text(self.status_bar.words, details)

    def selected_symbols(self) -> list[str]:
        """Selected symbols in view order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        symbols = [self.proxy.index(r, Column.SYMBOL).data(Role.SymbolRole) for r in rows]
        return [s for s in symbols if isinstance(s, str)]

    def select_symbol(self, symbol: str) -> bool:
        """Show and raise the window and select ``symbol``'s row; False if not watched."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        source_row = self.model.row_of(symbol)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():  # hidden by the filter
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)
        return True

    def save_state(self) -> tuple[str, str]:
        """(window geometry, table header state), each base64 text for a settings file."""
        return to_text(self.saveGeometry()), to_text(self.table.horizontalHeader().saveState())

    def restore_state(self, geometry: str | None, header_state: str | None) -> bool:
        """Undo ``save_state``; ignores empty or damaged values. True if all was restored."""
        ok = not geometry or self.restoreGeometry(from_text(geometry))
        return (not header_state or restore_header(self.table, self.proxy, header_state)) and ok

    def dock_state(self) -> str:
        """Where the docks sit and how large they are, base64 text for a settings file."""
        return to_text(self.saveState())

    def restore_docks(self, state: str | None) -> bool:
        """Undo ``dock_state`` once every dock is added; ignores empty or damaged values."""
        if not state:
            return False
        return self.restoreState(from_text(state))

    # -- actions -----------------------------------------------------------------------

    def _request_add(self) -> None:
        self.addRequested.emit()
        if self.picker is not None:
            self.picker.open()  # window-modal without a nested event loop; never exec()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _escape_filter(self) -> None:
        if self.filter_edit.text():
            self.filter_edit.clear()
        else:
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def clear_sort(self) -> None:
        """Back to the manual order."""
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.clear_sort()

    def _update_actions(self, *_: object) -> None:
        symbols = self.selected_symbols()
        all_pinned = bool(symbols) and all(self.watchlist.is_pinned(s) for s in symbols)
        self.window_actions.update(symbols, all_pinned)

    def _table_menu(self, position: QPoint) -> None:
        self.window_actions.table_menu(position)

    def _header_menu(self, position: QPoint) -> None:
        self.window_actions.header_menu(position)

    # -- events -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.hide_on_close:
            event.ignore()
            self.hide()
            self.hiddenToTray.emit()
            return
        event.accept()
        self.closeRequested.emit()
