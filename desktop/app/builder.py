"""``build``: construct every part of one run and wire them, talking to no network yet.

Which exchange, which watchlists and pins to start with (command line, else the settings
file), then the models, window, movers and tray; the wiring itself lives in ``wiring``,
``alerts`` and ``preferences``.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.app.alerts import wire_alerts
from desktop.app.parts import Parts
from desktop.app.preferences import wire_preferences
from desktop.app.wiring import wire, wire_file_menu, wire_recording
from desktop.exchange.endpoints import EndpointError, Endpoints, make_endpoints
from desktop.options import Options
from desktop.qt.contracts_model import ContractsModel
from desktop.qt.history import PriceHistory
from desktop.qt.language import Language
from desktop.qt.mark_demand import MarkDemand
from desktop.qt.marks import MarkBook
from desktop.qt.quotes import QuoteBook
from desktop.qt.settings_saver import SettingsSaver
from desktop.qt.watchlists import Watchlists
from desktop.settings.model import NamedWatchlist, Settings
from desktop.settings.store import SettingsStore
from desktop.stream.client import StreamClient
from desktop.stream.replay import ReplaySource
from desktop.ui.main_window import MainWindow
from desktop.ui.movers import MoversDock
from desktop.ui.symbol_picker import SymbolPicker
from desktop.ui.tray import TrayTicker
from desktop.ui.watchlist_tabs import WatchlistTabs

if TYPE_CHECKING:
    from desktop.simexchange.server import SimExchange

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


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
    # columns while one shows, the pins' tray funding, funding alert rules (wire_alerts).
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
    wire(parts, app)
    wire_file_menu(parts)
    parts.alerts = wire_alerts(parts)
    wire_preferences(parts, app)
    wire_recording(parts)
    for text in problems:
        window.show_message(text, "warning")
    return parts
