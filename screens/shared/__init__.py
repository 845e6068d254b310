"""What every screen shares: the workspace screen base, form dialog, confirm, help, start, small widgets."""
