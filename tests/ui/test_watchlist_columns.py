"""What the watchlist table shows, on real widgets offscreen: every default column fits
the default window, columns give way by priority when narrow, prices read at tick
precision, volumes say what they count, To alert appears with alerts, the selected row
keeps its colours, pinned rows carry a pin and rows without a price say why."""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.qt.alerts import AlertCenter
from desktop.qt.colors import Colors, swatch_for
from desktop.qt.quotes import QuoteBook
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column, Paint
from desktop.stream.status import ClientStatus, ConnState
from desktop.ui.delegates import TextDelegate, contrast, selection_fill
from desktop.ui.main_window import MainWindow
from desktop.ui.watchlist_columns import ALWAYS_SHOWN, DEFAULT_ORDER, OFF_BY_DEFAULT
from tests.qt.market_samples import sample_catalog, ticker

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
)

SYMBOLS = ["BTCUSDT", "ETHUSDT", "1000SATSUSDT", "XAUUSDT"]
TOOLTIP = Qt.ItemDataRole.ToolTipRole
DEFAULTS = [c for c in DEFAULT_ORDER if c not in OFF_BY_DEFAULT and c != Column.ALERT]


class Parts:
    def __init__(self, qtbot: QtBot) -> None:
        self.watchlist = Watchlist(SYMBOLS, catalog=sample_catalog())
        self.book = QuoteBook()
        self.window = MainWindow(self.watchlist, self.book)
        qtbot.addWidget(self.window)
        self.book.on_tickers(
            [
                ticker("BTCUSDT", "104164.50", open="100000.00"),
                ticker("ETHUSDT", "3400.00", open="3500.00"),
            ],
            time.time(),
        )
        self.book.flush()

    @property
    def table(self):  # type: ignore[no-untyped-def]
        return self.window.table

    def shown(self) -> list[int]:
        """Visible columns, left to right."""
        header = self.table.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in columns if not header.isSectionHidden(c)]

    def widths(self) -> int:
        header = self.table.horizontalHeader()
        return sum(header.sectionSize(c) for c in self.shown())

    def fits(self) -> bool:
        """The visible columns fit the viewport, and Qt agrees: no horizontal scrollbar."""
        if self.table.horizontalScrollBar().isVisible():
            return False
        return self.widths() <= self.table.viewport().width()

    def row_of(self, symbol: str) -> int:
        return self.window.proxy.mapFromSource(
            self.window.model.index(self.window.model.row_of(symbol), 0)
        ).row()


@pytest.fixture
def parts(qtbot: QtBot) -> Iterator[Parts]:
    p = Parts(qtbot)
    p.window.show()
    qtbot.waitExposed(p.window)
    yield p


def settle(qtbot: QtBot, parts: Parts, width: int, height: int = 440) -> None:
    parts.window.resize(width, height)
    qtbot.waitUntil(lambda: parts.table.viewport().width() > 0 and parts.fits())


def test_the_default_window_shows_every_default_column_without_a_scrollbar(
    qtbot: QtBot, parts: Parts
) -> None:
    qtbot.waitUntil(parts.fits)
    assert parts.shown() == DEFAULTS, "in the order traders read"
    assert DEFAULTS[:4] == [Column.SYMBOL, Column.LAST, Column.CHANGE_PERCENT, Column.CHANGE]
    assert DEFAULTS[-1] == Column.QUOTE_VOLUME, "the volume traders compare"
    assert parts.widths() <= parts.table.viewport().width()
    assert not parts.table.horizontalScrollBar().isVisible()


def test_a_wide_window_shares_its_width_instead_of_stretching_one_column(
    qtbot: QtBot, parts: Parts
) -> None:
    settle(qtbot, parts, 1200)
    before = {c: parts.table.columnWidth(c) for c in parts.shown()}
    settle(qtbot, parts, 1600, 900)
    after = {c: parts.table.columnWidth(c) for c in parts.shown()}
    assert after.keys() == before.keys()
    for column, width in after.items():
        assert width <= before[column] * 1.6, column  # no column runs into a wide gap
    assert not parts.table.horizontalScrollBar().isVisible()


