"""Runs from the watch in the window: importing them (menu, drop, watched folder)."""
