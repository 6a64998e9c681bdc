"""Build step beyond pyproject.toml: compile the translations.

``desktop/i18n/*.ts`` (the translators' sources, in the repository) become ``.qm`` files
(what Qt loads) with PySide6's own ``lrelease``, for wheels and editable installs alike.
Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import Command, setup
from setuptools.command.build import build

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from desktop.tools import i18n  # noqa: E402  (standard library only; no Qt import)


class BuildTranslations(Command):
    """``lrelease`` every ``.ts`` into the package (in place for an editable install)."""

    description = "compile desktop/i18n/*.ts into .qm files"
    user_options: list[tuple[str, str | None, str]] = []  # noqa: RUF012 (setuptools API)

    def initialize_options(self) -> None:
        self.build_lib: str | None = None
        self.editable_mode = False

    def finalize_options(self) -> None:
        self.set_undefined_options("build_py", ("build_lib", "build_lib"))

    def _out_dir(self) -> Path:
        if self.editable_mode or self.build_lib is None:
            return i18n.I18N_DIR
        return Path(self.build_lib) / "desktop" / "i18n"

    def run(self) -> None:
        i18n.build(self._out_dir())

    def get_source_files(self) -> list[str]:
        return [str(p.relative_to(HERE)) for p in sorted(i18n.I18N_DIR.glob("*.ts"))]

    def get_outputs(self) -> list[str]:
        out = self._out_dir()
        return [str(out / p.with_suffix(".qm").name) for p in sorted(i18n.I18N_DIR.glob("*.ts"))]

    def get_output_mapping(self) -> dict[str, str]:
        return {}


class BuildWithTranslations(build):
    sub_commands = [*build.sub_commands, ("build_translations", None)]  # noqa: RUF012


setup(cmdclass={"build": BuildWithTranslations, "build_translations": BuildTranslations})
