"""Bringing runs into the log: files and folders, the window's batch, the watched folder."""
