"""The History screen's data: past sessions, edits to them and their undo. No Qt."""
