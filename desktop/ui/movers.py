"""The Movers view: top gainers, losers and quote volume of the whole market, side by side.

Layout and wiring only; the rankings are ``MoversModel``s. The panel reports when it is
really on screen (``activeChanged``) so the composition root subscribes the all-market
stream only while someone can see it.
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.contracts import ContractCatalog
from desktop.qt.movers_model import (
    DEFAULT_COUNT,
    DEFAULT_REFRESH_MS,
    MoverColumn,
    MoverKind,
    Movers,
    MoversModel,
)
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.wording import QT_TRANSLATE_NOOP  # typed: returns str

log = logging.getLogger(__name__)

TITLE: Final = QT_TRANSLATE_NOOP("MoversDock", "Movers")
SHORTCUT: Final = "Ctrl+M"


class RankingView(QTableView):
    """A table sized for its ranking: tall enough for every row, without scrolling."""

    def __init__(self, rows: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows = rows

    def _height_for(self, rows: int) -> int:
        header = self.horizontalHeader().sizeHint().height()
        return header + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height_for(self._rows))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._height_for(min(self._rows, 4)))


class MoversPanel(QWidget):
    """Three small tables; a click on "+" or a double-click adds the row's symbol to the
    shown watchlist.

    Signals:
        activeChanged(bool): the panel became visible on screen, or stopped being.
        symbolAdded(str): a symbol was added to the watchlist from here.
    """

    activeChanged = Signal(bool)
    symbolAdded = Signal(str)

    def __init__(
        self,
        book: QuoteBook,
        watchlist: Watchlist,
        *,
        count: int = DEFAULT_COUNT,
        refresh_ms: int = DEFAULT_REFRESH_MS,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moversPanel")
        self.setAccessibleName(self.tr("Movers"))
        self.watchlist = watchlist
        self._active = False
        self.movers = Movers(
            book, count=count, refresh_ms=refresh_ms, catalog=watchlist.catalog, parent=self
        )
        self.movers.set_watched(watchlist.symbols())
        self.models: dict[MoverKind, MoversModel] = self.movers.models
        self.views: dict[MoverKind, QTableView] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 6)
        self.demo_badge: QLabel | None = None
        if demo:  # the panel may float in a window of its own: it says DEMO itself
            badge = QLabel(self.tr("DEMO — simulated prices, not from Binance"), self)
            badge.setObjectName("moversDemoBadge")
            badge.setStyleSheet(
                "#moversDemoBadge { background: #b3261e; color: white; font-weight: bold;"
                " padding: 2px 8px; border-radius: 3px; }"
            )
            outer.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
            badge.hide()  # docked, the window's own badge is beside it; see ``set_floating``
            self.demo_badge = badge
        row = QHBoxLayout()
        row.setSpacing(10)
        outer.addLayout(row, 1)
        for kind, model in self.models.items():
            view = self._make_view(model, count)
            title = QLabel(f"<b>{kind.title}</b>", self)
            view.setAccessibleName(kind.title)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(title)
            column.addWidget(view, 1)
            row.addLayout(column, 1)
            self.views[kind] = view
        watchlist.symbolsChanged.connect(self._on_watched)

    def _make_view(self, model: MoversModel, rows: int) -> QTableView:
        view = RankingView(rows, self)
        view.setObjectName(f"movers{model.kind.name.title()}")
        view.setTabKeyNavigation(False)  # Tab goes on to the next list; arrows move
        view.setModel(model)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        metrics = QFontMetrics(view.font())
        view.verticalHeader().setDefaultSectionSize(metrics.height() + 6)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MoverColumn.SYMBOL, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(MoverColumn.ADD, metrics.horizontalAdvance("✓") + 18)
        titles = header.fontMetrics()  # a translated title may be wider than the numbers
        for column, sample in (
            (MoverColumn.LAST, "000,000.000"),
            (MoverColumn.CHANGE_PERCENT, "+00.00 %"),
            (MoverColumn.QUOTE_VOLUME, "000.00 M"),
        ):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), titles.horizontalAdvance(title))
            header.resizeSection(column, width + 12)
        view.clicked.connect(self._on_clicked)
        view.doubleClicked.connect(self._on_double_clicked)
        return view

    # -- public API ------------------------------------------------------------------

    def is_active(self) -> bool:
        """True while the panel is on screen (and the rankings refresh)."""
        return self._active

    def set_floating(self, floating: bool) -> None:
        """In a window of its own the panel carries its own DEMO badge (in demo mode)."""
        if self.demo_badge is not None:
            self.demo_badge.setVisible(floating)

    def set_catalog(self, catalog: ContractCatalog) -> None:
        """Rank only trading contracts of ``catalog``, at its tick precision."""
        self.movers.set_catalog(catalog)

    def add(self, symbol: str) -> bool:
        """Add ``symbol`` to the shown watchlist; False if it was there already or refused."""
        added, problems = self.watchlist.add([symbol])
        for problem in problems:
            log.info("not added from the movers: %s", problem)
        if added:
            self.symbolAdded.emit(added[0])
        return bool(added)

    # -- events ------------------------------------------------------------------------

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == MoverColumn.ADD:
            self._add_at(index)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.column() != MoverColumn.ADD:  # a click there already added it
            self._add_at(index)

    def _add_at(self, index: QModelIndex) -> None:
        model = index.model()
        if isinstance(model, MoversModel):
            symbol = model.symbol_at(index.row())
            if symbol is not None:
                self.add(symbol)

    def _on_watched(self, symbols: list[str]) -> None:
        self.movers.set_watched(symbols)

    def _set_active(self, active: bool) -> None:
        if active == self._active:
            return
        self._active = active
        self.movers.set_active(active)
        self.activeChanged.emit(active)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._set_active(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Also sent when the window hides to the tray or is minimised: nobody sees it then.
        self._set_active(False)


def dock_below(window: QMainWindow, dock: QDockWidget) -> None:
    """Dock ``dock`` below ``window``'s table and make room for it whenever it is shown
    docked (see ``make_room_for``)."""
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    # When the user opens or docks it; a window the user made smaller since stays so.
    # Once the layout has taken the dock in (its minimum counts only then).
    later = QTimer(window, singleShot=True, interval=0)
    later.timeout.connect(lambda: make_room_for(window, dock))
    dock.toggleViewAction().triggered.connect(lambda _on: later.start())
    dock.topLevelChanged.connect(lambda _floating: later.start())


def make_room_for(window: QMainWindow, dock: QDockWidget) -> None:
    """``dock`` was shown docked in ``window``: grow the window so the dock gets its
    preferred height while the table keeps its minimum rows, as far as the screen
    allows; float the dock when even the minimum does not fit."""
    if dock.isFloating() or not dock.isVisible() or not window.isVisible():
        return
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry().height() - window.geometry().height()
    needed = window.minimumSizeHint().height()
    if needed + frame > screen.height():
        log.info("no room on the screen for the movers below the watchlist: floating them")
        dock.setFloating(True)
        return
    wanted = needed + max(0, dock.sizeHint().height() - dock.minimumSizeHint().height())
    target = min(max(window.height(), wanted), screen.height() - frame)
    if target > window.height():
        window.resize(window.width(), target)
    overflow = window.frameGeometry().bottom() - screen.bottom()
    if overflow > 0:
        window.move(window.x(), max(screen.top(), window.y() - overflow))


class MoversDock(QDockWidget):
    """The movers panel as a dock of the main window, hidden until asked for (Ctrl+M).

    In demo mode its title (the window title when it floats) and a badge say DEMO.
    """

    def __init__(
        self,
        book: QuoteBook,
        watchlist: Watchlist,
        *,
        count: int = DEFAULT_COUNT,
        refresh_ms: int = DEFAULT_REFRESH_MS,
        demo: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moversDock")
        self.demo = demo
        self.setWindowTitle(self.tr("Movers — DEMO (simulated prices)") if demo else self.tr(TITLE))
        self.panel = MoversPanel(
            book, watchlist, count=count, refresh_ms=refresh_ms, demo=demo, parent=self
        )
        self.setWidget(self.panel)
        self.topLevelChanged.connect(self.panel.set_floating)
        self.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea
            | Qt.DockWidgetArea.TopDockWidgetArea
            | Qt.DockWidgetArea.RightDockWidgetArea
        )
        action = self.toggleViewAction()
        action.setText(self.tr(TITLE))
        action.setShortcut(QKeySequence(SHORTCUT))
        action.setStatusTip(self.tr("Top gainers, losers and volume of the whole market"))
        action.setToolTip(
            self.tr("Show the market's movers ({shortcut})").format(shortcut=SHORTCUT)
        )
