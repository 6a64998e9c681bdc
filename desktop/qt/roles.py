"""Qt role numbers and alignments the table models share, as plain constants.

Models compare ``role`` ints in their hottest method (``data``); named module constants
keep that cheap and spelled once.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt

DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole)
ALIGN: Final = int(Qt.ItemDataRole.TextAlignmentRole)
FONT: Final = int(Qt.ItemDataRole.FontRole)
FOREGROUND: Final = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND: Final = int(Qt.ItemDataRole.BackgroundRole)
CHECK: Final = int(Qt.ItemDataRole.CheckStateRole)
LEFT: Final = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT: Final = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER: Final = Qt.AlignmentFlag.AlignCenter
