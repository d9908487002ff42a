"""Another program's folder holding an SQLite file named like our log, and a snapshot of a
folder to show it was left as it was (the CLI tests and the window's journey share both)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

FolderState = dict[str, tuple[int, int, int, bytes]]


def foreign_folder(folder: Path, journal: str) -> Path:
    """Its SQLite file (with a table named like one of ours), closed cleanly, in `journal` mode
    (WAL, as browsers and many apps keep theirs, or a rollback journal), and a note of its own."""
    folder.mkdir()
    conn = sqlite3.connect(folder / "cramproof.db")
    conn.execute(f"PRAGMA journal_mode={journal}")
    with conn:
        conn.execute("CREATE TABLE sets (id INTEGER PRIMARY KEY, kg REAL)")
        conn.execute("INSERT INTO sets (kg) VALUES (20.0)")
    conn.close()
    (folder / "notes.txt").write_text("theirs\n")
    return folder


def folder_state(folder: Path) -> FolderState:
    """Every entry's mode, size, mtime and content, and the folder's own mode and mtime."""
    state = {".": (folder.stat().st_mode, 0, folder.stat().st_mtime_ns, b"")}
    for entry in sorted(folder.rglob("*")):
        info = entry.lstat()
        content = entry.read_bytes() if entry.is_file() else b""
        state[str(entry.relative_to(folder))] = (
            info.st_mode,
            info.st_size,
            info.st_mtime_ns,
            content,
        )
    return state
