"""Dialogs the gym screen opens: discarding an empty session, the equipment, the light-session
reminder (the last two on one checked form)."""
