"""Is it being done: planned sessions matched to logged ones, adherence, chart numbers."""
