"""The tray icon, drawn at runtime: a coloured tile with an arrow and the 24h % change.

Green tile and ▲ when the 24h change is up, red and ▼ when down, blue-grey and ■ when
flat or unknown; grey when the shown quote is stale, dark grey with dimmed ink when the
connection is down. The number is |change| in 1–3 significant digits (``2.3``, ``12``,
``145``): the sign is already the colour and the arrow, the exact value is in the
tooltip. A demo run gets an amber corner so simulated prices are never mistaken for
real ones.

Below 20 device pixels (a 16 px tray on a 100 % Windows screen) the arrow and digits are
hand-drawn pixel glyphs, because an anti-aliased font outline of 7 px turns to mush;
from 20 px on, the bold UI font's outline is fitted to the tile.

QtGui only: images are plain ``QImage``s (no window system needed, easy to test).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QImage,
    QPainter,
    QPainterPath,
    QPixmap,
    QPolygonF,
    QTransform,
)

from desktop.qt.ticker_text import compact_percent


class IconState(Enum):
    """How current the icon's number is: it is drawn grey when stale or offline."""

    LIVE = "live"
    STALE = "stale"
    OFFLINE = "offline"


#: Logical sizes trays ask for (Windows 16/32, GNOME/KDE 22/24, macOS menu bar 22).
ICON_SIZES: Final = (16, 22, 24, 32, 48)
#: Device pixel ratios drawn for each size, so a 200 % screen gets crisp @2x pixels.
PIXEL_RATIOS: Final = (1.0, 2.0)

UP_COLOR: Final = QColor("#13803d")  # dark enough for white digits (contrast ≈ 5:1)
DOWN_COLOR: Final = QColor("#c8283c")
FLAT_COLOR: Final = QColor("#3f5f86")
STALE_COLOR: Final = QColor("#7c8087")
OFFLINE_COLOR: Final = QColor("#3a3d42")
IDLE_COLOR: Final = QColor("#4a5568")
DEMO_COLOR: Final = QColor("#ffb300")
INK: Final = QColor("#ffffff")
OFFLINE_INK: Final = QColor("#b4b8bf")

#: Device pixels below which the hand-drawn pixel glyphs are used.
PIXEL_FONT_BELOW: Final = 20

# Two hand-drawn pixel fonts, 9 rows tall, one string per row, "#" is ink: a bold one
# with 2 px stems for one or two digits ("2.3", "13"), and a narrow one with 1 px
# stems because three glyphs ("145", "12k") must fit side by side in a 16 px tile.
Font = dict[str, tuple[str, ...]]
_BOLD: Final[Font] = {
    "0": (".###.", "##.##", "##.##", "##.##", "##.##", "##.##", "##.##", "##.##", ".###."),
    "1": ("..##.", ".###.", "####.", "..##.", "..##.", "..##.", "..##.", "..##.", "..##."),
    "2": (".###.", "##.##", "...##", "...##", "..##.", ".##..", "##...", "##...", "#####"),
    "3": ("####.", "...##", "...##", "...##", ".###.", "...##", "...##", "...##", "####."),
    "4": ("##.##", "##.##", "##.##", "##.##", "#####", "...##", "...##", "...##", "...##"),
    "5": ("#####", "##...", "##...", "####.", "...##", "...##", "...##", "##.##", ".###."),
    "6": (".###.", "##...", "##...", "##...", "####.", "##.##", "##.##", "##.##", ".###."),
    "7": ("#####", "...##", "...##", "..##.", "..##.", "..##.", ".##..", ".##..", ".##.."),
    "8": (".###.", "##.##", "##.##", "##.##", ".###.", "##.##", "##.##", "##.##", ".###."),
    "9": (".###.", "##.##", "##.##", "##.##", ".####", "...##", "...##", "...##", ".###."),
    "k": ("##...", "##...", "##...", "##.##", "####.", "###..", "####.", "##.##", "##.##"),
    ".": ("..", "..", "..", "..", "..", "..", "..", "##", "##"),
    "—": (".....", ".....", ".....", ".....", "#####", ".....", ".....", ".....", "....."),
}
_NARROW: Final[Font] = {
    "0": (".##.", "#..#", "#..#", "#..#", "#..#", "#..#", "#..#", "#..#", ".##."),
    "1": ("..#.", ".##.", "#.#.", "..#.", "..#.", "..#.", "..#.", "..#.", "..#."),
    "2": (".##.", "#..#", "...#", "...#", "..#.", ".#..", "#...", "#...", "####"),
    "3": ("###.", "...#", "...#", "...#", ".##.", "...#", "...#", "...#", "###."),
    "4": ("#..#", "#..#", "#..#", "#..#", "####", "...#", "...#", "...#", "...#"),
    "5": ("####", "#...", "#...", "###.", "...#", "...#", "...#", "#..#", ".##."),
    "6": (".##.", "#...", "#...", "#...", "###.", "#..#", "#..#", "#..#", ".##."),
    "7": ("####", "...#", "...#", "..#.", "..#.", "..#.", ".#..", ".#..", ".#.."),
    "8": (".##.", "#..#", "#..#", "#..#", ".##.", "#..#", "#..#", "#..#", ".##."),
    "9": (".##.", "#..#", "#..#", "#..#", ".###", "...#", "...#", "...#", ".##."),
    "k": ("#...", "#...", "#...", "#..#", "#.#.", "##..", "#.#.", "#..#", "#..#"),
    ".": (".", ".", ".", ".", ".", ".", ".", ".", "#"),
    "—": ("....", "....", "....", "....", "####", "....", "....", "....", "...."),
}
_GLYPH_HEIGHT: Final = 9
_ARROW_HEIGHT: Final = 4  # rows of 1, 3, 5, 7 pixels


