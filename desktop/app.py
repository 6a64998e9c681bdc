"""The composition root: options → settings → exchange → client → models → window → tray.

Nothing else in the program builds collaborators or holds global state; everything is
constructed here and handed down, so tests and ``--demo`` can plug in other parts.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import TracebackType
from typing import TYPE_CHECKING

import PySide6
import qasync
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from desktop import __version__
from desktop.exchange.alert_engine import AlertFired
from desktop.exchange.alert_history import record_of
from desktop.exchange.contracts import ContractCatalog
from desktop.exchange.endpoints import EndpointError, Endpoints, make_endpoints
from desktop.exchange.metadata import LIVE, MetadataStore
from desktop.exchange.rest import RestClient, RestError
from desktop.options import Options, parse_options
from desktop.qt.alert_history_model import AlertHistoryModel
from desktop.qt.alerts import AlertCenter
from desktop.qt.contracts_model import ContractsModel
from desktop.qt.history import PriceHistory
from desktop.qt.language import Language
from desktop.qt.mark_demand import MarkDemand
from desktop.qt.marks import MarkBook
from desktop.qt.quotes import QuoteBook
from desktop.qt.settings_saver import SettingsSaver
from desktop.qt.single_instance import (
    AlreadyRunning,
    InstanceServer,
    Request,
    claim,
    symbols_request,
)
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlists import Watchlists
from desktop.resources import resource_path
from desktop.runtime import installed_pyside, refusal
from desktop.settings.autostart import autostart_here
from desktop.settings.model import NamedWatchlist, Settings
from desktop.settings.paths import move_legacy_cache
from desktop.settings.store import SettingsStore
from desktop.stream.client import StreamClient
from desktop.stream.replay import ReplaySource
from desktop.ui.alert_history import AlertHistoryPanel
from desktop.ui.alerts_dialog import AlertsDialog, open_alert_editor
from desktop.ui.main_window import MainWindow
from desktop.ui.movers import MoversDock
from desktop.ui.preferences import Preferences, PreferencesDialog
from desktop.ui.recording_menu import RecordingMenu
from desktop.ui.start_at_login import start_at_login_action
from desktop.ui.symbol_picker import SymbolPicker
from desktop.ui.theme import Theme, apply_convention
from desktop.ui.tray import TrayTicker
from desktop.ui.watchlist_tabs import WatchlistTabs
from desktop.ui.watchlist_transfer import WatchlistTransfer
from desktop.wording import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.simexchange.server import SimExchange

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: Seconds after start-up when what lives for the whole run is moved out of the garbage
#: collector's way (see ``settle_heap``).
SETTLE_HEAP_AFTER = 5.0

TRAY_NOTICE = QT_TRANSLATE_NOOP(
    "app",
    "MiniTicker keeps running in the tray. Click the tray icon to bring the window "
    "back; choose Quit from its menu to exit.",
)


@dataclass
class Parts:
    """Everything the composition root built, for shutdown and for tests."""

    options: Options
    settings: Settings
    store: SettingsStore
    client: StreamClient | ReplaySource
    book: QuoteBook
    watchlist: Watchlist
    window: MainWindow
    tray: TrayTicker
    saver: SettingsSaver
    contracts: ContractsModel
    endpoints: Endpoints
    watchlists: Watchlists  # every named list; ``watchlist`` is the one shown
    history: PriceHistory
    movers: MoversDock
    language: Language
    exchange: SimExchange | None = None
    quit_event: asyncio.Event = field(default_factory=asyncio.Event)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)
    alerts: AlertCenter | None = None  # set by ``_wire_alerts``
    preferences_action: QAction | None = None  # set by ``_wire_preferences``; for a menu
    recording: RecordingMenu | None = None  # File ▸ Record…; None in a replay
    rebuild: Options | None = None  # set when a new language asks for new windows
    mark_demand: MarkDemand | None = None  # whose mark prices are subscribed, and why


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
            translate(
                "app", "The exchange address in your settings was not used: %1 Using Binance live."
            ).replace("%1", str(exc)),
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


def _initial_watchlists(
    options: Options, settings: Settings
) -> tuple[list[tuple[str, list[str]]], list[str], int]:
    """(named lists, pins, shown list): the saved lists, or one list for ``--symbols``."""
    symbols, pins = _initial_lists(options, settings)
    if options.symbols is not None or not settings.watchlists:
        # The first list's name (DEFAULT_WATCHLIST_NAME), in the user's language.
        return [(translate("app", "Watchlist"), symbols)], pins, 0
    lists = [(w.name, list(w.symbols)) for w in settings.watchlists]
    return lists, pins, settings.current_watchlist


async def build(
    options: Options, app: QApplication, *, client: StreamClient | ReplaySource | None = None
) -> Parts:
    """Construct and wire every part; start nothing that talks to the network yet.

    ``client`` replaces the stream client (tests pass one with short timeouts, bound to
    their own simulated exchange).
    """
    # Quitting is ours to decide (Quit, signals, closing the window without a tray): Qt
    # stopping its loop on the last close would leave no loop to shut down on.
    app.setQuitOnLastWindowClosed(False)
    store = SettingsStore(options.config_dir)
    # Before anything is worded, the settings' repair notes included.
    language = Language(app)
    language.install(store.language())
    loaded = store.load()
    settings = loaded.settings

    exchange: SimExchange | None = None
    problems = list(loaded.messages)
    if options.demo:
        # Imported here: a live run never needs the demo exchange (~90 ms of imports).
        from desktop.simexchange.server import SimExchange

        exchange = SimExchange(cadence=options.demo_cadence)
        await exchange.start()
        endpoints = exchange.endpoints
        log.info("demo exchange at %s and %s", exchange.ws_url, exchange.rest_url)
    else:
        endpoints, problem = _endpoints(options, settings)
        if problem:
            problems.append(problem)

    if client is None:
        client = (
            ReplaySource(options.replay, speed=options.replay_speed)
            if options.replay is not None
            else StreamClient(endpoints)
        )
    book = QuoteBook(client, cadence=options.demo_cadence if options.demo else 2.0)
    marks = MarkBook(client)
    lists, pins, shown = _initial_watchlists(options, settings)
    watchlists = Watchlists(lists, pins, shown)
    watchlist = watchlists.current
    contracts = ContractsModel(book=book, watchlist=watchlist)
    picker = SymbolPicker(contracts, watchlist)
    window = MainWindow(watchlist, book, demo=options.demo, picker=picker, endpoints=endpoints)
    # Made after the window: Qt calls slots in the order they were connected, so the
    # table takes new quotes before the sparklines and badges are worked out.
    history = PriceHistory(book)
    picker.setParent(window, picker.windowFlags())
    window.restore_state(settings.window_geometry, settings.header_state)
    window.model.set_history(history)
    window.model.set_marks(marks)
    window.add_tabs(WatchlistTabs(watchlists, window))
    movers = MoversDock(book, watchlist, demo=options.demo, parent=window)
    window.add_movers(movers)
    window.restore_docks(settings.dock_state)  # its size and place
    # Shown as the user left it; the all-market stream runs only while it shows.
    movers.setVisible(settings.movers_shown)
    window.view_menu.addAction(movers.toggleViewAction())
    tray = TrayTicker(
        book,
        watchlists,
        demo=options.demo,
        replay=options.replay is not None,
        rotation_interval=settings.rotation_interval,
    )
    tray.set_marks(marks)
    # Mark prices flow only for what needs them (issue 20): the watchlist's funding
    # columns while one shows, the pins' tray funding, funding alert rules (_wire_alerts).
    mark_demand = MarkDemand(client, parent=window)
    mark_demand.follow_rows(watchlist)
    window.table.columns.fundingShown.connect(mark_demand.set_columns_shown)
    mark_demand.follow_pins(watchlists)

    parts_holder: list[Parts] = []

    def snapshot() -> Settings:
        parts = parts_holder[0]
        geometry, header = parts.window.save_state()
        current = replace(
            parts.settings,
            window_geometry=geometry,
            header_state=header,
            rotation_interval=parts.tray.rotation_interval(),
            movers_shown=not parts.movers.isHidden(),  # hidden with the window is not hidden
            dock_state=parts.window.dock_state(),
            strip_position=parts.tray.strip_position() or parts.settings.strip_position,
        )
        if options.symbols is None:  # a --symbols list is for this run only
            current = replace(
                current,
                watchlist=watchlists.all_symbols(),
                pins=watchlists.pins(),
                watchlists=[NamedWatchlist(n, tuple(s)) for n, s in watchlists.lists()],
                current_watchlist=watchlists.current_index(),
            )
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
        watchlists,
        history,
        movers,
        language,
        exchange,
        mark_demand=mark_demand,
    )
    parts_holder.append(parts)
    _wire(parts, app)
    _wire_file_menu(parts)
    parts.alerts = _wire_alerts(parts)
    _wire_preferences(parts, app)
    _wire_recording(parts)
    for text in problems:
        window.show_message(text, "warning")
    return parts


def _wire_file_menu(parts: Parts) -> None:
    """File ▸ Import, Export, Copy rows and Start at login, above Quit."""
    window = parts.window
    transfer = WatchlistTransfer(
        window,
        parts.watchlists,
        parts.book,
        source="demo" if parts.options.demo else "live",
        selected_symbols=window.selected_symbols,
    )
    transfer.message.connect(lambda text: window.show_message(text, "info"))
    login = start_at_login_action(autostart_here(parts.options.config_dir), window)
    login.failed.connect(lambda text: window.show_message(text, "error"))
    menu, quit_action = window.file_menu, window.quit_action
    menu.insertSeparator(quit_action)
    menu.insertActions(quit_action, transfer.actions())
    menu.insertSeparator(quit_action)
    menu.insertAction(quit_action, login)
    menu.insertSeparator(quit_action)
    menu.aboutToShow.connect(login.refresh)


def _wire_recording(parts: Parts) -> None:
    """File ▸ Record… / Stop recording, and ``--record``; in a replay, REPLAY labels."""
    window, client = parts.window, parts.client
    if isinstance(client, ReplaySource):
        window.setWindowTitle(translate("app", "MiniTicker — REPLAY of a recording (not live)"))
        parts.movers.setWindowTitle(translate("app", "Movers — REPLAY of a recording (not live)"))
        badge = QLabel(translate("app", "REPLAY — recorded prices"), window.status_bar)
        badge.setObjectName("replayBadge")
        badge.setToolTip(str(client.path))
        badge.setStyleSheet(
            "#replayBadge { background: #b3261e; color: white; font-weight: bold;"
            " padding: 1px 6px; border-radius: 3px; }"
        )
        window.status_bar.addPermanentWidget(badge)
        return
    recording = RecordingMenu(
        client,
        window,
        endpoints=parts.endpoints.ws_base,
        symbols=parts.watchlists.all_symbols,
    )
    recording.message.connect(window.show_message)
    menu, quit_action = window.file_menu, window.quit_action
    menu.insertActions(quit_action, recording.actions())
    menu.insertSeparator(quit_action)
    parts.recording = recording
    if parts.options.record is not None:
        recording.start(parts.options.record)


def _wire(parts: Parts, app: QApplication) -> None:
    window, tray, watchlists, saver = parts.window, parts.tray, parts.watchlists, parts.saver
    # Every list's symbols, once each: a symbol on two lists is one subscription.
    watchlists.symbolsChanged.connect(parts.client.set_symbols)
    watchlists.symbolsChanged.connect(parts.history.set_symbols)
    watchlists.changed.connect(saver.schedule)
    # The whole market streams only while the movers are on screen.
    parts.movers.panel.activeChanged.connect(parts.client.set_all_market)
    parts.movers.panel.symbolAdded.connect(
        lambda symbol: window.show_message(
            translate("app", "Added %1 to “%2”.")
            .replace("%1", symbol)
            .replace("%2", watchlists.name(watchlists.current_index())),
            "info",
        )
    )
    saver.saveFailed.connect(lambda text: window.show_message(text, "error"))

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
            tray.notify("MiniTicker", translate("app", TRAY_NOTICE))
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


def _wire_alerts(parts: Parts) -> AlertCenter:
    """Price alerts: judged on every pushed event, told in the tray (or strip) and the
    status bar, with an optional beep, edited from the window and tray, saved with the
    settings. (A beep is all there is: QtMultimedia is not part of PySide6-Essentials.)"""
    window, tray, saver, book = parts.window, parts.tray, parts.saver, parts.book
    center = AlertCenter(parts.settings.alerts, parent=window)
    center.attach(parts.client)
    center.attach_marks(parts.client)  # funding rate rules
    if parts.mark_demand is not None:
        parts.mark_demand.follow_rules(center)
    dialogs: list[AlertsDialog] = []

    def decimals(symbol: str) -> int | None:
        contract = parts.watchlist.catalog.get(symbol)
        return contract.price_decimals if contract is not None else None

    def price_of(symbol: str) -> Decimal | None:
        quote = book.quote(symbol)
        return quote.ticker.close if quote is not None else None

    def symbols() -> list[str]:
        shown = parts.watchlist.symbols()
        return shown + sorted(set(parts.client.symbols) - set(shown))

    history = AlertHistoryModel(parts.settings.alert_history, parent=window)

    def remember_history() -> None:
        parts.settings = replace(parts.settings, alert_history=history.records())
        saver.schedule()

    def fired(alert: AlertFired) -> None:
        places = decimals(alert.symbol)
        history.add(record_of(alert, now=time.time(), demo=parts.options.demo, decimals=places))
        remember_history()
        if parts.settings.notifications:
            tray.notify(alert.title(), alert.text(places))
        tray.attention(alert.symbol)
        window.show_message(alert.text(places), "info")
        if parts.settings.alert_sound:
            QApplication.beep()

    def rules_changed() -> None:
        parts.settings = replace(parts.settings, alerts=center.rules())
        saver.schedule()
        window.model.refresh_alerts()

    def new_alert(symbol: str) -> None:
        open_alert_editor(
            center, symbols(), symbol=symbol, price_of=price_of, decimals=decimals, parent=window
        )

    def set_sound(on: bool) -> None:
        parts.settings = replace(parts.settings, alert_sound=on)
        saver.schedule()

    def show_alerts() -> None:
        if not dialogs:
            panel = AlertHistoryPanel(history)
            panel.cleared.connect(remember_history)
            panel.message.connect(lambda text: window.show_message(text, "info"))
            dialog = AlertsDialog(
                center,
                symbols,
                price_of=price_of,
                decimals=decimals,
                sound=parts.settings.alert_sound,
                history=panel,
                parent=window,
            )
            dialog.soundToggled.connect(set_sound)
            dialogs.append(dialog)
        dialogs[0].open()
        dialogs[0].raise_()

    window.model.set_alert_levels(center.nearest_level, center.rules_for)
    center.alertFired.connect(fired)
    center.rulesChanged.connect(rules_changed)
    window.alertRequested.connect(new_alert)
    window.alertsRequested.connect(show_alerts)
    tray.alertRequested.connect(new_alert)
    return center


def _exchange_of(settings: Settings) -> tuple[str | None, str | None, bool]:
    return settings.ws_url, settings.rest_url, settings.testnet


def _wire_preferences(parts: Parts, app: QApplication) -> None:
    """Theme and colour convention from the settings, and the Preferences dialog
    (Ctrl+, / the platform's Preferences key), whose changes apply at once and are saved.
    A new language or exchange rebuilds the windows (``run``)."""
    window, tray, saver = parts.window, parts.tray, parts.saver
    theme = Theme(app, parts.settings.theme, parent=window)
    theme.applied.connect(lambda _dark: tray.refresh())  # the strip's colours are HTML
    apply_convention(parts.settings.color_convention)
    window.model.set_flash_enabled(parts.settings.tick_flash)
    window.flash_action.setChecked(parts.settings.tick_flash)
    dialogs: list[PreferencesDialog] = []

    def current() -> Preferences:
        return Preferences.of(replace(parts.settings, rotation_interval=tray.rotation_interval()))

    def apply(prefs: Preferences) -> None:
        before = parts.settings
        parts.settings = prefs.into(before)
        # Every text is rebuilt in a new language, and a new exchange means a new client:
        # both make the windows anew (saved first, so nothing the user made is lost).
        rebuild = prefs.language != before.language or (
            _exchange_of(parts.settings) != _exchange_of(before)
            and not (parts.options.demo or parts.options.endpoints_explicit)
            and parts.options.replay is None
        )
        tray.set_rotation_interval(prefs.rotation_interval)
        window.model.set_flash_enabled(prefs.tick_flash)
        window.flash_action.setChecked(prefs.tick_flash)
        apply_convention(prefs.color_convention)
        if prefs.theme != theme.theme():
            theme.set_theme(prefs.theme)
        tray.refresh()
        saver.schedule()
        if rebuild:
            parts.rebuild = relaunch_options(parts)
            parts.quit_event.set()

    def flash_toggled(on: bool) -> None:  # the View menu's switch
        parts.settings = replace(parts.settings, tick_flash=on)
        saver.schedule()

    def show_preferences() -> None:
        if not dialogs:
            dialog = PreferencesDialog(
                current(),
                autostart=autostart_here(parts.options.config_dir),
                allow_insecure=parts.options.allow_insecure,
                parent=window,
            )
            dialog.changed.connect(apply)
            dialog.message.connect(lambda text: window.show_message(text, "error"))
            dialogs.append(dialog)
        dialogs[0].load(current())
        dialogs[0].open()
        dialogs[0].raise_()

    action = QAction(QCoreApplication.translate("Preferences", "Preferences…"), window)
    action.setObjectName("preferencesAction")
    action.setShortcuts(
        [QKeySequence(QKeySequence.StandardKey.Preferences), QKeySequence("Ctrl+,")]
    )
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(show_preferences)
    window.addAction(action)  # the shortcut works even with the menu bar hidden
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(action)  # on macOS Qt moves it to the application menu
    window.flash_action.triggered.connect(flash_toggled)
    parts.preferences_action = action


async def _load_metadata(parts: Parts, rest: RestClient) -> None:
    """Contract list (live, else cached) and a price snapshot; never blocks the loop."""
    if parts.options.legacy_cache_dir is not None:  # once: the cache left the settings folder
        await asyncio.to_thread(
            move_legacy_cache, parts.options.legacy_cache_dir, parts.options.cache_dir
        )
    store = MetadataStore(parts.options.cache_dir, rest)
    picker = parts.window.picker
    try:
        catalog, source = await store.load()
    except RestError as exc:
        reason = str(exc)
        log.warning("contract list unavailable: %s", reason)
        if isinstance(picker, SymbolPicker):
            picker.set_unavailable_reason(reason)
        parts.window.contract_list_failed(reason)
        return
    _apply_catalog(parts, catalog, source)
    try:
        snapshot = await rest.ticker_24hr()
    except RestError as exc:
        log.info("no 24h snapshot: %s", exc)
        return
    watched = set(parts.watchlists.all_symbols())
    parts.book.seed(
        (t for t in snapshot if t.symbol in watched or t.symbol in catalog), time.time()
    )


async def _load_cached(parts: Parts, rest: RestClient) -> None:
    """A replay's contract list: the one saved by an earlier live run, if any."""
    cached = await MetadataStore(parts.options.cache_dir, rest).load_cached()
    if cached is not None:
        _apply_catalog(parts, cached, "live")  # not a failure to report: nothing was asked


def _apply_catalog(parts: Parts, catalog: ContractCatalog, source: str) -> None:
    parts.watchlist.catalog = catalog
    parts.contracts.set_catalog(catalog)
    parts.tray.set_catalog(catalog)
    parts.movers.panel.set_catalog(catalog)
    parts.window.model.refresh()
    picker = parts.window.picker
    if isinstance(picker, SymbolPicker):
        picker.set_source_text("" if source == LIVE else source)
    if source != LIVE:  # "cached from <when> UTC (exchange unreachable: …)"
        saved = source.removeprefix("cached from ").split(" (", 1)[0]
        parts.window.contract_list_failed(source, saved_at=saved)
    unknown = [s for s in parts.watchlists.all_symbols() if s not in catalog]
    if unknown:
        parts.window.show_message(
            translate(
                "app",
                "Binance does not list %1 (any more). They stay in your "
                "watchlist, greyed out, until you remove them.",
            ).replace("%1", ", ".join(unknown)),
            "warning",
        )


async def run(options: Options, app: QApplication, instance: InstanceServer | None = None) -> int:
    """Build, start, wait for Quit (menu, tray, SIGINT, SIGTERM), then shut down in order.

    ``instance`` answers later starts on the same settings folder (see ``main``). A new
    language in Preferences rebuilds every window in it, in this same process: the
    settings are saved first, so the watchlists, pins and window come back as they were.
    """
    while True:
        parts = await build(options, app)
        if instance is not None:
            _answer_later_starts(parts, instance)
        await serve(parts, settle_heap_after=SETTLE_HEAP_AFTER)
        if parts.rebuild is None:
            return 0
        options = parts.rebuild
        log.info("rebuilding the windows in the new language")


def relaunch_options(parts: Parts) -> Options:
    """The options a rebuild starts with: the window as it is now, Preferences open, and
    the exchange the settings now name (unless the command line named one)."""
    symbols = parts.options.symbols
    if symbols is not None:  # a --symbols run keeps what the user made of the list
        symbols = tuple(parts.watchlists.all_symbols())
    return replace(
        parts.options,
        symbols=symbols,
        minimized=not parts.window.isVisible(),
        record=None,  # a recording in progress ends with the old windows; none is overwritten
        open_preferences=True,
    )


def _answer_later_starts(parts: Parts, instance: InstanceServer) -> None:
    """A second ``miniticker`` on this settings folder: add its ``--symbols`` to the list
    shown, and bring the window to the front unless it was started ``--minimized``."""

    def requested(request: Request) -> None:
        added, problems = parts.watchlist.add(request.symbols)
        if added:
            log.info("added %s at another start's request", ", ".join(added))
        for text in problems:
            parts.window.show_message(text, "warning")
        if request.show:
            parts.window.showNormal()
            parts.window.raise_()
            parts.window.activateWindow()
            parts.tray.set_window_visible(True)

    instance.set_handler(requested)


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
            parts.tasks.append(asyncio.create_task(_load_cached(parts, rest), name="metadata"))
        else:
            parts.history.set_source(rest)  # candles for the sparklines, a task per symbol
            parts.tasks.append(asyncio.create_task(_load_metadata(parts, rest), name="metadata"))
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
