"""The NPS user interface: the NPS screen, its widgets and its dialogs."""
