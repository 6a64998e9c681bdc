"""Put an imported file's lists into the user's watchlists, and say what happened.

The file's lists become watchlists of their own (a TradingView section keeps its name; an
unnamed list takes the file's name); a list whose name exists already gets the new
symbols appended, so importing twice loses and duplicates nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.exchange.watchlist_io import ImportResult
from desktop.qt.watchlists import Watchlists


@dataclass(slots=True)
class Applied:
    """What an import changed: per list (name, symbols added, symbols already there)."""

    lists: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    refused_lists: list[str] = field(default_factory=list)  # over the number of lists allowed

    @property
    def added_count(self) -> int:
        return sum(len(added) for _, added, _ in self.lists)


def apply_import(watchlists: Watchlists, result: ImportResult, fallback_name: str) -> Applied:
    """Add ``result``'s lists to ``watchlists``; the first list added is shown."""
    applied = Applied()
    first_index: int | None = None
    for imported in result.lists:
        name = imported.name or fallback_name
        names = watchlists.names()
        if name in names:
            index = names.index(name)
            present = set(watchlists.symbols_of(index))
            added = watchlists.add_to(index, imported.symbols)
            already = [s for s in imported.symbols if s in present]
        else:
            index = watchlists.add_list(name, imported.symbols)
            if index < 0:
                applied.refused_lists.append(name)
                continue
            added, already = list(imported.symbols), []
        applied.lists.append((watchlists.name(index), added, already))
        if first_index is None:
            first_index = index
    if first_index is not None:
        watchlists.set_current(first_index)
    return applied
