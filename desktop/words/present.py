"""Plain-text presentation of journal records and the planner's reasons, shared by the
command line and the app; every word goes through the translation hook
(desktop/words/translate.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.words.translate import QT_TRANSLATE_NOOP, translate

# Stored as these English words in the journal's exchange files; shown translated.
SEVERITY = ("none", "mild", "moderate", "severe")
_SEVERITY_WORDS = (
    QT_TRANSLATE_NOOP("Entries", "none"),
    QT_TRANSLATE_NOOP("Entries", "mild"),
    QT_TRANSLATE_NOOP("Entries", "moderate"),
    QT_TRANSLATE_NOOP("Entries", "severe"),
)


def severity_words(severity: int) -> str:
    """A side effect's severity (0-3) in words."""
    return translate("Entries", _SEVERITY_WORDS[severity])


def show_time(text: str) -> str:
    """ "YYYY-MM-DD HH:MM" in the offset the entry was made in."""
    return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M")


def fmt(number: float) -> str:
    """A number without trailing zeros: 2.0 -> "2", 0.25 -> "0.25"."""
    return f"{number:g}"


def duration_words(minutes: int) -> str:
    """35 -> "35 min", 120 -> "2 h", 290 -> "4 h 50 min"."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def describe(record: dict[str, Any]) -> str:
    """One line saying what a journal record holds (without its time)."""
    kind = record["kind"]
    if kind == "dose":
        text = f"{record['substance']} {fmt(record['amount'])} {record['unit']}"
        if record["pain_before"] is not None:
            text += translate("Entries", ", pain before {score}").format(score=record["pain_before"])
        if record["warnings"]:
            beyond = ", ".join(w.replace("_", " ") for w in record["warnings"])
            text += translate("Entries", "  [beyond your limits: {which}]").format(which=beyond)
    elif kind == "pain":
        text = translate("Entries", "pain {score}/10").format(score=record["score"])
        if record["locations"]:
            text += " (" + ", ".join(record["locations"]) + ")"
    elif kind == "sleep":
        text = translate("Entries", "night of {night}: in bed {in_bed}, up {up}, quality {quality}/5").format(
            night=record["night"],
            in_bed=show_time(record["in_bed"])[11:],
            up=show_time(record["out_of_bed"])[11:],
            quality=record["quality"],
        )
    elif kind == "effect":
        text = f"{record['name']} ({severity_words(record['severity'])})"
    else:
        text = ""
    note = record["note"].replace("\n", " ")
    if note:
        text = f"{text} — {note}" if text else note
    return text


def _missing_words(data: dict[str, Any]) -> str:
    parts = []
    if data.get("readings"):
        parts.append(translate("Reasons", "%n more check-in(s)", None, int(data["readings"])))
    if data.get("days"):
        parts.append(translate("Reasons", "%n more day(s) with check-ins", None, int(data["days"])))
    if data.get("blocks"):
        parts.append(
            translate("Reasons", "check-ins in %n more part(s) of the day", None, int(data["blocks"]))
        )
    return ", ".join(parts) or translate("Reasons", "more check-ins")


def _fixed_words(data: dict[str, Any]) -> str:
    if data.get("fixed"):
        return translate("Reasons", "until then your own dose times are used ({times})").format(
            times=data.get("times", "")
        )
    return translate("Reasons", "until then your own dose times are used — none are set")


def _cap_words(data: dict[str, Any]) -> str:
    cap = int(data.get("cap", 0))
    source = data.get("cap_source")
    if source == "setting":
        return translate("Reasons", "at most %n reminder(s) a day, as you set", None, cap)
    if source == "maximum":
        return translate("Reasons", "at most %n reminder(s) a day, your own maximum", None, cap)
    return translate(
        "Reasons", "at most %n reminder(s) a day: you took about {recent} a day lately", None, cap
    ).format(recent=fmt(data.get("recent", 0)))


def _help_words(data: dict[str, Any]) -> str:
    if data.get("relief") == "learned":
        onset = data.get("onset_min")
        if onset is None:
            return translate("Reasons", "your journal does not show a clear drop in pain after your doses")
        return translate("Reasons", "your doses usually help after about {onset} min").format(onset=onset)
    return translate(
        "Reasons",
        "Ebb has not learned yet whether and how your doses change your pain, so it uses your own "
        "timing (helping after {onset} min, for {hours} h)",
    ).format(onset=data.get("onset_min"), hours=data.get("duration_h"))


# Each code's words, marked for the template and translated where they are used.
REASONS: dict[str, str] = {
    "bedtime_fixed": QT_TRANSLATE_NOOP("Reasons", "{time} — {lead_min} min before your bedtime {bedtime}"),
    "bedtime_diary": QT_TRANSLATE_NOOP(
        "Reasons",
        "{time} — {lead_min} min before your usual bedtime {bedtime} (median of {nights} diary nights)",
    ),
    "bedtime_diary_short": QT_TRANSLATE_NOOP(
        "Reasons",
        "{time} — {lead_min} min before your set bedtime {bedtime}; a bedtime from your diary"
        " needs {needed} nights (have {nights})",
    ),
    "fixed_time": QT_TRANSLATE_NOOP("Reasons", "{time} — your dose time"),
    "fixed_not_enough_data": QT_TRANSLATE_NOOP(
        "Reasons", "{time} — your dose time; not enough data for a pain pattern yet: need {missing}"
    ),
    "fixed_same_times": QT_TRANSLATE_NOOP(
        "Reasons",
        "{time} — your dose time; you have always dosed at about the same times, so Ebb "
        "cannot yet tell your pain without a dose from your pain with one",
    ),
    "pattern_rise": QT_TRANSLATE_NOOP(
        "Reasons",
        "{time} — before your pain usually rises ({rise_start}–{rise_end}, about "
        "{untreated}/10 untreated); {help}",
    ),
    "pattern_rising": QT_TRANSLATE_NOOP(
        "Reasons",
        "{time} — as your pain usually rises ({rise_start}–{rise_end}, about {untreated}/10 "
        "untreated); {help}",
    ),
    # The day's dose rule, one line per substance, also when it plans nothing.
    "fixed_times": QT_TRANSLATE_NOOP("Reasons", "{substance}: reminders at your own dose times ({times})"),
    "fixed_none": QT_TRANSLATE_NOOP(
        "Reasons", "{substance}: no dose reminders — you have not set any dose times"
    ),
    "pattern_short": QT_TRANSLATE_NOOP(
        "Reasons", "{substance}: no pattern timing yet — it needs {missing}; {fixed}"
    ),
    "pattern_same_times": QT_TRANSLATE_NOOP(
        "Reasons",
        "{substance}: no pattern timing yet — you have always dosed at about the same times, "
        "so Ebb cannot yet tell your pain without a dose from your pain with one (a few "
        "check-ins on days or at times without a dose would show it); {fixed}",
    ),
    "pattern_no_recent_doses": QT_TRANSLATE_NOOP(
        "Reasons",
        "{substance}: no dose reminders — you logged no doses in the last 14 days, and Ebb "
        "only times the doses you already take (Settings: dose reminders a day)",
    ),
    "pattern_occasional": QT_TRANSLATE_NOOP(
        "Reasons",
        "{substance}: no dose reminders — you took a dose on {dose_days_words} of the last "
        "14, and Ebb does not turn doses now and then into a daily reminder (Settings: dose "
        "reminders a day)",
    ),
    "pattern_with_other": QT_TRANSLATE_NOOP(
        "Reasons",
        "{substance}: reminded together with {other}, which you took most lately (one rule "
        "for all your kratom products, so reminders are never doubled)",
    ),
    "pattern_no_clear_relief": QT_TRANSLATE_NOOP(
        "Reasons",
        "{substance}: no dose reminders — your journal does not show a drop of a point or "
        "more in your pain after your doses, so there is nothing to time them by",
    ),
    "pattern_low_pain": QT_TRANSLATE_NOOP(
        "Reasons",
        "{substance}: no dose reminders — your untreated pain stays at or below your "
        "threshold of {threshold} all day",
    ),
    "pattern_no_gain": QT_TRANSLATE_NOOP(
        "Reasons",
        "{substance}: no dose reminders — no time within your limits would lower the pain "
        "above your threshold of {threshold} by much",
    ),
    "pattern_planned": QT_TRANSLATE_NOOP(
        "Reasons", "{substance}: {count_words} timed to your pain pattern ({cap_words})"
    ),
    "checkin_time": QT_TRANSLATE_NOOP("Reasons", "{time} — pain check-in"),
    "followup": QT_TRANSLATE_NOOP(
        "Reasons", "{minutes} min after your dose at {dose_time} — how is the pain now?"
    ),
    "morning_diary": QT_TRANSLATE_NOOP("Reasons", "sleep diary for the night of {night}"),
}


def describe_reason(code: str, data: dict[str, Any]) -> str:
    """The words for a planner reason code (unknown codes are shown as they are)."""
    template = REASONS.get(code)
    if template is None:
        return code
    template = translate("Reasons", template)
    day_words = {"weekday": translate("Reasons", "weekdays"), "weekend": translate("Reasons", "weekend days")}
    day_word = day_words.get(str(data.get("split")), translate("Reasons", "days"))
    values = {
        **data,
        "missing": _missing_words(data),
        "day_word": day_word,
        "fixed": _fixed_words(data),
        "dose_days_words": translate("Reasons", "%n day(s)", None, int(data.get("dose_days", 0))),
        "cap_words": _cap_words(data),
        "help": _help_words(data),
        "count_words": translate("Reasons", "%n reminder(s)", None, int(data.get("count", 0))),
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return code


def describe_sufficiency(enough: bool, readings: int, days: int, blocks: int, missing: dict[str, int]) -> str:
    have = translate(
        "Reasons",
        "{readings} check-ins on {days} days, covering {blocks} of the 6 four-hour parts of the day",
    ).format(readings=readings, days=days, blocks=blocks)
    if enough:
        return translate("Reasons", "enough data: {have}").format(have=have)
    return translate("Reasons", "not enough data yet ({have}); need {missing}").format(
        have=have, missing=_missing_words(missing)
    )
