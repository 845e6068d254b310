"""The detail pane: everything about the selected objective or key result, formulas included."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from cxtui.format import number, percent, with_unit
from cxtui.i18n import t
from cxtui.okr.models import CheckIn, KRKind, Period
from cxtui.okr.tree import KRView, ObjectiveNode
from screens.okr.tree import confidence_text, value_text
from screens.shared.bars import BAND_STYLE, ljust_cells, progress_text
from screens.shared.plain import plain_text
from screens.shared.usertext import literal_text


def _fields(rows: list[tuple[str, RenderableType]]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for name, value in rows:
        table.add_row(name, literal_text(value) if isinstance(value, str) else value)
    return table


def _period_text(period: Period) -> str:
    return f"{period.name}  ({period.start.isoformat()} – {period.end.isoformat()})"


def formula_text(view: KRView) -> str:
    """The progress formula with this KR's numbers filled in."""
    kr = view.kr
    if kr.kind in (KRKind.increase, KRKind.decrease):
        return t(
            "okr.detail.formula_linear",
            current=number(kr.value),
            start=number(kr.start),
            target=number(kr.target),
            raw=percent(view.raw_progress),
        )
    return t(f"okr.detail.formula_{kr.kind.value}", target=number(kr.target))


class DetailPane(VerticalScroll):
    """Shows one objective or key result; the screen hands it models."""

    def compose(self):  # type: ignore[no-untyped-def]
        """A single Static holds the rendered detail."""
        yield Static(id="detail-body")

    shown: RenderableType = ""

    def _set(self, renderable: RenderableType) -> None:
        self.shown = renderable
        self.query_one("#detail-body", Static).update(renderable)

    def as_text(self, width: int = 100) -> str:
        """What the pane shows, as plain text (tests, copying)."""
        return plain_text(self.shown, width)

    def show_nothing(self) -> None:
        """Empty state: the period has no objectives yet."""
        self._set(Text(t("okr.detail.empty"), style="dim"))

    def show_objective(
        self, node: ObjectiveNode, period: Period, parent_title: str | None, note: str = ""
    ) -> None:
        """Render an objective with its weighted progress and its KRs; `note` is the workspace's own
        note on its numbers (the demo's), shown under the formula when there is one."""
        objective = node.objective
        rows: list[tuple[str, RenderableType]] = [
            (t("common.field.owner"), objective.owner or "–"),
            (t("common.field.period"), _period_text(period)),
            (t("common.field.aligned_to"), parent_title or "–"),
            (t("common.field.progress"), progress_text(node.progress, node.band, width=16)),
            (t("common.field.expected"), f"{percent(node.expected)}%"),
            (t("common.field.status"), self._status(node.behind, node.progress)),
            (t("common.field.rollup"), t("common.word.yes") if objective.rollup else t("common.word.no")),
        ]
        parts: list[RenderableType] = [
            Text(objective.title, style="bold"),
            Text(objective.description, style="italic") if objective.description else Text(""),
            _fields(rows),
            Text(""),
            Text(t("okr.detail.krs", n=len(node.krs)), style="bold underline"),
        ]
        if node.too_many_krs:
            parts.append(Text(t("okr.screen.too_many_krs"), style="yellow"))
        for view in node.krs:
            line = progress_text(view.progress, view.band)
            line.append(f"  {view.kr.title}")
            parts.append(line)
        parts += [Text(""), Text(t("okr.detail.objective_formula"), style="dim")]
        if note:
            parts.append(Text(note, style="dim italic"))
        self._set(Group(*parts))

    def _status(self, behind: bool, progress: float | None) -> Text:
        if progress is None:
            return Text("–", style="dim")
        return (
            Text(t("okr.screen.behind"), style="yellow")
            if behind
            else Text(t("okr.screen.on_pace"), style="green")
        )

    def show_kr(self, view: KRView, period: Period, objective_title: str, checkins: list[CheckIn]) -> None:
        """Render a key result: kind, start/target/current, progress, confidence, last check-ins."""
        kr = view.kr
        unit = kr.unit
        rows: list[tuple[str, RenderableType]] = [
            (t("common.field.objective"), objective_title),
            (t("common.field.owner"), kr.owner or "–"),
            (t("common.field.period"), _period_text(period)),
            (t("common.field.kind"), t(f"okr.kind.{kr.kind.value}")),
        ]
        if kr.kind is KRKind.milestone:
            rows.append(
                (
                    t("common.field.current"),
                    t("common.word.done") if kr.value >= 1 else t("common.word.not_done"),
                )
            )
        else:
            rows += [
                (t("common.field.start"), with_unit(kr.start, unit)),
                (t("common.field.target"), with_unit(kr.target, unit)),
                (t("common.field.current"), with_unit(kr.value, unit)),
            ]
        rows += [
            (t("common.field.progress"), progress_text(view.progress, view.band, width=16)),
            (t("common.field.raw_progress"), f"{percent(view.raw_progress)}%"),
            (t("common.field.expected"), f"{percent(view.expected)}%"),
            (t("common.field.status"), self._status(view.behind, view.progress)),
            (t("common.field.confidence"), confidence_text(kr.confidence.value if kr.confidence else None)),
            (t("common.field.weight"), number(kr.weight)),
        ]
        parts: list[RenderableType] = [
            Text(kr.title, style=f"bold {BAND_STYLE[view.band]}"),
            _fields(rows),
            Text(formula_text(view), style="dim"),
            Text(""),
            Text(t("okr.detail.checkins"), style="bold underline"),
        ]
        if not checkins:
            parts.append(Text(t("okr.detail.no_checkins"), style="dim"))
        for checkin in checkins:
            line = Text(f"{checkin.date.isoformat()}  ")
            line.append(ljust_cells(value_text(kr, checkin.value), 10), style="bold")
            line.append("  ")
            line.append_text(confidence_text(checkin.confidence.value))
            parts.append(line)
            if checkin.note:
                parts.append(Text(f"    {checkin.note}"))
            if checkin.blocker:
                parts.append(Text(f"    {t('common.field.blocker')}: {checkin.blocker}", style="red"))
        self._set(Group(*parts))
