"""Cramproof desktop app: Qt views over a Qt-free domain and session layer."""

__version__ = "0.1.0"
# Reverse-DNS id: desktop entry, icon name, AppStream metainfo and the Wayland app id.
APP_ID = "org.cramproof.Cramproof"
