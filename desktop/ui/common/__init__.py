"""Pieces every screen shares: theme, window state, icon, Qt start-up workarounds."""
