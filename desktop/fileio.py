"""Replacing a file so that a crash leaves it whole: the old bytes or the new. Imports no Qt.

The one way MiniTicker writes the files it keeps (the settings and the contract metadata
cache): the bytes go to a temporary file in the same folder, are flushed to the disk, and
the temporary file is renamed over the target. A rename within one folder is atomic, so
a reader, or the next start after a crash or SIGKILL, never sees half a file.

After the rename the file *is* saved. Syncing the folder afterwards only makes the rename
itself survive a power cut; where that fails, it is logged as such, never as a failed save.
"""

from __future__ import annotations

import errno
import logging
import os
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

TEMP_SUFFIX: Final = ".tmp"

# Folders that cannot be synced on this file system or platform (not a fault of the disk).
_UNSUPPORTED: Final = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EISDIR})


def temp_prefix(target: Path) -> str:
    """How temporary files for ``target`` start (``.settings.json.``): to find leftovers."""
    return f".{target.name}."


def sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable; raises ``OSError`` where it cannot."""
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(
    target: Path,
    data: bytes,
    *,
    sync_dir: Callable[[Path], None] = sync_directory,
) -> None:
    """Replace ``target`` with ``data``; after a crash it is either all old or all new.

    Raises ``OSError`` when the file could not be replaced; ``target`` is then untouched
    and no temporary file is left behind. The folder must exist. ``sync_dir`` syncs the
    folder after the rename; its failure is logged (durability), never raised.
    """
    directory = target.parent
    fd, temp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    try:
        sync_dir(directory)
    except OSError as exc:
        if os.name != "posix" or exc.errno in _UNSUPPORTED:
            log.debug("%s saved; its folder cannot be synced here: %s", target, exc)
        else:
            log.warning(
                "%s saved, but syncing its folder failed (a power cut now may undo the save): %s",
                target,
                exc,
            )
