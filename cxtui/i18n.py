"""English and Japanese strings. Every catalogue entry is an (en, ja) pair, so neither can be missing.

One catalogue per domain (and per shared layer) in `cxtui/locales/<name>.py`, as
`STRINGS = {"<name>.<area>.<item>": (en, ja)}`; they are merged on first use. Keys built at run time
come from families each catalogue declares (`FAMILIES = {"okr.kind": ("increase", ...)}`), so a
test can check that every key the code can ask for exists in both languages. Textual's own English
binding descriptions are a separate table (`translate_textual`), keyed by their English text.

The language defaults to the locale (`LANG=ja_JP...` gives Japanese); `--lang` overrides it. A
missing key returns the key itself, except in strict mode (on under pytest), where it raises.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping

LANGUAGES = ("en", "ja")
# The modules of cxtui/locales, named rather than discovered: pkgutil's import and directory scan
# cost ~2 ms of every start. tests/unit/test_i18n.py checks that the list is complete. Each one's
# name is the first part of its keys ("textual" is Textual's own table, see translate_textual).
CATALOG_MODULES = (
    "app", "cli", "common", "cycles", "db", "home", "importing", "kpi", "loyalty", "nps", "okr", "report",
    "review",
)  # fmt: skip
_language = "en"
# Raise on a missing key instead of showing it (tests turn this on: a typo fails the test).
STRICT = False


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


# Catalogues are loaded when a key of theirs is first asked for: a key's first part names its module
# ("home.panel.okr" is in cxtui/locales/home.py), so painting the first screen loads the few it
# uses, not all twelve (~8 ms of start-up).
_strings: dict[str, tuple[str, str]] = {}
_loaded: set[str] = set()


def _load(name: str) -> None:
    """Merge the catalogue `name` (once; names that are not catalogues are ignored)."""
    if name in _loaded or name not in CATALOG_MODULES:
        return
    module = importlib.import_module(f"cxtui.locales.{name}")
    for key, pair in module.STRINGS.items():
        if key in _strings:
            raise KeyError(f"string key {key!r} is defined twice (in {name})")
        _strings[key] = pair
    _loaded.add(name)


def catalog() -> dict[str, tuple[str, str]]:
    """Every string pair, merged from the locale modules (loaded once)."""
    for name in CATALOG_MODULES:
        _load(name)
    return _strings


def _lookup(key: str) -> tuple[str, str] | None:
    pair = _strings.get(key)
    if pair is None and key.partition(".")[0] not in _loaded:
        _load(key.partition(".")[0])
        pair = _strings.get(key)
    return pair


class MissingKeyError(KeyError):
    """A string key the catalogues do not have (raised in strict mode only)."""


def _pair(key: str) -> tuple[str, str] | None:
    pair = _lookup(key)
    if pair is None and STRICT:
        raise MissingKeyError(key)
    return pair


def t(key: str, /, **values: object) -> str:
    """The string for `key` in the current language, with `{name}` fields filled from `values`."""
    pair = _pair(key)
    if pair is None:
        return key
    text = pair[1] if _language == "ja" else pair[0]
    return text.format(**values) if values else text


def t_in(lang: str, key: str, /, **values: object) -> str:
    """The string for `key` in a given language, whatever the current one is."""
    pair = _pair(key)
    if pair is None:
        return key
    text = pair[1] if lang == "ja" else pair[0]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    """Whether the catalogues have `key`."""
    return _lookup(key) is not None


def translate_textual(text: str) -> str:
    """One of Textual's own English descriptions ("Scroll Up") in the current language."""
    if _language != "ja":
        return text
    from cxtui.locales.textual import TEXTUAL

    return TEXTUAL.get(text, text)
