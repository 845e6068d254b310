"""String catalogs: one module per area, each exporting STRINGS = {key: (english, japanese)}."""
