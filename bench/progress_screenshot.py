"""The README's Progress screenshot: 8 weeks into a build-up, rendered offscreen at 1366×768.

`python -m bench.progress_screenshot packaging/screenshots/progress.png`
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from bench.synthetic import populate
from db.store import open_store
from desktop.progress.series import ProgressSource

SIZE = (1366, 768)


def render(out: Path, *, today: date | None = None) -> Path:
    """Generate the history in a scratch folder and save the screen to `out`."""
    app = QApplication.instance() or QApplication([])
    today = today or date.today()
    now = datetime.combine(today, time(19, 30)).astimezone(UTC)
    from desktop.ui.progress.view import ProgressView

    with tempfile.TemporaryDirectory(prefix="cramproof-screenshot-") as scratch:
        populate(Path(scratch), today=today)
        path = Path(scratch, "cramproof.db")
        with open_store(path, backups_dir=Path(scratch, "backups"), now=now) as store:
            view = ProgressView(ProgressSource(store, now=lambda: now))
            view.resize(*SIZE)
            view.show()
            app.processEvents()
            view.grab().save(str(out))
            view.close()
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "packaging/screenshots/progress.png")
    print(render(target))
