"""The whole app, wired by the composition root, against the simulated exchange."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from desktop.app import Parts, build, serve
from desktop.exchange.symbols import ALL_MARKET_STREAM
from desktop.options import Options
from desktop.qt.watchlist_model import Column
from desktop.simexchange.server import SimExchange
from desktop.stream.client import StreamClient
from desktop.stream.status import ConnState
from tests.conftest import QtLoop, wait_for


def fast_client(exchange: SimExchange) -> StreamClient:
    return StreamClient(
        exchange.endpoints,
        ping_interval=1.0,
        ping_timeout=1.0,
        data_timeout=2.0,
        backoff_initial=0.05,
        backoff_max=0.5,
        stable_after=1.0,
    )


def options_for(exchange: SimExchange, config_dir: Path, **extra: object) -> Options:
    return Options(
        endpoints=exchange.endpoints,
        endpoints_explicit=True,
        config_dir=config_dir,
        **extra,  # type: ignore[arg-type]
    )


def live_client(parts: Parts) -> StreamClient:
    """The app's stream client (a replay has a ReplaySource instead)."""
    assert isinstance(parts.client, StreamClient)
    return parts.client


def last_text(parts: Parts, symbol: str) -> str:
    model = parts.window.model
    return str(model.index(model.row_of(symbol), Column.LAST).data() or "")


async def start(
    exchange: SimExchange, config_dir: Path, app: object, **extra: object
) -> tuple[Parts, asyncio.Task[None]]:
    assert isinstance(app, QApplication)
    parts = await build(
        options_for(exchange, config_dir, **extra), app, client=fast_client(exchange)
    )
    task = asyncio.create_task(serve(parts))
    await wait_for(lambda: parts.window.isVisible(), what="serve() to show the window")
    return parts, task


def test_first_run_streams_the_default_watchlist_and_saves_on_quit(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=1) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            await wait_for(
                lambda: all(
                    last_text(parts, s) not in ("", "—") for s in parts.watchlist.symbols()
                ),
                what="a price in every default row",
            )
            assert parts.watchlist.symbols() == [
                "BTCUSDT",
                "ETHUSDT",
                "BNBUSDT",
                "SOLUSDT",
                "XRPUSDT",
            ]
            assert parts.watchlist.pins() == ["BTCUSDT"]
            await wait_for(lambda: parts.window.statusBar().findChildren(QObject) is not None)
            parts.quit_event.set()
            await task
        saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
        assert saved["watchlist"][:5] == ["BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT"]
        assert saved["window_geometry"]

    qt_loop.run(scenario())


def test_adding_in_the_window_subscribes_and_removing_unsubscribes(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=2) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            # 5 symbols' mini tickers, and the mark prices of the pin (its tray funding)
            await wait_for(
                lambda: live_client(parts).status.streams == 6, what="6 streams acknowledged"
            )
            # the contract list arrives over REST, then the picker can add from it
            await wait_for(lambda: len(parts.watchlist.catalog) > 50, what="contract list")
            added, problems = parts.watchlist.add(["币安人生usdt", "btcusdt_261225", "NOPEUSDT"])
            assert added == ["币安人生USDT", "BTCUSDT_261225"]
            assert problems and "NOPEUSDT" in problems[0]
            await wait_for(
                lambda: (
                    "币安人生usdt@miniTicker" in exchange.stats.subscribed_streams()
                    and "btcusdt_261225@miniTicker" in exchange.stats.subscribed_streams()
                ),
                what="SUBSCRIBE at the server",
            )
            await wait_for(
                lambda: last_text(parts, "币安人生USDT") not in ("", "—"),
                what="a price in the new row",
            )
            assert exchange.stats.requests_with("SUBSCRIBE")
            parts.watchlist.remove(["ETHUSDT"])
            await wait_for(
                lambda: "ethusdt@miniTicker" not in exchange.stats.subscribed_streams(),
                what="UNSUBSCRIBE",
            )
            assert exchange.stats.requests_with("UNSUBSCRIBE")
            assert exchange.stats.connections_opened == 1  # no reconnect for any of it
            parts.quit_event.set()
            await task
        saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
        assert "币安人生USDT" in saved["watchlist"] and "ETHUSDT" not in saved["watchlist"]

    qt_loop.run(scenario())


def test_pins_drive_the_tray_stand_in_tooltip_and_menu(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=3) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            tray = parts.tray
            assert not tray.uses_system_tray()  # offscreen: the strip stands in
            strip = tray.strip()
            assert strip is not None and strip.isVisible()
            await wait_for(
                lambda: (
                    "BTCUSDT" in tray.tooltip() and ("▲" in tray.tooltip() or "▼" in tray.tooltip())
                ),
                what="a price line for the pinned BTCUSDT",
            )
            assert "ETHUSDT" not in tray.tooltip()
            parts.watchlist.set_pinned("ETHUSDT", True)
            await wait_for(
                lambda: "ETHUSDT" in tray.tooltip() and "ETHUSDT" in strip.text(),
                what="ETHUSDT pinned",
            )
            assert any("ETHUSDT" in action.text() for action in tray.menu().actions())
            parts.watchlist.set_pinned("BTCUSDT", False)
            await wait_for(lambda: "BTCUSDT" not in tray.tooltip(), what="BTCUSDT unpinned")
            assert not any("BTCUSDT" in action.text() for action in tray.menu().actions())
            parts.quit_event.set()
            await task
        saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
        assert saved["pins"] == ["ETHUSDT"]

    qt_loop.run(scenario())


