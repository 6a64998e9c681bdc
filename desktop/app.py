"""The composition root: options → settings → exchange → client → models → window → tray.

Nothing else in the program builds collaborators or holds global state; everything is
constructed here and handed down, so tests and ``--demo`` can plug in other parts.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from types import TracebackType

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.exchange.contracts import ContractCatalog
from desktop.exchange.endpoints import EndpointError, Endpoints, make_endpoints
from desktop.exchange.metadata import MetadataStore
from desktop.exchange.rest import RestClient, RestError
from desktop.options import Options, parse_options
from desktop.qt.contracts_model import ContractsModel
from desktop.qt.quotes import QuoteBook
from desktop.qt.settings_saver import SettingsSaver
from desktop.qt.watchlist import Watchlist
from desktop.resources import resource_path
from desktop.settings.model import Settings
from desktop.settings.store import SettingsStore
from desktop.simexchange.server import SimExchange
from desktop.stream.client import StreamClient
from desktop.ui.main_window import MainWindow
from desktop.ui.symbol_picker import SymbolPicker
from desktop.ui.tray import TrayTicker

log = logging.getLogger(__name__)

TRAY_NOTICE = (
    "MiniTicker keeps running in the tray. Click the tray icon to bring the window "
    "back; choose Quit from its menu to exit."
)


@dataclass
class Parts:
    """Everything the composition root built, for shutdown and for tests."""

    options: Options
    settings: Settings
    store: SettingsStore
    client: StreamClient
    book: QuoteBook
    watchlist: Watchlist
    window: MainWindow
    tray: TrayTicker
    saver: SettingsSaver
    contracts: ContractsModel
    endpoints: Endpoints
    exchange: SimExchange | None = None
    quit_event: asyncio.Event = field(default_factory=asyncio.Event)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)


def _endpoints(options: Options, settings: Settings) -> tuple[Endpoints, str | None]:
    """This run's exchange: the command line, else the settings file, else live."""
    if options.endpoints is not None and options.endpoints_explicit:
        return options.endpoints, None
    try:
        return (
            make_endpoints(
                settings.ws_url,
                settings.rest_url,
                testnet=settings.testnet,
                allow_insecure=options.allow_insecure,
            ),
            None,
        )
    except EndpointError as exc:
        return (
            make_endpoints(),
            f"The exchange address in your settings was not used: {exc} Using Binance live.",
        )


def _initial_lists(options: Options, settings: Settings) -> tuple[list[str], list[str]]:
    if options.symbols is None:
        symbols = list(settings.watchlist)
        pins = list(options.pins) if options.pins is not None else list(settings.pins)
    else:
        symbols = list(options.symbols)
        saved = [p for p in settings.pins if p in symbols]
        pins = list(options.pins) if options.pins is not None else (saved or symbols[:1])
    return symbols, [p for p in pins if p in symbols]


async def build(
    options: Options, app: QApplication, *, client: StreamClient | None = None
) -> Parts:
    """Construct and wire every part; start nothing that talks to the network yet.

    ``client`` replaces the stream client (tests pass one with short timeouts, bound to
    their own simulated exchange).
    """
    # Quitting is ours to decide (Quit, signals, closing the window without a tray): Qt
    # stopping its loop on the last close would leave no loop to shut down on.
    app.setQuitOnLastWindowClosed(False)
    store = SettingsStore(options.config_dir)
    loaded = store.load()
    settings = loaded.settings

    exchange: SimExchange | None = None
    problems = list(loaded.messages)
    if options.demo:
        exchange = SimExchange(cadence=options.demo_cadence)
        await exchange.start()
        endpoints = exchange.endpoints
        log.info("demo exchange at %s and %s", exchange.ws_url, exchange.rest_url)
    else:
        endpoints, problem = _endpoints(options, settings)
        if problem:
            problems.append(problem)

    if client is None:
        client = StreamClient(endpoints)
    book = QuoteBook(client, cadence=options.demo_cadence if options.demo else 2.0)
    symbols, pins = _initial_lists(options, settings)
    watchlist = Watchlist(symbols, pins)
    contracts = ContractsModel(book=book, watchlist=watchlist)
    picker = SymbolPicker(contracts, watchlist)
    window = MainWindow(watchlist, book, demo=options.demo, picker=picker)
    picker.setParent(window, picker.windowFlags())
    window.restore_state(settings.window_geometry, settings.header_state)
    tray = TrayTicker(
        book, watchlist, demo=options.demo, rotation_interval=settings.rotation_interval
    )

    parts_holder: list[Parts] = []

    def snapshot() -> Settings:
        parts = parts_holder[0]
        geometry, header = parts.window.save_state()
        current = replace(
            parts.settings,
            window_geometry=geometry,
            header_state=header,
            rotation_interval=parts.tray.rotation_interval(),
        )
        if options.symbols is None:  # a --symbols list is for this run only
            current = replace(current, watchlist=watchlist.symbols(), pins=watchlist.pins())
        return current

    saver = SettingsSaver(store, snapshot)
    parts = Parts(
        options,
        settings,
        store,
        client,
        book,
        watchlist,
        window,
        tray,
        saver,
        contracts,
        endpoints,
        exchange,
    )
    parts_holder.append(parts)
    _wire(parts, app)
    for text in problems:
        window.show_message(text, "warning")
    return parts


