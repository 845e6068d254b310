"""Period navigation for the OKR screen: the period bar, previous/next, and starting a new period."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.widgets import Static

from cxtui import okr
from cxtui.errors import CxError
from cxtui.i18n import t
from cxtui.metrics import expected_progress, percent
from cxtui.okr_tree import ObjectiveNode

if TYPE_CHECKING:
    from cxtui.models import Period
    from cxtui.store import Store


class PeriodActions:
    """Mixed into OkrScreen: everything about which period is shown and starting the next one."""

    store: Store
    today: date
    period: Period | None
    objective_nodes: dict[str, ObjectiveNode]

    def _update_period_bar(self) -> None:
        bar = self.query_one("#period-bar", Static)
        text = Text()
        if self.store.readonly:
            text.append(f" {t('okr.readonly')} ", style="reverse bold red")
            text.append("  ")
        if self.period is None:
            bar.update(text + Text(t("okr.no_period")))
            return
        periods = self.store.periods()
        index = next((i for i, p in enumerate(periods) if p.id == self.period.id), 0)
        p = self.period
        expected = percent(expected_progress(p, self.today))
        # The period keys live here rather than in the footer: "[ ◀ 2026 Q4 ▶ ]".
        text.append("[", style="bold reverse")
        text.append(f" ◀ {p.name} ▶ ", style="bold")
        text.append("]", style="bold reverse")
        text.append(f"  {p.start.isoformat()} – {p.end.isoformat()}  ")
        text.append(f"{index + 1}/{len(periods)} · {t('field.expected')} {expected}%", style="dim")
        bar.update(text)

    def action_period(self, delta: int) -> None:
        """Show the previous (-1) or next (+1) period."""
        periods = self.store.periods()
        if not periods or self.period is None:
            return
        index = next((i for i, p in enumerate(periods) if p.id == self.period.id), 0) + delta
        if not 0 <= index < len(periods):
            self.notify(t("okr.no_more_periods"), severity="information")
            return
        self.period = periods[index]
        self.reload()

    @work
    async def action_new_period(self) -> None:
        """Start a new period, copying chosen objectives with their values reset."""
        if not self.guarded() or self.period is None:
            return
        from screens.dialogs.new_period import NewPeriodDialog

        # Propose the period after the last one, so a new period never overlaps an existing one.
        proposal = okr.following_period(self.store.periods()[-1])
        ordered = [
            (node.objective, _depth(node, self.objective_nodes)) for node in self.objective_nodes.values()
        ]
        result = await self.app.push_screen_wait(NewPeriodDialog(proposal, ordered))
        if result is None:
            return
        try:
            okr.start_period(self.store, result.period, result.objective_ids)
        except CxError as exc:
            self.notify(exc.message, severity="error")
            return
        self.period = result.period
        self.reload()
        self.notify(t("msg.period_started", name=result.period.name, n=len(result.objective_ids)))


def _depth(node: ObjectiveNode, nodes: dict[str, ObjectiveNode]) -> int:
    depth = 0
    parent = node.objective.parent_id
    while parent and parent in nodes and depth < 50:
        parent = nodes[parent].objective.parent_id
        depth += 1
    return depth
