"""The OKR screen: the tree of a period, a detail pane, and every edit from the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static, Tree

from cxtui.db.store import Store
from cxtui.i18n import t
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.models import KeyResult, Objective, Period
from cxtui.okr.tree import KRView, ObjectiveNode, build_tree
from screens.okr.checkins import CheckInActions
from screens.okr.detail import DetailPane
from screens.okr.periods import depth_of
from screens.okr.tree import NodeRef, OkrTree
from screens.shared.title_bar import TitleBar


class OkrScreen(CheckInActions):
    """Objectives and key results of one period, edited in place."""

    HELP_KEY = "app.help.formulas"

    BINDINGS = [
        Binding("a", "add_objective", "okr.key.add_objective"),
        Binding("A", "add_top_objective", "okr.key.add_top_objective", show=False),
        Binding("k", "add_kr", "okr.key.add_kr"),
        Binding("c", "checkin", "okr.key.checkin"),
        Binding("h", "history", "okr.key.history", show=False),  # the detail pane says "h"
        Binding("e", "edit", "app.key.edit", show=False),
        Binding("d,delete", "delete", "app.key.delete", show=False),
        Binding("ctrl+up,alt+up", "move(-1)", "okr.key.move_up", show=False),
        Binding("ctrl+down,alt+down", "move(1)", "okr.key.move_down", show=False),
        Binding("left_square_bracket", "period(-1)", "okr.key.prev_period", key_display="[", show=False),
        Binding("right_square_bracket", "period(1)", "okr.key.next_period", key_display="]", show=False),
        Binding("n", "new_period", "okr.key.new_period", show=False),
        Binding("p", "edit_period", "okr.key.edit_period", show=False),
        Binding("q", "app.quit", "app.key.quit", show=False),
    ]

    def __init__(self, store: Store, today: date, period_id: str | None = None) -> None:
        super().__init__(store, today)
        self.period: Period | None = None
        self._initial_period_id = period_id
        self.roots: list[ObjectiveNode] = []
        self.objective_nodes: dict[str, ObjectiveNode] = {}
        self.kr_views: dict[str, tuple[KRView, ObjectiveNode]] = {}
        # What the detail pane last drew (node, data, period): the cursor move that follows a reload
        # highlights the node the reload already drew, and drawing it again costs a query and a layout.
        self._detail_key: tuple[NodeRef | None, object, str | None] | None = None

    def compose(self) -> ComposeResult:
        """Header, period bar, tree beside detail, footer."""
        yield TitleBar()
        with Horizontal(id="okr-body"):
            with Vertical(id="tree-pane"):
                yield Static(id="period-bar")
                yield OkrTree(id="okr-tree")
            yield DetailPane(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Pick the period (the one containing today by default) and show it."""
        self.sub_title = str(self.store.path.name if self.store.path else "")
        self.period = self._initial_period()
        self.reload()
        self.query_one(OkrTree).focus()
        if self.store.notice:
            self.notify(self.store.notice, severity="warning", timeout=8)

    def _initial_period(self) -> Period | None:
        if self._initial_period_id:
            found = okr_periods.find_period(self.store, self._initial_period_id)
            if found is not None:
                return found
        return okr_periods.default_period(self.store, self.today)

    # -- loading -----------------------------------------------------------------------------

    def reload(self, keep: NodeRef | None = None) -> None:
        """Re-read the period from the store and redraw the tree, keeping folds and cursor."""
        if self.period is not None and okr_periods.find_period(self.store, self.period.id) is None:
            self.period = None
        if self.period is None:
            self.period = self._initial_period()
        self.mark_shown()
        tree = self.query_one(OkrTree)
        if self.period is None:
            roots: list[ObjectiveNode] = []
        else:
            roots = build_tree(
                self.period,
                okr.objectives(self.store, self.period.id),
                okr.key_results_in_period(self.store, self.period.id),
                self.today,
            )
        self.roots = roots
        self.objective_nodes = {}
        self.kr_views = {}
        for root in roots:
            for node in root.walk():
                self.objective_nodes[node.objective.id] = node
                for view in node.krs:
                    self.kr_views[view.kr.id] = (view, node)
        tree.show(roots, keep)
        self._update_period_bar()
        self._show_detail(tree.selected_ref)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[NodeRef]) -> None:
        if event.node.data is not None:  # the hidden root, passed over while the tree is rebuilt
            self._show_detail(event.node.data)

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[NodeRef]) -> None:
        # Enter on an objective folds/unfolds it; on a key result it opens the check-in.
        ref = event.node.data
        if ref is None:
            return
        if ref.kind == "kr":
            self.action_checkin()
        else:
            event.node.toggle()

    def _show_detail(self, ref: NodeRef | None) -> None:
        key = (ref, self._shown, self.period.id if self.period else None)
        if key == self._detail_key:
            return
        self._detail_key = key
        pane = self.query_one(DetailPane)
        if ref is None or self.period is None:
            pane.show_nothing()
        elif ref.kind == "objective" and ref.id in self.objective_nodes:
            node = self.objective_nodes[ref.id]
            parent = self.objective_nodes.get(node.objective.parent_id or "")
            pane.show_objective(
                node, self.period, parent.objective.title if parent else None, okr_periods.note(self.store)
            )
        elif ref.id in self.kr_views:
            view, node = self.kr_views[ref.id]
            pane.show_kr(
                view, self.period, node.objective.title, okr_checkins.checkins(self.store, ref.id, limit=6)
            )

    # -- helpers -----------------------------------------------------------------------------

    @property
    def selected(self) -> NodeRef | None:
        """The objective or KR under the cursor."""
        return self.query_one(OkrTree).selected_ref

    def selected_objective(self) -> Objective | None:
        """The objective under the cursor, or the objective of the KR under it."""
        ref = self.selected
        if ref is None:
            return None
        if ref.kind == "objective":
            node = self.objective_nodes.get(ref.id)
            return node.objective if node else None
        found = self.kr_views.get(ref.id)
        return found[1].objective if found else None

    def objective_options(self, leave_out: str | None = None) -> list[tuple[Text, str]]:
        """(indented title, id) of the period's objectives in tree order, without `leave_out` and
        the objectives aligned under it (what it may be aligned to). Titles are Text: shown as
        typed, never read as markup."""
        skip = {leave_out, *okr.descendants(self.store, leave_out)} if leave_out else set()
        out: list[tuple[Text, str]] = []
        for root in self.roots:
            for node in root.walk():
                if node.objective.id not in skip:
                    depth = depth_of(node, self.objective_nodes)
                    out.append((Text("  " * depth + node.objective.title), node.objective.id))
        return out

    def guarded(self) -> bool:
        """False (and a message) when the workspace cannot be changed or has no period."""
        if not self.writable():
            return False
        if self.period is None:
            self.notify(t("okr.screen.no_period"), severity="warning")
            return False
        return True

    def _apply(self, change: Callable[[], object], keep: NodeRef | None = None) -> bool:
        """`apply()` the change; on success reload with the cursor on `keep`."""
        if not self.apply(change):
            return False
        self.reload(keep)
        return True

    # -- actions -----------------------------------------------------------------------------

    def action_add_objective(self) -> None:
        """Add an objective aligned under the selected one (top level when nothing is selected)."""
        parent = self.selected_objective()
        self._add_objective(parent)

    def action_add_top_objective(self) -> None:
        """Add a top-level objective."""
        self._add_objective(None)

    @work
    async def _add_objective(self, parent: Objective | None) -> None:
        if not self.guarded() or self.period is None:
            return
        # Dialogs are imported when first opened: they (and their widgets) are not needed to paint.
        from screens.okr.objective_dialog import ObjectiveDialog

        # Empty title: the dialog's validation asks for one.
        draft = Objective(period_id=self.period.id, parent_id=parent.id if parent else None, title="")
        result = await self.app.push_screen_wait(
            ObjectiveDialog(draft, self.objective_options(), is_new=True)
        )
        if result is not None:
            self._apply(lambda: okr.save_objective(self.store, result), NodeRef("objective", result.id))

    @work
    async def action_add_kr(self) -> None:
        """Add a key result to the selected objective."""
        objective = self.selected_objective()
        if not self.guarded():
            return
        if objective is None:
            self.notify(t("okr.screen.select_objective"), severity="warning")
            return
        from screens.okr.kr_dialog import KeyResultDialog

        draft = KeyResult(objective_id=objective.id, title="", start=0, target=100)
        result = await self.app.push_screen_wait(
            KeyResultDialog(draft, self.objective_options(), is_new=True)
        )
        if result is not None:
            self._apply(lambda: okr.save_key_result(self.store, result), NodeRef("kr", result.id))

    @work
    async def action_edit(self) -> None:
        """Edit the selected objective or key result."""
        ref = self.selected
        if ref is None or not self.guarded():
            return
        from screens.okr.kr_dialog import KeyResultDialog
        from screens.okr.objective_dialog import ObjectiveDialog

        if ref.kind == "objective":
            node = self.objective_nodes[ref.id]
            edited_o = await self.app.push_screen_wait(
                ObjectiveDialog(node.objective, self.objective_options(leave_out=ref.id), is_new=False)
            )
            if edited_o is not None:
                self._apply(lambda: okr.save_objective(self.store, edited_o), ref)
        else:
            view, _node = self.kr_views[ref.id]
            edited_k = await self.app.push_screen_wait(
                KeyResultDialog(view.kr, self.objective_options(), is_new=False)
            )
            if edited_k is not None:
                self._apply(lambda: okr.save_key_result(self.store, edited_k), ref)

    @work
    async def action_delete(self) -> None:
        """Delete the selected objective (with what hangs under it) or key result, after asking."""
        ref = self.selected
        if ref is None or not self.guarded():
            return
        from screens.shared.confirm import ConfirmDialog

        if ref.kind == "objective":
            title = self.objective_nodes[ref.id].objective.title
            children, krs, checkins = okr.count_descendants(self.store, ref.id)
            message = t(
                "okr.confirm.delete_objective", title=title, children=children, krs=krs, checkins=checkins
            )
        else:
            title = self.kr_views[ref.id][0].kr.title
            checkins = len(okr_checkins.checkins(self.store, ref.id))
            message = t("okr.confirm.delete_kr", title=title, checkins=checkins)
        confirmed = await self.app.push_screen_wait(
            ConfirmDialog(t("app.confirm.delete_title"), message, t("app.key.delete"))
        )
        if not confirmed:
            return
        if ref.kind == "objective":
            deleted = self._apply(lambda: okr.delete_objective(self.store, ref.id))
        else:
            deleted = self._apply(lambda: okr.delete_key_result(self.store, ref.id))
        if deleted:
            self.notify(t("app.msg.deleted", title=title))

    def action_move(self, delta: int) -> None:
        """Move the selected objective or KR among its siblings."""
        ref = self.selected
        if ref is None or not self.guarded():
            return
        if ref.kind == "objective":
            self._apply(lambda: okr.move_objective(self.store, ref.id, delta), ref)
        else:
            self._apply(lambda: okr.move_key_result(self.store, ref.id, delta), ref)
