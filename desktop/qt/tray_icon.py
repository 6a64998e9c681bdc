"""The tray icon, drawn at runtime: which symbol, and its 24h % change, on a coloured tile.

From 20 device pixels on, the top half names the symbol (its base asset's leading
letters: ``BTC``, ``ETH``, ``PEP`` for 1000PEPE) and the bottom half has an arrow and
|change| in 1–3 significant digits (``2.3``, ``12``, ``145``). Green tile and ▲ when
the 24h change is up, red and ▼ when down, blue-grey and no arrow when flat, unknown or
too small to show (``0.0`` is flat, never a red ▼0.0); grey when the shown quote is
stale. Offline, the number gives way to "off" on a dark slate tile: an old number must
not pass for a live one. A demo run gets a thick amber frame, so simulated prices are
never mistaken for real ones even at 22 px.

Below 20 device pixels (a 16 px tray on a 100 % Windows screen) there is no room for
letters: the arrow and digits are hand-drawn pixel glyphs, because an anti-aliased font
outline of 7 px turns to mush.

QtGui only: images are plain ``QImage``s (no window system needed, easy to test).
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Final

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
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

from desktop.qt.colors import CONVENTIONS, current_convention
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

# Green-up tiles; the colour convention in force decides (``desktop.qt.colors``).
UP_COLOR: Final = CONVENTIONS["green-up"].tile_up  # dark enough for white digits (≈ 5:1)
DOWN_COLOR: Final = CONVENTIONS["green-up"].tile_down
FLAT_COLOR: Final = CONVENTIONS["green-up"].tile_flat
STALE_COLOR: Final = QColor("#7c8087")
OFFLINE_COLOR: Final = QColor("#4a4e55")  # slate under a white "off": seen on dark panels too
IDLE_COLOR: Final = QColor("#4a5568")
DEMO_COLOR: Final = QColor("#ffb300")
INK: Final = QColor("#ffffff")

#: Quote assets stripped from a symbol when the catalog does not know its base asset.
QUOTE_SUFFIXES: Final = ("FDUSD", "USDT", "USDC", "BUSD", "USD")
#: Room for the symbol's letters: three Latin letters, or two East Asian wide ones.
LABEL_CELLS: Final = 3

#: Device pixels below which the hand-drawn pixel glyphs are used.
PIXEL_FONT_BELOW: Final = 20

# Two hand-drawn pixel fonts, 9 rows tall, one string per row, "#" is ink: a bold one
# with 2 px stems for one or two digits ("2.3", "13"), and a narrow one with 1 px
# stems because three glyphs ("145", "12k", "OFF") must fit side by side in a 16 px tile.
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
    "O": (".##.", "#..#", "#..#", "#..#", "#..#", "#..#", "#..#", "#..#", ".##."),
    "F": ("####", "#...", "#...", "#...", "###.", "#...", "#...", "#...", "#..."),
    ".": (".", ".", ".", ".", ".", ".", ".", ".", "#"),
    "—": ("....", "....", "....", "....", "####", "....", "....", "....", "...."),
}
_GLYPH_HEIGHT: Final = 9
_ARROW_HEIGHT: Final = 4  # rows of 1, 3, 5, 7 pixels


def icon_label(symbol: str, base_asset: str = "", cells: int = LABEL_CELLS) -> str:
    """The letters that name ``symbol`` on the icon: ``BTC``, ``ETH``, ``PEP`` (1000PEPE).

    The base asset (else the symbol less its quote asset) without a leading multiplier,
    cut to ``cells`` cells, a wide CJK character counting two.
    """
    base = base_asset
    if not base:
        suffix = next((q for q in QUOTE_SUFFIXES if symbol.endswith(q) and symbol != q), "")
        base = symbol[: len(symbol) - len(suffix)]
    letters = base.lstrip("0123456789") or base
    label, used = "", 0
    for ch in letters:
        width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + width > cells:
            break
        label, used = label + ch, used + width
    return label


def distinct_labels(symbols: Mapping[str, str]) -> dict[str, str]:
    """``icon_label`` of each symbol (→ its base asset), one cell longer for those that
    would read the same: ETHUSDT and ETHFIUSDT pinned together are ``ETH`` and ``ETHF``."""
    labels = {s: icon_label(s, base) for s, base in symbols.items()}
    counts = Counter(labels.values())
    return {
        s: icon_label(s, symbols[s], LABEL_CELLS + 1) if counts[label] > 1 else label
        for s, label in labels.items()
    }


def shown_sign(change_percent: Decimal | None) -> int:
    """+1 / −1 / 0 of the change *as the icon shows it*: a move that rounds to ``0.0`` is
    flat (blue, no arrow), never a red ▼0.0."""
    if change_percent is None or change_percent == 0:
        return 0
    if Decimal(compact_percent(change_percent).rstrip("k")) == 0:
        return 0
    return 1 if change_percent > 0 else -1


def offline_word() -> str:
    """What stands in for the number while the connection is down."""
    return QCoreApplication.translate("TrayIcon", "off")


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
    if any(ch not in _NARROW for ch in text):
        text = "—"  # a translated "off" the pixel font cannot spell
    font = (
        _BOLD
        if all(ch in _BOLD for ch in text) and _text_width(_BOLD, text) <= size - 2
        else _NARROW
    )
    block = _ARROW_HEIGHT + 1 + _GLYPH_HEIGHT
    top = (size - block + 1) // 2
    _pixel_arrow(painter, sign, size // 2, top)
    left = (size - _text_width(font, text) + 1) // 2  # centred on the arrow's column
    _pixel_glyphs(painter, font, text, left, top + _ARROW_HEIGHT + 1)


def _outline_arrow(
    painter: QPainter, sign: int, centre: float, top: float, height: float, half_width: float = 0.95
) -> None:
    """▲/▼ ``height`` tall, ``half_width`` × height to each side of ``centre``."""
    if sign == 0:
        side = height * 0.6
        painter.drawRect(QRectF(centre - side / 2, top + (height - side) / 2, side, side))
        return
    half = height * half_width
    tip, base = (top, top + height) if sign > 0 else (top + height, top)
    painter.drawPolygon(
        QPolygonF(
            [QPointF(centre, tip), QPointF(centre - half, base), QPointF(centre + half, base)]
        )
    )


@functools.lru_cache(maxsize=256)
def _outline_in(_font_key: str, text: str, reference_text: str) -> tuple[QPainterPath, QRectF]:
    # Remembered per application font and text: an icon is drawn at ten sizes, and
    # turning text into a path took ~130 µs a time (a third of a new icon's cost).
    font = QFont()
    font.setBold(True)
    font.setPixelSize(100)
    path = QPainterPath()
    path.addText(0, 0, font, text)
    reference = QPainterPath()
    reference.addText(0, 0, font, reference_text)
    box, ref = path.boundingRect(), reference.boundingRect()
    top, bottom = min(box.top(), ref.top()), max(box.bottom(), ref.bottom())
    return path, QRectF(box.left(), top, box.width(), bottom - top)


def _fit_text(painter: QPainter, text: str, target: QRectF, reference: str) -> float:
    """Draw ``text`` in the bold UI font, as large as fits ``target``, centred in it.

    Measured at least as tall as ``reference`` (digits, capitals), so a dash or a
    lower-case word is not blown up. Returns the width drawn.
    """
    path, box = _outline_in(QFont().key(), text, reference)
    if box.width() <= 0 or box.height() <= 0:
        return 0.0
    scale = min(target.width() / box.width(), target.height() / box.height())
    transform = QTransform()
    transform.translate(target.center().x(), target.center().y())
    transform.scale(scale, scale)
    transform.translate(-box.center().x(), -box.center().y())
    painter.drawPath(transform.map(path))
    return box.width() * scale


def _draw_outline(painter: QPainter, sign: int, text: str, size: int) -> None:
    """No label: the arrow over the number (the look before symbols were named)."""
    margin, arrow_h, gap = size * 0.08, size * 0.28, size * 0.07
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _outline_arrow(painter, sign, size / 2, margin, arrow_h)
    target = QRectF(margin, margin + arrow_h + gap, size - 2 * margin, size * 0.49)
    if text == "—":  # unknown: a dash half as wide, not a full-width underline
        target.adjust(target.width() / 4, 0, -target.width() / 4, 0)
    _fit_text(painter, text, target, "0123456789")


def _draw_labelled(painter: QPainter, label: str, sign: int, text: str, box: QRectF) -> None:
    """The symbol's letters over an arrow and the number, both fitted to ``box``."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    label_h, gap = box.height() * 0.44, box.height() * 0.1
    _fit_text(painter, label, QRectF(box.left(), box.top(), box.width(), label_h), "HIX")
    bottom = QRectF(
        box.left(), box.top() + label_h + gap, box.width(), box.height() - label_h - gap
    )
    if text == "—":
        bottom.adjust(bottom.width() / 4, 0, -bottom.width() / 4, 0)
    if sign == 0:
        _fit_text(painter, text, bottom, "0123456789")
        return
    # A slim arrow: at 22 px every pixel of width it spares goes to the digits.
    arrow_h = bottom.height() * 0.6
    arrow_w = arrow_h * 1.2
    space = bottom.height() * 0.14
    number = QRectF(bottom.left() + arrow_w + space, bottom.top(), 0, bottom.height())
    number.setRight(bottom.right())
    _path, digits = _outline_in(QFont().key(), text, "0123456789")
    scale = min(number.width() / digits.width(), number.height() / digits.height())
    # Arrow and number as one group, centred: a short "12" does not leave the arrow alone.
    used = arrow_w + space + digits.width() * scale
    left = bottom.left() + (bottom.width() - used) / 2
    # As wide as its room: at the default 0.95 its base ran 40 % past it, over the left
    # edge and into the first digit (plain to see at 200 %).
    _outline_arrow(
        painter,
        sign,
        left + arrow_w / 2,
        bottom.center().y() - arrow_h / 2,
        arrow_h,
        half_width=arrow_w / 2 / arrow_h,
    )
    _fit_text(
        painter,
        text,
        QRectF(left + arrow_w + space, bottom.top(), digits.width() * scale, bottom.height()),
        "0123456789",
    )


