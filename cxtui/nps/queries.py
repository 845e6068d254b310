"""Read side of the NPS repository: survey summaries, segments, distribution, trend, comparisons,
comments and the follow-up queue, all counted in SQL.

Every function takes a `Reader` (a `Store`, or a `ReadOnlyWorkspace` for the fast CLI path) and a
target: a `Survey`, a survey name or id, a date range written `2026-01-01..2026-03-31`, or a `Ref`.
Promoters, passives and detractors are counted by SQLite with SUM(CASE ...) over covering indexes;
rows are never loaded into Python to be counted. This module must stay free of sqlite-utils,
pydantic and textual so that `cxtui nps show` starts fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal, Protocol

from cxtui.errors import InputError
from cxtui.i18n import t
from cxtui.nps.stats import (
    Comparison,
    Counts,
    NpsSummary,
    answers_needed,
    is_small,
    round_half_away,
)
from cxtui.nps.stats import compare as compare_counts

Grain = Literal["week", "month", "quarter"]
GRAINS: tuple[Grain, ...] = ("week", "month", "quarter")
FOLLOWUP_STATUSES = ("open", "contacted", "resolved")

_COUNTS_SQL = (
    "COALESCE(SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END), 0) AS promoters, "
    "COALESCE(SUM(CASE WHEN score BETWEEN 7 AND 8 THEN 1 ELSE 0 END), 0) AS passives, "
    "COALESCE(SUM(CASE WHEN score <= 6 THEN 1 ELSE 0 END), 0) AS detractors"
)
_RANGE_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})\s*$")


class Reader(Protocol):
    """Anything that answers read queries as dicts: `Store` and `ReadOnlyWorkspace` both do."""

    def rows(self, sql: str, params: Iterable[Any] = ...) -> list[dict[str, Any]]:
        """Rows of a read query as dicts."""
        ...


# -- surveys and references -------------------------------------------------------------------


@dataclass(frozen=True)
class Survey:
    """A survey: a named import, a manual-entry batch, a template survey, or a stored date range."""

    id: str
    name: str
    kind: str  # import | manual | range | template
    source: str = ""
    range_start: date | None = None
    range_end: date | None = None
    template: str | None = None
    created: str = ""
    updated: str = ""

    @property
    def is_range(self) -> bool:
        """Whether this survey is a window over every survey's answers rather than answers of its own."""
        return self.kind == "range"

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Survey:
        """Build from a `surveys` row."""
        return cls(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            source=row.get("source") or "",
            range_start=_date_or_none(row.get("range_start")),
            range_end=_date_or_none(row.get("range_end")),
            template=row.get("template"),
            created=row.get("created") or "",
            updated=row.get("updated") or "",
        )


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


def _date_or_none(value: object) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def has_nps_tables(reader: Reader) -> bool:
    """Whether the workspace has the NPS tables (a file from before NPS existed has none yet)."""
    found = reader.rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'responses'")
    return bool(found)


def list_surveys(reader: Reader) -> list[Survey]:
    """Every survey, by name."""
    return [Survey.from_row(r) for r in reader.rows("SELECT * FROM surveys ORDER BY name")]


def find_survey(reader: Reader, name_or_id: str) -> Survey | None:
    """The survey with this name (or id), or None."""
    found = reader.rows("SELECT * FROM surveys WHERE name = ? OR id = ? LIMIT 1", [name_or_id, name_or_id])
    return Survey.from_row(found[0]) if found else None


def get_survey(reader: Reader, name_or_id: str) -> Survey:
    """The survey with this name (or id); InputError naming the known surveys when there is none."""
    survey = find_survey(reader, name_or_id)
    if survey is None:
        names = [s.name for s in list_surveys(reader)]
        known = ", ".join(names[:8]) + (", …" if len(names) > 8 else "") if names else t("nps.none")
        raise InputError(t("nps.survey_missing", name=name_or_id, known=known), field="survey")
    return survey


def parse_range(text: str) -> tuple[date, date] | None:
    """`2026-01-01..2026-03-31` as (start, end) inclusive; None when `text` is not written that way."""
    match = _RANGE_RE.match(text)
    if match is None:
        return None
    try:
        start, end = date.fromisoformat(match.group(1)), date.fromisoformat(match.group(2))
    except ValueError:
        raise InputError(t("nps.bad_range", text=text), field="range") from None
    if end < start:
        raise InputError(t("nps.range_backwards", text=text), field="range")
    return start, end


def range_label(start: date, end: date) -> str:
    """How a date range is written on the command line and in JSON."""
    return f"{start.isoformat()}..{end.isoformat()}"


