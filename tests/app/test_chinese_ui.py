"""简体中文 end to end: with the language set to zh_CN, the whole app — menus, dialogs,
tray menu and tooltip, strip, banners, status texts, table headers and cells — has no
English left, and the default window still fits its default columns.

What counts as English: a word of two or more Latin letters that is not a symbol, an
asset, a unit or a name (all-capital words such as BTCUSDT, USDT, UTC pass; so do the
proper names in ``NAMES``)."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTextEdit,
    QWidget,
)

from desktop.app import Parts
from desktop.simexchange.server import SimExchange
from desktop.ui.mnemonics import menu_of
from tests.app.test_app import start
from tests.conftest import QtLoop, wait_for

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)

#: Proper names and notations that stay as they are in Chinese text.
NAMES = frozenset(
    {
        "MiniTicker",
        "English",  # the Preferences language list names each language in itself
        "Binance",
        "Qt",
        "PySide",
        "Python",
        "websockets",
        "qasync",
        "msgspec",
        "orjson",
        "Ctrl",
        "Shift",
        "Alt",
        "Meta",
        "Del",
        "Esc",
        "Tab",
        "Enter",
        "Return",
        "Space",
        "Backspace",
        "PgUp",
        "PgDown",
        "Home",
        "End",
        "Ins",
        "Left",
        "Right",
        "Up",
        "Down",
        "Delete",
        "Escape",
        "json",
        "csv",
        "txt",
        "jsonl",
        "gz",
        "wss",
        "ws",
        "https",
        "http",
        "fapi",
        "fstream",
        "binance",
        "com",
        "miniticker",
        "market",
        "stream",
        "demo",  # the --demo option, quoted as typed
        "btc",
        "eth",
        "usdc",
        "usdt",
        "sol",
        "ms",
        "px",
    }
)
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
TAG = re.compile(r"<[^>]*>|&[a-z]+;")
OPTION = re.compile(r"--[a-z-]+")


def english_words(text: str) -> list[str]:
    """The words of ``text`` a Chinese reader would find untranslated."""
    plain = OPTION.sub(" ", TAG.sub(" ", text))
    return [w for w in WORD.findall(plain) if w not in NAMES and not w.isupper()]


def action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    for text in (action.text(), action.toolTip(), action.statusTip(), action.whatsThis()):
        yield where, text
    menu = menu_of(action)
    if isinstance(menu, QMenu):
        yield from menu_texts(menu, f"{where} ▸ {action.text()}")


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    menu.aboutToShow.emit()  # menus that fill themselves when opened
    yield where, menu.title()
    for action in menu.actions():
        yield from action_texts(action, where)


def model_texts(model: QAbstractItemModel, where: str, rows: int = 30) -> Iterator[tuple[str, str]]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for column in range(model.columnCount()):
        for role in roles:
            yield (
                f"{where} header {column}",
                str(model.headerData(column, Qt.Orientation.Horizontal, role) or ""),
            )
        for row in range(min(rows, model.rowCount())):
            for role in (*roles, Qt.ItemDataRole.AccessibleTextRole):
                value = model.index(row, column).data(role)
                if isinstance(value, str):
                    yield f"{where} [{row},{column}]", value


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """Every text a person can read in ``root`` and its children (shown or not)."""
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(root).__name__} ▸ {type(widget).__name__} {widget.objectName()}"
        yield where, widget.windowTitle() if widget.isWindow() else ""
        yield where, widget.toolTip()
        yield where, widget.statusTip()
        yield where, widget.accessibleName()
        yield where, widget.accessibleDescription()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where, widget.itemText(i)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
                yield where, widget.tabToolTip(i)
        elif isinstance(widget, QTextEdit):
            yield where, widget.toPlainText()
        elif isinstance(widget, QDockWidget):
            yield where, widget.windowTitle()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from model_texts(widget.model(), where)
        for action in widget.actions():
            yield from action_texts(action, where)


def untranslated(texts: Iterable[tuple[str, str]]) -> list[str]:
    found = []
    for where, text in texts:
        words = english_words(text or "")
        if words:
            found.append(f"{where}: {text!r} ({', '.join(sorted(set(words)))})")
    return sorted(set(found))


async def open_dialogs(parts: Parts, also: Iterable[QAction] = ()) -> list[QWidget]:
    """Open every dialog the menus offer (their "…" actions), and those ``also`` opens
    (dialogs behind actions without a "…", such as Help ▸ About)."""
    opened: list[QWidget] = []
    before = set(QApplication.topLevelWidgets())
    for menu_action in parts.window.menuBar().actions():
        menu = menu_of(menu_action)
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            if action.text().endswith("…") and action.isEnabled() and menu_of(action) is None:
                action.trigger()
    for action in also:
        action.trigger()
    await asyncio.sleep(0.2)  # never processEvents() inside a coroutine: qasync re-enters
    for widget in QApplication.topLevelWidgets():
        if widget not in before and widget.isVisible():
            opened.append(widget)
    return opened


def test_under_zh_cn_no_english_is_left_and_the_window_still_fits(
    qt_loop: QtLoop, qapp: QApplication, tmp_path: Path
) -> None:
    # A rotation interval out of range: the repair note shows as a banner.
    settings = {"language": "zh_CN", "rotation_interval": 0.01}
    (tmp_path / "settings.json").write_text(json.dumps(settings), encoding="utf-8")

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=5) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            try:
                await wait_for(
                    lambda: parts.window.model.index(0, 1).data() not in (None, "", "—"),
                    what="a first price",
                )
                # The picker lists contracts, and a selected row opens the alert editor too.
                await wait_for(lambda: parts.contracts.rowCount() > 0, what="the contract list")
                parts.window.table.selectRow(0)
                await asyncio.sleep(0)  # let the status bar and tray catch up
                assert parts.language.locale().name() == "zh_CN"
                texts: list[tuple[str, str]] = []
                texts += widget_texts(parts.window)
                for action in parts.window.menuBar().actions():
                    texts += action_texts(action, "menu bar")
                texts += menu_texts(parts.tray.menu(), "tray menu")
                texts.append(("tray tooltip", parts.tray.tooltip()))
                strip = parts.tray.strip()
                if strip is not None:
                    texts += widget_texts(strip)
                    texts.append(("strip rows", strip.rows_html()))
                parts.movers.show()
                texts += widget_texts(parts.movers)
                help_menu = parts.window.help
                dialogs = await open_dialogs(
                    parts, also=(help_menu.shortcuts_action, help_menu.about_action)
                )
                for dialog in dialogs:
                    if isinstance(dialog, QFileDialog):
                        texts.append(("file dialog", dialog.windowTitle()))
                    else:
                        texts += widget_texts(dialog)
                    dialog.close()
                await asyncio.sleep(0)
                left = untranslated(texts)
                assert not left, "English left under zh_CN:\n" + "\n".join(left)

                header = parts.window.table.horizontalHeader()
                assert not parts.window.table.horizontalScrollBar().isVisible()
                shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
                assert len(shown) >= 9, "every default column fits in Chinese too"
            finally:
                parts.quit_event.set()
                await task

    qt_loop.run(scenario())
