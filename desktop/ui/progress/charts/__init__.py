"""The Progress screen's charts, one module per chart; importing this package loads pyqtgraph.

pyqtgraph picks its Qt binding at import: it must be PySide6, the binding the rest of the app
uses, whatever else happens to be installed.
"""

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