def resolve(reader: Reader, target: Target) -> Ref:
    """A target as a Ref: a survey name (or id) first, else a date range; InputError when neither."""
    if isinstance(target, Ref):
        return target
    if isinstance(target, Survey):
        return Ref(target.name, target, target.range_start, target.range_end)
    survey = find_survey(reader, target)
    if survey is not None:
        return Ref(survey.name, survey, survey.range_start, survey.range_end)
    dates = parse_range(target)
    if dates is not None:
        return Ref(range_label(*dates), None, dates[0], dates[1])
    if ".." in target:
        raise InputError(t("nps.bad_range", text=target), field="range")
    get_survey(reader, target)  # raises with the list of known surveys
    raise AssertionError("unreachable")


def _scope(ref: Ref, segment: str | None = None, alias: str = "") -> tuple[str, list[Any]]:
    """WHERE clause (and parameters) selecting the answers a Ref reads."""
    a = f"{alias}." if alias else ""
    if ref.is_range:
        clauses, params = [f"{a}answered_at IS NOT NULL"], []
        if ref.start is not None:
            clauses.append(f"{a}answered_at >= ?")
            params.append(ref.start.isoformat())
        if ref.end is not None:
            # answered_at is ISO text (a date or a date-time): "< next day" includes the whole last day.
            clauses.append(f"{a}answered_at < ?")
            params.append((ref.end + timedelta(days=1)).isoformat())
    else:
        assert ref.survey is not None
        clauses, params = [f"{a}survey_id = ?"], [ref.survey.id]
    if segment is not None:
        clauses.append(f"{a}segment = ?")
        params.append(segment)
    return " AND ".join(clauses), params


# -- summaries ----------------------------------------------------------------------------------


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


def _counts(row: dict[str, Any]) -> Counts:
    return Counts(int(row["promoters"] or 0), int(row["passives"] or 0), int(row["detractors"] or 0))


def summaries(reader: Reader) -> list[SurveySummary]:
    """Every survey with its counts, NPS, interval and first/last answer: one grouped query.

    Date-range surveys are counted with one extra query each over the answered_at index.
    """
    found = reader.rows(
        f"""
        SELECT s.*, COALESCE(a.promoters, 0) AS promoters, COALESCE(a.passives, 0) AS passives,
            COALESCE(a.detractors, 0) AS detractors,
            (SELECT MIN(answered_at) FROM responses r WHERE r.survey_id = s.id) AS first,
            (SELECT MAX(answered_at) FROM responses r WHERE r.survey_id = s.id) AS last,
            (SELECT COALESCE(SUM(i.rejected), 0) FROM imports i WHERE i.survey_id = s.id) AS rejected
        FROM surveys s
        LEFT JOIN (SELECT survey_id, {_COUNTS_SQL} FROM responses GROUP BY survey_id) a
            ON a.survey_id = s.id
        ORDER BY s.name
        """
    )
    result = []
    for row in found:
        survey = Survey.from_row(row)
        if survey.is_range:
            result.append(summary(reader, survey))
            continue
        result.append(
            SurveySummary(
                survey,
                NpsSummary.from_counts(survey.name, _counts(row), int(row["rejected"])),
                _date_or_none(row["first"]),
                _date_or_none(row["last"]),
            )
        )
    return result


def summary(reader: Reader, target: Target, segment: str | None = None) -> SurveySummary:
    """One survey's (or date range's) summary, optionally of one segment only."""
    ref = resolve(reader, target)
    where, params = _scope(ref, segment)
    row = reader.rows(
        f"SELECT {_COUNTS_SQL}, MIN(answered_at) AS first, MAX(answered_at) AS last "
        f"FROM responses WHERE {where}",
        params,
    )[0]
    rejected = 0
    if ref.survey is not None and not ref.is_range and segment is None:
        # Rejected rows belong to the survey's import, not to any segment (they have none).
        rejected = int(
            reader.rows(
                "SELECT COALESCE(SUM(rejected), 0) AS n FROM imports WHERE survey_id = ?", [ref.survey.id]
            )[0]["n"]
        )
    return SurveySummary(
        ref.survey,
        NpsSummary.from_counts(ref.label, _counts(row), rejected),
        _date_or_none(row["first"]),
        _date_or_none(row["last"]),
    )


def by_segment(reader: Reader, target: Target) -> list[tuple[str, NpsSummary]]:
    """(segment, summary) for every segment value of a survey, by segment; '' is "no segment"."""
    ref = resolve(reader, target)
    where, params = _scope(ref)
    found = reader.rows(
        f"SELECT segment, {_COUNTS_SQL} FROM responses WHERE {where} AND score IS NOT NULL "
        "GROUP BY segment ORDER BY segment",
        params,
    )
    return [(row["segment"], NpsSummary.from_counts(ref.label, _counts(row))) for row in found]


