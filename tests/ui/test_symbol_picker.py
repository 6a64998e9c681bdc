"""The Add symbols picker: instant filters, Enter adds the selection, non-trading contracts
are refused, watched ones marked, and an unavailable contract list is said plainly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop.exchange.contracts import ContractCatalog
from desktop.qt.contracts_model import ContractColumn, ContractsModel
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.ui.symbol_picker import SymbolPicker
from tests.qt.market_samples import sample_catalog

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
)


class Rig:
    def __init__(self, qtbot: QtBot, catalog: ContractCatalog | None = None) -> None:
        catalog = sample_catalog() if catalog is None else catalog
        self.watchlist = Watchlist(["BTCUSDT"], catalog=catalog)
        self.model = ContractsModel(catalog, book=QuoteBook(), watchlist=self.watchlist)
        self.picker = SymbolPicker(self.model, self.watchlist)
        qtbot.addWidget(self.picker)
        self.chosen: list[list[str]] = []
        self.picker.symbolsChosen.connect(self.chosen.append)

    def shown(self) -> list[str]:
        proxy = self.picker.proxy
        return [proxy.index(r, ContractColumn.SYMBOL).data() for r in range(proxy.rowCount())]

    def select(self, *symbols: str) -> None:
        proxy, selection = self.picker.proxy, self.picker.table.selectionModel()
        selection.clear()
        for symbol in symbols:
            index = proxy.mapFromSource(self.model.index(self.model.row_of(symbol), 0))
            selection.select(
                index,
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    r = Rig(qtbot)
    r.picker.open()
    qtbot.waitExposed(r.picker)
    yield r


def test_opens_without_exec_with_the_search_box_focused(qtbot: QtBot, rig: Rig) -> None:
    assert rig.picker.isVisible()
    assert rig.picker.isModal()  # open() is window-modal, without a nested event loop
    qtbot.waitUntil(lambda: rig.picker.focusWidget() is rig.picker.search_edit)


def test_typing_filters_by_symbol_or_asset_in_any_case_and_script(qtbot: QtBot, rig: Rig) -> None:
    qtbot.keyClicks(rig.picker.search_edit, "btc")
    assert rig.shown() == ["BTCUSDT", "BTCUSDT_261225"]
    rig.picker.search_edit.clear()
    rig.picker.search_edit.insert("币安人生")  # as an input method commits it; QTest types ASCII
    assert rig.shown() == ["币安人生USDT"]
    rig.picker.search_edit.setText("eth/usdc")
    assert rig.shown() == ["ETHUSDC"]
    assert rig.picker.count_label.text() == f"1 of {len(sample_catalog())} contracts"


def test_kind_and_quote_filters(rig: Rig) -> None:
    picker = rig.picker
    picker.kind_combo.setCurrentIndex(picker.kind_combo.findData("quarterly"))
    assert rig.shown() == ["BTCUSDT_261225"]
    picker.kind_combo.setCurrentIndex(picker.kind_combo.findData("tradfi"))
    assert rig.shown() == ["XAUUSDT"]
    picker.kind_combo.setCurrentIndex(picker.kind_combo.findData("all"))
    picker.quote_combo.setCurrentIndex(picker.quote_combo.findData("USDC"))
    assert rig.shown() == ["ETHUSDC"]
    assert [picker.quote_combo.itemText(i) for i in range(picker.quote_combo.count())] == [
        "All quotes",
        "USDT",
        "USDC",
    ]


def test_enter_adds_the_selection_and_closes(qtbot: QtBot, rig: Rig) -> None:
    rig.select("ETHUSDT", "XAUUSDT")
    rig.picker.table.setFocus()
    with qtbot.waitSignal(rig.picker.finished) as finished:
        qtbot.keyClick(rig.picker.table, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Accepted]
    assert rig.chosen == [["ETHUSDT", "XAUUSDT"]]
    assert rig.watchlist.symbols() == ["BTCUSDT", "ETHUSDT", "XAUUSDT"]


def test_enter_in_the_search_box_adds_the_single_match(qtbot: QtBot, rig: Rig) -> None:
    qtbot.keyClicks(rig.picker.search_edit, "xau")
    qtbot.keyClick(rig.picker.search_edit, Qt.Key.Key_Return)
    assert rig.watchlist.symbols() == ["BTCUSDT", "XAUUSDT"]
    assert not rig.picker.isVisible()


def test_non_trading_contracts_cannot_be_selected_or_added(qtbot: QtBot, rig: Rig) -> None:
    rig.select("OLDUSDT")
    assert not rig.picker.table.selectionModel().selectedRows(), "disabled rows never select"
    qtbot.keyClicks(rig.picker.search_edit, "OLDUSDT")
    qtbot.keyClick(rig.picker.search_edit, Qt.Key.Key_Return)
    assert "not trading" in rig.picker.problems_text()
    assert "OLDUSDT" not in rig.watchlist
    assert rig.picker.isVisible(), "problems are shown inline; the dialog stays"
    assert rig.chosen == []


def test_already_watched_symbols_are_marked_and_not_added_twice(qtbot: QtBot, rig: Rig) -> None:
    row = rig.model.row_of("BTCUSDT")
    assert rig.model.index(row, ContractColumn.WATCHED).data() == "✓"
    rig.select("BTCUSDT")
    rig.picker.add_button.click()
    assert "already on your watchlist" in rig.picker.problems_text()
    assert rig.watchlist.symbols() == ["BTCUSDT"]


def test_an_unknown_typed_symbol_is_refused_inline(qtbot: QtBot, rig: Rig) -> None:
    qtbot.keyClicks(rig.picker.search_edit, "nosuchcoin")
    qtbot.keyClick(rig.picker.search_edit, Qt.Key.Key_Return)
    assert "no contract called NOSUCHCOIN" in rig.picker.problems_text()
    qtbot.keyClick(rig.picker.search_edit, Qt.Key.Key_Backspace)
    assert rig.picker.problems_text() == "", "typing again clears the old complaint"


def test_an_empty_catalog_says_why_and_still_adds_what_is_typed(qtbot: QtBot) -> None:
    rig = Rig(qtbot, catalog=ContractCatalog())
    rig.picker.set_unavailable_reason("connection refused")
    rig.picker.open()
    assert rig.picker.source_text() == (
        "Contract list unavailable: connection refused — "
        "type a symbol and press Enter to add it anyway"
    )
    qtbot.keyClicks(rig.picker.search_edit, "solusdt")
    qtbot.keyClick(rig.picker.search_edit, Qt.Key.Key_Return)
    assert rig.watchlist.symbols() == ["BTCUSDT", "SOLUSDT"]


def test_a_cached_contract_list_says_so(rig: Rig) -> None:
    rig.picker.set_source_text("offline: using the contract list cached on 2026-11-20 14:02")
    assert "cached on 2026-11-20" in rig.picker.source_text()
    rig.picker.set_source_text("")
    assert rig.picker.source_text() == ""


def test_escape_closes(qtbot: QtBot, rig: Rig) -> None:
    with qtbot.waitSignal(rig.picker.finished) as finished:
        qtbot.keyClick(rig.picker.search_edit, Qt.Key.Key_Escape)
    assert finished.args == [QDialog.DialogCode.Rejected]
    assert rig.chosen == []


def test_down_moves_from_the_search_box_into_the_results(qtbot: QtBot, rig: Rig) -> None:
    qtbot.keyClicks(rig.picker.search_edit, "eth")
    qtbot.keyClick(rig.picker.search_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is rig.picker.table
    assert rig.picker.chosen_symbols() == ["ETHUSDT"]


def test_the_table_is_sortable_and_multi_select(rig: Rig) -> None:
    table = rig.picker.table
    assert table.isSortingEnabled()
    assert table.selectionMode() == table.SelectionMode.ExtendedSelection
    table.sortByColumn(ContractColumn.SYMBOL, Qt.SortOrder.DescendingOrder)
    shown = rig.shown()
    assert shown == sorted(shown, key=str.casefold, reverse=True)
