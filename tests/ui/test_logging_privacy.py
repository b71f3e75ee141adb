"""The log: a private folder and private files (rotated copies too), and no note texts or
hidden substance names in it."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from desktop.start import configure_logging
from desktop.system.paths import log_dir


def test_the_log_and_its_rotated_copies_are_private_whatever_the_umask() -> None:
    old_umask = os.umask(0o022)
    handler = configure_logging()
    try:
        log = logging.getLogger("ebb.test")
        for i in range(3000):  # about 2.5 MB: two rotations at 1 MB
            log.info("line %d %s", i, "x" * 800)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
        os.umask(old_umask)
    folder = log_dir()
    files = sorted(folder.glob("ebb.log*"))
    assert len(files) >= 3, files
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {f.name: stat.S_IMODE(f.stat().st_mode) for f in files} == {f.name: 0o600 for f in files}


def test_a_loosened_log_is_tightened_on_start() -> None:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    old = folder / "ebb.log.1"
    old.write_text("older run\\n")
    old.chmod(0o644)
    folder.chmod(0o755)
    handler = configure_logging()
    logging.getLogger().removeHandler(handler)
    handler.close()
    assert stat.S_IMODE(old.stat().st_mode) == 0o600 and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert isinstance(folder, Path)


@pytest.mark.parametrize("discreet", [True, False])
def test_in_discreet_mode_no_substance_name_or_note_reaches_the_log(
    qtbot, tmp_path, caplog, discreet
) -> None:
    from datetime import UTC, datetime

    import time_machine
    from PySide6.QtWidgets import QApplication

    from desktop.app import EbbApp
    from desktop.core.validation import validate_note, validate_substance
    from desktop.storage.database import open_journal
    from desktop.storage.journal import Journal
    from desktop.system.paths import Paths

    caplog.set_level(logging.DEBUG)
    now = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=True):
        journal = Journal(open_journal(tmp_path / "journal.db"))
        journal.set_setting("timezone", "UTC")
        journal.set_setting("discreet", "true")
        # One dose reminder long missed (its summary is logged), one still to come.
        journal.set_setting("dose_times", "05:00,15:02")
        journal.add_substance(validate_substance("Zebrawood", "kratom", "g", usual_amount=2))
        ebb = EbbApp(QApplication.instance(), Paths(tmp_path), journal)
        try:
            ebb.start_reminders()
            key = next(o.key for o in ebb.reminders.pending() if o.kind == "dose")
            ebb.answers.taken(key)
            (dialog,) = ebb.windows.open
            dialog.note.setText("private words about my day")
            dialog.submit()
            ebb.changes.save(validate_note("another private sentence", now, now))
            ebb.answers.on_action("no-such-key", "snooze:30")
        finally:
            for dialog in list(ebb.windows.open):
                dialog.close()
            ebb.shutdown()
    text = caplog.text.casefold()
    for secret in ("private words", "private sentence"):
        assert secret not in text, secret
    assert "zebrawood" not in text
    # The paths that could leak ran: the missed summary, the dose, a refused answer.
    for logged in ("while you were away", "dose logged", "is not a reminder"):
        assert logged in text, logged


def test_rotation_keeps_three_older_logs_newest_first(tmp_path: Path) -> None:
    from desktop.system.logfile import PrivateRotatingFile

    handler = PrivateRotatingFile(tmp_path / "ebb.log", max_bytes=100, backups=3)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("ebb.rotation-test")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(10):
            logger.warning("line %d %s", i, "x" * 40)  # two lines fit in 100 bytes
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["ebb.log", "ebb.log.1", "ebb.log.2", "ebb.log.3"]

    def numbers(name: str) -> list[int]:
        return [int(line.split()[1]) for line in (tmp_path / name).read_text().splitlines()]

    assert numbers("ebb.log") == [8, 9]
    assert numbers("ebb.log.1") == [6, 7]
    assert numbers("ebb.log.3") == [2, 3]  # 0 and 1 went with the oldest copy
    assert all((tmp_path / name).stat().st_size <= 100 for name in files)
