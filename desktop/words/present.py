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


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 more night", "3 more nights": the count and the right form of the word."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _missing_words(data: dict[str, Any]) -> str:
    parts = []
    if data.get("readings"):
        parts.append(f"{plural(data['readings'], 'more check-in')}")
    if data.get("days"):
        parts.append(f"{plural(data['days'], 'more day')} with check-ins")
    if data.get("blocks"):
        parts.append(f"check-ins in {plural(data['blocks'], 'more part')} of the day")
    return ", ".join(parts) or "more check-ins"


def _fixed_words(data: dict[str, Any]) -> str:
    if data.get("fixed"):
        return f"until then your own dose times are used ({data.get('times', '')})"
    return "until then your own dose times are used — none are set"


def _cap_words(data: dict[str, Any]) -> str:
    cap = int(data.get("cap", 0))
    source = data.get("cap_source")
    if source == "setting":
        return f"at most {plural(cap, 'reminder')} a day, as you set"
    if source == "maximum":
        return f"at most {plural(cap, 'reminder')} a day, your own maximum"
    return (
        f"at most {plural(cap, 'reminder')} a day: you took about {fmt(data.get('recent', 0))} a day lately"
    )


def _help_words(data: dict[str, Any]) -> str:
    if data.get("relief") == "learned":
        onset = data.get("onset_min")
        if onset is None:
            return "your journal does not show a clear drop in pain after your doses"
        return f"your doses usually help after about {onset} min"
    return (
        "Ebb has not learned yet whether and how your doses change your pain, so it uses your own timing "
        f"(helping after {data.get('onset_min')} min, for {data.get('duration_h')} h)"
    )


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
    "fixed_not_enough_data": (
        "{time} — your dose time; not enough data for a pain pattern yet: need {missing}"
    ),
    "fixed_same_times": (
        "{time} — your dose time; you have always dosed at about the same times, so Ebb cannot "
        "yet tell your pain without a dose from your pain with one"
    ),
    "pattern_rise": (
        "{time} — before your pain usually rises ({rise_start}–{rise_end}, about {untreated}/10 "
        "untreated); {help}"
    ),
    "pattern_rising": (
        "{time} — as your pain usually rises ({rise_start}–{rise_end}, about {untreated}/10 "
        "untreated); {help}"
    ),
    # The day's dose rule, one line per substance, also when it plans nothing.
    "fixed_times": "{substance}: reminders at your own dose times ({times})",
    "fixed_none": "{substance}: no dose reminders — you have not set any dose times",
    "pattern_short": ("{substance}: no pattern timing yet — it needs {missing}; {fixed}"),
    "pattern_same_times": (
        "{substance}: no pattern timing yet — you have always dosed at about the same times, so "
        "Ebb cannot yet tell your pain without a dose from your pain with one (a few check-ins "
        "on days or at times without a dose would show it); {fixed}"
    ),
    "pattern_no_recent_doses": (
        "{substance}: no dose reminders — you logged no doses in the last 14 days, and Ebb only "
        "times the doses you already take (Settings: dose reminders a day)"
    ),
    "pattern_occasional": (
        "{substance}: no dose reminders — you took a dose on {dose_days_words} of the last 14, "
        "and Ebb does not turn doses now and then into a daily reminder (Settings: dose "
        "reminders a day)"
    ),
    "pattern_with_other": (
        "{substance}: reminded together with {other}, which you took most lately (one rule for "
        "all your kratom products, so reminders are never doubled)"
    ),
    "pattern_no_clear_relief": (
        "{substance}: no dose reminders — your journal does not show a drop of a point or more "
        "in your pain after your doses, so there is nothing to time them by"
    ),
    "pattern_low_pain": (
        "{substance}: no dose reminders — your untreated pain stays at or below your threshold "
        "of {threshold} all day"
    ),
    "pattern_no_gain": (
        "{substance}: no dose reminders — no time within your limits would lower the pain above "
        "your threshold of {threshold} by much"
    ),
    "pattern_planned": "{substance}: {count_words} timed to your pain pattern ({cap_words})",
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
    values = {
        **data,
        "missing": _missing_words(data),
        "day_word": day_word,
        "fixed": _fixed_words(data),
        "dose_days_words": plural(int(data.get("dose_days", 0)), "day"),
        "cap_words": _cap_words(data),
        "help": _help_words(data),
        "count_words": plural(int(data.get("count", 0)), "reminder"),
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return code


def describe_sufficiency(enough: bool, readings: int, days: int, blocks: int, missing: dict[str, int]) -> str:
    have = f"{readings} check-ins on {days} days, covering {blocks} of the 6 four-hour parts of the day"
    if enough:
        return f"enough data: {have}"
    return f"not enough data yet ({have}); need {_missing_words(missing)}"
