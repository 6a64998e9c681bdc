"""The translations: complete, placeholders intact, compiled by the build from the ``.ts``
in the repository (not hand-copied), and loaded by the app for the chosen language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop import wording
from desktop.qt.language import I18N_DIR, Language, catalogue_file
from desktop.tools import i18n

TS = i18n.ts_file("zh_CN")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n|%[1-9]")


@pytest.fixture
def language(qapp: QCoreApplication) -> Iterator[Language]:
    chosen = Language(qapp)
    yield chosen
    chosen.remove()


def test_every_text_of_the_app_has_a_chinese_translation() -> None:
    unfinished = {c: todo for c, (_done, todo) in i18n.status(TS).items() if todo}
    assert not unfinished, f"untranslated, by context: {unfinished}"


def test_translations_keep_every_placeholder_and_mnemonic() -> None:
    wrong = []
    for message in i18n.messages(TS):
        if not message.finished:
            continue  # the test above names those
        wanted = sorted(PLACEHOLDER.findall(message.source))
        for text in message.translations:
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                wrong.append(f"{message.context}: {message.source!r} -> {text!r}")
            if "&" in message.source.replace("&&", "") and "&" not in text:
                wrong.append(f"{message.context}: mnemonic lost in {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_installed_qm_is_what_lrelease_makes_of_the_ts_now(tmp_path: Path) -> None:
    installed = I18N_DIR / "miniticker_zh_CN.qm"
    assert installed.is_file(), "the build compiles it: pip install -e ."
    (fresh,) = i18n.build(tmp_path)
    assert fresh.read_bytes() == installed.read_bytes(), (
        "desktop/i18n/*.ts changed since the build: run pip install -e . "
        "(or python -m desktop.tools.i18n build)"
    )


def test_the_tool_finds_every_source_file_a_user_sees_and_no_developer_tool() -> None:
    names = {p.relative_to(i18n.PACKAGE).as_posix() for p in i18n.sources()}
    assert "ui/main_window.py" in names and "stream/status.py" in names
    assert not any(n.startswith(("bench/", "simexchange/", "tools/")) for n in names)


def test_merge_fills_what_ours_lacks_from_another_file(tmp_path: Path) -> None:
    def ts(body: str) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            f'<TS version="2.1" language="zh_CN"><context><name>Ctx</name>{body}</context></TS>'
        )

    ours = tmp_path / "ours.ts"
    theirs = tmp_path / "theirs.ts"
    ours.write_text(
        ts(
            '<message><source>Live</source><translation type="unfinished"></translation>'
            "</message><message><source>Quit</source><translation>退出</translation></message>"
        ),
        encoding="utf-8",
    )
    theirs.write_text(
        ts(
            "<message><source>Live</source><translation>实时</translation></message>"
            "<message><source>Quit</source><translation>离开</translation></message>"
        ),
        encoding="utf-8",
    )
    assert i18n.merge(ours, theirs) == 1
    merged = {m.source: m for m in i18n.messages(ours)}
    assert merged["Live"].translations == ("实时",) and merged["Live"].finished
    assert merged["Quit"].translations == ("退出",), "a translation we have is kept"


def test_chinese_is_spoken_once_installed_and_english_again_once_removed(
    language: Language,
) -> None:
    assert language.install("zh_CN")
    assert language.locale().name() == "zh_CN"
    translated = next(m for m in i18n.messages(TS) if m.finished and "{" not in m.source)
    shown = QCoreApplication.translate(translated.context, translated.source)
    assert shown == translated.translations[0] != translated.source
    assert wording.translate(translated.context, translated.source) == shown
    language.remove()
    assert QCoreApplication.translate(translated.context, translated.source) == translated.source
    assert wording.translate(translated.context, translated.source) == translated.source


def test_english_and_languages_without_a_translation_speak_english(language: Language) -> None:
    assert not language.install("en")
    assert catalogue_file(QLocale("de_DE")) is None
    assert catalogue_file(QLocale("zh_TW")) is None, "Traditional readers are not given Simplified"
    assert catalogue_file(QLocale("zh_CN")) == I18N_DIR / "miniticker_zh_CN.qm"


def test_system_follows_the_desktops_locale_in_a_real_process() -> None:
    """LANG=zh_CN.UTF-8 (as a Chinese desktop sets it) makes "system" speak Chinese."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from desktop.qt.language import Language\n"
        "app = QCoreApplication([])\n"
        "language = Language(app)\n"
        "print(language.install('system'), language.locale().name())\n"
        "print(QCoreApplication.translate('WindowActions', '&File'))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}

    def speaks(lang: str) -> list[str]:
        return subprocess.run(
            [sys.executable, "-c", script],
            env={**env, "LANG": lang},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.splitlines()

    chinese = speaks("zh_CN.UTF-8")
    assert chinese[0] == "True zh_CN"
    assert chinese[1] != "&File" and "(&F)" in chinese[1]
    english = speaks("en_GB.UTF-8")
    assert english == ["False en_US", "&File"]
