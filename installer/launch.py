"""The bundle's entry point: the same ``main`` as ``python -m agent_app``."""

import sys

from agent_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
