"""A funding rate alert fires from the simulated exchange's mark price stream."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from desktop.exchange.alert_engine import AlertFired, RuleState
from desktop.exchange.alerts import AlertKind, AlertRule
from desktop.exchange.funding import MarkPrice
from desktop.qt.alerts import AlertCenter
from desktop.simexchange.server import SimExchange
from desktop.stream import StreamClient
from tests.conftest import QtLoop, wait_for


def test_funding_alert_fires_when_the_rate_goes_beyond_the_line(
    qt_loop: QtLoop, qtbot: QtBot
) -> None:
    async def scenario() -> None:
        async with SimExchange(cadence=0.1, seed=9, mark_interval=0.1) as ex:
            ex.funding.set_rate("ETHUSDT", "0.0001")
            client = StreamClient(ex.endpoints, marks=True)
            center = AlertCenter([AlertRule("ETHUSDT", AlertKind.FUNDING_PCT, Decimal("0.05"))])
            center.attach(client)
            center.attach_marks(client)
            fired: list[AlertFired] = []
            center.alertFired.connect(fired.append)
            client.set_symbols(["ETHUSDT"])
            await client.start()
            try:
                rule_id = center.rules()[0].id
                await wait_for(lambda: center.state(rule_id) is RuleState.ARMED, what="armed")
                ex.funding.set_rate("ETHUSDT", "-0.0006")
                await wait_for(lambda: bool(fired), what="the alert")
                assert isinstance(fired[0].event, MarkPrice)
                assert fired[0].value == Decimal("-0.06")
                assert (
                    "ETHUSDT funding rate passed ±0.05 %: now −0.0600 % (shorts pay longs)"
                    in fired[0].text()
                )
            finally:
                await client.stop()
                center.deleteLater()

    qt_loop.run(scenario())
