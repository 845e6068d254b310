"""The string catalogs: language detection, both languages present, matching placeholders, no duplicates."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

from cxtui import i18n, locales
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
    assert t("okr.report.band.green") == "緑"
    set_language("en")
    assert t("okr.report.band.green") == "green"
    assert t_in("ja", "okr.report.band.red") == "赤"
    with pytest.raises(ValueError):
        set_language("fr")


def test_catalog_modules_name_every_locale_module() -> None:
    found = sorted(info.name for info in pkgutil.iter_modules(locales.__path__))
    assert [*CATALOG_MODULES, "textual"] == found


def test_unknown_key_falls_back_to_the_key_outside_strict_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "STRICT", False)
    assert t("no.such.key") == "no.such.key"


def test_unknown_key_raises_under_pytest() -> None:
    with pytest.raises(i18n.MissingKeyError):
        t("okr.screen.no_such_key")


def test_every_key_is_prefixed_by_its_catalogue_and_has_an_area() -> None:
    for name in CATALOG_MODULES:
        module = importlib.import_module(f"cxtui.locales.{name}")
        wrong = [k for k in module.STRINGS if not k.startswith(f"{name}.") or k.count(".") < 2]
        assert wrong == [], name


_SOURCES = [*Path("cxtui").rglob("*.py"), *Path("screens").rglob("*.py")]
_PREFIXES = "|".join(CATALOG_MODULES)
# A literal key ("okr.kind.increase"), or the literal start of a key built at run time (f"okr.kind.{...}").
_LITERAL = re.compile(
    rf"""(?P<f>[fF]?)(?P<q>["'])(?P<key>(?:{_PREFIXES})\.[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+\.?|(?:{_PREFIXES})\.[a-z_]+\.[a-z0-9_]*_)(?P<end>\{{|(?P=q)|\|)"""
)


def _families() -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for name in CATALOG_MODULES:
        found.update(getattr(importlib.import_module(f"cxtui.locales.{name}"), "FAMILIES", {}))
    return found


def test_every_key_the_code_uses_exists_in_both_languages() -> None:
    keys = catalog()
    families = _families()
    missing, undeclared = [], []
    for path in _SOURCES:
        if "locales" in path.parts:
            continue
        for match in _LITERAL.finditer(path.read_text(encoding="utf-8")):
            key = match["key"]
            if match["end"] == "{" or key.endswith((".", "_")):
                if key not in families:
                    undeclared.append(f"{path}: {key}")
            elif key not in keys and not {f"{key}.one", f"{key}.other"} <= keys.keys():
                missing.append(f"{path}: {key}")
    assert missing == []
    assert undeclared == []


def test_every_family_member_exists() -> None:
    keys = catalog()
    absent = [
        prefix + name for prefix, names in _families().items() for name in names if prefix + name not in keys
    ]
    assert absent == []


def test_families_match_the_values_they_stand_for() -> None:
    from cxtui.nps.categories import CATEGORIES
    from cxtui.nps.models import FOLLOWUP_STATUSES, GRAINS
    from cxtui.okr.models import Band, Confidence, KRKind

    families = _families()
    assert set(families["okr.kind."]) == {k.value for k in KRKind} == set(families["okr.kind_help."])
    assert set(families["okr.confidence."]) == {c.value for c in Confidence}
    assert set(families["okr.report.band."]) == {b.value for b in Band}
    assert set(families["nps.cat."]) == set(CATEGORIES)
    assert set(families["nps.status."]) == set(FOLLOWUP_STATUSES)
    assert set(families["nps.grain."]) == set(GRAINS)


def test_every_domain_names_itself_and_its_tables() -> None:
    from cxtui.domains import DOMAINS

    for domain in DOMAINS:
        assert i18n.has(f"{domain.name}.domain.name")
        assert all(i18n.has(f"{domain.name}.domain.{table}") for table in domain.tables)


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


def test_every_field_of_every_stored_model_has_a_label() -> None:
    # Validation errors name the field at fault by its label (common.field.<name>).
    import dataclasses

    from cxtui.domains import parts
    from cxtui.models import Record

    def subclasses(cls: type) -> list[type]:
        return [c for s in cls.__subclasses__() for c in (s, *subclasses(s))]

    assert len(parts("models")) >= 4  # every domain's models are loaded
    missing = {
        f"{model.__name__}.{field.name}"
        for model in subclasses(Record)
        for field in dataclasses.fields(model)
        if not i18n.has(f"common.field.{field.name}")
    }
    assert missing == set()
