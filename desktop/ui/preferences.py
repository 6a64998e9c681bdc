"""The Preferences dialog: what used to live only in the settings file, in one place.

Switches, choices and the rotation interval apply as soon as they change; the exchange
addresses apply when they check out (Apply or Close), with the command line's checks
and messages. A new language or exchange makes the windows anew (``desktop.app.run``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.endpoints import EndpointError, make_endpoints
from desktop.settings.autostart import Autostart
from desktop.settings.model import MAX_ROTATION_INTERVAL, MIN_ROTATION_INTERVAL, Settings
from desktop.ui.start_at_login import StartAtLoginAction

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Preferences:
    """What the dialog edits; the field names are ``Settings``' own."""

    rotation_interval: float
    tick_flash: bool
    color_convention: str
    theme: str
    language: str
    notifications: bool
    alert_sound: bool
    ws_url: str | None
    rest_url: str | None
    testnet: bool

    @staticmethod
    def of(settings: Settings) -> Preferences:
        return Preferences(
            settings.rotation_interval,
            settings.tick_flash,
            settings.color_convention,
            settings.theme,
            settings.language,
            settings.notifications,
            settings.alert_sound,
            settings.ws_url,
            settings.rest_url,
            settings.testnet,
        )

    def into(self, settings: Settings) -> Settings:
        """``settings`` with these preferences."""
        return replace(
            settings,
            rotation_interval=self.rotation_interval,
            tick_flash=self.tick_flash,
            color_convention=self.color_convention,
            theme=self.theme,
            language=self.language,
            notifications=self.notifications,
            alert_sound=self.alert_sound,
            ws_url=self.ws_url,
            rest_url=self.rest_url,
            testnet=self.testnet,
        )


