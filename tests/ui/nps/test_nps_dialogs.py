"""Pilot tests of the NPS dialogs: each is pushed on a tiny host app and its result recorded."""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, DirectoryTree, Input, Select, Static, TextArea

from cxtui.i18n import set_language
from cxtui.importing.table import RejectedRow
from cxtui.nps.importers import parse_file
from cxtui.nps.models import DetectedColumns, FollowupRow, ImportResult, Survey
from screens.nps import import_dialog
from screens.nps.dialogs import CompareDialog, CompareRequest, FollowupDialog, FollowupEdit, TemplatesDialog
from screens.nps.import_dialog import ImportDialog
from screens.nps.import_result import ImportResultDialog
from screens.nps.import_support import ImportRequest
from screens.nps.quick_entry import QuickEntry, QuickEntryDialog, bad_tokens, count_text
from screens.shared.choice import ChoiceBar
from tests.conftest import TODAY
from tests.ui.conftest import SIZE

CSS = Path(__file__).parents[3] / "screens" / "cxtui.tcss"
SCORE_HEADER = "このお店を友人や知人に勧める可能性はどのくらいありますか？"
GOOGLE_ROWS = [
    ["タイムスタンプ", SCORE_HEADER, "その点数をつけた理由を教えてください", "店舗", "満足度"],
    ["2026/03/04 10:15:00", "10", "店員さんの対応が丁寧", "渋谷店", "5"],  # line 2
    ["2026/03/04 11:00:00", "９", "", "渋谷店", "4"],  # 3: full-width digit
    ["2026/03/05 09:30:00", "7", "普通", "横浜店", "3"],  # 4
    ["2026/03/05 12:00:00", "", "点数なし", "横浜店", ""],  # 5: blank
    ["2026/03/06 18:45:00", "11", "範囲外", "吉祥寺店", "2"],  # 6: rejected
    ["2026/03/07 08:00:00", "3", "待ち時間が長い", "吉祥寺店", "1"],  # 7
    ["2026/03/07 09:00:00", "abc", "数字でない", "吉祥寺店", "4"],  # 8: rejected
]


