"""Alert rules and their engine: each kind fires once at the cross, exactly, never while
merely beyond; hysteresis, cooldown, re-arm, snooze and gaps; JSON that never raises."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.exchange.alert_engine import AlertEngine, AlertFired, RuleState, rule_state
from desktop.exchange.alerts import (
    AlertKind,
    AlertRule,
    check_rule,
    describe_rule,
    rule_from_json,
    rules_from_json,
    rules_to_json,
)
from desktop.exchange.ticker import MiniTicker

D = Decimal
MINUTE = 60_000
T0 = 1_764_000_000_000  # ms


def event(price: str | Decimal, t: int, open_: str = "100", symbol: str = "BTCUSDT") -> MiniTicker:
    close = str(price)
    return MiniTicker(symbol, t, close, open_, close, close, "1", "1")


def run(
    engine: AlertEngine, prices: list[str], *, step: int = 1000, open_: str = "100"
) -> list[list[AlertFired]]:
    """Feed ``prices`` one second apart (from T0); the firings of each event."""
    return [engine.evaluate(event(p, T0 + i * step, open_)) for i, p in enumerate(prices)]


def fired_at(results: list[list[AlertFired]]) -> list[int]:
    return [i for i, fired in enumerate(results) if fired]


def rule(kind: AlertKind, threshold: str, **extra: Any) -> AlertRule:
    extra.setdefault("cooldown", 0.0)
    return AlertRule("BTCUSDT", kind, D(threshold), **extra)


# -- each kind fires once at the cross, not while beyond ----------------------------


def test_above_fires_once_when_the_price_reaches_the_line_not_while_it_stays_above() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "100")])
    results = run(engine, ["99", "99.5", "100", "101", "102", "100.5"])
    assert fired_at(results) == [2]  # reaching 100 exactly counts as crossing
    (alert,) = results[2]
    assert alert.value == D("100") and alert.previous == D("99.5")
    assert alert.text() == "BTCUSDT crossed above 100: now 100."
    assert alert.title() == "BTCUSDT price alert"
    assert not alert.during_gap


def test_below_fires_once_when_the_price_reaches_the_line_from_above() -> None:
    engine = AlertEngine([rule(AlertKind.BELOW, "100")])
    assert fired_at(run(engine, ["101", "100.01", "100", "99", "98"])) == [2]


def test_change_percent_fires_once_beyond_plus_or_minus_the_threshold() -> None:
    engine = AlertEngine([rule(AlertKind.CHANGE_PCT, "5")])  # open is 100
    results = run(engine, ["104", "104.99", "105", "106", "104.79", "100", "95.01", "95", "90"])
    assert fired_at(results) == [2, 7]
    assert results[2][0].text() == "BTCUSDT 24h change passed ±5 %: now +5.00 % at 105."
    assert results[7][0].value == D("-5")


def test_move_within_the_window_fires_once_and_a_slower_move_does_not() -> None:
    engine = AlertEngine([rule(AlertKind.MOVE_PCT, "2", window_minutes=5)])
    # 100 → 102 within two minutes: +2 % exactly.
    results = run(engine, ["100", "101", "102", "102.5", "103"], step=MINUTE)
    assert fired_at(results) == [2]
    (alert,) = results[2]
    assert alert.value == D("2") and alert.reference == D("100")
    assert alert.text() == "BTCUSDT rose 2.00 % within 5 min: from 100 to 102."

    slow = AlertEngine([rule(AlertKind.MOVE_PCT, "2", window_minutes=5)])
    path = ["100", "100.4", "100.8", "101.2", "101.6", "101.99", "102.1", "102.5"]
    assert fired_at(run(slow, path, step=MINUTE)) == []  # never 2 % inside any 5 minutes


def test_a_fall_within_the_window_says_fell() -> None:
    engine = AlertEngine([rule(AlertKind.MOVE_PCT, "1.5", window_minutes=1)])
    results = run(engine, ["200", "199", "197"], step=10_000)
    assert fired_at(results) == [2]
    assert results[2][0].value == D("-1.5")
    assert "fell 1.50 % within 1 min: from 200 to 197." in results[2][0].text()


def test_a_move_re_arms_once_the_start_of_the_move_leaves_the_window() -> None:
    engine = AlertEngine([rule(AlertKind.MOVE_PCT, "2", window_minutes=2)])
    # t=0 100, t=1 102 fires; t=2, t=3 flat at 102: at t=3 the 100 is older than 2 min.
    results = run(engine, ["100", "102", "102", "102", "102", "104.1"], step=MINUTE)
    assert fired_at(results) == [1, 5]
    assert results[5][0].reference == D("102")


# -- exact decimals ----------------------------------------------------------------


def test_thresholds_compare_exactly_where_floats_would_not() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "0.3", hysteresis=D("0"))])
    # In binary floating point 0.1 + 0.2 > 0.3; in decimals they are equal.
    assert fired_at(run(engine, ["0.29999999999999999999", "0.3"])) == [1]
    assert float("0.1") + float("0.2") != 0.3


def test_change_percent_is_judged_without_dividing() -> None:
    # open 3, close 3.15: exactly +5 %; 3.1499999… is just below and must not fire.
    engine = AlertEngine([rule(AlertKind.CHANGE_PCT, "5")])
    results = run(engine, ["3.0", "3.149999999999999999999999999999", "3.15"], open_="3")
    assert fired_at(results) == [2]


def test_trailing_zeros_and_exponents_do_not_matter() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "1E+2")])
    assert fired_at(run(engine, ["99.990", "100.00"])) == [1]


# -- hysteresis, cooldown, re-arm, snooze -------------------------------------------


def test_a_price_hovering_at_the_line_fires_once_until_it_is_back_below_the_hysteresis() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "100")])  # default hysteresis: 0.1
    hovering = ["99.95", "100", "99.95", "100.01", "99.91", "100.02", "99.9", "100"]
    assert fired_at(run(engine, hovering)) == [1]  # 99.9 is not *below* 100 − 0.1
    assert fired_at(run(engine, ["99.89", "100"], step=1000)) == []  # events not newer
    later = [engine.evaluate(event(p, T0 + 100_000 + i)) for i, p in enumerate(["99.89", "100"])]
    assert fired_at(later) == [1]


def test_an_explicit_hysteresis_in_percentage_points() -> None:
    engine = AlertEngine([rule(AlertKind.CHANGE_PCT, "5", hysteresis=D("1"))])
    path = ["100", "105", "104.5", "105", "104.01", "105", "103.99", "105"]
    assert fired_at(run(engine, path)) == [1, 7]


def test_a_cross_inside_the_cooldown_is_swallowed_and_disarms() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "100", cooldown=60.0)])
    seconds = {0: "99", 1: "100", 10: "99", 20: "101", 30: "101", 70: "101", 80: "99", 90: "100"}
    fired = [bool(engine.evaluate(event(p, T0 + s * 1000))) for s, p in sorted(seconds.items())]
    # fires at 1 s; the cross at 20 s is inside the 60 s cooldown; still above at 70 s
    # is no new cross; the cross at 90 s is.
    assert fired == [False, True, False, False, False, False, False, True]


def test_once_only_fires_once_and_switches_itself_off() -> None:
    once = rule(AlertKind.ABOVE, "100", rearm=False)
    engine = AlertEngine([once])
    assert fired_at(run(engine, ["99", "100", "99", "101", "99", "101"])) == [1]
    done = engine.rule(once.id)
    assert done is not None and done.is_done() and not done.enabled
    assert done.last_fired == T0 + 1000
    assert rule_state(done, engine.is_armed(once.id), 0) is RuleState.FIRED
    # Switched on again it arms afresh, from the last price (101: beyond, so not armed).
    engine.update(replace(done, enabled=True))
    assert engine.is_armed(once.id) is False
    later = [engine.evaluate(event(p, T0 + 10_000 + i * 1000)) for i, p in enumerate(["99", "100"])]
    assert fired_at(later) == [1]


def test_re_arming_fires_at_every_cross() -> None:
    engine = AlertEngine([rule(AlertKind.BELOW, "50", hysteresis=D("1"))])
    assert fired_at(run(engine, ["52", "50", "50.9", "49", "51.01", "50", "60", "40"])) == [1, 5, 7]


def test_a_snoozed_rule_swallows_crosses_until_the_snooze_ends() -> None:
    snoozed = rule(AlertKind.ABOVE, "100", snoozed_until=(T0 + 5000) / 1000)
    engine = AlertEngine([snoozed])
    assert fired_at(run(engine, ["99", "100", "99", "99", "99", "99", "100"])) == [6]
    assert rule_state(snoozed, True, (T0 + 1000) / 1000) is RuleState.SNOOZED


def test_a_disabled_rule_never_fires() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "100", enabled=False)])
    assert fired_at(run(engine, ["99", "101", "99", "101"])) == []


# -- gaps, staleness, rules added mid-stream ----------------------------------------


def test_a_cross_across_a_gap_fires_once_and_is_marked() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "100")])
    assert engine.evaluate(event("98.5", T0)) == []
    (alert,) = engine.evaluate(event("101.2", T0 + 30_000), gap=True)
    assert alert.during_gap and alert.previous == D("98.5")
    assert alert.text() == (
        "BTCUSDT crossed above 100: now 101.2. "
        "Crossed while disconnected (last price before the gap 98.5)."
    )
    assert engine.evaluate(event("101.3", T0 + 31_000)) == []


def test_events_not_newer_than_the_last_one_are_ignored() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "100")])
    engine.evaluate(event("99", T0 + 5))
    assert engine.evaluate(event("101", T0 + 5)) == []
    assert engine.evaluate(event("101", T0 + 4)) == []
    assert engine.last_event("BTCUSDT") == event("99", T0 + 5)


def test_a_rule_added_mid_stream_is_judged_from_the_last_price() -> None:
    engine = AlertEngine()
    engine.evaluate(event("99", T0))
    below_line = rule(AlertKind.ABOVE, "100")
    engine.add(below_line)
    assert engine.is_armed(below_line.id) is True
    assert len(engine.evaluate(event("100.5", T0 + 1))) == 1

    already_above = rule(AlertKind.ABOVE, "100", id="x")
    engine.add(already_above)  # the price is 100.5: beyond, so it waits for a real cross
    assert engine.is_armed("x") is False
    assert engine.evaluate(event("101", T0 + 2)) == []


def test_a_remembered_price_of_an_unwatched_symbol_primes_a_later_rule() -> None:
    engine = AlertEngine()
    engine.remember(event("99", T0))
    engine.remember(event("150", T0 - 1))  # older: not kept
    assert engine.last_event("BTCUSDT") == event("99", T0)
    engine.add(rule(AlertKind.ABOVE, "100"))
    assert engine.is_armed(engine.rules()[0].id) is True
    assert len(engine.evaluate(event("100.5", T0 + 1))) == 1


def test_a_remembered_implausible_price_does_not_prime_a_rule() -> None:
    engine = AlertEngine()
    engine.remember(event("1E+99", T0))
    engine.add(rule(AlertKind.ABOVE, "100", id="r"))
    armed_fresh = AlertEngine([rule(AlertKind.ABOVE, "100", id="r")]).is_armed("r")
    assert engine.is_armed("r") == armed_fresh, "as if no price were known"


def test_other_symbols_do_not_touch_a_rule() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "100")])
    engine.evaluate(event("99", T0))
    assert engine.evaluate(event("101", T0 + 1, symbol="ETHUSDT")) == []
    assert engine.is_armed(engine.rules()[0].id) is True


def test_a_rule_moved_to_another_symbol_or_removed_follows_along() -> None:
    moved = rule(AlertKind.ABOVE, "100", id="m")
    engine = AlertEngine([moved])
    engine.update(replace(moved, symbol="ETHUSDT"))
    assert fired_at(run(engine, ["99", "101"])) == []  # BTCUSDT no longer watched
    eth = [engine.evaluate(event(p, T0 + i, symbol="ETHUSDT")) for i, p in enumerate(["99", "101"])]
    assert fired_at(eth) == [1]
    engine.remove("m")
    assert engine.rules() == [] and engine.is_armed("m") is None
    assert engine.nearest_level("ETHUSDT", D("90"), D("90")) is None


def test_implausible_prices_are_ignored() -> None:
    engine = AlertEngine([rule(AlertKind.ABOVE, "100")])
    engine.evaluate(event("99", T0))
    assert engine.evaluate(event("1E+99", T0 + 1)) == []
    assert engine.evaluate(event("0", T0 + 2)) == []


# -- distance to the nearest alert -------------------------------------------------


def test_the_nearest_level_is_the_next_line_the_price_would_cross() -> None:
    engine = AlertEngine(
        [
            rule(AlertKind.ABOVE, "110"),
            rule(AlertKind.BELOW, "97"),
            rule(AlertKind.ABOVE, "99"),  # already above: not ahead of the price
            rule(AlertKind.MOVE_PCT, "1", window_minutes=5),
        ]
    )
    level = engine.nearest_level("BTCUSDT", D("100"), D("100"))
    assert level is not None and level.target == D("97")
    assert level.text() == "▼ 3.00 % to 97"
    engine.add(rule(AlertKind.CHANGE_PCT, "2"))  # open 100: lines at 102 and 98
    level = engine.nearest_level("BTCUSDT", D("100.5"), D("100"))
    assert level is not None and level.target == D("102")
    assert level.text(decimals=1) == "▲ 1.49 % to 102.0"
    level = engine.nearest_level("BTCUSDT", D("100.5"), D("100.37"))  # 100.37 × 1.02
    assert level is not None and level.target == D("102.3774")
    assert level.text(decimals=2) == "▲ 1.87 % to 102.38"  # a computed line is rounded
    assert engine.nearest_level("ETHUSDT", D("100"), D("100")) is None


def test_descriptions_read_as_sentences() -> None:
    assert describe_rule(rule(AlertKind.ABOVE, "97123.4"), 2) == "crosses above 97,123.40"
    assert describe_rule(rule(AlertKind.BELOW, "0.5")) == "crosses below 0.5"
    assert describe_rule(rule(AlertKind.CHANGE_PCT, "5.0")) == "24h change beyond ±5 %"
    assert (
        describe_rule(rule(AlertKind.MOVE_PCT, "2.50", window_minutes=15))
        == "moves 2.5 % within 15 min"
    )


# -- validation and JSON -----------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"symbol": "btc usdt"}, "characters a symbol never has"),
        ({"threshold": D("0")}, "above zero"),
        ({"threshold": D("NaN")}, "not a number"),
        ({"threshold": D("1E+20")}, "too large"),
        ({"threshold": D("1E-30")}, "decimal places"),
        ({"hysteresis": D("100")}, "smaller than the threshold"),
        ({"window_minutes": 5}, "only a move"),
        ({"cooldown": -1.0}, "cooldown"),
        ({"id": ""}, "id"),
    ],
)
def test_check_rule_says_what_is_wrong(change: dict[str, Any], why: str) -> None:
    with pytest.raises(ValueError, match=why):
        check_rule(replace(rule(AlertKind.ABOVE, "100"), **change))


def test_a_move_needs_a_window() -> None:
    with pytest.raises(ValueError, match="window"):
        check_rule(rule(AlertKind.MOVE_PCT, "2"))
    with pytest.raises(ValueError, match="window"):
        check_rule(rule(AlertKind.MOVE_PCT, "2", window_minutes=0))


def test_rules_round_trip_through_json_with_exact_digits() -> None:
    rules = [
        rule(AlertKind.ABOVE, "104250.10", id="a", last_fired=T0, snoozed_until=1.5e9),
        rule(AlertKind.MOVE_PCT, "2.5", window_minutes=15, rearm=False, id="b"),
        rule(AlertKind.CHANGE_PCT, "5", hysteresis=D("0.5"), enabled=False, id="c"),
    ]
    data = json.loads(json.dumps(rules_to_json(rules)))
    assert data[0]["threshold"] == "104250.10"
    assert rules_from_json(data) == (rules, [])


def test_bad_entries_are_dropped_with_a_message_and_good_ones_kept() -> None:
    good = rules_to_json([rule(AlertKind.ABOVE, "100", id="good")])[0]
    data = [
        good,
        {**good, "id": "x", "threshold": "lots"},
        {**good, "id": "y", "kind": "sideways"},
        {**good},  # same id again
        "BTCUSDT above 100",
        {**good, "id": "z", "threshold": 100.5, "cooldown": 30},  # numbers are fine
    ]
    rules, messages = rules_from_json(data)
    assert [r.id for r in rules] == ["good", "z"]
    assert rules[1].threshold == D("100.5") and rules[1].cooldown == 30.0
    (message,) = messages
    assert "alert 2: the threshold “lots” is not a number" in message
    assert "alert 3: unknown kind “sideways”" in message
    assert "alert 4: the same id" in message
    assert "alert 5: it is not an object" in message
    assert rules_from_json({"not": "a list"})[0] == []


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["above", "below", "change_pct", "move_pct", "BTCUSDT", "1.5", "1e3"])
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
rule_keys = st.sampled_from(
    [
        "id",
        "symbol",
        "kind",
        "threshold",
        "window_minutes",
        "rearm",
        "hysteresis",
        "cooldown",
        "snoozed_until",
        "enabled",
        "last_fired",
    ]
)
rule_like = st.dictionaries(rule_keys, json_scalars, max_size=11)


@settings(max_examples=300, deadline=None)
@given(data=st.lists(rule_like | json_values, max_size=6) | json_values)
def test_any_json_gives_valid_rules_that_round_trip_silently(data: Any) -> None:
    rules, messages = rules_from_json(data)
    assert all(check_rule(r) is r for r in rules)
    assert all(isinstance(m, str) and m.isprintable() for m in messages)
    again = rules_from_json(json.loads(json.dumps(rules_to_json(rules), allow_nan=False)))
    assert again == (rules, [])


def test_rule_from_json_never_raises_anything_but_value_error() -> None:
    values: list[Any] = [None, [], {"kind": ["above"]}, {"kind": "above", "threshold": 10**400}]
    for value in values:
        with pytest.raises(ValueError):
            rule_from_json(value)


# -- properties: price paths never fire more than once per cross --------------------

prices = st.integers(min_value=9_000, max_value=11_000).map(lambda n: D(n) / 100)


def crossed_up(before: Decimal, after: Decimal, line: Decimal) -> bool:
    return before < line <= after


@settings(max_examples=300, deadline=None)
@given(path=st.lists(prices, min_size=1, max_size=60), slack=st.sampled_from(["0", "0.1", "1"]))
def test_above_fires_only_at_crosses_and_re_arms_only_past_the_hysteresis(
    path: list[Decimal], slack: str
) -> None:
    line, hysteresis = D("100"), D(slack)
    engine = AlertEngine([rule(AlertKind.ABOVE, "100", hysteresis=hysteresis)])
    fired = [bool(engine.evaluate(event(p, T0 + i))) for i, p in enumerate(path)]
    crosses = sum(crossed_up(a, b, line) for a, b in pairwise(path))
    assert sum(fired) <= crosses
    last_fire: int | None = None
    for i, did in enumerate(fired):
        if not did:
            continue
        assert i > 0 and crossed_up(path[i - 1], path[i], line)
        if last_fire is not None:  # between two firings the price was back past the slack
            assert any(p < line - hysteresis for p in path[last_fire:i])
        last_fire = i
    # With no cooldown, every cross after a full re-arm fires: none is lost.
    armed = path[0] < line
    for i in range(1, len(path)):
        if armed and path[i] >= line:
            assert fired[i]
            armed = False
        elif not armed and path[i] < line - hysteresis:
            armed = True


@settings(max_examples=300, deadline=None)
@given(path=st.lists(prices, min_size=1, max_size=60), cooldown=st.integers(0, 30))
def test_firings_are_never_closer_than_the_cooldown(path: list[Decimal], cooldown: int) -> None:
    engine = AlertEngine([rule(AlertKind.BELOW, "100", cooldown=float(cooldown))])
    times = [i for i, p in enumerate(path) if engine.evaluate(event(p, T0 + i * 1000))]
    assert all(b - a >= cooldown for a, b in pairwise(times))


@settings(max_examples=200, deadline=None)
@given(path=st.lists(prices, min_size=1, max_size=60), window=st.integers(1, 5))
def test_a_move_fires_only_when_the_window_holds_that_move(
    path: list[Decimal], window: int
) -> None:
    engine = AlertEngine([rule(AlertKind.MOVE_PCT, "3", window_minutes=window)])
    step = 20_000  # three events a minute
    for i, price in enumerate(path):
        fired = engine.evaluate(event(price, T0 + i * step))
        span = [p for j, p in enumerate(path[: i + 1]) if (i - j) * step <= window * MINUTE]
        biggest = max(abs(price - q) * 100 / q for q in span)
        if fired:
            assert biggest >= 3
