"""One screenshot scene: ``miniticker --demo`` built by the composition root, driven
from inside through its parts, and grabbed with Qt.

    python -m desktop.tools.scenes SCENE --out DIR --config-dir DIR

Run by ``desktop.tools.screenshots`` on its own X display, one fresh process and config
directory per scene, so nothing left open by one shot shows behind the next. A
developer tool: it waits with plain sleeps where the app gives no signal to wait on.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Final

import qasync
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop.app import Parts, build, serve
from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.options import Options
from desktop.qt.tray_icon import IconState, render_tray_icon
from desktop.qt.watchlist_cells import Column
from desktop.settings.model import NamedWatchlist, Settings
from desktop.settings.store import SettingsStore
from desktop.tools.hidpi import blank_sheet, hidpi_icon_sheet
from desktop.ui.watchlist_transfer import WatchlistTransfer

log = logging.getLogger(__name__)

WATCHLISTS: Final = (
    NamedWatchlist(
        "Majors",
        ("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "LINKUSDT", "AVAXUSDT"),
    ),
    NamedWatchlist("Memes & L1s", ("1000PEPEUSDT", "WIFUSDT", "SUIUSDT", "APTUSDT")),
)
PINS: Final = ("BTCUSDT", "ETHUSDT")
WINDOW_SIZE: Final = (1270, 440)
MOVERS_SIZE: Final = (1270, 700)
SPARKLINES_HEIGHT: Final = 290
TRAY_MARGIN: Final = 16  # panel shown either side of the tray icon
PANEL_HEIGHT: Final = 28  # the tray host's panel (``screenshots.py`` starts it so)
#: Icon sheet: the sizes GNOME/KDE (22, 24) and Windows (32) trays ask for, enlarged.
SHEET_SIZES: Final = (22, 24, 32)
SHEET_ZOOM: Final = 4
PANEL: Final = QColor("#2b2b2b")  # a typical dark panel behind the icons


# -- waiting ---------------------------------------------------------------------------


async def until(what: str, predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"gave up waiting for {what} after {timeout} s")
        await asyncio.sleep(0.1)


async def prices_everywhere(parts: Parts, settle: float) -> None:
    """Every row has a price, then ``settle`` seconds for sparklines and flashes."""
    symbols = parts.watchlist.symbols()
    await until("a price in every row", lambda: all(parts.book.quote(s) for s in symbols))
    await asyncio.sleep(settle)


def grab_screen(rect: QRect) -> QPixmap:
    """What the X server shows in ``rect``: other windows (tray host, balloons) included."""
    screen = QGuiApplication.primaryScreen()
    return screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())


def save(pixmap: QPixmap | QImage, path: Path) -> None:
    if not pixmap.save(str(path)):
        raise RuntimeError(f"could not write {path}")
    log.info("wrote %s", path)


def tray_rect(parts: Parts) -> QRect:
    icon = parts.tray.system_tray_icon()
    if icon is None or not icon.geometry().isValid():
        raise RuntimeError("no tray icon on screen (is the tray host running?)")
    return icon.geometry()


# -- scenes ----------------------------------------------------------------------------


async def window_scene(parts: Parts, out: Path, settle: float) -> None:
    """The window with live prices, its table part (sparklines), and the real tray."""
    parts.window.resize(*WINDOW_SIZE)
    await prices_everywhere(parts, settle)
    shot = parts.window.grab()
    save(shot, out / "window.png")
    save(shot.copy(0, 0, shot.width(), SPARKLINES_HEIGHT), out / "sparklines.png")
    # Without a window manager the window stacks over the tray host's panel: away with it.
    parts.window.hide()
    await asyncio.sleep(0.5)
    icon = tray_rect(parts)
    around = QRect(icon.left() - TRAY_MARGIN, 0, icon.width() + 2 * TRAY_MARGIN, PANEL_HEIGHT)
    screen = QGuiApplication.primaryScreen().geometry()
    tray = grab_screen(around.intersected(screen)).toImage()
    save(
        tray.scaled(tray.size() * 4, mode=Qt.TransformationMode.FastTransformation),
        out / "tray.png",
    )


async def hidpi_scene(parts: Parts, out: Path, settle: float) -> None:
    """The window at 200 % (``QT_SCALE_FACTOR=2``, set by ``main``): text, sparklines and
    range glyphs drawn at device pixels; and the tray icon's 2× pixmaps."""
    parts.window.resize(*WINDOW_SIZE)
    await prices_everywhere(parts, settle)
    shot = parts.window.grab()
    if shot.devicePixelRatio() != 2.0:
        raise RuntimeError(f"the window was drawn at {shot.devicePixelRatio()}×, not 2×")
    save(shot, out / "window-hidpi.png")
    save(hidpi_icon_sheet(), out / "tray-icons-hidpi.png")


