"""After a dose: the count and amount of the last 24 hours and when the user's own limits
allow the next one (kratom in the rig: usual 2 g, 4 h apart, at most 3 a day, 8 g)."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest

from desktop.core.validation import validate_dose
from desktop.services.limits import LimitNote, after_dose
from tests.scheduling.conftest import START


def log_doses(rig, hours_before_now: list[float], amount: float = 2.0) -> None:
    kratom = rig.journal.substance("Kratom").substance
    for hours in hours_before_now:
        at = START - timedelta(hours=hours)
        rig.journal.add_entry(validate_dose(kratom, amount, at, START.astimezone(UTC)), zone="Europe/Berlin")


@pytest.mark.parametrize(
    ("before", "note"),
    [
        ([], LimitNote(0, 0.0, "g", None)),
        # 4 h apart: the next one from 10:00
        ([0], LimitNote(1, 2.0, "g", START + timedelta(hours=4))),
        # the third of the day: the next once the first is 24 h old
        ([20, 10, 0], LimitNote(3, 6.0, "g", START + timedelta(hours=4))),
        ([23, 10, 5], LimitNote(3, 6.0, "g", START + timedelta(hours=1))),
        # far enough apart and under every cap: within now
        ([30, 5], LimitNote(1, 2.0, "g", None)),
    ],
)
def test_after_a_dose_the_note_says_where_the_limits_stand(rig, before, note) -> None:
    log_doses(rig, before)
    assert after_dose(rig.journal, "kratom", START.astimezone(UTC), START.tzinfo) == note
