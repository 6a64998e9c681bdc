"""One run from start to end: ``main`` (the entry point) → ``run`` → ``build`` →
``serve`` → ``shutdown``, rebuilding in-process when Preferences ask for it."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from types import TracebackType

import PySide6
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.app.builder import build
from desktop.app.metadata import load_cached, load_metadata
from desktop.app.parts import SETTLE_HEAP_AFTER, Parts
from desktop.app.wiring import answer_later_starts
from desktop.exchange.rest import RestClient
from desktop.options import Options, parse_options
from desktop.qt.single_instance import AlreadyRunning, InstanceServer, claim, symbols_request
from desktop.resources import resource_path
from desktop.runtime import installed_pyside, refusal
from desktop.stream.replay import ReplaySource

log = logging.getLogger(__name__)


async def run(options: Options, app: QApplication, instance: InstanceServer | None = None) -> int:
    """Build, start, wait for Quit (menu, tray, SIGINT, SIGTERM), then shut down in order.

    ``instance`` answers later starts on the same settings folder (see ``main``). A new
    language in Preferences rebuilds every window in it, in this same process: the
    settings are saved first, so the watchlists, pins and window come back as they were.
    """
    while True:
        parts = await build(options, app)
        if instance is not None:
            answer_later_starts(parts, instance)
        await serve(parts, settle_heap_after=SETTLE_HEAP_AFTER)
        if parts.rebuild is None:
            return 0
        options = parts.rebuild
        log.info("rebuilding the windows in the new language")


async def serve(parts: Parts, *, settle_heap_after: float | None = None) -> None:
    """Show the window and tray, start streaming, and run until ``parts.quit_event``.

    ``settle_heap_after``: seconds until ``settle_heap`` runs (``run`` asks for it; tests
    that build many apps in one process leave it off).
    """
    options = parts.options
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, parts.quit_event.set)
    rest = RestClient(parts.endpoints.rest_base)
    try:
        if not options.minimized:
            parts.window.show()
        parts.tray.show(strip_at=parts.settings.strip_position)
        parts.tray.set_window_visible(parts.window.isVisible())
        if options.open_preferences and parts.preferences_action is not None:
            parts.preferences_action.trigger()  # where the user chose the new language
        await parts.client.start()
        parts.window.connection_started()  # a live start says soon if it gets nowhere
        parts.client.set_symbols(parts.watchlists.all_symbols())
        parts.history.set_symbols(parts.watchlists.all_symbols())
        if isinstance(parts.client, ReplaySource):  # no network: the saved list, if any
            parts.tasks.append(asyncio.create_task(load_cached(parts, rest), name="metadata"))
        else:
            parts.history.set_source(rest)  # candles for the sparklines, a task per symbol
            parts.tasks.append(asyncio.create_task(load_metadata(parts, rest), name="metadata"))
        if settle_heap_after is not None:
            parts.tasks.append(
                asyncio.create_task(settle_heap(settle_heap_after), name="settle heap")
            )
        await parts.quit_event.wait()
        log.info("quitting")
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signum)
        await shutdown(parts)


async def settle_heap(delay: float) -> None:
    """After ``delay``, collect garbage once and freeze what is left (``gc.freeze``).

    Start-up builds ~50 000 objects that live for the whole run (widgets, models, the
    contract list). Every full collection walked them all: ~60 ms about every 30 s at
    the full market, holding up a whole socket read of prices and a few frames. Frozen,
    they are skipped; what the stream allocates afterwards is still collected.
    """
    await asyncio.sleep(delay)
    gc.collect()
    gc.freeze()
    log.debug("froze %d start-up objects for the garbage collector", gc.get_freeze_count())


async def shutdown(parts: Parts) -> None:
    """Explicit order: stop background tasks, save, close the network, then the UI."""
    for task in parts.tasks:
        task.cancel()
    for task in parts.tasks:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
    parts.saver.flush()  # also disarms the aboutToQuit emergency save
    await parts.client.stop()
    if parts.recording is not None:
        await parts.recording.finish()
    await parts.history.close()  # candle requests for sparklines
    if parts.exchange is not None:
        await parts.exchange.stop()
    parts.tray.close()
    parts.window.hide()
    parts.window.deleteLater()
    parts.language.remove()


def _log_uncaught(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    log.critical("uncaught exception", exc_info=(kind, value, tb))


NO_DISPLAY = (
    "miniticker: no display to show a window on (neither DISPLAY nor WAYLAND_DISPLAY is "
    "set); start it in a desktop session, or set QT_QPA_PLATFORM (e.g. offscreen)."
)


def has_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """False on Linux/BSD with no X or Wayland display and no platform chosen by hand.

    Qt would abort there with a message about the xcb plugin's libraries, which sends
    people looking for a missing package. Windows and macOS always have a display.
    """
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``miniticker`` and ``python -m desktop``."""
    options = parse_options(list(argv) if argv is not None else None)
    refused = refusal(sys.version_info[:2], installed_pyside() or PySide6.__version__)
    if refused is not None:  # before any Qt call: this combination crashes later
        sys.stderr.write(refused + "\n")
        return 1
    if not has_display(os.environ):
        sys.stderr.write(NO_DISPLAY + "\n")  # one line, like a bad option; before any Qt
        return 1
    logging.basicConfig(
        level=options.logging_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    sys.excepthook = _log_uncaught
    QApplication.setApplicationName("MiniTicker")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("miniticker")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    icon_file = resource_path("miniticker.svg")
    app.setWindowIcon(QIcon(str(icon_file)) if icon_file else QIcon.fromTheme("miniticker"))
    try:  # one instance per settings folder: a second start hands over and exits
        instance = claim(
            options.config_dir, symbols_request(options.symbols, minimized=options.minimized)
        )
    except AlreadyRunning as exc:
        log.error("%s", exc)
        return 1
    if instance is None:
        log.info("MiniTicker already runs with the settings in %s; handed over", options.config_dir)
        return 0
    try:
        return int(qasync.run(run(options, app, instance)))
    finally:
        instance.close()
