"""The home dashboard: the first screen of a workspace."""
