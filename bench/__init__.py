"""Benchmarks that print numbers. `python -m bench` runs them all; `python -m bench NAME ...`
runs some (NAME is a module here, such as charts or startup).

A benchmark is a module with `run(**options) -> list[tuple[str, str]]` returning (measure,
figure) rows; figures carry their baseline measured in the same run. Helpers without `run`
(the synthetic history generator, X11 helpers) are skipped.
"""