def segments(reader: Reader, target: Target) -> list[str]:
    """The segment values a survey's answers have (no '' entry)."""
    return [s for s, _ in by_segment(reader, target) if s]


def distribution(reader: Reader, target: Target, segment: str | None = None) -> list[int]:
    """How many answers gave each score: 11 buckets for 0..10."""
    ref = resolve(reader, target)
    where, params = _scope(ref, segment)
    buckets = [0] * 11
    for row in reader.rows(
        f"SELECT score, COUNT(*) AS n FROM responses WHERE {where} AND score IS NOT NULL GROUP BY score",
        params,
    ):
        buckets[int(row["score"])] = int(row["n"])
    return buckets


def undated(reader: Reader, target: Target) -> int:
    """How many of a survey's answers have no date (they are left out of trends and date ranges)."""
    ref = resolve(reader, target)
    if ref.is_range:
        return 0
    where, params = _scope(ref)
    return int(
        reader.rows(
            f"SELECT COUNT(*) AS n FROM responses WHERE {where} "
            "AND answered_at IS NULL AND score IS NOT NULL",
            params,
        )[0]["n"]
    )


# -- trend --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    """One period of a trend; periods without answers are kept (n = 0) so charts show the gap."""

    period: str  # ASCII label: 2026-03, 2026-W10, 2026-Q1
    start: date
    end: date
    counts: Counts
    nps: float | None
    ci95: tuple[float, float] | None


def period_of(day: date, grain: Grain) -> tuple[str, date]:
    """The ASCII label and first day of the period containing `day`."""
    if grain == "month":
        return f"{day.year}-{day.month:02d}", day.replace(day=1)
    if grain == "quarter":
        quarter = (day.month - 1) // 3 + 1
        return f"{day.year}-Q{quarter}", date(day.year, 3 * quarter - 2, 1)
    if grain == "week":
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}", date.fromisocalendar(iso.year, iso.week, 1)
    raise InputError(t("nps.bad_grain", grain=grain, choices=", ".join(GRAINS)), field="grain")


