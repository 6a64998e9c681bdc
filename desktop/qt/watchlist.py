"""The user's watchlist and tray pins: ordered symbols, validated, announced as they change."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from desktop.exchange.contracts import ContractCatalog
from desktop.exchange.symbols import SymbolError

log = logging.getLogger(__name__)


class Watchlist(QObject):
    """Ordered watched symbols and the subset pinned to the tray.

    Symbols are validated against the contract catalog when it is known; a symbol the
    user already had is never dropped because metadata changed or is missing — it stays,
    and the view marks it, so nothing the user added is lost silently.

    Signals:
        symbolsChanged(list): the full ordered list after any add, remove or move.
        pinsChanged(list): the ordered pins after any change.
    """

    symbolsChanged = Signal(list)
    pinsChanged = Signal(list)

    def __init__(
        self,
        symbols: Iterable[str] = (),
        pins: Iterable[str] = (),
        catalog: ContractCatalog | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog if catalog is not None else ContractCatalog()
        self._symbols: list[str] = list(dict.fromkeys(symbols))
        self._pins: list[str] = [p for p in dict.fromkeys(pins) if p in self._symbols]

    def symbols(self) -> list[str]:
        return list(self._symbols)

    def pins(self) -> list[str]:
        return list(self._pins)

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._symbols

    def add(self, texts: Iterable[str]) -> tuple[list[str], list[str]]:
        """Validate and append; returns (added symbols, messages for people about the rest)."""
        added: list[str] = []
        problems: list[str] = []
        for text in texts:
            try:
                symbol = self.catalog.validate(text)
            except SymbolError as exc:
                problems.append(str(exc))
                continue
            if symbol in self._symbols or symbol in added:
                continue
            added.append(symbol)
        if added:
            self._symbols.extend(added)
            self.symbolsChanged.emit(self.symbols())
        return added, problems

    def remove(self, symbols: Iterable[str]) -> list[str]:
        gone = [s for s in dict.fromkeys(symbols) if s in self._symbols]
        if not gone:
            return []
        self._symbols = [s for s in self._symbols if s not in gone]
        pins_before = len(self._pins)
        self._pins = [p for p in self._pins if p not in gone]
        self.symbolsChanged.emit(self.symbols())
        if len(self._pins) != pins_before:
            self.pinsChanged.emit(self.pins())
        return gone

    def move(self, symbol: str, index: int) -> None:
        """Put ``symbol`` at ``index`` of the manual order."""
        if symbol not in self._symbols:
            return
        self._symbols.remove(symbol)
        self._symbols.insert(max(0, min(index, len(self._symbols))), symbol)
        self.symbolsChanged.emit(self.symbols())

    def set_order(self, symbols: list[str]) -> None:
        """Replace the manual order with a permutation of the current symbols."""
        if sorted(symbols) != sorted(self._symbols):
            raise ValueError("set_order needs a permutation of the watched symbols")
        if symbols != self._symbols:
            self._symbols = list(symbols)
            self.symbolsChanged.emit(self.symbols())

    def replace(self, symbols: Iterable[str], pins: Iterable[str] = ()) -> None:
        """Show another list: ``symbols`` as given (never validated away) and ``pins``
        (those among them). Announces symbols, then pins, each only if it changed."""
        new = list(dict.fromkeys(symbols))
        new_pins = [p for p in dict.fromkeys(pins) if p in new]
        symbols_changed = new != self._symbols
        pins_changed = new_pins != self._pins
        self._symbols = new
        self._pins = new_pins
        if symbols_changed:
            self.symbolsChanged.emit(self.symbols())
        if pins_changed:
            self.pinsChanged.emit(self.pins())

    def set_pinned(self, symbol: str, pinned: bool) -> None:
        if pinned and symbol in self._symbols and symbol not in self._pins:
            self._pins.append(symbol)
        elif not pinned and symbol in self._pins:
            self._pins.remove(symbol)
        else:
            return
        self.pinsChanged.emit(self.pins())

    def is_pinned(self, symbol: str) -> bool:
        return symbol in self._pins
