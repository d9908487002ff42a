"""The Progress screen and its charts."""
