"""What the weekly review shows, as Rich Text built from its plan (no database here): the step bar
with the timer, the items of the step around the cursor, and the card of the current item."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from cxtui.cycles.text import dates_text, pair_text
from cxtui.format import interval, p_text, points, with_unit
from cxtui.i18n import t
from cxtui.okr.models import Confidence, KRKind
from cxtui.review.models import BUDGET_SECONDS, STEPS, ItemKind, Step
from cxtui.review.plan import CycleLine, KpiLine, KrLine, Plan
from screens.okr.tree import confidence_text

WINDOW = 9  # items shown above and below the cursor
VALUES_CELLS = 18  # the "previous → new" column of the item list


def clock_text(seconds: int) -> str:
    """`mm:ss`."""
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def step_bar(plan: Plan, step: int, counts: list[int], done: list[int], seconds: int) -> Text:
    """`time 03:12 / 15:00   [1 KRs 3/15]  2 KPIs 0/5  3 Voices …`: the timer first (it stays visible at
    80 columns), the current step bracketed and bold, steps without items marked with a dash; past 15
    minutes the timer says so in words."""
    bar = Text(no_wrap=True, overflow="ellipsis")
    over = seconds > BUDGET_SECONDS
    timer = t("review.screen.timer", time=clock_text(seconds), budget=clock_text(BUDGET_SECONDS))
    if over:
        timer += f" {t('review.screen.over', over=clock_text(seconds - BUDGET_SECONDS))}"
    bar.append(timer, style="bold red" if over else "bold")
    bar.append("   ")
    for index, name in enumerate(STEPS):
        label = f"{index + 1} {t('review.step.' + name.value)}"
        if name in (Step.krs, Step.kpis, Step.cycles):
            label += f" {done[index]}/{counts[index]}" if counts[index] else " —"
        if index == step:
            bar.append(f"[{label}]", style="bold reverse")
        else:
            bar.append(f" {label} ", style="dim" if index > step else "")
        bar.append(" ")
    return bar


def _kr_value(line: KrLine, value: float | None) -> str:
    kr = line.kr
    if value is None:
        return "—"
    if kr.kind is KRKind.milestone:
        return t("common.word.done") if value >= 1 else t("common.word.not_done")
    return with_unit(value, kr.unit)


def _row(title: str, previous: str, entered: str | None) -> Text:
    """`✓ 4.5% → 4.2%    Cut churn`: the numbers first, so a narrow screen cuts the title, not them."""
    row = Text(no_wrap=True, overflow="ellipsis")
    row.append("✓ " if entered is not None else "· ", style="green" if entered is not None else "dim")
    numbers = Text(f"{previous} → ", style="dim")
    numbers.append(entered if entered is not None else "?", style="bold" if entered is not None else "dim")
    row.append(numbers)
    row.append(" " * max(1, VALUES_CELLS - numbers.cell_len) + " ")
    row.append(title)
    return row


def kr_row(line: KrLine, entered: float | None) -> Text:
    """`✓ 4.5% → 4.2%    Cut churn` (previous → new)."""
    previous = None if line.previous is None else line.previous.value
    return _row(
        line.kr.title, _kr_value(line, previous), None if entered is None else _kr_value(line, entered)
    )


def kpi_row(line: KpiLine, entered: float | None) -> Text:
    """`✓ 18 people → 16 people   Walk-aways`."""
    kpi = line.kpi
    previous = "—" if line.previous is None else with_unit(line.previous.value, kpi.unit)
    return _row(kpi.name, previous, None if entered is None else with_unit(entered, kpi.unit))


def cycle_row(line: CycleLine, learning: str | None, reviewed: bool) -> Text:
    """`⚑ Guide first in demos  (ended 2026-11-22)`, ✓ once reviewed."""
    row = Text(no_wrap=True, overflow="ellipsis")
    mark, style = ("✓ ", "green") if reviewed else ("✎ ", "yellow") if learning else ("⚑ ", "red")
    row.append(mark, style=style)
    row.append(line.cycle.title)
    row.append(f"  ({line.cycle.end.isoformat()})", style="dim")
    return row


def window(count: int, cursor: int, row_at: Callable[[int], Text]) -> Text:
    """The `count` rows around the cursor, built by `row_at` (the cursor's row marked ▸ and
    highlighted; how many are above and below is said)."""
    if not count:
        return Text("")
    start = max(0, min(cursor - WINDOW, count - 2 * WINDOW - 1))
    stop = min(count, start + 2 * WINDOW + 1)
    shown = []
    if start > 0:
        shown.append(Text(f"  ↑ {start}", style="dim"))
    for index in range(start, stop):
        row = row_at(index)
        if index == cursor:
            row = Text("▸ ", style="bold") + row
            row.stylize("reverse")
        else:
            row = Text("  ") + row
        shown.append(row)
    if count > stop:
        shown.append(Text(f"  ↓ {count - stop}", style="dim"))
    return Text("\n").join(shown)


def _field(name: str, value: str | Text, style: str = "") -> Text:
    line = Text(f"{name}: ", style="dim")
    line.append(value if isinstance(value, Text) else Text(value, style=style))
    return line


def kr_card(line: KrLine, confidence: Confidence) -> Text:
    """The KR, its objective and target, its previous check-in with note and blocker, the confidence
    the new check-in will carry."""
    kr = line.kr
    goal = (
        t("okr.kind.milestone")
        if kr.kind is KRKind.milestone
        else f"{with_unit(kr.start, kr.unit)} → {with_unit(kr.target, kr.unit)}"
    )
    lines = [
        Text(kr.title, style="bold"),
        Text(line.objective, style="dim"),
        _field(t("common.field.target"), goal),
    ]
    if line.previous is None:
        lines.append(
            _field(t("review.card.previous"), t("review.card.no_previous", value=_kr_value(line, kr.value)))
        )
    else:
        p = line.previous
        conf = confidence_text(p.confidence.value)
        lines.append(
            _field(
                t("review.card.previous"), Text(f"{_kr_value(line, p.value)}  {p.date.isoformat()}  ") + conf
            )
        )
        if p.note:
            lines.append(_field(t("common.field.note"), p.note))
        if p.blocker:
            lines.append(_field(t("common.field.blocker"), p.blocker, "yellow"))
    new_conf = confidence_text(confidence.value)
    lines.append(
        _field(
            t("review.card.confidence"),
            new_conf + Text(f"  ({t('review.card.confidence_key')})", style="dim"),
        )
    )
    return Text("\n").join(lines)


def kpi_card(line: KpiLine) -> Text:
    """The KPI, its layer, target and cadence, its previous value and note."""
    kpi = line.kpi
    lines = [Text(kpi.name, style="bold")]
    if kpi.definition:
        lines.append(Text(kpi.definition, style="dim"))
    if kpi.target is not None:
        lines.append(_field(t("common.field.target"), with_unit(kpi.target, kpi.unit)))
    if line.previous is None:
        lines.append(_field(t("review.card.previous"), "—"))
    else:
        p = line.previous
        lines.append(
            _field(t("review.card.previous"), f"{with_unit(p.value, kpi.unit)}  {p.date.isoformat()}")
        )
        if p.note:
            lines.append(_field(t("common.field.note"), p.note))
    return Text("\n").join(lines)


def voices_card(plan: Plan) -> Text:
    """This week's voices: the phrase, the scene, the date."""
    head = Text(t("review.card.voices_since", since=plan.since.isoformat(), n=len(plan.voices)), style="bold")
    if not plan.voices:
        return head + Text("\n" + t("review.card.no_voices"), style="dim")
    lines = [head]
    for item in plan.voices[:12]:
        line = Text(f"{item.date.isoformat()} ", style="dim")
        line.append("“" + item.quote + "”")
        if item.scene:
            line.append(f"  {item.scene}", style="dim")
        lines.append(line)
    if len(plan.voices) > 12:
        lines.append(Text(f"… {len(plan.voices) - 12}", style="dim"))
    return Text("\n").join(lines)


