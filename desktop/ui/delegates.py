"""Painted cells of the watchlist table: the last-hour sparkline and the 24 h range glyph.

Both paint from numbers the model has already normalised (``Role.TrendRole`` holds
``(x, y)`` pairs in 0..1, ``Role.RangeRole`` one float), so a repaint only scales a few
dozen points into the cell: no prices are parsed or searched while painting.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.qt.colors import Colors
from desktop.qt.history import Trend
from desktop.qt.watchlist_model import Role

Index = QModelIndex | QPersistentModelIndex

SPARKLINE_WIDTH: Final = 96
RANGE_WIDTH: Final = 110
BADGE_HIGH: Final = "▲H"
BADGE_LOW: Final = "▼L"
_MARGIN_X: Final = 6.0
_MARGIN_Y: Final = 4.0


def _background(painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
    """The cell's usual background (selection, alternate rows, hover), without text."""
    opt = QStyleOptionViewItem(option)
    opt.text = ""
    style = opt.widget.style() if opt.widget is not None else QApplication.style()
    style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)


def _muted(index: Index) -> bool:
    return bool(index.data(Role.StaleRole)) or index.data(Role.KnownRole) is False


class SparklineDelegate(QStyledItemDelegate):
    """The last hour of prices as a line: green when the hour closed up, red when down."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colors = Colors()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        trend = index.data(Role.TrendRole)
        if not isinstance(trend, Trend):
            return
        swatch = self._colors.swatch()
        if _muted(index):
            color = swatch.muted.color()
        elif trend.sign > 0:
            color = swatch.up.color()
        elif trend.sign < 0:
            color = swatch.down.color()
        else:
            color = swatch.muted.color()
        rect = QRectF(option.rect).adjusted(_MARGIN_X, _MARGIN_Y, -_MARGIN_X, -_MARGIN_Y)
        left, bottom, width, height = rect.left(), rect.bottom(), rect.width(), rect.height()
        points = [QPointF(left + x * width, bottom - y * height) for x, y in trend.points]
        line = QPolygonF(points)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(color, 1.4)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawPolyline(line)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(points[-1], 2.0, 2.0)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(SPARKLINE_WIDTH, hint.height())


class RangeDelegate(QStyledItemDelegate):
    """A track from the 24 h low to the high with a mark at the last price, and a small
    ▲H / ▼L badge while a new 24 h high or low is fresh."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colors = Colors()
        self._badge_font: QFont | None = None

    def _font(self, base: QFont) -> QFont:
        if self._badge_font is None or self._badge_font.pointSizeF() != base.pointSizeF() * 0.85:
            font = QFont(base)
            font.setBold(True)
            font.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
            self._badge_font = font
        return self._badge_font

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option, index)
        position = index.data(Role.RangeRole)
        badge = index.data(Role.BadgeRole) or 0
        swatch = self._colors.swatch()
        muted = _muted(index)
        rect = QRectF(option.rect).adjusted(_MARGIN_X, _MARGIN_Y, -_MARGIN_X, -_MARGIN_Y)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if badge:
            font = self._font(option.font)
            text = BADGE_HIGH if badge > 0 else BADGE_LOW
            badge_width = QFontMetrics(font).horizontalAdvance(text) + 8
            badge_rect = QRectF(rect.right() - badge_width, rect.top(), badge_width, rect.height())
            fill = QColor((swatch.up if badge > 0 else swatch.down).color())
            fill.setAlpha(60)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge_rect, 3.0, 3.0)
            painter.setFont(font)
            painter.setPen((swatch.up if badge > 0 else swatch.down).color())
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, text)
            rect.setRight(badge_rect.left() - 6)
        if isinstance(position, float) and rect.width() > 8:
            middle = rect.center().y()
            track = QColor(swatch.muted.color())
            painter.setPen(QPen(track, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
            painter.setPen(QPen(track, 1.0))
            for x in (rect.left(), rect.right()):
                painter.drawLine(QPointF(x, middle - 3), QPointF(x, middle + 3))
            x = rect.left() + position * rect.width()
            mark = (
                swatch.muted.color()
                if muted
                else option.palette.color(option.palette.ColorRole.Text)
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            painter.drawRoundedRect(QRectF(x - 2.0, middle - 5.0, 4.0, 10.0), 1.5, 1.5)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(RANGE_WIDTH, hint.height())
