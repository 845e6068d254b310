"""The OKR screen: the tree of a period, a detail pane, and every edit from the keyboard."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static, Tree

from cxtui import okr
from cxtui.errors import CxError
from cxtui.i18n import get_language, t
from cxtui.models import KeyResult, Objective, Period
from cxtui.okr_tree import KRView, ObjectiveNode, build_tree
from cxtui.store import Store
from screens.okr_periods import PeriodActions
from screens.translate import translate_bindings
from screens.widgets.detail import DetailPane
from screens.widgets.okr_tree import NodeRef, OkrTree
from screens.widgets.title_bar import TitleBar


class OkrScreen(PeriodActions, Screen[None]):
    """Objectives and key results of one period, edited in place."""

    BINDINGS = [
        Binding("a", "add_objective", "key.add_objective"),
        Binding("A", "add_top_objective", "key.add_top_objective", show=False),
        Binding("k", "add_kr", "key.add_kr"),
        Binding("c", "checkin", "key.checkin"),
        Binding("e", "edit", "key.edit", show=False),
        Binding("d,delete", "delete", "key.delete"),
        Binding("ctrl+up,alt+up", "move(-1)", "key.move_up", show=False),
        Binding("ctrl+down,alt+down", "move(1)", "key.move_down", show=False),
        Binding("left_square_bracket", "period(-1)", "key.prev_period", key_display="[", show=False),
        Binding("right_square_bracket", "period(1)", "key.next_period", key_display="]", show=False),
        Binding("n", "new_period", "key.new_period"),
        Binding("2", "app.show_nps", "key.nps_screen"),
        Binding("q", "app.quit", "key.quit", show=False),
    ]

    def __init__(self, store: Store, today: date, period_id: str | None = None) -> None:
        super().__init__()
        translate_bindings(self)
        self.store = store
        self.today = today
        self.period: Period | None = None
        self._initial_period_id = period_id
        self.objective_nodes: dict[str, ObjectiveNode] = {}
        self.kr_views: dict[str, tuple[KRView, ObjectiveNode]] = {}
        # What the tree was last built from: data version and language (see on_screen_resume).
        self._shown: tuple[tuple[int, int], str] | None = None
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
        self.title = "cxtui"
        self.sub_title = str(self.store.path.name if self.store.path else "")
        self.period = self._initial_period()
        self.reload()
        self.query_one(OkrTree).focus()
        if self.store.notice:
            self.notify(self.store.notice, severity="warning", timeout=8)
        resume_gc = getattr(self.app, "resume_gc", None)
        if callable(resume_gc):
            self.call_after_refresh(resume_gc)
        if os.environ.get("CXTUI_EXIT_AFTER_PAINT"):
            # Benchmarks measure process start to the first painted OKR screen.
            self.call_after_refresh(self.app.exit)

    def _initial_period(self) -> Period | None:
        if self._initial_period_id:
            found = self.store.period(self._initial_period_id)
            if found is not None:
                return found
        return okr.default_period(self.store, self.today)

    def on_screen_resume(self) -> None:
        """Back from another screen or a dialog: the data may have changed (undo, imports)."""
        # Only when something did change: a dialog closed with escape, or the resume that follows
        # on_mount, would otherwise rebuild the whole tree again (~100 ms for 1,200 lines).
        if self.is_mounted and self.period is not None and self._shown != self._source():
            self.reload()

    def _source(self) -> tuple[tuple[int, int], str]:
        return self.store.data_version(), get_language()

    def relabel(self) -> None:
        """Redraw every text in the current language."""
        self.reload()

    # -- loading -----------------------------------------------------------------------------

    def reload(self, keep: NodeRef | None = None) -> None:
        """Re-read the period from the store and redraw the tree, keeping folds and cursor."""
        if self.period is not None and self.store.period(self.period.id) is None:
            self.period = None
        if self.period is None:
            self.period = self._initial_period()
        self._shown = self._source()
        tree = self.query_one(OkrTree)
        if self.period is None:
            roots: list[ObjectiveNode] = []
        else:
            roots = build_tree(
                self.period,
                self.store.objectives(self.period.id),
                self.store.key_results_in_period(self.period.id),
                self.today,
            )
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
            pane.show_objective(node, self.period, parent.objective.title if parent else None)
        elif ref.id in self.kr_views:
            view, node = self.kr_views[ref.id]
            pane.show_kr(view, self.period, node.objective.title, self.store.checkins(ref.id, limit=6))

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

    def guarded(self) -> bool:
        """False (and a message) when the workspace cannot be changed."""
        if self.store.readonly:
            self.notify(t("ws.readonly_write"), severity="error")
            return False
        if self.period is None:
            self.notify(t("okr.no_period"), severity="warning")
            return False
        return True

    def _apply(self, change: Callable[[], object], keep: NodeRef | None = None) -> bool:
        """Run a store change, reload, and say whether it worked (errors become one line)."""
        try:
            change()
        except CxError as exc:
            self.notify(exc.message, severity="error")
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
        from screens.dialogs.objective import ObjectiveDialog

        # Empty title: the dialog's validation asks for one.
        draft = Objective(period_id=self.period.id, parent_id=parent.id if parent else None, title="")
        result = await self.app.push_screen_wait(
            ObjectiveDialog(draft, parent.title if parent else None, is_new=True)
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
            self.notify(t("okr.select_objective"), severity="warning")
            return
        from screens.dialogs.key_result import KeyResultDialog

        draft = KeyResult(objective_id=objective.id, title="", start=0, target=100)
        result = await self.app.push_screen_wait(KeyResultDialog(draft, objective.title, is_new=True))
        if result is not None:
            self._apply(lambda: okr.save_key_result(self.store, result), NodeRef("kr", result.id))

    @work
    async def action_edit(self) -> None:
        """Edit the selected objective or key result."""
        ref = self.selected
        if ref is None or not self.guarded():
            return
        from screens.dialogs.key_result import KeyResultDialog
        from screens.dialogs.objective import ObjectiveDialog

        if ref.kind == "objective":
            node = self.objective_nodes[ref.id]
            parent = self.objective_nodes.get(node.objective.parent_id or "")
            edited_o = await self.app.push_screen_wait(
                ObjectiveDialog(node.objective, parent.objective.title if parent else None, is_new=False)
            )
            if edited_o is not None:
                self._apply(lambda: okr.save_objective(self.store, edited_o), ref)
        else:
            view, node = self.kr_views[ref.id]
            edited_k = await self.app.push_screen_wait(
                KeyResultDialog(view.kr, node.objective.title, is_new=False)
            )
            if edited_k is not None:
                self._apply(lambda: okr.save_key_result(self.store, edited_k), ref)

    @work
    async def action_checkin(self) -> None:
        """Record a check-in on the selected key result."""
        ref = self.selected
        if not self.guarded():
            return
        if ref is None or ref.kind != "kr":
            self.notify(t("okr.select_kr"), severity="warning")
            return
        from screens.dialogs.checkin import CheckInDialog

        kr = self.kr_views[ref.id][0].kr
        previous = self.store.checkins(kr.id, limit=1)
        result = await self.app.push_screen_wait(
            CheckInDialog(kr, previous[0] if previous else None, self.today)
        )
        if result is not None and self._apply(lambda: okr.record_checkin(self.store, result), ref):
            self.notify(t("msg.checkin_saved", title=kr.title))

    @work
    async def action_delete(self) -> None:
        """Delete the selected objective (with what hangs under it) or key result, after asking."""
        ref = self.selected
        if ref is None or not self.guarded():
            return
        from screens.dialogs.confirm import ConfirmDialog

        if ref.kind == "objective":
            title = self.objective_nodes[ref.id].objective.title
            children, krs, checkins = okr.count_descendants(self.store, ref.id)
            message = t(
                "confirm.delete_objective", title=title, children=children, krs=krs, checkins=checkins
            )
        else:
            title = self.kr_views[ref.id][0].kr.title
            checkins = len(self.store.checkins(ref.id))
            message = t("confirm.delete_kr", title=title, checkins=checkins)
        confirmed = await self.app.push_screen_wait(
            ConfirmDialog(t("confirm.delete_title"), message, t("key.delete"))
        )
        if not confirmed:
            return
        if ref.kind == "objective":
            deleted = self._apply(lambda: okr.delete_objective(self.store, ref.id))
        else:
            deleted = self._apply(lambda: okr.delete_key_result(self.store, ref.id))
        if deleted:
            self.notify(t("msg.deleted", title=title))

    def action_move(self, delta: int) -> None:
        """Move the selected objective or KR among its siblings."""
        ref = self.selected
        if ref is None or not self.guarded():
            return
        if ref.kind == "objective":
            self._apply(lambda: okr.move_objective(self.store, ref.id, delta), ref)
        else:
            self._apply(lambda: okr.move_key_result(self.store, ref.id, delta), ref)
