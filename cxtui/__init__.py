"""cxtui core: models, store, metrics, importers, demo data, i18n and the CLI (never imports textual)."""

__version__ = "0.1.0"
