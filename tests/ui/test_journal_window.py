"""The journal window: newest first, kind and text filters, Del / Ctrl+Z / Ctrl+F / Esc,
Edit…, status line and empty states, with fake load/delete/undo callables. Also saves
screenshots of a demo journal in the light and a dark palette."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.cli.demo import demo_entries, demo_substances
from desktop.core.errors import ValidationError
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal
from desktop.storage.journal_edits import UndoResult
from desktop.storage.records import new_uid
from desktop.ui.windows.journal_window import JournalWindow
from tests.ui.palettes import dark_palette

TODAY = date(2026, 3, 10)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "windows"


def record(entry_id: int, kind: str, at: str, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": entry_id, "uid": f"u{entry_id}", "kind": kind, "at": at, "note": ""}
    defaults: dict[str, dict[str, Any]] = {
        "dose": {"substance": "Kratom", "amount": 2.0, "unit": "g", "pain_before": None, "warnings": []},
        "pain": {"score": 5, "locations": [], "qualities": [], "source": "manual"},
        "effect": {"name": "nausea", "severity": 1},
        "note": {"tags": []},
        "sleep": {
            "night": "2026-03-09",
            "in_bed": "2026-03-09T22:45:00+01:00",
            "out_of_bed": "2026-03-10T06:50:00+01:00",
            "quality": 4,
        },
    }
    return {**base, **defaults[kind], **fields}


class FakeJournal:
    """The three callables the window needs, over a list of records."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self.deleted: list[dict[str, Any]] = []
        self.delete_calls: list[int] = []
        self.undo_calls = 0
        self.load_calls: list[str | None] = []

    def load(self, kind: str | None) -> list[dict[str, Any]]:
        self.load_calls.append(kind)
        # Oldest first, as Journal.entries returns them: the window sorts.
        return [r for r in self.records if kind is None or r["kind"] == kind]

    def delete(self, entry_id: int) -> dict[str, Any]:
        self.delete_calls.append(entry_id)
        found = next(r for r in self.records if r["id"] == entry_id)
        self.records.remove(found)
        self.deleted.append(found)
        return found

    def undo(self) -> UndoResult | None:
        self.undo_calls += 1
        if not self.deleted:
            return None
        back = self.deleted.pop()
        self.records.append(back)
        return UndoResult("delete", back["id"], back["kind"])


def sample() -> list[dict[str, Any]]:
    return [
        record(1, "sleep", "2026-03-09T22:45:00+01:00"),
        record(2, "pain", "2026-03-10T09:00:00+01:00", score=5),
        record(3, "dose", "2026-03-10T09:20:00+01:00", pain_before=5),
        record(4, "effect", "2026-03-10T10:50:00+01:00"),
        record(5, "note", "2026-03-10T21:30:00+01:00", note="long walk in the afternoon"),
        # Made in another UTC offset: 08:30 UTC is later than 09:20+01:00.
        record(6, "pain", "2026-03-10T08:30:00+00:00", score=3),
    ]


@pytest.fixture
def fake() -> FakeJournal:
    return FakeJournal(sample())


@pytest.fixture
def window(qtbot, fake: FakeJournal) -> JournalWindow:
    shown = JournalWindow(fake.load, fake.delete, fake.undo, today=lambda: TODAY)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def rows(window: JournalWindow) -> list[list[str]]:
    proxy = window.proxy
    return [[proxy.index(r, c).data() for c in range(3)] for r in range(proxy.rowCount())]


def ids(window: JournalWindow) -> list[int]:
    proxy = window.proxy
    return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(proxy.rowCount())]


def select(window: JournalWindow, entry_id: int) -> None:
    window.reload(select_id=entry_id)
    window.table.setFocus()


def test_lists_entries_newest_first_with_time_kind_and_description(window: JournalWindow) -> None:
    assert ids(window) == [5, 4, 6, 3, 2, 1]
    assert rows(window)[:2] == [
        ["2026-03-10 21:30", "Note", "long walk in the afternoon"],
        ["2026-03-10 10:50", "Side effect", "nausea (mild)"],
    ]
    assert rows(window)[-1] == [
        "2026-03-09 22:45",
        "Sleep",
        "night of 2026-03-09: in bed 22:45, up 06:50, quality 4/5",
    ]
    assert window.count_label.text() == "6 entries"
    assert window.selected_id() == 5  # the newest is selected, ready for the keyboard


