"""``python -m desktop`` runs MiniTicker."""

import sys

from desktop.app import main

sys.exit(main())
