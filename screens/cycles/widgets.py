"""How cycles read on the board, in the detail pane and in the learning log (Rich Text; user text is
appended as plain text, never parsed as markup)."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from cxtui.cycles.metrics import BeforeAfter
from cxtui.cycles.models import Cycle, CycleState
from cxtui.cycles.text import dates_text, pair_text, status_text
from cxtui.i18n import t
from cxtui.kpi.models import Evidence

STATE_MARK = {CycleState.planned: "○", CycleState.running: "▶", CycleState.reviewed: "✓"}


def card(cycle: Cycle, today: date) -> Text:
    """A board card: the title (⚑ when past its end and not reviewed) and its dates or days left."""
    text = Text(no_wrap=True, overflow="ellipsis")
    if cycle.overdue(today):
        text.append("⚑ ", style="bold red")
    text.append(cycle.title, style="bold")
    text.append("\n")
    when = f"{cycle.start.isoformat()[5:]} – {cycle.end.isoformat()[5:]}"
    if cycle.overdue(today):
        when += f" · {t('cycles.board.overdue')}"
    elif cycle.state is CycleState.running:
        when += f" · {t('cycles.text.days_left', days=cycle.days_left(today))}"
    text.append(when, style="dim")
    return text


def _field(name: str, value: str) -> Text:
    line = Text(f"{name}: ", style="dim")
    line.append(value or "—")
    return line


def detail(
    cycle: Cycle,
    pairs: list[BeforeAfter],
    evidence: list[Evidence],
    today: date,
    previous: Cycle | None = None,
) -> Text:
    """Everything about one cycle: its one hypothesis and one change, the KPIs before → after, the
    evidence captured in it, the learning and the next step."""
    head = Text(f"{STATE_MARK[cycle.state]} ", style="bold")
    head.append(cycle.title, style="bold")
    head.append(f"   {status_text(cycle, today)}", style="red" if cycle.overdue(today) else "dim")
    lines = [head, Text(dates_text(cycle), style="dim")]
    if previous is not None:
        lines.append(_field(t("cycles.detail.from"), previous.title))
    lines += [
        _field(t("common.field.hypothesis"), cycle.hypothesis),
        _field(t("common.field.change"), cycle.change),
    ]
    if pairs:
        lines.append(Text(t("cycles.detail.numbers"), style="bold"))
        for pair in pairs:
            if cycle.state is CycleState.planned and cycle.start > today:
                now = "—" if pair.before is None else pair_text(pair).split(" → ")[0]
                lines.append(_field(f"  {pair.kpi.name}", t("cycles.detail.now", value=now)))
            else:
                lines.append(_field(f"  {pair.kpi.name}", pair_text(pair)))
    else:
        lines.append(Text(t("cycles.detail.no_kpis"), style="dim"))
    if evidence:
        lines.append(Text(t("cycles.detail.evidence", n=len(evidence)), style="bold"))
        for item in evidence[:5]:
            line = Text(f"  {item.date.isoformat()} ", style="dim")
            line.append("“" + item.quote + "”")
            if item.scene:
                line.append(f"  {item.scene}", style="dim")
            lines.append(line)
    if cycle.learning or cycle.state is CycleState.reviewed:
        lines.append(_field(t("common.field.learning"), cycle.learning))
    if cycle.next_step or cycle.state is CycleState.reviewed:
        lines.append(_field(t("cycles.editor.next_step"), cycle.next_step))
    return Text("\n").join(lines)


def log_entry(cycle: Cycle, pairs: list[BeforeAfter]) -> Text:
    """A learning-log entry: the learning, the cycle and its end, the KPIs before → after."""
    text = Text()
    text.append(cycle.learning or "—", style="bold")
    text.append(f"\n  {cycle.title} · {cycle.end.isoformat()}", style="dim")
    for pair in pairs:
        text.append(f"\n  {pair.kpi.name}: ", style="dim")
        text.append(pair_text(pair))
    if cycle.next_step:
        text.append(f"\n  → {cycle.next_step}", style="dim")
    return text


def months_text(per_month: list[tuple[str, int]], counting: list[str]) -> Text:
    """`Cycles run per month: 2026-08 1 · 2026-09 2 …` and which KPI takes its values from it."""
    text = Text(t("cycles.report.per_month") + ": ", style="bold")
    if not per_month:
        text.append(t("cycles.log.none_yet"), style="dim")
    text.append(" · ".join(f"{month} {count}" for month, count in per_month[-8:]))
    if counting:
        text.append("  " + t("cycles.report.counted_by", kpis=", ".join(counting)), style="dim")
    else:
        text.append("  " + t("cycles.log.action_kpi"), style="dim")
    return text
