"""File ▸ Import / Export and Copy rows: watchlists in and out of MiniTicker.

``WatchlistTransfer`` owns three actions for the window's menus. Files are read and
written on a worker thread (never on the UI thread); dialogs open with ``open()``, never
``exec()``. An import ends in a summary that names every entry not taken and why.

Signals:
    message(str): a one-line result for the status bar.
    imported(object): the ``Applied`` of a finished import.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from desktop.exchange.ticker import MiniTicker
from desktop.exchange.watchlist_io import (
    ImportResult,
    Skip,
    Unreadable,
    WatchlistFileError,
    export_rows,
    parse_import,
    to_csv,
    to_json,
    to_tsv,
)
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist_import import Applied, apply_import
from desktop.qt.watchlists import Watchlists
from desktop.ui.buttons import plain_buttons

log = logging.getLogger(__name__)

# Literal contexts below, for lupdate: translate("WatchlistTransfer", ...).
translate = QCoreApplication.translate


def skip_reason(reason: Skip) -> str:
    """The reason an entry was not imported, in the user's language."""
    return {
        Skip.MALFORMED: translate("WatchlistTransfer", "not a symbol name"),
        Skip.OTHER_EXCHANGE: translate("WatchlistTransfer", "not a Binance symbol"),
        Skip.COIN_MARGINED: translate(
            "WatchlistTransfer", "a COIN-M contract; MiniTicker shows USDⓈ-M futures"
        ),
        Skip.UNKNOWN: translate(
            "WatchlistTransfer", "Binance USDⓈ-M futures lists no such contract"
        ),
        Skip.NOT_TRADING: translate(
            "WatchlistTransfer", "listed but not trading (settling or delisted)"
        ),
    }[reason]


def unreadable_reason(error: WatchlistFileError) -> str:
    return {
        Unreadable.TOO_LARGE: translate(
            "WatchlistTransfer", "the file is far larger than a watchlist"
        ),
        Unreadable.NOT_TEXT: translate("WatchlistTransfer", "the file is not text"),
        Unreadable.BROKEN_JSON: translate("WatchlistTransfer", "the JSON in it is broken"),
        Unreadable.NO_WATCHLISTS: translate("WatchlistTransfer", "the JSON holds no watchlists"),
    }[error.reason]


def summary_text(result: ImportResult, applied: Applied) -> tuple[str, str]:
    """(headline, details) of an import, for the summary dialog."""
    symbols, lists = applied.added_count, len(applied.lists)
    # One sentence a language can order as it needs: no pieces glued together.
    if symbols == 1:
        headline = (
            translate("WatchlistTransfer", "Imported 1 symbol into 1 watchlist.")
            if lists == 1
            else translate("WatchlistTransfer", "Imported 1 symbol into %2 watchlists.")
        )
    else:
        headline = (
            translate("WatchlistTransfer", "Imported %1 symbols into 1 watchlist.")
            if lists == 1
            else translate("WatchlistTransfer", "Imported %1 symbols into %2 watchlists.")
        )
    headline = headline.replace("%1", str(symbols)).replace("%2", str(lists))
    lines: list[str] = []
    for name, added, already in applied.lists:
        line = (
            translate("WatchlistTransfer", "%1: %2 added, %3 already there")
            if already
            else translate("WatchlistTransfer", "%1: %2 added")
        )
        # The name last: a list called "%2" stays as it is.
        line = line.replace("%2", str(len(added))).replace("%3", str(len(already)))
        lines.append(line.replace("%1", name))
    if result.skipped:
        lines += [
            "",
            translate("WatchlistTransfer", "Not imported (%1):").replace(
                "%1", str(len(result.skipped))
            ),
        ]
        # A TradingView export is one line: its line number would say nothing.
        numbered = len({skipped.line for skipped in result.skipped}) > 1
        for skipped in result.skipped:
            shown = skipped.line and numbered
            where = (
                translate("WatchlistTransfer", "line %1").replace("%1", str(skipped.line))
                if shown
                else ""
            )
            lines.append(
                f"  {skipped.text} — {skip_reason(skipped.reason)}"
                + (f" ({where})" if where else "")
            )
    if result.converted:
        lines += [
            "",
            translate(
                "WatchlistTransfer", "Spot entries taken as the futures contract of the same name:"
            ),
        ]
        lines += [f"  {written} → {symbol}" for written, symbol in result.converted]
    if applied.refused_lists:
        lines += [
            "",
            translate(
                "WatchlistTransfer", "Not imported: too many watchlists already for these lists:"
            ),
        ]
        lines += [f"  {name}" for name in applied.refused_lists]
    if not result.checked:
        lines += [
            "",
            translate(
                "WatchlistTransfer",
                "The contract list was not loaded, so symbols were not checked.",
            ),
        ]
    return headline, "\n".join(lines).strip("\n")


class ImportSummary(QDialog):
    """What an import added, and every entry it did not take, with the reason."""

    def __init__(self, headline: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import summary"))
        layout = QVBoxLayout(self)
        self.headline = QLabel(headline, self)
        self.headline.setWordWrap(True)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Import details"))
        buttons = plain_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self))
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.headline)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 340)


