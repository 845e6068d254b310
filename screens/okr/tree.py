"""The OKR tree: objectives (aligned ones nested) and their key results with progress bars."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text, TextType
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from cxtui.format import with_unit
from cxtui.i18n import t
from cxtui.okr.models import KeyResult, KRKind
from cxtui.okr.tree import KRView, ObjectiveNode
from screens.shared.bars import progress_text, rjust_cells
from screens.shared.translate import translate_bindings

# A shape per state, not only a colour (a projector or a colour-blind reader loses the colour):
# ✓ on track, ! at risk, ✗ off track; one cell wide everywhere, Japanese terminals included.
CONFIDENCE_MARK = {
    "on_track": ("✓", "bold green"),
    "at_risk": ("!", "bold yellow"),
    "off_track": ("✗", "bold red"),
}


def confidence_text(value: str | None) -> Text:
    """`✓ on track` / `! at risk` / `✗ off track` in its colour; a dash when there is none yet."""
    if value is None:
        return Text("–", style="dim")
    mark, style = CONFIDENCE_MARK[value]
    return Text(f"{mark} {t('okr.confidence.' + value)}", style=style)


def value_text(kr: KeyResult, value: float) -> str:
    """A value of a key result as shown: with its unit, a milestone's as done / not done."""
    if kr.kind is KRKind.milestone:
        return t("common.word.done") if value >= 1 else t("common.word.not_done")
    return with_unit(value, kr.unit)


@dataclass(frozen=True)
class NodeRef:
    """What a tree line stands for: an objective or a key result, by id."""

    kind: str  # "objective" | "kr"
    id: str


class OkrTree(Tree[NodeRef]):
    """Objectives and KRs of one period. Fold state and cursor survive a reload."""

    # Tree's own bindings again, with i18n keys as descriptions so help speaks the UI language.
    BINDINGS = [
        Binding("left", "fold", "okr.key.fold", show=False),
        Binding("right", "unfold", "okr.key.unfold", show=False),
        Binding("shift+left", "cursor_parent", "okr.key.cursor_parent", show=False),
        Binding("shift+right", "cursor_parent_next_sibling", "okr.key.cursor_next_ancestor", show=False),
        Binding("shift+up", "cursor_previous_sibling", "okr.key.cursor_prev_sibling", show=False),
        Binding("shift+down", "cursor_next_sibling", "okr.key.cursor_next_sibling", show=False),
        Binding("enter", "select_cursor", "okr.key.select", show=False),
        Binding("space", "toggle_node", "okr.key.toggle", show=False),
        Binding("shift+space", "toggle_expand_all", "okr.key.toggle_all", show=False),
        Binding("up", "cursor_up", "okr.key.cursor_up", show=False),
        Binding("down", "cursor_down", "okr.key.cursor_down", show=False),
    ]

    # True while show() adds nodes (see _invalidate); a class default because Tree.__init__ invalidates.
    _adding = False

    def __init__(self, *, id: str | None = None) -> None:
        # A Text, not a str: Tree parses a str label as markup, which on first use imports rich's
        # emoji table (~3 ms before the first paint) for a root that is never shown.
        super().__init__(Text("OKR"), id=id)
        translate_bindings(self)
        self.show_root = False
        self.guide_depth = 3
        self.auto_expand = False
        self.folded: set[str] = set()

    def show(self, roots: list[ObjectiveNode], keep: NodeRef | None = None) -> None:
        """Replace the tree with `roots`, keep folds, and put the cursor on `keep` if it still exists."""
        cursor = keep or self.selected_ref
        self.clear()
        target: TreeNode[NodeRef] | None = None
        self._adding = True
        try:
            for root in roots:
                found = self._add_objective(self.root, root, cursor)
                target = target or found
        finally:
            self._adding = False
        self._invalidate()
        self.root.expand()
        # Reading last_line lays the lines out now, so the target's line number is known.
        _ = self.last_line
        if target is not None and target.line >= 0:
            self.move_cursor(target)
        elif self.root.children:
            self.move_cursor(self.root.children[0])

    def _add_objective(
        self, parent: TreeNode[NodeRef], node: ObjectiveNode, cursor: NodeRef | None
    ) -> TreeNode[NodeRef] | None:
        ref = NodeRef("objective", node.objective.id)
        branch = parent.add(objective_label(node), data=ref, expand=node.objective.id not in self.folded)
        found = branch if ref == cursor else None
        for kr in node.krs:
            leaf = branch.add_leaf(kr_label(kr), data=NodeRef("kr", kr.kr.id))
            if leaf.data == cursor:
                found = leaf
        for child in node.children:
            found = self._add_objective(branch, child, cursor) or found
        if not branch.children:
            branch.allow_expand = False
        return found

    def _invalidate(self) -> None:
        # Tree.add invalidates the line cache and asks for a layout after every node; while show()
        # adds a whole period (1,200 nodes in the large benchmark) once at the end is enough.
        if not self._adding:
            super()._invalidate()

    def process_label(self, label: TextType) -> Text:
        """Use a one-line Text label as it is (Tree would split it into lines and copy the first)."""
        # The labels are built here, never shared and never multi-line: the copy only cost time.
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    def get_label_width(self, node: TreeNode[NodeRef]) -> int:
        """The width render_label would give, without rendering: Tree asks it of every line on a rebuild."""
        label = node.label
        width = label.cell_len if isinstance(label, Text) else cell_len(label)
        if node.allow_expand:
            width += cell_len(self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE)
        return width

    @property
    def selected_ref(self) -> NodeRef | None:
        """The objective or KR under the cursor."""
        node = self.cursor_node
        return None if node is None else node.data

    def on_tree_node_collapsed(self, event: Tree.NodeCollapsed[NodeRef]) -> None:
        """Remember a fold so a reload keeps it."""
        if event.node.data is not None:
            self.folded.add(event.node.data.id)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeRef]) -> None:
        """Forget a fold."""
        if event.node.data is not None:
            self.folded.discard(event.node.data.id)

    def action_fold(self) -> None:
        """Fold the branch under the cursor, or go to its parent when it is folded or a KR."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_unfold(self) -> None:
        """Unfold the branch under the cursor."""
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()


def objective_label(node: ObjectiveNode) -> Text:
    """`███████▊░░  78% ●  Title  (owner) ⚠ behind`."""
    label = progress_text(node.progress, node.band)
    label.append("  ")
    label.append(node.objective.title, style="bold")
    if node.objective.owner:
        label.append(f"  {node.objective.owner}", style="dim")
    if node.behind:
        label.append(f"  {t('okr.screen.behind')}", style="yellow")
    if node.too_many_krs:
        label.append(f"  {t('okr.screen.too_many_krs_short')}", style="yellow")
    return label


def kr_label(view: KRView) -> Text:
    """`KR ██████░░░░  70% ● 4.5% !  Cut churn…`: figures first, so a long title never hides them."""
    label = Text("KR ", style="dim")
    label.append_text(progress_text(view.progress, view.band))
    label.append(f" {rjust_cells(with_unit(view.kr.value, view.kr.unit), 9)} ", style="bold")
    if view.kr.confidence is not None:
        mark, style = CONFIDENCE_MARK[view.kr.confidence.value]
        label.append(mark, style=style)
    else:
        label.append(" ")
    label.append("  ")
    label.append(view.kr.title)
    if view.behind:
        label.append(f"  {t('okr.screen.behind')}", style="yellow")
    return label
