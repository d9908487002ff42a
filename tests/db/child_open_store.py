"""Child process for the permission tests: open the store once, print the outcome as JSON.

Run as `python child_open_store.py <data_dir>`; it never raises, so the parent always gets a line.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from db.errors import StoreError
from db.store import open_store


def main(data_dir: Path) -> None:
    now = datetime(2025, 3, 2, 7, 0, tzinfo=UTC)
    try:
        store = open_store(data_dir / "cramproof.db", backups_dir=data_dir / "backups", now=now)
    except StoreError as error:
        outcome = {"error": type(error).__name__, "message": error.message}
    else:
        store.close()
        outcome = {"error": None, "message": ""}
    print(json.dumps(outcome), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
