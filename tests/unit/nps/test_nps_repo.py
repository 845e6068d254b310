"""NPS repository: schema, imports as one transaction, counts in SQL, trends, comparisons, comments,
follow-ups, undo, templates and the café demo."""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cxtui import ids
from cxtui.db.migrations import known_migrations
from cxtui.db.store import Store
from cxtui.errors import InputError, WorkspaceError
from cxtui.i18n import set_language
from cxtui.importing.table import RejectedRow, save_rejects_csv
from cxtui.nps import followups, models, queries, repo, surveys
from cxtui.nps.categories import categorize
from cxtui.nps.demo import add_demo, month_windows
from cxtui.nps.duplicates import AlreadyImportedError, DuplicateAnswersError
from cxtui.nps.models import DetectedColumns, ParsedFile, ParsedResponse
from cxtui.nps.stats import counts_from_scores
from cxtui.nps.stats import distribution as stats_distribution
from cxtui.nps.template_results import summarise_template
from cxtui.nps.templates import TEMPLATES, answer_choice, answer_scale, match_question, template_text

TODAY = date(2026, 11, 22)


def parsed_file(
    scores: list[int],
    *,
    sha: str | None = None,
    comments: list[str] | None = None,
    segments: list[str] | None = None,
    dates: Sequence[datetime | None] | None = None,
    rejected: list[RejectedRow] | None = None,
    blank: list[int] | None = None,
    source: str = "export.csv",
) -> ParsedFile:
    """A ParsedFile as the importers would return it (they are tested on their own)."""
    responses = [
        ParsedResponse(
            line=i + 2,
            score=score,
            comment=comments[i] if comments else "",
            segment=segments[i] if segments else "",
            answered_at=dates[i] if dates else None,
        )
        for i, score in enumerate(scores)
    ]
    return ParsedFile(
        source=source,
        sha256=sha or hashlib.sha256(repr((scores, comments, segments, dates)).encode()).hexdigest(),
        encoding="utf-8",
        layout="plain",
        columns=DetectedColumns("score", "comment", "store", "date"),
        headers=["date", "score", "comment", "store"],
        responses=responses,
        blank_lines=blank or [],
        rejected=rejected or [],
    )


def design_scores(promoters: int, passives: int, detractors: int) -> list[int]:
    return [10] * promoters + [8] * passives + [3] * detractors


