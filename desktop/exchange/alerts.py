"""Price alerts: the rules a user sets and how they read and write as JSON.

A rule watches one symbol for one condition — the price crossing above or below a
line, the 24h change going beyond ±Y %, a move of Z % within N minutes, or the funding
rate going beyond ±X % (judged on mark price events). Everything is
``Decimal`` and compared exactly; ``desktop.exchange.alert_engine`` evaluates the rules
on every event. Imports no Qt.

Equality semantics: *reaching* a line counts as crossing it. "Above 100" fires when the
price goes from below 100 to 100 or more; it re-arms only once the price is back
*strictly* below ``100 − hysteresis``. Percent conditions work the same way on
``|change %|`` and on the size of the move.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from decimal import Context, Decimal, InvalidOperation
from enum import StrEnum
from typing import Final, TypeGuard

from desktop.exchange.display import format_price
from desktop.exchange.symbols import SymbolError, normalize_symbol
from desktop.wording import QT_TRANSLATE_NOOP, translate

#: Arithmetic on prices and thresholds is exact: operands have at most 64 digits (the
#: parser's and ``check_rule``'s limits) and a 64-digit product needs at most 128.
EXACT: Final = Context(prec=400)

DEFAULT_COOLDOWN: Final = 60.0  # seconds
MAX_COOLDOWN: Final = 7 * 24 * 3600.0
DEFAULT_PRICE_HYSTERESIS: Final = Decimal("0.001")  # × the line: 0.1 % of the price
DEFAULT_PERCENT_HYSTERESIS: Final = Decimal("0.2")  # percentage points
MAX_WINDOW_MINUTES: Final = 24 * 60
MAX_RULES: Final = 1000
MAX_ID_LENGTH: Final = 64
#: Lines and percentages a person can mean: up to 10^15, at most 18 decimal places.
MAX_THRESHOLD: Final = Decimal(10) ** 15
MIN_EXPONENT: Final = -18
_MAX_LISTED: Final = 8  # dropped entries a message names before "and N more"


class AlertKind(StrEnum):
    """What a rule watches (the value is what the settings file says)."""

    ABOVE = "above"  # the last price reaches the line from below
    BELOW = "below"  # the last price reaches the line from above
    CHANGE_PCT = "change_pct"  # |24h change %| reaches the threshold
    MOVE_PCT = "move_pct"  # the price moves by the threshold % within window_minutes
    FUNDING_PCT = "funding_pct"  # |funding rate %| reaches the threshold (mark price stream)


PRICE_KINDS: Final = frozenset({AlertKind.ABOVE, AlertKind.BELOW})
_KIND_NAMES: Final = frozenset(kind.value for kind in AlertKind)


@dataclass(frozen=True, slots=True)
class AlertRule:
    """One alert. ``hysteresis`` None means the default for the kind (``hysteresis_of``).

    ``last_fired`` is the exchange event time (ms) of the event that last fired it; a
    rule that fires once (``rearm`` False) is switched off (``enabled`` False) when it
    fires, and switching it on again arms it afresh. ``snoozed_until`` is epoch seconds.
    """

    symbol: str
    kind: AlertKind
    threshold: Decimal
    window_minutes: int | None = None  # MOVE_PCT only
    rearm: bool = True
    hysteresis: Decimal | None = None
    cooldown: float = DEFAULT_COOLDOWN  # seconds between two firings, at least
    snoozed_until: float | None = None
    enabled: bool = True
    last_fired: int | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    @property
    def effective_hysteresis(self) -> Decimal:
        return hysteresis_of(self.kind, self.threshold, self.hysteresis)

    def is_snoozed(self, now: float) -> bool:
        return self.snoozed_until is not None and now < self.snoozed_until

    def is_done(self) -> bool:
        """A once-only rule that has fired (and so switched itself off)."""
        return not self.enabled and not self.rearm and self.last_fired is not None


def hysteresis_of(kind: AlertKind, threshold: Decimal, given: Decimal | None) -> Decimal:
    """``given``, else 0.1 % of the line for price rules, 0.2 points for percent rules."""
    if given is not None:
        return given
    if kind in PRICE_KINDS:
        return EXACT.multiply(threshold, DEFAULT_PRICE_HYSTERESIS)
    if kind is AlertKind.FUNDING_PCT:  # rates are hundredths of a percent: a tenth of it
        return EXACT.divide(threshold, 10)
    return min(DEFAULT_PERCENT_HYSTERESIS, EXACT.divide(threshold, 2))


def _tr(text: str) -> str:
    return translate("Alerts", text)


#: The numbers of a rule, named in messages (English: translated where shown).
_NUMBER_NAMES: Final = {
    "threshold": QT_TRANSLATE_NOOP("Alerts", "threshold"),
    "hysteresis": QT_TRANSLATE_NOOP("Alerts", "hysteresis"),
}


def _named(name: str) -> str:
    words = _NUMBER_NAMES.get(name)
    return _tr(words) if words is not None else name


def check_rule(rule: AlertRule) -> AlertRule:
    """``rule`` if it can be evaluated, else ``ValueError`` saying why, in plain words."""
    if not isinstance(rule.id, str) or not rule.id or len(rule.id) > MAX_ID_LENGTH:
        raise ValueError(translate("Alerts", "its id is missing or too long"))
    if not rule.id.isprintable():
        raise ValueError(translate("Alerts", "its id has control characters"))
    try:
        if normalize_symbol(rule.symbol) != rule.symbol:
            raise ValueError(
                translate("Alerts", "“{symbol}” is not written as a symbol").format(
                    symbol=rule.symbol[:20]
                )
            )
    except SymbolError as exc:
        raise ValueError(str(exc).rstrip(".")) from None
    if not isinstance(rule.kind, AlertKind):
        raise ValueError(translate("Alerts", "unknown kind {kind}").format(kind=_shown(rule.kind)))
    _check_number("threshold", rule.threshold, positive=True)
    if rule.kind is AlertKind.MOVE_PCT:
        window = rule.window_minutes
        if not (isinstance(window, int) and _is_int(window) and 1 <= window <= MAX_WINDOW_MINUTES):
            raise ValueError(
                translate("Alerts", "a move needs a window of 1–{max} minutes").format(
                    max=MAX_WINDOW_MINUTES
                )
            )
    elif rule.window_minutes is not None:
        raise ValueError(translate("Alerts", "only a move has a window"))
    if rule.hysteresis is not None:
        _check_number("hysteresis", rule.hysteresis, positive=False)
        if rule.hysteresis >= rule.threshold:
            raise ValueError(
                translate("Alerts", "the hysteresis must be smaller than the threshold")
            )
    if not _finite(rule.cooldown) or not 0 <= rule.cooldown <= MAX_COOLDOWN:
        raise ValueError(
            translate("Alerts", "the cooldown must be 0–{max} seconds").format(
                max=f"{MAX_COOLDOWN:g}"
            )
        )
    if rule.snoozed_until is not None and not _finite(rule.snoozed_until):
        raise ValueError(translate("Alerts", "the snooze time is not a number"))
    if rule.last_fired is not None and (not _is_int(rule.last_fired) or rule.last_fired < 0):
        raise ValueError(translate("Alerts", "the time it last fired is not a time"))
    for flag in (rule.rearm, rule.enabled):
        if not isinstance(flag, bool):
            raise ValueError(translate("Alerts", "a switch is neither on nor off"))
    return rule


def _check_number(name: str, value: object, *, positive: bool) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValueError(
            translate("Alerts", "the {name} is not a number").format(name=_named(name))
        )
    if value < 0 or (positive and value == 0):
        if positive:
            raise ValueError(
                translate("Alerts", "the {name} must be above zero").format(name=_named(name))
            )
        raise ValueError(
            translate("Alerts", "the {name} must be at least zero").format(name=_named(name))
        )
    if value > MAX_THRESHOLD:
        raise ValueError(translate("Alerts", "the {name} is too large").format(name=_named(name)))
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < MIN_EXPONENT and value != 0:
        raise ValueError(
            translate("Alerts", "the {name} has more than {places} decimal places").format(
                name=_named(name), places=-MIN_EXPONENT
            )
        )


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _finite(value: object) -> TypeGuard[float]:
    """A JSON number (not true/false) that fits a float and is not NaN or infinite."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:  # an integer too long for a float
        return False


