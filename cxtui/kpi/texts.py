"""How a KPI's numbers read, once for the cards, the CLI and the report: a value with its unit, the
change marked with ▲/▼ and a word (better / worse by the KPI's direction), the distance to the
target, the cadence and whether a value is due, and a sparkline of the series."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cxtui.format import number, points, with_unit
from cxtui.i18n import t
from cxtui.kpi.metrics import Change, Distance
from cxtui.kpi.models import Kpi, Source

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """User text on one line for a terminal: whitespace runs made one space, control characters
    (an escape sequence typed or imported into a note) dropped."""
    return _CONTROL.sub("", " ".join(text.split()))


ARROWS = {"up": "▲", "down": "▼", "flat": "="}
SPARKS = "▁▂▃▄▅▆▇█"


def value_text(kpi: Kpi, value: float | None) -> str:
    """The value with the KPI's unit (`16 人`, `47%`); an NPS reads as signed points (`+27`)."""
    if value is None:
        return "—"
    if kpi.source is Source.nps:
        return f"{points(value)} {kpi.unit}".strip()
    return with_unit(value, kpi.unit)


def signed(delta: float) -> str:
    """A change as a signed number: `+2`, `-0.3`, `0`."""
    text = number(delta)
    return text if text.startswith("-") or text == "0" else f"+{text}"


def change_text(moved: Change | None, kpi: Kpi | None = None) -> str:
    """`▼ -2 better`: arrow, signed change and what it means for this KPI; '' without a previous value.

    An NPS KPI's change reads in whole points (`▲ +18 better`), as NPS itself does.
    """
    if moved is None:
        return ""
    delta = points(moved.delta) if kpi is not None and kpi.source is Source.nps else signed(moved.delta)
    return f"{ARROWS[moved.trend]} {delta} {t(f'kpi.verdict.{moved.verdict}')}"


def distance_text(kpi: Kpi, gap: Distance | None) -> str:
    """`target 15 · 1 to go` or `target 15 · reached ✓`; '' without a target."""
    if kpi.target is None:
        return ""
    target = t("kpi.card.target", target=value_text(kpi, kpi.target))
    if gap is None:
        return target
    if gap.reached:
        return f"{target} · {t('kpi.card.reached')}"
    return f"{target} · {t('kpi.card.to_go', gap=number(abs(gap.gap)))}"


def cadence_text(kpi: Kpi) -> str:
    """The cadence as a word (weekly / right after / next week / monthly)."""
    return t(f"kpi.cadence.{kpi.cadence.value}")


def due_text(kpi: Kpi, due: bool) -> str:
    """`due ●` when a value is wanted now, `✓ up to date` when not, the source for derived KPIs."""
    if kpi.source is not Source.typed:
        return t(f"kpi.card.from_{kpi.source.value}")
    return t("kpi.card.due") if due else t("kpi.card.up_to_date")


def layer_text(layer: str) -> str:
    """A layer's name (行動, Behaviour...)."""
    return t(f"kpi.layer.{layer}")


def sparkline(values: Sequence[float], width: int) -> str:
    """The last `width` values as block characters, lowest to highest of what is shown."""
    shown = list(values)[-width:] if width > 0 else []
    if not shown:
        return ""
    low, high = min(shown), max(shown)
    if high - low < 1e-12:
        return SPARKS[3] * len(shown)
    top = len(SPARKS) - 1
    return "".join(SPARKS[round((v - low) / (high - low) * top)] for v in shown)
