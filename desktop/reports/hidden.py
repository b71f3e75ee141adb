"""The report with hidden substances: every substance name replaced by a neutral label
("Substance A") throughout, and products and batches left out, as they could name a
substance too; names inside notes and the insight sentences are masked as well."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from desktop.reports.entries import ReportInput
from desktop.words.translate import translate


def neutral_labels(names: Iterable[str]) -> dict[str, str]:
    """Substance names (any case) -> "Substance A", "Substance B", … in name order."""
    ordered = sorted({name.casefold(): name for name in names}.values(), key=str.casefold)
    label = translate("Report", "Substance {letters}")
    labels = {}
    for i, name in enumerate(ordered):
        letters = ""
        n = i
        while True:
            letters = chr(ord("A") + n % 26) + letters
            n = n // 26 - 1
            if n < 0:
                break
        labels[name.casefold()] = label.format(letters=letters)
    return labels


def hide_substances(data: ReportInput) -> ReportInput:
    """The same journal with every substance name replaced by its neutral label and
    products and batches left out (in records, notes and the name maps)."""
    words = set(data.kinds) | {str(r["substance"]) for r in data.records if r.get("kind") == "dose"}
    labels = neutral_labels(words)
    products = {str(r[key]) for r in data.records for key in ("product", "batch") if r.get(key)}
    product = translate("Report", "[product]")
    masks = [(name, labels[name.casefold()]) for name in words] + [(p, product) for p in products]
    # Longest first, so "Kratom Red" is masked before "Kratom".
    masks.sort(key=lambda pair: -len(pair[0]))
    pattern = re.compile("|".join(re.escape(word) for word, _ in masks), re.IGNORECASE) if masks else None
    lookup = {word.casefold(): label for word, label in masks}

    def mask(text: str) -> str:
        return pattern.sub(lambda m: lookup[m.group(0).casefold()], text) if pattern and text else text

    records = []
    for record in data.records:
        copy = dict(record)
        if copy.get("kind") == "dose":
            copy["substance"] = labels[str(copy["substance"]).casefold()]
            copy["product"] = None
            copy["batch"] = None
        if isinstance(copy.get("note"), str):
            copy["note"] = mask(copy["note"])
        records.append(copy)
    return ReportInput(
        records,
        {labels[name.casefold()]: kind for name, kind in data.kinds.items()},
        {labels[name.casefold()]: unit for name, unit in data.units.items()},
    )


def mask_kind_words(lines: Sequence[str], kinds: Mapping[str, str]) -> list[str]:
    """Insight sentences name substance kinds ("nights with melatonin"); with hidden
    names, each kind word becomes the label(s) of the substance(s) of that kind."""
    by_kind: dict[str, list[str]] = {}
    for label, kind in sorted(kinds.items()):
        by_kind.setdefault(kind.casefold(), []).append(label)
    words = {kind: translate("Report", " or ").join(labels) for kind, labels in by_kind.items()}
    for kind in ("kratom", "melatonin"):
        words.setdefault(kind, translate("Report", "the substance"))
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in words) + r")\b", re.IGNORECASE)
    return [pattern.sub(lambda m: words[m.group(0).casefold()], line) for line in lines]
