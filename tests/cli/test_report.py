"""`ebb report`: a private, 3-page PDF with embedded fonts that says what it is; with
--hide-substances no substance or product name appears anywhere in it."""

from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path

import pytest

from desktop.reports.entries import ReportInput
from desktop.reports.hidden import hide_substances, neutral_labels


def pdf_text(path: Path) -> str:
    """The PDF's text with runs of white space (line breaks too) made one space."""
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.cli.main import main

    data = tmp_path_factory.mktemp("demo") / "data"
    assert main(["--data-dir", str(data), "demo", "--days", "60", "--seed", "3"]) == 0
    return data


def report(data: Path, out: Path, *args: str) -> int:
    from desktop.cli.main import main

    return main(["--data-dir", str(data), "report", "--out", str(out), *args])


def test_the_report_is_a_private_three_page_pdf_with_embedded_fonts(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "visit.pdf"
    assert report(demo_dir, out) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert pdf_pages(out) == 3
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # the "emb" column
    text = pdf_text(out)
    for expected in (
        "Self-reported journal",
        "Pain (0–10",
        "Sleep",
        "Doses by substance",
        "Kratom",
        "What the journal shows",
        "95 % interval",
        "Mean pain by hour",
        "Check-ins with pain 7 or more",
        "Day-to-day variability",
        "Relief curve after a dose",
        "Change in pain after a dose",
        "Notes",
    ):
        assert expected in text, expected


def test_hide_substances_leaves_no_name_in_the_pdf(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "hidden.pdf"
    assert report(demo_dir, out, "--hide-substances") == 0
    text = pdf_text(out).casefold()
    assert "kratom" not in text and "melatonin" not in text
    assert "substance a" in text and "neutral labels" in text


def test_an_empty_period_still_reports_and_says_so(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert report(demo_dir, out, "--from", "2001-01-01", "--to", "2001-01-31") == 0
    text = pdf_text(out)
    assert "No pain check-ins in this period" in text and "not enough data" in text
    assert "No doses of a pain-relief substance in this period." in text  # the relief curve's chart


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--from", "2026-03-10", "--to", "2026-03-01"], "from"),
        (["--from", "2026-02-30"], "from"),
        (["--to", "soon"], "to"),
        (["--paper", "a3"], "paper"),
        (["--from", "1990-01-01", "--to", "2026-01-01"], "from"),
    ],
)
def test_bad_report_options_name_the_field_and_write_nothing(ebb, tmp_path: Path, args, field) -> None:
    out = tmp_path / "r.pdf"
    result = ebb("report", "--out", str(out), *args)
    assert result.code == 2, result.err
    assert result.err.count("\n") == 1 and f"ebb: error: {field}:" in result.err
    assert not out.exists()


def test_a_folder_as_out_is_refused(ebb, tmp_path: Path) -> None:
    result = ebb("report", "--out", str(tmp_path))
    assert result.code == 2 and "ebb: error: out:" in result.err


@pytest.mark.parametrize(("count", "last"), [(1, "Substance A"), (26, "Substance Z"), (27, "Substance AA")])
def test_neutral_labels_run_past_z(count: int, last: str) -> None:
    labels = neutral_labels(f"name{i:02d}" for i in range(count))
    assert sorted(labels.values(), key=lambda v: (len(v), v))[-1] == last


def test_hiding_masks_names_products_and_batches_in_notes_too() -> None:
    data = ReportInput(
        records=[
            {
                "kind": "dose",
                "substance": "kratom",
                "product": "Red Bali",
                "batch": "L-42",
                "note": "Red Bali again",
            },
            {"kind": "note", "note": "Less KRATOM today, more Melatonin; batch L-42 was weak"},
        ],
        kinds={"Kratom": "kratom", "Melatonin": "melatonin"},
        units={"Kratom": "g", "Melatonin": "mg"},
    )
    hidden = hide_substances(data)
    dose, note = hidden.records
    assert (dose["substance"], dose["product"], dose["batch"]) == ("Substance A", None, None)
    assert dose["note"] == "[product] again"
    assert note["note"] == "Less Substance A today, more Substance B; batch [product] was weak"
    assert hidden.kinds == {"Substance A": "kratom", "Substance B": "melatonin"}
    assert data.records[0]["substance"] == "kratom"  # the input is left alone


def page_text(path: Path, page: int) -> str:
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return " ".join(text.split())


def crowded_report(tmp_path: Path, others: int) -> Path:
    """Twelve kinds of side effect and ``others`` substances besides kratom fill page 1's
    tables; each substance adds sentences to page 2."""
    from datetime import date, timedelta

    from desktop.reports.clinician import build_report
    from tests.core.pain_truth import gamma_relief, rises, truth_journal
    from tests.core.synthetic import BERLIN

    end = date(2026, 6, 9)
    journal = truth_journal(
        rises((11 * 60, 80, 3.2), floor=3.5), gamma_relief(), plan_day=end + timedelta(days=1)
    )
    records = [{"kind": "pain", "at": r.at.isoformat(), "score": r.score} for r in journal.readings]
    records += [
        {
            "kind": "dose",
            "at": d.at.isoformat(),
            "substance": "Kratom",
            "amount": 2,
            "pain_before": d.pain_before,
        }
        for d in journal.doses
    ]
    records += [
        {"kind": "effect", "at": journal.readings[i].at.isoformat(), "name": f"effect {i}", "severity": 1}
        for i in range(12)
    ]
    names = [f"Other {i}" for i in range(others)]
    records += [
        {"kind": "dose", "at": journal.readings[i].at.isoformat(), "substance": name, "amount": 1}
        for i, name in enumerate(names)
    ]
    kinds = {"Kratom": "kratom"} | dict.fromkeys(names, "other")
    out = tmp_path / f"crowded-{others}.pdf"
    data = ReportInput(records, kinds, dict.fromkeys(kinds, "g"))
    assert build_report(data, out, end - timedelta(days=55), end, BERLIN, generated=end) == 3
    assert pdf_pages(out) == 3
    return out


def test_a_full_first_page_puts_the_relief_curve_with_the_heat_map(tmp_path: Path) -> None:
    out = crowded_report(tmp_path, others=3)
    assert "Change in pain after a dose" not in page_text(out, 1)
    second = page_text(out, 2)
    assert "Mean pain by hour" in second and "Change in pain after a dose (n =" in second


def test_a_relief_curve_that_fits_nowhere_says_so(tmp_path: Path) -> None:
    out = crowded_report(tmp_path, others=7)
    text = pdf_text(out)
    assert "Change in pain after a dose" not in text
    assert "The relief curve chart did not fit in this report; the sentences above give its numbers." in text
    assert "Kratom over the 8 h after a dose: your journal shows pain about" in text


def shouting(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """A translator that writes every word in capitals (the {placeholders} left alone),
    in English plural forms."""
    from desktop.words.translate import english

    text = english(context, source, disambiguation, n)
    return re.sub(
        r"\{[^}]*\}|[^{]+", lambda m: m.group(0) if m.group(0)[0] == "{" else m.group(0).upper(), text
    )


@pytest.fixture
def shouting_hook():
    from desktop.words import translate as hook

    contexts: set[str] = set()

    def translator(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        contexts.add(context)
        return shouting(context, source, disambiguation, n)

    hook.install(translator)
    yield contexts
    hook.install(None)


def test_every_word_of_the_report_goes_through_the_translation_hook(
    demo_dir: Path, tmp_path: Path, shouting_hook: set[str]
) -> None:
    out = tmp_path / "shouted.pdf"
    assert report(demo_dir, out, "--hide-substances") == 0
    text = pdf_text(out)
    words = [
        "Pain, sleep and dose journal — summary for a clinician",  # the title
        "Self-reported journal",  # the header
        "neutral labels",
        "Substance A",
        "pain check-ins",  # the entries
        "whole period",  # the tables: rows, headers, captions
        "morning",
        "median",
        "awake after onset",
        "beyond own limits",
        "worst severity",
        "Day-to-day variability",
        "Relief curve after a dose",  # the relief section, its caption and chart
        "Observational, not controlled",
        "Change in pain after a dose",
        "time after a dose",
        "What the journal shows",  # page 2: the sentences and the heat map
        "Pain after doses",
        "Mean pain by hour and weekday",
        "Mon",
        "Trends",  # page 3: the charts, the notes, the footer
        "Daily mean pain",
        "hours asleep",
        "Dose times",
        "Notes",
        "Ebb journal",
        "page 3",
    ]
    for word in words:
        assert word.upper() in text, word
        assert word not in text, word
    assert {"Report", "Charts", "Insights"} <= shouting_hook


# A one-day period: matplotlib widens the trends' date axes itself (and says so).
@pytest.mark.filterwarnings("ignore:Attempting to set identical low and high xlims")
def test_counts_of_one_read_in_the_singular(tmp_path: Path) -> None:
    from datetime import date

    from desktop.reports.clinician import build_report
    from tests.core.synthetic import BERLIN

    day = date(2026, 6, 9)
    records = [
        {"kind": "pain", "at": "2026-06-09T09:00:00+02:00", "score": 4},
        {"kind": "dose", "at": "2026-06-09T10:00:00+02:00", "substance": "Kratom", "amount": 2},
        {"kind": "note", "at": "2026-06-09T11:00:00+02:00", "note": "a quiet day"},
    ]
    records += [
        {"kind": "effect", "at": f"2026-06-09T12:{i:02d}:00+02:00", "name": f"effect {i}", "severity": 1}
        for i in range(13)
    ]
    data = ReportInput(records, {"Kratom": "kratom"}, {"Kratom": "g"})
    out = tmp_path / "one.pdf"
    assert build_report(data, out, day, day, BERLIN, generated=day) == 3
    text = pdf_text(out)
    for expected in (
        "(1 day) · generated 09 Jun 2026",
        "1 pain check-in · 1 dose · 0 sleep diaries · 13 side effects · 1 note",
        "… and 1 more kind.",
        "not enough data (1 check-in;",
        "Daily mean pain (n = 1 check-in)",
        "Doses per day (n = 1 dose)",
        "Mean pain by hour and weekday (n = 1 check-in)",
    ):
        assert expected in text, expected
    # ("1 doses" is there: the dose chart's tick 1 beside its axis label "doses")
    assert not re.search(r"\b1 (days|check-ins|notes|kinds)\b", text), text