def test_a_narrow_window_hides_columns_by_priority_not_as_the_users_choice(
    qtbot: QtBot, parts: Parts
) -> None:
    settle(qtbot, parts, 600, 300)
    shown = parts.shown()
    assert set(shown) >= ALWAYS_SHOWN
    assert Column.LOW not in shown and Column.QUOTE_VOLUME not in shown
    assert parts.fits() and not parts.table.horizontalScrollBar().isVisible()
    header = parts.table.columns
    assert not header.is_user_hidden(Column.LOW)
    _, state = parts.window.save_state()

    again = Parts(qtbot)
    assert again.window.restore_state(None, state)
    again.window.show()
    qtbot.waitExposed(again.window)
    settle(qtbot, again, 1400)
    # Priority hiding is not saved as the user's choice …
    qtbot.waitUntil(lambda: again.shown() == DEFAULTS)
    settle(qtbot, parts, 1400)
    # … and the columns come back when there is room.
    qtbot.waitUntil(lambda: parts.shown() == DEFAULTS)


def test_columns_the_user_hides_stay_hidden_and_are_saved(qtbot: QtBot, parts: Parts) -> None:
    header = parts.table.horizontalHeader()
    header.setSectionHidden(Column.HIGH, True)  # as the column menu does
    settle(qtbot, parts, 1400)
    assert Column.HIGH not in parts.shown()
    _, state = parts.window.save_state()
    again = Parts(qtbot)
    assert again.window.restore_state(None, state)
    again.window.show()
    qtbot.waitExposed(again.window)
    settle(qtbot, again, 1400)
    qtbot.waitUntil(lambda: again.shown() == [c for c in DEFAULTS if c != Column.HIGH])


