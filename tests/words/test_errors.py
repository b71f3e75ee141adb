"""Refused input in the user's language: every message core, the reminder service and
the journal raise is a marked English template with its values apart, so the app shows
it translated and the command line in English."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from desktop.core.errors import ValidationError
from desktop.core.numbers import parse_int
from desktop.core.times import parse_clock
from desktop.words import translate as hook
from desktop.words.errors import error_message

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "resources" / "translations" / "ebb.ts"
# What the app shows when a dialog or a setting refuses input, or a reminder's button
# cannot be done. Storage's import and export files and the command line's own
# arguments (desktop/cli, storage/exchange, storage/records) speak only to the command
# line, in English, as its output contract says.
SHOWN_IN_THE_APP = [
    *sorted((ROOT / "desktop" / "core").rglob("*.py")),
    ROOT / "desktop" / "scheduling" / "service.py",
    *sorted((ROOT / "desktop" / "storage").glob("journal_*.py")),
]
GERMAN = {"{value} is out of range; allowed {low}-{high}": "{value} liegt außerhalb von {low}–{high}"}


@pytest.fixture(autouse=True)
def english_hook():
    hook.install(None)
    yield
    hook.install(None)


def german(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    return GERMAN.get(source, source) if context == "Errors" else source


def refused(call) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value


def test_the_message_is_the_english_template_filled_in() -> None:
    error = refused(lambda: parse_int("score", "11", 0, 10))
    assert error.template == "{value} is out of range; allowed {low}-{high}"
    assert error.message == "'11' is out of range; allowed 0-10"
    assert str(error) == "score: '11' is out of range; allowed 0-10"
    assert error_message(error) == error.message  # English without Qt


def test_the_app_shows_the_translated_template_with_the_same_values() -> None:
    hook.install(german)
    assert error_message(refused(lambda: parse_int("score", "11", 0, 10))) == "'11' liegt außerhalb von 0–10"
    # one not translated yet stays English, values filled in
    assert error_message(refused(lambda: parse_clock("bedtime", "25:00"))) == (
        "'25:00' is not a time of day; allowed 00:00-23:59"
    )


def test_a_message_without_values_keeps_its_braces_as_written() -> None:
    assert ValidationError("x", "use {braces}").message == "use {braces}"


def _raised_messages(path: Path) -> list[tuple[int, ast.expr]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.args[1])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "ValidationError"
        and len(node.args) >= 2
    ]


def _marked(message: ast.expr) -> str | None:
    """The template of QT_TRANSLATE_NOOP("Errors", "…"), else None."""
    if (
        isinstance(message, ast.Call)
        and isinstance(message.func, ast.Name)
        and message.func.id == "QT_TRANSLATE_NOOP"
        and [type(a) for a in message.args] == [ast.Constant, ast.Constant]
        and message.args[0].value == "Errors"  # type: ignore[attr-defined]
    ):
        return str(message.args[1].value)  # type: ignore[attr-defined]
    return None


def test_every_message_the_app_can_show_is_marked_for_translation() -> None:
    unmarked = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in SHOWN_IN_THE_APP
        for line, message in _raised_messages(path)
        if _marked(message) is None
    ]
    assert unmarked == [], "write these as QT_TRANSLATE_NOOP('Errors', template), values=…"


def test_every_marked_message_is_in_the_translation_template() -> None:
    root = ElementTree.parse(TEMPLATE).getroot()
    known = {
        message.findtext("source")
        for context in root.iter("context")
        if context.findtext("name") == "Errors"
        for message in context.iter("message")
    }
    templates = {
        template
        for path in SHOWN_IN_THE_APP
        for _line, message in _raised_messages(path)
        if (template := _marked(message)) is not None
    }
    assert templates, "the walk found no messages: it would prove nothing"
    assert templates - known == set(), "run: uv run python tools/translations.py"
