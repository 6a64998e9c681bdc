"""What the settings file holds, and how a JSON object becomes valid settings.

Reading is forgiving field by field: a bad value resets that one field (or drops that
one watchlist entry) and is reported in plain words, so a hand edit gone wrong never
costs the user the rest of their settings. Imports no Qt.
"""

from __future__ import annotations

import binascii
import json
import math
from base64 import b64decode
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Final, TypeGuard, TypeVar

from desktop.exchange.alert_history import FiredRecord, history_from_json, history_to_json
from desktop.exchange.alerts import AlertRule, rules_from_json, rules_to_json
from desktop.exchange.endpoints import EndpointError, check_url
from desktop.exchange.symbols import SymbolError, normalize_symbol
from desktop.wording import QT_TRANSLATE_NOOP, translate

CURRENT_VERSION: Final = 1
DEFAULT_WATCHLIST: Final[list[str]] = ["BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT"]
DEFAULT_PINS: Final[list[str]] = ["BTCUSDT"]
DEFAULT_ROTATION_INTERVAL: Final = 4.0
MIN_ROTATION_INTERVAL: Final = 1.0
MAX_ROTATION_INTERVAL: Final = 60.0
# Column indexes are opaque to the settings; this only catches nonsense.
MAX_SORT_COLUMN: Final = 999
MAX_COORDINATE: Final = 100_000  # pixels; desktops spanning more are not real
# How many rejected entries a message lists before saying "and N more".
_MAX_LISTED: Final = 8
#: The name of a list that has none, in English (stored as given; ``default_watchlist_name``
#: is the name new lists get, in the user's language).
DEFAULT_WATCHLIST_NAME: Final = QT_TRANSLATE_NOOP("Settings", "Watchlist")
MAX_WATCHLISTS: Final = 50
MAX_WATCHLIST_NAME: Final = 40
#: Which colour means up: green (default), red (mainland China), or blue / orange
#: (colour-blind safe). Signs and arrows are shown in all of them.
COLOR_CONVENTIONS: Final = ("green-up", "red-up", "blue-orange")
DEFAULT_COLOR_CONVENTION: Final = "green-up"
#: "system" follows the desktop's light or dark scheme, live.
THEMES: Final = ("system", "light", "dark")
#: "system" is the desktop's language; applied at start-up.
LANGUAGES: Final = ("system", "en", "zh_CN")


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class NamedWatchlist:
    """One named watchlist (a tab of the window): its name and its symbols, in order."""

    name: str
    symbols: tuple[str, ...]


@dataclass
class Settings:
    """Everything MiniTicker remembers between runs.

    ``header_state``, ``dock_state`` and ``window_geometry`` are base64 of Qt's
    ``saveState()`` / ``saveGeometry()``; they are opaque here. ``extra`` holds keys
    written by a newer MiniTicker, kept so that running an older one does not lose them.
    """

    version: int = CURRENT_VERSION
    watchlist: list[str] = field(default_factory=lambda: list(DEFAULT_WATCHLIST))
    pins: list[str] = field(default_factory=lambda: list(DEFAULT_PINS))
    header_state: str | None = None
    sort_column: int | None = None
    sort_descending: bool = False
    window_geometry: str | None = None
    ws_url: str | None = None
    rest_url: str | None = None
    testnet: bool = False
    rotation_interval: float = DEFAULT_ROTATION_INTERVAL
    tray_notice_shown: bool = False
    movers_shown: bool = False  # the movers dock (and with it the all-market stream)
    dock_state: str | None = None  # where the docks sit and how large (``saveState()``)
    #: Top-left corner of the mini strip that stands in for a missing system tray.
    strip_position: tuple[int, int] | None = None
    #: The named watchlists (tabs), in order. ``watchlist`` stays the union of all their
    #: symbols, so an older MiniTicker still shows every symbol and keeps every pin.
    #: Empty means one list holding all of ``watchlist``.
    watchlists: list[NamedWatchlist] = field(default_factory=list)
    current_watchlist: int = 0  # index into ``watchlists``: the tab shown
    alerts: list[AlertRule] = field(default_factory=list)
    alert_sound: bool = False
    #: Alerts that fired, oldest first, at most ``MAX_HISTORY``.
    alert_history: list[FiredRecord] = field(default_factory=list)
    color_convention: str = DEFAULT_COLOR_CONVENTION
    theme: str = "system"
    language: str = "system"
    tick_flash: bool = True  # tint the Last cell briefly on each price tick
    notifications: bool = True  # tray / desktop notifications for alerts
    extra: dict[str, object] = field(default_factory=dict)


