"""Evaluating alert rules on every mini ticker event, exactly. Imports no Qt.

``AlertEngine.evaluate`` is pure bookkeeping over ``Decimal``: it never reads a clock
(cooldowns and snoozes are measured in exchange event time) and never divides when it
decides, it cross-multiplies, so "reaching the line" means exactly that.

Each rule fires on a *cross*, never merely while beyond its line: it is armed while the
value is on the near side, fires once when the value reaches the line, and re-arms only
after the value is back past the line by the hysteresis (see ``desktop.exchange.alerts``).
A cross inside the cooldown or a snooze is swallowed: it disarms the rule like a firing
would, so a price hovering at the line never fires late either.

The engine compares each event with the *last evaluated* one of its symbol, however
long ago that was: after a reconnect the first event is compared with the price before
the gap, so a cross that happened while disconnected fires once. Whether there was a
gap is the caller's to say (``gap=True``, which only marks the result): the exchange
pushes a symbol only when it changes, so the time between two events says nothing.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from typing import Final

from desktop.exchange.alerts import (
    EXACT,
    PRICE_KINDS,
    AlertKind,
    AlertRule,
    percent_text,
)
from desktop.exchange.display import format_percent, format_price
from desktop.exchange.funding import MarkPrice, funding_text
from desktop.exchange.ticker import MiniTicker
from desktop.wording import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

#: Events whose price lies outside 10^±30 are ignored: no contract trades there, and the
#: bound keeps every product exact in ``EXACT``'s precision.
_MAX_ADJUSTED_EXPONENT: Final = 30
_MINUTE_MS: Final = 60_000
_HUNDRED: Final = Decimal(100)


def _tr(text: str) -> str:
    return translate("Alerts", text)


@dataclass(frozen=True, slots=True)
class AlertFired:
    """One rule firing on one event.

    ``rule`` is the rule as it is after firing (``last_fired`` set; switched off when
    it fires once). ``value`` is what crossed: the price, the 24h change %, or the size
    of the move in % (``reference`` is then the price the move is measured from).
    ``previous`` is the price evaluated before this event — before the gap when
    ``during_gap``.
    """

    rule: AlertRule
    event: MiniTicker | MarkPrice  # a mark price event for a funding rule
    value: Decimal
    previous: Decimal | None
    reference: Decimal | None = None
    during_gap: bool = False

    @property
    def symbol(self) -> str:
        return self.event.symbol

    def title(self) -> str:
        """``BTCUSDT price alert`` (the notification's heading; ``text`` says the rest)."""
        if isinstance(self.event, MarkPrice):
            return translate("Alerts", "{symbol} funding alert").format(symbol=self.symbol)
        return translate("Alerts", "{symbol} price alert").format(symbol=self.symbol)

    def text(self, decimals: int | None = None) -> str:
        """What happened, in a sentence; a cross during a disconnect says so."""
        rule = self.rule
        if isinstance(self.event, MarkPrice):
            limit = percent_text(rule.threshold)
            rate = funding_text(self.event.rate_text)
            who = (
                translate("Alerts", "longs pay shorts")
                if self.value > 0
                else translate("Alerts", "shorts pay longs")
            )
            return translate(
                "Alerts", "{symbol} funding rate passed ±{limit} %: now {rate} ({who})."
            ).format(symbol=self.symbol, limit=limit, rate=rate, who=who)
        price = format_price(self.event.close, decimals)
        if rule.kind in PRICE_KINDS:
            if rule.kind is AlertKind.ABOVE:
                template = translate("Alerts", "{symbol} crossed above {line}: now {price}.")
            else:
                template = translate("Alerts", "{symbol} crossed below {line}: now {price}.")
            line = format_price(rule.threshold, decimals)
            text = template.format(symbol=self.symbol, line=line, price=price)
        elif rule.kind is AlertKind.CHANGE_PCT:
            limit = percent_text(rule.threshold)
            change = format_percent(self.value)
            text = translate(
                "Alerts", "{symbol} 24h change passed ±{limit} %: now {change} at {price}."
            ).format(symbol=self.symbol, limit=limit, change=change, price=price)
        else:
            if self.value > 0:
                template = translate(
                    "Alerts", "{symbol} rose {size} within {minutes} min: from {start} to {price}."
                )
            else:
                template = translate(
                    "Alerts", "{symbol} fell {size} within {minutes} min: from {start} to {price}."
                )
            size = format_percent(abs(self.value)).lstrip("+")
            start = format_price(self.reference, decimals) if self.reference is not None else "?"
            text = template.format(
                symbol=self.symbol,
                size=size,
                minutes=rule.window_minutes,
                start=start,
                price=price,
            )
        if self.during_gap:
            before = format_price(self.previous, decimals) if self.previous is not None else "?"
            text = translate(
                "Alerts", "{text} Crossed while disconnected (last price before the gap {before})."
            ).format(text=text, before=before)
        return text


@dataclass(frozen=True, slots=True)
class AlertLevel:
    """The price at which a symbol's nearest alert fires, seen from the current price."""

    rule: AlertRule
    target: Decimal
    percent: Decimal  # (target − price) / price × 100, signed; for display only

    def text(self, decimals: int | None = None) -> str:
        """``▲ 1.20 % to 100,000.0``. A line the user typed keeps its digits; a computed
        one (24h open ± Y %) is rounded to ``decimals`` for reading."""
        arrow = "▲" if self.percent >= 0 else "▼"
        size = format_percent(abs(self.percent)).lstrip("+")
        target = self.target
        if decimals is not None and self.rule.kind not in PRICE_KINDS:
            target = target.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
        return translate("Alerts", "{arrow} {size} to {price}").format(
            arrow=arrow, size=size, price=format_price(target, decimals)
        )


@dataclass(slots=True)
class _Measure:
    beyond: bool  # at or past the line: the rule fires if armed
    rearm: bool  # back past the line by the hysteresis: a fired rule arms again
    value: Decimal
    reference: Decimal | None = None


@dataclass(slots=True)
class _Track:
    """Per-rule state: armed or not (None before the first price), the move window."""

    armed: bool | None = None
    lows: deque[tuple[int, Decimal]] = field(default_factory=deque)  # rising prices
    highs: deque[tuple[int, Decimal]] = field(default_factory=deque)  # falling prices


class AlertEngine:
    """The rules and their armed state; ``evaluate`` decides which fire on an event."""

    def __init__(self, rules: Iterable[AlertRule] = ()) -> None:
        self._rules: dict[str, AlertRule] = {}
        self._by_symbol: dict[str, dict[str, None]] = {}  # symbol → its rule ids, in order
        self._tracks: dict[str, _Track] = {}
        self._last: dict[str, MiniTicker] = {}
        self._last_mark: dict[str, MarkPrice] = {}
        for rule in rules:
            self.add(rule)

    # -- rules ---------------------------------------------------------------------

    def rules(self) -> list[AlertRule]:
        return list(self._rules.values())

    def rule(self, rule_id: str) -> AlertRule | None:
        return self._rules.get(rule_id)

    def add(self, rule: AlertRule) -> None:
        if rule.id in self._rules:
            raise ValueError(f"an alert with id {rule.id} exists already")
        self._rules[rule.id] = rule
        self._by_symbol.setdefault(rule.symbol, {})[rule.id] = None
        self._prime(rule)

    def update(self, rule: AlertRule) -> None:
        """Replace the rule with the same id; its state starts afresh if the condition
        (symbol, kind, numbers, on/off) changed, and is kept for a snooze or a rename."""
        old = self._rules.get(rule.id)
        if old is None:
            raise KeyError(rule.id)
        self._rules[rule.id] = rule
        if old.symbol != rule.symbol:
            self._unindex(old)
            self._by_symbol.setdefault(rule.symbol, {})[rule.id] = None
        if _condition(old) != _condition(rule):
            self._prime(rule)

    def remove(self, rule_id: str) -> None:
        rule = self._rules.pop(rule_id, None)
        if rule is not None:
            self._unindex(rule)
        self._tracks.pop(rule_id, None)

    def _unindex(self, rule: AlertRule) -> None:
        ids = self._by_symbol.get(rule.symbol, {})
        ids.pop(rule.id, None)
        if not ids:
            self._by_symbol.pop(rule.symbol, None)

    def _rules_of(self, symbol: str) -> list[AlertRule]:
        return [self._rules[i] for i in self._by_symbol.get(symbol, ())]

    def is_armed(self, rule_id: str) -> bool | None:
        """True armed, False waiting to re-arm, None waiting for a first price."""
        track = self._tracks.get(rule_id)
        return None if track is None else track.armed

    def has_rules(self, symbol: str) -> bool:
        """True when at least one rule (enabled or not) watches ``symbol``."""
        return symbol in self._by_symbol

    def last_event(self, symbol: str) -> MiniTicker | None:
        """The last event evaluated for ``symbol``."""
        return self._last.get(symbol)

    def _prime(self, rule: AlertRule) -> None:
        """Fresh state, judged against the last known event if there is one."""
        track = self._tracks[rule.id] = _Track()
        if rule.kind is AlertKind.FUNDING_PCT:
            mark = self._last_mark.get(rule.symbol)
            funding = _measure_funding(rule, mark) if mark is not None and rule.enabled else None
            if funding is not None:
                track.armed = not funding.beyond
            return
        event = self._last.get(rule.symbol)
        if (
            rule.enabled
            and event is not None
            and _plausible(event.close)
            and _plausible(event.open)
        ):
            measure = _measure(rule, track, event)
            if measure is not None:
                track.armed = not measure.beyond

    # -- evaluation ----------------------------------------------------------------

    def remember(self, event: MiniTicker) -> None:
        """Keep ``event`` as its symbol's last, unjudged: for a symbol no rule watches.

        A rule added later starts from it (its plausibility is checked then); at the
        full market most events are of such symbols, and this is all they cost.
        """
        previous = self._last.get(event.symbol)
        if previous is None or event.event_time > previous.event_time:
            self._last[event.symbol] = event

    def evaluate(self, event: MiniTicker, *, gap: bool = False) -> list[AlertFired]:
        """The rules that fire on ``event``; call it for every event, in order.

        An event not newer than the last one of its symbol is ignored (never evaluate
        stale data twice), as is one whose price no contract could have.
        ``gap`` marks firings as having crossed while disconnected.
        """
        previous = self._last.get(event.symbol)
        if previous is not None and event.event_time <= previous.event_time:
            return []
        if not _plausible(event.close) or not _plausible(event.open):
            log.debug("ignored an implausible price for %s: %s", event.symbol, event.close)
            return []
        self._last[event.symbol] = event
        if event.symbol not in self._by_symbol:
            return []  # most symbols have no rule: nothing more to do
        fired: list[AlertFired] = []
        for rule in self._rules_of(event.symbol):
            if not rule.enabled:
                continue
            track = self._tracks[rule.id]
            measure = _measure(rule, track, event)
            if measure is None:
                continue
            done = self._step(rule, track, measure, event.event_time)
            if done is not None:
                fired.append(
                    AlertFired(
                        done,
                        event,
                        measure.value,
                        previous.close if previous is not None else None,
                        measure.reference,
                        gap,
                    )
                )
        return fired

    def evaluate_mark(self, mark: MarkPrice) -> list[AlertFired]:
        """The funding rules that fire on ``mark``; call it for every mark event, in order.

        A contract without funding (a quarterly) never fires one.
        """
        previous = self._last_mark.get(mark.symbol)
        if previous is not None and mark.event_time <= previous.event_time:
            return []
        self._last_mark[mark.symbol] = mark
        fired: list[AlertFired] = []
        for rule in self._rules_of(mark.symbol):
            if not rule.enabled or rule.kind is not AlertKind.FUNDING_PCT:
                continue
            measure = _measure_funding(rule, mark)
            if measure is None:
                continue
            done = self._step(rule, self._tracks[rule.id], measure, mark.event_time)
            if done is not None:
                fired.append(AlertFired(done, mark, measure.value, None))
        return fired

    def _step(
        self, rule: AlertRule, track: _Track, measure: _Measure, event_time: int
    ) -> AlertRule | None:
        """Arm, re-arm or fire ``rule`` on one measure: the rule as fired, or None.

        A rule fires on the cross (armed, then beyond), not while merely beyond; it
        re-arms once back past the line by its hysteresis, and a firing inside the
        cooldown or a snooze is swallowed.
        """
        if track.armed is None:
            track.armed = not measure.beyond
        elif not track.armed:
            track.armed = measure.rearm
        elif measure.beyond:
            track.armed = False
            if self._quiet(rule, event_time):
                return None
            done = replace(rule, last_fired=event_time, enabled=rule.rearm)
            self._rules[rule.id] = done
            return done
        return None

    @staticmethod
    def _quiet(rule: AlertRule, event_time: int) -> bool:
        """Inside the cooldown after the last firing, or snoozed (both in event time)."""
        if rule.last_fired is not None and event_time - rule.last_fired < rule.cooldown * 1000:
            return True
        return rule.is_snoozed(event_time / 1000)

    # -- distance ------------------------------------------------------------------

    def nearest_level(self, symbol: str, price: Decimal, open_: Decimal) -> AlertLevel | None:
        """The closest price at which an enabled rule of ``symbol`` would next fire.

        Price rules count while the price is on their near side, 24h-change rules by
        the prices ``open × (1 ± Y %)``; a move has no fixed level.
        """
        if price <= 0:
            return None
        best: tuple[Decimal, AlertRule, Decimal] | None = None
        for rule in self._rules_of(symbol):
            if not rule.enabled:
                continue
            for target in _levels(rule, price, open_):
                gap = EXACT.abs(EXACT.subtract(target, price))
                if best is None or gap < best[0]:
                    best = (gap, rule, target)
        if best is None:
            return None
        _, rule, target = best
        percent = (target - price) * _HUNDRED / price
        return AlertLevel(rule, target, percent)


def _condition(rule: AlertRule) -> tuple[object, ...]:
    return (
        rule.symbol,
        rule.kind,
        rule.threshold,
        rule.window_minutes,
        rule.effective_hysteresis,
        rule.enabled,
    )


def _plausible(price: Decimal) -> bool:
    return price > 0 and abs(price.adjusted()) <= _MAX_ADJUSTED_EXPONENT


def _levels(rule: AlertRule, price: Decimal, open_: Decimal) -> list[Decimal]:
    line = rule.threshold
    if rule.kind is AlertKind.ABOVE:
        return [line] if price < line else []
    if rule.kind is AlertKind.BELOW:
        return [line] if price > line else []
    if rule.kind is AlertKind.CHANGE_PCT and open_ > 0:
        up = EXACT.divide(EXACT.multiply(open_, _HUNDRED + line), _HUNDRED)
        down = EXACT.divide(EXACT.multiply(open_, _HUNDRED - line), _HUNDRED)
        return [t for t in (up, down) if down < price < up and t > 0]
    return []


def _measure(rule: AlertRule, track: _Track, event: MiniTicker) -> _Measure | None:
    """Where ``event`` stands against ``rule``; None when it cannot say (open is zero)."""
    price = event.close
    line = rule.threshold
    slack = rule.effective_hysteresis
    mul, sub = EXACT.multiply, EXACT.subtract
    if rule.kind is AlertKind.ABOVE:
        return _Measure(price >= line, price < sub(line, slack), price)
    if rule.kind is AlertKind.BELOW:
        return _Measure(price <= line, price > EXACT.add(line, slack), price)
    if rule.kind is AlertKind.FUNDING_PCT:
        return None  # judged on mark price events (``evaluate_mark``)
    if rule.kind is AlertKind.CHANGE_PCT:
        open_ = event.open
        if open_ <= 0:
            return None
        moved = mul(EXACT.abs(sub(price, open_)), _HUNDRED)  # |change %| × open
        percent = event.change_percent
        assert percent is not None
        return _Measure(moved >= mul(line, open_), moved < mul(sub(line, slack), open_), percent)
    return _measure_move(rule, track, event)


def _measure_funding(rule: AlertRule, mark: MarkPrice) -> _Measure | None:
    """Where ``mark``'s funding rate stands against ``rule``; None without funding."""
    if not mark.has_funding:
        return None
    percent = EXACT.multiply(Decimal(mark.rate_text), _HUNDRED)
    size = EXACT.abs(percent)
    line = rule.threshold
    return _Measure(size >= line, size < EXACT.subtract(line, rule.effective_hysteresis), percent)


def _measure_move(rule: AlertRule, track: _Track, event: MiniTicker) -> _Measure:
    """The largest move into ``event``'s price from any price in the window.

    Two monotonic deques hold the window's minimum and maximum candidates, so each event
    costs O(1) amortised however many events the window spans.
    """
    now, price = event.event_time, event.close
    assert rule.window_minutes is not None
    cutoff = now - rule.window_minutes * _MINUTE_MS
    lows, highs = track.lows, track.highs
    while lows and lows[-1][1] >= price:
        lows.pop()
    lows.append((now, price))
    while highs and highs[-1][1] <= price:
        highs.pop()
    highs.append((now, price))
    while lows[0][0] < cutoff:
        lows.popleft()
    while highs[0][0] < cutoff:
        highs.popleft()
    low, high = lows[0][1], highs[0][1]
    mul, sub = EXACT.multiply, EXACT.subtract
    rise = mul(sub(price, low), _HUNDRED)  # move % × low
    fall = mul(sub(high, price), _HUNDRED)  # move % × high
    line, slack = rule.threshold, rule.effective_hysteresis
    beyond = rise >= mul(line, low) or fall >= mul(line, high)
    rearm = rise < mul(sub(line, slack), low) and fall < mul(sub(line, slack), high)
    # Report the larger of the two moves, compared exactly: rise/low vs fall/high.
    if mul(rise, high) >= mul(fall, low):
        return _Measure(beyond, rearm, rise / low, low)
    return _Measure(beyond, rearm, -(fall / high), high)


class RuleState(StrEnum):
    """Where a rule stands, as the alerts list shows it."""

    WAITING = QT_TRANSLATE_NOOP("Alerts", "waiting for a price")
    ARMED = QT_TRANSLATE_NOOP("Alerts", "armed")
    REARMING = QT_TRANSLATE_NOOP("Alerts", "past the line; arms again when back")
    SNOOZED = QT_TRANSLATE_NOOP("Alerts", "snoozed")
    FIRED = QT_TRANSLATE_NOOP("Alerts", "fired")  # once-only, done
    OFF = QT_TRANSLATE_NOOP("Alerts", "off")

    def words(self) -> str:
        """The state as the alerts list shows it, in the user's language."""
        return _tr(self.value)


def rule_state(rule: AlertRule, armed: bool | None, now: float) -> RuleState:
    """``rule``'s state given the engine's ``is_armed`` and the time (epoch seconds)."""
    if rule.is_done():
        return RuleState.FIRED
    if not rule.enabled:
        return RuleState.OFF
    if rule.is_snoozed(now):
        return RuleState.SNOOZED
    if armed is None:
        return RuleState.WAITING
    return RuleState.ARMED if armed else RuleState.REARMING
