"""The unreachable-exchange notice: said soon, with the way out, taken back once prices
flow; the contract list's failure told as one plain sentence."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.exchange.endpoints import LIVE, make_endpoints
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.stream.status import ClientStatus, ConnState
from desktop.ui.connection_notice import ConnectionNotice
from desktop.ui.main_window import MainWindow
from tests.qt.market_samples import sample_catalog

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
)


class Said:
    def __init__(self) -> None:
        self.shown: list[str] = []
        self.cleared: list[str] = []


def notice(deadline: float = 60.0) -> tuple[QuoteBook, ConnectionNotice, Said]:
    book, said = QuoteBook(), Said()
    made = ConnectionNotice(
        book, LIVE, said.shown.append, said.cleared.append, deadline=deadline, parent=book
    )
    return book, made, said


def test_a_failed_first_connection_is_told_at_once_with_what_to_do() -> None:
    book, _notice, said = notice()
    book._on_status(ClientStatus(state=ConnState.CONNECTING))
    assert said.shown == []
    book._on_status(
        ClientStatus(state=ConnState.RECONNECTING, attempt=1, last_error="connection refused")
    )
    assert said.shown == [
        "MiniTicker cannot reach Binance at fstream.binance.com: connection refused. "
        "Check your network connection and proxy settings, or start MiniTicker with "
        "--demo to try it with simulated prices."
    ]
    book._on_status(  # the same again is not told twice
        ClientStatus(state=ConnState.RECONNECTING, attempt=2, last_error="connection refused")
    )
    assert len(said.shown) == 1


def test_no_answer_before_the_deadline_is_told_too(qtbot: QtBot) -> None:
    book, made, said = notice(deadline=0.05)
    book._on_status(ClientStatus(state=ConnState.CONNECTING))
    made.start()
    qtbot.waitUntil(lambda: bool(said.shown))
    assert said.shown[0].startswith("MiniTicker cannot reach Binance at fstream.binance.com.")


def test_nothing_wanted_is_not_taken_for_reachable_nor_for_unreachable(qtbot: QtBot) -> None:
    book, made, said = notice(deadline=0.05)
    # No symbols yet: "live" with no connection open.
    book._on_status(ClientStatus(state=ConnState.LIVE, connections=0))
    assert not made.ever_live
    with qtbot.waitSignal(made.timer.timeout):  # the deadline passes: nothing was tried
        made.start()
    assert said.shown == []
    assert made.contract_list_failed("Could not reach it.")  # but then: unreachable
    assert len(said.shown) == 1


def test_the_notice_is_taken_back_once_connected() -> None:
    book, made, said = notice()
    book._on_status(ClientStatus(state=ConnState.OFFLINE, last_error="connection refused"))
    assert len(said.shown) == 1
    book._on_status(ClientStatus(state=ConnState.LIVE, connections=1, streams=3))
    assert said.cleared == said.shown
    assert made.ever_live
    book._on_status(ClientStatus(state=ConnState.RECONNECTING, last_error="connection lost"))
    assert len(said.shown) == 1  # later trouble is the status bar's and the stream's to tell


def test_a_contract_list_failure_while_prices_stream_is_one_plain_sentence(
    qtbot: QtBot,
) -> None:
    book = QuoteBook()
    endpoints = make_endpoints("wss://example.test/market", "https://example.test")
    window = MainWindow(Watchlist(["BTCUSDT"], catalog=sample_catalog()), book, endpoints=endpoints)
    qtbot.addWidget(window)
    window.show()
    book._on_status(ClientStatus(state=ConnState.LIVE, connections=1, streams=1))
    window.contract_list_failed("Binance answered 451 (Unavailable For Legal Reasons).")
    text = window.banner.label.text()
    assert window.banner.level == "warning"
    assert text == (
        "The contract list could not be loaded, so symbols you type are checked once it is."
    )
    assert "(" not in text and text.count(".") == 1
    assert any("451" in error for _, error in window.diagnostics.errors)
    window.contract_list_failed("…", saved_at="2026-12-01 09:30 UTC")
    assert window.statusBar().currentMessage() == (
        "The contract list could not be refreshed, so the copy saved 2026-12-01 09:30 UTC is used."
    )
