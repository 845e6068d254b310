"""Modal dialogs: each returns a value (a model, a bool) or None when cancelled."""
