"""Command-line options, each also settable by a ``MINITICKER_*`` environment variable.

The command line wins over the environment. An empty environment variable counts as
unset. A bad value ends the program with one line on stderr and exit status 2, before
any window opens. Imports no Qt.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, NoReturn, TypeVar

from desktop import __version__
from desktop.exchange.endpoints import EndpointError, Endpoints, make_endpoints
from desktop.exchange.symbols import SymbolError, normalize_symbol, split_symbols
from desktop.settings.paths import CACHE_SUBDIR, paths_here

T = TypeVar("T")

PROG: Final = "miniticker"
LOG_LEVELS: Final = ("debug", "info", "warning", "error")
DEFAULT_LOG_LEVEL: Final = "info"
DEFAULT_DEMO_CADENCE: Final = 2.0
MIN_DEMO_CADENCE: Final = 0.01
MAX_DEMO_CADENCE: Final = 3600.0
_TRUE: Final = frozenset({"1", "true", "yes", "on"})
_FALSE: Final = frozenset({"0", "false", "no", "off"})

# option dest → environment variable
ENV_VARS: Final = {
    "demo": "MINITICKER_DEMO",
    "ws_url": "MINITICKER_WS_URL",
    "rest_url": "MINITICKER_REST_URL",
    "testnet": "MINITICKER_TESTNET",
    "allow_insecure": "MINITICKER_ALLOW_INSECURE",
    "symbols": "MINITICKER_SYMBOLS",
    "pin": "MINITICKER_PIN",
    "config_dir": "MINITICKER_CONFIG_DIR",
    "minimized": "MINITICKER_MINIMIZED",
    "log_level": "MINITICKER_LOG_LEVEL",
    "demo_cadence": "MINITICKER_DEMO_CADENCE",
    "record": "MINITICKER_RECORD",
    "replay": "MINITICKER_REPLAY",
    "speed": "MINITICKER_REPLAY_SPEED",
}


@dataclass(frozen=True, slots=True)
class Options:
    """What this run was asked to do.

    ``endpoints`` is None in demo mode. ``endpoints_explicit`` says whether the user
    chose the exchange for this run (``--ws-url``/``--rest-url``/``--testnet``); when
    not, the app uses the endpoints from the settings file. ``symbols`` and ``pins``
    apply to this run only and are never saved over the user's own lists.
    """

    demo: bool = False
    endpoints: Endpoints | None = None
    symbols: tuple[str, ...] | None = None
    pins: tuple[str, ...] | None = None
    config_dir: Path = Path(".")
    minimized: bool = False
    log_level: str = DEFAULT_LOG_LEVEL
    demo_cadence: float = DEFAULT_DEMO_CADENCE
    allow_insecure: bool = False
    endpoints_explicit: bool = False
    #: The system's cache folder when no ``--config-dir`` was given; None keeps caches in
    #: ``config_dir / "cache"``. ``legacy_cache_dir``: where older versions cached, to move.
    platform_cache_dir: Path | None = None
    legacy_cache_dir: Path | None = None
    #: ``--record``: also write every frame received to this file. ``--replay``: play
    #: this recording instead of connecting, ``replay_speed`` times as fast (inf: fastest).
    record: Path | None = None
    replay: Path | None = None
    replay_speed: float = 1.0
    #: Not an option a person gives: a rebuild for a new language reopens Preferences.
    open_preferences: bool = False

    @property
    def cache_dir(self) -> Path:
        """Where caches go: the system's cache folder, or the ``--config-dir``'s ``cache``."""
        if self.platform_cache_dir is not None:
            return self.platform_cache_dir
        return self.config_dir / CACHE_SUBDIR

    @property
    def logging_level(self) -> int:
        """``log_level`` as a :mod:`logging` level number."""
        level: int = logging.getLevelName(self.log_level.upper())
        return level


class _Parser(argparse.ArgumentParser):
    """``error()`` writes one line, not the usage block: the message is what matters."""

    def error(self, message: str) -> NoReturn:
        text = " ".join(message.split()).rstrip(".")
        self.exit(2, f"{self.prog}: error: {text} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Live Binance USD-M futures prices in a watchlist window and the tray.",
        epilog=(
            "Every option can also be set by the environment variable shown with it; the "
            "command line wins. Yes/no variables take 1/true/yes/on or 0/false/no/off."
        ),
    )

    def add(
        *flags: str,
        dest: str,
        help: str,
        metavar: str | None = None,
        action: type[argparse.Action] | None = None,
    ) -> None:
        parser.add_argument(
            *flags,
            dest=dest,
            default=None,
            help=f"{help} [env:\N{NO-BREAK SPACE}{ENV_VARS[dest]}]",
            metavar=metavar,
            action=action or "store",
        )

    flag = argparse.BooleanOptionalAction
    add(
        "--demo",
        dest="demo",
        action=flag,
        help="run against a simulated exchange on this computer; no network needed",
    )
    add(
        "--demo-cadence",
        dest="demo_cadence",
        metavar="SECONDS",
        help=f"how often the simulated exchange pushes prices (default {DEFAULT_DEMO_CADENCE:g} s)",
    )
    add(
        "--ws-url",
        dest="ws_url",
        metavar="URL",
        help="websocket base URL of the market streams (wss://…)",
    )
    add("--rest-url", dest="rest_url", metavar="URL", help="REST base URL (https://…)")
    add(
        "--testnet",
        dest="testnet",
        action=flag,
        help="use the Binance futures testnet (streams from "
        "wss://fstream.binancefuture.com/market, REST at https://demo-fapi.binance.com)",
    )
    add(
        "--allow-insecure",
        dest="allow_insecure",
        action=flag,
        help="permit ws:// and http:// URLs to hosts other than this computer",
    )
    add(
        "--symbols",
        dest="symbols",
        metavar="A,B,C",
        help="watchlist for this run only; your saved watchlist is left as it is",
    )
    add("--pin", dest="pin", metavar="A,B", help="symbols to pin for this run only")
    add(
        "--config-dir",
        dest="config_dir",
        metavar="DIR",
        help=f"one folder for settings and caches (DIR/cache); default {_shown_default_dir()}",
    )
    add("--minimized", dest="minimized", action=flag, help="start in the tray, without the window")
    add(
        "--log-level",
        dest="log_level",
        metavar="LEVEL",
        help=f"one of {', '.join(LOG_LEVELS)} (default {DEFAULT_LOG_LEVEL})",
    )
    add(
        "--record",
        dest="record",
        metavar="FILE",
        help="also record every price frame received to FILE (gzip JSON Lines)",
    )
    add(
        "--replay",
        dest="replay",
        metavar="FILE",
        help="play a recording made with --record instead of connecting; no network",
    )
    add(
        "--speed",
        dest="speed",
        metavar="X",
        help="replay X times as fast as recorded; max: as fast as possible (default 1)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def parse_options(
    argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None
) -> Options:
    """Options from ``argv`` (default ``sys.argv[1:]``) and ``env`` (default ``os.environ``).

    Exits with status 2 and one line on stderr for a bad value.
    """
    env = os.environ if env is None else env
    parser = build_parser()
    given = vars(parser.parse_args(sys.argv[1:] if argv is None else list(argv)))

    def value(dest: str, convert: Callable[[str], T], default: T) -> T:
        """The command-line value, else the environment's, else ``default``."""
        raw = given[dest]
        if raw is not None and not isinstance(raw, str):
            return raw  # a --flag / --no-flag
        source = _flag_name(dest)
        if raw is None:
            raw = env.get(ENV_VARS[dest], "").strip() or None
            source = ENV_VARS[dest]
        if raw is None:
            return default
        try:
            return convert(raw)
        except ValueError as exc:
            parser.error(f"{source}: {exc}")

    demo = value("demo", _env_bool, False)
    testnet = value("testnet", _env_bool, False)
    allow_insecure = value("allow_insecure", _env_bool, False)
    ws_url = value("ws_url", _non_empty, None)
    rest_url = value("rest_url", _non_empty, None)
    symbols = value("symbols", _symbol_list, None)
    pins = value("pin", _symbol_list, None)
    if symbols is not None and pins is not None:
        stray = [p for p in pins if p not in symbols]
        if stray:
            parser.error(f"--pin: {', '.join(stray)} is not among --symbols")
    chosen_exchange = [
        name
        for name, dest, is_set in (
            ("--ws-url", "ws_url", ws_url is not None),
            ("--rest-url", "rest_url", rest_url is not None),
            ("--testnet", "testnet", testnet),
        )
        if is_set
    ]
    endpoints: Endpoints | None = None
    if demo and chosen_exchange:
        parser.error(
            f"--demo runs its own simulated exchange and cannot be combined with "
            f"{' or '.join(chosen_exchange)}"
        )
    if not demo:
        try:
            endpoints = make_endpoints(
                ws_url, rest_url, testnet=testnet, allow_insecure=allow_insecure
            )
        except EndpointError as exc:
            parser.error(str(exc))
    record = value("record", _directory, None)
    replay = value("replay", _directory, None)
    if replay is not None and (demo or record is not None):
        parser.error(
            "--replay plays a recording and cannot be combined with "
            + ("--demo" if demo else "--record")
        )
    given_dir = value("config_dir", _directory, None)
    paths = paths_here(env, config_dir=given_dir)
    return Options(
        demo=demo,
        endpoints=endpoints,
        symbols=symbols,
        pins=pins,
        config_dir=Path(paths.config_dir),
        minimized=value("minimized", _env_bool, False),
        log_level=value("log_level", _log_level, DEFAULT_LOG_LEVEL),
        demo_cadence=value("demo_cadence", _cadence, DEFAULT_DEMO_CADENCE),
        allow_insecure=allow_insecure,
        endpoints_explicit=bool(chosen_exchange),
        platform_cache_dir=None if given_dir else Path(paths.cache_dir),
        legacy_cache_dir=None if paths.legacy_cache_dir is None else Path(paths.legacy_cache_dir),
        record=record,
        replay=replay,
        replay_speed=value("speed", _speed, 1.0),
    )


