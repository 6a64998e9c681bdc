"""Which symbols' mark prices something needs now: only those are subscribed.

Mark prices (mark, index, funding) feed three things: the watchlist's Mark … Basis
columns while one is on screen, the tray tooltip's funding line of each pin, and the
funding rate alert rules that are switched on. ``MarkDemand`` follows each of them live
and tells the stream client the union of the symbols they need: a handful of
``<symbol>@markPrice@1s`` streams for the pins and rules, the watchlist's rows while a
funding column shows, nothing when nothing needs them. (At the full market the mark
array alone took about a millisecond of parsing every second, issue 20.)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from desktop.exchange.alerts import AlertKind
from desktop.qt.alerts import AlertCenter
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlists import Watchlists

log = logging.getLogger(__name__)

ROWS = "rows"  # the watchlist's rows, while a funding column is on screen
PINS = "pins"  # the tray tooltip's funding line of each pin
RULES = "rules"  # funding rate alert rules that are switched on


class MarkSink(Protocol):
    """What the demand drives (``StreamClient.set_mark_symbols``, ``ReplaySource``'s)."""

    def set_mark_symbols(self, symbols: Iterable[str]) -> None: ...


class MarkDemand(QObject):
    """The symbols whose mark prices are needed, by need; the sink gets their union.

    Signals:
        symbolsChanged(frozenset): the union changed (the sink was told it first).
    """

    symbolsChanged = Signal(frozenset)

    def __init__(self, sink: MarkSink, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sink = sink
        self._needs: dict[str, frozenset[str]] = {}
        self._symbols: frozenset[str] = frozenset()
        self._rows: Watchlist | None = None
        self._center: AlertCenter | None = None
        self._columns_shown = False

    @property
    def symbols(self) -> frozenset[str]:
        """Every symbol some need asks marks for."""
        return self._symbols

    def need(self, name: str) -> frozenset[str]:
        """The symbols one need (``ROWS``, ``PINS``, ``RULES``) asks marks for."""
        return self._needs.get(name, frozenset())

    def set_need(self, name: str, symbols: Iterable[str]) -> None:
        """What ``name`` needs from now on; empty: nothing any more."""
        wanted = frozenset(symbols)
        if wanted:
            self._needs[name] = wanted
        else:
            self._needs.pop(name, None)
        union = frozenset().union(*self._needs.values())
        if union == self._symbols:
            return
        log.debug("mark prices for %d symbols (%s)", len(union), ", ".join(sorted(self._needs)))
        self._symbols = union
        self._sink.set_mark_symbols(union)
        self.symbolsChanged.emit(union)

    # -- the watchlist's funding columns -----------------------------------------------

    def follow_rows(self, watchlist: Watchlist) -> None:
        """The shown list's rows need marks while a funding column is on screen."""
        self._rows = watchlist
        watchlist.symbolsChanged.connect(self._rows_changed)
        self._rows_changed()

    def set_columns_shown(self, shown: bool) -> None:
        """Whether a Mark … Basis column is on screen (``ColumnHeader.fundingShown``)."""
        self._columns_shown = shown
        self._rows_changed()

    def _rows_changed(self) -> None:
        rows = self._rows
        self.set_need(ROWS, rows.symbols() if self._columns_shown and rows is not None else ())

    # -- the tray's pins ---------------------------------------------------------------

    def follow_pins(self, watchlists: Watchlists) -> None:
        """Each pin's funding line in the tray tooltip: the pins' marks, always (a few
        streams of one event a second; the tooltip can be hovered at any moment)."""
        watchlists.pinsChanged.connect(self._pins_changed)
        self._pins_changed(watchlists.pins())

    def _pins_changed(self, pins: list[str]) -> None:
        self.set_need(PINS, pins)

    # -- funding alert rules -----------------------------------------------------------

    def follow_rules(self, center: AlertCenter) -> None:
        """The symbols of the funding rate rules that are switched on (a snoozed one
        too: it stays armed)."""
        self._center = center
        center.rulesChanged.connect(self._rules_changed)
        self._rules_changed()

    def _rules_changed(self) -> None:
        center = self._center
        rules = center.rules() if center is not None else []
        funding = AlertKind.FUNDING_PCT
        self.set_need(RULES, (r.symbol for r in rules if r.enabled and r.kind is funding))
