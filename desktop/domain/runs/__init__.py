"""Runs from the watch: late-run figures, climb, the run a double day hangs on."""
