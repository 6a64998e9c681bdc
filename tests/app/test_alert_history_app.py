"""Alert history in the whole app: a fired alert is recorded with its exact price, shown
in the Alerts dialog, saved with the settings, kept across a restart and exportable."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

from desktop.app import Parts
from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.exchange.ticker import MiniTicker
from desktop.qt.alert_history_model import HistoryColumn
from desktop.simexchange.market import quantize
from desktop.simexchange.server import SimExchange
from desktop.ui.alerts_dialog import AlertsDialog
from tests.app.test_alerts_app import Watch, percent, scenario_in_app
from tests.conftest import QtLoop


def open_alerts(parts: Parts) -> AlertsDialog:
    parts.window.alerts_action.trigger()
    dialog = parts.window.findChild(AlertsDialog)
    assert isinstance(dialog, AlertsDialog) and dialog.history is not None
    return dialog


def test_a_fired_alert_is_kept_in_the_history_across_a_restart(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    fired_price: list[str] = []

    async def first_run(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        p0 = (await watch.first_prices("BTCUSDT"))["BTCUSDT"]
        rule = AlertRule("BTCUSDT", AlertKind.ABOVE, quantize(percent(p0, "2"), Decimal("0.1")))
        watch.center.add_rule(rule)
        target = await watch.force(exchange, "BTCUSDT", percent(p0, "3"))
        assert len(watch.fired_for(rule)) == 1
        event = watch.fired_for(rule)[0].event
        assert isinstance(event, MiniTicker)
        fired_price.append(event.close_text)
        assert Decimal(fired_price[0]) == target

        dialog = open_alerts(parts)
        model = dialog.history.model  # type: ignore[union-attr]
        assert model.rowCount() == 1
        assert model.index(0, HistoryColumn.SYMBOL).data() == "BTCUSDT"
        assert model.index(0, HistoryColumn.PRICE).data() == fired_price[0], "exact string"
        assert "above" in model.index(0, HistoryColumn.RULE).data()
        exported = tmp_path / "history.csv"
        assert await dialog.history.export_to(exported)  # type: ignore[union-attr]
        rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8"))))
        assert [(r["symbol"], r["price"], r["demo"]) for r in rows] == [
            ("BTCUSDT", fired_price[0], "False")
        ]

    scenario_in_app(qt_loop, qapp, tmp_path, first_run, seed=21)

    data = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert [(r["symbol"], r["price"]) for r in data["alert_history"]] == [
        ("BTCUSDT", fired_price[0])
    ]

    async def second_run(exchange: SimExchange, parts: Parts, watch: Watch) -> None:
        dialog = open_alerts(parts)
        model = dialog.history.model  # type: ignore[union-attr]
        assert model.rowCount() == 1
        assert model.index(0, HistoryColumn.PRICE).data() == fired_price[0]
        dialog.history.clear_button.click()  # type: ignore[union-attr]
        assert model.rowCount() == 0

    scenario_in_app(qt_loop, qapp, tmp_path, second_run, seed=22)
    data = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert data["alert_history"] == [], "a cleared history stays cleared"
