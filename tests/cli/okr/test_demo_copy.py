"""`cxtui demo` opens the user's own demo copy: a rehearsal in it survives the next `cxtui demo`;
`--reset` rebuilds it, after asking (or with `--yes`)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from cxtui import paths
from cxtui.cli import main
from cxtui.db.store import Store
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import Objective

MARK = "Rehearsal: what the client said in the workshop"


def _rehearse(path: Path | None, lang: str) -> None:
    """A fake TUI: the consultant adds an objective to the demo, then quits."""
    assert path is not None
    with Store.open(path) as store:
        q1 = okr_periods.periods(store)[0]
        okr.save_objective(store, Objective(period_id=q1.id, title=MARK))


def _titles(path: Path) -> set[str]:
    with Store.open(path) as store:
        return {o.title for p in okr_periods.periods(store) for o in okr.objectives(store, p.id)}


def test_a_change_made_in_the_demo_survives_cxtui_demo_again(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[Path | None, str]] = []

    def look(path: Path | None, lang: str) -> None:
        opened.append((path, lang))

    main(["demo", "--lang", "en"], run_tui=_rehearse)
    assert "Demo workspace:" in capsys.readouterr().err  # built on first use
    demo = paths.demo_path("en")
    assert MARK in _titles(demo)

    main(["demo", "--lang", "en"], run_tui=look)
    assert opened == [(demo, "en")]
    assert "Your demo workspace:" in capsys.readouterr().err  # reopened, not rebuilt
    assert MARK in _titles(demo)

    # --reset asks first; "no" keeps the rehearsal.
    monkeypatch.setattr(click, "confirm", lambda *args, **kwargs: False)
    main(["demo", "--lang", "en", "--reset"], run_tui=look)
    assert MARK in _titles(demo)

    main(["demo", "--lang", "en", "--reset", "--yes"], run_tui=look)
    titles = _titles(demo)
    assert MARK not in titles and "Maximise customer success" in titles


def test_each_language_has_its_own_copy() -> None:
    main(["demo", "--lang", "en"], run_tui=_rehearse)
    main(["demo", "--lang", "ja"], run_tui=lambda path, lang: None)
    assert MARK in _titles(paths.demo_path("en"))
    assert MARK not in _titles(paths.demo_path("ja"))
