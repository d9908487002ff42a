"""Cramproof storage: SQLite through sqlite-utils. No Qt, no desktop imports.

Start with `db.store.open_store`, which checks, moves damage aside, refuses files from a newer
version, backs up and migrates, and returns the `Store` every query function takes first:
athletes, settings, exercises, plans (with plan_choices), sessions (one commit per set) and
checkins. Values go in and come out as the frozen dataclasses of `db.records`; no SQL lives
outside this package. Failures the runner can act on are `db.errors.StoreError` subclasses with
a plain-language `.message`.

sqlite-utils is imported when the first write or migration needs it, never by importing this
package: the reads that put the log on screen at start-up use the plain sqlite3 connection
(`db.connection.read_rows`), and `db.sqlite_utils_compat` imports sqlite-utils without numpy.
"""
