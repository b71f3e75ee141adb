"""Turn raw input (text from the command line, an import file or a dialog) into
validated journal values, or raise :class:`ValidationError` naming the field.

Every function here is total: for any input it either returns a value or raises
``ValidationError``; nothing else escapes (the property tests check this).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desktop.core.errors import QT_TRANSLATE_NOOP, ValidationError
from desktop.core.model import (
    UNITS,
    Dose,
    DoseSource,
    Limits,
    Note,
    PainCheckin,
    PainSource,
    SideEffect,
    SleepEntry,
    Substance,
    SubstanceKind,
)
from desktop.core.numbers import (
    parse_amount,
    parse_bounded_float,
    parse_int,
    parse_pain_score,
)
from desktop.core.text import clean_name, clean_text, parse_choice
from desktop.core.times import check_entry_time

MAX_SLEEP_SPAN = timedelta(hours=24)


def _optional(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def validate_substance(
    name: object,
    kind: object,
    unit: object,
    *,
    usual_amount: object = None,
    min_interval_h: object = None,
    max_per_day: object = None,
    daily_cap: object = None,
    onset_min: object = None,
    duration_h: object = None,
    alias: object = None,
    active: bool = True,
) -> Substance:
    """A substance with the user's own limits. No amount or limit has a default."""
    return Substance(
        name=clean_name("name", name),  # type: ignore[arg-type]
        kind=SubstanceKind(parse_choice("kind", kind, [k.value for k in SubstanceKind])),
        unit=parse_choice("unit", unit, UNITS),
        usual_amount=None if _optional(usual_amount) else parse_amount("amount", usual_amount),
        limits=Limits(
            min_interval=None
            if _optional(min_interval_h)
            else timedelta(
                hours=parse_bounded_float("min_interval", min_interval_h, 0, 72, low_inclusive=False)
            ),
            max_doses_per_24h=None
            if _optional(max_per_day)
            else parse_int("max_per_day", max_per_day, 1, 48),
            max_amount_per_24h=None if _optional(daily_cap) else parse_amount("daily_cap", daily_cap),
        ),
        onset_min=None if _optional(onset_min) else parse_int("onset", onset_min, 0, 240),
        duration_h=None
        if _optional(duration_h)
        else parse_bounded_float("duration", duration_h, 0, 48, low_inclusive=False),
        alias=None if _optional(alias) else clean_name("alias", alias),  # type: ignore[arg-type]
        active=active,
    )


def _optional_text(field: str, value: object, max_length: int = 200) -> str | None:
    if _optional(value):
        return None
    return clean_text(field, value, max_length=max_length)  # type: ignore[arg-type]


def _note(value: object) -> str:
    return "" if value is None else clean_text("note", value)  # type: ignore[arg-type]


def _names(field: str, values: object) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    if not isinstance(values, (list, tuple)):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "{values!r} is not a list of words"), values=values
        )
    if len(values) > 20:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "has {count} items; at most 20 are allowed"), count=len(values)
        )
    return tuple(clean_name(field, v) for v in values)


def validate_dose(
    substance: Substance,
    amount: object,
    at: datetime,
    now: datetime,
    *,
    pain_before: object = None,
    form: object = None,
    product: object = None,
    batch: object = None,
    note: object = None,
    source: object = DoseSource.MANUAL,
    warnings: tuple[str, ...] = (),
) -> Dose:
    """A dose of a known substance; the unit is the substance's unit."""
    return Dose(
        substance=substance.name,
        amount=parse_amount("amount", amount),
        unit=substance.unit,
        at=check_entry_time("at", at, now),
        form=_optional_text("form", form),
        product=_optional_text("product", product),
        batch=_optional_text("batch", batch),
        pain_before=None if _optional(pain_before) else parse_pain_score("pain_before", pain_before),
        note=_note(note),
        source=DoseSource(parse_choice("source", source, [s.value for s in DoseSource])),
        warnings=warnings,
    )


def validate_pain(
    score: object,
    at: datetime,
    now: datetime,
    *,
    locations: object = None,
    qualities: object = None,
    note: object = None,
    source: object = PainSource.MANUAL,
) -> PainCheckin:
    """A pain check-in on the 0-10 numeric rating scale."""
    return PainCheckin(
        score=parse_pain_score("score", score),
        at=check_entry_time("at", at, now),
        locations=_names("location", locations),
        qualities=_names("quality", qualities),
        note=_note(note),
        source=PainSource(parse_choice("source", source, [s.value for s in PainSource])),
    )


def validate_effect(
    name: object, severity: object, at: datetime, now: datetime, *, note: object = None
) -> SideEffect:
    """A side effect with severity 0-3 (none, mild, moderate, severe)."""
    return SideEffect(
        name=clean_name("name", name),  # type: ignore[arg-type]
        severity=parse_int("severity", severity, 0, 3),
        at=check_entry_time("at", at, now),
        note=_note(note),
    )


def validate_note(text: object, at: datetime, now: datetime, *, tags: object = None) -> Note:
    """A free-text note; it must not be empty."""
    cleaned = clean_text("text", text)  # type: ignore[arg-type]
    if not cleaned:
        raise ValidationError("text", QT_TRANSLATE_NOOP("Errors", "is empty; write something to note"))
    return Note(text=cleaned, at=check_entry_time("at", at, now), tags=_names("tags", tags))


