"""Telling an image drawn at device pixels from a 1× one blown up (tests of HiDPI)."""

from __future__ import annotations

from PySide6.QtGui import QImage

_CHANNELS = ("red", "green", "blue", "alpha")


def fine_blocks(image: QImage, threshold: int = 128) -> int:
    """How many aligned 2×2 pixel blocks hold a strong edge inside them.

    A 1× image scaled up by two repeats each pixel in a block (none), or smooths them
    (half-strength edges at most); one drawn at 200 % has detail finer than a 1× pixel.
    """
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    count = 0
    for y in range(0, image.height() - 1, 2):
        for x in range(0, image.width() - 1, 2):
            block = [image.pixelColor(x + dx, y + dy) for dx in (0, 1) for dy in (0, 1)]
            spread = max(
                max(getattr(c, ch)() for c in block) - min(getattr(c, ch)() for c in block)
                for ch in _CHANNELS
            )
            count += spread > threshold
    return count
