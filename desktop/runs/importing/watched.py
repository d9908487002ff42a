"""The watched folder: a sync folder (or a watch's) whose new runs import without being asked.

Stored per athlete in the log's settings, because the runs in it belong to one runner: on a
laptop shared by two, each has their own, and switching athlete switches the folder. Off until
chosen. Alongside it, when it was last looked at, so a start imports only the files that arrived
or changed since (not the whole folder, decoded again every start).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from db.records import from_utc_text, utc_text
from db.settings import get_setting, set_setting
from db.store import Store

FOLDER = "runs.watched_folder"
CHECKED_AT = "runs.watched_checked_at"
# Each folder watched takes one of the user's inotify watches (8192 on many systems, shared by
# every program): a sync folder nested by year and month has a few dozen; more is not a runs
# folder, and the import still walks it all when the top one changes.
MOST_FOLDERS = 500


def folders_to_watch(folder: Path) -> list[Path]:
    """The folder and the folders inside it (a sync folder nests by year and month), top first,
    at most MOST_FOLDERS. Symbolic links are not followed: a link back up the tree (a loop) or
    to another disk is not watched, as the import does not read through them either."""
    found: list[Path] = []
    for root, folders, _files in os.walk(folder, followlinks=False):
        found.append(Path(root))
        if len(found) >= MOST_FOLDERS:
            break
        folders.sort()
    return found


def watched_folder(store: Store, athlete_id: int) -> Path | None:
    """The athlete's watched folder, None when none is chosen (the default)."""
    stored = get_setting(store, FOLDER, athlete_id=athlete_id)
    return Path(stored) if stored else None


def watch_folder(store: Store, athlete_id: int, folder: Path | None) -> str:
    """Choose the folder to watch (None: stop watching); the line to show. A folder chosen anew
    is read whole the first time."""
    if folder is not None and not folder.is_dir():
        return f"{folder} is not a folder: nothing is watched."
    set_setting(store, FOLDER, None if folder is None else str(folder), athlete_id=athlete_id)
    set_setting(store, CHECKED_AT, None, athlete_id=athlete_id)
    if folder is None:
        return "No folder is watched for runs any more."
    return f"Watching {folder} for new runs."


def checked_at(store: Store, athlete_id: int) -> datetime | None:
    """When the watched folder was last read through; None: never (read it whole)."""
    stored = get_setting(store, CHECKED_AT, athlete_id=athlete_id)
    try:
        return from_utc_text(stored) if stored else None
    except ValueError:
        return None  # a damaged value: read the folder whole, which adds nothing twice


def mark_checked(store: Store, athlete_id: int, at: datetime) -> None:
    """The folder was read through as of `at` (when that reading began)."""
    set_setting(store, CHECKED_AT, utc_text(at), athlete_id=athlete_id)
