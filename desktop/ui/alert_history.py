"""The alert history panel of the Alerts dialog: what fired, when, at what price.

Signals:
    cleared(): the person emptied the history.
    message(str): a one-line result (export written or refused) for the status bar.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.exchange.alert_history import history_csv
from desktop.qt.alert_history_model import AlertHistoryModel, HistoryColumn


class AlertHistoryPanel(QWidget):
    """A table of the alerts that fired, with Export… (CSV) and Clear."""

    cleared = Signal()
    message = Signal(str)

    def __init__(self, model: AlertHistoryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertHistory")
        self.model = model
        self.title = QLabel(self.tr("History: alerts that fired, newest first"), self)
        self.table = QTableView(self)
        self.table.setObjectName("alertHistoryTable")
        self.table.setAccessibleName(self.tr("Alert history"))
        self.table.setTabKeyNavigation(False)  # Tab leaves for the buttons; arrows move
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(HistoryColumn.RULE, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in (
            (HistoryColumn.TIME, "2026-12-03 00:00:00"),
            (HistoryColumn.SYMBOL, "1000SATSUSDT"),
            (HistoryColumn.PRICE, "000,000.00000"),
            (HistoryColumn.NOTE, "DEMO, crossed while disconnected"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.clicked.connect(self.choose_export)
        self.clear_button = QPushButton(self.tr("Clear history"), self)
        self.clear_button.clicked.connect(self._clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        model.rowsInserted.connect(self._update)
        model.modelReset.connect(self._update)
        self._update()

    def _update(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.export_button.setEnabled(has_rows)
        self.clear_button.setEnabled(has_rows)

    def _clear(self) -> None:
        self.model.clear()
        self.cleared.emit()

    def choose_export(self) -> QFileDialog:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, self.tr("Export alert history"), folder)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV (*.csv)")])
        dialog.setDefaultSuffix("csv")
        dialog.fileSelected.connect(self._export_selected)
        dialog.open()
        return dialog

    @asyncSlot(str)
    async def _export_selected(self, path: str) -> None:
        await self.export_to(Path(path))

    async def export_to(self, path: Path) -> bool:
        text = history_csv(self.model.records())
        try:
            await asyncio.to_thread(path.write_text, text, encoding="utf-8")
        except OSError as exc:
            failed = self.tr("Could not export the alert history to %1: %2.")
            self.message.emit(failed.replace("%1", str(path)).replace("%2", exc.strerror or ""))
            return False
        done = self.tr("Exported the alert history to %1.")
        self.message.emit(done.replace("%1", str(path)))
        return True
