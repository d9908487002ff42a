"""A colour used by several screens is written once (desktop/ui/common/colours.py)."""

from __future__ import annotations

from desktop.ui.common import colours
from tests.conftest import REPO_ROOT


def test_the_accent_blue_is_spelled_out_in_one_module_only() -> None:
    home = REPO_ROOT / "desktop" / "ui" / "common" / "colours.py"
    literal = colours.ACCENT_BLUE.lower()
    elsewhere = [
        str(path.relative_to(REPO_ROOT))
        for path in sorted((REPO_ROOT / "desktop").rglob("*.py"))
        if path != home and literal in path.read_text(encoding="utf-8").lower()
    ]
    assert elsewhere == [], f"{literal} written out again instead of ACCENT_BLUE: {elsewhere}"
