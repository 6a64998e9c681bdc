"""Finds bundled files whether MiniTicker runs from a checkout or an installed wheel."""

from __future__ import annotations

import sys
from pathlib import Path

# A wheel installs resources/ under the prefix, where freedesktop menus look for them.
_INSTALLED = {
    "miniticker.svg": Path("share/icons/hicolor/scalable/apps/miniticker.svg"),
    "miniticker.desktop": Path("share/applications/miniticker.desktop"),
}


def resource_path(name: str) -> Path | None:
    """Path of a bundled file (``resources/<name>`` in a checkout), or None if missing."""
    checkout = Path(__file__).resolve().parent.parent / "resources" / name
    if checkout.exists():
        return checkout
    installed = _INSTALLED.get(name)
    for prefix in (sys.prefix, sys.base_prefix):
        if installed is not None and (Path(prefix) / installed).exists():
            return Path(prefix) / installed
    return None
