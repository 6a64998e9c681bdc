"""The watchlist window: actions reach the watchlist, clipboard gets exact text, the status
bar speaks plainly, demo mode is unmistakable, and layout state survives a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QItemSelectionModel, QPoint, Qt, QTranslator
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QToolButton
from pytestqt.qtbot import QtBot

from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column
from desktop.stream.status import ClientStatus, ConnState
from desktop.ui.main_window import DEMO_BADGE, DEMO_TITLE, MIN_VISIBLE_ROWS, TITLE, MainWindow
from desktop.ui.movers import MoversDock
from tests.qt.market_samples import sample_catalog, ticker

# The offscreen platform cannot raise windows, grab input for a popup menu or pass size
# hints to a window manager; Qt says so as warnings that are no fault of the code under test.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)

SYMBOLS = ["BTCUSDT", "ETHUSDT", "1000SATSUSDT", "XAUUSDT"]


class Parts:
    def __init__(self, qtbot: QtBot, demo: bool = False) -> None:
        self.watchlist = Watchlist(SYMBOLS, catalog=sample_catalog())
        self.book = QuoteBook()
        self.window = MainWindow(self.watchlist, self.book, demo=demo)
        qtbot.addWidget(self.window)
        self.book.on_tickers(
            [ticker("BTCUSDT", "104250.1"), ticker("1000SATSUSDT", "0.0000400")], 1.0
        )
        self.book.flush()

    def select(self, *symbols: str) -> None:
        view = self.window.table
        view.clearSelection()
        for symbol in symbols:
            row = self.window.proxy.mapFromSource(
                self.window.model.index(self.window.model.row_of(symbol), 0)
            ).row()
            view.selectionModel().select(
                self.window.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


@pytest.fixture
def parts(qtbot: QtBot) -> Iterator[Parts]:
    p = Parts(qtbot)
    p.window.show()
    qtbot.waitExposed(p.window)
    yield p


def shown_symbols(window: MainWindow) -> list[str]:
    return [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]


def test_demo_mode_has_an_unmistakable_badge_and_title(qtbot: QtBot) -> None:
    demo = Parts(qtbot, demo=True).window
    assert demo.windowTitle() == DEMO_TITLE == "MiniTicker — DEMO (simulated prices)"
    assert demo.demo_badge is not None and demo.demo_badge.text() == DEMO_BADGE
    assert "background" in demo.demo_badge.styleSheet()
    live = Parts(qtbot).window
    assert live.windowTitle() == TITLE
    assert live.demo_badge is None


def test_add_action_asks_for_the_picker_and_opens_it_without_exec(qtbot: QtBot) -> None:
    watchlist = Watchlist(SYMBOLS, catalog=sample_catalog())
    picker = QDialog()
    qtbot.addWidget(picker)
    window = MainWindow(watchlist, QuoteBook(), picker=picker)
    qtbot.addWidget(window)
    assert window.add_action.shortcut().toString() == "Ctrl+N"
    with qtbot.waitSignal(window.addRequested):
        window.add_action.trigger()
    assert picker.isVisible()


def test_delete_removes_the_selected_symbols(qtbot: QtBot, parts: Parts) -> None:
    parts.select("ETHUSDT", "XAUUSDT")
    parts.window.table.setFocus()
    qtbot.keyClick(parts.window.table, Qt.Key.Key_Delete)
    assert parts.watchlist.symbols() == ["BTCUSDT", "1000SATSUSDT"]
    assert shown_symbols(parts.window) == ["BTCUSDT", "1000SATSUSDT"]


def test_ctrl_p_pins_and_unpins_the_selection(qtbot: QtBot, parts: Parts) -> None:
    parts.select("BTCUSDT", "ETHUSDT")
    assert parts.window.pin_action.text() == "Pin to tray"
    qtbot.keyClick(parts.window.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert parts.watchlist.pins() == ["BTCUSDT", "ETHUSDT"]
    assert parts.window.pin_action.text() == "Unpin from tray"
    parts.window.pin_action.trigger()
    assert parts.watchlist.pins() == []


SOME_CHINESE = {
    ("WindowActions", "Add symbols…"): "添加交易对…",
    ("WindowActions", "Pin to tray"): "固定到托盘",
    ("WindowActions", "Unpin from tray"): "取消固定到托盘",
}


class SomeChinese(QTranslator):
    """A few of the window's texts as the zh_CN catalogue has them (None: no translation)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return SOME_CHINESE.get((context, source))


def button_text(window: MainWindow, action: QAction) -> str:
    button = window.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    return button.text()