def test_prices_read_at_tick_precision_with_the_exact_string_in_tooltip_and_copy(
    qtbot: QtBot, parts: Parts
) -> None:
    row = parts.row_of("BTCUSDT")  # tick 0.10; the exchange sent 104164.50
    last = parts.window.proxy.index(row, Column.LAST)
    assert last.data() == "104,164.5"
    assert "104,164.50" in last.data(Qt.ItemDataRole.ToolTipRole)
    parts.table.selectionModel().select(
        last,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    parts.window.copy_price_action.trigger()
    assert QGuiApplication.clipboard().text() == "104164.50"


def test_to_alert_appears_with_alerts_and_speaks_for_every_row_that_has_one(
    qtbot: QtBot, parts: Parts
) -> None:
    center = AlertCenter()
    model = parts.window.model
    model.set_alert_levels(center.nearest_level, center.rules_for)
    center.rulesChanged.connect(model.refresh_alerts)
    assert parts.table.isColumnHidden(Column.ALERT), "no alerts: no column"
    center.add_rule(AlertRule("BTCUSDT", AlertKind.ABOVE, Decimal("110000")))
    center.add_rule(AlertRule("ETHUSDT", AlertKind.ABOVE, Decimal("3000")))  # already past
    qtbot.waitUntil(lambda: not parts.table.isColumnHidden(Column.ALERT))
    qtbot.waitUntil(parts.fits)

    def alert(symbol: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
        return parts.window.proxy.index(parts.row_of(symbol), Column.ALERT).data(role)

    assert alert("BTCUSDT") == "▲ 5.60 % to 110,000.0"
    assert alert("ETHUSDT") == "waiting to re-arm"
    assert "already past" in alert("ETHUSDT", Qt.ItemDataRole.ToolTipRole)
    assert alert("XAUUSDT") == "", "no alert, nothing to say"
    for rule in center.rules():
        center.remove_rule(rule.id)
    qtbot.waitUntil(lambda: parts.table.isColumnHidden(Column.ALERT))


def _cell_image(parts: Parts, symbol: str, column: int) -> QImage:
    table = parts.table
    row = parts.row_of(symbol)
    rect = QRect(
        table.columnViewportPosition(column),
        table.rowViewportPosition(row),
        table.columnWidth(column),
        table.rowHeight(row),
    )
    return table.viewport().grab(rect).toImage()


def _has_colour(image: QImage, colour: QColor, tolerance: int = 40) -> bool:
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            distance = (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
            )
            if distance <= tolerance:
                return True
    return False


def test_the_selected_row_keeps_its_up_and_down_colours(qtbot: QtBot, parts: Parts) -> None:
    swatch = Colors().swatch()
    parts.table.selectRow(parts.row_of("ETHUSDT"))  # down 2.86 %
    parts.table.viewport().repaint()
    image = _cell_image(parts, "ETHUSDT", Column.CHANGE_PERCENT)
    assert _has_colour(image, swatch.down.color())


def test_pinned_rows_carry_a_pin_mark(qtbot: QtBot, parts: Parts) -> None:
    model = parts.window.model
    tip = model.headerData(Column.SYMBOL, Qt.Orientation.Horizontal, TOOLTIP)
    assert isinstance(tip, str) and "pin mark" in tip
    parts.watchlist.set_pinned("BTCUSDT", True)
    pinned = model.paint_at(model.index(model.row_of("BTCUSDT"), Column.SYMBOL))
    plain = model.paint_at(model.index(model.row_of("ETHUSDT"), Column.SYMBOL))
    assert pinned is not None and plain is not None
    assert pinned.pinned and not plain.pinned

    def inked(cell: Paint) -> bool:
        """Dark pixels where the delegate draws ``cell`` with a blank text."""
        image = QImage(120, 24, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 120, 24)
        option.state = QStyle.StateFlag.State_Enabled
        painter = QPainter(image)
        TextDelegate(lambda index: cell).paint(painter, option, QModelIndex())
        painter.end()
        return any(image.pixelColor(x, y).lightness() < 160 for x in range(120) for y in range(24))

    assert inked(pinned._replace(text=" ", foreground=QColor("black")))
    assert not inked(plain._replace(text=" ", foreground=QColor("black")))


def test_a_row_without_a_price_says_why(qtbot: QtBot, parts: Parts) -> None:
    def last(symbol: str) -> str:
        return parts.window.proxy.index(parts.row_of(symbol), Column.LAST).data()

    assert last("XAUUSDT") == "waiting for price"
    assert parts.window.proxy.index(parts.row_of("XAUUSDT"), Column.HIGH).data() == ""
    model = parts.window.model
    waiting = model.paint_at(model.index(model.row_of("XAUUSDT"), Column.LAST))
    assert waiting is not None
    assert waiting.foreground == Colors().swatch().muted.color(), "muted: not a price"
    parts.book.statusChanged.emit(ClientStatus(state=ConnState.CONNECTING))
    assert last("XAUUSDT") == "waiting for price", "a first attempt has lost nothing yet"
    parts.book.statusChanged.emit(ClientStatus(state=ConnState.OFFLINE, last_error="no network"))
    assert last("XAUUSDT").startswith("offline since ")
    assert last("BTCUSDT") == "104,164.5", "rows with a price keep it"
    parts.book.statusChanged.emit(ClientStatus(state=ConnState.LIVE))
    assert last("XAUUSDT") == "waiting for price"


def test_a_column_the_user_shows_in_a_narrow_window_is_shown(qtbot: QtBot, parts: Parts) -> None:
    settle(qtbot, parts, 600, 300)
    assert Column.UPDATED not in parts.shown()
    parts.table.horizontalHeader().setSectionHidden(Column.UPDATED, False)  # the column menu
    qtbot.waitUntil(lambda: Column.UPDATED in parts.shown() and parts.fits())
    assert set(parts.shown()) >= ALWAYS_SHOWN, "others give way instead"


@pytest.mark.parametrize("dark", [False, True])
def test_a_selected_rows_colours_keep_aa_contrast_on_light_and_dark_palettes(
    qapp: QApplication, dark: bool
) -> None:
    palette = QPalette()
    if dark:
        palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
        palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    fill = selection_fill(palette)
    swatch = swatch_for(palette)
    for ink in (swatch.up.color(), swatch.down.color(), palette.color(QPalette.ColorRole.Text)):
        assert contrast(ink, fill) >= 4.5
    assert fill != palette.color(QPalette.ColorRole.Base), "still marked as selected"
