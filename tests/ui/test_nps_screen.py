"""Pilot tests of the NPS screen on the demo workspace: keys pressed, then the file is checked."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static, TabbedContent

from cxtui.demo import build_demo
from cxtui.nps import queries
from cxtui.rounding import round_half_away
from cxtui.store import Store
from screens.app import CxApp
from screens.nps.answers_view import AnswersView
from screens.nps.tables import FollowupsTable
from screens.widgets.choice import ChoiceBar
from tests.conftest import TODAY

SIZE = (120, 40)


def _demo(tmp_path: Path) -> tuple[CxApp, Store]:
    store = Store.open(tmp_path / "demo.cxtui", create=True)
    build_demo(store, "en", TODAY)
    return CxApp(store=store, today=TODAY), store


async def _to_nps(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("2")
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
        expected = (
            f"NPS {queries.format_points(first.nps, signed=True)} "
            f"[{queries.format_points(low, signed=True)}, {queries.format_points(high, signed=True)}]"
        )
        assert any(expected in text for text in texts)
        await pilot.press("1")
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
            queries.find_survey(store, "Workshop paper") is None
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
        first_open = next(r for r in queries.followups(store) if r.status == "open")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "FollowupDialog"
        app.screen.query_one("#owner", Input).value = "Mika"
        app.screen.query_one("#status", ChoiceBar).focus()
        await pilot.press("right")  # contacted
        await pilot.press("ctrl+s")
        await pilot.pause()
        after = {r.response_id: r for r in queries.followups(store)}[first_open.response_id]
        assert after.owner == "Mika" and after.status == "contacted"


async def test_compare_two_surveys_shows_verdict(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    names = [s.name for s in queries.list_surveys(store)]
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
        assert queries.format_points(expected.delta, signed=True) in text
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
        total = queries.comment_count(store, queries.Ref("all"), search="coffee")
        assert total > 0 and f"of {total} comments" in count


async def test_answers_tab_summarises_the_two_minute_survey(tmp_path: Path) -> None:
    from cxtui.nps.templates import summarise_template

    app, store = _demo(tmp_path)
    template_survey = next(s for s in queries.list_surveys(store) if s.kind == "template")
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
    from screens.widgets.okr_tree import OkrTree

    app, _store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _to_nps(pilot)
        await pilot.press("ctrl+l")  # Japanese, while the OKR screen is off the stack
        await pilot.pause()
        first_option = app.screen.query_one("#survey-list", OptionList).get_option_at_index(0)
        assert first_option.prompt == "すべての回答"
        await pilot.press("1")
        await pilot.pause()
        assert type(app.screen).__name__ == "OkrScreen"
        assert any(b.description == "チェックイン" for _k, b in app.screen._bindings)
        tree = app.screen.query_one(OkrTree)
        first_line = str(tree.get_node_at_line(0).label)
        # The demo was built in English; the labels the app adds (the "behind" flag) now speak Japanese.
        assert "Maximise customer success" in first_line and "遅れ" in first_line
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("ctrl+l")  # back to English on the NPS screen
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert any(b.description == "Check-in" for _k, b in app.screen._bindings)
