"""The watchlist window: the table of watched symbols, its actions, and a status bar.

Layout and wiring only. Actions call ``Watchlist`` methods; what happens when the
window closes (hide to the tray or quit) is decided by the composition root through
``hide_on_close`` and the signals below.
"""

from __future__ import annotations

import html
import logging
from typing import Any, Final, Protocol

from PySide6.QtCore import QByteArray, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import HEADERS, Column, Role, WatchlistModel
from desktop.qt.watchlist_proxy import WatchlistProxy
from desktop.stream.status import ConnState
from desktop.ui.banner import MessageBanner
from desktop.ui.delegates import (
    RANGE_WIDTH,
    SPARKLINE_WIDTH,
    RangeDelegate,
    SparklineDelegate,
    TextDelegate,
)
from desktop.ui.watchlist_table import WatchlistTable

log = logging.getLogger(__name__)

TITLE: Final = "MiniTicker"
DEMO_TITLE: Final = "MiniTicker — DEMO (simulated prices)"
DEMO_BADGE: Final = "DEMO — simulated prices"

# Widest text each column is sized for by default (the user can resize; saved state wins).
_SAMPLE_TEXT: Final[dict[Column, str]] = {
    Column.SYMBOL: "1000SATSUSDT_2612",
    Column.LAST: "000,000.00000",
    Column.CHANGE: "+00,000.00000",
    Column.CHANGE_PERCENT: "+000.00 %",
    Column.HIGH: "000,000.00000",
    Column.LOW: "000,000.00000",
    Column.BASE_VOLUME: "000.00 M",
    Column.QUOTE_VOLUME: "000.00 M",
    Column.UPDATED: "00:00:00",
    Column.ALERT: "▲ 10.00 % to 000,000.00",
}
_STATE_COLOURS: Final[dict[ConnState, str]] = {
    ConnState.LIVE: "#1e8e3e",
    ConnState.CONNECTING: "#f9ab00",
    ConnState.RECONNECTING: "#e37400",
    ConnState.OFFLINE: "#d93025",
}


