"""Painted cells of the watchlist table: text cells, the last-hour sparkline, the range glyph.

Text cells draw from one ``Role.PaintRole`` value each. ``QStyledItemDelegate`` asks the
model for a dozen roles per cell, and through the sort proxy every one of them is three
Python calls; at the full market that was four fifths of the UI thread's time. The
sparkline and the range glyph paint from numbers the model has already normalised
(``Role.TrendRole`` holds ``(x, y)`` pairs in 0..1, ``Role.RangeRole`` one float), so a
repaint only scales a few dozen points into the cell: no prices are parsed or searched
while painting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, NamedTuple

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.qt.colors import Colors, Swatch, swatch_for
from desktop.qt.history import Trend
from desktop.qt.roles import LEFT
from desktop.qt.watchlist_model import Paint, Role

Index = QModelIndex | QPersistentModelIndex

SPARKLINE_WIDTH: Final = 96
RANGE_WIDTH: Final = 110
BADGE_HIGH: Final = "▲H"
BADGE_LOW: Final = "▼L"
_MARGIN_X: Final = 6.0
_MARGIN_Y: Final = 4.0
_TEXT_MARGIN: Final = 4  # QStyle's item text margin (PM_FocusFrameHMargin + 1)
_PAINT_ROLE: Final = int(Role.PaintRole)
# Text widths: 2,048 hit as often as 20,000 (about 55 % of lookups, at 50 symbols and
# at the full market: a new price is a new text), and a table fills them in ~2 minutes,
# where 20,000 went on growing for ~17 (~3 MB; the soak read it as a leak).
_WIDTHS_KEPT: Final = 2_048
# Lines of sparklines: a row's line is replaced when its hour moves on (every minute,
# or at a new low or high), ~45 a minute for 13 visible rows at the full market.
_SPARKLINES_KEPT: Final = 128  # two screenfuls of a tall window
_TRACKS_KEPT: Final = 64  # looks of a range cell without its mark: sizes × badges
_SELECTED: Final = QStyle.StateFlag.State_Selected.value
_ENABLED: Final = QStyle.StateFlag.State_Enabled.value
_NORMAL: Final = QPalette.ColorGroup.Normal
_DISABLED: Final = QPalette.ColorGroup.Disabled
_HIGHLIGHT: Final = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT: Final = QPalette.ColorRole.HighlightedText
_TEXT: Final = QPalette.ColorRole.Text
_SELECTION_TINTS: Final = (0.35, 0.3, 0.25, 0.2, 0.15, 0.1)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 … 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


_fills: dict[tuple[int, int], QColor] = {}


def selection_fill(palette: QPalette, group: QPalette.ColorGroup = _NORMAL) -> QColor:
    """A selected row's background: the highlight as a tint over the base colour.

    Full highlight (white on blue) leaves no colour the up/down text can keep. The tint
    is the strongest of a few steps at which the palette's text and the up/down colours
    keep 4.5:1 contrast (WCAG AA), so a selected row still reads green and red.
    """
    key = (palette.cacheKey(), int(group.value))
    fill = _fills.get(key)
    if fill is not None:
        return fill
    base = palette.color(group, QPalette.ColorRole.Base)
    highlight = palette.color(group, _HIGHLIGHT)
    swatch = swatch_for(palette)
    inks = (palette.color(group, _TEXT), swatch.up.color(), swatch.down.color())
    for t in _SELECTION_TINTS:
        fill = QColor.fromRgbF(
            base.redF() + (highlight.redF() - base.redF()) * t,
            base.greenF() + (highlight.greenF() - base.greenF()) * t,
            base.blueF() + (highlight.blueF() - base.blueF()) * t,
        )
        if min(contrast(ink, fill) for ink in inks) >= 4.5:
            break
    assert fill is not None
    if len(_fills) > 16:
        _fills.clear()
    _fills[key] = fill
    return fill


def _background(painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
    """The cell's selection background; the view itself has drawn the alternate rows."""
    state = option.state.value
    if not state & _SELECTED:
        return
    painter.fillRect(option.rect, selection_fill(option.palette, _group(state)))


def _group(state: int) -> QPalette.ColorGroup:
    return _NORMAL if state & _ENABLED else _DISABLED


