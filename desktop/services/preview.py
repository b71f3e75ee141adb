"""Tomorrow under settings not saved yet, for Settings' live preview: the reminders as
(time, what, why) rows, and each dose-reminded substance's rule in words (why there is
no dose reminder, above all)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.storage.journal import Journal

from desktop.words.translate import QT_TRANSLATE_NOOP, translate

KIND_WORDS = {
    "melatonin": QT_TRANSLATE_NOOP("Preview", "melatonin"),
    "dose": QT_TRANSLATE_NOOP("Preview", "dose"),
    "checkin": QT_TRANSLATE_NOOP("Preview", "pain check-in"),
    "followup": QT_TRANSLATE_NOOP("Preview", "pain follow-up"),
    "sleep_diary": QT_TRANSLATE_NOOP("Preview", "sleep diary"),
}


@dataclass(frozen=True)
class TomorrowPreview:
    rows: list[tuple[str, str, str]]  # ("09:30", "Kratom (dose)", "09:30 — your dose time")
    dose_rules: list[str]


def tomorrow_preview(
    journal: Journal, tomorrow: date, zone: tzinfo, pending: Mapping[str, str]
) -> TomorrowPreview:
    from desktop.core.planning.pattern_doses import ProfileCache
    from desktop.core.planning.planner import dose_rules, plan_day
    from desktop.storage.planning import plan_inputs
    from desktop.words.present import describe_reason

    inputs = plan_inputs(journal, tomorrow, zone, pending=pending)
    cache: ProfileCache = {}  # one pain model for the plan and the rules
    rows = []
    for occurrence in plan_day(inputs.config, inputs.view, tomorrow, zone, cache):
        kind = str(occurrence.kind)
        what = translate("Preview", KIND_WORDS[kind]) if kind in KIND_WORDS else kind
        if occurrence.substance:
            what = f"{occurrence.substance} ({what})"
        reason = describe_reason(occurrence.reason.code, dict(occurrence.reason.data))
        rows.append((f"{occurrence.due:%H:%M}", what, reason))
    rules = dose_rules(inputs.config, inputs.view, tomorrow, zone, cache)
    return TomorrowPreview(rows, [describe_reason(r.code, dict(r.data)) for r in rules])
