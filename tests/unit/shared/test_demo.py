"""The demo workspace (NexBridge, seed 003) and the large benchmark workspace."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sqlite3
import types
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from cxtui import demo, paths
from cxtui.db.store import Store
from cxtui.demo import build_demo, write_demo
from cxtui.domains import Domain
from cxtui.i18n import t_in
from cxtui.okr import checkin_repo as okr_checkins
from cxtui.okr import periods as okr_periods
from cxtui.okr import repo as okr
from cxtui.okr.demo import checkin_date, load_data, q1_dates
from cxtui.okr.models import Confidence, KeyResult, KRKind, Period
from cxtui.okr.tree import ObjectiveNode, build_tree

TODAY = date(2026, 11, 22)  # a Sunday, as in tests/conftest.py
WEDNESDAY = date(2026, 11, 18)

COMPANY = {"en": "Maximise customer success", "ja": "顧客の成功を最大化する"}
DEPARTMENTS = {
    "en": [
        "Win more contracts where customers succeed",
        "Deliver the features customers ask for, fastest",
        "Resolve customers' questions immediately",
    ],
    "ja": ["顧客が成功する契約を増やす", "顧客が求める機能を最速で届ける", "顧客の疑問を即座に解決する"],
}
Q2_COMPANY = {"en": "Become a service customers can't let go of", "ja": "顧客が手放せないサービスになる"}


def built(lang: str, today: date = TODAY) -> Store:
    """A throwaway workspace holding the demo."""
    store = Store.memory()
    build_demo(store, lang, today)
    return store


def tree(store: Store, period: Period, today: date = TODAY) -> list[ObjectiveNode]:
    """The OKR tree of `period` as the screens and the report see it."""
    return build_tree(
        period, okr.objectives(store, period.id), okr.key_results_in_period(store, period.id), today
    )


def q1_and_q2(store: Store) -> tuple[Period, Period]:
    """The demo's two periods, oldest first."""
    q1, q2 = okr_periods.periods(store)
    return q1, q2


def kr_titled(store: Store, period: Period, starts_with: str) -> KeyResult:
    """The one KR of `period` whose title starts with `starts_with`."""
    found = [
        kr
        for krs in okr.key_results_in_period(store, period.id).values()
        for kr in krs
        if kr.title.startswith(starts_with)
    ]
    assert len(found) == 1, found
    return found[0]


def snapshot(store: Store) -> list[Any]:
    """Everything a user sees of the demo, without ids and timestamps."""
    out: list[Any] = []
    for period in okr_periods.periods(store):
        out.append((period.name, period.start, period.end))
        for root in tree(store, period):
            for node in root.walk():
                o = node.objective
                out.append((o.title, o.owner, o.description, o.position, node.progress))
                for view in node.krs:
                    kr = view.kr
                    out.append((kr.title, kr.kind, kr.start, kr.target, kr.current, kr.confidence, kr.unit))
                    out.extend(
                        (c.date, c.value, c.confidence, c.note, c.blocker)
                        for c in okr_checkins.checkins(store, kr.id)
                    )
    return out


# -- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize("today", [date(2026, 11, 16) + timedelta(days=n) for n in range(7)])
def test_q1_is_twelve_weeks_ending_on_the_sunday_on_or_after_today(today: date) -> None:
    start, end = q1_dates(today)
    assert end.weekday() == 6 and 0 <= (end - today).days <= 6
    assert start.weekday() == 0 and (end - start).days == 83
    assert checkin_date(start, 12, today) <= today
    assert checkin_date(start, 11, today) < checkin_date(start, 12, today)


def test_periods_q1_contains_today_and_q2_follows() -> None:
    store = built("en")
    q1, q2 = q1_and_q2(store)
    assert (q1.name, q2.name) == ("NexBridge Q1", "NexBridge Q2")
    assert (q1.start, q1.end) == (date(2026, 8, 31), date(2026, 11, 22))
    assert (q2.start, q2.end) == (date(2026, 11, 23), date(2027, 2, 14))
    assert okr_periods.period_on(store, TODAY) == q1


# -- the tree -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_q1_tree_is_the_company_objective_with_three_aligned_departments(lang: str) -> None:
    store = built(lang)
    q1, _ = q1_and_q2(store)
    roots = tree(store, q1)
    assert [r.objective.title for r in roots] == [COMPANY[lang]]
    company = roots[0]
    assert len(company.krs) == 3
    assert [c.objective.title for c in company.children] == DEPARTMENTS[lang]
    assert all(len(c.krs) == 3 and not c.children for c in company.children)
    assert company.objective.owner == {"en": "Kenta Hashimoto", "ja": "橋本健太"}[lang]
    assert all(kr.owner for krs in okr.key_results_in_period(store, q1.id).values() for kr in krs)


