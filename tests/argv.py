"""Command lines the tests share: a kratom with the user's own limits, and sleep diaries
built from one good night."""

from __future__ import annotations

# A night the diary accepts; each bad case changes one or two of its fields.
GOOD_NIGHT = {
    "night": "2026-03-01",
    "in_bed": "23:00",
    "try_sleep": "23:10",
    "sol": "10",
    "awakenings": "1",
    "waso": "10",
    "final_wake": "06:30",
    "out_of_bed": "06:40",
    "quality": "3",
}


def sleep_argv(**changes: str) -> list[str]:
    """`ebb log sleep` with every option of GOOD_NIGHT, but for ``changes``."""
    argv = ["log", "sleep"]
    for field, value in {**GOOD_NIGHT, **changes}.items():
        argv += ["--" + field.replace("_", "-"), value]
    return argv


# The limits are invented for the tests (as every amount in Ebb is the user's own).
ADD_KRATOM_WITH_LIMITS = [
    *("substance", "add", "Kratom", "--kind", "kratom", "--unit", "g", "--amount", "2"),
    *("--min-interval", "4", "--max-per-day", "3", "--daily-cap", "8"),
]
