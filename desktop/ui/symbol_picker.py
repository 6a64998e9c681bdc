"""The "Add symbols" dialog: search every contract, pick some, press Enter.

Opened with ``open()`` (window-modal, never a nested ``exec()`` loop). Typing filters
instantly; Enter adds the selection, or — with nothing selected — the only match, the
exact symbol typed, or (when the contract list is unavailable) whatever was typed.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.symbols import SymbolError, normalize_symbol, split_symbols
from desktop.qt.contracts_model import (
    ContractColumn,
    ContractRole,
    ContractsFilter,
    ContractsModel,
    header_title,
    normalize_search,
)
from desktop.qt.watchlist import Watchlist
from desktop.ui.buttons import plain_buttons
from desktop.wording import QT_TRANSLATE_NOOP  # typed: returns str

log = logging.getLogger(__name__)

KIND_CHOICES: Final = (
    ("all", QT_TRANSLATE_NOOP("SymbolPicker", "All types")),
    ("perpetual", QT_TRANSLATE_NOOP("SymbolPicker", "Perpetual")),
    ("quarterly", QT_TRANSLATE_NOOP("SymbolPicker", "Quarterly")),
    ("tradfi", QT_TRANSLATE_NOOP("SymbolPicker", "TradFi")),
)
UNAVAILABLE: Final = QT_TRANSLATE_NOOP(
    "SymbolPicker",
    "Contract list unavailable: {reason} — type a symbol and press Enter to add it anyway",
)
_WIDTH_SAMPLES: Final[dict[ContractColumn, str]] = {
    ContractColumn.WATCHED: "✓✓",
    ContractColumn.SYMBOL: "1000SATSUSDT_261225",
    ContractColumn.BASE: "1000SATS",
    ContractColumn.QUOTE: "USDT",
    ContractColumn.TYPE: "TradFi perpetual",
    ContractColumn.UNDERLYING: "Prelaunch index",
    ContractColumn.LAST: "000,000.0000000",
    ContractColumn.QUOTE_VOLUME: "000.00 M",
}


class SymbolPicker(QDialog):
    """Search and add contracts.

    Signals:
        symbolsChosen(list): valid symbols the user chose (also added to the watchlist
            when one was given).
    """

    symbolsChosen = Signal(list)

    def __init__(
        self,
        model: ContractsModel,
        watchlist: Watchlist | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add symbols"))
        self.setObjectName("symbolPicker")
        self.model = model
        model.set_quotes_live(False)  # until the picker is shown
        self.watchlist = watchlist
        self.proxy = ContractsFilter(model, self)
        self._source_text = ""
        self._unavailable_reason = ""

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("Search symbol or asset — e.g. btc, eth/usdc, 币安人生")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search symbols"))
        self.search_edit.textChanged.connect(self.proxy.set_text)
        self.search_edit.textChanged.connect(self._on_search_changed)
        self.search_edit.installEventFilter(self)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kindCombo")
        self.kind_combo.setAccessibleName(self.tr("Contract type"))
        for kind, label in KIND_CHOICES:
            self.kind_combo.addItem(QCoreApplication.translate("SymbolPicker", label), kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.quote_combo = QComboBox(self)
        self.quote_combo.setObjectName("quoteCombo")
        self.quote_combo.setAccessibleName(self.tr("Quote asset"))
        self.quote_combo.currentIndexChanged.connect(self._on_quote_changed)
        self._fill_quote_combo()

        self.source_label = QLabel(self)
        self.source_label.setObjectName("sourceLabel")
        self.source_label.setWordWrap(True)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.hide()

        self.table = self._make_table()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")

        buttons = QDialogButtonBox(self)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setDefault(True)
        self.add_button.setAutoDefault(True)
        self.add_button.setToolTip(self.tr("Add the selected symbols (Enter)"))
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        plain_buttons(buttons)  # no fallback ✗ picture where the desktop has no icon theme
        self.add_button.clicked.connect(self.add_chosen)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.quote_combo)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.source_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_label)
        layout.addLayout(footer)

        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        model.modelReset.connect(self._on_catalog_reset)
        self.table.selectionModel().selectionChanged.connect(self._update_add_button)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self._update_source_label()
        self._update_count()
        self._update_add_button()
        self.resize(self._default_width(), 520)

    # -- construction -------------------------------------------------------------------

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("contractsTable")
        table.setAccessibleName(self.tr("Contracts"))
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(QFontMetrics(table.font()).height() + 6)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        metrics = QFontMetrics(table.font())
        for column, sample in _WIDTH_SAMPLES.items():
            title = header_title(column)
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 18)
            header.resizeSection(column, width + 14)
        header.setSectionResizeMode(ContractColumn.WATCHED, QHeaderView.ResizeMode.Fixed)
        return table

    def _default_width(self) -> int:
        header = self.table.horizontalHeader()
        return min(sum(header.sectionSize(c) for c in range(header.count())) + 48, 1100)

    def _fill_quote_combo(self) -> None:
        current = self.quote_combo.currentData()
        self.quote_combo.blockSignals(True)
        self.quote_combo.clear()
        self.quote_combo.addItem(self.tr("All quotes"), "")
        for asset in self.model.quote_assets():
            self.quote_combo.addItem(asset, asset)
        found = self.quote_combo.findData(current)
        self.quote_combo.setCurrentIndex(max(0, found))
        self.quote_combo.blockSignals(False)
        self.proxy.set_quote_asset(str(self.quote_combo.currentData() or ""))

    # -- public API ----------------------------------------------------------------------

    def set_source_text(self, text: str) -> None:
        """Say where the contract list comes from, e.g. "offline: using the contract
        list cached on 2026-11-20 14:02"; empty for a fresh list (nothing shown)."""
        self._source_text = text
        self._update_source_label()

    def set_unavailable_reason(self, reason: str) -> None:
        """Why the contract list could not be loaded (shown while the catalog is empty)."""
        self._unavailable_reason = reason
        self._update_source_label()

    def source_text(self) -> str:
        return self.source_label.text() if not self.source_label.isHidden() else ""

    def problems_text(self) -> str:
        return self.problem_label.text() if not self.problem_label.isHidden() else ""

    def chosen_symbols(self) -> list[str]:
        """What Enter would add now: the selection, else the single match or what was typed."""
        selection = self.table.selectionModel()
        rows = sorted({i.row() for i in selection.selectedRows()})
        symbols = [self.proxy.index(r, 0).data(ContractRole.SymbolRole) for r in rows]
        chosen = [s for s in symbols if isinstance(s, str)]
        if chosen:
            return chosen
        typed = self.search_edit.text().strip()
        if not typed:
            return []
        try:
            exact = normalize_symbol(normalize_search(typed))
        except SymbolError:
            exact = ""
        if exact and self.model.row_of(exact) >= 0:
            return [exact]
        if self.proxy.rowCount() == 1:
            symbol = self.proxy.index(0, 0).data(ContractRole.SymbolRole)
            return [symbol] if isinstance(symbol, str) else []
        if len(self.model.catalog) == 0:
            return split_symbols(typed)  # no list to pick from: take the typed words
        return [typed] if self.proxy.rowCount() == 0 else []

    def add_chosen(self) -> None:
        """Add what ``chosen_symbols`` names; problems are shown inline, never in a popup."""
        texts = self.chosen_symbols()
        if not texts:
            self._show_problems([self.tr("Select one or more contracts, or type a symbol.")])
            return
        valid: list[str] = []
        problems: list[str] = []
        for text in texts:
            try:
                symbol = self.model.catalog.validate(text)
            except SymbolError as exc:
                problems.append(str(exc))
                continue
            if self.watchlist is not None and symbol in self.watchlist:
                problems.append(
                    self.tr("{symbol} is already on your watchlist.").format(symbol=symbol)
                )
            elif symbol not in valid:
                valid.append(symbol)
        if valid:
            self.symbolsChosen.emit(valid)
            if self.watchlist is not None:
                _, refused = self.watchlist.add(valid)
                problems.extend(refused)
        if problems:
            self._show_problems(problems)
            return
        self._show_problems([])
        log.info("added from the picker: %s", ", ".join(valid))
        self.accept()

    # -- internals -------------------------------------------------------------------------

    def _show_problems(self, problems: list[str]) -> None:
        if problems:
            self.problem_label.setText("\n".join(problems))
            self.problem_label.setStyleSheet("color: #c5221f;")
            self.problem_label.show()
        else:
            self.problem_label.clear()
            self.problem_label.hide()

    def _update_source_label(self) -> None:
        if len(self.model.catalog) == 0:
            reason = self._unavailable_reason or self._source_text or self.tr("not loaded yet")
            text = QCoreApplication.translate("SymbolPicker", UNAVAILABLE).format(reason=reason)
            style = "color: #b3261e; font-weight: bold;"
        else:
            text = self._source_text
            style = "color: #8a5a00;"
        self.source_label.setText(text)
        self.source_label.setStyleSheet(style)
        self.source_label.setVisible(bool(text))

    def _on_catalog_reset(self) -> None:
        self._fill_quote_combo()
        self._update_source_label()

    def _on_kind_changed(self, _: int) -> None:
        self.proxy.set_kind(str(self.kind_combo.currentData()))

    def _on_quote_changed(self, _: int) -> None:
        self.proxy.set_quote_asset(str(self.quote_combo.currentData() or ""))

    def _on_double_clicked(self, _: QModelIndex) -> None:
        self.add_chosen()

    def _on_search_changed(self, _: str) -> None:
        if not self.problem_label.isHidden():
            self._show_problems([])
        self._update_add_button()

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            self.tr("{shown} of %n contracts", "", total).format(shown=shown)
            if shown != total
            else self.tr("%n contracts", "", total)
        )

    def _update_add_button(self, *_: object) -> None:
        self.add_button.setEnabled(
            bool(self.table.selectionModel().selectedRows()) or bool(self.search_edit.text())
        )

    def showEvent(self, event: QShowEvent) -> None:
        self.model.set_quotes_live(True)
        super().showEvent(event)
        self._show_problems([])
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.search_edit.selectAll()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.model.set_quotes_live(False)  # nobody sees the prices until it opens again

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search box moves into the results, as in every search field.
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount()
        ):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.selectionModel().hasSelection():
                self.table.selectionModel().setCurrentIndex(
                    self.proxy.index(0, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            return True
        return super().eventFilter(watched, event)