class PreferencesDialog(QDialog):
    """Preferences, applied as they change.

    Signals:
        changed(Preferences): the user changed something that checks out.
        message(str): a message for the status area (start at login could not be set).
    """

    changed = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        preferences: Preferences,
        *,
        autostart: Autostart | None = None,
        allow_insecure: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._prefs = preferences
        self._allow_insecure = allow_insecure

        self.rotation_box = QDoubleSpinBox(self)
        self.rotation_box.setRange(MIN_ROTATION_INTERVAL, MAX_ROTATION_INTERVAL)
        self.rotation_box.setDecimals(0)
        self.rotation_box.setSuffix(self.tr(" s"))
        self.flash_box = QCheckBox(self.tr("Flash the price on each tick"), self)
        self.convention_box = QComboBox(self)
        for name, label in (
            ("green-up", self.tr("Green up, red down")),
            ("red-up", self.tr("Red up, green down (mainland China)")),
            ("blue-orange", self.tr("Blue up, orange down (colour-blind safe)")),
        ):
            self.convention_box.addItem(label, name)
        self.theme_box = QComboBox(self)
        for name, label in (
            ("system", self.tr("System")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme_box.addItem(label, name)
        self.language_box = QComboBox(self)
        # Each language named in itself, so a person can find their own.
        for name, label in (
            ("system", self.tr("System")),
            ("en", "English"),
            ("zh_CN", "简体中文"),
        ):
            self.language_box.addItem(label, name)
        self.notify_box = QCheckBox(self.tr("Show a notification when an alert fires"), self)
        self.sound_box = QCheckBox(self.tr("Beep when an alert fires"), self)
        self.login_box = QCheckBox(self.tr("Start MiniTicker in the tray when you log in"), self)
        self._login = StartAtLoginAction(autostart, self) if autostart is not None else None
        self.login_box.setEnabled(self._login is not None)

        form = QFormLayout()
        form.addRow(self.tr("Tray rotation"), self.rotation_box)
        form.addRow(self.tr("Colours"), self.convention_box)
        form.addRow(self.tr("Theme"), self.theme_box)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(
            "", QLabel(self.tr("A new language applies at once: the windows reopen in it."), self)
        )
        form.addRow("", self.flash_box)
        form.addRow("", self.notify_box)
        form.addRow("", self.sound_box)
        form.addRow("", self.login_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close, self
        )
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self._exchange_group())
        column.addWidget(self.buttons)

        self.load(preferences)
        self.rotation_box.valueChanged.connect(lambda _v: self._edited())
        for box in (self.flash_box, self.notify_box, self.sound_box):
            box.toggled.connect(lambda _on: self._edited())
        for combo in (self.convention_box, self.theme_box, self.language_box):
            combo.currentIndexChanged.connect(lambda _i: self._edited())
        self.exchange_group.buttonToggled.connect(self._exchange_edited)
        self.ws_edit.textEdited.connect(lambda _t: self._exchange_edited())
        self.rest_edit.textEdited.connect(lambda _t: self._exchange_edited())
        self.login_box.toggled.connect(self._login_toggled)
        if self._login is not None:
            self._login.failed.connect(self._login_failed)
        self.buttons.clicked.connect(self._clicked)

    def _exchange_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Exchange"), self)
        self.live_radio = QRadioButton(self.tr("Binance live"), group)
        self.testnet_radio = QRadioButton(self.tr("Binance futures testnet"), group)
        self.custom_radio = QRadioButton(self.tr("Custom addresses"), group)
        self.exchange_group = QButtonGroup(group)
        for radio in (self.live_radio, self.testnet_radio, self.custom_radio):
            self.exchange_group.addButton(radio)
        self.ws_edit = QLineEdit(group)
        self.ws_edit.setPlaceholderText("wss://…")
        self.rest_edit = QLineEdit(group)
        self.rest_edit.setPlaceholderText("https://…")
        self.exchange_error = QLabel(group)
        self.exchange_error.setObjectName("exchangeError")
        self.exchange_error.setWordWrap(True)
        self.exchange_error.setStyleSheet("font-weight: bold;")
        self.exchange_error.hide()
        form = QFormLayout(group)
        form.addRow(self.live_radio)
        form.addRow(self.testnet_radio)
        form.addRow(self.custom_radio)
        form.addRow(self.tr("Market streams"), self.ws_edit)
        form.addRow(self.tr("REST"), self.rest_edit)
        form.addRow(self.exchange_error)
        note = QLabel(
            self.tr(
                "A new exchange applies at once: MiniTicker reconnects to it "
                "(a demo, a replay or an exchange named on the command line stays as it is)."
            ),
            group,
        )
        note.setWordWrap(True)
        form.addRow(note)
        return group

    # -- values ----------------------------------------------------------------------

    def load(self, preferences: Preferences) -> None:
        """Show ``preferences`` (and what the system holds for start at login)."""
        self._prefs = preferences
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.rotation_box,
                self.flash_box,
                self.notify_box,
                self.sound_box,
                self.convention_box,
                self.theme_box,
                self.language_box,
                self.exchange_group,
                self.login_box,
            )
        ]
        self.rotation_box.setValue(preferences.rotation_interval)
        self.flash_box.setChecked(preferences.tick_flash)
        self.notify_box.setChecked(preferences.notifications)
        self.sound_box.setChecked(preferences.alert_sound)
        for combo, value in (
            (self.convention_box, preferences.color_convention),
            (self.theme_box, preferences.theme),
            (self.language_box, preferences.language),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        custom = preferences.ws_url is not None or preferences.rest_url is not None
        radio = (
            self.custom_radio
            if custom
            else self.testnet_radio
            if preferences.testnet
            else self.live_radio
        )
        radio.setChecked(True)
        self.ws_edit.setText(preferences.ws_url or "")
        self.rest_edit.setText(preferences.rest_url or "")
        if self._login is not None:
            self._login.refresh()
            self.login_box.setChecked(self._login.isChecked())
        del blockers
        self._show_exchange_state(pending=False)

    def preferences(self) -> Preferences:
        """What was last applied."""
        return self._prefs

    def _edited(self) -> None:
        prefs = replace(
            self._prefs,
            rotation_interval=float(self.rotation_box.value()),
            tick_flash=self.flash_box.isChecked(),
            color_convention=str(self.convention_box.currentData()),
            theme=str(self.theme_box.currentData()),
            language=str(self.language_box.currentData()),
            notifications=self.notify_box.isChecked(),
            alert_sound=self.sound_box.isChecked(),
        )
        if prefs != self._prefs:
            self._prefs = prefs
            self.changed.emit(prefs)

    # -- exchange --------------------------------------------------------------------

    def _exchange_edited(self, *_args: object) -> None:
        self._show_exchange_state(pending=True)

    def _show_exchange_state(self, *, pending: bool) -> None:
        custom = self.custom_radio.isChecked()
        self.ws_edit.setEnabled(custom)
        self.rest_edit.setEnabled(custom)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).setEnabled(pending)
        if not pending:
            self.exchange_error.hide()

    def apply_exchange(self) -> bool:
        """Check the chosen exchange as the command line does; emit it if it checks out.

        False (with the reason shown, and nothing changed) if it does not.
        """
        ws: str | None = None
        rest: str | None = None
        testnet = self.testnet_radio.isChecked()
        if self.custom_radio.isChecked():
            ws = self.ws_edit.text().strip() or None
            rest = self.rest_edit.text().strip() or None
            try:
                if ws is None and rest is None:
                    raise EndpointError(
                        self.tr("Enter a market stream or REST address, or choose live or testnet.")
                    )
                endpoints = make_endpoints(ws, rest, allow_insecure=self._allow_insecure)
            except EndpointError as exc:
                self.exchange_error.setText(str(exc))
                self.exchange_error.show()
                return False
            # Kept as typed when valid (the settings file checks them again at start).
            ws = endpoints.ws_base if ws is not None else None
            rest = endpoints.rest_base if rest is not None else None
        prefs = replace(self._prefs, ws_url=ws, rest_url=rest, testnet=testnet)
        self._show_exchange_state(pending=False)
        if prefs != self._prefs:
            self._prefs = prefs
            self.changed.emit(prefs)
        return True

    def _clicked(self, button: QAbstractButton) -> None:
        role = self.buttons.standardButton(button)
        if role == QDialogButtonBox.StandardButton.Apply:
            self.apply_exchange()
        elif role == QDialogButtonBox.StandardButton.Close:
            self.done(QDialog.DialogCode.Accepted)

    def done(self, result: int) -> None:
        """Close applies pending exchange addresses (bad ones keep the dialog open);
        Escape forgets them."""
        pending = self.buttons.button(QDialogButtonBox.StandardButton.Apply).isEnabled()
        if pending and result == QDialog.DialogCode.Accepted and not self.apply_exchange():
            return
        if pending and result != QDialog.DialogCode.Accepted:
            self.load(self._prefs)
        super().done(result)

    # -- start at login --------------------------------------------------------------

    def _login_toggled(self, on: bool) -> None:
        if self._login is not None:
            self._login.setChecked(on)
            with QSignalBlocker(self.login_box):
                self.login_box.setChecked(self._login.isChecked())

    def _login_failed(self, text: str) -> None:
        with QSignalBlocker(self.login_box):
            self.login_box.setChecked(self._login.isChecked() if self._login else False)
        self.message.emit(text)