# -- words ------------------------------------------------------------------------------


def percent_text(value: Decimal) -> str:
    """A percentage without trailing zeros: ``Decimal("5.0")`` → ``5``, ``2.50`` → ``2.5``."""
    return f"{value.normalize(EXACT):f}"


def describe_rule(rule: AlertRule, decimals: int | None = None) -> str:
    """The condition in words: "crosses above 100,000.0", "moves 3 % within 15 min"."""
    if rule.kind is AlertKind.ABOVE:
        return translate("Alerts", "crosses above {price}").format(
            price=format_price(rule.threshold, decimals)
        )
    if rule.kind is AlertKind.BELOW:
        return translate("Alerts", "crosses below {price}").format(
            price=format_price(rule.threshold, decimals)
        )
    if rule.kind is AlertKind.CHANGE_PCT:
        return translate("Alerts", "24h change beyond ±{percent} %").format(
            percent=percent_text(rule.threshold)
        )
    if rule.kind is AlertKind.FUNDING_PCT:
        return translate("Alerts", "funding rate beyond ±{percent} %").format(
            percent=percent_text(rule.threshold)
        )
    return translate("Alerts", "moves {percent} % within {minutes} min").format(
        percent=percent_text(rule.threshold), minutes=rule.window_minutes
    )


# -- JSON -------------------------------------------------------------------------------


