"""The texts the no-Qt layers word themselves (settings repair notes, stream status,
connection failures) and the watchlist table's own texts come out in 简体中文 once the
zh_CN translator is installed — and in English again once it is removed.

The catalogue is compiled from the repository's ``.ts`` into a temporary folder, so the
test does not depend on a build having been run."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.qt.language import Language
from desktop.qt.roles import DISPLAY, TOOLTIP
from desktop.qt.watchlist_cells import Column, format_age
from desktop.qt.watchlist_roles import header_data
from desktop.settings.model import settings_from_json
from desktop.stream.errors import explain
from desktop.stream.status import ClientStatus, ConnState
from desktop.tools.i18n import build

#: A word of two or more Latin letters that is not all capitals (BTCUSDT, UTC pass).
ENGLISH = re.compile(r"\b(?![A-Z]+\b)[A-Za-z][A-Za-z']+")


@pytest.fixture
def chinese(qapp: QApplication, tmp_path: Path) -> Iterator[Language]:
    build(out_dir=tmp_path)
    language = Language(qapp, directory=tmp_path)
    assert language.install("zh_CN"), "the zh_CN catalogue compiles and loads"
    yield language
    language.remove()


def test_a_settings_repair_note_reads_in_chinese(chinese: Language) -> None:
    _, notes = settings_from_json({"rotation_interval": 1000, "pins": 7})

    assert "托盘轮播间隔 1000 秒已改为 60 秒（必须为 1–60 秒）。" in notes
    reset = next(note for note in notes if note.startswith("部分设置无法使用"))
    assert "已固定的交易对" in reset
    assert all(not ENGLISH.findall(note) for note in notes), notes


def test_the_stream_status_reads_in_chinese(chinese: Language) -> None:
    reconnecting = ClientStatus(ConnState.RECONNECTING, attempt=2, retry_at=103.0)
    refused = explain(ConnectionRefusedError(), open_timeout=10, ping_wait=40)
    offline = ClientStatus(ConnState.OFFLINE, last_error=refused.text)

    assert reconnecting.describe(now=100.0) == "3 秒后重连（第 2 次尝试）"
    assert ClientStatus(ConnState.LIVE).describe() == "实时"
    assert offline.describe(now=100.0) == "离线：连接被拒绝"


def test_the_watchlist_headers_and_ages_read_in_chinese(chinese: Language) -> None:
    assert header_data(Column.LAST, DISPLAY, alerts_present=False) == "最新价"
    assert header_data(Column.FUNDING, DISPLAY, alerts_present=False) == "资金费率"
    assert not ENGLISH.findall(str(header_data(Column.RANGE, TOOLTIP, alerts_present=False)))
    assert format_age(130) == "2 分钟"


def test_without_the_translator_the_texts_are_english_again(chinese: Language) -> None:
    chinese.remove()

    assert ClientStatus(ConnState.RECONNECTING, retry_at=103.0).describe(now=100.0) == (
        "Reconnecting in 3 s"
    )
    assert header_data(Column.LAST, DISPLAY, alerts_present=False) == "Last"
    _, notes = settings_from_json({"rotation_interval": 1000})
    assert notes == [
        "The tray rotation interval of 1000 s was changed to 60 s (it must be 1–60 s)."
    ]
