"""Allow `python -m cxtui`."""

from cxtui.cli import main

main()
