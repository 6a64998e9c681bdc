"""Start at login: the Linux entry for real, the Windows and macOS ones by what they write."""

from __future__ import annotations

import configparser
import os
import plistlib
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from desktop import __version__
from desktop.settings.autostart import (
    LAUNCH_AGENT_LABEL,
    LaunchAgent,
    WindowsAutostart,
    XdgAutostart,
    autostart_for,
    autostart_here,
    desktop_exec,
    launch_command,
)


def read_exec(entry: Path) -> list[str]:
    """The argv a desktop environment runs for ``entry`` (Desktop Entry spec, reversed)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(entry, encoding="utf-8")
    value = parser["Desktop Entry"]["Exec"]
    # First the string escapes every value has...
    text, i = "", 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            text += {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(value[i + 1], value[i + 1])
            i += 2
        else:
            text += value[i]
            i += 1
    # ...then the quoting: words split on spaces; in "…" a backslash escapes " ` $ \.
    words: list[str] = []
    word, quoted, in_word, i = "", False, False, 0
    while i < len(text):
        c = text[i]
        if quoted and c == "\\":
            word += text[i + 1]
            i += 1
        elif c == '"':
            quoted, in_word = not quoted, True
        elif c == " " and not quoted:
            if in_word:
                words.append(word)
            word, in_word = "", False
        else:
            word, in_word = word + c, True
        i += 1
    if in_word:
        words.append(word)
    return [w.replace("%%", "%") for w in words]


class DictRunKey:
    """The Run key as a dict, for the Windows entry on any system."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


# -- the command ---------------------------------------------------------------------------


def test_the_entry_point_beside_the_interpreter_is_preferred() -> None:
    python = PurePosixPath("/opt/mt/venv/bin/python3")
    found = {PurePosixPath("/opt/mt/venv/bin/miniticker")}
    assert launch_command("linux", python, exists=found.__contains__) == [
        "/opt/mt/venv/bin/miniticker",
        "--minimized",
    ]


def test_without_an_entry_point_this_interpreter_runs_the_package() -> None:
    python = PurePosixPath("/usr/bin/python3")
    command = launch_command(
        "darwin", python, config_dir=PurePosixPath("/data/mt"), exists=lambda _: False
    )
    assert command == [
        "/usr/bin/python3",
        "-m",
        "desktop",
        "--minimized",
        "--config-dir",
        "/data/mt",
    ]


def test_windows_prefers_the_gui_entry_point_then_pythonw() -> None:
    python = PureWindowsPath(r"C:\Python311\python.exe")
    scripts = {PureWindowsPath(r"C:\Python311\Scripts\miniticker.exe")}
    assert launch_command("win32", python, exists=scripts.__contains__) == [
        r"C:\Python311\Scripts\miniticker.exe",
        "--minimized",
    ]
    pythonw = {PureWindowsPath(r"C:\Python311\pythonw.exe")}
    assert launch_command("win32", python, exists=pythonw.__contains__)[:3] == [
        r"C:\Python311\pythonw.exe",
        "-m",
        "desktop",
    ]


# -- Linux, for real ---------------------------------------------------------------------


def test_exec_quotes_what_the_desktop_entry_spec_reserves() -> None:
    assert desktop_exec(["/usr/bin/miniticker", "--minimized"]) == "/usr/bin/miniticker --minimized"
    assert desktop_exec(["/my apps/python", "50%"]) == '"/my apps/python" 50%%'
    assert desktop_exec(['/a"b$c\\d']) == '"/a\\\\"b\\\\$c\\\\\\\\d"'


@pytest.mark.parametrize("folder", ["plain", "with space", 'dollar$ quote" back\\slash 100%'])
def test_the_linux_entry_runs_exactly_the_command(tmp_path: Path, folder: str) -> None:
    command = [str(tmp_path / folder / "python3"), "-m", "desktop", "--minimized"]
    XdgAutostart(tmp_path / "config", command).enable()
    assert read_exec(tmp_path / "config" / "autostart" / "miniticker.desktop") == command


