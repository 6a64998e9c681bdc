"""The tray's "since you looked": how far each pinned price moved since the window was last
shown or hidden, beside the 24h change, in the tooltip, the menu and the strip; and the
tray following global pins of several watchlists."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.qt.quotes import QuoteBook
from desktop.qt.ticker_text import SINCE_LOOKED, since_looked, symbol_row
from desktop.qt.watchlists import Watchlists
from desktop.ui.tray import TrayTicker
from tests.qt.market_samples import FakeClock, sample_catalog, ticker

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)


def test_since_looked_is_the_change_against_the_price_last_seen() -> None:
    assert since_looked(Decimal("100.4"), Decimal("100")) == "+0.40 %"
    assert since_looked(Decimal("99"), Decimal("100")) == "−1.00 %"
    assert since_looked(Decimal("99"), None) == ""
    assert since_looked(Decimal("99"), Decimal(0)) == ""


def test_a_row_says_how_far_the_price_moved_since_you_looked(qapp: QApplication) -> None:
    book = QuoteBook()
    book.on_tickers([ticker("BTCUSDT", "97123.4", open="94930")], 1.0)
    row = symbol_row("BTCUSDT", book, sample_catalog(), 1.0, Decimal("96736.5"))
    assert row.line() == f"BTCUSDT  97,123.4  ▲ +2.31 %  ({SINCE_LOOKED}: +0.40 %)"
    assert symbol_row("BTCUSDT", book, sample_catalog(), 1.0).line() == (
        "BTCUSDT  97,123.4  ▲ +2.31 %"
    )


class Rig:
    def __init__(self) -> None:
        self.clock = FakeClock()
        self.book = QuoteBook(clock=self.clock)
        self.lists = Watchlists(
            [("Majors", ["BTCUSDT", "ETHUSDT"]), ("Alts", ["1000SATSUSDT"])],
            pins=["BTCUSDT", "1000SATSUSDT"],
            catalog=sample_catalog(),
        )
        self.push("BTCUSDT", "100000.0", "98000")
        self.push("1000SATSUSDT", "0.0000400", "0.0000400")
        self.tray = TrayTicker(self.book, self.lists, rotation_interval=60.0, clock=self.clock)
        self.tray.show()

    def push(self, symbol: str, close: str, open_: str) -> None:
        self.book.on_tickers([ticker(symbol, close, open=open_)], self.clock())
        self.book.flush()


@pytest.fixture
def rig(qapp: QApplication) -> Iterator[Rig]:
    r = Rig()
    yield r
    r.tray.close()
    r.lists.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_tray_shows_global_pins_of_every_list(rig: Rig) -> None:
    lines = rig.tray.tooltip().splitlines()
    assert lines[0].startswith("BTCUSDT  100,000.0")
    assert lines[1].startswith("1000SATSUSDT  0.0000400")  # pinned on a list not shown
    rig.lists.set_current(1)
    assert rig.tray.tooltip().splitlines()[:2] == lines[:2]


def test_hiding_the_window_remembers_the_prices_and_the_tooltip_compares(
    rig: Rig, qtbot: QtBot
) -> None:
    assert SINCE_LOOKED not in rig.tray.tooltip()  # nothing seen yet
    rig.tray.set_window_visible(False)  # the user closed the window: these are the last seen
    assert rig.tray.looked_prices() == {
        "BTCUSDT": Decimal("100000.0"),
        "1000SATSUSDT": Decimal("0.0000400"),
    }
    rig.push("BTCUSDT", "100400.0", "98000")
    lines = rig.tray.tooltip().splitlines()
    assert lines[0] == f"BTCUSDT  100,400.0  ▲ +2.45 %  ({SINCE_LOOKED}: +0.40 %)"
    assert lines[1] == f"1000SATSUSDT  0.0000400  ■ 0.00 %  ({SINCE_LOOKED}: 0.00 %)"
    strip = rig.tray.strip()
    assert strip is not None
    assert f"BTCUSDT 100,400.0 ▲ +2.45 % ({SINCE_LOOKED}: +0.40 %)" in strip.text()
    assert any(a.text() == lines[0] for a in rig.tray.menu().actions())  # the menu row says it too
    rig.tray.set_window_visible(True)  # looking again: the reference moves to now
    assert f"({SINCE_LOOKED}: 0.00 %)" in rig.tray.tooltip().splitlines()[0]
