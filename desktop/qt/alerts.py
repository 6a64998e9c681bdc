"""The alert center: evaluates the user's alert rules on every pushed event.

It listens to the stream client directly, not to the quote book's coalesced flushes, so
every event is judged (a spike that lasts one push still fires). It also follows the
client's status to mark the first event after a disconnect: that event is compared
with the last price before the gap, and a cross found there says it happened while
disconnected.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from desktop.exchange.alert_engine import AlertEngine, AlertFired, AlertLevel, RuleState, rule_state
from desktop.exchange.alerts import AlertRule, check_rule
from desktop.exchange.ticker import MiniTicker
from desktop.stream.status import ClientStatus, ConnState

log = logging.getLogger(__name__)

#: A symbol whose events are further apart than this many cadences had a gap.
GAP_CADENCES = 3


class EventSource(Protocol):
    """What the center needs of a stream client (``desktop.stream.client.StreamClient``)."""

    def add_ticker_listener(self, fn: Callable[[Sequence[MiniTicker], float], None]) -> None: ...
    def add_status_listener(self, fn: Callable[[ClientStatus], None]) -> None: ...


class AlertCenter(QObject):
    """The alert rules, their evaluation on every event, and the firings.

    Rules are edited only through this object, so every change is announced.

    Signals:
        alertFired(object): an ``AlertFired``, as it happens, once per rule and cross.
        rulesChanged(): a rule was added, edited, removed, snoozed, or changed by firing
            (``last_fired``; a once-only rule switches itself off).
    """

    alertFired = Signal(object)
    rulesChanged = Signal()

    def __init__(
        self,
        rules: Iterable[AlertRule] = (),
        *,
        cadence: float = 2.0,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = AlertEngine(rules)
        self._gap_ms = int(GAP_CADENCES * cadence * 1000)
        self._clock = clock
        self._live = False
        self._after_gap: set[str] = set()  # symbols whose next event follows a disconnect

    def attach(self, source: EventSource) -> None:
        source.add_ticker_listener(self.on_tickers)
        source.add_status_listener(self.on_status)

    # -- events ----------------------------------------------------------------------

    def on_status(self, status: ClientStatus) -> None:
        """Note a disconnect: every symbol's next event is compared across the gap."""
        live = status.state is ConnState.LIVE
        if self._live and not live:
            self._after_gap.update(self._engine.known_symbols())
        self._live = live

    def on_tickers(self, events: Sequence[MiniTicker], received: float) -> None:
        """Evaluate every event (the stream client's listener)."""
        fired: list[AlertFired] = []
        engine = self._engine
        after_gap = self._after_gap
        for event in events:
            symbol = event.symbol
            gap = False
            if after_gap and symbol in after_gap:
                after_gap.discard(symbol)
                gap = True
            if engine.has_rules(symbol):
                last = engine.last_event(symbol)
                gap = gap or (
                    last is not None and event.event_time - last.event_time > self._gap_ms
                )
                fired += engine.evaluate(event, gap=gap)
            else:
                engine.remember(event)  # a rule added later starts from it
        if not fired:
            return
        for alert in fired:
            log.info("alert: %s", alert.text())
        self.rulesChanged.emit()
        for alert in fired:
            self.alertFired.emit(alert)

    # -- rules -----------------------------------------------------------------------

    def rules(self) -> list[AlertRule]:
        return self._engine.rules()

    def rule(self, rule_id: str) -> AlertRule | None:
        return self._engine.rule(rule_id)

    def rules_for(self, symbol: str) -> list[AlertRule]:
        return [r for r in self._engine.rules() if r.symbol == symbol]

    def add_rule(self, rule: AlertRule) -> None:
        """Add a rule (``ValueError`` if it is not valid or its id is taken)."""
        self._engine.add(check_rule(rule))
        self.rulesChanged.emit()

    def update_rule(self, rule: AlertRule) -> None:
        """Replace the rule with the same id (``KeyError`` if there is none)."""
        self._engine.update(check_rule(rule))
        self.rulesChanged.emit()

    def remove_rule(self, rule_id: str) -> None:
        if self._engine.rule(rule_id) is not None:
            self._engine.remove(rule_id)
            self.rulesChanged.emit()

    def snooze(self, rule_id: str, seconds: float) -> None:
        """Swallow the rule's crosses for ``seconds`` from now; 0 ends a snooze."""
        rule = self._engine.rule(rule_id)
        if rule is not None:
            until = self._clock() + seconds if seconds > 0 else None
            self.update_rule(replace(rule, snoozed_until=until))

    def set_enabled(self, rule_id: str, enabled: bool) -> None:
        """Switch a rule on (armed afresh, also a once-only rule that fired) or off."""
        rule = self._engine.rule(rule_id)
        if rule is not None and rule.enabled != enabled:
            self.update_rule(replace(rule, enabled=enabled))

    # -- what views show -------------------------------------------------------------

    def state(self, rule_id: str) -> RuleState | None:
        rule = self._engine.rule(rule_id)
        if rule is None:
            return None
        return rule_state(rule, self._engine.is_armed(rule_id), self._clock())

    def now(self) -> float:
        """The clock snoozes are set and shown by (epoch seconds)."""
        return self._clock()

    def last_price(self, symbol: str) -> Decimal | None:
        """The last price evaluated for ``symbol`` (from a push, never a snapshot)."""
        event = self._engine.last_event(symbol)
        return event.close if event is not None else None

    def nearest_level(self, symbol: str, price: Decimal, open_: Decimal) -> AlertLevel | None:
        return self._engine.nearest_level(symbol, price, open_)
