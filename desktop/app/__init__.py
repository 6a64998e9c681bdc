"""The composition root: options → settings → exchange → client → models → window → tray.

Nothing else in the program builds collaborators or holds global state; everything is
constructed here and handed down, so tests and ``--demo`` can plug in other parts.

Where each part lives:

- ``parts``: ``Parts``, everything one run built (for shutdown and for tests), and the
  constants the modules share (``SETTLE_HEAP_AFTER``, ``TRAY_NOTICE``).
- ``builder``: ``build``, which exchange and watchlists to start with, and the models,
  window, movers and tray made from them.
- ``wiring``: the window and tray wired together (show, hide, quit), the File menu
  (import/export, start at login, recording) and what later starts ask for.
- ``alerts``: price alerts wired into the window, the tray and the settings.
- ``preferences``: theme, colour convention, the Preferences dialog, and
  ``relaunch_options`` for a rebuild in a new language or on a new exchange.
- ``metadata``: the contract list and the first price snapshot, loaded in the background.
- ``lifecycle``: ``main`` (the ``miniticker`` entry point), ``run``, ``serve``,
  ``settle_heap`` and ``shutdown``.

Everything tests and entry points use is importable from ``desktop.app`` itself.
"""

from __future__ import annotations

from desktop.app.builder import build
from desktop.app.lifecycle import (
    NO_DISPLAY,
    has_display,
    main,
    run,
    serve,
    settle_heap,
    shutdown,
)
from desktop.app.parts import SETTLE_HEAP_AFTER, TRAY_NOTICE, Parts
from desktop.app.preferences import relaunch_options

__all__ = [
    "NO_DISPLAY",
    "SETTLE_HEAP_AFTER",
    "TRAY_NOTICE",
    "Parts",
    "build",
    "has_display",
    "main",
    "relaunch_options",
    "run",
    "serve",
    "settle_heap",
    "shutdown",
]