def test_the_movers_panel_and_the_strip_come_back_where_they_were_left(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=6) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            strip = parts.tray.strip()
            assert strip is not None and not parts.movers.isVisible()  # first run
            parts.movers.show()
            strip.move_on_screen(40, 60)
            await wait_for(
                lambda: ALL_MARKET_STREAM in exchange.stats.subscribed_streams(),
                what="the movers' all-market stream",
            )
            parts.window.resize(1000, 700)
            parts.window.resizeDocks([parts.movers], [180], Qt.Orientation.Vertical)
            await wait_for(lambda: abs(parts.movers.height() - 180) <= 4, what="the dock resized")
            height = parts.movers.height()
            parts.window.hide()  # to the tray: the panel is still wanted
            parts.quit_event.set()
            await task
            saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
            assert saved["movers_shown"] is True and saved["strip_position"] == [40, 60]

            parts, task = await start(exchange, tmp_path, qapp)
            strip = parts.tray.strip()
            assert strip is not None and (strip.x(), strip.y()) == (40, 60)
            assert parts.movers.isVisible()
            await wait_for(lambda: parts.movers.height() == height, what="the dock's height back")
            await wait_for(
                lambda: (
                    live_client(parts).all_market
                    and ALL_MARKET_STREAM in exchange.stats.subscribed_streams()
                ),
                what="the all-market stream after the restart",
            )
            parts.movers.hide()
            parts.quit_event.set()
            await task
        saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
        assert saved["movers_shown"] is False and saved["strip_position"] == [40, 60]

    qt_loop.run(scenario())


def test_a_strip_position_off_every_screen_is_brought_back_on(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    (tmp_path / "settings.json").write_text('{"strip_position": [90000, -90000]}')

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=7) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            strip = parts.tray.strip()
            assert strip is not None
            screen = strip.screen().availableGeometry()
            assert screen.contains(strip.frameGeometry().topLeft())
            assert screen.contains(strip.frameGeometry().bottomRight())
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())


def test_a_corrupt_settings_file_is_kept_aside_and_the_user_is_told(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    (tmp_path / "settings.json").write_bytes(b'{"watchlist": ["BTCUSDT", "ETH')

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=4) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            banner = parts.window.banner
            assert banner.isVisibleTo(parts.window)
            assert "could not be read" in banner.label.text()
            assert parts.watchlist.symbols() == [
                "BTCUSDT",
                "ETHUSDT",
                "BNBUSDT",
                "SOLUSDT",
                "XRPUSDT",
            ]
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())
    backups = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == b'{"watchlist": ["BTCUSDT", "ETH'


def test_a_session_symbol_list_is_not_saved_over_the_users_watchlist(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=5) as exchange:
            parts, task = await start(exchange, tmp_path, qapp, symbols=("XAUUSDT", "1000PEPEUSDT"))
            assert parts.watchlist.symbols() == ["XAUUSDT", "1000PEPEUSDT"]
            assert parts.watchlist.pins() == ["XAUUSDT"]
            await wait_for(
                lambda: last_text(parts, "XAUUSDT") not in ("", "—"), what="TradFi price"
            )
            parts.quit_event.set()
            await task
        saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
        assert saved["watchlist"] == ["BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT"]

    qt_loop.run(scenario())


def test_closing_the_window_without_a_tray_quits_cleanly(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=6) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            assert not parts.tray.uses_system_tray()  # offscreen has no tray
            parts.window.close()
            await task  # serve() returns: shutdown ran
            assert parts.client.status.state is ConnState.OFFLINE
            assert exchange.stats.connections_open == 0
        assert (tmp_path / "settings.json").exists()

    qt_loop.run(scenario())


def test_the_table_takes_new_prices_before_sparklines_are_worked_out(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    # Qt calls slots in the order they were connected; the composition root connects
    # the table first, so a price is in the table before anything derived from it.
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=3) as exchange:
            parts, task = await start(exchange, tmp_path, qapp)
            order: list[str] = []
            parts.window.model.dataChanged.connect(
                lambda _tl, _br, roles=(): order.append("table") if not roles else None
            )
            parts.history.trendsChanged.connect(lambda _symbols: order.append("history"))
            await wait_for(lambda: "history" in order, what="a sparkline extended by a push")
            assert order.index("table") < order.index("history")
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())


def test_settle_heap_freezes_what_start_up_built() -> None:
    # In a process of its own: frozen objects stay frozen for the life of a process.
    code = (
        "import asyncio, gc\n"
        "from desktop.app import settle_heap\n"
        "kept = [[n] for n in range(1000)]\n"
        "asyncio.run(settle_heap(0))\n"
        "print(gc.get_freeze_count() >= 1000)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "True"