def _draw_pin(painter: QPainter, x: float, y: float, size: float, color: QColor) -> None:
    """A pushpin, ``size`` high with its top left at (x, y): round head, needle down-left."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(color, max(1.0, size / 9))
    painter.setPen(pen)
    head = size * 0.42
    painter.setBrush(color)
    painter.drawEllipse(QRectF(x + size - head - 1, y + 1, head, head))
    painter.drawLine(
        QPointF(x + size - head / 2 - 1, y + head / 2 + 1), QPointF(x + 1, y + size - 1)
    )
    painter.restore()


class TextDelegate(QStyledItemDelegate):
    """A text cell: background, one line of text in the model's colour, font and alignment.

    What ``QStyledItemDelegate`` would draw for these cells (no icons, checkboxes or
    word wrap here), from a single ``Role.PaintRole`` lookup; anything else falls back to
    the standard delegate.
    """

    def __init__(
        self,
        paint_of: Callable[[Index], Paint | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # ``paint_of`` answers ``Role.PaintRole`` straight from the model (e.g. the
        # source model's ``paint_at`` through the proxy's mapping): a third of the cost
        # of a cell is the QVariant round trip of ``index.data``.
        self._paint_of = paint_of
        # Keyed by the font object's id, checked by identity: the model hands out the
        # same few QFont objects for its whole life.
        self._metrics: dict[int, _Metrics] = {}
        self._widths: dict[tuple[int, str], float] = {}  # (font id, text) → advance

    def _measure(self, font: QFont, text: str) -> tuple[float, _Metrics]:
        """The text's advance, remembered: the same symbols and most numbers come back."""
        key = id(font)
        known = self._metrics.get(key)
        if known is None or known.font is not font:
            self._widths = {k: w for k, w in self._widths.items() if k[0] != key}
            metrics = QFontMetricsF(font)
            known = self._metrics[key] = _Metrics(
                font, metrics, metrics.ascent(), metrics.ascent() + metrics.descent()
            )
        width = self._widths.get((key, text))
        if width is None:
            if len(self._widths) >= _WIDTHS_KEPT:
                self._widths.clear()
            width = self._widths[key, text] = known.metrics.horizontalAdvance(text)
        return width, known

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = index.data(_PAINT_ROLE) if self._paint_of is None else self._paint_of(index)
        if not isinstance(cell, Paint):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        # Plain ints: a Python enum operation per test would cost more than the text.
        state = option.state.value
        group = _NORMAL if state & _ENABLED else _DISABLED
        if state & _SELECTED:
            painter.fillRect(rect, selection_fill(option.palette, group))
        if cell.background is not None:  # a tick's flash shows on a selected row too
            painter.fillRect(rect, cell.background)
        pen = cell.foreground or option.palette.color(group, _TEXT)
        text = cell.text
        if not text:
            return
        font = cell.font
        width, metrics = self._measure(font, text)
        room = rect.width() - 2 * _TEXT_MARGIN
        if cell.pinned:
            size = metrics.height * 0.8
            _draw_pin(
                painter, rect.x() + _TEXT_MARGIN, rect.y() + (rect.height() - size) / 2, size, pen
            )
            rect = rect.adjusted(int(size) + _TEXT_MARGIN, 0, 0, 0)
            room = rect.width() - 2 * _TEXT_MARGIN
        painter.setFont(font)
        painter.setPen(pen)
        if width > room:
            box = rect.adjusted(_TEXT_MARGIN, 0, -_TEXT_MARGIN, 0)
            text = metrics.metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.drawText(box, cell.alignment, text)
            return
        # Placed here and drawn at a point: where drawText(rect, flags) would put one
        # line, without laying it out again each time (12 → 6 µs a cell).
        x: float = rect.x() + _TEXT_MARGIN
        if cell.alignment != LEFT:
            x += room - width
        y = rect.y() + (rect.height() - metrics.height) / 2 + metrics.ascent
        painter.drawText(QPointF(x, y), text)


class _Metrics(NamedTuple):
    font: QFont
    metrics: QFontMetricsF
    ascent: float
    height: float  # ascent + descent: one line, as drawText(rect, flags) centres it


def _muted(index: Index) -> bool:
    return bool(index.data(Role.StaleRole)) or index.data(Role.KnownRole) is False


