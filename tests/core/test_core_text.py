"""Free text and names: desktop/core/text.py.

SQL-looking text is just text and is kept verbatim; bidirectional controls and other
control characters are refused ("Trojan Source", CVE-2021-42574).
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import ValidationError
from desktop.core.text import MAX_NAME_LENGTH, MAX_TEXT_LENGTH, clean_name, clean_text

BIDI_CONTROLS = [
    "\u202a",  # LEFT-TO-RIGHT EMBEDDING
    "\u202b",  # RIGHT-TO-LEFT EMBEDDING
    "\u202c",  # POP DIRECTIONAL FORMATTING
    "\u202d",  # LEFT-TO-RIGHT OVERRIDE
    "\u202e",  # RIGHT-TO-LEFT OVERRIDE
    "\u2066",  # LEFT-TO-RIGHT ISOLATE
    "\u2067",  # RIGHT-TO-LEFT ISOLATE
    "\u2068",  # FIRST STRONG ISOLATE
    "\u2069",  # POP DIRECTIONAL ISOLATE
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u061c",  # ARABIC LETTER MARK
]

SQL_LOOKING = [
    "'); DROP TABLE entries;--",
    "Robert'); DROP TABLE students;--",
    "1 OR 1=1",
    "' OR ''='",
    '"; DELETE FROM doses WHERE 1=1; --',
    "/* comment */ SELECT * FROM substances",
    "100% _under_ %s %(name)s ? :name",
    "back\\slash",
]

OTHER_CONTROLS = [
    "\x00",  # NUL
    "\x07",  # BEL
    "\x1b[31m",  # ANSI escape
    "\x7f",  # DEL
    "\x85",  # NEL inside the text (outer whitespace is trimmed)
    "\u2028",  # LINE SEPARATOR
    "\u2029",  # PARAGRAPH SEPARATOR
    "\ud800",  # lone surrogate
    "\ue000",  # private use
    "\u0378",  # unassigned
]


def _allowed_in_text(char: str) -> bool:
    if char in BIDI_CONTROLS or char in "\u2028\u2029":
        return False
    return char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cs", "Co", "Cn")


# ---- clean_text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain note", "plain note"),
        ("  trimmed  ", "trimmed"),
        ("line one\nline two", "line one\nline two"),
        ("col\tumn", "col\tumn"),
        ("", ""),
        ("Schmerz über 7 — ärger", "Schmerz über 7 — ärger"),
        ("slept 😴 well", "slept 😴 well"),
        ("שלום and مرحبا", "שלום and مرحبا"),
        ("x" * MAX_TEXT_LENGTH, "x" * MAX_TEXT_LENGTH),
        *[(sql, sql) for sql in SQL_LOOKING],
    ],
)
def test_clean_text_keeps_text_verbatim(value: str, expected: str) -> None:
    assert clean_text("note", value) == expected


@pytest.mark.parametrize("char", BIDI_CONTROLS)
def test_clean_text_refuses_every_bidi_control(char: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("note", f"take 2 g{char} at 9")
    assert caught.value.field == "note"
    assert f"U+{ord(char):04X}" in caught.value.message


@pytest.mark.parametrize(("text", "stored"), [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\n\r\nb", "a\n\nb")])
def test_clean_text_turns_windows_line_ends_into_newlines(text: str, stored: str) -> None:
    assert clean_text("note", text) == stored


def test_clean_name_refuses_line_breaks() -> None:
    with pytest.raises(ValidationError):
        clean_name("name", "a\r\nb")


@pytest.mark.parametrize("control", OTHER_CONTROLS)
def test_clean_text_refuses_control_characters(control: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("note", f"before{control}after")
    assert caught.value.field == "note"


@pytest.mark.parametrize("value", [None, 5, 2.5, b"bytes", ["a"], {"a": "b"}])
def test_clean_text_refuses_what_is_not_text(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("note", value)  # type: ignore[arg-type]
    assert caught.value.field == "note"


def test_clean_text_refuses_text_over_the_limit() -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("note", "x" * (MAX_TEXT_LENGTH + 1))
    assert caught.value.field == "note"
    assert clean_text("batch", "x" * 200, max_length=200) == "x" * 200
    with pytest.raises(ValidationError):
        clean_text("batch", "x" * 201, max_length=200)


@given(st.text())
def test_clean_text_either_keeps_the_text_or_says_which_field(value: str) -> None:
    value = value.replace("\r", "")  # line ends are normalised; tested separately
    try:
        result = clean_text("note", value)
    except ValidationError as err:
        assert err.field == "note"
        assert not set(BIDI_CONTROLS) & set(str(err)), "the message must not reorder itself"
        assert len(value.strip()) > MAX_TEXT_LENGTH or not all(map(_allowed_in_text, value.strip()))
    else:
        assert result == value.strip()
        assert all(map(_allowed_in_text, result))


@given(before=st.text(), char=st.sampled_from(BIDI_CONTROLS), after=st.text())
def test_text_with_a_bidi_control_anywhere_is_refused(before: str, char: str, after: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_text("note", before + char + after)
    assert caught.value.field == "note"
    assert not set(BIDI_CONTROLS) & set(str(caught.value)), "the message must not reorder itself"


@given(
    st.lists(st.sampled_from([*SQL_LOOKING, "'", '"', ";", "--", " ", "\n", "DROP", "TABLE"]), max_size=30)
)
def test_sql_looking_text_is_stored_verbatim(parts: list[str]) -> None:
    value = "".join(parts)
    assert clean_text("note", value) == value.strip()


# ---- clean_name ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("kratom", "kratom"),
        ("  Red Bali  ", "Red Bali"),
        ("stomach upset", "stomach upset"),
        ("Melatonin 0,5 mg (retard)", "Melatonin 0,5 mg (retard)"),
        ("n" * MAX_NAME_LENGTH, "n" * MAX_NAME_LENGTH),
        ("Robert'); DROP TABLE students;--", "Robert'); DROP TABLE students;--"),
    ],
)
def test_clean_name_accepts_short_single_line_names(value: str, expected: str) -> None:
    assert clean_name("name", value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "\n",
        "two\nlines",
        "tab\there",
        "n" * (MAX_NAME_LENGTH + 1),
        "kra\u202etom",
        "\u2066kratom\u2069",
        "bell\x07",
        None,
        42,
    ],
)
def test_clean_name_refuses_empty_multiline_long_and_control_text(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_name("name", value)  # type: ignore[arg-type]
    assert caught.value.field == "name"


@given(st.text())
def test_a_clean_name_is_one_non_empty_line_of_printable_text(value: str) -> None:
    try:
        result = clean_name("name", value)
    except ValidationError as err:
        assert err.field == "name"
    else:
        assert result == value.strip()
        assert 1 <= len(result) <= MAX_NAME_LENGTH
        assert "\n" not in result
        assert "\t" not in result
        assert all(map(_allowed_in_text, result))
