"""Colours shared by more than one screen, named once so that a change of look is one edit.

Kept free of Qt imports: the gym, planning and chart styles read it while their modules load.
"""

from __future__ import annotations

# Cramproof's blue: primary buttons, the planning accent, the gym accent and the load line in
# the light charts. White text on it, and it on white, has a contrast of 6.1:1 (WCAG AA).
ACCENT_BLUE = "#1f5fbf"
# The ring around what has the keyboard: seen from across the gym on light and dark screens.
FOCUS_RING = "#f0b400"
