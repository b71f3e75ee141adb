"""The ``ebb`` command line (DESIGN.md section 7).

Exit codes: 0 ok; 1 ``doctor`` found a problem; 2 invalid input (one line on stderr
naming the field, nothing written); 3 a dose beyond the user's limits without
``--force`` (nothing written); 4 the journal cannot be opened (file left untouched).

This module must stay light: it never imports PySide6, numpy or matplotlib (the tray
app is imported only for ``ebb run``), so that logging from a terminal is quick.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any, NoReturn

from desktop.core.errors import ValidationError
from desktop.core.times import localize, parse_date, parse_entry_time
from desktop.storage.problems import JournalUnreadable, storage_problem
from desktop.words.present import SEVERITY, describe, fmt, show_time

EXIT_OK, EXIT_PROBLEM, EXIT_INVALID, EXIT_LIMIT, EXIT_UNREADABLE = 0, 1, 2, 3, 4
REPORT_DAYS = 90  # the default period of `ebb report`: about three months, a usual visit interval

LIMIT_WORDS = {
    "min_interval": "less than your minimum interval since another dose",
    "max_doses_24h": "more doses in 24 hours than your maximum",
    "max_amount_24h": "more in 24 hours than your daily cap",
}


class UsageError(Exception):
    """A command-line usage problem (exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors raised (one line on stderr, exit 2, from :func:`main`)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ebb")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each command's parser names its function (``func``)."""
    parser = _Parser(
        prog="ebb", description="Ebb: a private reminder and journal for pain, sleep, melatonin and kratom."
    )
    parser.add_argument(
        "--data-dir", help="folder of the journal (default: $EBB_DATA_DIR or the platform's data folder)"
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    for name, (help_text, add_options) in COMMAND_LINE.items():
        command = commands.add_parser(name, help=help_text)
        add_options(command)
        command.set_defaults(func=COMMANDS[name])
    return parser


def _no_options(parser: argparse.ArgumentParser) -> None:
    pass


def _run_options(run: argparse.ArgumentParser) -> None:
    run.add_argument("--minimized", action="store_true", help="start in the tray without opening the window")
    run.add_argument("--smoke", action="store_true", help="start fully, print 'ready' and exit")


def _substance_options(substance: argparse.ArgumentParser) -> None:
    substance_commands = substance.add_subparsers(dest="action", required=True, parser_class=_Parser)
    add = substance_commands.add_parser("add", help="add a substance with your own limits")
    add.add_argument("name")
    add.add_argument("--kind", required=True, help="melatonin, kratom or other")
    add.add_argument("--unit", required=True, help="mg, g, mcg, capsule, tablet, ml, drop, tsp, tbsp")
    add.add_argument("--amount", help="your usual amount (no default: you enter it)")
    add.add_argument("--min-interval", help="your minimum hours between doses")
    add.add_argument("--max-per-day", help="your maximum doses per rolling 24 h")
    add.add_argument("--daily-cap", help="your maximum total amount per rolling 24 h")
    add.add_argument("--onset", help="minutes until it usually takes effect")
    add.add_argument("--duration", help="hours it usually lasts")
    add.add_argument("--alias", help="neutral name used in discreet mode")
    listing = substance_commands.add_parser("list", help="list substances")
    listing.add_argument("--json", action="store_true")


def _log_options(log: argparse.ArgumentParser) -> None:
    log_commands = log.add_subparsers(dest="kind", required=True, parser_class=_Parser)
    dose = log_commands.add_parser("dose", help="log a dose")
    dose.add_argument("name")
    dose.add_argument("amount")
    dose.add_argument("--at", help="ISO-8601 time, e.g. 2026-03-08T21:30 (default: now)")
    dose.add_argument("--pain-before", help="pain right now, 0-10")
    dose.add_argument("--batch")
    dose.add_argument("--product")
    dose.add_argument("--form")
    dose.add_argument("--note")
    dose.add_argument("--force", action="store_true", help="log even beyond your limits (with a warning)")
    pain = log_commands.add_parser("pain", help="log pain on the 0-10 scale")
    pain.add_argument("score")
    pain.add_argument("--at")
    pain.add_argument("--location", action="append", help="body location (repeat or comma-separate)")
    pain.add_argument("--quality", action="append", help="e.g. aching, burning (repeat or comma-separate)")
    pain.add_argument("--note")
    sleep = log_commands.add_parser("sleep", help="log last night's sleep diary")
    sleep.add_argument("--night", required=True, help="date of the evening the night began")
    sleep.add_argument("--in-bed", required=True, help="HH:MM or ISO time")
    sleep.add_argument("--try-sleep", required=True)
    sleep.add_argument("--sol", required=True, help="minutes to fall asleep")
    sleep.add_argument("--awakenings", required=True)
    sleep.add_argument("--waso", required=True, help="minutes awake after falling asleep")
    sleep.add_argument("--final-wake", required=True)
    sleep.add_argument("--out-of-bed", required=True)
    sleep.add_argument("--quality", required=True, help="1 very poor ... 5 very good")
    sleep.add_argument("--note")
    effect = log_commands.add_parser("effect", help="log a side effect, severity 0-3")
    effect.add_argument("name")
    effect.add_argument("severity")
    effect.add_argument("--at")
    effect.add_argument("--note")
    note = log_commands.add_parser("note", help="log a free-text note")
    note.add_argument("text")
    note.add_argument("--at")
    note.add_argument("--tag", action="append")


def _list_options(entries: argparse.ArgumentParser) -> None:
    entries.add_argument("--kind", help="dose, pain, sleep, effect or note")
    entries.add_argument("--from", dest="start", help="first date, YYYY-MM-DD")
    entries.add_argument("--to", dest="end", help="last date, YYYY-MM-DD (inclusive)")
    entries.add_argument("--json", action="store_true")


def _delete_options(delete: argparse.ArgumentParser) -> None:
    delete.add_argument("id")


def _settings_options(settings: argparse.ArgumentParser) -> None:
    settings_commands = settings.add_subparsers(dest="action", required=True, parser_class=_Parser)
    show = settings_commands.add_parser("show")
    show.add_argument("--json", action="store_true")
    setter = settings_commands.add_parser("set")
    setter.add_argument("key")
    setter.add_argument("value")


def _export_options(export: argparse.ArgumentParser) -> None:
    export.add_argument("--format", required=True, help="csv or json")
    export.add_argument("--out", help="file to write (default: standard output)")


def _import_options(importer: argparse.ArgumentParser) -> None:
    importer.add_argument("path")


def _restore_options(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("path")


def _demo_options(demo: argparse.ArgumentParser) -> None:
    demo.add_argument("--days", default="120", help="number of days (1-3650, default 120)")
    demo.add_argument("--seed", default="1", help="random seed (default 1)")


def _insights_options(insights: argparse.ArgumentParser) -> None:
    insights.add_argument("--json", action="store_true")


def _report_options(report: argparse.ArgumentParser) -> None:
    report.add_argument("--out", required=True, help="the PDF file to write")
    report.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: 89 days before --to)")
    report.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: today)")
    report.add_argument(
        "--hide-substances", action="store_true", help="neutral labels instead of substance names"
    )
    report.add_argument("--paper", default="a4", help="a4 (default) or letter")


def _plan_options(plan: argparse.ArgumentParser) -> None:
    plan.add_argument("--date", help="YYYY-MM-DD (default: today)")
    plan.add_argument("--json", action="store_true")


def _pattern_options(pattern: argparse.ArgumentParser) -> None:
    pattern.add_argument("--date", help="the day the pattern is for (default: today)")
    pattern.add_argument("--json", action="store_true")


COMMAND_LINE: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "run": ("start the tray app (the default)", _run_options),
    "substance": ("add or list substances and your own limits", _substance_options),
    "log": ("log a dose, pain, sleep, side effect or note", _log_options),
    "list": ("list journal entries", _list_options),
    "delete": ("delete an entry (undo with 'ebb undo')", _delete_options),
    "undo": ("undo the last delete or edit", _no_options),
    "settings": ("show or change settings", _settings_options),
    "export": ("export the journal as CSV or JSON", _export_options),
    "import": ("import an Ebb CSV or JSON export", _import_options),
    "backup": ("write a backup now", _no_options),
    "restore": ("replace the journal with a backup", _restore_options),
    "doctor": ("check the journal, its folder and backups", _no_options),
    "demo": ("fill an empty journal with realistic synthetic data", _demo_options),
    "insights": ("what your own data show, with sample sizes and intervals", _insights_options),
    "report": ("a PDF summary for your clinician (1-3 pages)", _report_options),
    "plan": ("the day's reminders with their reasons", _plan_options),
    "pattern": ("your pain pattern by time of day, and whether data suffice", _pattern_options),
}


