"""Reading one activity file: FIT, GPX and TCX, safely, into a plausible `Run`."""
