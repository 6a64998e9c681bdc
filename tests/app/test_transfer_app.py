"""File ▸ Import and Export in the whole app, against the simulated exchange."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop.app import Parts
from desktop.simexchange.server import SimExchange
from desktop.ui.watchlist_transfer import ImportSummary
from tests.app.test_app import last_text, start
from tests.conftest import QtLoop, wait_for

TRADINGVIEW = (
    "###Majors,BINANCE:BTCUSDT.P,BINANCE:ETHUSDT.P,"
    "###Alts,BINANCE:DOGEUSDT.P,BINANCE:NOSUCHUSDT.P,NASDAQ:AAPL,BINANCE:ADAUSDT.P\n"
)


def file_action(parts: Parts, text: str) -> object:
    for action in parts.window.file_menu.actions():
        if action.text().replace("&", "") == text:
            return action
    raise AssertionError(f"no File menu action {text!r}")


def choose_file(parts: Parts, path: Path) -> None:
    dialogs = [d for d in parts.window.findChildren(QFileDialog) if d.isVisible()]
    assert len(dialogs) == 1, "one file dialog, opened without blocking"
    dialogs[0].selectFile(str(path))
    dialogs[0].accept()


def test_a_tradingview_file_imports_through_the_file_menu_and_streams(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    source = tmp_path / "tradingview.txt"
    source.write_text(TRADINGVIEW, encoding="utf-8")
    out = tmp_path / "export.csv"

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=3) as exchange:
            parts, task = await start(exchange, tmp_path / "cfg", qapp)
            await wait_for(lambda: len(parts.watchlists.catalog) > 0, what="the contract list")
            file_action(parts, "Import watchlists…").trigger()  # type: ignore[attr-defined]
            choose_file(parts, source)
            await wait_for(lambda: "Alts" in parts.watchlists.names(), what="the import")

            assert parts.watchlists.names()[-2:] == ["Majors", "Alts"]
            assert parts.watchlists.symbols_of(parts.watchlists.names().index("Alts")) == [
                "DOGEUSDT",
                "ADAUSDT",
            ]
            summaries = [s for s in parts.window.findChildren(ImportSummary) if s.isVisible()]
            assert len(summaries) == 1
            details = summaries[0].details.toPlainText()
            assert "BINANCE:NOSUCHUSDT.P — Binance USDⓈ-M futures lists no such contract" in details
            assert "NASDAQ:AAPL — not a Binance symbol" in details
            summaries[0].close()

            # The shown list is the first imported one, and its new symbols stream.
            assert parts.watchlist.symbols() == ["BTCUSDT", "ETHUSDT"]
            parts.watchlists.set_current(parts.watchlists.names().index("Alts"))
            await wait_for(
                lambda: (
                    last_text(parts, "DOGEUSDT") not in ("", "—")
                    and "waiting" not in last_text(parts, "DOGEUSDT")
                ),
                what="a price for an imported symbol",
            )

            file_action(parts, "Export this watchlist…").trigger()  # type: ignore[attr-defined]
            choose_file(parts, out)
            await wait_for(out.exists, what="the export file")
            rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
            assert [r["symbol"] for r in rows] == ["DOGEUSDT", "ADAUSDT"]
            doge = parts.book.quote("DOGEUSDT")
            assert doge is not None and rows[0]["watchlist"] == "Alts"
            assert rows[0]["last"], "the shown price, as the exchange wrote it"

            parts.quit_event.set()
            await task

        saved = json.loads((tmp_path / "cfg" / "settings.json").read_text(encoding="utf-8"))
        names = [entry["name"] for entry in saved["watchlists"]]
        assert names[-2:] == ["Majors", "Alts"], "imported lists are kept with the settings"
        assert "BTCUSDT" in saved["watchlists"][0]["symbols"], "the user's own list is intact"

    qt_loop.run(scenario())
