"""The NPS screen's widgets, in one import: they take models through `show(...)`, never the store."""

from __future__ import annotations

from screens.nps.charts import DistributionChart, TrendChart, TrendPlot
from screens.nps.headline import CompareView, NpsHeadline, ProportionBar, StackedBar
from screens.nps.tables import CommentsTable, FollowupsTable, NpsTable, SegmentsTable

__all__ = [
    "CommentsTable",
    "CompareView",
    "DistributionChart",
    "FollowupsTable",
    "NpsHeadline",
    "NpsTable",
    "ProportionBar",
    "SegmentsTable",
    "StackedBar",
    "TrendChart",
    "TrendPlot",
]
