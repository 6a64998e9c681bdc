"""Start MiniTicker at login, the way each system expects. Imports no Qt.

* Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/miniticker.desktop``.
* Windows: the ``MiniTicker`` value under ``HKCU\\Software\\Microsoft\\Windows\\
  CurrentVersion\\Run``, written through an injectable ``RunKey`` (``winreg`` is imported
  only on Windows).
* macOS: ``~/Library/LaunchAgents/<LAUNCH_AGENT_LABEL>.plist`` with ``RunAtLoad``.

Turning it off removes exactly what turning it on wrote, nothing else. The command
written starts this same installation — its ``miniticker`` entry point when it has one
beside the interpreter, else ``<python> -m desktop`` — with ``--minimized``, and with
``--config-dir`` when this run uses a folder of the user's choosing. The operating
system's entry is the only record: nothing about it is kept in the settings file.
"""

from __future__ import annotations

import importlib
import logging
import os
import plistlib
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path, PurePath
from types import ModuleType
from typing import Final, Protocol

from desktop.fileio import write_atomically
from desktop.settings.paths import paths_here, xdg_config_home

log = logging.getLogger(__name__)

APP_NAME: Final = "MiniTicker"
DESKTOP_FILE: Final = "miniticker.desktop"
RUN_KEY: Final = r"Software\Microsoft\Windows\CurrentVersion\Run"
#: The LaunchAgent's label and file name (reverse-DNS, as launchd asks).
LAUNCH_AGENT_LABEL: Final = "org.miniticker.MiniTicker"
MINIMIZED: Final = "--minimized"
# Characters that make the Desktop Entry spec require an argument to be quoted.
_RESERVED: Final = frozenset(" \t\n\"'\\><~|&;$*?#()`")


class Autostart(Protocol):
    """One system's "start at login" entry. ``enable``/``disable`` raise ``OSError``."""

    def location(self) -> str:
        """Where the entry lives, for people (a file, or a registry value)."""
        ...

    def is_enabled(self) -> bool: ...

    def enable(self) -> None: ...

    def disable(self) -> None: ...


def launch_command(
    platform: str,
    executable: PurePath,
    *,
    config_dir: PurePath | None = None,
    exists: Callable[[PurePath], bool] = lambda path: Path(path).exists(),
) -> list[str]:
    """The command line that starts this installation minimized, for ``platform``."""
    folder = executable.parent
    if platform == "win32":
        scripts = [folder / "miniticker.exe", folder / "Scripts" / "miniticker.exe"]
        # pythonw: no console window flashing up at every login
        python = [folder / "pythonw.exe", executable]
    else:
        scripts, python = [folder / "miniticker"], [executable]
    entry = next((s for s in scripts if exists(s)), None)
    if entry is not None:
        command = [str(entry)]
    else:
        interpreter = next((p for p in python if exists(p)), executable)
        command = [str(interpreter), "-m", "desktop"]
    command.append(MINIMIZED)
    if config_dir is not None:
        command += ["--config-dir", str(config_dir)]
    return command


# -- Linux -----------------------------------------------------------------------------


class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart/miniticker.desktop`` (freedesktop autostart spec)."""

    def __init__(self, config_home: PurePath, command: Sequence[str]) -> None:
        self.path = Path(config_home) / "autostart" / DESKTOP_FILE
        self.command = list(command)

    def location(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self) -> None:
        _write_atomically(self.path, desktop_entry(self.command).encode("utf-8"))
        log.info("start at login: wrote %s", self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)
        log.info("start at login: removed %s", self.path)


def desktop_entry(command: Sequence[str]) -> str:
    """An autostart ``.desktop`` file that runs ``command``."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Live Binance USD-M futures prices in the tray\n"
        f"Exec={desktop_exec(command)}\n"
        "Icon=miniticker\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def desktop_exec(command: Sequence[str]) -> str:
    """``command`` as an ``Exec`` value: arguments quoted as the Desktop Entry spec says,
    ``%`` doubled (field codes), then the string escapes every value gets."""
    words = []
    for arg in command:
        word = arg.replace("%", "%%")
        if not word or any(c in _RESERVED for c in word):
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in word)
            word = f'"{escaped}"'
        words.append(word)
    value = " ".join(words)
    for raw, escape in (("\\", "\\\\"), ("\n", "\\n"), ("\t", "\\t"), ("\r", "\\r")):
        value = value.replace(raw, escape)
    return value


