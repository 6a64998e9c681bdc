"""Menu items get mnemonics when their menu opens: one letter each, the text's own kept."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.mnemonics import NO_MNEMONIC, follow, give_mnemonics, mnemonic_of, with_mnemonic


def test_mnemonic_of_reads_the_letter_after_a_single_ampersand() -> None:
    assert mnemonic_of("&File") == "f"
    assert mnemonic_of("Copy &Price") == "p"
    assert mnemonic_of("Profit && loss") is None  # a literal ampersand
    assert mnemonic_of("Profit && &loss") == "l"
    assert mnemonic_of("Quit") is None


def test_with_mnemonic_prefers_free_first_letters_of_words() -> None:
    taken = {"c"}
    assert with_mnemonic("Copy price", taken) == "Copy &price"
    assert with_mnemonic("Copy rows", taken) == "Copy &rows"
    assert with_mnemonic("Copy rows", taken) == "C&opy rows"  # no word start free
    assert taken == {"c", "p", "r", "o"}


def test_with_mnemonic_keeps_an_existing_one_and_skips_literal_ampersands() -> None:
    taken: set[str] = set()
    assert with_mnemonic("Export &all", taken) == "Export &all"
    assert taken == {"a"}
    assert with_mnemonic("&& a", {"a"}) == "&& a"  # nothing free: left as it is


def test_a_text_without_latin_letters_gets_one_after_it() -> None:
    taken = {"a"}
    assert with_mnemonic("退出", taken) == "退出(&B)"
    assert with_mnemonic("首选项…", taken) == "首选项(&C)…"
    assert with_mnemonic("添加 BTCUSDT", taken) == "添加 BTCUSDT".replace("BT", "B&T", 1)
    assert taken == {"a", "b", "c", "t"}


def test_give_mnemonics_gives_each_enabled_item_its_own_letter(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    texts = ["Manual order", "Mark", "Index", "Funding", "Next funding", "Basis", "1h"]
    actions = [QAction(t, parent) for t in texts]
    status = QAction("Connecting…", parent)
    status.setEnabled(False)
    live = QAction("BTCUSDT 104,164.5", parent)
    live.setProperty(NO_MNEMONIC, True)
    give_mnemonics([*actions, status, live])
    letters = [mnemonic_of(a.text()) for a in actions]
    assert None not in letters and len(set(letters)) == len(letters)
    assert [a.text().replace("&", "") for a in actions] == texts  # only the mark added
    assert status.text() == "Connecting…" and live.text() == "BTCUSDT 104,164.5"


def test_a_followed_menu_and_its_submenu_get_mnemonics_as_they_open(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu(parent)
    sub = menu.addMenu("Columns")
    menu.addAction("Quit")

    def fill() -> None:  # filled when opened, as the Columns menu is
        sub.clear()
        sub.addAction("Last")

    sub.aboutToShow.connect(fill)
    follow(menu)
    follow(menu)  # once is enough: no second helper
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == ["&Columns", "&Quit"]
    sub.aboutToShow.emit()
    assert [a.text() for a in sub.actions()] == ["&Last"]
