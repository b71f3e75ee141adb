"""Raw input to journal values: desktop/core/validation.py (substances, doses, pain,
side effects, notes; the sleep diary is in test_core_sleep.py).

Every validator is total: for any input it returns a value or raises ValidationError
whose ``field`` names the input that was wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.model import UNITS, DoseSource, PainSource, Substance, SubstanceKind
from desktop.core.validation import (
    validate_dose,
    validate_effect,
    validate_note,
    validate_pain,
    validate_substance,
)

NOW = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)
AN_HOUR_AGO = NOW - timedelta(hours=1)
KRATOM = Substance(name="kratom", kind=SubstanceKind.KRATOM, unit="g")

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
SQL = "'); DROP TABLE entries;--"

ANYTHING = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from("0123456789.-e ,:\n\t" + BIDI), max_size=12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.sampled_from([10**400, -(10**400), 2**1024, 10**20]),
    st.none(),
    st.booleans(),
    st.lists(st.one_of(st.text(max_size=10), st.integers()), max_size=25),
    st.tuples(st.text(max_size=5)),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.binary(max_size=8),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.datetimes(),
    st.sampled_from(["", " ", "nan", "inf", "-inf", "1e999", "0", "-1", "abc", SQL, "\u202e", "a\x00b"]),
)


def raises_field(field: str, call: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.field == field, f"expected field {field!r}, got {caught.value}"
    return caught.value


def total_with_field(call: Callable[[], object], field: str) -> None:
    """The call returns, or raises ValidationError naming ``field`` - nothing else."""
    try:
        call()
    except ValidationError as err:
        assert err.field == field, f"expected field {field!r}, got {err}"
        assert not set(BIDI) & set(str(err)), "an error message must not carry bidi controls"


# ---- validate_substance --------------------------------------------------------------


def test_a_substance_with_all_its_limits() -> None:
    substance = validate_substance(
        " Kratom (red) ",
        " Kratom ",
        "G",
        usual_amount="2.5",
        min_interval_h="4",
        max_per_day="3",
        daily_cap="10",
        onset_min="30",
        duration_h="6",
        alias="Tea",
        active=False,
    )
    assert substance.name == "Kratom (red)"
    assert substance.kind is SubstanceKind.KRATOM
    assert substance.unit == "g"
    assert substance.usual_amount == 2.5
    assert substance.limits.min_interval == timedelta(hours=4)
    assert substance.limits.max_doses_per_24h == 3
    assert substance.limits.max_amount_per_24h == 10.0
    assert substance.onset_min == 30
    assert substance.duration_h == 6.0
    assert substance.alias == "Tea"
    assert substance.active is False


def test_a_substance_has_no_default_amount_or_limits() -> None:
    substance = validate_substance("melatonin", "melatonin", "mg")
    assert substance.usual_amount is None
    assert not substance.limits.any
    assert (substance.onset_min, substance.duration_h, substance.alias) == (None, None, None)


@pytest.mark.parametrize(
    "option",
    ["usual_amount", "min_interval_h", "max_per_day", "daily_cap", "onset_min", "duration_h", "alias"],
)
@pytest.mark.parametrize("blank", [None, "", "   "])
def test_blank_optional_substance_fields_mean_not_set(option: str, blank: object) -> None:
    substance = validate_substance("kratom", "kratom", "g", **{option: blank})
    assert substance.usual_amount is None
    assert not substance.limits.any
    assert substance.alias is None


@pytest.mark.parametrize("unit", UNITS)
def test_every_known_unit_is_accepted(unit: str) -> None:
    assert validate_substance("x", "other", unit).unit == unit
    assert validate_substance("x", "other", f" {unit.upper()} ").unit == unit


@pytest.mark.parametrize("unit", ["kg", "lb", "oz", "pill", "milligram", "µg", "m g", "", "g\u202e", None, 1])
def test_unknown_units_are_refused(unit: object) -> None:
    raises_field("unit", lambda: validate_substance("x", "other", unit))


@pytest.mark.parametrize("kind", ["melatonin", "kratom", "other", "KRATOM", " other "])
def test_known_kinds_are_accepted(kind: str) -> None:
    assert validate_substance("x", kind, "mg").kind == kind.strip().lower()


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("min_interval_h", "0.25", timedelta(minutes=15)),
        ("min_interval_h", 72, timedelta(hours=72)),
        ("max_per_day", 1, 1),
        ("max_per_day", "48", 48),
        ("daily_cap", "0.3", 0.3),
        ("onset_min", 0, 0),
        ("onset_min", "240", 240),
        ("duration_h", "0.5", 0.5),
        ("duration_h", 48, 48.0),
    ],
)
def test_substance_limits_at_their_edges(option: str, value: object, expected: object) -> None:
    substance = validate_substance("kratom", "kratom", "g", **{option: value})
    got = {
        "min_interval_h": substance.limits.min_interval,
        "max_per_day": substance.limits.max_doses_per_24h,
        "daily_cap": substance.limits.max_amount_per_24h,
        "onset_min": substance.onset_min,
        "duration_h": substance.duration_h,
    }[option]
    assert got == expected


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "two\nlines"}, "name"),
        ({"name": "k" * 61}, "name"),
        ({"name": "kra\u202etom"}, "name"),
        ({"name": None}, "name"),
        ({"kind": "coffee"}, "kind"),
        ({"kind": ""}, "kind"),
        ({"kind": None}, "kind"),
        ({"unit": "kg"}, "unit"),
        ({"usual_amount": 0}, "amount"),
        ({"usual_amount": "-1"}, "amount"),
        ({"usual_amount": "nan"}, "amount"),
        ({"usual_amount": "inf"}, "amount"),
        ({"usual_amount": 10**400}, "amount"),
        ({"min_interval_h": 0}, "min_interval"),
        ({"min_interval_h": "-4"}, "min_interval"),
        ({"min_interval_h": 72.5}, "min_interval"),
        ({"min_interval_h": "inf"}, "min_interval"),
        ({"min_interval_h": "4h"}, "min_interval"),
        ({"max_per_day": 0}, "max_per_day"),
        ({"max_per_day": 49}, "max_per_day"),
        ({"max_per_day": 2.5}, "max_per_day"),
        ({"max_per_day": True}, "max_per_day"),
        ({"daily_cap": 0}, "daily_cap"),
        ({"daily_cap": -5}, "daily_cap"),
        ({"daily_cap": 1e300}, "daily_cap"),
        ({"daily_cap": "nan"}, "daily_cap"),
        ({"onset_min": -1}, "onset"),
        ({"onset_min": 241}, "onset"),
        ({"onset_min": 7.5}, "onset"),
        ({"duration_h": 0}, "duration"),
        ({"duration_h": 48.1}, "duration"),
        ({"alias": "Tea\u2066"}, "alias"),
        ({"alias": "a\nb"}, "alias"),
        ({"alias": 5}, "alias"),
    ],
)
def test_bad_substances_are_refused_naming_the_field(arguments: dict[str, Any], field: str) -> None:
    base: dict[str, Any] = {"name": "kratom", "kind": "kratom", "unit": "g"}
    base.update(arguments)
    name, kind, unit = base.pop("name"), base.pop("kind"), base.pop("unit")
    raises_field(field, lambda: validate_substance(name, kind, unit, **base))


SUBSTANCE_FIELDS = [
    ("name", "name"),
    ("kind", "kind"),
    ("unit", "unit"),
    ("usual_amount", "amount"),
    ("min_interval_h", "min_interval"),
    ("max_per_day", "max_per_day"),
    ("daily_cap", "daily_cap"),
    ("onset_min", "onset"),
    ("duration_h", "duration"),
    ("alias", "alias"),
]


@pytest.mark.parametrize(("argument", "field"), SUBSTANCE_FIELDS)
@given(value=ANYTHING)
def test_validate_substance_is_total(argument: str, field: str, value: object) -> None:
    arguments: dict[str, Any] = {"name": "kratom", "kind": "kratom", "unit": "g", argument: value}
    name, kind, unit = arguments.pop("name"), arguments.pop("kind"), arguments.pop("unit")
    total_with_field(lambda: validate_substance(name, kind, unit, **arguments), field)


# ---- validate_dose -------------------------------------------------------------------


def test_a_dose_takes_the_substance_name_and_unit() -> None:
    dose = validate_dose(KRATOM, "1.5", AN_HOUR_AGO, NOW, pain_before="7", batch=" B-12 ", note=" ok ")
    assert (dose.substance, dose.amount, dose.unit, dose.at) == ("kratom", 1.5, "g", AN_HOUR_AGO)
    assert dose.pain_before == 7
    assert dose.batch == "B-12"
    assert dose.note == "ok"
    assert dose.source is DoseSource.MANUAL
    assert dose.warnings == ()


@pytest.mark.parametrize(
    ("arguments", "check"),
    [
        ({"pain_before": ""}, lambda d: d.pain_before is None),
        ({"pain_before": None}, lambda d: d.pain_before is None),
        ({"pain_before": 0}, lambda d: d.pain_before == 0),
        ({"pain_before": "10"}, lambda d: d.pain_before == 10),
        ({"note": SQL}, lambda d: d.note == SQL),
        ({"note": "line 1\nline 2"}, lambda d: d.note == "line 1\nline 2"),
        ({"note": None}, lambda d: d.note == ""),
        ({"form": "  "}, lambda d: d.form is None),
        ({"product": "Bali 'Red'"}, lambda d: d.product == "Bali 'Red'"),
        ({"source": "reminder"}, lambda d: d.source is DoseSource.REMINDER),
        ({"source": " IMPORT "}, lambda d: d.source is DoseSource.IMPORT),
        ({"amount": "1000000"}, lambda d: d.amount == 1_000_000.0),
        ({"at": NOW + timedelta(days=1)}, lambda d: d.at == NOW + timedelta(days=1)),
        ({"at": datetime(1970, 1, 1, tzinfo=UTC)}, lambda d: d.at.year == 1970),
    ],
)
def test_good_doses(arguments: dict[str, Any], check: Callable[[Any], bool]) -> None:
    amount = arguments.pop("amount", "2")
    at = arguments.pop("at", AN_HOUR_AGO)
    assert check(validate_dose(KRATOM, amount, at, NOW, **arguments))


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"amount": 0}, "amount"),
        ({"amount": "-1"}, "amount"),
        ({"amount": "nan"}, "amount"),
        ({"amount": "inf"}, "amount"),
        ({"amount": ""}, "amount"),
        ({"amount": None}, "amount"),
        ({"amount": "2 g"}, "amount"),
        ({"amount": True}, "amount"),
        ({"amount": 1e7}, "amount"),
        ({"pain_before": 11}, "pain_before"),
        ({"pain_before": 10.5}, "pain_before"),
        ({"pain_before": "high"}, "pain_before"),
        ({"note": "\u202ereversed"}, "note"),
        ({"note": "\u2066isolated\u2069"}, "note"),
        ({"note": "nul\x00"}, "note"),
        ({"note": "esc\x1b[2J"}, "note"),
        ({"note": "x" * 10_001}, "note"),
        ({"note": 5}, "note"),
        ({"form": "a\x07"}, "form"),
        ({"product": "p" * 201}, "product"),
        ({"batch": "b\u202e"}, "batch"),
        ({"source": "telepathy"}, "source"),
        ({"source": None}, "source"),
        ({"at": datetime(1969, 12, 31, 23, 59, tzinfo=UTC)}, "at"),
        ({"at": NOW + timedelta(hours=24, seconds=1)}, "at"),
        ({"at": datetime(9999, 1, 1, tzinfo=UTC)}, "at"),
    ],
)
def test_bad_doses_are_refused_naming_the_field(arguments: dict[str, Any], field: str) -> None:
    amount = arguments.pop("amount", "2")
    at = arguments.pop("at", AN_HOUR_AGO)
    raises_field(field, lambda: validate_dose(KRATOM, amount, at, NOW, **arguments))


@pytest.mark.parametrize(
    ("argument", "field"),
    [
        ("amount", "amount"),
        ("pain_before", "pain_before"),
        ("form", "form"),
        ("product", "product"),
        ("batch", "batch"),
        ("note", "note"),
        ("source", "source"),
    ],
)
@given(value=ANYTHING)
def test_validate_dose_is_total(argument: str, field: str, value: object) -> None:
    arguments: dict[str, Any] = {"amount": "2", argument: value}
    amount = arguments.pop("amount")
    total_with_field(lambda: validate_dose(KRATOM, amount, AN_HOUR_AGO, NOW, **arguments), field)


AWARE_TIMES = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.integers(-1439, 1439).map(lambda m: timezone(timedelta(minutes=m))),
)


@given(at=AWARE_TIMES)
def test_a_dose_time_is_accepted_exactly_from_1970_to_a_day_after_now(at: datetime) -> None:
    inside = datetime(1970, 1, 1, tzinfo=UTC) <= at <= NOW + timedelta(days=1)
    try:
        dose = validate_dose(KRATOM, "2", at, NOW)
    except ValidationError as err:
        assert err.field == "at"
        assert not inside
    else:
        assert inside
        assert dose.at == at


# ---- validate_pain -------------------------------------------------------------------


@pytest.mark.parametrize("score", [*range(11), "0", "10", " 7 ", 4.0, "4.0"])
def test_pain_scores_on_the_0_to_10_scale(score: object) -> None:
    assert validate_pain(score, AN_HOUR_AGO, NOW).score == int(float(str(score)))


@pytest.mark.parametrize(
    "score", [10.5, -1, 11, "nan", "inf", "-inf", "", "abc", True, False, None, "7/10", Decimal("5"), 10**400]
)
def test_pain_scores_off_the_scale_are_refused(score: object) -> None:
    raises_field("score", lambda: validate_pain(score, AN_HOUR_AGO, NOW))


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"locations": "knee, lower back"}, {"locations": ("knee", "lower back")}),
        ({"locations": ["knee", " hip "]}, {"locations": ("knee", "hip")}),
        ({"locations": "knee,,"}, {"locations": ("knee",)}),
        ({"locations": None}, {"locations": ()}),
        ({"qualities": ("burning", "dull")}, {"qualities": ("burning", "dull")}),
        ({"source": "follow-up"}, {"source": PainSource.FOLLOW_UP}),
        ({"source": "with-dose"}, {"source": PainSource.WITH_DOSE}),
        ({"note": SQL}, {"note": SQL}),
    ],
)
def test_good_pain_check_ins(arguments: dict[str, Any], expected: dict[str, Any]) -> None:
    checkin = validate_pain(5, AN_HOUR_AGO, NOW, **arguments)
    for name, value in expected.items():
        assert getattr(checkin, name) == value


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"locations": "knee\nhip"}, "location"),
        ({"locations": ",".join(f"spot{i}" for i in range(21))}, "location"),
        ({"locations": ["ok", ""]}, "location"),
        ({"locations": ["ok", 5]}, "location"),
        ({"locations": 5}, "location"),
        ({"locations": {"knee": 1}}, "location"),
        ({"qualities": "sharp\u202e"}, "quality"),
        ({"qualities": ["x" * 61]}, "quality"),
        ({"source": "whenever"}, "source"),
        ({"note": "\u2067"}, "note"),
        ({"note": "\u202e"}, "note"),
    ],
)
def test_bad_pain_check_ins_are_refused_naming_the_field(arguments: dict[str, Any], field: str) -> None:
    raises_field(field, lambda: validate_pain(5, AN_HOUR_AGO, NOW, **arguments))


@pytest.mark.parametrize(
    ("argument", "field"),
    [
        ("score", "score"),
        ("locations", "location"),
        ("qualities", "quality"),
        ("note", "note"),
        ("source", "source"),
    ],
)
@given(value=ANYTHING)
def test_validate_pain_is_total(argument: str, field: str, value: object) -> None:
    arguments: dict[str, Any] = {"score": 5, argument: value}
    score = arguments.pop("score")
    total_with_field(lambda: validate_pain(score, AN_HOUR_AGO, NOW, **arguments), field)


# ---- validate_effect -----------------------------------------------------------------


@pytest.mark.parametrize("severity", [0, 1, 2, 3, "0", "3", 2.0])
def test_side_effect_severity_0_to_3(severity: object) -> None:
    effect = validate_effect("nausea", severity, AN_HOUR_AGO, NOW)
    assert effect.severity == int(float(severity))  # type: ignore[arg-type]
    assert effect.name == "nausea"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"severity": -1}, "severity"),
        ({"severity": 4}, "severity"),
        ({"severity": 1.5}, "severity"),
        ({"severity": "mild"}, "severity"),
        ({"severity": "nan"}, "severity"),
        ({"severity": True}, "severity"),
        ({"name": ""}, "name"),
        ({"name": "itch\ning"}, "name"),
        ({"name": "\u202eitching"}, "name"),
        ({"note": "\u2066"}, "note"),
        ({"at": datetime(1960, 1, 1, tzinfo=UTC)}, "at"),
    ],
)
def test_bad_side_effects_are_refused_naming_the_field(arguments: dict[str, Any], field: str) -> None:
    name = arguments.pop("name", "nausea")
    severity = arguments.pop("severity", 1)
    at = arguments.pop("at", AN_HOUR_AGO)
    raises_field(field, lambda: validate_effect(name, severity, at, NOW, **arguments))


def test_free_text_side_effects_are_allowed_verbatim() -> None:
    assert validate_effect(SQL, 2, AN_HOUR_AGO, NOW).name == SQL
    assert validate_effect("tingling fingers", 1, AN_HOUR_AGO, NOW).name == "tingling fingers"


@pytest.mark.parametrize(
    ("argument", "field"), [("name", "name"), ("severity", "severity"), ("note", "note")]
)
@given(value=ANYTHING)
def test_validate_effect_is_total(argument: str, field: str, value: object) -> None:
    arguments: dict[str, Any] = {"name": "nausea", "severity": 1, argument: value}
    name, severity = arguments.pop("name"), arguments.pop("severity")
    total_with_field(lambda: validate_effect(name, severity, AN_HOUR_AGO, NOW, **arguments), field)


# ---- validate_note -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tags", "expected_text", "expected_tags"),
    [
        ("slept badly", None, "slept badly", ()),
        (f"  {SQL}  ", "sql, test", SQL, ("sql", "test")),
        ("first\nsecond", ["a"], "first\nsecond", ("a",)),
    ],
)
def test_good_notes(text: str, tags: object, expected_text: str, expected_tags: tuple[str, ...]) -> None:
    note = validate_note(text, AN_HOUR_AGO, NOW, tags=tags)
    assert (note.text, note.tags, note.at) == (expected_text, expected_tags, AN_HOUR_AGO)


@pytest.mark.parametrize(
    ("text", "tags", "field"),
    [
        ("", None, "text"),
        ("   \n ", None, "text"),
        (None, None, "text"),
        ("abc\u202edef", None, "text"),
        ("abc\u2066def", None, "text"),
        ("bell\x07", None, "text"),
        ("ok", "a\u202e", "tags"),
        ("ok", ["fine", "two\nlines"], "tags"),
        ("ok", 7, "tags"),
    ],
)
def test_bad_notes_are_refused_naming_the_field(text: object, tags: object, field: str) -> None:
    raises_field(field, lambda: validate_note(text, AN_HOUR_AGO, NOW, tags=tags))


@pytest.mark.parametrize(("argument", "field"), [("text", "text"), ("tags", "tags")])
@given(value=ANYTHING)
def test_validate_note_is_total(argument: str, field: str, value: object) -> None:
    arguments: dict[str, Any] = {"text": "a note", "tags": None, argument: value}
    total_with_field(
        lambda: validate_note(arguments["text"], AN_HOUR_AGO, NOW, tags=arguments["tags"]), field
    )
