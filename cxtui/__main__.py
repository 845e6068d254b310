"""Allow `python -m cxtui`."""

from cxtui.launch import main

main()
