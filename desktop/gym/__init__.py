"""The gym session use case: starting, logging sets, rests, changes and finishing. No Qt."""
