"""Whatever a person types as a symbol gets a clear message and breaks nothing: through
the watchlist, the Add symbols picker, the stream client and ``--symbols``."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.exchange.endpoints import Endpoints
from desktop.options import parse_options
from desktop.qt.contracts_model import ContractsModel
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.stream.client import StreamClient
from desktop.ui.symbol_picker import SymbolPicker
from tests.qt.market_samples import sample_catalog

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
)

HOSTILE = {
    "space inside": "BTC USDT",
    "unknown name": "NOPEUSDT",
    "10 000 characters": "A" * 10_000,
    "control characters": "BTC\x00\x1b[31mUSDT\x07",
    "path": "../../etc/passwd",
    "url": "https://example.com/?s=BTCUSDT",
    "emoji": "BTC🚀USDT",
    "right-to-left override": "BTC\u202eTDSU",
    "only white space": " \t\n",
}


def readable(message: str) -> bool:
    """One short line (or a few) of printable text for a person."""
    lines = message.splitlines()
    return 0 < len(message) <= 300 and all(line.isprintable() for line in lines)


@pytest.mark.parametrize("name", HOSTILE)
def test_the_watchlist_refuses_bad_symbols_with_a_clear_message(name: str) -> None:
    watchlist = Watchlist(["BTCUSDT"], catalog=sample_catalog())
    announced: list[list[str]] = []
    watchlist.symbolsChanged.connect(announced.append)
    added, problems = watchlist.add([HOSTILE[name]])
    assert added == []
    assert len(problems) == 1 and readable(problems[0]), problems
    assert watchlist.symbols() == ["BTCUSDT"] and announced == []


def test_lower_case_and_padding_are_forgiven() -> None:
    watchlist = Watchlist([], catalog=sample_catalog())
    added, problems = watchlist.add(["  ethusdt ", "btcUSDT"])
    assert added == ["ETHUSDT", "BTCUSDT"] and problems == []


@pytest.mark.parametrize("name", HOSTILE)
def test_the_picker_shows_the_problem_inline_and_stays_open(
    qtbot: QtBot, qapp: QApplication, name: str
) -> None:
    catalog = sample_catalog()
    watchlist = Watchlist(["BTCUSDT"], catalog=catalog)
    picker = SymbolPicker(ContractsModel(catalog, book=QuoteBook(), watchlist=watchlist), watchlist)
    qtbot.addWidget(picker)
    picker.open()
    picker.search_edit.setText(HOSTILE[name])
    picker.add_chosen()
    assert picker.isVisible(), "a bad symbol must not close the dialog"
    assert readable(picker.problems_text()), picker.problems_text()
    assert watchlist.symbols() == ["BTCUSDT"]
    picker.search_edit.setText("ethusdt")  # and it still works afterwards
    picker.add_chosen()
    assert watchlist.symbols() == ["BTCUSDT", "ETHUSDT"]


def test_the_stream_client_never_sends_a_bad_name_to_the_exchange() -> None:
    client = StreamClient(Endpoints("ws://127.0.0.1:9/market", "http://127.0.0.1:9"))
    reported: list[str] = []
    client.add_error_listener(reported.append)
    client.set_symbols([*HOSTILE.values(), "btcusdt"])
    # Only well-formed names; an unknown but well-formed one is the exchange's to judge.
    assert client.symbols == {"BTCUSDT", "NOPEUSDT"}
    assert len(reported) == len(HOSTILE) - 1
    assert all(readable(text) for text in reported)


@pytest.mark.parametrize(
    "name", ["10 000 characters", "control characters", "path", "url", "emoji"]
)
def test_symbols_on_the_command_line_end_with_one_clear_line(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_options(["--symbols", HOSTILE[name]], env={})
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("miniticker: error: --symbols: ")
    assert len(err.splitlines()) == 1 and readable(err.strip()), err


def test_separators_and_case_on_the_command_line_are_understood() -> None:
    options = parse_options(["--symbols", "btcusdt, ETHusdt  solusdt"], env={})
    assert options.symbols == ("BTCUSDT", "ETHUSDT", "SOLUSDT")
