"""`cxtui FILE` (with or without --lang) opens the TUI without going through click; the rest goes to click."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import cxtui.cli
import screens.launch as entry


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["ws.cxtui"], ("ws.cxtui", None)),
        (["--lang", "ja", "ws.cxtui"], ("ws.cxtui", "ja")),
        (["ws.cxtui", "--lang", "en"], ("ws.cxtui", "en")),
        (["--lang=ja", "ws.cxtui"], ("ws.cxtui", "ja")),
        ([], None),
        (["demo"], None),
        (["--lang", "ja", "demo"], None),
        (["check", "ws.cxtui"], None),
        (["--help"], None),
        (["--version"], None),
        (["--lang", "fr", "ws.cxtui"], None),
        (["--lang", "ja", "--lang", "en", "ws.cxtui"], None),
        (["ws.cxtui", "other.cxtui"], None),
        (["--lang"], None),
        (["ws.cxtui", "--lang"], None),
    ],
)
def test_plain_open_recognises_only_a_file_and_a_language(
    args: list[str], expected: tuple[str, str | None] | None
) -> None:
    assert entry.plain_open(args) == expected


def test_main_runs_the_tui_directly_for_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[Path | None, str]] = []
    monkeypatch.setattr(entry, "run_tui", lambda path, lang: opened.append((path, lang)))
    monkeypatch.setattr(cxtui.cli, "main", lambda args, run_tui: pytest.fail(f"click ran for {args}"))
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    entry.main(["ws.cxtui"])
    entry.main(["--lang", "en", "ws.cxtui"])
    assert opened == [(Path("ws.cxtui"), "ja"), (Path("ws.cxtui"), "en")]


def test_main_hands_everything_else_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[Any] = []
    monkeypatch.setattr(entry, "run_tui", lambda path, lang: pytest.fail("the TUI ran"))
    monkeypatch.setattr(cxtui.cli, "main", lambda args, run_tui: handed.append(args))
    entry.main(["--lang", "fr", "ws.cxtui"])
    entry.main(["check", "ws.cxtui"])
    assert handed == [["--lang", "fr", "ws.cxtui"], ["check", "ws.cxtui"]]


def test_the_fast_path_knows_every_command() -> None:
    assert set(cxtui.cli.cli.commands) == entry.COMMANDS
