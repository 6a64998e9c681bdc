"""The cache left the settings folder: the app moves an old one once, losing nothing."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.simexchange.server import SimExchange
from tests.app.test_app import start
from tests.conftest import QtLoop, wait_for


def test_a_cache_in_the_settings_folder_moves_to_the_cache_folder_once(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    settings_dir, cache_dir = tmp_path / "config" / "miniticker", tmp_path / "cache" / "miniticker"
    legacy = settings_dir / "cache"
    legacy.mkdir(parents=True)
    (legacy / "exchange_info.json").write_text("from 0.1", encoding="utf-8")
    (legacy / "kept.bin").write_bytes(b"\x00 anything an older version cached")

    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=9) as exchange:
            parts, task = await start(
                exchange,
                settings_dir,
                qapp,
                platform_cache_dir=cache_dir,
                legacy_cache_dir=legacy,
            )
            fresh = cache_dir / "exchange_info.json"
            await wait_for(
                lambda: fresh.exists() and fresh.read_text(encoding="utf-8") != "from 0.1",
                what="the contract list saved in the new cache folder",
            )
            parts.quit_event.set()
            await task

    qt_loop.run(scenario())

    assert not legacy.exists()
    assert (cache_dir / "kept.bin").read_bytes() == b"\x00 anything an older version cached"
    saved = json.loads((cache_dir / "exchange_info.json").read_text(encoding="utf-8"))
    assert saved["exchangeInfo"]["symbols"]  # the live list, saved where caches now go
    assert sorted(p.name for p in settings_dir.iterdir()) == ["settings.json"]