async def dark_scene(parts: Parts, out: Path, settle: float) -> None:
    parts.window.resize(*WINDOW_SIZE)
    await prices_everywhere(parts, settle)
    save(parts.window.grab(), out / "window-dark.png")


#: Scenes of the window under another colour convention (set in the scene's settings).
CONVENTIONS: Final = {"red-up": "red-up", "colour-blind": "blue-orange"}


async def convention_scene(parts: Parts, out: Path, settle: float) -> None:
    parts.window.resize(*WINDOW_SIZE)
    await prices_everywhere(parts, settle)
    name = next(s for s, c in CONVENTIONS.items() if c == parts.settings.color_convention)
    save(parts.window.grab(), out / f"window-{name}.png")


async def chinese_scene(parts: Parts, out: Path, settle: float) -> None:
    """简体中文 (the scene's settings choose it): the window, then the tray menu."""
    parts.window.resize(*WINDOW_SIZE)
    await prices_everywhere(parts, settle)
    save(parts.window.grab(), out / "window-zh.png")
    await tray_menu_scene(parts, out, 0.5, name="tray-menu-zh.png")


async def tray_menu_scene(
    parts: Parts, out: Path, settle: float, name: str = "tray-menu.png"
) -> None:
    """The tray menu as it opens over the desktop, the window put away."""
    await prices_everywhere(parts, settle)
    parts.window.hide()
    parts.tray.set_window_visible(False)
    menu = parts.tray.menu()
    icon = tray_rect(parts)
    width = menu.sizeHint().width()
    menu.popup(QPoint(icon.right() - width, icon.bottom() + 2))
    await until("the tray menu", menu.isVisible)
    await asyncio.sleep(0.5)
    area = menu.geometry().united(icon).adjusted(-12, -4, 4, 12)
    save(grab_screen(area), out / name)
    menu.hide()


async def picker_scene(parts: Parts, out: Path, settle: float) -> None:
    await prices_everywhere(parts, 1.0)
    parts.window.add_action.trigger()
    picker = parts.window.picker
    assert picker is not None
    await until("the symbol picker", picker.isVisible)
    picker.search_edit.setText("eth")  # type: ignore[attr-defined]
    await asyncio.sleep(settle / 3)
    save(picker.grab(), out / "picker.png")
    picker.reject()


async def alert_scene(parts: Parts, out: Path, settle: float) -> None:
    """An alert on BTCUSDT fires: the notification, the window's status line."""
    parts.window.resize(*WINDOW_SIZE)
    await prices_everywhere(parts, settle / 2)
    center, exchange = parts.alerts, parts.exchange
    assert center is not None and exchange is not None
    quote = parts.book.quote("BTCUSDT")
    assert quote is not None
    tick = Decimal("0.1")
    line = (quote.ticker.close * Decimal("1.004")).quantize(tick)
    center.add_rule(AlertRule("BTCUSDT", AlertKind.ABOVE, line))
    fired: list[object] = []
    center.alertFired.connect(fired.append)
    exchange.set_price("BTCUSDT", str((line * Decimal("1.001")).quantize(tick)))
    await until("the alert", lambda: bool(fired))
    await asyncio.sleep(1.0)  # the balloon fades in
    screen = QGuiApplication.primaryScreen().geometry()
    save(grab_screen(QRect(0, 0, screen.width(), WINDOW_SIZE[1])), out / "alert.png")


