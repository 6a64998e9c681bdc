"""The range cell draws its track and mark only for a known range, its badge always;
a sparkline looks the same however it came to its points."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from desktop.qt.history import Trend
from desktop.qt.watchlist_model import Role
from desktop.ui.delegates import RangeDelegate, SparklineDelegate
from tests.hidpi_pixels import fine_blocks

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)"
)

ROWS = [(0.5, 0), (None, 0), (None, 1), (0.25, -1)]  # (range position, badge)


def cells(qtbot: QtBot) -> list[set[int]]:
    """The colours in each row's cell, as painted by the delegate."""
    model = QStandardItemModel(len(ROWS), 1)
    for row, (position, badge) in enumerate(ROWS):
        item = QStandardItem()
        item.setData(position, Role.RangeRole)
        item.setData(badge, Role.BadgeRole)
        model.setItem(row, 0, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setItemDelegate(RangeDelegate(view))
    view.setColumnWidth(0, 140)
    view.resize(220, 200)
    view.show()
    qtbot.waitExposed(view)
    image: QImage = view.viewport().grab().toImage()
    colours: list[set[int]] = []
    for row in range(len(ROWS)):
        rect = view.visualRect(model.index(row, 0)).adjusted(2, 2, -2, -2)
        colours.append(
            {
                image.pixel(x, y)
                for x in range(rect.left(), rect.right())
                for y in range(rect.top(), rect.bottom())
            }
        )
    return colours


def test_a_range_cell_without_a_range_is_empty_but_still_shows_its_badge(qtbot: QtBot) -> None:
    with_range, without, badge_only, both = cells(qtbot)
    assert len(with_range) > 3, "track and mark"
    assert len(without) == 1, "nothing drawn on the background"
    assert len(badge_only) > 3, "the badge"
    assert len(both) > len(with_range), "track, mark and badge"


def test_a_sparkline_whose_newest_point_moved_looks_as_if_drawn_afresh(qtbot: QtBot) -> None:
    points = tuple((i / 59, 0.5 + 0.4 * ((i * 7) % 11 - 5) / 5) for i in range(60))
    first = Trend(points, 1, None, Decimal(1), Decimal(2), newest=60_000)
    moved = dataclasses.replace(first, points=(*points[:-1], (1.0, 0.05)))  # same chain
    assert moved.chain is first.chain

    def drawn(delegate: SparklineDelegate, *trends: Trend) -> QImage:
        model = QStandardItemModel(1, 1)
        item = QStandardItem()
        model.setItem(0, 0, item)
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.setItemDelegate(delegate)
        view.setColumnWidth(0, 120)
        view.resize(200, 80)
        view.show()
        qtbot.waitExposed(view)
        image = QImage()
        for trend in trends:  # each painted in turn, as ticks repaint the cell
            item.setData(trend, Role.TrendRole)
            image = view.viewport().grab().toImage()
        return image

    reused = drawn(SparklineDelegate(), first, moved)
    afresh = drawn(SparklineDelegate(), moved)
    assert reused == afresh
    assert drawn(SparklineDelegate(), first) != afresh


def painted(delegate: QStyledItemDelegate, ratio: float) -> QImage:
    """A 120 × 24 cell painted by ``delegate`` at device pixel ratio ``ratio``, on white."""
    points = tuple((i / 59, 0.5 + 0.4 * ((i * 7) % 11 - 5) / 5) for i in range(60))
    model = QStandardItemModel(1, 1)
    item = QStandardItem()
    item.setData(Trend(points, 1, None, Decimal(1), Decimal(2)), Role.TrendRole)
    item.setData(0.4, Role.RangeRole)
    item.setData(1, Role.BadgeRole)
    model.setItem(0, 0, item)
    image = QImage(round(120 * ratio), round(24 * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 120, 24)
    delegate.paint(painter, option, model.index(0, 0))
    painter.end()
    return image


def ink(image: QImage) -> float:
    """How much is drawn on the white cell, in pixels of full black."""
    total = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            total += 765 - c.red() - c.green() - c.blue()
    return total / 765


@pytest.mark.parametrize("delegate", [SparklineDelegate, RangeDelegate])
def test_at_200_percent_cells_are_drawn_at_device_pixels_and_as_thick(
    qapp: QApplication, delegate: type[QStyledItemDelegate]
) -> None:
    """At 200 % the sparkline and the range glyph have four times the pixels of ink (the
    same lines, as thick in the layout) and detail finer than a 1× pixel: sharp."""
    one, two = painted(delegate(), 1.0), painted(delegate(), 2.0)
    assert 3.5 < ink(two) / ink(one) < 4.5
    blown_up = one.scaled(two.size(), mode=Qt.TransformationMode.SmoothTransformation)
    assert fine_blocks(two) > 4 * fine_blocks(blown_up) + 10
