"""Alert history: every alert that fired, kept with the settings (the newest few hundred).

A record holds what a person needs later: when, which symbol, which rule (as the alert
list words it), the price that fired it as the exchange wrote it, whether it was demo
data, and whether it crossed while the connection was down.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Final

from desktop.exchange.alert_engine import AlertFired
from desktop.exchange.alerts import describe_rule
from desktop.exchange.ticker import MiniTicker

MAX_HISTORY: Final = 500
CSV_COLUMNS: Final = ("time_utc", "symbol", "rule", "price", "text", "demo", "while_disconnected")


@dataclass(frozen=True, slots=True)
class FiredRecord:
    """One alert that fired."""

    time: float  # seconds since the epoch, when it fired here
    symbol: str
    rule: str  # the rule as the alert list words it
    price: str  # the last price that fired it, the exchange's exact string
    text: str  # the sentence the notification said
    demo: bool = False
    while_disconnected: bool = False


def record_of(
    alert: AlertFired, *, now: float, demo: bool, decimals: int | None = None
) -> FiredRecord:
    return FiredRecord(
        time=now,
        symbol=alert.symbol,
        rule=describe_rule(alert.rule, decimals),
        price=alert.event.close_text
        if isinstance(alert.event, MiniTicker)
        else alert.event.mark_text,
        text=alert.text(decimals),
        demo=demo,
        while_disconnected=alert.during_gap,
    )


def appended(history: Sequence[FiredRecord], record: FiredRecord) -> list[FiredRecord]:
    """``history`` with ``record`` added, the oldest dropped past ``MAX_HISTORY``."""
    return [*history, record][-MAX_HISTORY:]


def history_to_json(history: Iterable[FiredRecord]) -> list[dict[str, object]]:
    return [asdict(record) for record in history]


def history_from_json(data: object) -> tuple[list[FiredRecord], int]:
    """The records that check out, and how many did not (each is dropped, never guessed)."""
    if not isinstance(data, list):
        return [], 1
    records: list[FiredRecord] = []
    bad = 0
    for item in data[-MAX_HISTORY:]:
        try:
            records.append(_record(item))
        except (TypeError, ValueError):
            bad += 1
    return records, bad


def _record(item: object) -> FiredRecord:
    if not isinstance(item, dict):
        raise TypeError("not an object")
    time = item.get("time")
    if isinstance(time, bool) or not isinstance(time, int | float) or not 0 <= time < 1e11:
        raise ValueError("bad time")
    texts = [item.get(key) for key in ("symbol", "rule", "price", "text")]
    if not all(isinstance(text, str) and len(text) <= 400 for text in texts):
        raise ValueError("bad text")
    flags = [item.get("demo", False), item.get("while_disconnected", False)]
    if not all(isinstance(flag, bool) for flag in flags):
        raise ValueError("bad flag")
    symbol, rule, price, text = texts
    return FiredRecord(float(time), symbol, rule, price, text, flags[0], flags[1])  # type: ignore[arg-type]


def time_text(record: FiredRecord) -> str:
    return datetime.fromtimestamp(record.time, UTC).isoformat(timespec="seconds")


def history_csv(history: Iterable[FiredRecord]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in history:
        writer.writerow(
            [time_text(r), r.symbol, r.rule, r.price, r.text, r.demo, r.while_disconnected]
        )
    return out.getvalue()
