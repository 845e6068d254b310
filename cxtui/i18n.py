"""English and Japanese strings. Every catalog entry is a (en, ja) pair, so neither can be missing.

Catalogs live in `cxtui/locales/*.py` as `STRINGS = {key: (en, ja)}` and are merged on first use.
The language defaults to the locale (`LANG=ja_JP...` gives Japanese); `--lang` overrides it.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping

LANGUAGES = ("en", "ja")
# The modules of cxtui/locales, named rather than discovered: pkgutil's import and directory scan
# cost ~2 ms of every start. tests/unit/test_i18n.py checks that the list is complete.
CATALOG_MODULES = (
    "actions",
    "demo",
    "fields",
    "nps",
    "nps_answers",
    "nps_dialogs",
    "nps_import",
    "nps_screen",
    "nps_ui",
    "report",
    "textual_keys",
    "ui",
    "workspace",
)
_language = "en"
_catalog: dict[str, tuple[str, str]] | None = None


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for: 'ja' for a Japanese locale, else 'en'."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def set_language(lang: str) -> None:
    """Switch every later `t()` call to `lang` ('en' or 'ja')."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    _language = lang


def get_language() -> str:
    """The language `t()` currently speaks."""
    return _language


def catalog() -> dict[str, tuple[str, str]]:
    """Every string pair, merged from the locale modules (loaded once)."""
    global _catalog
    if _catalog is None:
        merged: dict[str, tuple[str, str]] = {}
        for name in CATALOG_MODULES:
            module = importlib.import_module(f"cxtui.locales.{name}")
            for key, pair in module.STRINGS.items():
                if key in merged:
                    raise KeyError(f"string key {key!r} is defined twice (in {name})")
                merged[key] = pair
        _catalog = merged
    return _catalog


def t(key: str, /, **values: object) -> str:
    """The string for `key` in the current language, with `{name}` fields filled from `values`."""
    pair = catalog().get(key)
    if pair is None:
        return key
    text = pair[1] if _language == "ja" else pair[0]
    return text.format(**values) if values else text


def t_in(lang: str, key: str, /, **values: object) -> str:
    """The string for `key` in a given language, whatever the current one is."""
    pair = catalog().get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "ja" else pair[0]
    return text.format(**values) if values else text
