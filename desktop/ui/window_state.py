"""The watchlist window's layout as text for the settings file, and back.

Qt saves geometry, header and dock layouts as opaque bytes; the settings file keeps them
as base64 text. Kept out of ``main_window`` so the window reads as layout and wiring.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QTableView

from desktop.qt.watchlist_proxy import WatchlistProxy


def to_text(data: QByteArray) -> str:
    """Qt's saved state as base64 text."""
    return bytes(data.toBase64().data()).decode("ascii")


def from_text(text: str) -> QByteArray:
    """Undo ``to_text``; damaged text gives bytes Qt refuses to restore from."""
    return QByteArray.fromBase64(text.encode("ascii"))


def restore_header(table: QTableView, proxy: WatchlistProxy, state: str) -> bool:
    """Restore the table header's columns and sort indicator; the proxy sorts to match."""
    header = table.horizontalHeader()
    if not header.restoreState(from_text(state)):
        return False
    # The sort indicator comes back with the header; make the proxy follow it.
    proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
    return True
