"""The plan use cases: planning, reading the plan back, its rows, preview and iCalendar. No Qt."""
