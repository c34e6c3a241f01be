"""``python -m logikmodell``."""

import sys

from logikmodell.cli import main

sys.exit(main())
