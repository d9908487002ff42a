"""`python -m desktop` starts Cramproof exactly like the `cramproof` command."""

import sys

if sys.argv[1:] == ["--speech-process"]:  # the voice's own process (desktop.ui.alerts.voice)
    from desktop.ui.alerts.speaker import main as speak

    sys.exit(speak())

from desktop.app import main

sys.exit(main())
