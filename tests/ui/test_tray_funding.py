"""The tray tooltip carries each pin's funding rate and countdown, from the simulated
exchange's mark price stream."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.qt.marks import MarkBook
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.simexchange.server import SimExchange
from desktop.stream import StreamClient
from desktop.ui.tray import TrayTicker
from tests.conftest import QtLoop, wait_for

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
)


def test_tray_tooltip_shows_funding_rate_and_countdown_for_pins(
    qt_loop: QtLoop, qtbot: QtBot
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=5, mark_interval=0.1) as ex:
            ex.funding.set_rate("BTCUSDT", "-0.000125")
            client = StreamClient(ex.endpoints, marks=True)
            book = QuoteBook(client, cadence=0.1)
            marks = MarkBook(client)
            watchlist = Watchlist(["BTCUSDT", "BTCUSDT_261225"], ["BTCUSDT", "BTCUSDT_261225"])
            tray = TrayTicker(book, watchlist, use_system_tray=True)
            tray.set_marks(marks)
            client.set_symbols(watchlist.symbols())
            await client.start()
            try:
                await wait_for(lambda: marks.mark("BTCUSDT_261225") is not None, what="marks")
                await wait_for(lambda: "funding" in tray.tooltip(), what="funding shown")
                lines = tray.tooltip().splitlines()
                btc = next(line for line in lines if line.startswith("BTCUSDT "))
                assert re.search(r" · funding −0\.0125 % in \d\d:\d\d:\d\d$", btc), btc
                quarterly = next(line for line in lines if line.startswith("BTCUSDT_261225"))
                assert "funding" not in quarterly
            finally:
                await client.stop()
                tray.close()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    qt_loop.run(scenario())