KNOWN_KEYS: Final = frozenset(f.name for f in fields(Settings)) - {"extra"}

# Field names as a person reads them in a message (English: ``_label`` translates).
_LABELS: Final = {
    "version": QT_TRANSLATE_NOOP("Settings", "file version"),
    "watchlist": QT_TRANSLATE_NOOP("Settings", "watchlist"),
    "pins": QT_TRANSLATE_NOOP("Settings", "pinned symbols"),
    "header_state": QT_TRANSLATE_NOOP("Settings", "table columns"),
    "sort_column": QT_TRANSLATE_NOOP("Settings", "sort column"),
    "sort_descending": QT_TRANSLATE_NOOP("Settings", "sort order"),
    "window_geometry": QT_TRANSLATE_NOOP("Settings", "window size and position"),
    "ws_url": QT_TRANSLATE_NOOP("Settings", "websocket URL"),
    "rest_url": QT_TRANSLATE_NOOP("Settings", "REST URL"),
    "testnet": QT_TRANSLATE_NOOP("Settings", "testnet switch"),
    "rotation_interval": QT_TRANSLATE_NOOP("Settings", "tray rotation interval"),
    "tray_notice_shown": QT_TRANSLATE_NOOP("Settings", "tray notice"),
    "movers_shown": QT_TRANSLATE_NOOP("Settings", "movers panel"),
    "dock_state": QT_TRANSLATE_NOOP("Settings", "panel layout"),
    "strip_position": QT_TRANSLATE_NOOP("Settings", "mini strip position"),
    "watchlists": QT_TRANSLATE_NOOP("Settings", "named watchlists"),
    "current_watchlist": QT_TRANSLATE_NOOP("Settings", "shown watchlist"),
    "alerts": QT_TRANSLATE_NOOP("Settings", "price alerts"),
    "alert_sound": QT_TRANSLATE_NOOP("Settings", "alert sound switch"),
    "alert_history": QT_TRANSLATE_NOOP("Settings", "alert history"),
    "color_convention": QT_TRANSLATE_NOOP("Settings", "colour convention"),
    "theme": QT_TRANSLATE_NOOP("Settings", "theme"),
    "language": QT_TRANSLATE_NOOP("Settings", "language"),
    "tick_flash": QT_TRANSLATE_NOOP("Settings", "tick flash switch"),
    "notifications": QT_TRANSLATE_NOOP("Settings", "notifications switch"),
    "extra": QT_TRANSLATE_NOOP("Settings", "settings from a newer MiniTicker"),
}


def _tr(text: str) -> str:
    return translate("Settings", text)


def default_watchlist_name() -> str:
    """The name a new list without one gets, in the user's language."""
    return _tr(DEFAULT_WATCHLIST_NAME)


def _label(key: str) -> str:
    return _tr(_LABELS[key])


def clean_symbol(text: str) -> str:
    """``normalize_symbol``, but only for names that stay the same when normalised again.

    Upper-casing can produce characters a symbol never has (``ǰ`` becomes ``J`` plus a
    combining caron); such a name would be refused the next time it is read.
    """
    symbol = normalize_symbol(text)
    if normalize_symbol(symbol) != symbol:
        raise SymbolError(
            translate("Settings", "“{symbol}” changes each time it is upper-cased.").format(
                symbol=symbol[:20]
            )
        )
    return symbol


def is_valid_symbol(text: object) -> bool:
    """True for a string that is already a clean symbol name."""
    if not isinstance(text, str):
        return False
    try:
        return clean_symbol(text) == text
    except SymbolError:
        return False


def settings_to_json(settings: Settings) -> dict[str, object]:
    """The JSON object written to disk; known fields win over same-named extra keys."""
    data: dict[str, object] = dict(settings.extra)
    for f in fields(Settings):
        if f.name != "extra":
            value = getattr(settings, f.name)
            if f.name == "alerts":
                value = rules_to_json(value)
            if f.name == "watchlists":
                value = [{"name": w.name, "symbols": list(w.symbols)} for w in value]
            if f.name == "alert_history":
                value = history_to_json(value)
            data[f.name] = list(value) if isinstance(value, list | tuple) else value
    return data


def settings_from_json(data: dict[str, object]) -> tuple[Settings, list[str]]:
    """Valid settings from a decoded JSON object, plus plain-words notes on what was reset.

    Never raises for any JSON object: every field is checked on its own.
    """
    reader = _Reader(data)
    return reader.settings(), reader.messages()


