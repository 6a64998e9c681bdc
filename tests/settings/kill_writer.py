"""Helper for the kill test: save watchlists A and B alternately until killed.

Usage: python kill_writer.py CONFIG_DIR. Prints one line ("saving") once the loop starts,
so the test waits on the child's own word instead of a sleep.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.settings.store import SettingsStore
from tests.settings.kill_data import settings_a, settings_b


def main() -> None:
    store = SettingsStore(Path(sys.argv[1]))
    pair = (settings_b(), settings_a())
    print("saving", flush=True)
    n = 0
    while True:
        store.save(pair[n % 2])
        n += 1


if __name__ == "__main__":
    main()
