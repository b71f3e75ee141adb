"""A translation file reaches every kind of string: a dialog's own, one written in its
base class, the main window's menu, a module-level reminder text, and Qt's own buttons
where Qt ships them; the template holds every tr() string of the code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.ui.shell.translations import TsTranslator, install_translations

ROOT = Path(__file__).resolve().parents[2]
GERMAN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context><name>PainDialog</name>
  <message><source>Pain check-in</source><translation>Schmerz-Check-in</translation></message>
</context>
<context><name>EntryDialog</name>
  <message><source>&amp;When</source><translation>&amp;Wann</translation></message>
</context>
<context><name>MainWindow</name>
  <message><source>&amp;Log</source><translation>&amp;Eintragen</translation></message>
  <message><source>&amp;Quit Ebb</source><translation type="unfinished">Beenden</translation></message>
</context>
<context><name></name>
  <message><source>Skip</source><translation>Überspringen</translation></message>
</context>
</TS>
"""


@pytest.fixture
def german(qapp, tmp_path: Path):
    (tmp_path / "ebb_de.ts").write_text(GERMAN, encoding="utf-8")
    loaded = install_translations(qapp, QLocale(QLocale.Language.German, QLocale.Country.Germany), tmp_path)
    yield loaded
    for translator in qapp.findChildren(TsTranslator):
        if translator.catalog.language == "en":
            continue  # the English plural forms every test has
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_a_german_file_translates_dialogs_base_classes_menus_and_reminders(qtbot, german) -> None:
    from datetime import UTC, datetime

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QLabel

    from desktop.ui.dialogs import PainDialog
    from desktop.ui.shell.reminder_text import tr
    from desktop.ui.windows.journal_window import JournalWindow
    from desktop.ui.windows.main_window import MainWindow
    from desktop.ui.windows.today import TodayView

    assert "ebb_de.ts" in german
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    dialog = PainDialog(lambda value: None, lambda: now, UTC)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Schmerz-Check-in"
    assert "&Wann" in [label.text() for label in dialog.findChildren(QLabel)]  # written in EntryDialog
    journal = JournalWindow(lambda kind: [], lambda i: None, lambda: None)
    window = MainWindow(TodayView(), lambda: journal, QIcon())
    qtbot.addWidget(window)
    menu = window.menuBar().actions()[0]
    assert menu.text() == "&Eintragen"
    assert "&Quit Ebb" in [a.text() for a in menu.menu().actions()]  # unfinished: stays English
    assert tr("Skip") == "Überspringen"
    assert QCoreApplication.translate("Anything", "Not in the file") == "Not in the file"


def test_without_a_file_for_the_language_nothing_changes(qapp, tmp_path: Path) -> None:
    loaded = install_translations(qapp, QLocale(QLocale.Language.Finnish), tmp_path)
    assert [name for name in loaded if name.startswith("ebb")] == []


def test_the_template_holds_every_string_of_the_code() -> None:
    template = (ROOT / "resources" / "translations" / "ebb.ts").read_text(encoding="utf-8")
    for source in (
        "Pain check-in",
        "Log a dose",
        "&amp;Save clinician report…",
        "Snooze 30 min",
        "Ebb cannot open your journal",
    ):
        assert f"<source>{source}</source>" in template, source


def test_the_template_is_in_step_with_the_code(tmp_path: Path) -> None:
    """A new tr() string needs `uv run python tools/translations.py` (this fails until then)."""
    import re
    import subprocess
    import sys

    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)], check=True, capture_output=True
    )

    def texts(path: Path) -> set[str]:
        return set(re.findall(r"<source>(.*?)</source>", path.read_text(encoding="utf-8"), re.S))

    committed = texts(ROOT / "resources" / "translations" / "ebb.ts")
    assert texts(fresh) == committed, sorted(texts(fresh) ^ committed)[:5]