# ---- context shared by the commands ----------------------------------------------------


class Context:
    """What a command needs: the paths, the journal (opened on first use), the clock."""

    def __init__(self, data_dir: str | None, out: Any, err: Any) -> None:
        from desktop.system.paths import data_paths

        self.paths = data_paths(data_dir)
        self.out = out
        self.err = err
        self._journal: Any = None
        self.wrote = False

    @property
    def journal(self) -> Any:
        if self._journal is None:
            from desktop.storage.backups import backup_before_migrating
            from desktop.storage.database import open_journal
            from desktop.storage.journal import Journal

            hook = backup_before_migrating(self.paths.backups, self.stamp())
            self._journal = Journal(open_journal(self.paths.journal, before_migrating=hook))
        return self._journal

    def now(self) -> datetime:
        return datetime.now(UTC)

    def stamp(self) -> str:
        return self.now().strftime("%Y%m%dT%H%M%SZ")

    def _configured_zone(self) -> str:
        from desktop.core.settings import effective_settings

        return str(effective_settings(self.journal.stored_settings())["timezone"])

    def zone_name(self) -> str | None:
        from desktop.system.zone import zone_name

        return zone_name(self._configured_zone())

    def zone(self) -> tzinfo:
        from desktop.system.zone import zone

        return zone(self._configured_zone())

    def entry_time(self, text: str | None, field: str = "at") -> datetime:
        if text is None:
            return self.now().astimezone(self.zone())
        return parse_entry_time(field, text, self.zone(), self.now())

    def close(self) -> None:
        if self._journal is not None:
            if self.wrote:
                self._auto_backup()
            self._journal.db.conn.close()

    def _auto_backup(self) -> None:
        import sqlite3

        from desktop.storage.backups import auto_backup

        try:
            auto_backup(self._journal.db, self.paths.backups, self.now().astimezone(self.zone()).date())
        except (OSError, sqlite3.Error) as exc:
            print(f"ebb: warning: the daily backup could not be written ({exc})", file=self.err)


