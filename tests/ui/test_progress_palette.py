"""The chart palettes stay readable: text at 4.5:1 and marks at 3:1 against their background."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop.ui.progress.charts.parts.palette import (
    DARK,
    LIGHT,
    ChartPalette,
    contrast,
    palette_for,
)

MARKS = ("green", "yellow", "red", "grey", "load", "estimate", "band", "today")


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_text_and_marks_stand_out_from_the_background(qapp, palette: ChartPalette) -> None:
    for text in (palette.foreground, palette.muted):
        assert contrast(text, palette.background) >= 4.5, text
    for tint in (palette.phase1, palette.phase2, palette.taper):
        assert contrast(palette.muted, tint) >= 4.5, tint  # phase names sit on the tints
    marks = [getattr(palette, name) for name in MARKS] + [*palette.severity, *palette.quality]
    for mark in marks:
        assert contrast(mark, palette.background) >= 3.0, mark


def test_contrast_is_the_wcag_ratio(qapp) -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)


def test_a_dark_desktop_gets_the_dark_palette(qapp) -> None:
    desktop = QPalette()
    desktop.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    assert palette_for(desktop) is DARK
    desktop.setColor(QPalette.ColorRole.Window, QColor("#efefef"))
    assert palette_for(desktop) is LIGHT
