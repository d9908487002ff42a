"""`python -m desktop` starts Cramproof exactly like the `cramproof` command."""

import sys

if getattr(sys, "frozen", False):
    # In the bundle the run importer's reading processes start as this program: let them read.
    import multiprocessing

    multiprocessing.freeze_support()

if sys.argv[1:] == ["--speech-process"]:  # the voice's own process (desktop.ui.alerts.voice)
    from desktop.ui.alerts.speaker import main as speak

    sys.exit(speak())

from desktop.app import main

sys.exit(main())
