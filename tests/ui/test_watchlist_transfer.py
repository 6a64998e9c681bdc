"""File ▸ Import / Export and Copy rows, driven through real widgets offscreen."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow

from desktop.exchange.contracts import ContractCatalog, parse_exchange_info
from desktop.exchange.ticker import MiniTicker
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlists import Watchlists
from desktop.simexchange.contracts_data import default_contracts
from desktop.ui.watchlist_transfer import WatchlistTransfer
from tests.conftest import QtLoop

CATALOG = ContractCatalog(parse_exchange_info({"symbols": default_contracts()}))
TRADINGVIEW = (
    "###Majors,BINANCE:BTCUSDT.P,BINANCE:ETHUSDT.P,\n"
    "###Alts,BINANCE:DOGEUSDT.P,BINANCE:NOSUCHUSDT.P,BYBIT:SOLUSDT.P,BINANCE:XRPUSDT.P\n"
)


class Rig:
    def __init__(self) -> None:
        self.window = QMainWindow()
        self.lists = Watchlists([("Main", ["BTCUSDT", "SOLUSDT"])], catalog=CATALOG)
        self.book = QuoteBook()
        self.selected: list[str] = []
        self.transfer = WatchlistTransfer(
            self.window,
            self.lists,
            self.book,
            source="demo",
            selected_symbols=lambda: self.selected,
        )
        self.messages: list[str] = []
        self.transfer.message.connect(self.messages.append)

    def push(self, symbol: str, close: str) -> None:
        event = MiniTicker(
            symbol=symbol,
            event_time=1_764_700_000_000,
            close_text=close,
            open_text="100.00",
            high_text="110.00",
            low_text="90.00",
            base_volume_text="10",
            quote_volume_text="1000.50",
        )
        self.book.on_tickers([event], 1_764_700_000.0)


@pytest.fixture
def rig(qapp: QApplication) -> Iterator[Rig]:
    r = Rig()
    yield r
    r.window.close()
    r.window.deleteLater()
    r.lists.deleteLater()
    r.book.deleteLater()


def test_a_tradingview_file_with_sections_and_bad_lines_imports_as_described(
    rig: Rig, qt_loop: QtLoop, tmp_path: Path
) -> None:
    path = tmp_path / "tv.txt"
    path.write_text(TRADINGVIEW, encoding="utf-8")

    applied = qt_loop.run(rig.transfer.import_from(path))

    assert applied is not None
    assert rig.lists.names() == ["Main", "Majors", "Alts"], "each section its own watchlist"
    assert rig.lists.symbols_of(1) == ["BTCUSDT", "ETHUSDT"]
    assert rig.lists.symbols_of(2) == ["DOGEUSDT", "XRPUSDT"]
    assert rig.lists.symbols_of(0) == ["BTCUSDT", "SOLUSDT"], "the user's list is untouched"
    assert rig.lists.current_index() == 1, "the first imported list is shown"
    summary = rig.transfer.summary
    assert summary is not None and summary.isVisible()
    assert summary.headline.text() == "Imported 4 symbols into 2 watchlists."
    details = summary.details.toPlainText()
    assert "NOSUCHUSDT.P — Binance USDⓈ-M futures lists no such contract\n" in details
    assert details.endswith("BYBIT:SOLUSDT.P — not a Binance symbol"), "one line: no number"


def test_importing_the_same_file_twice_adds_nothing_twice(
    rig: Rig, qt_loop: QtLoop, tmp_path: Path
) -> None:
    path = tmp_path / "tv.txt"
    path.write_text(TRADINGVIEW, encoding="utf-8")
    qt_loop.run(rig.transfer.import_from(path))
    again = qt_loop.run(rig.transfer.import_from(path))

    assert again is not None and again.added_count == 0
    assert rig.lists.names() == ["Main", "Majors", "Alts"]
    assert rig.lists.symbols_of(1) == ["BTCUSDT", "ETHUSDT"]
    assert rig.transfer.summary is not None
    assert "Majors: 0 added, 2 already there" in rig.transfer.summary.details.toPlainText()


def test_a_file_that_is_no_watchlist_is_told_and_nothing_changes(
    rig: Rig, qt_loop: QtLoop, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"watchlists": [', encoding="utf-8")

    assert qt_loop.run(rig.transfer.import_from(path)) is None

    assert rig.lists.names() == ["Main"] and rig.lists.symbols_of(0) == ["BTCUSDT", "SOLUSDT"]
    assert rig.transfer.warning is not None and rig.transfer.warning.isVisible()
    assert "Could not import broken.json: the JSON in it is broken." in rig.messages


def test_a_missing_file_is_told_in_plain_words(rig: Rig, qt_loop: QtLoop, tmp_path: Path) -> None:
    assert qt_loop.run(rig.transfer.import_from(tmp_path / "gone.csv")) is None
    assert rig.messages == ["Could not import gone.csv: No such file or directory."]


def test_export_csv_has_the_shown_prices_exactly_and_json_reimports(
    rig: Rig, qt_loop: QtLoop, tmp_path: Path
) -> None:
    rig.push("BTCUSDT", "104164.50")
    csv_path = tmp_path / "out.csv"
    assert qt_loop.run(rig.transfer.export_to(csv_path, everything=False))
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    assert [(r["symbol"], r["last"], r["quote_volume"]) for r in rows] == [
        ("BTCUSDT", "104164.50", "1000.50"),
        ("SOLUSDT", "", ""),
    ]
    assert rows[0]["price_time_utc"] == "2025-12-02T18:26:40.000+00:00"

    json_path = tmp_path / "all.json"
    assert qt_loop.run(rig.transfer.export_to(json_path, everything=True))
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert document["source"] == "demo"
    other = Watchlists(catalog=CATALOG)
    try:
        helper = WatchlistTransfer(rig.window, other, rig.book)
        qt_loop.run(helper.import_from(json_path))
        assert other.names()[-1] == "Main" and other.symbols_of(1) == ["BTCUSDT", "SOLUSDT"]
    finally:
        other.deleteLater()


def test_a_refused_write_is_told_and_returns_false(
    rig: Rig, qt_loop: QtLoop, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-folder" / "out.csv"
    assert not qt_loop.run(rig.transfer.export_to(target, everything=False))
    assert rig.messages and rig.messages[-1].startswith("Could not export to ")


def test_copy_rows_puts_tab_separated_rows_of_the_selection_on_the_clipboard(rig: Rig) -> None:
    rig.push("BTCUSDT", "104164.50")
    rig.selected = ["BTCUSDT"]
    rig.transfer.copy_rows_action.trigger()
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:2] == ["symbol", "last"]
    assert lines[1].split("\t")[:2] == ["BTCUSDT", "104164.50"]
    assert len(lines) == 2


def test_the_import_action_opens_a_file_dialog_without_blocking(rig: Rig) -> None:
    rig.transfer.import_action.trigger()
    dialogs = rig.window.findChildren(QFileDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    assert dialogs[0].fileMode() == QFileDialog.FileMode.ExistingFile
    dialogs[0].reject()
