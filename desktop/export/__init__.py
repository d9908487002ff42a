"""Exporting the log: CSV, JSON and Strong-compatible CSV. No Qt."""
