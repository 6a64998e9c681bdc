"""The language MiniTicker speaks: Qt's translators for its own texts and for Qt's.

The translations are ``desktop/i18n/miniticker_<locale>.ts`` in the repository; the build
compiles them with PySide6's ``lrelease`` into ``.qm`` files beside them (setup.py). The
choice is the settings' ``language``: "system" follows the desktop's locale, "en" and
"zh_CN" force one. Qt's own ``qtbase`` catalogue is loaded too, so the standard buttons
and the text fields' context menus speak the same language.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop import wording

log = logging.getLogger(__name__)

#: Where the compiled ``.qm`` files are, in a checkout and in an installed wheel alike.
I18N_DIR: Final = Path(__file__).resolve().parent.parent / "i18n"
CATALOGUE: Final = "miniticker"
#: The language of the source texts.
ENGLISH: Final = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def locale_for(choice: str) -> QLocale:
    """The locale a settings ``language`` value stands for."""
    if choice == "system":
        return QLocale.system()
    if choice == "en":
        return ENGLISH
    return QLocale(choice)


def _load(translator: QTranslator, locale: QLocale, directory: Path) -> bool:
    """Qt's own search: ``miniticker_<ui language>.qm`` for each of the locale's languages."""
    return translator.load(locale, CATALOGUE, "_", str(directory))


def catalogue_file(locale: QLocale, directory: Path = I18N_DIR) -> Path | None:
    """MiniTicker's compiled translation for ``locale``, or None (English is the source)."""
    translator = QTranslator()
    return Path(translator.filePath()) if _load(translator, locale, directory) else None


def _qt_translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


class Language:
    """Installs the translators of one language into the application.

    Qt sends every widget a ``LanguageChange`` event when translators change; texts built
    before that stay in the language they were built in, so the app installs the
    language before it builds its windows.
    """

    def __init__(self, app: QCoreApplication, directory: Path = I18N_DIR) -> None:
        self._app = app
        self._directory = directory
        self._installed: list[QTranslator] = []
        self._locale = ENGLISH

    def install(self, choice: str) -> bool:
        """Speak ``choice`` from now on; False when MiniTicker has no translation for it
        (it then speaks English, and so do Qt's own texts)."""
        self._remove()
        locale = locale_for(choice)
        ours = QTranslator(self._app)
        if not _load(ours, locale, self._directory):
            if locale.language() != QLocale.Language.English:
                log.info("no translation for %s in %s; English", locale.name(), self._directory)
            self.remove()
            return False
        qt_own = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(locale, "qtbase", "_", qt_dir):
            self._add(qt_own)
        else:
            log.info("Qt's own texts have no %s translation in %s", locale.name(), qt_dir)
        self._add(ours)
        self._locale = locale
        QLocale.setDefault(locale)
        wording.use_translator(_qt_translate)
        log.info("language %s from %s", locale.name(), ours.filePath())
        return True

    def locale(self) -> QLocale:
        """The locale whose translation is installed (English when none is)."""
        return QLocale(self._locale)

    def _add(self, translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)

    def remove(self) -> None:
        """Take this language's translators out again: English from now on."""
        self._remove()
        self._locale = ENGLISH
        QLocale.setDefault(ENGLISH)

    def _remove(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed.clear()
        wording.use_translator(None)