class SparklineDelegate(QStyledItemDelegate):
    """The last hour of prices as a line: green when the hour closed up, red when down.

    Drawn straight onto the view: the line is kept per trend in the unit square and
    scaled into the cell by the painter (a tick moves its newest point only), where a
    pixmap drawn afresh for every changed trend cost ~490 µs a cell in the running app.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colors = Colors()
        self._lines: dict[object, _Line] = {}  # by Trend.chain

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
        newest_x, newest_y = trend.points[-1]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # 1 px and cosmetic (not scaled with the line): Qt draws antialiased hairlines on
        # a fast path, eight times quicker than the stroked outline a wider pen takes.
        # A cosmetic width is in device pixels: at 200 % two of them, or the line would
        # be half as thick as everything else (sharp either way: drawn at device pixels).
        pen = QPen(color, painter.device().devicePixelRatioF())
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        view = painter.transform()
        painter.setTransform(QTransform(width, 0.0, 0.0, -height, left, bottom), True)
        painter.drawPolyline(self._line(trend))
        painter.setTransform(view)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QPointF(left + newest_x * width, bottom - newest_y * height), 2.0, 2.0)
        painter.restore()

    def _line(self, trend: Trend) -> QPolygonF:
        """``trend.points`` as a polygon, from its chain's last one when only the newest moved."""
        line = self._lines.get(trend.chain)
        if line is not None and line.trend is trend:
            return line.polygon
        if line is not None and len(line.points) == len(trend.points):
            points = line.points[:-1]
            points.append(QPointF(*trend.points[-1]))
        else:
            if len(self._lines) >= _SPARKLINES_KEPT:
                self._lines.clear()
            points = [QPointF(x, y) for x, y in trend.points]
        polygon = QPolygonF(points)
        self._lines[trend.chain] = _Line(trend, points, polygon)
        return polygon

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(SPARKLINE_WIDTH, hint.height())


class _Line(NamedTuple):
    trend: Trend
    points: list[QPointF]  # in the unit square, y up
    polygon: QPolygonF


class RangeDelegate(QStyledItemDelegate):
    """A track from the 24 h low to the high with a mark at the last price, and a small
    ▲H / ▼L badge while a new 24 h high or low is fresh.

    The track and badge are drawn once per look and kept as a pixmap (antialiased lines,
    a rounded badge and its text cost ~220 µs a cell, a pixmap copy a few); the mark,
    which moves with every tick, is drawn onto it in place (~8 µs).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._colors = Colors()
        self._badge_font: QFont | None = None
        self._tracks: dict[tuple[object, ...], _Track] = {}
        self._drawn_with: Swatch | None = None

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
        rect: QRect = option.rect
        ratio = painter.device().devicePixelRatioF()
        font = self._font(option.font)
        if swatch is not self._drawn_with:  # the palette changed: every colour with it
            self._drawn_with = swatch
            self._tracks.clear()
        placed = isinstance(position, float)  # no range known: no track either
        key = (rect.width(), rect.height(), ratio, badge, placed, font.key())
        track = self._tracks.get(key)
        if track is None:
            if len(self._tracks) >= _TRACKS_KEPT:
                self._tracks.clear()
            track = self._tracks[key] = _render_track(rect, ratio, badge, placed, swatch, font)
        painter.drawPixmap(rect.topLeft(), track.pixmap)
        if not isinstance(position, float) or track.width <= 8:
            return
        mark = swatch.muted.color() if _muted(index) else option.palette.color(_NORMAL, _TEXT)
        x = rect.x() + track.left + position * track.width
        middle = rect.y() + track.middle
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        painter.drawRoundedRect(QRectF(x - 2.0, middle - 5.0, 4.0, 10.0), 1.5, 1.5)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(RANGE_WIDTH, hint.height())


def _render_track(
    cell: QRect, ratio: float, badge: int, placed: bool, swatch: Swatch, font: QFont
) -> _Track:
    """The range cell without its mark (and without a track unless ``placed``), on a
    transparent pixmap the size of the cell."""
    pixmap = QPixmap(round(cell.width() * ratio), round(cell.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    rect = QRectF(0, 0, cell.width(), cell.height()).adjusted(
        _MARGIN_X, _MARGIN_Y, -_MARGIN_X, -_MARGIN_Y
    )
    if badge:
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
    middle = rect.center().y()
    if placed and rect.width() > 8:
        track = QColor(swatch.muted.color())
        painter.setPen(QPen(track, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
        painter.setPen(QPen(track, 1.0))
        for x in (rect.left(), rect.right()):
            painter.drawLine(QPointF(x, middle - 3), QPointF(x, middle + 3))
    painter.end()
    return _Track(pixmap, rect.left(), rect.width(), middle)


class _Track(NamedTuple):
    pixmap: QPixmap
    left: float  # where the track starts and how long it is, in the cell
    width: float
    middle: float
