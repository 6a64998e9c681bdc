"""Colours and fonts the table models hand to views, chosen to read on light and dark palettes.

Models return these through ``ForegroundRole`` / ``BackgroundRole`` / ``FontRole``; they
follow the application palette, so a dark desktop theme gets the lighter green and red.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

# Up / down text: ≥ 4.5:1 contrast on white (light) and on #1e1e1e (dark).
_UP_LIGHT = QColor("#137333")
_DOWN_LIGHT = QColor("#c5221f")
_UP_DARK = QColor("#5bd98a")
_DOWN_DARK = QColor("#ff7b72")
# Flash backgrounds at full intensity; alpha scales with the fade.
_FLASH_UP = QColor(46, 160, 67)
_FLASH_DOWN = QColor(218, 54, 51)
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
    """Brushes for the current application palette, rebuilt only when the palette changes."""

    def __init__(self) -> None:
        self._key: int | None = None
        self._swatch = self._build(QPalette())
        self._flash = {
            direction: [
                QBrush(QColor(base.red(), base.green(), base.blue(), alpha))
                for alpha in (
                    round(_FLASH_MAX_ALPHA * step / _FLASH_STEPS)
                    for step in range(_FLASH_STEPS + 1)
                )
            ]
            for direction, base in ((1, _FLASH_UP), (-1, _FLASH_DOWN))
        }

    @staticmethod
    def _build(palette: QPalette) -> Swatch:
        return swatch_for(palette)

    def swatch(self) -> Swatch:
        palette = QGuiApplication.palette()
        key = palette.cacheKey()
        if key != self._key:
            self._key = key
            self._swatch = self._build(palette)
        return self._swatch

    def flash(self, direction: int, intensity: float) -> QBrush | None:
        """Background for a price tick ``direction`` (+1/−1) faded to ``intensity`` (0..1)."""
        if direction == 0 or intensity <= 0:
            return None
        steps = self._flash[1 if direction > 0 else -1]
        return steps[max(1, min(_FLASH_STEPS, round(intensity * _FLASH_STEPS)))]


def swatch_for(palette: QPalette) -> Swatch:
    """Up, down and muted brushes that read on ``palette``'s base colour."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = base.lightnessF() < 0.5
    return Swatch(
        up=QBrush(_UP_DARK if dark else _UP_LIGHT),
        down=QBrush(_DOWN_DARK if dark else _DOWN_LIGHT),
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
