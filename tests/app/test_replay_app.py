"""Record a live session through the app, replay it into a fresh app: same table."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path

from PySide6.QtWidgets import QLabel

from desktop.app import Parts, build, serve
from desktop.options import Options
from desktop.qt.watchlist_model import Column
from desktop.simexchange.server import SimExchange
from desktop.stream.client import StreamClient
from desktop.stream.recording import RecordingReader
from desktop.stream.replay import ReplaySource
from tests.app.test_app import last_text, start
from tests.conftest import QtLoop, wait_for

# UPDATED shows when a price arrived: in a replay that is when it was played. NEXT_FUNDING
# counts down to the funding time from the clock of whoever looks, live or replaying.
COMPARED = [c for c in Column if c not in (Column.UPDATED, Column.NEXT_FUNDING)]


def shown_texts(parts: Parts) -> dict[str, list[str]]:
    model = parts.window.model
    return {
        symbol: [str(model.index(model.row_of(symbol), c).data() or "") for c in COMPARED]
        for symbol in parts.watchlist.symbols()
    }


def test_a_replayed_recording_drives_the_table_to_the_live_sessions_final_state(
    qt_loop: QtLoop, qapp: object, tmp_path: Path
) -> None:
    recording = tmp_path / "session.jsonl.gz"

    endpoints = []

    async def record() -> dict[str, list[str]]:
        async with SimExchange(cadence=0.05, seed=11) as exchange:
            endpoints.append(exchange.endpoints)
            parts, task = await start(exchange, tmp_path / "live", qapp, record=recording)
            assert parts.recording is not None
            await wait_for(
                lambda: all(
                    last_text(parts, s) not in ("", "—") for s in parts.watchlist.symbols()
                ),
                what="a price in every row",
            )
            await wait_for(lambda: len(parts.watchlist.catalog) > 50, what="contract list")
            client = parts.client
            assert isinstance(client, StreamClient)
            await wait_for(lambda: client.stats.delivered > 100, what="100 events")
            assert parts.recording.stop_action.isEnabled()
            assert not parts.recording.record_action.isEnabled()
            texts = shown_texts(parts)  # no await between this and the end of recording
            await parts.recording.finish()
            assert parts.recording.record_action.isEnabled()
            parts.quit_event.set()
            await task
            return texts

    async def replay() -> tuple[dict[str, list[str]], str]:
        # The exchange is gone: nothing to connect to. The contract list (price decimals)
        # comes from the cache an earlier live run left, as on a user's machine.
        options = Options(
            endpoints=endpoints[0],
            endpoints_explicit=True,
            config_dir=tmp_path / "live",
            replay=recording,
            replay_speed=math.inf,
        )
        parts = await build(options, qapp)  # type: ignore[arg-type]
        assert isinstance(parts.client, ReplaySource)
        task = asyncio.create_task(serve(parts))
        await asyncio.wait_for(parts.client.finished.wait(), 30)
        texts = shown_texts(parts)
        words = parts.window.status_bar.words
        labels = [
            parts.window.windowTitle(),
            parts.movers.windowTitle(),
            parts.tray.tooltip().splitlines()[0],
            str(parts.window.status_bar.findChild(QLabel, "replayBadge").text()),  # type: ignore[union-attr]
        ]
        assert parts.recording is None  # nothing to record in a replay
        parts.quit_event.set()
        await task
        assert all("REPLAY" in label for label in labels), labels
        return texts, words

    live = qt_loop.run(record())
    with RecordingReader(recording) as reader:
        assert reader.header["symbols"] == sorted(live)
        assert len(list(reader)) > 100
        assert not reader.truncated
    replayed, words = qt_loop.run(replay())
    assert replayed == live
    assert words == "Replay finished"