class ClientStatusLike(Protocol):
    """What the status bar reads of the stream client's status snapshot."""

    state: Any
    streams: int
    messages_per_second: float
    lag_ms: float | None

    def describe(self) -> str: ...


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

    def __init__(
        self,
        watchlist: Watchlist,
        book: QuoteBook,
        model: WatchlistModel | None = None,
        proxy: WatchlistProxy | None = None,
        *,
        demo: bool = False,
        picker: QDialog | None = None,
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

        self.setWindowTitle(DEMO_TITLE if demo else TITLE)
        self.setObjectName("mainWindow")
        self.banner = MessageBanner(self)
        self.filter_edit = self._make_filter_edit()
        self.table = self._make_table()
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self._make_menus_and_toolbar()
        self._make_status_bar()
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.proxy.modelReset.connect(self._update_actions)
        self.proxy.rowsRemoved.connect(self._update_actions)
        watchlist.pinsChanged.connect(self._update_actions)
        book.statusChanged.connect(self.set_status)
        self._stream_problem = ""  # the stream's last problem, as the banner shows it
        book.errorRaised.connect(self._on_book_error)
        book.problemCleared.connect(self._on_problem_cleared)
        if book.last_status is not None:
            self.set_status(book.last_status)
        self._update_actions()
        self.resize(self._default_width(), 440)

    # -- construction ---------------------------------------------------------------

    def _make_filter_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName("filterEdit")
        edit.setPlaceholderText("Filter symbols (Ctrl+F)")
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(240)
        edit.textChanged.connect(self.proxy.set_filter_text)
        clear = QAction("Clear filter", edit)
        clear.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        clear.triggered.connect(self._escape_filter)
        edit.addAction(clear)
        return edit

    def _make_table(self) -> QTableView:
        table = WatchlistTable(self.model, self)
        table.setObjectName("watchlistTable")
        table.setModel(self.proxy)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(QFontMetrics(table.font()).height() + 8)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._table_menu)
        # Drag rows to reorder the manual order (the proxy refuses drags while sorted).
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropOverwriteMode(False)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)

        header = table.horizontalHeader()
        header.setObjectName("watchlistHeader")
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        # Ascending, descending, then back to the manual order on a third click.
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        metrics = QFontMetrics(table.font())
        for column, sample in _SAMPLE_TEXT.items():
            title = HEADERS[column][0]
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 18)
            header.resizeSection(column, width + 16)
        # Painted cells: the last hour beside the 24h change, the range glyph after the low.
        model, proxy = self.model, self.proxy
        table.setItemDelegate(
            TextDelegate(lambda index: model.paint_at(proxy.mapToSource(index)), table)
        )
        table.setItemDelegateForColumn(Column.TREND, SparklineDelegate(table))
        table.setItemDelegateForColumn(Column.RANGE, RangeDelegate(table))
        header.resizeSection(Column.TREND, SPARKLINE_WIDTH)
        header.resizeSection(Column.RANGE, RANGE_WIDTH)
        header.moveSection(header.visualIndex(Column.TREND), Column.CHANGE_PERCENT + 1)
        header.moveSection(header.visualIndex(Column.RANGE), header.visualIndex(Column.LOW) + 1)
        # The distance to the nearest alert reads best right after the last price.
        header.moveSection(header.visualIndex(Column.ALERT), header.visualIndex(Column.LAST) + 1)
        return table

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _make_actions(self) -> None:
        self.add_action = self._action(
            "Add symbols…", self._request_add, QKeySequence.StandardKey.New, "Add symbols"
        )
        self.remove_action = self._action(
            "Remove",
            self.remove_selected,
            QKeySequence.StandardKey.Delete,
            "Remove the selected symbols",
        )
        self.pin_action = self._action(
            "Pin to tray",
            self.toggle_pin_selected,
            "Ctrl+P",
            "Show the selected symbols in the tray",
        )
        self.copy_symbol_action = self._action(
            "Copy symbol",
            self.copy_symbols,
            QKeySequence.StandardKey.Copy,
            "Copy the selected symbols",
        )
        self.copy_price_action = self._action(
            "Copy price",
            self.copy_prices,
            "Ctrl+Shift+C",
            "Copy the last price, exactly as the exchange sent it",
        )
        self.find_action = self._action(
            "Filter…", self.focus_filter, QKeySequence.StandardKey.Find, "Filter the symbols"
        )
        self.manual_order_action = self._action(
            "Manual order", self.clear_sort, None, "Back to your own order (drag rows to change it)"
        )
        self.flash_action = self._action("Flash price ticks", self.model.set_flash_enabled)
        self.flash_action.setCheckable(True)
        self.flash_action.setChecked(True)
        self.alert_action = self._action(
            "Alert…", self._request_alert, "Ctrl+L", "New price alert for the selected symbol"
        )
        self.alerts_action = self._action(
            "Alerts…", self.alertsRequested.emit, "Ctrl+Shift+L", "List and edit every alert"
        )
        self.quit_action = self._action(
            "Quit", self.quitRequested.emit, QKeySequence.StandardKey.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _make_menus_and_toolbar(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.addAction(self.add_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu("&Edit")
        edit_menu.addActions([self.copy_symbol_action, self.copy_price_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.remove_action, self.pin_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = menus.addMenu("&View")
        self.view_menu = view_menu
        view_menu.addAction(self.manual_order_action)
        view_menu.addAction(self.flash_action)
        self.columns_menu = view_menu.addMenu("Columns")
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        self.alerts_menu = menus.addMenu("&Alerts")
        self.alerts_menu.addActions([self.alert_action, self.alerts_action])

        toolbar = self.addToolBar("Watchlist")
        toolbar.setObjectName("watchlistToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.add_action, self.remove_action, self.pin_action])
        toolbar.addSeparator()
        toolbar.addActions([self.copy_symbol_action, self.copy_price_action])
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.filter_edit)
        self.toolbar = toolbar

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setObjectName("statusBar")
        self.connection_label = QLabel("Not connected", bar)
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setTextFormat(Qt.TextFormat.RichText)
        self.streams_label = QLabel("", bar)
        self.rate_label = QLabel("", bar)
        self.lag_label = QLabel("", bar)
        for label in (self.streams_label, self.rate_label, self.lag_label):
            label.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.connection_label, 1)
        bar.addPermanentWidget(self.streams_label)
        bar.addPermanentWidget(self.rate_label)
        bar.addPermanentWidget(self.lag_label)
        self.demo_badge: QLabel | None = None
        if self.demo:
            badge = QLabel(DEMO_BADGE, bar)
            badge.setObjectName("demoBadge")
            badge.setToolTip("Prices come from the built-in simulated exchange, not from Binance.")
            badge.setStyleSheet(
                "#demoBadge { background: #b3261e; color: white; font-weight: bold;"
                " padding: 2px 8px; border-radius: 3px; }"
            )
            bar.addPermanentWidget(badge)
            self.demo_badge = badge

    def _default_width(self) -> int:
        header = self.table.horizontalHeader()
        width = sum(header.sectionSize(c) for c in range(header.count()))
        return min(width + 40, 1200)

    # -- public API ------------------------------------------------------------------

    def add_above_table(self, widget: QWidget) -> None:
        """Put ``widget`` (e.g. the watchlist tabs) right above the table."""
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.table), widget)

    def show_message(self, text: str, level: str = "info") -> None:
        """Tell the user something in plain words without blocking.

        ``info`` is transient (status bar, a few seconds); ``warning`` and ``error``
        stay in the banner above the table until dismissed or replaced.
        """
        log.info("message for the user (%s): %s", level, text)
        if level == "info":
            self.statusBar().showMessage(text, 6000)
        else:
            self.banner.show_text(text, level)

    def _on_book_error(self, text: str) -> None:
        self._stream_problem = text
        self.show_message(text, "error")

    def _on_problem_cleared(self, text: str) -> None:
        # The stream's problem is over: its banner would now say something untrue. A
        # banner showing anything else (a settings problem, say) stays.
        if self.banner.isVisible() and self.banner.label.text() == self._stream_problem:
            self.clear_message()
        self._stream_problem = ""
        self.show_message(text, "info")

    def clear_message(self) -> None:
        self.banner.dismiss()

    def set_status(self, status: ClientStatusLike | Any) -> None:
        """Show the stream client's status: state in words, streams, msg/s and lag."""
        if status is None:
            return
        describe = getattr(status, "describe", None)
        words = describe() if callable(describe) else str(status)
        state = getattr(status, "state", None)
        colour = _STATE_COLOURS[state] if isinstance(state, ConnState) else "#808080"
        self.connection_label.setText(
            f'<span style="color:{colour}">●</span>&nbsp;{html.escape(words)}'
        )
        self.connection_label.setToolTip(words)
        streams = getattr(status, "streams", None)
        rate = getattr(status, "messages_per_second", None)
        lag = getattr(status, "lag_ms", None)
        self.streams_label.setText(
            f"{streams} stream{'s' if streams != 1 else ''}" if streams is not None else ""
        )
        self.rate_label.setText(f"{rate:.1f} msg/s" if rate is not None else "")
        self.lag_label.setText(f"lag {lag:.0f} ms" if lag is not None else "lag —")
        self.lag_label.setToolTip("Receive time minus the exchange's event time, smoothed")

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
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        header = self.table.horizontalHeader().saveState()
        return geometry, bytes(header.toBase64().data()).decode("ascii")

    def restore_state(self, geometry: str | None, header_state: str | None) -> bool:
        """Undo ``save_state``; ignores empty or damaged values. True if all was restored."""
        ok = True
        if geometry:
            ok = self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii"))) and ok
        if header_state:
            header = self.table.horizontalHeader()
            restored = header.restoreState(QByteArray.fromBase64(header_state.encode("ascii")))
            ok = restored and ok
            if restored:
                # The sort indicator comes back with the header; make the proxy follow it.
                self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        return ok

    def dock_state(self) -> str:
        """Where the docks sit and how large they are, base64 text for a settings file."""
        return bytes(self.saveState().toBase64().data()).decode("ascii")

    def restore_docks(self, state: str | None) -> bool:
        """Undo ``dock_state`` once every dock is added; ignores empty or damaged values."""
        if not state:
            return False
        return self.restoreState(QByteArray.fromBase64(state.encode("ascii")))

    # -- actions -----------------------------------------------------------------------

    def _request_add(self) -> None:
        self.addRequested.emit()
        if self.picker is not None:
            self.picker.open()  # window-modal without a nested event loop; never exec()

    def _request_alert(self) -> None:
        symbols = self.selected_symbols()
        if symbols:
            self.alertRequested.emit(symbols[0])

    def remove_selected(self) -> None:
        symbols = self.selected_symbols()
        if symbols:
            self.watchlist.remove(symbols)

    def toggle_pin_selected(self) -> None:
        """Pin every selected symbol, or unpin them all if all are pinned already."""
        symbols = self.selected_symbols()
        if not symbols:
            return
        pin = not all(self.watchlist.is_pinned(s) for s in symbols)
        for symbol in symbols:
            self.watchlist.set_pinned(symbol, pin)

    def copy_symbols(self) -> None:
        symbols = self.selected_symbols()
        if symbols:
            QGuiApplication.clipboard().setText("\n".join(symbols))

    def copy_prices(self) -> None:
        """Copy the last price of the selected rows, the exchange's exact digits."""
        prices: list[str] = []
        for symbol in self.selected_symbols():
            index = self.model.index(self.model.row_of(symbol), Column.LAST)
            exact = index.data(Role.ExactRole)
            if isinstance(exact, str):
                prices.append(exact)
        if prices:
            QGuiApplication.clipboard().setText("\n".join(prices))
        elif self.selected_symbols():
            self.show_message("No price yet for the selected symbol.", "info")

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

    def _update_actions(self, *_: Any) -> None:
        symbols = self.selected_symbols()
        for action in (
            self.remove_action,
            self.pin_action,
            self.copy_symbol_action,
            self.copy_price_action,
            self.alert_action,
        ):
            action.setEnabled(bool(symbols))
        all_pinned = bool(symbols) and all(self.watchlist.is_pinned(s) for s in symbols)
        self.pin_action.setText("Unpin from tray" if all_pinned else "Pin to tray")

    def _table_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.selected_symbols():
            menu.addActions([self.copy_symbol_action, self.copy_price_action])
            menu.addSeparator()
            menu.addActions([self.pin_action, self.remove_action])
            menu.addSeparator()
            menu.addAction(self.alert_action)
            menu.addSeparator()
        menu.addAction(self.add_action)
        if not self.proxy.is_manual_order():
            menu.addAction(self.manual_order_action)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.manual_order_action)
        menu.addSeparator()
        self._add_column_toggles(menu)
        menu.popup(self.table.horizontalHeader().mapToGlobal(position))

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        self._add_column_toggles(self.columns_menu)

    def _add_column_toggles(self, menu: QMenu) -> None:
        header = self.table.horizontalHeader()
        for column in Column:
            if column == Column.SYMBOL:
                continue
            action = menu.addAction(HEADERS[column][0])
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))

    # -- events -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.hide_on_close:
            event.ignore()
            self.hide()
            self.hiddenToTray.emit()
            return
        event.accept()
        self.closeRequested.emit()
