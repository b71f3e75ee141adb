"""The journal commands: substances, logging, listing, deleting, undo, settings."""

from __future__ import annotations

import argparse
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from desktop.cli.context import EXIT_LIMIT, EXIT_OK, Context
from desktop.core.errors import ValidationError
from desktop.core.times import localize, parse_date
from desktop.words.present import SEVERITY, describe, fmt, show_time

if TYPE_CHECKING:
    from desktop.core.model import SleepEntry
    from desktop.storage.records import Entry

LIMIT_WORDS = {
    "min_interval": "less than your minimum interval since another dose",
    "max_doses_24h": "more doses in 24 hours than your maximum",
    "max_amount_24h": "more in 24 hours than your daily cap",
}


def cmd_substance(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.core.validation import validate_substance

    if args.action == "add":
        substance = validate_substance(
            args.name,
            args.kind,
            args.unit,
            usual_amount=args.amount,
            min_interval_h=args.min_interval,
            max_per_day=args.max_per_day,
            daily_cap=args.daily_cap,
            onset_min=args.onset,
            duration_h=args.duration,
            alias=args.alias,
        )
        ctx.journal.add_substance(substance)
        ctx.wrote = True
        ctx.say(f"Added {substance.name} ({substance.kind}, {substance.unit}).")
        if not substance.limits.any:
            ctx.say("No limits set; you can add your own later.")
        return EXIT_OK
    stored = ctx.journal.substances()
    if args.json:
        ctx.say_json(ctx.journal.substance_records())
        return EXIT_OK
    if not stored:
        ctx.say("No substances yet. Add one: ebb substance add NAME --kind kratom --unit g")
    for item in stored:
        s, limits = item.substance, item.substance.limits
        parts = [f"{s.name:<20} {s.kind:<9} {s.unit:<7}"]
        if s.usual_amount is not None:
            parts.append(f"usual {fmt(s.usual_amount)} {s.unit}")
        if limits.min_interval is not None:
            parts.append(f"min interval {fmt(limits.min_interval / timedelta(hours=1))} h")
        if limits.max_doses_per_24h is not None:
            parts.append(f"max {limits.max_doses_per_24h} doses/24 h")
        if limits.max_amount_per_24h is not None:
            parts.append(f"cap {fmt(limits.max_amount_per_24h)} {s.unit}/24 h")
        ctx.say("  ".join(parts))
    return EXIT_OK


def _split(values: list[str] | None) -> list[str]:
    return [part for value in values or [] for part in value.split(",") if part.strip()]


def cmd_log(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.core import validation

    now = ctx.now()
    if args.kind == "dose":
        return _log_dose(ctx, args, now)
    if args.kind == "pain":
        pain = validation.validate_pain(
            args.score,
            ctx.entry_time(args.at),
            now,
            locations=_split(args.location),
            qualities=_split(args.quality),
            note=args.note,
        )
        value: Entry = pain
        what = f"pain {pain.score}/10"
    elif args.kind == "sleep":
        value = _sleep_value(ctx, args, now)
        what = (
            f"sleep for the night of {value.night}: {value.total_sleep_min / 60:.1f} h asleep, "
            f"efficiency {value.sleep_efficiency:.0f} %"
        )
    elif args.kind == "effect":
        value = validation.validate_effect(
            args.name, args.severity, ctx.entry_time(args.at), now, note=args.note
        )
        what = f"side effect {value.name} ({SEVERITY[value.severity]})"
    else:
        value = validation.validate_note(args.text, ctx.entry_time(args.at), now, tags=_split(args.tag))
        what = "note"
    entry_id = ctx.journal.add_entry(value, zone=ctx.zone_name())
    ctx.wrote = True
    ctx.say(f"Logged #{entry_id}: {what}.")
    return EXIT_OK


def _sleep_value(ctx: Context, args: argparse.Namespace, now: datetime) -> SleepEntry:
    from desktop.core.sleep import resolve_night_times
    from desktop.core.validation import validate_sleep

    night = parse_date("night", args.night)
    times = resolve_night_times(
        night,
        {
            "in_bed": args.in_bed,
            "try_sleep": args.try_sleep,
            "final_wake": args.final_wake,
            "out_of_bed": args.out_of_bed,
        },
        ctx.zone(),
    )
    return validate_sleep(
        night,
        times["in_bed"],
        times["try_sleep"],
        args.sol,
        args.awakenings,
        args.waso,
        times["final_wake"],
        times["out_of_bed"],
        args.quality,
        now,
        note=args.note,
    )


def _log_dose(ctx: Context, args: argparse.Namespace, now: datetime) -> int:
    from desktop.core.validation import validate_dose

    stored = ctx.journal.substance(args.name)
    at = ctx.entry_time(args.at)
    value = validate_dose(
        stored.substance,
        args.amount,
        at,
        now,
        pain_before=args.pain_before,
        batch=args.batch,
        product=args.product,
        form=args.form,
        note=args.note,
    )
    verdict = ctx.journal.limit_verdict(stored.substance, value.amount, at)
    unit = stored.substance.unit
    if not verdict.ok:
        words = "; ".join(LIMIT_WORDS[str(r)] for r in verdict.reasons)
        if not args.force:
            when = (
                f" Within your limits again from {verdict.next_ok_at.astimezone(ctx.zone()):%Y-%m-%d %H:%M}."
                if verdict.next_ok_at
                else ""
            )
            ctx.warn(
                f"ebb: limit warning: this dose of {stored.substance.name} would be {words}.{when} "
                "Nothing was logged; add --force to log it anyway."
            )
            return EXIT_LIMIT
        ctx.warn(f"ebb: limit warning: logged although it is {words}.")
        from dataclasses import replace

        value = replace(value, warnings=tuple(str(r) for r in verdict.reasons))
    entry_id = ctx.journal.add_entry(value, zone=ctx.zone_name())
    ctx.wrote = True
    count = verdict.used_count + 1
    used = (
        f"{count} dose{'s' if count != 1 else ''}, {fmt(verdict.used_amount + value.amount)} {unit} "
        "in the last 24 h"
    )
    ctx.say(
        f"Logged #{entry_id}: {stored.substance.name} {fmt(value.amount)} {unit} at "
        f"{value.at.astimezone(ctx.zone()):%Y-%m-%d %H:%M} ({used})."
    )
    return EXIT_OK


def _day_bounds(ctx: Context, start: str | None, end: str | None) -> tuple[datetime | None, datetime | None]:
    zone = ctx.zone()
    first = None if start is None else localize(datetime.combine(parse_date("from", start), time()), zone)
    last = None
    if end is not None:
        last_day = parse_date("to", end)
        last = localize(datetime.combine(last_day + timedelta(days=1), time()), zone)
    if first is not None and last is not None and last <= first:
        raise ValidationError("to", f"{end} is before --from {start}")
    return first, last


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    kinds = ("dose", "pain", "sleep", "effect", "note")
    if args.kind is not None and args.kind not in kinds:
        raise ValidationError("kind", f"{ascii(args.kind)[:40]} is not one of: {', '.join(kinds)}")
    start, end = _day_bounds(ctx, args.start, args.end)
    records = ctx.journal.entries(kind=args.kind, start=start, end=end)
    if args.json:
        ctx.say_json(records, ensure_ascii=False)
        return EXIT_OK
    if not records:
        ctx.say("No entries" + (" in that period." if start or end else " yet. Log one: ebb log pain 5"))
    for record in records:
        ctx.say(f"{record['id']:>6}  {show_time(record['at'])}  {record['kind']:<6}  {describe(record)}")
    return EXIT_OK


def _entry_id(text: str) -> int:
    from desktop.core.numbers import parse_int

    return parse_int("id", text, 1, 2**62)


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    record = ctx.journal.delete_entry(_entry_id(args.id))
    ctx.wrote = True
    ctx.say(f"Deleted #{record['id']} ({record['kind']} at {show_time(record['at'])}). Undo with: ebb undo")
    return EXIT_OK


def cmd_undo(ctx: Context, args: argparse.Namespace) -> int:
    result = ctx.journal.undo()
    if result is None:
        ctx.say("Nothing to undo.")
        return EXIT_OK
    ctx.wrote = True
    verb = "Restored" if result.action == "delete" else "Reverted the edit of"
    ctx.say(f"{verb} #{result.entry_id} ({result.kind}).")
    return EXIT_OK


def cmd_settings(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.core.settings import SPECS, effective_settings, normalise_setting

    if args.action == "set":
        value = normalise_setting(args.key, args.value)
        ctx.journal.set_setting(args.key, value)
        ctx.wrote = True
        ctx.say(f"{args.key} = {value}")
        return EXIT_OK
    settings = effective_settings(ctx.journal.stored_settings())
    if args.json:
        ctx.say_json(settings)
        return EXIT_OK
    for key, value in settings.items():
        ctx.say(f"{key:<22} {value or '(not set)':<20} {SPECS[key].help}")
    return EXIT_OK
