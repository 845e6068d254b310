"""The string catalogs: language detection, both languages present, matching placeholders, no duplicates."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import string
from pathlib import Path

import pytest

from cxtui import locales
from cxtui.i18n import CATALOG_MODULES, catalog, detect_language, get_language, set_language, t, t_in


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),  # LC_ALL wins over LANG
        ({"LC_ALL": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "ja_JP.eucJP"}, "ja"),  # an empty variable is skipped
        ({"LANGUAGE": "ja"}, "ja"),
    ],
)
def test_detect_language(environ: dict[str, str], expected: str) -> None:
    assert detect_language(environ) == expected


def test_detect_language_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert detect_language() == "ja"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert detect_language() == "en"


def test_set_language_switches_t() -> None:
    set_language("ja")
    assert get_language() == "ja"
    assert t("report.band.green") == "緑"
    set_language("en")
    assert t("report.band.green") == "green"
    assert t_in("ja", "report.band.red") == "赤"
    with pytest.raises(ValueError):
        set_language("fr")


def test_catalog_modules_name_every_locale_module() -> None:
    found = sorted(info.name for info in pkgutil.iter_modules(locales.__path__))
    assert list(CATALOG_MODULES) == found


def test_unknown_key_falls_back_to_the_key() -> None:
    assert t("no.such.key") == "no.such.key"


def test_every_pair_has_english_and_japanese() -> None:
    problems = [
        key
        for key, pair in catalog().items()
        if not (
            isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(s, str) and s.strip() for s in pair)
        )
    ]
    assert problems == []


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_placeholders_match_in_both_languages() -> None:
    mismatched = {
        key: (sorted(_fields(en)), sorted(_fields(ja)))
        for key, (en, ja) in catalog().items()
        if _fields(en) != _fields(ja)
    }
    assert mismatched == {}


def test_strings_format_with_their_placeholders() -> None:
    for _key, (en, ja) in catalog().items():
        values = {name: "x" for name in _fields(en) | _fields(ja) if name.isidentifier()}
        en.format(**values)
        ja.format(**values)


def test_no_key_defined_twice() -> None:
    # A dict literal silently keeps the last of two equal keys, so read the source, not the dict.
    seen: dict[str, str] = {}
    duplicates: list[str] = []
    for info in pkgutil.iter_modules(locales.__path__):
        module = importlib.import_module(f"cxtui.locales.{info.name}")
        assert module.__file__ is not None
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                for key in node.keys:
                    if isinstance(key, ast.Constant) and isinstance(key.value, str):
                        if key.value in seen:
                            duplicates.append(f"{key.value} ({seen[key.value]} and {info.name})")
                        seen[key.value] = info.name
    assert duplicates == []


def test_report_and_check_keys_are_prefixed() -> None:
    from cxtui.locales import report

    assert all(k.startswith(("report.", "check.", "cli.")) for k in report.STRINGS)
    assert "cli.demo_written" not in report.STRINGS