def _wire(parts: Parts, app: QApplication) -> None:
    window, tray, watchlist, saver = parts.window, parts.tray, parts.watchlist, parts.saver
    watchlist.symbolsChanged.connect(parts.client.set_symbols)
    watchlist.symbolsChanged.connect(saver.schedule)
    watchlist.pinsChanged.connect(saver.schedule)
    saver.saveFailed.connect(lambda text: window.show_message(text, "error"))
    parts.book.errorRaised.connect(lambda text: window.show_message(text, "warning"))

    def show_window(symbol: str = "") -> None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if symbol:
            window.select_symbol(symbol)
        tray.set_window_visible(True)

    def toggle_window() -> None:
        if window.isVisible() and not window.isMinimized():
            window.hide()
            tray.set_window_visible(False)
        else:
            show_window()

    def hidden_to_tray() -> None:
        tray.set_window_visible(False)
        if not parts.settings.tray_notice_shown:
            parts.settings = replace(parts.settings, tray_notice_shown=True)
            tray.notify("MiniTicker", TRAY_NOTICE)
            saver.schedule()

    # With a tray, closing the window only hides it. Without one the strip is a companion
    # of the window, not a place to live in: closing the window quits.
    window.hide_on_close = tray.uses_system_tray()
    window.hiddenToTray.connect(hidden_to_tray)
    window.closeRequested.connect(parts.quit_event.set)
    window.quitRequested.connect(parts.quit_event.set)
    tray.quitRequested.connect(parts.quit_event.set)
    tray.showWindowRequested.connect(show_window)
    tray.toggleWindowRequested.connect(toggle_window)
    # The desktop session may end the application under us: save synchronously then.
    app.aboutToQuit.connect(saver.flush)


async def _load_metadata(parts: Parts, rest: RestClient) -> None:
    """Contract list (live, else cached) and a price snapshot; never blocks the loop."""
    store = MetadataStore(parts.options.cache_dir, rest)
    picker = parts.window.picker
    try:
        catalog, source = await store.load()
    except RestError as exc:
        reason = str(exc)
        log.warning("contract list unavailable: %s", reason)
        if isinstance(picker, SymbolPicker):
            picker.set_unavailable_reason(reason)
        parts.window.show_message(
            f"The contract list could not be loaded ({reason}). Prices still stream; "
            "symbols you type are checked once the list is available.",
            "warning",
        )
        return
    _apply_catalog(parts, catalog, source)
    try:
        snapshot = await rest.ticker_24hr()
    except RestError as exc:
        log.info("no 24h snapshot: %s", exc)
        return
    watched = set(parts.watchlist.symbols())
    parts.book.seed(
        (t for t in snapshot if t.symbol in watched or t.symbol in catalog), time.time()
    )


def _apply_catalog(parts: Parts, catalog: ContractCatalog, source: str) -> None:
    parts.watchlist.catalog = catalog
    parts.contracts.set_catalog(catalog)
    parts.tray.set_catalog(catalog)
    parts.window.model.refresh()
    picker = parts.window.picker
    if isinstance(picker, SymbolPicker):
        picker.set_source_text("" if source == "live" else source)
    if source != "live":
        parts.window.show_message(f"Offline: using the contract list {source}.", "info")
    unknown = [s for s in parts.watchlist.symbols() if s not in catalog]
    if unknown:
        parts.window.show_message(
            "Binance does not list " + ", ".join(unknown) + " (any more). They stay in your "
            "watchlist, greyed out, until you remove them.",
            "warning",
        )


async def run(options: Options, app: QApplication) -> int:
    """Build, start, wait for Quit (menu, tray, SIGINT, SIGTERM), then shut down in order."""
    parts = await build(options, app)
    await serve(parts)
    return 0


async def serve(parts: Parts) -> None:
    """Show the window and tray, start streaming, and run until ``parts.quit_event``."""
    options = parts.options
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, parts.quit_event.set)
    rest = RestClient(parts.endpoints.rest_base)
    try:
        if not options.minimized:
            parts.window.show()
        parts.tray.show()
        parts.tray.set_window_visible(parts.window.isVisible())
        await parts.client.start()
        parts.client.set_symbols(parts.watchlist.symbols())
        parts.tasks.append(asyncio.create_task(_load_metadata(parts, rest), name="metadata"))
        await parts.quit_event.wait()
        log.info("quitting")
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(signum)
        await shutdown(parts)


async def shutdown(parts: Parts) -> None:
    """Explicit order: stop background tasks, save, close the network, then the UI."""
    for task in parts.tasks:
        task.cancel()
    for task in parts.tasks:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
    parts.saver.flush()  # also disarms the aboutToQuit emergency save
    await parts.client.stop()
    if parts.exchange is not None:
        await parts.exchange.stop()
    parts.tray.close()
    parts.window.hide()
    parts.window.deleteLater()


def _log_uncaught(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    log.critical("uncaught exception", exc_info=(kind, value, tb))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``miniticker`` and ``python -m desktop``."""
    options = parse_options(list(argv) if argv is not None else None)
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
    return int(qasync.run(run(options, app)))