class _Reader:
    def __init__(self, data: dict[str, object]) -> None:
        self._data = data
        self._reset: list[str] = []  # "label (why)"
        self._notes: list[str] = []  # whole sentences

    def settings(self) -> Settings:
        named = self._named_watchlists()
        if "watchlist" in self._data or not named:
            watchlist = self._watchlist()
        else:  # lists without the union (a hand edit): the union is what they hold
            watchlist = list(dict.fromkeys(s for w in named for s in w.symbols))
        named = _reconcile(named, watchlist)
        return Settings(
            version=self._value("version", CURRENT_VERSION, _version),
            watchlist=watchlist,
            pins=self._pins(watchlist),
            header_state=self._value("header_state", None, _optional(_base64)),
            sort_column=self._value("sort_column", None, _optional(_sort_column)),
            sort_descending=self._value("sort_descending", False, _bool),
            window_geometry=self._value("window_geometry", None, _optional(_base64)),
            ws_url=self._value("ws_url", None, _optional(_url("wss", "ws"))),
            rest_url=self._value("rest_url", None, _optional(_url("https", "http"))),
            testnet=self._value("testnet", False, _bool),
            rotation_interval=self._rotation_interval(),
            tray_notice_shown=self._value("tray_notice_shown", False, _bool),
            movers_shown=self._value("movers_shown", False, _bool),
            dock_state=self._value("dock_state", None, _optional(_base64)),
            strip_position=self._value("strip_position", None, _optional(_point)),
            watchlists=named,
            current_watchlist=self._current_watchlist(len(named)),
            alerts=self._alerts(),
            alert_sound=self._value("alert_sound", False, _bool),
            alert_history=self._alert_history(),
            color_convention=self._value(
                "color_convention", DEFAULT_COLOR_CONVENTION, _one_of(COLOR_CONVENTIONS)
            ),
            theme=self._value("theme", "system", _one_of(THEMES)),
            language=self._value("language", "system", _one_of(LANGUAGES)),
            tick_flash=self._value("tick_flash", True, _bool),
            notifications=self._value("notifications", True, _bool),
            extra=self._extra(),
        )

    def messages(self) -> list[str]:
        out = list(self._notes)
        if self._reset:
            out.append(
                translate(
                    "Settings",
                    "Some settings could not be used and were reset to their defaults: {list}.",
                ).format(list="; ".join(self._reset))
            )
        return [printable(message) for message in out]

    def _value(self, key: str, default: T, check: Callable[[object], T]) -> T:
        if key not in self._data:
            return default
        try:
            return check(self._data[key])
        except ValueError as exc:
            self._reset.append(
                translate("Settings", "{setting} ({reason})").format(
                    setting=_label(key), reason=exc
                )
            )
            return default

    def _symbols(self, key: str) -> tuple[list[str], list[str]] | None:
        """Clean, de-duplicated symbols of a list field, and why each bad entry was refused."""
        raw = self._data[key]
        if not isinstance(raw, list):
            self._reset.append(
                translate(
                    "Settings", "{setting} (expected a list of symbols, found {found})"
                ).format(setting=_label(key), found=_kind(raw))
            )
            return None
        return _clean_symbols(raw)

    def _named_watchlists(self) -> list[NamedWatchlist]:
        """The lists as written, each cleaned; not yet reconciled with ``watchlist``."""
        if "watchlists" not in self._data:
            return []
        raw = self._data["watchlists"]
        if not isinstance(raw, list):
            self._reset.append(
                translate("Settings", "{setting} (expected a list, found {found})").format(
                    setting=_label("watchlists"), found=_kind(raw)
                )
            )
            return []
        lists: list[NamedWatchlist] = []
        unreadable = 0
        bad: list[str] = []
        for entry in raw:
            symbols = entry.get("symbols") if isinstance(entry, dict) else None
            if not isinstance(symbols, list) or len(lists) >= MAX_WATCHLISTS:
                unreadable += 1
                continue
            name = entry.get("name")
            cleaned = clean_watchlist_name(name) if isinstance(name, str) else ""
            if not cleaned:
                cleaned = f"{default_watchlist_name()} {len(lists) + 1}"
            good, refused = _clean_symbols(symbols)
            bad += refused
            lists.append(NamedWatchlist(cleaned, tuple(good)))
        if unreadable:
            self._notes.append(
                translate(
                    "Settings",
                    "Named watchlists left out (unreadable, or more than {max}): {count}.",
                ).format(max=MAX_WATCHLISTS, count=unreadable)
            )
        if bad:
            self._notes.append(
                translate(
                    "Settings",
                    "These named watchlist entries are not valid symbols and were removed: {list}.",
                ).format(list=_listing(bad))
            )
        return lists

    def _current_watchlist(self, count: int) -> int:
        index = self._value("current_watchlist", 0, _list_index)
        return index if index < max(1, count) else 0  # lists were dropped: show the first

    def _watchlist(self) -> list[str]:
        if "watchlist" not in self._data:
            return list(DEFAULT_WATCHLIST)
        found = self._symbols("watchlist")
        if found is None:
            return list(DEFAULT_WATCHLIST)
        good, bad = found
        if bad:
            self._notes.append(
                translate(
                    "Settings",
                    "These watchlist entries are not valid symbols and were removed: {list}.",
                ).format(list=_listing(bad))
            )
        if bad and not good:
            self._notes.append(
                translate(
                    "Settings", "No valid symbol was left, so the default watchlist is shown."
                )
            )
            return list(DEFAULT_WATCHLIST)
        return good

    def _pins(self, watchlist: list[str]) -> list[str]:
        if "pins" not in self._data:
            return [s for s in DEFAULT_PINS if s in watchlist]
        found = self._symbols("pins")
        if found is None:
            return [s for s in DEFAULT_PINS if s in watchlist]
        good, bad = found
        if bad:
            self._notes.append(
                translate(
                    "Settings", "These pins are not valid symbols and were removed: {list}."
                ).format(list=_listing(bad))
            )
        missing = [s for s in good if s not in watchlist]
        if missing:
            self._notes.append(
                translate(
                    "Settings", "These pins are not in the watchlist and were unpinned: {list}."
                ).format(list=_listing(missing))
            )
        return [s for s in good if s in watchlist]

    def _rotation_interval(self) -> float:
        value = self._value("rotation_interval", DEFAULT_ROTATION_INTERVAL, _finite_number)
        clamped = min(max(value, MIN_ROTATION_INTERVAL), MAX_ROTATION_INTERVAL)
        if clamped != value:
            self._notes.append(
                translate(
                    "Settings",
                    "The tray rotation interval of {given} s was changed to {used} s "
                    "(it must be {low}–{high} s).",
                ).format(
                    given=f"{value:g}",
                    used=f"{clamped:g}",
                    low=f"{MIN_ROTATION_INTERVAL:g}",
                    high=f"{MAX_ROTATION_INTERVAL:g}",
                )
            )
        return float(clamped)

    def _alerts(self) -> list[AlertRule]:
        """Every rule that checks out; each bad one is dropped and named in a note."""
        if "alerts" not in self._data:
            return []
        rules, notes = rules_from_json(self._data["alerts"])
        self._notes.extend(notes)
        return rules

    def _alert_history(self) -> list[FiredRecord]:
        """The records that check out; unreadable ones are dropped and counted in a note."""
        if "alert_history" not in self._data:
            return []
        records, bad = history_from_json(self._data["alert_history"])
        if bad:
            if bad == 1:
                note = translate(
                    "Settings",
                    "{count} entry of the alert history could not be read and were left out.",
                )
            else:
                note = translate(
                    "Settings",
                    "{count} entries of the alert history could not be read and were left out.",
                )
            self._notes.append(note.format(count=bad))
        return records

    def _extra(self) -> dict[str, object]:
        extra = {k: v for k, v in self._data.items() if k not in KNOWN_KEYS}
        try:
            # Whatever was read must be writable again, or every later save would fail.
            json.dumps(extra, allow_nan=False)
        except (ValueError, RecursionError) as exc:
            self._reset.append(
                translate("Settings", "{setting} ({reason})").format(
                    setting=_label("extra"), reason=_first_line(exc)
                )
            )
            return {}
        return extra


