"""Contract metadata: live from the simulated exchange, cached on disk, used offline."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from desktop.exchange.metadata import MetadataStore
from desktop.exchange.rest import RestClient, RestError
from desktop.simexchange import SimExchange
from tests.simexchange.helpers import run


def test_live_load_writes_the_cache_and_offline_load_uses_it(tmp_path: Path) -> None:
    async def scenario() -> None:
        ex = SimExchange(seed=4)
        await ex.start()
        try:
            store = MetadataStore(tmp_path / "cache", RestClient(ex.rest_url, timeout=2))
            catalog, source = await store.load()
            assert source == "live"
            assert len(catalog) == len(ex.symbols) and "BTCUSDT" in catalog
            record = json.loads(store.cache_path.read_text(encoding="utf-8"))
            assert record["exchangeInfo"]["symbols"] and record["fetchedAt"] > 0
            assert not [p for p in store.cache_dir.iterdir() if p.suffix == ".tmp"]
        finally:
            await ex.stop()
        catalog, source = await store.load()
        assert "BTCUSDT" in catalog and "币安人生USDT" in catalog
        assert re.fullmatch(
            r"cached from \d{4}-\d\d-\d\d \d\d:\d\d UTC \(exchange unreachable: "
            r"Could not reach http://127\.0\.0\.1:\d+: connection refused\)",
            source,
        ), source

    run(scenario())


def test_failed_refresh_keeps_the_previous_cache(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SimExchange(seed=4) as ex:
            store = MetadataStore(tmp_path, RestClient(ex.rest_url))
            await store.load()
            before = store.cache_path.read_bytes()
            ex.set_rest_unavailable(True)
            catalog, source = await store.load()
            assert "Binance answered 503" in source and "BTCUSDT" in catalog
            assert store.cache_path.read_bytes() == before

    run(scenario())


def test_corrupt_cache_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    async def scenario() -> None:
        async with SimExchange(seed=4) as ex:
            url = ex.rest_url
            store = MetadataStore(tmp_path, RestClient(url))
            await store.load()
        store.cache_path.write_text('{"version": 1, "fetchedAt": 1, "exchangeInfo": [tru')
        with (
            caplog.at_level(logging.WARNING, logger="desktop.exchange.metadata"),
            pytest.raises(RestError, match="No saved contract list"),
        ):
            await store.load()
        assert any("corrupt" in r.getMessage() for r in caplog.records)

    run(scenario())


def test_unreachable_and_no_cache_is_a_rest_error_in_plain_words(tmp_path: Path) -> None:
    async def scenario() -> None:
        ex = SimExchange(seed=4)
        await ex.start()
        url = ex.rest_url
        await ex.stop()
        store = MetadataStore(tmp_path / "never-created", RestClient(url))
        with pytest.raises(RestError) as caught:
            await store.load()
        assert str(caught.value) == (
            f"Could not reach {url}: connection refused. No saved contract list to fall back on."
        )

    run(scenario())


def test_cache_from_another_exchange_is_not_used(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with SimExchange(seed=4) as ex:
            await MetadataStore(tmp_path, RestClient(ex.rest_url)).load()
        other = MetadataStore(tmp_path, RestClient("http://127.0.0.1:9"))
        with pytest.raises(RestError, match="No saved contract list"):
            await other.load()

    run(scenario())
