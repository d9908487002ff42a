"""Python's cycle collector paused while the window starts, from the first Qt import to the log
on screen.

Start-up creates some 34,000 objects that live as long as the window (modules, classes, enums,
Qt wrappers), and every 700 new ones the collector walks the young ones again: 65 collections,
15 ms of a start-up on the 2-core gym laptop, twice what a bare PySide6 window spends. Nothing
made on the way is garbage that only the collector could free (reference counting still frees
the rest), so the collector waits until the log is on screen and then runs as usual.
"""

from __future__ import annotations

import gc

_paused_here = False


def pause() -> None:
    """Stop automatic collection, unless something else already has (it stays stopped)."""
    global _paused_here
    if gc.isenabled():
        gc.disable()
        _paused_here = True


def resume() -> None:
    """Collect as usual again; only what `pause` stopped is restarted, and only once."""
    global _paused_here
    if _paused_here:
        _paused_here = False
        gc.enable()
