"""Python and PySide6 combinations MiniTicker refuses to start on. Imports no Qt.

pyproject.toml already keeps pip from installing these, but a venv made by hand, a
``--no-deps`` install or a distribution package can still bring one in. Starting anyway
would crash minutes later, far from the cause; refusing at once says what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata
from typing import Final


@dataclass(frozen=True, slots=True)
class KnownBad:
    """A PySide6 release that breaks on Pythons older than ``fixed_python``."""

    pyside: tuple[int, ...]
    fixed_python: tuple[int, int]
    why: str
    instead: str


KNOWN_BAD: Final = (
    # Every void-returning call drops a reference to None; after a few thousand calls
    # CPython < 3.12 aborts in none_dealloc (3.12 made None immortal).
    KnownBad((6, 12, 0), (3, 12), "it crashes after a few minutes", "6.11.3"),
)


def parse_version(text: str) -> tuple[int, ...]:
    """``"6.12.0"`` → ``(6, 12, 0)``; stops at the first part that is not a number."""
    parts: list[int] = []
    for piece in text.split("."):
        match = re.match(r"\d+", piece)
        if match is None:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):
            break
    return tuple(parts)


def refusal(python: tuple[int, int], pyside: str) -> str | None:
    """The one sentence to stop with on this combination, or None when it is fine."""
    version = parse_version(pyside)
    for bad in KNOWN_BAD:
        if version == bad.pyside and python < bad.fixed_python:
            return (
                f"MiniTicker cannot run with PySide6 {pyside} on Python "
                f"{python[0]}.{python[1]} because {bad.why}; install PySide6-Essentials "
                f"{bad.instead} (pip install 'PySide6-Essentials=={bad.instead}') or use "
                f"Python {bad.fixed_python[0]}.{bad.fixed_python[1]} or newer."
            )
    return None


def installed_pyside() -> str | None:
    """The installed PySide6 version from the package metadata, without importing Qt."""
    for name in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None
