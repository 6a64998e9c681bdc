"""Start-up refuses a Python/PySide6 pair known to crash, in one sentence, before any Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.runtime import installed_pyside, parse_version, refusal

ROOT = Path(__file__).resolve().parents[1]


def test_pyside_6_12_0_is_refused_on_python_3_11_in_one_sentence() -> None:
    message = refusal((3, 11), "6.12.0")
    assert message is not None
    assert "6.12.0" in message and "3.11" in message and "6.11.3" in message
    assert "\n" not in message and message.endswith(".") and message.count(". ") == 0


@pytest.mark.parametrize(
    ("python", "pyside"),
    [((3, 12), "6.12.0"), ((3, 13), "6.12.0"), ((3, 11), "6.11.3"), ((3, 11), "6.12.1")],
)
def test_combinations_that_work_are_not_refused(python: tuple[int, int], pyside: str) -> None:
    assert refusal(python, pyside) is None


def test_versions_are_read_up_to_the_first_part_that_is_not_a_number() -> None:
    assert parse_version("6.12.0") == (6, 12, 0)
    assert parse_version("6.8.2.1") == (6, 8, 2, 1)
    assert parse_version("6.9.0a1") == (6, 9, 0)
    assert parse_version("dev") == ()


def test_the_installed_pyside_version_is_read_from_the_package_metadata() -> None:
    version = installed_pyside()
    assert version is not None and parse_version(version)[0] == 6


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="Python 3.12+ runs PySide6 6.12.0")
def test_start_up_with_a_refused_pyside_exits_1_with_the_sentence_on_stderr(
    tmp_path: Path,
) -> None:
    # Package metadata saying 6.12.0, found before the real one: the app reads the
    # installed version from there, so the real start-up path meets the bad pair.
    dist = tmp_path / "site" / "PySide6_Essentials-6.12.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: PySide6-Essentials\nVersion: 6.12.0\n", encoding="utf-8"
    )
    path = os.pathsep.join([str(tmp_path / "site"), str(ROOT)])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=path)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--demo", "--config-dir", str(tmp_path / "cfg")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    expected = refusal(sys.version_info[:2], "6.12.0")
    assert expected is not None
    assert (done.returncode, done.stderr) == (1, expected + "\n"), done.stderr[-2000:]
    assert not (tmp_path / "cfg").exists()  # refused before touching anything
