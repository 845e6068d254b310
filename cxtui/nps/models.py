"""NPS models: surveys, what a query reads (`Ref`), parsed exports, and the rows the screens list.

Stored rows follow the one model convention (`cxtui.models.Record`); the others are read models
(rows of a query) and the shapes passed between the importers and the repository.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar, Literal

from cxtui.importing.table import RejectedRow
from cxtui.models import Conversion, Record
from cxtui.nps.stats import Counts, NpsSummary, is_small

KINDS = ("import", "manual", "range", "template")
FOLLOWUP_STATUSES = ("open", "contacted", "resolved")
Grain = Literal["week", "month", "quarter"]
GRAINS: tuple[Grain, ...] = ("week", "month", "quarter")


def date_or_none(value: object) -> date | None:
    """A stored date (ISO text, maybe with a time) as a date; None when empty."""
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


@dataclass(slots=True, kw_only=True)
class Survey(Record):
    """A survey: a named import, a manual-entry batch, a template survey, or a stored date range."""

    ROW_CONVERSIONS: ClassVar[dict[str, Conversion]] = {
        "range_start": date_or_none,
        "range_end": date_or_none,
        "source": lambda value: value or "",
    }

    name: str
    kind: str  # import | manual | range | template
    source: str = ""
    range_start: date | None = None
    range_end: date | None = None
    template: str | None = None

    @property
    def is_range(self) -> bool:
        """Whether this survey is a window over every survey's answers rather than answers of its own."""
        return self.kind == "range"


@dataclass(frozen=True)
class Ref:
    """What a comparison side or a query reads: one survey's answers, or every answer in a date range."""

    label: str
    survey: Survey | None = None
    start: date | None = None
    end: date | None = None  # inclusive

    @property
    def is_range(self) -> bool:
        """Whether this reads a date range (over every survey) rather than one survey."""
        return self.survey is None or self.survey.is_range


Target = Survey | Ref | str


@dataclass(frozen=True)
class SurveySummary:
    """A survey's NPS summary plus what the survey list shows beside it (kind, first/last answer)."""

    survey: Survey | None  # None for an ad-hoc date range
    summary: NpsSummary
    first: date | None
    last: date | None

    @property
    def name(self) -> str:
        """The survey name (or the range label)."""
        return self.summary.survey

    @property
    def counts(self) -> Counts:
        """Promoters, passives and detractors."""
        return self.summary.counts

    @property
    def n(self) -> int:
        """Number of valid answers."""
        return self.summary.n

    @property
    def nps(self) -> float | None:
        """Exact NPS (None without answers)."""
        return self.summary.nps

    @property
    def ci95(self) -> tuple[float, float] | None:
        """Adjusted-Wald 95 % interval."""
        return self.summary.ci95

    @property
    def small(self) -> bool:
        """Whether there are too few answers to conclude anything."""
        return is_small(self.summary.counts)

    def to_json(self) -> dict[str, object]:
        """DESIGN.md's `nps show --json` object."""
        return self.summary.to_json()


@dataclass(frozen=True)
class TrendPoint:
    """One period of a trend; periods without answers are kept (n = 0) so charts show the gap."""

    period: str  # ASCII label: 2026-03, 2026-W10, 2026-Q1
    start: date
    end: date
    counts: Counts
    nps: float | None
    ci95: tuple[float, float] | None


@dataclass(frozen=True)
class CommentRow:
    """One comment with its score, segment, category and date."""

    response_id: str
    survey: str
    score: int | None
    segment: str
    category: str
    comment: str
    answered_at: str | None  # ISO text as stored (date or date-time)


@dataclass(frozen=True)
class FollowupRow:
    """A detractor's comment in the follow-up queue, with who follows it up and how far they got."""

    response_id: str
    survey: str
    score: int
    segment: str
    category: str
    comment: str
    answered_at: str | None
    owner: str
    status: str  # open | contacted | resolved ("open" when nobody has touched it yet)
    note: str
    updated: str | None