def clean_watchlist_name(text: str) -> str:
    """A list name as kept: printable, trimmed, at most ``MAX_WATCHLIST_NAME`` characters."""
    shown = "".join(ch if ch.isprintable() else " " for ch in text)
    return shown.strip()[:MAX_WATCHLIST_NAME].strip()


def _clean_symbols(raw: list[object]) -> tuple[list[str], list[str]]:
    """Clean, de-duplicated symbols of a list, and why each bad entry was refused."""
    good: list[str] = []
    seen: set[str] = set()
    bad: list[str] = []
    for item in raw:
        if not isinstance(item, str):
            bad.append(translate("Settings", "{value} is not text").format(value=_short(item)))
            continue
        try:
            symbol = clean_symbol(item)
        except SymbolError as exc:
            bad.append(str(exc).rstrip("."))
            continue
        if symbol not in seen:
            seen.add(symbol)
            good.append(symbol)
    return good, bad


def _reconcile(lists: list[NamedWatchlist], watchlist: list[str]) -> list[NamedWatchlist]:
    """Make ``watchlist`` the union of ``lists`` again, as an older MiniTicker left it:
    symbols it removed leave every list, symbols it added join the first list."""
    if not lists:
        return []
    members = set(watchlist)
    kept = [NamedWatchlist(w.name, tuple(s for s in w.symbols if s in members)) for w in lists]
    placed = {s for w in kept for s in w.symbols}
    missing = tuple(s for s in watchlist if s not in placed)
    if missing:
        kept[0] = NamedWatchlist(kept[0].name, kept[0].symbols + missing)
    return kept


