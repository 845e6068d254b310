"""Shared persistence: the store, undo journal, workspace opening, migrations and check."""
