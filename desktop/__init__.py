"""Cramproof desktop app: Qt views over a Qt-free domain and session layer."""

__version__ = "0.1.0"
