"""Watchlist tabs: one tab per named list above the table; add, rename in place, delete
(asking first when not empty), drag to reorder; the table shows the selected list."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist_model import Column, Role
from desktop.qt.watchlists import DEFAULT_NAME, Watchlists
from desktop.ui.main_window import MainWindow
from desktop.ui.watchlist_tabs import WatchlistTabs
from tests.qt.market_samples import sample_catalog

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)


class Parts:
    def __init__(self, qtbot: QtBot) -> None:
        self.watchlists = Watchlists(
            [("Majors", ["BTCUSDT", "ETHUSDT"]), ("Alts", ["1000SATSUSDT"]), ("Empty", [])],
            pins=["BTCUSDT"],
            catalog=sample_catalog(),
        )
        self.window = MainWindow(self.watchlists.current, QuoteBook())
        self.tabs = WatchlistTabs(self.watchlists, self.window)
        self.window.add_tabs(self.tabs)
        qtbot.addWidget(self.window)

    @property
    def bar_names(self) -> list[str]:
        return [self.tabs.bar.tabText(i).replace("&&", "&") for i in range(self.tabs.bar.count())]

    def table_symbols(self) -> list[str]:
        proxy = self.window.proxy
        return [proxy.index(r, 0).data(Role.SymbolRole) for r in range(proxy.rowCount())]


@pytest.fixture
def parts(qtbot: QtBot) -> Iterator[Parts]:
    p = Parts(qtbot)
    p.window.show()
    qtbot.waitExposed(p.window)
    yield p


def test_the_tabs_sit_above_the_table_and_mirror_the_lists(parts: Parts) -> None:
    assert parts.bar_names == ["Majors", "Alts", "Empty"]
    assert parts.tabs.bar.currentIndex() == 0
    assert parts.tabs.geometry().bottom() < parts.window.table.geometry().top()
    assert parts.tabs.bar.tabToolTip(0).startswith("2 symbols")
    assert parts.tabs.bar.isMovable()


def test_selecting_a_tab_shows_that_list_in_the_table(parts: Parts, qtbot: QtBot) -> None:
    assert parts.table_symbols() == ["BTCUSDT", "ETHUSDT"]
    qtbot.mouseClick(
        parts.tabs.bar, Qt.MouseButton.LeftButton, pos=parts.tabs.bar.tabRect(1).center()
    )
    assert parts.watchlists.current_index() == 1
    assert parts.table_symbols() == ["1000SATSUSDT"]
    parts.watchlists.set_current(0)  # the other way round: the tabs follow
    assert parts.tabs.bar.currentIndex() == 0
    model = parts.window.model
    bold = model.index(model.row_of("BTCUSDT"), Column.SYMBOL).data(Qt.ItemDataRole.FontRole)
    assert bold.bold()  # pinned, shown as pinned after the round trip


def test_plus_adds_a_list_shows_it_and_lets_the_user_name_it(parts: Parts, qtbot: QtBot) -> None:
    qtbot.mouseClick(parts.tabs.add_button, Qt.MouseButton.LeftButton)
    assert parts.bar_names == ["Majors", "Alts", "Empty", DEFAULT_NAME]
    assert parts.watchlists.current_index() == 3 and parts.table_symbols() == []
    editor = parts.tabs._editor
    assert editor is not None and editor.text() == DEFAULT_NAME
    qtbot.keyClicks(editor, "Scalps")  # the name was selected: typing replaces it
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert parts.bar_names[3] == "Scalps"
    assert parts.tabs._editor is None


def test_double_click_renames_in_place_and_escape_cancels(parts: Parts, qtbot: QtBot) -> None:
    bar = parts.tabs.bar
    qtbot.mouseDClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    editor = parts.tabs._editor
    assert editor is not None and editor.text() == "Alts"
    qtbot.keyClicks(editor, "Long shots")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert parts.bar_names[1] == "Alts"
    editor = parts.tabs.start_rename(1)
    assert editor is not None
    editor.setText("   ")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a blank name keeps the old one
    assert parts.bar_names[1] == "Alts"


def test_an_empty_list_is_deleted_at_once(parts: Parts) -> None:
    assert parts.tabs.request_delete(2) is None
    assert parts.bar_names == ["Majors", "Alts"]


def test_a_list_with_symbols_is_deleted_only_after_confirming(parts: Parts, qtbot: QtBot) -> None:
    box = parts.tabs.request_delete(1)
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "“Alts” and its 1 symbol?" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert parts.bar_names == ["Majors", "Alts", "Empty"]
    parts.watchlists.set_current(1)
    box = parts.tabs.request_delete(1)
    assert box is not None
    with qtbot.waitSignal(parts.watchlists.listsChanged):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert parts.bar_names == ["Majors", "Empty"]
    assert parts.tabs.bar.currentIndex() == parts.watchlists.current_index() == 1


def test_the_last_list_cannot_be_deleted(parts: Parts) -> None:
    parts.tabs.request_delete(2)
    parts.watchlists.remove_list(1)
    assert parts.tabs.request_delete(0) is None
    assert parts.bar_names == ["Majors"]


def test_dragging_a_tab_reorders_the_lists(parts: Parts) -> None:
    parts.watchlists.set_current(1)
    parts.tabs.bar.moveTab(1, 0)  # what a drag does; the bar emits tabMoved
    assert parts.watchlists.names() == ["Alts", "Majors", "Empty"]
    assert parts.bar_names == ["Alts", "Majors", "Empty"]
    assert parts.watchlists.current_index() == 0
    assert parts.table_symbols() == ["1000SATSUSDT"]


def test_an_ampersand_in_a_name_is_shown_not_taken_for_a_shortcut(parts: Parts) -> None:
    parts.watchlists.rename(1, "Memes & L1s")
    assert parts.tabs.bar.tabText(1) == "Memes && L1s"
    assert parts.bar_names[1] == "Memes & L1s"


def test_the_context_menu_offers_rename_delete_and_new(parts: Parts, qtbot: QtBot) -> None:
    bar = parts.tabs.bar
    shown: list[Any] = []

    def grab() -> bool:
        menus = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu)]
        visible = [m for m in menus if m.isVisible()]
        shown[:] = visible
        return bool(visible)

    bar.customContextMenuRequested.emit(bar.tabRect(0).center())
    qtbot.waitUntil(grab)
    texts = [a.text().replace("&", "") for a in shown[0].actions() if not a.isSeparator()]
    assert texts == ["Rename…", "Delete…", "New watchlist"]
    shown[0].close()
    bar.customContextMenuRequested.emit(QPoint(bar.width() + 50, 1))  # beside the tabs
    qtbot.waitUntil(grab)
    assert [a.text().replace("&", "") for a in shown[0].actions()] == ["New watchlist"]
    shown[0].close()


def editor_sits_on_its_tab_alone(parts: Parts, index: int) -> bool:
    editor, bar = parts.tabs._editor, parts.tabs.bar
    if editor is None or editor.geometry() != bar.tabRect(index):
        return False
    others = [bar.tabRect(i) for i in range(bar.count()) if i != index]
    return not any(editor.geometry().intersects(rect) for rect in others)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_the_rename_editor_covers_its_own_tab_and_no_other(
    parts: Parts, qtbot: QtBot, index: int
) -> None:
    assert parts.tabs.start_rename(index) is not None
    qtbot.waitUntil(lambda: editor_sits_on_its_tab_alone(parts, index))
    qtbot.keyClick(parts.tabs._editor, Qt.Key.Key_Escape)
    assert parts.bar_names == ["Majors", "Alts", "Empty"]


def test_the_editor_of_a_new_list_covers_its_own_tab(parts: Parts, qtbot: QtBot) -> None:
    qtbot.mouseClick(parts.tabs.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor_sits_on_its_tab_alone(parts, 3))


def test_a_filter_never_makes_another_list_look_empty(parts: Parts, qtbot: QtBot) -> None:
    window = parts.window
    qtbot.keyClicks(window.filter_edit, "btc")
    assert parts.table_symbols() == ["BTCUSDT"]
    qtbot.mouseClick(
        parts.tabs.bar, Qt.MouseButton.LeftButton, pos=parts.tabs.bar.tabRect(1).center()
    )
    assert window.filter_edit.text() == ""
    assert parts.table_symbols() == ["1000SATSUSDT"]
    qtbot.waitUntil(lambda: not window.empty_state.isVisible())
