"""Runs from the watch: reading FIT, GPX and TCX files into runs, Qt-free (issue 13).

Nothing here is loaded at start-up: the readers' libraries load when a file is imported.
"""
