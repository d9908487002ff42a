"""Ending a session: the note, the cramp report, the light session's time that day."""