def validate_sleep(
    night: date,
    in_bed: datetime,
    tried_sleep: datetime,
    sol_min: object,
    awakenings: object,
    waso_min: object,
    final_wake: datetime,
    out_of_bed: datetime,
    quality: object,
    now: datetime,
    *,
    note: object = None,
) -> SleepEntry:
    """One night of the sleep diary; times must be in order and the night consistent."""
    _check_night_times(night, in_bed, tried_sleep, final_wake, out_of_bed, now)
    # In UTC, so a night when the clocks change is as long as it really was.
    tried, wake = tried_sleep.astimezone(UTC), final_wake.astimezone(UTC)
    night_min = int((wake - tried).total_seconds() // 60)
    sol = _minutes_within_the_night("sol", sol_min, night_min)
    waso = _minutes_within_the_night("waso", waso_min, night_min)
    entry = SleepEntry(
        night=night,
        in_bed=in_bed,
        tried_sleep=tried_sleep,
        sol_min=sol,
        awakenings=parse_int("awakenings", awakenings, 0, 100),
        waso_min=waso,
        final_wake=final_wake,
        out_of_bed=out_of_bed,
        quality=parse_int("quality", quality, 1, 5),
        note=_note(note),
    )
    _check_night_totals(entry, night_min)
    return entry


def _check_night_times(
    night: date,
    in_bed: datetime,
    tried_sleep: datetime,
    final_wake: datetime,
    out_of_bed: datetime,
    now: datetime,
) -> None:
    """The four moments of a night: none in the future, the first in the night named,
    and all in order."""
    for field, moment in (
        ("in_bed", in_bed),
        ("try_sleep", tried_sleep),
        ("final_wake", final_wake),
        ("out_of_bed", out_of_bed),
    ):
        check_entry_time(field, moment, now)
    if not (night <= in_bed.date() <= night + timedelta(days=1)):
        raise ValidationError(
            "in_bed",
            QT_TRANSLATE_NOOP("Errors", "{value} is not in the night of {value2}"),
            value=in_bed.isoformat(),
            value2=night.isoformat(),
        )
    _check_in_order(in_bed, tried_sleep, final_wake, out_of_bed)


def _check_in_order(
    in_bed: datetime, tried_sleep: datetime, final_wake: datetime, out_of_bed: datetime
) -> None:
    """Into bed, trying to sleep, the final awakening, out of bed: in this order, and at
    most a day from the first to the last."""
    # Compare instants in UTC: datetimes sharing one ZoneInfo compare and subtract by
    # wall clock, which is wrong on a night when the clocks change.
    bed, tried, wake, out = (
        moment.astimezone(UTC) for moment in (in_bed, tried_sleep, final_wake, out_of_bed)
    )
    if tried < bed:
        raise ValidationError(
            "try_sleep",
            QT_TRANSLATE_NOOP("Errors", "{value} is before into bed ({value2})"),
            value=tried_sleep.isoformat(),
            value2=in_bed.isoformat(),
        )
    if wake <= tried:
        raise ValidationError(
            "final_wake",
            QT_TRANSLATE_NOOP("Errors", "{value} is not after trying to sleep ({value2})"),
            value=final_wake.isoformat(),
            value2=tried_sleep.isoformat(),
        )
    if out < wake:
        raise ValidationError(
            "out_of_bed",
            QT_TRANSLATE_NOOP("Errors", "{value} is before the final awakening ({value2})"),
            value=out_of_bed.isoformat(),
            value2=final_wake.isoformat(),
        )
    if out - bed > MAX_SLEEP_SPAN:
        raise ValidationError(
            "out_of_bed",
            QT_TRANSLATE_NOOP("Errors", "gives {hours:.1f} h in bed; a diary night is at most 24 h"),
            hours=(out - bed).total_seconds() / 3600,
        )


def _minutes_within_the_night(field: str, value: object, night_min: int) -> int:
    """Sleep-onset latency or wake after sleep onset: whole minutes no longer than the
    night from trying to sleep to the final awakening."""
    minutes = parse_int(field, value, 0, 24 * 60)
    if minutes > night_min:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP(
                "Errors",
                "{minutes} min is longer than the night ({night_min} min from trying to sleep to final awakening)",  # noqa: E501 (one string for the translator)
            ),
            minutes=minutes,
            night_min=night_min,
        )
    return minutes


def _check_night_totals(entry: SleepEntry, night_min: int) -> None:
    """What the minutes add up to: some sleep left, and awakenings to match WASO."""
    if entry.total_sleep_min < 0:
        raise ValidationError(
            "waso",
            QT_TRANSLATE_NOOP(
                "Errors",
                "SOL {sol} + WASO {waso} min leave a negative total sleep time ({total_sleep_min:.0f} min); they must fit into the {night_min} min night",  # noqa: E501 (one string for the translator)
            ),
            sol=entry.sol_min,
            waso=entry.waso_min,
            total_sleep_min=entry.total_sleep_min,
            night_min=night_min,
        )
    if entry.sleep_efficiency > 100:  # cannot happen with ordered times; kept as a guard
        raise ValidationError("out_of_bed", QT_TRANSLATE_NOOP("Errors", "sleep efficiency above 100 %"))
    if entry.awakenings == 0 and entry.waso_min > 0:
        raise ValidationError(
            "awakenings",
            QT_TRANSLATE_NOOP("Errors", "is 0 but WASO is {waso} min; give at least 1"),
            waso=entry.waso_min,
        )
