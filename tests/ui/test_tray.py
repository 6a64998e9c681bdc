"""The tray mini ticker: pins drive tooltip, menu and strip; rotation; grey when not current."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from desktop.exchange.contracts import Contract, ContractCatalog
from desktop.exchange.ticker import MiniTicker
from desktop.qt.colors import Colors
from desktop.qt.quotes import QuoteBook
from desktop.qt.ticker_text import symbol_row
from desktop.qt.tray_icon import (
    DOWN_COLOR,
    FLAT_COLOR,
    IDLE_COLOR,
    OFFLINE_COLOR,
    STALE_COLOR,
    UP_COLOR,
)
from desktop.qt.watchlist import Watchlist
from desktop.stream.status import ClientStatus, ConnState
from desktop.ui import tray as tray_module
from desktop.ui.strip import MiniStrip
from desktop.ui.tray import TrayTicker

# The offscreen platform cannot raise windows, grab input for a popup menu or pass size
# hints to a window manager, and has no native tray; Qt says so as warnings that are no
# fault of the code under test.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
    r"QObject::connect: No such signal QPlatformNativeInterface::systemTrayWindowChanged",
)

T0 = 1_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> float:
        return self.now


class FakeSource:
    """Stands in for the stream client: hands ticks and statuses to the book's listeners."""

    def __init__(self) -> None:
        self.tickers: list[Callable[[Sequence[MiniTicker], float], None]] = []
        self.statuses: list[Callable[[Any], None]] = []

    def add_ticker_listener(self, fn: Callable[[Sequence[MiniTicker], float], None]) -> None:
        self.tickers.append(fn)

    def add_status_listener(self, fn: Callable[[Any], None]) -> None:
        self.statuses.append(fn)

    def add_error_listener(self, fn: Callable[[str], None]) -> None:
        pass

    def add_recovery_listener(self, fn: Callable[[str], None]) -> None:
        pass

    def status(self, status: ClientStatus) -> None:
        for fn in self.statuses:
            fn(status)


def contract(symbol: str, tick: str) -> Contract:
    return Contract(
        symbol, symbol, "PERPETUAL", "TRADING", symbol[:-4], "USDT", "COIN", 8, Decimal(tick)
    )


CATALOG = ContractCatalog(
    [contract("BTCUSDT", "0.10"), contract("ETHUSDT", "0.01"), contract("SOLUSDT", "0.001")]
)


def ticker(symbol: str, close: str, open_: str) -> MiniTicker:
    high, low = sorted((close, open_), key=Decimal, reverse=True)
    return MiniTicker(symbol, 1, close, open_, high, low, "1", "1")


class Market:
    """A quote book fed by hand, its clock, and the watchlist with pins."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.clock = Clock()
        self.source = FakeSource()
        self.book = QuoteBook(self.source, clock=self.clock)
        self.watchlist = Watchlist(
            ["BTCUSDT", "ETHUSDT", "SOLUSDT"], ["BTCUSDT", "ETHUSDT"], CATALOG
        )
        self.push(
            ticker("BTCUSDT", "97123.4", "94930"),
            ticker("ETHUSDT", "3411.2", "3500"),
            ticker("SOLUSDT", "181.5", "180"),
        )
        self.source.status(ClientStatus(ConnState.LIVE))

    def push(self, *events: MiniTicker) -> None:
        """Deliver ticks now and wait for the book's coalesced announcement."""
        with self.qtbot.waitSignal(self.book.quotesChanged):
            for fn in self.source.tickers:
                fn(events, self.clock.now)


@pytest.fixture
def market(qtbot: QtBot) -> Market:
    return Market(qtbot)


@pytest.fixture
def make_tray(market: Market) -> Iterator[Callable[..., TrayTicker]]:
    made: list[TrayTicker] = []

    def make(**options: Any) -> TrayTicker:
        options.setdefault("rotation_interval", 60.0)
        tray = TrayTicker(market.book, market.watchlist, CATALOG, clock=market.clock, **options)
        tray.show()
        made.append(tray)
        return tray

    yield make
    for tray in made:
        tray.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leaked = [w for w in QApplication.topLevelWidgets() if isinstance(w, MiniStrip)]
    assert not leaked, f"strips left open: {leaked}"


def icon_tile(icon: QIcon) -> int:
    image = icon.pixmap(QSize(16, 16), 1.0).toImage()
    return image.pixelColor(2, 1).rgb()


