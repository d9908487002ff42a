"""The build-up's rules: weeks from race day, days, exercises, the second day's gate."""
