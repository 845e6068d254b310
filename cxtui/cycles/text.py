"""How a cycle's numbers read, the same in the CLI, the report and the screens:
`Walk-aways 42 → 26 people (−16, better)`, or what is missing."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cxtui.cycles.models import Cycle
from cxtui.format import number, with_unit
from cxtui.i18n import t

if TYPE_CHECKING:
    # Only for the type: the dashboard shows status texts without loading the before/after code.
    from cxtui.cycles.metrics import BeforeAfter


def value_text(value: float | None, unit: str) -> str:
    """A value with its unit, or a dash."""
    return "—" if value is None else with_unit(value, unit)


def pair_text(pair: BeforeAfter) -> str:
    """`before → after (change, better|worse)`, or the values known and what is missing."""
    unit = pair.kpi.unit
    before = value_text(None if pair.before is None else pair.before.value, unit)
    after = value_text(None if pair.after is None or pair.missing else pair.after.value, unit)
    text = f"{before} → {after}"
    if pair.missing is not None:
        return f"{text} ({t(f'cycles.missing.{pair.missing}')})"
    if pair.change is not None:
        sign = "+" if pair.change.delta > 0 else ""
        verdict = t(f"cycles.verdict.{pair.change.verdict}")
        text += f" ({sign}{number(pair.change.delta)}, {verdict})"
    return text


def dates_text(cycle: Cycle) -> str:
    """`2026-11-16 – 2026-11-29 (14 days)`."""
    return t("cycles.text.dates", start=cycle.start.isoformat(), end=cycle.end.isoformat(), days=cycle.days)


def status_text(cycle: Cycle, today: date) -> str:
    """The state in words, with days left for a running cycle and a flag for an overdue one."""
    text = t(f"cycles.state.{cycle.state.value}")
    if cycle.overdue(today):
        return f"{text} · ⚑ {t('cycles.text.overdue', days=(today - cycle.end).days)}"
    if cycle.state.value == "running":
        return f"{text} · {t('cycles.text.days_left', days=cycle.days_left(today))}"
    return text
