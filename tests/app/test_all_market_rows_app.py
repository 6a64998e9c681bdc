"""The all-market stream's COIN-M rows (``"st": 2``, ``BTCUSD_PERP``…) never reach what
the user sees, the quote book, the movers and the alerts, whether or not the contract
list (which would not list them) could be loaded."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.exchange.symbols import ALL_MARKET_STREAM
from desktop.qt.movers_model import MoverKind
from desktop.simexchange.server import SimExchange
from tests.app.test_app import start
from tests.conftest import QtLoop, wait_for


@pytest.mark.parametrize("listed", [True, False], ids=["contract list", "no contract list"])
def test_coin_m_rows_of_the_all_market_stream_reach_nothing_the_user_sees(
    qt_loop: QtLoop, qapp: object, tmp_path: Path, listed: bool
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.2, arr_interval=0.05, seed=21) as exchange:
            coin_m = set(exchange.market.other_market_symbols)
            assert "BTCUSD_PERP" in coin_m
            assert coin_m <= {s.symbol for s in exchange.market.all_market_states()}
            if not listed:
                exchange.set_rest_unavailable(True)
            parts, task = await start(exchange, tmp_path, qapp)
            try:
                center = parts.alerts
                assert center is not None
                for symbol in sorted(coin_m):  # rules that would see any of their events
                    center.add_rule(AlertRule(symbol, AlertKind.BELOW, Decimal("1e9")))
                fired: list[object] = []
                center.alertFired.connect(fired.append)
                if listed:
                    await wait_for(lambda: len(parts.watchlist.catalog) > 50, what="contracts")
                else:
                    await wait_for(
                        lambda: any(
                            h.path.endswith("exchangeInfo") for h in exchange.stats.rest_requests
                        ),
                        what="the contract list asked for, and refused",
                    )
                parts.movers.show()
                await wait_for(
                    lambda: ALL_MARKET_STREAM in exchange.stats.subscribed_streams(),
                    what="!miniTicker@arr subscribed",
                )
                trading = [s.symbol for s in exchange.market.trading_states()]

                def pushed_all() -> bool:
                    quotes = [parts.book.quote(s) for s in trading]
                    return all(q is not None and not q.from_snapshot for q in quotes)

                await wait_for(pushed_all, what="every USDⓈ-M symbol pushed by @arr")
                models = parts.movers.panel.models
                await wait_for(
                    lambda: all(len(models[k].symbols()) == 10 for k in MoverKind),
                    what="the movers ranked",
                )
                rounds = exchange.stats.all_market_ticks
                await exchange.wait_until(lambda: exchange.stats.all_market_ticks >= rounds + 5)
                assert len(parts.watchlist.catalog) == (len(exchange.symbols) if listed else 0)
                assert not coin_m & set(parts.book.symbols())
                for kind in MoverKind:
                    assert not coin_m & set(models[kind].symbols()), kind
                assert all(center.last_price(s) is None for s in coin_m)
                assert fired == []
            finally:
                parts.quit_event.set()
                await task

    qt_loop.run(scenario())
