"""Where settings and caches live on Linux, Windows and macOS, and the one-time cache move."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from desktop.settings.paths import AppPaths, move_legacy_cache, paths_here, platform_paths

LINUX_HOME = PurePosixPath("/home/ann")
WIN_HOME = PureWindowsPath(r"C:\Users\ann")
MAC_HOME = PurePosixPath("/Users/ann")


def test_linux_follows_the_xdg_folders_and_remembers_the_old_cache() -> None:
    env = {"XDG_CONFIG_HOME": "/cfg", "XDG_CACHE_HOME": "/var/cache/ann"}
    assert platform_paths("linux", env, LINUX_HOME) == AppPaths(
        PurePosixPath("/cfg/miniticker"),
        PurePosixPath("/var/cache/ann/miniticker"),
        legacy_cache_dir=PurePosixPath("/cfg/miniticker/cache"),
    )


@pytest.mark.parametrize("value", ["", "relative/dir"])
def test_linux_falls_back_to_dot_config_and_dot_cache(value: str) -> None:
    env = {"XDG_CONFIG_HOME": value, "XDG_CACHE_HOME": value}
    paths = platform_paths("linux", env, LINUX_HOME)
    assert paths.config_dir == PurePosixPath("/home/ann/.config/miniticker")
    assert paths.cache_dir == PurePosixPath("/home/ann/.cache/miniticker")


def test_windows_keeps_settings_roaming_and_caches_local() -> None:
    env = {
        "APPDATA": r"C:\Users\ann\AppData\Roaming",
        "LOCALAPPDATA": r"D:\Local",
        "XDG_CONFIG_HOME": "/ignored",
    }
    assert platform_paths("win32", env, WIN_HOME) == AppPaths(
        PureWindowsPath(r"C:\Users\ann\AppData\Roaming\MiniTicker"),
        PureWindowsPath(r"D:\Local\MiniTicker\Cache"),
    )


def test_windows_without_appdata_uses_the_profile_folders() -> None:
    paths = platform_paths("win32", {}, WIN_HOME)
    assert paths.config_dir == PureWindowsPath(r"C:\Users\ann\AppData\Roaming\MiniTicker")
    assert paths.cache_dir == PureWindowsPath(r"C:\Users\ann\AppData\Local\MiniTicker\Cache")


def test_macos_uses_application_support_and_caches() -> None:
    paths = platform_paths("darwin", {"XDG_CONFIG_HOME": "/ignored"}, MAC_HOME)
    assert paths == AppPaths(
        PurePosixPath("/Users/ann/Library/Application Support/MiniTicker"),
        PurePosixPath("/Users/ann/Library/Caches/MiniTicker"),
    )


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_config_dir_puts_everything_in_one_folder_on_every_system(platform: str) -> None:
    chosen = PurePosixPath("/data/mt")
    paths = platform_paths(platform, {"XDG_CACHE_HOME": "/c"}, LINUX_HOME, config_dir=chosen)
    assert paths == AppPaths(chosen, chosen / "cache", legacy_cache_dir=None)


def test_paths_here_are_real_paths_of_this_system(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "c"), "XDG_CACHE_HOME": str(tmp_path / "k")}
    paths = paths_here(env)
    assert paths.config_dir == tmp_path / "c" / "miniticker"
    assert paths.cache_dir == tmp_path / "k" / "miniticker"
    assert isinstance(paths.cache_dir, Path)


def test_the_old_cache_moves_once_and_its_folder_goes(tmp_path: Path) -> None:
    legacy, cache = tmp_path / "config" / "cache", tmp_path / "cache" / "miniticker"
    legacy.mkdir(parents=True)
    (legacy / "exchange_info.json").write_text('{"v": 1}', encoding="utf-8")
    (tmp_path / "config" / "settings.json").write_text("{}", encoding="utf-8")

    assert move_legacy_cache(legacy, cache) == ["exchange_info.json"]

    assert (cache / "exchange_info.json").read_text(encoding="utf-8") == '{"v": 1}'
    assert not legacy.exists()
    assert (tmp_path / "config" / "settings.json").exists()  # settings stay put
    assert move_legacy_cache(legacy, cache) == []  # the second start finds nothing to do


def test_a_newer_cache_file_wins_and_the_old_one_is_kept(tmp_path: Path) -> None:
    legacy, cache = tmp_path / "old", tmp_path / "new"
    legacy.mkdir()
    cache.mkdir()
    (legacy / "exchange_info.json").write_text("old", encoding="utf-8")
    (legacy / "other.json").write_text("other", encoding="utf-8")
    (cache / "exchange_info.json").write_text("new", encoding="utf-8")

    assert move_legacy_cache(legacy, cache) == ["other.json"]

    assert (cache / "exchange_info.json").read_text(encoding="utf-8") == "new"
    assert (legacy / "exchange_info.json").read_text(encoding="utf-8") == "old"  # nothing lost
    assert (cache / "other.json").read_text(encoding="utf-8") == "other"


def test_a_cache_folder_that_cannot_be_made_loses_nothing(tmp_path: Path) -> None:
    legacy = tmp_path / "old"
    legacy.mkdir()
    (legacy / "exchange_info.json").write_text("kept", encoding="utf-8")
    blocker = tmp_path / "a file"
    blocker.write_text("", encoding="utf-8")  # where the cache folder's parent should be

    assert move_legacy_cache(legacy, blocker / "cache") == []

    assert (legacy / "exchange_info.json").read_text(encoding="utf-8") == "kept"
