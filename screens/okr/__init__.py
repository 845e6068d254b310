"""The OKR screen: the tree of a period, the detail pane, and its dialogs."""
