"""Reading what the runner sees off a grabbed widget: colours, contrast, ink height."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colours(image: QImage, rect: QRect | None = None) -> Counter[int]:
    """How many pixels of each RGB value the rectangle (default: all of it) holds."""
    area = rect or image.rect()
    return Counter(
        image.pixel(x, y) & 0xFFFFFF
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
    )


def ink_and_background(image: QImage, rect: QRect | None = None) -> tuple[QColor, QColor]:
    """The background (the commonest colour) and the ink: the colour that differs most from it,
    taken among colours with a few pixels each so a stray anti-aliased pixel does not count."""
    counts = colours(image, rect)
    background = QColor(counts.most_common(1)[0][0])
    solid = [rgb for rgb, n in counts.items() if n >= 3] or list(counts)
    ink = max((QColor(rgb) for rgb in solid), key=lambda c: contrast(c, background))
    return ink, background


def text_contrast(widget: QWidget, within: QWidget) -> float:
    """The contrast of `widget`'s text against what is drawn behind it, from a grab of `within`."""
    image = within.grab().toImage()
    ratio = image.width() / max(1, within.width())
    top_left = widget.mapTo(within, QPoint(0, 0))
    rect = QRect(
        int(top_left.x() * ratio),
        int(top_left.y() * ratio),
        int(widget.width() * ratio),
        int(widget.height() * ratio),
    )
    ink, background = ink_and_background(image, rect)
    return contrast(ink, background)


def image_rows_blank(image: QImage, rows: tuple[int, ...]) -> bool:
    """True when each of these rows is one colour: nothing drawn across it (no cut glyph)."""
    return all(len({image.pixel(x, y) for x in range(image.width())}) == 1 for y in rows)
