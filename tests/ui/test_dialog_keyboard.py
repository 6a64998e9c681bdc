"""Every dialog can be worked from the keyboard: Tab visits each of its controls in turn
(a table never keeps Tab to itself) and comes back round, and each control has a name a
screen reader can say."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.qt.alerts import AlertCenter
from desktop.qt.contracts_model import ContractsModel
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.settings.model import Settings
from desktop.ui.alerts_dialog import AlertEditor, AlertsDialog
from desktop.ui.help import ShortcutsDialog
from desktop.ui.preferences import Preferences, PreferencesDialog
from desktop.ui.symbol_picker import SymbolPicker
from desktop.ui.watchlist_transfer import ImportSummary
from tests.qt.market_samples import sample_catalog

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)

PRICES = {"BTCUSDT": Decimal("97123.4"), "ETHUSDT": Decimal("3411.25")}


def controls(dialog: QWidget) -> list[QWidget]:
    """What Tab should reach: shown, enabled widgets that take focus by Tab (a spin
    box's own line edit counts as the spin box)."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if widget.focusProxy() is not None or not widget.isVisibleTo(dialog):
            continue
        if widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def tab_round(qtbot: QtBot, dialog: QWidget) -> list[QWidget]:
    """The widgets Tab moves the focus to, from the dialog's first, until it is back."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    first = controls(dialog)[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    visited = [first]
    now: QWidget | None = first
    for _ in range(60):
        assert now is not None
        QTest.keyClick(now, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is first:
            return visited
        assert now is not None and now not in visited, f"Tab stuck at {now!r}"
        visited.append(now)
    raise AssertionError("Tab never came back round")


def name_of(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def picker(qtbot: QtBot) -> QDialog:
    catalog = sample_catalog()
    watchlist = Watchlist(["BTCUSDT"], catalog=catalog)
    return SymbolPicker(ContractsModel(catalog, book=QuoteBook(), watchlist=watchlist), watchlist)


def preferences(qtbot: QtBot) -> QDialog:
    return PreferencesDialog(Preferences.of(Settings()))


def center() -> AlertCenter:
    alerts = AlertCenter()
    alerts.add_rule(AlertRule(symbol="BTCUSDT", kind=AlertKind.ABOVE, threshold=Decimal("100000")))
    return alerts


def alerts(qtbot: QtBot) -> QDialog:
    return AlertsDialog(center(), lambda: list(PRICES), price_of=PRICES.get, sound=False)


def editor(qtbot: QtBot) -> QDialog:
    return AlertEditor(list(PRICES), symbol="BTCUSDT", price_of=PRICES.get)


def shortcuts(qtbot: QtBot) -> QDialog:
    root = QMainWindow()
    qtbot.addWidget(root)
    for text, keys in (("Add symbols", "Ctrl+N"), ("Filter", "Ctrl+F")):
        action = QAction(text, root)
        action.setShortcut(QKeySequence(keys))
        root.addAction(action)
    made = ShortcutsDialog(root)
    made.refresh()
    assert made.table.rowCount() == 2  # rows to keep Tab, if the table would
    return made


def import_summary(qtbot: QtBot) -> QDialog:
    return ImportSummary("Imported 2 watchlists.", "Main: 5 symbols\nAlts: 3 symbols")


DIALOGS: dict[str, Callable[[QtBot], QDialog]] = {
    "symbol picker": picker,
    "preferences": preferences,
    "alerts": alerts,
    "alert editor": editor,
    "keyboard shortcuts": shortcuts,
    "import summary": import_summary,
}


@pytest.fixture(params=list(DIALOGS))
def dialog(request: Any, qtbot: QtBot) -> Iterator[QDialog]:
    made = DIALOGS[request.param](qtbot)
    qtbot.addWidget(made)
    yield made
    made.close()


def test_tab_visits_every_control_of_each_dialog_and_comes_back(
    qtbot: QtBot, dialog: QDialog
) -> None:
    visited = tab_round(qtbot, dialog)
    missed = [w for w in controls(dialog) if w not in visited]
    assert missed == [], [f"{type(w).__name__} {w.objectName()} {name_of(w)!r}" for w in missed]


def test_each_control_of_each_dialog_has_a_name_to_say(qtbot: QtBot, dialog: QDialog) -> None:
    dialog.show()
    nameless = [
        f"{type(w).__name__} {w.objectName()}"
        for w in controls(dialog)
        if not isinstance(w, QLabel) and not name_of(w).strip("&")
    ]
    assert nameless == []
