"""The data commands: export, import, backups, restore, doctor, the clinician report, demo data."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from desktop.cli.context import EXIT_OK, EXIT_PROBLEM, Context
from desktop.core.errors import ValidationError
from desktop.core.times import parse_date
from desktop.words.translate import translate

REPORT_DAYS = 90  # the default period of `ebb report`: about three months, a usual visit interval


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.exchange import export_csv, export_json

    if args.format not in ("csv", "json"):
        raise ValidationError("format", f"{ascii(args.format)[:20]} is not one of: csv, json")
    text = export_csv(ctx.journal) if args.format == "csv" else export_json(ctx.journal)
    if args.out is None:
        ctx.out.write(text)
        return EXIT_OK
    from desktop.system.files import write_private_bytes

    target = Path(args.out).expanduser()
    if target.is_dir():
        raise ValidationError("out", f"{target} is a folder; give a file name")
    try:
        write_private_bytes(target, text.encode("utf-8"))
    except OSError as exc:
        raise ValidationError("out", f"{target} cannot be written ({exc.strerror})") from None
    ctx.say(f"Exported to {target}.")
    return EXIT_OK


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.exchange import import_file

    substances, added, present = import_file(Path(args.path), ctx.journal, ctx.now())
    if substances or added:
        ctx.wrote = True
    ctx.say(f"Imported {added} entries and {substances} substances; {present} entries were already present.")
    return EXIT_OK


def cmd_backup(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.backups import backup_to

    path = backup_to(ctx.journal.db, ctx.paths.backups / f"journal-manual-{ctx.stamp()}.db")
    ctx.say(f"Backup written: {path}")
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
    ctx.say(f"Restored the journal from {source}.")
    if kept is not None:
        ctx.say(f"The previous journal was kept as {kept}.")
    return EXIT_OK


def cmd_doctor(ctx: Context, args: argparse.Namespace) -> int:
    from desktop.storage.doctor import run_checks

    problems = 0
    for ok, line in run_checks(ctx.paths):
        ctx.say(("ok    " if ok else "PROBLEM ") + line)
        problems += not ok
    found = translate("Doctor", "%n problem(s) found.", None, problems)
    ctx.say(translate("Doctor", "All checks passed.") if not problems else found)
    return EXIT_OK if not problems else EXIT_PROBLEM


def report_period(start: str | None, end: str | None, today: date) -> tuple[date, date]:
    """The report's days: ``--to`` defaults to today, ``--from`` to 89 days before it."""

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
    ctx.say(f"Wrote a {pages}-page report for {start} to {end} to {target}.")
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
    # Said first: a newcomer must not take the demo's amounts and limits as a starting point.
    ctx.say(
        "Every amount, limit and time in the demo journal is invented for trying Ebb out; "
        "none of it is a suggestion. Your own journal starts empty, with no amounts at all."
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
    ctx.say(f"Added {added} synthetic entries over {days} days (seed {seed}). They are invented, not advice.")
    return EXIT_OK
