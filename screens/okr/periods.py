"""Period navigation for the OKR screen: the period bar, previous/next, and starting a new period."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.widgets import Static

from cxtui.format import percent
from cxtui.i18n import t
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.metrics import expected_progress
from cxtui.okr.tree import ObjectiveNode
from screens.okr.tree import NodeRef
from screens.shared.workspace import WorkspaceScreen

if TYPE_CHECKING:
    from cxtui.okr.models import Period


class PeriodActions(WorkspaceScreen):
    """OkrScreen's part about which period is shown and starting the next one."""

    period: Period | None
    objective_nodes: dict[str, ObjectiveNode]

    def guarded(self) -> bool:
        """Whether the workspace can be changed and has a period (see OkrScreen)."""
        raise NotImplementedError

    def reload(self, keep: NodeRef | None = None) -> None:
        """Re-read the period (see OkrScreen)."""
        raise NotImplementedError

    def _update_period_bar(self) -> None:
        bar = self.query_one("#period-bar", Static)
        text = Text()
        if self.store.readonly:
            text.append(f" {t('okr.screen.readonly')} ", style="reverse bold red")
            text.append("  ")
        if self.period is None:
            bar.update(text + Text(t("okr.screen.no_period")))
            return
        periods = okr_periods.periods(self.store)
        index = next((i for i, p in enumerate(periods) if p.id == self.period.id), 0)
        p = self.period
        expected = percent(expected_progress(p, self.today))
        # The period keys live here rather than in the footer: "[ ◀ 2026 Q4 ▶ ]".
        text.append("[", style="bold reverse")
        text.append(f" ◀ {p.name} ▶ ", style="bold")
        text.append("]", style="bold reverse")
        text.append(f"  {p.start.isoformat()} – {p.end.isoformat()}  ")
        text.append(f"{index + 1}/{len(periods)} · {t('common.field.expected')} {expected}%", style="dim")
        bar.update(text)

    def action_period(self, delta: int) -> None:
        """Show the previous (-1) or next (+1) period."""
        periods = okr_periods.periods(self.store)
        if not periods or self.period is None:
            return
        index = next((i for i, p in enumerate(periods) if p.id == self.period.id), 0) + delta
        if not 0 <= index < len(periods):
            self.notify(t("okr.screen.no_more_periods"), severity="information")
            return
        self.period = periods[index]
        self.reload()

    async def ask(self, title: str, message: str, confirm: str) -> bool:
        """A yes/no question; True on yes."""
        from screens.shared.confirm import ConfirmDialog

        answer: bool | None = await self.app.push_screen_wait(ConfirmDialog(title, message, confirm))
        return bool(answer)

    async def overlap_ok(self, period: Period) -> bool:
        """True when `period` overlaps no other period, or the user says it may."""
        others = okr_periods.overlapping(self.store, period)
        if not others:
            return True
        names = ", ".join(f"{p.name} ({p.start.isoformat()} – {p.end.isoformat()})" for p in others)
        return await self.ask(
            t("okr.confirm.overlap_title"),
            t("okr.confirm.overlap", name=period.name, names=names),
            t("okr.confirm.overlap_label"),
        )

    @work
    async def action_new_period(self) -> None:
        """Start a new period, copying chosen objectives with their values reset."""
        if not self.guarded() or self.period is None:
            return
        from screens.okr.period_dialog import NewPeriodDialog

        # Propose the period after the last one (in the workspace's fiscal year), so a new period
        # does not overlap an existing one unless the user makes it.
        proposal = okr_periods.next_period(self.store)
        if proposal is None:
            return
        ordered = [
            (node.objective, depth_of(node, self.objective_nodes)) for node in self.objective_nodes.values()
        ]
        chosen: set[str] | None = None
        while True:
            result = await self.app.push_screen_wait(NewPeriodDialog(proposal, ordered, chosen))
            if result is None:
                return
            if await self.overlap_ok(result.period):
                break
            # "No": back to the dialog with what was typed.
            proposal, chosen = result.period, set(result.objective_ids)
        if not self.apply(
            lambda: okr.start_period(self.store, result.period, result.objective_ids, allow_overlap=True)
        ):
            return
        self.period = result.period
        self.reload()
        self.notify(t("okr.msg.period_started", name=result.period.name, n=len(result.objective_ids)))

    @work
    async def action_edit_period(self) -> None:
        """Rename or re-date the period shown, and set the month the fiscal year starts in."""
        if not self.guarded() or self.period is None:
            return
        from screens.okr.period_dialog import PeriodDialog

        month = okr_periods.fiscal_start_month(self.store)
        draft, draft_month = self.period, month
        while True:
            result = await self.app.push_screen_wait(
                PeriodDialog(self.period, draft, draft_month, self.today)
            )
            if result is None:
                return
            if await self.overlap_ok(result.period):
                break
            draft, draft_month = result.period, result.fiscal_month
        if not self.apply(lambda: okr_periods.save_period(self.store, result.period, allow_overlap=True)):
            return
        if result.fiscal_month != month:
            # A workspace setting (like a preference, outside undo): quarters proposed from now on
            # follow it; the period itself was saved above, as one undoable change.
            okr_periods.set_fiscal_start_month(self.store, result.fiscal_month)
        self.period = result.period
        self.reload()
        self.notify(t("okr.msg.period_saved", name=result.period.name))


def depth_of(node: ObjectiveNode, nodes: dict[str, ObjectiveNode]) -> int:
    """How many objectives `node` is aligned under (0 at the top level)."""
    depth = 0
    parent = node.objective.parent_id
    while parent and parent in nodes and depth < 50:
        parent = nodes[parent].objective.parent_id
        depth += 1
    return depth