def _next_start(start: date, grain: Grain) -> date:
    if grain == "week":
        return start + timedelta(days=7)
    months = 1 if grain == "month" else 3
    month0 = start.month - 1 + months
    return date(start.year + month0 // 12, month0 % 12 + 1, 1)


def trend(
    reader: Reader, target: Target, grain: Grain = "month", segment: str | None = None
) -> list[TrendPoint]:
    """NPS by week, month or quarter from the first to the last dated answer, gaps included.

    SQLite counts per day (from the survey/date index); days are folded into periods here because
    SQLite's strftime has no ISO week.
    """
    from cxtui.nps.stats import ci95, nps

    ref = resolve(reader, target)
    where, params = _scope(ref, segment)
    days = reader.rows(
        f"SELECT substr(answered_at, 1, 10) AS day, {_COUNTS_SQL} FROM responses "
        f"WHERE {where} AND answered_at IS NOT NULL AND score IS NOT NULL GROUP BY day ORDER BY day",
        params,
    )
    if not days:
        return []
    per_period: dict[date, Counts] = {}
    for row in days:
        _, start = period_of(date.fromisoformat(row["day"]), grain)
        per_period[start] = per_period.get(start, Counts()) + _counts(row)
    points = []
    start = min(per_period)
    last = max(per_period)
    while start <= last:
        label, _ = period_of(start, grain)
        following = _next_start(start, grain)
        counts = per_period.get(start, Counts())
        points.append(
            TrendPoint(label, start, following - timedelta(days=1), counts, nps(counts), ci95(counts))
        )
        start = following
    return points


# -- comparisons --------------------------------------------------------------------------------


def compare(reader: Reader, before: Target, after: Target, segment: str | None = None) -> Comparison:
    """Before/after comparison of two surveys or date ranges (optionally one segment of each)."""
    b = summary(reader, before, segment)
    a = summary(reader, after, segment)
    return compare_counts(b.summary, a.summary)


def format_points(value: float | None, signed: bool = False) -> str:
    """An NPS-like value for display: rounded half away from zero, '—' when there is none."""
    if value is None:
        return "—"
    rounded = int(round_half_away(value))
    return f"{rounded:+d}" if signed else f"{rounded:d}"


def p_text(p: float | None) -> str:
    """A p-value as reports write it: `p = 0.012`, or `p < 0.001` when it is tiny."""
    if p is None:
        return "p = —"
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def verdict(result: Comparison) -> str:
    """The plain-language conclusion of a comparison, in the current language."""
    b, a = result.before, result.after
    if b.n == 0 or a.n == 0:
        return t("nps.verdict_empty")
    parts = []
    if is_small(b.counts) or is_small(a.counts):
        parts.append(t("nps.verdict_small", n=min(b.n, a.n)))
    delta = format_points(result.delta, signed=True)
    p = p_text(result.p_value)
    if result.significant and (result.delta or 0) > 0:
        parts.append(t("nps.verdict_up", delta=delta, p=p))
    elif result.significant:
        parts.append(t("nps.verdict_down", delta=delta, p=p))
    else:
        needed = answers_needed(b, a)
        if needed is None:
            parts.append(t("nps.verdict_same", delta=delta, p=p))
        else:
            parts.append(t("nps.verdict_noise", delta=delta, p=p, more=needed))
    return " ".join(parts)


# -- comments and follow-ups --------------------------------------------------------------------


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


def _comment_filters(
    reader: Reader,
    target: Target | None,
    category: str | None,
    search: str | None,
    segment: str | None,
    detractors_only: bool = False,
) -> tuple[str, list[Any]]:
    clauses, params = ["r.comment <> ''"], []
    if target is not None:
        where, scope_params = _scope(resolve(reader, target), segment, alias="r")
        clauses.append(where)
        params.extend(scope_params)
    elif segment is not None:
        clauses.append("r.segment = ?")
        params.append(segment)
    if category is not None:
        clauses.append("r.category = ?")
        params.append(category)
    if search:
        # LIKE with an escape: a search for "100%" finds "100%", not every comment.
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("r.comment LIKE ? ESCAPE '\\'")
        params.append(f"%{escaped}%")
    if detractors_only:
        clauses.append("r.score <= 6")
    return " AND ".join(clauses), params


def comments(
    reader: Reader,
    target: Target | None = None,
    *,
    category: str | None = None,
    search: str | None = None,
    segment: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[CommentRow]:
    """Comments (newest first), filtered by survey, category, segment and a search text."""
    where, params = _comment_filters(reader, target, category, search, segment)
    found = reader.rows(
        "SELECT r.id AS response_id, s.name AS survey, r.score, r.segment, r.category, r.comment, "
        "r.answered_at FROM responses r JOIN surveys s ON s.id = r.survey_id "
        f"WHERE {where} ORDER BY r.answered_at IS NULL, r.answered_at DESC, r.line, r.id "
        "LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    )
    return [CommentRow(**row) for row in found]


def comment_count(
    reader: Reader,
    target: Target | None = None,
    *,
    category: str | None = None,
    search: str | None = None,
    segment: str | None = None,
) -> int:
    """How many comments `comments()` would page through with the same filters."""
    where, params = _comment_filters(reader, target, category, search, segment)
    return int(reader.rows(f"SELECT COUNT(*) AS n FROM responses r WHERE {where}", params)[0]["n"])


def category_counts(reader: Reader, target: Target | None = None) -> list[tuple[str, int]]:
    """(category, number of comments) for the comment filter, most frequent first."""
    where, params = _comment_filters(reader, target, None, None, None)
    found = reader.rows(
        f"SELECT r.category AS category, COUNT(*) AS n FROM responses r WHERE {where} "
        "GROUP BY r.category ORDER BY n DESC, r.category",
        params,
    )
    return [(row["category"], int(row["n"])) for row in found]


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


def followups(
    reader: Reader, target: Target | None = None, status: str | None = None, segment: str | None = None
) -> list[FollowupRow]:
    """Detractors (0–6) who left a comment: open first, then contacted, then resolved; newest first."""
    if status is not None and status not in FOLLOWUP_STATUSES:
        raise InputError(
            t("nps.bad_status", status=status, choices=", ".join(FOLLOWUP_STATUSES)), field="status"
        )
    where, params = _comment_filters(reader, target, None, None, segment, detractors_only=True)
    if status is not None:
        where += " AND COALESCE(f.status, 'open') = ?"
        params.append(status)
    found = reader.rows(
        "SELECT r.id AS response_id, s.name AS survey, r.score, r.segment, r.category, r.comment, "
        "r.answered_at, COALESCE(f.owner, '') AS owner, COALESCE(f.status, 'open') AS status, "
        "COALESCE(f.note, '') AS note, f.updated AS updated "
        "FROM responses r JOIN surveys s ON s.id = r.survey_id "
        "LEFT JOIN followups f ON f.response_id = r.id "
        f"WHERE {where} "
        "ORDER BY CASE COALESCE(f.status, 'open') WHEN 'open' THEN 0 WHEN 'contacted' THEN 1 ELSE 2 END, "
        "r.answered_at IS NULL, r.answered_at DESC, r.line, r.id",
        params,
    )
    return [FollowupRow(**row) for row in found]


def with_label(result: SurveySummary, label: str) -> SurveySummary:
    """The same summary under another name (e.g. a segment's value)."""
    return replace(result, summary=replace(result.summary, survey=label))