def _list_index(value: object) -> int:
    if _is_int(value) and 0 <= value < MAX_WATCHLISTS:
        return int(value)
    raise ValueError(
        translate("Settings", "expected a list number 0–{max}, found {found}").format(
            max=MAX_WATCHLISTS - 1, found=_short(value)
        )
    )


def _version(value: object) -> int:
    if _is_int(value) and value >= 1:
        return int(value)
    raise ValueError(
        translate("Settings", "expected a positive whole number, found {found}").format(
            found=_short(value)
        )
    )


def _sort_column(value: object) -> int:
    if _is_int(value) and 0 <= value <= MAX_SORT_COLUMN:
        return int(value)
    raise ValueError(
        translate("Settings", "expected a column number 0–{max}, found {found}").format(
            max=MAX_SORT_COLUMN, found=_short(value)
        )
    )


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(
        translate("Settings", "expected true or false, found {found}").format(found=_short(value))
    )


def _point(value: object) -> tuple[int, int]:
    """Screen coordinates ``[x, y]``; far beyond any screen is damage, not a position."""
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(_is_int(v) and abs(v) <= MAX_COORDINATE for v in value)
    ):
        return value[0], value[1]
    raise ValueError(
        translate("Settings", "expected two whole numbers [x, y], found {found}").format(
            found=_short(value)
        )
    )


def _base64(value: object) -> str:
    if isinstance(value, str):
        try:
            b64decode(value.encode("ascii"), validate=True)
        except (UnicodeEncodeError, binascii.Error):
            pass
        else:
            return value
    raise ValueError(translate("Settings", "the saved layout was damaged"))


def _finite_number(value: object) -> float:
    if _is_int(value) or isinstance(value, float):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if math.isfinite(number):
            return number
    raise ValueError(
        translate("Settings", "expected a number of seconds, found {found}").format(
            found=_short(value)
        )
    )


def _url(secure: str, insecure: str) -> Callable[[object], str]:
    def check(value: object) -> str:
        if not isinstance(value, str):
            raise ValueError(
                translate("Settings", "expected a URL, found {found}").format(found=_short(value))
            )
        try:
            # Whether an insecure URL may be used is decided at start-up (--allow-insecure);
            # here only URLs that could never work are refused.
            check_url(value, secure=secure, insecure=insecure, allow_insecure=True)
        except EndpointError as exc:
            raise ValueError(str(exc).rstrip(".")) from None
        return value

    return check


def _one_of(choices: tuple[str, ...]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if isinstance(value, str) and value in choices:
            return value
        raise ValueError(
            translate("Settings", "expected one of {choices}, found {found}").format(
                choices=", ".join(choices), found=_short(value)
            )
        )

    return check


def _optional(check: Callable[[object], T]) -> Callable[[object], T | None]:
    def optional(value: object) -> T | None:
        return None if value is None else check(value)

    return optional


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value: object) -> str:
    if value is None:
        return "null"  # as written in the file
    if isinstance(value, bool):
        return "true/false"  # as written in the file
    if isinstance(value, int | float):
        return translate("Settings", "a number")
    if isinstance(value, str):
        return translate("Settings", "text")
    if isinstance(value, dict):
        return translate("Settings", "an object")
    return translate("Settings", "a list")


def _short(value: object) -> str:
    """A value as it looks in the file, cut short and safe to show."""
    if isinstance(value, list | dict):
        return _kind(value)
    try:
        text = json.dumps(value, ensure_ascii=False)
    except ValueError:  # an integer too long to print
        return translate("Settings", "a very long number")
    return printable(text if len(text) <= 30 else text[:29] + "…")


def printable(text: str) -> str:
    """Text safe to put in a message: control characters and lone surrogates become "?"."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def _listing(items: list[str]) -> str:
    shown = "; ".join(items[:_MAX_LISTED])
    more = len(items) - _MAX_LISTED
    return (
        translate("Settings", "{list}; and {count} more").format(list=shown, count=more)
        if more > 0
        else shown
    )


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]
