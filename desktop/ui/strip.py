"""A small always-on-top strip with the pinned symbols: the tray ticker where no tray is.

GNOME without the AppIndicator extension, some tiling window managers and headless
sessions have no system tray; there the strip shows what the tray icon would, so the
mini ticker never silently disappears.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop.qt.colors import Colors, tabular_font
from desktop.qt.ticker_text import DEMO_LINE, SymbolRow, since_text, tr
from desktop.qt.tray_icon import DEMO_COLOR
from desktop.qt.watchlist_speech import price_sentence

log = logging.getLogger(__name__)

BANNER_MS: Final = 10_000
SCREEN_MARGIN: Final = 12


_FRAME: Final = "#MiniStrip { background: palette(window); border: 1px solid palette(mid); }"


class MiniStrip(QWidget):
    """One row: ``[DEMO] BTCUSDT 97,123.4 ▲ +2.31 %  ETHUSDT …  Live``.

    It only shows what it is given and reports what the user does; the tray ticker owns
    the content and the menu. It remembers nothing (the app may persist ``pos()``).

    Signals:
        doubleClicked(): the user double-clicked the strip (show the main window).
    """

    doubleClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint,
        )
        self.setObjectName("MiniStrip")
        self.setWindowTitle("MiniTicker")
        self.setAccessibleName(self.tr("MiniTicker price strip"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        # Qt.Tool windows hide when the app is inactive on macOS; a ticker must not.
        self.setAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # The desktop's palette, like the window: up/down/muted from the watchlist's
        # colours for that palette (``Colors``), so light and dark themes both read.
        self._palette_key = QGuiApplication.palette().cacheKey()
        self.setStyleSheet(_FRAME)
        self._colors = Colors()
        self._menu: QMenu | None = None
        self._press: QPoint | None = None  # global press position minus window position
        self._plain = ""

        self._demo = QLabel(self.tr("DEMO"))
        self._demo.setToolTip(tr(DEMO_LINE))
        self._demo.setStyleSheet(
            f"background: {DEMO_COLOR.name()}; color: #000; font-weight: bold; padding: 0 4px;"
        )
        self._demo.hide()
        self._rows = QLabel()
        self._rows.setTextFormat(Qt.TextFormat.RichText)
        self._rows.setFont(tabular_font())  # same-width digits: the strip does not jitter
        self._state = QLabel()
        self._banner = QLabel()
        self._banner.setWordWrap(True)
        self._banner.hide()
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self._banner.hide)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self._demo)
        row.addWidget(self._rows)
        row.addWidget(self._state)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 3, 8, 3)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self._banner)
        # The window follows its content's size, so it never clips a longer price.
        column.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: style sheets resolve ``palette()`` only when set, so set it again."""
        if event.type() == QEvent.Type.PaletteChange:
            key = QGuiApplication.palette().cacheKey()  # polishing sends this event too
            if key != self._palette_key:
                self._palette_key = key
                self.setStyleSheet(_FRAME)
        super().changeEvent(event)

    # -- content ---------------------------------------------------------------------

    def set_content(
        self,
        rows: Sequence[SymbolRow],
        state_text: str,
        *,
        connected: bool,
        demo: bool,
        hint: str = "",
    ) -> None:
        """Show ``rows`` (or ``hint`` when there are none) and the connection state.

        Rows are greyed when stale or when not ``connected``.
        """
        swatch = self._colors.swatch()
        up, down = swatch.up.color().name(), swatch.down.color().name()
        muted = swatch.muted.color().name()
        text_color = self.palette().color(self.foregroundRole()).name()
        parts_html: list[str] = []
        parts_plain: list[str] = []
        spoken: list[str] = []  # the rows in words, for a screen reader
        for r in rows:
            greyed = r.stale or not connected
            color = muted if greyed else up if r.sign > 0 else down if r.sign < 0 else text_color
            name_color = muted if greyed else text_color
            # Offline, the state label already says why every row is grey.
            note = r.note if connected else ""
            since = since_text(r.since) if r.since else ""
            shown = " ".join(p for p in (r.price, r.change, since, note) if p)
            parts_html.append(
                f'<span style="color:{name_color}"><b>{html.escape(r.symbol)}</b> '
                f"{html.escape(r.price)}</span> "
                f'<span style="color:{color}">{html.escape(r.change)}</span>'
                + (f' <span style="color:{muted}">{html.escape(since)}</span>' if since else "")
                + (f' <span style="color:{muted}">{html.escape(note)}</span>' if note else "")
            )
            parts_plain.append(f"{r.symbol} {shown}")
            spoken.append(price_sentence(r.symbol, r.price, r.change, stale=greyed))
        if not rows and hint:
            parts_html.append(f'<span style="color:{muted}">{html.escape(hint)}</span>')
            parts_plain.append(hint)
        # Only what differs: a style sheet set again re-polishes the label, and a rich
        # text set again is laid out again, once a second for every status refresh.
        rows_html = "&nbsp;&nbsp;&nbsp;".join(parts_html)
        if rows_html != self._rows.text():
            self._rows.setText(rows_html)
            self._rows.setAccessibleName("; ".join(spoken) if spoken else hint)
        if state_text != self._state.text():
            self._state.setText(state_text)
        # Connected, the state is a quiet "Live"; otherwise it is why every row is grey.
        style = f"color: {muted};" if connected else f"color: {text_color}; font-weight: bold;"
        if style != self._state.styleSheet():
            self._state.setStyleSheet(style)
        if demo != self._demo.isVisibleTo(self):
            self._demo.setVisible(demo)
        plain = "   ".join(parts_plain)
        text = "  ".join(p for p in (self._demo.text() if demo else "", plain, state_text) if p)
        if text != self._plain:
            self._plain = text
            self._keep_on_screen()

    def rows_html(self) -> str:
        """The rows as the rich text shown, colours included."""
        return self._rows.text()

    def text(self) -> str:
        """What the strip shows, as plain text (for tests and screen readers)."""
        return self._plain

    def set_context_menu(self, menu: QMenu | None) -> None:
        self._menu = menu

    def show_banner(self, title: str, text: str, msecs: int = BANNER_MS) -> None:
        """A one-off message under the row, hidden again after ``msecs``."""
        self._banner.setText(f"<b>{html.escape(title)}</b> {html.escape(text)}")
        self._banner.show()
        self._banner_timer.start(msecs)

    def banner_text(self) -> str:
        return self._banner.text() if self._banner.isVisible() else ""

    def _keep_on_screen(self) -> None:
        """Longer text widens the strip to the right: shift it left if it would leave the
        screen (it sits in the top-right corner by default)."""
        if not self.isVisible():
            return
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.adjustSize()
        overflow = self.x() + self.width() - (area.right() - SCREEN_MARGIN)
        if overflow > 0:
            self.move(max(area.left(), self.x() - overflow), self.y())

    def move_on_screen(self, x: int, y: int) -> None:
        """Top-left corner at (x, y), kept inside the work area of the screen there
        (of the primary screen when no screen holds that point: the one it was on may
        be unplugged)."""
        self.adjustSize()
        screen = QGuiApplication.screenAt(QPoint(x, y)) or QGuiApplication.primaryScreen()
        if screen is None:
            self.move(x, y)
            return
        area = screen.availableGeometry()
        x = max(area.left(), min(x, area.right() - self.width()))
        y = max(area.top(), min(y, area.bottom() - self.height()))
        self.move(x, y)

    def move_to_corner(self) -> None:
        """Top-right corner of the primary screen's work area, clear of panels."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.adjustSize()
        self.move(area.right() - self.width() - SCREEN_MARGIN, area.top() + SCREEN_MARGIN)

    # -- mouse -----------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.globalPosition().toPoint() - self.pos()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        target = event.globalPosition().toPoint() - self._press
        if (target - self.pos()).manhattanLength() < QApplication.startDragDistance():
            return
        # Wayland forbids clients to place windows; ask the compositor to move it. Where
        # that is not supported (offscreen, some X11 WMs) move it ourselves.
        handle = self.windowHandle()
        if handle is not None and handle.startSystemMove():
            self._press = None
        else:
            self.move(target)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = None
            self.doubleClicked.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._menu is not None:
            self._menu.popup(event.globalPos())
            event.accept()
