"""Words the user reads, for the layers that import no Qt.

The exchange, stream and settings code words its messages (a refused subscription, a
settings file that had to be repaired) but may not import Qt. It calls ``translate``
here with a context and an English text — the same call shape as
``QCoreApplication.translate``, so Qt's ``lupdate`` finds these texts too — and the Qt
layer plugs Qt's translator in at start-up (``use_translator``). Until then, and in
tests of those layers, the English text is the answer.

Texts with values use ``str.format`` placeholders *after* translation, never f-strings
(``lupdate`` reads only literals)::

    translate("Settings", "The tray rotation interval of {given} s was changed.").format(...)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

#: (context, source text, disambiguation, n) -> the text in the user's language.
Translator = Callable[[str, str, str | None, int], str]

NO_PLURAL: Final = -1


def _english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n != NO_PLURAL else text


_translator: Translator = _english


def use_translator(translator: Translator | None) -> None:
    """Answer ``translate`` with ``translator`` from now on (None: English again)."""
    global _translator
    _translator = translator if translator is not None else _english


def translate(
    context: str, text: str, disambiguation: str | None = None, n: int = NO_PLURAL
) -> str:
    """``text`` in the user's language; ``%n`` in it is replaced by ``n``."""
    return _translator(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate knows this name
    """Mark ``text`` for ``lupdate`` where it is defined; translate it where it is shown."""
    return text
