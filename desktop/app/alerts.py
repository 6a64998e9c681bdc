"""Price alerts wired into the window, the tray and the settings."""

from __future__ import annotations

import time
from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import QApplication

from desktop.app.parts import Parts
from desktop.exchange.alert_engine import AlertFired
from desktop.exchange.alert_history import record_of
from desktop.qt.alert_history_model import AlertHistoryModel
from desktop.qt.alerts import AlertCenter
from desktop.ui.alert_history import AlertHistoryPanel
from desktop.ui.alerts_dialog import AlertsDialog, open_alert_editor


def wire_alerts(parts: Parts) -> AlertCenter:
    """Price alerts: judged on every pushed event, told in the tray (or strip) and the
    status bar, with an optional beep, edited from the window and tray, saved with the
    settings. (A beep is all there is: QtMultimedia is not part of PySide6-Essentials.)"""
    window, tray, saver, book = parts.window, parts.tray, parts.saver, parts.book
    center = AlertCenter(parts.settings.alerts, parent=window)
    center.attach(parts.client)
    center.attach_marks(parts.client)  # funding rate rules
    if parts.mark_demand is not None:
        parts.mark_demand.follow_rules(center)
    dialogs: list[AlertsDialog] = []

    def decimals(symbol: str) -> int | None:
        contract = parts.watchlist.catalog.get(symbol)
        return contract.price_decimals if contract is not None else None

    def price_of(symbol: str) -> Decimal | None:
        quote = book.quote(symbol)
        return quote.ticker.close if quote is not None else None

    def symbols() -> list[str]:
        shown = parts.watchlist.symbols()
        return shown + sorted(set(parts.client.symbols) - set(shown))

    history = AlertHistoryModel(parts.settings.alert_history, parent=window)

    def remember_history() -> None:
        parts.settings = replace(parts.settings, alert_history=history.records())
        saver.schedule()

    def fired(alert: AlertFired) -> None:
        places = decimals(alert.symbol)
        history.add(record_of(alert, now=time.time(), demo=parts.options.demo, decimals=places))
        remember_history()
        if parts.settings.notifications:
            tray.notify(alert.title(), alert.text(places))
        tray.attention(alert.symbol)
        window.show_message(alert.text(places), "info")
        if parts.settings.alert_sound:
            QApplication.beep()

    def rules_changed() -> None:
        parts.settings = replace(parts.settings, alerts=center.rules())
        saver.schedule()
        window.model.refresh_alerts()

    def new_alert(symbol: str) -> None:
        open_alert_editor(
            center, symbols(), symbol=symbol, price_of=price_of, decimals=decimals, parent=window
        )

    def set_sound(on: bool) -> None:
        parts.settings = replace(parts.settings, alert_sound=on)
        saver.schedule()

    def show_alerts() -> None:
        if not dialogs:
            panel = AlertHistoryPanel(history)
            panel.cleared.connect(remember_history)
            panel.message.connect(lambda text: window.show_message(text, "info"))
            dialog = AlertsDialog(
                center,
                symbols,
                price_of=price_of,
                decimals=decimals,
                sound=parts.settings.alert_sound,
                history=panel,
                parent=window,
            )
            dialog.soundToggled.connect(set_sound)
            dialogs.append(dialog)
        dialogs[0].open()
        dialogs[0].raise_()

    window.model.set_alert_levels(center.nearest_level, center.rules_for)
    center.alertFired.connect(fired)
    center.rulesChanged.connect(rules_changed)
    window.alertRequested.connect(new_alert)
    window.alertsRequested.connect(show_alerts)
    tray.alertRequested.connect(new_alert)
    return center