def table_count(store: Store, table: str) -> int:
    return int(store.rows(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"])


@pytest.fixture
def store() -> Store:
    return Store.memory()


# -- schema ---------------------------------------------------------------------------------------


def test_m002_follows_m001_and_creates_the_nps_tables(store: Store) -> None:
    assert known_migrations()[:2] == ["m001_okr", "m002_nps"]
    tables = {r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"surveys", "responses", "imports", "followups"} <= tables


def test_survey_counts_are_read_from_a_covering_index(store: Store) -> None:
    plan = store.rows(
        "EXPLAIN QUERY PLAN SELECT survey_id, SUM(CASE WHEN score >= 9 THEN 1 ELSE 0 END) "
        "FROM responses GROUP BY survey_id"
    )
    assert any("COVERING INDEX" in r["detail"] for r in plan), plan


def test_score_outside_0_10_is_refused_by_the_schema(store: Store) -> None:
    survey = surveys.create_survey(store, "s")
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO responses (id, survey_id, score, created) VALUES ('x', ?, 11, '')", [survey.id]
        )


# -- surveys --------------------------------------------------------------------------------------


def test_create_rename_delete_survey_each_undoable(store: Store) -> None:
    survey = surveys.create_survey(store, "  Spring  ")
    assert survey.name == "Spring" and survey.kind == "manual"
    with pytest.raises(InputError):
        surveys.create_survey(store, "Spring")
    with pytest.raises(InputError):
        surveys.create_survey(store, "   ")
    surveys.rename_survey(store, "Spring", "Spring 2026")
    assert [s.name for s in surveys.list_surveys(store)] == ["Spring 2026"]
    store.undo()
    assert [s.name for s in surveys.list_surveys(store)] == ["Spring"]


def test_delete_survey_takes_answers_imports_followups_and_undo_restores_all(store: Store) -> None:
    repo.import_parsed(store, "S", parsed_file([2, 9, 10], comments=["slow", "", ""]))
    detractor = followups.followups(store)[0]
    followups.set_followup(store, detractor.response_id, owner="Ann", status="contacted", note="called")
    before = {t: table_count(store, t) for t in ("surveys", "responses", "imports", "followups")}
    assert surveys.delete_survey(store, "S") == 3
    assert all(table_count(store, t) == 0 for t in before)
    assert store.undo() is not None
    assert {t: table_count(store, t) for t in before} == before
    assert followups.followups(store)[0].owner == "Ann"
    assert store.rows("PRAGMA foreign_key_check") == []


def test_range_survey_reads_every_survey_between_its_dates(store: Store) -> None:
    repo.import_parsed(store, "A", parsed_file([10, 3], dates=[datetime(2026, 1, 10), datetime(2026, 4, 1)]))
    repo.import_parsed(store, "B", parsed_file([9, 9], dates=[datetime(2026, 3, 31, 23, 59), None]))
    surveys.create_range_survey(store, "Q1", date(2026, 1, 1), date(2026, 3, 31))
    q1 = queries.summary(store, "Q1")
    assert (q1.counts.promoters, q1.counts.detractors, q1.n) == (2, 0, 2)
    assert q1.first == date(2026, 1, 10) and q1.last == date(2026, 3, 31)
    by_name = {s.name: s for s in queries.summaries(store)}
    assert by_name["Q1"].n == 2 and by_name["A"].n == 2 and by_name["B"].n == 2
    ad_hoc = queries.summary(store, "2026-03-01..2026-04-01")
    assert ad_hoc.name == "2026-03-01..2026-04-01" and ad_hoc.n == 2
    with pytest.raises(InputError):
        repo.import_parsed(store, "Q1", parsed_file([5]))


@pytest.mark.parametrize("text", ["2026-03-31..2026-01-01", "2026-02-30..2026-03-01", "2026-01..2026-02"])
def test_bad_date_ranges_are_one_clear_error(store: Store, text: str) -> None:
    with pytest.raises(InputError) as info:
        queries.summary(store, text)
    assert "\n" not in info.value.message


def test_unknown_survey_lists_the_known_ones(store: Store) -> None:
    surveys.create_survey(store, "Spring")
    with pytest.raises(InputError) as info:
        queries.summary(store, "Sprung")
    assert "Sprung" in info.value.message and "Spring" in info.value.message


# -- imports --------------------------------------------------------------------------------------


def test_import_is_one_undo_step_and_reports_every_row(store: Store) -> None:
    rejected = [RejectedRow(7, 'score "11" is outside 0–10', "x,11")]
    result = repo.import_parsed(store, "S", parsed_file([10, 9, 7, 0], rejected=rejected, blank=[5, 6]))
    assert (result.imported, result.blank, len(result.rejected), result.total_rows) == (4, 2, 1, 7)
    assert result.survey.kind == "import" and result.survey.source == "export.csv"
    assert queries.summary(store, "S").summary.rejected == 1
    assert len(store.journal.undo_stack) == 1
    store.undo()
    assert table_count(store, "responses") == 0 and table_count(store, "surveys") == 0
    store.redo()
    assert table_count(store, "responses") == 4


def test_reimporting_the_same_file_is_refused_and_changes_nothing(store: Store) -> None:
    parsed = parsed_file([10, 3], sha="a" * 64)
    repo.import_parsed(store, "S", parsed)
    with pytest.raises(AlreadyImportedError) as info:
        repo.import_parsed(store, "S", parsed_file([10, 3, 5], sha="a" * 64, source="renamed.csv"))
    assert isinstance(info.value, InputError) and info.value.exit_code == 1
    assert "renamed.csv" in info.value.message and "\n" not in info.value.message
    assert table_count(store, "responses") == 2 and len(store.journal.undo_stack) == 1
    # The same file into another survey would count its answers twice in a date range: refused too.
    with pytest.raises(AlreadyImportedError) as other:
        repo.import_parsed(store, "Other", parsed)
    assert '"S"' in other.value.message
    assert table_count(store, "responses") == 2 and repo.find_survey(store, "Other") is None


def _counts_match_answers(store: Store) -> bool:
    """nps_counts (kept by triggers and bulk imports) agrees with the answers themselves."""
    kept = store.rows("SELECT survey_id, score, n FROM nps_counts ORDER BY 1, 2")
    real = store.rows(
        "SELECT survey_id, score, COUNT(*) AS n FROM responses WHERE score IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
    )
    return kept == real


def test_other_peoples_date_only_answers_of_the_same_day_and_score_are_not_duplicates(store: Store) -> None:
    # Two stores' paper forms typed into two small files: a date without a time, the same day and
    # score on line 2 of each. Different people: both are stored, in both surveys.
    day = datetime(2026, 3, 4)
    repo.import_parsed(store, "Shibuya", parsed_file([9, 10], dates=[day, datetime(2026, 3, 5)]))
    result = repo.import_parsed(store, "Yokohama", parsed_file([9, 7], dates=[day, datetime(2026, 3, 6)]))
    assert (result.imported, result.duplicates) == (2, 0)
    assert queries.summary(store, "Yokohama").n == 2 and table_count(store, "responses") == 4
    # Bigger files too, as long as neither holds the other whole: a day's rows shared, the rest not.
    days = [datetime(2026, 4, d) for d in (1, 1, 2, 2, 3, 3)]
    repo.import_parsed(store, "April A", parsed_file([10, 9, 10, 9, 10, 9], dates=days))
    shared = parsed_file([10, 9, 10, 9, 10, 3], dates=days)
    assert repo.import_parsed(store, "April B", shared).imported == 6


def test_the_same_date_only_answers_as_a_whole_are_refused_or_skipped(store: Store) -> None:
    # The same 16-answer export saved again (other bytes) is still not counted twice: n stays 16.
    days = [datetime(2026, 3, 1 + i // 2) for i in range(16)]
    scores = [10, 9, 8, 3] * 4
    repo.import_parsed(store, "March", parsed_file(scores, dates=days, sha="1" * 64))
    resaved = parsed_file(scores, dates=days, sha="2" * 64, source="march (1).csv")
    with pytest.raises(DuplicateAnswersError) as info:
        repo.import_parsed(store, "March again", resaved)
    assert info.value.exit_code == 1 and (info.value.line, info.value.survey) == (2, "March")
    assert '"March"' in info.value.message and "\n" not in info.value.message
    assert table_count(store, "responses") == 16 and repo.find_survey(store, "March again") is None
    result = repo.import_parsed(store, "March again", resaved, skip_duplicates=True)
    assert (result.imported, result.duplicates) == (0, 16)
    # An export that grew (the same month plus new days) adds only its new answers.
    grown = parsed_file([*scores, 10, 0], dates=[*days, datetime(2026, 3, 20), datetime(2026, 3, 21)])
    with pytest.raises(DuplicateAnswersError):
        repo.import_parsed(store, "March+", grown)
    result = repo.import_parsed(store, "March+", grown, skip_duplicates=True)
    assert (result.imported, result.duplicates) == (2, 16)
    assert queries.summary(store, "2026-03-01..2026-03-31").n == 18
    assert _counts_match_answers(store)
    store.undo()
    assert table_count(store, "responses") == 16 and _counts_match_answers(store)
    store.redo()
    assert table_count(store, "responses") == 18 and _counts_match_answers(store)


def test_import_stores_dates_segments_comments_categories_and_extra(store: Store) -> None:
    parsed = parsed_file(
        [3, 10],
        comments=["待ち時間が長い", "Friendly staff"],
        segments=["渋谷店", "横浜店"],
        dates=[datetime(2026, 3, 4, 10, 15), None],
    )
    parsed.responses[0] = ParsedResponse(
        2, 3, "待ち時間が長い", "渋谷店", datetime(2026, 3, 4, 10, 15), {"Q": "はい"}
    )
    repo.import_parsed(store, "S", parsed)
    rows = store.rows(
        "SELECT score, comment, segment, answered_at, line, category, extra FROM responses ORDER BY line"
    )
    assert rows[0] == {
        "score": 3,
        "comment": "待ち時間が長い",
        "segment": "渋谷店",
        "answered_at": "2026-03-04T10:15:00",
        "line": 2,
        "category": "wait",
        "extra": '{"Q": "はい"}',
    }
    assert rows[1]["category"] == "staff" and rows[1]["answered_at"] is None and rows[1]["extra"] is None


def test_new_ids_are_unique_time_ordered_uuids() -> None:
    made = ids.new_ids(5000)
    assert made == sorted(made) and len(set(made)) == 5000
    parsed = [uuid.UUID(i) for i in made[:10]]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)


KILLED_CHILD = r"""
import sys
from cxtui.nps import repo
from cxtui.nps.models import DetectedColumns, ParsedFile, ParsedResponse
from cxtui.db.store import Store

store = Store.open(sys.argv[1])
rows = [ParsedResponse(line=i + 2, score=i % 11, comment="slow" if i % 3 else "") for i in range(200_000)]
parsed = ParsedFile("big.csv", "b" * 64, "utf-8", "plain", DetectedColumns("score"), ["score"], rows)
real_insert_rows = store.insert_rows

def insert_then_hang(table, rows, **options):
    real_insert_rows(table, rows, **options)
    # Every row is written (and much of it spilled to the WAL), the commit has not happened.
    print("inserted", flush=True)
    import time
    time.sleep(600)

store.insert_rows = insert_then_hang
repo.import_parsed(store, "big", parsed)
"""


def test_killing_the_process_mid_import_leaves_the_workspace_as_before(workspace_path: Path) -> None:
    store = Store.open(workspace_path, create=True)
    repo.import_parsed(store, "existing", parsed_file([10, 8, 2]))
    store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(workspace_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "inserted"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL
    conn = sqlite3.connect(workspace_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM responses").fetchone()[0] == 3
        assert conn.execute("SELECT name FROM surveys").fetchall() == [("existing",)]
        assert conn.execute("SELECT COUNT(*) FROM imports").fetchone()[0] == 1
    finally:
        conn.close()


def test_save_rejects_csv_opens_in_excel_with_japanese(tmp_path: Path) -> None:
    path = tmp_path / "rejects.csv"
    save_rejects_csv([RejectedRow(7, "範囲外の点数", "2026/03/06,11,範囲外")], path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [
            ["line", "reason", "row"],
            ["7", "範囲外の点数", "2026/03/06,11,範囲外"],
        ]


# -- counts in SQL ---------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 10), max_size=300), st.lists(st.sampled_from(["A", "B", ""]), min_size=300))
def test_counts_from_sql_equal_counts_from_stats(scores: list[int], segments: list[str]) -> None:
    store = Store.memory()
    repo.import_parsed(store, "S", parsed_file(scores, segments=segments[: len(scores)]))
    result = queries.summary(store, "S")
    assert result.counts == counts_from_scores(scores)
    assert queries.distribution(store, "S") == stats_distribution(scores)
    listed = queries.summaries(store)
    assert listed[0].counts == counts_from_scores(scores)
    for segment, summary in queries.by_segment(store, "S"):
        mine = [s for s, g in zip(scores, segments, strict=False) if g == segment]
        assert summary.counts == counts_from_scores(mine)


def test_summary_json_is_design_shape(store: Store) -> None:
    repo.import_parsed(store, "S", parsed_file(design_scores(80, 70, 50)))
    data = queries.summary(store, "S").to_json()
    assert list(data) == [
        "survey",
        "n",
        "promoters",
        "passives",
        "detractors",
        "nps",
        "ci95",
        "ci95_meaningful",
        "rejected",
    ]
    assert data["n"] == 200 and data["nps"] == 15.0


def test_empty_survey_has_no_nps(store: Store) -> None:
    surveys.create_survey(store, "empty")
    result = queries.summaries(store)[0]
    assert result.n == 0 and result.nps is None and result.ci95 is None and result.first is None
    assert queries.trend(store, "empty") == [] and queries.distribution(store, "empty") == [0] * 11


# -- trend ------------------------------------------------------------------------------------------


def test_trend_by_month_quarter_and_iso_week_with_gaps(store: Store) -> None:
    dates = [
        datetime(2025, 12, 29, 9),
        datetime(2026, 1, 4, 9),
        datetime(2026, 1, 5, 9),
        datetime(2026, 4, 2, 9),
    ]
    repo.import_parsed(store, "S", parsed_file([10, 9, 0, 8], dates=dates))
    months = queries.trend(store, "S", "month")
    assert [p.period for p in months] == ["2025-12", "2026-01", "2026-02", "2026-03", "2026-04"]
    assert [p.counts.n for p in months] == [1, 2, 0, 0, 1]
    assert months[2].nps is None and months[1].nps == 0.0
    assert months[1].start == date(2026, 1, 1) and months[1].end == date(2026, 1, 31)
    quarters = queries.trend(store, "S", "quarter")
    assert [(p.period, p.counts.n) for p in quarters] == [("2025-Q4", 1), ("2026-Q1", 2), ("2026-Q2", 1)]
    weeks = queries.trend(store, "S", "week")
    # 2025-12-29 (Monday) to 2026-01-04 (Sunday) is ISO week 2026-W01.
    assert (weeks[0].period, weeks[0].counts.n, weeks[0].start) == ("2026-W01", 2, date(2025, 12, 29))
    assert (weeks[1].period, weeks[1].counts.n) == ("2026-W02", 1)
    assert weeks[-1].period == "2026-W14" and len(weeks) == 14
    assert all(p.period.isascii() for p in weeks)
    with pytest.raises(InputError):
        queries.period_of(date(2026, 1, 1), "day")  # type: ignore[arg-type]


# -- compare ----------------------------------------------------------------------------------------


def test_compare_two_surveys_reproduces_the_design_example(store: Store) -> None:
    repo.import_parsed(store, "before", parsed_file(design_scores(80, 70, 50)))
    repo.import_parsed(store, "after", parsed_file(design_scores(110, 60, 30)))
    result = queries.compare(store, "before", "after")
    assert result.before.nps == pytest.approx(15.0) and result.after.nps == pytest.approx(40.0)
    assert result.delta == pytest.approx(25.0)
    assert result.z == pytest.approx(3.248, abs=0.001)
    assert result.p_value == pytest.approx(0.0012, abs=0.0001)
    assert result.significant
    assert queries.verdict(result).startswith("A real improvement: +25 points")


def test_compare_date_ranges_and_one_segment(store: Store) -> None:
    scores = design_scores(10, 10, 10) + design_scores(25, 5, 0)
    dates = [datetime(2026, 1, 15)] * 30 + [datetime(2026, 5, 15)] * 30
    segments = ["A", "B"] * 30
    repo.import_parsed(store, "S", parsed_file(scores, dates=dates, segments=segments))
    result = queries.compare(store, "2026-01-01..2026-03-31", "2026-04-01..2026-06-30")
    assert (result.before.n, result.after.n) == (30, 30)
    assert result.before.survey == "2026-01-01..2026-03-31"
    only_a = queries.compare(store, "2026-01-01..2026-03-31", "2026-04-01..2026-06-30", segment="A")
    assert (only_a.before.n, only_a.after.n) == (15, 15)


def test_verdicts_say_noise_small_samples_and_empty(store: Store) -> None:
    repo.import_parsed(store, "a", parsed_file(design_scores(40, 30, 30)))
    repo.import_parsed(store, "b", parsed_file(design_scores(44, 30, 26)))
    noise = queries.verdict(queries.compare(store, "a", "b"))
    assert noise.startswith("Could be noise") and "more answers" in noise
    repo.import_parsed(store, "tiny", parsed_file([10, 9, 3]))
    assert queries.verdict(queries.compare(store, "a", "tiny")).startswith("Small sample (n = 3)")
    surveys.create_survey(store, "none")
    assert "no answers" in queries.verdict(queries.compare(store, "a", "none"))
    set_language("ja")
    assert "誤差の可能性" in queries.verdict(queries.compare(store, "a", "b"))


# -- comments, categories, follow-ups -------------------------------------------------------------


def test_categorize_english_and_japanese() -> None:
    assert categorize("") == "" and categorize("   ") == ""
    assert categorize("The waiter was rude") == "staff"  # "waiter" is staff, not "wait"
    assert categorize("We waited 20 minutes") == "wait"
    assert categorize("Too EXPENSIVE") == "price"
    assert categorize("店員さんの対応が丁寧") == "staff"
    assert categorize("待ち時間が長い") == "wait"
    assert categorize("価格が高い") == "price"
    assert categorize("コーヒーの味が落ちた") == "product"
    assert categorize("店内の雰囲気が好き") == "atmosphere"
    assert categorize("特になし") == "other"
    # The earliest keyword decides.
    assert categorize("Staff were kind but the wait was long") == "staff"


def test_comments_filter_search_paging_and_category_override(store: Store) -> None:
    comments = ["待ち時間が長い", "100% great coffee", "Staff were rude", "", "It was 100 great"]
    dates = [datetime(2026, 1, d) for d in (1, 2, 3, 4, 5)]
    repo.import_parsed(store, "S", parsed_file([2, 10, 4, 9, 7], comments=comments, dates=dates))
    everything = followups.comments(store, "S")
    assert [c.comment for c in everything] == [
        "It was 100 great",
        "Staff were rude",
        "100% great coffee",
        "待ち時間が長い",
    ]
    assert everything[1].score == 4 and everything[1].category == "staff"
    assert [c.comment for c in followups.comments(store, "S", search="100%")] == ["100% great coffee"]
    assert [c.comment for c in followups.comments(store, "S", category="wait")] == ["待ち時間が長い"]
    assert len(followups.comments(store, "S", limit=2, offset=1)) == 2
    assert followups.comment_count(store, "S") == 4 and followups.comment_count(store, search="great") == 2
    assert dict(followups.category_counts(store, "S")) == {"wait": 1, "product": 1, "staff": 1, "other": 1}
    target = everything[0].response_id
    followups.set_category(store, target, "product")
    assert followups.comments(store, "S", category="product")[0].response_id == target
    store.undo()
    assert followups.comments(store, "S", category="other")[0].response_id == target
    with pytest.raises(InputError):
        followups.set_category(store, target, "weather")
    with pytest.raises(InputError):
        followups.set_category(store, "no-such-id", "price")


def test_followup_queue_lists_detractors_with_comments_and_is_undoable(store: Store) -> None:
    comments = ["slow", "", "rude staff", "great", "meh"]
    repo.import_parsed(store, "S", parsed_file([2, 3, 6, 10, 7], comments=comments))
    queue = followups.followups(store, "S")
    assert sorted(f.comment for f in queue) == ["rude staff", "slow"]
    assert all(f.status == "open" and f.owner == "" for f in queue)
    first = queue[0].response_id
    followups.set_followup(store, first, owner="Ann", status="contacted", note="called")
    assert [f.response_id for f in followups.followups(store, status="contacted")] == [first]
    followups.set_followup(store, first, status="resolved")
    done = followups.followups(store, status="resolved")[0]
    assert (done.owner, done.status, done.note) == ("Ann", "resolved", "called")
    assert followups.followups(store)[-1].response_id == first  # resolved ones last
    store.undo()
    assert followups.followups(store, status="contacted")[0].response_id == first
    store.undo()
    assert len(followups.followups(store, status="open")) == 2 and table_count(store, "followups") == 0
    with pytest.raises(InputError):
        followups.set_followup(store, first, status="closed")
    with pytest.raises(InputError):
        followups.followups(store, status="closed")


# -- quick entry -----------------------------------------------------------------------------------


def test_quick_entry_lines() -> None:
    assert [e.score for e in repo.parse_quick_entry("9 10, 7 ３")] == [9, 10, 7, 3]
    (entry,) = repo.parse_quick_entry("３ 待ち時間が長い", segment="渋谷店")
    assert (entry.score, entry.comment, entry.segment) == (3, "待ち時間が長い", "渋谷店")
    assert repo.parse_quick_entry("  ") == []
    with pytest.raises(InputError):
        repo.parse_quick_entry("eleven 11")
    with pytest.raises(InputError):
        repo.parse_quick_entry("11")


def test_quick_entry_splits_score_and_comment_by_one_rule() -> None:
    # Commas and 、 separate the score from its comment exactly as they separate scores.
    lines = {
        "3,slow service": (3, "slow service"),
        "３、待ち時間が長い": (3, "待ち時間が長い"),
        "３，待ち時間　が長い": (3, "待ち時間 が長い"),  # full-width comma and space (NFKC)
        " 2  slow, expensive ": (2, "slow, expensive"),  # the comment is kept as typed
    }
    for line, expected in lines.items():
        (entry,) = repo.parse_quick_entry(line)
        assert (entry.score, entry.comment) == expected, line
    assert [e.score for e in repo.parse_quick_entry("、9,10、")] == [9, 10]
    assert repo.quick_entry_bad_tokens("3,slow service") == []


def test_several_leading_numbers_are_several_answers() -> None:
    # Issue: `10 9 7 3 slow service` stored one answer (10) with comment '9 7 3 slow service'.
    entries = repo.parse_quick_entry("10 9 7 3 slow service")
    assert [(e.score, e.comment) for e in entries] == [(10, ""), (9, ""), (7, ""), (3, "slow service")]
    entries = repo.parse_quick_entry("１０、９ 待ち時間が 長い")
    assert [(e.score, e.comment) for e in entries] == [(10, ""), (9, "待ち時間が 長い")]
    assert repo.quick_entry_bad_tokens("10 11 3 slow") == ["11"]
    with pytest.raises(InputError) as caught:
        repo.parse_quick_entry("10 12 slow service")
    assert '"12"' in caught.value.message


def test_quick_entry_numbers_only_line_names_every_bad_number() -> None:
    # "9 11 7" is a typo among scores, not 9 with the comment "11 7".
    assert repo.quick_entry_bad_tokens("9 11 7") == ["11"]
    assert repo.quick_entry_bad_tokens("10 11 3 -1 ７.5") == ["11", "-1", "7.5"]
    assert repo.quick_entry_bad_tokens("slow 3") == ["slow"]
    with pytest.raises(InputError) as caught:
        repo.parse_quick_entry("9 11 7")
    assert '"11"' in caught.value.message and caught.value.field == "score"
    with pytest.raises(InputError) as caught:
        repo.parse_quick_entry("9,11、-1")
    message = caught.value.message
    assert '"11"' in message and '"-1"' in message and "\n" not in message


def test_manual_scores_are_one_undo_step_dated_today(store: Store) -> None:
    entries: list[models.ManualEntry | int] = [
        *repo.parse_quick_entry("9 10 7"),
        models.ManualEntry(2, "slow", "A"),
        6,
    ]
    assert repo.add_manual_scores(store, "Workshop", entries) == 5
    survey = surveys.get_survey(store, "Workshop")
    assert survey.kind == "manual"
    result = queries.summary(store, "Workshop")
    assert (result.counts.promoters, result.counts.passives, result.counts.detractors) == (2, 1, 2)
    assert result.first == TODAY and result.last == TODAY
    assert followups.followups(store)[0].comment == "slow"
    with pytest.raises(InputError):
        repo.add_manual_scores(store, "Workshop", [5, 12])
    assert table_count(store, "responses") == 5
    store.undo()
    assert table_count(store, "responses") == 0


# -- templates -------------------------------------------------------------------------------------


def test_template_texts_list_every_question_in_both_languages() -> None:
    for key, template in TEMPLATES.items():
        for lang, j in (("en", 0), ("ja", 1)):
            text = template_text(key, lang)
            assert all(q.text[j] in text for q in template.questions)
    assert "0  1  2  3  4  5  6  7  8  9  10" in template_text("next_week_2min", "en")
    assert "はい  /  検討  /  いいえ" in template_text("next_week_2min", "ja")


def test_answers_and_headers_are_read_leniently() -> None:
    assert [answer_choice(a) for a in ("はい", "Yes", " YES ", "検討", "いいえ", "no.", "??")] == [
        "yes", "yes", "yes", "maybe", "no", "no", None,
    ]  # fmt: skip
    assert [answer_scale(a) for a in ("5 - Very satisfied", "４", "0", "x")] == [5, 4, None, None]
    one_minute = TEMPLATES["after_1min"]
    assert match_question(one_minute, "満足度(1〜5)").key == "satisfaction"  # type: ignore[union-attr]
    two_minutes = TEMPLATES["next_week_2min"]
    assert match_question(two_minutes, "What changed?").key == "what"  # type: ignore[union-attr]
    assert match_question(two_minutes, "Did anything change?").key == "changed"  # type: ignore[union-attr]


def test_summarise_a_typed_in_one_minute_survey(store: Store) -> None:
    surveys.create_survey(store, "Workshop", "template", template="after_1min")
    rows = [
        {"満足度": "5", "話しやすさ": "4", "印象に残った一言": "「まず聞く」", "次回も参加したいか": "はい"},
        {"満足度": "4", "話しやすさ": "2", "印象に残った一言": "", "次回も参加したいか": "いいえ"},
        {
            "満足度": "3",
            "話しやすさ": "3",
            "印象に残った一言": "図が分かりやすい",
            "次回も参加したいか": "はい",
        },
    ]
    repo.add_manual_scores(store, "Workshop", [models.ManualEntry(None, extra=r) for r in rows])
    result = summarise_template(store, "Workshop")
    assert result is not None and result.answers == 3 and result.nps is None
    by_key = {q.question.key: q for q in result.questions}
    assert by_key["satisfaction"].mean == pytest.approx(4.0)
    assert by_key["ease"].mean == pytest.approx(3.0)
    assert by_key["again"].yes_share == pytest.approx(200 / 3)
    assert set(by_key["phrase"].texts) == {"「まず聞く」", "図が分かりやすい"}
    # Answers without a score do not count towards any NPS.
    assert queries.summary(store, "Workshop").n == 0


# -- demo ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_demo_cafe_improves_in_two_stores_and_not_the_third(lang: str) -> None:
    store = Store.memory()
    add_demo(store, lang, TODAY)
    surveys = {s.name: s for s in queries.summaries(store)}
    assert len(surveys) == 3
    main = next(s for s in surveys.values() if s.survey is not None and s.survey.kind == "template")
    assert 550 <= main.n <= 650 and main.first == month_windows(TODAY)[0][0]
    assert main.last is not None and main.last <= TODAY
    before, after = sorted(n for n, s in surveys.items() if s.survey is not None and s.survey.is_range)
    if lang == "en":
        before, after = after, before  # "Café before" sorts after "Café after"
    stores = queries.segments(store, main.survey)  # type: ignore[arg-type]
    assert len(stores) == 3
    significant = {seg: queries.compare(store, before, after, seg).significant for seg in stores}
    assert sorted(significant.values()) == [False, True, True]
    rises = {seg: queries.compare(store, before, after, seg).delta for seg in stores}
    assert all((rises[seg] or 0) > 20 for seg, sig in significant.items() if sig)
    assert queries.compare(store, before, after).significant
    comment = followups.comments(store, limit=1)[0].comment
    assert any("\u3040" <= ch <= "\u30ff" for ch in comment) == (lang == "ja")
    states = {f.status for f in followups.followups(store)}
    assert states == {"open", "contacted", "resolved"}
    two_minutes = summarise_template(store, main.survey)  # type: ignore[arg-type]
    assert two_minutes is not None and two_minutes.nps is not None and two_minutes.nps.n == main.n
    assert all(q.answered > 0 for q in two_minutes.questions)


def test_demo_is_deterministic() -> None:
    def fingerprint() -> list[tuple[object, ...]]:
        store = Store.memory()
        add_demo(store, "ja", TODAY)
        rows = store.rows(
            "SELECT score, comment, segment, answered_at, extra FROM responses ORDER BY answered_at"
        )
        return [tuple(r.values()) for r in rows]

    assert fingerprint() == fingerprint()


# -- the read-only snapshot the CLI reads through -----------------------------------------------------


def test_snapshot_answers_like_the_open_store(workspace_path: Path) -> None:
    store = Store.open(workspace_path, create=True)
    repo.import_parsed(store, "S", parsed_file([10, 9, 2]))
    expected = queries.summaries(store)
    store.close()
    with Store.snapshot(workspace_path) as reader:
        assert reader.has_table("responses") and queries.summaries(reader) == expected


def test_snapshot_refuses_what_is_not_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="No such file|not found|does not exist"):
        Store.snapshot(tmp_path / "missing.cxtui")
    text = tmp_path / "notes.cxtui"
    text.write_text("hello, this is not a database at all" * 10)
    with pytest.raises(WorkspaceError, match="not a cxtui workspace"):
        Store.snapshot(text)
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match="another program"):
        Store.snapshot(foreign)
    with pytest.raises(WorkspaceError):
        Store.snapshot(tmp_path)
