"""``python -m crosstrack.cli``."""

import sys

from crosstrack.cli import main

sys.exit(main())
