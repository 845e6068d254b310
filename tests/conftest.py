"""Hermetic tests: fixed today, fixed language, no user data directory touched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cxtui.i18n import set_language

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def hermetic(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point cxtui's data dir at a temp folder, fix today and the locale, English by default."""
    data = tmp_path_factory.mktemp("cxtui-data")
    monkeypatch.setenv("CXTUI_DATA_DIR", str(data))
    monkeypatch.setenv("CXTUI_TODAY", TODAY.isoformat())
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("LANGUAGE", raising=False)
    set_language("en")


@pytest.fixture
def workspace_path(tmp_path: Path) -> Path:
    """A path for a new workspace file in a temp folder."""
    return tmp_path / "ws.cxtui"


@pytest.fixture(autouse=True)
def strict_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    """A string key the catalogues lack fails the test instead of showing the key."""
    from cxtui import i18n

    monkeypatch.setattr(i18n, "STRICT", True)