class Host(App[None]):
    """Pushes one dialog at start and records what it returns."""

    CSS_PATH = str(CSS)

    def __init__(self, dialog: ModalScreen[Any]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[Any] = []

    def on_mount(self) -> None:
        """Show the dialog under test."""
        self.push_screen(self.dialog, self.results.append)


def _csv(rows: list[list[str]]) -> str:
    return "\r\n".join(",".join(row) for row in rows) + "\r\n"


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    """A folder with a Google-Forms-like UTF-8 CSV, a CP932 one, a binary file and a file to hide."""
    (tmp_path / "google.csv").write_text(_csv(GOOGLE_ROWS), encoding="utf-8")
    plain = [
        ["日付", "おすすめ度", "コメント"],
        ["2026/04/01", "9", "美味しい①"],
        ["2026/04/02", "2", "高い"],
    ]
    (tmp_path / "paper_cp932.csv").write_bytes(_csv(plain).encode("cp932"))
    (tmp_path / "broken.csv").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    return tmp_path


def _text(app: App[None], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _open_file(pilot: Any, name: str) -> None:
    await pilot.press(*name, "enter")
    await pilot.pause()


# -- import wizard -----------------------------------------------------------------------------------


async def test_import_preview_shows_detection_counts_and_rejects(exports: Path) -> None:
    app = Host(ImportDialog(exports, existing_names=["google"]))
    async with app.run_test(size=SIZE) as pilot:
        await _open_file(pilot, "google.csv")
        screen = app.screen
        assert isinstance(screen, ImportDialog)
        assert "Google Forms" in _text(app, "#import-info") and "UTF-8" in _text(app, "#import-info")
        score = screen.query_one("#col-score", Select)
        assert score.value == "1"  # the 勧め column, detected
        assert screen.query_one("#col-segment", Select).value == "3"
        table = screen.query_one("#import-table", DataTable)
        assert table.row_count == 5 and str(table.get_row_at(0)[1]) == "10"
        labels = [str(column.label) for column in table.columns.values()]
        assert labels[1].startswith("score: ")
        counts = _text(app, "#import-counts")
        assert "4 answers" in counts and "1 blank" in counts and "2 rejected" in counts
        rejects = _text(app, "#import-rejects")
        assert "line 6" in rejects and "line 8" in rejects and "11" in rejects
        assert screen.query_one("#import-name", Input).value == "google"
        assert "exists" in _text(app, "#import-name-note")


async def test_changing_the_score_column_reparses_and_ctrl_s_returns_the_choice(exports: Path) -> None:
    app = Host(ImportDialog(exports))
    async with app.run_test(size=SIZE) as pilot:
        await _open_file(pilot, "google.csv")
        screen = app.screen
        screen.query_one("#col-score", Select).value = "4"  # 満足度: 1–5 answers, every one a valid score
        await pilot.pause()
        # A 1–5 column is a satisfaction scale: the dialog says so and asks before importing it.
        assert "1 to 5" in _text(app, "#form-error") and "ctrl+f" in _text(app, "#form-error")
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert _text(app, "#form-error") == ""
        counts = _text(app, "#import-counts")
        assert "6 answers" in counts and "1 blank" in counts and "0 rejected" in counts
        assert _text(app, "#import-rejects") == ""
        assert str(list(screen.query_one("#import-table", DataTable).columns.values())[4].label).startswith(
            "score: "
        )
        name = screen.query_one("#import-name", Input)
        name.focus()
        name.value = ""
        await pilot.press(*"Store survey", "ctrl+s")
        await pilot.pause()
    [request] = app.results
    assert isinstance(request, ImportRequest)
    assert request.path == exports / "google.csv"
    assert request.survey_name == "Store survey"
    assert request.score_column == "満足度" and request.force_scale
    # Untouched columns stay None: the import detects them again exactly as the preview did.
    assert (request.comment_column, request.segment_column, request.date_column) == (None, None, None)
    assert request.parsed is not None and len(request.parsed.responses) == 6
    again = parse_file(request.path, score_column=request.score_column, force_scale=request.force_scale)
    assert len(again.responses) == 6 and again.columns.score == "満足度"


async def test_no_comment_column_is_passed_as_empty(exports: Path) -> None:
    app = Host(ImportDialog(exports))
    async with app.run_test(size=SIZE) as pilot:
        await _open_file(pilot, "google.csv")
        app.screen.query_one("#col-comment", Select).value = "none"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    [request] = app.results
    assert request.comment_column == "" and request.score_column is None
    assert all(r.comment == "" for r in request.parsed.responses)


async def test_cp932_file_from_the_tree(exports: Path) -> None:
    app = Host(ImportDialog(exports))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.screen.query_one("#import-tree", DirectoryTree)
        tree.focus()
        await pilot.pause()
        files = [str(node.label) for node in tree.root.children]
        assert files == ["broken.csv", "google.csv", "paper_cp932.csv"]  # notes.pdf is filtered out
        # Walk down to paper_cp932.csv (sorted: broken, google, paper) and open it.
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#import-path", Input).value.endswith("paper_cp932.csv")
        assert "CP932" in _text(app, "#import-info")
        assert app.screen.query_one("#col-score", Select).value == "1"
        assert "2 answers" in _text(app, "#import-counts")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_bad_file_shows_one_line_and_stays_open(exports: Path) -> None:
    app = Host(ImportDialog(exports))
    async with app.run_test(size=SIZE) as pilot:
        await _open_file(pilot, "broken.csv")
        assert isinstance(app.screen, ImportDialog)
        message = _text(app, "#form-error")
        assert "broken.csv" in message and "\n" not in message and "Traceback" not in message
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Choose a file" in _text(app, "#form-error")
        assert isinstance(app.screen, ImportDialog) and app.results == []
        path = app.screen.query_one("#import-path", Input)
        path.value = str(exports / "missing.csv")
        path.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "not found" in _text(app, "#form-error")


async def test_a_header_that_repeats_once_normalised_is_chosen_by_position(tmp_path: Path) -> None:
    # "Store  name" is "Store name" to parse_file (whitespace collapsed), so it must be passed by position.
    rows = [["date", "score", "Store name", "Store  name"], ["2026-03-04", "9", "渋谷店", "横浜店"]]
    (tmp_path / "stores.csv").write_text(_csv(rows), encoding="utf-8")
    app = Host(ImportDialog(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _open_file(pilot, "stores.csv")
        app.screen.query_one("#col-segment", Select).value = "3"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    [request] = app.results
    assert request.segment_column == "4"
    assert [r.segment for r in request.parsed.responses] == ["横浜店"]


async def test_large_file_is_parsed_in_a_thread(exports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    real_parse = import_dialog._parse

    def spy(*args: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real_parse(*args)

    monkeypatch.setattr(import_dialog, "_parse", spy)
    dialog = ImportDialog(exports)
    dialog.INLINE_BYTES = 0
    app = Host(dialog)
    async with app.run_test(size=SIZE) as pilot:
        await _open_file(pilot, "google.csv")
        # Not workers.wait_for_complete(): the DirectoryTree's loader worker never completes.
        for _ in range(100):
            if not dialog.reading:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert "4 answers" in _text(app, "#import-counts")
        assert _text(app, "#form-error") == ""
    assert threads and threading.main_thread().name not in threads


async def test_tab_completes_the_path(exports: Path) -> None:
    app = Host(ImportDialog(exports))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause(0.2)
        await pilot.press("tab")
        assert app.screen.query_one("#import-path", Input).value == str(exports) + os.sep + "google.csv"


# -- import result -----------------------------------------------------------------------------------


def _result(rejected: list[RejectedRow]) -> ImportResult:
    return ImportResult(
        survey=Survey(id="s1", name="Spring", kind="import"),
        import_id="i1",
        source="spring.csv",
        encoding="cp932",
        layout="google_forms",
        columns=DetectedColumns(score="score"),
        imported=10,
        blank_lines=[4],
        rejected=rejected,
    )


async def test_import_result_lists_rejects_and_saves_them(tmp_path: Path) -> None:
    rejected = [RejectedRow(6, 'score "11" is outside 0-10', "x,11"), RejectedRow(8, "bad", "y,abc")]
    app = Host(ImportResultDialog(_result(rejected), tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        counts = _text(app, "#result-counts")
        assert "Imported 10" in counts and "blank (skipped) 1" in counts and "rejected 2" in counts
        table = app.screen.query_one("#result-rejects", DataTable)
        assert table.row_count == 2 and [str(c) for c in table.get_row_at(0)] == ["6", rejected[0].reason]
        await pilot.press("ctrl+s")
        await pilot.pause()
        target = tmp_path / "spring-rejects.csv"
        assert target.exists() and "Saved 2" in _text(app, "#form-error")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [target]
    assert "x,11" in target.read_text(encoding="utf-8-sig")


async def test_import_result_without_rejects_closes_with_none() -> None:
    app = Host(ImportResultDialog(_result([])))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query("#rejects-path")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


@pytest.mark.parametrize(
    ("order", "by", "expected"),
    [
        ("dmy", "file", "Dates read as day/month/year (a row of the file settles it)"),
        ("mdy", "option", "Dates read as month/day/year (chosen with ctrl+d)"),
    ],
)
async def test_import_result_says_which_date_order_was_used(order: str, by: str, expected: str) -> None:
    result = _result([])
    result.date_order, result.date_order_by = order, by
    app = Host(ImportResultDialog(result))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _text(app, "#result-dates") == expected
        assert not app.screen.query("#result-duplicates")


async def test_import_result_in_japanese_says_the_date_order_and_the_answers_not_imported_again() -> None:
    result = _result([])
    result.date_order, result.date_order_by, result.duplicates = "dmy", "option", 3
    set_language("ja")  # the hermetic fixture sets English again
    app = Host(ImportResultDialog(result))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert _text(app, "#result-dates") == "日付は 日/月/年 として読みました(ctrl+d で選択)"
        assert "3 件" in _text(app, "#result-duplicates")


async def test_import_result_without_ambiguous_dates_says_nothing_of_them() -> None:
    app = Host(ImportResultDialog(_result([])))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query("#result-dates")


# -- quick entry -------------------------------------------------------------------------------------


def test_bad_tokens_and_counts() -> None:
    assert bad_tokens("10 9 ７ 3") == []
    assert bad_tokens("10 11 3 -1") == ["11", "-1"]
    assert bad_tokens("3 slow service") == []
    assert bad_tokens("slow 3") == ["slow"]
    assert count_text([10, 9, 7, 3, 10, 8]) == "6 scores: 3 promoters, 2 passives, 1 detractor"


def test_bad_tokens_follow_the_core_rule() -> None:
    assert bad_tokens("9 11 7") == ["11"]
    assert bad_tokens("9,11、7") == ["11"]
    assert bad_tokens("３、待ち時間が長い") == []


async def test_quick_entry_comment_after_a_comma_or_ideographic_comma() -> None:
    app = Host(QuickEntryDialog("Paper forms", TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"3,slow service")
        await pilot.pause()
        assert _text(app, "#quick-live").endswith("comment: slow service")
        await pilot.press("enter", *"9 11 7")
        await pilot.pause()
        assert "'11' is not a score 0–10" in _text(app, "#quick-live")
        await pilot.press("ctrl+a", "ctrl+k")
        app.screen.query_one("#scores", Input).value = "３、待ち時間が長い"
        await pilot.press("ctrl+s")
        await pilot.pause()
    [entry] = app.results
    assert [(e.score, e.comment) for e in entry.entries] == [(3, "slow service"), (3, "待ち時間が長い")]


async def test_quick_entry_several_scores_then_a_comment() -> None:
    app = Host(QuickEntryDialog("Paper forms", TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"10 9 7 3 slow service")
        await pilot.pause()
        live = _text(app, "#quick-live")
        assert live.startswith("4 scores: 2 promoters, 1 passive, 1 detractor")
        assert "comment with the last score (3): slow service" in live
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#quick-list", DataTable).row_count == 4
        await pilot.press("ctrl+s")
        await pilot.pause()
    [entry] = app.results
    assert [(e.score, e.comment) for e in entry.entries] == [(10, ""), (9, ""), (7, ""), (3, "slow service")]


async def test_quick_entry_batches_errors_and_finish() -> None:
    app = Host(QuickEntryDialog("Paper forms", TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"10 9 ７ 3")
        await pilot.pause()
        assert _text(app, "#quick-live") == "4 scores: 2 promoters, 1 passive, 1 detractor"
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one("#quick-list", DataTable)
        assert table.row_count == 4
        assert app.screen.query_one("#scores", Input).value == ""
        await pilot.press(*"11")
        await pilot.pause()
        assert "'11'" in _text(app, "#quick-live")
        await pilot.press("enter")
        await pilot.pause()
        assert "'11' is not a score 0–10" in _text(app, "#form-error")
        assert table.row_count == 4
        await pilot.press("backspace", "backspace", "ctrl+s")
        await pilot.pause()
    [entry] = app.results
    assert isinstance(entry, QuickEntry) and entry.survey_name == "Paper forms"
    assert [e.score for e in entry.entries] == [10, 9, 7, 3]
    assert all(e.answered_at == TODAY for e in entry.entries)


async def test_quick_entry_comment_segment_date_and_take_back() -> None:
    app = Host(QuickEntryDialog("Workshop", TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#segment", Input).value = "渋谷店"
        screen.query_one("#date", Input).value = "2026-11-20"
        await pilot.press(*"8 9", "enter", *"5 5")
        await pilot.press("enter")
        await pilot.press("ctrl+r")  # the second batch was a mistake
        await pilot.press(*"3 待ち時間が長い", "enter")
        await pilot.pause()
        assert screen.query_one("#quick-list", DataTable).row_count == 3
        screen.query_one("#date", Input).value = "2026-02-30"
        await pilot.press(*"10", "enter")
        await pilot.pause()
        assert "Date" in _text(app, "#form-error") and screen.focused is screen.query_one("#date", Input)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_quick_entry_finishes_with_the_pending_line_and_needs_scores() -> None:
    app = Host(QuickEntryDialog("Paper forms", TODAY))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "at least one" in _text(app, "#form-error") and app.results == []
        await pilot.press(*"3 待ち時間が長い", "ctrl+s")
        await pilot.pause()
    [entry] = app.results
    assert [(e.score, e.comment) for e in entry.entries] == [(3, "待ち時間が長い")]


# -- follow-up ---------------------------------------------------------------------------------------


def _followup() -> FollowupRow:
    return FollowupRow(
        response_id="r1",
        survey="Spring",
        score=3,
        segment="渋谷店",
        category="wait",
        comment="待ち時間が長い",
        answered_at="2026-03-04T10:15:00",
        owner="",
        status="open",
        note="",
        updated=None,
    )


async def test_followup_returns_edited_owner_status_and_note() -> None:
    app = Host(FollowupDialog(_followup()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "待ち時間が長い" in text and "3 (detractor)" in text and "2026-03-04" in text
        await pilot.press(*"Aiko")
        app.screen.query_one("#status", ChoiceBar).focus()
        await pilot.press("right")
        app.screen.query_one("#note", Input).focus()
        await pilot.press(*"called back", "enter")
        await pilot.pause()
    assert app.results == [FollowupEdit("r1", "Aiko", "contacted", "called back")]


# -- compare -----------------------------------------------------------------------------------------


async def test_compare_rejects_a_bad_range_naming_the_field() -> None:
    app = Host(CompareDialog(["Spring", "Autumn"], ["渋谷店"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#before_range", Input).value = "2026-13-01..x"
        screen.query_one("#after", Select).value = "Autumn"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = _text(app, "#form-error")
        assert message.startswith("Before:") and "2026-13-01..x" in message
        assert screen.focused is screen.query_one("#before_range", Input)
        screen.query_one("#before_range", Input).value = "2026-13-01..2026-03-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _text(app, "#form-error").startswith("Before:") and app.results == []
        screen.query_one("#before_range", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "choose a survey" in _text(app, "#form-error")


async def test_compare_accepts_survey_names_ranges_and_segment() -> None:
    app = Host(CompareDialog(["Spring", "Autumn"], ["渋谷店", "横浜店"]))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "Compare" in str(screen.query_one("#save", Button).label)
        screen.query_one("#before", Select).value = "Spring"
        screen.query_one("#after", Select).value = "Autumn"
        screen.query_one("#segment", Select).value = "横浜店"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [CompareRequest("Spring", "Autumn", "横浜店")]

    app = Host(CompareDialog(["Spring"], before="2026-01-01..2026-03-31"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#before_range", Input).value == "2026-01-01..2026-03-31"
        app.screen.query_one("#after_range", Input).focus()
        await pilot.press(*"２０２６-04-01..2026-06-30", "ctrl+s")
        await pilot.pause()
    assert app.results == [CompareRequest("2026-01-01..2026-03-31", "2026-04-01..2026-06-30", None)]


# -- templates ---------------------------------------------------------------------------------------


async def test_templates_in_japanese_switch_and_copy() -> None:
    set_language("ja")
    app = Host(TemplatesDialog())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.screen.query_one("#tpl-text", TextArea)
        assert area.read_only and "満足度" in area.text and "直後" in area.text
        await pilot.press("t")
        await pilot.pause()
        assert "勧め" in area.text and "翌週" in area.text
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == area.text
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_templates_in_english() -> None:
    app = Host(TemplatesDialog("next_week_2min"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "recommend" in app.screen.query_one("#tpl-text", TextArea).text


def test_dialogs_take_what_the_screen_passes() -> None:
    # The NPS screen builds the dialogs with these arguments.
    assert ImportDialog(Path.cwd(), ["a"]).existing_names == {"a"}
    assert QuickEntryDialog("x", date(2026, 1, 1)).today == date(2026, 1, 1)


async def test_no_score_column_found_lets_the_user_choose_it(tmp_path: Path) -> None:
    (tmp_path / "grades.csv").write_text("name,grade\nA,excellent\nB,poor\n", encoding="utf-8")
    app = Host(ImportDialog(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _open_file(pilot, "grades.csv")
        screen = app.screen
        assert "choose the score column" in _text(app, "#form-error")
        score = screen.query_one("#col-score", Select)
        assert score.value is Select.NULL
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [] and screen.focused is score
        score.value = "1"
        await pilot.pause()
        assert "0 answers" in _text(app, "#import-counts") and "2 rejected" in _text(app, "#import-counts")
        assert _text(app, "#form-error") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    [request] = app.results
    assert request.score_column == "grade" and request.survey_name == "grades"
