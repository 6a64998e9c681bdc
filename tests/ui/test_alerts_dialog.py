"""Alert dialogs, the rules table, the window's and tray's alert entries, and the tray
icon asking for attention when an alert fires."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QSystemTrayIcon
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.exchange.ticker import MiniTicker
from desktop.qt.alert_rules_model import AlertRulesModel, RuleColumn, fired_text
from desktop.qt.alerts import AlertCenter
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.ui.alerts_dialog import AlertEditor, AlertsDialog, open_alert_editor
from desktop.ui.main_window import MainWindow
from desktop.ui.strip import MiniStrip
from desktop.ui.tray import TrayTicker

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)

T0 = 1_764_000_000_000
NOW = T0 / 1000
PRICES = {"BTCUSDT": Decimal("97123.4"), "ETHUSDT": Decimal("3411.25")}


def tick(symbol: str, price: str, t: int) -> MiniTicker:
    return MiniTicker(symbol, t, price, "100", price, price, "1", "1")


@pytest.fixture
def center(qapp: QApplication) -> AlertCenter:
    # qapp first: the center's timers need the application's event dispatcher (run
    # alone, this file used to create it before any QApplication existed).
    center = AlertCenter(clock=lambda: NOW)
    center.on_tickers([tick("BTCUSDT", "97123.4", T0), tick("ETHUSDT", "3411.25", T0)], NOW)
    return center


def decimals(symbol: str) -> int | None:
    return 1 if symbol == "BTCUSDT" else 2


@pytest.fixture
def dialog(qtbot: QtBot, center: AlertCenter) -> Iterator[AlertsDialog]:
    dialog = AlertsDialog(
        center, lambda: list(PRICES), price_of=PRICES.get, decimals=decimals, sound=False
    )
    qtbot.addWidget(dialog)
    dialog.open()
    yield dialog


def ok_button(editor: AlertEditor) -> Any:
    return editor.buttons.button(QDialogButtonBox.StandardButton.Ok)


# -- the editor ----------------------------------------------------------------------


def test_a_new_alert_starts_at_the_current_price_and_adds_the_rule(
    qtbot: QtBot, center: AlertCenter
) -> None:
    editor = open_alert_editor(
        center, list(PRICES), symbol="ETHUSDT", price_of=PRICES.get, decimals=decimals
    )
    qtbot.addWidget(editor)
    assert editor.isVisible() and editor.windowTitle() == "New alert"
    assert editor.symbol() == "ETHUSDT" and editor.kind() is AlertKind.ABOVE
    assert editor.threshold_edit.text() == "3411.25"
    assert editor.price_label.text() == "ETHUSDT is at 3,411.25 now"
    editor.threshold_edit.setText("3,500")  # thousands separators are fine
    with qtbot.waitSignal(center.rulesChanged):
        ok_button(editor).click()
    (rule,) = center.rules()
    assert (rule.symbol, rule.kind, rule.threshold, rule.rearm) == (
        "ETHUSDT",
        AlertKind.ABOVE,
        Decimal("3500"),
        True,
    )


def test_typing_a_price_and_enter_in_a_fresh_editor_creates_that_alert(
    qtbot: QtBot, center: AlertCenter
) -> None:
    editor = open_alert_editor(
        center, list(PRICES), symbol="BTCUSDT", price_of=PRICES.get, decimals=decimals
    )
    qtbot.addWidget(editor)
    field = editor.focusWidget()
    assert field is editor.threshold_edit  # the hands start in the Value field
    assert editor.threshold_edit.selectedText() == "97123.4"  # pre-filled and selected
    qtbot.keyClicks(field, "98000")  # replaces the selection
    with qtbot.waitSignal(center.rulesChanged):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    (rule,) = center.rules()
    assert (rule.symbol, rule.kind, rule.threshold) == ("BTCUSDT", AlertKind.ABOVE, Decimal(98000))
    assert not editor.isVisible()


def test_hysteresis_says_its_unit_and_its_default(qtbot: QtBot) -> None:
    editor = AlertEditor(list(PRICES), symbol="BTCUSDT", price_of=PRICES.get)
    qtbot.addWidget(editor)
    editor.threshold_edit.setText("100000")
    assert editor.hysteresis_unit.text() == "USDT"
    assert editor.hysteresis_edit.placeholderText() == "default 100"  # 0.1 % of the line
    editor.kind_box.setCurrentIndex(editor.kind_box.findData(AlertKind.CHANGE_PCT.value))
    assert (editor.unit_label.text(), editor.hysteresis_unit.text()) == ("%", "% points")
    assert editor.hysteresis_edit.placeholderText() == "default 0.2"


def test_the_editor_refuses_what_cannot_be_an_alert(qtbot: QtBot) -> None:
    editor = AlertEditor(list(PRICES), symbol="BTCUSDT", price_of=PRICES.get)
    qtbot.addWidget(editor)
    for text, why in [("", "Enter a value"), ("abc", "not a number"), ("-5", "above zero")]:
        editor.threshold_edit.setText(text)
        assert not ok_button(editor).isEnabled()
        assert why in editor.error_label.text()
    editor.threshold_edit.setText("100000")
    editor.hysteresis_edit.setText("200000")
    assert "smaller than the threshold" in editor.error_label.text()
    editor.hysteresis_edit.setText("50")
    assert ok_button(editor).isEnabled() and editor.error_label.text() == ""
    rule = editor.rule()
    assert rule is not None and rule.hysteresis == Decimal("50")


def test_switching_kinds_offers_each_kinds_default_and_the_window_for_a_move(
    qtbot: QtBot,
) -> None:
    editor = AlertEditor(list(PRICES), symbol="BTCUSDT", price_of=PRICES.get)
    qtbot.addWidget(editor)
    editor.show()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData(AlertKind.CHANGE_PCT.value))
    assert editor.threshold_edit.text() == "5" and editor.unit_label.text() == "%"
    assert not editor.window_box.isVisible()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData(AlertKind.MOVE_PCT.value))
    assert editor.threshold_edit.text() == "2" and editor.window_box.isVisible()
    editor.window_box.setValue(30)
    rule = editor.rule()
    assert rule is not None and (rule.kind, rule.window_minutes) == (AlertKind.MOVE_PCT, 30)
    editor.threshold_edit.setText("1.25")  # typed by the user: kept across kinds
    editor.kind_box.setCurrentIndex(editor.kind_box.findData(AlertKind.CHANGE_PCT.value))
    assert editor.threshold_edit.text() == "1.25"
    editor.threshold_edit.setText("5")
    editor.kind_box.setCurrentIndex(editor.kind_box.findData(AlertKind.BELOW.value))
    assert editor.threshold_edit.text() == "97123.4"


def test_editing_keeps_the_alerts_identity_and_history(qtbot: QtBot, center: AlertCenter) -> None:
    original = AlertRule(
        "BTCUSDT", AlertKind.BELOW, Decimal("90000"), rearm=False, last_fired=T0, id="r1"
    )
    center.add_rule(original)
    editor = open_alert_editor(center, list(PRICES), rule=original, price_of=PRICES.get)
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Edit alert"
    assert editor.threshold_edit.text() == "90000" and not editor.rearm_box.isChecked()
    editor.threshold_edit.setText("91000")
    ok_button(editor).click()
    (rule,) = center.rules()
    assert (rule.id, rule.threshold, rule.last_fired) == ("r1", Decimal("91000"), T0)


# -- the list of every alert ------------------------------------------------------------


def test_the_rules_table_passes_the_model_tester(
    qtmodeltester: ModelTester, center: AlertCenter
) -> None:
    center.add_rule(AlertRule("BTCUSDT", AlertKind.ABOVE, Decimal("100000")))
    center.add_rule(AlertRule("ETHUSDT", AlertKind.MOVE_PCT, Decimal("2"), window_minutes=15))
    model = AlertRulesModel(center, decimals=decimals)
    qtmodeltester.check(model)
    center.add_rule(AlertRule("ETHUSDT", AlertKind.CHANGE_PCT, Decimal("5")))
    center.remove_rule(center.rules()[0].id)
    qtmodeltester.check(model)


def test_the_table_says_what_each_alert_does_and_where_it_stands(
    dialog: AlertsDialog, center: AlertCenter
) -> None:
    assert dialog.empty_label.isVisible()
    center.add_rule(AlertRule("BTCUSDT", AlertKind.ABOVE, Decimal("100000"), id="a"))
    center.add_rule(
        AlertRule("ETHUSDT", AlertKind.BELOW, Decimal("3500"), rearm=False, cooldown=0, id="b")
    )
    model = dialog.model

    def row(rule_id: str) -> list[str]:
        r = model.row_of(rule_id)
        return [model.index(r, c).data() for c in RuleColumn][1:]

    assert not dialog.empty_label.isVisible()
    assert row("a") == ["BTCUSDT", "crosses above 100,000.0", "armed", "re-arms", "never"]
    # ETH at 3,411.25 is already below 3,500: it waits for a real cross.
    assert row("b")[2] == "past the line; arms again when back"
    tip = model.index(0, RuleColumn.CONDITION).data(Qt.ItemDataRole.ToolTipRole)
    assert "re-arms once back past the line by 100" in tip and "60 s" in tip

    center.on_tickers([tick("ETHUSDT", "3600", T0 + 1000)], NOW)
    model.check_states()
    assert row("b")[2] == "armed"
    center.on_tickers([tick("ETHUSDT", "3499", T0 + 2000)], NOW)
    assert row("b")[1:] == ["crosses below 3,500.00", "fired", "once", fired_text(T0 + 2000, NOW)]
    on = model.index(model.row_of("b"), RuleColumn.ON)
    assert on.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(on, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert row("b")[2] == "past the line; arms again when back"  # 3,499: still below


def test_snooze_switch_off_and_delete_act_on_the_selected_alert(
    dialog: AlertsDialog, center: AlertCenter
) -> None:
    center.add_rule(AlertRule("BTCUSDT", AlertKind.ABOVE, Decimal("100000"), id="a"))
    assert not dialog.snooze_button.isEnabled()
    dialog.select_rule("a")
    dialog.snooze_button.click()
    rule = center.rule("a")
    assert rule is not None and rule.snoozed_until == NOW + 3600
    state = dialog.model.index(0, RuleColumn.STATE).data()
    assert state.startswith("snoozed until ")
    assert dialog.snooze_button.text() == "End snooze"
    dialog.snooze_button.click()
    assert center.rule("a").snoozed_until is None  # type: ignore[union-attr]
    dialog.enable_button.click()
    assert center.rule("a").enabled is False  # type: ignore[union-attr]
    assert dialog.enable_button.text() == "Switch on"
    assert dialog.model.index(0, RuleColumn.STATE).data() == "off"
    dialog.enable_button.click()
    assert center.rule("a").enabled is True  # type: ignore[union-attr]
    dialog.delete_button.click()
    assert center.rules() == [] and dialog.empty_label.isVisible()


def test_new_and_edit_open_the_editor_from_the_list(
    qtbot: QtBot, dialog: AlertsDialog, center: AlertCenter
) -> None:
    center.add_rule(AlertRule("ETHUSDT", AlertKind.ABOVE, Decimal("4000"), id="a"))
    dialog.select_rule("a")
    dialog.new_button.click()
    editor = dialog.editor
    assert editor is not None and editor.symbol() == "ETHUSDT"  # the selected row's
    editor.reject()
    dialog.edit_button.click()
    editor = dialog.editor
    assert editor is not None and editor.windowTitle() == "Edit alert"
    editor.threshold_edit.setText("4100")
    ok_button(editor).click()
    assert center.rule("a").threshold == Decimal("4100")  # type: ignore[union-attr]
    with qtbot.waitSignal(dialog.soundToggled) as blocker:
        dialog.sound_box.setChecked(True)
    assert blocker.args == [True]


# -- the window and the tray ------------------------------------------------------------


def test_the_row_menu_and_the_alerts_menu_ask_for_alerts(qtbot: QtBot) -> None:
    watchlist = Watchlist(["BTCUSDT", "ETHUSDT"])
    window = MainWindow(watchlist, QuoteBook())
    qtbot.addWidget(window)
    assert not window.alert_action.isEnabled()
    window.select_symbol("ETHUSDT")
    assert window.alert_action.isEnabled()
    with qtbot.waitSignal(window.alertRequested) as blocker:
        window.alert_action.trigger()
    assert blocker.args == ["ETHUSDT"]
    with qtbot.waitSignal(window.alertsRequested):
        window.alerts_action.trigger()
    assert window.alerts_menu.actions() == [window.alert_action, window.alerts_action]


@pytest.fixture
def tray_parts(qtbot: QtBot) -> Iterator[tuple[TrayTicker, QuoteBook]]:
    book = QuoteBook()
    book.on_tickers(
        [
            tick("BTCUSDT", "97123.4", T0),
            tick("ETHUSDT", "3411.25", T0),
            tick("SOLUSDT", "181.5", T0),
        ],
        NOW,
    )
    book.flush()
    watchlist = Watchlist(["BTCUSDT", "ETHUSDT", "SOLUSDT"], ["BTCUSDT", "ETHUSDT"])
    tray = TrayTicker(book, watchlist, use_system_tray=True, rotation_interval=60.0)
    tray.show()
    yield tray, book
    tray.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MiniStrip)]


def test_the_tray_icon_jumps_to_the_alerts_symbol_and_blinks_until_looked_at(
    qtbot: QtBot, tray_parts: tuple[TrayTicker, QuoteBook]
) -> None:
    tray, _ = tray_parts
    icon = tray.system_tray_icon()
    assert icon is not None and tray.shown_symbol() == "BTCUSDT"
    with qtbot.waitSignal(tray.shownSymbolChanged) as blocker:
        tray.attention("ETHUSDT")
    assert blocker.args == ["ETHUSDT"] and tray.shown_symbol() == "ETHUSDT"
    assert tray.is_blinking()
    lit = icon.icon().cacheKey()
    qtbot.waitUntil(lambda: icon.icon().cacheKey() != lit)  # the dark phase
    tray.show_next()  # rotation is held while the alert asks for attention
    assert tray.shown_symbol() == "ETHUSDT"
    tray.set_window_visible(True)  # the user opened the window
    assert not tray.is_blinking() and tray.shown_symbol() == "ETHUSDT"
    assert icon.icon().cacheKey() == tray.icon().cacheKey()

    tray.attention("SOLUSDT")  # not pinned: shown while it blinks, then back to the pins
    assert tray.shown_symbol() == "SOLUSDT" and tray.is_blinking()
    tray.menu().aboutToShow.emit()
    assert not tray.is_blinking() and tray.shown_symbol() == "ETHUSDT"
    tray.attention("BTCUSDT")
    icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    assert not tray.is_blinking()


def test_the_tray_menu_offers_an_alert_per_pinned_symbol(
    qtbot: QtBot, tray_parts: tuple[TrayTicker, QuoteBook]
) -> None:
    tray, _ = tray_parts
    # Not QAction.menu(): PySide6 before 6.9 hands its result to Python, which then
    # deletes the tray's submenu along with the wrapper.
    submenu = next(m for m in tray.menu().findChildren(QMenu) if m.title() == "New alert")
    submenu.aboutToShow.emit()
    entries = submenu.actions()
    assert [a.text() for a in entries] == ["Alert on BTCUSDT…", "Alert on ETHUSDT…"]
    with qtbot.waitSignal(tray.alertRequested) as blocker:
        entries[1].trigger()
    assert blocker.args == ["ETHUSDT"]


def test_the_editor_offers_a_funding_rate_alert_in_percent(qtbot: QtBot) -> None:
    editor = AlertEditor(list(PRICES), symbol="BTCUSDT", price_of=PRICES.get)
    qtbot.addWidget(editor)
    editor.show()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData(AlertKind.FUNDING_PCT.value))
    assert editor.kind_box.currentText() == "Funding rate beyond ±"
    assert editor.threshold_edit.text() == "0.05" and editor.unit_label.text() == "%"
    assert not editor.window_box.isVisible()
    rule = editor.rule()
    assert rule is not None
    assert (rule.kind, rule.threshold) == (AlertKind.FUNDING_PCT, Decimal("0.05"))
