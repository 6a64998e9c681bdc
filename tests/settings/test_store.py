"""Reading and writing settings.json: defaults, damage, partial files and atomic saves."""

from __future__ import annotations

import json
import os
import stat
import time
from base64 import b64encode
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.settings import store as store_module
from desktop.settings.store import (
    DEFAULT_PINS,
    DEFAULT_WATCHLIST,
    Settings,
    SettingsStore,
    default_config_dir,
)

FIXED_TIME = datetime(2025, 3, 4, 5, 6, 7)
CORRUPT_NAME = "settings.json.corrupt-20250304-050607"


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "config", clock=lambda: FIXED_TIME)


def write_json(store: SettingsStore, data: Any) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps(data), encoding="utf-8")


def write_bytes(store: SettingsStore, data: bytes) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(data)


# -- first run and saving -------------------------------------------------------------


def test_missing_file_gives_defaults_and_first_run(store: SettingsStore) -> None:
    result = store.load()
    assert result.first_run
    assert result.messages == []
    assert result.settings == Settings()
    assert result.settings.watchlist == DEFAULT_WATCHLIST
    assert result.settings.pins == DEFAULT_PINS
    assert not store.path.parent.exists(), "loading must not create anything"


def test_defaults_are_fresh_lists_not_the_shared_constants() -> None:
    Settings().watchlist.append("DOGEUSDT")
    assert "DOGEUSDT" not in DEFAULT_WATCHLIST
    assert "DOGEUSDT" not in Settings().watchlist


def test_save_creates_private_config_dir_and_file(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "a" / "b" / "miniticker")
    store.save(Settings())
    assert stat.S_IMODE(store.path.parent.stat().st_mode) & 0o077 == 0
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_save_then_load_gives_the_same_settings(store: SettingsStore) -> None:
    settings = Settings(
        watchlist=["ETHUSDT", "币安人生USDT", "BTCUSDT_261225"],
        pins=["BTCUSDT_261225", "ETHUSDT"],
        header_state=b64encode(b"\x00\xffheader").decode(),
        sort_column=3,
        sort_descending=True,
        window_geometry=b64encode(b"geometry").decode(),
        ws_url="ws://127.0.0.1:9000",
        rest_url="https://example.org/api",
        testnet=True,
        rotation_interval=7.5,
        tray_notice_shown=True,
        movers_shown=True,
        dock_state=b64encode(b"docks").decode(),
        strip_position=(-1280, 24),
    )
    store.save(settings)
    result = store.load()
    assert result.settings == settings
    assert result.messages == []
    assert not result.first_run


def test_saved_file_is_readable_json_and_leaves_no_temp_files(store: SettingsStore) -> None:
    store.save(Settings(watchlist=["ETHUSDT"], pins=[]))
    store.save(Settings(watchlist=["SOLUSDT"], pins=[]))
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["watchlist"] == ["SOLUSDT"]
    assert data["version"] == 1
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["settings.json"]


def test_save_refuses_values_json_cannot_hold_without_touching_the_file(
    store: SettingsStore,
) -> None:
    store.save(Settings(watchlist=["ETHUSDT"], pins=[]))
    with pytest.raises(ValueError):
        store.save(Settings(rotation_interval=float("nan")))
    assert store.load().settings.watchlist == ["ETHUSDT"]
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["settings.json"]


