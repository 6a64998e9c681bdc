"""The alert history as a table: newest first, one row per alert that fired."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.exchange.alert_history import MAX_HISTORY, FiredRecord, appended

Index = QModelIndex | QPersistentModelIndex


class HistoryColumn(IntEnum):
    TIME = 0
    SYMBOL = 1
    RULE = 2
    PRICE = 3
    NOTE = 4


class AlertHistoryModel(QAbstractTableModel):
    """Alerts that fired, newest on top; ``records()`` is oldest first, as saved."""

    def __init__(self, records: Sequence[FiredRecord] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[FiredRecord] = list(records)[-MAX_HISTORY:]

    def records(self) -> list[FiredRecord]:
        return list(self._records)

    def add(self, record: FiredRecord) -> None:
        if len(self._records) >= MAX_HISTORY:  # the oldest is the bottom row
            last = len(self._records) - 1
            self.beginRemoveRows(QModelIndex(), last, last)
            self._records = self._records[1:]
            self.endRemoveRows()
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._records = appended(self._records, record)
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._records = []
        self.endResetModel()

    def _at(self, row: int) -> FiredRecord:
        return self._records[len(self._records) - 1 - row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HistoryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Time"),
            self.tr("Symbol"),
            self.tr("Alert"),
            self.tr("Price"),
            self.tr("Note"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        record = self._at(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == HistoryColumn.TIME:
                return datetime.fromtimestamp(record.time).strftime("%Y-%m-%d %H:%M:%S")
            if column == HistoryColumn.SYMBOL:
                return record.symbol
            if column == HistoryColumn.RULE:
                return record.rule
            if column == HistoryColumn.PRICE:
                return record.price
            notes = []
            if record.demo:
                notes.append(self.tr("DEMO"))
            if record.while_disconnected:
                notes.append(self.tr("crossed while disconnected"))
            return ", ".join(notes)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == HistoryColumn.PRICE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