def symbol_texts(tray: TrayTicker) -> list[str]:
    """Menu entries above the first separator after the state line."""
    texts = [a.text() for a in tray.menu().actions()]
    return texts[1 : texts.index("")]


# -- presence -----------------------------------------------------------------------


def test_without_a_system_tray_the_strip_appears_and_shows_the_pins(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # the offscreen platform has none
    tray = make_tray()
    strip = tray.strip()
    assert not tray.uses_system_tray() and strip is not None
    qtbot.waitUntil(strip.isVisible)
    assert strip.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert strip.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert strip.text() == ("BTCUSDT 97,123.4 ▲ +2.31 %   ETHUSDT 3,411.20 ▼ −2.54 %  Live")
    assert strip.toolTip() == tray.tooltip()


def test_with_a_system_tray_the_icon_carries_tooltip_and_menu(
    make_tray: Callable[..., TrayTicker],
) -> None:
    tray = make_tray(use_system_tray=True)
    icon = tray.system_tray_icon()
    assert icon is not None and tray.strip() is None
    assert icon.toolTip() == tray.tooltip()
    assert icon.contextMenu() is tray.menu()
    assert icon_tile(icon.icon()) == UP_COLOR.rgb()


def test_left_click_on_the_tray_icon_toggles_the_window(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    tray = make_tray(use_system_tray=True)
    icon = tray.system_tray_icon()
    assert icon is not None
    with qtbot.waitSignal(tray.toggleWindowRequested):
        icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)


# -- tooltip and menu ---------------------------------------------------------------


def test_tooltip_lists_every_pin_at_tick_precision_and_the_state(
    make_tray: Callable[..., TrayTicker],
) -> None:
    tray = make_tray()
    assert tray.tooltip() == "BTCUSDT  97,123.4  ▲ +2.31 %\nETHUSDT  3,411.20  ▼ −2.54 %\nLive"


def test_pinning_and_unpinning_change_tooltip_and_menu(
    make_tray: Callable[..., TrayTicker], market: Market
) -> None:
    tray = make_tray()
    assert symbol_texts(tray) == ["BTCUSDT  97,123.4  ▲ +2.31 %", "ETHUSDT  3,411.20  ▼ −2.54 %"]
    market.watchlist.set_pinned("SOLUSDT", True)
    market.watchlist.set_pinned("BTCUSDT", False)
    assert symbol_texts(tray) == ["ETHUSDT  3,411.20  ▼ −2.54 %", "SOLUSDT  181.500  ▲ +0.83 %"]
    assert tray.tooltip().splitlines()[:2] == symbol_texts(tray)


def test_menu_entries_follow_new_prices(
    make_tray: Callable[..., TrayTicker], market: Market
) -> None:
    tray = make_tray()
    market.push(ticker("ETHUSDT", "3600", "3500"))
    assert symbol_texts(tray)[1] == "ETHUSDT  3,600.00  ▲ +2.86 %"


def test_choosing_a_symbol_in_the_menu_asks_for_the_window_at_that_symbol(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    tray = make_tray()
    eth = next(a for a in tray.menu().actions() if a.text().startswith("ETHUSDT"))
    with qtbot.waitSignal(tray.showWindowRequested) as blocker:
        eth.trigger()
    assert blocker.args == ["ETHUSDT"]


def test_window_and_quit_entries_emit_their_requests(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    tray = make_tray()
    actions = {a.text(): a for a in tray.menu().actions()}
    with qtbot.waitSignal(tray.toggleWindowRequested):
        actions["Show/Hide window"].trigger()
    tray.set_window_visible(True)
    assert "Hide window" in [a.text() for a in tray.menu().actions()]
    with qtbot.waitSignal(tray.quitRequested):
        actions["Quit MiniTicker"].trigger()


def test_without_pins_the_icon_is_neutral_and_says_how_to_pin(
    make_tray: Callable[..., TrayTicker], market: Market
) -> None:
    market.watchlist.set_pinned("BTCUSDT", False)
    market.watchlist.set_pinned("ETHUSDT", False)
    tray = make_tray()
    assert tray.tooltip().splitlines()[0] == "Pin a symbol (Ctrl+P) to show it here"
    assert icon_tile(tray.icon()) == IDLE_COLOR.rgb()
    assert tray.shown_symbol() == ""
    strip = tray.strip()
    assert strip is not None and "Pin a symbol (Ctrl+P)" in strip.text()
    hint = tray.menu().actions()[1]
    assert (hint.text(), hint.isEnabled()) == ("Pin a symbol (Ctrl+P) to show it here", False)


def test_demo_mode_says_so_in_tooltip_menu_and_strip(
    make_tray: Callable[..., TrayTicker],
) -> None:
    tray = make_tray(demo=True)
    assert tray.tooltip().splitlines()[0] == "DEMO — simulated prices"
    assert [a.text() for a in tray.menu().actions()[:2]] == [
        "DEMO — simulated prices",
        "Demo feed running",
    ]
    strip = tray.strip()
    assert strip is not None and strip.text().startswith("DEMO  BTCUSDT")


def test_the_menus_demo_line_is_readable_not_greyed_out(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    tray = make_tray(demo=True)
    demo = tray.menu_parts().demo_action()
    assert demo is not None and demo is tray.menu().actions()[0]
    # A disabled entry is painted in the palette's greyed-out text colour.
    assert demo.isEnabled() and demo.isVisible()
    assert demo.font().bold() and not demo.icon().isNull()  # the amber swatch
    with qtbot.waitSignal(tray.showWindowRequested) as blocker:
        demo.trigger()  # choosing it shows the window, which explains the demo too
    assert blocker.args == [""]
    assert make_tray().menu_parts().demo_action() is None  # a live run has no such line


def test_in_demo_a_running_feed_is_not_called_live_in_tooltip_menu_or_strip(
    make_tray: Callable[..., TrayTicker],
) -> None:
    demo, live = make_tray(demo=True), make_tray()
    demo_strip, live_strip = demo.strip(), live.strip()
    assert demo_strip is not None and live_strip is not None
    assert demo_strip.text().endswith("Demo feed running")
    assert "Live" not in demo_strip.text() and "Live" not in demo.tooltip()
    assert demo.tooltip().splitlines()[-1] == "Demo feed running"
    menu_texts = [action.text() for action in demo.menu().actions()]
    assert "Demo feed running" in menu_texts and "Live" not in menu_texts
    assert live_strip.text().endswith("Live"), "a live run still says Live"


def test_a_demo_notification_says_demo_in_its_title(make_tray: Callable[..., TrayTicker]) -> None:
    demo, live = make_tray(demo=True), make_tray()
    for tray in (demo, live):
        tray.notify("BTCUSDT price alert", "BTCUSDT crossed above 100,000.0: now 100,000.1.")
    demo_strip, live_strip = demo.strip(), live.strip()
    assert demo_strip is not None and live_strip is not None
    assert demo_strip.banner_text().startswith("<b>DEMO · BTCUSDT price alert</b>")
    assert live_strip.banner_text().startswith("<b>BTCUSDT price alert</b>")


# -- rotation -----------------------------------------------------------------------


def test_rotation_advances_through_the_pins_on_its_timer(
    make_tray: Callable[..., TrayTicker], market: Market, qtbot: QtBot
) -> None:
    market.watchlist.set_pinned("SOLUSDT", True)
    tray = make_tray(rotation_interval=0.05)
    assert tray.shown_symbol() == "BTCUSDT"
    assert icon_tile(tray.icon()) == UP_COLOR.rgb()
    qtbot.waitUntil(lambda: tray.shown_symbol() == "ETHUSDT")
    assert icon_tile(tray.icon()) == DOWN_COLOR.rgb()  # the icon follows the shown symbol
    qtbot.waitUntil(lambda: tray.shown_symbol() == "SOLUSDT")
    qtbot.waitUntil(lambda: tray.shown_symbol() == "BTCUSDT")


def test_pausing_keeps_the_symbol_and_resuming_rotates_again(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    tray = make_tray(rotation_interval=0.05)
    pause = next(a for a in tray.menu().actions() if a.text() == "Pause rotation")
    pause.trigger()
    assert tray.is_rotation_paused() and pause.isChecked()
    with qtbot.assertNotEmitted(tray.shownSymbolChanged, wait=250):
        pass
    tray.set_rotation_paused(False)
    assert not pause.isChecked()
    with qtbot.waitSignal(tray.shownSymbolChanged):
        pass


def test_rotation_interval_can_be_changed(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    tray = make_tray()
    assert tray.rotation_interval() == 60.0
    tray.set_rotation_interval(0.05)
    assert tray.rotation_interval() == 0.05
    qtbot.waitUntil(lambda: tray.shown_symbol() == "ETHUSDT")
    with pytest.raises(ValueError):
        tray.set_rotation_interval(0)


def test_unpinning_the_shown_symbol_moves_the_icon_to_another_pin(
    make_tray: Callable[..., TrayTicker], market: Market, qtbot: QtBot
) -> None:
    tray = make_tray()
    with qtbot.waitSignal(tray.shownSymbolChanged) as blocker:
        market.watchlist.set_pinned("BTCUSDT", False)
    assert blocker.args == ["ETHUSDT"]


# -- redraws, staleness, connection -------------------------------------------------


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[Decimal | None]:
    """The change of every tray icon drawn from now on, in order."""
    changes: list[Decimal | None] = []
    real = tray_module.make_icon

    def counting(change: Decimal | None, *args: Any, **kwargs: Any) -> QIcon:
        changes.append(change)
        return real(change, *args, **kwargs)

    monkeypatch.setattr(tray_module, "make_icon", counting)
    return changes


def test_icon_is_redrawn_only_when_its_shown_values_change(
    make_tray: Callable[..., TrayTicker], market: Market, drawn: list[Decimal | None]
) -> None:
    tray = make_tray()
    assert len(drawn) == 1
    market.push(ticker("BTCUSDT", "97130", "94930"))  # +2.317 %: still shows "2.3"
    market.push(ticker("ETHUSDT", "3000", "3500"))  # not the shown symbol
    assert len(drawn) == 1
    assert "97,130.0" in tray.tooltip()  # the tooltip did follow
    market.push(ticker("BTCUSDT", "98000", "94930"))  # +3.23 %: "3.2"
    assert len(drawn) == 2


def test_recently_shown_icons_are_kept_and_older_ones_drawn_again(
    make_tray: Callable[..., TrayTicker], market: Market, drawn: list[Decimal | None]
) -> None:
    tray = make_tray()
    kept = tray_module._ICON_CACHE_SIZE
    # Opens of 100 make closes of 100.1, 100.2, ... show "0.1", "0.2", ...: one icon each.
    closes = [f"{100 + step / 10:.1f}" for step in range(1, kept + 6)]
    for close in closes:
        market.push(ticker("BTCUSDT", close, "100"))
    assert len(drawn) == 1 + len(closes)
    for close in reversed(closes[-kept:]):  # the last ``kept`` values: none drawn again
        market.push(ticker("BTCUSDT", close, "100"))
    assert len(drawn) == 1 + len(closes)
    market.push(ticker("BTCUSDT", closes[0], "100"))  # shown longest ago: dropped
    assert len(drawn) == 2 + len(closes)
    assert icon_tile(tray.icon()) == UP_COLOR.rgb()


def icon_band(icon: QIcon, size: int, top: float, bottom: float) -> bytes:
    """Rows ``top``..``bottom`` (fractions of the height) of the icon drawn at ``size``."""
    image = icon.pixmap(QSize(size, size), 1.0).toImage()
    rows = image.copy(0, round(size * top), size, round(size * (bottom - top)))
    return bytes(rows.constBits())


@pytest.mark.parametrize("size", [22, 24, 32])
def test_the_icon_names_which_pin_it_shows(
    make_tray: Callable[..., TrayTicker], market: Market, size: int
) -> None:
    market.push(ticker("ETHUSDT", "3500", "3421"))  # +2.31 %, as BTCUSDT: the same number
    tray = make_tray()
    btc = tray.icon()
    tray.show_next()
    assert tray.shown_symbol() == "ETHUSDT"
    eth = tray.icon()
    assert icon_band(btc, size, 0, 0.45) != icon_band(eth, size, 0, 0.45)
    assert icon_band(btc, size, 0.55, 1) == icon_band(eth, size, 0.55, 1)


def test_a_move_that_rounds_to_zero_shows_flat_not_down(
    make_tray: Callable[..., TrayTicker], market: Market
) -> None:
    tray = make_tray()
    market.push(ticker("BTCUSDT", "99970", "100000"))  # −0.03 %: the icon shows "0.0"
    assert icon_tile(tray.icon()) == FLAT_COLOR.rgb()
    market.push(ticker("BTCUSDT", "99900", "100000"))  # −0.1 %: a move it can show
    assert icon_tile(tray.icon()) == DOWN_COLOR.rgb()


def test_a_stale_shown_symbol_greys_the_icon_and_the_tooltip_says_why(
    make_tray: Callable[..., TrayTicker], market: Market, qtbot: QtBot
) -> None:
    tray = make_tray()
    market.clock.now += 9  # no push for 9 s; the tray's own timer notices
    qtbot.waitUntil(lambda: "stale" in tray.tooltip(), timeout=3000)
    assert tray.tooltip().splitlines()[0] == (
        "BTCUSDT  97,123.4  ▲ +2.31 %  stale (no update for 9 s)"
    )
    assert icon_tile(tray.icon()) == STALE_COLOR.rgb()
    market.push(ticker("BTCUSDT", "97123.4", "94930"))
    assert icon_tile(tray.icon()) == UP_COLOR.rgb()


@pytest.mark.parametrize(
    ("status", "said"),
    [
        (
            ClientStatus(ConnState.OFFLINE, last_error="HTTP 451: restricted location"),
            "Offline: HTTP 451: restricted location",
        ),
        (
            ClientStatus(ConnState.RECONNECTING, attempt=3, last_error="connection reset"),
            "Reconnecting… (attempt 3): connection reset",
        ),
    ],
)
def test_a_lost_connection_greys_icon_and_strip_and_says_why(
    make_tray: Callable[..., TrayTicker], market: Market, status: ClientStatus, said: str
) -> None:
    tray = make_tray()
    market.source.status(status)
    assert icon_tile(tray.icon()) == OFFLINE_COLOR.rgb()
    assert tray.tooltip().splitlines()[-1] == said
    assert tray.menu().actions()[0].text() == said
    strip = tray.strip()
    assert strip is not None and strip.text().endswith(said)
    market.source.status(ClientStatus(ConnState.LIVE))
    assert icon_tile(tray.icon()) == UP_COLOR.rgb()


# -- the strip ----------------------------------------------------------------------


def test_double_clicking_the_strip_asks_for_the_window(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    strip = make_tray().strip()
    assert strip is not None
    with qtbot.waitSignal(strip.doubleClicked):
        qtbot.mouseDClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))


def test_double_click_maps_to_show_window_without_a_symbol(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    tray = make_tray()
    strip = tray.strip()
    assert strip is not None
    with qtbot.waitSignal(tray.showWindowRequested) as blocker:
        strip.doubleClicked.emit()
    assert blocker.args == [""]


def test_the_strip_can_be_dragged(make_tray: Callable[..., TrayTicker], qtbot: QtBot) -> None:
    strip = make_tray().strip()
    assert strip is not None
    start = strip.pos()
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.mouseMove(strip, QPoint(45, 35))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(45, 35))
    qtbot.waitUntil(lambda: strip.pos() == start + QPoint(40, 30))


def test_right_click_on_the_strip_opens_the_tray_menu(
    make_tray: Callable[..., TrayTicker], qtbot: QtBot
) -> None:
    tray = make_tray()
    strip = tray.strip()
    assert strip is not None
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(5, 5), strip.mapToGlobal(QPoint(5, 5))
    )
    QApplication.sendEvent(strip, event)
    qtbot.waitUntil(tray.menu().isVisible)
    tray.menu().hide()


def test_the_strips_colours_follow_the_desktop_palette(
    make_tray: Callable[..., TrayTicker], market: Market, qapp: QApplication
) -> None:
    strip = make_tray().strip()
    assert strip is not None
    light_up = Colors().swatch().up.color().name()
    light_html = strip.rows_html()
    assert light_up in light_html  # BTCUSDT is up
    original = qapp.palette()
    dark = QPalette(original)
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#eee")):
        dark.setColor(role, QColor(colour))
    try:
        qapp.setPalette(dark)
        row = symbol_row("BTCUSDT", market.book, CATALOG, market.clock.now)
        strip.set_content([row], "Live", connected=True, demo=False)
        dark_up = Colors().swatch().up.color().name()
        assert dark_up != light_up and dark_up in strip.rows_html()
    finally:
        qapp.setPalette(original)


def test_notify_shows_a_banner_on_the_strip(make_tray: Callable[..., TrayTicker]) -> None:
    tray = make_tray()
    tray.notify("MiniTicker keeps running", "Quit from this menu.")
    strip = tray.strip()
    assert strip is not None
    assert "MiniTicker keeps running" in strip.banner_text()


def test_closing_takes_the_strip_away_and_stops_listening(
    make_tray: Callable[..., TrayTicker], market: Market, qtbot: QtBot
) -> None:
    tray = make_tray()
    strip = tray.strip()
    assert strip is not None
    tray.close()
    assert tray.strip() is None and not strip.isVisible()
    tooltip = tray.tooltip()
    market.push(ticker("BTCUSDT", "99000", "94930"))
    market.watchlist.set_pinned("SOLUSDT", True)
    assert tray.tooltip() == tooltip
    tray.close()  # a second close is harmless