@pytest.mark.parametrize(
    ("label", "kind", "expected"),
    [
        ("All kinds", None, [5, 4, 6, 3, 2, 1]),
        ("Dose", "dose", [3]),
        ("Pain", "pain", [6, 2]),
        ("Sleep", "sleep", [1]),
        ("Side effect", "effect", [4]),
        ("Note", "note", [5]),
    ],
)
def test_filter_by_kind_loads_that_kind(
    window: JournalWindow, fake: FakeJournal, label: str, kind: str | None, expected: list[int]
) -> None:
    index = window.kind_filter.findText(label)
    assert index >= 0
    window.kind_filter.setCurrentIndex(index)
    assert fake.load_calls[-1] == kind
    assert ids(window) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("KRATOM", [3]), ("nausea", [4]), ("2026-03-09", [1]), ("side effect", [4]), ("walk", [5])],
)
def test_text_filter_matches_any_column_ignoring_case(
    window: JournalWindow, qtbot, text: str, expected: list[int]
) -> None:
    qtbot.keyClicks(window.text_filter, text)
    assert ids(window) == expected
    assert window.count_label.text() == f"{len(expected)} of 6 entries"


def test_del_deletes_the_selected_entry_and_says_how_to_undo(
    window: JournalWindow, fake: FakeJournal, qtbot
) -> None:
    select(window, 2)
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)

    assert fake.delete_calls == [2]
    assert 2 not in ids(window)
    assert window.statusBar().currentMessage() == "Deleted pain 5/10 at 09:00 — Ctrl+Z to undo"
    assert window.selected_id() == 1  # the next entry down, so Del can go on


def test_delete_button_names_entries_of_other_days_with_their_date(
    window: JournalWindow, fake: FakeJournal
) -> None:
    select(window, 1)
    window.delete_button.click()
    assert fake.delete_calls == [1]
    assert window.statusBar().currentMessage() == (
        "Deleted sleep diary, night of 2026-03-09: in bed 22:45, up 06:50, quality 4/5 "
        "at 2026-03-09 22:45 — Ctrl+Z to undo"
    )


def test_del_in_the_filter_box_edits_the_text_and_deletes_nothing(
    window: JournalWindow, fake: FakeJournal, qtbot
) -> None:
    qtbot.keyClicks(window.text_filter, "pain")
    window.text_filter.setCursorPosition(0)
    qtbot.keyClick(window.text_filter, Qt.Key.Key_Delete)
    assert window.text_filter.text() == "ain"
    assert fake.delete_calls == []


def test_ctrl_z_undoes_and_selects_what_came_back(window: JournalWindow, fake: FakeJournal, qtbot) -> None:
    select(window, 3)
    window.delete_button.click()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert fake.undo_calls == 1
    assert 3 in ids(window)
    assert window.selected_id() == 3
    assert window.statusBar().currentMessage() == "Restored Kratom 2 g, pain before 5 at 09:20"


def test_undo_button_with_nothing_to_undo_says_so(window: JournalWindow, fake: FakeJournal) -> None:
    window.undo_button.click()
    assert fake.undo_calls == 1
    assert window.statusBar().currentMessage() == "Nothing to undo."