def test_toolbar_buttons_never_show_the_mnemonic_a_menu_adds_to_chinese_text(
    qtbot: QtBot,
) -> None:
    translator = SomeChinese()
    QCoreApplication.installTranslator(translator)
    try:
        parts = Parts(qtbot)
        window = parts.window
        window.show()
        qtbot.waitExposed(window)
        parts.select("BTCUSDT")
        for menu in (window.file_menu, window.edit_menu):
            menu.aboutToShow.emit()  # a menu gives its items mnemonics as it opens
        assert window.add_action.text().startswith("添加交易对(&")
        assert button_text(window, window.add_action) == "添加交易对"
        window.pin_action.trigger()  # all selected are pinned now: "Unpin"
        window.edit_menu.aboutToShow.emit()
        assert window.pin_action.text().startswith("取消固定到托盘(&")
        assert button_text(window, window.pin_action) == "取消固定到托盘"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_copy_symbol_and_copy_exact_price(qtbot: QtBot, parts: Parts) -> None:
    clipboard = QGuiApplication.clipboard()
    parts.select("BTCUSDT", "1000SATSUSDT")
    parts.window.table.setFocus()
    qtbot.keyClick(parts.window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "BTCUSDT\n1000SATSUSDT"
    qtbot.keyClick(
        parts.window.table,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    # the exchange's digits, not the display text "104,250.1" / padded "0.0000400"
    assert clipboard.text() == "104250.1\n0.0000400"


def test_copy_price_without_a_quote_says_so(parts: Parts) -> None:
    parts.select("ETHUSDT")
    QGuiApplication.clipboard().setText("before")
    parts.window.copy_price_action.trigger()
    assert QGuiApplication.clipboard().text() == "before"
    assert "No price yet" in parts.window.statusBar().currentMessage()


def test_actions_need_a_selection(parts: Parts) -> None:
    parts.window.table.clearSelection()
    assert not parts.window.remove_action.isEnabled()
    parts.select("BTCUSDT")
    assert parts.window.remove_action.isEnabled()


def test_ctrl_f_focuses_the_filter_and_escape_clears_it(qtbot: QtBot, parts: Parts) -> None:
    window = parts.window
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.filter_edit)
    qtbot.keyClicks(window.filter_edit, "eth")
    assert shown_symbols(window) == ["ETHUSDT"]
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert window.filter_edit.text() == ""
    assert len(shown_symbols(window)) == 4


def test_status_bar_says_the_state_in_words_and_the_time_of_the_last_price(
    parts: Parts,
) -> None:
    window = parts.window
    parts.book._on_status(  # what the stream client's status listener does
        ClientStatus(state=ConnState.LIVE, streams=4, messages_per_second=2.04, lag_ms=37.4)
    )
    assert window.connection_label.toolTip() == "Live"
    assert "#1e8e3e" in window.connection_label.text()  # the green dot: the state is read
    # The fixture's prices arrived at 1.0 s after the epoch: a time of day, not a count.
    arrived = QDateTime.fromMSecsSinceEpoch(1000).toString("HH:mm:ss")
    assert window.status_bar.price_label.text() == f"Last price {arrived}"
    shown = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "msg/s" not in shown and "stream" not in shown and "lag" not in shown.lower()
    details = window.status_bar.price_label.toolTip()
    assert "4 streams subscribed" in details
    assert "2.0 messages per second" in details
    assert "Lag 37 ms" in details
    window.status_bar.set_status(
        ClientStatus(
            state=ConnState.RECONNECTING, attempt=3, last_error="connection refused", streams=1
        )
    )
    words = window.connection_label.toolTip()
    assert words.startswith("Reconnecting") and words.endswith(": connection refused")
    assert "(attempt 3)" in words
    assert "1 stream subscribed" in window.status_bar.price_label.toolTip()


def test_a_snapshot_is_not_taken_for_the_last_price(qtbot: QtBot) -> None:
    book = QuoteBook()
    window = MainWindow(Watchlist(SYMBOLS, catalog=sample_catalog()), book)
    qtbot.addWidget(window)
    book.seed([ticker("ETHUSDT", "3900.1")], 5.0)
    book.flush()
    assert window.status_bar.price_label.text() == "No price yet"


def test_in_demo_mode_a_running_feed_is_not_called_live(qtbot: QtBot) -> None:
    window = Parts(qtbot, demo=True).window
    window.status_bar.set_status(ClientStatus(state=ConnState.LIVE, streams=4))
    assert window.connection_label.toolTip() == "Demo feed running"
    assert "Live" not in window.connection_label.text()


def test_the_demo_badge_is_never_cut_short_at_any_width(qtbot: QtBot) -> None:
    window = Parts(qtbot, demo=True).window
    window.show()
    qtbot.waitExposed(window)
    window.status_bar.set_status(
        ClientStatus(
            state=ConnState.RECONNECTING, attempt=12, last_error="a long reason " * 8, streams=1
        )
    )
    badge = window.demo_badge
    assert badge is not None
    for width in (900, 520, 300, 120):
        window.resize(width, 400)
        expected = max(width, window.minimumSizeHint().width())
        qtbot.waitUntil(lambda: window.width() == expected)  # noqa: B023
        assert badge.isVisible()
        assert badge.width() >= badge.sizeHint().width()
        assert badge.geometry().right() < window.statusBar().width()


def test_an_empty_watchlist_says_how_to_add_symbols(qtbot: QtBot) -> None:
    window = MainWindow(Watchlist([], catalog=sample_catalog()), QuoteBook())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    empty = window.empty_state
    assert empty.isVisible()
    assert "empty" in empty.label.text() and "Ctrl+N" in empty.label.text()
    assert empty.add_button.isVisible() and not empty.clear_button.isVisible()
    with qtbot.waitSignal(window.addRequested):
        qtbot.mouseClick(empty.add_button, Qt.MouseButton.LeftButton)
    window.watchlist.add(["BTCUSDT"])
    qtbot.waitUntil(lambda: not empty.isVisible())


def test_a_filter_without_a_match_says_so_and_offers_to_clear_it(
    qtbot: QtBot, parts: Parts
) -> None:
    window = parts.window
    assert not window.empty_state.isVisible()
    qtbot.keyClicks(window.filter_edit, "zzz")
    empty = window.empty_state
    qtbot.waitUntil(empty.isVisible)
    assert empty.label.text() == "No symbol on this watchlist matches “zzz”."
    assert empty.clear_button.isVisible() and not empty.add_button.isVisible()
    qtbot.mouseClick(empty.clear_button, Qt.MouseButton.LeftButton)
    assert window.filter_edit.text() == ""
    assert shown_symbols(window) == SYMBOLS
    qtbot.waitUntil(lambda: not empty.isVisible())


def test_problems_show_in_a_dismissable_banner_and_info_is_transient(parts: Parts) -> None:
    window = parts.window
    window.show_message("Binance refused NOPEUSDT: invalid symbol.", "error")
    assert window.banner.isVisible() and "NOPEUSDT" in window.banner.label.text()
    window.banner.close_button.click()
    assert not window.banner.isVisible()
    window.show_message("Saved.", "info")
    assert window.statusBar().currentMessage() == "Saved."
    assert not window.banner.isVisible()
    parts.book.errorRaised.emit("subscription refused")
    assert window.banner.isVisible() and window.banner.level == "error"


def test_header_clicks_sort_ascending_descending_then_back_to_manual_order(
    qtbot: QtBot, parts: Parts
) -> None:
    window = parts.window
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.SYMBOL) + 10
    orders = []
    for _ in range(3):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        orders.append(shown_symbols(window))
    assert orders[0] == sorted(SYMBOLS)
    assert orders[1] == sorted(SYMBOLS, reverse=True)
    assert orders[2] == SYMBOLS
    assert window.proxy.is_manual_order()


