"""The 15-minute weekly review: a guided flow from one key."""
