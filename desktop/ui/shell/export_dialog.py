"""Export from the menu: ask where and in which format, then write the athlete's log."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from db.errors import StoreError
from db.store import Store
from desktop.export.exporter import Format, export_current

log = logging.getLogger(__name__)

FILTERS: dict[str, Format] = {
    "Cramproof JSON, everything in one file (*.json)": "json",
    "CSV tables: sessions, sets, cramp reports (*.csv)": "csv",
    "Strong-compatible CSV, for other lifting apps (*.csv)": "strong",
}


def export_with_dialog(parent: QWidget, store: Store, *, now: Callable[[], datetime]) -> str | None:
    """Ask for a file and a format and export; returns the message to show, None if cancelled."""
    moment = now()
    suggested = Path.home() / f"cramproof-{moment.astimezone():%Y-%m-%d}.json"
    name, chosen = QFileDialog.getSaveFileName(
        parent, "Export training log", str(suggested), ";;".join(FILTERS)
    )
    if not name:
        return None
    return export_to(store, fmt=FILTERS.get(chosen, "json"), out=Path(name), now=moment)


def export_to(store: Store, *, fmt: Format, out: Path, now: datetime) -> str:
    """Export and describe the outcome in one line, failures included (nothing is raised)."""
    suffix = ".json" if fmt == "json" else ".csv"
    if out.suffix.lower() != suffix:
        out = out.with_suffix(suffix)
    try:
        return export_current(store, fmt=fmt, out=out, now=now)
    except LookupError as error:
        return str(error)
    except StoreError as error:
        return error.message
    except OSError as error:
        log.warning("Export to %s failed: %s", out, error)
        return f"Could not write {out}: {error.strerror or error}. Nothing was exported."
