"""Pilot tests of the LTV·ROX screen on the demo workspace: keys pressed, then the file and the screen checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TabbedContent

from cxtui.db.store import Store
from cxtui.demo import build_demo
from cxtui.i18n import set_language
from cxtui.loyalty import queries as loyalty_queries
from cxtui.loyalty import repo
from cxtui.loyalty.models import Outcome
from screens.app import CxApp
from screens.loyalty.charts import FigureChart, RoxCharts
from screens.loyalty.screen import LoyaltyScreen
from screens.loyalty.tables import DealsTable, MonthsTable, RoxTable
from screens.shared.choice import ChoiceBar
from screens.shared.plain import plain_text
from tests.conftest import TODAY
from tests.ui.conftest import check_help_at_80x24, peer_key

SIZE = (120, 40)


def _demo(tmp_path: Path, lang: str = "en") -> tuple[CxApp, Store]:
    set_language(lang)
    store = Store.open(tmp_path / "demo.cxtui", create=True)
    build_demo(store, lang, TODAY)
    return CxApp(store=store, today=TODAY), store


async def _open(pilot: Pilot[None]) -> LoyaltyScreen:
    await pilot.pause()
    await pilot.press("5")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LoyaltyScreen)
    return screen


def _row(table: MonthsTable | RoxTable | DealsTable, index: int) -> list[str]:
    return [cell.plain for cell in table.get_row_at(index)]


def _text(widget: Static) -> str:
    return plain_text(widget.render(), 200).strip()


async def test_key_5_shows_every_month_with_its_ltv_and_the_formula(tmp_path: Path) -> None:
    app, _store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        table = screen.query_one(MonthsTable)
        assert table.row_count == 6
        assert _row(table, 0) == ["2026-06", "40.5%", "18", "12.4%", "≈8.06 est.", "680", "≈5,484 est."]
        assert _row(table, 5) == ["2026-11", "50.7%", "34", "9.9%", "9.6", "728", "6,989"]
        assert "LTV = average spend × months retained" in _text(screen.query_one("#months-formula", Static))
        await pilot.press(peer_key("okr"))
        await pilot.pause()
        assert type(app.screen).__name__ == "OkrScreen"


async def test_record_a_month_then_undo_it(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "MonthDialog"
        assert dialog.query_one("#month", Input).value == "2026-12"  # 2026-11 is recorded already
        dialog.query_one("#repurchase_rate", Input).value = "52%"
        dialog.query_one("#churn_rate", Input).value = "９.５"
        dialog.query_one("#average_spend", Input).value = "¥740"
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = repo.find_month(store, "2026-12")
        assert saved is not None
        assert (saved.repurchase_rate, saved.churn_rate, saved.average_spend, saved.months_retained) == (
            52,
            9.5,
            740,
            None,
        )
        table = screen.query_one(MonthsTable)
        assert _row(table, 6)[0] == "2026-12" and _row(table, 6)[-1] == "≈7,789 est."
        assert table.cursor_row == 6  # on the new month
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert repo.find_month(store, "2026-12") is None
        assert screen.query_one(MonthsTable).row_count == 6


async def test_a_bad_figure_is_shown_beside_its_field_and_nothing_is_saved(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#churn_rate", Input).value = "120"
        dialog.query_one("#average_spend", Input).value = "700"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert (
            _text(dialog.query_one("#form-error", Static)) == "Churn rate: must be a percentage from 0 to 100"
        )
        assert app.focused is dialog.query_one("#churn_rate", Input)
        assert dialog.query_one("#average_spend", Input).value == "700"  # nothing typed is lost
        dialog.query_one("#churn_rate", Input).value = "10"
        await pilot.pause()
        live = _text(dialog.query_one("#ltv-live", Static))
        assert live == "LTV ≈ 700 × (100 ÷ 10) = 700 × 10 ≈ 7,000 (est.)"
        await pilot.press("escape")
        await pilot.pause()
        assert repo.find_month(store, "2026-12") is None


async def test_edit_a_month_with_enter_and_delete_one_each_undoable(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("down", "enter")  # 2026-07
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "MonthDialog"
        dialog.query_one("#months_retained", Input).value = "8"
        await pilot.press("ctrl+s")
        await pilot.pause()
        july = repo.find_month(store, "2026-07")
        assert july is not None and july.months_retained == 8
        assert _row(screen.query_one(MonthsTable), 1)[4] == "8"  # entered: no estimate mark any more
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("y")
        await pilot.pause()
        assert repo.find_month(store, "2026-07") is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert repo.find_month(store, "2026-07").months_retained == 8  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert repo.find_month(store, "2026-07").months_retained is None  # type: ignore[union-attr]


async def test_add_a_deal_then_undo_it(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "DealDialog"
        assert app.focused is dialog.query_one("#name", Input)
        await pilot.press(*"Aoba", "tab", "right")  # came by name: yes
        await pilot.pause()
        assert dialog.query_one("#came_by_name", ChoiceBar).value == "yes"
        assert _text(dialog.query_one("#start-live", Static)) == "★ Favourable start: By name"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (added,) = [d for d in repo.deals(store) if d.name == "Aoba"]
        assert added.date == TODAY and added.came_by_name and not added.already_understood
        assert added.outcome is Outcome.open
        assert screen.query_one("#loyalty-tabs", TabbedContent).active == "deals"
        table = screen.query_one(DealsTable)
        assert _row(table, table.cursor_row)[:4] == ["2026-11-22", "Aoba", "open", "★"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [d for d in repo.deals(store) if d.name == "Aoba"] == []
        assert "Aoba" not in [_row(table, i)[1] for i in range(table.row_count)]


async def test_edit_a_deals_outcome_from_the_log_then_undo(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("l")
        await pilot.pause()
        table = screen.query_one(DealsTable)
        table.focus()
        first = repo.deals(store)[0]
        assert _row(table, 0)[1] == first.name and first.outcome is Outcome.open
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#outcome", ChoiceBar).focus()
        await pilot.press("right")  # open -> won
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert repo.find_deal(store, first.id).outcome is Outcome.won  # type: ignore[union-attr]
        assert _row(table, 0)[2] == "won"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert repo.find_deal(store, first.id).outcome is Outcome.open  # type: ignore[union-attr]


async def test_delete_a_deal_asks_first_and_undo_brings_it_back(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("l")
        await pilot.pause()
        screen.query_one(DealsTable).focus()
        first = repo.deals(store)[0]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert repo.find_deal(store, first.id) is not None
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert repo.find_deal(store, first.id) is None and repo.deal_count(store) == 79
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert repo.find_deal(store, first.id) is not None


async def test_rox_tab_table_charts_and_a_month_opened_in_the_log(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("r")
        await pilot.pause()
        table = screen.query_one(RoxTable)
        months = loyalty_queries.rox_by_month(store)
        assert table.row_count == len(months) + 1
        october = [m.month for m in months].index("2026-10")
        assert _row(table, october)[:6] == ["2026-10", "15", "11", "73%", "70% (7/10)", "25% (1/4)"]
        assert _row(table, len(months))[:4] == ["Total", "80", "33", "41%"]
        charts = screen.query_one(RoxCharts)
        assert charts.rox_plot.series.months == [m.month for m in months]
        assert charts.rox_plot.series.values[october] == months[october].rate
        assert charts.nps_chart.display  # the demo has NPS answers in the same months
        assert [p.period for p in charts.nps_chart.plot.points] == [m.month for m in months]
        assert "Favourable (★)" in _text(screen.query_one("#rox-formula", Static))
        table.focus()
        table.move_cursor(row=october)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#loyalty-tabs", TabbedContent).active == "deals"
        deals = screen.query_one(DealsTable)
        assert deals.row_count == 15
        assert {_row(deals, i)[0][:7] for i in range(15)} == {"2026-10"}
        assert _text(screen.query_one("#deals-count", Static)).startswith("2026-10: 15 deal(s)")
        await pilot.press("l")
        await pilot.pause()
        assert deals.row_count == 80


async def test_f_charts_each_figure_in_turn(tmp_path: Path) -> None:
    app, _store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        chart = screen.query_one(FigureChart)
        titles = []
        for _ in range(6):
            titles.append(str(chart.title.render()))
            await pilot.press("f")
            await pilot.pause()
        assert titles == [
            "Repurchase rate by month (%)", "Referrals by month", "Churn rate by month (%)",
            "Months retained by month", "Average spend by month", "LTV by month",
        ]  # fmt: skip
        assert str(chart.title.render()) == titles[0]
        await pilot.press("f", "f", "f")  # months retained: the first two months are estimates
        await pilot.pause()
        assert chart.plot.series.estimated == [True, True, False, False, False, False]
        assert "x ≈ estimated" in _text(chart.legend)


async def test_columns_keep_their_widths_after_adding_from_the_log(tmp_path: Path) -> None:
    # Regression: a table whose columns were re-made with its rows drew them at their headers' width.
    app, _store = _demo(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Test", "ctrl+s")
        for _ in range(3):
            await pilot.pause()
        shot = app.export_screenshot().replace("&#160;", " ")
        assert "2026-11-22" in shot and "Ogura Tools" in shot


async def test_import_a_deal_log_from_the_screen_then_undo(tmp_path: Path) -> None:
    app, store = _demo(tmp_path)
    source = tmp_path / "log.csv"
    source.write_text(
        "日付,案件,指名,結果\n2026/11/10,新規A社,○,受注\n2026/11/11,新規B社,,失注\nbad,x,1,won\n",
        encoding="cp932",
    )
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#kind", ChoiceBar).value == "months"  # from the Monthly tab
        dialog.query_one("#kind", ChoiceBar).value = "deals"
        dialog.query_one("#path", Input).value = str(source)
        await pilot.press("ctrl+s")
        for _ in range(5):
            await pilot.pause()
        result = app.screen
        assert type(result).__name__ == "ImportResultDialog"
        assert repo.deal_count(store) == 82
        await pilot.press("ctrl+s")  # save the rejected row beside the file
        await pilot.pause()
        assert (tmp_path / "log.rejects.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("4,")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert repo.deal_count(store) == 80


async def test_language_switch_relabels_the_screen(tmp_path: Path) -> None:
    app, _store = _demo(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("r")  # built in English first
        await pilot.pause()
        await pilot.press("m", "ctrl+l")
        for _ in range(3):
            await pilot.pause()
        table = screen.query_one(MonthsTable)
        assert [c.label.plain for c in table.ordered_columns][:3] == ["月", "再購入率", "紹介数"]
        assert _row(table, 0)[4] == "≈8.06 推定"
        await pilot.press("r")
        await pilot.pause()
        rox = screen.query_one(RoxTable)
        assert [c.label.plain for c in rox.ordered_columns][:4] == ["月", "案件数", "有利★", "ROX率"]
        assert _row(rox, rox.row_count - 1)[0] == "全期間"
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "ja"])
async def test_help_shows_the_ltv_and_rox_formulas_not_the_okr_ones_at_80x24(
    tmp_path: Path, lang: str
) -> None:
    okr_formula, formulas, last_words = {
        "en": ("KR progress", ("Simple LTV = average spend × months retained", "100 ÷ churn rate (%) = 1 ÷ churn",
                               "at least one of its three signals", "ROX rate = 100 × favourable ÷ deals",
                               "for favourable deals and for the other decided deals"), "no rate."),
        "ja": ("KRの進捗", ("簡易LTV = 客単価 × 継続月数", "100 ÷ 解約率(%)= 1 ÷ 解約率", "1つでもある案件",
                            "ROX率 = 100 × 有利なスタートの案件 ÷ 案件数", "それ以外の決着した案件"),
               "率は示しません。"),
    }[lang]  # fmt: skip
    app, _store = _demo(tmp_path, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await check_help_at_80x24(pilot, formulas, okr_formula, last_words)
