"""Price alert dialogs: the list of every alert, and the editor for one.

Layout and wiring only: rules live in ``AlertCenter`` and every change goes through it.
Both dialogs are opened with ``open()`` (window-modal, no nested event loop), never
``exec()``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Final

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.alert_engine import RuleState
from desktop.exchange.alerts import (
    DEFAULT_COOLDOWN,
    MAX_WINDOW_MINUTES,
    PRICE_KINDS,
    AlertKind,
    AlertRule,
    check_rule,
    hysteresis_of,
)
from desktop.exchange.display import format_price
from desktop.qt.alert_rules_model import AlertRulesModel, RuleColumn, rule_header
from desktop.qt.alerts import AlertCenter
from desktop.ui.buttons import plain_buttons
from desktop.wording import QT_TRANSLATE_NOOP  # typed: returns str

log = logging.getLogger(__name__)

SNOOZE_SECONDS: Final = 3600.0
DEFAULT_PERCENT: Final = "5"
DEFAULT_MOVE: Final = "2"
DEFAULT_WINDOW: Final = 15
_KIND_LABELS: Final[dict[AlertKind, str]] = {
    AlertKind.ABOVE: QT_TRANSLATE_NOOP("AlertEditor", "Price crosses above"),
    AlertKind.BELOW: QT_TRANSLATE_NOOP("AlertEditor", "Price crosses below"),
    AlertKind.CHANGE_PCT: QT_TRANSLATE_NOOP("AlertEditor", "24h change beyond ±"),
    AlertKind.MOVE_PCT: QT_TRANSLATE_NOOP("AlertEditor", "Moves by"),
    AlertKind.FUNDING_PCT: QT_TRANSLATE_NOOP("AlertEditor", "Funding rate beyond ±"),
}
DEFAULT_FUNDING: Final = "0.05"  # % per period: five times Binance's usual 0.01 %

Decimals = Callable[[str], int | None]
PriceOf = Callable[[str], Decimal | None]


class AlertEditor(QDialog):
    """Create or edit one rule; ``rule()`` is the result once ``accepted`` fired.

    New price alerts start at the symbol's current price, with the Value field focused
    and its text selected: typing a price and pressing Enter creates that alert.
    """

    def __init__(
        self,
        symbols: Sequence[str],
        *,
        symbol: str = "",
        price_of: PriceOf = lambda _symbol: None,
        decimals: Decimals = lambda _symbol: None,
        rule: AlertRule | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alertEditor")
        self.setWindowTitle(self.tr("Edit alert") if rule is not None else self.tr("New alert"))
        self._original = rule
        self._price_of = price_of
        self._decimals = decimals
        self._result: AlertRule | None = None

        self.symbol_box = QComboBox(self)
        names = list(dict.fromkeys([*symbols, *([rule.symbol] if rule else [])]))
        self.symbol_box.addItems(names)
        self.kind_box = QComboBox(self)
        for kind, label in _KIND_LABELS.items():
            self.kind_box.addItem(self.tr(label), kind.value)  # Qt keeps the value as a plain str
        self.threshold_edit = QLineEdit(self)
        self.threshold_edit.setObjectName("thresholdEdit")
        self.unit_label = QLabel(self)
        self.window_box = QSpinBox(self)
        self.window_box.setRange(1, MAX_WINDOW_MINUTES)
        self.window_box.setSuffix(self.tr(" min"))
        self.window_box.setPrefix(self.tr("within "))
        self.window_box.setValue(DEFAULT_WINDOW)
        self.price_label = QLabel(self)
        self.rearm_box = QCheckBox(self.tr("Re-arm after it fires (otherwise it fires once)"), self)
        self.rearm_box.setChecked(True)
        self.cooldown_box = QSpinBox(self)
        self.cooldown_box.setRange(0, 24 * 3600)
        self.cooldown_box.setSuffix(self.tr(" s"))
        self.cooldown_box.setValue(int(DEFAULT_COOLDOWN))
        self.cooldown_box.setToolTip(
            self.tr("After it fires, crosses within this time are ignored")
        )
        self.hysteresis_edit = QLineEdit(self)
        self.hysteresis_edit.setObjectName("hysteresisEdit")
        self.hysteresis_edit.setToolTip(
            self.tr(
                "How far back past the line the value must go before the alert arms again; "
                "empty: 0.1 % of the price, or 0.2 percentage points"
            )
        )
        self.hysteresis_unit = QLabel(self)  # "USDT" or "% points": what the number is in
        self.error_label = QLabel(self)
        self.error_label.setObjectName("alertError")
        self.error_label.setStyleSheet("color: #d93025;")
        self.error_label.setWordWrap(True)

        # In rows of their own, not a form field: no label names them for a screen reader.
        self.threshold_edit.setAccessibleName(self.tr("Alert value"))
        self.window_box.setAccessibleName(self.tr("Time window"))
        self.hysteresis_edit.setAccessibleName(self.tr("Hysteresis"))
        value_row = QHBoxLayout()
        value_row.addWidget(self.threshold_edit, 1)
        value_row.addWidget(self.unit_label)
        value_row.addWidget(self.window_box)
        form = QFormLayout()
        form.addRow(self.tr("Symbol"), self.symbol_box)
        form.addRow(self.tr("When"), self.kind_box)
        form.addRow(self.tr("Value"), value_row)
        form.addRow("", self.price_label)
        form.addRow("", self.rearm_box)
        form.addRow(self.tr("Cooldown"), self.cooldown_box)
        hysteresis_row = QHBoxLayout()
        hysteresis_row.addWidget(self.hysteresis_edit, 1)
        hysteresis_row.addWidget(self.hysteresis_unit)
        form.addRow(self.tr("Hysteresis"), hysteresis_row)
        self.buttons = plain_buttons(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
            )
        )
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setDefault(True)  # Enter in any field is OK
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._fill(rule, symbol)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.symbol_box.currentIndexChanged.connect(self._update)
        for edit in (self.threshold_edit, self.hysteresis_edit):
            edit.textChanged.connect(self._update)
        self.window_box.valueChanged.connect(self._update)
        self._update()
        # Where the hands go next: the number, selected, so typing replaces it.
        self.threshold_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.threshold_edit.selectAll()

    # -- filling -----------------------------------------------------------------

    def _fill(self, rule: AlertRule | None, symbol: str) -> None:
        if rule is not None:
            self.symbol_box.setCurrentText(rule.symbol)
            self.kind_box.setCurrentIndex(self.kind_box.findData(rule.kind.value))
            self.threshold_edit.setText(f"{rule.threshold:f}")
            if rule.window_minutes is not None:
                self.window_box.setValue(rule.window_minutes)
            self.rearm_box.setChecked(rule.rearm)
            self.cooldown_box.setValue(round(rule.cooldown))
            if rule.hysteresis is not None:
                self.hysteresis_edit.setText(f"{rule.hysteresis:f}")
            return
        if symbol:
            self.symbol_box.setCurrentText(symbol)
        self.threshold_edit.setText(self._default_value(AlertKind.ABOVE))

    def _default_value(self, kind: AlertKind) -> str:
        if kind in PRICE_KINDS:
            price = self._price_of(self.symbol())
            return f"{price:f}" if price is not None else ""
        if kind is AlertKind.FUNDING_PCT:
            return DEFAULT_FUNDING
        return DEFAULT_PERCENT if kind is AlertKind.CHANGE_PCT else DEFAULT_MOVE

    def _kind_changed(self) -> None:
        """A new kind gets its own default, unless the user typed a value of its sort."""
        kind = self.kind()
        old = self.threshold_edit.text().strip()
        defaults = {self._default_value(k) for k in AlertKind}
        if not old or old in defaults:
            self.threshold_edit.setText(self._default_value(kind))
        self._update()

    # -- reading -----------------------------------------------------------------

    def symbol(self) -> str:
        return self.symbol_box.currentText()

    def kind(self) -> AlertKind:
        data = self.kind_box.currentData()
        return AlertKind(data) if isinstance(data, str) else AlertKind.ABOVE

    def rule(self) -> AlertRule | None:
        """The rule as entered, checked; None while something is not valid."""
        return self._result

    def _build(self) -> AlertRule:
        kind = self.kind()
        threshold = _decimal(self.threshold_edit.text(), VALUE)
        hysteresis_text = self.hysteresis_edit.text().strip()
        hysteresis = _decimal(hysteresis_text, HYSTERESIS) if hysteresis_text else None
        rule = AlertRule(
            symbol=self.symbol(),
            kind=kind,
            threshold=threshold,
            window_minutes=self.window_box.value() if kind is AlertKind.MOVE_PCT else None,
            rearm=self.rearm_box.isChecked(),
            hysteresis=hysteresis,
            cooldown=float(self.cooldown_box.value()),
        )
        if self._original is not None:  # same alert: keep its id, snooze and history
            original = self._original
            rule = replace(
                rule,
                id=original.id,
                snoozed_until=original.snoozed_until,
                last_fired=original.last_fired,
            )
        return check_rule(rule)

    def _update(self) -> None:
        kind = self.kind()
        quote = _quote_asset(self.symbol())
        self.unit_label.setText(quote if kind in PRICE_KINDS else "%")
        self.hysteresis_unit.setText(quote if kind in PRICE_KINDS else self.tr("% points"))
        self.window_box.setVisible(kind is AlertKind.MOVE_PCT)
        symbol = self.symbol()
        price = self._price_of(symbol)
        decimals = self._decimals(symbol)
        self.price_label.setText(
            self.tr("{symbol} is at {price} now").format(
                symbol=symbol, price=format_price(price, decimals)
            )
            if price is not None
            else ""
        )
        try:
            self._result = self._build()
        except ValueError as exc:
            self._result = None
            message = str(exc)[:1].upper() + str(exc)[1:]
            self.error_label.setText(self.tr("{message}.").format(message=message))
        else:
            self.error_label.setText("")
            default = hysteresis_of(kind, self._result.threshold, None)
            self.hysteresis_edit.setPlaceholderText(
                self.tr("default {value}").format(value=format_price(default.normalize()))
            )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._result is not None and bool(symbol))

    def _accept(self) -> None:
        if self._result is not None:
            self.accept()


def _quote_asset(symbol: str) -> str:
    """``USDT`` of ``BTCUSDT``: what a price of the symbol is counted in ("" if unsure)."""
    return next((q for q in ("USDT", "USDC") if symbol.endswith(q) and symbol != q), "")


VALUE: Final = QT_TRANSLATE_NOOP("AlertEditor", "value")
HYSTERESIS: Final = QT_TRANSLATE_NOOP("AlertEditor", "hysteresis")


def _decimal(text: str, name: str) -> Decimal:
    """``text`` as a number; a ValueError in the user's words names the field ``name``."""

    def tr(message: str) -> str:  # a field's name
        return QCoreApplication.translate("AlertEditor", message)

    cleaned = text.strip().replace(",", "").replace(" ", "")
    if not cleaned:
        raise ValueError(
            QCoreApplication.translate("AlertEditor", "enter a {name}").format(name=tr(name))
        )
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(
            QCoreApplication.translate("AlertEditor", "the {name} “{text}” is not a number").format(
                name=tr(name), text=text.strip()[:20]
            )
        ) from None
    if not number.is_finite():
        raise ValueError(
            QCoreApplication.translate("AlertEditor", "the {name} is not a number").format(
                name=tr(name)
            )
        )
    return number