class WatchlistTransfer(QObject):
    """Import, export and copy-rows actions bound to the watchlists and the quote book."""

    message = Signal(str)
    imported = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        watchlists: Watchlists,
        book: QuoteBook,
        *,
        source: str = "live",
        selected_symbols: Callable[[], list[str]] = list,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self._watchlists = watchlists
        self._book = book
        self._source = source
        self._selected = selected_symbols
        self.summary: ImportSummary | None = None
        self.warning: QMessageBox | None = None
        self.import_action = QAction(self.tr("&Import watchlists…"), self)
        self.import_action.setShortcut(QKeySequence(self.tr("Ctrl+I")))
        self.import_action.triggered.connect(self.choose_import)
        self.export_current_action = QAction(self.tr("&Export this watchlist…"), self)
        self.export_current_action.setShortcut(QKeySequence(self.tr("Ctrl+E")))
        self.export_current_action.triggered.connect(lambda: self.choose_export(False))
        self.export_all_action = QAction(self.tr("Export &all watchlists…"), self)
        self.export_all_action.triggered.connect(lambda: self.choose_export(True))
        self.copy_rows_action = QAction(self.tr("Copy &rows as text"), self)
        self.copy_rows_action.setShortcut(QKeySequence(self.tr("Ctrl+Alt+C")))
        self.copy_rows_action.setStatusTip(
            self.tr("Copy the selected rows (or all) as tab-separated text for a spreadsheet")
        )
        self.copy_rows_action.triggered.connect(self.copy_rows)

    def actions(self) -> list[QAction]:
        return [
            self.import_action,
            self.export_current_action,
            self.export_all_action,
            self.copy_rows_action,
        ]

    # -- import ----------------------------------------------------------------------

    def _documents(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def choose_import(self) -> QFileDialog:
        dialog = QFileDialog(self._window, self.tr("Import watchlists"), self._documents())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("Watchlists (*.txt *.csv *.json)"), self.tr("All files (*)")]
        )
        dialog.fileSelected.connect(self._import_selected)
        dialog.open()
        return dialog

    @asyncSlot(str)
    async def _import_selected(self, path: str) -> None:
        await self.import_from(Path(path))

    async def import_from(self, path: Path) -> Applied | None:
        """Read ``path`` off the UI thread, add its lists, show the summary."""
        try:
            data = await asyncio.to_thread(path.read_bytes)
            result = parse_import(data, self._watchlists.catalog)
        except (OSError, WatchlistFileError) as exc:
            reason = unreadable_reason(exc) if isinstance(exc, WatchlistFileError) else exc.strerror
            text = self.tr("Could not import %1: %2.").replace("%1", path.name)
            self._warn(text.replace("%2", str(reason or exc)))
            return None
        applied = apply_import(self._watchlists, result, path.stem)
        headline, details = summary_text(result, applied)
        log.info(
            "imported %s: %d symbols, %d skipped", path, applied.added_count, len(result.skipped)
        )
        self._show_summary(headline, details)
        self.message.emit(headline)
        self.imported.emit(applied)
        return applied

    def _show_summary(self, headline: str, details: str) -> None:
        if self.summary is not None:
            self.summary.close()
            self.summary.deleteLater()
        self.summary = ImportSummary(headline, details, self._window)
        self.summary.open()

    def _warn(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("MiniTicker"),
            text,
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.warning = box
        box.open()
        self.message.emit(text)

    # -- export ----------------------------------------------------------------------

    def _lists(self, everything: bool) -> list[tuple[str, list[str]]]:
        if everything:
            return [(name, list(symbols)) for name, symbols in self._watchlists.lists()]
        index = self._watchlists.current_index()
        return [(self._watchlists.name(index), self._watchlists.symbols_of(index))]

    def choose_export(self, everything: bool) -> QFileDialog:
        title = self.tr("Export all watchlists") if everything else self.tr("Export watchlist")
        dialog = QFileDialog(self._window, title, self._documents())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([self.tr("CSV (*.csv)"), self.tr("JSON (*.json)")])
        dialog.setDefaultSuffix("csv")
        dialog.filterSelected.connect(
            lambda chosen: dialog.setDefaultSuffix("json" if "json" in chosen else "csv")
        )
        dialog.fileSelected.connect(lambda path: self._export_selected(path, everything))
        dialog.open()
        return dialog

    @asyncSlot(str, bool)
    async def _export_selected(self, path: str, everything: bool) -> None:
        await self.export_to(Path(path), everything=everything)

    def _ticker(self, symbol: str) -> MiniTicker | None:
        quote = self._book.quote(symbol)
        return None if quote is None else quote.ticker

    def export_text(self, path: Path, *, everything: bool) -> str:
        lists = self._lists(everything)
        if path.suffix.lower() == ".json":
            return to_json(
                lists,
                self._ticker,
                pins=self._watchlists.pins(),
                source=self._source,
                exported_at=time.time(),
            )
        return to_csv(export_rows(lists, self._ticker))

    async def export_to(self, path: Path, *, everything: bool) -> bool:
        """Write the list(s) to ``path`` (CSV, or JSON by its suffix) off the UI thread."""
        text = self.export_text(path, everything=everything)
        try:
            await asyncio.to_thread(path.write_text, text, encoding="utf-8")
        except OSError as exc:
            message = self.tr("Could not export to %1: %2.").replace("%1", str(path))
            self._warn(message.replace("%2", exc.strerror or str(exc)))
            return False
        count = sum(len(symbols) for _, symbols in self._lists(everything))
        self.message.emit(self.tr("Exported %n row(s) to %1.", "", count).replace("%1", str(path)))
        return True

    # -- copy rows -------------------------------------------------------------------

    def rows_text(self) -> str:
        index = self._watchlists.current_index()
        name = self._watchlists.name(index)
        symbols = self._selected() or self._watchlists.symbols_of(index)
        return to_tsv(export_rows([(name, symbols)], self._ticker))

    def copy_rows(self) -> None:
        QGuiApplication.clipboard().setText(self.rows_text())
        self.message.emit(self.tr("Copied the rows as tab-separated text."))
