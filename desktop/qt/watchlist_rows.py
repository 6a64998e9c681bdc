"""The steps that turn the table's rows into a new list of symbols, as Qt wants them told.

``WatchlistModel`` follows ``Watchlist.symbolsChanged`` with removals, moves and
insertions, never a reset, so a view keeps its selection, scroll position and current
row. Working out those steps is plain list work, kept here apart from the Qt calls that
announce them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex

#: MIME type of dragged watchlist rows: the symbols, one per line.
MIME_SYMBOLS: Final = "application/x-miniticker-symbols"


class Remove(NamedTuple):
    """Rows ``first``..``last`` (inclusive) go."""

    first: int
    last: int


class Move(NamedTuple):
    """One row moves: ``beginMoveRows(source, source, destination)``, then ``rows``."""

    source: int
    destination: int
    rows: list[str]


class Relayout(NamedTuple):
    """Several rows move: one layout change to ``rows``."""

    rows: list[str]


class Insert(NamedTuple):
    """``symbols`` come in at row ``at``."""

    at: int
    symbols: list[str]


Step = Remove | Move | Relayout | Insert


def reorder_step(current: list[str], target: list[str]) -> Move | Relayout | None:
    """How ``current`` becomes ``target`` (the same symbols): a single row move when one
    row moved (what a drag does), else a layout change; None when nothing moved."""
    if current == target:
        return None
    first = next(i for i, (a, b) in enumerate(zip(current, target, strict=True)) if a != b)
    last = len(current) - 1
    while current[last] == target[last]:
        last -= 1
    if target[first : last + 1] == [*current[first + 1 : last + 1], current[first]]:
        return Move(first, last + 1, list(target))  # row ``first`` moved down
    if target[first : last + 1] == [current[last], *current[first:last]]:
        return Move(last, first, list(target))  # row ``last`` moved up
    return Relayout(list(target))


def row_steps(current: list[str], new: list[str]) -> list[Step]:
    """The removals (bottom up), the move among the survivors and the insertions (top
    down) that turn rows ``current`` into ``new``; applied in order, each step's row
    numbers hold for the rows as the steps before it left them."""
    new_set = set(new)
    steps: list[Step] = []
    gone = [i for i, s in enumerate(current) if s not in new_set]
    blocks: list[tuple[int, int]] = []
    for row in gone:
        if blocks and blocks[-1][1] == row - 1:
            blocks[-1] = (blocks[-1][0], row)
        else:
            blocks.append((row, row))
    steps.extend(Remove(first, last) for first, last in reversed(blocks))
    kept = [s for s in current if s in new_set]
    kept_set = set(kept)
    move = reorder_step(kept, [s for s in new if s in kept_set])
    if move is not None:
        steps.append(move)
    i = 0
    while i < len(new):
        if new[i] in kept_set:
            i += 1
            continue
        j = i
        while j < len(new) and new[j] not in kept_set:
            j += 1
        steps.append(Insert(i, new[i:j]))
        i = j
    return steps


def symbols_mime(symbols: list[str]) -> QMimeData:
    """Dragged rows: their symbols, one per line (also as text, for a text editor)."""
    text = "\n".join(symbols)
    mime = QMimeData()
    mime.setData(MIME_SYMBOLS, text.encode("utf-8"))
    mime.setText(text)
    return mime


def dropped_order(data: QMimeData, row: int, symbols: list[str]) -> list[str] | None:
    """``symbols`` with the rows dragged in ``data`` moved to ``row``; None if none are."""
    if not data.hasFormat(MIME_SYMBOLS):
        return None
    raw = bytes(data.data(MIME_SYMBOLS).data()).decode("utf-8", "replace")
    present = set(symbols)
    moving = [s for s in dict.fromkeys(raw.split("\n")) if s in present]
    if not moving:
        return None
    row = max(0, min(row, len(symbols)))
    moved = set(moving)
    before = [s for s in symbols[:row] if s not in moved]
    after = [s for s in symbols[row:] if s not in moved]
    return before + moving + after


class SymbolRowsModel(QAbstractTableModel):
    """A table with one row per symbol: row changes told as removals, moves and
    insertions, and rows dragged into a new order.

    Subclasses say what a row needs when it comes and goes (``_row_entered``,
    ``_row_left``), whether a drop may reorder (``_can_drop``) and take the new order
    (``_drop_order``). Signals: only ``QAbstractItemModel``'s.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._symbols: list[str] = []  # rows, in display order
        self._row: dict[str, int] = {}

    def symbols(self) -> list[str]:
        return list(self._symbols)

    def symbol_at(self, row: int) -> str | None:
        return self._symbols[row] if 0 <= row < len(self._symbols) else None

    def row_of(self, symbol: str) -> int:
        """Row of ``symbol``, or −1."""
        return self._row.get(symbol, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._symbols)

    # -- what subclasses add ------------------------------------------------------------

    def _row_entered(self, symbol: str, now: float) -> None:
        """``symbol`` got a row."""

    def _row_left(self, symbol: str) -> None:
        """``symbol``'s row is gone."""

    def _can_drop(self) -> bool:
        return True

    def _drop_order(self, order: list[str]) -> None:
        """Dragged rows were dropped: ``order`` is the order the user asked for."""

    # -- rows -----------------------------------------------------------------------------

    def _reindex(self) -> None:
        self._row = {s: i for i, s in enumerate(self._symbols)}

    def _rows_of(self, symbols: Iterable[str]) -> list[int]:
        row_of = self._row
        return [row_of[s] for s in symbols if s in row_of]

    def _apply_steps(self, new: list[str], now: float) -> None:
        """The rows become ``new``, told to views step by step."""
        root = QModelIndex()
        for step in row_steps(self._symbols, new):
            if isinstance(step, Remove):
                self.beginRemoveRows(root, step.first, step.last)
                for symbol in self._symbols[step.first : step.last + 1]:
                    self._row_left(symbol)
                del self._symbols[step.first : step.last + 1]
                self._reindex()
                self.endRemoveRows()
            elif isinstance(step, Insert):
                self.beginInsertRows(root, step.at, step.at + len(step.symbols) - 1)
                self._symbols[step.at : step.at] = step.symbols
                for symbol in step.symbols:
                    self._row_entered(symbol, now)
                self._reindex()
                self.endInsertRows()
            elif isinstance(step, Move):
                self.beginMoveRows(root, step.source, step.source, root, step.destination)
                self._symbols[:] = step.rows
                self._reindex()
                self.endMoveRows()
            else:
                self._relayout(step.rows)

    def _relayout(self, rows: list[str]) -> None:
        self.layoutAboutToBeChanged.emit()
        new_row = {s: i for i, s in enumerate(rows)}
        old = self.persistentIndexList()
        new = [self.createIndex(new_row[self._symbols[p.row()]], p.column()) for p in old]
        self._symbols[:] = rows
        self._reindex()
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- drag and drop: reorder ---------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_SYMBOLS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return symbols_mime([self._symbols[r] for r in rows if r < len(self._symbols)])

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if action != Qt.DropAction.MoveAction or not self._can_drop():
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._symbols)
        order = dropped_order(data, row, self._symbols)
        if order is None:
            return False
        self._drop_order(order)
        # Qt removes the dragged rows after a successful MoveAction drop unless the
        # model refuses removeRows — which this model does (QAbstractItemModel's default).
        return True
