"""Shared test setup: headless Qt, and a way to run coroutines from plain test functions."""

from __future__ import annotations

import os

# Tests never need a screen; a developer's DISPLAY must not make them open windows.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