# -- Windows ---------------------------------------------------------------------------


class RunKey(Protocol):
    """The string values of ``HKCU\\...\\CurrentVersion\\Run``."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None:
        """Remove ``name``; nothing happens if it is not there."""
        ...


class WinregRunKey:
    """``RunKey`` on the real registry (Windows only)."""

    def __init__(self) -> None:
        # Imported by name: the module exists only on Windows (and so do its stubs' names).
        self._winreg: ModuleType = importlib.import_module("winreg")

    def get(self, name: str) -> str | None:
        reg = self._winreg
        try:
            with reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _ = reg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        reg = self._winreg
        with reg.CreateKey(reg.HKEY_CURRENT_USER, RUN_KEY) as key:
            reg.SetValueEx(key, name, 0, reg.REG_SZ, value)

    def delete(self, name: str) -> None:
        reg = self._winreg
        with (
            suppress(FileNotFoundError),
            reg.OpenKey(reg.HKEY_CURRENT_USER, RUN_KEY, 0, reg.KEY_SET_VALUE) as key,
        ):
            reg.DeleteValue(key, name)


class WindowsAutostart:
    """The ``MiniTicker`` value of the current user's ``Run`` key."""

    def __init__(self, run_key: RunKey, command: Sequence[str]) -> None:
        self.run_key = run_key
        self.command = list(command)

    def location(self) -> str:
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{APP_NAME}"

    def is_enabled(self) -> bool:
        return self.run_key.get(APP_NAME) is not None

    def enable(self) -> None:
        self.run_key.set(APP_NAME, subprocess.list2cmdline(self.command))
        log.info("start at login: wrote %s", self.location())

    def disable(self) -> None:
        self.run_key.delete(APP_NAME)
        log.info("start at login: removed %s", self.location())


# -- macOS -----------------------------------------------------------------------------


class LaunchAgent:
    """``~/Library/LaunchAgents/<label>.plist``: launchd runs it at every login."""

    def __init__(self, home: PurePath, command: Sequence[str]) -> None:
        self.path = Path(home) / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        self.command = list(command)

    def location(self) -> str:
        return str(self.path)

    def is_enabled(self) -> bool:
        return self.path.is_file()

    def enable(self) -> None:
        agent = {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": self.command,
            "RunAtLoad": True,
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",  # the graphical login, not ssh sessions
        }
        _write_atomically(self.path, plistlib.dumps(agent, fmt=plistlib.FMT_XML))
        log.info("start at login: wrote %s", self.path)

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)
        log.info("start at login: removed %s", self.path)


# -- choosing ----------------------------------------------------------------------------


def autostart_for(
    platform: str,
    env: Mapping[str, str],
    home: PurePath,
    command: Sequence[str],
    *,
    run_key: RunKey | None = None,
) -> Autostart:
    """The entry for ``platform``; ``run_key`` replaces the registry (tests)."""
    if platform == "win32":
        return WindowsAutostart(run_key if run_key is not None else WinregRunKey(), command)
    if platform == "darwin":
        return LaunchAgent(home, command)
    return XdgAutostart(xdg_config_home(env, home), command)


def autostart_here(config_dir: Path) -> Autostart:
    """The entry for this computer, starting this installation with this run's
    settings folder (``--config-dir`` is written only when it is not the default)."""
    default = paths_here().config_dir
    chosen = None if Path(config_dir) == default else Path(config_dir)
    command = launch_command(sys.platform, Path(sys.executable), config_dir=chosen)
    return autostart_for(sys.platform, os.environ, Path.home(), command)


def _write_atomically(path: Path, data: bytes) -> None:
    """A whole file or the old one, never half of one (a login reads it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, data)
