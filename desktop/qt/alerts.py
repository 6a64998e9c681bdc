"""The alert center: evaluates the user's alert rules on every pushed event.

It listens to the stream client directly, not to the quote book's coalesced flushes, so
every event is judged (a spike that lasts one push still fires). An event is compared
with the symbol's last one however long ago that was; a cross found there is marked as
having happened while disconnected only when the symbol's own connection (or the
all-market stream's) really was down in between, as the client tells: the exchange
pushes a symbol only when it changed, so a quiet spell on a live connection misses
nothing, and another connection's outage misses nothing of this symbol.
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
from desktop.exchange.funding import MarkPrice
from desktop.exchange.ticker import MiniTicker
from desktop.qt.marks import MarkSource

log = logging.getLogger(__name__)


class EventSource(Protocol):
    """What the center needs of a stream client (``desktop.stream.client.StreamClient``)."""

    def add_ticker_listener(self, fn: Callable[[Sequence[MiniTicker], float], None]) -> None: ...
    def was_down(self, symbol: str, since: float, until: float) -> bool: ...


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
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = AlertEngine(rules)
        self._clock = clock
        self._source: EventSource | None = None
        self._received: dict[str, float] = {}  # arrival of each symbol's last event

    def attach(self, source: EventSource) -> None:
        self._source = source
        source.add_ticker_listener(self.on_tickers)

    def attach_marks(self, source: MarkSource) -> None:
        """Judge funding rules on ``source``'s mark price events."""
        source.add_mark_listener(self.on_marks)

    def on_marks(self, marks: Sequence[MarkPrice], received: float) -> None:
        """Evaluate the funding rules on every mark event (the stream client's listener)."""
        engine = self._engine
        fired: list[AlertFired] = []
        for mark in marks:
            if engine.has_rules(mark.symbol):
                fired += engine.evaluate_mark(mark)
        self._announce(fired)

    # -- events ----------------------------------------------------------------------

    def on_tickers(self, events: Sequence[MiniTicker], received: float) -> None:
        """Evaluate every event (the stream client's listener)."""
        fired: list[AlertFired] = []
        engine = self._engine
        arrived = self._received
        for event in events:
            symbol = event.symbol
            if engine.has_rules(symbol):
                fired += engine.evaluate(event, gap=self._missed(symbol, received))
                if engine.last_event(symbol) is not event:
                    continue  # ignored (stale or implausible): the last one stays
            else:
                engine.remember(event)  # a rule added later starts from it
            arrived[symbol] = received
        self._announce(fired)

    def _announce(self, fired: list[AlertFired]) -> None:
        if not fired:
            return
        for alert in fired:
            log.info("alert: %s", alert.text())
        self.rulesChanged.emit()
        for alert in fired:
            self.alertFired.emit(alert)

    def _missed(self, symbol: str, received: float) -> bool:
        """Whether ``symbol`` could have missed a change since its last event: its
        connection was down in between (a first event has nothing to miss)."""
        since = self._received.get(symbol)
        source = self._source
        return since is not None and source is not None and source.was_down(symbol, since, received)

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
