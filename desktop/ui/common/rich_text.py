"""Text put into Qt's rich text (labels and panels that show HTML) as plain characters.

`html.escape` would do, but `html` loads `html.entities` (2,000-odd named entities, for
unescaping) with it: about 2 ms before the Plan's day panel is on screen, for five
replacements.
"""

from __future__ import annotations

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """`text` shown as written: the same output as `html.escape(text)`."""
    return text.translate(_ENTITIES)
