"""Pilot tests of the NPS screen on the demo workspace: keys pressed, then the file is checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Label, OptionList, Select, Static, TabbedContent

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.format import points, round_half_away
from cxtui.nps import followups, models, queries, surveys
from screens.app import CxApp
from screens.nps.answers_view import AnswersView
from screens.nps.tables import FollowupsTable
from screens.shared.choice import ChoiceBar
from tests.conftest import TODAY
from tests.ui.conftest import peer_key

SIZE = (120, 40)


def _demo(tmp_path: Path) -> tuple[CxApp, Store]:
    store = Store.open(tmp_path / "demo.cxtui", create=True)
    build_demo(store, "en", TODAY)
    return CxApp(store=store, today=TODAY), store


async def _to_nps(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(peer_key("nps"))
    await pilot.pause()
    await pilot.pause()


async def test_switch_to_nps_and_back_lists_surveys_with_intervals(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        assert type(app.screen).__name__ == "NpsScreen"
        options = app.screen.query_one("#survey-list", OptionList)
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        summaries = queries.summaries(store)
        assert len(texts) == 1 + len(summaries)
        first = summaries[0]
        low, high = first.ci95
        expected = f"NPS {points(first.nps)} [{points(low)}, {points(high)}]"
        assert any(expected in text for text in texts)
        await pilot.press(peer_key("okr"))
        await pilot.pause()
        assert type(app.screen).__name__ == "OkrScreen"


async def test_tab_keys_show_each_view(tmp_path: Path) -> None:
    app, _store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        tabs = app.screen.query_one("#nps-tabs", TabbedContent)
        for key, tab in (
            ("t", "trend"),
            ("s", "segments"),
            ("c", "comments"),
            ("f", "followups"),
            ("o", "overview"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == tab


async def test_quick_entry_saves_scores_and_undo_removes_them(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#survey", Input).value = "Workshop paper"
        app.screen.query_one("#scores", Input).focus()
        await pilot.press(*"10 9 7 3 10 8", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        summary = queries.summary(store, "Workshop paper")
        assert (summary.counts.promoters, summary.counts.passives, summary.counts.detractors) == (3, 2, 1)
        assert summary.nps == 100 * (3 - 1) / 6
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (
            surveys.find_survey(store, "Workshop paper") is None
            or queries.summary(store, "Workshop paper").n == 0
        )


async def test_followup_status_is_saved(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("f")
        await pilot.pause()
        table = app.screen.query_one(FollowupsTable)
        table.focus()
        first_open = next(r for r in followups.followups(store) if r.status == "open")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "FollowupDialog"
        app.screen.query_one("#owner", Input).value = "Mika"
        app.screen.query_one("#status", ChoiceBar).focus()
        await pilot.press("right")  # contacted
        await pilot.press("ctrl+s")
        await pilot.pause()
        after = {r.response_id: r for r in followups.followups(store)}[first_open.response_id]
        assert after.owner == "Mika" and after.status == "contacted"


async def test_compare_two_surveys_shows_verdict(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    names = [s.name for s in surveys.list_surveys(store)]
    before = next(n for n in names if "before" in n.lower())
    after = next(n for n in names if "after" in n.lower())
    expected = queries.compare(store, before, after)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        app.screen.compare_sides = (before, after, None)
        await pilot.press("v")
        await pilot.pause()
        view = app.screen.query_one("#compare-view")
        assert view.display
        text = " ".join(str(w.render()) for w in view.query(Static))
        assert points(expected.delta) in text
        assert expected.significant  # the demo's improvement is real overall


async def test_comment_search_filters(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"coffee")
        await pilot.pause()
        count = str(app.screen.query_one("#comment-count", Static).render())
        total = followups.comment_count(store, models.Ref("all"), search="coffee")
        assert total > 0 and f"of {total} comments" in count


async def test_answers_tab_summarises_the_two_minute_survey(tmp_path: Path) -> None:
    from cxtui.nps.template_results import summarise_template

    app, store = _demo(tmp_path)
    template_survey = next(s for s in surveys.list_surveys(store) if s.kind == "template")
    expected = summarise_template(store, template_survey.name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        app.screen.target_key = template_survey.name
        await pilot.press("a")
        await pilot.pause()
        text = app.screen.query_one(AnswersView).as_text()
        come_again = next(q for q in expected.questions if q.question.kind == "yes_maybe_no")
        assert f"yes {int(round_half_away(come_again.yes_share))}%" in text
        assert f"{expected.answers} responses" in text


async def test_language_switch_reaches_the_screen_not_shown(tmp_path: Path) -> None:
    from screens.okr.tree import OkrTree

    app, _store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("ctrl+l")  # Japanese, while the OKR screen is off the stack
        await pilot.pause()
        first_option = app.screen.query_one("#survey-list", OptionList).get_option_at_index(0)
        assert first_option.prompt == "すべての回答"
        await pilot.press(peer_key("okr"))
        await pilot.pause()
        assert type(app.screen).__name__ == "OkrScreen"
        assert any(b.description == "チェックイン" for _k, b in app.screen._bindings)
        tree = app.screen.query_one(OkrTree)
        first_line = str(tree.get_node_at_line(0).label)
        # The demo was built in English; the labels the app adds (the "behind" flag) now speak Japanese.
        assert "Maximise customer success" in first_line and "遅れ" in first_line
        await pilot.press(peer_key("nps"))
        await pilot.pause()
        await pilot.press("ctrl+l")  # back to English on the NPS screen
        await pilot.pause()
        await pilot.press(peer_key("okr"))
        await pilot.pause()
        assert any(b.description == "Check-in" for _k, b in app.screen._bindings)


async def test_deleting_a_survey_already_gone_shows_an_error_instead_of_crashing(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    summaries = queries.summaries(store)
    gone = summaries[0].name
    kept = {s.name: s.n for s in summaries[1:]}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        options = app.screen.query_one("#survey-list", OptionList)
        options.focus()
        options.highlighted = 1  # the first survey (0 is "all responses")
        await pilot.pause()
        assert app.screen.target_key == gone
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        # Another program deletes the survey while the question is open.
        other = Store.open(store.path)
        try:
            surveys.delete_survey(other, gone)
        finally:
            other.close()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "NpsScreen"
        assert any(n.severity == "error" and gone in n.message for n in app._notifications)
        # Nothing else was touched, and the list no longer offers the survey.
        assert {s.name: s.n for s in queries.summaries(store)} == kept
        texts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert not any(text.startswith(gone) for text in texts)


def _count_calls(monkeypatch: pytest.MonkeyPatch, name: str) -> list[object]:
    """Record each call of `name` in the queries or followups module (the screen looks it up on the
    module at call time)."""
    calls: list[object] = []
    module = queries if hasattr(queries, name) else followups
    real = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


async def test_grain_and_compare_load_their_tab_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, store = _demo(tmp_path)
    names = [s.name for s in surveys.list_surveys(store)]
    before = next(n for n in names if "before" in n.lower())
    after = next(n for n in names if "after" in n.lower())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        trends = _count_calls(monkeypatch, "trend")
        await pilot.press("g")  # from the overview: switches to the trend, by quarter
        await pilot.pause()
        assert app.screen.query_one("#nps-tabs", TabbedContent).active == "trend"
        assert "quarter" in str(app.screen.query_one("#trend-title", Label).render()).lower()
        assert len(trends) == 1
        await pilot.press("g")  # already on the trend: by week
        await pilot.pause()
        assert "week" in str(app.screen.query_one("#trend-title", Label).render()).lower()
        assert len(trends) == 2
        compares = _count_calls(monkeypatch, "compare")
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#before", Select).value = before
        app.screen.query_one("#after", Select).value = after
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#nps-tabs", TabbedContent).active == "compare"
        assert app.screen.query_one("#compare-view").display
        assert len(compares) == 1


async def test_comment_search_does_not_recount_categories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, _store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("slash")
        await pilot.pause()
        options_before = list(app.screen.query_one("#comment-category", Select)._options)
        counts = _count_calls(monkeypatch, "category_counts")
        rows = _count_calls(monkeypatch, "comments")
        await pilot.press(*"coffee")
        await pilot.pause()
        assert counts == [] and len(rows) == len("coffee")
        assert list(app.screen.query_one("#comment-category", Select)._options) == options_before


async def test_choosing_a_followup_does_not_query_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("f")
        await pilot.pause()
        table = app.screen.query_one(FollowupsTable)
        table.focus()
        first = table.items[0]
        followups = _count_calls(monkeypatch, "followups")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "FollowupDialog"
        assert followups == []
        assert app.screen.row == first  # the row the table showed, cursor on the first


async def test_the_import_wizard_starts_in_the_last_folder_used(tmp_path: Path) -> None:
    exports = tmp_path / "client exports"
    exports.mkdir()
    (exports / "paper.csv").write_text("score,comment\r\n9,good\r\n3,slow\r\n", encoding="utf-8")
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.start_dir == tmp_path  # first time: the workspace's folder
        path_input = app.screen.query_one("#import-path", Input)
        path_input.value = str(exports / "paper.csv")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        await pilot.press("escape")  # the result dialog
        await pilot.pause()
        assert queries.summary(store, "paper").n == 2
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.start_dir == exports.resolve()
        await pilot.press("escape")
        await pilot.pause()


async def _import_in_the_wizard(pilot, app: CxApp, path: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("i")
    await pilot.pause()
    app.screen.query_one("#import-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_an_export_with_answers_already_imported_offers_to_import_only_the_new_ones(
    tmp_path: Path, answer: str
) -> None:
    from cxtui.nps import repo
    from cxtui.nps.importers import parse_file

    march = tmp_path / "march.csv"
    march.write_text(
        "timestamp,score,comment\r\n2026-03-01 10:00:05,9,good\r\n2026-03-01 11:00:00,3,slow\r\n",
        encoding="utf-8",
    )
    # A second export that overlaps the first: its two answers, and one new.
    overlap = tmp_path / "march-april.csv"
    overlap.write_text(march.read_text(encoding="utf-8") + "2026-04-02 09:00:00,10,new\r\n", encoding="utf-8")
    store = Store.open(tmp_path / "w.cxtui", create=True)
    repo.import_parsed(store, "March", parse_file(march))
    app = CxApp(store=store, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await _import_in_the_wizard(pilot, app, overlap)
        assert type(app.screen).__name__ == "ConfirmDialog"
        assert 'line 2 is in survey "March"' in app.screen.message
        assert surveys.find_survey(store, "march-april") is None  # nothing stored while asking
        await pilot.press(answer)
        await pilot.pause()
        await pilot.pause()
        if answer == "n":
            assert type(app.screen).__name__ == "NpsScreen"
            assert surveys.find_survey(store, "march-april") is None
            assert queries.summary(store, "2026-01-01..2026-12-31").n == 2
            return
        assert type(app.screen).__name__ == "ImportResultDialog"
        assert "Imported 1 " in str(app.screen.query_one("#result-counts", Static).render())
        assert "2 answers already in the workspace were not imported again" in str(
            app.screen.query_one("#result-duplicates", Static).render()
        )
        await pilot.press("escape")
        await pilot.pause()
    assert queries.summary(store, "march-april").n == 1
    assert queries.summary(store, "2026-01-01..2026-12-31").n == 3  # each answer counted once
    assert len(store.journal.undo_stack) == 1  # one undo step (the history starts with the app)


async def test_enter_on_a_comment_shows_it_whole_and_a_detractor_with_its_followup(tmp_path: Path) -> None:
    from screens.nps.tables import CommentsTable

    app, store = _demo(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("c")
        await pilot.pause()
        table = app.screen.query_one(CommentsTable)
        table.focus()
        await pilot.pause()
        promoter = next(i for i, row in enumerate(table.items) if row.score is not None and row.score >= 9)
        table.move_cursor(row=promoter)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "MessageDialog"
        assert table.items[promoter].comment in app.screen.message  # whole, not cut to the column
        await pilot.press("escape")
        await pilot.pause()
        detractor = next(i for i, row in enumerate(table.items) if row.score is not None and row.score <= 6)
        table.move_cursor(row=detractor)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "FollowupDialog"
        assert app.screen.row.comment == table.items[detractor].comment
        app.screen.query_one("#owner", Input).value = "Aiko"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        owners = {r.response_id: r.owner for r in followups.followups(store, None)}
        assert owners[table.items[detractor].response_id] == "Aiko"


async def test_after_editing_a_followup_the_cursor_stays_at_its_row_number(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("f")
        await pilot.pause()
        table = app.screen.query_one(FollowupsTable)
        table.focus()
        table.move_cursor(row=3)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        app.screen.query_one(ChoiceBar).value = "resolved"  # re-sorts the queue: the row moves away
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "NpsScreen"
        assert table.cursor_row == 3
