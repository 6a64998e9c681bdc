"""The tray mini ticker: the pinned symbols in the system tray, or in a strip without one.

The icon shows one pinned symbol at a time (rotating through them), the tooltip and the
context menu show all of them and the connection state. Where the desktop has no
system tray the same content goes to an always-on-top ``MiniStrip``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.exchange.contracts import ContractCatalog
from desktop.qt.colors import current_convention
from desktop.qt.marks import MarkBook
from desktop.qt.quotes import QuoteBook, SourceStatus
from desktop.qt.ticker_text import (
    SymbolRow,
    compact_percent,
    describe_status,
    is_connected,
    symbol_row,
)
from desktop.qt.tray_icon import (
    IconState,
    distinct_labels,
    make_icon,
    make_idle_icon,
    shown_sign,
)
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlists import Watchlists
from desktop.ui.strip import MiniStrip
from desktop.ui.tray_host import TrayHost
from desktop.ui.tray_menu import TrayMenu
from desktop.ui.tray_tooltip import TrayTooltip

log = logging.getLogger(__name__)

DEFAULT_ROTATION_S: Final = 5.0
#: Staleness is a matter of time, not of ticks: re-check it this often.
STALENESS_CHECK_MS: Final = 1000
#: Icons kept, the least recently shown dropped first: a rotation through 16 pins never
#: redraws (~2 ms an icon), and each holds ~95 kB of pixels (5 sizes × 2 ratios). Keeping
#: 64 and clearing them all when full held up to ~10 MB: most of a full-market soak's
#: RSS growth.
_ICON_CACHE_SIZE: Final = 16

#: (letters, number, sign, state, demo, colour convention)
IconKey = tuple[str, str, int, IconState, bool, str]


class TrayIcons:
    """The icon the tray shows, drawn only when what it shows changes (letters, number,
    sign, state), and the last ``size`` drawn kept, the least recently shown dropped
    first."""

    def __init__(self, *, demo: bool, size: int = _ICON_CACHE_SIZE) -> None:
        self._demo = demo
        self._size = size
        self._icons: dict[IconKey, QIcon] = {}  # the dict's order is recency
        self._key: IconKey | None = None
        self._idle = make_idle_icon(demo=demo)
        self.current = self._idle

    def forget_shown(self) -> None:
        """Draw again at the next ``show``, even if the key is the same."""
        self._key = None

    def show(self, label: str, change: Decimal | None, state: IconState) -> bool:
        """Make ``current`` the icon for this; True if it changed."""
        tile = current_convention().name  # the colour convention draws the tile
        key = (label, compact_percent(change), shown_sign(change), state, self._demo, tile)
        if key == self._key:
            return False
        self._key = key
        icon = self._icons.pop(key, None)
        if icon is None:
            if len(self._icons) >= self._size:
                del self._icons[next(iter(self._icons))]
            icon = make_icon(change, state, label=label, demo=self._demo)
        self._icons[key] = icon
        self.current = icon
        return True

    def show_row(
        self,
        row: SymbolRow | None,
        book: QuoteBook,
        catalog: ContractCatalog | None,
        pins: list[str],
        *,
        connected: bool,
    ) -> bool:
        """The icon for ``row`` (None: the no-pins icon), its letters told apart from
        those of ``pins``; True if it changed."""
        if row is None:
            return self.show_idle()
        quote = book.quote(row.symbol)
        change = quote.ticker.change_percent if quote is not None else None
        state = (
            IconState.OFFLINE if not connected else IconState.STALE if row.stale else IconState.LIVE
        )
        bases = {s: base_asset(catalog, s) for s in {*pins, row.symbol}}
        return self.show(distinct_labels(bases)[row.symbol], change, state)

    def show_idle(self) -> bool:
        """The no-pins icon; True if it changed."""
        changed = self.current is not self._idle
        self._key = None
        self.current = self._idle
        return changed


class TrayTicker(QObject):
    """Pinned symbols in the system tray (or a ``MiniStrip`` where there is none).

    What is shown lives here (pins, rotation, the alert that holds the icon); the menu
    is a ``TrayMenu``, the tray icon or strip a ``TrayHost``. The icon is redrawn only
    when what it shows changes (its letters, number, sign or state), not on every tick;
    tooltip and menu texts are set only when they change.

    Signals:
        showWindowRequested(str): open the main window, at this symbol ("" for none).
        toggleWindowRequested(): show the main window if hidden, else hide it.
        quitRequested(): the user chose Quit.
        shownSymbolChanged(str): the icon now shows this symbol ("" with no pins).
        alertRequested(str): the user chose "Alert on SYMBOL…" in the menu.
    """

    showWindowRequested = Signal(str)
    toggleWindowRequested = Signal()
    quitRequested = Signal()
    shownSymbolChanged = Signal(str)
    alertRequested = Signal(str)

    def __init__(
        self,
        book: QuoteBook,
        watchlist: Watchlist | Watchlists,
        catalog: ContractCatalog | None = None,
        *,
        demo: bool = False,
        replay: bool = False,
        rotation_interval: float = DEFAULT_ROTATION_S,
        use_system_tray: bool | None = None,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        """``catalog`` None reads ``watchlist.catalog`` (so a catalog loaded later counts);
        ``use_system_tray`` None asks ``QSystemTrayIcon.isSystemTrayAvailable()``."""
        super().__init__(parent)
        self._book = book
        self._watchlist = watchlist
        self._catalog = catalog
        self._demo = demo
        self._replay = replay  # a recording played back: labelled like demo prices
        self._clock = clock
        self._pins: list[str] = watchlist.pins()
        self._looked: dict[str, Decimal] = {}  # pinned symbol → price when last looked
        self._shown = 0  # index into _pins
        self._rows: list[SymbolRow] = []
        self._tooltip = ""
        self._tooltips = TrayTooltip(demo=demo, replay=replay)
        self._icons = TrayIcons(demo=demo or replay)  # the frame says "not live prices"
        self._closed = False

        self._menus = TrayMenu(demo=demo, parent=self)
        self._menu = self._menus.menu()
        self._menus.symbolChosen.connect(self.showWindowRequested)
        self._menus.toggleWindowRequested.connect(self.toggleWindowRequested)
        self._menus.pauseToggled.connect(self.set_rotation_paused)
        self._menus.alertRequested.connect(self.alertRequested)
        self._menus.quitRequested.connect(self.quitRequested)
        self._menus.opened.connect(self.clear_attention)  # the user is looking
        self._attention = ""  # the symbol an alert fired for, until the user looks

        self._rotation = QTimer(self)
        self._rotation.timeout.connect(self.show_next)
        self.set_rotation_interval(rotation_interval)
        self._staleness = QTimer(self)
        self._staleness.setInterval(STALENESS_CHECK_MS)
        self._staleness.timeout.connect(self.refresh)

        if use_system_tray is None:
            use_system_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self._host = TrayHost(
            self._menu, self._icons.current, use_system_tray=use_system_tray, parent=self
        )
        self._host.touched.connect(self.clear_attention)
        self._host.clicked.connect(self.toggleWindowRequested)
        self._host.middleClicked.connect(self.show_next)
        self._host.doubleClicked.connect(lambda: self.showWindowRequested.emit(""))

        book.quotesChanged.connect(self._on_quotes)
        book.statusChanged.connect(self._on_status)
        watchlist.pinsChanged.connect(self._on_pins)
        self._menus.set_pins(self._pins)
        self._update_rotation()
        self.refresh()

    # -- presence ------------------------------------------------------------------

    def show(self, strip_at: tuple[int, int] | None = None) -> None:
        """Put the icon in the tray, or the strip on screen: at ``strip_at`` (where the
        user left it last time) or in the top-right corner."""
        self._host.show(strip_at)
        self._staleness.start()

    def strip_position(self) -> tuple[int, int] | None:
        """Where the strip stands (its top-left corner), None without a strip."""
        strip = self._host.strip()
        return None if strip is None else (strip.x(), strip.y())

    def close(self) -> None:
        """Take the icon out of the tray (no ghost icon on Windows) and free the widgets."""
        if self._closed:
            return
        self._closed = True
        self._rotation.stop()
        self._staleness.stop()
        self._book.quotesChanged.disconnect(self._on_quotes)
        self._book.statusChanged.disconnect(self._on_status)
        self._watchlist.pinsChanged.disconnect(self._on_pins)
        self._host.close()
        self._menus.close()

    def uses_system_tray(self) -> bool:
        return self._host.system_tray_icon() is not None

    def system_tray_icon(self) -> QSystemTrayIcon | None:
        """The tray icon, None when the strip stands in for it."""
        return self._host.system_tray_icon()

    def strip(self) -> MiniStrip | None:
        """The fallback strip, None when the system tray is used."""
        return self._host.strip()

    def menu_parts(self) -> TrayMenu:
        """The menu with its named actions (the demo line)."""
        return self._menus

    def menu(self) -> QMenu:
        return self._menu

    def icon(self) -> QIcon:
        return self._icons.current

    def tooltip(self) -> str:
        return self._tooltip

    def notify(self, title: str, text: str) -> None:
        """A passing message: a tray balloon/notification, or a banner on the strip.

        In a demo run the title says DEMO: a notification is read away from the window
        and its banner, and an alert on simulated prices must not pass for a real one.
        """
        if self._demo:
            title = self.tr("DEMO · {title}").format(title=title)
        elif self._replay:
            title = self.tr("REPLAY · {title}").format(title=title)
        self._host.notify(title, text)

    def set_window_visible(self, visible: bool) -> None:
        """Name the window action after what it will do, and remember the pinned prices
        the user has just seen: rows then say how far each moved "since you looked"."""
        self._menus.set_window_visible(visible)
        if visible:
            self.clear_attention()
        self._looked = {}
        for symbol in self._pins:
            quote = self._book.quote(symbol)
            if quote is not None:
                self._looked[symbol] = quote.ticker.close
        self.refresh()

    def looked_prices(self) -> dict[str, Decimal]:
        """The pinned prices as of the last time the window was shown or hidden."""
        return dict(self._looked)

    def set_catalog(self, catalog: ContractCatalog | None) -> None:
        """Use a newly loaded catalog for tick precision (None: ``watchlist.catalog``)."""
        self._catalog = catalog
        self.refresh()

    # -- rotation ------------------------------------------------------------------

    def shown_symbol(self) -> str:
        """The symbol on the icon; "" when nothing is pinned."""
        if self._attention:
            return self._attention
        return self._pins[self._shown] if self._pins else ""

    def rotation_interval(self) -> float:
        return self._rotation.interval() / 1000

    def set_rotation_interval(self, seconds: float) -> None:
        """Seconds each pinned symbol stays on the icon; takes effect at once."""
        if seconds <= 0:
            raise ValueError(f"rotation interval must be positive, not {seconds}")
        self._rotation.setInterval(max(1, round(seconds * 1000)))

    def is_rotation_paused(self) -> bool:
        return self._menus.is_paused()

    def set_rotation_paused(self, paused: bool) -> None:
        """Keep the current symbol on the icon (the "Pause rotation" menu item)."""
        if self._menus.is_paused() != paused:
            self._menus.set_paused(paused)  # re-enters through pauseToggled
            return
        self._update_rotation()

    def show_next(self) -> None:
        """Put the next pinned symbol on the icon."""
        if len(self._pins) < 2 or self._attention:  # an alert holds the icon
            return
        self._shown = (self._shown + 1) % len(self._pins)
        self.refresh()
        self.shownSymbolChanged.emit(self.shown_symbol())

    def _update_rotation(self) -> None:
        if len(self._pins) > 1 and not self.is_rotation_paused():
            if not self._rotation.isActive():
                self._rotation.start()
        else:
            self._rotation.stop()

    # -- updates -------------------------------------------------------------------

    def _on_quotes(self, symbols: list[str]) -> None:
        pins = set(self._pins)
        if any(s in pins for s in symbols):
            self.refresh()

    def _on_status(self, _status: SourceStatus) -> None:
        self.refresh()

    def _on_pins(self, pins: list[str]) -> None:
        shown = self.shown_symbol()
        self._pins = list(pins)
        self._shown = self._pins.index(shown) if shown in self._pins else 0
        self._menus.set_pins(self._pins)
        self._update_rotation()
        self.refresh()
        if self.shown_symbol() != shown:
            self.shownSymbolChanged.emit(self.shown_symbol())

    def set_marks(self, marks: MarkBook) -> None:
        """Add each pin's funding rate and countdown to the tooltip, from ``marks``."""
        self._tooltips.marks = marks
        self.refresh()

    def refresh(self) -> None:
        """Bring icon, tooltip, menu and strip up to date; change only what differs."""
        now = self._clock()
        status = self._book.last_status
        connected = is_connected(status)
        catalog = self._catalog if self._catalog is not None else self._watchlist.catalog
        looked = self._looked
        self._rows = [symbol_row(s, self._book, catalog, now, looked.get(s)) for s in self._pins]
        self._set_tooltip(self._tooltips.text(self._pins, self._book, catalog, status, now, looked))
        self._update_icon(connected, catalog)
        state_text = describe_status(status, demo=self._demo)
        self._menus.update(state_text, self._rows, self._shown)
        self._host.set_strip_content(self._rows, state_text, connected=connected, demo=self._demo)

    def _set_tooltip(self, text: str) -> None:
        if text == self._tooltip:
            return
        self._tooltip = text
        self._host.set_tooltip(text)

    def _update_icon(self, connected: bool, catalog: ContractCatalog | None) -> None:
        row = self._attention_row() or (self._rows[self._shown] if self._rows else None)
        if self._icons.show_row(row, self._book, catalog, self._pins, connected=connected):
            self._host.set_icon(self._icons.current)

    # -- attention: an alert fired -------------------------------------------------

    def attention(self, symbol: str) -> None:
        """Put ``symbol`` on the icon and blink it until the user looks: the window is
        shown, the menu opened or the icon clicked (``clear_attention``)."""
        self._attention = symbol
        if symbol in self._pins:
            self._shown = self._pins.index(symbol)  # and rotation resumes from there
        self._host.set_blinking(True)
        self.refresh()
        self.shownSymbolChanged.emit(symbol)

    def clear_attention(self) -> None:
        if not self._attention:
            return
        self._attention = ""
        self._host.set_blinking(False)
        self._icons.forget_shown()  # it may show a symbol that is not pinned: redraw
        self.refresh()
        self.shownSymbolChanged.emit(self.shown_symbol())

    def is_blinking(self) -> bool:
        return self._host.is_blinking()

    def _attention_row(self) -> SymbolRow | None:
        if not self._attention:
            return None
        catalog = self._catalog if self._catalog is not None else self._watchlist.catalog
        return symbol_row(self._attention, self._book, catalog, self._clock())


def base_asset(catalog: ContractCatalog | None, symbol: str) -> str:
    """The base asset of ``symbol`` in ``catalog``, "" where it is not known (yet)."""
    contract = catalog.get(symbol) if catalog is not None else None
    return contract.base_asset if contract is not None else ""
