"""The core never imports textual: the CLI, report and check stay fast and usable without a terminal UI."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import cxtui

CODE = """
import importlib, json, sys
for name in {modules!r}:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def _textual_after_importing(modules: list[str]) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", CODE.format(modules=modules)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_entry_modules_do_not_import_textual() -> None:
    modules = ["cxtui.cli", "cxtui.db.store", "cxtui.report", "cxtui.db.check", "cxtui.okr.tree"]
    assert _textual_after_importing(modules) == []


def test_no_cxtui_module_imports_textual() -> None:
    modules = sorted(
        info.name
        for info in pkgutil.walk_packages(cxtui.__path__, prefix="cxtui.")
        if info.name != "cxtui.__main__"
    )
    assert len(modules) >= 10
    assert _textual_after_importing(modules) == []


def test_the_check_itself_sees_textual() -> None:
    # Guard against a vacuous pass: importing a module that does use textual must show up.
    assert "textual" in _textual_after_importing(["textual"])
