"""Plain-text presentation of journal records, shared by the command line and the app."""

from __future__ import annotations

from datetime import datetime
from typing import Any

SEVERITY = ("none", "mild", "moderate", "severe")


def show_time(text: str) -> str:
    """"YYYY-MM-DD HH:MM" in the offset the entry was made in."""
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
            text += "  [beyond your limits: " + ", ".join(w.replace("_", " ") for w in record["warnings"]) + "]"
    elif kind == "pain":
        text = f"pain {record['score']}/10"
        if record["locations"]:
            text += " (" + ", ".join(record["locations"]) + ")"
    elif kind == "sleep":
        text = (f"night of {record['night']}: in bed {show_time(record['in_bed'])[11:]}, "
                f"up {show_time(record['out_of_bed'])[11:]}, quality {record['quality']}/5")
    elif kind == "effect":
        text = f"{record['name']} ({SEVERITY[record['severity']]})"
    else:
        text = ""
    note = record["note"].replace("\n", " ")
    if note:
        text = f"{text} — {note}" if text else note
    return text
