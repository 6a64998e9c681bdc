"""Everything in the whole app is within reach of the keyboard: each menu action has a
mnemonic or a shortcut, and the table takes focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.simexchange.server import SimExchange
from desktop.ui.mnemonics import NO_MNEMONIC, menu_of, mnemonic_of
from tests.app.test_app import start
from tests.conftest import QtLoop

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)


def reachable(action: QAction) -> bool:
    """A mnemonic (``&`` before a letter, not ``&&``) or a shortcut."""
    text = action.text().replace("&&", "")
    return "&" in text.rstrip("&") or not action.shortcut().isEmpty()


def unreachable(menu: QMenu, path: str = "") -> list[str]:
    """The enabled actions of ``menu`` and its submenus (opened as a person would: their
    ``aboutToShow`` fills them) that neither a mnemonic nor a shortcut reaches."""
    menu.aboutToShow.emit()
    where = f"{path} ▸ {menu.title().replace('&', '')}" if path else menu.title()
    missing: list[str] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible() or action.property(NO_MNEMONIC):
            # A tray row (its text is a live price): reached with the arrow keys.
            continue
        sub = menu_of(action)
        if isinstance(sub, QMenu):
            if not reachable(action):
                missing.append(f"{where} ▸ {action.text()} (submenu)")
            missing += unreachable(sub, where)
        elif action.isEnabled() and not reachable(action):
            missing.append(f"{where} ▸ {action.text()}")
    menu.aboutToHide.emit()
    return missing


def test_every_enabled_menu_action_has_a_mnemonic_or_shortcut(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=1) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            window = parts.window
            window.table.selectRow(0)  # the row actions enabled too
            missing: list[str] = []
            for action in window.menuBar().actions():
                menu = menu_of(action)
                assert isinstance(menu, QMenu)
                if not reachable(action):
                    missing.append(f"menu bar ▸ {action.text()}")
                missing += unreachable(menu)
            parts.quit_event.set()
            await task
            assert missing == [], "\n".join(missing)

    qt_loop.run(scenario())


def test_tray_menu_items_get_mnemonics_when_it_opens(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=1) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            menu = parts.tray.menu()
            missing = unreachable(menu)
            letters = [mnemonic_of(a.text()) for a in menu.actions() if a.isEnabled() and a.text()]
            parts.quit_event.set()
            await task
            assert missing == [], "\n".join(missing)
            assert len(letters) == len(set(letters)), letters  # none used twice

    qt_loop.run(scenario())
