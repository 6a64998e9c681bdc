"""Colours and fonts the table models hand to views, chosen to read on light and dark palettes.

Models return these through ``ForegroundRole`` / ``BackgroundRole`` / ``FontRole``; they
follow the application palette, so a dark desktop theme gets the lighter green and red,
and the user's colour convention (green up, red up, or colour-blind-safe blue / orange),
so every surface that shows a direction shows it the same way.

The convention, like the palette, is application-wide: the composition root sets it
with ``set_convention`` and then repaints (``desktop.ui.theme.repaint_all``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from desktop.settings.model import DEFAULT_COLOR_CONVENTION


@dataclass(frozen=True, slots=True)
class Convention:
    """Which colour means up and which down, for text, flashes and tray tiles.

    Text colours have ≥ 4.5:1 contrast on white (light) and on #1e1e1e (dark); tile
    colours carry white digits (≥ 4.5:1). Flash colours are drawn at partial alpha.
    """

    name: str
    up_light: QColor
    down_light: QColor
    up_dark: QColor
    down_dark: QColor
    flash_up: QColor
    flash_down: QColor
    tile_up: QColor
    tile_down: QColor
    tile_flat: QColor


_GREEN = ("#137333", "#5bd98a", (46, 160, 67), "#13803d")  # light, dark, flash, tile
_RED = ("#c5221f", "#ff7b72", (218, 54, 51), "#c8283c")
_BLUE = ("#0b5cad", "#6cb6ff", (56, 132, 255), "#1f5fbf")
_ORANGE = ("#a14a00", "#f0883e", (230, 126, 34), "#b45309")


def _convention(
    name: str,
    up: tuple[str, str, tuple[int, int, int], str],
    down: tuple[str, str, tuple[int, int, int], str],
    flat: str,
) -> Convention:
    return Convention(
        name,
        QColor(up[0]),
        QColor(down[0]),
        QColor(up[1]),
        QColor(down[1]),
        QColor(*up[2]),
        QColor(*down[2]),
        QColor(up[3]),
        QColor(down[3]),
        QColor(flat),
    )


#: The conventions by the name the settings file stores (``desktop.settings.model``).
CONVENTIONS: Final[dict[str, Convention]] = {
    c.name: c
    for c in (
        _convention("green-up", _GREEN, _RED, "#3f5f86"),
        # Mainland China: red for a rise, green for a fall.
        _convention("red-up", _RED, _GREEN, "#3f5f86"),
        # Told apart with any common colour-vision deficiency; flat is grey, not blue.
        _convention("blue-orange", _BLUE, _ORANGE, "#5b5f66"),
    )
}
_current = CONVENTIONS[DEFAULT_COLOR_CONVENTION]


def current_convention() -> Convention:
    """The convention every surface paints with now."""
    return _current


def set_convention(name: str) -> bool:
    """Paint with convention ``name`` from now on; True if that changed anything.

    Callers repaint what is on screen (``Colors`` notices on its next ``swatch()``).
    Raises ``KeyError`` for a name not in ``CONVENTIONS``.
    """
    global _current
    chosen = CONVENTIONS[name]
    changed = chosen is not _current
    _current = chosen
    return changed


_FLASH_MAX_ALPHA = 110
_FLASH_STEPS = 32  # brushes cached per direction; more steps than a 1 s fade at 30 fps shows


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a fraction ``t`` of the way towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


@dataclass(frozen=True, slots=True)
class Swatch:
    """Brushes for one palette."""

    up: QBrush
    down: QBrush
    muted: QBrush  # stale rows, unknown symbols, "waiting" cells


class Colors:
    """Brushes for the current application palette and colour convention, rebuilt only
    when either changes (a new ``Swatch`` object then, so callers caching drawings by
    swatch know to draw again)."""

    def __init__(self) -> None:
        self._key: tuple[int, str] | None = None
        self._swatch = swatch_for(QPalette())
        self._flash_for = ""
        self._flash: dict[int, list[QBrush]] = {}

    def swatch(self) -> Swatch:
        palette = QGuiApplication.palette()
        key = (palette.cacheKey(), _current.name)
        if key != self._key:
            self._key = key
            self._swatch = swatch_for(palette, _current)
        return self._swatch

    def flash(self, direction: int, intensity: float) -> QBrush | None:
        """Background for a price tick ``direction`` (+1/−1) faded to ``intensity`` (0..1)."""
        if direction == 0 or intensity <= 0:
            return None
        if self._flash_for != _current.name:
            self._flash_for = _current.name
            self._flash = {1: _fades(_current.flash_up), -1: _fades(_current.flash_down)}
        steps = self._flash[1 if direction > 0 else -1]
        return steps[max(1, min(_FLASH_STEPS, round(intensity * _FLASH_STEPS)))]


def _fades(base: QColor) -> list[QBrush]:
    return [
        QBrush(QColor(base.red(), base.green(), base.blue(), alpha))
        for alpha in (
            round(_FLASH_MAX_ALPHA * step / _FLASH_STEPS) for step in range(_FLASH_STEPS + 1)
        )
    ]


def swatch_for(palette: QPalette, convention: Convention | None = None) -> Swatch:
    """Up, down and muted brushes that read on ``palette``'s base colour, in
    ``convention`` (the current one by default)."""
    chosen = convention if convention is not None else _current
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = base.lightnessF() < 0.5
    return Swatch(
        up=QBrush(chosen.up_dark if dark else chosen.up_light),
        down=QBrush(chosen.down_dark if dark else chosen.down_light),
        muted=QBrush(_mix(text, base, 0.5)),
    )


def tabular_font(base: QFont | None = None) -> QFont:
    """``base`` (the application font by default) with tabular, same-width digits.

    OpenType ``tnum`` makes columns of prices line up in fonts whose digits are
    proportional (Inter, SF, Segoe); fonts that ignore the feature are unaffected.
    """
    font = QFont(base) if base is not None else QFont()
    font.setFeature(QFont.Tag("tnum"), 1)
    return font