def _body_color(sign: int, state: IconState) -> QColor:
    if state is IconState.OFFLINE:
        return OFFLINE_COLOR
    if state is IconState.STALE:
        return STALE_COLOR
    tiles = current_convention()
    return tiles.tile_up if sign > 0 else tiles.tile_down if sign < 0 else tiles.tile_flat


def demo_frame_width(size: int) -> int:
    """Device pixels of the demo frame: 2 at 22 and 24 px, 3 at 32 px."""
    return max(1, round(size * 0.09))


def _tile(size: int, color: QColor, demo: bool) -> tuple[QImage, QPainter, int]:
    """A transparent image with a rounded tile, framed in amber for a demo run.

    Returns the painter clipped to the inside of the frame, and the frame's width.
    """
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    radius = max(2.0, size / 7)
    frame = demo_frame_width(size) if demo else 0
    outer = QPainterPath()
    outer.addRoundedRect(QRectF(0, 0, size, size), radius, radius)
    inner = QPainterPath()
    inside = QRectF(frame, frame, size - 2 * frame, size - 2 * frame)
    inner.addRoundedRect(inside, max(1.0, radius - frame), max(1.0, radius - frame))
    if demo:
        painter.fillPath(outer, DEMO_COLOR)
    painter.fillPath(inner if demo else outer, color)
    painter.setClipPath(inner if demo else outer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    return image, painter, frame


def _finish(image: QImage, painter: QPainter, ratio: float) -> QImage:
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
    label: str = "",
    demo: bool = False,
    size_px: int = 16,
    device_pixel_ratio: float = 1.0,
) -> QImage:
    """One icon image of ``size_px`` logical pixels at ``device_pixel_ratio``.

    ``label`` names the symbol (``icon_label``); the arrow and colour follow the sign of
    the 24h change as shown, the number its magnitude.
    """
    size = max(1, math.ceil(size_px * device_pixel_ratio))
    offline = state is IconState.OFFLINE
    sign = 0 if offline else shown_sign(change_percent)
    text = offline_word() if offline else compact_percent(change_percent)
    image, painter, frame = _tile(size, _body_color(sign, state), demo)
    painter.setBrush(INK)
    if size < PIXEL_FONT_BELOW:
        _draw_pixel(painter, sign, text.upper() if offline else text, size)
    elif label:
        margin = frame + max(1.0, size * (0.04 if demo else 0.07))
        _draw_labelled(
            painter, label, sign, text, QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
        )
    else:
        _draw_outline(painter, sign, text, size)
    return _finish(image, painter, device_pixel_ratio)