def cycle_card(line: CycleLine) -> Text:
    """The cycle's one hypothesis and one change, its KPIs before → after, its evidence."""
    cycle = line.cycle
    lines = [Text(cycle.title, style="bold"), Text(dates_text(cycle), style="dim")]
    lines.append(_field(t("common.field.hypothesis"), cycle.hypothesis or "—"))
    lines.append(_field(t("common.field.change"), cycle.change or "—"))
    for pair in line.pairs:
        lines.append(_field(pair.kpi.name, pair_text(pair)))
    if line.evidence:
        lines.append(Text(t("review.card.evidence", n=len(line.evidence)), style="dim"))
        for item in line.evidence[:4]:
            lines.append(Text("  “" + item.quote + "”"))
    if cycle.learning:
        lines.append(_field(t("common.field.learning"), cycle.learning))
    return Text("\n").join(lines)


def nps_card(plan: Plan) -> Text:
    """The NPS since the last review against the span before it, with the test's verdict."""
    if plan.nps is None:
        return Text(t("review.card.no_nps"), style="dim")
    from cxtui.nps.queries import verdict

    result = plan.nps.comparison
    before, after = result.before, result.after
    lines = [
        Text(t("review.card.nps_title", since=plan.since.isoformat()), style="bold"),
        _field(plan.nps.after.label, f"NPS {points(after.nps)}  {interval(after.ci95)}  n={after.n}"),
        _field(plan.nps.before.label, f"NPS {points(before.nps)}  {interval(before.ci95)}  n={before.n}"),
        _field(t("review.card.change"), f"{points(result.delta)}  {p_text(result.p_value)}"),
        Text(
            verdict(result), style="bold green" if result.significant and (result.delta or 0) > 0 else "bold"
        ),
    ]
    return Text("\n").join(lines)


def entered_value(plan: Plan, kind: ItemKind, ref: str) -> float | None:
    """The value entered in this review for a KR or KPI, if any."""
    item = plan.entered.get((kind, ref))
    return None if item is None else item.value
