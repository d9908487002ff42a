"""The command line, one module per family of sub-commands; `main` parses and dispatches."""
