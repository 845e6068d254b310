"""home strings (the dashboard, the first screen of a workspace): (English, Japanese) for every key
`home.<area>.<name>`."""

STRINGS: dict[str, tuple[str, str]] = {}
