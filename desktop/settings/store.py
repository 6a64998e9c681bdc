"""The settings file: forgiving to read, atomic to write. Imports no Qt.

``load()`` never raises for anything found on disk. A file that cannot be read at all is
moved aside as ``settings.json.corrupt-YYYYmmdd-HHMMSS`` (so the bytes are never lost and
the next save cannot overwrite them) and the app starts from defaults with a message
saying so. ``save()`` writes a temporary file in the same folder, fsyncs it and renames it
over ``settings.json``: after a crash or SIGKILL at any moment the file is either the
complete old one or the complete new one.

No ``settings.json.bak`` is kept: the atomic rename already guarantees a whole file, a
file that cannot be read is itself kept as ``.corrupt-…``, and a second copy would need
rules on when a stale backup may silently replace the user's current list.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import time
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Final

from desktop.fileio import TEMP_SUFFIX, temp_prefix, write_atomically
from desktop.settings.model import (
    DEFAULT_PINS,
    DEFAULT_WATCHLIST,
    LANGUAGES,
    Settings,
    printable,
    settings_from_json,
    settings_to_json,
)
from desktop.settings.paths import paths_here
from desktop.wording import translate

__all__ = [
    "DEFAULT_PINS",
    "DEFAULT_WATCHLIST",
    "LoadResult",
    "Settings",
    "SettingsStore",
    "default_config_dir",
]

log = logging.getLogger(__name__)

SETTINGS_FILE: Final = "settings.json"
# A real settings file is a few kilobytes; anything this large is not one.
MAX_FILE_BYTES: Final = 1 << 20
# Temporary files older than this are left-overs of a save that was killed.
STALE_TEMP_SECONDS: Final = 60.0


@dataclass(frozen=True)
class LoadResult:
    """The settings to use, what to tell the user about them, and whether this is a first run."""

    settings: Settings
    messages: list[str] = field(default_factory=list)
    first_run: bool = False


class _Unreadable(Exception):
    """The file as a whole cannot be used; the message says why, in plain words."""


def default_config_dir(env: Mapping[str, str] | None = None) -> Path:
    """This system's settings folder (see ``desktop.settings.paths``).

    On Linux ``$XDG_CONFIG_HOME/miniticker``, or ``~/.config/miniticker``; a relative
    ``XDG_CONFIG_HOME`` is ignored, as the XDG base directory spec requires.
    """
    return Path(paths_here(env).config_dir)


class SettingsStore:
    """Reads and writes ``config_dir / "settings.json"``.

    ``clock`` names the ``.corrupt-…`` copies; tests pass a fixed one.
    """

    def __init__(self, config_dir: Path, *, clock: Callable[[], datetime] = datetime.now) -> None:
        self.config_dir = Path(config_dir)
        self.path = self.config_dir / SETTINGS_FILE
        self._clock = clock

    # -- reading -------------------------------------------------------------------

    def language(self) -> str:
        """The saved language choice, read quietly before ``load``.

        The app installs the language first so that ``load``'s messages are worded in it;
        a missing or unreadable file answers "system" and is left for ``load`` to report.
        """
        try:
            value = self._read_json().get("language")
        except (FileNotFoundError, _Unreadable):
            return "system"
        return value if isinstance(value, str) and value in LANGUAGES else "system"

    def load(self) -> LoadResult:
        """The saved settings, or defaults with messages; never raises for file content."""
        self._remove_stale_temp_files()
        try:
            data = self._read_json()
        except FileNotFoundError:
            return LoadResult(Settings(), [], first_run=True)
        except _Unreadable as exc:
            return self._start_over(str(exc))
        try:
            settings, messages = settings_from_json(data)
        except Exception as exc:  # a bug here must not stop the app from starting
            log.exception("Could not interpret %s", self.path)
            return self._start_over(
                translate("Settings", "unexpected error: {kind}").format(kind=type(exc).__name__)
            )
        for message in messages:
            log.warning("%s: %s", self.path, message)
        return LoadResult(settings, messages, first_run=False)

    def _read_json(self) -> dict[str, object]:
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            if os.path.lexists(self.path):  # a link to nowhere: saving will create its target
                log.info("%s links to a missing file; starting fresh", self.path)
            raise
        except OSError as exc:
            raise _Unreadable(_os_reason(exc)) from None
        if stat.S_ISDIR(info.st_mode):
            raise _Unreadable(translate("Settings", "it is a folder, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise _Unreadable(translate("Settings", "it is not a regular file"))
        if info.st_size > MAX_FILE_BYTES:
            raise _Unreadable(
                translate(
                    "Settings", "it is {size} bytes, far too large for a settings file"
                ).format(size=f"{info.st_size:,}")
            )
        try:
            raw = _read_bytes(self.path)
        except OSError as exc:
            raise _Unreadable(_os_reason(exc)) from None
        try:
            text = raw.decode("utf-8-sig")  # tolerate the BOM some editors add
        except UnicodeDecodeError:
            raise _Unreadable(translate("Settings", "it is not text")) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            # exc.msg is the json module's own English words: shown as they come.
            raise _Unreadable(
                translate("Settings", "not valid JSON: {reason} at line {line}").format(
                    reason=exc.msg, line=exc.lineno
                )
            ) from None
        except (ValueError, RecursionError):
            raise _Unreadable(translate("Settings", "not valid JSON")) from None
        if not isinstance(data, dict):
            raise _Unreadable(translate("Settings", "it does not hold a settings object"))
        return data

    def _start_over(self, reason: str) -> LoadResult:
        """Defaults, and the unreadable file moved out of the way with its bytes intact."""
        log.warning("Settings file %s could not be read: %s", self.path, reason)
        try:
            kept = self._move_aside()
        except OSError as exc:
            log.warning("Could not move %s aside: %s", self.path, exc)
            what_happened = translate(
                "Settings", "the old file could not be moved aside ({reason})"
            ).format(reason=_os_reason(exc))
        else:
            what_happened = translate("Settings", "the old file was kept as {path}").format(
                path=kept
            )
        message = translate(
            "Settings",
            "Your settings file could not be read ({reason}). MiniTicker started with "
            "the default watchlist; {what_happened}.",
        ).format(reason=reason, what_happened=what_happened)
        return LoadResult(Settings(), [printable(message)], first_run=False)

    def _move_aside(self) -> Path:
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        base = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        candidate, n = base, 1
        while os.path.lexists(candidate):  # never overwrite an older copy
            n += 1
            candidate = base.with_name(f"{base.name}-{n}")
        os.rename(self.path, candidate)
        return candidate

    def _remove_stale_temp_files(self) -> None:
        """Delete temp files of saves that were killed; fresh ones may belong to a live save."""
        prefix = temp_prefix(self.path)
        cutoff = time.time() - STALE_TEMP_SECONDS
        try:
            entries = list(os.scandir(self.config_dir))
        except OSError:
            return
        for entry in entries:
            if not (entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX)):
                continue
            with suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                    os.unlink(entry.path)

    # -- writing -------------------------------------------------------------------

    def save(self, settings: Settings) -> None:
        """Write ``settings`` atomically; raises ``OSError`` if the disk refuses.

        Values that JSON cannot hold (NaN, non-JSON types in ``extra``) raise
        ``ValueError``/``TypeError`` before anything on disk is touched.
        """
        payload = (json.dumps(settings_to_json(settings), indent=2, allow_nan=False) + "\n").encode(
            "ascii"
        )  # ensure_ascii: lone surrogates kept from a file stay writable
        target = self._write_target()
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomically(target, payload)

    def _write_target(self) -> Path:
        """The file to replace: through a symlink (dotfile managers), else the path itself."""
        if self.path.is_symlink():
            real = Path(os.path.realpath(self.path))
            if real.parent.is_dir():
                return real
        return self.path


def _read_bytes(path: Path) -> bytes:
    with open(path, "rb") as file:
        return file.read(MAX_FILE_BYTES + 1)


def _tr(text: str) -> str:
    return translate("Settings", text)


def _os_reason(exc: OSError) -> str:
    """Why the OS refused, in words: ours where we know the case, else the OS's own."""
    if isinstance(exc, PermissionError):
        return translate("Settings", "permission denied")
    if isinstance(exc, NotADirectoryError):
        return translate("Settings", "a file stands where its folder should be")
    return (exc.strerror or type(exc).__name__).lower()
