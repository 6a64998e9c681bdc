"""Named watchlists in the settings file: saved and read back as written, reconciled with
``watchlist`` (the union an older MiniTicker reads and edits), forgiving of hand edits."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.settings.model import (
    MAX_WATCHLIST_NAME,
    MAX_WATCHLISTS,
    NamedWatchlist,
    Settings,
    clean_watchlist_name,
    is_valid_symbol,
    settings_from_json,
    settings_to_json,
)
from desktop.settings.store import SettingsStore


def load(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    return settings_from_json(json.loads(json.dumps(data)))


def assert_consistent(s: Settings) -> None:
    members = set(s.watchlist)
    assert len(s.watchlists) <= MAX_WATCHLISTS
    for named in s.watchlists:
        assert named.name == clean_watchlist_name(named.name) and named.name
        assert len(named.name) <= MAX_WATCHLIST_NAME
        assert all(is_valid_symbol(x) and x in members for x in named.symbols)
        assert len(set(named.symbols)) == len(named.symbols)
    if s.watchlists:
        assert {x for w in s.watchlists for x in w.symbols} == members
    assert 0 <= s.current_watchlist < max(1, len(s.watchlists))
    assert all(p in members for p in s.pins)


def test_named_lists_round_trip_through_the_store(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    written = Settings(
        watchlist=["BTCUSDT", "ETHUSDT", "SOLUSDT"],
        pins=["SOLUSDT"],
        watchlists=[
            NamedWatchlist("Majors", ("BTCUSDT", "ETHUSDT")),
            NamedWatchlist("Alts", ("SOLUSDT", "ETHUSDT")),
            NamedWatchlist("Empty", ()),
        ],
        current_watchlist=1,
    )
    store.save(written)
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["watchlists"][1] == {"name": "Alts", "symbols": ["SOLUSDT", "ETHUSDT"]}
    result = store.load()
    assert result.messages == []
    assert result.settings == written


def test_an_older_miniticker_editing_the_union_is_followed() -> None:
    s, messages = load(
        {
            "watchlist": ["ETHUSDT", "SOLUSDT", "DOGEUSDT"],  # BTCUSDT removed, DOGEUSDT added
            "watchlists": [
                {"name": "Majors", "symbols": ["BTCUSDT", "ETHUSDT"]},
                {"name": "Alts", "symbols": ["SOLUSDT", "BTCUSDT"]},
            ],
        }
    )
    assert messages == []
    assert s.watchlists == [
        NamedWatchlist("Majors", ("ETHUSDT", "DOGEUSDT")),
        NamedWatchlist("Alts", ("SOLUSDT",)),
    ]
    assert_consistent(s)


def test_lists_without_the_union_make_the_union() -> None:
    s, messages = load(
        {"watchlists": [{"name": "A", "symbols": ["ethusdt", "BTCUSDT"]}], "pins": ["BTCUSDT"]}
    )
    assert messages == []
    assert s.watchlist == ["ETHUSDT", "BTCUSDT"] and s.pins == ["BTCUSDT"]


def test_without_named_lists_nothing_changes() -> None:
    s, messages = load({"watchlist": ["BTCUSDT"]})
    assert s.watchlists == [] and s.current_watchlist == 0 and messages == []


def test_bad_entries_are_dropped_and_named_in_plain_words() -> None:
    s, messages = load(
        {
            "watchlist": ["BTCUSDT", "ETHUSDT"],
            "watchlists": [
                {"name": "  Main\n list  ", "symbols": ["BTCUSDT", "BTC-USDT", 5]},
                "not a list",
                {"name": "no symbols"},
                {"name": 7, "symbols": []},
                {"name": "x" * 99, "symbols": ["ETHUSDT"]},
            ],
            "current_watchlist": 7,
        }
    )
    assert [w.name for w in s.watchlists] == ["Main  list", "Watchlist 2", "x" * 40]
    assert s.watchlists[0].symbols == ("BTCUSDT",)
    assert s.current_watchlist == 0  # no seventh list any more
    assert any("Named watchlists left out" in m and "2." in m for m in messages)
    assert any("named watchlist entries are not valid" in m for m in messages)
    assert_consistent(s)


def test_a_broken_lists_field_or_index_is_reset() -> None:
    s, messages = load({"watchlists": {"name": "A"}, "current_watchlist": "two"})
    assert s.watchlists == [] and s.current_watchlist == 0
    assert len(messages) == 1
    assert "named watchlists (expected a list, found an object)" in messages[0]
    assert "shown watchlist (expected a list number" in messages[0]


def test_too_many_lists_are_cut() -> None:
    s, messages = load(
        {"watchlists": [{"name": f"L{i}", "symbols": []} for i in range(MAX_WATCHLISTS + 3)]}
    )
    assert len(s.watchlists) == MAX_WATCHLISTS
    assert any("more than" in m for m in messages)


# -- properties -----------------------------------------------------------------------

PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
symbolish = st.sampled_from(
    ["BTCUSDT", "ethusdt", "SOLUSDT", "BTC-USDT", "", "币安人生USDT", 3, None]
) | st.text(max_size=12)
entries = st.fixed_dictionaries(
    {},
    optional={
        "name": st.text(max_size=50) | st.integers(),
        "symbols": st.lists(symbolish, max_size=6) | st.text(max_size=3),
    },
)
files = st.fixed_dictionaries(
    {},
    optional={
        "watchlist": st.lists(symbolish, max_size=6),
        "pins": st.lists(symbolish, max_size=4),
        "watchlists": st.lists(entries | st.integers(), max_size=5) | st.text(max_size=3),
        "current_watchlist": st.integers(-2, 8) | st.text(max_size=2) | st.none(),
    },
)


@PROPERTY
@given(files)
def test_any_lists_load_consistently_and_save_as_a_fixed_point(data: dict[str, Any]) -> None:
    s, messages = load(data)
    assert_consistent(s)
    assert all(isinstance(m, str) and m.isprintable() for m in messages)
    again, notes = load(settings_to_json(s))
    assert again == s and notes == []


@PROPERTY
@given(files)
def test_the_store_writes_and_reads_them_back(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = SettingsStore(Path(folder))
        (Path(folder) / "settings.json").write_text(json.dumps(data), encoding="utf-8")
        first = store.load()
        store.save(first.settings)
        second = store.load()
        assert second.settings == first.settings and second.messages == []
