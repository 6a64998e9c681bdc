"""Alerts in the settings file: read rule by rule, exact digits kept, bad ones named."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.settings.store import Settings, SettingsStore


def test_alerts_and_the_sound_switch_round_trip_with_exact_digits(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    rules = [
        AlertRule("BTCUSDT", AlertKind.ABOVE, Decimal("104250.10"), id="a"),
        AlertRule("ETHUSDT", AlertKind.MOVE_PCT, Decimal("2.5"), window_minutes=15, id="b"),
    ]
    store.save(Settings(alerts=rules, alert_sound=True))
    written = json.loads(store.path.read_text(encoding="utf-8"))
    assert written["alerts"][0]["threshold"] == "104250.10"
    loaded = store.load()
    assert loaded.messages == []
    assert loaded.settings.alerts == rules and loaded.settings.alert_sound is True


def test_a_bad_alert_costs_only_itself_and_is_named(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    good = {"id": "g", "symbol": "BTCUSDT", "kind": "below", "threshold": "90000"}
    bad = {"id": "b", "symbol": "BTCUSDT", "kind": "below", "threshold": "-1"}
    tmp_path.mkdir(exist_ok=True)
    store.path.write_text(
        json.dumps({"watchlist": ["BTCUSDT"], "alerts": [good, bad]}), encoding="utf-8"
    )
    loaded = store.load()
    assert [r.id for r in loaded.settings.alerts] == ["g"]
    assert loaded.settings.watchlist == ["BTCUSDT"]
    (message,) = loaded.messages
    assert "alert 2: the threshold must be above zero" in message


def test_alerts_that_are_not_a_list_leave_none(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.path.write_text(json.dumps({"alerts": {"BTCUSDT": 100}}), encoding="utf-8")
    loaded = store.load()
    assert loaded.settings.alerts == []
    assert "expected a list, found an object" in loaded.messages[0]