def _env_bool(text: str) -> bool:
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"“{text}” is not yes or no; use 1/true/yes/on or 0/false/no/off")


def _non_empty(text: str) -> str:
    if not text.strip():
        raise ValueError("the value is empty")
    return text.strip()


def _symbol_list(text: str) -> tuple[str, ...]:
    symbols: list[str] = []
    for part in split_symbols(text):
        try:
            symbol = normalize_symbol(part)
        except SymbolError as exc:
            raise ValueError(str(exc)) from None
        if symbol not in symbols:
            symbols.append(symbol)
    if not symbols:
        raise ValueError("names no symbols; give them like BTCUSDT,ETHUSDT")
    return tuple(symbols)


def _directory(text: str) -> Path:
    return Path(_non_empty(text)).expanduser()


def _log_level(text: str) -> str:
    level = text.strip().lower()
    if level not in LOG_LEVELS:
        raise ValueError(f"“{text}” is not one of {', '.join(LOG_LEVELS)}")
    return level


def _cadence(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a number of seconds") from None
    if not (math.isfinite(seconds) and MIN_DEMO_CADENCE <= seconds <= MAX_DEMO_CADENCE):
        raise ValueError(
            f"{text} s is out of range; use {MIN_DEMO_CADENCE:g} to {MAX_DEMO_CADENCE:g} seconds"
        )
    return seconds


def _speed(text: str) -> float:
    """A replay speed: a number > 0, or ``max`` (or 0) for as fast as possible."""
    word = text.strip().lower()
    if word in {"max", "0"}:
        return math.inf
    try:
        speed = float(word.removeprefix("x").removesuffix("x"))
    except ValueError:
        raise ValueError(f"“{text}” is not a speed; use a number like 10, or max") from None
    if not (math.isfinite(speed) and speed > 0):
        raise ValueError(f"{text} is not a speed; use a number above 0, or max")
    return speed


def _flag_name(dest: str) -> str:
    return "--" + dest.replace("_", "-")


def _shown_default_dir() -> str:
    try:
        paths = paths_here()
    except RuntimeError:  # no home directory
        return "~/.config/miniticker, caches in ~/.cache/miniticker"
    return f"{paths.config_dir}, caches in {paths.cache_dir}"