async def movers_scene(parts: Parts, out: Path, settle: float) -> None:
    parts.window.resize(*MOVERS_SIZE)
    parts.movers.show()
    await prices_everywhere(parts, settle)
    save(parts.window.grab(), out / "movers.png")


async def strip_scene(parts: Parts, out: Path, settle: float) -> None:
    """Where there is no tray: the strip (run without a tray host)."""
    strip = parts.tray.strip()
    if strip is None:
        raise RuntimeError("a tray is running: the strip shows only without one")
    parts.window.hide()
    await prices_everywhere(parts, settle)
    save(strip.grab(), out / "strip.png")


TRADINGVIEW_EXPORT: Final = (
    "###Majors,BINANCE:BTCUSDT.P,BINANCE:ETHUSDT.P,BINANCE:SOLUSDT.P,BINANCE:BTCUSD.P,"
    "###Watching,BINANCE:DOGEUSDT.P,BYBIT:WIFUSDT.P,BINANCE:SUIUSDT,BINANCE:NOSUCHUSDT.P,"
    "NASDAQ:AAPL,BINANCE:ALPACAUSDT.P\n"
)


async def import_scene(parts: Parts, out: Path, settle: float) -> None:
    """File ▸ Import of a TradingView export: the summary over the window."""
    parts.window.resize(*WINDOW_SIZE)
    await prices_everywhere(parts, 1.0)
    await until("the contract list", lambda: len(parts.watchlists.catalog) > 0)
    transfer = parts.window.findChild(WatchlistTransfer)
    assert isinstance(transfer, WatchlistTransfer)
    source = out / "tradingview-watchlist.txt"
    source.write_text(TRADINGVIEW_EXPORT, encoding="utf-8")
    try:
        await transfer.import_from(source)
    finally:
        source.unlink()
    summary = transfer.summary
    assert summary is not None
    summary.move(parts.window.geometry().center() - summary.rect().center())
    await asyncio.sleep(settle / 2)
    frame = parts.window.frameGeometry()
    save(grab_screen(frame), out / "import.png")


FUNDING_SIZE: Final = (1500, 300)


async def funding_scene(parts: Parts, out: Path, settle: float) -> None:
    """View ▸ Columns with the funding columns on; a quarterly shows its basis."""
    parts.window.resize(*FUNDING_SIZE)
    parts.watchlist.add(["BTCUSDT_261225"])
    columns = parts.window.table.columns
    for column in (Column.HIGH, Column.LOW, Column.RANGE):
        columns.set_user_hidden(column, True)  # room for the new ones in one shot
    for column in (Column.MARK, Column.INDEX, Column.FUNDING, Column.NEXT_FUNDING, Column.BASIS):
        columns.set_user_hidden(column, False)
    await prices_everywhere(parts, settle)
    save(parts.window.grab(), out / "funding.png")


Scene = Callable[[Parts, Path, float], Awaitable[None]]
SCENES: Final[dict[str, Scene]] = {
    "window": window_scene,
    "tray-menu": tray_menu_scene,
    "picker": picker_scene,
    "alert": alert_scene,
    "movers": movers_scene,
    "dark": dark_scene,
    "hidpi": hidpi_scene,
    "red-up": convention_scene,
    "colour-blind": convention_scene,
    "strip": strip_scene,
    "import": import_scene,
    "funding": funding_scene,
    "chinese": chinese_scene,
}
#: Scenes that show the system tray (the others are shot without a tray host).
TRAY_SCENES: Final = (
    "window",
    "tray-menu",
    "picker",
    "alert",
    "movers",
    "dark",
    "hidpi",
    "import",
    "funding",
    "red-up",
    "colour-blind",
    "chinese",
)


# -- the icon sheet (no app needed) ----------------------------------------------------


