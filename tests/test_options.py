"""Command-line options and their MINITICKER_* environment variables."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest

import desktop
from desktop.exchange.endpoints import LIVE, TESTNET
from desktop.options import ENV_VARS, Options, parse_options

HOME_ENV = {"XDG_CONFIG_HOME": "/xdg"}


def parse(
    argv: list[str] | None = None, env: dict[str, str] | None = None, **variables: str
) -> Options:
    return parse_options(argv or [], {**HOME_ENV, **(env or {}), **variables})


def test_defaults() -> None:
    options = parse(XDG_CACHE_HOME="/xdg-cache")
    assert options == Options(
        demo=False,
        endpoints=LIVE,
        symbols=None,
        pins=None,
        config_dir=Path("/xdg/miniticker"),
        minimized=False,
        log_level="info",
        demo_cadence=2.0,
        allow_insecure=False,
        endpoints_explicit=False,
        platform_cache_dir=Path("/xdg-cache/miniticker"),
        legacy_cache_dir=Path("/xdg/miniticker/cache"),
    )
    assert options.cache_dir == Path("/xdg-cache/miniticker")


def test_a_config_dir_keeps_the_caches_inside_it_and_moves_nothing() -> None:
    options = parse(["--config-dir", "/elsewhere"], XDG_CACHE_HOME="/xdg-cache")
    assert options.config_dir == Path("/elsewhere")
    assert options.cache_dir == Path("/elsewhere/cache")
    assert options.legacy_cache_dir is None


def test_options_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        parse().demo = True  # type: ignore[misc]


# (argv, env, attribute, expected): every option both ways.
EACH_OPTION: list[tuple[list[str], dict[str, str], str, Any]] = [
    (["--demo"], {"MINITICKER_DEMO": "1"}, "demo", True),
    (["--testnet"], {"MINITICKER_TESTNET": "1"}, "endpoints", TESTNET),
    (["--minimized"], {"MINITICKER_MINIMIZED": "1"}, "minimized", True),
    (["--allow-insecure"], {"MINITICKER_ALLOW_INSECURE": "1"}, "allow_insecure", True),
    (
        ["--symbols", "ethusdt, SOLUSDT"],
        {"MINITICKER_SYMBOLS": "ethusdt, SOLUSDT"},
        "symbols",
        ("ETHUSDT", "SOLUSDT"),
    ),
    (["--pin", "btcusdt"], {"MINITICKER_PIN": "btcusdt"}, "pins", ("BTCUSDT",)),
    (
        ["--config-dir", "/tmp/mt"],
        {"MINITICKER_CONFIG_DIR": "/tmp/mt"},
        "config_dir",
        Path("/tmp/mt"),
    ),
    (["--log-level", "DEBUG"], {"MINITICKER_LOG_LEVEL": "DEBUG"}, "log_level", "debug"),
    (["--demo-cadence", "0.25"], {"MINITICKER_DEMO_CADENCE": "0.25"}, "demo_cadence", 0.25),
    (["--record", "/tmp/r.gz"], {"MINITICKER_RECORD": "/tmp/r.gz"}, "record", Path("/tmp/r.gz")),
    (["--replay", "/tmp/r.gz"], {"MINITICKER_REPLAY": "/tmp/r.gz"}, "replay", Path("/tmp/r.gz")),
    (["--speed", "10"], {"MINITICKER_REPLAY_SPEED": "10"}, "replay_speed", 10.0),
    (["--speed", "max"], {"MINITICKER_REPLAY_SPEED": "MAX"}, "replay_speed", math.inf),
]


@pytest.mark.parametrize(("argv", "env", "attribute", "expected"), EACH_OPTION)
def test_each_option_from_the_command_line(
    argv: list[str], env: dict[str, str], attribute: str, expected: Any
) -> None:
    assert getattr(parse(argv), attribute) == expected


@pytest.mark.parametrize(("argv", "env", "attribute", "expected"), EACH_OPTION)
def test_each_option_from_the_environment(
    argv: list[str], env: dict[str, str], attribute: str, expected: Any
) -> None:
    assert getattr(parse(env=env), attribute) == expected


@pytest.mark.parametrize("how", ["argv", "env"])
def test_custom_urls_become_custom_endpoints(how: str) -> None:
    ws, rest = "wss://example.org/market/", "https://example.org"
    if how == "argv":
        options = parse(["--ws-url", ws, "--rest-url", rest])
    else:
        options = parse(MINITICKER_WS_URL=ws, MINITICKER_REST_URL=rest)
    assert options.endpoints is not None
    assert (options.endpoints.ws_base, options.endpoints.rest_base) == (
        "wss://example.org/market",
        rest,
    )
    assert options.endpoints.name == "custom"
    assert options.endpoints_explicit


def test_testnet_with_a_custom_websocket_keeps_the_testnet_rest_url() -> None:
    options = parse(["--testnet", "--ws-url", "ws://127.0.0.1:9000"])
    assert options.endpoints is not None
    assert options.endpoints.ws_base == "ws://127.0.0.1:9000"
    assert options.endpoints.rest_base == TESTNET.rest_base


def test_allow_insecure_permits_plain_websocket_to_another_host() -> None:
    options = parse(["--allow-insecure", "--ws-url", "ws://10.0.0.5:8080"])
    assert options.endpoints is not None
    assert options.endpoints.ws_base == "ws://10.0.0.5:8080"


def test_demo_has_no_endpoints() -> None:
    options = parse(["--demo"])
    assert options.endpoints is None
    assert not options.endpoints_explicit


def test_symbols_are_trimmed_upper_cased_and_deduplicated() -> None:
    options = parse(
        ["--symbols", " btcusdt ,ETHUSDT,, BTCUSDT 币安人生usdt", "--pin", "ethusdt,ETHUSDT"]
    )
    assert options.symbols == ("BTCUSDT", "ETHUSDT", "币安人生USDT")
    assert options.pins == ("ETHUSDT",)


@pytest.mark.parametrize("word", ["1", "true", "yes", "on", "TRUE", " On "])
def test_true_words_in_the_environment(word: str) -> None:
    assert parse(MINITICKER_MINIMIZED=word).minimized is True


@pytest.mark.parametrize("word", ["0", "false", "no", "off", "OFF", ""])
def test_false_words_and_empty_in_the_environment(word: str) -> None:
    assert parse(MINITICKER_MINIMIZED=word).minimized is False


def test_an_empty_variable_counts_as_unset() -> None:
    options = parse(MINITICKER_WS_URL="", MINITICKER_SYMBOLS=" ", MINITICKER_LOG_LEVEL="")
    assert (options.endpoints, options.symbols, options.log_level) == (LIVE, None, "info")


# -- the command line wins ------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "env", "attribute", "expected"),
    [
        (["--no-demo"], {"MINITICKER_DEMO": "1"}, "demo", False),
        (["--no-minimized"], {"MINITICKER_MINIMIZED": "yes"}, "minimized", False),
        (["--no-testnet"], {"MINITICKER_TESTNET": "on"}, "endpoints", LIVE),
        (["--minimized"], {"MINITICKER_MINIMIZED": "0"}, "minimized", True),
        (["--symbols", "ETHUSDT"], {"MINITICKER_SYMBOLS": "SOLUSDT"}, "symbols", ("ETHUSDT",)),
        (["--pin", "ETHUSDT"], {"MINITICKER_PIN": "SOLUSDT"}, "pins", ("ETHUSDT",)),
        (["--config-dir", "/a"], {"MINITICKER_CONFIG_DIR": "/b"}, "config_dir", Path("/a")),
        (["--log-level", "error"], {"MINITICKER_LOG_LEVEL": "debug"}, "log_level", "error"),
        (["--demo-cadence", "1"], {"MINITICKER_DEMO_CADENCE": "5"}, "demo_cadence", 1.0),
        # a bad environment value is not even looked at when the command line gives one
        (["--log-level", "info"], {"MINITICKER_LOG_LEVEL": "loud"}, "log_level", "info"),
    ],
)
def test_command_line_wins_over_environment(
    argv: list[str], env: dict[str, str], attribute: str, expected: Any
) -> None:
    assert getattr(parse(argv, env), attribute) == expected


def test_command_line_url_wins_over_environment_url() -> None:
    options = parse(["--ws-url", "wss://a.example"], MINITICKER_WS_URL="wss://b.example")
    assert options.endpoints is not None
    assert options.endpoints.ws_base == "wss://a.example"


def test_defaults_come_from_the_real_environment_and_argv(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.argv", ["miniticker", "--minimized"])
    monkeypatch.setenv("MINITICKER_CONFIG_DIR", str(tmp_path))
    options = parse_options()
    assert options.minimized
    assert options.config_dir == tmp_path


def test_config_dir_expands_the_home_directory() -> None:
    assert parse(["--config-dir", "~/mt"]).config_dir == Path.home() / "mt"


# -- bad values -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "env", "mentions"),
    [
        (["--log-level", "loud"], {}, "--log-level"),
        ([], {"MINITICKER_LOG_LEVEL": "verbose"}, "MINITICKER_LOG_LEVEL"),
        (["--symbols", "BTC-USDT"], {}, "--symbols"),
        (["--symbols", " , "], {}, "names no symbols"),
        ([], {"MINITICKER_SYMBOLS": "ETHUSDT,BTC/USDT"}, "MINITICKER_SYMBOLS"),
        (["--symbols", "X" * 41], {}, "at most 40"),
        (["--pin", "BTC.USDT"], {}, "--pin"),
        ([], {"MINITICKER_PIN": "B@D"}, "MINITICKER_PIN"),
        (["--symbols", "ETHUSDT", "--pin", "SOLUSDT"], {}, "SOLUSDT is not among --symbols"),
        (["--ws-url", "ftp://example.org"], {}, "wss://"),
        (["--ws-url", "ws://example.org"], {}, "--allow-insecure"),
        (["--rest-url", "http://example.org"], {}, "--allow-insecure"),
        ([], {"MINITICKER_REST_URL": "https://user:pw@example.org"}, "credentials"),
        (["--ws-url", "wss://example.org/?x=1"], {}, "without ?query"),
        (["--demo", "--ws-url", "wss://example.org"], {}, "--ws-url"),
        (["--demo", "--rest-url", "https://example.org"], {}, "--rest-url"),
        (["--demo", "--testnet"], {}, "--testnet"),
        (["--testnet"], {"MINITICKER_DEMO": "1"}, "--demo"),
        ([], {"MINITICKER_DEMO": "maybe"}, "MINITICKER_DEMO"),
        ([], {"MINITICKER_TESTNET": "2"}, "MINITICKER_TESTNET"),
        ([], {"MINITICKER_ALLOW_INSECURE": "y"}, "MINITICKER_ALLOW_INSECURE"),
        ([], {"MINITICKER_MINIMIZED": "tray"}, "MINITICKER_MINIMIZED"),
        (["--demo-cadence", "fast"], {}, "--demo-cadence"),
        (["--demo-cadence", "0"], {}, "out of range"),
        (["--demo-cadence", "-1"], {}, "--demo-cadence"),
        (["--demo-cadence", "nan"], {}, "out of range"),
        (["--demo-cadence", "inf"], {}, "out of range"),
        ([], {"MINITICKER_DEMO_CADENCE": "1e9"}, "MINITICKER_DEMO_CADENCE"),
        (["--config-dir", ""], {}, "--config-dir"),
        (["--replay", "r.gz", "--demo"], {}, "--replay plays a recording and cannot be combined"),
        (["--replay", "r.gz"], {"MINITICKER_RECORD": "x.gz"}, "--record"),
        (["--speed", "-2"], {}, "--speed"),
        (["--speed", "fast"], {}, "--speed"),
        ([], {"MINITICKER_REPLAY_SPEED": "nan"}, "MINITICKER_REPLAY_SPEED"),
        (["--ws-url"], {}, "expected one argument"),
        (["--frobnicate"], {}, "unrecognized arguments"),
    ],
)
def test_a_bad_value_exits_2_with_one_line_on_stderr(
    argv: list[str], env: dict[str, str], mentions: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse(argv, env)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("miniticker: error: ")
    assert mentions in lines[0]


# -- help and version -----------------------------------------------------------------


def test_help_shows_the_environment_variable_of_every_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert len(ENV_VARS) == 14
    for dest, variable in ENV_VARS.items():
        assert f"[env:\N{NO-BREAK SPACE}{variable}]" in out, variable
        assert "--" + dest.replace("_", "-") in out


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        parse(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"miniticker {desktop.__version__}\n"
