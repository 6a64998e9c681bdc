"""Several named watchlists (the window's tabs), one of them shown, pins shared by all."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Final

from PySide6.QtCore import QObject, Signal

from desktop.exchange.contracts import ContractCatalog
from desktop.qt.watchlist import Watchlist
from desktop.settings.model import (
    DEFAULT_WATCHLIST_NAME,
    MAX_WATCHLIST_NAME,
    MAX_WATCHLISTS,
    default_watchlist_name,
)
from desktop.settings.model import clean_watchlist_name as clean_name

log = logging.getLogger(__name__)

DEFAULT_NAME: Final = DEFAULT_WATCHLIST_NAME
MAX_NAME_LENGTH: Final = MAX_WATCHLIST_NAME
MAX_LISTS: Final = MAX_WATCHLISTS


class Watchlists(QObject):
    """Named lists of symbols; ``current`` is the one ``Watchlist`` every view works on.

    Switching lists refills ``current`` (the table, symbol picker and movers panel keep
    one object and simply see its rows change); edits made through ``current`` are kept
    in the list it shows. A symbol may be in several lists. Pins are global: a symbol
    stays pinned to the tray whichever list is shown, as long as some list holds it.

    Signals:
        listsChanged(): a list was added, renamed, removed or moved.
        currentChanged(int): the index of the list now shown.
        symbolsChanged(list): the union of every list's symbols (what the stream client
            must subscribe, once each), after any change to it.
        pinsChanged(list): the global pins, in order.
        changed(): anything worth saving changed (names, order, symbols, pins, current).
    """

    listsChanged = Signal()
    currentChanged = Signal(int)
    symbolsChanged = Signal(list)
    pinsChanged = Signal(list)
    changed = Signal()

    def __init__(
        self,
        lists: Iterable[tuple[str, Sequence[str]]] = (),
        pins: Iterable[str] = (),
        current: int = 0,
        catalog: ContractCatalog | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._lists: list[list[str]] = []
        for name, symbols in lists:
            self._names.append(clean_name(name) or self._free_name())
            self._lists.append(list(dict.fromkeys(symbols)))
        if not self._lists:
            self._names.append(default_watchlist_name())
            self._lists.append([])
        self._current = current if 0 <= current < len(self._lists) else 0
        self._union = self._compute_union()
        members = set(self._union)
        self._pins: list[str] = [p for p in dict.fromkeys(pins) if p in members]
        shown = self._lists[self._current]
        self.current = Watchlist(shown, [p for p in self._pins if p in shown], catalog, self)
        self.current.symbolsChanged.connect(self._on_current_symbols)
        self.current.pinsChanged.connect(self._on_current_pins)

    # -- reading -----------------------------------------------------------------------

    @property
    def catalog(self) -> ContractCatalog:
        return self.current.catalog

    def count(self) -> int:
        return len(self._lists)

    def names(self) -> list[str]:
        return list(self._names)

    def name(self, index: int) -> str:
        return self._names[index]

    def symbols_of(self, index: int) -> list[str]:
        return list(self._lists[index])

    def current_index(self) -> int:
        return self._current

    def all_symbols(self) -> list[str]:
        """Every list's symbols, each once: the first list's order, then the others' new ones."""
        return list(self._union)

    def lists(self) -> list[tuple[str, list[str]]]:
        """``(name, symbols)`` of every list, in tab order (what the settings store)."""
        return [(n, list(s)) for n, s in zip(self._names, self._lists, strict=True)]

    def pins(self) -> list[str]:
        return list(self._pins)

    def is_pinned(self, symbol: str) -> bool:
        return symbol in self._pins

    def lists_with(self, symbol: str) -> list[str]:
        """Names of the lists holding ``symbol``."""
        return [n for n, s in zip(self._names, self._lists, strict=True) if symbol in s]

    # -- changing the lists ------------------------------------------------------------

    def set_current(self, index: int) -> None:
        """Show list ``index`` in ``current``."""
        if not 0 <= index < len(self._lists) or index == self._current:
            return
        self._current = index
        shown = self._lists[index]
        self.current.replace(shown, [p for p in self._pins if p in shown])
        self.currentChanged.emit(index)
        self.changed.emit()

    def add_list(self, name: str = "", symbols: Iterable[str] = ()) -> int:
        """Append a list (a free "Watchlist N" name when ``name`` is blank); its index,
        or −1 when there are ``MAX_LISTS`` already."""
        if len(self._lists) >= MAX_LISTS:
            return -1
        self._names.append(clean_name(name) or self._free_name())
        self._lists.append(list(dict.fromkeys(symbols)))
        self.listsChanged.emit()
        self._membership_changed()
        self.changed.emit()
        return len(self._lists) - 1

    def rename(self, index: int, name: str) -> bool:
        """Give list ``index`` a new name; False (and no change) for a blank one."""
        cleaned = clean_name(name)
        if not cleaned or not 0 <= index < len(self._names):
            return False
        if cleaned != self._names[index]:
            self._names[index] = cleaned
            self.listsChanged.emit()
            self.changed.emit()
        return True

    def remove_list(self, index: int) -> bool:
        """Delete list ``index``; the last list cannot be deleted (False)."""
        if len(self._lists) < 2 or not 0 <= index < len(self._lists):
            return False
        shown = self._current
        del self._names[index]
        del self._lists[index]
        if index < shown or shown == len(self._lists):
            self._current = shown - 1
        self.listsChanged.emit()
        if index == shown:  # the shown list went: show its neighbour
            remaining = self._lists[self._current]
            self.current.replace(remaining, [p for p in self._pins if p in remaining])
        self._membership_changed()
        if index == shown or self._current != shown:
            self.currentChanged.emit(self._current)
        self.changed.emit()
        return True

    def move_list(self, source: int, destination: int) -> None:
        """Put list ``source`` at ``destination`` (tab drag); the shown list stays shown."""
        count = len(self._lists)
        if not (0 <= source < count and 0 <= destination < count) or source == destination:
            return
        shown = self._current
        order = list(range(count))
        order.insert(destination, order.pop(source))
        self._names = [self._names[i] for i in order]
        self._lists = [self._lists[i] for i in order]
        self._current = order.index(shown)
        self.listsChanged.emit()
        self._membership_changed()  # the union's order follows the first list
        if self._current != shown:
            self.currentChanged.emit(self._current)
        self.changed.emit()

    def add_to(self, index: int, symbols: Iterable[str]) -> list[str]:
        """Append ``symbols`` (already valid) to list ``index``; the ones added."""
        if index == self._current:
            added, _ = self.current.add(symbols)
            return added
        target = self._lists[index]
        added = [s for s in dict.fromkeys(symbols) if s not in target]
        if added:
            target.extend(added)
            self._membership_changed()
            self.changed.emit()
        return added

    def set_pinned(self, symbol: str, pinned: bool) -> None:
        """Pin or unpin ``symbol`` everywhere (it must be in some list to be pinned)."""
        if symbol in self.current:
            self.current.set_pinned(symbol, pinned)  # comes back through _on_current_pins
            return
        if pinned and symbol in self._union and symbol not in self._pins:
            self._pins.append(symbol)
        elif not pinned and symbol in self._pins:
            self._pins.remove(symbol)
        else:
            return
        self.pinsChanged.emit(self.pins())
        self.changed.emit()

    # -- following the shown list ----------------------------------------------------

    def _on_current_symbols(self, symbols: list[str]) -> None:
        self._lists[self._current] = list(symbols)
        self._membership_changed()
        # A symbol pinned in another list shows as pinned here too.
        for symbol in symbols:
            if symbol in self._pins and not self.current.is_pinned(symbol):
                self.current.set_pinned(symbol, True)
        self.changed.emit()

    def _on_current_pins(self, pins: list[str]) -> None:
        shown = set(self.current.symbols())
        pinned_here = set(pins)
        # Unpinned here → unpinned everywhere; pins of symbols not shown are untouched.
        new = [p for p in self._pins if p not in shown or p in pinned_here]
        new += [p for p in pins if p not in self._pins]
        if new != self._pins:
            self._pins = new
            self.pinsChanged.emit(self.pins())
            self.changed.emit()

    def _membership_changed(self) -> None:
        union = self._compute_union()
        if union != self._union:
            self._union = union
            self.symbolsChanged.emit(self.all_symbols())
        members = set(union)
        pins = [p for p in self._pins if p in members]
        if pins != self._pins:
            self._pins = pins
            self.pinsChanged.emit(self.pins())

    def _compute_union(self) -> list[str]:
        return list(dict.fromkeys(s for symbols in self._lists for s in symbols))

    def _free_name(self) -> str:
        taken = set(self._names)
        default = default_watchlist_name()  # in the user's language
        if default not in taken:
            return default
        number = 2
        while f"{default} {number}" in taken:
            number += 1
        return f"{default} {number}"
