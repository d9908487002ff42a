"""Cramproof storage: SQLite through sqlite-utils. No Qt, no desktop imports."""
