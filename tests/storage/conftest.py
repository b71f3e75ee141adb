"""Fixtures for the storage tests: real SQLite journals in ``tmp_path``, a fixed clock,
and builders for validated journal values (every time is explicit, never the real clock)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from desktop.core.model import Dose, Note, PainCheckin, SideEffect, SleepEntry, Substance
from desktop.core.validation import (
    validate_dose,
    validate_effect,
    validate_note,
    validate_pain,
    validate_sleep,
    validate_substance,
)
from desktop.storage.database import open_journal
from desktop.storage.journal import Journal

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")


class Make:
    """Validated journal values at explicit times (``now`` is fixed)."""

    now = NOW
    zone = "Europe/Berlin"

    def at(self, day: int, hour: int, minute: int = 0) -> datetime:
        """A local Berlin time in March 2026."""
        return datetime(2026, 3, day, hour, minute, tzinfo=BERLIN)

    def kratom(self, name: str = "Kratom") -> Substance:
        return validate_substance(
            name, "kratom", "g", usual_amount=2.5, min_interval_h=4, max_per_day=3, daily_cap=9
        )

    def melatonin(self, name: str = "Melatonin") -> Substance:
        return validate_substance(name, "melatonin", "mg", usual_amount=0.5, onset_min=60, alias="evening")

    def dose(self, substance: Substance, at: datetime, amount: object = 2.5, **extra: object) -> Dose:
        return validate_dose(substance, amount, at, NOW, **extra)

    def pain(self, at: datetime, score: object = 5, **extra: object) -> PainCheckin:
        return validate_pain(score, at, NOW, **extra)

    def effect(
        self, at: datetime, name: object = "nausea", severity: object = 1, **extra: object
    ) -> SideEffect:
        return validate_effect(name, severity, at, NOW, **extra)

    def note(self, at: datetime, text: object = "a note", **extra: object) -> Note:
        return validate_note(text, at, NOW, **extra)

    def sleep(self, night: date, quality: object = 3, note: str = "") -> SleepEntry:
        """A plausible diary for the night beginning on ``night``: 22:45 to 06:50."""
        in_bed = datetime.combine(night, datetime.min.time(), BERLIN).replace(hour=22, minute=45)
        morning = in_bed + timedelta(days=1)
        return validate_sleep(
            night,
            in_bed,
            in_bed + timedelta(minutes=15),
            20,
            2,
            30,
            morning.replace(hour=6, minute=30),
            morning.replace(hour=6, minute=50),
            quality,
            NOW,
            note=note,
        )


@pytest.fixture
def make() -> Make:
    return Make()


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where a journal would live; the data folder does not exist yet."""
    return tmp_path / "data" / "journal.db"


@pytest.fixture
def db(journal_path: Path) -> Iterator[Database]:
    database = open_journal(journal_path)
    yield database
    database.close()


@pytest.fixture
def journal(db: Database) -> Journal:
    return Journal(db, clock=lambda: NOW)


@pytest.fixture
def new_journal(tmp_path: Path) -> Iterator[Journal]:
    """A second, empty journal (for import targets)."""
    database = open_journal(tmp_path / "other" / "journal.db")
    yield Journal(database, clock=lambda: NOW)
    database.close()
