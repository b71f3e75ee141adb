"""Keep the translation files in step with the code.

    uv run python tools/translations.py

Extracts every string passed to Qt's ``tr()`` in desktop/ into
``resources/translations/ebb.ts`` (the template a translator starts from, e.g. copied to
``ebb_de.ts`` and opened in Qt Linguist) and updates each ``ebb_<language>.ts`` beside
it. The app reads the .ts file for the system language at start-up
(desktop/ui/shell/translations.py); no compiled .qm is needed.

``ebb_en.ts`` holds only the English plural forms of the strings written with ``%n``
("%n more night(s)" -> "%n more night" / "%n more nights"); the forms of a source written
with "(s)" or "(es)" are filled in here, any other one is left for a person to write (a
test fails until then).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))
    english = FOLDER / "ebb_en.ts"
    targets = [FOLDER / "ebb.ts", *sorted(p for p in FOLDER.glob("ebb_*.ts") if p != english)]
    lupdate = [str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
    for target in targets:
        subprocess.run([*lupdate, *sources, "-ts", str(target)], cwd=ROOT, check=True)
    plurals = ["-pluralonly", "-target-language", "en", "-source-language", "en"]
    subprocess.run([*lupdate, *plurals, *sources, "-ts", str(english)], cwd=ROOT, check=True)
    if fill_english_plurals(english):  # once more, so the file is in lupdate's own layout
        subprocess.run([*lupdate, *plurals, *sources, "-ts", str(english)], cwd=ROOT, check=True)
    return 0


def fill_english_plurals(path: Path) -> bool:
    """Write the singular and plural of each unfinished "(s)"/"(es)" message; True when
    any was written."""
    tree = ElementTree.parse(path)
    changed = False
    for message in tree.getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if not re.search(r"\((?:s|es)\)", source):
            continue
        one = re.sub(r"\((?:s|es)\)", "", source)
        many = re.sub(r"\((s|es)\)", r"\1", source)
        for form in list(translation):
            translation.remove(form)
        for text in (one, many):
            ElementTree.SubElement(translation, "numerusform").text = text
        del translation.attrib["type"]
        changed = True
    if changed:
        ElementTree.indent(tree, space="    ")
        with path.open("wb") as file:
            file.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(file, encoding="utf-8")
            file.write(b"\n")
    return changed


if __name__ == "__main__":
    raise SystemExit(main())
