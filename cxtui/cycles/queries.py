"""Light reads of learning cycles (only the models and the store): what the home dashboard needs
before its first paint. `cxtui.cycles.repo` has everything else."""

from __future__ import annotations

from datetime import date

from cxtui.cycles.models import Cycle
from cxtui.db.store import Store


def running(store: Store) -> list[Cycle]:
    """Running cycles, the one ending first first."""
    return store.models(Cycle, "SELECT * FROM cycles WHERE state = 'running' ORDER BY \"end\", start")


def due_for_review(store: Store, today: date) -> list[Cycle]:
    """Cycles that have ended (on or before today) and are not reviewed yet, oldest end first."""
    return store.models(
        Cycle,
        'SELECT * FROM cycles WHERE state <> \'reviewed\' AND "end" <= ? ORDER BY "end", start',
        [today.isoformat()],
    )