def test_manual_order_action_clears_the_sort(parts: Parts) -> None:
    window = parts.window
    window.table.sortByColumn(Column.LAST, Qt.SortOrder.DescendingOrder)
    assert not window.proxy.is_manual_order()
    window.manual_order_action.trigger()
    assert window.proxy.is_manual_order()
    assert window.table.horizontalHeader().sortIndicatorSection() == -1
    assert shown_symbols(window) == SYMBOLS


def test_state_save_and_restore_round_trip(qtbot: QtBot, parts: Parts) -> None:
    window = parts.window
    window.resize(700, 333)  # within the offscreen 800×600 screen
    header = window.table.horizontalHeader()
    header.resizeSection(Column.LAST, 171)
    header.setSectionHidden(Column.BASE_VOLUME, True)
    window.table.sortByColumn(Column.SYMBOL, Qt.SortOrder.DescendingOrder)
    geometry, header_state = window.save_state()
    assert isinstance(geometry, str) and isinstance(header_state, str)

    again = Parts(qtbot).window
    assert again.restore_state(geometry, header_state)
    again_header = again.table.horizontalHeader()
    assert again_header.sectionSize(Column.LAST) == 171
    assert again_header.isSectionHidden(Column.BASE_VOLUME)
    assert again.proxy.sort_column() == Column.SYMBOL
    assert shown_symbols(again) == sorted(SYMBOLS, reverse=True)
    assert again.size().width() == 700 and again.size().height() == 333
    assert not again.restore_state("not base64 !!", "")


