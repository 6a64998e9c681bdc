"""Every alert rule as a table row: on/off, symbol, condition, state, repeat, last fired.

A thin adapter over ``AlertCenter``: rules come from it, the On checkbox goes back to
it. A rule's state also changes without any rule being edited (a price crosses back
and re-arms it, a snooze runs out), so a one-second check re-reads the State column
and announces only the rows whose text changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from desktop.exchange.alert_engine import RuleState
from desktop.exchange.alerts import PRICE_KINDS, AlertRule, describe_rule
from desktop.qt.alerts import AlertCenter
from desktop.qt.roles import CHECK, DISPLAY, TOOLTIP
from desktop.wording import QT_TRANSLATE_NOOP  # typed: returns str

Index = QModelIndex | QPersistentModelIndex

#: The rule's id, in every column (``Qt.UserRole``).
RULE_ID_ROLE: Final = int(Qt.ItemDataRole.UserRole)


class RuleColumn(IntEnum):
    ON = 0
    SYMBOL = 1
    CONDITION = 2
    STATE = 3
    REPEAT = 4
    LAST_FIRED = 5


_CONTEXT: Final = "AlertRulesModel"
#: Column titles and tooltips in English (translated where shown: ``rule_header``).
RULE_HEADERS: Final[dict[RuleColumn, tuple[str, str]]] = {
    RuleColumn.ON: (
        QT_TRANSLATE_NOOP("AlertRulesModel", "On"),
        QT_TRANSLATE_NOOP("AlertRulesModel", "Switched on: the alert is evaluated on every price"),
    ),
    RuleColumn.SYMBOL: (
        QT_TRANSLATE_NOOP("AlertRulesModel", "Symbol"),
        QT_TRANSLATE_NOOP("AlertRulesModel", "The contract the alert watches"),
    ),
    RuleColumn.CONDITION: (
        QT_TRANSLATE_NOOP("AlertRulesModel", "Condition"),
        QT_TRANSLATE_NOOP(
            "AlertRulesModel", "What makes it fire: a cross, never merely being past"
        ),
    ),
    RuleColumn.STATE: (
        QT_TRANSLATE_NOOP("AlertRulesModel", "State"),
        QT_TRANSLATE_NOOP(
            "AlertRulesModel", "Armed, snoozed, fired, or past the line waiting to re-arm"
        ),
    ),
    RuleColumn.REPEAT: (
        QT_TRANSLATE_NOOP("AlertRulesModel", "Repeat"),
        QT_TRANSLATE_NOOP(
            "AlertRulesModel", "Re-arms after firing, or fires once and switches off"
        ),
    ),
    RuleColumn.LAST_FIRED: (
        QT_TRANSLATE_NOOP("AlertRulesModel", "Last fired"),
        QT_TRANSLATE_NOOP("AlertRulesModel", "When it last fired (exchange time)"),
    ),
}
#: The engine's states (English in the domain layer), worded for the user here.
STATE_TEXTS: Final[dict[RuleState, str]] = {
    RuleState.WAITING: QT_TRANSLATE_NOOP("AlertRulesModel", "waiting for a price"),
    RuleState.ARMED: QT_TRANSLATE_NOOP("AlertRulesModel", "armed"),
    RuleState.REARMING: QT_TRANSLATE_NOOP("AlertRulesModel", "past the line; arms again when back"),
    RuleState.SNOOZED: QT_TRANSLATE_NOOP("AlertRulesModel", "snoozed"),
    RuleState.FIRED: QT_TRANSLATE_NOOP("AlertRulesModel", "fired"),
    RuleState.OFF: QT_TRANSLATE_NOOP("AlertRulesModel", "off"),
}
_COLUMNS: Final = len(RuleColumn)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def rule_header(column: RuleColumn) -> str:
    """The column's title in the user's language."""
    return _tr(RULE_HEADERS[column][0])


def fired_text(epoch_ms: int | None, now: float) -> str:
    """``14:05:09`` today, ``3 Mar 14:05`` before; "never"."""
    if epoch_ms is None:
        return QCoreApplication.translate("AlertRulesModel", "never")
    moment = datetime.fromtimestamp(epoch_ms / 1000)
    if moment.date() == datetime.fromtimestamp(now).date():
        return moment.strftime("%H:%M:%S")
    # The translation is a strftime() format too (%d day, %b month name, %m month).
    return moment.strftime(QCoreApplication.translate("AlertRulesModel", "%d %b %H:%M"))


class AlertRulesModel(QAbstractTableModel):
    """The center's rules in their order. Signals: only ``QAbstractItemModel``'s."""

    def __init__(
        self,
        center: AlertCenter,
        *,
        decimals: Callable[[str], int | None] = lambda _symbol: None,
        state_check_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._center = center
        self._decimals = decimals
        self._rules: list[AlertRule] = center.rules()
        self._states: list[str] = [self._state_text(r) for r in self._rules]
        center.rulesChanged.connect(self._on_rules_changed)
        self._timer = QTimer(self)
        self._timer.setInterval(state_check_ms)
        self._timer.timeout.connect(self.check_states)
        self._timer.start()

    def rule_at(self, row: int) -> AlertRule | None:
        return self._rules[row] if 0 <= row < len(self._rules) else None

    def row_of(self, rule_id: str) -> int:
        return next((i for i, r in enumerate(self._rules) if r.id == rule_id), -1)

    # -- Qt model API -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rules)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < _COLUMNS:
            return None
        if role == DISPLAY:
            return rule_header(RuleColumn(section))
        if role == TOOLTIP:
            return _tr(RULE_HEADERS[RuleColumn(section)][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if index.column() == RuleColumn.ON:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = DISPLAY) -> object:
        row, col = index.row(), index.column()
        if not index.isValid() or row >= len(self._rules) or col >= _COLUMNS:
            return None
        rule = self._rules[row]
        if role == RULE_ID_ROLE:
            return rule.id
        if role == CHECK and col == RuleColumn.ON:
            return Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked
        if role == DISPLAY:
            return self._text(rule, RuleColumn(col), row)
        if role == TOOLTIP and col == RuleColumn.STATE:
            return self._states[row]
        if role == TOOLTIP and col == RuleColumn.CONDITION:
            hysteresis = rule.effective_hysteresis.normalize()
            back = f"{hysteresis:f}"
            if rule.kind not in PRICE_KINDS:
                back = QCoreApplication.translate(
                    "AlertRulesModel", "{value} percentage points"
                ).format(value=back)
            return QCoreApplication.translate(
                "AlertRulesModel",
                "Fires when the {condition}; re-arms once back past the line by {back}; "
                "at most once every {cooldown} s",
            ).format(
                condition=describe_rule(rule, self._decimals(rule.symbol)),
                back=back,
                cooldown=f"{rule.cooldown:g}",
            )
        return None

    def setData(self, index: Index, value: object, role: int = DISPLAY) -> bool:
        if not index.isValid() or index.column() != RuleColumn.ON or role != CHECK:
            return False
        rule = self.rule_at(index.row())
        if rule is None:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self._center.set_enabled(rule.id, checked)  # comes back as rulesChanged
        return True

    def _text(self, rule: AlertRule, col: RuleColumn, row: int) -> str:
        if col == RuleColumn.ON:
            return ""
        if col == RuleColumn.SYMBOL:
            return rule.symbol
        if col == RuleColumn.CONDITION:
            return describe_rule(rule, self._decimals(rule.symbol))
        if col == RuleColumn.STATE:
            return self._states[row]
        if col == RuleColumn.REPEAT:
            return (
                QCoreApplication.translate("AlertRulesModel", "re-arms")
                if rule.rearm
                else QCoreApplication.translate("AlertRulesModel", "once")
            )
        return fired_text(rule.last_fired, self._center.now())

    # -- following the center -----------------------------------------------------

    def _state_text(self, rule: AlertRule) -> str:
        state = self._center.state(rule.id)
        if state is RuleState.SNOOZED and rule.snoozed_until is not None:
            until = datetime.fromtimestamp(rule.snoozed_until).strftime("%H:%M")
            return QCoreApplication.translate("AlertRulesModel", "snoozed until {time}").format(
                time=until
            )
        return _tr(STATE_TEXTS.get(state, state.value)) if state is not None else ""

    def _on_rules_changed(self) -> None:
        rules = self._center.rules()
        if [r.id for r in rules] != [r.id for r in self._rules]:
            self.beginResetModel()
            self._rules = rules
            self._states = [self._state_text(r) for r in rules]
            self.endResetModel()
            return
        self._rules = rules
        self._states = [self._state_text(r) for r in rules]
        if rules:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rules) - 1, _COLUMNS - 1))

    def check_states(self) -> None:
        """Re-read each rule's state; ``dataChanged`` only for rows whose text changed."""
        for row, rule in enumerate(self._rules):
            text = self._state_text(rule)
            if text != self._states[row]:
                self._states[row] = text
                cell = self.index(row, RuleColumn.STATE)
                self.dataChanged.emit(cell, cell, [DISPLAY])
