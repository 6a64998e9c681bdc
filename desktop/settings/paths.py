"""Where MiniTicker keeps its files on each operating system. Imports no Qt.

Settings live where the platform keeps per-user configuration, caches where it keeps
caches (a cache may be deleted by cleaners and is never backed up; settings are):

========  =============================================  ====================================
system    settings                                       caches
========  =============================================  ====================================
Linux     ``$XDG_CONFIG_HOME/miniticker``                ``$XDG_CACHE_HOME/miniticker``
          (``~/.config/miniticker``)                     (``~/.cache/miniticker``)
Windows   ``%APPDATA%\\MiniTicker``                       ``%LOCALAPPDATA%\\MiniTicker\\Cache``
macOS     ``~/Library/Application Support/MiniTicker``   ``~/Library/Caches/MiniTicker``
========  =============================================  ====================================

``--config-dir DIR`` keeps everything in one folder: settings in DIR, caches in DIR/cache.

Every answer is a pure function of (platform, environment, home folder), so the Windows
and macOS answers are tested on Linux. Up to 0.1 the cache lived in the settings folder
(``~/.config/miniticker/cache``); ``move_legacy_cache`` moves it once, losing nothing.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Final, TypeVar

log = logging.getLogger(__name__)

P = TypeVar("P", bound=PurePath)

#: Folder name on Linux and other Unix systems (lower case, as XDG programs do).
UNIX_NAME: Final = "miniticker"
#: Folder name on Windows and macOS, where folders carry the application's display name.
DISPLAY_NAME: Final = "MiniTicker"
#: The cache folder inside a ``--config-dir`` folder (and, before 0.2, the settings folder).
CACHE_SUBDIR: Final = "cache"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Where this run keeps settings and caches.

    ``legacy_cache_dir`` is the old in-settings cache folder to move into ``cache_dir``,
    or None when there is nothing to move from (a ``--config-dir`` run, Windows, macOS).
    """

    config_dir: PurePath
    cache_dir: PurePath
    legacy_cache_dir: PurePath | None = None


def platform_paths(
    platform: str, env: Mapping[str, str], home: PurePath, *, config_dir: PurePath | None = None
) -> AppPaths:
    """The folders for ``platform`` (a ``sys.platform`` value) with this environment.

    ``config_dir`` is the user's ``--config-dir``: then everything stays in that folder.
    """
    if config_dir is not None:
        return AppPaths(config_dir, config_dir / CACHE_SUBDIR)
    if platform == "win32":
        home = PureWindowsPath(home)
        roaming = _absolute(env.get("APPDATA"), PureWindowsPath) or home / "AppData" / "Roaming"
        local = _absolute(env.get("LOCALAPPDATA"), PureWindowsPath) or home / "AppData" / "Local"
        return AppPaths(roaming / DISPLAY_NAME, local / DISPLAY_NAME / "Cache")
    home = PurePosixPath(home)
    if platform == "darwin":
        library = home / "Library"
        return AppPaths(
            library / "Application Support" / DISPLAY_NAME, library / "Caches" / DISPLAY_NAME
        )
    # Linux and every other Unix: the XDG base directory specification.
    config_home = xdg_config_home(env, home)
    cache_home = _absolute(env.get("XDG_CACHE_HOME"), PurePosixPath) or home / ".cache"
    settings = config_home / UNIX_NAME
    return AppPaths(settings, cache_home / UNIX_NAME, legacy_cache_dir=settings / CACHE_SUBDIR)


def xdg_config_home(env: Mapping[str, str], home: PurePath) -> PurePosixPath:
    """The XDG configuration root: ``$XDG_CONFIG_HOME`` if absolute, else ``~/.config``."""
    return _absolute(env.get("XDG_CONFIG_HOME"), PurePosixPath) or PurePosixPath(home) / ".config"


def paths_here(env: Mapping[str, str] | None = None, *, config_dir: Path | None = None) -> AppPaths:
    """``platform_paths`` for this computer; raises ``RuntimeError`` without a home folder."""
    env = os.environ if env is None else env
    found = platform_paths(sys.platform, env, Path.home(), config_dir=config_dir)
    legacy = found.legacy_cache_dir
    return AppPaths(Path(found.config_dir), Path(found.cache_dir), Path(legacy) if legacy else None)


def move_legacy_cache(legacy: Path, cache_dir: Path) -> list[str]:
    """Move what an older version cached in ``legacy`` into ``cache_dir``; the names moved.

    Runs at every start and costs one failed ``scandir`` once the move is done. A file
    already present in ``cache_dir`` is newer than the legacy one and is kept; the legacy
    file then stays where it is (nothing is deleted). The legacy folder goes once empty.
    """
    try:
        entries = sorted(os.scandir(legacy), key=lambda e: e.name)
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("cannot look into the old cache folder %s: %s", legacy, exc)
        return []
    moved: list[str] = []
    for entry in entries:
        target = cache_dir / entry.name
        if os.path.lexists(target):
            log.info("keeping %s; %s is newer", entry.path, target)
            continue
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            shutil.move(entry.path, target)  # a rename, or copy-then-delete across disks
        except OSError as exc:
            log.warning("could not move %s to %s: %s", entry.path, cache_dir, exc)
            continue
        moved.append(entry.name)
    if moved:
        log.info("moved the cache from %s to %s: %s", legacy, cache_dir, ", ".join(moved))
    with suppress(OSError):  # something was kept, or the folder is not ours to remove
        legacy.rmdir()
    return moved


def _absolute(value: str | None, kind: type[P]) -> P | None:
    """``value`` as a path if it is an absolute one; the XDG spec ignores relative ones."""
    if not value:
        return None
    path = kind(value)
    return path if path.is_absolute() else None
