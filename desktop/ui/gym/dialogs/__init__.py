"""Dialogs the gym screen opens: discarding an empty session, the equipment."""
