"""The "funding rate beyond ±X %" alert: judged on mark price events, saved like the others."""

from __future__ import annotations

from decimal import Decimal

from desktop.exchange.alert_engine import AlertEngine
from desktop.exchange.alerts import (
    AlertKind,
    AlertRule,
    describe_rule,
    rule_from_json,
    rule_to_json,
    rules_from_json,
)
from desktop.exchange.funding import MarkPrice
from desktop.exchange.ticker import MiniTicker


def mark(
    rate: str, at: int, symbol: str = "BTCUSDT", next_funding: int = 1_800_000_000_000
) -> MarkPrice:
    return MarkPrice(
        symbol, at, "100000.0", "99990.0", "99990.0", rate, next_funding if rate else 0
    )


def rule(threshold: str = "0.05", **kw: object) -> AlertRule:
    return AlertRule("BTCUSDT", AlertKind.FUNDING_PCT, Decimal(threshold), cooldown=0, **kw)  # type: ignore[arg-type]


def test_funding_rule_fires_beyond_either_side_and_rearms_with_hysteresis() -> None:
    engine = AlertEngine([rule()])
    assert engine.evaluate_mark(mark("0.00010000", 1)) == []  # 0.01 %: armed
    fired = engine.evaluate_mark(mark("0.00050000", 2))  # 0.05 %: reached
    assert len(fired) == 1 and fired[0].value == Decimal("0.05")
    assert "longs pay shorts" in fired[0].text()
    assert fired[0].title() == "BTCUSDT funding alert"
    assert engine.evaluate_mark(mark("0.00060000", 3)) == []  # still beyond: fired already
    assert engine.evaluate_mark(mark("0.00046000", 4)) == []  # within the hysteresis
    assert engine.evaluate_mark(mark("0.00040000", 5)) == []  # back: armed again
    fired = engine.evaluate_mark(mark("-0.00075000", 6))
    assert len(fired) == 1 and fired[0].value == Decimal("-0.075")
    assert "shorts pay longs" in fired[0].text()


def test_funding_rule_ignores_price_events_and_contracts_without_funding() -> None:
    engine = AlertEngine([rule()])
    ticker = MiniTicker("BTCUSDT", 1, "1.0", "1.0", "1.0", "1.0", "1", "1")
    assert engine.evaluate(ticker) == []
    assert engine.evaluate_mark(mark("", 2)) == []
    assert engine.is_armed(engine.rules()[0].id) is None


def test_funding_rule_reads_and_writes_like_the_other_kinds() -> None:
    original = rule("0.1")
    data = rule_to_json(original)
    assert data["kind"] == "funding_pct" and data["threshold"] == "0.1"
    assert rule_from_json(data) == original
    assert describe_rule(original) == "funding rate beyond ±0.1 %"


def test_settings_written_before_funding_alerts_still_load() -> None:
    old = [
        {"id": "a1", "symbol": "BTCUSDT", "kind": "above", "threshold": "100000"},
        {"id": "a2", "symbol": "ETHUSDT", "kind": "change_pct", "threshold": "5"},
    ]
    rules, problems = rules_from_json(old)
    assert problems == [] and [r.kind for r in rules] == [AlertKind.ABOVE, AlertKind.CHANGE_PCT]
