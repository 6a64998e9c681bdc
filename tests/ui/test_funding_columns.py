"""The funding columns in the window: off by default, off after restoring a layout
saved before they existed, kept when the user shows them, and the countdown ticking
only while one of them is on screen."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.qt.watchlist_model import Column
from desktop.ui.watchlist_columns import FUNDING_SHOWN
from tests.ui.test_watchlist_columns import DEFAULTS, Parts, settle

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
)

#: A header state saved by MiniTicker before the funding columns (12 columns).
STATE_BEFORE_FUNDING = ""


def shown_parts(qtbot: QtBot) -> Parts:
    parts = Parts(qtbot)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    return parts


def test_funding_columns_are_off_by_default_and_the_countdown_idle(qtbot: QtBot) -> None:
    parts = shown_parts(qtbot)
    settle(qtbot, parts, 1600)
    assert not set(parts.shown()) & set(FUNDING_SHOWN)
    assert not parts.window.model.funding_ticking


def test_a_layout_saved_before_the_funding_columns_keeps_them_off(qtbot: QtBot) -> None:
    parts = Parts(qtbot)
    assert parts.window.restore_state(None, STATE_BEFORE_FUNDING)
    parts.window.show()
    qtbot.waitExposed(parts.window)
    settle(qtbot, parts, 1600)
    assert not set(parts.shown()) & set(FUNDING_SHOWN)
    header = parts.table.columns
    assert all(header.is_user_hidden(c) for c in FUNDING_SHOWN)


def test_funding_columns_the_user_shows_tick_and_are_saved(qtbot: QtBot) -> None:
    parts = shown_parts(qtbot)
    settle(qtbot, parts, 1600)
    header = parts.table.columns
    for column in (Column.FUNDING, Column.NEXT_FUNDING):
        header.set_user_hidden(column, False)  # as View ▸ Columns does
    qtbot.waitUntil(lambda: Column.NEXT_FUNDING in parts.shown())
    assert parts.window.model.funding_ticking
    _, state = parts.window.save_state()
    again = Parts(qtbot)
    assert again.window.restore_state(None, state)
    again.window.show()
    qtbot.waitExposed(again.window)
    settle(qtbot, again, 1600)
    qtbot.waitUntil(lambda: {Column.FUNDING, Column.NEXT_FUNDING} <= set(again.shown()))
    assert set(DEFAULTS) <= set(again.shown())
    header.set_user_hidden(Column.FUNDING, True)
    header.set_user_hidden(Column.NEXT_FUNDING, True)
    qtbot.waitUntil(lambda: not parts.window.model.funding_ticking)
