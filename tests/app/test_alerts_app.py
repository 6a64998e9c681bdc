"""Price alerts in the whole app against the simulated exchange: each kind fires once at
the cross, hysteresis and cooldown hold, once vs re-arm, a cross while disconnected fires
once and says so (only when the symbol's own connection was down: not for a quiet
symbol, nor for another connection's outage), and alerts survive a restart."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.app import Parts, build, serve
from desktop.exchange.alert_engine import AlertFired
from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.exchange.symbols import stream_name
from desktop.exchange.ticker import MiniTicker
from desktop.qt.alerts import AlertCenter
from desktop.qt.quotes import DEFAULT_CADENCE
from desktop.qt.watchlist_model import Column
from desktop.simexchange.market import quantize
from desktop.simexchange.server import SimExchange
from desktop.stream.client import StreamClient
from desktop.stream.status import ConnState
from desktop.ui.alerts_dialog import AlertEditor, AlertsDialog
from tests.app.test_app import live_client, options_for, start
from tests.conftest import QtLoop, wait_for

# Without a window manager the offscreen platform cannot raise or activate windows.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise|propagateSizeHints)\(\)",
    r"This plugin does not support grabbing the (keyboard|mouse)",
)


class Watch:
    """What the test sees of the running app: every event the client delivered per
    symbol (a real listener of the real client) and every alert that fired."""

    def __init__(self, parts: Parts) -> None:
        self.parts = parts
        self.prices: dict[str, list[Decimal]] = {}
        self.fired: list[AlertFired] = []
        parts.client.add_ticker_listener(self._on_tickers)
        self.center.alertFired.connect(self.fired.append)

    @property
    def center(self) -> AlertCenter:
        assert self.parts.alerts is not None
        return self.parts.alerts

    def _on_tickers(self, events: object, _received: float) -> None:
        for event in events:  # type: ignore[attr-defined]
            self.prices.setdefault(event.symbol, []).append(event.close)

    def count(self, symbol: str) -> int:
        return len(self.prices.get(symbol, []))

    def fired_for(self, rule: AlertRule) -> list[AlertFired]:
        return [f for f in self.fired if f.rule.id == rule.id]

    async def first_prices(self, *symbols: str) -> dict[str, Decimal]:
        await wait_for(
            lambda: all(self.center.last_price(s) is not None for s in symbols),
            what="a pushed price for " + ", ".join(symbols),
        )
        return {s: self.center.last_price(s) for s in symbols}  # type: ignore[misc]

    async def force(self, exchange: SimExchange, symbol: str, price: Decimal) -> Decimal:
        """Make ``price`` the next close of ``symbol`` and wait until the app got it."""
        state = exchange.market.state(symbol)
        assert state is not None
        target = quantize(price, state.tick)
        already = self.count(symbol)
        exchange.set_price(symbol, str(target))
        await wait_for(
            lambda: target in self.prices.get(symbol, [])[already:],
            what=f"{symbol} at {target}",
        )
        return target

    async def more_events(self, symbol: str, n: int = 5) -> None:
        """Let ``n`` more events of ``symbol`` arrive (the random walk goes on)."""
        goal = self.count(symbol) + n
        await wait_for(lambda: self.count(symbol) >= goal, what=f"{n} more {symbol} events")


#: ``tests.app.test_app.fast_client``'s settings, for a client made here.
FAST_CLIENT: dict[str, Any] = {
    "ping_interval": 1.0,
    "ping_timeout": 1.0,
    "data_timeout": 2.0,
    "backoff_initial": 0.05,
    "backoff_max": 0.5,
    "stable_after": 1.0,
}


async def start_with_client(
    exchange: SimExchange, config_dir: Path, app: object, **client: Any
) -> tuple[Parts, asyncio.Task[None]]:
    stream_client = StreamClient(exchange.endpoints, **{**FAST_CLIENT, **client})
    parts = await build(options_for(exchange, config_dir), app, client=stream_client)  # type: ignore[arg-type]
    task = asyncio.create_task(serve(parts))
    await wait_for(lambda: parts.window.isVisible(), what="serve() to show the window")
    return parts, task


def scenario_in_app(
    qt_loop: QtLoop,
    qapp: object,
    config_dir: Path,
    body: Callable[[SimExchange, Parts, Watch], object],
    *,
    seed: int,
    client: dict[str, Any] | None = None,
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.05, seed=seed) as exchange:
            if client is None:
                parts, task = await start(exchange, config_dir, qapp)
            else:
                parts, task = await start_with_client(exchange, config_dir, qapp, **client)
            try:
                await body(exchange, parts, Watch(parts))  # type: ignore[misc]
            finally:
                parts.quit_event.set()
                await task

    qt_loop.run(scenario())


def percent(value: Decimal, pct: str) -> Decimal:
    return value * (100 + Decimal(pct)) / 100


def test_each_kind_fires_once_at_the_cross_and_is_delivered(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def body(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        center = watch.center
        start_prices = await watch.first_prices("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT")
        btc = start_prices["BTCUSDT"]

        # "Alert…" on the BTCUSDT row opens the editor prefilled with the current price.
        assert parts.window.select_symbol("BTCUSDT")
        parts.window.alert_action.trigger()
        editor = parts.window.findChild(AlertEditor)
        assert isinstance(editor, AlertEditor) and editor.isVisible()
        assert editor.symbol() == "BTCUSDT"
        quote = parts.book.quote("BTCUSDT")
        assert quote is not None and Decimal(editor.threshold_edit.text()) == quote.ticker.close
        line = quantize(percent(btc, "5"), Decimal("0.1"))
        editor.threshold_edit.setText(f"{line:f}")
        editor.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        (above,) = center.rules()
        assert (above.kind, above.threshold) == (AlertKind.ABOVE, line)
        model = parts.window.model  # the row shows how far the new alert is
        assert model.index(model.row_of("BTCUSDT"), Column.ALERT).data().startswith("▲ ")

        eth = start_prices["ETHUSDT"]
        below = AlertRule("ETHUSDT", AlertKind.BELOW, quantize(percent(eth, "-5"), Decimal("0.01")))
        bnb_state = exchange.market.state("BNBUSDT")
        assert bnb_state is not None
        change_now = abs(start_prices["BNBUSDT"] - bnb_state.open) * 100 / bnb_state.open
        limit = (change_now + 3).quantize(Decimal(1))
        change = AlertRule("BNBUSDT", AlertKind.CHANGE_PCT, limit)
        move = AlertRule("SOLUSDT", AlertKind.MOVE_PCT, Decimal(3), window_minutes=5)
        for rule in (below, change, move):
            center.add_rule(rule)

        await watch.force(exchange, "BTCUSDT", percent(btc, "6"))
        await watch.force(exchange, "ETHUSDT", percent(eth, "-6"))
        await watch.force(exchange, "BNBUSDT", percent(bnb_state.open, str(limit + 1)))
        await watch.force(exchange, "SOLUSDT", percent(start_prices["SOLUSDT"], "4"))
        for symbol in ("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT"):
            await watch.more_events(symbol, 10)  # still beyond: no second firing

        for rule in (above, below, change, move):
            (alert,) = watch.fired_for(rule)
            assert not alert.during_gap
        assert "crossed above" in watch.fired_for(above)[0].text()
        assert "crossed below" in watch.fired_for(below)[0].text()
        assert "24h change passed ±" in watch.fired_for(change)[0].text()
        assert "rose" in watch.fired_for(move)[0].text()

        # Delivered: the strip (offscreen has no tray) shows the last one, the icon
        # jumps to its symbol and blinks until the menu is opened; the status bar says it.
        tray = parts.tray
        last = watch.fired[-1]
        assert tray.shown_symbol() == last.symbol and tray.is_blinking()
        strip = tray.strip()
        assert strip is not None and last.symbol in strip.banner_text()
        assert parts.window.statusBar().currentMessage().startswith(f"{last.symbol} ")
        tray.menu().aboutToShow.emit()
        assert not tray.is_blinking()

    scenario_in_app(qt_loop, qapp, tmp_path, body, seed=11)


def test_hysteresis_and_cooldown_keep_a_hovering_price_quiet(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def body(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        p0 = (await watch.first_prices("BTCUSDT"))["BTCUSDT"]
        # Line 5 % up, re-armed only 2 % below it, at most once a minute. The random walk
        # (0.08 % a push) never covers the 1 % margins used here during the test.
        rule = AlertRule(
            "BTCUSDT",
            AlertKind.ABOVE,
            quantize(percent(p0, "5"), Decimal("0.1")),
            hysteresis=quantize(p0 * Decimal("0.02"), Decimal("0.1")),
            cooldown=60.0,
        )
        watch.center.add_rule(rule)
        await watch.force(exchange, "BTCUSDT", percent(p0, "6"))
        assert len(watch.fired_for(rule)) == 1
        await watch.force(exchange, "BTCUSDT", percent(p0, "4"))  # under the line, not re-armed
        await watch.force(exchange, "BTCUSDT", percent(p0, "6"))
        await watch.more_events("BTCUSDT")
        assert len(watch.fired_for(rule)) == 1  # hysteresis
        await watch.force(exchange, "BTCUSDT", p0)  # re-armed: 5 % below the line
        await watch.force(exchange, "BTCUSDT", percent(p0, "6"))
        await watch.more_events("BTCUSDT")
        assert len(watch.fired_for(rule)) == 1  # a real cross, but inside the cooldown
        assert watch.center.state(rule.id) is not None

    scenario_in_app(qt_loop, qapp, tmp_path, body, seed=12)


def test_a_once_alert_fires_once_and_a_re_arming_one_at_every_cross(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def body(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        p0 = (await watch.first_prices("ETHUSDT"))["ETHUSDT"]
        line = quantize(percent(p0, "-3"), Decimal("0.01"))
        once = AlertRule("ETHUSDT", AlertKind.BELOW, line, rearm=False, cooldown=0.0)
        again = AlertRule("ETHUSDT", AlertKind.BELOW, line, rearm=True, cooldown=0.0)
        watch.center.add_rule(once)
        watch.center.add_rule(again)
        for _ in range(3):
            await watch.force(exchange, "ETHUSDT", percent(p0, "-4"))
            await watch.force(exchange, "ETHUSDT", p0)
        assert len(watch.fired_for(once)) == 1
        assert len(watch.fired_for(again)) == 3
        done = watch.center.rule(once.id)
        assert done is not None and done.is_done()
        assert str(watch.center.state(once.id)) == "fired"

    scenario_in_app(qt_loop, qapp, tmp_path, body, seed=13)


@pytest.mark.parametrize("fault", ["half-dead", "dropped"])
def test_a_cross_while_disconnected_fires_once_marked_as_such(
    qt_loop: QtLoop, qapp: object, tmp_path: Path, fault: str
) -> None:
    async def body(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        p0 = (await watch.first_prices("SOLUSDT"))["SOLUSDT"]
        rule = AlertRule("SOLUSDT", AlertKind.ABOVE, quantize(percent(p0, "5"), Decimal("0.01")))
        watch.center.add_rule(rule)
        before_gap = watch.count("SOLUSDT")
        exchange.set_half_dead(True)  # new connections stall: the gap lasts until revived
        if fault == "dropped":
            exchange.drop_all()
        await wait_for(
            lambda: parts.client.status.state is not ConnState.LIVE, what="the client noticing"
        )
        last_before = watch.prices["SOLUSDT"][-1]
        state = exchange.market.state("SOLUSDT")
        assert state is not None
        target = quantize(percent(p0, "8"), state.tick)
        exchange.set_price("SOLUSDT", str(target))
        ticks = exchange.stats.market_ticks
        await exchange.wait_until(lambda: exchange.stats.market_ticks >= ticks + 2)
        assert watch.fired_for(rule) == []  # nothing arrives while disconnected
        exchange.set_half_dead(False)
        await wait_for(lambda: watch.count("SOLUSDT") > before_gap + 1, what="prices again")
        await watch.more_events("SOLUSDT", 10)
        (alert,) = watch.fired_for(rule)
        assert alert.during_gap
        assert alert.previous == last_before
        assert "Crossed while disconnected" in alert.text()
        assert isinstance(alert.event, MiniTicker) and alert.event.close > rule.threshold

    scenario_in_app(qt_loop, qapp, tmp_path, body, seed=14)


def test_a_quiet_symbol_crossing_on_a_live_connection_is_not_marked_as_a_gap(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def body(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        p0 = (await watch.first_prices("ETHUSDT"))["ETHUSDT"]
        rule = AlertRule("ETHUSDT", AlertKind.ABOVE, quantize(percent(p0, "5"), Decimal("0.01")))
        watch.center.add_rule(rule)
        exchange.set_quiet("ETHUSDT")  # nobody trades it: nothing is pushed
        ticks = exchange.stats.market_ticks
        await exchange.wait_until(lambda: exchange.stats.market_ticks >= ticks + 2)
        quiet_from = watch.count("ETHUSDT")
        last = live_client(parts).last_events["ETHUSDT"].event_time
        btc = exchange.market.state("BTCUSDT")
        assert btc is not None
        # Quiet for longer than three of the real stream's cadences (what a quote takes
        # to look stale), by the exchange's own clock.
        quiet_ms = 3 * DEFAULT_CADENCE * 1000 + 100
        await exchange.wait_until(lambda: btc.event_time > last + quiet_ms, timeout=20)
        assert watch.count("ETHUSDT") == quiet_from
        assert parts.client.status.state is ConnState.LIVE
        await watch.force(exchange, "ETHUSDT", percent(p0, "6"))
        (alert,) = watch.fired_for(rule)
        assert not alert.during_gap
        assert "disconnected" not in alert.text()

    scenario_in_app(qt_loop, qapp, tmp_path, body, seed=17)


async def take_down_connection_of(exchange: SimExchange, parts: Parts, symbol: str) -> None:
    """Drop the connection carrying ``symbol`` and keep it down (its reconnects are
    refused as carrying too many streams) until ``bring_back``; the others stay live."""
    carrying = [c for c in live_client(parts).connections if stream_name(symbol) in c.desired]
    assert len(carrying) == 1 and len(carrying[0].desired) > 1
    exchange.max_streams_per_connection = 1
    assert exchange.drop_carrying(stream_name(symbol)) == 1
    await wait_for(lambda: carrying[0].state is not ConnState.LIVE, what="the drop noticed")
    refused = exchange.stats.handshakes_rejected
    await exchange.wait_until(lambda: exchange.stats.handshakes_rejected > refused)


async def bring_back(exchange: SimExchange, parts: Parts) -> None:
    exchange.max_streams_per_connection = 1024
    await wait_for(lambda: parts.client.status.state is ConnState.LIVE, what="live again")


#: Three streams a connection: the default watchlist's BNB and BTC (with the mark
#: prices of BTC, the pin) on one connection, ETH, SOL and XRP on another.
TWO_CONNECTIONS: dict[str, Any] = {"max_streams_per_connection": 3}


def test_a_symbol_is_not_marked_when_another_connection_drops(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def body(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        p0 = (await watch.first_prices("BNBUSDT", "SOLUSDT"))["BNBUSDT"]
        rule = AlertRule("BNBUSDT", AlertKind.ABOVE, quantize(percent(p0, "5"), Decimal("0.01")))
        watch.center.add_rule(rule)
        exchange.set_quiet("BNBUSDT")  # its next event is the cross
        await take_down_connection_of(exchange, parts, "SOLUSDT")
        assert parts.client.status.state is not ConnState.LIVE
        await watch.force(exchange, "BNBUSDT", percent(p0, "6"))
        (alert,) = watch.fired_for(rule)
        assert not alert.during_gap
        assert "disconnected" not in alert.text()
        await bring_back(exchange, parts)

    scenario_in_app(qt_loop, qapp, tmp_path, body, seed=18, client=TWO_CONNECTIONS)


def test_a_cross_while_the_symbols_own_connection_was_down_is_marked(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    async def body(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        p0 = (await watch.first_prices("SOLUSDT"))["SOLUSDT"]
        rule = AlertRule("SOLUSDT", AlertKind.ABOVE, quantize(percent(p0, "5"), Decimal("0.01")))
        watch.center.add_rule(rule)
        await take_down_connection_of(exchange, parts, "SOLUSDT")
        last_before = watch.prices["SOLUSDT"][-1]
        btc = watch.count("BTCUSDT")
        await watch.more_events("BTCUSDT")  # the other connection carries on meanwhile
        assert watch.count("BTCUSDT") > btc
        exchange.set_price("SOLUSDT", str(quantize(percent(p0, "8"), Decimal("0.01"))))
        ticks = exchange.stats.market_ticks
        await exchange.wait_until(lambda: exchange.stats.market_ticks >= ticks + 2)
        assert watch.fired_for(rule) == []  # nothing arrives while it is down
        await bring_back(exchange, parts)
        await watch.more_events("SOLUSDT", 3)
        (alert,) = watch.fired_for(rule)
        assert alert.during_gap
        assert alert.previous == last_before
        assert "Crossed while disconnected" in alert.text()

    scenario_in_app(qt_loop, qapp, tmp_path, body, seed=19, client=TWO_CONNECTIONS)


def test_alerts_and_the_sound_switch_survive_a_restart(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    saved: list[AlertRule] = []

    async def first_run(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        p0 = (await watch.first_prices("BTCUSDT"))["BTCUSDT"]
        once = AlertRule("BTCUSDT", AlertKind.ABOVE, quantize(percent(p0, "2"), Decimal("0.1")))
        once = AlertRule(
            once.symbol, once.kind, once.threshold, rearm=False, cooldown=0.0, id="once"
        )
        watch.center.add_rule(once)
        watch.center.add_rule(
            AlertRule("ETHUSDT", AlertKind.MOVE_PCT, Decimal("2.50"), window_minutes=15, id="mv")
        )
        watch.center.add_rule(
            AlertRule("XRPUSDT", AlertKind.CHANGE_PCT, Decimal("7"), hysteresis=Decimal("0.5"))
        )
        watch.center.snooze("mv", 3600)
        await watch.force(exchange, "BTCUSDT", percent(p0, "3"))
        assert len(watch.fired_for(once)) == 1
        parts.window.alerts_action.trigger()
        dialog = parts.window.findChild(AlertsDialog)
        assert isinstance(dialog, AlertsDialog)
        dialog.sound_box.setChecked(True)
        saved.extend(watch.center.rules())

    scenario_in_app(qt_loop, qapp, tmp_path, first_run, seed=15)

    data = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in data["alerts"]][:2] == ["once", "mv"]
    assert data["alerts"][1]["threshold"] == "2.50"  # exact digits, as a string
    assert data["alerts"][0]["enabled"] is False and data["alerts"][0]["last_fired"]
    assert data["alert_sound"] is True

    async def second_run(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        assert watch.center.rules() == saved
        assert parts.settings.alert_sound is True
        done = watch.center.rule("once")
        assert done is not None and done.is_done()
        assert str(watch.center.state("mv")) == "snoozed"

    scenario_in_app(qt_loop, qapp, tmp_path, second_run, seed=16)