def test_save_writes_through_a_symlinked_settings_file(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "miniticker.json"
    store = SettingsStore(tmp_path / "config")
    store.path.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    store.path.symlink_to(real)
    store.save(Settings(watchlist=["ETHUSDT"], pins=[]))
    assert store.path.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["watchlist"] == ["ETHUSDT"]


def test_stale_temp_files_of_killed_saves_are_removed_but_fresh_ones_kept(
    store: SettingsStore,
) -> None:
    store.save(Settings())
    stale = store.path.with_name(".settings.json.old1.tmp")
    fresh = store.path.with_name(".settings.json.new1.tmp")
    stale.write_text("{", encoding="utf-8")
    fresh.write_text("{", encoding="utf-8")
    long_ago = time.time() - 3600
    os.utime(stale, (long_ago, long_ago))
    store.load()
    assert not stale.exists()
    assert fresh.exists()


def test_default_config_dir_follows_xdg_config_home(tmp_path: Path) -> None:
    assert default_config_dir({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "miniticker"


@pytest.mark.parametrize("xdg", ["", "relative/dir"])
def test_default_config_dir_falls_back_to_dot_config(xdg: str) -> None:
    expected = Path.home() / ".config" / "miniticker"
    assert default_config_dir({"XDG_CONFIG_HOME": xdg}) == expected
    assert default_config_dir({}) == expected


# -- files that cannot be read at all -------------------------------------------------


def assert_started_over(store: SettingsStore, reason: str) -> None:
    result = store.load()
    assert result.settings == Settings()
    assert not result.first_run
    (message,) = result.messages
    assert message.startswith(f"Your settings file could not be read ({reason}")
    assert "started with the default watchlist" in message
    assert f"the old file was kept as {store.path.parent / CORRUPT_NAME}" in message


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not valid JSON"),
        (b"{not json", "not valid JSON"),
        (b'{"watchlist": ["BTCUSDT"]', "not valid JSON"),
        (b"\x00\xff\xfe\x80junk", "it is not text"),
        (b"[1, 2, 3]", "it does not hold a settings object"),
        (b'"BTCUSDT"', "it does not hold a settings object"),
        (b"null", "it does not hold a settings object"),
        (b"[" * 100_000 + b"]" * 100_000, "not valid JSON"),
        (b'{"a": ' + b"9" * 5000 + b"}", "not valid JSON"),
    ],
    ids=["empty", "not-json", "cut-short", "binary", "list", "string", "null", "deep", "huge-int"],
)
def test_unreadable_file_is_moved_aside_and_defaults_used(
    store: SettingsStore, content: bytes, reason: str
) -> None:
    write_bytes(store, content)
    assert_started_over(store, reason)
    assert (store.path.parent / CORRUPT_NAME).read_bytes() == content
    assert not store.path.exists()


def test_a_folder_in_place_of_the_file_is_moved_aside(store: SettingsStore) -> None:
    store.path.mkdir(parents=True)
    (store.path / "inside.txt").write_text("kept", encoding="utf-8")
    assert_started_over(store, "it is a folder, not a file")
    assert (store.path.parent / CORRUPT_NAME / "inside.txt").read_text(encoding="utf-8") == "kept"
    store.save(Settings())
    assert store.load().messages == []


def test_an_oversized_file_is_moved_aside(store: SettingsStore) -> None:
    write_bytes(store, b" " * (store_module.MAX_FILE_BYTES + 1) + b"{}")
    assert_started_over(store, "it is 1,048,579 bytes, far too large")


def test_a_file_that_cannot_be_opened_is_moved_aside(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_json(store, {"watchlist": ["ETHUSDT"]})

    def refuse(path: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(store_module, "_read_bytes", refuse)
    assert_started_over(store, "permission denied")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_moved_aside(store: SettingsStore) -> None:
    write_json(store, {"watchlist": ["ETHUSDT"]})
    store.path.chmod(0)
    assert_started_over(store, "permission denied")


def test_a_bug_while_interpreting_the_file_still_starts_with_defaults(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_json(store, {"watchlist": ["ETHUSDT"]})

    def broken(data: Any) -> Any:
        raise KeyError("bug")

    monkeypatch.setattr(store_module, "settings_from_json", broken)
    assert_started_over(store, "unexpected error: KeyError")


def test_an_older_corrupt_copy_is_never_overwritten(store: SettingsStore) -> None:
    write_bytes(store, b"first")
    store.load()
    write_bytes(store, b"second")
    result = store.load()
    folder = store.path.parent
    assert (folder / CORRUPT_NAME).read_bytes() == b"first"
    assert (folder / f"{CORRUPT_NAME}-2").read_bytes() == b"second"
    assert str(folder / f"{CORRUPT_NAME}-2") in result.messages[0]


def test_when_the_file_cannot_be_moved_aside_the_message_says_so(
    store: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_bytes(store, b"junk")

    def refuse(src: Any, dst: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store_module.os, "rename", refuse)
    result = store.load()
    assert result.settings == Settings()
    assert "the old file could not be moved aside (permission denied)" in result.messages[0]


def test_a_file_inside_an_unusable_folder_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "config").write_text("a file where the folder should be", encoding="utf-8")
    result = SettingsStore(tmp_path / "config").load()
    assert result.settings == Settings()
    assert "could not be read (a file stands where its folder should be)" in result.messages[0]


def test_a_byte_order_mark_is_accepted(store: SettingsStore) -> None:
    write_bytes(store, b"\xef\xbb\xbf" + json.dumps({"watchlist": ["ETHUSDT"]}).encode())
    result = store.load()
    assert result.messages == []
    assert result.settings.watchlist == ["ETHUSDT"]


# -- partly valid files ---------------------------------------------------------------


def test_valid_fields_are_kept_and_bad_ones_reset_and_named(store: SettingsStore) -> None:
    write_json(
        store,
        {
            "watchlist": ["ETHUSDT", "SOLUSDT"],
            "pins": ["SOLUSDT"],
            "sort_column": "price",
            "sort_descending": True,
            "testnet": "yes",
            "header_state": "not base64!",
            "ws_url": "ftp://example.org",
            "tray_notice_shown": True,
        },
    )
    result = store.load()
    s = result.settings
    assert (s.watchlist, s.pins, s.sort_descending, s.tray_notice_shown) == (
        ["ETHUSDT", "SOLUSDT"],
        ["SOLUSDT"],
        True,
        True,
    )
    assert (s.sort_column, s.testnet, s.header_state, s.ws_url) == (None, False, None, None)
    (message,) = result.messages
    assert message.startswith("Some settings could not be used and were reset")
    for label in ("sort column", "testnet switch", "table columns", "websocket URL"):
        assert label in message
    assert "ftp://example.org" in message


def test_bad_watchlist_entries_are_dropped_and_named(store: SettingsStore) -> None:
    write_json(store, {"watchlist": ["ethusdt", "BTC-USDT", 42, " solusdt ", "ETHUSDT", ""]})
    result = store.load()
    assert result.settings.watchlist == ["ETHUSDT", "SOLUSDT"]
    (message,) = result.messages
    assert message.startswith("These watchlist entries are not valid symbols and were removed")
    assert "BTC-USDT" in message
    assert "42 is not text" in message
    assert "empty" in message


def test_a_watchlist_with_no_valid_symbol_falls_back_to_defaults(store: SettingsStore) -> None:
    write_json(store, {"watchlist": ["BTC-USDT"], "pins": ["BTCUSDT"]})
    result = store.load()
    assert result.settings.watchlist == DEFAULT_WATCHLIST
    assert result.settings.pins == ["BTCUSDT"]
    assert "default watchlist" in result.messages[-1]


def test_an_empty_watchlist_the_user_chose_stays_empty(store: SettingsStore) -> None:
    write_json(store, {"watchlist": [], "pins": []})
    result = store.load()
    assert (result.settings.watchlist, result.settings.pins, result.messages) == ([], [], [])


def test_a_watchlist_of_the_wrong_type_is_reset(store: SettingsStore) -> None:
    write_json(store, {"watchlist": "BTCUSDT,ETHUSDT"})
    result = store.load()
    assert result.settings.watchlist == DEFAULT_WATCHLIST
    assert "watchlist (expected a list of symbols, found text)" in result.messages[0]


def test_pins_outside_the_watchlist_are_unpinned_and_named(store: SettingsStore) -> None:
    write_json(store, {"watchlist": ["ETHUSDT", "SOLUSDT"], "pins": ["solusdt", "XRPUSDT", 7]})
    result = store.load()
    assert result.settings.pins == ["SOLUSDT"]
    assert any("not in the watchlist" in m and "XRPUSDT" in m for m in result.messages)
    assert any("pins are not valid symbols" in m and "7 is not text" in m for m in result.messages)


def test_missing_pins_default_to_the_default_pins_in_the_watchlist(store: SettingsStore) -> None:
    write_json(store, {"watchlist": ["ETHUSDT", "BTCUSDT"]})
    assert store.load().settings.pins == ["BTCUSDT"]
    write_json(store, {"watchlist": ["ETHUSDT"]})
    assert store.load().settings.pins == []


@pytest.mark.parametrize(("given", "used"), [(0.2, 1.0), (0, 1.0), (600, 60.0), (1e308, 60.0)])
def test_rotation_interval_is_clamped_and_the_change_mentioned(
    store: SettingsStore, given: float, used: float
) -> None:
    write_json(store, {"rotation_interval": given})
    result = store.load()
    assert result.settings.rotation_interval == used
    assert "tray rotation interval" in result.messages[0]


@pytest.mark.parametrize(
    "given", ['"12,40"', "[12]", "[12, 40, 1]", "[1.5, 40]", "[true, 40]", "[12, 1000000]"]
)
def test_a_damaged_strip_position_is_reset_and_the_user_is_told(
    store: SettingsStore, given: str
) -> None:
    write_bytes(store, f'{{"strip_position": {given}, "movers_shown": "yes"}}'.encode())
    result = store.load()
    assert result.settings.strip_position is None and result.settings.movers_shown is False
    (message,) = result.messages
    assert "mini strip position (expected two whole numbers" in message
    assert "movers panel (expected true or false" in message


@pytest.mark.parametrize("given", ["NaN", "Infinity", '"4"', "true", "null", "1e999"])
def test_rotation_interval_that_is_not_a_number_is_reset(store: SettingsStore, given: str) -> None:
    write_bytes(store, f'{{"rotation_interval": {given}}}'.encode())
    result = store.load()
    assert result.settings.rotation_interval == 4.0
    assert "tray rotation interval" in result.messages[0]


def test_unknown_keys_from_a_newer_version_are_kept_and_written_back(
    store: SettingsStore,
) -> None:
    write_json(
        store,
        {"version": 3, "watchlist": ["ETHUSDT"], "ladders": [{"symbol": "ETHUSDT", "at": 5000}]},
    )
    result = store.load()
    assert result.messages == []
    assert result.settings.version == 3
    assert result.settings.extra == {"ladders": [{"symbol": "ETHUSDT", "at": 5000}]}
    result.settings.pins = ["ETHUSDT"]
    store.save(result.settings)
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["ladders"] == [{"symbol": "ETHUSDT", "at": 5000}]
    assert data["pins"] == ["ETHUSDT"]


def test_text_json_escapes_but_utf8_cannot_hold_survives_a_round_trip(
    store: SettingsStore,
) -> None:
    write_bytes(store, b'{"future": "\\ud800 lone surrogate"}')
    result = store.load()
    assert result.settings.extra == {"future": "\ud800 lone surrogate"}
    store.save(result.settings)
    assert store.load().settings.extra == {"future": "\ud800 lone surrogate"}


def test_messages_never_carry_control_characters(store: SettingsStore) -> None:
    write_json(store, {"watchlist": ["BTC\nUSDT\x1b[31m", "ETHUSDT"], "sort_column": "\u0007"})
    for message in store.load().messages:
        assert message.isprintable()
