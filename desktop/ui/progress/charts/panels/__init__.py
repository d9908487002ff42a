"""The Progress screen's charts, one module each, their panel, what they share."""