def open_alert_editor(
    center: AlertCenter,
    symbols: Sequence[str],
    *,
    symbol: str = "",
    rule: AlertRule | None = None,
    price_of: PriceOf = lambda _symbol: None,
    decimals: Decimals = lambda _symbol: None,
    parent: QWidget | None = None,
) -> AlertEditor:
    """Open the editor window-modally; on OK the rule is added to (or updated in)
    ``center``. Returns the dialog, which deletes itself when closed."""
    editor = AlertEditor(
        symbols, symbol=symbol, price_of=price_of, decimals=decimals, rule=rule, parent=parent
    )
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def save() -> None:
        result = editor.rule()
        if result is None:
            return
        if center.rule(result.id) is None:
            center.add_rule(result)
        else:
            center.update_rule(result)

    editor.accepted.connect(save)
    editor.open()
    return editor


class AlertsDialog(QDialog):
    """Every alert in one table, with New, Edit, Delete, Snooze 1 h and On/Off.

    Signals:
        soundToggled(bool): the "Beep when an alert fires" switch changed.
    """

    soundToggled = Signal(bool)

    def __init__(
        self,
        center: AlertCenter,
        symbols: Callable[[], Sequence[str]],
        *,
        price_of: PriceOf = lambda _symbol: None,
        decimals: Decimals = lambda _symbol: None,
        sound: bool = False,
        history: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alertsDialog")
        self.history = history  # the alerts that fired (desktop.ui.alert_history)
        self.setWindowTitle(self.tr("Alerts"))
        self._center = center
        self._symbols = symbols
        self._price_of = price_of
        self._decimals = decimals
        self.editor: AlertEditor | None = None  # the editor last opened, for tests

        self.model = AlertRulesModel(center, decimals=decimals, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("alertsTable")
        self.table.setAccessibleName(self.tr("Alert rules"))
        self.table.setTabKeyNavigation(False)  # Tab leaves for the buttons; arrows move
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(RuleColumn.STATE, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in (
            (RuleColumn.ON, rule_header(RuleColumn.ON) + "M"),
            (RuleColumn.SYMBOL, "1000SATSUSDT"),
            (RuleColumn.CONDITION, "24h change beyond ±10 % within"),
            (RuleColumn.STATE, "snoozed until 00:00"),
            (RuleColumn.REPEAT, "re-arms"),
            (RuleColumn.LAST_FIRED, "28 Nov 00:00"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self.table.doubleClicked.connect(self._edit_index)
        self.empty_label = QLabel(
            self.tr("No alerts yet. Right-click a row of the watchlist and choose Alert…, or New…"),
            self,
        )
        self.empty_label.setWordWrap(True)

        self.new_button = QPushButton(self.tr("New…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.snooze_button = QPushButton(self.tr("Snooze 1 h"), self)
        self.enable_button = QPushButton(self.tr("Switch off"), self)
        self.new_button.clicked.connect(lambda: self.new_alert())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.snooze_button.clicked.connect(self.snooze_selected)
        self.enable_button.clicked.connect(self.toggle_selected)
        self.sound_box = QCheckBox(self.tr("Beep when an alert fires"), self)
        self.sound_box.setChecked(sound)
        self.sound_box.toggled.connect(self.soundToggled)
        close = plain_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self))
        close.rejected.connect(self.reject)

        buttons = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.snooze_button,
            self.enable_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.sound_box)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        if history is not None:
            history.setParent(self)
            layout.addWidget(history, 1)
        layout.addLayout(bottom)
        self.resize(820, 320 if history is None else 520)

        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- selection ---------------------------------------------------------------

    def selected_rule(self) -> AlertRule | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rule_at(rows[0].row()) if rows else None

    def select_rule(self, rule_id: str) -> None:
        row = self.model.row_of(rule_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self, *_: object) -> None:
        rule = self.selected_rule()
        for button in (
            self.edit_button,
            self.delete_button,
            self.snooze_button,
            self.enable_button,
        ):
            button.setEnabled(rule is not None)
        self.enable_button.setText(
            self.tr("Switch on") if rule is not None and not rule.enabled else self.tr("Switch off")
        )
        snoozed = rule is not None and self._center.state(rule.id) is RuleState.SNOOZED
        self.snooze_button.setText(self.tr("End snooze") if snoozed else self.tr("Snooze 1 h"))
        self.empty_label.setVisible(self.model.rowCount() == 0)

    # -- actions -----------------------------------------------------------------

    def new_alert(self, symbol: str = "") -> AlertEditor:
        selected = self.selected_rule()
        chosen = symbol or (selected.symbol if selected is not None else "")
        self.editor = open_alert_editor(
            self._center,
            self._symbols(),
            symbol=chosen,
            price_of=self._price_of,
            decimals=self._decimals,
            parent=self,
        )
        return self.editor

    def edit_selected(self) -> AlertEditor | None:
        rule = self.selected_rule()
        if rule is None:
            return None
        self.editor = open_alert_editor(
            self._center,
            self._symbols(),
            rule=rule,
            price_of=self._price_of,
            decimals=self._decimals,
            parent=self,
        )
        return self.editor

    def _edit_index(self, index: QModelIndex) -> None:
        if index.column() != RuleColumn.ON:
            self.edit_selected()

    def delete_selected(self) -> None:
        rule = self.selected_rule()
        if rule is not None:
            self._center.remove_rule(rule.id)

    def snooze_selected(self) -> None:
        rule = self.selected_rule()
        if rule is None:
            return
        snoozed = self._center.state(rule.id) is RuleState.SNOOZED
        self._center.snooze(rule.id, 0 if snoozed else SNOOZE_SECONDS)
        self.select_rule(rule.id)

    def toggle_selected(self) -> None:
        rule = self.selected_rule()
        if rule is not None:
            self._center.set_enabled(rule.id, not rule.enabled)
            self.select_rule(rule.id)
