"""Numbers typed by the user: desktop/core/numbers.py.

Every parser either returns a finite number in its range or raises ValidationError
naming the field it was given; nothing else escapes, whatever the input.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.numbers import (
    MAX_AMOUNT,
    parse_amount,
    parse_bounded_float,
    parse_float,
    parse_int,
    parse_pain_score,
)

HUGE = [10**400, -(10**400), 2**1024, 10**20, -(2**63)]
# The same, with readable test ids.
HUGE_PARAMS = [
    pytest.param(10**400, id="10**400"),
    pytest.param(-(10**400), id="-10**400"),
    pytest.param(2**1024, id="2**1024"),
]
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")

# Anything a caller could hand over: text, every kind of float, huge integers, None,
# containers, and text that looks like a number but is not one.
ANYTHING = st.one_of(
    st.text(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.sampled_from(HUGE),
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.binary(max_size=8),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(),
    st.complex_numbers(),
    st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "1e999", "-1e999", "", " ", "5.0", "1_0"]),
    st.floats().map(repr),
    st.integers().map(str),
)

FIELDS = st.text(min_size=1, max_size=20)


# ---- parse_float -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, 5.0),
        (0, 0.0),
        (-3, -3.0),
        (2.5, 2.5),
        ("2.5", 2.5),
        (" 3 ", 3.0),
        ("-1", -1.0),
        ("1e3", 1000.0),
        ("1.7976931348623157e308", 1.7976931348623157e308),
    ],
)
def test_parse_float_accepts_finite_numbers(value: object, expected: float) -> None:
    assert parse_float("amount", value) == expected


@pytest.mark.parametrize(
    "value",
    [
        True,
        False,
        None,
        "",
        "   ",
        "abc",
        "5 mg",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e999",
        float("nan"),
        float("inf"),
        float("-inf"),
        *HUGE_PARAMS,
        [1],
        {"a": 1},
        b"1",
        Decimal("1"),
        complex(1, 0),
        "'); DROP TABLE entries;--",
        "5\u202e",
    ],
)
def test_parse_float_refuses_non_numbers(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_float("amount", value)
    assert caught.value.field == "amount"


@given(field=FIELDS, value=ANYTHING)
def test_parse_float_returns_a_finite_float_or_names_the_field(field: str, value: object) -> None:
    try:
        number = parse_float(field, value)
    except ValidationError as err:
        assert err.field == field
        assert str(err).startswith(f"{field}: ")
        assert not BIDI & set(str(err)), "an error message must not carry bidi controls"
    else:
        assert isinstance(number, float)
        assert math.isfinite(number)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_parse_float_reads_back_the_text_of_any_finite_float(number: float) -> None:
    assert parse_float("amount", repr(number)) == number


@given(st.integers(min_value=-(10**300), max_value=10**300))
def test_parse_float_takes_any_int_a_float_can_hold(number: int) -> None:
    assert parse_float("amount", number) == float(number)


# ---- parse_int -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 0), (10, 10), ("5", 5), ("5.0", 5), (5.0, 5), (" 7 ", 7), ("1e1", 10)],
)
def test_parse_int_accepts_whole_numbers_in_range(value: object, expected: int) -> None:
    result = parse_int("count", value, 0, 10)
    assert result == expected
    assert type(result) is int


@pytest.mark.parametrize(
    "value",
    [-1, 11, "5.5", 5.5, 10.000001, -0.5, "11", 10**20, *HUGE_PARAMS, "nan", "", True, None],
)
def test_parse_int_refuses_fractions_and_values_out_of_range(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_int("count", value, 0, 10)
    assert caught.value.field == "count"


@given(
    low=st.integers(-1000, 1000),
    span=st.integers(0, 1000),
    value=st.one_of(ANYTHING, st.integers(-3000, 3000)),
)
def test_parse_int_result_is_an_int_inside_the_bounds(low: int, span: int, value: object) -> None:
    high = low + span
    try:
        result = parse_int("count", value, low, high)
    except ValidationError as err:
        assert err.field == "count"
    else:
        assert type(result) is int
        assert low <= result <= high


@given(low=st.integers(-1000, 1000), span=st.integers(0, 1000), data=st.data())
def test_parse_int_accepts_every_whole_number_in_range_as_text(
    low: int, span: int, data: st.DataObject
) -> None:
    number = data.draw(st.integers(low, low + span))
    assert parse_int("count", str(number), low, low + span) == number
    assert parse_int("count", f" {number}.0 ", low, low + span) == number


# ---- parse_bounded_float -------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "low_inclusive", "ok"),
    [
        (0, True, True),
        (0, False, False),
        (-0.0, False, False),
        (1e-9, False, True),
        (72, False, True),
        (72, True, True),
        (72.000001, True, False),
        (-0.000001, True, False),
        ("36.5", False, True),
    ],
)
def test_parse_bounded_float_edges(value: object, low_inclusive: bool, ok: bool) -> None:
    if ok:
        assert parse_bounded_float("hours", value, 0, 72, low_inclusive=low_inclusive) == float(value)
    else:
        with pytest.raises(ValidationError) as caught:
            parse_bounded_float("hours", value, 0, 72, low_inclusive=low_inclusive)
        assert caught.value.field == "hours"


@given(value=st.floats(allow_nan=True, allow_infinity=True), low_inclusive=st.booleans())
def test_parse_bounded_float_accepts_exactly_the_range(value: float, low_inclusive: bool) -> None:
    inside = math.isfinite(value) and (value >= 0 if low_inclusive else value > 0) and value <= 72
    try:
        result = parse_bounded_float("hours", value, 0, 72, low_inclusive=low_inclusive)
    except ValidationError as err:
        assert not inside
        assert err.field == "hours"
    else:
        assert inside
        assert result == value


# ---- parse_amount --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0.5", 0.5), (2, 2.0), (1e-9, 1e-9), (MAX_AMOUNT, MAX_AMOUNT), (" 1.25 ", 1.25)],
)
def test_parse_amount_accepts_positive_finite_amounts(value: object, expected: float) -> None:
    assert parse_amount("amount", value) == expected


@pytest.mark.parametrize(
    "value",
    [0, 0.0, -0.0, "0", "-0", -1, "-2.5", MAX_AMOUNT * 1.000001, 1e300, "nan", "inf", "", "abc", True, None],
)
def test_parse_amount_refuses_zero_negative_huge_and_non_numbers(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount("amount", value)
    assert caught.value.field == "amount"


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_parse_amount_accepts_exactly_positive_finite_amounts_up_to_the_bound(value: float) -> None:
    inside = math.isfinite(value) and 0 < value <= MAX_AMOUNT
    try:
        result = parse_amount("amount", value)
    except ValidationError as err:
        assert not inside
        assert err.field == "amount"
    else:
        assert inside
        assert result == value


@given(ANYTHING)
def test_parse_amount_never_returns_zero_or_less(value: object) -> None:
    try:
        result = parse_amount("amount", value)
    except ValidationError as err:
        assert err.field == "amount"
    else:
        assert 0 < result <= MAX_AMOUNT


# ---- parse_pain_score ----------------------------------------------------------------


@pytest.mark.parametrize("score", range(11))
def test_pain_scores_0_to_10_are_accepted_as_numbers_and_text(score: int) -> None:
    assert parse_pain_score("score", score) == score
    assert parse_pain_score("score", str(score)) == score
    assert parse_pain_score("score", float(score)) == score


@pytest.mark.parametrize(
    "value",
    [
        10.5,
        -1,
        11,
        "nan",
        "inf",
        "",
        "abc",
        True,
        False,
        None,
        "7/10",
        "3.5",
        1e300,
        *HUGE_PARAMS,
        Fraction(1, 2),
    ],
)
def test_pain_scores_outside_the_scale_are_refused(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_pain_score("score", value)
    assert caught.value.field == "score"


@given(ANYTHING)
def test_a_pain_score_is_always_a_whole_number_from_0_to_10(value: object) -> None:
    try:
        score = parse_pain_score("score", value)
    except ValidationError as err:
        assert err.field == "score"
    else:
        assert type(score) is int
        assert 0 <= score <= 10
