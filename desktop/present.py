"""Plain-text presentation of journal records, shared by the command line and the app."""

from __future__ import annotations

from datetime import datetime
from typing import Any

SEVERITY = ("none", "mild", "moderate", "severe")


def show_time(text: str) -> str:
    """ "YYYY-MM-DD HH:MM" in the offset the entry was made in."""
    return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")


def fmt(number: float) -> str:
    """A number without trailing zeros: 2.0 -> "2", 0.25 -> "0.25"."""
    return f"{number:g}"


def describe(record: dict[str, Any]) -> str:
    """One line saying what a journal record holds (without its time)."""
    kind = record["kind"]
    if kind == "dose":
        text = f"{record['substance']} {fmt(record['amount'])} {record['unit']}"
        if record["pain_before"] is not None:
            text += f", pain before {record['pain_before']}"
        if record["warnings"]:
            text += (
                "  [beyond your limits: " + ", ".join(w.replace("_", " ") for w in record["warnings"]) + "]"
            )
    elif kind == "pain":
        text = f"pain {record['score']}/10"
        if record["locations"]:
            text += " (" + ", ".join(record["locations"]) + ")"
    elif kind == "sleep":
        text = (
            f"night of {record['night']}: in bed {show_time(record['in_bed'])[11:]}, "
            f"up {show_time(record['out_of_bed'])[11:]}, quality {record['quality']}/5"
        )
    elif kind == "effect":
        text = f"{record['name']} ({SEVERITY[record['severity']]})"
    else:
        text = ""
    note = record["note"].replace("\n", " ")
    if note:
        text = f"{text} — {note}" if text else note
    return text


def _missing_words(data: dict[str, Any]) -> str:
    parts = []
    if data.get("readings"):
        parts.append(f"{data['readings']} more check-ins")
    if data.get("days"):
        parts.append(f"{data['days']} more days with check-ins")
    if data.get("blocks"):
        parts.append(f"check-ins in {data['blocks']} more parts of the day")
    return ", ".join(parts) or "more check-ins"


REASONS: dict[str, str] = {
    "bedtime_fixed": "{time} — {lead_min} min before your bedtime {bedtime}",
    "bedtime_diary": (
        "{time} — {lead_min} min before your usual bedtime {bedtime} (median of {nights} diary nights)"
    ),
    "bedtime_diary_short": (
        "{time} — {lead_min} min before your set bedtime {bedtime}; a bedtime from your diary "
        "needs {needed} nights (have {nights})"
    ),
    "fixed_time": "{time} — your dose time",
    "fixed_needs_max_doses": (
        "{time} — your dose time; timing from your pain pattern needs your own maximum doses per 24 h"
    ),
    "fixed_not_enough_data": (
        "{time} — your dose time; not enough data for a pain pattern yet: need {missing}"
    ),
    "pattern_rise": (
        "{time} — before your usual rise {rise_start}–{rise_end} "
        "(avg {avg}, {readings} check-ins over {days} {day_word})"
    ),
    "pattern_kept": (
        "{time} — kept: most check-ins {rise_start}–{rise_end} were taken while a dose was working, "
        "so they are left out of the pattern ({readings} check-ins over {days} {day_word})"
    ),
    "checkin_time": "{time} — pain check-in",
    "followup": "{minutes} min after your dose at {dose_time} — how is the pain now?",
    "morning_diary": "sleep diary for the night of {night}",
}


def describe_reason(code: str, data: dict[str, Any]) -> str:
    """The words for a planner reason code (unknown codes are shown as they are)."""
    template = REASONS.get(code)
    if template is None:
        return code
    day_word = {"weekday": "weekdays", "weekend": "weekend days"}.get(str(data.get("split")), "days")
    values = {**data, "missing": _missing_words(data), "day_word": day_word}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return code


def describe_sufficiency(enough: bool, readings: int, days: int, blocks: int, missing: dict[str, int]) -> str:
    have = f"{readings} check-ins on {days} days, covering {blocks} of the 6 four-hour parts of the day"
    if enough:
        return f"enough data: {have}"
    return f"not enough data yet ({have}); need {_missing_words(missing)}"
