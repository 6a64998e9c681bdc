"""Files are replaced whole or not at all, and a saved file is never reported as unsaved."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

import pytest

from desktop.fileio import sync_directory, temp_prefix, write_atomically


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_replaces_the_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    write_atomically(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert leftovers(tmp_path) == []


def test_new_files_are_private_to_the_user(tmp_path: Path) -> None:
    target = tmp_path / "exchange_info.json"
    write_atomically(target, b"{}")
    assert os.stat(target).st_mode & 0o077 == 0


def test_a_write_that_cannot_complete_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "settings.json"
    target.mkdir()  # a folder where the file should be: the rename must fail
    (target / "keep").write_bytes(b"kept")
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert (target / "keep").read_bytes() == b"kept"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "nowhere" / "settings.json", b"x")


def test_a_failed_folder_sync_after_the_rename_still_counts_as_saved(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def failing_sync(directory: Path) -> None:
        raise OSError(errno.EIO, "Input/output error", str(directory))

    target = tmp_path / "exchange_info.json"
    with caplog.at_level(logging.DEBUG, logger="desktop.fileio"):
        write_atomically(target, b"saved", sync_dir=failing_sync)
    assert target.read_bytes() == b"saved"
    (record,) = caplog.records
    assert record.levelno == logging.WARNING
    assert "saved" in record.getMessage() and "power cut" in record.getMessage()
    assert "could not" not in record.getMessage()


def test_a_folder_that_cannot_be_synced_on_this_file_system_is_only_a_debug_note(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    def unsupported(directory: Path) -> None:
        raise OSError(errno.EINVAL, "Invalid argument", str(directory))

    with caplog.at_level(logging.DEBUG, logger="desktop.fileio"):
        write_atomically(tmp_path / "settings.json", b"x", sync_dir=unsupported)
    assert [r.levelno for r in caplog.records] == [logging.DEBUG]


def test_the_folder_is_synced_after_the_rename(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    seen: list[bytes] = []

    def record_sync(directory: Path) -> None:
        assert directory == tmp_path
        seen.append(target.read_bytes())
        sync_directory(directory)

    write_atomically(target, b"after", sync_dir=record_sync)
    assert seen == [b"after"]


def test_temporary_files_are_named_after_their_target() -> None:
    assert temp_prefix(Path("/x/settings.json")) == ".settings.json."
