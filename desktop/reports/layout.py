"""A report page: text blocks, tables and charts laid out top to bottom in inches on a
matplotlib figure, with its footer; matplotlib is loaded when a page is made."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from desktop.words.translate import translate

MARGIN_IN = 0.7


class Page:
    """A page of text blocks and charts, laid out top to bottom in inches."""

    def __init__(self, paper: tuple[float, float], number: int, footer: str) -> None:
        from matplotlib.figure import Figure

        self.width, self.height = paper
        self.figure = Figure(figsize=paper)
        self.y = self.height - MARGIN_IN
        self.figure.text(
            0.5,
            MARGIN_IN / 2 / self.height,
            translate("Report", "{footer} · page {number}").format(footer=footer, number=number),
            ha="center",
            fontsize=7,
            color="0.4",
        )

    @property
    def room(self) -> float:
        return self.y - MARGIN_IN

    def text(
        self,
        text: str,
        *,
        size: float = 9,
        weight: str = "normal",
        colour: str = "black",
        indent: float = 0.0,
        gap: float = 0.04,
    ) -> None:
        chars = int((self.width - 2 * MARGIN_IN - indent) * 72 / (size * 0.52))
        hang = "  " if text.startswith("• ") else ""
        for line in textwrap.wrap(text, chars, subsequent_indent=hang) or [""]:
            height = size * 1.35 / 72
            self.y -= height
            self.figure.text(
                (MARGIN_IN + indent) / self.width,
                self.y / self.height,
                line,
                fontsize=size,
                fontweight=weight,
                color=colour,
                va="baseline",
            )
        self.y -= gap

    def caption(self, text: str, size: float = 7.5) -> None:
        """Small grey words under a heading or a table: how to read it."""
        self.text(text, size=size, colour="0.35")

    def heading(self, text: str) -> None:
        self.y -= 0.12
        self.text(text, size=11.5, weight="bold", gap=0.06)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        """Columns at fixed widths (inches); the first column left-aligned, the rest right."""
        size = 8.5
        step = size * 1.45 / 72
        for i, row in enumerate([header, *rows]):
            self.y -= step
            x = MARGIN_IN
            for column, (cell, width) in enumerate(zip(row, widths, strict=True)):
                right = column > 0
                self.figure.text(
                    (x + (width - 0.05 if right else 0)) / self.width,
                    self.y / self.height,
                    cell,
                    fontsize=size,
                    fontweight="bold" if i == 0 else "normal",
                    ha="right" if right else "left",
                    va="baseline",
                )
                x += width
            if i == 0:
                self.figure.add_artist(self._rule(self.y - 0.05, sum(widths)))
        self.y -= 0.12

    def _rule(self, y: float, length: float) -> Any:
        from matplotlib.lines import Line2D

        return Line2D(
            [MARGIN_IN / self.width, (MARGIN_IN + length) / self.width],
            [y / self.height, y / self.height],
            lw=0.6,
            color="0.5",
        )

    def axes(self, height: float, *, right_room: float = 0.0) -> Any:
        """An axes block ``height`` inches tall (labels included) at the cursor."""
        left, bottom_pad, top_pad = 0.55, 0.35, 0.3
        ax = self.figure.add_axes(
            (
                (MARGIN_IN + left) / self.width,
                (self.y - height + bottom_pad) / self.height,
                (self.width - 2 * MARGIN_IN - left - right_room) / self.width,
                (height - bottom_pad - top_pad) / self.height,
            )
        )
        self.y -= height
        return ax