def test_turning_it_off_removes_the_entry_and_nothing_else(tmp_path: Path) -> None:
    autostart_dir = tmp_path / "autostart"
    autostart_dir.mkdir()
    (autostart_dir / "other-app.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    entry = XdgAutostart(tmp_path, ["/usr/bin/miniticker", "--minimized"])
    assert not entry.is_enabled()

    entry.enable()
    assert entry.is_enabled()
    text = (autostart_dir / "miniticker.desktop").read_text(encoding="utf-8")
    assert "Type=Application\n" in text
    assert "Exec=/usr/bin/miniticker --minimized\n" in text

    entry.disable()
    assert not entry.is_enabled()
    assert sorted(p.name for p in autostart_dir.iterdir()) == ["other-app.desktop"]
    entry.disable()  # off twice is still off


def test_the_written_entry_starts_this_installation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    entry = autostart_here(tmp_path / "settings")
    entry.enable()
    assert entry.location() == str(tmp_path / "xdg" / "autostart" / "miniticker.desktop")

    argv = read_exec(Path(entry.location()))
    assert argv[-3:] == ["--minimized", "--config-dir", str(tmp_path / "settings")]
    # Started as the login would start it, asked only for its version (argparse stops there).
    result = subprocess.run(
        [*argv, "--version"], capture_output=True, text=True, timeout=60, env=dict(os.environ)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"miniticker {__version__}"
    assert Path(argv[0]).parent == Path(sys.executable).parent


def test_the_default_settings_folder_is_not_written_into_the_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    entry = autostart_here(tmp_path / "miniticker")
    entry.enable()
    assert "--config-dir" not in read_exec(Path(entry.location()))


# -- Windows, by what it writes -------------------------------------------------------------


def test_windows_writes_one_run_value_and_removes_only_it() -> None:
    values = {"OneDrive": r'"C:\OneDrive.exe" /background'}
    command = [r"C:\Program Files\Python311\pythonw.exe", "-m", "desktop", "--minimized"]
    entry = autostart_for(
        "win32", {}, PureWindowsPath(r"C:\Users\ann"), command, run_key=DictRunKey(values)
    )
    assert isinstance(entry, WindowsAutostart)
    assert not entry.is_enabled()

    entry.enable()
    assert (
        values["MiniTicker"] == r'"C:\Program Files\Python311\pythonw.exe" -m desktop --minimized'
    )
    assert entry.is_enabled()
    assert entry.location().endswith(r"\CurrentVersion\Run\MiniTicker")

    entry.disable()
    assert values == {"OneDrive": r'"C:\OneDrive.exe" /background'}
    assert not entry.is_enabled()


# -- macOS, by what it writes --------------------------------------------------------------


def test_macos_writes_a_launch_agent_that_runs_at_load(tmp_path: Path) -> None:
    agents = tmp_path / "Library" / "LaunchAgents"
    agents.mkdir(parents=True)
    (agents / "com.example.other.plist").write_bytes(b"keep")
    command = ["/Applications/MiniTicker.app/Contents/MacOS/miniticker", "--minimized"]
    entry = autostart_for("darwin", {"XDG_CONFIG_HOME": "/ignored"}, tmp_path, command)
    assert isinstance(entry, LaunchAgent)

    entry.enable()
    plist = agents / f"{LAUNCH_AGENT_LABEL}.plist"
    with plist.open("rb") as file:
        agent = plistlib.load(file)
    assert agent["Label"] == LAUNCH_AGENT_LABEL
    assert agent["ProgramArguments"] == command
    assert agent["RunAtLoad"] is True
    assert entry.is_enabled()

    entry.disable()
    assert not entry.is_enabled()
    assert [p.name for p in agents.iterdir()] == ["com.example.other.plist"]


def test_linux_is_the_default_for_unix_systems(tmp_path: Path) -> None:
    entry = autostart_for("freebsd14", {"XDG_CONFIG_HOME": str(tmp_path)}, tmp_path, ["mt"])
    assert isinstance(entry, XdgAutostart)
    assert entry.location() == str(tmp_path / "autostart" / "miniticker.desktop")
