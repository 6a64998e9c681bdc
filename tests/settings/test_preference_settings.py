"""The preference fields of the settings file: read leniently, written back as read."""

from __future__ import annotations

from desktop.settings.model import Settings, settings_from_json, settings_to_json


def test_preferences_survive_a_round_trip() -> None:
    chosen = Settings(
        color_convention="red-up",
        theme="dark",
        language="zh_CN",
        tick_flash=False,
        notifications=False,
    )
    read, messages = settings_from_json(settings_to_json(chosen))
    assert read == chosen and messages == []


def test_a_file_without_them_gets_the_defaults() -> None:
    read, messages = settings_from_json({"watchlist": ["BTCUSDT"]})
    assert (read.color_convention, read.theme, read.language) == ("green-up", "system", "system")
    assert read.tick_flash and read.notifications and messages == []


def test_a_bad_value_resets_only_that_field_and_says_so() -> None:
    read, messages = settings_from_json(
        {
            "watchlist": ["ETHUSDT"],
            "color_convention": "purple-up",
            "theme": 3,
            "tick_flash": "no",
            "language": "zh_CN",
        }
    )
    assert read.watchlist == ["ETHUSDT"] and read.language == "zh_CN"
    assert (read.color_convention, read.theme, read.tick_flash) == ("green-up", "system", True)
    assert len(messages) == 1
    assert "colour convention (expected one of green-up, red-up, blue-orange" in messages[0]
    assert "theme (expected one of system, light, dark, found 3)" in messages[0]
    assert "tick flash switch" in messages[0]
