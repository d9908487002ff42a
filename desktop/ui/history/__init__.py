"""The History screen: past sessions, their table model and keys."""
