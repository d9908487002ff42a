"""Fixtures for the window tests: `run_cramproof` starts Cramproof through its composition root."""

from tests.ui.started_app import run_cramproof

__all__ = ["run_cramproof"]
