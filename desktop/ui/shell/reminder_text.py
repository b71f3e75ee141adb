"""The words of a reminder (notification and reminder window), through Qt's translation.

Discreet mode: the Delivery already carries no substance name; titles here then stay
neutral too ("Reminder"), so nothing on screen names a substance.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.scheduling.ports import Delivery, MissedItem
from desktop.words.present import describe_reason


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language; ``n`` (positional) picks a plural form for ``%n``."""
    return QCoreApplication.translate("Reminder", text, disambiguation, n)


@dataclass(frozen=True)
class ReminderText:
    """The words of a reminder: title, body and its first button."""

    title: str
    body: str
    primary: str  # the first button: "Taken", "Log pain", "Fill in"


def reminder_text(delivery: Delivery) -> ReminderText:
    due = f"{delivery.due:%H:%M}"
    until = f"{delivery.valid_until.astimezone(delivery.due.tzinfo):%H:%M}"
    reason = describe_reason(delivery.reason_code, dict(delivery.reason_data))
    name = delivery.substance
    if delivery.kind == "melatonin":
        title = tr("Melatonin") if name else tr("Evening reminder")
        return ReminderText(title, reason, tr("Taken"))
    if delivery.kind == "dose":
        title = tr("{name} dose reminder").format(name=name) if name else tr("Reminder")
        body = tr("{reason} — until {until}").format(reason=reason, until=until)
        return ReminderText(title, body, tr("Taken"))
    if delivery.kind == "followup":
        body = tr("{reason}").format(reason=reason)
        return ReminderText(tr("Pain follow-up"), body, tr("Log pain"))
    if delivery.kind == "sleep_diary":
        body = tr("How did you sleep? Fill in the {reason}.").format(reason=reason)
        return ReminderText(tr("Sleep diary"), body, tr("Fill in"))
    body = tr("How is your pain right now, 0–10? (due {due})").format(due=due)
    return ReminderText(tr("Pain check-in"), body, tr("Log pain"))


def missed_summary(items: list[MissedItem]) -> tuple[str, str]:
    """One "while you were away" message for everything missed."""
    kinds = {
        "melatonin": tr("melatonin"),
        "dose": tr("dose reminder"),
        "checkin": tr("pain check-in"),
        "followup": tr("pain follow-up"),
        "sleep_diary": tr("sleep diary"),
    }
    lines = [f"{item.due:%a %H:%M} — {kinds.get(item.kind, item.kind)}" for item in items[:8]]
    if len(items) > 8:
        lines.append(tr("… and {n} more").format(n=len(items) - 8))
    title = tr("While you were away: %n reminder(s) missed", None, len(items))
    return title, "\n".join(lines)