def icon_sheet() -> QImage:
    """Live, demo and offline icons at 22, 24 and 32 px, actual size and enlarged."""
    rows = [
        ("live", Decimal("2.31"), IconState.LIVE, False),
        ("live, down", Decimal("-1.27"), IconState.LIVE, False),
        ("demo", Decimal("2.31"), IconState.LIVE, True),
        ("offline", Decimal("2.31"), IconState.OFFLINE, False),
    ]
    label_w, gap = 110, 16
    cell = [size + gap + size * SHEET_ZOOM + 2 * gap for size in SHEET_SIZES]
    row_h = max(SHEET_SIZES) * SHEET_ZOOM + gap
    sheet, painter = blank_sheet(label_w + sum(cell), 28 + row_h * len(rows))
    x = label_w
    for size, width in zip(SHEET_SIZES, cell, strict=True):
        painter.drawText(x, 18, f"{size} px")
        x += width
    for r, (name, change, state, demo) in enumerate(rows):
        top = 28 + r * row_h
        painter.drawText(8, top + row_h // 2, name)
        x = label_w
        for size, width in zip(SHEET_SIZES, cell, strict=True):
            image = render_tray_icon(change, state, label="BTC", demo=demo, size_px=size)
            painter.drawImage(x, top + (row_h - size) // 2 - gap // 2, image)
            big = image.scaled(
                size * SHEET_ZOOM, size * SHEET_ZOOM, mode=Qt.TransformationMode.FastTransformation
            )
            painter.drawImage(x + size + gap, top, big)
            x += width
    painter.end()
    return sheet


# -- entry -----------------------------------------------------------------------------


def dark_palette() -> QPalette:
    """A dark desktop theme's palette (the Xvfb session has no desktop theme to ask)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#262626"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.Highlight, "#2f65ca"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.PlaceholderText, "#8a8a8a"),
        (roles.Mid, "#3c3c3c"),
        (roles.Dark, "#1a1a1a"),
        (roles.Light, "#4a4a4a"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def write_settings(config_dir: Path, scene: str) -> None:
    """A first run's settings, with two named watchlists and two pins."""
    settings = replace(
        Settings(),
        watchlist=[s for w in WATCHLISTS for s in w.symbols],
        watchlists=list(WATCHLISTS),
        pins=list(PINS),
        tray_notice_shown=True,
        rotation_interval=60.0,  # the longest allowed: BTCUSDT stays on the icon
        movers_shown=scene == "movers",
    )
    if scene in CONVENTIONS:
        settings = replace(settings, color_convention=CONVENTIONS[scene])
    if scene == "chinese":
        settings = replace(settings, language="zh_CN")
    SettingsStore(config_dir).save(settings)


async def run(scene: str, app: QApplication, out: Path, config_dir: Path, settle: float) -> None:
    if scene in TRAY_SCENES:
        # The tray host may still be starting: the icon needs it at build time.
        await until("a system tray", QSystemTrayIcon.isSystemTrayAvailable, timeout=15)
    parts = await build(Options(demo=True, config_dir=config_dir), app)
    task = asyncio.create_task(serve(parts), name="app")
    try:
        await until("the window", parts.window.isVisible)
        await SCENES[scene](parts, out, settle)
    finally:
        parts.quit_event.set()
        await task


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.tools.scenes")
    parser.add_argument("scene", choices=[*SCENES, "tray-icons"])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--config-dir", type=Path, required=True)
    parser.add_argument("--settle", type=float, default=6.0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.scene == "hidpi":
        os.environ["QT_SCALE_FACTOR"] = "2"  # read when the application starts
    QApplication.setApplicationName("MiniTicker")
    QApplication.setDesktopFileName("miniticker")
    app = QApplication(sys.argv[:1])
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)  # as main()
    if args.scene == "tray-icons":
        save(icon_sheet(), args.out / "tray-icons.png")
        return 0
    if args.scene == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    write_settings(args.config_dir, args.scene)
    qasync.run(run(args.scene, app, args.out, args.config_dir, args.settle))
    return 0


if __name__ == "__main__":
    sys.exit(main())