def test_japanese_texts_come_from_the_seed() -> None:
    store = built("ja")
    q1, _ = q1_and_q2(store)
    titles = [v.kr.title for v in tree(store, q1)[0].krs]
    assert titles == [
        "顧客満足度を68% → 90%に向上",
        "解約率を月8% → 月3%に削減",
        "サポート問い合わせの平均対応時間を48時間 → 12時間に短縮",
    ]
    top5 = kr_titled(store, q1, "顧客要望トップ5")
    first = okr_checkins.checkins(store, top5.id)[-1]
    assert "レポート機能改善" in first.blocker and first.confidence is Confidence.at_risk
    retention = kr_titled(store, q1, "契約後3ヶ月")
    assert okr_checkins.checkins(store, retention.id)[-1].blocker == "契約後のフォローが不足"
    week1_notes = [okr_checkins.checkins(store, v.kr.id)[-1].note for v in tree(store, q1)[0].krs]
    assert week1_notes == [
        "施策:新規顧客へのオンボーディング強化",
        "施策:解約理由の分析開始",
        "施策:FAQ充実化で自己解決率向上",
    ]


def test_every_text_of_the_data_file_exists_in_both_languages() -> None:
    data = load_data()
    texts: list[Any] = []
    for period in (data.q1, data.q2):
        texts.append(period.name)
        for objective in period.objectives:
            texts += [objective.title, objective.owner, objective.description]
            for kr in objective.krs:
                texts += [kr.title, kr.unit, *kr.notes.values(), *kr.blockers.values()]
    assert all(text.en.strip() and text.ja.strip() for text in texts)


# -- check-ins and the story --------------------------------------------------------------------


@pytest.mark.parametrize("today", [TODAY, WEDNESDAY])
def test_every_q1_kr_has_twelve_checkins_none_in_the_future(today: date) -> None:
    store = built("en", today)
    q1, _ = q1_and_q2(store)
    krs = [kr for krs in okr.key_results_in_period(store, q1.id).values() for kr in krs]
    assert len(krs) == 12
    for kr in krs:
        checkins = okr_checkins.checkins(store, kr.id)
        dates = [c.date for c in checkins]
        assert len(checkins) == 12 and len(set(dates)) == 12
        assert all(q1.start <= d <= today for d in dates)
        assert kr.current == checkins[0].value and kr.confidence == checkins[0].confidence
    if today == WEDNESDAY:
        assert max(dates) == today  # week 12's Friday is still ahead: its check-in is dated today


def test_company_krs_follow_the_seed_story() -> None:
    store = built("en")
    q1, _ = q1_and_q2(store)
    satisfaction, churn, support = (v.kr for v in tree(store, q1)[0].krs)
    satisfaction_values, churn_values, support_values = (
        [c.value for c in reversed(okr_checkins.checkins(store, kr.id))]
        for kr in (satisfaction, churn, support)
    )
    assert satisfaction_values[0] == 72 and satisfaction_values[-1] == 85
    assert churn_values[0] == 7.2 and churn_values[-1] == 4.5
    assert support_values[0] == 38 and support_values[-1] == 15
    assert (churn.kind, support.kind) == (KRKind.decrease, KRKind.decrease)
    # Churn lags (the seed: 解約率の改善が遅れています): at risk by the end.
    assert churn.confidence is Confidence.at_risk


def test_confidence_changes_over_time() -> None:
    store = built("en")
    q1, _ = q1_and_q2(store)
    seen = {
        c.confidence
        for krs in okr.key_results_in_period(store, q1.id).values()
        for kr in krs
        for c in okr_checkins.checkins(store, kr.id)
    }
    assert seen == set(Confidence)
    churn = kr_titled(store, q1, "Cut monthly churn")
    history = [c.confidence for c in reversed(okr_checkins.checkins(store, churn.id))]
    assert history[0] is Confidence.on_track and history[-1] is Confidence.at_risk


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_company_progress_uses_the_design_formula(lang: str) -> None:
    store = built(lang)
    q1, _ = q1_and_q2(store)
    company = tree(store, q1)[0]
    assert [v.progress for v in company.krs] == pytest.approx([17 / 22, 0.7, 33 / 36])
    # (77.3 % + 70 % + 91.7 %) / 3; the seed's own arithmetic says 86 %.
    assert company.progress == pytest.approx((17 / 22 + 0.7 + 33 / 36) / 3)
    assert round(company.progress * 100, 1) == 79.6


# -- the Q2 reset -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_q2_is_the_quarterly_reset(lang: str) -> None:
    store = built(lang)
    q1, q2 = q1_and_q2(store)
    roots = tree(store, q2)
    assert [r.objective.title for r in roots] == [Q2_COMPANY[lang]]
    company = roots[0]
    assert [(v.kr.kind, v.kr.start, v.kr.target) for v in company.krs] == [
        (KRKind.decrease, 4.5, 2.0),
        (KRKind.increase, 74.0, 82.0),
        (KRKind.increase, -5.0, 40.0),
    ]
    assert [c.objective.title for c in company.children] == DEPARTMENTS[lang]
    q1_departments = tree(store, q1)[0].children
    for old, new in zip(q1_departments, company.children, strict=True):
        for old_view, new_view in zip(old.krs, new.krs, strict=True):
            old_kr, new_kr = old_view.kr, new_view.kr
            assert (new_kr.title, new_kr.kind, new_kr.target) == (old_kr.title, old_kr.kind, old_kr.target)
            if old_kr.kind in (KRKind.increase, KRKind.decrease):
                assert new_kr.start == old_kr.current  # starts where Q1 ended
    q2_krs = [kr for krs in okr.key_results_in_period(store, q2.id).values() for kr in krs]
    assert len(q2_krs) == 12
    assert all(kr.current is None and not okr_checkins.checkins(store, kr.id) for kr in q2_krs)


