"""Mnemonics (the underlined ``&`` letter) for every menu item, given when a menu opens.

Someone who works the app by keyboard opens a menu with Alt+letter and picks an item
by its underlined letter. Written into each string, mnemonics clash as items come and
go (a column list, a translated menu, "Pin" becoming "Unpin"), so like KDE's
``KAcceleratorManager`` they are handed out when the menu opens: an item keeps the one
its text already has, the others get the first free letter of a word, else any free
letter or digit of their text. Translated texts get theirs the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QActionEvent
from PySide6.QtWidgets import QMenu, QMenuBar


def mnemonic_of(text: str) -> str | None:
    """The mnemonic letter of ``text`` (lower case), None without one (``&&`` is a
    literal ampersand, not a mnemonic)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with a mnemonic on a letter not in ``taken`` (which it is added to):
    first letters of words first, then any letter or digit; ``text`` as it is if it has
    one already or no letter is free. A text with no Latin letter to underline (Chinese)
    gets one after it, ``退出(&Q)``, as is the custom there: a keyboard types Latin keys."""
    own = mnemonic_of(text)
    if own is not None:
        taken.add(own)
        return text
    typeable = [i for i, c in enumerate(text) if c.isascii() and c.isalnum()]
    starts = [i for i in typeable if i == 0 or not text[i - 1].isalnum()]
    for i in starts + [i for i in typeable if i not in starts]:
        letter = text[i].lower()
        if letter not in taken and (i == 0 or text[i - 1] != "&"):
            taken.add(letter)
            return f"{text[:i]}&{text[i:]}"
    if not typeable:
        free = next((c for c in "abcdefghijklmnopqrstuvwxyz" if c not in taken), None)
        if free is not None:
            taken.add(free)
            body, dots = (text[:-1], "…") if text.endswith("…") else (text, "")
            return f"{body}(&{free.upper()}){dots}"
    return text


#: An action with this property set true keeps its text as it is: a live line (a tray
#: row whose price changes while the menu is open would lose its mnemonic at once).
NO_MNEMONIC: Final = "noMnemonic"


def menu_of(action: QAction) -> QMenu | None:
    """The submenu ``action`` opens, or None.

    Not ``QAction.menu()``: PySide6 before 6.9 hands its result to Python, which then
    deletes the menu along with the wrapper. A submenu's action is its own child
    (``QMenu.menuAction``), so its parent is the menu.
    """
    parent = action.parent()
    if isinstance(parent, QMenu) and parent.menuAction() == action:
        return parent
    return None


def give_mnemonics(actions: Iterable[QAction]) -> None:
    """A mnemonic for each of ``actions`` (one menu's) that has none, none used twice.
    Disabled items (information lines) and ``NO_MNEMONIC`` ones keep their text."""
    items = [
        a
        for a in actions
        if not a.isSeparator() and a.text() and a.isEnabled() and not a.property(NO_MNEMONIC)
    ]
    taken = {m for m in (mnemonic_of(a.text()) for a in items) if m is not None}
    for action in items:
        if mnemonic_of(action.text()) is None:
            text = with_mnemonic(action.text(), taken)
            if text != action.text():
                action.setText(text)


class MenuMnemonics(QObject):
    """Gives ``menu``'s items mnemonics each time it opens (after its own ``aboutToShow``
    fillers connected before it), and the same to its submenus. A child of the menu."""

    def __init__(self, menu: QMenu) -> None:
        super().__init__(menu)
        self._menu = menu
        menu.aboutToShow.connect(self.assign)

    @Slot()
    def assign(self) -> None:
        actions = self._menu.actions()
        give_mnemonics(actions)
        for action in actions:
            follow(menu_of(action))


def follow(menu: object) -> None:
    """Give ``menu`` (if a ``QMenu``) mnemonics whenever it opens; once per menu."""
    only_own = Qt.FindChildOption.FindDirectChildrenOnly
    if isinstance(menu, QMenu) and menu.findChild(MenuMnemonics, "", only_own) is None:
        MenuMnemonics(menu)


class MenuBarMnemonics(QObject):
    """Follows every menu of a menu bar, including those added later (the Help menu)."""

    def __init__(self, bar: QMenuBar) -> None:
        super().__init__(bar)
        self._bar = bar
        give_mnemonics(bar.actions())
        for action in bar.actions():
            follow(menu_of(action))
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ActionAdded and isinstance(event, QActionEvent):
            action = event.action()
            if action is not None:
                give_mnemonics(self._bar.actions())
                follow(menu_of(action))
        return False
