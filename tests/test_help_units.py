"""The help speaks the app's units: distances in km, as the cramp log and the runs show them."""

from __future__ import annotations

import re
from pathlib import Path

HELP = Path(__file__).resolve().parent.parent / "resources" / "help"


def test_no_help_page_measures_in_miles() -> None:
    pages = sorted(HELP.glob("*.md"))
    assert pages
    for page in pages:
        found = re.findall(r"[^.\n]*\bmiles?\b[^.\n]*", page.read_text(encoding="utf-8"))
        assert not found, f"{page.name}: {found}"