def rule_to_json(rule: AlertRule) -> dict[str, object]:
    """The rule as the settings file holds it; numbers that must stay exact are strings."""
    return {
        "id": rule.id,
        "symbol": rule.symbol,
        "kind": rule.kind.value,
        "threshold": f"{rule.threshold:f}",
        "window_minutes": rule.window_minutes,
        "rearm": rule.rearm,
        "hysteresis": None if rule.hysteresis is None else f"{rule.hysteresis:f}",
        "cooldown": rule.cooldown,
        "snoozed_until": rule.snoozed_until,
        "enabled": rule.enabled,
        "last_fired": rule.last_fired,
    }


def rules_to_json(rules: list[AlertRule]) -> list[dict[str, object]]:
    return [rule_to_json(rule) for rule in rules]


def rule_from_json(data: object) -> AlertRule:
    """A checked rule from one JSON object; ``ValueError`` (plain words) if it is not one."""
    if not isinstance(data, dict):
        raise ValueError(translate("Alerts", "it is not an object"))
    kind_text = data.get("kind")
    if not isinstance(kind_text, str) or kind_text not in _KIND_NAMES:
        raise ValueError(translate("Alerts", "unknown kind {kind}").format(kind=_shown(kind_text)))
    kind = AlertKind(kind_text)
    symbol = data.get("symbol")
    if not isinstance(symbol, str):
        raise ValueError(translate("Alerts", "it names no symbol"))
    rule_id = data.get("id")
    if not isinstance(rule_id, str):
        raise ValueError(translate("Alerts", "it has no id"))
    # The other fields go in as the JSON has them: ``check_rule`` judges every one.
    cooldown = data.get("cooldown", DEFAULT_COOLDOWN)
    snoozed = data.get("snoozed_until")
    return check_rule(
        AlertRule(
            id=rule_id,
            symbol=symbol,
            kind=kind,
            threshold=_decimal(data.get("threshold"), "threshold"),
            window_minutes=data.get("window_minutes"),
            rearm=data.get("rearm", True),
            hysteresis=_optional_decimal(data.get("hysteresis"), "hysteresis"),
            cooldown=float(cooldown) if _finite(cooldown) else cooldown,
            snoozed_until=float(snoozed) if _finite(snoozed) else snoozed,
            enabled=data.get("enabled", True),
            last_fired=data.get("last_fired"),
        )
    )


def rules_from_json(data: object) -> tuple[list[AlertRule], list[str]]:
    """Good rules from a JSON value, and plain-words notes on every entry dropped.

    Never raises: a bad entry costs only itself.
    """
    if not isinstance(data, list):
        return [], [
            translate(
                "Alerts", "The alerts could not be read (expected a list, found {found})."
            ).format(found=_kind(data))
        ]
    rules: list[AlertRule] = []
    problems: list[str] = []
    seen: set[str] = set()
    for number, entry in enumerate(data, start=1):
        if len(rules) >= MAX_RULES:
            problems.append(
                translate("Alerts", "only the first {count} are kept").format(count=MAX_RULES)
            )
            break
        try:
            rule = rule_from_json(entry)
        except (ValueError, TypeError, OverflowError) as exc:
            problems.append(
                translate("Alerts", "alert {number}: {reason}").format(number=number, reason=exc)
            )
            continue
        if rule.id in seen:
            problems.append(
                translate("Alerts", "alert {number}: the same id as an earlier one").format(
                    number=number
                )
            )
            continue
        seen.add(rule.id)
        rules.append(rule)
    if not problems:
        return rules, []
    listed = "; ".join(problems[:_MAX_LISTED])
    if len(problems) > _MAX_LISTED:
        listed = translate("Alerts", "{list}; and {count} more").format(
            list=listed, count=len(problems) - _MAX_LISTED
        )
    return rules, [
        translate("Alerts", "Some alerts could not be read and were removed: {list}.").format(
            list=listed
        )
    ]


def _decimal(value: object, name: str) -> Decimal:
    """A JSON string or number as an exact ``Decimal`` (a float by its shortest repr)."""
    if isinstance(value, bool) or value is None:
        raise ValueError(
            translate("Alerts", "the {name} is not a number").format(name=_named(name))
        )
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ValueError(
                translate("Alerts", "the {name} is not a number").format(name=_named(name))
            )
        value = repr(value)
    if not isinstance(value, str) or len(value) > 64:
        raise ValueError(
            translate("Alerts", "the {name} is not a number").format(name=_named(name))
        )
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        raise ValueError(
            translate("Alerts", "the {name} {value} is not a number").format(
                name=_named(name), value=_shown(value)
            )
        ) from None
    if not number.is_finite():
        raise ValueError(
            translate("Alerts", "the {name} is not a number").format(name=_named(name))
        )
    return number


def _optional_decimal(value: object, name: str) -> Decimal | None:
    return None if value is None else _decimal(value, name)


def _kind(value: object) -> str:
    if value is None:
        return "null"  # as written in the file
    if isinstance(value, dict):
        return translate("Alerts", "an object")
    if isinstance(value, list):
        return translate("Alerts", "a list")
    if isinstance(value, str):
        return translate("Alerts", "text")
    if isinstance(value, bool):
        return "true/false"  # as written in the file
    return translate("Alerts", "a number")


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"“{value}”"
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 30 else text[:29] + "…"
