"""Which session gym mode opens: today's, or one a crash left open; the bar and plates."""