def test_close_hides_to_tray_or_asks_the_composition_root(qtbot: QtBot, parts: Parts) -> None:
    window = parts.window
    window.hide_on_close = True
    with qtbot.waitSignal(window.hiddenToTray):
        window.close()
    assert not window.isVisible()
    window.show()
    window.hide_on_close = False
    with qtbot.waitSignal(window.closeRequested):
        window.close()
    assert not window.isVisible()


def test_select_symbol_shows_the_window_and_selects_even_a_filtered_out_row(
    qtbot: QtBot, parts: Parts
) -> None:
    window = parts.window
    window.hide()
    window.filter_edit.setText("btc")
    assert window.select_symbol("XAUUSDT")
    assert window.isVisible()
    assert window.filter_edit.text() == ""
    assert window.selected_symbols() == ["XAUUSDT"]
    assert not window.select_symbol("NOTWATCHED")


def test_quit_action_asks_to_quit(qtbot: QtBot, parts: Parts) -> None:
    with qtbot.waitSignal(parts.window.quitRequested):
        parts.window.quit_action.trigger()


def test_context_menu_offers_the_row_actions(qtbot: QtBot, parts: Parts) -> None:
    parts.select("BTCUSDT")
    parts.window.window_actions.table_menu(QPoint(5, 5))
    menus = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMenu")]
    assert menus
    texts = [a.text().replace("&", "") for a in menus[-1].actions() if a.text()]
    assert "Copy price" in texts and "Remove" in texts and "Pin to tray" in texts
    for menu in menus:
        menu.close()


def test_flash_can_be_switched_off_from_the_view_menu(parts: Parts) -> None:
    parts.window.flash_action.trigger()
    assert not parts.window.flash_action.isChecked()
    parts.book.on_tickers([ticker("BTCUSDT", "104250.2")], 2.0)
    parts.book.flush()
    assert not parts.window.model.flash_active()


def with_movers(qtbot: QtBot, demo: bool = False) -> tuple[MainWindow, MoversDock]:
    parts = Parts(qtbot, demo=demo)
    window = parts.window
    dock = MoversDock(parts.book, parts.watchlist, demo=demo, parent=window)
    window.add_movers(dock)
    dock.hide()
    window.show()
    qtbot.waitExposed(window)
    return window, dock


def rows_in_sight(window: MainWindow) -> int:
    table = window.table
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


def test_opening_the_movers_keeps_five_watchlist_rows_in_sight(qtbot: QtBot) -> None:
    window, dock = with_movers(qtbot)
    window.resize(window.width(), window.minimumSizeHint().height())
    qtbot.waitUntil(lambda: window.height() == window.minimumSizeHint().height())
    height = window.height()
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(dock.isVisible)
    qtbot.waitUntil(lambda: window.height() > height)  # the window grew for the movers
    assert not dock.isFloating()
    assert rows_in_sight(window) >= MIN_VISIBLE_ROWS
    screen, frame = window.screen().availableGeometry(), window.frameGeometry()
    assert screen.top() <= frame.top() and frame.bottom() <= screen.bottom()


def test_the_movers_float_when_the_screen_has_no_room_below_the_watchlist(
    qtbot: QtBot,
) -> None:
    window, dock = with_movers(qtbot)
    # A table that needs nearly the whole screen leaves no room for a dock below it.
    window.table.setMinimumHeight(window.screen().availableGeometry().height() - 100)
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(dock.isFloating)
    assert dock.isVisible()
    again, again_dock = with_movers(qtbot)
    again.restore_docks(window.dock_state())  # remembered with the docks
    assert again_dock.isFloating()


def test_a_floated_movers_window_says_demo_in_demo_mode(qtbot: QtBot) -> None:
    _window, dock = with_movers(qtbot, demo=True)
    dock.show()
    dock.setFloating(True)
    qtbot.waitUntil(dock.isVisible)
    assert "DEMO" in dock.windowTitle()
    badge = dock.panel.demo_badge
    assert badge is not None and badge.isVisible() and "DEMO" in badge.text()
    dock.setFloating(False)
    assert not badge.isVisible()  # docked, the window's own badge is beside it
    _live_window, live_dock = with_movers(qtbot)
    assert "DEMO" not in live_dock.windowTitle() and live_dock.panel.demo_badge is None
