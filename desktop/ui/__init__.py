"""Qt widgets and adapters: the only place PySide6 and pyqtgraph are imported."""
