"""The watchlist's Mark, Index, Funding, Next funding and Basis columns, fed by a real
stream client from the simulated exchange."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.exchange.contracts import ContractCatalog, parse_exchange_info
from desktop.exchange.display import format_change
from desktop.exchange.funding import basis
from desktop.qt.colors import Colors
from desktop.qt.marks import MarkBook
from desktop.qt.quotes import QuoteBook
from desktop.qt.roles import DISPLAY, FOREGROUND, TOOLTIP
from desktop.qt.watchlist import Watchlist
from desktop.qt.watchlist_model import Column, Role, WatchlistModel
from desktop.simexchange.funding import HOUR_MS
from desktop.simexchange.server import SimExchange
from desktop.stream import StreamClient
from tests.conftest import QtLoop, wait_for

FAST_CLIENT: dict[str, Any] = {"ping_interval": 0.5, "ping_timeout": 0.5, "data_timeout": 2.0}


class Clock:
    """The real time, or a moment it is held at (to read the countdown at a given time)."""

    def __init__(self) -> None:
        self.held: float | None = None

    def __call__(self) -> float:
        return time.time() if self.held is None else self.held


@dataclass
class Rig:
    sim: SimExchange
    client: StreamClient
    marks: MarkBook
    model: WatchlistModel
    clock: Clock

    def cell(self, symbol: str, column: Column, role: Any = DISPLAY) -> Any:
        return self.model.data(self.model.index(self.model.row_of(symbol), column), role)


@asynccontextmanager
async def rig(symbols: list[str], **sim: Any) -> AsyncIterator[Rig]:
    async with SimExchange(**{"cadence": 0.1, "seed": 3, "mark_interval": 0.1, **sim}) as ex:
        client = StreamClient(ex.endpoints, marks=True, **FAST_CLIENT)
        quotes = QuoteBook(client, cadence=0.1)
        marks = MarkBook(client)
        catalog = ContractCatalog(parse_exchange_info({"symbols": ex.market.entries}))
        clock = Clock()
        watchlist = Watchlist(symbols, catalog=catalog)
        model = WatchlistModel(watchlist, quotes, marks=marks, clock=clock)
        client.set_symbols(symbols)
        await client.start()
        try:
            yield Rig(ex, client, marks, model, clock)
        finally:
            await client.stop()
            model.deleteLater()
            marks.deleteLater()


def test_next_funding_counts_down_to_zero_then_shows_the_next_period(
    qt_loop: QtLoop, qtbot: QtBot
) -> None:
    async def scenario() -> None:
        async with rig(["ETHUSDT"]) as r:
            await wait_for(lambda: r.marks.mark("ETHUSDT") is not None, what="a mark")
            funding_time = int(time.time() * 1000) + 1500
            r.sim.funding.set_next_funding("ETHUSDT", funding_time)
            interval = r.sim.funding.funding("ETHUSDT").interval_ms

            def next_funding() -> int:
                mark = r.marks.mark("ETHUSDT")
                return mark.event.next_funding if mark is not None else 0

            await wait_for(lambda: next_funding() == funding_time, what="the funding time")
            r.clock.held = funding_time / 1000 - 61
            assert r.cell("ETHUSDT", Column.NEXT_FUNDING) == "00:01:01"
            r.clock.held = funding_time / 1000 - 0.5
            assert r.cell("ETHUSDT", Column.NEXT_FUNDING) == "00:00:01"
            r.clock.held = funding_time / 1000
            assert r.cell("ETHUSDT", Column.NEXT_FUNDING) == "00:00:00"
            # Funding settles on the exchange: the next period's time arrives.
            await wait_for(lambda: next_funding() == funding_time + interval, what="settling")
            hours = interval // HOUR_MS
            assert r.cell("ETHUSDT", Column.NEXT_FUNDING) == f"{hours:02d}:00:00"
            r.clock.held = None

    qt_loop.run(scenario())


def test_countdown_announces_its_column_each_second_only_while_shown(
    qt_loop: QtLoop, qtbot: QtBot
) -> None:
    async def scenario() -> None:
        async with rig(["BTCUSDT"]) as r:
            await wait_for(lambda: r.marks.mark("BTCUSDT") is not None, what="a mark")
            assert not r.model.funding_ticking
            announced: list[tuple[int, int]] = []

            def on_changed(top: QModelIndex, bottom: QModelIndex, roles: Any) -> None:
                if top.column() == bottom.column() == Column.NEXT_FUNDING:
                    announced.append((top.row(), bottom.row()))

            r.model.dataChanged.connect(on_changed)
            r.model.set_funding_shown(True)
            await wait_for(lambda: len(announced) >= 2, timeout=5, what="two countdown ticks")
            r.model.set_funding_shown(False)
            assert not r.model.funding_ticking
            count = len(announced)
            assert count >= 2 and announced[0] == (0, 0)

    qt_loop.run(scenario())


def test_funding_is_coloured_by_who_pays_and_says_so(qt_loop: QtLoop, qtbot: QtBot) -> None:
    async def scenario() -> None:
        async with rig(["BTCUSDT", "ETHUSDT"]) as r:
            r.sim.funding.set_rate("BTCUSDT", "0.00038167")
            r.sim.funding.set_rate("ETHUSDT", "-0.000125")
            await wait_for(
                lambda: (
                    r.cell("BTCUSDT", Column.FUNDING) == "+0.0382 %"
                    and r.cell("ETHUSDT", Column.FUNDING) == "−0.0125 %"
                ),
                what="the forced rates",
            )
            swatch = Colors().swatch()
            assert r.cell("BTCUSDT", Column.FUNDING, FOREGROUND) == swatch.up
            assert r.cell("ETHUSDT", Column.FUNDING, FOREGROUND) == swatch.down
            assert "longs pay shorts" in r.cell("BTCUSDT", Column.FUNDING, TOOLTIP)
            assert "shorts pay longs" in r.cell("ETHUSDT", Column.FUNDING, TOOLTIP)
            assert r.cell("BTCUSDT", Column.FUNDING, Role.ExactRole) == "0.00038167"
            mark = r.marks.mark("BTCUSDT")
            assert mark is not None
            assert r.cell("BTCUSDT", Column.MARK, Role.ExactRole) == mark.event.mark_text

    qt_loop.run(scenario())


def test_marks_are_marked_stale_when_the_mark_stream_stops(qt_loop: QtLoop, qtbot: QtBot) -> None:
    async def scenario() -> None:
        async with rig(["BTCUSDT"]) as r:
            r.marks.cadence = 0.1  # stale after 0.3 s, as the simulator's cadence
            r.model.set_funding_shown(True)
            muted = Colors().swatch().muted
            await wait_for(lambda: r.marks.mark("BTCUSDT") is not None, what="a mark")
            assert r.cell("BTCUSDT", Column.MARK, FOREGROUND) != muted
            r.sim.funding.set_quiet("BTCUSDT")
            await wait_for(
                lambda: r.cell("BTCUSDT", Column.MARK, FOREGROUND) == muted, what="stale"
            )
            assert "stale" in r.cell("BTCUSDT", Column.MARK, TOOLTIP)
            r.sim.funding.set_quiet("BTCUSDT", False)
            await wait_for(
                lambda: r.cell("BTCUSDT", Column.MARK, FOREGROUND) != muted, what="fresh"
            )

    qt_loop.run(scenario())


def test_quarterlies_show_basis_instead_of_funding(qt_loop: QtLoop, qtbot: QtBot) -> None:
    async def scenario() -> None:
        async with rig(["BTCUSDT_261225", "BTCUSDT"]) as r:
            quarterly = "BTCUSDT_261225"

            def both_known() -> bool:
                return r.marks.mark(quarterly) is not None and r.cell(quarterly, Column.LAST) != ""

            await wait_for(both_known, what="a quote and a mark")
            assert r.cell(quarterly, Column.FUNDING) == "—"
            assert r.cell(quarterly, Column.NEXT_FUNDING) == "—"
            assert r.cell("BTCUSDT", Column.BASIS) == ""
            text = r.cell(quarterly, Column.BASIS)
            exact = r.cell(quarterly, Column.BASIS, Role.ExactRole)
            mark = r.marks.mark(quarterly)
            assert mark is not None
            diff = Decimal(exact)
            last = diff + mark.event.index
            assert basis(f"{last}", mark.event.index_text)[0] == diff
            assert text.startswith(format_change(diff, 1))

    qt_loop.run(scenario())


def test_model_with_funding_columns_passes_the_model_tester(
    qt_loop: QtLoop, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    async def scenario() -> None:
        async with rig(["BTCUSDT", "ETHUSDT", "BTCUSDT_261225"]) as r:
            await wait_for(lambda: len(r.client.last_events) == 3, what="quotes")
            await wait_for(lambda: r.marks.mark("ETHUSDT") is not None, what="marks")
            qtmodeltester.check(r.model)

    qt_loop.run(scenario())
