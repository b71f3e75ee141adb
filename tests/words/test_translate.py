"""The one translation hook for words outside Qt: English plural forms without Qt, the
plural rule of each language a catalog reads, and every %n string asked with a count."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from desktop.words import translate as hook
from desktop.words.catalog import Catalog, plural_form
from desktop.words.present import describe_reason, describe_sufficiency

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ROOT / "resources" / "translations" / "ebb_en.ts"


@pytest.fixture(autouse=True)
def english_hook():
    hook.install(None)
    yield
    hook.install(None)


@pytest.mark.parametrize(
    ("n", "expected"),
    [(0, "0 days"), (1, "1 day"), (2, "2 days"), (11, "11 days"), (21, "21 days")],
)
def test_english_plural_forms_without_qt(n: int, expected: str) -> None:
    assert hook.translate("Reasons", "%n day(s)", None, n) == expected


@pytest.mark.parametrize(
    ("code", "data", "expected"),
    [
        ("pattern_occasional", {"substance": "K", "dose_days": 1}, "you took a dose on 1 day of the last 14"),
        (
            "pattern_occasional",
            {"substance": "K", "dose_days": 3},
            "you took a dose on 3 days of the last 14",
        ),
        (
            "pattern_planned",
            {"substance": "K", "count": 1, "cap": 1, "cap_source": "setting"},
            "K: 1 reminder ",
        ),
        (
            "pattern_planned",
            {"substance": "K", "count": 2, "cap": 1, "cap_source": "setting"},
            "at most 1 reminder a day",
        ),
        (
            "fixed_not_enough_data",
            {"time": "09:00", "readings": 1, "days": 2},
            "1 more check-in, 2 more days",
        ),
    ],
    ids=["one-day", "days", "one-reminder", "cap-of-one", "missing"],
)
def test_reasons_say_singular_and_plural_right(code: str, data: dict, expected: str) -> None:
    words = describe_reason(code, data)
    assert expected in words
    assert "(s)" not in words


def test_sufficiency_with_one_missing_part_of_the_day() -> None:
    words = describe_sufficiency(False, 20, 5, 5, {"blocks": 1})
    assert words.endswith("need check-ins in 1 more part of the day")


def test_an_installed_translator_gets_every_call_and_none_restores_english() -> None:
    calls = []

    def shouting(context: str, source: str, disambiguation: str | None, n: int) -> str:
        calls.append((context, n))
        return source.replace("pain check-in", "Schmerz-Check-in")

    hook.install(shouting)
    assert describe_reason("checkin_time", {"time": "09:00"}) == "09:00 — Schmerz-Check-in"
    assert calls and {context for context, n in calls} == {"Reasons"}
    hook.install(None)
    assert describe_reason("checkin_time", {"time": "09:00"}) == "09:00 — pain check-in"


@pytest.mark.parametrize(
    ("language", "counts", "forms"),
    [
        ("en", [0, 1, 2, 5], [1, 0, 1, 1]),
        ("de", [0, 1, 2], [1, 0, 1]),
        ("fr", [0, 1, 2], [0, 0, 1]),
        ("ru", [1, 2, 5, 11, 21, 22, 25, 112], [0, 1, 2, 2, 0, 1, 2, 2]),
        ("pl", [1, 2, 5, 12, 22], [0, 1, 2, 2, 1]),
        ("cs", [1, 3, 5], [0, 1, 2]),
        ("ja", [1, 2], [0, 0]),
    ],
)
def test_plural_rules_pick_the_form_qt_linguist_lists(
    language: str, counts: list[int], forms: list[int]
) -> None:
    assert [plural_form(language, n, 3) for n in counts] == forms


def test_a_catalog_reads_plural_forms_and_skips_unfinished(tmp_path: Path) -> None:
    path = tmp_path / "ebb_de.ts"
    path.write_text(
        """<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">
<context><name>Reasons</name>
  <message numerus="yes"><source>%n day(s)</source><translation>
    <numerusform>%n Tag</numerusform><numerusform>%n Tage</numerusform></translation></message>
  <message><source>days</source><translation type="unfinished">Tage</translation></message>
  <message numerus="yes"><source>%n night(s)</source><translation>
    <numerusform>%n Nacht</numerusform><numerusform></numerusform></translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    catalog = Catalog.read(path)
    assert catalog.lookup("Reasons", "%n day(s)", 1) == "%n Tag"
    assert catalog.lookup("Elsewhere", "%n day(s)", 4) == "%n Tage"  # by text, any context
    assert catalog.lookup("Reasons", "days") is None  # unfinished
    assert catalog.lookup("Reasons", "%n night(s)", 2) is None  # a form missing: not finished


def test_every_english_plural_is_written_out() -> None:
    catalog = Catalog.read(ENGLISH)
    import xml.etree.ElementTree as ElementTree

    messages = ElementTree.parse(ENGLISH).getroot().iter("message")
    sources = [m.findtext("source") or "" for m in messages if m.get("numerus") == "yes"]
    assert sources, "no plural strings found"
    for source in sources:
        one, many = catalog.lookup("", source, 1), catalog.lookup("", source, 2)
        assert one and many and one != many, f"{source!r}: write its English forms in ebb_en.ts"
        assert "(s)" not in one + many


def _calls_with_percent_n(tree: ast.AST):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in ("tr", "translate"):
            continue
        for arg in node.args:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "%n" in arg.value:
                yield name, node, arg.value


def test_every_percent_n_string_is_asked_with_a_positional_count() -> None:
    """lupdate files a string as a plural only when the count is positional: tr(text,
    None, n) or translate(context, text, None, n). A keyword count leaves "1 doses"."""
    found = 0
    for path in (ROOT / "desktop").rglob("*.py"):
        for name, node, source in _calls_with_percent_n(ast.parse(path.read_text(encoding="utf-8"))):
            found += 1
            wanted = 3 if name == "tr" else 4
            assert len(node.args) >= wanted and not node.keywords, f"{path.name}: {source!r}"
    assert found >= 5


def test_no_count_is_pasted_before_a_maybe_plural_word() -> None:
    """No "{n} reminder(s)" built by hand: such strings use %n and plural forms."""
    for path in (ROOT / "desktop").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) and id(node) not in docstrings else None
            if isinstance(text, str) and re.search(r"\w\((?:s|es)\)", text) and "%n" not in text:
                pytest.fail(f"{path.name}: {text!r} needs %n and plural forms")
