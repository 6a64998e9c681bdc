"""Translations for developers and translators: extract, check, merge and compile.

    python -m desktop.tools.i18n update    # texts in the code -> desktop/i18n/*.ts
    python -m desktop.tools.i18n status    # finished / unfinished, per file and context
    python -m desktop.tools.i18n merge OTHER.ts   # take OTHER's translations where ours lack one
    python -m desktop.tools.i18n build [DIR]      # .ts -> .qm (what setup.py's build runs)

``update`` and ``build`` run PySide6's own ``lupdate`` and ``lrelease``. The module
imports nothing outside the standard library, so setup.py can use it before PySide6 is
importable in the build environment.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

PACKAGE: Final = Path(__file__).resolve().parent.parent
I18N_DIR: Final = PACKAGE / "i18n"
LANGUAGES: Final = ("zh_CN",)
#: Developer-only code: its texts are never shown to a user of the app.
NOT_SHOWN: Final = ("bench", "simexchange", "tools")


def ts_file(language: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"miniticker_{language}.ts"


def sources(package: Path = PACKAGE) -> list[Path]:
    """The Python files whose texts a user can see."""
    return sorted(
        path
        for path in package.rglob("*.py")
        if path.relative_to(package).parts[0] not in NOT_SHOWN
    )


def qt_tool(name: str) -> str:
    """The path of PySide6's ``pyside6-<name>`` wrapper (lupdate, lrelease)."""
    script = f"pyside6-{name}"
    found = shutil.which(script, path=str(Path(sys.executable).parent)) or shutil.which(script)
    if found is None:
        raise SystemExit(f"{script} not found: install PySide6-Essentials (pip install -e .)")
    return found


def update(languages: Sequence[str] = LANGUAGES) -> None:
    """Add the code's new texts to every ``.ts`` (keeping translations) and drop gone ones."""
    files = [str(p) for p in sources()]
    for language in languages:
        target = ts_file(language)
        subprocess.run(
            [qt_tool("lupdate"), "-locations", "none", "-no-obsolete", *files, "-ts", str(target)],
            check=True,
        )


def build(out_dir: Path = I18N_DIR, source_dir: Path = I18N_DIR) -> list[Path]:
    """Compile every ``.ts`` in ``source_dir`` to a ``.qm`` in ``out_dir``; the outputs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(source_dir.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run(
            [qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        written.append(qm)
    return written


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translations: tuple[str, ...]  # one, or one per plural form
    finished: bool


def messages(ts: Path) -> Iterator[Message]:
    """Every message of a ``.ts`` file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = tuple(forms) if forms else (translation.text or "",)
            yield Message(
                name,
                message.findtext("source") or "",
                message.findtext("comment") or "",
                texts,
                translation.get("type") not in ("unfinished", "vanished", "obsolete")
                and all(texts),
            )


def status(ts: Path) -> dict[str, tuple[int, int]]:
    """context -> (finished, unfinished)."""
    counts: dict[str, tuple[int, int]] = {}
    for message in messages(ts):
        done, todo = counts.get(message.context, (0, 0))
        counts[message.context] = (done + 1, todo) if message.finished else (done, todo + 1)
    return counts


def merge(target: Path, other: Path) -> int:
    """Fill ``target``'s unfinished messages from ``other``'s finished ones; how many."""
    known = {(m.context, m.source, m.comment): m for m in messages(other) if m.finished}
    tree = ET.parse(target)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            if translation is None or translation.get("type") != "unfinished" or key not in known:
                continue
            texts = known[key].translations
            forms = list(translation.iter("numerusform"))
            if forms:
                for form, text in zip(forms, texts, strict=False):
                    form.text = text
            else:
                translation.text = texts[0]
            del translation.attrib["type"]
            filled += 1
    ET.indent(tree, space="    ")
    with target.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return filled


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.tools.i18n", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract the code's texts into the .ts files")
    commands.add_parser("status", help="count finished and unfinished translations")
    merging = commands.add_parser("merge", help="fill ours from another .ts")
    merging.add_argument("other", type=Path)
    merging.add_argument("--language", default=LANGUAGES[0])
    building = commands.add_parser("build", help="compile .ts to .qm")
    building.add_argument("out_dir", type=Path, nargs="?", default=I18N_DIR)
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "build":
        for qm in build(args.out_dir):
            sys.stdout.write(f"{qm}\n")
    elif args.command == "merge":
        filled = merge(ts_file(args.language), args.other)
        sys.stdout.write(f"{filled} translations taken from {args.other}\n")
    else:
        unfinished = 0
        for language in LANGUAGES:
            for context, (done, todo) in sorted(status(ts_file(language)).items()):
                unfinished += todo
                if todo:
                    sys.stdout.write(f"{language} {context}: {todo} unfinished, {done} done\n")
        sys.stdout.write(f"{unfinished} unfinished in all\n")
        return 1 if unfinished else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
