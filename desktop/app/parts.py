"""What the composition root builds: ``Parts``, and the constants its modules share."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from desktop.exchange.endpoints import Endpoints
from desktop.options import Options
from desktop.qt.alerts import AlertCenter
from desktop.qt.contracts_model import ContractsModel
from desktop.qt.history import PriceHistory
from desktop.qt.language import Language
from desktop.qt.mark_demand import MarkDemand
from desktop.qt.quotes import QuoteBook
from desktop.qt.settings_saver import SettingsSaver
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlists import Watchlists
from desktop.settings.model import Settings
from desktop.settings.store import SettingsStore
from desktop.stream.client import StreamClient
from desktop.stream.replay import ReplaySource
from desktop.ui.main_window import MainWindow
from desktop.ui.movers import MoversDock
from desktop.ui.recording_menu import RecordingMenu
from desktop.ui.tray import TrayTicker
from desktop.wording import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.simexchange.server import SimExchange


TRAY_NOTICE = QT_TRANSLATE_NOOP(
    "app",
    "MiniTicker keeps running in the tray. Click the tray icon to bring the window "
    "back; choose Quit from its menu to exit.",
)

#: Seconds after start-up when what lives for the whole run is moved out of the garbage
#: collector's way (see ``settle_heap``).
SETTLE_HEAP_AFTER = 5.0


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
    alerts: AlertCenter | None = None  # set by ``wire_alerts``
    preferences_action: QAction | None = None  # set by ``wire_preferences``; for a menu
    recording: RecordingMenu | None = None  # File ▸ Record…; None in a replay
    rebuild: Options | None = None  # set when a new language asks for new windows
    mark_demand: MarkDemand | None = None  # whose mark prices are subscribed, and why
