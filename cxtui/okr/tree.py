"""The OKR tree of a period as view models: progress, expected progress, band, warnings.

Pure: built from models the store returns, so the report, the CLI and the screens agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cxtui.okr.metrics import (
    MAX_KRS_ADVISED,
    band,
    expected_progress,
    is_behind,
    kr_progress,
    kr_raw_progress,
    objective_progress,
)
from cxtui.okr.models import Band, KeyResult, Objective, Period


@dataclass
class KRView:
    """A key result with its computed figures."""

    kr: KeyResult
    progress: float
    raw_progress: float
    expected: float
    behind: bool
    band: Band


@dataclass
class ObjectiveNode:
    """An objective with its KRs, aligned children and computed progress."""

    objective: Objective
    krs: list[KRView]
    children: list[ObjectiveNode] = field(default_factory=list)
    progress: float | None = None
    expected: float = 0.0
    behind: bool = False
    band: Band | None = None

    @property
    def too_many_krs(self) -> bool:
        """More than the advised 3-5 key results (a gentle warning, never a block)."""
        return len(self.krs) > MAX_KRS_ADVISED

    def walk(self) -> list[ObjectiveNode]:
        """This node and all its descendants, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def build_tree(
    period: Period,
    objectives: list[Objective],
    krs_by_objective: dict[str, list[KeyResult]],
    today: date,
) -> list[ObjectiveNode]:
    """Arrange a period's objectives into trees (roots in order) and compute every figure."""
    expected = expected_progress(period, today)
    nodes = {
        o.id: ObjectiveNode(o, [_kr_view(kr, expected) for kr in krs_by_objective.get(o.id, [])])
        for o in objectives
    }
    roots: list[ObjectiveNode] = []
    for objective in objectives:
        node = nodes[objective.id]
        parent = nodes.get(objective.parent_id or "")
        (parent.children if parent is not None else roots).append(node)
    for root in roots:
        _compute(root, expected, set())
    return roots


def _kr_view(kr: KeyResult, expected: float) -> KRView:
    progress = kr_progress(kr)
    return KRView(
        kr=kr,
        progress=progress,
        raw_progress=kr_raw_progress(kr),
        expected=expected,
        behind=is_behind(progress, expected),
        band=band(progress),
    )


def _compute(node: ObjectiveNode, expected: float, seen: set[str]) -> None:
    seen.add(node.objective.id)
    for child in node.children:
        if child.objective.id not in seen:
            _compute(child, expected, seen)
    child_progress = (
        [c.progress for c in node.children if c.progress is not None] if node.objective.rollup else []
    )
    node.progress = objective_progress([v.kr for v in node.krs], child_progress)
    node.expected = expected
    if node.progress is not None:
        node.band = band(node.progress)
        node.behind = is_behind(node.progress, expected)
