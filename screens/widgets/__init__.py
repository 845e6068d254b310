"""Self-contained widgets: they take models, never touch the store, and report intent by messages."""