# -- determinism, undo, the file ------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_same_inputs_give_the_same_demo(lang: str) -> None:
    assert snapshot(built(lang)) == snapshot(built(lang))
    assert snapshot(built(lang, WEDNESDAY)) != snapshot(built(lang))


def test_content_does_not_depend_on_the_ui_language() -> None:
    # conftest sets English; the Japanese demo is still all Japanese.
    store = built("ja")
    q1, _ = q1_and_q2(store)
    assert tree(store, q1)[0].objective.title == COMPANY["ja"]


def test_the_demo_cannot_be_undone() -> None:
    store = built("en")
    assert not store.can_undo and not store.can_redo
    assert store.undo() is None
    assert len(okr_periods.periods(store)) == 2


def test_every_domain_adds_its_part_and_it_cannot_be_undone(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, date]] = []

    def add_demo(store: Store, lang: str, today: date) -> None:
        with store.action("extension"):
            store.set_setting("demo.extension", lang)
        calls.append((lang, today))

    module = types.ModuleType("cxtui_fake_demo_extension")
    module.add_demo = add_demo  # type: ignore[attr-defined]
    real_parts = demo.parts
    monkeypatch.setattr(demo, "parts", lambda name: [*real_parts(name), (Domain("fake", ()), module)])
    store = built("ja")
    assert calls == [("ja", TODAY)]
    assert store.setting("demo.extension") == "ja"
    assert not store.can_undo


def test_write_demo_writes_a_fresh_copy_and_replaces_the_old_one() -> None:
    path = write_demo("ja")  # today from CXTUI_TODAY (conftest)
    assert path == paths.demo_path("ja") and path.exists()
    store = Store.open(path)
    q1, _ = q1_and_q2(store)
    assert q1.end == TODAY
    first = snapshot(store)
    store.db.execute("DELETE FROM checkins")
    store.db.conn.commit()
    store.close()
    Path(f"{path}-wal").write_bytes(b"stale write-ahead log")
    Path(f"{path}-shm").write_bytes(b"stale shared memory")

    again = write_demo("ja", TODAY)
    assert again == path
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()
    assert not list(path.parent.glob("*.building*"))
    store = Store.open(path)
    try:
        assert snapshot(store) == first
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not store.can_undo
    finally:
        store.close()


def test_written_demo_is_one_self_contained_file() -> None:
    path = write_demo("en", TODAY)
    assert not Path(f"{path}-wal").exists()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 144


def test_cli_message_is_translated() -> None:
    assert t_in("en", "cli.msg.demo_written", path="x") == "Demo workspace: x"
    assert t_in("ja", "cli.msg.demo_written", path="x") == "デモのワークスペース: x"


# -- the large benchmark workspace ----------------------------------------------------------------


def _make_large_module() -> types.ModuleType:
    source = Path(__file__).resolve().parents[3] / "bench" / "make_large.py"
    spec = importlib.util.spec_from_file_location("bench_make_large", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_large_workspace_has_the_promised_rows(tmp_path: Path) -> None:
    make_large = _make_large_module().make_large
    path = make_large(tmp_path / "large.cxtui", TODAY)
    store = Store.open(path)
    try:
        (period,) = okr_periods.periods(store)
        assert period.start <= TODAY <= period.end and period.name == "2026 Q4"

        def count(sql: str) -> int:
            return int(store.db.execute(sql).fetchone()[0])

        assert count("SELECT count(*) FROM objectives") == 200
        assert count("SELECT count(*) FROM objectives WHERE parent_id IS NULL") == 40
        assert count("SELECT count(*) FROM key_results") == 1000
        assert count("SELECT count(*) FROM checkins") == 52_000
        assert count("SELECT count(DISTINCT kind) FROM key_results") == len(KRKind)
        assert count("SELECT max(n) - min(n) FROM (SELECT count(*) n FROM checkins GROUP BY kr_id)") == 0
        assert store.db.execute("SELECT max(date) FROM checkins").fetchone()[0] == TODAY.isoformat()
        # Each KR shows its latest check-in, as record_checkin would leave it.
        assert (
            count(
                "SELECT count(*) FROM key_results k JOIN checkins c ON c.kr_id = k.id "
                "WHERE c.date = (SELECT max(date) FROM checkins WHERE kr_id = k.id) "
                "AND c.value = k.current AND c.confidence = k.confidence"
            )
            == 1000
        )
        roots = tree(store, period)
        assert sum(len(r.walk()) for r in roots) == 200
        assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        store.close()
    # Writing again replaces the file rather than adding to it.
    make_large(path, TODAY)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM key_results").fetchone()[0] == 1000