@dataclass(frozen=True)
class ManualEntry:
    """One answer typed in by hand (e.g. from a paper form)."""

    score: int | None  # None only for template answers without an NPS question
    comment: str = ""
    segment: str = ""
    answered_at: date | datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)


# -- parsed survey exports (the contract between the importers and the repository) --------------


@dataclass(frozen=True)
class ParsedResponse:
    """One accepted answer row of a survey export."""

    line: int  # 1-based line (or row) number in the source file, as a spreadsheet shows it
    score: int  # 0..10
    comment: str = ""
    segment: str = ""
    answered_at: datetime | None = None
    # Other answers of the row (light-survey questions), header -> raw text.
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DetectedColumns:
    """Which header each role was read from (None: absent)."""

    score: str
    comment: str | None = None
    segment: str | None = None
    date: str | None = None


@dataclass
class ParsedFile:
    """Everything read from one export: every data row is accepted, blank or rejected.

    `parse_file` returns it read whole (`responses` filled). `open_export` returns it with the rows
    still to be read: `batches()` reads them (a few thousand at a time, memory flat), after which
    `accepted` counts them and `blank_lines`/`rejected` are complete.
    """

    source: str  # file name as given
    sha256: str  # of the file's bytes, to detect a second import of the same file
    encoding: str  # "utf-8", "utf-8-sig", "cp932", "utf-16", "xlsx"
    layout: str  # "google_forms", "microsoft_forms", "surveymonkey", "typeform", "qualtrics", "plain"
    columns: DetectedColumns
    headers: list[str]
    responses: list[ParsedResponse] = field(default_factory=list)
    blank_lines: list[int] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    # First rows as text for the import preview (header row(s) excluded).
    preview: list[list[str]] = field(default_factory=list)
    # How ambiguous dates (03/04/2026) were read: "dmy" or "mdy" (None: no such date), and whether
    # a row of the file settled it ("file"), --date-format did ("option"), or no row could ("guess").
    date_order: str | None = None
    date_order_by: str | None = None
    # Rows not read yet (open_export); consumed by batches().
    pending: Iterator[list[ParsedResponse]] | None = field(default=None, repr=False, compare=False)
    accepted: int = 0

    def batches(self) -> Iterator[list[ParsedResponse]]:
        """The accepted answers in batches: those already read, then the rest of the file."""
        if self.responses:
            yield self.responses
        pending, self.pending = self.pending, None
        if pending is not None:
            for batch in pending:
                self.accepted += len(batch)
                yield batch

    def read_all(self) -> ParsedFile:
        """Read the rows still pending into `responses` (the whole file in memory); returns self."""
        pending, self.pending = self.pending, None
        if pending is not None:
            for batch in pending:
                self.responses.extend(batch)
        return self

    @property
    def imported(self) -> int:
        """Accepted answers read so far."""
        return len(self.responses) + self.accepted

    @property
    def total_rows(self) -> int:
        """Data rows seen: accepted + blank + rejected (nothing is silently dropped)."""
        return self.imported + len(self.blank_lines) + len(self.rejected)


@dataclass
class ImportResult:
    """What one import did: how many rows were imported, skipped as blank, or rejected (and why)."""

    survey: Survey
    import_id: str
    source: str
    encoding: str
    layout: str
    columns: DetectedColumns
    imported: int
    blank_lines: list[int] = field(default_factory=list)
    rejected: list[RejectedRow] = field(default_factory=list)
    duplicates: int = 0  # answers already in the workspace, not stored again (--skip-duplicates)
    date_order: str | None = None  # see ParsedFile
    date_order_by: str | None = None

    @property
    def blank(self) -> int:
        """Rows skipped because they had no answer."""
        return len(self.blank_lines)

    @property
    def total_rows(self) -> int:
        """Data rows in the file: imported + blank + rejected."""
        return self.imported + self.blank + len(self.rejected)
