"""The tray mini ticker: the pinned symbols in the system tray, or in a strip without one.

The icon shows one pinned symbol at a time (rotating through them), the tooltip and the
context menu show all of them and the connection state. Where the desktop has no
system tray the same content goes to an always-on-top ``MiniStrip``.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.exchange.contracts import ContractCatalog
from desktop.qt.quotes import QuoteBook
from desktop.qt.ticker_text import (
    DEMO_LINE,
    NO_PINS_HINT,
    SymbolRow,
    compact_percent,
    describe_status,
    fit_lines,
    is_connected,
    symbol_row,
    tooltip_lines,
)
from desktop.qt.tray_icon import IconState, make_icon, make_idle_icon
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlists import Watchlists
from desktop.ui.strip import MiniStrip

log = logging.getLogger(__name__)

DEFAULT_ROTATION_S: Final = 5.0
#: Staleness is a matter of time, not of ticks: re-check it this often.
STALENESS_CHECK_MS: Final = 1000
#: Windows keeps only 127 characters of a tray tooltip (NOTIFYICONDATA.szTip is 128
#: WCHARs); elsewhere the whole text is shown.
TOOLTIP_LIMIT: Final = 127 if sys.platform == "win32" else None
#: Icons kept, the least recently shown dropped first: a rotation through 16 pins never
#: redraws (~2 ms an icon), and each holds ~95 kB of pixels (5 sizes × 2 ratios). Keeping
#: 64 and clearing them all when full held up to ~10 MB: most of a full-market soak's
#: RSS growth.
_ICON_CACHE_SIZE: Final = 16
#: An icon asking for attention alternates with a blank one at this pace.
BLINK_MS: Final = 500

IconKey = tuple[str, int, IconState, bool]  # (shown number, sign, state, demo)


class TrayTicker(QObject):
    """Pinned symbols in the system tray (or a ``MiniStrip`` where there is none).

    The icon is redrawn only when what it shows changes (its number, sign or state),
    not on every tick; tooltip and menu texts are set only when they change.

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
        self._clock = clock
        self._pins: list[str] = watchlist.pins()
        self._looked: dict[str, Decimal] = {}  # pinned symbol → price when last looked
        self._shown = 0  # index into _pins
        self._rows: list[SymbolRow] = []
        self._tooltip = ""
        self._icon_key: IconKey | None = None
        self._icon_cache: dict[IconKey, QIcon] = {}
        self._idle_icon = make_idle_icon(demo=demo)
        self._icon = self._idle_icon
        self._closed = False

        self._menu = QMenu()
        self._menu.setToolTipsVisible(True)
        self._status_action = QAction(self._menu)
        self._status_action.setEnabled(False)
        self._symbol_actions: list[QAction] = []
        self._symbols_end = self._menu.addSeparator()
        self._window_action = self._menu.addAction("Show/Hide window")
        self._window_action.triggered.connect(self.toggleWindowRequested)
        self._pause_action = self._menu.addAction("Pause rotation")
        self._pause_action.setCheckable(True)
        self._pause_action.toggled.connect(self.set_rotation_paused)
        self._alert_menu = self._menu.addMenu("New alert")
        self._alert_menu.aboutToShow.connect(self._fill_alert_menu)
        self._menu.aboutToShow.connect(self.clear_attention)  # the user is looking
        self._attention = ""  # the symbol an alert fired for, until the user looks
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._blink_step)
        self._blink_dark = False
        self._menu.addSeparator()
        self._quit_action = self._menu.addAction("Quit MiniTicker")
        self._quit_action.triggered.connect(self.quitRequested)
        self._menu.insertAction(self._symbols_end, self._status_action)

        self._rotation = QTimer(self)
        self._rotation.timeout.connect(self.show_next)
        self.set_rotation_interval(rotation_interval)
        self._staleness = QTimer(self)
        self._staleness.setInterval(STALENESS_CHECK_MS)
        self._staleness.timeout.connect(self.refresh)

        if use_system_tray is None:
            use_system_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self._tray: QSystemTrayIcon | None = None
        self._strip: MiniStrip | None = None
        if use_system_tray:
            self._tray = QSystemTrayIcon(self._icon, self)
            self._tray.setContextMenu(self._menu)
            self._tray.activated.connect(self._on_activated)
        else:
            log.info("no system tray on this desktop; showing the mini ticker as a strip")
            self._strip = MiniStrip()
            self._strip.set_context_menu(self._menu)
            self._strip.doubleClicked.connect(self._on_strip_double_clicked)

        book.quotesChanged.connect(self._on_quotes)
        book.statusChanged.connect(self._on_status)
        watchlist.pinsChanged.connect(self._on_pins)
        self._rebuild_symbol_actions()
        self._update_rotation()
        self.refresh()

    # -- presence ------------------------------------------------------------------

    def show(self, strip_at: tuple[int, int] | None = None) -> None:
        """Put the icon in the tray, or the strip on screen: at ``strip_at`` (where the
        user left it last time) or in the top-right corner."""
        if self._tray is not None:
            self._tray.show()
        elif self._strip is not None and not self._strip.isVisible():
            if strip_at is None:
                self._strip.move_to_corner()
            else:
                self._strip.move_on_screen(*strip_at)
            self._strip.show()
        self._staleness.start()

    def strip_position(self) -> tuple[int, int] | None:
        """Where the strip stands (its top-left corner), None without a strip."""
        if self._strip is None:
            return None
        return self._strip.x(), self._strip.y()

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
        if self._tray is not None:
            self._tray.hide()
            self._tray.setContextMenu(None)  # type: ignore[arg-type]
        if self._strip is not None:
            self._strip.close()
            self._strip.deleteLater()
            self._strip = None
        self._menu.deleteLater()

    def uses_system_tray(self) -> bool:
        return self._tray is not None

    def system_tray_icon(self) -> QSystemTrayIcon | None:
        """The tray icon, None when the strip stands in for it."""
        return self._tray

    def strip(self) -> MiniStrip | None:
        """The fallback strip, None when the system tray is used."""
        return self._strip

    def menu(self) -> QMenu:
        return self._menu

    def icon(self) -> QIcon:
        return self._icon

    def tooltip(self) -> str:
        return self._tooltip

    def notify(self, title: str, text: str) -> None:
        """A passing message: a tray balloon/notification, or a banner on the strip."""
        if self._tray is not None:
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)
        elif self._strip is not None:
            self._strip.show_banner(title, text)

    def set_window_visible(self, visible: bool) -> None:
        """Name the window action after what it will do, and remember the pinned prices
        the user has just seen: rows then say how far each moved "since you looked"."""
        self._window_action.setText("Hide window" if visible else "Show window")
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
        return self._pause_action.isChecked()

    def set_rotation_paused(self, paused: bool) -> None:
        """Keep the current symbol on the icon (the "Pause rotation" menu item)."""
        if self._pause_action.isChecked() != paused:
            self._pause_action.setChecked(paused)  # re-enters through toggled
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

    def _on_status(self, _status: Any) -> None:
        self.refresh()

    def _on_pins(self, pins: list[str]) -> None:
        shown = self.shown_symbol()
        self._pins = list(pins)
        self._shown = self._pins.index(shown) if shown in self._pins else 0
        self._rebuild_symbol_actions()
        self._update_rotation()
        self.refresh()
        if self.shown_symbol() != shown:
            self.shownSymbolChanged.emit(self.shown_symbol())

    def refresh(self) -> None:
        """Bring icon, tooltip, menu and strip up to date; change only what differs."""
        now = self._clock()
        status = self._book.last_status
        connected = is_connected(status)
        catalog = self._catalog if self._catalog is not None else self._watchlist.catalog
        looked = self._looked
        self._rows = [symbol_row(s, self._book, catalog, now, looked.get(s)) for s in self._pins]
        lines = tooltip_lines(
            self._pins, self._book, catalog, status=status, demo=self._demo, now=now, looked=looked
        )
        self._set_tooltip(fit_lines(lines, TOOLTIP_LIMIT))
        self._update_icon(connected)
        self._update_menu(describe_status(status))
        if self._strip is not None:
            self._strip.set_content(
                self._rows,
                describe_status(status),
                connected=connected,
                demo=self._demo,
                hint=NO_PINS_HINT,
            )
            self._strip.setToolTip(self._tooltip)

    def _set_tooltip(self, text: str) -> None:
        if text == self._tooltip:
            return
        self._tooltip = text
        if self._tray is not None:
            self._tray.setToolTip(text)

    def _update_icon(self, connected: bool) -> None:
        key: IconKey | None = None
        change: Decimal | None = None
        row = self._attention_row() or (self._rows[self._shown] if self._rows else None)
        if row is not None:
            quote = self._book.quote(row.symbol)
            change = quote.ticker.change_percent if quote is not None else None
            state = (
                IconState.OFFLINE
                if not connected
                else IconState.STALE
                if row.stale
                else IconState.LIVE
            )
            key = (compact_percent(change), row.sign, state, self._demo)
        if key == self._icon_key:
            return
        self._icon_key = key
        if key is None:
            self._icon = self._idle_icon
        else:
            cache = self._icon_cache
            icon = cache.pop(key, None)  # re-inserted below: the dict's order is recency
            if icon is None:
                if len(cache) >= _ICON_CACHE_SIZE:
                    del cache[next(iter(cache))]  # the least recently shown
                icon = make_icon(change, key[2], demo=self._demo)
            cache[key] = icon
            self._icon = icon
        if self._tray is not None:
            self._tray.setIcon(self._icon)
        if self._strip is not None:
            self._strip.setWindowIcon(self._icon)

    # -- menu ----------------------------------------------------------------------

    def _rebuild_symbol_actions(self) -> None:
        for action in self._symbol_actions:
            self._menu.removeAction(action)
            action.deleteLater()
        self._symbol_actions = []
        if not self._pins:
            hint = QAction(NO_PINS_HINT, self._menu)
            hint.setEnabled(False)
            self._menu.insertAction(self._symbols_end, hint)
            self._symbol_actions.append(hint)
            return
        for symbol in self._pins:
            action = QAction(symbol, self._menu)
            action.setToolTip(f"Open {symbol} in the main window")
            action.triggered.connect(
                lambda _checked=False, s=symbol: self.showWindowRequested.emit(s)
            )
            self._menu.insertAction(self._symbols_end, action)
            self._symbol_actions.append(action)

    def _update_menu(self, state_text: str) -> None:
        status_text = f"{DEMO_LINE} · {state_text}" if self._demo else state_text
        if self._status_action.text() != status_text:
            self._status_action.setText(status_text)
        if not self._pins:
            return
        shown = self._shown
        for index, (action, row) in enumerate(zip(self._symbol_actions, self._rows, strict=True)):
            text = row.line()
            if action.text() != text:
                action.setText(text)
            bold = index == shown and len(self._pins) > 1  # which symbol the icon shows
            if action.font().bold() != bold:
                font = action.font()
                font.setBold(bold)
                action.setFont(font)

    # -- tray clicks ---------------------------------------------------------------

    def _on_strip_double_clicked(self) -> None:
        self.showWindowRequested.emit("")

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        self.clear_attention()
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.toggleWindowRequested.emit()
        elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
            self.show_next()

    # -- attention: an alert fired -------------------------------------------------

    def attention(self, symbol: str) -> None:
        """Put ``symbol`` on the icon and blink it until the user looks: the window is
        shown, the menu opened or the icon clicked (``clear_attention``)."""
        self._attention = symbol
        if symbol in self._pins:
            self._shown = self._pins.index(symbol)  # and rotation resumes from there
        self._blink_dark = False
        self._blink.start()
        self.refresh()
        self.shownSymbolChanged.emit(symbol)

    def clear_attention(self) -> None:
        if not self._attention:
            return
        self._attention = ""
        self._blink.stop()
        self._blink_dark = False
        self._icon_key = None  # the icon may show a symbol that is not pinned: redraw
        self.refresh()
        self.shownSymbolChanged.emit(self.shown_symbol())

    def is_blinking(self) -> bool:
        return self._blink.isActive()

    def _blink_step(self) -> None:
        self._blink_dark = not self._blink_dark
        if self._tray is not None:
            self._tray.setIcon(_blank_icon() if self._blink_dark else self._icon)

    def _attention_row(self) -> SymbolRow | None:
        if not self._attention:
            return None
        catalog = self._catalog if self._catalog is not None else self._watchlist.catalog
        return symbol_row(self._attention, self._book, catalog, self._clock())

    def _fill_alert_menu(self) -> None:
        """One "Alert on SYMBOL…" per pinned symbol, built when the submenu opens."""
        self._alert_menu.clear()
        for symbol in self._pins:
            action = self._alert_menu.addAction(f"Alert on {symbol}…")
            action.triggered.connect(lambda _checked=False, s=symbol: self.alertRequested.emit(s))
        if not self._pins:
            self._alert_menu.addAction(NO_PINS_HINT).setEnabled(False)


def _blank_icon() -> QIcon:
    """The dark phase of a blink: a fully transparent icon of the usual size."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)
