"""`ebb report`: a private, 3-page PDF with embedded fonts that says what it is; with
--hide-substances no substance or product name appears anywhere in it."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from desktop.report import ReportInput, hide_substances, neutral_labels


def pdf_text(path: Path) -> str:
    """The PDF's text with runs of white space (line breaks too) made one space."""
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.split())


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.cli import main

    data = tmp_path_factory.mktemp("demo") / "data"
    assert main(["--data-dir", str(data), "demo", "--days", "60", "--seed", "3"]) == 0
    return data


def report(data: Path, out: Path, *args: str) -> int:
    from desktop.cli import main

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
