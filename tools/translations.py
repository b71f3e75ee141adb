"""Keep the translation files in step with the code.

    uv run python tools/translations.py

Extracts every string passed to Qt's ``tr()`` in desktop/ into
``resources/translations/ebb.ts`` (the template a translator starts from, e.g. copied to
``ebb_de.ts`` and opened in Qt Linguist) and updates each ``ebb_<language>.ts`` beside
it. The app reads the .ts file for the system language at start-up
(desktop/ui/shell/translations.py); no compiled .qm is needed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py"))
    targets = [FOLDER / "ebb.ts", *sorted(FOLDER.glob("ebb_*.ts"))]
    lupdate = [str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
    for target in targets:
        subprocess.run(
            [*lupdate, *sources, "-ts", str(target)],
            cwd=ROOT,
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