# ---- commands --------------------------------------------------------------------------


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
        print(f"Added {substance.name} ({substance.kind}, {substance.unit}).", file=ctx.out)
        if not substance.limits.any:
            print("No limits set; you can add your own later.", file=ctx.out)
        return EXIT_OK
    stored = ctx.journal.substances()
    if args.json:
        import json

        print(json.dumps(ctx.journal.substance_records(), indent=1), file=ctx.out)
        return EXIT_OK
    if not stored:
        print("No substances yet. Add one: ebb substance add NAME --kind kratom --unit g", file=ctx.out)
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
        print("  ".join(parts), file=ctx.out)
    return EXIT_OK


def _split(values: list[str] | None) -> list[str]:
    return [part for value in values or [] for part in value.split(",") if part.strip()]


def cmd_log(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.core import validation

    now = ctx.now()
    if args.kind == "dose":
        return _log_dose(ctx, args, now)
    if args.kind == "pain":
        value: Any = validation.validate_pain(
            args.score,
            ctx.entry_time(args.at),
            now,
            locations=_split(args.location),
            qualities=_split(args.quality),
            note=args.note,
        )
        what = f"pain {value.score}/10"
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
    print(f"Logged #{entry_id}: {what}.", file=ctx.out)
    return EXIT_OK


def _sleep_value(ctx: Context, args: argparse.Namespace, now: datetime) -> Any:
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
            print(
                f"ebb: limit warning: this dose of {stored.substance.name} would be {words}.{when} "
                "Nothing was logged; add --force to log it anyway.",
                file=ctx.err,
            )
            return EXIT_LIMIT
        print(f"ebb: limit warning: logged although it is {words}.", file=ctx.err)
        from dataclasses import replace

        value = replace(value, warnings=tuple(str(r) for r in verdict.reasons))
    entry_id = ctx.journal.add_entry(value, zone=ctx.zone_name())
    ctx.wrote = True
    count = verdict.used_count + 1
    used = (
        f"{count} dose{'s' if count != 1 else ''}, {fmt(verdict.used_amount + value.amount)} {unit} "
        "in the last 24 h"
    )
    print(
        f"Logged #{entry_id}: {stored.substance.name} {fmt(value.amount)} {unit} at "
        f"{value.at.astimezone(ctx.zone()):%Y-%m-%d %H:%M} ({used}).",
        file=ctx.out,
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
        import json

        print(json.dumps(records, ensure_ascii=False, indent=1), file=ctx.out)
        return EXIT_OK
    if not records:
        print(
            "No entries" + (" in that period." if start or end else " yet. Log one: ebb log pain 5"),
            file=ctx.out,
        )
    for record in records:
        print(
            f"{record['id']:>6}  {show_time(record['at'])}  {record['kind']:<6}  {describe(record)}",
            file=ctx.out,
        )
    return EXIT_OK


def _entry_id(text: str) -> int:
    from desktop.core.numbers import parse_int

    return parse_int("id", text, 1, 2**62)


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    record = ctx.journal.delete_entry(_entry_id(args.id))
    ctx.wrote = True
    print(
        f"Deleted #{record['id']} ({record['kind']} at {show_time(record['at'])}). Undo with: ebb undo",
        file=ctx.out,
    )
    return EXIT_OK


def cmd_undo(ctx: Context, args: argparse.Namespace) -> int:
    result = ctx.journal.undo()
    if result is None:
        print("Nothing to undo.", file=ctx.out)
        return EXIT_OK
    ctx.wrote = True
    verb = "Restored" if result.action == "delete" else "Reverted the edit of"
    print(f"{verb} #{result.entry_id} ({result.kind}).", file=ctx.out)
    return EXIT_OK


def cmd_settings(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.core.settings import SPECS, effective_settings, normalise_setting

    if args.action == "set":
        value = normalise_setting(args.key, args.value)
        ctx.journal.set_setting(args.key, value)
        ctx.wrote = True
        print(f"{args.key} = {value}", file=ctx.out)
        return EXIT_OK
    settings = effective_settings(ctx.journal.stored_settings())
    if args.json:
        import json

        print(json.dumps(settings, indent=1), file=ctx.out)
        return EXIT_OK
    for key, value in settings.items():
        print(f"{key:<22} {value or '(not set)':<20} {SPECS[key].help}", file=ctx.out)
    return EXIT_OK


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.exchange import export_csv, export_json

    if args.format not in ("csv", "json"):
        raise ValidationError("format", f"{ascii(args.format)[:20]} is not one of: csv, json")
    text = export_csv(ctx.journal) if args.format == "csv" else export_json(ctx.journal)
    if args.out is None:
        ctx.out.write(text)
        return EXIT_OK
    from desktop.storage.files import write_private_bytes

    target = Path(args.out).expanduser()
    if target.is_dir():
        raise ValidationError("out", f"{target} is a folder; give a file name")
    try:
        write_private_bytes(target, text.encode("utf-8"))
    except OSError as exc:
        raise ValidationError("out", f"{target} cannot be written ({exc.strerror})") from None
    print(f"Exported to {target}.", file=ctx.out)
    return EXIT_OK


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.exchange import import_file

    substances, added, present = import_file(Path(args.path), ctx.journal, ctx.now())
    if substances or added:
        ctx.wrote = True
    print(
        f"Imported {added} entries and {substances} substances; {present} entries were already present.",
        file=ctx.out,
    )
    return EXIT_OK


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.backups import backup_to

    path = backup_to(ctx.journal.db, ctx.paths.backups / f"journal-manual-{ctx.stamp()}.db")
    print(f"Backup written: {path}", file=ctx.out)
    return EXIT_OK


def cmd_restore(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.backups import check_backup, restore

    source = Path(args.path).expanduser()
    if not source.is_file():
        raise ValidationError("path", f"{source} is not a file")
    problem = check_backup(source)
    if problem is not None:
        raise ValidationError("path", f"{source} {problem}; the journal was not changed")
    kept = restore(source, ctx.paths.journal, ctx.stamp())
    print(f"Restored the journal from {source}.", file=ctx.out)
    if kept is not None:
        print(f"The previous journal was kept as {kept}.", file=ctx.out)
    return EXIT_OK


def cmd_doctor(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.doctor import run_checks

    problems = 0
    for ok, line in run_checks(ctx.paths):
        print(("ok    " if ok else "PROBLEM ") + line, file=ctx.out)
        problems += not ok
    print("All checks passed." if not problems else f"{problems} problem(s) found.", file=ctx.out)
    return EXIT_OK if not problems else EXIT_PROBLEM


def _plan_inputs(ctx: Context, date_text: str | None) -> tuple[Any, Any, Any, Any]:
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
                "status": "planned" if stored is None else stored.state,
                "reason": describe_reason(occurrence.reason.code, dict(occurrence.reason.data)),
                "reason_code": occurrence.reason.code,
            }
        )
    if args.json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=1), file=ctx.out)
        return EXIT_OK
    if not rows:
        print(f"No reminders on {day}.", file=ctx.out)
    for row in rows:
        what = row["kind"] + (f" ({row['substance']})" if row["substance"] else "")
        print(f"{row['due'][11:16]}  {what:<24} {row['status']:<10} {row['reason']}", file=ctx.out)
    # The dose rule of each substance, also (above all) when it plans nothing.
    for rule in dose_rules(config, view, day, zone, cache):
        print(f"Dose reminders — {describe_reason(rule.code, dict(rule.data))}", file=ctx.out)
    return EXIT_OK


def cmd_pattern(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.core.planning.pattern import profile_for_day
    from desktop.core.planning.planner import cached_model
    from desktop.words.pattern import pattern_json, pattern_lines
    from desktop.words.present import describe_sufficiency

    day, zone, config, view = _plan_inputs(ctx, args.date)
    day_start = localize(datetime.combine(day, time()), zone)
    profile = profile_for_day(view.pains, day_start=day_start, window_days=config.pattern_window_days)
    _, model = cached_model(view, day, zone, config.pattern_window_days)
    suff = model.sufficiency
    reason = describe_sufficiency(model.enough_data, suff.readings, suff.days, suff.blocks, suff.missing)
    if args.json:
        import json

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
        print(json.dumps(document, ensure_ascii=False, indent=1), file=ctx.out)
        return EXIT_OK
    for line in pattern_lines(day, reason, model, config.pain_threshold):
        print(line, file=ctx.out)
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
        import json

        document = {"sentences": lines, **dataclasses.asdict(result)}
        print(json.dumps(document, ensure_ascii=False, indent=1, default=str), file=ctx.out)
        return EXIT_OK
    print("What your journal shows (your own data; not medical advice):", file=ctx.out)
    for line in lines:
        print(line if line.startswith("  ") else f"- {line}", file=ctx.out)
    return EXIT_OK


def report_period(start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The report's days: ``--to`` defaults to today, ``--from`` to 89 days before it."""
    from desktop.core.times import parse_date

    last = today if end is None else parse_date("to", end)
    first = last - timedelta(days=REPORT_DAYS - 1) if start is None else parse_date("from", start)
    if first > last:
        raise ValidationError("from", f"{first} is after --to {last}")
    if (last - first).days > 3660:
        raise ValidationError("from", "the period is longer than ten years; choose a shorter one")
    return first, last


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.reports.clinician import PAPER, build_report
    from desktop.services.report import report_data

    if args.paper not in PAPER:
        raise ValidationError("paper", f"{ascii(args.paper)[:20]} is not one of: {', '.join(PAPER)}")
    zone = ctx.zone()
    today = ctx.now().astimezone(zone).date()
    start, end = report_period(args.start, args.end, today)
    target = Path(args.out).expanduser()
    if target.is_dir():
        raise ValidationError("out", f"{target} is a folder; give a file name")
    data = report_data(ctx.journal, start, end, zone)
    try:
        pages = build_report(
            data, target, start, end, zone, generated=today, hidden=args.hide_substances, paper=args.paper
        )
    except OSError as exc:
        raise ValidationError("out", f"{target} cannot be written ({exc.strerror})") from None
    print(f"Wrote a {pages}-page report for {start} to {end} to {target}.", file=ctx.out)
    return EXIT_OK


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.cli.demo import demo_entries, demo_substances
    from desktop.core.numbers import parse_int
    from desktop.storage.records import new_uid

    days = parse_int("days", args.days, 1, 3650)
    seed = parse_int("seed", args.seed, 0, 2**31)
    journal = ctx.journal
    present = journal.db.execute("SELECT count(*) FROM entries").fetchone()[0] + len(journal.substances())
    if present:
        raise ValidationError(
            "journal",
            f"is not empty ({present} entries and substances); demo data only go into an empty "
            "journal, e.g. ebb --data-dir /tmp/ebb-demo demo",
        )
    now = ctx.now()
    zone = ctx.zone()
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    entries = [
        (entry, ctx.zone_name(), new_uid(), stamp)
        for entry in demo_entries(days, seed, now.astimezone(zone).date() - timedelta(days=1), zone, now)
    ]
    _, added, _ = journal.import_all([(new_uid(), s) for s in demo_substances()], entries)
    ctx.wrote = True
    print(
        f"Added {added} synthetic entries over {days} days (seed {seed}). They are invented, not advice.",
        file=ctx.out,
    )
    return EXIT_OK


def cmd_run(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.app import run_app  # the only path from here to Qt

    return run_app(ctx.paths, minimized=args.minimized, smoke=args.smoke)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "substance": cmd_substance,
    "log": cmd_log,
    "list": cmd_list,
    "delete": cmd_delete,
    "undo": cmd_undo,
    "settings": cmd_settings,
    "export": cmd_export,
    "report": cmd_report,
    "import": cmd_import,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "doctor": cmd_doctor,
    "run": cmd_run,
    "plan": cmd_plan,
    "demo": cmd_demo,
    "insights": cmd_insights,
    "pattern": cmd_pattern,
}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: Sequence[str] | None = None, *, out: Any = None, err: Any = None) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        line = list(sys.argv[1:] if argv is None else argv)
        parser = build_parser()
        args = parser.parse_args(line)
    except UsageError as exc:
        print(f"ebb: error: {_one_line(str(exc))} (see ebb --help)", file=err)
        return EXIT_INVALID
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    if args.version:
        print(f"ebb {_version()}", file=out)
        return EXIT_OK
    if args.command is None:  # plain `ebb` starts the app
        args = parser.parse_args([*(["--data-dir", args.data_dir] if args.data_dir else []), "run"])
    ctx = Context(args.data_dir, out, err)
    try:
        code: int = args.func(ctx, args)
        return code
    except ValidationError as exc:
        print(f"ebb: error: {_one_line(str(exc))}", file=err)
        return EXIT_INVALID
    except JournalUnreadable as exc:
        print(
            f"ebb: error: journal: {_one_line(str(exc))}. It was not changed. {_backup_hint(ctx)}", file=err
        )
        return EXIT_UNREADABLE
    except BrokenPipeError:  # `ebb list | head`: the reader left; that is not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (OSError, sqlite3.OperationalError) as exc:
        # A full disk, a read-only folder, an I/O error: every write is one transaction,
        # so what was being written is not in the journal and nothing stored is lost.
        problem = storage_problem(exc, ctx.paths.data_dir)
        print(f"ebb: error: storage: {problem} in {ctx.paths.data_dir}. Nothing was changed.", file=err)
        return EXIT_PROBLEM
    finally:
        try:
            ctx.close()
        except (OSError, sqlite3.Error) as exc:
            problem = storage_problem(exc, ctx.paths.data_dir)
            print(f"ebb: warning: storage: {problem} while closing the journal", file=err)


def _backup_hint(ctx: Context) -> str:
    from desktop.storage.backups import latest_good_backup

    info = latest_good_backup(ctx.paths.backups)
    if info is not None:
        return f"The latest good backup is {info.path}; restore it with: ebb restore '{info.path}'"
    return "No readable backup was found; run 'ebb doctor' for details."


def entry() -> None:
    """The ``ebb`` console script."""
    raise SystemExit(main())


if __name__ == "__main__":
    entry()
