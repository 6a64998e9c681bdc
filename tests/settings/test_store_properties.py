"""Properties: no file content makes load() raise or yield invalid settings; saves round-trip."""

from __future__ import annotations

import json
import math
import tempfile
from base64 import b64encode
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.settings.model import (
    KNOWN_KEYS,
    MAX_ROTATION_INTERVAL,
    MAX_SORT_COLUMN,
    MIN_ROTATION_INTERVAL,
    is_valid_symbol,
)
from desktop.settings.store import Settings, SettingsStore

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def fresh_store() -> Iterator[SettingsStore]:
    # Hypothesis runs many examples per test; each needs its own folder.
    with tempfile.TemporaryDirectory() as folder:
        yield SettingsStore(Path(folder) / "config")


def assert_valid(s: Settings) -> None:
    assert isinstance(s.version, int) and s.version >= 1
    assert isinstance(s.watchlist, list) and all(is_valid_symbol(x) for x in s.watchlist)
    assert len(set(s.watchlist)) == len(s.watchlist)
    assert isinstance(s.pins, list) and all(p in s.watchlist for p in s.pins)
    assert len(set(s.pins)) == len(s.pins)
    for opaque in (s.header_state, s.window_geometry, s.ws_url, s.rest_url):
        assert opaque is None or isinstance(opaque, str)
    assert s.sort_column is None or 0 <= s.sort_column <= MAX_SORT_COLUMN
    for flag in (s.sort_descending, s.testnet, s.tray_notice_shown):
        assert isinstance(flag, bool)
    assert isinstance(s.rotation_interval, float)
    assert MIN_ROTATION_INTERVAL <= s.rotation_interval <= MAX_ROTATION_INTERVAL
    assert isinstance(s.extra, dict) and not (KNOWN_KEYS & s.extra.keys())


def assert_loads_safely(store: SettingsStore) -> None:
    result = store.load()
    assert_valid(result.settings)
    assert all(isinstance(m, str) and m.isprintable() for m in result.messages)
    assert not any("unexpected error" in m for m in result.messages)
    # Whatever load() made of the file can be saved and reads back the same, silently.
    store.save(result.settings)
    again = store.load()
    assert again.settings == result.settings
    assert again.messages == []


# -- strategies -----------------------------------------------------------------------

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=10,
)
symbol_like = st.sampled_from(
    ["BTCUSDT", "ethusdt", " SOLUSDT ", "BTC-USDT", "", "币安人生USDT", "BTCUSDT_261225", "ǰUSDT"]
) | st.text(max_size=45)
# Objects shaped like a settings file: known keys with any JSON value, lists of symbol-ish text.
settings_like = st.dictionaries(
    st.sampled_from(sorted(KNOWN_KEYS)) | st.text(max_size=10),
    json_values | st.lists(symbol_like | json_scalars, max_size=8),
    max_size=14,
)

valid_symbols = st.sampled_from(
    ["BTCUSDT", "ETHUSDT", "1000PEPEUSDT", "币安人生USDT", "BTCUSDT_261225"]
) | st.text(
    alphabet=st.characters(categories=["Lu", "Lo", "Nd"]) | st.just("_"), min_size=1, max_size=12
).filter(is_valid_symbol)
base64_text = st.binary(max_size=64).map(lambda b: b64encode(b).decode("ascii"))
ws_urls = st.sampled_from(
    ["wss://fstream.binance.com/market", "ws://127.0.0.1:8765", "ws://example.org"]
)
rest_urls = st.sampled_from(["https://fapi.binance.com", "http://localhost:8080/", "http://x.org"])
extra_keys = st.text(max_size=12).filter(lambda k: k not in KNOWN_KEYS)


@st.composite
def valid_settings(draw: st.DrawFn) -> Settings:
    watchlist = draw(st.lists(valid_symbols, unique=True, max_size=8))
    pins = draw(st.lists(st.sampled_from(watchlist), unique=True)) if watchlist else []
    return Settings(
        version=draw(st.integers(min_value=1, max_value=10**6)),
        watchlist=watchlist,
        pins=pins,
        header_state=draw(st.none() | base64_text),
        sort_column=draw(st.none() | st.integers(0, MAX_SORT_COLUMN)),
        sort_descending=draw(st.booleans()),
        window_geometry=draw(st.none() | base64_text),
        ws_url=draw(st.none() | ws_urls),
        rest_url=draw(st.none() | rest_urls),
        testnet=draw(st.booleans()),
        rotation_interval=draw(st.floats(MIN_ROTATION_INTERVAL, MAX_ROTATION_INTERVAL)),
        tray_notice_shown=draw(st.booleans()),
        extra=draw(st.dictionaries(extra_keys, json_values, max_size=4)),
    )


def mutate(text: str, position: int, junk: bytes) -> bytes:
    raw = text.encode("utf-8")
    cut = position % (len(raw) + 1)
    return raw[:cut] + junk + raw[cut + len(junk) :]


# -- properties -----------------------------------------------------------------------


@PROPERTY
@given(content=st.binary(max_size=512))
def test_any_bytes_as_the_file_load_to_valid_settings(content: bytes) -> None:
    with fresh_store() as store:
        store.path.parent.mkdir()
        store.path.write_bytes(content)
        assert_loads_safely(store)


@PROPERTY
@given(value=json_values | settings_like)
def test_any_json_value_as_the_file_loads_to_valid_settings(value: Any) -> None:
    with fresh_store() as store:
        store.path.parent.mkdir()
        store.path.write_text(json.dumps(value), encoding="utf-8")
        assert_loads_safely(store)


@PROPERTY
@given(
    original=valid_settings(),
    position=st.integers(0, 10_000),
    junk=st.binary(min_size=1, max_size=8),
)
def test_a_damaged_settings_file_loads_to_valid_settings(
    original: Settings, position: int, junk: bytes
) -> None:
    with fresh_store() as store:
        store.path.parent.mkdir()
        store.path.write_bytes(mutate(json.dumps(original.__dict__), position, junk))
        assert_loads_safely(store)


@PROPERTY
@given(original=valid_settings())
def test_saving_then_loading_gives_back_the_same_settings(original: Settings) -> None:
    with fresh_store() as store:
        store.save(original)
        result = store.load()
        assert result.settings == original
        assert result.messages == []
        assert not result.first_run
        assert not math.isnan(result.settings.rotation_interval)