def _text_width(font: Font, text: str) -> int:
    """Width of ``text`` in pixels, one pixel between glyphs."""
    return sum(len(font[ch][0]) for ch in text) + max(0, len(text) - 1)


def _pixel_glyphs(painter: QPainter, font: Font, text: str, left: int, top: int) -> None:
    x = left
    for ch in text:
        rows = font[ch]
        for r, row in enumerate(rows):
            start = row.find("#")
            while start >= 0:  # one rectangle per run of ink, not one per pixel
                end = row.find(".", start)
                end = len(row) if end < 0 else end
                painter.drawRect(x + start, top + r, end - start, 1)
                start = row.find("#", end)
        x += len(rows[0]) + 1


def _pixel_arrow(painter: QPainter, sign: int, centre: int, top: int) -> None:
    """▲/▼ as rows of whole pixels centred on column ``centre``, ■ for flat or unknown."""
    if sign == 0:
        painter.drawRect(centre - 1, top, 3, 3)
        return
    for step in range(_ARROW_HEIGHT):
        half = step if sign > 0 else _ARROW_HEIGHT - 1 - step
        painter.drawRect(centre - half, top + step, 2 * half + 1, 1)


def _draw_pixel(painter: QPainter, sign: int, text: str, size: int) -> None:
    font = _BOLD if _text_width(_BOLD, text) <= size - 2 else _NARROW
    block = _ARROW_HEIGHT + 1 + _GLYPH_HEIGHT
    top = (size - block + 1) // 2
    _pixel_arrow(painter, sign, size // 2, top)
    left = (size - _text_width(font, text) + 1) // 2  # centred on the arrow's column
    _pixel_glyphs(painter, font, text, left, top + _ARROW_HEIGHT + 1)


def _outline_arrow(painter: QPainter, sign: int, centre: float, top: float, height: float) -> None:
    if sign == 0:
        side = height * 0.6
        painter.drawRect(QRectF(centre - side / 2, top + (height - side) / 2, side, side))
        return
    half = height * 0.95
    tip, base = (top, top + height) if sign > 0 else (top + height, top)
    painter.drawPolygon(
        QPolygonF(
            [QPointF(centre, tip), QPointF(centre - half, base), QPointF(centre + half, base)]
        )
    )


def _digit_outline(text: str) -> tuple[QPainterPath, QRectF]:
    """The outline of ``text`` in the bold UI font, and its box at a digit's height.

    Measuring at least a digit's height keeps a dash from being blown up.
    """
    return _outline_in(QFont().key(), text)


@functools.lru_cache(maxsize=256)
def _outline_in(_font_key: str, text: str) -> tuple[QPainterPath, QRectF]:
    # Remembered per application font and text: an icon is drawn at ten sizes, and
    # turning text into a path took ~130 µs a time (a third of a new icon's cost).
    font = QFont()
    font.setBold(True)
    font.setPixelSize(100)
    path = QPainterPath()
    path.addText(0, 0, font, text)
    reference = QPainterPath()
    reference.addText(0, 0, font, "0123456789")
    box, digits = path.boundingRect(), reference.boundingRect()
    top, bottom = min(box.top(), digits.top()), max(box.bottom(), digits.bottom())
    return path, QRectF(box.left(), top, box.width(), bottom - top)


def _draw_outline(painter: QPainter, sign: int, text: str, size: int) -> None:
    margin, arrow_h, gap = size * 0.08, size * 0.28, size * 0.07
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _outline_arrow(painter, sign, size / 2, margin, arrow_h)
    target = QRectF(margin, margin + arrow_h + gap, size - 2 * margin, size * 0.49)
    if text == "—":  # unknown: a dash half as wide, not a full-width underline
        target.adjust(target.width() / 4, 0, -target.width() / 4, 0)
    path, box = _digit_outline(text)
    scale = min(target.width() / box.width(), target.height() / box.height())
    transform = QTransform()
    transform.translate(target.center().x(), target.center().y())
    transform.scale(scale, scale)
    transform.translate(-box.center().x(), -box.center().y())
    painter.drawPath(transform.map(path))


def _sign(value: Decimal | None) -> int:
    return 0 if value is None or value == 0 else (1 if value > 0 else -1)


def _body_color(sign: int, state: IconState) -> QColor:
    if state is IconState.OFFLINE:
        return OFFLINE_COLOR
    if state is IconState.STALE:
        return STALE_COLOR
    return UP_COLOR if sign > 0 else DOWN_COLOR if sign < 0 else FLAT_COLOR


def _tile(size: int, color: QColor) -> tuple[QImage, QPainter]:
    """A transparent image with a rounded tile; the painter is clipped to the tile."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    path = QPainterPath()
    radius = max(2.0, size / 7)
    path.addRoundedRect(QRectF(0, 0, size, size), radius, radius)
    painter.fillPath(path, color)
    painter.setClipPath(path)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    return image, painter


def _demo_corner(painter: QPainter, size: int) -> None:
    side = max(4, size // 4)
    painter.setBrush(DEMO_COLOR)
    painter.drawPolygon(QPolygonF([QPointF(size - side, 0), QPointF(size, 0), QPointF(size, side)]))


def _finish(image: QImage, painter: QPainter, demo: bool, ratio: float) -> QImage:
    if demo:
        _demo_corner(painter, image.width())
    painter.end()
    # A copy leaves the painter's raster engine behind: the painted image keeps it (its
    # clip and path buffers, ~70 kB an icon of 10 images) for as long as it lives.
    image = image.copy()
    image.setDevicePixelRatio(ratio)
    return image


def render_tray_icon(
    change_percent: Decimal | None,
    state: IconState = IconState.LIVE,
    *,
    demo: bool = False,
    size_px: int = 16,
    device_pixel_ratio: float = 1.0,
) -> QImage:
    """One icon image of ``size_px`` logical pixels at ``device_pixel_ratio``.

    The arrow and colour follow the sign of the 24h change, the number its magnitude.
    """
    size = max(1, math.ceil(size_px * device_pixel_ratio))
    sign = _sign(change_percent)
    text = compact_percent(change_percent)
    image, painter = _tile(size, _body_color(sign, state))
    painter.setBrush(OFFLINE_INK if state is IconState.OFFLINE else INK)
    if size < PIXEL_FONT_BELOW:
        _draw_pixel(painter, sign, text, size)
    else:
        _draw_outline(painter, sign, text, size)
    return _finish(image, painter, demo, device_pixel_ratio)


def render_idle_icon(
    *, demo: bool = False, size_px: int = 16, device_pixel_ratio: float = 1.0
) -> QImage:
    """The neutral icon shown with nothing pinned: ▲ over ▼ on slate, no number."""
    size = max(1, math.ceil(size_px * device_pixel_ratio))
    image, painter = _tile(size, IDLE_COLOR)
    painter.setBrush(INK)
    if size < PIXEL_FONT_BELOW:
        row = (size - (2 * _ARROW_HEIGHT + 1) + 1) // 2  # arrow, gap, arrow
        _pixel_arrow(painter, 1, size // 2, row)
        _pixel_arrow(painter, -1, size // 2, row + _ARROW_HEIGHT + 1)
    else:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        height = size * 0.3
        top = (size - 2 * height - size * 0.08) / 2
        _outline_arrow(painter, 1, size / 2, top, height)
        _outline_arrow(painter, -1, size / 2, size - top - height, height)
    return _finish(image, painter, demo, device_pixel_ratio)


def _icon(render: Callable[[int, float], QImage]) -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        for ratio in PIXEL_RATIOS:
            icon.addPixmap(QPixmap.fromImage(render(size, ratio)))
    return icon


def make_icon(
    change_percent: Decimal | None, state: IconState = IconState.LIVE, *, demo: bool = False
) -> QIcon:
    """A ``QIcon`` with a pixmap drawn for every tray size at 1× and 2×."""
    return _icon(
        lambda size, ratio: render_tray_icon(
            change_percent, state, demo=demo, size_px=size, device_pixel_ratio=ratio
        )
    )


def make_idle_icon(*, demo: bool = False) -> QIcon:
    """The no-pins icon as a ``QIcon``, every tray size at 1× and 2×."""
    return _icon(
        lambda size, ratio: render_idle_icon(demo=demo, size_px=size, device_pixel_ratio=ratio)
    )