def render_idle_icon(
    *, demo: bool = False, size_px: int = 16, device_pixel_ratio: float = 1.0
) -> QImage:
    """The neutral icon shown with nothing pinned: ▲ over ▼ on slate, no number."""
    size = max(1, math.ceil(size_px * device_pixel_ratio))
    image, painter, frame = _tile(size, IDLE_COLOR, demo)
    painter.setBrush(INK)
    if size < PIXEL_FONT_BELOW:
        row = (size - (2 * _ARROW_HEIGHT + 1) + 1) // 2  # arrow, gap, arrow
        _pixel_arrow(painter, 1, size // 2, row)
        _pixel_arrow(painter, -1, size // 2, row + _ARROW_HEIGHT + 1)
    else:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        height = (size - 2 * frame) * 0.3
        top = (size - 2 * height - size * 0.08) / 2
        _outline_arrow(painter, 1, size / 2, top, height)
        _outline_arrow(painter, -1, size / 2, size - top - height, height)
    return _finish(image, painter, device_pixel_ratio)


def _icon(render: Callable[[int, float], QImage]) -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        for ratio in PIXEL_RATIOS:
            icon.addPixmap(QPixmap.fromImage(render(size, ratio)))
    return icon


def make_icon(
    change_percent: Decimal | None,
    state: IconState = IconState.LIVE,
    *,
    label: str = "",
    demo: bool = False,
) -> QIcon:
    """A ``QIcon`` with a pixmap drawn for every tray size at 1× and 2×."""
    return _icon(
        lambda size, ratio: render_tray_icon(
            change_percent, state, label=label, demo=demo, size_px=size, device_pixel_ratio=ratio
        )
    )


def make_idle_icon(*, demo: bool = False) -> QIcon:
    """The no-pins icon as a ``QIcon``, every tray size at 1× and 2×."""
    return _icon(
        lambda size, ratio: render_idle_icon(demo=demo, size_px=size, device_pixel_ratio=ratio)
    )
