"""The planning commands: the day's reminders, the pain pattern, the insights."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time, tzinfo
from typing import TYPE_CHECKING, Any

from desktop.cli.context import EXIT_OK, Context
from desktop.core.times import localize, parse_date

if TYPE_CHECKING:
    from desktop.core.planning.inputs import JournalView, PlanConfig
    from desktop.core.planning.occurrence import Occurrence
    from desktop.storage.reminders import StoredOccurrence


def _plan_inputs(ctx: Context, date_text: str | None) -> tuple[date, tzinfo, PlanConfig, JournalView]:
    from desktop.storage.planning import plan_inputs

    zone = ctx.zone()
    day = ctx.now().astimezone(zone).date() if date_text is None else parse_date("date", date_text)
    inputs = plan_inputs(ctx.journal, day, zone)
    return day, zone, inputs.config, inputs.view


def cmd_plan(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.core.planning.planner import dose_rules, plan_day
    from desktop.storage.reminders import Reminders
    from desktop.words.present import describe_reason

    day, zone, config, view = _plan_inputs(ctx, args.date)
    reminders = Reminders(ctx.journal.db)
    rows: list[dict[str, Any]] = []
    cache: dict[tuple[Any, ...], Any] = {}
    for occurrence in plan_day(config, view, day, zone, cache):
        stored = reminders.get(occurrence.key)
        rows.append(
            {
                "key": occurrence.key,
                "kind": str(occurrence.kind),
                "due": occurrence.due.isoformat(),
                "valid_until": occurrence.valid_until.astimezone(zone).isoformat(),
                "substance": occurrence.substance,
                "status": _status(ctx, occurrence, stored),
                "reason": describe_reason(occurrence.reason.code, dict(occurrence.reason.data)),
                "reason_code": occurrence.reason.code,
            }
        )
    if args.json:
        ctx.say_json(rows, ensure_ascii=False)
        return EXIT_OK
    if not rows:
        ctx.say(f"No reminders on {day}.")
    for row in rows:
        what = row["kind"] + (f" ({row['substance']})" if row["substance"] else "")
        ctx.say(f"{row['due'][11:16]}  {what:<24} {row['status']:<10} {row['reason']}")
    # The dose rule of each substance, also (above all) when it plans nothing.
    for rule in dose_rules(config, view, day, zone, cache):
        ctx.say(f"Dose reminders — {describe_reason(rule.code, dict(rule.data))}")
    return EXIT_OK


def _status(ctx: Context, occurrence: Occurrence, stored: StoredOccurrence | None) -> str:
    """The stored state; a morning diary whose night is logged is "done" (the running app
    closes it, and says so here even before it has)."""
    from desktop.core.planning.checkins import diary_night

    if occurrence.kind == "sleep_diary":
        night = diary_night(dict(occurrence.reason.data))
        if night is not None and ctx.journal.night_record(night) is not None:
            return "done"
    return "planned" if stored is None else stored.state


def cmd_pattern(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.core.planning.pattern import profile_for_day
    from desktop.core.planning.pattern_doses import cached_model
    from desktop.words.pattern import pattern_json, pattern_lines
    from desktop.words.present import describe_sufficiency

    day, zone, config, view = _plan_inputs(ctx, args.date)
    day_start = localize(datetime.combine(day, time()), zone)
    profile = profile_for_day(view.pains, day_start=day_start, window_days=config.pattern_window_days)
    _, model = cached_model(view, day, zone, config.pattern_window_days)
    suff = model.sufficiency
    reason = describe_sufficiency(model.enough_data, suff.readings, suff.days, suff.blocks, suff.missing)
    if args.json:
        document = {
            "date": day.isoformat(),
            "enough_data": model.enough_data,
            "reason": reason,
            "profile": str(model.split),
            "window_days": model.window_days,
            "first_day": model.first_day.isoformat(),
            "last_day": model.last_day.isoformat(),
            "readings": suff.readings,
            "days": suff.days,
            "blocks": suff.blocks,
            "threshold": config.pain_threshold,
            **pattern_json(profile, model),
        }
        ctx.say_json(document, ensure_ascii=False)
        return EXIT_OK
    for line in pattern_lines(day, reason, model, config.pain_threshold):
        ctx.say(line)
    return EXIT_OK


def cmd_insights(ctx: Context, args: argparse.Namespace) -> int:
    import dataclasses

    from desktop.core.insights.compute import compute_insights
    from desktop.words.insights import insight_lines

    stored = ctx.journal.substances()
    kinds = {s.substance.name: str(s.substance.kind) for s in stored}
    units = {s.substance.name.casefold(): s.substance.unit for s in stored}
    zone = ctx.zone()
    result = compute_insights(ctx.journal.analysis_records(), kinds, ctx.now().astimezone(zone).date(), zone)
    lines = insight_lines(result, units)
    if args.json:
        document = {"sentences": lines, **dataclasses.asdict(result)}
        ctx.say_json(document, ensure_ascii=False, default=str)
        return EXIT_OK
    ctx.say("What your journal shows (your own data; not medical advice):")
    for line in lines:
        ctx.say(line if line.startswith("  ") else f"- {line}")
    return EXIT_OK
