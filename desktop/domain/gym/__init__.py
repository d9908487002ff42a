"""A gym session's rules: its sets, what is typed, the words shown, progression."""
