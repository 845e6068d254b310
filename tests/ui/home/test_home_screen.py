"""Pilot tests of the home dashboard, the first screen of a workspace: what each panel says on the demo,
every panel leading to its screen, the weekly review from one key, exporting the report and the screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.i18n import set_language
from screens.app import CxApp
from screens.home.screen import HomeScreen, Panel
from screens.shared.choice import ChoiceBar
from tests.conftest import TODAY
from tests.ui.conftest import peer_key

SIZE = (120, 40)


def demo_app(tmp_path: Path, lang: str = "en") -> tuple[CxApp, Store]:
    set_language(lang)
    store = Store.open(tmp_path / "demo.cxtui", create=True)
    build_demo(store, lang, TODAY)
    return CxApp(store=store, today=TODAY), store


def panel(app: CxApp, name: str) -> str:
    return app.screen.query_one(f"#panel-{name}", Panel).as_text()


async def test_the_dashboard_is_the_first_screen_and_says_how_the_week_stands(tmp_path: Path) -> None:
    app, store = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        okr = panel(app, "okr")
        assert "NexBridge Q1" in okr and "Maximise customer success" in okr and "80% ●" in okr
        assert "Weakest key results:" in okr and "67%" in okr  # lowest progress first
        kpis = panel(app, "kpis")
        assert "Left the lunch queue" in kpis and "16 people ▼ better" in kpis
        assert any(c in kpis for c in "▁▂▃▄▅▆▇█")  # sparklines
        assert "NPS" in kpis and "pts" in kpis and ".67" not in kpis  # an NPS KPI in whole points
        assert "3 to 5 are enough" not in kpis  # the demo watches five
        nps = panel(app, "nps")
        assert nps.startswith("NPS +") and "last 30 days" in nps and "by month" in nps
        rox = panel(app, "rox")  # the demo's deal log (cxtui.loyalty)
        assert rox.startswith("ROX ") and "deals started favourable" in rox
        cycle = panel(app, "cycle")
        assert "Guide first in demos" in cycle and "1 day(s) left" in cycle and "Hypothesis:" in cycle
        assert "No need to compare. Can we start next month?" in panel(app, "voices")
        due = panel(app, "due")
        assert "Weekly review due (last: 2026-11-13)" in due
        assert "0 of 12 KRs without a check-in this week" in due
        assert "Cycles to review: Guide first in demos" in due
        # A sixth focus KPI: a warning on the dashboard, not a block.
        from cxtui.kpi import repo as kpi_repo

        sixth = next(k for k in kpi_repo.kpis(store) if not k.focus)
        kpi_repo.set_focus(store, sixth.id, True)
        app.screen.reload()
        await pilot.pause()
        assert "6 focus KPIs: 3 to 5 are enough" in panel(app, "kpis")


async def test_every_panel_leads_to_its_screen(tmp_path: Path) -> None:
    app, _store = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, screen in (("o", "OkrScreen"), ("n", "NpsScreen"), ("c", "CyclesScreen")):
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == screen, key
            await pilot.press(peer_key("home"))
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        # KPIs and voices lead to the KPI screen; where this cxtui has none, to the cycles (evidence).
        await pilot.press("k")
        await pilot.pause()
        assert type(app.screen).__name__ == ("KpiScreen" if app.has_peer("kpi") else "CyclesScreen")
        await pilot.press(peer_key("home"))
        await pilot.pause()
        # Enter on a focused panel: the due panel opens the weekly review.
        app.screen.query_one("#panel-due", Panel).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "left part-way" in panel(app, "due")  # the dashboard reloads what changed


async def test_r_leads_to_ltv_rox_and_v_to_the_voices_of_the_kpi_screen(tmp_path: Path) -> None:
    app, _store = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")  # the ROX panel: the LTV·ROX screen
        await pilot.pause()
        assert type(app.screen).__name__ == "LoyaltyScreen"
        assert app.screen is app.get_screen("loyalty")
        await pilot.press(peer_key("home"))
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        for _ in range(2):  # the KPI screen shown for the first time, then again from its cards
            await pilot.press("v")  # this week's voices: the KPI screen's voices view
            await pilot.pause()
            kpi = app.screen
            assert type(kpi).__name__ == "KpiScreen" and kpi.view == "voices"  # type: ignore[attr-defined]
            table = kpi.query_one("#voices-table", DataTable)
            assert table.has_focus and table.row_count > 0
            assert any(
                "No need to compare" in str(cell) for cell in table.get_row_at(0) + table.get_row_at(1)
            )
            await pilot.press("c")  # back to the cards, then home
            await pilot.pause()
            assert kpi.view == "cards"  # type: ignore[attr-defined]
            await pilot.press(peer_key("home"))
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        await pilot.press("k")  # the KPI panel keeps the screen's own view
        await pilot.pause()
        assert app.screen.view == "cards"  # type: ignore[attr-defined]


async def test_the_report_is_exported_beside_the_workspace(tmp_path: Path) -> None:
    app, _store = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        path = dialog.query_one("#path", Input)
        assert path.value == str(tmp_path / "demo-report-2026-11-22.html")
        await pilot.press("right")  # Markdown: the suffix follows
        await pilot.pause()
        assert dialog.query_one("#fmt", ChoiceBar).value == "markdown"
        assert path.value.endswith("demo-report-2026-11-22.md")
        await pilot.press("left", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    page = (tmp_path / "demo-report-2026-11-22.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Weekly report: NexBridge Q1" in page


async def test_the_screen_is_saved_as_svg_for_slides(tmp_path: Path) -> None:
    app, _store = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
    [svg] = list(tmp_path.glob("demo-screen-*.svg"))
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg") and "Maximise" in text


async def test_palette_has_the_review_the_export_and_the_screenshot(tmp_path: Path) -> None:
    app, _store = demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {
            "Weekly review",
            "Export the weekly report",
            "Save the screen as SVG",
            "Past weekly reviews",
        } <= titles


async def test_japanese_dashboard(tmp_path: Path) -> None:
    app, _store = demo_app(tmp_path, "ja")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "顧客の成功を最大化する" in panel(app, "okr")
        assert "週次レビューの時期です" in panel(app, "due")
        assert app.screen.query_one("#panel-due", Panel).border_title == "今週やること (w: 週次レビュー)"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.screen.query_one("#panel-due", Panel).border_title == "Due this week (w: weekly review)"
