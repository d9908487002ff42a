"""`python -m desktop` starts Cramproof exactly like the `cramproof` command."""

import sys

from desktop.app import main

sys.exit(main())