def test_an_undo_the_journal_refuses_is_shown_not_raised(qtbot, fake: FakeJournal) -> None:
    def refuse() -> None:
        raise ValidationError("night", "2026-03-09 already has a sleep diary (entry 9)")

    window = JournalWindow(fake.load, fake.delete, refuse, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.undo()
    # the message, in the user's language, without the programmer's field key
    assert (
        window.statusBar().currentMessage()
        == "Could not undo: 2026-03-09 already has a sleep diary (entry 9)"
    )


def test_edit_emits_the_selected_record(window: JournalWindow, qtbot) -> None:
    select(window, 4)
    with qtbot.waitSignal(window.edit_requested) as signal:
        window.edit_button.click()
    assert signal.args[0]["id"] == 4 and signal.args[0]["kind"] == "effect"

    with qtbot.waitSignal(window.edit_requested) as signal:
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert signal.args[0]["id"] == 4


def test_ctrl_f_focuses_the_filter_and_esc_clears_it_then_the_kind(window: JournalWindow, qtbot) -> None:
    window.kind_filter.setCurrentIndex(window.kind_filter.findText("Pain"))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.text_filter.hasFocus()

    qtbot.keyClicks(window.text_filter, "5/10")
    assert ids(window) == [2]
    qtbot.keyClick(window.text_filter, Qt.Key.Key_Escape)
    assert window.text_filter.text() == ""
    assert ids(window) == [6, 2]
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert window.kind() is None
    assert len(ids(window)) == 6


def test_buttons_are_disabled_without_a_selection(window: JournalWindow, qtbot) -> None:
    qtbot.keyClicks(window.text_filter, "no such thing")
    assert not window.delete_button.isEnabled()
    assert not window.edit_button.isEnabled()
    assert window.undo_button.isEnabled()
    assert window.empty_label.text() == "No entries match “no such thing”. Esc clears the filter."


def test_empty_journal_says_how_to_log(qtbot) -> None:
    empty = FakeJournal([])
    window = JournalWindow(empty.load, empty.delete, empty.undo, today=lambda: TODAY)
    qtbot.addWidget(window)
    assert window.stack.currentWidget() is window.empty_label
    assert window.empty_label.text() == "Nothing logged yet. Use the tray menu or `ebb log pain 5`."
    window.delete_selected()
    assert empty.delete_calls == []


def test_an_empty_kind_says_so(qtbot) -> None:
    only_pain = FakeJournal([record(1, "pain", "2026-03-10T09:00:00+01:00")])
    window = JournalWindow(only_pain.load, only_pain.delete, only_pain.undo, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.kind_filter.setCurrentIndex(window.kind_filter.findText("Sleep"))
    assert window.empty_label.text() == "No sleep entries yet. Esc shows all kinds."


def test_window_title_names_no_substance(window: JournalWindow) -> None:
    assert window.windowTitle() == "Ebb — Journal"


# ---- with a real journal, and screenshots ----------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Journal]:
    now = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
    zone = ZoneInfo("Europe/Berlin")
    database = open_journal(tmp_path / "journal.db")
    journal = Journal(database, clock=lambda: now)
    entries = [
        (entry, "Europe/Berlin", new_uid(), "2026-03-10T13:00:00.000000Z")
        for entry in demo_entries(21, 3, date(2026, 3, 9), zone, now)
    ]
    journal.import_all([(new_uid(), s) for s in demo_substances()], entries)
    yield journal
    database.close()


def test_works_on_a_real_journal_with_undo(qtbot, demo: Journal) -> None:
    window = JournalWindow(
        lambda kind: demo.entries(kind=kind), demo.delete_entry, demo.undo, today=lambda: TODAY
    )
    qtbot.addWidget(window)
    newest = window.selected_id()
    assert newest == demo.entries()[-1]["id"]

    window.delete_selected()
    assert newest not in {r["id"] for r in demo.entries()}
    window.undo()
    assert newest in {r["id"] for r in demo.entries()}
    assert window.statusBar().currentMessage().startswith("Restored ")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot_of_a_demo_journal(qtbot, demo: Journal, scheme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    if scheme == "dark":
        app.setPalette(dark_palette())
    try:
        window = JournalWindow(
            lambda kind: demo.entries(kind=kind), demo.delete_entry, demo.undo, today=lambda: TODAY
        )
        qtbot.addWidget(window)
        window.resize(900, 560)
        window.show()
        qtbot.waitExposed(window)
        select(window, demo.entries(kind="pain")[-1]["id"])
        window.delete_selected()
        qtbot.wait(50)  # let the posted layout requests run before grabbing
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(SCREENSHOTS / f"journal-{scheme}.png"))
    finally:
        app.setPalette(before)


def test_a_hidden_list_reloads_when_it_is_shown_not_before(qtbot) -> None:
    from desktop.ui.windows.journal_window import JournalWindow

    loads: list[object] = []

    def load(kind: object) -> list:
        loads.append(kind)
        return []

    window = JournalWindow(load, lambda entry_id: None, lambda: None)
    qtbot.addWidget(window)
    assert len(loads) == 1  # built with its entries
    window.reload_when_shown()  # hidden: nothing read
    window.reload_when_shown()
    assert len(loads) == 1
    window.show()  # shown: read once
    assert len(loads) == 2
    window.reload_when_shown()  # visible: read at once
    assert len(loads) == 3
